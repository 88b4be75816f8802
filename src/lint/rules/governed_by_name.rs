//! ZN650 governed-by-name: an item without a code that is compared with a catalog item found by its
//! name alone.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::governing::{Match, governing_table};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use rust_i18n::t;

rule_doc!(
    GovernedByName,
    r#"## What it does
Says, for an item published without a code, which catalog item the lint compares it with when that
item was found by the name alone (the same name, `…（子项）` naming it, or a 主项 with a single 子项).
The catalog is always the one of the item's own chain: its province's catalog for a city or county,
the national list for a province linked to one; nothing is matched across provinces.

## Why is this bad?
Time limits, materials and legal basis are compared with the governing item (ZN3xx, ZN4xx, ZN213).
A match by name is a guess: the finding makes it visible, so that an editor confirms it with
`governed_by = "<code>"` (and the finding goes away) or corrects the name.

## Example
```toml
[[item]]
id = "county-3"
name = "单位参保登记"
```

## Use instead
```toml
[[item]]
id = "county-3"
governed_by = "132036001001"
name = "单位参保登记"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN650",
    name: "governed-by-name",
    severity: Severity::Info,
    doc: DOC,
    fallback: false,
};

impl Rule for GovernedByName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let table = governing_table(ctx);
        for text in ctx.texts_of(FieldPath::Item(Field::Name)) {
            let Some(ii) = text.item else { continue };
            let Some((r, Match::Name)) = table.0[text.jurisdiction][ii] else {
                continue;
            };
            let item = &project.jurisdictions[text.jurisdiction].items[ii];
            // Once, where the item's own name is written.
            if item.origin_of(Field::Name).map(|o| o.file) != Some(text.file) {
                continue;
            }
            let gov = project.item(r);
            let catalog = &project.jurisdictions[r.jurisdiction];
            let code = gov.code().unwrap_or(gov.key.as_str());
            let mut f = Finding::at(
                META.code,
                ctx,
                text,
                0..text.value.len(),
                t!(
                    "ZN650.message",
                    name = gov.name(),
                    code = code,
                    catalog = catalog.name
                ),
            )
            .help(t!("ZN650.help", code = code));
            if let Some(n) = &gov.item.name {
                f = f.related(gov.file_of(Field::Name), n.span(), t!("ZN650.related"));
            }
            out.push(f);
        }
    }
}
