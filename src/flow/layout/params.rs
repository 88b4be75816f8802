//! Sizes of one layout attempt and the measured shape of every box.

use crate::flow::graph::{FlowNode, NodeKind};
use crate::flow::text::{Metrics, wrap, wrap_filled};

/// Derived sizes for one attempt; everything scales with the body text size.
#[derive(Debug, Clone, Copy)]
pub(super) struct Params {
    pub fs: f32,
    pub lh: f32,
    pub label_fs: f32,
    pub label_lh: f32,
    /// Narrowing factor of the wrap widths of boxes and notes (1 = as wide as intended).
    pub scale: f32,
}

impl Params {
    pub fn new(fs: f32, scale: f32) -> Params {
        // Labels a little smaller than box text, but never under the 9 pt floor.
        let label_fs = (fs * 0.9).max(9.0).min(fs);
        Params {
            fs,
            lh: fs * 1.4,
            label_fs,
            label_lh: label_fs * 1.3,
            scale,
        }
    }
    pub fn arrow_len(&self) -> f32 {
        0.6 * self.fs
    }
    /// Radius of the arc where a line jumps over another.
    pub fn hop_radius(&self) -> f32 {
        0.3 * self.fs
    }
}

/// A box's outer size and its wrapped lines.
pub(super) struct Shape {
    pub w: f32,
    pub h: f32,
    pub radius: f32,
    pub lines: Vec<String>,
}

/// Wraps a node's text and sizes its box (a diamond is twice its padded text box each way).
pub(super) fn measure(node: &FlowNode, m: &Metrics, p: &Params) -> Shape {
    let fs = p.fs;
    // Narrowing to fit the page applies to boxes and notes (a diamond is already narrow); a
    // note's list reads badly much below its intended width, so it keeps at least 12 em.
    // Notes are left-aligned, so their lines are filled rather than balanced.
    let lines = match node.kind {
        NodeKind::Decision => wrap(&node.text, 7.0, m),
        NodeKind::Note => wrap_filled(&node.text, (16.0 * p.scale).max(12.0), m),
        _ => wrap(&node.text, 14.0 * p.scale, m),
    };
    let text_w = lines.iter().map(|l| m.text_em(l)).fold(0.0, f32::max) * fs;
    let th = lines.len().max(1) as f32 * p.lh;
    let (w, h, radius) = match node.kind {
        NodeKind::Step => ((text_w + 1.8 * fs).max(3.0 * fs), th + fs, 0.0),
        NodeKind::Start | NodeKind::End => {
            let h = th + fs;
            let r = if lines.len() <= 1 { h / 2.0 } else { 0.8 * fs };
            ((text_w + 1.8 * fs + 0.6 * r).max(3.0 * fs), h, r)
        }
        // The diamond is twice its (padded) text box each way, so the text fits inside.
        NodeKind::Decision => (
            (2.0 * (text_w + 0.6 * fs)).max(5.0 * fs),
            (2.0 * (th + 0.2 * fs)).max(2.6 * fs),
            0.0,
        ),
        NodeKind::Note => ((text_w + 1.4 * fs).max(3.0 * fs), th + fs, 0.0),
    };
    Shape {
        w,
        h,
        radius,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(kind: NodeKind, text: &str) -> FlowNode {
        FlowNode {
            id: "n".into(),
            kind,
            text: text.into(),
            attach: None,
        }
    }

    #[test]
    fn labels_never_go_under_nine_pt() {
        assert_eq!(Params::new(10.5, 1.0).label_fs, 9.45);
        assert_eq!(Params::new(9.0, 1.0).label_fs, 9.0);
    }

    #[test]
    fn a_diamond_is_twice_its_text_box_and_a_one_line_terminal_is_a_pill() {
        let m = Metrics::fallback();
        let p = Params::new(10.0, 1.0);
        let d = measure(&node(NodeKind::Decision, "是否有异议"), &m, &p);
        assert_eq!(d.w, 2.0 * (5.0 * 10.0 + 6.0));
        let s = measure(&node(NodeKind::Start, "申请"), &m, &p);
        assert_eq!(s.radius, s.h / 2.0);
        let long = "一二三四五六七八九十一二三四五六七八九十";
        assert_eq!(measure(&node(NodeKind::Step, long), &m, &p).lines.len(), 2);
        let narrow = Params::new(10.0, 0.65);
        assert!(
            measure(&node(NodeKind::Step, long), &m, &narrow)
                .lines
                .len()
                > 2
        );
    }
}
