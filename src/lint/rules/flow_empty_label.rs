//! ZN627 flow-empty-label: finds arrows of an authored flowchart with a `label` that is present but blank.
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowEmptyLabel,
    r#"## What it does
Finds arrows of an authored flowchart with a `label` that is present but blank.

## Why is this bad?
A blank label reserves room beside the arrow and prints nothing; it usually marks a condition (有异议, 不符合 …) that was not transcribed.

## Example
```toml
edges = [{ from = "d", to = "r", label = " " }]
```

## Use instead
```toml
edges = [{ from = "d", to = "r", label = "有异议" }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN627",
    name: "flow-empty-label",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowEmptyLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::EmptyLabel],
        ));
    }
}
