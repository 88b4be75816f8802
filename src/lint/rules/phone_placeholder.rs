//! ZN505 phone-placeholder: a template placeholder where a phone number belongs (统筹区监督电话).

use crate::diagnostic::Severity;
use crate::lint::context::{FieldPath, FlowPart};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

use crate::lint::analysis::phones::is_phone_text;

rule_doc!(
    PhonePlaceholder,
    r#"## What it does
Flags a phone field that holds no number: a placeholder listed in `catalog/reference/phones.toml`
(统筹区监督电话, 暂无, 待定, XXXX …) or any text without a single digit. A placeholder inside a number
(`0351-XXXXXXX`) is flagged too.

## Why is this bad?
The placeholder is the template's instruction to fill in the local number; printed as it is, the guide
gives people no number to call.

## Example
```toml
supervision = { phone = "统筹区监督电话" }
```

## Use instead
```toml
supervision = { phone = "6000529" }
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN505",
    name: "phone-placeholder",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for PhonePlaceholder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let placeholders = &ctx.reference.phones.placeholders;
        for text in &ctx.texts {
            if !is_phone_text(text) || text.field == FieldPath::Flow(FlowPart::Caption) {
                continue;
            }
            let v = text.value;
            let trimmed = v.trim();
            if trimmed.is_empty() {
                continue; // missing-phone
            }
            let has_digits = v
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
            // A placeholder is the whole text, or inside a text without digits, or a run of
            // X-like marks standing for digits (0351-XXXXXXX).
            let found = placeholders
                .iter()
                .filter(|p| !p.is_empty())
                .filter(|p| {
                    trimmed == p.as_str()
                        || (!has_digits && v.contains(p.as_str()))
                        || (p.chars().all(|c| matches!(c, 'X' | 'x' | '×' | '*' | '＊'))
                            && v.contains(p.as_str()))
                })
                .filter_map(|p| v.find(p.as_str()).map(|at| (at, p)))
                .max_by_key(|(_, p)| p.len());
            if let Some((at, p)) = found {
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + p.len(),
                        t!("ZN505.placeholder", placeholder = p),
                    )
                    .help(t!("ZN505.placeholder-help")),
                );
            } else if !has_digits {
                let at = v.find(trimmed).unwrap_or(0);
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + trimmed.len(),
                        t!("ZN505.message", text = trimmed),
                    )
                    .help(t!("ZN505.help")),
                );
            }
        }
    }
}
