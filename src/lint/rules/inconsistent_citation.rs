//! ZN212 inconsistent-citation.

use rust_i18n::t;
use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::lint::legal::{Cited, LawIndex, cited};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::citation::DocNumber;

rule_doc!(
    InconsistentCitation,
    r#"## What it does
Flags a document cited in two different ways within one jurisdiction: another spelling of the
title, with and without its number, or an order designated by different issuer names. The
least frequent form is reported, pointing at the usual one.

## Why is this bad?
One guide should cite one document one way. Variants are copy-and-edit leftovers; at least one
of them is not the official form, and readers wonder whether two documents are meant.
(Forms that other rules already flag, such as a missing 第 or wrong brackets, do not count as
a second way here.)

## Example
```text
《社会保险经办条例》（国务院令第765号）第二十条
《社会保险经办条例》第二十条
```

## Use instead
The same, complete form everywhere:
```text
《社会保险经办条例》（国务院令第765号）第二十条
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN212",
    name: "inconsistent-citation",
    severity: Severity::Warning,
    doc: DOC,
};

/// What makes two citations of one document "the same way": the title as written, whether a number
/// is given, and the issuers or 机关代字 of the number.
fn form(index: &LawIndex, text: &str, c: &Cited) -> (String, String) {
    let title = c
        .citation
        .title
        .as_ref()
        .map_or(String::new(), |t| text[t.inner.clone()].to_string());
    let number = match &c.citation.number {
        None => "-".to_string(),
        Some(DocNumber::Wenhao(w)) => index.agency(&text[w.agency.clone()]).to_string(),
        Some(DocNumber::Order(o)) => text[o.issuers.clone()]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect(),
    };
    (title, number)
}

impl Rule for InconsistentCitation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        // (jurisdiction, law) → citations in order.
        type Entry = (usize, Cited, (String, String));
        let mut groups: BTreeMap<(usize, usize), Vec<Entry>> = BTreeMap::new();
        for (ti, (t, cs)) in ctx.texts.iter().zip(cited(ctx).iter()).enumerate() {
            for c in cs {
                // A title without a number outside 设定依据 is a mention in prose, not a citation.
                if c.citation.title.is_none()
                    || (c.citation.number.is_none() && t.field != "legal_basis")
                {
                    continue;
                }
                let law = c.law.map(|l| l.0).or(match c.number_laws[..] {
                    [one] => Some(one),
                    _ => None,
                });
                let Some(law) = law else { continue };
                let f = form(&index, t.value, c);
                groups
                    .entry((t.jurisdiction, law))
                    .or_default()
                    .push((ti, c.clone(), f));
            }
        }
        for ((j, li), entries) in groups {
            let mut counts: Vec<(&(String, String), usize, usize)> = Vec::new(); // form, count, first
            for (k, (_, _, f)) in entries.iter().enumerate() {
                match counts.iter_mut().find(|(g, _, _)| *g == f) {
                    Some(e) => e.1 += 1,
                    None => counts.push((f, 1, k)),
                }
            }
            if counts.len() < 2 {
                continue;
            }
            // The most frequent form; on a tie the one that gives a number, then the first seen.
            let &(major, major_count, first) = counts
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then((a.0.1 != "-").cmp(&(b.0.1 != "-")))
                        .then(b.2.cmp(&a.2))
                })
                .expect("two forms");
            let (mti, mc, _) = &entries[first];
            let mt = &ctx.texts[*mti];
            let shown = |t: &str, c: &Cited| {
                let end = c.citation.number.as_ref().map_or(c.title_range().end, |n| {
                    let e = n.range().end;
                    // Include the closing bracket of （number）.
                    t[e..]
                        .chars()
                        .next()
                        .filter(|c| matches!(c, '）' | ')'))
                        .map_or(e, |c| e + c.len_utf8())
                });
                t[c.citation.range.start..end].to_string()
            };
            let usual = shown(mt.value, mc);
            let jname = &ctx.project.jurisdictions[j].name;
            let law = index.law(li);
            for (ti, c, f) in &entries {
                if f == major {
                    continue;
                }
                let t = &ctx.texts[*ti];
                let here = shown(t.value, c);
                let (range, what) = if f.0 != major.0 {
                    (c.title_range(), t!("ZN212.title"))
                } else if let Some(n) = &c.citation.number {
                    (
                        n.range(),
                        if major.1 == "-" {
                            t!("ZN212.number-only-here")
                        } else {
                            t!("ZN212.number-differs")
                        },
                    )
                } else {
                    (c.title_range(), t!("ZN212.number-missing"))
                };
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        range,
                        t!("ZN212.message", title = law.title, jurisdiction = jname, what = what),
                    )
                    .help(t!("ZN212.help", here = here, usual = usual, count = major_count))
                    .related(
                        mt.file,
                        ctx.locate(mt, mc.citation.range.clone()),
                        t!("ZN212.usual-form"),
                    ),
                );
            }
        }
    }
}
