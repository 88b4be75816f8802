//! The boxes at their final place, with their text lines: centred in boxes, diamonds and
//! terminals; left-aligned in notes.

use super::geometry::Rect;
use super::params::{Params, Shape};
use super::state::{Input, Layered};
use super::ypos::Rows;
use super::{Anchor, BoxLayout, TextLine};
use crate::flow::graph::NodeKind;

pub(super) fn place(
    lg: &Layered,
    g: &Input,
    shapes: &[Shape],
    rows: &Rows,
    p: &Params,
) -> Vec<BoxLayout> {
    let fs = p.fs;
    (0..g.n)
        .map(|i| {
            let v = &lg.verts[i];
            let rect = Rect::centered(v.x, rows.cy(v), v.w, v.h);
            let shape = &shapes[i];
            let first_center = rect.cy() - (shape.lines.len() as f32 - 1.0) * p.lh / 2.0;
            let note = g.kind(i) == NodeKind::Note;
            let lines = shape
                .lines
                .iter()
                .enumerate()
                .map(|(k, text)| TextLine {
                    text: text.clone(),
                    x: if note { rect.x + 0.7 * fs } else { rect.cx() },
                    baseline: first_center + k as f32 * p.lh + 0.38 * fs,
                    anchor: if note { Anchor::Start } else { Anchor::Middle },
                })
                .collect();
            BoxLayout {
                node: i,
                kind: g.kind(i),
                rect,
                radius: shape.radius,
                lines,
            }
        })
        .collect()
}
