//! Intended columns ("slots") that seed the order of each rank: the main column is 0, a box's
//! side branches alternate right and left of it, outward first; equally long branches of a
//! fork spread symmetrically around it.

use super::cycles::Cycles;
use super::ranks::Ranks;
use super::state::Input;

pub(super) struct Slots {
    /// Per node.
    pub slot: Vec<f32>,
    /// Per arrow: the column the arrow heads for.
    pub edge_slot: Vec<f32>,
}

pub(super) fn assign(g: &Input, c: &Cycles, r: &Ranks) -> Slots {
    let mut slot = vec![f32::NAN; g.n];
    let mut proposals: Vec<(f32, f32)> = vec![(0.0, 0.0); g.n];
    let mut edge_slot = vec![0.0f32; g.arrows.len()];
    let mut far_right = 0.0f32;
    for &u in &c.topo {
        if r.main[u] {
            slot[u] = 0.0;
        } else if proposals[u].1 > 0.0 {
            slot[u] = proposals[u].0 / proposals[u].1;
        } else {
            slot[u] = far_right + 2.0;
        }
        far_right = far_right.max(slot[u]);
        let kids: Vec<usize> = c.forward(g, u).collect();
        if kids.is_empty() {
            continue;
        }
        for (le, s) in branch_slots(g, r, u, slot[u], &kids) {
            edge_slot[le] = s;
            let v = g.arrows[le].to;
            if !r.main[v] {
                proposals[v].0 += s;
                proposals[v].1 += 1.0;
            }
        }
    }
    for s in &mut slot {
        if s.is_nan() {
            *s = 0.0;
        }
    }
    Slots { slot, edge_slot }
}

/// The slot each forward arrow `kids` of `u` (at slot `at`) heads for.
fn branch_slots(g: &Input, r: &Ranks, u: usize, at: f32, kids: &[usize]) -> Vec<(usize, f32)> {
    let to = |le: usize| g.arrows[le].to;
    let best = kids.iter().map(|&le| r.below[to(le)]).max().unwrap_or(0);
    let continuing: Option<usize> = if r.main[u] {
        r.main_next[u]
    } else {
        kids.iter().map(|&le| to(le)).find(|&k| r.below[k] == best)
    };
    // A fork of equally long branches around the column: spread symmetrically.
    let tied: Vec<usize> = if r.main[u] && continuing.is_none() {
        kids.iter()
            .copied()
            .filter(|&le| r.below[to(le)] == best)
            .collect()
    } else {
        Vec::new()
    };
    let outward = if at < -0.01 { -1.0 } else { 1.0 };
    let base = tied.len() as f32 / 2.0;
    let mut j = 0usize;
    let mut out = Vec::with_capacity(kids.len());
    for &le in kids {
        let s = if Some(to(le)) == continuing {
            at
        } else if let Some(t) = tied.iter().position(|&x| x == le) {
            at + t as f32 - (tied.len() as f32 - 1.0) / 2.0
        } else {
            let side = if j.is_multiple_of(2) {
                outward
            } else {
                -outward
            };
            let mag = base + (j / 2) as f32 + 1.0;
            j += 1;
            at + side * mag
        };
        out.push((le, s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::cycles::{find_loops, tests::chart};
    use super::super::ranks;
    use super::*;
    use crate::flow::NodeKind::*;

    fn slots_of(g: &crate::flow::FlowGraph) -> Slots {
        let input = Input::resolve(g);
        let c = find_loops(&input);
        let r = ranks::assign(&input, &c);
        assign(&input, &c, &r)
    }

    #[test]
    fn side_branches_alternate_right_then_left_of_the_column() {
        let g = chart(
            &[
                ("a", Start),
                ("b", Step),
                ("c", End),
                ("x", End),
                ("y", End),
                ("z", End),
            ],
            &[("a", "x"), ("a", "b"), ("b", "c"), ("a", "y"), ("a", "z")],
        );
        let s = slots_of(&g);
        // b continues the column; x goes right, y left, z further right.
        assert_eq!(s.edge_slot, vec![1.0, 0.0, 0.0, -1.0, 2.0]);
        assert_eq!(s.slot, vec![0.0, 0.0, 0.0, 1.0, -1.0, 2.0]);
    }

    #[test]
    fn equal_branches_that_never_meet_spread_symmetrically() {
        let g = chart(
            &[
                ("a", Start),
                ("l", Step),
                ("r", Step),
                ("l2", End),
                ("r2", End),
            ],
            &[("a", "l"), ("a", "r"), ("l", "l2"), ("r", "r2")],
        );
        let s = slots_of(&g);
        assert_eq!(s.edge_slot, vec![-0.5, 0.5, -0.5, 0.5]);
    }
}
