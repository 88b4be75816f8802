//! ZN301 time-limit-exceeds-catalog.

use crate::diagnostic::Severity;
use crate::lint::governing::cap;
use crate::lint::governing::time_limits_against_catalog;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::time_limit::{self, Bound, certainly_longer};
use rust_i18n::t;

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
    fallback: false,
};

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
                let whose = ctx.project.jurisdictions[catalog.decl.jurisdiction]
                    .name
                    .as_str();
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
                if let Some(origin) = catalog.origin_of(Field::TimeLimit) {
                    f = f.related(origin.file, ct.span(), t!("ZN301.related"));
                }
                out.push(f);
            }
        }
    }
}
