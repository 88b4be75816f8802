//! ZN123 generic-title-variant: a generic chart title that is the jurisdiction's usual one with
//! words left out (…行政确认运行流程图 for …行政确认类权力运行流程图).

use rust_i18n::t;
use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::lint::context::{FieldPath, FlowPart};
use crate::lint::{Context, Finding, Rule, RuleMeta, RuleOption, rule_doc};
use crate::text::chars::is_han;
use crate::text::keyterms::bigrams;
use crate::text::similar::{dice, normalize_name};

rule_doc!(
    GenericTitleVariant,
    r#"## What it does
Compares the generic chart titles of each jurisdiction — titles that name a kind of chart rather
than an item (`某县医疗保障局行政确认类权力运行流程图`) — and reports a title that is a more usual
one with a run of characters left out (options `min_removed`, `max_removed`) (`某县医疗保障局行政确认运行流程图`). A title close
enough to its own item's name (option `own_title_similarity`) is titled for its item and is not
compared.

## Why is this bad?
Charts of one kind are titled one way; a title with words missing is a slip that the printed
guide shows at the top of a page.

## Example
```toml
title = "某县医疗保障局行政确认运行流程图"   # the other charts: 某县医疗保障局行政确认类权力运行流程图
```

## Use instead
```toml
title = "某县医疗保障局行政确认类权力运行流程图"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN123",
    name: "generic-title-variant",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for GenericTitleVariant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn options(&self) -> &'static [RuleOption] {
        &OPTIONS
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        generic_titles(ctx, out);
    }
}

/// `long` with one run of `removed.0` to `removed.1` Han characters taken out of its middle is
/// `short`.
fn block_removed(long: &str, short: &str, removed: (usize, usize)) -> bool {
    let (l, s): (Vec<char>, Vec<char>) = (long.chars().collect(), short.chars().collect());
    if l.len() <= s.len() || l.len() - s.len() < removed.0 || l.len() - s.len() > removed.1 {
        return false;
    }
    let prefix = l.iter().zip(&s).take_while(|(a, b)| a == b).count();
    let cut = l.len() - s.len();
    prefix > 0
        && prefix + cut < l.len()
        && l[prefix + cut..] == s[prefix..]
        && l[prefix..prefix + cut].iter().all(|c| is_han(*c))
}

/// Generic chart titles (naming a kind of chart, not an item) of one jurisdiction follow one
/// pattern: a title that is the usual one with a few characters left out is reported.
/// Settable in `[lint.options.generic-title-variant]` (or terms.toml's `[thresholds]`).
static OPTIONS: [RuleOption; 3] = [
    RuleOption {
        key: "own_title_similarity",
        default: 0.3,
        range: (0.0, 1.0),
        doc: "a chart title at least this similar to its item's name (Dice coefficient) is titled for its item, not a generic title",
    },
    RuleOption {
        key: "min_removed",
        default: 2.0,
        range: (1.0, 100.0),
        doc: "fewest characters a shortened title leaves out of the usual one",
    },
    RuleOption {
        key: "max_removed",
        default: 5.0,
        range: (1.0, 100.0),
        doc: "most characters a shortened title leaves out of the usual one (more is another title)",
    },
];

fn generic_titles(ctx: &Context, out: &mut Vec<Finding>) {
    let removed = (
        OPTIONS[1].value(&META, ctx) as usize,
        OPTIONS[2].value(&META, ctx) as usize,
    );
    let project = ctx.project;
    let own_title_similarity = OPTIONS[0].value(&META, ctx);
    for (j, jur) in project.jurisdictions.iter().enumerate() {
        let mut titles: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (ti, text) in ctx.texts_in(j) {
            if text.field != FieldPath::Flow(FlowPart::Title) {
                continue;
            }
            let Some(item) = ctx.item(text) else { continue };
            let core = text.value.trim().trim_end_matches("流程图");
            let own = bigrams(&normalize_name(item.name()), &[]);
            if dice(&bigrams(&normalize_name(core), &[]), &own) >= own_title_similarity {
                continue; // titled for its item
            }
            titles.entry(text.value.trim()).or_default().push(ti);
        }
        for (short, occ) in &titles {
            let Some((long, locc)) = titles
                .iter()
                .filter(|(l, o)| o.len() > occ.len() && block_removed(l, short, removed))
                .max_by_key(|(_, o)| o.len())
            else {
                continue;
            };
            let rtext = &ctx.texts[locc[0]];
            for &ti in occ {
                let text = &ctx.texts[ti];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        0..text.value.len(),
                        t!(
                            "ZN123.message",
                            short = short,
                            long = long,
                            count = locc.len(),
                            jurisdiction = jur.name
                        ),
                    )
                    .help(t!("ZN123.help"))
                    .related(rtext.file, rtext.span.clone(), t!("ZN123.related"))
                    .fix(*long, false),
                );
            }
        }
    }
}
