//! ZN606 swapped-flows: a procedure text that matches another item's name better than its own.

use rust_i18n::t;
use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

use super::flow_key_terms::{ChartAnalysis, flow_span};

rule_doc!(
    SwappedFlows,
    r#"## What it does
Compares each flowchart's text with the names of all items of its jurisdiction, by key terms (see
`flow-key-terms`): when the chart mentions most of what distinguishes *another* item's name from its
own item's name, and almost nothing of what distinguishes its own, the procedure texts of the two items
are probably swapped or copied.

## Why is this bad?
Two powers such as 骗取基金支出的处罚 and 骗取待遇的处罚 differ by a word; a chart whose first box
describes the other power's violation sends the reader through the wrong procedure.

## Example
```toml
[[item]]
name = "对以欺诈手段骗取医保待遇的处罚"
[[item.flow]]
nodes = [{ id = "a", kind = "start", text = "发现以欺诈手段骗取医疗保险基金支出的违法行为" }]
```

## Use instead
```toml
[[item]]
name = "对以欺诈手段骗取医保待遇的处罚"
[[item.flow]]
nodes = [{ id = "a", kind = "start", text = "发现以欺诈手段骗取医疗保险待遇的违法行为" }]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN606",
    name: "swapped-flows",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for SwappedFlows {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let analysis = ChartAnalysis::of(ctx);
        for (j, (charts, _)) in analysis.per_jurisdiction.iter().enumerate() {
            let jur = &ctx.project.jurisdictions[j];
            for c in charts {
                let Some((other, mine, theirs)) = c.better else {
                    continue;
                };
                let item = &jur.items[c.item];
                let o = &jur.items[other];
                let file = item.flows_origin.map_or(item.decl.file, |x| x.file);
                let mut f = Finding::span(
                    META.code,
                    file,
                    flow_span(&item.flows[c.flow]),
                    j,
                    Some(item.key.clone()),
                    t!(
                        "ZN606.message",
                        item = item.name(),
                        other = o.name(),
                        theirs = format!("{:.0}", theirs * 100.0),
                        mine = format!("{:.0}", mine * 100.0)
                    ),
                )
                .help(t!("ZN606.help"));
                if let Some(name) = &o.item.name {
                    f = f.related(
                        o.file_of("name"),
                        name.span(),
                        t!("ZN606.related"),
                    );
                }
                out.push(f);
            }
        }
    }
}
