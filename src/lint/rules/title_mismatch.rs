//! ZN202 title-mismatch.

use crate::diagnostic::Severity;
use crate::lint::legal::{LawIndex, citations, near, norm_title};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    TitleMismatch,
    r#"## What it does
Flags a citation whose 文号 or order number names a registered document but whose title is
not that document's title (nor one of its aliases).

## Why is this bad?
The number identifies the document beyond doubt, so a different title is a wrong title: words
missing (跨省, 直接), a word replaced (医疗待遇管理 for 医疗服务管理), or the title of another
document. Readers who search for the title will not find the document.

## Example
```text
《国家医保局 财政部关于进一步做好基本医疗保险异地就医结算工作的通知》（医保发〔2022〕22号）
```

## Use instead
```text
《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN202",
    name: "title-mismatch",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for TitleMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            let Some(title) = &c.citation.title else {
                continue;
            };
            let [li] = c.number_laws[..] else { continue };
            if c.law.is_some() {
                continue;
            }
            let law = index.law(li);
            // A `legal_refs` title's number is in the entry's `number` field.
            let number = match &c.citation.number {
                Some(n) => t.value[n.range()].to_string(),
                None => c.key.as_ref().map_or_else(String::new, |k| k.display()),
            };
            let cited = &t.value[title.inner.clone()];
            let close = c.title_candidates(t.value).iter().any(|(_, cand)| {
                std::iter::once(&law.title)
                    .chain(&law.aliases)
                    .any(|n| near(&norm_title(cand), &norm_title(n)))
            });
            let message = if close {
                t!("ZN202.misspelled", number = number)
            } else {
                t!(
                    "ZN202.message",
                    number = number,
                    title = law.title,
                    cited = cited
                )
            };
            out.push(
                Finding::at(META.code, ctx, t, title.outer.clone(), message)
                    .help(t!("ZN202.help", title = law.title))
                    .fix(c.title_fix(&law.title), false),
            );
        }
    }
}
