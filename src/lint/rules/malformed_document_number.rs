//! ZN209 malformed-document-number.

use crate::diagnostic::Severity;
use crate::lint::legal::{cited, legal_refs};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::citation::DocNumber;
use crate::text::numerals::NumberKind;
use rust_i18n::t;

rule_doc!(
    MalformedDocumentNumber,
    r#"## What it does
Flags a 发文字号 or order number that is not written the standard way: whitespace inside it
(国务院令 第765号), Chinese numerals (国务院令第六四九号), 第 before the serial of a 文号
(国发〔2016〕第3号), leading zeros (国发〔2016〕03号), a two-digit year (国发〔16〕3号), or an
order written 国务院第259号令 instead of 国务院令第259号.
(A number that mixes Chinese and Arabic numerals, 第64九号, is reported by mixed-numerals.)
The `number` of a structured `legal_refs` entry is checked the same way, and must hold a 文号 or an
order number (`number = "765号"` names no document).

## Why is this bad?
GB/T 9704-2012 §7.2.5: the year is written in full, the serial in Arabic numerals without 第
and without leading zeros. Numbers written otherwise are typos or leftovers of editing, and
defeat searches for the document.

## Example
```text
《社会救助暂行办法》（国务院令第六四九号）
《社会保险经办条例》（国务院令 第765号）
```

## Use instead
```text
《社会救助暂行办法》（国务院令第649号）
《社会保险经办条例》（国务院令第765号）
```

## Fix safety
Safe for whitespace, leading zeros and a wrong 第; unsafe for numerals. No fix for a short
year.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN209",
    name: "malformed-document-number",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for MalformedDocumentNumber {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        // A `legal_refs` number in which no 文号 or order number can be read.
        for e in legal_refs(ctx) {
            let Some(ni) = e.number.filter(|_| e.parsed_number.is_none()) else {
                continue;
            };
            let t = &ctx.texts[ni];
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    t,
                    0..t.value.len(),
                    t!("ZN209.not-a-number", whole = t.value),
                )
                .help(t!("ZN209.not-a-number-help")),
            );
        }
        for (t, cs) in ctx.texts.iter().zip(cited(ctx).iter()) {
            let v = t.value;
            for n in cs.iter().filter_map(|c| c.citation.number.clone()) {
                let range = n.range();
                let whole = &v[range.clone()];
                // Whitespace inside the number.
                if !n.spaces().is_empty() {
                    let squeezed: String = whole
                        .chars()
                        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                        .collect();
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            t,
                            range.clone(),
                            t!("ZN209.whitespace", whole = whole),
                        )
                        .help(t!("ZN209.write", right = squeezed))
                        .fix(squeezed, true),
                    );
                }
                let (num_range, kind, value) = match &n {
                    DocNumber::Wenhao(w) => (w.serial.clone(), w.serial_kind, w.serial_value),
                    DocNumber::Order(o) => (o.number.clone(), o.kind, o.value),
                };
                let digits = &v[num_range.clone()];
                // A number mixing both kinds (第64九号) is reported by mixed-numerals (ZN103).
                match (kind, value) {
                    (NumberKind::Chinese, Some(value)) => {
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                num_range.clone(),
                                t!("ZN209.chinese", digits = digits, whole = whole),
                            )
                            .help(t!("ZN209.chinese-help", value = value))
                            .fix(value.to_string(), false),
                        );
                    }
                    (NumberKind::Arabic, Some(value))
                        if digits.len() > 1 && digits.starts_with(['0', '０']) =>
                    {
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                num_range.clone(),
                                t!("ZN209.leading-zero", whole = whole),
                            )
                            .help(t!("ZN209.write", right = value))
                            .fix(value.to_string(), true),
                        );
                    }
                    _ => {}
                }
                if let DocNumber::Order(o) = &n
                    && o.inverted
                {
                    let right = format!("{}令第{}号", &v[o.issuers.clone()], &v[o.number.clone()]);
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            t,
                            o.range.clone(),
                            t!("ZN209.inverted", whole = whole),
                        )
                        .help(t!("ZN209.inverted-help", right = right))
                        .fix(right, true),
                    );
                }
                if let DocNumber::Wenhao(w) = &n {
                    let agency = &v[w.agency.clone()];
                    // 某省人民政府令〔2023〕第1号: orders with a year keep their 第.
                    if let Some(di) = &w.di
                        && !agency.ends_with('令')
                    {
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                di.clone(),
                                t!("ZN209.di", whole = whole),
                            )
                            .help(t!("ZN209.di-help"))
                            .fix("", true),
                        );
                    }
                    if w.year.len() == 2 {
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                w.year.clone(),
                                t!("ZN209.short-year", whole = whole),
                            )
                            .help(t!("ZN209.short-year-help")),
                        );
                    }
                }
            }
        }
    }
}
