//! ZN605 flow-key-terms: a flowchart that never mentions what its item is about.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::{Flow, Spanned};
use crate::resolve::Jurisdiction;
use crate::text::keyterms::{Bigram, NameModel, bigrams};

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

/// A chart of an item: the item's index, the chart, the bigrams of its text.
pub type Chart<'a> = (usize, &'a Spanned<Flow>, std::collections::HashSet<Bigram>);

/// The name model of a jurisdiction's items and, per item, its charts with their text bigrams.
pub fn charts_of<'a>(
    jur: &'a Jurisdiction,
    j: usize,
    function: &[char],
) -> (NameModel, Vec<Chart<'a>>) {
    let model = NameModel::new(jur.items.iter().map(|i| i.name()), function);
    let mut charts = Vec::new();
    for (ii, item) in jur.items.iter().enumerate() {
        if item.flows_origin.is_none_or(|o| o.jurisdiction != j) {
            continue;
        }
        for flow in &item.flows {
            if flow.get_ref().nodes.is_empty() {
                continue;
            }
            charts.push((ii, flow, bigrams(&flow_text(flow.get_ref()), function)));
        }
    }
    (model, charts)
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
        let function = function_chars(ctx);
        for (j, jur) in ctx.project.jurisdictions.iter().enumerate() {
            if jur.items.len() < 2 {
                continue;
            }
            let (model, charts) = charts_of(jur, j, &function);
            // The boxes' own words (titles and captions are often the same generic text).
            let boxes: Vec<_> = charts
                .iter()
                .map(|(_, flow, _)| {
                    let text: Vec<&str> = flow
                        .get_ref()
                        .nodes
                        .iter()
                        .map(|n| n.get_ref().text.get_ref().as_str())
                        .collect();
                    bigrams(&text.join("\n"), &function)
                })
                .collect();
            for (k, (ii, flow, text)) in charts.iter().enumerate() {
                let ii = *ii;
                if model.names[ii].len() < 3 {
                    continue;
                }
                let score = model.score(ii, text);
                if score >= 0.15 || model.better_match(ii, text).is_some() {
                    continue;
                }
                // Only a chart that says something of its own (pairs of characters no other chart
                // of the jurisdiction has) is judged: a bare 受理—审核—办结 chart names no matter.
                let specific = boxes[k]
                    .iter()
                    .filter(|b| {
                        boxes
                            .iter()
                            .enumerate()
                            .all(|(o, t)| o == k || !t.contains(b))
                    })
                    .count();
                if specific < SPECIFIC {
                    continue;
                }
                let item = &jur.items[ii];
                let file = item.flows_origin.map_or(item.decl.file, |o| o.file);
                out.push(
                    Finding::span(
                        META.code,
                        file,
                        flow_span(flow),
                        j,
                        Some(item.key.clone()),
                        format!(
                            "the flowchart of {} hardly mentions what the item is about ({:.0}% of its name's key terms)",
                            item.name(),
                            score * 100.0
                        ),
                    )
                    .help("check that the chart describes this item's procedure and not another's"),
                );
            }
        }
    }
}
