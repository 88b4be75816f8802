//! Flowcharts (流程图): authored charts or charts generated from an item's 办理环节, checked,
//! laid out at print size and written as SVG that typst embeds as real text.
//!
//! `graph` (plain data) → `validate` → `layout` (with `text` measuring the real font) → `svg`.

pub mod generate;
pub mod graph;
pub mod layout;
pub mod located;
pub mod svg;
pub mod text;
pub mod validate;

pub use generate::{generate_from_steps, split_steps};
pub use graph::{FlowEdge, FlowGraph, FlowNode, NodeKind, item_flows};
pub use layout::{Layout, LayoutOptions, layout};
pub use located::{LocatedProblem, project_problems};
pub use svg::{SvgStyle, to_svg};
pub use text::{Metrics, wrap};
pub use validate::{FlowProblem, FlowProblemKind, validate};

/// Lays out a chart and writes it as SVG in one step.
pub fn render_svg(graph: &FlowGraph, metrics: &Metrics, style: &SvgStyle) -> String {
    to_svg(
        &layout::layout(graph, metrics, &style.layout_options()),
        style,
    )
}
