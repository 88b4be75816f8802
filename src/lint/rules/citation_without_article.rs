//! ZN216 citation-without-article: a law cited without an article where the governing catalog
//! cites the same law with articles.

use rust_i18n::t;

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::context::TextRef;
use crate::lint::governing::governing_of;
use crate::lint::legal::{
    CatalogEntries, Doc, Entry, LawIndex, articles, catalog_entries, entries, legal_refs,
};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::resolve::ResolvedItem;

rule_doc!(
    CitationWithoutArticle,
    r#"## What it does
Flags a citation in a city's or county's 设定依据 of a document of the law registry
(`catalog/reference/laws.toml`) that names no article, where the governing catalog cites the
same document for the item with its articles (第N条).

An entry of the structured `legal_refs` without `articles` is checked the same way (at its
`title`), and the catalog's own `legal_refs` count as its 设定依据.

Different articles are `legal-basis-differs`' finding; a document the catalog does not cite, or
cites without articles, is not reported here.

## Why is this bad?
A whole law is no basis for one service item: the catalog names the articles that set it up, and
a guide that drops them leaves the reader to search the whole law.

## Example
Catalog: `《中华人民共和国社会保险法》第五十七条`; county:
```toml
legal_basis = ["《中华人民共和国社会保险法》"]
```

or `legal_refs = [{ title = "中华人民共和国社会保险法" }]`.

## Use instead
```toml
legal_basis = ["《中华人民共和国社会保险法》第五十七条"]
legal_refs = [{ title = "中华人民共和国社会保险法", articles = ["第五十七条"] }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN216",
    name: "citation-without-article",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for CitationWithoutArticle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        // The catalog's entries, parsed once per catalog item.
        let mut memo = CatalogEntries::default();
        for t in ctx.texts_of(FieldPath::Item(Field::LegalBasis)) {
            let Some(ii) = t.item else { continue };
            let item = &ctx.project.jurisdictions[t.jurisdiction].items[ii];
            // Only where the text is written: inherited text is checked at its source.
            if item
                .origin_of(Field::LegalBasis)
                .is_none_or(|o| o.jurisdiction != t.jurisdiction)
            {
                continue;
            }
            let Some(catalog) = governing_of(ctx, t.jurisdiction, ii) else {
                continue;
            };
            let Some(theirs) = catalog_entries(&mut memo, &index, catalog) else {
                continue;
            };
            for e in entries(&index, t.value) {
                if !e.articles.is_empty() || !matches!(e.doc, Doc::Law(_)) {
                    continue;
                }
                let Some(c) = theirs
                    .iter()
                    .find(|c| c.doc == e.doc && !c.articles.is_empty())
                else {
                    continue;
                };
                out.push(finding(ctx, t, e.range.clone(), &e.title, c, catalog));
            }
        }
        // Structured entries without articles.
        for e in legal_refs(ctx) {
            let doc = e.doc(ctx);
            if !e.article_set.is_empty() || !matches!(doc, Doc::Law(_)) {
                continue;
            }
            let Some(catalog) = governing_of(ctx, e.jurisdiction, e.item) else {
                continue;
            };
            let Some(theirs) = catalog_entries(&mut memo, &index, catalog) else {
                continue;
            };
            let Some(c) = theirs
                .iter()
                .find(|c| c.doc == doc && !c.articles.is_empty())
            else {
                continue;
            };
            let text = &ctx.texts[e.title];
            let range = e.title_marks.outer.clone();
            out.push(finding(ctx, text, range, &c.title, c, catalog));
        }
    }
}

/// `title`, cited at `range` of `text` without articles, where the catalog item `catalog` cites
/// the same document with the articles of `theirs`.
fn finding(
    ctx: &Context,
    text: &TextRef,
    range: std::ops::Range<usize>,
    title: &str,
    theirs: &Entry,
    catalog: &ResolvedItem,
) -> Finding {
    Finding::at(
        META.code,
        ctx,
        text,
        range,
        t!(
            "ZN216.message",
            title = title,
            articles = articles(&theirs.articles),
            code = catalog.code().unwrap_or(&catalog.key)
        ),
    )
    .help(t!("ZN216.help", articles = articles(&theirs.articles)))
}
