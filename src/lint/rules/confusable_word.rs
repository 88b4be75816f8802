//! ZN121 confusable-word: a fixed word written with a look-alike or sound-alike character (户口薄
//! for 户口簿), from the confusable sets of `catalog/reference/terms.toml`.

use rust_i18n::t;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostic::Severity;
use crate::lint::reference::Confusable;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    ConfusableWord,
    r#"## What it does
Reads the `[[confusables]]` of `catalog/reference/terms.toml`: sets of characters that are often
put for each other (簿 / 薄, 候 / 侯, 籍 / 藉 …), each with the fixed words that take one of them
(户口簿, 等候, 户籍 …). A word written with another character of its set (户口薄, 等侯, 户藉) is
reported, unless that spelling is itself a right word listed in `also_right`.

Unlike the corrections dictionary (ZN101), which lists misspellings one by one, the wrong forms are
derived from the character sets, so a set covers every word listed with it.

## Why is this bad?
A wrong character in the name of a document (户口薄 for 户口簿) or of a step is a visible error in
an official text, and a search for the right word does not find it.

## Example
```toml
materials = ["户口薄原件及复印件"]
```

## Use instead
```toml
materials = ["户口簿原件及复印件"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN121",
    name: "confusable-word",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

/// A wrong spelling derived from a set: the right word and the set's note.
struct Derived<'a> {
    right: &'a str,
    note: &'a str,
}

/// Every wrong spelling of the sets' words, by its first character.
fn derive(sets: &[Confusable]) -> HashMap<char, Vec<(String, Derived<'_>)>> {
    let right: HashSet<&str> = sets
        .iter()
        .flat_map(|s| s.words.iter().chain(&s.also_right))
        .map(String::as_str)
        .collect();
    let mut out: HashMap<char, Vec<(String, Derived)>> = HashMap::default();
    for set in sets {
        let chars: Vec<char> = set.chars.chars().collect();
        for word in &set.words {
            let w: Vec<char> = word.chars().collect();
            for (i, c) in w.iter().enumerate() {
                if !chars.contains(c) {
                    continue;
                }
                for other in chars.iter().filter(|o| *o != c) {
                    let mut wrong = w.clone();
                    wrong[i] = *other;
                    let wrong: String = wrong.into_iter().collect();
                    if right.contains(wrong.as_str()) {
                        continue;
                    }
                    let first = wrong.chars().next().unwrap_or_default();
                    out.entry(first).or_default().push((
                        wrong,
                        Derived {
                            right: word,
                            note: &set.note,
                        },
                    ));
                }
            }
        }
    }
    // Longest first, so that a longer wrong form wins over a shorter one at the same place.
    for v in out.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    out
}

impl Rule for ConfusableWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let derived = derive(&ctx.reference.terms.confusables);
        if derived.is_empty() {
            return;
        }
        for text in &ctx.texts {
            let v = text.value;
            let mut next = 0;
            for (at, c) in v.char_indices() {
                if at < next {
                    continue;
                }
                let Some(candidates) = derived.get(&c) else {
                    continue;
                };
                let Some((wrong, d)) = candidates.iter().find(|(w, _)| v[at..].starts_with(w))
                else {
                    continue;
                };
                let end = at + wrong.len();
                next = end;
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..end,
                        t!("ZN121.message", wrong = wrong, right = d.right),
                    )
                    .help(t!("ZN121.help", note = d.note))
                    .fix(d.right, true),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(chars: &str, words: &[&str], also: &[&str]) -> Confusable {
        Confusable {
            chars: chars.into(),
            words: words.iter().map(|s| s.to_string()).collect(),
            also_right: also.iter().map(|s| s.to_string()).collect(),
            note: String::new(),
        }
    }

    #[test]
    fn wrong_forms_come_from_the_sets_less_the_right_words() {
        let sets = [
            set("簿薄", &["户口簿"], &[]),
            set("候侯", &["等候", "候诊"], &[]),
        ];
        let d = derive(&sets);
        assert_eq!(d[&'户'][0].0, "户口薄");
        assert!(d[&'等'].iter().any(|(w, _)| w == "等侯"));
        assert!(d[&'侯'].iter().any(|(w, _)| w == "侯诊"));
        // A replacement that makes another right word is not a wrong form.
        let sets = [set("属嘱", &["家属"], &["家嘱"])];
        assert!(derive(&sets).is_empty());
    }
}
