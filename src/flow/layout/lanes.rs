//! Loop lanes: each loop edge runs on a lane outside everything drawn so far on its side,
//! shorter loops nearer the chart; its label is written vertically outside the lane.

use super::geometry::{Point, Rect};
use super::labels::{LabelBlock, label_layout};
use super::params::Params;
use super::routing::{arrowhead, loop_route};
use super::state::Layered;
use super::ypos::Rows;
use super::{EdgeLayout, LabelLayout};

/// Adds the loop edges (and their labels) after everything else is placed.
pub(super) fn place(
    lg: &Layered,
    rows: &Rows,
    loop_labels: &[Option<LabelBlock>],
    rects: &[Rect],
    labels: &mut Vec<LabelLayout>,
    edges: &mut Vec<EdgeLayout>,
    p: &Params,
) {
    let fs = p.fs;
    let mut lane_edge = extents(rects, labels, edges);
    let mut order: Vec<usize> = (0..lg.loops.len()).collect();
    order.sort_by_key(|&li| {
        let lp = &lg.loops[li];
        (lg.verts[lp.from].rank - lg.verts[lp.to].rank, li)
    });
    for li in order {
        let lp = &lg.loops[li];
        let si = usize::from(lp.side > 0.0);
        let lane = lane_edge[si] + lp.side * 1.5 * fs;
        let pts = loop_route(lg, rows, lp, lane);
        let mut reach = lane;
        if let Some(block) = loop_labels[li].as_ref() {
            let rect = vertical_label_rect(&block.lines, &pts, lane, lp.side, p);
            reach = if lp.side > 0.0 { rect.right() } else { rect.x };
            let chars = vertical_chars(&block.lines);
            labels.push(label_layout(lp.edge, rect, &chars, true, p));
        }
        lane_edge[si] = reach;
        edges.push(EdgeLayout {
            edge: Some(lp.edge),
            from: lp.from,
            to: lp.to,
            arrow: arrowhead(&pts, p),
            points: pts,
            dashed: false,
            loop_back: true,
            hops: Vec::new(),
        });
    }
}

/// Leftmost and rightmost x of the boxes, labels and routed edges.
fn extents(rects: &[Rect], labels: &[LabelLayout], edges: &[EdgeLayout]) -> [f32; 2] {
    let mut right_ext = f32::NEG_INFINITY;
    let mut left_ext = f32::INFINITY;
    for r in rects {
        right_ext = right_ext.max(r.right());
        left_ext = left_ext.min(r.x);
    }
    for l in labels {
        right_ext = right_ext.max(l.rect.right());
        left_ext = left_ext.min(l.rect.x);
    }
    for e in edges {
        for q in &e.points {
            right_ext = right_ext.max(q.x);
            left_ext = left_ext.min(q.x);
        }
    }
    [left_ext, right_ext]
}

/// One character per line, blanks dropped.
fn vertical_chars(lines: &[String]) -> Vec<String> {
    lines
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_string())
        .collect()
}

/// The label sits outside its lane, centred on the lane's vertical stretch.
fn vertical_label_rect(lines: &[String], pts: &[Point], lane: f32, side: f32, p: &Params) -> Rect {
    let fs = p.fs;
    let n = vertical_chars(lines).len();
    let w = p.label_fs + 0.3 * fs;
    let h = n as f32 * p.label_fs * 1.1;
    let (y0, y1) = pts
        .iter()
        .filter(|q| (q.x - lane).abs() < 0.01)
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), q| {
            (a.min(q.y), b.max(q.y))
        });
    let mid = if y0.is_finite() { (y0 + y1) / 2.0 } else { 0.0 };
    let x = if side > 0.0 {
        lane + 0.25 * fs
    } else {
        lane - 0.25 * fs - w
    };
    Rect {
        x,
        y: mid - h / 2.0,
        w,
        h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vertical_label_is_centred_on_its_lane_outside_it() {
        let p = Params::new(10.0, 1.0);
        let pts = [
            Point::new(0.0, 100.0),
            Point::new(50.0, 100.0),
            Point::new(50.0, 20.0),
            Point::new(0.0, 20.0),
        ];
        let lines = vec!["复核后".to_string(), "再次 告知".to_string()];
        assert_eq!(vertical_chars(&lines).len(), 7);
        let r = vertical_label_rect(&lines, &pts, 50.0, 1.0, &p);
        assert_eq!(r.x, 52.5);
        assert!((r.cy() - 60.0).abs() < 1e-3);
        let left = vertical_label_rect(&lines, &pts, 50.0, -1.0, &p);
        assert_eq!(left.right(), 47.5);
    }
}
