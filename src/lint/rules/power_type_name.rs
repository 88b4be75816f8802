//! ZN607 power-type-name: a power whose name is that of another kind of power (a 处罚 filed as 行政检查).

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    PowerTypeName,
    r#"## What it does
For items with a `power_type` (职权类别), checks the end of the name against the words that end the
names of each kind of power, listed under `[[power_types]]` in `catalog/reference/terms.toml`
(行政处罚: 处罚; 行政检查: 检查, 稽核 …): a name that ends like another kind's names and not like its
own kind's is flagged. Kinds without listed endings (其他权力) are not checked.

## Why is this bad?
The kind of power decides the procedure (a 处罚 needs a 告知书 and a hearing, a 检查 does not). A power
named …的处罚 but filed as 行政检查 shows that the name, the type or the code was copied from another
power, and the wrong procedure chart follows.

## Example
```toml
power_type = "行政检查"
name = "对违反社会保险法律、法规行为的处罚"
```

## Use instead
```toml
power_type = "行政检查"
name = "对用人单位遵守社会保险法律、法规情况的监督检查"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN607",
    name: "power-type-name",
    severity: Severity::Warning,
    doc: DOC,
};

/// The name without trailing brackets (（子项）), 流程图 and punctuation.
fn core(name: &str) -> &str {
    let mut s = name.trim();
    loop {
        let before = s;
        s = s.trim_end_matches(['。', '；', ' ']);
        s = s.strip_suffix("流程图").unwrap_or(s);
        if let Some(stripped) = s.strip_suffix('）').or_else(|| s.strip_suffix(')'))
            && let Some(open) = stripped.rfind(['（', '('])
        {
            s = &stripped[..open];
        }
        if s == before {
            return s;
        }
    }
}

impl Rule for PowerTypeName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let types = &ctx.reference.terms.power_types;
        if types.is_empty() {
            return;
        }
        for text in ctx.texts_of("name") {
            let Some(item) = ctx.item(text) else { continue };
            let Some(pt) = &item.item.power_type else {
                continue;
            };
            let Some(own) = types.iter().find(|t| t.name == *pt.get_ref()) else {
                continue;
            };
            if own.endings.is_empty() {
                continue;
            }
            let name = core(text.value);
            if own.endings.iter().any(|e| name.ends_with(e.as_str())) {
                continue;
            }
            let other = types.iter().filter(|t| t.name != own.name).find_map(|t| {
                t.endings
                    .iter()
                    .filter(|e| name.ends_with(e.as_str()))
                    .max_by_key(|e| e.len())
                    .map(|e| (t, e))
            });
            let Some((other, ending)) = other else {
                continue;
            };
            let at = name.len() - ending.len();
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    text,
                    at..name.len(),
                    t!(
                        "ZN607.message",
                        ending = ending,
                        other = other.name,
                        own = own.name
                    ),
                )
                .help(t!("ZN607.help")),
            );
        }
    }
}
