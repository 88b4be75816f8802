//! ZN221 unmarked-title: a document named in running text without 书名号 (符合生育保险条例的,
//! 按照两定机构协议管理办法执行).

use crate::diagnostic::Severity;
use crate::lint::context::TextRef;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::chars::is_han;

rule_doc!(
    UnmarkedTitle,
    r#"## What it does
Flags a document title in running text (申请条件, 办理流程, 备注, 申请材料) written without 《》: a
verb that introduces a document (`title_verbs` in `catalog/reference/terms.toml`: 根据, 按照, 符合 …)
followed by a name of at least `min_title_chars` characters (4) ending in a title word
(`title_endings`: 条例, 办法, 规定 …). Phrases that are not titles are left alone: those starting
with a word of `not_title_starts` (按照有关规定, 根据国家规定, 符合本办法 …) or containing one of
`not_title_words` (疾病管理相关规定).

legal-basis-without-title-marks (ZN211) checks the 设定依据 list itself.

## Why is this bad?
Without 《》 a reader cannot tell a document's title from a description, and cannot look the
document up; GB/T 15834 marks every title of a document with 书名号.

## Example
```toml
conditions = "符合生育保险条例的妇女生育后，可以申请领取生育生活津贴。"
```

## Use instead
```toml
conditions = "符合《上海市城镇生育保险办法》的妇女生育后，可以申请领取生育生活津贴。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN221",
    name: "unmarked-title",
    severity: Severity::Warning,
    doc: DOC,
};

/// Fields of running text where documents are named.
const FIELDS: &[&str] = &["conditions", "steps", "notes", "materials", "target"];

/// Shortest title, in characters, including its ending (生育保险条例 has 6).
const MIN_TITLE_CHARS: usize = 4;

/// Longest title looked for, in characters.
const MAX_TITLE_CHARS: usize = 40;

fn check_text(ctx: &Context, text: &TextRef, out: &mut Vec<Finding>) {
    let terms = &ctx.reference.terms;
    let v = text.value;
    for verb in terms.title_verbs.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(i) = v[from..].find(verb.as_str()) {
            let start = from + i + verb.len();
            from = start;
            if v[..start - verb.len()].ends_with('《') || v[start..].starts_with('《') {
                continue;
            }
            // The title: Han characters only, up to the first title ending.
            let mut title_end = None;
            for (n, (k, c)) in v[start..].char_indices().enumerate() {
                if !is_han(c) || n >= MAX_TITLE_CHARS {
                    break;
                }
                let end = start + k + c.len_utf8();
                if terms
                    .title_endings
                    .iter()
                    .any(|e| v[start..end].ends_with(e.as_str()))
                {
                    title_end = Some(end);
                    break;
                }
            }
            let Some(end) = title_end else { continue };
            let title = &v[start..end];
            if title.chars().count() < MIN_TITLE_CHARS
                || terms
                    .not_title_starts
                    .iter()
                    .any(|s| title.starts_with(s.as_str()))
                || terms
                    .not_title_words
                    .iter()
                    .any(|w| title.contains(w.as_str()))
            {
                continue;
            }
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    text,
                    start..end,
                    format!("`{title}` reads as a document's title but has no 《》"),
                )
                .help(
                    "write the document's full title in 《》, or describe it without a title word",
                ),
            );
            return;
        }
    }
}

impl Rule for UnmarkedTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in ctx.texts.iter().filter(|t| FIELDS.contains(&t.field)) {
            check_text(ctx, text, out);
        }
    }
}
