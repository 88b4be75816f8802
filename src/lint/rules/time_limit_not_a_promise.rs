//! ZN305 time-limit-not-a-promise.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::time_limit::{self, Bound, Limit};

rule_doc!(
    TimeLimitNotAPromise,
    r#"## What it does
Flags a 承诺办理时限 that promises no time for the whole item: no time limit can be read in it
at all, or it only times one step, counted from an event (接到举报后5个工作日内做出…决定,
受理后…) or as a waiting time (20个工作日后).

## Why is this bad?
The field states how long the whole service takes. A text without a limit, or with the limit
of one step, leaves applicants without the promise the list exists to give, and cannot be
compared with the catalog.

## Example
```text
time_limit = "接到举报后5个工作日内做出是否受理的决定"
```

## Use instead
```text
time_limit = "不超过60个工作日"
```
and the step's time in the flowchart or the notes.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN305",
    name: "time-limit-not-a-promise",
    severity: Severity::Warning,
    doc: DOC,
};

/// A limit counted from an event or after a wait: the time of a step, not of the item.
fn is_step(text: &str, l: &Limit) -> bool {
    let before = text[l.clause.start..l.range.start].trim_end();
    l.bound == Bound::After || before.ends_with(['后', '起'])
}

impl Rule for TimeLimitNotAPromise {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for t in ctx.texts_of("time_limit") {
            let v = t.value.trim();
            if v.is_empty() {
                // Reported by empty-time-limit.
                continue;
            }
            let limits = time_limit::parse(t.value);
            let start = t.value.find(v).unwrap_or(0);
            let whole = start..start + v.len();
            if limits.is_empty() {
                out.push(
                    Finding::at(META.code, ctx, t, whole, t!("ZN305.unreadable"))
                        .help(t!("ZN305.unreadable-help")),
                );
            } else if limits.iter().all(|l| is_step(t.value, l)) {
                let l = &limits[0];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        l.range.clone(),
                        t!("ZN305.message", limit = l.describe()),
                    )
                    .help(t!("ZN305.help")),
                );
            }
        }
    }
}
