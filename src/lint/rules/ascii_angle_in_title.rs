//! ZN222 ascii-angle-in-title: ASCII `<` `>` used as inner title marks inside 《》
//! (《关于修改<中华人民共和国社会保险法>的决定》).

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    AsciiAngleInTitle,
    r#"## What it does
Flags the ASCII signs `<` and `>` inside a title in 《》. A title inside a title is marked with the
single 书名号 〈〉 (GB/T 15834): `《关于修改〈中华人民共和国社会保险法〉的决定》`.

## Why is this bad?
`<` and `>` are "less than" and "greater than"; in a Markdown field they may also be read as the
start of an HTML tag or an autolink and vanish from the printed guide.

`--fix` writes 〈〉.

## Example
```toml
legal_basis = ["《全国人民代表大会常务委员会关于修改<中华人民共和国社会保险法>的决定》"]
```

## Use instead
```toml
legal_basis = ["《全国人民代表大会常务委员会关于修改〈中华人民共和国社会保险法〉的决定》"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN222",
    name: "ascii-angle-in-title",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for AsciiAngleInTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            let v = text.value;
            let mut depth = 0usize;
            for (i, c) in v.char_indices() {
                match c {
                    '《' => depth += 1,
                    '》' => depth = depth.saturating_sub(1),
                    '<' | '>' if depth > 0 => {
                        let right = if c == '<' { "〈" } else { "〉" };
                        out.push(
                            Finding::at(
                                META.code,
                                ctx,
                                text,
                                i..i + 1,
                                format!("ASCII `{c}` inside a title in 《》"),
                            )
                            .help("mark a title inside a title with 〈〉")
                            .fix(right, true),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}
