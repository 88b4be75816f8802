//! ZN621 flow-unreachable-box: finds boxes of an authored flowchart that no chain of arrows leads to from a start box (loop-backs count).
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
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
    fallback: false,
};

impl Rule for FlowUnreachableBox {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::UnreachableNode],
        ));
    }
}
