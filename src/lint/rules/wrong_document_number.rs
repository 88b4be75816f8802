//! ZN204 wrong-document-number.

use crate::diagnostic::Severity;
use crate::lint::legal::{LawIndex, NumKey, NumberRelation, citations};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    WrongDocumentNumber,
    r#"## What it does
Flags a citation whose title names a registered document but whose 文号 or order number is not
that document's: another document's number, a wrong 机关代字 or year, a wrong serial, or a joint
order designated by only one of its issuers. The `number` of a structured `legal_refs` entry is
checked against the document its `title` names.

## Why is this bad?
The number is how a document is found and verified. A wrong number sends the reader to another
document (国家医疗保障局令第2号 is the regulation for 医疗机构, not for 零售药店) or to none.

## Example
```text
《零售药店医疗保障定点管理暂行办法》（国家医疗保障局令第2号）
```

## Use instead
```text
《零售药店医疗保障定点管理暂行办法》（国家医疗保障局令第3号）
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN204",
    name: "wrong-document-number",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for WrongDocumentNumber {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            let (Some((li, _)), Some(key), Some(number)) = (c.law, &c.key, &c.citation.number)
            else {
                continue;
            };
            let law = index.law(li);
            let Some(right) = &law.number else { continue };
            // Laws are cited by title; the orders of their amendments are not all registered.
            if law.cite_number == Some(false) {
                continue;
            }
            let relation = index.relation(li, key);
            if relation == NumberRelation::Same {
                continue;
            }
            let cited = &t.value[number.range()];
            let message = match relation {
                NumberRelation::MissingIssuer => t!(
                    "ZN204.missing-issuer",
                    title = law.title,
                    issuers = law
                        .issuer
                        .clone()
                        .unwrap_or_else(|| t!("ZN204.several-issuers").into_owned()),
                    cited = cited
                )
                .into_owned(),
                _ => match c.number_laws.first() {
                    Some(&other) => t!(
                        "ZN204.other-law",
                        cited = cited,
                        other = index.law(other).title,
                        title = law.title
                    )
                    .into_owned(),
                    None => t!(
                        "ZN204.message",
                        cited = cited,
                        title = law.title,
                        difference = difference(key, index.numbers_of(li))
                    )
                    .into_owned(),
                },
            };
            out.push(
                Finding::at(META.code, ctx, t, number.range(), message)
                    .help(t!("ZN204.help", title = law.title, right = right))
                    .fix(right.clone(), false),
            );
        }
    }
}

/// What differs between a cited 文号 and the document's (": the year", ": the 机关代字" …).
fn difference(cited: &NumKey, right: &[NumKey]) -> String {
    let Some(NumKey::Wenhao {
        agency: ra,
        year: ry,
        serial: rs,
    }) = right.first()
    else {
        return String::new();
    };
    let NumKey::Wenhao {
        agency,
        year,
        serial,
    } = cited
    else {
        return String::new();
    };
    let mut parts = Vec::new();
    if agency != ra {
        parts.push(t!("ZN204.agency", agency = agency, right = ra).into_owned());
    }
    if year != ry {
        parts.push(
            t!(
                "ZN204.year",
                year = year.map_or("?".into(), |y| y.to_string()),
                right = ry.map_or("?".into(), |y| y.to_string())
            )
            .into_owned(),
        );
    }
    if serial != rs {
        parts.push(
            t!(
                "ZN204.serial",
                serial = serial.map_or("?".into(), |y| y.to_string()),
                right = rs.map_or("?".into(), |y| y.to_string())
            )
            .into_owned(),
        );
    }
    if parts.is_empty() {
        String::new()
    } else {
        t!("ZN204.difference", parts = parts.join(&*t!("list.sep"))).into_owned()
    }
}
