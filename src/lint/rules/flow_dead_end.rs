//! ZN622 flow-dead-end: finds boxes that no arrow leaves although they are not end boxes, in charts that mark their end boxes (`kind = "end"`).
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowDeadEnd,
    r#"## What it does
Finds boxes that no arrow leaves although they are not end boxes, in charts that mark their end boxes (`kind = "end"`). Charts without any end box end wherever their arrows stop and are not checked; unreachable boxes are reported by ZN621 instead.

## Why is this bad?
Where a chart draws its endings as rounded end boxes, a plain box without a way out is either a missing arrow or an ending drawn in the wrong shape. Published charts sometimes end a side branch in a plain box on purpose, so this is information, not a warning.

## Example
```toml
nodes = [
  { id = "a", kind = "start", text = "申请" },
  { id = "b", kind = "step",  text = "受理" },
  { id = "r", kind = "step",  text = "不符合条件的，予以退回" },   # nothing leaves it
  { id = "c", kind = "end",   text = "办结" },
]
edges = [{ from = "a", to = "b" }, { from = "b", to = "c" }, { from = "b", to = "r" }]
```

## Use instead
```toml
  { id = "r", kind = "end",   text = "不符合条件的，予以退回" },
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN622",
    name: "flow-dead-end",
    severity: Severity::Info,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowDeadEnd {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::DeadEnd],
        ));
    }
}
