//! ZN625 flow-decision-exits: finds decision diamonds (`kind = "decision"`) with fewer than two ways out, or with more than one way out that carries no condition (`label`).
//! The check itself is `flow::validate`; this rule reports it in every lint format.

use crate::diagnostic::Severity;
use crate::flow::FlowProblemKind;
use crate::lint::analysis::charts::structure_findings;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    FlowDecisionExits,
    r#"## What it does
Finds decision diamonds (`kind = "decision"`) with fewer than two ways out, or with more than one way out that carries no condition (`label`). The main way out may stay unlabelled: it is read as "otherwise". Arrows back to the diamond itself do not count.

## Why is this bad?
A diamond asks a question; a reader follows the way out whose condition holds. With one way out there is no question, and with two unlabelled ways out the reader cannot tell which one to take.

## Example
```toml
nodes = [
  { id = "a", kind = "start",    text = "申请" },
  { id = "d", kind = "decision", text = "材料是否齐全" },
  { id = "b", kind = "end",      text = "受理" },
  { id = "r", kind = "end",      text = "一次性告知" },
]
edges = [{ from = "a", to = "d" }, { from = "d", to = "b" }, { from = "d", to = "r" }]
```

## Use instead
```toml
edges = [
  { from = "a", to = "d" },
  { from = "d", to = "b", label = "齐全" },
  { from = "d", to = "r", label = "不齐全" },
]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN625",
    name: "flow-decision-exits",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowDecisionExits {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        out.extend(structure_findings(
            ctx,
            META.code,
            &[FlowProblemKind::DecisionExits],
        ));
    }
}
