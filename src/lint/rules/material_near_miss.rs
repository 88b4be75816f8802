//! ZN404 material-near-miss.

use crate::diagnostic::Severity;
use crate::lint::governing::{compared, material_texts, own_materials};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    MaterialNearMiss,
    r#"## What it does
Flags a material that is one or two characters away from one of the governing catalog's
materials for the item (three for long ones), without being equal to any of them; or one
alternative of a material (A或B) that is so close to the catalog's alternative. Abbreviations
(社保卡 for 社会保障卡: characters left out at several places) are not flagged.

## Why is this bad?
Such a difference is almost always a typo or a truncation (医院机构收费票据 for 医疗机构收费票据,
…分析报 for …分析报告), and it names a document that does not exist.

## Example
```text
materials = ["医院机构收费票据"]
```

## Use instead
```text
materials = ["医疗机构收费票据"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN404",
    name: "material-near-miss",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for MaterialNearMiss {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (key, (gi, matched)) in compared(ctx).iter() {
            let materials = &own_materials(ctx)[key];
            let gov = project.item(*gi);
            let theirs = material_texts(gov);
            let ours: Vec<&str> = materials.iter().map(|m| m.value(ctx)).collect();
            for n in &matched.near {
                let m = &materials[n.ours];
                let written = &ours[n.ours][n.range.clone()];
                let range = m.range.start + n.range.start..m.range.start + n.range.end;
                let message = if n.range == (0..ours[n.ours].len()) {
                    t!("ZN404.message", written = written, expected = n.expected)
                } else {
                    t!(
                        "ZN404.message-in",
                        written = written,
                        expected = n.expected,
                        material = theirs[n.theirs]
                    )
                };
                out.push(
                    Finding::at(META.code, ctx, &ctx.texts[m.text], range, message)
                        .help(t!("ZN404.help", expected = n.expected))
                        .fix(n.expected.clone(), false),
                );
            }
        }
    }
}
