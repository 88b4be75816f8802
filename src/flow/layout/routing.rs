//! Phase 7, routing at right angles: a forward edge goes down from its source, across on its
//! track in the gap above the next vertex, and down again (a corner exit first runs sideways
//! from the diamond); notes get a dashed connector at their box's middle; loop edges run out
//! to a lane beside the chart, up, and back in.

use super::geometry::{Point, Rect};
use super::params::Params;
use super::state::{Layered, LoopEdge};
use super::tracks::Tracks;
use super::ypos::Rows;
use super::{BoxLayout, EdgeLayout};

/// The forward edges, in chain order, then the notes' connectors.
pub(super) fn forward(lg: &Layered, rows: &Rows, tracks: &Tracks, p: &Params) -> Vec<EdgeLayout> {
    let verts = &lg.verts;
    let mut out_edges: Vec<EdgeLayout> = Vec::new();
    for c in &lg.chains {
        let a = c.items[0];
        let last = c.last();
        let mut pts: Vec<Point> = Vec::new();
        let mut cur_x;
        if let Some(side) = c.corner {
            let b = c.items[1];
            pts.push(Point::new(
                verts[a].x + side * verts[a].w / 2.0,
                rows.cy(&verts[a]),
            ));
            pts.push(Point::new(verts[b].x, rows.cy(&verts[a])));
            cur_x = verts[b].x;
        } else {
            pts.push(Point::new(
                verts[a].x,
                rows.cy(&verts[a]) + verts[a].h / 2.0,
            ));
            cur_x = verts[a].x;
        }
        for (k, w) in c.items.windows(2).enumerate() {
            let (pa, q) = (w[0], w[1]);
            if !(k == 0 && c.corner.is_some()) && (verts[q].x - cur_x).abs() > 0.01 {
                let t = tracks.segment.get(&(pa, q)).copied().unwrap_or(0);
                let ty = rows.track_y(verts[q].rank, t);
                pts.push(Point::new(cur_x, ty));
                pts.push(Point::new(verts[q].x, ty));
                cur_x = verts[q].x;
            }
            if q == last {
                pts.push(Point::new(
                    verts[q].x,
                    rows.cy(&verts[q]) - verts[q].h / 2.0,
                ));
            }
        }
        let pts = simplify(pts);
        out_edges.push(EdgeLayout {
            edge: Some(c.edge),
            from: a,
            to: last,
            arrow: arrowhead(&pts, p),
            points: pts,
            dashed: false,
            loop_back: false,
            hops: Vec::new(),
        });
    }
    out_edges.extend(note_connectors(lg, rows));
    out_edges
}

/// Dashed, from the note's side to its box's side at the box's middle.
fn note_connectors(lg: &Layered, rows: &Rows) -> Vec<EdgeLayout> {
    let verts = &lg.verts;
    let mut out = Vec::new();
    for (v, vx) in verts.iter().enumerate() {
        let Some(t) = vx.note_of else { continue };
        let side = if vx.x < verts[t].x { 1.0 } else { -1.0 };
        let yy = rows.cy(&verts[t]);
        out.push(EdgeLayout {
            edge: None,
            from: v,
            to: t,
            points: vec![
                Point::new(vx.x + side * vx.w / 2.0, yy),
                Point::new(verts[t].x - side * verts[t].w / 2.0, yy),
            ],
            arrow: None,
            dashed: true,
            loop_back: false,
            hops: Vec::new(),
        });
    }
    out
}

/// A loop edge's route with its lane at x = `lane`.
pub(super) fn loop_route(lg: &Layered, rows: &Rows, lp: &LoopEdge, lane: f32) -> Vec<Point> {
    let (s, t) = (&lg.verts[lp.from], &lg.verts[lp.to]);
    let mut pts = Vec::new();
    if lp.side_exit {
        pts.push(Point::new(s.x + lp.side * s.w / 2.0, rows.cy(s)));
        pts.push(Point::new(lane, rows.cy(s)));
    } else {
        let ty = rows.track_y(s.rank + 1, lp.exit_track.unwrap_or(0));
        pts.push(Point::new(s.x, rows.cy(s) + s.h / 2.0));
        pts.push(Point::new(s.x, ty));
        pts.push(Point::new(lane, ty));
    }
    if lp.side_entry {
        pts.push(Point::new(lane, rows.cy(t)));
        pts.push(Point::new(t.x + lp.side * t.w / 2.0, rows.cy(t)));
    } else {
        let ty = rows.track_y(t.rank, lp.entry_track.unwrap_or(0));
        pts.push(Point::new(lane, ty));
        pts.push(Point::new(t.x, ty));
        pts.push(Point::new(t.x, rows.cy(t) - t.h / 2.0));
    }
    simplify(pts)
}

/// Every segment a label must keep off: the routed edges, and the loops with their lanes still
/// far away (their runs out to the lane are already known).
pub(super) fn segments(lg: &Layered, rows: &Rows, edges: &[EdgeLayout]) -> Vec<(Point, Point)> {
    let mut segments: Vec<(Point, Point)> = Vec::new();
    for e in edges {
        segments.extend(e.points.windows(2).map(|w| (w[0], w[1])));
    }
    for lp in &lg.loops {
        let pts = loop_route(lg, rows, lp, lp.side * super::exits::BIG);
        segments.extend(pts.windows(2).map(|w| (w[0], w[1])));
    }
    segments
}

/// Drops repeated points and the middle of three collinear ones.
pub(super) fn simplify(pts: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(pts.len());
    for q in pts {
        if out
            .last()
            .is_some_and(|l| (l.x - q.x).abs() < 0.01 && (l.y - q.y).abs() < 0.01)
        {
            continue;
        }
        if out.len() >= 2 {
            let a = out[out.len() - 2];
            let b = out[out.len() - 1];
            let vertical = (a.x - b.x).abs() < 0.01 && (b.x - q.x).abs() < 0.01;
            let horizontal = (a.y - b.y).abs() < 0.01 && (b.y - q.y).abs() < 0.01;
            let same_dir = (b.x - a.x) * (q.x - b.x) >= 0.0 && (b.y - a.y) * (q.y - b.y) >= 0.0;
            if (vertical || horizontal) && same_dir {
                out.pop();
            }
        }
        out.push(q);
    }
    out
}

/// A filled arrowhead at the last point: tip and the two base corners.
pub(super) fn arrowhead(pts: &[Point], p: &Params) -> Option<[Point; 3]> {
    let k = pts.len();
    if k < 2 {
        return None;
    }
    let (a, tip) = (pts[k - 2], pts[k - 1]);
    let (dx, dy) = (tip.x - a.x, tip.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-3 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (l, hw) = (p.arrow_len(), 0.3 * p.fs);
    let base = Point::new(tip.x - ux * l, tip.y - uy * l);
    Some([
        tip,
        Point::new(base.x - uy * hw, base.y + ux * hw),
        Point::new(base.x + uy * hw, base.y - ux * hw),
    ])
}

/// The rectangles of all boxes, which labels and lanes keep clear of.
pub(super) fn box_rects(boxes: &[BoxLayout]) -> Vec<Rect> {
    boxes.iter().map(|b| b.rect).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplify_drops_repeats_and_straight_middles_but_keeps_turns() {
        let pts = vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, 0.0),
            Point::new(0.0, 5.0),
            Point::new(0.0, 10.0),
            Point::new(8.0, 10.0),
        ];
        assert_eq!(
            simplify(pts),
            vec![
                Point::new(0.0, 0.0),
                Point::new(0.0, 10.0),
                Point::new(8.0, 10.0)
            ]
        );
        // A path that doubles back keeps its turning point.
        let back = vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, 10.0),
            Point::new(0.0, 5.0),
        ];
        assert_eq!(simplify(back.clone()), back);
    }

    #[test]
    fn the_arrowhead_points_along_the_last_segment() {
        let p = Params::new(10.0, 1.0);
        let a = arrowhead(&[Point::new(0.0, 0.0), Point::new(0.0, 20.0)], &p).unwrap();
        assert_eq!(a[0], Point::new(0.0, 20.0));
        assert_eq!(a[1], Point::new(-3.0, 14.0));
        assert_eq!(a[2], Point::new(3.0, 14.0));
        assert!(arrowhead(&[Point::new(1.0, 1.0)], &p).is_none());
    }
}
