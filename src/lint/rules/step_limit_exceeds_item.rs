//! ZN303 step-limit-exceeds-item.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::governing::governing_of;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::time_limit::{self, Limit, certainly_longer};

rule_doc!(
    StepLimitExceedsItem,
    r#"## What it does
Flags a time stated in a flowchart step, a note or the conditions of an item that is longer
than the item's own time limit (its 承诺办理时限, inherited or written, else the governing
catalog's): a step cannot take longer than the whole procedure.

## Why is this bad?
The chart or note contradicts the promise: either the step's time or the promise is wrong,
and applicants are told two different things. Deadlines set for the applicant (应当自…之日起
20个工作日内告知) are not steps of the office and are not compared.

## Example
Item limit `不超过10个工作日`, flowchart:
```text
{ id = "done", kind = "end", text = "递交结算部门：不超过20个工作日拨付，办结" }
```

## Use instead
```text
{ id = "done", kind = "end", text = "递交结算部门：不超过10个工作日拨付，办结" }
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN303",
    name: "step-limit-exceeds-item",
    severity: Severity::Warning,
    doc: DOC,
};

const FIELDS: &[&str] = &[
    "notes",
    "conditions",
    "steps",
    "flow.node",
    "flow.caption",
    "flow.edge",
];

impl Rule for StepLimitExceedsItem {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for t in ctx.texts.iter().filter(|t| FIELDS.contains(&t.field)) {
            // Cheap test first: a time limit needs a day unit or an "on the spot" word.
            if !t.value.contains(['日', '天'])
                && !t.value.contains("即")
                && !t.value.contains("当场")
            {
                continue;
            }
            let (Some(item), Some(ii)) = (ctx.item(t), t.item) else {
                continue;
            };
            let own = item.item.time_limit.as_ref().map(|s| s.get_ref().as_str());
            let limit_text = own.filter(|s| !s.trim().is_empty()).or_else(|| {
                governing_of(ctx, t.jurisdiction, ii)
                    .and_then(|c| c.item.time_limit.as_ref())
                    .map(|s| s.get_ref().as_str())
            });
            let Some(limit_text) = limit_text else {
                continue;
            };
            let caps = time_limit::parse(limit_text);
            // The most generous of the item's limits.
            let Some(cap) = caps
                .iter()
                .fold(None, |best: Option<&Limit>, c| match best {
                    Some(b) if certainly_longer(c, b) != Some(true) => Some(b),
                    _ => Some(c),
                })
            else {
                continue;
            };
            for l in time_limit::parse(t.value) {
                let clause = &t.value[l.clause.clone()];
                // An applicant's deadline counted from an event (应当自…之日起N日内…), not a step;
                // a statutory limit (法定办结时限) is by design longer than the promise.
                if clause.contains("之日起")
                    || t.value[..l.range.start].ends_with('起')
                    || clause.contains("法定")
                {
                    continue;
                }
                if certainly_longer(&l, cap) != Some(true) {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        l.range.clone(),
                        t!(
                            "ZN303.message",
                            step = l.describe(),
                            limit = cap.describe()
                        ),
                    )
                    .help(t!("ZN303.help", limit = limit_text)),
                );
            }
        }
    }
}
