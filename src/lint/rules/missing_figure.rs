//! ZN120 missing-figure: a text that points at a picture (如下图, 界面如下) that it does not carry.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};

rule_doc!(
    MissingFigure,
    r#"## What it does
Flags a text that refers the reader to a picture (the phrases listed as `figure_refs` in
`catalog/reference/terms.toml`: 如下图, 见下图, 如图所示, 界面如下 …) when the text holds no Markdown
image (`![…](…)`). Flowchart boxes are not read: a flowchart is itself the picture.

## Why is this bad?
The screenshot or the chart stayed behind on the web page the text was copied from; the printed
guide sends the reader to nothing.

## Example
```toml
steps = "灵活就业人员新参保界面如下图，由基本信息、联系信息等四部分组成。"
```

## Use instead
```toml
steps = "灵活就业人员新参保的界面由基本信息、联系信息等四部分组成。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN120",
    name: "missing-figure",
    severity: Severity::Warning,
    doc: DOC,
};

impl Rule for MissingFigure {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let refs = &ctx.reference.terms.figure_refs;
        for text in ctx.texts.iter().filter(|t| !t.field.starts_with("flow.")) {
            let v = text.value;
            if v.contains("![") {
                continue;
            }
            // Every reference, longest first at each place (如下图 before 如下).
            let mut hits: Vec<(usize, &String)> = Vec::new();
            for r in refs.iter().filter(|r| !r.is_empty()) {
                for (at, _) in v.match_indices(r.as_str()) {
                    if !hits
                        .iter()
                        .any(|(h, hr)| at < h + hr.len() && *h < at + r.len())
                    {
                        hits.push((at, r));
                    }
                }
            }
            hits.sort();
            for (at, r) in hits {
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        at..at + r.len(),
                        format!("`{r}` points at a picture the text does not carry"),
                    )
                    .help("add the picture, or describe what it showed"),
                );
            }
        }
    }
}
