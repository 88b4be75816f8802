//! ZN207 article-out-of-range.

use crate::diagnostic::Severity;
use crate::lint::legal::{LawIndex, TitleMatch, citations};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::numerals::to_chinese;
use rust_i18n::t;

rule_doc!(
    ArticleOutOfRange,
    r#"## What it does
Flags a cited article (第X条) beyond the number of articles of the cited document, when the law
registry knows that number. The `articles` of a structured `legal_refs` entry are checked against
the document its `title` names.

## Why is this bad?
An article that does not exist cannot be the legal basis of anything: the number is a typo or
belongs to another document.

## Example
```text
《社会保险费征缴暂行条例》（国务院令第259号）第三十八条
```
(the regulation has 31 articles)

## Use instead
The article that actually sets the rule, e.g. `第八条`.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN207",
    name: "article-out-of-range",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for ArticleOutOfRange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            // Articles of a notice that issues a regulation belong to the regulation.
            let Some((li, TitleMatch::Title | TitleMatch::Full)) = c.law else {
                continue;
            };
            let law = index.law(li);
            let Some(count) = law.articles else { continue };
            for a in &c.citation.articles {
                let Some(n) = a.article else { continue };
                if n > u64::from(count) {
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            t,
                            a.range.clone(),
                            t!(
                                "ZN207.message",
                                title = law.title,
                                count = count,
                                last = to_chinese(u64::from(count)),
                                cited = to_chinese(n)
                            ),
                        )
                        .help(t!("ZN207.help")),
                    );
                }
            }
        }
    }
}
