//! The static web site of a jurisdiction, `out/<jurisdiction>/site/`: an index with client-side
//! search and one page per item with the same fields as the printed guide.
//!
//! ```text
//! site/index.html        every item; search by name or code (search.js over the inline index)
//! site/<key>.html        one item: fields, flowcharts (../flows/<key>.svg + the steps as text),
//!                        legal basis, contacts, QR code of the online service, ../items/<key>.pdf
//! site/search.json       the search index (the same JSON is inlined in index.html for file://)
//! site/site.css          responsive layout, system fonts only
//! site/search.js
//! ```
//!
//! Nothing is fetched from elsewhere. Every source string is escaped ([`html::esc`]); Markdown comes
//! from the view model's tree, in which raw HTML is already plain text.

pub mod html;
mod page;
pub mod style;

use serde::Serialize;

use crate::flow::{FlowGraph, item_flows};
use crate::model::NodeKind;
use crate::render::GuideData;
use crate::render::data::safe_file_stem;
use crate::resolve::Project;

pub use page::{index_page, item_page};
pub use style::Style;

const CSS: &str = include_str!("assets/site.css");
const JS: &str = include_str!("assets/search.js");

/// A flowchart as the site shows it: the SVG file the build writes to `flows/`, and its steps as
/// text for readers who cannot see the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// Path relative to the jurisdiction folder: `flows/<key>.svg`.
    pub file: String,
    pub title: String,
    pub steps: Vec<String>,
}

impl Chart {
    /// `file` is the chart's path under the jurisdiction folder.
    pub fn from_graph(graph: &FlowGraph, file: String) -> Chart {
        let name = |id: &str| {
            graph
                .node_index(id)
                .map(|i| one_line(&graph.nodes[i].text))
                .unwrap_or_else(|| id.to_string())
        };
        let mut steps = Vec::new();
        for n in graph.nodes.iter().filter(|n| n.kind != NodeKind::Note) {
            let mut line = one_line(&n.text);
            let out: Vec<String> = graph
                .edges
                .iter()
                .filter(|e| e.from == n.id)
                .map(|e| match &e.label {
                    Some(l) => format!("{}：{}", one_line(l), name(&e.to)),
                    None => name(&e.to),
                })
                .collect();
            // A plain chain reads as the list order; branches and labels are spelled out.
            let labelled = graph
                .edges
                .iter()
                .any(|e| e.from == n.id && e.label.is_some());
            if out.len() > 1 || labelled {
                line.push_str(&format!("（→ {}）", out.join("；")));
            }
            for note in graph
                .nodes
                .iter()
                .filter(|m| m.kind == NodeKind::Note && m.attach.as_deref() == Some(n.id.as_str()))
            {
                line.push_str(&format!("〔注：{}〕", one_line(&note.text)));
            }
            steps.push(line);
        }
        Chart {
            file,
            title: graph.title.clone(),
            steps,
        }
    }
}

fn one_line(s: &str) -> String {
    s.split('\n').map(str::trim).collect::<Vec<_>>().join("")
}

/// The file of an item's `index`-th chart under the jurisdiction folder (as `zhinan build` names it).
pub fn chart_file(key: &str, index: usize) -> String {
    let stem = safe_file_stem(key);
    if index == 0 {
        format!("flows/{stem}.svg")
    } else {
        format!("flows/{stem}-{}.svg", index + 1)
    }
}

/// Every item's charts of jurisdiction `j`, in guide order.
pub fn charts(project: &Project, j: usize) -> Vec<Vec<Chart>> {
    project.jurisdictions[j]
        .items
        .iter()
        .map(|item| {
            item_flows(&item.item)
                .iter()
                .enumerate()
                .map(|(k, g)| Chart::from_graph(g, chart_file(&item.key, k)))
                .collect()
        })
        .collect()
}

/// One entry of the search index.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    pub key: String,
    pub code: Option<String>,
    pub name: String,
    pub page: String,
}

/// The search index of a guide.
pub fn search_index(guide: &GuideData) -> Vec<IndexEntry> {
    guide
        .items
        .iter()
        .map(|i| IndexEntry {
            key: i.key.clone(),
            code: i.code.clone(),
            name: i.name.clone(),
            page: page_name(&i.key),
        })
        .collect()
}

/// An item's page file name.
pub fn page_name(key: &str) -> String {
    format!("{}.html", safe_file_stem(key))
}

/// Every file of the site, paths under the jurisdiction folder (`site/…`). `charts[i]` belongs
/// to `guide.items[i]`; `style` is the guide's field set (the PDF's, [`Style::load`]).
pub fn files(guide: &GuideData, charts: &[Vec<Chart>], style: &Style) -> Vec<(String, Vec<u8>)> {
    let index = search_index(guide);
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "[]".into());
    let mut out = vec![
        (
            "site/index.html".to_string(),
            index_page(guide, &index, &json).into_bytes(),
        ),
        ("site/search.json".to_string(), json.into_bytes()),
        ("site/site.css".to_string(), CSS.as_bytes().to_vec()),
        ("site/search.js".to_string(), JS.as_bytes().to_vec()),
    ];
    for (i, item) in guide.items.iter().enumerate() {
        let item_charts = charts.get(i).map_or(&[][..], Vec::as_slice);
        let qr = item.qr.as_ref().map(|q| q.svg.as_str());
        out.push((
            format!("site/{}", page_name(&item.key)),
            item_page(guide, item, item_charts, qr, style).into_bytes(),
        ));
    }
    out
}
