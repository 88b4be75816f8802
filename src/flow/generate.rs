//! Charts for items that have none authored: drawn from the 办理环节 string
//! (`申请—受理—审核—办结`) with the standard branches every published guide shows.

use super::graph::{FlowEdge, FlowGraph, FlowNode, NodeKind};

/// Text of the side branch after 受理; it loops back to the first step.
pub const INCOMPLETE_TEXT: &str = "材料不齐全的，一次性告知";
/// Text of the side branch after 审核; it ends the procedure.
pub const REJECT_TEXT: &str = "不符合规定的，予以退回";

/// Splits a 办理环节 string at its separators (—, ——, -, －, –, ―, ->, →), dropping blanks.
pub fn split_steps(steps: &str) -> Vec<String> {
    // `->` first so its `-` is not taken alone and leaves a stray `>`.
    let normalised = steps.replace("->", "→");
    normalised
        .split(['—', '-', '－', '–', '―', '→', '⟶', '\n'])
        .map(|s| s.trim().trim_end_matches(['。', '；', ';']).trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Builds a chart from a 办理环节 string: a start box for the first step, a box per step, an end
/// box for the last one; after the first step naming 受理 a side branch 材料不齐全的，一次性告知
/// that loops back to the first step, and after the first naming 审核 (or 审查) a side branch
/// 不符合规定的，予以退回 that ends there. Deterministic: ids are `step1`, `step2`, …,
/// `incomplete`, `reject`. An empty string gives a chart without nodes (validation says so).
pub fn generate_from_steps(title: &str, steps: &str) -> FlowGraph {
    let names = split_steps(steps);
    let n = names.len();
    let mut graph = FlowGraph {
        title: title.to_string(),
        ..FlowGraph::default()
    };
    let id = |i: usize| format!("step{}", i + 1);
    for (i, name) in names.iter().enumerate() {
        let kind = if i == 0 {
            NodeKind::Start
        } else if i + 1 == n {
            NodeKind::End
        } else {
            NodeKind::Step
        };
        graph.nodes.push(FlowNode {
            id: id(i),
            kind,
            text: name.clone(),
            attach: None,
        });
        if i > 0 {
            graph.edges.push(edge(&id(i - 1), &id(i)));
        }
    }
    if let Some(i) = names.iter().position(|s| s.contains("受理")) {
        graph.nodes.push(FlowNode {
            id: "incomplete".into(),
            kind: NodeKind::Step,
            text: INCOMPLETE_TEXT.into(),
            attach: None,
        });
        graph.edges.push(edge(&id(i), "incomplete"));
        graph.edges.push(edge("incomplete", &id(0)));
    }
    if let Some(i) = names
        .iter()
        .position(|s| s.contains("审核") || s.contains("审查"))
    {
        graph.nodes.push(FlowNode {
            id: "reject".into(),
            kind: NodeKind::End,
            text: REJECT_TEXT.into(),
            attach: None,
        });
        graph.edges.push(edge(&id(i), "reject"));
    }
    graph
}

fn edge(from: &str, to: &str) -> FlowEdge {
    FlowEdge {
        from: from.to_string(),
        to: to.to_string(),
        label: None,
    }
}
