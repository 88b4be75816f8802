//! ZN213 legal-basis-differs.

use crate::lint::context::FieldPath;
use crate::model::Field;
use rust_i18n::t;

use crate::diagnostic::Severity;
use crate::lint::governing::governing_of;
use crate::lint::legal::{
    CatalogEntries, Entry, LawIndex, RefEntry, articles, catalog_entries, entries, legal_refs,
};
use crate::lint::{Context, Finding, Rule, RuleMeta, TextRef, rule_doc};

rule_doc!(
    LegalBasisDiffers,
    r#"## What it does
Compares the 设定依据 a city or county wrote for an item with the governing catalog's 设定依据
for the same item, and flags documents the catalog cites that are missing, documents the
catalog does not cite, and different articles of the same document. An item whose only legal basis
is structured (`legal_refs` without `legal_basis`) is compared entry by entry, at each entry's
`title`; the catalog's own `legal_refs` count as its 设定依据.

## Why is this bad?
Under 六统一 every level publishes the same legal basis for an item. A different list is most
often copied from another item (the basis of 参保登记 under 出具参保凭证) or left over from an
older edition. It is a warning: the catalog itself can be the one that is wrong.

## Example
Catalog: `《中华人民共和国社会保险法》第五十七条`; county: `《中华人民共和国社会保险法》第五十八条`.

## Use instead
The catalog's list for the item, or a note explaining the local basis.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN213",
    name: "legal-basis-differs",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for LegalBasisDiffers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        let project = ctx.project;
        // The catalog's entries, parsed once per catalog item.
        let mut memo = CatalogEntries::default();
        // The 设定依据 texts of each (jurisdiction, item), in one pass.
        let mut basis: std::collections::BTreeMap<(usize, usize), Vec<&TextRef>> =
            std::collections::BTreeMap::new();
        for t in ctx.texts_of(FieldPath::Item(Field::LegalBasis)) {
            if let Some(ii) = t.item {
                basis.entry((t.jurisdiction, ii)).or_default().push(t);
            }
        }
        // The structured entries of each item, where written.
        let mut structured: std::collections::BTreeMap<(usize, usize), Vec<&RefEntry>> =
            std::collections::BTreeMap::new();
        for e in legal_refs(ctx) {
            structured
                .entry((e.jurisdiction, e.item))
                .or_default()
                .push(e);
        }
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            for (ii, item) in jur.items.iter().enumerate() {
                let Some(catalog) = governing_of(ctx, j, ii) else {
                    continue;
                };
                let own_basis = item
                    .origin_of(Field::LegalBasis)
                    .is_some_and(|o| o.jurisdiction == j);
                // Free text where written; else structured entries when there is no text at all
                // (with both, legal-refs-differ compares the entries with the text).
                let ours: Vec<(&TextRef, Entry)> = if own_basis {
                    basis.get(&(j, ii)).map_or_else(Vec::new, |texts| {
                        texts
                            .iter()
                            .flat_map(|t| {
                                entries(&index, t.value).into_iter().map(move |e| (*t, e))
                            })
                            .collect()
                    })
                } else if item.item.legal_basis.is_none() {
                    structured.get(&(j, ii)).map_or_else(Vec::new, |refs| {
                        refs.iter()
                            .map(|e| (&ctx.texts[e.title], e.entry(ctx, &index)))
                            .collect()
                    })
                } else {
                    continue;
                };
                let first = match (own_basis, basis.get(&(j, ii)), structured.get(&(j, ii))) {
                    (true, Some(texts), _) => texts.first().copied(),
                    (false, _, Some(refs)) => refs.first().map(|e| &ctx.texts[e.title]),
                    _ => None,
                };
                let Some(first) = first else { continue };
                let Some(theirs) = catalog_entries(&mut memo, &index, catalog) else {
                    continue;
                };
                if theirs.is_empty() {
                    continue;
                }
                let code = catalog.code().unwrap_or(&catalog.key);
                for (t, e) in &ours {
                    match theirs.iter().find(|c| c.doc == e.doc) {
                        None => out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                e.range.clone(),
                                t!("ZN213.extra", title = e.title, code = code),
                            )
                            .help(t!(
                                "ZN213.extra-help",
                                titles = theirs
                                    .iter()
                                    .map(|c| format!("《{}》", c.title))
                                    .collect::<Vec<_>>()
                                    .join("、")
                            )),
                        ),
                        Some(c)
                            if !c.articles.is_empty()
                                && !e.articles.is_empty()
                                && c.articles != e.articles =>
                        {
                            out.push(
                                Finding::at(
                                    META.code,
                                    ctx,
                                    t,
                                    e.range.clone(),
                                    t!(
                                        "ZN213.articles",
                                        title = e.title,
                                        here = articles(&e.articles),
                                        catalog = articles(&c.articles),
                                        code = code
                                    ),
                                )
                                .help(t!("ZN213.articles-help")),
                            )
                        }
                        Some(_) => {}
                    }
                }
                let missing: Vec<&Entry> = theirs
                    .iter()
                    .filter(|c| !ours.iter().any(|(_, e)| e.doc == c.doc))
                    .collect();
                if !missing.is_empty() {
                    let names = missing
                        .iter()
                        .map(|c| format!("《{}》", c.title))
                        .collect::<Vec<_>>()
                        .join("、");
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            first,
                            0..first.value.len(),
                            t!("ZN213.missing", code = code, names = names),
                        )
                        .help(t!("ZN213.missing-help")),
                    );
                }
            }
        }
    }
}
