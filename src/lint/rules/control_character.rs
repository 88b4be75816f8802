//! ZN112 control-character: invisible control or direction characters in a text.

use crate::diagnostic::{Severity, is_hidden};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    ControlCharacter,
    r#"## What it does
Flags control characters (ESC, BEL, NUL, … written as `\u001b` and the like; tabs and line breaks
are fine) and invisible formatting characters (zero-width spaces, right-to-left marks and
overrides) in any text of the sources.

## Why is this bad?
They print as nothing or as boxes, break searches and copy-paste of the published text, can reorder
what a reader sees (bidi overrides), and some would act on the terminal of whoever runs `zhinan`
on the sources. They come from pasting text out of other programs, never from intent.

`--fix` removes them.

## Example
```toml
name = "单位参保\u200b登记"
```

## Use instead
```toml
name = "单位参保登记"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN112",
    name: "control-character",
    severity: Severity::Error,
    doc: DOC,
};

impl Rule for ControlCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            if !text.value.contains(is_hidden) {
                continue;
            }
            // One finding per run of hidden characters.
            let mut run: Option<(usize, usize)> = None;
            let mut runs = Vec::new();
            for (i, c) in text.value.char_indices() {
                if is_hidden(c) {
                    let end = i + c.len_utf8();
                    run = Some(run.map_or((i, end), |(s, _)| (s, end)));
                } else if let Some(r) = run.take() {
                    runs.push(r);
                }
            }
            runs.extend(run);
            for (start, end) in runs {
                let names: Vec<String> = text.value[start..end]
                    .chars()
                    .map(|c| format!("U+{:04X}", c as u32))
                    .collect();
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        start..end,
                        t!("ZN112.message", characters = names.join(" ")),
                    )
                    .help(t!("ZN112.help"))
                    .fix("", true),
                );
            }
        }
    }
}
