//! ZN102 doubled-word: a word written twice in a row (审核审核, 信息信息, 参保人员参保人员).

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::chars::is_han;

rule_doc!(
    DoubledWord,
    r#"## What it does
Flags a run of two or more Han characters repeated immediately (信息信息, 审核审核,
参保人员参保人员), and a doubled function word (的的, 和和: the characters listed as `particles` in
`catalog/reference/terms.toml`).

Reduplications that are correct Chinese (常常, 研究研究, 一个一个) are listed under `reduplications`
in `terms.toml` and never flagged. Other doubled single characters are not flagged either: almost
always two words meet (进行行政, 病种种类).

## Why is this bad?
A doubled word is a copy-paste or typing slip that readers notice at once; in a form or flowchart
title it makes the name differ from the catalog's.

`--fix` removes the repeat.

## Example
```toml
notes = "有条件的地区可与相关部门联网实时推送救助对象身份信息信息。"
```

## Use instead
```toml
notes = "有条件的地区可与相关部门联网实时推送救助对象身份信息。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN102",
    name: "doubled-word",
    severity: Severity::Error,
    doc: DOC,
};

/// Longest repeated unit looked for, in characters.
const MAX_UNIT: usize = 10;

impl Rule for DoubledWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let terms = &ctx.reference.terms;
        for text in &ctx.texts {
            let chars: Vec<(usize, char)> = text.value.char_indices().collect();
            let n = chars.len();
            let mut i = 0;
            while i < n {
                if !is_han(chars[i].1) {
                    i += 1;
                    continue;
                }
                let mut found = None;
                // Longest unit first: 参保人员参保人员 is one doubled word, not two.
                for len in (1..=MAX_UNIT.min((n - i) / 2)).rev() {
                    // Quick reject: the unit's first character must come back `len` later.
                    if chars[i + len].1 != chars[i].1 {
                        continue;
                    }
                    let unit = &chars[i..i + len];
                    if !unit.iter().all(|c| is_han(c.1)) {
                        continue;
                    }
                    if unit
                        .iter()
                        .zip(&chars[i + len..i + 2 * len])
                        .all(|(a, b)| a.1 == b.1)
                    {
                        found = Some(len);
                        break;
                    }
                }
                let Some(len) = found else {
                    i += 1;
                    continue;
                };
                let start = chars[i].0;
                let mid = chars[i + len].0;
                let end = chars.get(i + 2 * len).map_or(text.value.len(), |c| c.0);
                let word = &text.value[start..mid];
                let doubled = &text.value[start..end];
                let allowed = terms.reduplications.iter().any(|r| {
                    r == doubled || (r.contains(doubled) && text.value.contains(r.as_str()))
                });
                // 一个一个, 一步一步: 一 + measure word, repeated, is a normal pattern.
                let measure = len == 2 && word.starts_with('一');
                let flag =
                    !allowed && !measure && (len >= 2 || terms.particles.iter().any(|p| p == word));
                if flag {
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            mid..end,
                            t!("ZN102.message", word = word),
                        )
                        .help(t!("ZN102.help", doubled = doubled, word = word))
                        .fix("", true),
                    );
                    i += 2 * len;
                } else {
                    i += 1;
                }
            }
        }
    }
}
