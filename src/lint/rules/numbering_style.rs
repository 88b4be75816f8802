//! ZN609 numbering-style: gaps in a jurisdiction's power codes, and list numbers written two ways in
//! its charts.

use crate::lint::context::{FieldPath, FlowPart};
use crate::model::Field;
use rust_i18n::t;
use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::numerals::is_arabic_digit;

rule_doc!(
    NumberingStyle,
    r#"## What it does
Checks how a jurisdiction numbers things:

- 职权编码 (`power_code`, `6-3`): within each kind (the number before the dash), the numbers run
  from 1 without a gap; a missing `6-2` between `6-1` and `6-3` is reported at `6-3`;
- the numbered lists inside flowchart boxes (提交资料：1、… 2、…) use one style: when most charts write
  `1、` and a few write `1.` (or the other way round), the few are reported;
- the entries of one numbered list end the same way: one entry ending in `。` among entries without a
  mark (or the reverse) is reported. A last entry ending in `。` after entries ending in `；` is the
  usual Chinese list, and entries ending in `：` (they introduce a sub-list) are not compared.

## Why is this bad?
A gap in the codes means a published power is missing (or a code was mistyped); readers and the
power list (权力清单) refer to powers by these codes. Two numbering styles in one set of charts look
careless and show charts copied from different sources.

## Example
```toml
power_code = "6-1"
# … next item:
power_code = "6-3"
```

## Use instead
```toml
power_code = "6-1"
# … next item:
power_code = "6-2"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN609",
    name: "numbering-style",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// `6-3` → (6, 3).
fn power_number(code: &str) -> Option<(u32, u32)> {
    let (kind, n) = code.trim().split_once(['-', '－'])?;
    Some((kind.parse().ok()?, n.parse().ok()?))
}

/// `(byte offset, length, its end mark, the others' end mark, lines)` of an odd list entry.
type OddEnding = (usize, usize, Option<char>, Option<char>, usize);

/// A numbered line whose end differs from every other numbered line of the same style in the text
/// (three or more lines): `(byte offset, length, its end mark, the others' end mark, lines)`. A last
/// line ending in `。` after lines ending in `；` is the usual Chinese list, not an odd one.
fn odd_ending(value: &str) -> Option<OddEnding> {
    use crate::text::lists::list_marker;
    let mut by_style: BTreeMap<crate::text::lists::MarkerStyle, Vec<(usize, &str)>> =
        BTreeMap::new();
    let mut offset = 0;
    for line in value.split_inclusive('\n') {
        let trimmed = line.trim_start();
        // A line ending in a colon introduces a sub-list: it is not compared.
        let intro = trimmed.trim_end().ends_with(['：', ':']);
        if let (Some((style, _, _)), false) = (list_marker(trimmed), intro) {
            by_style
                .entry(style)
                .or_default()
                .push((offset + line.len() - trimmed.len(), trimmed.trim_end()));
        }
        offset += line.len();
    }
    let end_mark = |l: &str| {
        l.chars()
            .last()
            .filter(|c| matches!(c, '。' | '；' | ';' | '.'))
    };
    for lines in by_style.values() {
        if lines.len() < 3 {
            continue;
        }
        let ends: Vec<Option<char>> = lines.iter().map(|(_, l)| end_mark(l)).collect();
        for (k, e) in ends.iter().enumerate() {
            let others: Vec<&Option<char>> = ends
                .iter()
                .enumerate()
                .filter(|(o, _)| *o != k)
                .map(|(_, x)| x)
                .collect();
            let usual = *others[0];
            if others.iter().any(|o| **o != usual) || *e == usual {
                continue;
            }
            let last = k == ends.len() - 1;
            if last && *e == Some('。') && matches!(usual, Some('；') | Some(';')) {
                continue;
            }
            let (at, line) = lines[k];
            return Some(match e {
                // Point at the mark itself, or at the line's end when it has none.
                Some(c) => (
                    at + line.len() - c.len_utf8(),
                    c.len_utf8(),
                    *e,
                    usual,
                    ends.len(),
                ),
                None => {
                    let last_len = line.chars().last().map_or(0, char::len_utf8);
                    (at + line.len() - last_len, last_len, *e, usual, ends.len())
                }
            });
        }
    }
    None
}

/// The mark after the first list number of a text (`.` or `、`), with its byte offset.
fn list_style(value: &str) -> Option<(usize, char)> {
    let mut offset = 0;
    for line in value.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // Byte length of the leading digits (full-width digits are three bytes).
        let digits = trimmed
            .char_indices()
            .find(|(_, c)| !is_arabic_digit(*c))
            .map_or(trimmed.len(), |(i, _)| i);
        if digits > 0 {
            let after = trimmed[digits..].chars().next();
            if let Some(mark @ ('.' | '．' | '、')) = after {
                // "1.5" is a number.
                let next = trimmed[digits + mark.len_utf8()..].chars().next();
                if !next.is_some_and(|c| c.is_ascii_digit()) {
                    let mark = if mark == '、' { '、' } else { '.' };
                    return Some((offset + indent + digits, mark));
                }
            }
        }
        offset += line.len();
    }
    None
}

impl Rule for NumberingStyle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            // Power codes by kind.
            let mut kinds: BTreeMap<u32, BTreeMap<u32, usize>> = BTreeMap::new();
            for (ii, item) in jur.items.iter().enumerate() {
                if let Some((kind, n)) = item
                    .item
                    .power_code
                    .as_ref()
                    .and_then(|c| power_number(c.get_ref()))
                {
                    kinds.entry(kind).or_default().insert(n, ii);
                }
            }
            for (kind, numbers) in &kinds {
                let mut expected = 1;
                for (&n, &ii) in numbers {
                    if n > expected {
                        let item = &jur.items[ii];
                        let code = item.item.power_code.as_ref().expect("has a code");
                        let missing: Vec<String> =
                            (expected..n).map(|m| format!("{kind}-{m}")).collect();
                        out.push(
                            Finding::span(
                                META.code,
                                item.file_of(Field::PowerCode),
                                code.span(),
                                j,
                                Some(item.key.clone()),
                                {
                                    let missing = missing.join(&*t!("list.sep"));
                                    let next = format!("{kind}-{n}");
                                    if missing.split(&*t!("list.sep")).count() == 1 {
                                        t!(
                                            "ZN609.gap",
                                            missing = missing,
                                            jurisdiction = jur.name,
                                            next = next
                                        )
                                    } else {
                                        t!(
                                            "ZN609.gap-many",
                                            missing = missing,
                                            jurisdiction = jur.name,
                                            next = next
                                        )
                                    }
                                },
                            )
                            .help(t!("ZN609.gap-help")),
                        );
                    }
                    expected = n + 1;
                }
            }

            // Entries of one numbered list that end differently.
            for (_, text) in ctx.texts_in(j) {
                if matches!(
                    text.field,
                    FieldPath::Item(Field::Materials | Field::LegalBasis)
                ) || !text.value.contains('\n')
                {
                    continue;
                }
                if let Some((at, len, odd, usual, n)) = odd_ending(text.value) {
                    let what = |c: Option<char>| {
                        c.map_or(t!("ZN609.no-mark").into_owned(), |c| {
                            t!("quote", text = c).into_owned()
                        })
                    };
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            at..at + len,
                            t!(
                                "ZN609.ending",
                                odd = what(odd),
                                count = n - 1,
                                usual = what(usual)
                            ),
                        )
                        .help(t!("ZN609.ending-help")),
                    );
                }
            }

            // List styles in the charts.
            let mut styles: BTreeMap<char, Vec<(usize, usize)>> = BTreeMap::new();
            for (ti, text) in ctx.texts_in(j) {
                if !matches!(
                    text.field,
                    FieldPath::Flow(FlowPart::Node | FlowPart::Caption)
                ) {
                    continue;
                }
                if let Some((at, mark)) = list_style(text.value) {
                    styles.entry(mark).or_default().push((ti, at));
                }
            }
            if styles.len() < 2 {
                continue;
            }
            let (usual, usual_n) = styles
                .iter()
                .max_by_key(|(_, v)| v.len())
                .map(|(m, v)| (*m, v.len()))
                .expect("two styles");
            for (mark, places) in &styles {
                if *mark == usual || places.len() >= usual_n {
                    continue;
                }
                for &(ti, at) in places {
                    let text = &ctx.texts[ti];
                    let len = text.value[at..].chars().next().map_or(1, char::len_utf8);
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            at..at + len,
                            t!(
                                "ZN609.style",
                                mark = mark,
                                usual = usual,
                                count = usual_n,
                                jurisdiction = jur.name
                            ),
                        )
                        .help(t!("ZN609.style-help", usual = usual))
                        .fix(usual.to_string(), false),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_endings() {
        let v = "1. 与其他费用合并支付\n2. 有条件的地区可联网\n3. 应提供授权书\n4. 暂无产前检查费支付。\n";
        let (at, _, odd, usual, n) = odd_ending(v).unwrap();
        assert_eq!(&v[at..at + '。'.len_utf8()], "。");
        assert_eq!((odd, usual, n), (Some('。'), None, 4));
        // The usual Chinese list: entries end in ；, the last in 。.
        assert!(odd_ending("（一）甲；\n（二）乙；\n（三）丙。\n").is_none());
        // Entries ending in a colon introduce sub-lists.
        assert!(odd_ending("1. 甲：\n2. 乙。\n3. 丙：\n4. 丁：\n").is_none());
        assert_eq!(
            list_style("提交资料：\n1.有效身份证件").map(|s| s.1),
            Some('.')
        );
        assert_eq!(
            list_style("提交资料：\n1、有效身份证件").map(|s| s.1),
            Some('、')
        );
        assert_eq!(power_number("6-11"), Some((6, 11)));
    }
}
