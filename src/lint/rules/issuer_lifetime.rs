//! ZN206 issuer-lifetime.

use crate::diagnostic::Severity;
use crate::lint::legal::{LawIndex, citations};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::citation::DocNumber;
use rust_i18n::t;

rule_doc!(
    IssuerLifetime,
    r#"## What it does
Flags a 发文字号 whose year lies outside the years in which the issuer of its 机关代字 existed
(issuer lifetimes are in `catalog/reference/issuers.toml`).

## Why is this bad?
劳动和社会保障部 existed from 1998 to 2008: a 劳社厅发 document of 2022 cannot exist, so the year
(or the 代字) is wrong, usually a typo (2002 → 2022).

## Example
```text
《劳动和社会保障部办公厅关于妥善解决医疗保险制度改革有关问题的指导意见》（劳社厅发〔2022〕8号）
```

## Use instead
```text
《劳动和社会保障部办公厅关于妥善解决医疗保险制度改革有关问题的指导意见》（劳社厅发〔2002〕8号）
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN206",
    name: "issuer-lifetime",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for IssuerLifetime {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            let Some(DocNumber::Wenhao(w)) = &c.citation.number else {
                continue;
            };
            let Some(year) = w.year_value else { continue };
            let agency = index.agency(&t.value[w.agency.clone()]);
            let issuers = index.issuers_with_prefix(agency);
            if issuers.is_empty() {
                continue;
            }
            let alive = |i: &&crate::lint::reference::Issuer| {
                i.from.is_none_or(|f| year as i32 >= f) && i.until.is_none_or(|u| year as i32 <= u)
            };
            if issuers.iter().any(alive) {
                continue;
            }
            let years = issuers
                .iter()
                .map(|i| {
                    format!(
                        "{} ({}–{})",
                        i.name,
                        i.from.map_or(String::new(), |f| f.to_string()),
                        i.until.map_or(String::new(), |u| u.to_string())
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let mut f = Finding::at(
                META.code,
                ctx,
                t,
                w.year.clone(),
                t!("ZN206.message", agency = agency, years = years, year = year),
            );
            let right = c.law.and_then(|(li, _)| index.law(li).number.as_ref());
            f = match right {
                Some(r) => f.help(t!("ZN206.help", number = r)),
                None => f.help(t!("ZN206.help-check")),
            };
            out.push(f);
        }
    }
}
