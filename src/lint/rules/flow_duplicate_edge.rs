//! ZN624 flow-duplicate-edge: finds arrows of an authored flowchart that repeat an earlier arrow between the same two boxes.
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::flow::{FlowProblemKind, located};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowDuplicateEdge,
    r#"## What it does
Finds arrows of an authored flowchart that repeat an earlier arrow between the same two boxes.

## Why is this bad?
Only one arrow is drawn between two boxes, so a repeated edge is either a leftover (harmless but misleading to the next editor) or a branch whose `to` was not changed after copying (a real arrow missing from the chart). When the two copies carry different labels, one label is lost.

## Example
```toml
edges = [
  { from = "a", to = "b" },
  { from = "b", to = "c", label = "符合条件" },
  { from = "b", to = "c", label = "不符合条件" },   # meant: to = "r"
]
```

## Use instead
```toml
edges = [
  { from = "a", to = "b" },
  { from = "b", to = "c", label = "符合条件" },
  { from = "b", to = "r", label = "不符合条件" },
]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN624",
    name: "flow-duplicate-edge",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for FlowDuplicateEdge {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for p in located::problems_of(ctx.project, &[FlowProblemKind::DuplicateEdge]) {
            let message = t!("flow.chart", chart = p.chart, message = p.problem.message);
            out.push(
                Finding::span(
                    META.code,
                    p.file,
                    p.span,
                    p.jurisdiction,
                    Some(p.item),
                    message,
                )
                .help(p.problem.help),
            );
        }
    }
}
