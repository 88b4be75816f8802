//! Structural checks of a chart. Problems carry node/edge indices (declaration order) so the CLI
//! can point at the authored TOML entry; the layout itself tolerates every one of them.

use std::collections::HashMap;
use std::fmt;

use super::graph::{FlowGraph, NodeKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowProblemKind {
    /// No node has `kind = "start"`.
    NoStart,
    /// A box cannot be reached from a start box by following arrows.
    UnreachableNode,
    /// An edge names an unknown node (or a note, which is joined by `attach` instead).
    DanglingEdge,
    /// A note's `attach` is missing or names no box; or a non-note has `attach`.
    DanglingAttach,
    /// An edge label that is present but blank.
    EmptyLabel,
    /// A node whose text is blank.
    EmptyText,
    /// A node id used before in the same chart.
    DuplicateId,
}

impl FlowProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlowProblemKind::NoStart => "no-start",
            FlowProblemKind::UnreachableNode => "unreachable-node",
            FlowProblemKind::DanglingEdge => "dangling-edge",
            FlowProblemKind::DanglingAttach => "dangling-attach",
            FlowProblemKind::EmptyLabel => "empty-label",
            FlowProblemKind::EmptyText => "empty-text",
            FlowProblemKind::DuplicateId => "duplicate-id",
        }
    }
}

impl fmt::Display for FlowProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem. `node` / `edge` index `FlowGraph::nodes` / `FlowGraph::edges`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowProblem {
    pub kind: FlowProblemKind,
    pub node: Option<usize>,
    pub edge: Option<usize>,
    pub message: String,
    pub help: String,
}

impl fmt::Display for FlowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

/// Checks a chart; problems come sorted by node, then edge, then kind, in declaration order.
pub fn validate(graph: &FlowGraph) -> Vec<FlowProblem> {
    let mut problems = Vec::new();
    // First node per id: that is the one edges and attach refer to.
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        if let Some(&j) = first.get(node.id.as_str()) {
            problems.push(FlowProblem {
                kind: FlowProblemKind::DuplicateId,
                node: Some(i),
                edge: None,
                message: format!("node id `{}` is already used by node {}", node.id, j + 1),
                help: "ids must be unique within a chart; rename one of them".into(),
            });
        } else {
            first.insert(&node.id, i);
        }
    }
    let ids_hint = || {
        let ids: Vec<&str> = graph.nodes.iter().map(|n| n.id.as_str()).take(8).collect();
        if ids.is_empty() {
            "the chart has no nodes yet".to_string()
        } else {
            format!("known ids: {}", ids.join(", "))
        }
    };

    for (i, node) in graph.nodes.iter().enumerate() {
        if node.text.trim().is_empty() {
            problems.push(FlowProblem {
                kind: FlowProblemKind::EmptyText,
                node: Some(i),
                edge: None,
                message: format!("node `{}` has no text", node.id),
                help: "write the box text as published".into(),
            });
        }
        let attach_target = node.attach.as_deref().map(|a| (a, first.get(a).copied()));
        match (node.kind, attach_target) {
            (NodeKind::Note, None) => problems.push(FlowProblem {
                kind: FlowProblemKind::DanglingAttach,
                node: Some(i),
                edge: None,
                message: format!("note `{}` is not attached to a box", node.id),
                help: "add `attach = \"<id>\"` naming the box the note explains".into(),
            }),
            (NodeKind::Note, Some((a, None))) => problems.push(FlowProblem {
                kind: FlowProblemKind::DanglingAttach,
                node: Some(i),
                edge: None,
                message: format!("note `{}` is attached to unknown node `{a}`", node.id),
                help: ids_hint(),
            }),
            (NodeKind::Note, Some((a, Some(t))))
                if t == i || graph.nodes[t].kind == NodeKind::Note =>
            {
                problems.push(FlowProblem {
                    kind: FlowProblemKind::DanglingAttach,
                    node: Some(i),
                    edge: None,
                    message: format!("note `{}` is attached to note `{a}`", node.id),
                    help: "attach a note to a box (start, step, decision or end)".into(),
                })
            }
            (kind, Some(_)) if kind != NodeKind::Note => problems.push(FlowProblem {
                kind: FlowProblemKind::DanglingAttach,
                node: Some(i),
                edge: None,
                message: format!("node `{}` has `attach` but is not a note", node.id),
                help: "only `kind = \"note\"` nodes attach; connect boxes with edges".into(),
            }),
            _ => {}
        }
    }

    for (e, edge) in graph.edges.iter().enumerate() {
        for (end, id) in [("from", &edge.from), ("to", &edge.to)] {
            match first.get(id.as_str()) {
                None => problems.push(FlowProblem {
                    kind: FlowProblemKind::DanglingEdge,
                    node: None,
                    edge: Some(e),
                    message: format!("edge {} `{end}` names unknown node `{id}`", e + 1),
                    help: ids_hint(),
                }),
                Some(&n) if graph.nodes[n].kind == NodeKind::Note => problems.push(FlowProblem {
                    kind: FlowProblemKind::DanglingEdge,
                    node: Some(n),
                    edge: Some(e),
                    message: format!("edge {} `{end}` names note `{id}`", e + 1),
                    help: "notes are not on arrows: join a note to its box with `attach`".into(),
                }),
                _ => {}
            }
        }
        if let Some(label) = &edge.label
            && label.trim().is_empty()
        {
            problems.push(FlowProblem {
                kind: FlowProblemKind::EmptyLabel,
                node: None,
                edge: Some(e),
                message: format!(
                    "edge {} (`{}` → `{}`) has an empty label",
                    e + 1,
                    edge.from,
                    edge.to
                ),
                help: "remove `label` or write the condition as published (有异议 …)".into(),
            });
        }
    }

    let starts: Vec<usize> = (0..graph.nodes.len())
        .filter(|&i| graph.nodes[i].kind == NodeKind::Start)
        .collect();
    if starts.is_empty() {
        problems.push(FlowProblem {
            kind: FlowProblemKind::NoStart,
            node: None,
            edge: None,
            message: "the chart has no start box".into(),
            help: "mark the first box with `kind = \"start\"`".into(),
        });
    } else {
        // Reachability along arrows, loops included; notes hang off their box instead.
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); graph.nodes.len()];
        for edge in &graph.edges {
            if let (Some(&a), Some(&b)) =
                (first.get(edge.from.as_str()), first.get(edge.to.as_str()))
            {
                out[a].push(b);
            }
        }
        let mut seen = vec![false; graph.nodes.len()];
        let mut stack = starts;
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut seen[n], true) {
                stack.extend(out[n].iter().copied().filter(|&m| !seen[m]));
            }
        }
        for (i, node) in graph.nodes.iter().enumerate() {
            let is_first = first.get(node.id.as_str()) == Some(&i);
            if !seen[i] && node.kind != NodeKind::Note && is_first {
                problems.push(FlowProblem {
                    kind: FlowProblemKind::UnreachableNode,
                    node: Some(i),
                    edge: None,
                    message: format!("node `{}` cannot be reached from the start box", node.id),
                    help: format!(
                        "add an edge leading to it, e.g. `{{ from = \"…\", to = \"{}\" }}`",
                        node.id
                    ),
                });
            }
        }
    }

    problems.sort_by_key(|p| (p.node.is_none(), p.node, p.edge, p.kind));
    problems
}
