//! ZN118 empty-link: a Markdown image or link with nothing in it (`![]()`, `[](…)`, `[…]()`).

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    EmptyLink,
    r#"## What it does
Flags a Markdown image or link in a text field that has no address (`[网上办理]()`, `![]()`) or no
text (`[](http://…)`): what remains of a picture or a link lost when the guide was copied from a web
page.

## Why is this bad?
The printed guide shows nothing where the reader was meant to find a flowchart, a QR code or a web
address.

## Example
```toml
notes = "办理流程见下图：![]()"
```

## Use instead
```toml
notes = "办理流程见本事项流程图。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN118",
    name: "empty-link",
    severity: Severity::Warning,
    doc: DOC,
};

/// Byte ranges of empty links or images: `[…]()` with no address, or `[](…)` with no text.
fn empty_links(v: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = v[from..].find("](") {
        let close = from + i;
        from = close + 2;
        let Some(open) = v[..close].rfind('[') else {
            continue;
        };
        let Some(end) = v[close + 2..].find(')').map(|k| close + 2 + k) else {
            continue;
        };
        let label = v[open + 1..close].trim();
        let target = v[close + 2..end].trim();
        if label.is_empty() || target.is_empty() {
            let start = if v[..open].ends_with('!') {
                open - 1
            } else {
                open
            };
            out.push(start..end + 1);
        }
    }
    out
}

impl Rule for EmptyLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            for range in empty_links(text.value) {
                let what = if text.value[range.clone()].starts_with('!') {
                    "image"
                } else {
                    "link"
                };
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        range,
                        format!("empty Markdown {what}"),
                    )
                    .help("write the address and its text, or remove what is left of it"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::empty_links;

    #[test]
    fn empty_images_and_links() {
        assert_eq!(empty_links("见下图：![]()").len(), 1);
        assert_eq!(empty_links("[网上办理]()").len(), 1);
        assert_eq!(empty_links("[](http://a.cn)").len(), 1);
        assert!(empty_links("[网上办理](http://a.cn)").is_empty());
        assert!(empty_links("<http://a.cn>").is_empty());
    }
}
