//! ZN105 bracket-width: a half-width bracket paired with a full-width one, `(…）` or `（…)`.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::chars::{is_arabic_digit, is_chinese_numeral};

rule_doc!(
    BracketWidth,
    r#"## What it does
Pairs the round brackets of each text, half-width `( )` and full-width `（ ）` alike, and flags a pair
whose two halves have different widths: `(随来随受理）`, `（零星)`. A closing bracket without an
opening one (or the reverse) is reported as a warning, except list numbers such as `1）`.

## Why is this bad?
A mixed pair is a typing slip (the input method switched in the middle). It looks broken in print,
and a search for the full-width form misses the text.

`--fix` makes the half-width bracket full-width, as Chinese text requires.

## Example
```toml
text = "资料受理：对申报材料予以受理(随来随受理）"
```

## Use instead
```toml
text = "资料受理：对申报材料予以受理（随来随受理）"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN105",
    name: "bracket-width",
    severity: Severity::Error,
    doc: DOC,
};

/// A matched or unmatched bracket of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// Byte offsets of an opening and its closing bracket.
    Pair(usize, usize),
    UnmatchedOpen(usize),
    UnmatchedClose(usize),
}

/// Match round brackets of both widths.
pub fn match_brackets(value: &str) -> Vec<Bracket> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in value.char_indices() {
        match c {
            '(' | '（' => stack.push(i),
            // `2)` at the start of a line numbers a list: it closes nothing.
            ')' | '）' if list_number_before(value, i) => {}
            ')' | '）' => match stack.pop() {
                Some(open) => out.push(Bracket::Pair(open, i)),
                None => out.push(Bracket::UnmatchedClose(i)),
            },
            _ => {}
        }
    }
    out.extend(stack.into_iter().map(Bracket::UnmatchedOpen));
    out
}

pub fn is_half(value: &str, at: usize) -> bool {
    value[at..].starts_with(['(', ')'])
}

/// `1）`, `一)`, `②)` at the start of a line: a list number, not a lone bracket.
fn list_number_before(value: &str, close: usize) -> bool {
    let line_start = value[..close].rfind('\n').map_or(0, |i| i + 1);
    let before = value[line_start..close].trim_start();
    !before.is_empty()
        && before
            .chars()
            .all(|c| is_arabic_digit(c) || is_chinese_numeral(c))
}

impl Rule for BracketWidth {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            let v = text.value;
            if !v.contains(['(', ')', '（', '）']) {
                continue;
            }
            for b in match_brackets(v) {
                match b {
                    Bracket::Pair(open, close) => {
                        let (ho, hc) = (is_half(v, open), is_half(v, close));
                        if ho == hc {
                            continue;
                        }
                        let (at, half, full, other) = if ho {
                            (open, '(', '（', '）')
                        } else {
                            (close, ')', '）', '（')
                        };
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                text,
                                at..at + 1,
                                t!("ZN105.message", half = half, other = other),
                            )
                            .help(t!("ZN105.help", full = full))
                            .fix(full.to_string(), true),
                        );
                    }
                    Bracket::UnmatchedClose(at) => {
                        let len = v[at..].chars().next().map_or(1, char::len_utf8);
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                text,
                                at..at + len,
                                t!("ZN105.unopened"),
                            )
                            .help(t!("ZN105.unopened-help"))
                            .severity(Severity::Warning)
                            .fix("", false),
                        );
                    }
                    Bracket::UnmatchedOpen(at) => {
                        let len = v[at..].chars().next().map_or(1, char::len_utf8);
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                text,
                                at..at + len,
                                t!("ZN105.unclosed"),
                            )
                            .help(t!("ZN105.unclosed-help"))
                            .severity(Severity::Warning),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_close_nothing() {
        let v = "说明（详见附件\n2) 其他";
        assert_eq!(
            match_brackets(v),
            vec![Bracket::UnmatchedOpen(v.find('（').unwrap())]
        );
        let v = "受理(随来随受理）";
        assert_eq!(match_brackets(v), vec![Bracket::Pair(6, 22)]);
    }
}
