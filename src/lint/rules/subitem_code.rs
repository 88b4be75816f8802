//! ZN601 subitem-code: a 子项 code whose first 9 digits are not its 主项's.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    SubitemCode,
    r#"## What it does
Checks the codes of every item against the 主项 (`[main]`) of the file that declares it:

- an item code has 12 characters: 11 digits and a digit, or `Y` for a 主项 code used as an item;
- a 子项's first 9 digits are its 主项's (`132036001001` belongs to `13203600100Y`);
- a 主项 without 子项 ends in `000`, and its only item carries the same code (`132036005000`).

## Why is this bad?
The code is how an item is found in every list and system (一网通办). A 子项 filed under the wrong 主项,
or a mistyped code, breaks the link between the county's item and the catalog's.

## Example
```toml
[main]
code = "13203600100Y"

[[item]]
code = "132036002001"
```

## Use instead
```toml
[main]
code = "13203600200Y"

[[item]]
code = "132036002001"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN601",
    name: "subitem-code",
    severity: Severity::Error,
    doc: DOC,
};

fn well_formed(code: &str) -> bool {
    code.len() == 12
        && code.is_ascii()
        && code[..11].bytes().all(|b| b.is_ascii_digit())
        && (code.as_bytes()[11].is_ascii_digit() || code.ends_with('Y'))
}

impl Rule for SubitemCode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            for item in &jur.items {
                let Some(code) = &item.item.code else {
                    continue;
                };
                let c = code.get_ref().as_str();
                let file = item.decl.file;
                if !well_formed(c) {
                    out.push(
                        Finding::span(
                            META.code,
                            file,
                            code.span(),
                            j,
                            Some(item.key.clone()),
                            t!("ZN601.length", code = c),
                        )
                        .help(t!("ZN601.length-help")),
                    );
                    continue;
                }
                // Only the 主项 stated in the item's own file: inherited ones are checked at their source.
                let Some((main_file, main)) = &item.main else {
                    continue;
                };
                if *main_file != file {
                    continue;
                }
                let m = main.code.get_ref().as_str();
                if !well_formed(m) || c == m {
                    continue;
                }
                if c.ends_with('Y') {
                    continue; // a 主项 code used as an item: another 主项 than the file's is allowed.
                }
                if c[..9] != m[..9] {
                    out.push(
                        Finding::span(
                            META.code,
                            file,
                            code.span(),
                            j,
                            Some(item.key.clone()),
                            t!(
                                "ZN601.other-main",
                                code = c,
                                main = m,
                                prefix = &c[..9],
                                main_prefix = &m[..9]
                            ),
                        )
                        .help(t!("ZN601.other-main-help"))
                        .related(*main_file, main.code.span(), t!("ZN601.related")),
                    );
                } else if m.ends_with("000") {
                    out.push(
                        Finding::span(
                            META.code,
                            file,
                            code.span(),
                            j,
                            Some(item.key.clone()),
                            t!("ZN601.no-subitems", main = m, code = c),
                        )
                        .help(t!("ZN601.no-subitems-help"))
                        .related(*main_file, main.code.span(), t!("ZN601.related")),
                    );
                }
            }
        }
    }
}
