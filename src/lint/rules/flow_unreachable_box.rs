//! ZN621 flow-unreachable-box: finds boxes of an authored flowchart that no chain of arrows leads to from a start box (loop-backs count).
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::flow::{FlowProblemKind, located};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowUnreachableBox,
    r#"## What it does
Finds boxes of an authored flowchart that no chain of arrows leads to from a start box (loop-backs count).

## Why is this bad?
A box nothing leads to is printed floating beside the chart: the reader cannot tell when that step happens. It is usually an arrow lost in transcription.

## Example
```toml
nodes = [
  { id = "a", kind = "start", text = "申请" },
  { id = "b", kind = "step",  text = "受理" },
  { id = "x", kind = "step",  text = "现场核查" },   # no arrow leads here
  { id = "c", kind = "end",   text = "办结" },
]
edges = [{ from = "a", to = "b" }, { from = "b", to = "c" }, { from = "x", to = "c" }]
```

## Use instead
```toml
edges = [
  { from = "a", to = "b" }, { from = "b", to = "x" }, { from = "x", to = "c" },
]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN621",
    name: "flow-unreachable-box",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for FlowUnreachableBox {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for p in located::problems_of(ctx.project, &[FlowProblemKind::UnreachableNode]) {
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
