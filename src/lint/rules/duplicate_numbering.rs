//! ZN602 duplicate-numbering: two items with one number, or a list whose number repeats.

use crate::lint::context::FieldPath;
use crate::model::Field;
use rust_i18n::t;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, TextRef, rule_doc};
use crate::text::lists::{MarkerStyle, list_marker, number_value};

rule_doc!(
    DuplicateNumbering,
    r#"## What it does
Flags numbering that repeats:

- two items (or two 主项) of one jurisdiction with the same published number (`seq`); when every
  主项 restarts its items at 1, numbers are compared within each 主项, and more than two repeated
  numbers are taken for a numbering that restarts by section, not for slips;
- a numbered list inside a text (lines starting with `1.`, `1、`, `（1）`, `①`, `一、`, `（一）`) or a
  list field whose entries carry their own numbers, where a number follows itself (`3. … 3. …`).

A list that restarts at 1 (a nested list under the next point) is not a repeat.

## Settings
In `[thresholds]` of `catalog/reference/terms.toml`: `"duplicate-numbering.max_repeats"` (shipped 2):
a jurisdiction with more repeated item numbers than this numbers by section, and none is reported.

## Why is this bad?
A repeated number makes references ("see item 3", "material 3") ambiguous and shows that an entry was
copied or lost; readers count materials by their numbers.

## Example
```toml
notes = """
1. 与其他费用合并支付的一次性提供材料；
2. 符合救助条件但未经认定的应提供授权书；
2. 由相关部门认定后报销。
"""
```

## Use instead
```toml
notes = """
1. 与其他费用合并支付的一次性提供材料；
2. 符合救助条件但未经认定的应提供授权书；
3. 由相关部门认定后报销。
"""
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN602",
    name: "duplicate-numbering",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

fn seq_key(s: &str) -> String {
    number_value(s).map_or_else(|| s.trim().to_string(), |n| n.to_string())
}

/// Repeated list numbers in a sequence of lines: (byte range of the repeated marker, number).
fn repeats<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    let mut prev: BTreeMap<MarkerStyle, u32> = BTreeMap::new();
    for (offset, line) in lines {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some((style, n, len)) = list_marker(trimmed) else {
            continue;
        };
        if n == 1 {
            prev.insert(style, 1);
            continue;
        }
        if prev.get(&style) == Some(&n) {
            out.push((offset + indent..offset + indent + len, n));
        }
        prev.insert(style, n);
    }
    out
}

/// Default of `thresholds."duplicate-numbering.max_repeats"`: more repeated numbers than this in
/// one jurisdiction are a numbering that restarts by section, not slips, and are not reported.
const MAX_REPEATS: usize = 2;

impl Rule for DuplicateNumbering {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let max_repeats = ctx
            .reference
            .terms
            .threshold("duplicate-numbering.max_repeats", MAX_REPEATS as f64)
            as usize;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            // Does every 主项 restart its numbering at 1?
            let mut firsts: BTreeMap<Option<String>, Option<String>> = BTreeMap::new();
            for item in &jur.items {
                let main = item.main.as_ref().map(|(_, m)| m.code.get_ref().clone());
                let seq = item.item.seq.as_ref().map(|s| seq_key(s.get_ref()));
                firsts.entry(main).or_insert(seq);
            }
            let restarts = firsts.len() > 1
                && firsts
                    .values()
                    .filter(|s| s.as_deref() == Some("1"))
                    .count()
                    > 1;
            let mut seen: BTreeMap<(Option<String>, String), &crate::resolve::ResolvedItem> =
                BTreeMap::new();
            let mut repeats: Vec<(&crate::resolve::ResolvedItem, &crate::resolve::ResolvedItem)> =
                Vec::new();
            for item in &jur.items {
                let Some(seq) = &item.item.seq else { continue };
                let group = if restarts {
                    item.main.as_ref().map(|(_, m)| m.code.get_ref().clone())
                } else {
                    None
                };
                let key = (group, seq_key(seq.get_ref()));
                match seen.get(&key) {
                    Some(first) => repeats.push((first, item)),
                    None => {
                        seen.insert(key, item);
                    }
                }
            }
            // Many repeated numbers are a numbering that restarts by section (one list per kind of
            // power, say), not slips.
            if repeats.len() > max_repeats {
                repeats.clear();
            }
            for (first, item) in repeats {
                let seq = item.item.seq.as_ref().expect("has a seq");
                let first_seq = first.item.seq.as_ref().expect("has a seq");
                out.push(
                    Finding::span(
                        META.code,
                        item.decl.file,
                        seq.span(),
                        j,
                        Some(item.key.clone()),
                        t!(
                            "ZN602.message",
                            number = seq.get_ref(),
                            jurisdiction = jur.name,
                            first = first.name(),
                            second = item.name()
                        ),
                    )
                    .help(t!("ZN602.help"))
                    .related(
                        first.decl.file,
                        first_seq.span(),
                        t!("ZN602.related"),
                    ),
                );
            }
            let mut main_seqs: BTreeMap<String, usize> = BTreeMap::new();
            for (k, (file, main)) in jur.mains.iter().enumerate() {
                let Some(seq) = &main.seq else { continue };
                let key = seq_key(seq.get_ref());
                if let Some(&first) = main_seqs.get(&key) {
                    let (ffile, fmain) = &jur.mains[first];
                    // Several files may repeat the same 主项 (a table split in two): same code is fine.
                    if fmain.code.get_ref() == main.code.get_ref() {
                        continue;
                    }
                    out.push(
                        Finding::span(
                            META.code,
                            *file,
                            seq.span(),
                            j,
                            Some(main.code.get_ref().clone()),
                            t!(
                                "ZN602.main",
                                number = seq.get_ref(),
                                jurisdiction = jur.name
                            ),
                        )
                        .help(t!("ZN602.main-help"))
                        .related(
                            *ffile,
                            fmain.seq.as_ref().map_or(0..0, |s| s.span()),
                            t!("ZN602.related"),
                        ),
                    );
                } else {
                    main_seqs.insert(key, k);
                }
            }
        }

        // Numbered lines inside each text.
        for text in &ctx.texts {
            if text.field == FieldPath::Item(Field::Materials)
                || text.field == FieldPath::Item(Field::LegalBasis)
            {
                continue;
            }
            let lines = text.value.split_inclusive('\n').scan(0, |offset, line| {
                let at = *offset;
                *offset += line.len();
                Some((at, line))
            });
            for (range, n) in repeats(lines) {
                out.push(repeat_finding(ctx, text, range, n));
            }
        }
        // List fields whose entries carry numbers: the entries are the lines.
        let mut lists: BTreeMap<(usize, Option<usize>, FieldPath, usize), Vec<&TextRef>> =
            BTreeMap::new();
        for text in ctx.texts.iter().filter(|t| {
            t.field == FieldPath::Item(Field::Materials)
                || t.field == FieldPath::Item(Field::LegalBasis)
        }) {
            lists
                .entry((text.jurisdiction, text.item, text.field, text.file))
                .or_default()
                .push(text);
        }
        for entries in lists.values() {
            let lines = entries.iter().enumerate().map(|(k, t)| (k, t.value));
            let mut prev: BTreeMap<MarkerStyle, u32> = BTreeMap::new();
            for (k, line) in lines {
                let trimmed = line.trim_start();
                let indent = line.len() - trimmed.len();
                let Some((style, n, len)) = list_marker(trimmed) else {
                    continue;
                };
                if n != 1 && prev.get(&style) == Some(&n) {
                    out.push(repeat_finding(ctx, entries[k], indent..indent + len, n));
                }
                prev.insert(style, n);
            }
        }
    }
}

fn repeat_finding(ctx: &Context, text: &TextRef, range: Range<usize>, n: u32) -> Finding {
    Finding::at(META.code, ctx, text, range, t!("ZN602.list", number = n))
        .help(t!("ZN602.list-help", number = n + 1))
}
