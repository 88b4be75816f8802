//! ZN304 empty-time-limit.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::governing::governing_of;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    EmptyTimeLimit,
    r#"## What it does
Flags an item whose 承诺办理时限 is written but empty.

## Why is this bad?
Every item of a service list promises a time limit; an empty cell publishes no promise at all
(and, written as `""`, it also hides the catalog's limit that would otherwise be inherited).

## Example
```text
time_limit = ""
```

## Use instead
The catalog's limit or a shorter one:
```text
time_limit = "不超过30个自然日"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN304",
    name: "empty-time-limit",
    severity: Severity::Error,
    doc: DOC,
};

impl Rule for EmptyTimeLimit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for t in ctx.texts_of("time_limit") {
            if !t.value.trim().is_empty() {
                continue;
            }
            let catalog = ctx
                .item(t)
                .and(t.item)
                .and_then(|ii| governing_of(ctx, t.jurisdiction, ii))
                .and_then(|c| c.item.time_limit.as_ref())
                .map(|s| s.get_ref().clone());
            // An empty range inside the quotes: the fix inserts the text there.
            let f = Finding::at(META.code, ctx, t, 0..0, t!("ZN304.message"));
            let f = match catalog {
                Some(c) => f.help(t!("ZN304.help", limit = c)).fix(c, false),
                None => f.help(t!("ZN304.help-none")),
            };
            out.push(f);
        }
    }
}
