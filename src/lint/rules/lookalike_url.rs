//! ZN104 lookalike-url: 1 for l, 0 for o in a web address (y1fwzx for ylfwzx).

use rust_i18n::t;
use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::hosts::find_hosts;

rule_doc!(
    LookalikeUrl,
    r#"## What it does
Finds host names in web addresses (`http://ylfwzx.example.gov.cn/`, `www.…`) and compares them with the
known spellings of the same address, where 1 and l, 0 and o count as the same character:

- the official domains listed under `domains` in `catalog/reference/terms.toml`: a different
  spelling is an error, fixed by `--fix`;
- the portals of the jurisdiction and of its parents (`[[portals]]` in `jurisdiction.toml`) and the
  other addresses printed in them: when one spelling has a digit inside a run of letters (y1fwzx) and
  another has the letter (ylfwzx), the digit is the slip (error); otherwise the rarer spelling is
  reported (warning).

A host with a 1 or 0 between two letters and no other spelling to compare with is reported as a
warning.

## Why is this bad?
1/l and 0/O look alike in print and in many fonts, and a copied address with the wrong one leads
nowhere (or to someone else's site). Readers type the address from the printed guide.

## Example
```toml
online = "<http://y1fwzx.example.gov.cn/>"
```

## Use instead
```toml
online = "<http://ylfwzx.example.gov.cn/>"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN104",
    name: "lookalike-url",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

/// Lower case with 1 → l and 0 → o: two hosts with the same skeleton differ only by look-alikes.
fn skeleton(host: &str) -> String {
    host.chars()
        .map(|c| match c.to_ascii_lowercase() {
            '1' => 'l',
            '0' => 'o',
            c => c,
        })
        .collect()
}

/// A digit 1/0 between two letters, or a letter l/o between two digits, inside one label.
fn suspicious(host: &str) -> bool {
    host.split('.').any(|label| {
        let c: Vec<char> = label.chars().collect();
        (1..c.len().saturating_sub(1)).any(|i| {
            let (a, b) = (c[i - 1], c[i + 1]);
            match c[i].to_ascii_lowercase() {
                '1' | '0' => a.is_ascii_alphabetic() && b.is_ascii_alphabetic(),
                'l' | 'o' => a.is_ascii_digit() && b.is_ascii_digit(),
                _ => false,
            }
        })
    })
}

impl Rule for LookalikeUrl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let official: BTreeMap<String, &str> = ctx
            .reference
            .terms
            .domains
            .iter()
            .map(|d| (skeleton(d), d.as_str()))
            .collect();

        // Spellings seen per jurisdiction (own texts and portals), with counts.
        let mut seen: Vec<BTreeMap<String, BTreeMap<String, usize>>> =
            vec![BTreeMap::new(); project.jurisdictions.len()];
        let mut occurrences = Vec::new();
        for (ti, text) in ctx.texts.iter().enumerate() {
            for (range, host) in find_hosts(text.value) {
                *seen[text.jurisdiction]
                    .entry(skeleton(host))
                    .or_default()
                    .entry(host.to_string())
                    .or_default() += 1;
                occurrences.push((ti, range, host));
            }
        }
        for (ji, j) in project.jurisdictions.iter().enumerate() {
            for portal in &j.data.portals {
                if let Some(url) = &portal.url {
                    for (_, host) in find_hosts(url.get_ref()) {
                        // Portals also count as seen (the loop above already counted their text).
                        seen[ji]
                            .entry(skeleton(host))
                            .or_default()
                            .entry(host.to_string())
                            .or_default();
                    }
                }
            }
        }

        for (ti, range, host) in occurrences {
            let text = &ctx.texts[ti];
            let key = skeleton(host);
            if let Some(right) = official.get(&key) {
                if !right.eq_ignore_ascii_case(host) {
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            range,
                            t!("ZN104.message", host = host, right = right),
                        )
                        .help(look_help(host, right))
                        .fix(*right, true),
                    );
                }
                continue;
            }
            // Spellings in this jurisdiction and its parents.
            let mut spellings: BTreeMap<String, usize> = BTreeMap::new();
            for j in std::iter::once(text.jurisdiction).chain(project.ancestors(text.jurisdiction))
            {
                if let Some(s) = seen[j].get(&key) {
                    for (h, n) in s {
                        *spellings.entry(h.to_ascii_lowercase()).or_default() += n;
                    }
                }
            }
            let me = host.to_ascii_lowercase();
            let others: BTreeSet<&String> = spellings.keys().filter(|h| **h != me).collect();
            if others.is_empty() {
                if suspicious(host) {
                    out.push(
                        Finding::at(META.code, ctx, text, range, t!("ZN104.digit", host = host))
                            .help(t!("ZN104.digit-help"))
                            .severity(Severity::Warning),
                    );
                }
                continue;
            }
            let plausible: Vec<&&String> = others.iter().filter(|h| !suspicious(h)).collect();
            if suspicious(host) && !plausible.is_empty() {
                let right = plausible[0];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        range,
                        t!("ZN104.also-written", host = host, right = right),
                    )
                    .help(look_help(host, right))
                    .fix(right.as_str(), false),
                );
            } else if !suspicious(host) && others.iter().all(|h| suspicious(h)) {
                // This is the plausible spelling; the others are reported at their own places.
            } else {
                let mine = spellings.get(&me).copied().unwrap_or(0);
                let (top, top_n) = spellings
                    .iter()
                    .max_by_key(|(_, n)| **n)
                    .map(|(h, n)| (h.clone(), *n))
                    .unwrap_or_default();
                if mine < top_n {
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            range,
                            t!("ZN104.elsewhere", host = host, top = top),
                        )
                        .help(look_help(host, &top))
                        .severity(Severity::Warning),
                    );
                }
            }
        }
    }
}

fn look_help(host: &str, right: &str) -> String {
    let diffs: Vec<String> = host
        .chars()
        .zip(right.chars())
        .filter(|(a, b)| !a.eq_ignore_ascii_case(b))
        .map(|(a, b)| format!("`{a}` → `{b}`"))
        .collect();
    t!("ZN104.help", diffs = diffs.join(&*t!("list.sep"))).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let v = "<http://y1fwzx.example.gov.cn/>、某省智慧医保";
        assert_eq!(find_hosts(v).len(), 1);
        assert!(suspicious("y1fwzx.example.gov.cn"));
        assert!(!suspicious("ylfwzx.example.gov.cn"));
        assert!(!suspicious("hb12333.gov.cn"));
        assert_eq!(skeleton("y1fwzx"), skeleton("ylfwzx"));
    }
}
