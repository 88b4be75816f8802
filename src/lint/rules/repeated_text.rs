//! ZN631 repeated-text: a field that repeats another field of the same item word for word (备注 =
//! 查询方式), or a paragraph printed twice within one field (省内转入 copied from 省外转入).

use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::lint::context::TextRef;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    RepeatedText,
    r#"## What it does
Flags two kinds of copied text:

- a field of an item whose whole text is another field's (备注 that repeats 查询方式, 办理方式 that
  repeats 申请条件), when the text has at least 6 characters;
- a paragraph (a line of at least 15 characters) printed twice within one field: the second case of
  a procedure copied from the first and never rewritten.

Only the fields of running text are compared: 申请条件, 办理流程, 办理渠道, 查询方式, 备注, 服务对象,
评价渠道, 网上办理.

## Why is this bad?
A copied cell hides the text that belonged there: the reader gets the same answer twice and no
answer to the second question.

## Example
```toml
query = "经办窗口或网上查询"
notes = "经办窗口或网上查询"
```

## Use instead
```toml
query = "经办窗口或网上查询"
notes = "参保人员可通过国家医保服务平台APP查询办理进度。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN631",
    name: "repeated-text",
    severity: Severity::Warning,
    doc: DOC,
};

/// Fields of running text compared with each other.
const FIELDS: &[&str] = &[
    "target",
    "conditions",
    "channels",
    "steps",
    "query",
    "online",
    "evaluation",
    "notes",
];

/// Shortest whole field, in characters, whose repetition is reported.
const MIN_FIELD_CHARS: usize = 6;

/// Shortest paragraph, in characters, whose repetition within a field is reported.
const MIN_PARAGRAPH_CHARS: usize = 15;

fn significant(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// A paragraph printed a second time within the text: its byte range.
fn repeated_paragraph(v: &str) -> Option<std::ops::Range<usize>> {
    let mut seen: Vec<&str> = Vec::new();
    let mut offset = 0;
    for line in v.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if significant(trimmed) < MIN_PARAGRAPH_CHARS {
            continue;
        }
        if seen.contains(&trimmed) {
            let at = start + line.find(trimmed).unwrap_or(0);
            return Some(at..at + trimmed.len());
        }
        seen.push(trimmed);
    }
    None
}

impl Rule for RepeatedText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let mut by_item: BTreeMap<(usize, usize), Vec<&TextRef>> = BTreeMap::new();
        for text in ctx.texts.iter().filter(|t| FIELDS.contains(&t.field)) {
            if let Some(item) = text.item {
                by_item
                    .entry((text.jurisdiction, item))
                    .or_default()
                    .push(text);
            }
            if let Some(range) = repeated_paragraph(text.value) {
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        range,
                        "this paragraph is printed twice in the same field",
                    )
                    .help("write what this case needs, or remove the copy"),
                );
            }
        }
        for texts in by_item.values() {
            for (k, text) in texts.iter().enumerate() {
                let v = text.value.trim();
                if significant(v) < MIN_FIELD_CHARS {
                    continue;
                }
                if let Some(first) = texts[..k]
                    .iter()
                    .find(|t| t.field != text.field && t.value.trim() == v)
                {
                    let at = text.value.find(v).unwrap_or(0);
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            at..at + v.len(),
                            format!("`{}` repeats `{}` word for word", text.field, first.field),
                        )
                        .help("write this field's own content, or leave the field out"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::repeated_paragraph;

    #[test]
    fn a_paragraph_printed_twice() {
        let v = "省外转入：\n⑴参保人员在申请办理转入手续前需先办理参保手续；\n省内转入：\n⑴参保人员在申请办理转入手续前需先办理参保手续；\n";
        let r = repeated_paragraph(v).unwrap();
        assert!(r.start > v.find("省内").unwrap());
        assert!(repeated_paragraph("短句\n短句").is_none());
    }
}
