//! ZN623 flow-self-loop: finds arrows of an authored flowchart whose two ends are the same box.
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowSelfLoop,
    r#"## What it does
Finds arrows of an authored flowchart whose two ends are the same box.

## Why is this bad?
An arrow from a box to itself cannot be drawn and is left out of the printed chart, so the condition it stands for (补正后重新审核 …) silently disappears. It is usually a typo in `from` or `to`.

## Example
```toml
edges = [
  { from = "a", to = "b" },
  { from = "b", to = "b", label = "材料不全" },   # back to itself
  { from = "b", to = "c" },
]
```

## Use instead
```toml
edges = [
  { from = "a", to = "b" },
  { from = "b", to = "a", label = "材料不全" },   # back to 申请
  { from = "b", to = "c" },
]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN623",
    name: "flow-self-loop",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowSelfLoop {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::SelfLoop],
        ));
    }
}
