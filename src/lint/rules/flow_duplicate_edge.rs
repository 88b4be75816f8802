//! ZN624 flow-duplicate-edge: finds arrows of an authored flowchart that repeat an earlier arrow between the same two boxes.
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
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
    fallback: false,
};

impl Rule for FlowDuplicateEdge {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::DuplicateEdge],
        ));
    }
}
