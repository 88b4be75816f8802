//! ZN214 nested-title-marks.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::legal::cited;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    NestedTitleMarks,
    r#"## What it does
Flags a 书名号 title written with 《》 inside another 《》 title.

## Why is this bad?
A title inside a title takes the single marks 〈〉 (《财政部 民政部关于印发〈城乡医疗救助基金管理办法〉
的通知》). Double marks inside double marks make it unclear where the outer title ends.

## Example
```text
《财政部 民政部关于印发《城乡医疗救助基金管理办法》的通知》
```

## Use instead
```text
《财政部 民政部关于印发〈城乡医疗救助基金管理办法〉的通知》
```

## Fix safety
Safe: only the inner marks change.
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN214",
    name: "nested-title-marks",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for NestedTitleMarks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (t, cs) in ctx.texts.iter().zip(cited(ctx).iter()) {
            for title in cs.iter().filter_map(|c| c.citation.title.as_ref()) {
                for n in title.nested.iter().filter(|n| !n.marks_ok) {
                    let inner = &t.value[n.inner.clone()];
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            t,
                            n.outer.clone(),
                            t!("ZN214.message", inner = inner),
                        )
                        .help(t!("ZN214.help", inner = inner))
                        .fix(format!("〈{inner}〉"), true),
                    );
                }
            }
        }
    }
}
