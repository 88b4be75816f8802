//! ZN301 time-limit-exceeds-catalog.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::governing::time_limits_against_catalog;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::time_limit::{self, Bound, Limit, certainly_longer};

rule_doc!(
    TimeLimitExceedsCatalog,
    r#"## What it does
Compares a city's or county's 承诺办理时限 with the governing catalog's for the same item and
flags a promise that is certainly longer, group by group (在职职工 / 灵活就业人员). Working days
are compared with calendar days only in the safe direction: N working days last at least N
calendar days.

## Why is this bad?
Under 六统一 a lower level may be faster than the catalog, never slower: a longer promise
breaks the catalog's service standard.

## Example
Catalog `不超过30个自然日`, county:
```text
time_limit = "不超过90个工作日"
```

## Use instead
```text
time_limit = "不超过30个自然日"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN301",
    name: "time-limit-exceeds-catalog",
    severity: Severity::Error,
    doc: DOC,
};

/// The catalog limit a county limit must keep: the same group's, else the most generous one.
pub(crate) fn cap<'l>(
    text: &str,
    limit: &Limit,
    catalog_text: &str,
    catalog: &'l [Limit],
) -> Option<&'l Limit> {
    let group = limit.group.as_ref().map(|g| &text[g.clone()]);
    if let Some(g) = group {
        let same = catalog.iter().find(|c| {
            c.group.as_ref().is_some_and(|cg| {
                let cg = &catalog_text[cg.clone()];
                cg == g || cg.contains(g) || g.contains(cg)
            })
        });
        if same.is_some() {
            return same;
        }
    }
    // The most generous cap (a promise longer than all of them is certainly too long).
    catalog
        .iter()
        .fold(None, |best: Option<&Limit>, c| match best {
            None => Some(c),
            Some(b) if certainly_longer(c, b) == Some(true) => Some(c),
            Some(b) => Some(b),
        })
}

impl Rule for TimeLimitExceedsCatalog {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (t, catalog, ct) in time_limits_against_catalog(ctx) {
            let ctext = ct.get_ref().as_str();
            let caps = time_limit::parse(ctext);
            if caps.is_empty() {
                continue;
            }
            for l in time_limit::parse(t.value) {
                if l.bound == Bound::After {
                    continue;
                }
                let Some(c) = cap(t.value, &l, ctext, &caps) else {
                    continue;
                };
                if certainly_longer(&l, c) != Some(true) {
                    continue;
                }
                let name = catalog.name();
                let whose = ctx.project.catalog().name.as_str();
                let mut f = Finding::at(
                    META.code,
                    ctx,
                    t,
                    l.range.clone(),
                    t!(
                        "ZN301.message",
                        promised = l.describe(),
                        whose = whose,
                        allowed = c.describe(),
                        name = name
                    ),
                )
                .help(t!("ZN301.help", limit = &ctext[c.range.clone()]))
                .fix(ctext[c.range.clone()].to_string(), false);
                if let Some(origin) = catalog.origin_of("time_limit") {
                    f = f.related(origin.file, ct.span(), t!("ZN301.related"));
                }
                out.push(f);
            }
        }
    }
}
