//! ZN210 missing-document-number.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::legal::{LawIndex, TitleMatch, cited, legal_refs};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use rust_i18n::t;

rule_doc!(
    MissingDocumentNumber,
    r#"## What it does
Flags an entry of 设定依据 that cites a registered regulation, rule or normative document
without its 文号 or order number. Laws of the National People's Congress, customarily cited by
title alone, are exempt (`cite_number = false` in `laws.toml`). An entry of the structured
`legal_refs` without `number` is checked the same way, at its `title`.

## Why is this bad?
The form of a legal basis is 《标题》（发文字号）第X条: the number identifies the version of the
document. A guide that gives it for one item and omits it for another is also inconsistent.

## Example
```text
《社会保险经办条例》第二十条
```

## Use instead
```text
《社会保险经办条例》（国务院令第765号）第二十条
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN210",
    name: "missing-document-number",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for MissingDocumentNumber {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for e in legal_refs(ctx) {
            let Some(li) = e
                .law
                .filter(|&li| e.number.is_none() && index.expects_number(li))
            else {
                continue;
            };
            let law = index.law(li);
            let number = law.number.clone().unwrap_or_default();
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    &ctx.texts[e.title],
                    e.title_marks.outer.clone(),
                    t!("ZN210.message", title = law.title, number = number),
                )
                .help(t!("ZN210.help-refs", number = number)),
            );
        }
        for (t, cs) in ctx.texts.iter().zip(cited(ctx).iter()) {
            if t.field != FieldPath::Item(Field::LegalBasis) {
                continue;
            }
            for c in cs {
                let Some((li, TitleMatch::Title | TitleMatch::Full)) = c.law else {
                    continue;
                };
                if c.citation.number.is_some() || !index.expects_number(li) {
                    continue;
                }
                let law = index.law(li);
                let number = law.number.clone().unwrap_or_default();
                let title = c.title_range();
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        title.clone(),
                        t!("ZN210.message", title = law.title, number = number),
                    )
                    .help(t!("ZN210.help", title = law.title, number = number))
                    .fix(format!("{}（{number}）", &t.value[title]), false),
                );
            }
        }
    }
}
