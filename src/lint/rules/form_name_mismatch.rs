//! ZN401 form-name-mismatch.

use crate::diagnostic::Severity;
use crate::lint::governing::{forms, governing_of, own_materials};
use crate::lint::legal::{near, norm_title};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::resolve::ResolvedItem;
use rust_i18n::t;

rule_doc!(
    FormNameMismatch,
    r#"## What it does
Flags a form (《…表》, 《…书》 …) in a city's or county's materials that is not one of the
governing catalog's forms for the item but is close to one (a word added, dropped or replaced,
words in another order), or is the form of another catalog item (copied from a neighbouring
item).

## Why is this bad?
Applicants ask for the form by its name; a form that does not exist, or the form of another
service, sends them to the wrong window. 六统一 requires the catalog's materials.

## Example
For 城乡居民参保信息变更登记:
```text
materials = ["《基本医疗保险职工参保信息变更登记表》"]
```

## Use instead
```text
materials = ["《基本医疗保险城乡居民参保信息变更登记表》"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN401",
    name: "form-name-mismatch",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

fn item_forms(item: &ResolvedItem) -> Vec<String> {
    item.item
        .materials
        .iter()
        .flatten()
        .flat_map(|m| {
            forms(m.get_ref())
                .into_iter()
                .map(|(_, f)| f.to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

impl Rule for FormNameMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        // Forms of every item of each catalog, computed once (only when some list names a form).
        let mut forms_by_catalog: std::collections::BTreeMap<usize, Vec<Vec<String>>> =
            Default::default();
        for (&(j, ii), materials) in own_materials(ctx).iter() {
            let Some(gov) = governing_of(ctx, j, ii) else {
                continue;
            };
            // The other items of the same catalog (of this item's own chain).
            let c = gov.decl.jurisdiction;
            let catalog_items = &project.jurisdictions[c].items;
            let all_forms = forms_by_catalog
                .entry(c)
                .or_insert_with(|| catalog_items.iter().map(item_forms).collect());
            let ours_forms = item_forms(gov);
            for m in materials {
                let t = &ctx.texts[m.text];
                let value = m.value(ctx);
                for (range, form) in forms(value) {
                    if ours_forms.iter().any(|f| norm_title(f) == norm_title(form)) {
                        continue;
                    }
                    let range = m.range.start + range.start..m.range.start + range.end;
                    // Close to one of the item's own forms.
                    if let Some(right) = ours_forms
                        .iter()
                        .find(|f| near(&norm_title(form), &norm_title(f)))
                    {
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                range,
                                t!(
                                    "ZN401.message",
                                    form = form,
                                    name = gov.name(),
                                    right = right
                                ),
                            )
                            .help(t!("ZN401.help", right = right))
                            .fix(format!("《{right}》"), false),
                        );
                        continue;
                    }
                    // The form (or a near miss of the form) of another catalog item.
                    let other = catalog_items
                        .iter()
                        .zip(all_forms.iter())
                        .filter(|(c, _)| !std::ptr::eq(*c, gov))
                        .find_map(|(c, fs)| {
                            fs.iter()
                                .find(|f| {
                                    norm_title(f) == norm_title(form)
                                        || near(&norm_title(form), &norm_title(f))
                                })
                                .map(|f| (c, f.clone()))
                        });
                    if let Some((c, f)) = other {
                        let same = norm_title(&f) == norm_title(form);
                        let expected = if ours_forms.is_empty() {
                            t!("ZN401.no-form", name = gov.name()).into_owned()
                        } else {
                            t!(
                                "ZN401.catalog-forms",
                                name = gov.name(),
                                forms = ours_forms
                                    .iter()
                                    .map(|f| format!("《{f}》"))
                                    .collect::<Vec<_>>()
                                    .join("、")
                            )
                            .into_owned()
                        };
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                t,
                                range,
                                if same {
                                    t!(
                                        "ZN401.other-item",
                                        form = form,
                                        code = c.code().unwrap_or(&c.key),
                                        name = c.name()
                                    )
                                } else {
                                    t!(
                                        "ZN401.like-other-item",
                                        form = form,
                                        code = c.code().unwrap_or(&c.key),
                                        name = c.name()
                                    )
                                },
                            )
                            .help(expected),
                        );
                    }
                }
            }
        }
    }
}
