//! ZN106 step-separator: the dashes between the steps of 办理环节 (申请—受理—审核—办结).

use crate::lint::context::FieldPath;
use crate::model::Field;
use rust_i18n::t;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    StepSeparator,
    r#"## What it does
Checks the separators between the steps of `steps` (办理环节): every dash-like mark (—, ——, -, －, –)
must be the same within one text, and the same as the governing catalog's for that item (or, for an
item the catalog does not have, the catalog's usual one).

## Why is this bad?
`申请—受理—审核—拨付-办结` mixes two marks in one line, and `申请-受理-办结` differs from the
catalog's `申请—受理—办结`: both look careless in print, and the half-width hyphen `-` is not Chinese
punctuation. The steps of an item are meant to read the same at every level (六统一).

`--fix` writes the catalog's separator.

## Example
```toml
steps = "申请—受理—审核—拨付-办结"
```

## Use instead
```toml
steps = "申请—受理—审核—拨付—办结"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN106",
    name: "step-separator",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '-' | '－' | '–' | '―' | '─')
}

/// Separator runs of a steps text: byte range and the mark as written.
pub fn separators(value: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = value.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_dash(chars[i].1) {
            i += 1;
            continue;
        }
        let mut k = i;
        while k < chars.len() && is_dash(chars[k].1) {
            k += 1;
        }
        let end = chars.get(k).map_or(value.len(), |c| c.0);
        out.push((chars[i].0..end, &value[chars[i].0..end]));
        i = k;
    }
    out
}

/// The single separator a steps text uses, if it uses exactly one.
fn single(value: &str) -> Option<String> {
    let seps = separators(value);
    let first = seps.first()?.1;
    seps.iter().all(|s| s.1 == first).then(|| first.to_string())
}

impl Rule for StepSeparator {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        // The usual separator of each catalog (of the item's own chain only).
        let usual_of = |c: usize| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for item in &project.jurisdictions[c].items {
                if let Some(steps) = &item.item.steps {
                    for (_, s) in separators(steps.get_ref()) {
                        *counts.entry(s.to_string()).or_default() += 1;
                    }
                }
            }
            counts
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(s, _)| s.clone())
        };
        let usual: BTreeMap<usize, Option<String>> = (0..project.jurisdictions.len())
            .filter(|&j| project.is_catalog(j))
            .map(|j| (j, usual_of(j)))
            .collect();

        for text in ctx.texts_of(FieldPath::Item(Field::Steps)) {
            let seps = separators(text.value);
            if seps.is_empty() {
                continue;
            }
            let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
            for (_, s) in &seps {
                *forms.entry(s).or_default() += 1;
            }
            let expected = match project.governing_catalog(text.jurisdiction) {
                None => None,
                Some(c) => ctx
                    .item(text)
                    .and_then(|item| project.catalog_item(item))
                    .and_then(|c| c.item.steps.as_ref())
                    .and_then(|s| single(s.get_ref()))
                    .or_else(|| usual.get(&c).cloned().flatten()),
            };
            let majority = forms
                .iter()
                .max_by_key(|(s, n)| (**n, expected.as_deref() == Some(**s)))
                .map(|(s, _)| s.to_string())
                .expect("at least one separator");
            let target = expected.clone().unwrap_or(majority);
            let wrong: Vec<&(Range<usize>, &str)> =
                seps.iter().filter(|(_, s)| *s != target).collect();
            let (Some(first), Some(last)) = (wrong.first(), wrong.last()) else {
                continue;
            };
            let span = first.0.start..last.0.end;
            let mut fixed = String::new();
            let mut at = span.start;
            for (r, _) in &wrong {
                fixed.push_str(&text.value[at..r.start]);
                fixed.push_str(&target);
                at = r.end;
            }
            let message = if forms.len() > 1 {
                let marks: Vec<String> = forms
                    .keys()
                    .map(|s| t!("quote", text = s).into_owned())
                    .collect();
                t!("ZN106.mixed", marks = marks.join(&*t!("list.and"))).into_owned()
            } else if let Some(e) = &expected {
                t!("ZN106.differs", found = first.1, expected = e).into_owned()
            } else {
                continue;
            };
            out.push(
                Finding::at(META.code, ctx, text, span, message)
                    .help(t!("ZN106.help", target = target))
                    .fix(fixed, true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_separators() {
        let s = separators("申请—受理—审核—拨付-办结");
        assert_eq!(s.len(), 4);
        assert_eq!(s[3].1, "-");
        assert_eq!(single("申请——受理——办结").as_deref(), Some("——"));
        assert_eq!(single("申请-受理-办结").as_deref(), Some("-"));
    }
}
