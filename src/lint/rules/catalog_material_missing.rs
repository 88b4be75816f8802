//! ZN402 catalog-material-missing.

use crate::lint::declare::declare_rule;
use crate::lint::governing::{compared, own_materials};
use crate::lint::{Context, Finding, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a material the governing catalog asks for that a city's or county's list for the same
    /// item (its `materials`, or the materials note of its flowchart) does not mention at all.
    ///
    /// ## Why is this bad?
    /// 六统一: every level asks for the catalog's materials. A county may ask for fewer only on
    /// purpose; usually a missing material is a list copied from elsewhere or cut short, and the
    /// applicant finds out at the window.
    ///
    /// ## Example
    /// Catalog `出院记录` for 生育医疗费支付, county:
    /// ```text
    /// materials = ["有效身份证件或医保电子凭证或社保卡", "医院收费票据", "费用清单", "病历资料"]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// materials = ["有效身份证件或医保电子凭证或社保卡", "医院收费票据", "费用清单", "出院记录"]
    /// ```
    pub struct CatalogMaterialMissing;
    code = "ZN402", name = "catalog-material-missing", severity = Warning
}

impl Rule for CatalogMaterialMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (key, (gi, matched)) in compared(ctx) {
            let materials = &own_materials(ctx)[key];
            let gov = &project.catalog().items[*gi];
            let Some(theirs) = &gov.item.materials else {
                continue;
            };
            let theirs: Vec<&str> = theirs.iter().map(|m| m.get_ref().as_str()).collect();
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
                    Self::META.code,
                    ctx,
                    t,
                    first.range.clone(),
                    format!("the catalog asks for {names} for {}; this list does not", gov.name()),
                )
                .help("list every material of the catalog for the item (or announce the simplification)"),
            );
        }
    }
}
