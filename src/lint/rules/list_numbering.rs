//! ZN632 list-numbering: the numbers of a list inside one text that skip, repeat or change style
//! (1、 2、 3. or 1. 2. 2. 4.).

use crate::diagnostic::Severity;
use crate::lint::context::TextRef;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::lists::{MarkerStyle, list_marker};
use rust_i18n::t;

rule_doc!(
    ListNumbering,
    r#"## What it does
Reads the numbered lines of one text (申请条件, 办理流程, 备注, a flowchart box): lines that start
with an Arabic number and a mark (`1、`, `1.`, `1．`). It flags

- a number that does not follow the one before (1. 2. 2. 4., 1、 3、),
- a mark that differs from the list's first one (1、 2、 3.).

Circled numbers (①), bracketed numbers ((1)) and Chinese numbers (一、) start lists of their own
(often nested), and are not compared with Arabic ones. numbering-style (ZN609) compares the style
of different texts with each other.

## Why is this bad?
A skipped or repeated number makes readers look for a condition or a material that is not there;
two styles in one list show a list assembled from pieces.

## Example
```toml
notes = """
1、医保电子凭证或有效身份证件或社保卡
2、《参保凭证》
3.《基本医疗保险关系转移接续申请表》
"""
```

## Use instead
```toml
notes = """
1、医保电子凭证或有效身份证件或社保卡
2、《参保凭证》
3、《基本医疗保险关系转移接续申请表》
"""
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN632",
    name: "list-numbering",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// A numbered line: the number, its mark and the byte range of "number + mark".
struct Numbered {
    n: u32,
    mark: char,
    range: std::ops::Range<usize>,
}

fn numbered_lines(v: &str) -> Vec<Numbered> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in v.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let body = line.trim_start();
        let Some((MarkerStyle::ArabicDot, n, len)) = list_marker(body) else {
            continue;
        };
        let Some(mark) = body[..len].chars().next_back() else {
            continue;
        };
        // A number of three digits or more (2023、) is a year or a count, not a list number.
        if body[..len - mark.len_utf8()].chars().count() > MAX_DIGITS {
            continue;
        }
        let at = start + line.len() - body.len();
        out.push(Numbered {
            n,
            mark,
            range: at..at + len,
        });
    }
    out
}

/// Digits of the longest list number read (a list of a hundred entries is not a guide's).
const MAX_DIGITS: usize = 2;

fn check_text(ctx: &Context, text: &TextRef, out: &mut Vec<Finding>) {
    let lines = numbered_lines(text.value);
    if lines.len() < 2 {
        return;
    }
    let first_mark = lines[0].mark;
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        // A new list may start again at 1.
        if b.n != a.n + 1 && b.n != 1 {
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    text,
                    b.range.clone(),
                    t!("ZN632.order", number = b.n, previous = a.n),
                )
                .help(t!("ZN632.order-help")),
            );
            return;
        }
    }
    if let Some(odd) = lines.iter().find(|l| l.mark != first_mark) {
        out.push(
            Finding::at(
                META.code,
                ctx,
                text,
                odd.range.clone(),
                t!(
                    "ZN632.mark",
                    number = odd.n,
                    mark = odd.mark,
                    first = first_mark
                ),
            )
            .help(t!("ZN632.mark-help", first = first_mark))
            .fix(format!("{}{}", odd.n, first_mark), true),
        );
    }
}

impl Rule for ListNumbering {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            check_text(ctx, text, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::numbered_lines;

    #[test]
    fn numbered_lines_and_marks() {
        let l = numbered_lines("提交材料：\n1、甲\n2、乙\n3.丙\n1.5倍");
        assert_eq!(l.len(), 3);
        assert_eq!(l[2].mark, '.');
        assert_eq!(l[2].n, 3);
    }
}
