//! Where edges leave and enter boxes: a decision's side branches leave from the diamond's left
//! or right corner (the nearest branch on each side, when no box is in the way); a loop edge
//! runs on the side of the chart its source is on, and leaves or enters a box sideways when
//! that side is free.

use super::state::{Input, Layered};
use crate::flow::graph::NodeKind;

/// Far beyond any chart, in pt: "as far as the lane".
pub(super) const BIG: f32 = 1.0e5;

pub(super) fn assign(lg: &mut Layered, g: &Input, column_x: f32, fs: f32) {
    let corner_used = decision_corners(lg, g, fs);
    for li in 0..lg.loops.len() {
        let (s, t) = (lg.loops[li].from, lg.loops[li].to);
        let side = if lg.verts[s].x < column_x - 1.0 {
            -1.0
        } else {
            1.0
        };
        let free_side = |v: usize| {
            let edge_x = lg.verts[v].x + side * lg.verts[v].w / 2.0;
            let corner_taken =
                g.kind(v) == NodeKind::Decision && corner_used[v][usize::from(side > 0.0)];
            !corner_taken && !lg.blocked(lg.verts[v].rank, v, edge_x, side * BIG)
        };
        let (side_exit, side_entry) = (free_side(s), free_side(t));
        let lp = &mut lg.loops[li];
        lp.side = side;
        lp.side_exit = side_exit;
        lp.side_entry = side_entry;
    }
}

/// Gives each decision's nearest branch on either side its corner exit; returns which corners
/// (left, right) of each node are taken.
fn decision_corners(lg: &mut Layered, g: &Input, fs: f32) -> Vec<[bool; 2]> {
    let mut corner_used: Vec<[bool; 2]> = vec![[false; 2]; g.n];
    for u in 0..g.n {
        if g.kind(u) != NodeKind::Decision || !g.is_flow(u) {
            continue;
        }
        for side in [-1.0f32, 1.0] {
            let verts = &lg.verts;
            let half = verts[u].w / 2.0;
            let best = lg
                .chains
                .iter()
                .enumerate()
                .filter(|(_, c)| c.items[0] == u)
                .filter(|(_, c)| {
                    let dx = verts[c.items[1]].x - verts[u].x;
                    dx * side > half + 0.5 * fs
                })
                .min_by(|(_, a), (_, b)| {
                    let da = (verts[a.items[1]].x - verts[u].x).abs();
                    let db = (verts[b.items[1]].x - verts[u].x).abs();
                    da.partial_cmp(&db).unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|(ci, _)| ci);
            if let Some(ci) = best {
                let bx = verts[lg.chains[ci].items[1]].x;
                if !lg.blocked(verts[u].rank, u, verts[u].x + side * half, bx) {
                    lg.chains[ci].corner = Some(side);
                    corner_used[u][usize::from(side > 0.0)] = true;
                }
            }
        }
    }
    corner_used
}

#[cfg(test)]
mod tests {
    use super::super::cycles::{find_loops, tests::chart};
    use super::super::params::{Params, measure};
    use super::super::{order, ranks, slots, xpos};
    use super::*;
    use crate::flow::NodeKind::*;
    use crate::flow::text::Metrics;

    #[test]
    fn a_side_branch_leaves_from_the_diamonds_corner_and_a_loop_from_the_side() {
        // a → d; d → e (main), d → x (side); x → a loops back.
        let g = chart(
            &[("a", Start), ("d", Decision), ("e", End), ("x", Step)],
            &[("a", "d"), ("d", "e"), ("d", "x"), ("x", "a")],
        );
        let input = Input::resolve(&g);
        let c = find_loops(&input);
        let r = ranks::assign(&input, &c);
        let s = slots::assign(&input, &c, &r);
        let p = Params::new(10.0, 1.0);
        let m = Metrics::fallback();
        let shapes: Vec<_> = g.nodes.iter().map(|n| measure(n, &m, &p)).collect();
        let mut lg = order::build(&input, &c, &r, &s, &shapes);
        order::order(&mut lg, &input, &c, &s);
        xpos::assign(&mut lg, &input, &s, 10.0);
        let column_x = lg.verts[0].x;
        assign(&mut lg, &input, column_x, 10.0);
        let corners: Vec<Option<f32>> = lg.chains.iter().map(|c| c.corner).collect();
        assert_eq!(corners, vec![None, None, Some(1.0)]);
        let lp = &lg.loops[0];
        assert_eq!(lp.side, 1.0);
        assert!(lp.side_exit && lp.side_entry);
    }
}
