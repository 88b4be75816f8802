//! ZN205 document-number-brackets.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::legal::cited;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::citation::DocNumber;

rule_doc!(
    DocumentNumberBrackets,
    r#"## What it does
Flags a 发文字号 whose year is enclosed in anything but 六角括号 〔〕: 【】, [], ［］, （）, () ….

## Why is this bad?
GB/T 9704-2012 §7.2.5 prescribes 〔〕 for the year of a 发文字号. Other brackets are a
typesetting mistake (usually a keyboard substitute) that official documents do not use.

## Example
```text
（人社部发【2012】53号）
```

## Use instead
```text
（人社部发〔2012〕53号）
```

## Fix safety
Safe: only the two bracket characters change.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN205",
    name: "document-number-brackets",
    severity: Severity::Error,
    doc: DOC,
};

impl Rule for DocumentNumberBrackets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (t, cs) in ctx.texts.iter().zip(cited(ctx).iter()) {
            for n in cs.iter().filter_map(|c| c.citation.number.clone()) {
                let DocNumber::Wenhao(w) = n else { continue };
                if w.brackets_ok(t.value) {
                    continue;
                }
                let span = w.open.start..w.close.end;
                let year = &t.value[w.year.clone()];
                let cited = &t.value[span.clone()];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        span,
                        t!("ZN205.message", cited = cited),
                    )
                    .help(t!("ZN205.help", year = year))
                    .fix(format!("〔{year}〕"), true),
                );
            }
        }
    }
}
