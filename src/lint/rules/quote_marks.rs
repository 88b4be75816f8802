//! ZN119 quote-marks: Chinese quotation marks that open with a closing mark or never close
//! (”市医疗保障局”, “在线办理).

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    QuoteMarks,
    r#"## What it does
Pairs the Chinese double quotation marks “ ” of a text and flags a closing mark ” with no open
quotation before it (a quotation opened with the wrong mark), and an opening mark “ that is never
closed.

## Why is this bad?
A reversed or lone quotation mark makes the reader guess where the quoted name (a button, a menu, a
WeChat account) begins and ends; GB/T 15834 opens with “ and closes with ”.

## Example
```toml
online = "打开菜单选择”市医疗保障局”，找到职工参保登记。"
```

## Use instead
```toml
online = "打开菜单选择“市医疗保障局”，找到职工参保登记。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN119",
    name: "quote-marks",
    severity: Severity::Warning,
    doc: DOC,
};

/// Byte offsets of misplaced marks: a ” with nothing open, then a “ left open at the end.
fn misplaced(v: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in v.char_indices() {
        match c {
            '“' => open.push(i),
            '”' if open.pop().is_none() => out.push((i, c)),
            _ => {}
        }
    }
    out.extend(open.into_iter().map(|i| (i, '“')));
    out.sort();
    out
}

impl Rule for QuoteMarks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            if !text.value.contains(['“', '”']) {
                continue;
            }
            // One finding per text: a misplaced mark unbalances the rest of it.
            if let Some(&(at, c)) = misplaced(text.value).first() {
                let message = if c == '”' {
                    "closing quotation mark ” with no “ before it"
                } else {
                    "opening quotation mark “ that is never closed"
                };
                out.push(
                    Finding::at(META.code, ctx, text, at..at + c.len_utf8(), message)
                        .help("open a quotation with “ and close it with ”"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::misplaced;

    #[test]
    fn reversed_and_lone_marks() {
        assert_eq!(misplaced("选择”市医疗保障局”").len(), 2);
        assert_eq!(misplaced("“在线办理").len(), 1);
        assert!(misplaced("选择“市医疗保障局”和“在线办理”").is_empty());
    }
}
