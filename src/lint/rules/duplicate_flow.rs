//! ZN604 duplicate-flow: the same flowchart printed twice.

use rust_i18n::t;
use std::collections::HashMap;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::{Flow, Spanned};

rule_doc!(
    DuplicateFlow,
    r#"## What it does
Compares the flowcharts of each jurisdiction box by box (kind and text of every node, and every arrow
with its label): two identical charts of one item are an error, identical charts of two different items
a warning. Charts given only by a title are not compared.

## Why is this bad?
A chart printed twice for one item is a layout slip that doubles the document's length; the same chart
under two different items means one of them shows another item's procedure.

## Example
```toml
[[item.flow]]
title = "其他权力类权力运行流程图"
nodes = [{ id = "a", kind = "start", text = "受理" }, { id = "b", kind = "end", text = "办结" }]
edges = [{ from = "a", to = "b" }]

[[item.flow]]   # the same chart again
title = "其他权力类权力运行流程图"
nodes = [{ id = "a", kind = "start", text = "受理" }, { id = "b", kind = "end", text = "办结" }]
edges = [{ from = "a", to = "b" }]
```

## Use instead
```toml
[[item.flow]]
title = "其他权力类权力运行流程图"
nodes = [{ id = "a", kind = "start", text = "受理" }, { id = "b", kind = "end", text = "办结" }]
edges = [{ from = "a", to = "b" }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN604",
    name: "duplicate-flow",
    severity: Severity::Error,
    doc: DOC,
};

/// The content of a chart, independent of node ids and of the source layout.
pub fn signature(flow: &Flow) -> Option<String> {
    if flow.nodes.is_empty() {
        return None;
    }
    let text_of = |id: &str| {
        flow.nodes
            .iter()
            .find(|n| n.get_ref().id.get_ref() == id)
            .map_or(id.to_string(), |n| n.get_ref().text.get_ref().clone())
    };
    let mut sig = String::new();
    for n in &flow.nodes {
        let n = n.get_ref();
        sig.push_str(&format!(
            "{:?}\u{1}{}\u{1}",
            n.kind.get_ref(),
            n.text.get_ref()
        ));
        if let Some(a) = &n.attach {
            sig.push_str(&text_of(a.get_ref()));
        }
        sig.push('\u{2}');
    }
    let mut edges: Vec<String> = flow
        .edges
        .iter()
        .map(|e| {
            let e = e.get_ref();
            format!(
                "{}\u{1}{}\u{1}{}",
                text_of(e.from.get_ref()),
                text_of(e.to.get_ref()),
                e.label.as_ref().map_or("", |l| l.get_ref().as_str())
            )
        })
        .collect();
    edges.sort();
    sig.push_str(&edges.join("\u{2}"));
    Some(sig)
}

fn flow_span(flow: &Spanned<Flow>) -> std::ops::Range<usize> {
    flow.get_ref()
        .title
        .as_ref()
        .map_or(flow.span(), |t| t.span())
}

impl Rule for DuplicateFlow {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            // signature → (item index, flow index)
            let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
            for (ii, item) in jur.items.iter().enumerate() {
                let Some(origin) = item.flows_origin.filter(|o| o.jurisdiction == j) else {
                    continue;
                };
                for (fi, flow) in item.flows.iter().enumerate() {
                    let Some(sig) = signature(flow.get_ref()) else {
                        continue;
                    };
                    let Some(&(fii, ffi)) = seen.get(&sig) else {
                        seen.insert(sig, (ii, fi));
                        continue;
                    };
                    let first = &jur.items[fii];
                    let first_file = first.flows_origin.map_or(origin.file, |o| o.file);
                    let first_span = flow_span(&first.flows[ffi]);
                    let f = if fii == ii {
                        Finding::span(
                            META.code,
                            origin.file,
                            flow_span(flow),
                            j,
                            Some(item.key.clone()),
                            t!(
                                "ZN604.repeat",
                                index = fi + 1,
                                item = item.name(),
                                first = ffi + 1
                            ),
                        )
                        .help(t!("ZN604.repeat-help"))
                    } else {
                        Finding::span(
                            META.code,
                            origin.file,
                            flow_span(flow),
                            j,
                            Some(item.key.clone()),
                            t!("ZN604.message", item = item.name(), other = first.name()),
                        )
                        .help(t!("ZN604.help"))
                        .severity(Severity::Warning)
                    };
                    out.push(f.related(first_file, first_span, t!("ZN604.related")));
                }
            }
        }
    }
}
