//! ZN217 legal-refs-differ: a structured `legal_refs` entry that contradicts the free-text 设定依据
//! of the same item.

use std::collections::BTreeMap;

use rust_i18n::t;

use crate::diagnostic::Severity;
use crate::lint::legal::{Cited, Doc, RefEntry, articles, cited, legal_refs, norm_title};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;

rule_doc!(
    LegalRefsDiffer,
    r#"## What it does
Compares an item's structured legal basis (`legal_refs`: title, 文号, articles) with its free-text
设定依据 (`legal_basis`), when it has both, and flags:

- an entry whose document the free text does not cite (at the entry's `title`);
- a document the free text cites that no entry names (at the citation in `legal_basis`, or at the
  first entry when the free text is inherited);
- the same document with another 文号 (at the entry's `number`) or other articles (at its
  `articles`), when both give them.

An entry without a number or without articles is not a contradiction: it says less, not something
else.

## Why is this bad?
Both are printed, or one is printed and the other feeds the 政务服务 systems: a guide that names two
different legal bases for one item cannot both be right, and the reader cannot tell which is.

## Example
```toml
legal_basis = ["《社会保险经办条例》（国务院令第765号）第十条"]
legal_refs = [{ title = "社会保险经办条例", number = "国务院令第765号", articles = ["第十一条"] }]
```

## Use instead
```toml
legal_basis = ["《社会保险经办条例》（国务院令第765号）第十条"]
legal_refs = [{ title = "社会保险经办条例", number = "国务院令第765号", articles = ["第十条"] }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN217",
    name: "legal-refs-differ",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// A citation of the free-text 设定依据, with the index of its text.
struct Free<'c> {
    text: usize,
    cited: &'c Cited,
    doc: Doc,
}

impl Rule for LegalRefsDiffer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let mut by_item: BTreeMap<(usize, usize), Vec<&RefEntry>> = BTreeMap::new();
        for e in legal_refs(ctx) {
            by_item.entry((e.jurisdiction, e.item)).or_default().push(e);
        }
        for ((j, ii), refs) in by_item {
            let item = &ctx.project.jurisdictions[j].items[ii];
            let Some(basis) = &item.item.legal_basis else {
                continue;
            };
            let file = item.file_of(Field::LegalBasis);
            let all = cited(ctx);
            let free: Vec<Free> = basis
                .iter()
                .filter_map(|b| ctx.text_at(file, b.span().start))
                .flat_map(|ti| all[ti].iter().map(move |c| (ti, c)))
                .filter_map(|(ti, c)| {
                    let doc = match (c.law, &c.number_laws[..]) {
                        (Some((li, _)), _) | (None, &[li]) => Doc::Law(li),
                        _ => Doc::Unknown(norm_title(
                            &ctx.texts[ti].value[c.citation.title.as_ref()?.inner.clone()],
                        )),
                    };
                    Some(Free {
                        text: ti,
                        cited: c,
                        doc,
                    })
                })
                .collect();
            if free.is_empty() {
                continue;
            }
            let docs: Vec<Doc> = refs.iter().map(|e| e.doc(ctx)).collect();
            for (e, doc) in refs.iter().zip(&docs) {
                match free.iter().find(|f| f.doc == *doc) {
                    None => {
                        let t = &ctx.texts[e.title];
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                e.title_marks.outer.clone(),
                                t!("ZN217.not-in-basis", title = e.title_text(ctx)),
                            )
                            .help(t!("ZN217.not-in-basis-help")),
                        );
                    }
                    Some(f) => compare(ctx, e, f, out),
                }
            }
            // Documents of the free text that no entry names.
            let own_basis = item
                .origin_of(Field::LegalBasis)
                .is_some_and(|o| o.jurisdiction == j);
            for f in &free {
                if docs.contains(&f.doc) {
                    continue;
                }
                let t = &ctx.texts[f.text];
                let title = f.cited.citation.title.as_ref().map_or_else(
                    || t.value[f.cited.citation.range.clone()].to_string(),
                    |m| t.value[m.inner.clone()].to_string(),
                );
                let finding = if own_basis {
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        f.cited.title_range(),
                        t!("ZN217.not-in-refs", title = title),
                    )
                } else {
                    let first = &ctx.texts[refs[0].title];
                    Finding::at(
                        META.code,
                        ctx,
                        first,
                        0..first.value.len(),
                        t!("ZN217.not-in-refs", title = title),
                    )
                };
                out.push(finding.help(t!("ZN217.not-in-refs-help")));
            }
        }
    }
}

/// The same document in both: its number and its articles, when both give them.
fn compare(ctx: &Context, e: &RefEntry, f: &Free, out: &mut Vec<Finding>) {
    let basis = &ctx.texts[f.text];
    if let (Some(ni), Some(ours), Some(theirs), Some(n)) =
        (e.number, &e.key, &f.cited.key, &f.cited.citation.number)
        && ours != theirs
    {
        let t = &ctx.texts[ni];
        let message = t!(
            "ZN217.number",
            title = e.title_text(ctx),
            here = t.value,
            basis = &basis.value[n.range()]
        );
        out.push(differs(ctx, ni, message, f.text, n.range()));
    }
    let theirs: std::collections::BTreeSet<u64> = f
        .cited
        .citation
        .articles
        .iter()
        .filter_map(|a| a.article)
        .collect();
    if let Some(&ai) = e.articles.first()
        && !e.article_set.is_empty()
        && !theirs.is_empty()
        && e.article_set != theirs
    {
        let arts = &f.cited.citation.articles;
        let range =
            arts.first().map_or(0, |a| a.range.start)..arts.last().map_or(0, |a| a.range.end);
        let message = t!(
            "ZN217.articles",
            title = e.title_text(ctx),
            here = articles(&e.article_set),
            basis = articles(&theirs)
        );
        out.push(differs(ctx, ai, message, f.text, range));
    }
}

/// The finding on the whole entry field `field` (a text index), pointing at `range` of the
/// free-text 设定依据 `basis` (a text index) that says otherwise.
fn differs(
    ctx: &Context,
    field: usize,
    message: std::borrow::Cow<'static, str>,
    basis: usize,
    range: std::ops::Range<usize>,
) -> Finding {
    let (t, basis) = (&ctx.texts[field], &ctx.texts[basis]);
    Finding::at(META.code, ctx, t, 0..t.value.len(), message)
        .help(t!("ZN217.help"))
        .related(basis.file, ctx.locate(basis, range), t!("ZN217.related"))
}
