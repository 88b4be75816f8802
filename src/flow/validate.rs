//! Structural checks of a chart. Problems carry node/edge indices (declaration order) so the CLI
//! can point at the authored TOML entry; the layout itself tolerates every one of them.

use rust_i18n::t;
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
    /// An arrow from a box to itself.
    SelfLoop,
    /// The same arrow (same ends) written again.
    DuplicateEdge,
    /// A box other than an end box that no arrow leaves, in a chart that marks its end boxes.
    DeadEnd,
    /// A decision with fewer than two ways out, or more than one way out without a condition.
    DecisionExits,
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
            FlowProblemKind::SelfLoop => "self-loop",
            FlowProblemKind::DuplicateEdge => "duplicate-edge",
            FlowProblemKind::DeadEnd => "dead-end",
            FlowProblemKind::DecisionExits => "decision-exits",
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
    let first = first_ids(graph, &mut problems);
    check_nodes(graph, &first, &mut problems);
    check_edges(graph, &first, &mut problems);
    let reached = check_reach(graph, &first, &mut problems);
    check_exits(graph, &first, reached.as_deref(), &mut problems);
    problems.sort_by_key(|p| (p.node.is_none(), p.node, p.edge, p.kind));
    problems
}

fn problem(
    kind: FlowProblemKind,
    node: Option<usize>,
    edge: Option<usize>,
    message: String,
    help: impl Into<String>,
) -> FlowProblem {
    FlowProblem {
        kind,
        node,
        edge,
        message,
        help: help.into(),
    }
}

/// First node per id: the one edges and `attach` refer to. Later uses are problems.
fn first_ids<'g>(graph: &'g FlowGraph, problems: &mut Vec<FlowProblem>) -> HashMap<&'g str, usize> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        if let Some(&j) = first.get(node.id.as_str()) {
            problems.push(problem(
                FlowProblemKind::DuplicateId,
                Some(i),
                None,
                t!("flow.duplicate-id", id = node.id, node = j + 1).into_owned(),
                t!("flow.duplicate-id-help"),
            ));
        } else {
            first.insert(&node.id, i);
        }
    }
    first
}

fn ids_hint(graph: &FlowGraph) -> String {
    let ids: Vec<&str> = graph.nodes.iter().map(|n| n.id.as_str()).take(8).collect();
    if ids.is_empty() {
        t!("flow.no-nodes").into_owned()
    } else {
        t!("flow.known-ids", ids = ids.join(", ")).into_owned()
    }
}

/// Box texts and notes' `attach`.
fn check_nodes(graph: &FlowGraph, first: &HashMap<&str, usize>, problems: &mut Vec<FlowProblem>) {
    use FlowProblemKind::{DanglingAttach, EmptyText};
    for (i, node) in graph.nodes.iter().enumerate() {
        if node.text.trim().is_empty() {
            let message = t!("flow.empty-text", id = node.id).into_owned();
            problems.push(problem(
                EmptyText,
                Some(i),
                None,
                message,
                t!("flow.empty-text-help"),
            ));
        }
        let attach_target = node.attach.as_deref().map(|a| (a, first.get(a).copied()));
        let (message, help) = match (node.kind, attach_target) {
            (NodeKind::Note, None) => (
                t!("flow.note-unattached", id = node.id).into_owned(),
                t!("flow.note-unattached-help").into_owned(),
            ),
            (NodeKind::Note, Some((a, None))) => (
                t!("flow.note-unknown", id = node.id, target = a).into_owned(),
                ids_hint(graph),
            ),
            (NodeKind::Note, Some((a, Some(t))))
                if t == i || graph.nodes[t].kind == NodeKind::Note =>
            {
                (
                    t!("flow.note-on-note", id = node.id, target = a).into_owned(),
                    t!("flow.note-on-note-help").into_owned(),
                )
            }
            (kind, Some(_)) if kind != NodeKind::Note => (
                t!("flow.attach-not-note", id = node.id).into_owned(),
                t!("flow.attach-not-note-help").into_owned(),
            ),
            _ => continue,
        };
        problems.push(problem(DanglingAttach, Some(i), None, message, help));
    }
}

/// Edge ends, labels, self loops and repeated edges.
fn check_edges(graph: &FlowGraph, first: &HashMap<&str, usize>, problems: &mut Vec<FlowProblem>) {
    use FlowProblemKind::{DanglingEdge, DuplicateEdge, EmptyLabel, SelfLoop};
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for (e, edge) in graph.edges.iter().enumerate() {
        let n = e + 1;
        for (end, id) in [("from", &edge.from), ("to", &edge.to)] {
            match first.get(id.as_str()) {
                None => problems.push(problem(
                    DanglingEdge,
                    None,
                    Some(e),
                    t!("flow.edge-unknown", edge = n, end = end, id = id).into_owned(),
                    ids_hint(graph),
                )),
                Some(&i) if graph.nodes[i].kind == NodeKind::Note => problems.push(problem(
                    DanglingEdge,
                    Some(i),
                    Some(e),
                    t!("flow.edge-note", edge = n, end = end, id = id).into_owned(),
                    t!("flow.edge-note-help"),
                )),
                _ => {}
            }
        }
        if edge.label.as_ref().is_some_and(|l| l.trim().is_empty()) {
            problems.push(problem(
                EmptyLabel,
                None,
                Some(e),
                t!("flow.empty-label", edge = n, from = edge.from, to = edge.to).into_owned(),
                t!("flow.empty-label-help"),
            ));
        }
        let (Some(&a), Some(&b)) = (first.get(edge.from.as_str()), first.get(edge.to.as_str()))
        else {
            continue;
        };
        if a == b {
            problems.push(problem(
                SelfLoop,
                None,
                Some(e),
                t!("flow.self-loop", edge = n, from = edge.from).into_owned(),
                t!("flow.self-loop-help"),
            ));
        } else if let Some(&before) = seen.get(&(a, b)) {
            problems.push(problem(
                DuplicateEdge,
                None,
                Some(e),
                t!(
                    "flow.duplicate-edge",
                    edge = n,
                    from = edge.from,
                    to = edge.to,
                    first = before + 1
                )
                .into_owned(),
                t!("flow.duplicate-edge-help"),
            ));
        } else {
            seen.insert((a, b), e);
        }
    }
}

/// Arrows leaving each first-of-its-id node, as (edge, target), self loops left out.
fn exits(graph: &FlowGraph, first: &HashMap<&str, usize>) -> Vec<Vec<(usize, usize)>> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); graph.nodes.len()];
    for (e, edge) in graph.edges.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (first.get(edge.from.as_str()), first.get(edge.to.as_str()))
            && a != b
        {
            out[a].push((e, b));
        }
    }
    out
}

/// A start box, and every box reachable from one; returns which nodes are reached (`None`
/// without a start box).
fn check_reach(
    graph: &FlowGraph,
    first: &HashMap<&str, usize>,
    problems: &mut Vec<FlowProblem>,
) -> Option<Vec<bool>> {
    let starts: Vec<usize> = (0..graph.nodes.len())
        .filter(|&i| graph.nodes[i].kind == NodeKind::Start)
        .collect();
    if starts.is_empty() {
        problems.push(problem(
            FlowProblemKind::NoStart,
            None,
            None,
            t!("flow.no-start").into_owned(),
            t!("flow.no-start-help"),
        ));
        return None;
    }
    // Reachability along arrows, loops included; notes hang off their box instead.
    let out = exits(graph, first);
    let mut seen = vec![false; graph.nodes.len()];
    let mut stack = starts;
    while let Some(n) = stack.pop() {
        if !std::mem::replace(&mut seen[n], true) {
            stack.extend(out[n].iter().map(|&(_, m)| m).filter(|&m| !seen[m]));
        }
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let is_first = first.get(node.id.as_str()) == Some(&i);
        if !seen[i] && node.kind != NodeKind::Note && is_first {
            problems.push(problem(
                FlowProblemKind::UnreachableNode,
                Some(i),
                None,
                t!("flow.unreachable", id = node.id).into_owned(),
                t!("flow.unreachable-help", id = node.id),
            ));
        }
    }
    Some(seen)
}

/// Ways out of boxes: dead ends (in a chart that marks its end boxes; unreachable boxes are
/// reported as such already) and decisions whose ways out a reader cannot tell apart.
fn check_exits(
    graph: &FlowGraph,
    first: &HashMap<&str, usize>,
    reached: Option<&[bool]>,
    problems: &mut Vec<FlowProblem>,
) {
    let out = exits(graph, first);
    let marks_ends = graph.nodes.iter().any(|n| n.kind == NodeKind::End);
    for (i, node) in graph.nodes.iter().enumerate() {
        let is_first = first.get(node.id.as_str()) == Some(&i);
        if !is_first || matches!(node.kind, NodeKind::Note | NodeKind::End) {
            continue;
        }
        // Arrows to notes are reported as dangling edges, not counted as ways out.
        let ways: Vec<(usize, usize)> = out[i]
            .iter()
            .copied()
            .filter(|&(_, t)| graph.nodes[t].kind != NodeKind::Note)
            .collect();
        let mut targets: Vec<usize> = ways.iter().map(|&(_, t)| t).collect();
        targets.sort_unstable();
        targets.dedup();
        if ways.is_empty() && marks_ends && reached.is_none_or(|r| r[i]) {
            problems.push(problem(
                FlowProblemKind::DeadEnd,
                Some(i),
                None,
                t!("flow.dead-end", id = node.id).into_owned(),
                t!("flow.dead-end-help"),
            ));
            continue;
        }
        if node.kind != NodeKind::Decision {
            continue;
        }
        let unlabelled = ways
            .iter()
            .filter(|&&(e, _)| {
                graph.edges[e]
                    .label
                    .as_deref()
                    .is_none_or(|l| l.trim().is_empty())
            })
            .count();
        let message = if targets.len() < 2 {
            t!("flow.decision-ways", id = node.id, count = targets.len()).into_owned()
        } else if unlabelled > 1 {
            t!(
                "flow.decision-labels",
                unlabelled = unlabelled,
                count = ways.len(),
                id = node.id
            )
            .into_owned()
        } else {
            continue;
        };
        problems.push(problem(
            FlowProblemKind::DecisionExits,
            Some(i),
            None,
            message,
            t!("flow.decision-help"),
        ));
    }
}
