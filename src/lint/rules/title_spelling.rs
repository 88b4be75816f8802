//! ZN215 title-spelling.

use crate::diagnostic::Severity;
use crate::lint::legal::{LawIndex, TitleMatch, citations, near, norm_title};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    TitleSpelling,
    r#"## What it does
Flags a registered document cited with its title spelled differently from the official form:
other separators between the issuers (卫生部、财政部 for 卫生部 财政部), or issuer words before
the title that differ from the official ones (a missing space, a typo in a ministry's name).

## Why is this bad?
A title is quoted exactly as issued. Variants look careless and, when the issuer words are
misspelled, name a body that does not exist.

## Example
```text
《卫生部、财政部、国家中医药管理局关于完善新型农村合作医疗统筹补偿方案的指导意见》
中共中央组织部人力资源社会保降部，公安部等25部门关于印发《外国人在中国永久居留享有相关待遇的办法》的通知
```

## Use instead
```text
《卫生部 财政部 国家中医药管理局关于完善新型农村合作医疗统筹补偿方案的指导意见》
中共中央组织部 人力资源社会保障部 公安部等25部门关于印发《外国人在中国永久居留享有相关待遇的办法》的通知
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN215",
    name: "title-spelling",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// A title as written, with both kinds of 书名号 unified and runs of whitespace reduced to one space.
fn canon(s: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.trim().chars() {
        let c = match c {
            '《' => '〈',
            '》' => '〉',
            c => c,
        };
        if c.is_whitespace() || c == '\u{3000}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

impl Rule for TitleSpelling {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let index = LawIndex::of(ctx);
        for (t, c) in citations(ctx) {
            let Some((li, how)) = c.law else { continue };
            let Some(title) = &c.citation.title else {
                continue;
            };
            let law = index.law(li);
            let names: Vec<&String> = std::iter::once(&law.title).chain(&law.aliases).collect();
            let (cited, range) = match how {
                TitleMatch::Title => (&t.value[title.inner.clone()], title.outer.clone()),
                TitleMatch::Full => {
                    let Some(full) = c.citation.full_name(t.value) else {
                        continue;
                    };
                    let start = c
                        .citation
                        .prefix
                        .as_ref()
                        .map_or(title.outer.start, |p| p.start);
                    let end = c
                        .citation
                        .suffix
                        .as_ref()
                        .map_or(title.outer.end, |s| s.end);
                    (full, start..end)
                }
                TitleMatch::Nested => continue,
            };
            let Some(official) = names.iter().find(|n| norm_title(n) == norm_title(cited)) else {
                continue;
            };
            if canon(cited) != canon(official) {
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        t,
                        range,
                        t!("ZN215.message", official = official),
                    )
                    .help(t!("ZN215.help", official = official)),
                );
                continue;
            }
            // Issuer words before a title that names the regulation a notice issues.
            if how != TitleMatch::Title {
                continue;
            }
            let (Some(prefix), Some(full)) = (&c.citation.prefix, c.citation.full_name(t.value))
            else {
                continue;
            };
            let nf = norm_title(full);
            let Some(alias) = names.iter().filter(|n| n.contains('〈')).find(|n| {
                let na = norm_title(n);
                na == nf || near(&nf, &na)
            }) else {
                continue;
            };
            if canon(full) == canon(alias) {
                continue;
            }
            let what = if norm_title(alias) == nf {
                t!("ZN215.separated")
            } else {
                t!("ZN215.misspelled")
            };
            let official_prefix = alias.split('〈').next().unwrap_or(alias);
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    t,
                    prefix.clone(),
                    t!("ZN215.issuer", what = what),
                )
                .help(t!(
                    "ZN215.issuer-help",
                    prefix = official_prefix,
                    title = &t.value[title.inner.clone()]
                )),
            );
        }
    }
}
