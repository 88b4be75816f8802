//! ZN411 form-not-in-materials: a form that the procedure or the notes tell applicants to fill in
//! (填写《…申请表》) but that the item's materials do not list.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::governing::material_texts;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::titles::marked_titles;
use rust_i18n::t;

rule_doc!(
    FormNotInMaterials,
    r#"## What it does
Reads the names in 《》 of an item's 办理流程, 申请条件 and 备注 that applicants are told to fill in
(a verb listed as `fill_verbs` in `catalog/reference/terms.toml` right before the name: 填写, 填报 …)
and that are forms (ending in 表, 单, 申请书, 承诺书 or 委托书), and flags each one that its 申请材料
(as inherited from the catalog) never mentions. Forms the offices send each other are not flagged.

## Why is this bad?
Applicants prepare the list of materials. A form that appears only in the procedure is the one they
find out about at the window.

## Example
```toml
materials = ["有效身份证件"]
steps = "符合条件的个人填写《职工基本医疗保险个人账户一次性支取申请表》交由单位申请。"
```

## Use instead
```toml
materials = ["有效身份证件", "《职工基本医疗保险个人账户一次性支取申请表》"]
steps = "符合条件的个人填写《职工基本医疗保险个人账户一次性支取申请表》交由单位申请。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN411",
    name: "form-not-in-materials",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

const FIELDS: &[FieldPath] = &[
    FieldPath::Item(Field::Steps),
    FieldPath::Item(Field::Conditions),
    FieldPath::Item(Field::Notes),
];
const FORM_ENDINGS: &[&str] = &["表", "单", "申请书", "承诺书", "委托书"];

impl Rule for FormNotInMaterials {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in ctx.texts.iter().filter(|t| FIELDS.contains(&t.field)) {
            let Some(ii) = text.item else { continue };
            let item = &ctx.project.jurisdictions[text.jurisdiction].items[ii];
            let materials = material_texts(item);
            for (range, name) in marked_titles(text.value) {
                if !FORM_ENDINGS.iter().any(|e| name.ends_with(e)) {
                    continue;
                }
                // Only a form the applicant fills in (填写《…》), not one the offices exchange.
                let before = &text.value[..range.start];
                let filled = ctx
                    .reference
                    .terms
                    .fill_verbs
                    .iter()
                    .any(|verb| before.trim_end().ends_with(verb.as_str()));
                if !filled {
                    continue;
                }
                if materials.iter().any(|m| m.contains(name)) {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        range,
                        t!("ZN411.message", name = name),
                    )
                    .help(t!("ZN411.help")),
                );
            }
        }
    }
}
