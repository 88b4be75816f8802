//! Edge labels (有异议, 不符合 …): measured before the y phase (a label above a box needs room
//! in the gap), then placed at the first candidate spot that keeps off boxes, other labels and
//! lines: beside a corner exit, beside the final or first vertical, above or below a run.

use super::geometry::{Point, Rect};
use super::params::Params;
use super::state::Layered;
use super::{Anchor, EdgeLayout, LabelLayout, TextLine};
use crate::flow::graph::FlowGraph;
use crate::flow::text::{Metrics, wrap};

/// A label's wrapped lines and size.
pub(super) struct LabelBlock {
    pub lines: Vec<String>,
    pub w: f32,
    pub h: f32,
}

/// Per chain, then per loop (index `chains.len() + li`): the edge's label, if it has one.
pub(super) fn measure(
    lg: &Layered,
    graph: &FlowGraph,
    metrics: &Metrics,
    p: &Params,
) -> Vec<Option<LabelBlock>> {
    lg.chains
        .iter()
        .map(|c| c.edge)
        .chain(lg.loops.iter().map(|l| l.edge))
        .map(|e| {
            let text = graph.edges[e].label.as_deref()?.trim();
            if text.is_empty() {
                return None;
            }
            let lines = wrap(text, 8.0, metrics);
            let w = lines.iter().map(|l| metrics.text_em(l)).fold(0.0, f32::max) * p.label_fs
                + 0.3 * p.fs;
            let h = lines.len() as f32 * p.label_lh;
            Some(LabelBlock { lines, w, h })
        })
        .collect()
}

/// Height of the tallest label per gap that will sit beside a final vertical above its target.
pub(super) fn zones(lg: &Layered, blocks: &[Option<LabelBlock>]) -> Vec<f32> {
    let mut label_zone = vec![0.0f32; lg.ranks + 1];
    for (ci, c) in lg.chains.iter().enumerate() {
        if let (Some(block), None) = (&blocks[ci], c.corner) {
            let g = lg.verts[c.last()].rank;
            label_zone[g] = label_zone[g].max(block.h);
        }
    }
    label_zone
}

/// Places the labels of forward edges; `edges[ci]` is the route of chain `ci`.
pub(super) fn place(
    lg: &Layered,
    blocks: &[Option<LabelBlock>],
    edges: &[EdgeLayout],
    segments: &[(Point, Point)],
    rects: &[Rect],
    p: &Params,
) -> Vec<LabelLayout> {
    let mut labels: Vec<LabelLayout> = Vec::new();
    for (ci, c) in lg.chains.iter().enumerate() {
        let Some(block) = &blocks[ci] else {
            continue;
        };
        let cands = candidates(c.corner, &edges[ci].points, block.w, block.h, p.fs);
        let cost = |r: &Rect| -> f32 {
            let boxes_hit = rects.iter().filter(|b| b.overlaps(r, -1.0)).count() as f32;
            let labels_hit = labels.iter().filter(|l| l.rect.overlaps(r, -1.0)).count() as f32;
            let lines_hit = segments
                .iter()
                .filter(|(a, b)| r.hits_segment(*a, *b, -0.5))
                .count() as f32;
            1000.0 * boxes_hit + 1000.0 * labels_hit + 10.0 * lines_hit
        };
        let mut best = (f32::INFINITY, cands[0]);
        for (i, r) in cands.iter().enumerate() {
            let score = cost(r) + i as f32 * 0.01;
            if score < best.0 {
                best = (score, *r);
            }
            if score < 1.0 {
                break;
            }
        }
        labels.push(label_layout(c.edge, best.1, &block.lines, false, p));
    }
    labels
}

/// Candidate spots in order of preference for a `w` × `h` label on the route `pts`.
fn candidates(corner: Option<f32>, pts: &[Point], w: f32, h: f32, fs: f32) -> Vec<Rect> {
    let gapx = 0.3 * fs;
    let at = |x: f32, y: f32| Rect { x, y, w, h };
    let mut cands: Vec<Rect> = Vec::new();
    if let Some(side) = corner {
        let (p0, p1) = (pts[0], pts[1]);
        let x = if side > 0.0 {
            p0.x + gapx
        } else {
            p0.x - gapx - w
        };
        cands.push(at(x, p0.y - 0.15 * fs - h));
        // Below the run only if it clears the drop to the target.
        if (p1.x - p0.x).abs() > w + 2.0 * gapx {
            cands.push(at(x, p0.y + 0.15 * fs));
        }
    }
    let k = pts.len();
    if k >= 2 {
        // Beside the final vertical, just above the target; then higher up; then left.
        let (a, b) = (pts[k - 2], pts[k - 1]);
        if (a.x - b.x).abs() < 0.01 {
            let y_low = b.y - 0.6 * fs * 0.5 - h;
            let y_high = a.y + 0.2 * fs;
            for yy in [y_low, (y_low + y_high) / 2.0, y_high] {
                cands.push(at(b.x + gapx, yy));
                cands.push(at(b.x - gapx - w, yy));
            }
        }
        // Beside the first vertical, just below the source.
        let (a, b) = (pts[0], pts[1]);
        if (a.x - b.x).abs() < 0.01 && b.y > a.y {
            cands.push(at(a.x + gapx, a.y + 0.2 * fs));
            cands.push(at(a.x - gapx - w, a.y + 0.2 * fs));
        }
        // Above or below horizontal runs.
        for wdw in pts.windows(2) {
            let (a, b) = (wdw[0], wdw[1]);
            if (a.y - b.y).abs() < 0.01 {
                let mx = (a.x + b.x) / 2.0;
                cands.push(at(mx - w / 2.0, a.y - 0.15 * fs - h));
                cands.push(at(mx - w / 2.0, a.y + 0.15 * fs));
            }
        }
    }
    if cands.is_empty() {
        let a = pts.first().copied().unwrap_or(Point::new(0.0, 0.0));
        cands.push(at(a.x + gapx, a.y));
    }
    cands
}

/// A label's text lines in `rect`: horizontal lines, or one character per line (vertical).
pub(super) fn label_layout(
    edge: usize,
    rect: Rect,
    lines: &[String],
    vertical: bool,
    p: &Params,
) -> LabelLayout {
    let step = if vertical {
        p.label_fs * 1.1
    } else {
        p.label_lh
    };
    let lines = lines
        .iter()
        .enumerate()
        .map(|(k, text)| TextLine {
            text: text.clone(),
            x: if vertical {
                rect.cx()
            } else {
                rect.x + 0.15 * p.fs
            },
            baseline: rect.y + (k as f32 + 0.5) * step + 0.38 * p.label_fs,
            anchor: if vertical {
                Anchor::Middle
            } else {
                Anchor::Start
            },
        })
        .collect();
    LabelLayout {
        edge,
        rect,
        lines,
        vertical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_prefers_the_side_of_the_final_vertical_just_above_the_target() {
        let pts = [Point::new(0.0, 0.0), Point::new(0.0, 100.0)];
        let c = candidates(None, &pts, 20.0, 10.0, 10.0);
        assert_eq!(
            c[0],
            Rect {
                x: 3.0,
                y: 100.0 - 3.0 - 10.0,
                w: 20.0,
                h: 10.0
            }
        );
        assert_eq!(c[1].x, -23.0);
    }

    #[test]
    fn a_corner_exit_label_sits_above_its_run() {
        let pts = [
            Point::new(50.0, 40.0),
            Point::new(150.0, 40.0),
            Point::new(150.0, 90.0),
        ];
        let c = candidates(Some(1.0), &pts, 20.0, 10.0, 10.0);
        assert_eq!(
            c[0],
            Rect {
                x: 53.0,
                y: 40.0 - 1.5 - 10.0,
                w: 20.0,
                h: 10.0
            }
        );
        // The run is long enough for a second spot below it.
        assert_eq!(c[1].y, 41.5);
    }

    #[test]
    fn vertical_labels_hold_one_character_per_line() {
        let p = Params::new(10.0, 1.0);
        let rect = Rect {
            x: 0.0,
            y: 0.0,
            w: 12.0,
            h: 30.0,
        };
        let l = label_layout(3, rect, &["复".into(), "核".into()], true, &p);
        assert!(l.vertical);
        assert_eq!(l.lines[1].x, 6.0);
        assert!(l.lines[1].baseline > l.lines[0].baseline);
    }
}
