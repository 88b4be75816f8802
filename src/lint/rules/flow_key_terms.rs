//! ZN605 flow-key-terms: a flowchart that never mentions what its item is about.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::{Flow, Spanned};
use crate::resolve::Jurisdiction;
use crate::text::fxhash::FxHashMap;
use crate::text::keyterms::{Bigram, BigramSet, NameModel, bigrams};

rule_doc!(
    FlowKeyTerms,
    r#"## What it does
Takes the key terms of each item's name — pairs of characters that few other item names of the
jurisdiction share, without function characters (的, 或, 对 …, listed as `function_chars` in
`terms.toml`) — and flags a flowchart (title, captions, boxes, arrow labels) that mentions almost none
of them. Charts given only by a title are not checked, nor bare charts that say nothing of their own (受理资料
→ 审核资料 → 报送财务: fewer than 8 character pairs that no other chart of the jurisdiction has); a chart
that matches another item's name is left to `swapped-flows`.

## Why is this bad?
A procedure chart that never names its item's matter (封存, 资料 for a 封存 power; 待遇 for a 待遇
power) is usually a chart copied from another procedure, so the steps shown are not this item's.

## Example
```toml
[[item]]
name = "对可能被转移、隐匿或者灭失的资料予以封存"
[[item.flow]]
nodes = [{ id = "a", kind = "start", text = "行政处罚立案" }, { id = "b", kind = "end", text = "行政处罚结案归档" }]
```

## Use instead
```toml
[[item]]
name = "对可能被转移、隐匿或者灭失的资料予以封存"
[[item.flow]]
nodes = [{ id = "a", kind = "start", text = "审批封存" }, { id = "b", kind = "end", text = "制作封存清单并送达" }]
```
"#
);

/// Character pairs of its own a chart needs before its silence about the item counts.
const SPECIFIC: usize = 8;

static META: RuleMeta = RuleMeta {
    code: "ZN605",
    name: "flow-key-terms",
    severity: Severity::Warning,
    doc: DOC,
};

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
    pub fn of(ctx: &Context) -> std::sync::Arc<ChartAnalysis> {
        ctx.memo(|| {
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

impl Rule for FlowKeyTerms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let analysis = ChartAnalysis::of(ctx);
        for (j, (charts, name_sizes)) in analysis.per_jurisdiction.iter().enumerate() {
            let jur = &ctx.project.jurisdictions[j];
            for c in charts {
                // Names with fewer than 3 key pairs say too little to judge; a chart that matches
                // another item is swapped-flows' finding; a bare chart names no matter.
                if name_sizes[c.item] < 3
                    || c.score >= 0.15
                    || c.better.is_some()
                    || c.specific < SPECIFIC
                {
                    continue;
                }
                let item = &jur.items[c.item];
                let file = item.flows_origin.map_or(item.decl.file, |o| o.file);
                out.push(
                    Finding::span(
                        META.code,
                        file,
                        flow_span(&item.flows[c.flow]),
                        j,
                        Some(item.key.clone()),
                        t!(
                            "ZN605.message",
                            item = item.name(),
                            percent = format!("{:.0}", c.score * 100.0)
                        ),
                    )
                    .help(t!("ZN605.help")),
                );
            }
        }
    }
}
