//! ZN502 person-phones: one person listed with two different numbers within a jurisdiction.

use crate::model::Field;
use rust_i18n::t;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::{Person, Spanned};
use crate::source::FileId;
use crate::text::phone::find_phones;

use crate::lint::analysis::phones::area_of;

rule_doc!(
    PersonPhones,
    r#"## What it does
Pairs the names and numbers of every person table (联系人, 咨询电话, 监督电话 and the jurisdiction's
contacts; several names and numbers in one table are paired in order) and flags a person who has two
different numbers within one jurisdiction. The rarer number is reported, next to the usual one.

Numbers are compared without their form: `0351-7654321`, `03517654321` and `7654321` are one number.

## Why is this bad?
A person normally answers one line. Two numbers for one person in one guide usually mean that a number
was copied from another person's entry, and callers reach the wrong desk.

## Example
```toml
contact = { name = "李某", phone = "0351-7654321" }
consult = { phone = "0351-7650000", name = "李某", title = "城乡医保中心科员" }
```

## Use instead
```toml
contact = { name = "李某", phone = "0351-7650000" }
consult = { phone = "0351-7650000", name = "李某", title = "城乡医保中心科员" }
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN502",
    name: "person-phones",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// Where a number is written: (text index, byte range in the text).
type Occurrences = Vec<(usize, Range<usize>)>;

/// Names of a person field: split at spaces and list commas.
pub fn split_names(value: &str) -> Vec<&str> {
    value
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';' | '/'))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Every person table of a jurisdiction's own sources: (file, person).
pub fn persons_of(ctx: &Context, j: usize) -> Vec<(FileId, Field, Person)> {
    let project = ctx.project;
    let jur = &project.jurisdictions[j];
    let mut out: Vec<(FileId, Field, Person)> = jur
        .data
        .contacts
        .iter()
        .map(|p| (jur.file, Field::Contact, p.clone()))
        .collect();
    for item in &jur.items {
        for (field, person) in [
            (Field::Consult, &item.item.consult),
            (Field::Supervision, &item.item.supervision),
            (Field::Contact, &item.item.contact),
        ] {
            let (Some(p), Some(origin)) = (person, item.origin_of(field)) else {
                continue;
            };
            if origin.jurisdiction == j {
                out.push((origin.file, field, p.get_ref().clone()));
            }
        }
    }
    out
}

impl Rule for PersonPhones {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for j in 0..project.jurisdictions.len() {
            let area = area_of(project, j);
            // name → number key → occurrences (text index, range of the number)
            let mut numbers: BTreeMap<String, BTreeMap<String, Occurrences>> = BTreeMap::new();
            let mut first_seen: HashMap<(String, String), usize> = HashMap::new();
            for (file, _, person) in persons_of(ctx, j) {
                let (Some(name), Some(phone)) = (&person.name, &person.phone) else {
                    continue;
                };
                let Some(ti) = ctx.text_at(file, Spanned::span(phone).start) else {
                    continue;
                };
                let names = split_names(name.get_ref());
                let tokens = find_phones(phone.get_ref());
                if names.is_empty() || names.len() != tokens.len() {
                    continue;
                }
                for (n, t) in names.iter().zip(tokens) {
                    let key = t.key(area);
                    let order = first_seen.len();
                    first_seen
                        .entry((n.to_string(), key.clone()))
                        .or_insert(order);
                    numbers
                        .entry(n.to_string())
                        .or_default()
                        .entry(key)
                        .or_default()
                        .push((ti, t.range));
                }
            }
            for (name, keys) in numbers {
                if keys.len() < 2 {
                    continue;
                }
                let usual = keys
                    .iter()
                    .max_by_key(|(k, occ)| {
                        (
                            occ.len(),
                            std::cmp::Reverse(first_seen[&(name.clone(), (*k).clone())]),
                        )
                    })
                    .map(|(k, occ)| (k.clone(), occ[0].clone()))
                    .expect("two keys");
                let (usual_key, (uti, urange)) = usual;
                let utext = &ctx.texts[uti];
                let usual_written = &utext.value[urange.clone()];
                for (key, occ) in &keys {
                    if *key == usual_key {
                        continue;
                    }
                    for (ti, range) in occ {
                        let text = &ctx.texts[*ti];
                        let written = &text.value[range.clone()];
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                text,
                                range.clone(),
                                t!(
                                    "ZN502.message",
                                    name = name,
                                    written = written,
                                    usual = usual_written,
                                    count = keys[&usual_key].len(),
                                    jurisdiction = project.jurisdictions[j].name
                                ),
                            )
                            .help(t!("ZN502.help"))
                            .related(
                                utext.file,
                                ctx.locate(utext, urange.clone()),
                                format!("{name}: {usual_written}"),
                            ),
                        );
                    }
                }
            }
        }
    }
}
