//! ZN608 catalog-name: an item or 主项 named otherwise than the governing catalog names it.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use rust_i18n::t;

use std::ops::Range;

use crate::text::keyterms::{BigramSet, bigrams};
use crate::text::similar::normalize_name;
use crate::text::similar::{Similarity, dice};

rule_doc!(
    CatalogName,
    r#"## What it does
Compares the name a city or county gives an item (or a 主项) with the governing catalog's name for the
same code, and reports a different name (a warning). Items without a code (powers keyed by 职权编码)
are compared by name: a name, or a part of it, that is close to a catalog name without being it is
reported. The parts of a name are cut at the `name_separators` of `catalog/reference/terms.toml`
(`--`) and lose their `name_markers` (（主项）, （子项）); "close" is a Dice similarity of character
pairs of at least `thresholds."catalog-name.min_similarity"` (shipped: 0.75). Differences of bracket
width or spacing alone are left to the punctuation rules.

## Why is this bad?
Every level publishes an item under the catalog's name (六统一: the same name, code, materials, time
limit …): a name with a remark (产前检查费支付(暂无)), an older wording (…参保信息查询… for
…信息查询…) or a word added makes the item hard to find and match with the catalog.

## Example
```toml
[main]
code = "13203600200Y"
name = "基本医疗保险参保信息查询和个人账户一次性支取"
```

## Use instead
```toml
[main]
code = "13203600200Y"
name = "基本医疗保险信息查询和个人账户一次性支取"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN608",
    name: "catalog-name",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// The parts of a power's name that name catalog items: the whole name, or each part of
/// `主项名（主项）--子项名（子项）` without its marker.
fn name_parts<'v>(
    value: &'v str,
    separators: &[String],
    markers: &[String],
) -> Vec<(Range<usize>, &'v str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes_len = value.len();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < bytes_len {
        let rest = &value[i..];
        let sep = separators
            .iter()
            .find(|s| !s.is_empty() && rest.starts_with(s.as_str()));
        if let Some(sep) = sep {
            pieces.push((start, i));
            i += sep.len();
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    pieces.push((start, bytes_len));
    for (s, e) in pieces {
        let mut part = &value[s..e];
        for marker in markers {
            part = part.strip_suffix(marker.as_str()).unwrap_or(part);
        }
        let part = part.trim();
        if part.chars().count() >= 4 {
            let at = s + value[s..e].find(part).unwrap_or(0);
            out.push((at..at + part.len(), part));
        }
    }
    out
}

/// Default of `thresholds."catalog-name.min_similarity"`.
const MIN_SIMILARITY: f64 = 0.75;

fn same(a: &str, b: &str) -> bool {
    normalize_name(a) == normalize_name(b)
}

impl Rule for CatalogName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let terms = &ctx.reference.terms;
        let close =
            Similarity::at_least(terms.threshold("catalog-name.min_similarity", MIN_SIMILARITY));
        for text in ctx.texts_of(FieldPath::Item(Field::Name)) {
            let Some(item) = ctx.item(text) else { continue };
            let Some(c) = project.catalog_item(item) else {
                continue;
            };
            if same(text.value, c.name()) {
                continue;
            }
            let mut f = Finding::at(
                META.code,
                ctx,
                text,
                0..text.value.len(),
                t!("ZN608.message", key = item.key, name = c.name()),
            )
            .help(t!("ZN608.help"))
            .fix(c.name(), false);
            if let Some(n) = &c.item.name {
                f = f.related(c.file_of(Field::Name), n.span(), t!("ZN608.related"));
            }
            out.push(f);
        }
        // Items without a code (powers keyed by id): a name, or a part of it marked （主项）/（子项）,
        // that is close to a catalog name without being it.
        // Compared with the catalog of the item's own chain only.
        let mut names_of: std::collections::BTreeMap<usize, Vec<(String, BigramSet)>> =
            Default::default();
        for text in ctx.texts_of(FieldPath::Item(Field::Name)) {
            let Some(c) = project.governing_catalog(text.jurisdiction) else {
                continue;
            };
            let catalog = &project.jurisdictions[c];
            let catalog_names = names_of.entry(c).or_insert_with(|| {
                catalog
                    .items
                    .iter()
                    .map(|i| i.name().to_string())
                    .chain(catalog.mains.iter().map(|(_, m)| m.name.get_ref().clone()))
                    .map(|n| {
                        let b = bigrams(&n, &[]);
                        (n, b)
                    })
                    .collect()
            });
            let Some(item) = ctx.item(text) else { continue };
            if item.code().is_some() {
                continue;
            }
            for (range, part) in name_parts(text.value, &terms.name_separators, &terms.name_markers)
            {
                // The catalog's name itself, or with more said after it (…待遇认定、丙肝门诊抗病毒治疗:
                // an item that covers more): not a different spelling.
                let np = normalize_name(part);
                if catalog_names
                    .iter()
                    .any(|(n, _)| np.contains(&normalize_name(n)))
                {
                    continue;
                }
                let pb = bigrams(part, &[]);
                let best = catalog_names
                    .iter()
                    .map(|(n, b)| (n, dice(&pb, b)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                let Some((name, score)) = best else { continue };
                if !close.holds(score) {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        range,
                        t!("ZN608.close", part = part, name = name),
                    )
                    .help(t!("ZN608.close-help"))
                    .fix(name.clone(), false),
                );
            }
        }

        for text in ctx.texts_of(FieldPath::MainName) {
            let Some(c) = project.governing_catalog(text.jurisdiction) else {
                continue;
            };
            let catalog = &project.jurisdictions[c];
            let Some(code) = &text.item_key else { continue };
            let Some((cfile, cmain)) = catalog.mains.iter().find(|(_, m)| m.code.get_ref() == code)
            else {
                continue;
            };
            if same(text.value, cmain.name.get_ref()) {
                continue;
            }
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    text,
                    0..text.value.len(),
                    t!("ZN608.main", code = code, name = cmain.name.get_ref()),
                )
                .help(t!("ZN608.main-help"))
                .related(*cfile, cmain.name.span(), t!("ZN608.related"))
                .fix(cmain.name.get_ref().clone(), false),
            );
        }
    }
}
