//! ZN114 http-url: `http://` for a site that serves https.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

use crate::text::hosts::find_hosts;

rule_doc!(
    HttpUrl,
    r#"## What it does
Finds web addresses written with `http://` whose host is listed under `https_hosts` in
`catalog/reference/terms.toml` (sites known to serve https), in any text and in `[[portals]]`.

## Why is this bad?
A reader who types or scans the printed address reaches the site unencrypted (or is redirected,
or, on a network that tampers with plain http, reaches something else). The guide prints the
address as text and as a QR code: both should open the secure site.

`--fix` writes `https://` (not applied automatically: check that the address opens).

## Example
```toml
online = "<http://ylbzj.example.gov.cn/>"
```

## Use instead
```toml
online = "<https://ylbzj.example.gov.cn/>"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN114",
    name: "http-url",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

const HTTP: &str = "http://";

impl Rule for HttpUrl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let https: Vec<String> = ctx
            .reference
            .terms
            .https_hosts
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        if https.is_empty() {
            return;
        }
        for text in &ctx.texts {
            let v = text.value;
            let lower = v.to_ascii_lowercase();
            for (at, _) in lower.match_indices(HTTP) {
                let rest = &v[at + HTTP.len()..];
                let Some((range, host)) = find_hosts(rest).into_iter().next() else {
                    continue;
                };
                // The host must follow the scheme directly.
                if range.start != 0 || !https.contains(&host.to_ascii_lowercase()) {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + HTTP.len(),
                        t!("ZN114.message", host = host),
                    )
                    .help(t!("ZN114.help"))
                    .fix("https://", false),
                );
            }
        }
    }
}
