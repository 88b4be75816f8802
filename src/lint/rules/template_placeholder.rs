//! ZN630 template-placeholder: a template's placeholder printed as if it were content (XXXX年X月X日,
//! 某某, 发布单位全称), or "无" where a code or a web address belongs.

use crate::diagnostic::Severity;
use crate::lint::context::TextRef;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    TemplatePlaceholder,
    r#"## What it does
Flags a placeholder of the template a guide was written from, left in the published text:

- a run of two or more X-like marks standing for digits or a name (`XXXX`, `××`);
- a listed placeholder (`placeholders` in `catalog/reference/terms.toml`: X月X日, 某某, 发布单位全称 …);
- a whole value that says "nothing" (`empty_values`: 无, 暂无, 待定 …) in a field that holds a code
  or a web address (职权编码, a portal's URL). 网上申报地址 "无" is an answer, not a placeholder.

Phone fields are left to phone-placeholder (ZN505).

## Why is this bad?
The placeholder was the template's instruction to fill something in. Printed as it is, the guide
has no date, no publisher or no address, and shows readers that nobody read it before release.

## Example
```toml
agency = "XXXX（发布单位全称）"
edition = "XXXX年X月X日发布"
```

## Use instead
```toml
agency = "某某市医疗保障局"   # the publisher's real name
edition = "2023年6月1日发布"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN630",
    name: "template-placeholder",
    severity: Severity::Error,
    doc: DOC,
};

/// Fields whose whole value "无" is a placeholder rather than an answer. (网上申报地址 "无" is an
/// answer: the item has no online channel.)
const CODE_FIELDS: &[&str] = &["jurisdiction.portal.url", "power_code"];

fn is_mark(c: char) -> bool {
    matches!(c, 'X' | 'x' | '×' | '＊' | 'Ｘ')
}

/// Byte ranges of runs of two or more X-like marks that stand alone (not inside a Latin word).
fn mark_runs(v: &str) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = v.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_mark(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_mark(chars[i].1) {
            i += 1;
        }
        let latin = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_ascii_alphanumeric());
        let inside_word =
            latin(start.checked_sub(1).and_then(|k| chars.get(k))) || latin(chars.get(i));
        if i - start >= 2 && !inside_word {
            let end = chars.get(i).map_or(v.len(), |(b, _)| *b);
            out.push(chars[start].0..end);
        }
    }
    out
}

fn check_text(ctx: &Context, text: &TextRef, out: &mut Vec<Finding>) {
    let v = text.value;
    let terms = &ctx.reference.terms;
    let mut hits: Vec<std::ops::Range<usize>> = Vec::new();
    for p in terms.placeholders.iter().filter(|p| !p.is_empty()) {
        let mut from = 0;
        while let Some(i) = v[from..].find(p.as_str()) {
            hits.push(from + i..from + i + p.len());
            from += i + p.len();
        }
    }
    for r in mark_runs(v) {
        if !hits.iter().any(|h| h.start < r.end && r.start < h.end) {
            hits.push(r);
        }
    }
    // Overlapping and touching placeholders are one (XXXX年X月X日).
    hits.sort_by_key(|r| r.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in hits {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let hits = merged;
    // One finding per text: the first placeholder, with the others named in the message.
    if let Some(first) = hits.first() {
        let all: Vec<&str> = hits.iter().map(|r| &v[r.clone()]).collect();
        out.push(
            Finding::at(
                META.code,
                ctx,
                text,
                first.clone(),
                format!("template placeholder left in the text: {}", all.join("、")),
            )
            .help("write what the placeholder stands for (the publisher, the date, the number)"),
        );
        return;
    }
    let trimmed = v.trim();
    if CODE_FIELDS.contains(&text.field) && terms.empty_values.iter().any(|e| e == trimmed) {
        let at = v.find(trimmed).unwrap_or(0);
        out.push(
            Finding::at(
                META.code,
                ctx,
                text,
                at..at + trimmed.len(),
                format!("`{trimmed}` where a code or an address belongs"),
            )
            .help("leave the field out if there is nothing to print, or write the real value"),
        );
    }
}

impl Rule for TemplatePlaceholder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for text in &ctx.texts {
            // Phones: phone-placeholder (ZN505). Flowchart boxes are drawn text, checked too.
            if text.field.ends_with("phone") {
                continue;
            }
            check_text(ctx, text, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mark_runs;

    #[test]
    fn runs_of_marks_outside_words() {
        assert_eq!(mark_runs("XXXX年X月X日").len(), 1);
        assert_eq!(mark_runs("××医保局").len(), 1);
        assert!(mark_runs("box").is_empty());
        assert!(mark_runs("maxx").is_empty());
        assert!(mark_runs("X光片").is_empty());
    }
}
