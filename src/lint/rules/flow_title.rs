//! ZN603 flow-title: a flowchart titled for another item, or with a title that differs from its item's
//! name.

use crate::diagnostic::Severity;
use crate::lint::context::{FieldPath, FlowPart};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::Field;
use crate::resolve::Project;
use crate::text::keyterms::bigrams;
use crate::text::similar::{Similarity, dice, normalize_name};
use rust_i18n::t;

rule_doc!(
    FlowTitle,
    r#"## What it does
Compares each flowchart title (without `流程图` and without the jurisdiction's or agency's name in front)
with the name of its item:

- a title that is exactly the name of *another* item of the jurisdiction or of the catalog is an error
  (the chart was copied from that item);
- a title closer to another item's name than to its own, or that differs from its own item's name
  (shortened, a word swapped, 报销 for 支付), is a warning.

Generic titles that name no item (`赵县医疗保障局行政强制类权力运行流程图`) are not compared. An item
name that ends in `流程图` (a chart title pasted into the name) is a warning too.

## Settings
In `[thresholds]` of `catalog/reference/terms.toml`: `"flow-title.generic_below"` (shipped 0.3): a
title less similar than this to every item name is generic and not reported; `"flow-title.closer_margin"`
(0.1): how much closer to another item's name a title must be to be called that item's.

## Why is this bad?
A reader looks for the chart by the item's name; a chart titled for another item is, in most cases,
that item's chart copied over, so the procedure shown may be the wrong one.

## Example
```toml
[[item]]
name = "职工参保信息变更登记"
[[item.flow]]
title = "单位参保信息变更登记流程图"
```

## Use instead
```toml
[[item]]
name = "职工参保信息变更登记"
[[item.flow]]
title = "职工参保信息变更登记流程图"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN603",
    name: "flow-title",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

/// Without the bracketed parts (full-width after `normalize`).
fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '（' => depth += 1,
            '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Default of `thresholds."flow-title.generic_below"`: a title this far from every item name
/// (Dice similarity of character pairs) is a generic one (行政强制类权力运行流程图), not reported.
const GENERIC_BELOW: f64 = 0.3;
/// Default of `thresholds."flow-title.closer_margin"`: how much closer to another item's name a
/// title must be to be called that item's.
const CLOSER_MARGIN: f64 = 0.1;

/// A chart title without `流程图` and without the names and agencies of its jurisdiction and of
/// their parents in front.
fn title_core<'t>(project: &Project, j: usize, title: &'t str) -> &'t str {
    let mut core = title.trim();
    core = core.strip_suffix("流程图").unwrap_or(core);
    core = core.strip_suffix("流程").unwrap_or(core);
    let mut prefixes: Vec<&str> = std::iter::once(j)
        .chain(project.ancestors(j))
        .flat_map(|k| {
            let d = &project.jurisdictions[k];
            [
                Some(d.name.as_str()),
                d.data.agency.as_ref().map(|a| a.get_ref().as_str()),
            ]
        })
        .flatten()
        .collect();
    // The longest first: the agency (示例市医疗保障局) before the name it starts with (示例市).
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in &prefixes {
        core = core.strip_prefix(p).unwrap_or(core);
    }
    core
}

impl Rule for FlowTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let terms = &ctx.reference.terms;
        // A title at least `min` like an item name names that item; another item's name must be
        // closer by more than `margin` for the chart to be called that item's.
        let naming = Similarity {
            min: terms.threshold("flow-title.generic_below", GENERIC_BELOW),
            margin: terms.threshold("flow-title.closer_margin", CLOSER_MARGIN),
        };

        // Names of each catalog's items and 主项 (compared within the item's own chain).
        let catalog_names = |c: Option<usize>| -> Vec<String> {
            let Some(c) = c else { return Vec::new() };
            let catalog = &project.jurisdictions[c];
            catalog
                .items
                .iter()
                .map(|i| i.name().to_string())
                .chain(catalog.mains.iter().map(|(_, m)| m.name.get_ref().clone()))
                .collect()
        };

        for text in ctx.texts_of(FieldPath::Item(Field::Name)) {
            let name = text.value.trim();
            if name.ends_with("流程图") {
                let at = text.value.find("流程图").unwrap_or(0);
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + "流程图".len(),
                        t!("ZN603.name"),
                    )
                    .help(t!("ZN603.name-help"))
                    .severity(Severity::Warning)
                    .fix("", false),
                );
            }
        }

        for text in ctx.texts_of(FieldPath::Flow(FlowPart::Title)) {
            let Some(item) = ctx.item(text) else { continue };
            let j = text.jurisdiction;
            let jur = &project.jurisdictions[j];
            let core = normalize_name(title_core(project, j, text.value));
            if core.is_empty() {
                continue;
            }
            let mut own_names = vec![normalize_name(item.name())];
            if let Some(c) = project.catalog_item(item) {
                own_names.push(normalize_name(c.name()));
            }
            if let Some((_, m)) = &item.main
                && item.code() == Some(m.code.get_ref().as_str())
            {
                own_names.push(normalize_name(m.name.get_ref()));
            }
            // A remark in brackets (生育（计划生育）医疗费支付: a chart for both) is not a different name.
            let bare = strip_brackets(&core);
            if own_names.contains(&core) || own_names.iter().any(|n| strip_brackets(n) == bare) {
                continue;
            }
            let others: Vec<String> = jur
                .items
                .iter()
                .filter(|o| o.key != item.key)
                .map(|o| o.name().to_string())
                .chain(catalog_names(project.governing_catalog(j)))
                .map(|n| normalize_name(&n))
                .filter(|n| !own_names.contains(n))
                .collect();
            if let Some(other) = others.iter().find(|o| **o == core) {
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        0..text.value.len(),
                        t!("ZN603.other", item = item.name(), other = other),
                    )
                    .help(t!("ZN603.other-help", item = item.name())),
                );
                continue;
            }
            let cb = bigrams(&core, &[]);
            let own_sim = own_names
                .iter()
                .map(|n| dice(&cb, &bigrams(n, &[])))
                .fold(0.0, f64::max);
            let (best_other, other_sim) = others
                .iter()
                .map(|o| (o, dice(&cb, &bigrams(o, &[]))))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap_or((&core, 0.0));
            if !naming.holds(own_sim.max(other_sim)) {
                continue; // a generic title (行政强制类权力运行流程图)
            }
            let (message, help) = if naming.closer(other_sim, own_sim) {
                (
                    t!(
                        "ZN603.closer",
                        title = text.value.trim(),
                        other = best_other,
                        item = item.name()
                    ),
                    t!("ZN603.closer-help"),
                )
            } else {
                (
                    t!(
                        "ZN603.differs",
                        title = text.value.trim(),
                        item = item.name()
                    ),
                    t!("ZN603.differs-help", item = item.name()),
                )
            };
            out.push(
                Finding::at(META.code, ctx, text, 0..text.value.len(), message)
                    .help(help)
                    .severity(Severity::Warning),
            );
        }
    }
}
