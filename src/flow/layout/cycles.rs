//! Phase 1, loops: a depth-first walk in declaration order (starts first, then boxes nothing
//! points to, then the rest); an arrow back onto the walk's stack is a loop edge, kept out of
//! ranking and drawn on an outer lane.

use super::state::Input;

pub(super) struct Cycles {
    /// Where walks began, in the order tried; the first is the top of the main column.
    pub roots: Vec<usize>,
    /// Boxes in the order the walk finished them (children before parents).
    pub finish: Vec<usize>,
    /// Reverse finish order: every box before the boxes its forward arrows lead to.
    pub topo: Vec<usize>,
    /// Per arrow: whether it points back up.
    pub is_loop: Vec<bool>,
}

impl Cycles {
    /// Arrows leaving `u` that are not loops.
    pub fn forward<'a>(&'a self, g: &'a Input, u: usize) -> impl Iterator<Item = usize> + 'a {
        g.out[u].iter().copied().filter(|&le| !self.is_loop[le])
    }
}

pub(super) fn find_loops(g: &Input) -> Cycles {
    let flow_nodes: Vec<usize> = (0..g.n).filter(|&i| g.is_flow(i)).collect();
    let mut roots: Vec<usize> = flow_nodes
        .iter()
        .copied()
        .filter(|&i| g.kind(i) == crate::flow::NodeKind::Start)
        .collect();
    roots.extend(flow_nodes.iter().copied().filter(|&i| g.indeg[i] == 0));
    roots.extend(flow_nodes.iter().copied());
    // 0 unseen, 1 on the stack, 2 finished.
    let mut state = vec![0u8; g.n];
    let mut finish: Vec<usize> = Vec::new();
    let mut is_loop = vec![false; g.arrows.len()];
    for &root in &roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let (u, k) = *top;
            if k < g.out[u].len() {
                top.1 += 1;
                let le = g.out[u][k];
                let v = g.arrows[le].to;
                match state[v] {
                    0 => {
                        state[v] = 1;
                        stack.push((v, 0));
                    }
                    1 => is_loop[le] = true,
                    _ => {}
                }
            } else {
                state[u] = 2;
                finish.push(u);
                stack.pop();
            }
        }
    }
    let topo: Vec<usize> = finish.iter().rev().copied().collect();
    Cycles {
        roots,
        finish,
        topo,
        is_loop,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::flow::graph::{FlowEdge, FlowGraph, FlowNode, NodeKind};

    /// A chart from `(id, kind)` nodes and `(from, to)` edges.
    pub fn chart(nodes: &[(&str, NodeKind)], edges: &[(&str, &str)]) -> FlowGraph {
        FlowGraph {
            title: "t".into(),
            caption: Vec::new(),
            nodes: nodes
                .iter()
                .map(|&(id, kind)| FlowNode {
                    id: id.into(),
                    kind,
                    text: format!("框{id}"),
                    attach: None,
                })
                .collect(),
            edges: edges
                .iter()
                .map(|&(from, to)| FlowEdge {
                    from: from.into(),
                    to: to.into(),
                    label: None,
                })
                .collect(),
        }
    }

    #[test]
    fn an_arrow_back_up_is_the_only_loop() {
        use NodeKind::*;
        let g = chart(
            &[("a", Start), ("b", Step), ("c", Decision), ("d", End)],
            &[("a", "b"), ("b", "c"), ("c", "b"), ("c", "d")],
        );
        let input = Input::resolve(&g);
        let c = find_loops(&input);
        assert_eq!(c.is_loop, vec![false, false, true, false]);
        assert_eq!(c.topo, vec![0, 1, 2, 3]);
        assert_eq!(c.roots[0], 0);
    }

    #[test]
    fn self_loops_and_repeats_are_not_drawn_and_a_cycle_without_start_still_breaks() {
        use NodeKind::*;
        let g = chart(
            &[("a", Step), ("b", Step)],
            &[("a", "b"), ("a", "b"), ("b", "b"), ("b", "a")],
        );
        let input = Input::resolve(&g);
        assert_eq!(input.arrows.len(), 2);
        let c = find_loops(&input);
        assert_eq!(c.is_loop, vec![false, true]);
    }
}
