//! ZN201 unknown-document.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::legal::{CitePart, LawIndex, cited};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use rust_i18n::t;

rule_doc!(
    UnknownDocument,
    r#"## What it does
Flags a document cited in 设定依据 (or cited with a 文号 anywhere) whose title is not in the law
registry (`catalog/reference/laws.toml`) and whose number names no registered document either.
The `title` of a structured `legal_refs` entry is checked the same way.

## Why is this bad?
A title that no registry knows is often a garbled or invented title (words swapped, a policy
renamed), or a real document the registry lacks. Either the citation or the registry needs a
look; a guide should not cite what nobody can find.

## Example
```text
《某市人民政府办公室印发关于健全重特大基本医疗保险和救助制度的实施方案的通知》（某政办字〔2022〕43号）
```

or, structured:
```toml
legal_refs = [{ title = "某市人民政府办公室印发关于健全重特大基本医疗保险和救助制度的实施方案的通知", number = "某政办字〔2022〕43号" }]
```

## Use instead
The document's exact official title, and add the document to `laws.toml` (title, issuer,
number, date, articles) so that every later citation of it is checked.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN201",
    name: "unknown-document",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for UnknownDocument {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, cs) in ctx.texts.iter().zip(cited(ctx).iter()) {
            let basis = t.field == FieldPath::Item(Field::LegalBasis);
            for c in cs {
                // The title of a `legal_refs` entry is a legal basis as much as 设定依据's text.
                let basis = basis || c.part == CitePart::RefTitle;
                let Some(title) = &c.citation.title else {
                    continue;
                };
                if !basis && c.citation.number.is_none() {
                    continue;
                }
                if c.law.is_some() || !c.number_laws.is_empty() {
                    continue;
                }
                // A near miss is reported by title-near-miss.
                if c.title_candidates(t.value)
                    .iter()
                    .any(|(_, cand)| index.near_title(cand).is_some())
                {
                    continue;
                }
                let name = &t.value[title.inner.clone()];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        title.outer.clone(),
                        t!("ZN201.message", name = name),
                    )
                    .help(t!("ZN201.help")),
                );
            }
        }
    }
}
