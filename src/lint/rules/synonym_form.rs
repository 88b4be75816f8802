//! ZN122 synonym-form: the rarer of two forms of one name listed as synonyms in `terms.toml`
//! (社保卡 / 社会保障卡) within one jurisdiction.

use rust_i18n::t;
use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;

rule_doc!(
    SynonymForm,
    r#"## What it does
Counts, per jurisdiction, the forms of each set of `synonyms` in `catalog/reference/terms.toml`
(社保卡 / 社会保障卡, 身份证号码 / 身份证号 …) and reports the forms used less often than the
usual one. A form inside a longer form of the set is not counted. 设定依据 is not read: titles are
quoted as issued.

Both forms are right, so the finding is advice (`info`): raise it with `[lint.severity]` where a
jurisdiction wants one form throughout.

## Why is this bad?
One thing written two ways in one guide makes a reader wonder whether two things are meant.

## Example
```toml
materials = ["社会保障卡"]   # where the jurisdiction writes 社保卡 everywhere else
```

## Use instead
```toml
materials = ["社保卡"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN122",
    name: "synonym-form",
    severity: Severity::Info,
    doc: DOC,
    fallback: false,
};

impl Rule for SynonymForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        synonyms(ctx, out);
    }
}

/// Synonyms of `terms.toml` (社保卡 / 社会保障卡): within one jurisdiction, the rarer form is reported.
fn synonyms(ctx: &Context, out: &mut Vec<Finding>) {
    let sets = &ctx.reference.terms.synonyms;
    if sets.is_empty() {
        return;
    }
    // Every form by its first character: (set, form), longest first.
    let mut by_first: HashMap<char, Vec<(usize, usize)>> = HashMap::default();
    for (si, forms) in sets.iter().enumerate() {
        for (k, form) in forms.iter().enumerate() {
            if let Some(c) = form.chars().next() {
                by_first.entry(c).or_default().push((si, k));
            }
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|(si, k)| std::cmp::Reverse(sets[*si][*k].len()));
    }
    for (j, jur) in ctx.project.jurisdictions.iter().enumerate() {
        // Per set, per form: occurrences (text, byte offset). A form inside a longer form of the
        // set is not counted: the longest form at a place wins.
        let mut found: Vec<Vec<Vec<(usize, usize)>>> =
            sets.iter().map(|f| vec![Vec::new(); f.len()]).collect();
        for (ti, text) in ctx.texts_in(j) {
            if text.field == FieldPath::Item(Field::LegalBasis) {
                continue;
            }
            let v = text.value;
            let mut covered = 0;
            for (at, c) in v.char_indices() {
                if at < covered {
                    continue;
                }
                let Some(list) = by_first.get(&c) else {
                    continue;
                };
                if let Some(&(si, k)) = list
                    .iter()
                    .find(|(si, k)| v[at..].starts_with(sets[*si][*k].as_str()))
                {
                    found[si][k].push((ti, at));
                    covered = at + sets[si][k].len();
                }
            }
        }
        for (si, forms) in sets.iter().enumerate() {
            let counts = &found[si];
            let used: Vec<usize> = (0..forms.len())
                .filter(|k| !counts[*k].is_empty())
                .collect();
            if used.len() < 2 {
                continue;
            }
            let usual = *used
                .iter()
                .max_by_key(|k| counts[**k].len())
                .expect("two forms");
            for &k in &used {
                if k == usual || counts[k].len() >= counts[usual].len() {
                    continue;
                }
                for &(ti, at) in &counts[k] {
                    let text = &ctx.texts[ti];
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            at..at + forms[k].len(),
                            t!(
                                "ZN122.message",
                                form = forms[k],
                                usual = forms[usual],
                                count = counts[usual].len(),
                                jurisdiction = jur.name
                            ),
                        )
                        .help(t!("ZN122.help"))
                        .fix(forms[usual].clone(), false),
                    );
                }
            }
        }
    }
}
