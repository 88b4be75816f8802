//! ZN302 time-limit-unit.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::governing::time_limits_against_catalog;
use crate::lint::rules::time_limit_exceeds_catalog::cap;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::time_limit::{self, Bound, Unit};

rule_doc!(
    TimeLimitUnit,
    r#"## What it does
Flags a city's or county's time limit counted in another unit than the governing catalog's:
工作日 (working days) where the catalog counts 自然日 (calendar days), or the reverse.

## Why is this bad?
The two units are not interchangeable (30 calendar days are about 22 working days), so the
promise cannot be checked against the catalog's and usually hides a longer time.

## Example
Catalog `不超过30个自然日`, county:
```text
time_limit = "不超过30个工作日"
```

## Use instead
```text
time_limit = "不超过30个自然日"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN302",
    name: "time-limit-unit",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for TimeLimitUnit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (t, catalog, ct) in time_limits_against_catalog(ctx) {
            let ctext = ct.get_ref().as_str();
            let caps = time_limit::parse(ctext);
            for l in time_limit::parse(t.value) {
                if l.bound == Bound::After || l.unit == Unit::Immediate {
                    continue;
                }
                let Some(c) = cap(t.value, &l, ctext, &caps) else {
                    continue;
                };
                if c.unit == Unit::Immediate || c.unit == l.unit {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        l.range.clone(),
                        t!(
                            "ZN302.message",
                            unit = l.unit.label(),
                            catalog_unit = c.unit.label(),
                            catalog_limit = c.describe(),
                            name = catalog.name()
                        ),
                    )
                    .help(t!("ZN302.help", limit = &ctext[c.range.clone()])),
                );
            }
        }
    }
}
