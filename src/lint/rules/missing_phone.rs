//! ZN504 missing-phone: an empty phone, or an item without the phone its siblings all have.

use crate::diagnostic::Severity;
use crate::lint::context::{FieldPath, FlowPart};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use rust_i18n::t;

use crate::lint::analysis::phones::is_phone_text;

rule_doc!(
    MissingPhone,
    r#"## What it does
Flags a phone field written empty (`phone = ""`), and an item of a jurisdiction that has no 咨询电话
(or no 监督电话) while most items of the same jurisdiction have one (a warning).

## Why is this bad?
Every service item must tell people whom to call (咨询电话) and where to complain (监督电话). An empty
field prints as a heading with nothing after it (`电 话：`).

## Example
```toml
consult = { phone = "" }
```

## Use instead
```toml
consult = { phone = "12345678" }
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN504",
    name: "missing-phone",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for MissingPhone {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            if is_phone_text(text)
                && text.field != FieldPath::Flow(FlowPart::Caption)
                && text.value.trim().is_empty()
            {
                out.push(
                    Finding::span(
                        META.code,
                        text.file,
                        text.span.clone(),
                        text.jurisdiction,
                        text.item_key.clone(),
                        t!("ZN504.empty"),
                    )
                    .help(t!("ZN504.empty-help")),
                );
            }
        }

        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            let items: Vec<_> = jur.items.iter().collect();
            if items.len() < 4 {
                continue;
            }
            for (field, what) in [
                (Field::Consult, "咨询电话"),
                (Field::Supervision, "监督电话"),
            ] {
                let has = |i: &crate::resolve::ResolvedItem| {
                    let p = if field == Field::Consult {
                        &i.item.consult
                    } else {
                        &i.item.supervision
                    };
                    p.as_ref()
                        .and_then(|p| p.get_ref().phone.as_ref())
                        .is_some()
                };
                let with = items.iter().filter(|i| has(i)).count();
                // Most items print the line, this one does not.
                if with * 4 < items.len() * 3 || with == items.len() {
                    continue;
                }
                // A jurisdiction-wide supervision phone covers every item.
                if field == Field::Supervision && jur.data.supervision_phone.is_some() {
                    continue;
                }
                for item in items.iter().filter(|i| !has(i)) {
                    let key = item.item.code.as_ref().or(item.item.id.as_ref());
                    let span = key.map_or(item.span.clone(), |k| k.span());
                    out.push(
                        Finding::span(
                            META.code,
                            item.decl.file,
                            span,
                            j,
                            Some(item.key.clone()),
                            t!(
                                "ZN504.message",
                                item = item.name(),
                                what = what,
                                with = with,
                                count = items.len(),
                                jurisdiction = jur.name
                            ),
                        )
                        .help(t!("ZN504.help", field = field))
                        .severity(Severity::Warning),
                    );
                }
            }
        }
    }
}
