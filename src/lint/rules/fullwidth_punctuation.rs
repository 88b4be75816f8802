//! ZN109 fullwidth-punctuation: half-width `, ; : ( ) .` in Chinese text.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::chars::{fullwidth, is_cjk_punct, is_han};
use rust_i18n::t;

use crate::text::brackets::{Bracket, is_half, match_brackets};

rule_doc!(
    FullwidthPunctuation,
    r#"## What it does
Flags half-width punctuation (`,` `;` `:` `?` `!` `.`, pairs of `( )`, and hyphens used as a dash
between two Han characters, `主项--子项`) written in Chinese text: next to a Han character, or, for
brackets, around Chinese words. One finding per line lists all of
them. Mixed bracket pairs are left to `bracket-width`; addresses, numbers (`1.5`) and list numbers
(`1.`) are not touched.

## Why is this bad?
Chinese text takes full-width punctuation (GB/T 15834): a half-width comma or bracket in the middle
of a sentence looks like a typing slip, and the same document then mixes two kinds of punctuation.

`--fix` writes the full-width marks.

## Example
```toml
notes = "主动放弃参加职工基本医疗保险的,需提供情况说明(原件)"
```

## Use instead
```toml
notes = "主动放弃参加职工基本医疗保险的，需提供情况说明（原件）"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN109",
    name: "fullwidth-punctuation",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

fn chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Byte offsets of half-width marks that stand in Chinese text.
pub fn offending(value: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = value.char_indices().collect();
    let mut out = Vec::new();
    let prev_non_space = |i: usize| {
        chars[..i]
            .iter()
            .rev()
            .map(|c| c.1)
            .take_while(|c| *c != '\n')
            .find(|c| *c != ' ')
    };
    let next_non_space = |i: usize| {
        chars[i + 1..]
            .iter()
            .map(|c| c.1)
            .take_while(|c| *c != '\n')
            .find(|c| *c != ' ')
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|c| c.1);
        let flag = match c {
            ',' | ';' | '?' | '!' => {
                prev_non_space(k).is_some_and(chinese) || next_non_space(k).is_some_and(is_han)
            }
            ':' => prev.is_some_and(chinese),
            '.' => prev.is_some_and(is_han) && next.is_none_or(|n| n.is_whitespace() || chinese(n)),
            _ => false,
        };
        if flag {
            out.push(i);
        }
    }
    // Hyphens used as a dash between Chinese words (主项--子项): the Chinese dash is ——.
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 != '-' {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && chars[k].1 == '-' {
            k += 1;
        }
        let before = start.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(k).map(|c| c.1);
        if before.is_some_and(chinese) && after.is_some_and(chinese) {
            out.extend(chars[start..k].iter().map(|c| c.0));
        }
    }
    for b in match_brackets(value) {
        if let Bracket::Pair(open, close) = b {
            if !(is_half(value, open) && is_half(value, close)) {
                continue;
            }
            let inner = &value[open + 1..close];
            let before = value[..open].chars().next_back();
            let after = value[close + 1..].chars().next();
            if inner.chars().any(is_han) || before.is_some_and(is_han) || after.is_some_and(is_han)
            {
                out.push(open);
                out.push(close);
            }
        }
    }
    out.sort_unstable();
    out
}

impl Rule for FullwidthPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            let v = text.value;
            // Steps separators are step-separator's business.
            if text.field == FieldPath::Item(Field::Steps)
                || !v.contains([',', ';', ':', '?', '!', '.', '(', '-'])
                || !v.chars().any(is_han)
            {
                continue;
            }
            let marks = offending(v);
            // One finding per line.
            let mut k = 0;
            while k < marks.len() {
                let line_end = v[marks[k]..].find('\n').map_or(v.len(), |e| marks[k] + e);
                let mut last = k;
                while last + 1 < marks.len() && marks[last + 1] < line_end {
                    last += 1;
                }
                let (start, end) = (marks[k], marks[last] + 1);
                let fixed: String = v[start..end]
                    .chars()
                    .enumerate()
                    .map(|(n, c)| {
                        let at = start
                            + v[start..]
                                .chars()
                                .take(n)
                                .map(char::len_utf8)
                                .sum::<usize>();
                        if marks[k..=last].contains(&at) {
                            if c == '-' {
                                '—'
                            } else {
                                fullwidth(c).unwrap_or(c)
                            }
                        } else {
                            c
                        }
                    })
                    .collect();
                let list: Vec<String> = marks[k..=last]
                    .iter()
                    .map(|&m| t!("quote", text = &v[m..m + 1]).into_owned())
                    .collect();
                let message = t!("ZN109.message", marks = list.join(" "));
                out.push(
                    Finding::at(META.code, ctx, text, start..end, message)
                        .help(t!("ZN109.help"))
                        .fix(fixed, true),
                );
                k = last + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_marks() {
        let v = "在职职工:①表(加盖单位公章) ②证件,复印件.";
        let m = offending(v);
        let marks: String = m.iter().map(|&i| &v[i..i + 1]).collect();
        assert_eq!(marks, ":(),.");
        assert!(offending("<http://y1fwzx.example.gov.cn/>").is_empty());
        assert!(offending("1. 各地可通过查询").is_empty());
        assert!(offending("不超过1.5个").is_empty());
        assert!(offending("(随来随受理）").is_empty());
    }
}
