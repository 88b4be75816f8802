//! ZN506 self-supervision: an item's 监督电话 is its own 咨询电话.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::phone::find_phones;
use rust_i18n::t;

use crate::lint::analysis::phones::area_of;

rule_doc!(
    SelfSupervision,
    r#"## What it does
Flags an item whose 监督电话 (supervision phone) is the same number as its 咨询电话 (the handling
office's own line).

## Why is this bad?
The supervision line exists so that people can complain about the office that handles the item; when
it is the office's own number, the office supervises itself. Usually the consult number was copied
into the wrong field.

## Example
```toml
consult = { phone = "12345678" }
supervision = { phone = "12345678" }
```

## Use instead
```toml
consult = { phone = "12345678" }
supervision = { phone = "12345670" }
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN506",
    name: "self-supervision",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for SelfSupervision {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            let area = area_of(project, j);
            for item in &jur.items {
                let (Some(sup), Some(con)) = (&item.item.supervision, &item.item.consult) else {
                    continue;
                };
                let (Some(sp), Some(cp)) = (&sup.get_ref().phone, &con.get_ref().phone) else {
                    continue;
                };
                // Report where the supervision phone is written, once.
                let Some(origin) = item.origin_of(Field::Supervision) else {
                    continue;
                };
                if origin.jurisdiction != j {
                    continue;
                }
                let Some(ti) = ctx.text_at(origin.file, sp.span().start) else {
                    continue;
                };
                let consult: Vec<String> = find_phones(cp.get_ref())
                    .iter()
                    .map(|t| t.key(area))
                    .collect();
                for t in find_phones(sp.get_ref()) {
                    if consult.contains(&t.key(area)) {
                        let text = &ctx.texts[ti];
                        let written = &text.value[t.range.clone()];
                        let ctext = ctx
                            .text_at(item.file_of(Field::Consult), cp.span().start)
                            .map(|i| &ctx.texts[i]);
                        let mut f = Finding::at(
                            META.code,
                            ctx,
                            text,
                            t.range,
                            t!("ZN506.message", written = written),
                        )
                        .help(t!("ZN506.help"));
                        if let Some(c) = ctext {
                            f = f.related(c.file, c.span.clone(), t!("ZN506.related"));
                        }
                        out.push(f);
                        break;
                    }
                }
            }
        }
    }
}
