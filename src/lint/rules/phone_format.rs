//! ZN501 phone-format: telephone numbers checked against their area code (`phones.toml`).

use crate::lint::analysis::phones::{area_of, phones_of};
use rust_i18n::t;
use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::phone::{PhoneKind, PhoneToken};

rule_doc!(
    PhoneFormat,
    r#"## What it does
Checks every telephone number in phone fields (咨询电话, 监督电话, 联系电话, offices and contacts) and in
flowchart captions that say 电话, against the area codes of `catalog/reference/phones.toml`:

- a number with its area code must separate the two with the separator of `phones.toml` (`-`):
  `03167238417` → `0316-7238417` (fixed by `--fix`);
- the local number must have the digit count of its area (0316 廊坊: 7 digits, 0311 石家庄: 8); a
  number written without an area code is checked against the jurisdiction's `area_code`;
- within one jurisdiction, numbers are written the same way: when most are written without the area
  code, the few written with it are reported (a warning), and the other way round.

Mobile numbers (11 digits) and the national service numbers listed in `phones.toml` are accepted.

## Why is this bad?
A number with a digit too many or too few cannot be dialled, and a number run together with its area
code is easily misread. Numbers written in different ways in one guide look like different lines.

## Example
```toml
contact = { name = "张海龙", phone = "03167238417" }
```

## Use instead
```toml
contact = { name = "张海龙", phone = "0316-7238417" }
```
"#
);

/// Numbers with the index of the text they are in.
type Numbers = Vec<(usize, PhoneToken)>;

static META: RuleMeta = RuleMeta {
    code: "ZN501",
    name: "phone-format",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

/// A number with a digit too many or too few for its area.
fn wrong_digit_count(
    ctx: &Context,
    text: &crate::lint::TextRef,
    range: std::ops::Range<usize>,
    message: String,
) -> Finding {
    Finding::at(META.code, ctx, text, range, message).help(t!("ZN501.digits-help"))
}

impl Rule for PhoneFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let phones = &ctx.reference.phones;
        let sep = phones.separator.as_deref().unwrap_or("-");
        let area_digits = |code: &str| {
            phones
                .area
                .iter()
                .find(|a| a.code == code)
                .map(|a| (a.local_digits, a.also_local_digits, a.city.as_str()))
        };
        // Per jurisdiction: landlines of its own area, written with and without the area code.
        let mut styles: BTreeMap<usize, (Numbers, Numbers)> = BTreeMap::new();

        for (ti, text) in ctx.texts.iter().enumerate() {
            let tokens = phones_of(text);
            if tokens.is_empty() {
                continue;
            }
            let home = area_of(project, text.jurisdiction);
            for t in tokens {
                let written = &text.value[t.range.clone()];
                match (&t.area, t.kind) {
                    (Some(area), _) => {
                        let known = area_digits(area);
                        if let Some((digits, also, city)) = known
                            && t.local.len() != digits
                            && Some(t.local.len()) != also
                        {
                            out.push(wrong_digit_count(
                                ctx,
                                text,
                                t.range.clone(),
                                t!(
                                    "ZN501.local-digits",
                                    written = written,
                                    count = t.local.len(),
                                    area = area,
                                    city = city,
                                    digits = digits
                                )
                                .into_owned(),
                            ));
                            continue;
                        }
                        match &t.separator {
                            None => out.push(
                                Finding::at(
                                    META.code,
                                    ctx,
                                    text,
                                    t.range.clone(),
                                    t!("ZN501.no-separator", written = written, area = area),
                                )
                                .help(t!("ZN501.write", area = area, sep = sep, local = t.local))
                                .fix(format!("{area}{sep}{}", t.local), true),
                            ),
                            Some(s) if s != sep => out.push(
                                Finding::at(
                                    META.code,
                                    ctx,
                                    text,
                                    t.range.clone(),
                                    t!("ZN501.separator", written = written, found = s, sep = sep),
                                )
                                .help(t!("ZN501.write", area = area, sep = sep, local = t.local))
                                .fix(format!("{area}{sep}{}", t.local), true),
                            ),
                            _ => {}
                        }
                        if home == Some(area.as_str()) {
                            styles.entry(text.jurisdiction).or_default().0.push((ti, t));
                        }
                    }
                    // Short numbers (12393, 95518, extensions) are not landlines.
                    (None, PhoneKind::Short) => {}
                    (None, PhoneKind::Landline) => {
                        if phones.service_numbers.contains(&t.local) {
                            continue;
                        }
                        let Some(home) = home else { continue };
                        let Some((digits, also, city)) = area_digits(home) else {
                            continue;
                        };
                        if t.local.len() != digits && Some(t.local.len()) != also {
                            out.push(wrong_digit_count(
                                ctx,
                                text,
                                t.range.clone(),
                                t!(
                                    "ZN501.home-digits",
                                    written = written,
                                    count = t.local.len(),
                                    home = home,
                                    city = city,
                                    digits = digits
                                )
                                .into_owned(),
                            ));
                            continue;
                        }
                        styles.entry(text.jurisdiction).or_default().1.push((ti, t));
                    }
                    (None, PhoneKind::Mobile) => {}
                }
            }
        }

        for (ji, (with, without)) in styles {
            let (minority, majority, how) = if with.len() < without.len() {
                (with, without.len(), t!("ZN501.with-area"))
            } else if without.len() < with.len() {
                (without, with.len(), t!("ZN501.without-area"))
            } else {
                continue;
            };
            for (ti, t) in minority {
                let text = &ctx.texts[ti];
                let written = &text.value[t.range.clone()];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        t.range.clone(),
                        t!(
                            "ZN501.style",
                            written = written,
                            how = how,
                            majority = majority,
                            jurisdiction = project.jurisdictions[ji].name
                        ),
                    )
                    .help(t!("ZN501.style-help"))
                    .severity(Severity::Warning),
                );
            }
        }
    }
}
