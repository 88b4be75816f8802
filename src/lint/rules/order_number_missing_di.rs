//! ZN208 order-number-missing-di.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::legal::cited;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::citation::DocNumber;

rule_doc!(
    OrderNumberMissingDi,
    r#"## What it does
Flags an order number (令号) written without 第: 国务院令259号.

## Why is this bad?
Orders are designated 国务院令第259号, 国家医疗保障局令第3号; without 第 the designation is not
the official one, and documents that mix both forms look careless.

## Example
```text
《社会保险费征缴暂行条例》（国务院令259号）第八条
```

## Use instead
```text
《社会保险费征缴暂行条例》（国务院令第259号）第八条
```

## Fix safety
Safe: inserts 第 before the number.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN208",
    name: "order-number-missing-di",
    severity: Severity::Error,
    doc: DOC,
};

impl Rule for OrderNumberMissingDi {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (t, cs) in ctx.texts.iter().zip(cited(ctx).iter()) {
            for n in cs.iter().filter_map(|c| c.citation.number.clone()) {
                let DocNumber::Order(o) = n else { continue };
                if o.di.is_some() {
                    continue;
                }
                let number = &t.value[o.number.clone()];
                let order = &t.value[o.range.clone()];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        o.number.clone(),
                        t!("ZN208.message", order = order),
                    )
                    .help(t!("ZN208.help", number = number))
                    .fix(format!("第{number}"), true),
                );
            }
        }
    }
}
