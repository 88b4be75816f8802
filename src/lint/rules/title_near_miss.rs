//! ZN203 title-near-miss.

use crate::diagnostic::Severity;
use crate::lint::legal::{LawIndex, citations};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    TitleNearMiss,
    r#"## What it does
Flags a cited title that is not in the law registry but is one or two characters away from a
registered title, has the same words in another order, or lacks (or adds) a few characters.

## Why is this bad?
Such a title is almost always a misspelling of the registered one. It is a warning, not an
error, because no number confirms which document is meant: two real documents can have close
titles.

## Example
```text
《社会保险费征缴暂性条例》
```

## Use instead
```text
《社会保险费征缴暂行条例》
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN203",
    name: "title-near-miss",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for TitleNearMiss {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            let Some(title) = &c.citation.title else {
                continue;
            };
            if c.law.is_some() || !c.number_laws.is_empty() {
                continue;
            }
            let Some((li, close)) = c
                .title_candidates(t.value)
                .iter()
                .find_map(|(_, cand)| index.near_title(cand))
            else {
                continue;
            };
            let law = index.law(li);
            let cited = &t.value[title.inner.clone()];
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    t,
                    title.outer.clone(),
                    t!("ZN203.message", cited = cited, close = close),
                )
                .help(t!("ZN203.help", title = law.title))
                .fix(c.title_fix(&law.title), false),
            );
        }
    }
}
