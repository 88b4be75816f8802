//! The flowchart as plain data: what the layout works on, free of TOML spans.
//!
//! Node and edge indices are kept in declaration order, so problems found later (validation,
//! layout) can be mapped back to the authored `[[item.flow]]` entries by index.

use crate::model;
pub use crate::model::NodeKind;

use super::generate::generate_from_steps;

/// A flowchart: title, caption lines, boxes and arrows, in the order they were written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlowGraph {
    pub title: String,
    pub caption: Vec<String>,
    pub nodes: Vec<FlowNode>,
    pub edges: Vec<FlowEdge>,
}

/// A box. `attach` names the node a note explains (notes only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowNode {
    pub id: String,
    pub kind: NodeKind,
    /// Box text; a `\n` forces a line break.
    pub text: String,
    pub attach: Option<String>,
}

/// An arrow between two node ids, with an optional condition label (有异议 …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowEdge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
}

impl FlowGraph {
    /// Copies an authored flow, dropping spans. A literal backslash-n (as typed in a TOML literal
    /// string) is turned into a real line break, like the `\n` escape of basic strings.
    pub fn from_model(flow: &model::Flow) -> FlowGraph {
        let text = |s: &str| s.replace("\\n", "\n");
        FlowGraph {
            title: flow
                .title
                .as_ref()
                .map(|t| t.get_ref().clone())
                .unwrap_or_default(),
            caption: flow.caption.iter().map(|c| c.get_ref().clone()).collect(),
            nodes: flow
                .nodes
                .iter()
                .map(|n| {
                    let n = n.get_ref();
                    FlowNode {
                        id: n.id.get_ref().clone(),
                        kind: *n.kind.get_ref(),
                        text: text(n.text.get_ref()),
                        attach: n.attach.as_ref().map(|a| a.get_ref().clone()),
                    }
                })
                .collect(),
            edges: flow
                .edges
                .iter()
                .map(|e| {
                    let e = e.get_ref();
                    FlowEdge {
                        from: e.from.get_ref().clone(),
                        to: e.to.get_ref().clone(),
                        label: e.label.as_ref().map(|l| l.get_ref().clone()),
                    }
                })
                .collect(),
        }
    }

    /// A chart of several procedures side by side (a county's charts 4-3 and 6-6): as many caption lines as
    /// start boxes, two or more. Each caption line is the title of the column its start box
    /// heads, in declaration order: `(start node index, title)`. `None` for any other chart,
    /// whose caption lines are printed under the chart's title.
    pub fn column_titles(&self) -> Option<Vec<(usize, &str)>> {
        let starts: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].kind == NodeKind::Start && self.nodes[i].attach.is_none())
            .collect();
        (starts.len() >= 2 && starts.len() == self.caption.len()).then(|| {
            starts
                .into_iter()
                .zip(self.caption.iter().map(String::as_str))
                .collect()
        })
    }

    /// The caption lines printed under the chart's title: none when they head columns.
    pub fn caption_under_title(&self) -> &[String] {
        if self.column_titles().is_some() {
            &[]
        } else {
            &self.caption
        }
    }

    /// Index of the first node with this id (later duplicates are a validation problem).
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }
}

/// 办理环节 of an item that states none (the catalog's most common procedure).
pub const STANDARD_STEPS: &str = "申请—受理—审核—办结";

/// The charts an item gets in the guide, in order: each authored flow; a flow with a title and no
/// nodes is drawn from the item's `steps`; an item without any flow gets one generated
/// chart (from [`STANDARD_STEPS`] when it has no steps) titled `<name>流程图`. Call it on a resolved item (steps may be inherited).
pub fn item_flows(item: &model::Item) -> Vec<FlowGraph> {
    // An item that publishes no 办理环节 still gets a chart: the standard four steps.
    let steps = item
        .steps
        .as_ref()
        .map(|s| s.get_ref().as_str())
        .filter(|s| !s.trim().is_empty())
        .or(Some(STANDARD_STEPS));
    let name = item.name.as_ref().map(|s| s.get_ref().as_str());
    let default_title = || format!("{}流程图", name.unwrap_or("办理"));
    if item.flow.is_empty() {
        return match steps {
            Some(steps) if !steps.trim().is_empty() => {
                vec![generate_from_steps(&default_title(), steps)]
            }
            _ => Vec::new(),
        };
    }
    item.flow
        .iter()
        .map(|flow| {
            let flow = flow.get_ref();
            if flow.nodes.is_empty() {
                let title = flow
                    .title
                    .as_ref()
                    .map(|t| t.get_ref().clone())
                    .unwrap_or_else(default_title);
                let mut graph = generate_from_steps(&title, steps.unwrap_or(""));
                graph.caption = flow.caption.iter().map(|c| c.get_ref().clone()).collect();
                graph
            } else {
                FlowGraph::from_model(flow)
            }
        })
        .collect()
}
