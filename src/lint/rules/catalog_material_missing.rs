//! ZN402 catalog-material-missing.

use crate::diagnostic::Severity;
use crate::lint::governing::{compared, material_texts, own_materials};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    CatalogMaterialMissing,
    r#"## What it does
Flags a material the governing catalog asks for that a city's or county's list for the same
item (its `materials`, or the materials note of its flowchart) does not mention at all.

## Why is this bad?
六统一: every level asks for the catalog's materials. A county may ask for fewer only on
purpose; usually a missing material is a list copied from elsewhere or cut short, and the
applicant finds out at the window.

## Example
Catalog `出院记录` for 生育医疗费支付, county:
```text
materials = ["有效身份证件或医保电子凭证或社保卡", "医院收费票据", "费用清单", "病历资料"]
```

## Use instead
```text
materials = ["有效身份证件或医保电子凭证或社保卡", "医院收费票据", "费用清单", "出院记录"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN402",
    name: "catalog-material-missing",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for CatalogMaterialMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (key, (gi, matched)) in compared(ctx).iter() {
            let materials = &own_materials(ctx)[key];
            let gov = project.item(*gi);
            if gov.item.materials.is_none() {
                continue;
            }
            let theirs = material_texts(gov);
            let Some(first) = materials.first() else {
                continue;
            };
            let t = &ctx.texts[first.text];
            let missing = &matched.missing;
            if missing.is_empty() {
                continue;
            }
            let names = missing
                .iter()
                .map(|&ti| format!("“{}”", theirs[ti]))
                .collect::<Vec<_>>()
                .join("、");
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    t,
                    first.range.clone(),
                    t!("ZN402.message", names = names, name = gov.name()),
                )
                .help(t!("ZN402.help")),
            );
        }
    }
}
