//! ZN306 immediate-after-review: a promise of immediate service that waits for a review with no
//! time limit (审核通过，即时办理).

use crate::diagnostic::Severity;
use crate::lint::context::FieldPath;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::text::time_limit::{self, Unit};
use rust_i18n::t;

rule_doc!(
    ImmediateAfterReview,
    r#"## What it does
Flags a 承诺办理时限 that promises immediate service (即时办理, 当场办结 …) only after a review
— a word of `review_words` in `catalog/reference/terms.toml` (审核, 审批, 核查 …) followed by one of
`review_gates` (通过, 后, 合格 …) — when the field gives no time for the review itself.

A promise that waits only for complete papers (材料齐全的，当场办结) is not reported: checking the
papers is done at the window.

## Why is this bad?
"审核通过，即时办理" promises nothing: the review may take any time, and an applicant cannot tell
when the item will be done. The field exists to state that time.

## Example
```toml
time_limit = "审核通过，即时办理"
```

## Use instead
```toml
time_limit = "不超过5个工作日（审核通过后即时办理）"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN306",
    name: "immediate-after-review",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// The byte range of the first review word followed by a gate (审核通过) in `before`.
fn gated_review(
    before: &str,
    words: &[String],
    gates: &[String],
) -> Option<std::ops::Range<usize>> {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            before
                .match_indices(w.as_str())
                .map(move |(at, _)| (at, w.len()))
        })
        .filter_map(|(at, len)| {
            let rest = &before[at + len..];
            gates
                .iter()
                .find(|g| !g.is_empty() && rest.starts_with(g.as_str()))
                .map(|g| at..at + len + g.len())
        })
        .min_by_key(|r| r.start)
}

impl Rule for ImmediateAfterReview {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let terms = &ctx.reference.terms;
        for t in ctx.texts_of(FieldPath::Item(Field::TimeLimit)) {
            let limits = time_limit::parse(t.value);
            // A limit with a count (5个工作日) times the review too.
            if limits.is_empty() || limits.iter().any(|l| l.unit != Unit::Immediate) {
                continue;
            }
            let first = &limits[0];
            let before = &t.value[..first.range.start];
            let Some(review) = gated_review(before, &terms.review_words, &terms.review_gates)
            else {
                continue;
            };
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    t,
                    review.start..first.range.end,
                    t!(
                        "ZN306.message",
                        review = &t.value[review.clone()],
                        limit = &t.value[first.range.clone()]
                    ),
                )
                .help(t!("ZN306.help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::gated_review;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_review_with_its_gate_is_found() {
        let (w, g) = (s(&["审核", "审批"]), s(&["通过", "后"]));
        assert_eq!(gated_review("审核通过，", &w, &g), Some(0..12));
        assert_eq!(gated_review("材料齐全的，", &w, &g), None);
        assert_eq!(gated_review("经审核，", &w, &g), None);
    }
}
