//! ZN403 extra-material.

use crate::diagnostic::Severity;
use crate::lint::governing::{compared, forms, material_texts, own_materials};
use crate::lint::legal::{near, norm_title};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    ExtraMaterial,
    r#"## What it does
Notes a material in a city's or county's list for an item that stands for none of the
governing catalog's materials for that item, or a sub-item (①②…) of a material that the
catalog's material does not have.

## Why is this bad?
六统一 allows a lower level to ask for more than the catalog only when it announces it in
advance. An extra material may be legitimate, or may be a leftover of an older list or of
another item; it is worth a look, not an alarm.

## Example
Catalog: `有效身份证件或医保电子凭证或社保卡` only; county:
```text
materials = ["有效身份证件或医保电子凭证或社保卡", "《基本医疗保险关系转移接续申请表》"]
```

## Use instead
The catalog's list, or announce the extra material in the public notice.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN403",
    name: "extra-material",
    severity: Severity::Info,
    doc: DOC,
    fallback: false,
};

impl Rule for ExtraMaterial {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        // Forms of the whole catalog: a material naming one of them (or a near miss) is reported by
        // form-name-mismatch instead.
        let forms_of = |c: usize| -> Vec<String> {
            project.jurisdictions[c]
                .items
                .iter()
                .flat_map(|i| i.item.materials.iter().flatten())
                .flat_map(|m| {
                    forms(m.get_ref())
                        .into_iter()
                        .map(|(_, f)| norm_title(f))
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let mut forms_by_catalog: std::collections::BTreeMap<usize, Vec<String>> =
            Default::default();
        for (key, (gi, matched)) in compared(ctx).iter() {
            let materials = &own_materials(ctx)[key];
            let gov = project.item(*gi);
            let catalog_forms = forms_by_catalog
                .entry(gi.jurisdiction)
                .or_insert_with(|| forms_of(gi.jurisdiction));
            let theirs = material_texts(gov);
            if theirs.is_empty() {
                // The catalog lists nothing to compare with.
                continue;
            }
            let ours: Vec<&str> = materials.iter().map(|m| m.value(ctx)).collect();
            for &oi in &matched.extra {
                let m = &materials[oi];
                let is_known_form = forms(ours[oi]).iter().any(|(_, f)| {
                    let f = norm_title(f);
                    catalog_forms.iter().any(|c| *c == f || near(&f, c))
                });
                if is_known_form {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        &ctx.texts[m.text],
                        m.range.clone(),
                        t!("ZN403.message", material = ours[oi], name = gov.name()),
                    )
                    .help(t!("ZN403.help")),
                );
            }
            for (oi, part) in &matched.extra_parts {
                let oi = *oi;
                let m = &materials[oi];
                let range = m.range.start + part.start..m.range.start + part.end;
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        &ctx.texts[m.text],
                        range,
                        t!(
                            "ZN403.part",
                            part = &ours[oi][part.clone()],
                            name = gov.name()
                        ),
                    )
                    .help(t!("ZN403.help")),
                );
            }
        }
    }
}
