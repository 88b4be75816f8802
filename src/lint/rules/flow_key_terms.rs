//! ZN605 flow-key-terms: a flowchart that never mentions what its item is about.

use crate::diagnostic::Severity;
use crate::lint::analysis::charts::{ChartAnalysis, flow_span};
use crate::lint::{Context, Finding, Rule, RuleMeta, RuleOption, rule_doc};
use rust_i18n::t;

rule_doc!(
    FlowKeyTerms,
    r#"## What it does
Takes the key terms of each item's name — pairs of characters that few other item names of the
jurisdiction share, without function characters (的, 或, 对 …, listed as `function_chars` in
`terms.toml`) — and flags a flowchart (title, captions, boxes, arrow labels) that mentions almost none
of them. Charts given only by a title are not checked, nor bare charts that say nothing of their own (受理资料
→ 审核资料 → 报送财务: fewer than 8 character pairs that no other chart of the jurisdiction has); a chart
that matches another item's name is left to `swapped-flows`.

## Why is this bad?
A procedure chart that never names its item's matter (封存, 资料 for a 封存 power; 待遇 for a 待遇
power) is usually a chart copied from another procedure, so the steps shown are not this item's.

## Example
```toml
[[item]]
name = "对可能被转移、隐匿或者灭失的资料予以封存"
[[item.flow]]
nodes = [{ id = "a", kind = "start", text = "行政处罚立案" }, { id = "b", kind = "end", text = "行政处罚结案归档" }]
```

## Use instead
```toml
[[item]]
name = "对可能被转移、隐匿或者灭失的资料予以封存"
[[item.flow]]
nodes = [{ id = "a", kind = "start", text = "审批封存" }, { id = "b", kind = "end", text = "制作封存清单并送达" }]
```
"#
);

/// Settable in `[lint.options.flow-key-terms]` (or terms.toml's `[thresholds]`).
static OPTIONS: [RuleOption; 3] = [
    RuleOption {
        key: "min_specific_pairs",
        default: 8.0,
        range: (0.0, 1000.0),
        doc: "character pairs of its own (that no other chart of the jurisdiction has) a chart needs before its silence about the item counts",
    },
    RuleOption {
        key: "min_name_pairs",
        default: 3.0,
        range: (0.0, 100.0),
        doc: "key character pairs an item's name needs to be judged at all",
    },
    RuleOption {
        key: "max_score",
        default: 0.15,
        range: (0.0, 1.0),
        doc: "a chart is reported when the share of its item's key pairs it mentions is below this",
    },
];

static META: RuleMeta = RuleMeta {
    code: "ZN605",
    name: "flow-key-terms",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for FlowKeyTerms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn options(&self) -> &'static [RuleOption] {
        &OPTIONS
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let specific = OPTIONS[0].value(&META, ctx) as usize;
        let min_name_pairs = OPTIONS[1].value(&META, ctx) as usize;
        let max_score = OPTIONS[2].value(&META, ctx);
        let analysis = ChartAnalysis::of(ctx);
        for (j, (charts, name_sizes)) in analysis.per_jurisdiction.iter().enumerate() {
            let jur = &ctx.project.jurisdictions[j];
            for c in charts {
                // Names with few key pairs say too little to judge; a chart that matches another
                // item is swapped-flows' finding; a bare chart names no matter.
                if name_sizes[c.item] < min_name_pairs
                    || c.score >= max_score
                    || c.better.is_some()
                    || c.specific < specific
                {
                    continue;
                }
                let item = &jur.items[c.item];
                let file = item.flows_origin.map_or(item.decl.file, |o| o.file);
                out.push(
                    Finding::span(
                        META.code,
                        file,
                        flow_span(&item.flows[c.flow]),
                        j,
                        Some(item.key.clone()),
                        t!(
                            "ZN605.message",
                            item = item.name(),
                            percent = format!("{:.0}", c.score * 100.0)
                        ),
                    )
                    .help(t!("ZN605.help")),
                );
            }
        }
    }
}
