//! ZN110 space-before-punctuation: a stray space before full-width punctuation (涉嫌欺诈骗保的 。).

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    SpaceBeforePunctuation,
    r#"## What it does
Flags spaces written right before a full-width closing or pausing mark (`。` `，` `、` `；` `：` `？`
`！` `）` `》` `”`) or right after an opening one (`（` `《` `“`), except the indentation at the start
of a line.

## Why is this bad?
Full-width punctuation carries its own spacing: a space in front of it leaves a visible gap in print
(涉嫌欺诈骗保的 。) and is usually left over from an edit.

`--fix` removes the space.

## Example
```toml
text = "2、涉嫌欺诈骗保的 。"
```

## Use instead
```toml
text = "2、涉嫌欺诈骗保的。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN110",
    name: "space-before-punctuation",
    severity: Severity::Warning,
    doc: DOC,
};

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            let v = text.value;
            if !v.contains([' ', '\u{3000}', '\u{a0}', '\t']) {
                continue;
            }
            let chars: Vec<(usize, char)> = v.char_indices().collect();
            let mut k = 0;
            while k < chars.len() {
                if !is_space(chars[k].1) {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < chars.len() && is_space(chars[k].1) {
                    k += 1;
                }
                let at_line_start = start == 0 || chars[start - 1].1 == '\n';
                let before = (!at_line_start).then(|| chars[start - 1].1);
                let after = chars.get(k).map(|c| c.1);
                let closing = after.is_some_and(|c| {
                    matches!(
                        c,
                        '。' | '，'
                            | '、'
                            | '；'
                            | '：'
                            | '？'
                            | '！'
                            | '）'
                            | '》'
                            | '”'
                            | '’'
                            | '」'
                            | '』'
                    )
                });
                let opening =
                    before.is_some_and(|c| matches!(c, '（' | '《' | '“' | '‘' | '「' | '『'));
                if at_line_start || !(closing || opening) {
                    continue;
                }
                let range = chars[start].0..chars.get(k).map_or(v.len(), |c| c.0);
                let mark = if closing {
                    after.unwrap_or(' ')
                } else {
                    before.unwrap_or(' ')
                };
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        range,
                        if closing {
                            t!("ZN110.before", mark = mark)
                        } else {
                            t!("ZN110.after", mark = mark)
                        },
                    )
                    .help(t!("ZN110.help"))
                    .fix("", true),
                );
            }
        }
    }
}
