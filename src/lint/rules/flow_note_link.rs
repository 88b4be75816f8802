//! ZN626 flow-note-link: finds notes (`kind = "note"`) that are not attached to a box (no `attach`, or `attach` naming another note or itself), `attach` on a box that is not a note, and arrows that start or end at a note.
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowNoteLink,
    r#"## What it does
Finds notes (`kind = "note"`) that are not attached to a box (no `attach`, or `attach` naming another note or itself), `attach` on a box that is not a note, and arrows that start or end at a note.

## Why is this bad?
A note explains one box and is printed beside it with a dashed line; a note without a box floats unexplained, and an arrow to a note is not drawn at all. (An `attach` or arrow naming an id the chart does not have is a load error.)

## Example
```toml
nodes = [
  { id = "a",    kind = "start", text = "申请" },
  { id = "docs", kind = "note",  text = "提交材料：1、身份证件" },   # which box?
  { id = "b",    kind = "end",   text = "办结" },
]
edges = [{ from = "a", to = "b" }, { from = "a", to = "docs" }]
```

## Use instead
```toml
  { id = "docs", kind = "note",  text = "提交材料：1、身份证件", attach = "a" },
edges = [{ from = "a", to = "b" }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN626",
    name: "flow-note-link",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowNoteLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[
                FlowProblemKind::DanglingAttach,
                FlowProblemKind::DanglingEdge,
            ],
        ));
    }
}
