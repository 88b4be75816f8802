//! ZN113 unsafe-link: a link whose scheme is not http, https or mailto.

use pulldown_cmark::{Event, Options, Parser, Tag};
use rust_i18n::t;

use crate::diagnostic::Severity;
use crate::lint::context::{FieldPath, JurisdictionPart};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::render::markdown::{SAFE_SCHEMES, unsafe_scheme};

rule_doc!(
    UnsafeLink,
    r#"## What it does
Flags a portal address (`[[portals]] url`) or a Markdown link (`[text](…)`, `<…>`) whose scheme is
not `http`, `https` or `mailto`: `javascript:`, `file:`, `data:`, `ftp:` and the like.

## Why is this bad?
The guide is read on screens as well as on paper: a `javascript:` or `file:` link runs code or opens
local files of the reader. zhinan never makes such a link clickable (the portal address is left
out of the guide, a Markdown link prints as its text), so the published guide also lacks the
address the author meant to give.

## Example
```toml
[[portals]]
name = "某省政务服务网"
url = "javascript:window.open('http://www.hbzwfw.gov.cn/')"
```

## Use instead
```toml
[[portals]]
name = "某省政务服务网"
url = "http://www.hbzwfw.gov.cn/"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN113",
    name: "unsafe-link",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for UnsafeLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let help = t!("ZN113.help", schemes = SAFE_SCHEMES.join(", ")).into_owned();
        for text in &ctx.texts {
            if text.field == FieldPath::Jurisdiction(JurisdictionPart::PortalUrl) {
                if let Some(scheme) = unsafe_scheme(text.value) {
                    let at = text.value.len() - text.value.trim_start().len();
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            at..at + scheme.len() + 1,
                            t!("ZN113.portal", scheme = scheme),
                        )
                        .help(help.clone()),
                    );
                }
                continue;
            }
            // Markdown links: only texts that can hold one are parsed.
            if !text.value.contains("](") && !text.value.contains('<') {
                continue;
            }
            for (event, range) in Parser::new_ext(text.value, Options::empty()).into_offset_iter() {
                if let Event::Start(Tag::Link { dest_url, .. }) = event
                    && let Some(scheme) = unsafe_scheme(&dest_url)
                {
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            range,
                            t!("ZN113.link", scheme = scheme),
                        )
                        .help(help.clone()),
                    );
                }
            }
        }
    }
}
