//! ZN111 stray-space: a space between two Chinese characters in running text (使用 国家统一).

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::chars::is_han;
use crate::text::titles::inside_title;
use rust_i18n::t;

rule_doc!(
    StraySpace,
    r#"## What it does
Flags a single space between two Han characters in running text (conditions, notes, flowchart boxes
…), such as `使用 国家统一` or `即 经办人员`.

Spaces that separate names are left alone: in person fields and fields that list offices (审批股室
`职工综合科 居民综合科`, 实施机构, 受理单位, 服务对象), in legal citations and
book titles (`国家医保局 财政部关于…`), and after an agency name ending in 部, 局, 厅, 委, 院, 会, 署 or
办 (`中共中央组织部 人力资源社会保障部`), where a space is how joint issuers are written. A space
that separates a label from its value (`办公地址 某某市政务服务中心`: the word before is one of the
`labels` of `catalog/reference/terms.toml`) or a short name (at most 4 characters) from a place
(a `place_suffixes` character such as 市, 县, 区 within the first 6 characters after) separates two
fields of a line, and is left alone too.

## Why is this bad?
Chinese text has no spaces between words: a space inside a sentence is left over from an edit or a
copy from a PDF, and shows as a gap in print.

`--fix` removes the space.

## Example
```toml
conditions = "（或直接使用 国家统一医保信息平台定点管理子系统）"
```

## Use instead
```toml
conditions = "（或直接使用国家统一医保信息平台定点管理子系统）"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN111",
    name: "stray-space",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// Agency names end in one of these: a space after one separates joint issuers.
const ISSUER_ENDS: &[char] = &['部', '局', '厅', '委', '院', '会', '署', '办', '府'];

/// The Han characters right before `end` of `before` (the word the space follows).
fn han_run_before(before: &str) -> String {
    let mut run: Vec<char> = before.chars().rev().take_while(|c| is_han(*c)).collect();
    run.reverse();
    run.into_iter().collect()
}

/// Does the space separate two fields of a line rather than two words of a sentence? A label from
/// its value (`办公地址 某某市政务服务中心`: the word before is a label of `terms.toml`), or a short
/// name from a place (`李某 某某市政务服务中心`: at most `MAX_NAME_CHARS` Han characters before,
/// a place suffix within the first `PLACE_WITHIN` characters after).
fn separates_fields(terms: &crate::lint::reference::Terms, before: &str, after: &str) -> bool {
    let word = han_run_before(before);
    if terms.labels.iter().any(|l| word.ends_with(l.as_str())) {
        return true;
    }
    let head: String = after
        .chars()
        .take_while(|c| is_han(*c))
        .take(PLACE_WITHIN)
        .collect();
    let place = terms
        .place_suffixes
        .iter()
        .any(|p| head.match_indices(p.as_str()).any(|(i, _)| i > 0));
    word.chars().count() <= MAX_NAME_CHARS && place
}

/// Longest name (person, short label) before a space that separates it from a place.
const MAX_NAME_CHARS: usize = 4;
/// How far into the word after the space a place suffix (市, 县, 区 …) is looked for.
const PLACE_WITHIN: usize = 6;

impl Rule for StraySpace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let corrections: Vec<&str> = ctx
            .reference
            .corrections
            .iter()
            .map(|c| c.wrong.as_str())
            .filter(|w| w.contains(' '))
            .collect();
        for text in &ctx.texts {
            let v = text.value;
            if !v.contains(' ')
                || matches!(
                    text.field,
                    FieldPath::Item(Field::LegalBasis | Field::LegalRefs)
                )
                || text.field.is_name()
                || text.field.is_title()
                || text.field.is_phone()
                || matches!(
                    text.field,
                    FieldPath::Item(
                        Field::Name
                            | Field::Department
                            | Field::Agency
                            | Field::AcceptingUnit
                            | Field::Target
                    )
                )
            {
                continue;
            }
            let chars: Vec<(usize, char)> = v.char_indices().collect();
            for k in 1..chars.len().saturating_sub(1) {
                let (at, c) = chars[k];
                let (before, after) = (chars[k - 1].1, chars[k + 1].1);
                if c != ' ' || !is_han(before) || !is_han(after) || ISSUER_ENDS.contains(&before) {
                    continue;
                }
                if inside_title(v, at) {
                    continue;
                }
                if separates_fields(&ctx.reference.terms, &v[..at], &v[at + 1..]) {
                    continue;
                }
                // A known slip that contains the space is the corrections dictionary's.
                let covered = corrections
                    .iter()
                    .any(|w| v.match_indices(w).any(|(s, _)| s <= at && at < s + w.len()));
                if covered {
                    continue;
                }
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + 1,
                        t!("ZN111.message", before = before, after = after),
                    )
                    .help(t!("ZN111.help"))
                    .fix("", true),
                );
            }
        }
    }
}
