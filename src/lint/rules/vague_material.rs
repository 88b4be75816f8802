//! ZN410 vague-material: a material that names no document (相关材料, 其他证明) and does not say which.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    VagueMaterial,
    r#"## What it does
Flags an entry of 申请材料 that asks for "related documents" without naming them: one of the words
listed as `vague_materials` in `catalog/reference/terms.toml` (相关材料, 其他证明, 有关资料 …), when
the entry does not go on to list them (a colon or an opening bracket followed by more text).

## Why is this bad?
An applicant cannot prepare "相关证明": they come to the window, learn what is missing and come back.
A guide exists to make one visit enough (一次性告知).

## Example
```toml
materials = ["“三无”人员提供低保证和相关证明"]
```

## Use instead
```toml
materials = ["“三无”人员提供低保证和乡镇（街道）出具的“三无”人员证明"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN410",
    name: "vague-material",
    severity: Severity::Warning,
    doc: DOC,
};

/// Does the text after a vague word say which documents (：…, （…）)?
fn explained(after: &str) -> bool {
    let after = after.trim_start();
    let mut chars = after.chars();
    match chars.next() {
        Some('：' | ':' | '（' | '(') => {
            chars
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
                >= 2
        }
        _ => false,
    }
}

impl Rule for VagueMaterial {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let words = &ctx.reference.terms.vague_materials;
        for text in ctx.texts_of("materials") {
            let v = text.value;
            let found = words
                .iter()
                .filter(|w| !w.is_empty())
                .filter_map(|w| v.find(w.as_str()).map(|at| (at, w)))
                .find(|(at, w)| !explained(&v[at + w.len()..]));
            if let Some((at, w)) = found {
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + w.len(),
                        format!("`{w}` names no document"),
                    )
                    .help("name the documents an applicant must bring"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::explained;

    #[test]
    fn a_list_after_the_word_explains_it() {
        assert!(explained("：户口簿、结婚证"));
        assert!(explained("（出生医学证明等）"));
        assert!(!explained(""));
        assert!(!explained("。"));
    }
}
