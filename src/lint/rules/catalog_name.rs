//! ZN608 catalog-name: an item or 主项 named otherwise than the governing catalog names it.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

use super::flow_title::normalize;

rule_doc!(
    CatalogName,
    r#"## What it does
Compares the name a city or county gives an item (or a 主项) with the governing catalog's name for the
same code, and reports a different name (a warning). Differences of bracket width or spacing alone are
left to the punctuation rules.

## Why is this bad?
Every level publishes an item under the catalog's name (六统一: the same name, code, materials, time
limit …): a name with a remark (产前检查费支付(暂无)), an older wording (…参保信息查询… for
…信息查询…) or a word added makes the item hard to find and match with the catalog.

## Example
```toml
[main]
code = "13203600200Y"
name = "基本医疗保险参保信息查询和个人账户一次性支取"
```

## Use instead
```toml
[main]
code = "13203600200Y"
name = "基本医疗保险信息查询和个人账户一次性支取"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN608",
    name: "catalog-name",
    severity: Severity::Warning,
    doc: DOC,
};

fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

impl Rule for CatalogName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let province = project.province;
        let catalog = project.catalog();
        for text in ctx.texts_of("name") {
            if text.jurisdiction == province {
                continue;
            }
            let Some(item) = ctx.item(text) else { continue };
            let Some(c) = project.catalog_item(item) else {
                continue;
            };
            if same(text.value, c.name()) {
                continue;
            }
            let mut f = Finding::at(
                META.code,
                ctx,
                text,
                0..text.value.len(),
                format!("the catalog names item {} `{}`", item.key, c.name()),
            )
            .help("publish the item under the catalog's name; put remarks in notes")
            .fix(c.name(), false);
            if let Some(n) = &c.item.name {
                f = f.related(c.file_of("name"), n.span(), "the catalog's name");
            }
            out.push(f);
        }
        for text in ctx.texts_of("main.name") {
            if text.jurisdiction == province {
                continue;
            }
            let Some(code) = &text.item_key else { continue };
            let Some((cfile, cmain)) = catalog.mains.iter().find(|(_, m)| m.code.get_ref() == code)
            else {
                continue;
            };
            if same(text.value, cmain.name.get_ref()) {
                continue;
            }
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    text,
                    0..text.value.len(),
                    format!("the catalog names 主项 {code} `{}`", cmain.name.get_ref()),
                )
                .help("publish the 主项 under the catalog's name")
                .related(*cfile, cmain.name.span(), "the catalog's name")
                .fix(cmain.name.get_ref().clone(), false),
            );
        }
    }
}
