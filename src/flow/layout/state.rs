//! The layered-graph state the phases share: the chart with ids resolved ([`Input`]), and the
//! layered graph of boxes and placeholder points ([`Layered`]) that the later phases fill in.

use std::collections::HashMap;

use crate::flow::graph::{FlowGraph, NodeKind};

/// A drawable arrow: index into `graph.edges` and the node indices of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Arrow {
    pub edge: usize,
    pub from: usize,
    pub to: usize,
}

/// The chart with ids resolved (first occurrence wins), notes tied to their boxes, and the
/// arrows the layout draws: dangling, note, self and repeated edges are left out.
pub(super) struct Input<'g> {
    pub graph: &'g FlowGraph,
    pub n: usize,
    /// For a note: the box it explains.
    pub attached: Vec<Option<usize>>,
    pub arrows: Vec<Arrow>,
    /// Arrows leaving each node, as indices into `arrows`.
    pub out: Vec<Vec<usize>>,
    pub indeg: Vec<usize>,
}

impl<'g> Input<'g> {
    pub fn resolve(graph: &'g FlowGraph) -> Input<'g> {
        let n = graph.nodes.len();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, node) in graph.nodes.iter().enumerate() {
            index.entry(node.id.as_str()).or_insert(i);
        }
        let attached: Vec<Option<usize>> = graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let t = *index.get(node.attach.as_deref()?)?;
                (node.kind == NodeKind::Note && t != i && graph.nodes[t].kind != NodeKind::Note)
                    .then_some(t)
            })
            .collect();
        let mut arrows: Vec<Arrow> = Vec::new();
        for (e, edge) in graph.edges.iter().enumerate() {
            let (Some(&a), Some(&b)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str()))
            else {
                continue;
            };
            let repeated = arrows.iter().any(|x| x.from == a && x.to == b);
            if a == b || attached[a].is_some() || attached[b].is_some() || repeated {
                continue;
            }
            arrows.push(Arrow {
                edge: e,
                from: a,
                to: b,
            });
        }
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut indeg = vec![0usize; n];
        for (le, arrow) in arrows.iter().enumerate() {
            out[arrow.from].push(le);
            indeg[arrow.to] += 1;
        }
        Input {
            graph,
            n,
            attached,
            arrows,
            out,
            indeg,
        }
    }

    /// A box on the arrows (not a note hanging off a box).
    pub fn is_flow(&self, i: usize) -> bool {
        self.attached[i].is_none()
    }

    pub fn kind(&self, i: usize) -> NodeKind {
        self.graph.nodes[i].kind
    }
}

/// A vertex of the layered graph: a node's box, or a placeholder point of a long edge.
/// Vertices `0..n` are the nodes, in declaration order; placeholders follow.
#[derive(Debug, Clone)]
pub(super) struct Vertex {
    pub node: Option<usize>,
    pub rank: usize,
    pub w: f32,
    pub h: f32,
    /// Intended column: 0 for the main column, ± for branches; orders a rank at first.
    pub slot: f32,
    /// Tie-break within equal slots: declaration order.
    pub key: f32,
    pub main: bool,
    /// For a note: the vertex it explains.
    pub note_of: Option<usize>,
    pub x: f32,
}

/// A forward edge through its placeholder points: `items[0]` is the source, last the target.
pub(super) struct Chain {
    pub edge: usize,
    /// Index into `Input::arrows`.
    pub le: usize,
    pub items: Vec<usize>,
    /// Which corner of a decision the edge leaves from (-1 left, +1 right), if any.
    pub corner: Option<f32>,
}

impl Chain {
    pub fn last(&self) -> usize {
        self.items[self.items.len() - 1]
    }
}

/// A loop-back edge, drawn on an outer lane.
pub(super) struct LoopEdge {
    pub edge: usize,
    pub from: usize,
    pub to: usize,
    /// -1 left of the chart, +1 right.
    pub side: f32,
    /// Leaves (enters) its box from the side instead of through a track below (above) it.
    pub side_exit: bool,
    pub side_entry: bool,
    pub exit_track: Option<usize>,
    pub entry_track: Option<usize>,
}

/// The layered graph: vertices with ranks and x, forward chains, loops, and the order of each
/// rank (`layers`, with `pos` the index of a vertex in its layer).
pub(super) struct Layered {
    pub verts: Vec<Vertex>,
    pub chains: Vec<Chain>,
    pub loops: Vec<LoopEdge>,
    /// Neighbours along chains, one rank up and one rank down.
    pub up: Vec<Vec<usize>>,
    pub down: Vec<Vec<usize>>,
    pub ranks: usize,
    pub layers: Vec<Vec<usize>>,
    pub pos: Vec<usize>,
}

impl Layered {
    /// The real boxes (no placeholders) of rank `r`.
    pub fn boxes_in_rank(&self, r: usize) -> impl Iterator<Item = usize> + '_ {
        self.layers[r]
            .iter()
            .copied()
            .filter(|&v| self.verts[v].node.is_some())
    }

    /// Whether a box of rank `r` other than `me` lies within 2 pt of the span `x0..x1`.
    pub fn blocked(&self, r: usize, me: usize, x0: f32, x1: f32) -> bool {
        let (lo, hi) = (x0.min(x1), x0.max(x1));
        let verts = &self.verts;
        self.boxes_in_rank(r).any(|v| {
            v != me
                && verts[v].x - verts[v].w / 2.0 < hi + 2.0
                && verts[v].x + verts[v].w / 2.0 > lo - 2.0
        })
    }
}
