//! Flowcharts in a build: laid out for the guide page (portrait, or landscape when a chart cannot
//! fit at a readable size), written as SVG files next to the PDFs, and the located diagnostics of
//! authored flows that cannot be drawn as intended (no start, unreachable boxes, empty labels).

use crate::diagnostic::{Diag, Severity};
use crate::flow::placement::{Orientation, TypeArea, heading_room, place};
use crate::flow::{FlowGraph, Metrics, SvgStyle, item_flows, render_svg, validate};
use crate::render::Job;
use crate::resolve::{Project, ResolvedItem};

/// Printed width of a guide page's text block (A4, 26 mm side margins) in pt.
pub const PORTRAIT_WIDTH: f32 = 440.0;

/// The SVG style of charts inside the PDFs: same font as the measurements, no title (the document
/// typesets it), fitted to `width`.
fn pdf_style(metrics: &Metrics, width: f32) -> SvgStyle {
    let mut style = SvgStyle {
        show_title: false,
        max_width: Some(width),
        ..SvgStyle::default()
    };
    if let Some(family) = metrics.family() {
        style.font_family = family.to_string();
    }
    style
}

pub fn standalone_style(metrics: &Metrics) -> SvgStyle {
    SvgStyle {
        show_title: true,
        ..pdf_style(metrics, PORTRAIT_WIDTH)
    }
}

/// File name of an item's chart in `out/<jurisdiction>/flows/`.
pub(crate) fn chart_file(item: &ResolvedItem, index: usize) -> String {
    let stem = crate::render::data::safe_file_stem(&item.key);
    if index == 0 {
        format!("flows/{stem}.svg")
    } else {
        format!("flows/{stem}-{}.svg", index + 1)
    }
}

/// Adds every chart of jurisdiction `j` to its build job: into the guide as `flow::placement`
/// places it on the A4 page (portrait, landscape, smaller text or split), and as an SVG file next
/// to the PDFs.
pub fn attach_flows(project: &Project, j: usize, job: &mut Job, metrics: &Metrics) {
    for (i, item) in project.jurisdictions[j].items.iter().enumerate() {
        for (k, graph) in item_flows(&item.item).iter().enumerate() {
            let area = TypeArea::A4_GUIDE;
            let style = pdf_style(metrics, area.width);
            let placed = place(graph, metrics, &style, area, heading_room(graph, area));
            let landscape = placed.orientation == Orientation::Landscape;
            let parts = placed.pages.into_iter().map(|p| p.svg).collect();
            job.add_flow_parts(
                i,
                graph.title.clone(),
                // Column titles of a chart of several procedures are drawn in the chart itself.
                graph.caption_under_title().to_vec(),
                parts,
                landscape,
            );
            let standalone = render_svg(graph, metrics, &standalone_style(metrics));
            job.files
                .push((chart_file(item, k), standalone.into_bytes()));
        }
    }
}

/// Structural problems of every authored flow of the project, as warnings at the node or edge.
pub fn flow_diagnostics(project: &Project) -> Vec<Diag> {
    let mut diags = Vec::new();
    for j in &project.jurisdictions {
        for item in &j.items {
            let Some(origin) = item
                .flows_origin
                .filter(|o| o.jurisdiction == project.find(&j.name).unwrap_or(usize::MAX))
            else {
                continue;
            };
            for flow in &item.flows {
                let authored = flow.get_ref();
                if authored.nodes.is_empty() {
                    continue;
                }
                let graph = FlowGraph::from_model(authored);
                for problem in validate(&graph) {
                    let span = problem
                        .edge
                        .and_then(|e| authored.edges.get(e).map(|e| e.span()))
                        .or_else(|| {
                            problem
                                .node
                                .and_then(|n| authored.nodes.get(n).map(|n| n.span()))
                        })
                        .or_else(|| authored.title.as_ref().map(|t| t.span()))
                        .unwrap_or_else(|| flow.span());
                    let mut d = Diag::error(
                        &format!("flow::{}", problem.kind),
                        origin.file,
                        span,
                        problem.message.clone(),
                    )
                    .label(problem.kind.as_str())
                    .help(problem.help.clone());
                    d.severity = Severity::Warning;
                    diags.push(d);
                }
            }
        }
    }
    diags
}
