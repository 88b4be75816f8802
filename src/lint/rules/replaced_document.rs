//! ZN240 replaced-document: a citation of a document that has been repealed or replaced.

use crate::diagnostic::Severity;
use crate::lint::legal::{CitePart, LawIndex, TitleMatch, citations};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    ReplacedDocument,
    r#"## What it does
Flags a citation of a document that the law registry (`catalog/reference/laws.toml`) marks as no
longer applying: `replaced = "<date>"`, with the document that replaced it in `replaced_by`. A
replacement known only from a secondary source (`replacement_confirmed = false`, the default) is
reported as an info, never more. A structured `legal_refs` entry is reported at its `title`.

## Why is this bad?
A guide whose legal basis is a repealed document sends people to rules that no longer apply, and
shows the guide was not revised when the law changed.

## Example
```toml
legal_basis = ["《流动就业人员基本医疗保障关系转移接续暂行办法》（人社部发〔2009〕191号）"]
legal_refs = [{ title = "流动就业人员基本医疗保障关系转移接续暂行办法", number = "人社部发〔2009〕191号" }]
```

## Use instead
```toml
legal_basis = ["《基本医疗保险关系转移接续暂行办法》（医保办发〔2021〕43号）"]
legal_refs = [{ title = "基本医疗保险关系转移接续暂行办法", number = "医保办发〔2021〕43号" }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN240",
    name: "replaced-document",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for ReplacedDocument {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            // A `legal_refs` entry is reported once, at its title.
            if matches!(c.part, CitePart::RefNumber | CitePart::RefArticles) {
                continue;
            }
            // By its title, or by its number alone when that names one document.
            let li = match (c.law, c.number_laws.as_slice()) {
                (Some((li, TitleMatch::Title | TitleMatch::Full)), _) => li,
                (None, [li]) => *li,
                _ => continue,
            };
            let law = index.law(li);
            let Some(date) = &law.replaced else { continue };
            let message = match &law.replaced_by {
                Some(by) => t!("ZN240.message", title = law.title, date = date, by = by),
                None => t!("ZN240.repealed", title = law.title, date = date),
            };
            let mut f = Finding::at(META.code, ctx, t, c.citation.range.clone(), message)
                .help(t!("ZN240.help"));
            if !law.replacement_confirmed {
                f = f.severity(Severity::Info);
            }
            out.push(f);
        }
    }
}
