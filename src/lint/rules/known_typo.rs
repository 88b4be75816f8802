//! ZN101 known-typo: corrections dictionary (`catalog/reference/corrections.toml`).

use rust_i18n::t;
use crate::text::fxhash::FxHashMap as HashMap;

use crate::diagnostic::Severity;
use crate::lint::reference::Correction;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    KnownTypo,
    r#"## What it does
Flags text listed as wrong in the corrections dictionary `catalog/reference/corrections.toml`
(`wrong → right` pairs, like the `typos` tool): 错别字 such as 帐户 for 账户, 告之 for 告知, a
stray fragment left by an edit, or a document name that does not exist.

## Why is this bad?
A service guide is an official document: a wrong character changes a form's name, makes a sentence
unreadable, or sends people to a document that does not exist. The dictionary only lists pairs known to
be wrong, so words it does not know are never flagged.

A pair may list `unless` contexts in which the text is right (广而告之 for 告之) and a `severity` for
usage advice (其它 → 其他 is a warning). When the dictionary gives exactly one correction, `--fix`
applies it.

## Example
```toml
materials = ["《职工基本医疗保险个人帐户一次性支取申请表》"]
```

## Use instead
```toml
materials = ["《职工基本医疗保险个人账户一次性支取申请表》"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN101",
    name: "known-typo",
    severity: Severity::Error,
    doc: DOC,
};

impl Rule for KnownTypo {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let corrections = &ctx.reference.corrections;
        if corrections.is_empty() {
            return;
        }
        // Candidates per wrong text; index by first character for a single pass over each text.
        let mut by_wrong: HashMap<&str, Vec<&Correction>> = HashMap::default();
        for c in corrections.iter().filter(|c| !c.wrong.is_empty()) {
            by_wrong.entry(c.wrong.as_str()).or_default().push(c);
        }
        let mut by_first: HashMap<char, Vec<&str>> = HashMap::default();
        for wrong in by_wrong.keys() {
            let first = wrong.chars().next().expect("non-empty");
            by_first.entry(first).or_default().push(wrong);
        }
        for list in by_first.values_mut() {
            // Longest first, so that a longer entry wins over one it contains.
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }

        for text in &ctx.texts {
            let value = text.value;
            let mut covered_until = 0;
            for (i, c) in value.char_indices() {
                if i < covered_until {
                    continue;
                }
                let Some(list) = by_first.get(&c) else {
                    continue;
                };
                let Some(wrong) = list
                    .iter()
                    .find(|w| value[i..].starts_with(**w) && !excused(value, i, w, &by_wrong[**w]))
                else {
                    continue;
                };
                let cands = &by_wrong[*wrong];
                let range = i..i + wrong.len();
                covered_until = range.end;
                let mut rights: Vec<&str> = cands.iter().map(|c| c.right.as_str()).collect();
                rights.dedup();
                let message = if rights.len() == 1 {
                    t!("ZN101.message", wrong = wrong, right = rights[0]).into_owned()
                } else {
                    {
                    let quoted: Vec<String> = rights
                        .iter()
                        .map(|r| t!("quote", text = r).into_owned())
                        .collect();
                    t!("ZN101.message-many", wrong = wrong, rights = quoted.join(&*t!("list.sep")))
                        .into_owned()
                }
                };
                let note = cands.iter().find_map(|c| c.note.clone());
                let severity = cands
                    .iter()
                    .filter_map(|c| c.severity)
                    .min()
                    .unwrap_or(META.severity);
                let mut f = Finding::at(META.code, ctx, text, range, message);
                if severity != META.severity {
                    f = f.severity(severity);
                }
                if let Some(note) = note {
                    f = f.help(note);
                }
                if rights.len() == 1 {
                    f = f.fix(rights[0], true);
                }
                out.push(f);
            }
        }
    }
}

/// Is the match at `i` inside one of the pair's `unless` contexts?
fn excused(value: &str, i: usize, wrong: &str, cands: &[&Correction]) -> bool {
    cands.iter().flat_map(|c| &c.unless).any(|ctx| {
        let Some(offset) = ctx.find(wrong) else {
            return false;
        };
        i >= offset
            && value
                .get(i - offset..)
                .is_some_and(|rest| rest.starts_with(ctx.as_str()))
    })
}
