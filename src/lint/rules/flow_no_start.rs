//! ZN620 flow-no-start: finds authored flowcharts in which no box is marked `kind = "start"`.
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowNoStart,
    r#"## What it does
Finds authored flowcharts in which no box is marked `kind = "start"`.

## Why is this bad?
The layout puts the start box at the top of the main column, and reachability is measured from it: without one the chart's column is guessed from the first box without arrows into it, and a reader of the printed chart cannot see where the procedure begins.

## Example
```toml
[[item.flow]]
title = "办理流程图"
nodes = [
  { id = "a", kind = "step", text = "申请" },
  { id = "b", kind = "end",  text = "办结" },
]
edges = [{ from = "a", to = "b" }]
```

## Use instead
```toml
[[item.flow]]
title = "办理流程图"
nodes = [
  { id = "a", kind = "start", text = "申请" },
  { id = "b", kind = "end",   text = "办结" },
]
edges = [{ from = "a", to = "b" }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN620",
    name: "flow-no-start",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowNoStart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::NoStart],
        ));
    }
}
