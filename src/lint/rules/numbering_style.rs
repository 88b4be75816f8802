//! ZN609 numbering-style: gaps in a jurisdiction's power codes, and list numbers written two ways in
//! its charts.

use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::chars::is_arabic_digit;

rule_doc!(
    NumberingStyle,
    r#"## What it does
Checks how a jurisdiction numbers things:

- 职权编码 (`power_code`, `6-3`): within each kind (the number before the dash), the numbers run
  from 1 without a gap; a missing `6-2` between `6-1` and `6-3` is reported at `6-3`;
- the numbered lists inside flowchart boxes (提交资料：1、… 2、…) use one style: when most charts write
  `1、` and a few write `1.` (or the other way round), the few are reported.

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
};

/// `6-3` → (6, 3).
fn power_number(code: &str) -> Option<(u32, u32)> {
    let (kind, n) = code.trim().split_once(['-', '－'])?;
    Some((kind.parse().ok()?, n.parse().ok()?))
}

/// The mark after the first list number of a text (`.` or `、`), with its byte offset.
fn list_style(value: &str) -> Option<(usize, char)> {
    let mut offset = 0;
    for line in value.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let digits = trimmed.chars().take_while(|c| is_arabic_digit(*c)).count();
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
                                item.file_of("power_code"),
                                code.span(),
                                j,
                                Some(item.key.clone()),
                                format!(
                                    "{} of {} {} missing before {kind}-{n}",
                                    missing.join(", "),
                                    jur.name,
                                    if missing.len() == 1 { "is" } else { "are" }
                                ),
                            )
                            .help("publish the missing powers, or number the codes without gaps"),
                        );
                    }
                    expected = n + 1;
                }
            }

            // List styles in the charts.
            let mut styles: BTreeMap<char, Vec<(usize, usize)>> = BTreeMap::new();
            for (ti, text) in ctx.texts_in(j) {
                if !matches!(text.field, "flow.node" | "flow.caption") {
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
                            format!(
                                "list numbered `1{mark}` here, `1{usual}` in {usual_n} other charts of {}",
                                jur.name
                            ),
                        )
                        .help(format!("number the lists of one set of charts the same way: `1{usual}`"))
                        .fix(usual.to_string(), false),
                    );
                }
            }
        }
    }
}
