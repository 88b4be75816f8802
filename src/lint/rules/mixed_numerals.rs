//! ZN103 mixed-numerals: one number written partly in Chinese, partly in Arabic digits (第六49号).

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::numerals::{digit_value, is_arabic_digit};
use rust_i18n::t;

rule_doc!(
    MixedNumerals,
    r#"## What it does
Flags a number that mixes Chinese digits (〇 一 二 … 九) and Arabic digits (0–9) with nothing in
between, such as 第六49号 or 二〇2三年.

Arabic numbers followed by a Chinese unit (3万, 5千) are normal and not flagged.

## Why is this bad?
Such a number is a typing or conversion slip: it cannot be read with certainty and breaks every search
for the document (国务院令第649号 is not found as 第六49号).

The suggested fix writes the Chinese digits as Arabic digits; it is unsafe (the slip might be the other
way round), so `--fix` applies it only with `--unsafe-fixes`.

## Example
```toml
legal_basis = ["《社会救助暂行办法》（国务院令第六49号）第二十九条"]
```

## Use instead
```toml
legal_basis = ["《社会救助暂行办法》（国务院令第649号）第二十九条"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN103",
    name: "mixed-numerals",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for MixedNumerals {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            let value = text.value;
            if !value.bytes().any(|b| b.is_ascii_digit())
                && !value.contains(|c| ('０'..='９').contains(&c))
            {
                continue;
            }
            let chars: Vec<(usize, char)> = value.char_indices().collect();
            let mut i = 0;
            while i < chars.len() {
                let is_digit = |c: char| is_arabic_digit(c) || digit_value(c).is_some();
                if !is_digit(chars[i].1) {
                    i += 1;
                    continue;
                }
                let mut k = i;
                while k < chars.len() && is_digit(chars[k].1) {
                    k += 1;
                }
                let run = &chars[i..k];
                let arabic = run.iter().any(|c| is_arabic_digit(c.1));
                // 两 is a word (两个, 两证) more often than a digit; 一 too when it starts a word.
                let chinese = run
                    .iter()
                    .any(|c| digit_value(c.1).is_some() && c.1 != '两');
                if arabic && chinese && !leading_word(run) {
                    let start = run[0].0;
                    let end = chars.get(k).map_or(value.len(), |c| c.0);
                    let written = &value[start..end];
                    let fixed: String = run
                        .iter()
                        .map(|c| match digit_value(c.1) {
                            Some(d) => char::from_digit(d as u32, 10).expect("a digit"),
                            None => c.1,
                        })
                        .collect();
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            start..end,
                            t!("ZN103.message", written = written),
                        )
                        .help(t!("ZN103.help"))
                        .fix(fixed, false),
                    );
                }
                i = k;
            }
        }
    }
}

/// `1一次性`, `3一级`: an Arabic number followed by a word that starts with 一 is not a mixed number.
fn leading_word(run: &[(usize, char)]) -> bool {
    let first_chinese = run.iter().position(|c| digit_value(c.1).is_some());
    match first_chinese {
        Some(p) => {
            p > 0
                && p == run.len() - 1
                && run[p].1 == '一'
                && run[..p].iter().all(|c| is_arabic_digit(c.1))
        }
        None => false,
    }
}
