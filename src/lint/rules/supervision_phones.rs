//! ZN503 supervision-phones: several 监督电话 in one jurisdiction.

use crate::lint::context::{FieldPath, JurisdictionPart};
use crate::model::{Field, PersonPart};
use rust_i18n::t;
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::phone::find_phones;

use crate::lint::analysis::phones::area_of;

rule_doc!(
    SupervisionPhones,
    r#"## What it does
Collects the 监督电话 (supervision phone) of every item of a jurisdiction and flags the ones that differ
from the jurisdiction's: its `supervision_phone` in `jurisdiction.toml` when it has one, else the
number most items print. Numbers are compared without their form (`0351-12345670` = `12345670`).

## Why is this bad?
The supervision line is where people complain about the office; a county has one for all its items.
Several different numbers usually mean that a handling office's own number (or another item's) was
copied into the 监督电话 field, so complaints reach the office complained about.

## Example
```toml
# most items: supervision = { phone = "12345670" }
supervision = { phone = "12345678" }
```

## Use instead
```toml
supervision = { phone = "12345670" }
```
"#
);

/// Where a number is written: (text index, byte range in the text).
type Occurrences = Vec<(usize, Range<usize>)>;

static META: RuleMeta = RuleMeta {
    code: "ZN503",
    name: "supervision-phones",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for SupervisionPhones {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            let area = area_of(project, j);
            let mut official: Option<(usize, Range<usize>, String)> = None;
            // key → occurrences (text index, range), in order of first appearance
            let mut seen: Vec<(String, Occurrences)> = Vec::new();
            for (ti, text) in ctx.texts_in(j) {
                let is_item =
                    text.field == FieldPath::Person(Field::Supervision, PersonPart::Phone);
                let is_official =
                    text.field == FieldPath::Jurisdiction(JurisdictionPart::SupervisionPhone);
                if !is_item && !is_official {
                    continue;
                }
                for t in find_phones(text.value) {
                    let key = t.key(area);
                    if is_official {
                        official.get_or_insert((ti, t.range.clone(), key));
                        continue;
                    }
                    match seen.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, occ)) => occ.push((ti, t.range)),
                        None => seen.push((key, vec![(ti, t.range)])),
                    }
                }
            }
            let (usual_key, usual_at) = match &official {
                Some((ti, range, key)) => (key.clone(), (*ti, range.clone())),
                None => {
                    if seen.len() < 2 {
                        continue;
                    }
                    // Most printed; on a tie, the first printed.
                    let best = seen
                        .iter()
                        .enumerate()
                        .max_by_key(|(i, (_, occ))| (occ.len(), std::cmp::Reverse(*i)))
                        .map(|(_, s)| s)
                        .expect("two numbers");
                    (best.0.clone(), best.1[0].clone())
                }
            };
            let utext = &ctx.texts[usual_at.0];
            let usual_written = utext.value[usual_at.1.clone()].to_string();
            let usual_count = seen
                .iter()
                .find(|(k, _)| *k == usual_key)
                .map_or(0, |(_, o)| o.len());
            for (key, occ) in &seen {
                if *key == usual_key {
                    continue;
                }
                for (ti, range) in occ {
                    let text = &ctx.texts[*ti];
                    let written = &text.value[range.clone()];
                    let whose = if official.is_some() {
                        t!(
                            "ZN503.official",
                            jurisdiction = jur.name,
                            usual = usual_written
                        )
                    } else {
                        t!(
                            "ZN503.usual",
                            count = usual_count,
                            jurisdiction = jur.name,
                            usual = usual_written
                        )
                    };
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            range.clone(),
                            t!("ZN503.message", written = written, whose = whose),
                        )
                        .help(t!("ZN503.help"))
                        .related(
                            utext.file,
                            ctx.locate(utext, usual_at.1.clone()),
                            t!("ZN503.related", usual = usual_written),
                        ),
                    );
                }
            }
        }
    }
}
