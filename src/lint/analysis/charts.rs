//! The charts of every jurisdiction, analysed once for `flow-key-terms` and `swapped-flows`: how much
//! of its item's name each chart mentions, and which other item it describes better.

use crate::lint::Context;
use crate::model::{Flow, Spanned};
use crate::resolve::Jurisdiction;
use crate::text::keyterms::{Bigram, BigramSet, NameModel, bigrams};
use rustc_hash::FxHashMap;

/// Everything a chart says, as one text.
pub fn flow_text(flow: &Flow) -> String {
    let mut s = String::new();
    if let Some(t) = &flow.title {
        s.push_str(t.get_ref());
        s.push('\n');
    }
    for c in &flow.caption {
        s.push_str(c.get_ref());
        s.push('\n');
    }
    for n in &flow.nodes {
        s.push_str(n.get_ref().text.get_ref());
        s.push('\n');
    }
    for e in &flow.edges {
        if let Some(l) = &e.get_ref().label {
            s.push_str(l.get_ref());
            s.push('\n');
        }
    }
    s
}

pub fn function_chars(ctx: &Context) -> Vec<char> {
    ctx.reference
        .terms
        .function_chars
        .iter()
        .flat_map(|s| s.chars())
        .collect()
}

/// What the key-term rules know about one chart.
#[derive(Debug)]
pub struct ChartInfo {
    /// Index of the item in its jurisdiction, and of the chart among the item's flows.
    pub item: usize,
    pub flow: usize,
    /// Share of the item name's key terms the chart mentions.
    pub score: f64,
    /// Character pairs of the boxes that no other chart of the jurisdiction has.
    pub specific: usize,
    /// Another item the chart describes better than its own: (item, own share, other's share).
    pub better: Option<(usize, f64, f64)>,
}

/// The charts of every jurisdiction, analysed once for `flow-key-terms` and `swapped-flows`.
#[derive(Debug, Default)]
pub struct ChartAnalysis {
    /// Per jurisdiction, its own charts (with boxes), and the name model's bigram count per item.
    pub per_jurisdiction: Vec<(Vec<ChartInfo>, Vec<usize>)>,
}

impl ChartAnalysis {
    pub fn of<'c>(ctx: &'c Context) -> &'c ChartAnalysis {
        ctx.analyses.charts.get_or_init(|| {
            let function = function_chars(ctx);
            let per_jurisdiction = ctx
                .project
                .jurisdictions
                .iter()
                .enumerate()
                .map(|(j, jur)| analyse(jur, j, &function))
                .collect();
            ChartAnalysis { per_jurisdiction }
        })
    }
}

fn analyse(jur: &Jurisdiction, j: usize, function: &[char]) -> (Vec<ChartInfo>, Vec<usize>) {
    if jur.items.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let model = NameModel::new(jur.items.iter().map(|i| i.name()), function);
    let mut charts: Vec<(usize, usize, BigramSet, BigramSet)> = Vec::new();
    for (ii, item) in jur.items.iter().enumerate() {
        if item.flows_origin.is_none_or(|o| o.jurisdiction != j) {
            continue;
        }
        for (fi, flow) in item.flows.iter().enumerate() {
            let f = flow.get_ref();
            if f.nodes.is_empty() {
                continue;
            }
            // The boxes' own words (titles and captions are often the same generic text).
            let boxes: Vec<&str> = f
                .nodes
                .iter()
                .map(|n| n.get_ref().text.get_ref().as_str())
                .collect();
            charts.push((
                ii,
                fi,
                bigrams(&flow_text(f), function),
                bigrams(&boxes.join("\n"), function),
            ));
        }
    }
    // In how many charts each pair of characters of the boxes appears.
    let mut df: FxHashMap<Bigram, usize> = FxHashMap::default();
    for c in &charts {
        for b in &c.3 {
            *df.entry(*b).or_default() += 1;
        }
    }
    let infos = charts
        .iter()
        .map(|(ii, fi, text, boxes)| ChartInfo {
            item: *ii,
            flow: *fi,
            score: model.score(*ii, text),
            specific: boxes.iter().filter(|b| df.get(*b) == Some(&1)).count(),
            better: model.better_match(*ii, text),
        })
        .collect();
    (infos, model.names.iter().map(|n| n.len()).collect())
}

pub fn flow_span(flow: &Spanned<Flow>) -> std::ops::Range<usize> {
    flow.get_ref()
        .title
        .as_ref()
        .map_or(flow.span(), |t| t.span())
}

/// The findings of one flowchart-structure rule (ZN620–ZN627): the problems `flow::validate` finds
/// of the given kinds, each at its node, edge or chart title, with the chart named in the message.
pub fn structure_findings(
    ctx: &Context,
    code: &'static str,
    kinds: &[crate::flow::FlowProblemKind],
) -> Vec<crate::lint::Finding> {
    crate::flow::located::problems_of(ctx.project, kinds)
        .into_iter()
        .map(|p| {
            let message = rust_i18n::t!("flow.chart", chart = p.chart, message = p.problem.message);
            crate::lint::Finding::span(code, p.file, p.span, p.jurisdiction, Some(p.item), message)
                .help(p.problem.help)
        })
        .collect()
}
