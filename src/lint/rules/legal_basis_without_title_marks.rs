//! ZN211 legal-basis-without-title-marks.

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::legal::LawIndex;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::titles::titles;
use rust_i18n::t;

rule_doc!(
    LegalBasisWithoutTitleMarks,
    r#"## What it does
Flags an entry of 设定依据 that has no 书名号 title at all.

## Why is this bad?
A document's title is written in 《》: without them the reader cannot tell the title from the
surrounding words, and the entry usually also lacks the issuer and the number.

## Example
```text
legal_basis = ["河北省违法违规使用医疗保障基金举报奖励办法实施细则"]
```

## Use instead
```text
legal_basis = ["《河北省违法违规使用医疗保障基金举报奖励办法实施细则》（文号）"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN211",
    name: "legal-basis-without-title-marks",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for LegalBasisWithoutTitleMarks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for t in ctx.texts_of(FieldPath::Item(Field::LegalBasis)) {
            let v = t.value.trim();
            if v.is_empty() || !titles(v).is_empty() || v.contains('〈') {
                continue;
            }
            let start = t.value.find(v).unwrap_or(0);
            let mut f = Finding::at(
                META.code,
                ctx,
                t,
                start..start + v.len(),
                t!("ZN211.message"),
            );
            f = match index.by_title(v) {
                Some(li) => f
                    .help(t!("ZN211.help", title = index.law(li).title))
                    .fix(format!("《{v}》"), false),
                None => f.help(t!("ZN211.help-unknown")),
            };
            out.push(f);
        }
    }
}
