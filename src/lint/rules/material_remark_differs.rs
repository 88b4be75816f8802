//! ZN405 material-remark-differs.

use crate::diagnostic::Severity;
use crate::lint::governing::{compared, material_texts, own_materials};
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use rust_i18n::t;

rule_doc!(
    MaterialRemarkDiffers,
    r#"## What it does
Flags a material that names the same document or form as the governing catalog's but with
other bracketed remarks: the catalog's remark missing (（注销）, （含新增、暂停、终止、恢复）),
or reworded (（含增加、中断…） for （含新增、暂停…）, （加盖单位公章） for
（关键信息变更加盖单位公章）). Bracket width alone (（） / ()) does not count, nor a remark
that only repeats what the catalog's notes say about the material.

## Why is this bad?
The remark says what the material covers or when it needs a stamp. A different remark asks
the applicant for something else than the catalog does (a stamp on every change instead of
on key changes only), usually a leftover of an older edition.

## Example
```text
materials = ["《职工基本医疗保险参保登记表》（含增加、中断、终止、恢复、在职转退休）"]
```

## Use instead
```text
materials = ["《职工基本医疗保险参保登记表》（含新增、暂停、终止、恢复、在职转退休）"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN405",
    name: "material-remark-differs",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

impl Rule for MaterialRemarkDiffers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (key, (gi, matched)) in compared(ctx).iter() {
            let materials = &own_materials(ctx)[key];
            let gov = project.item(*gi);
            let theirs = material_texts(gov);
            let notes = gov.item.notes.as_ref().map_or("", |n| n.get_ref().as_str());
            for r in &matched.remarks {
                // A remark the catalog gives in its notes instead (单位有效证明文件（统一社会信用代码证书
                // 或介绍信）, the notes saying 单位有效证明文件可包括：统一社会信用代码证书或介绍信).
                let in_notes = r.expected.is_empty()
                    && r.found.iter().all(|f| {
                        let inner = f
                            .trim_start_matches(['（', '('])
                            .trim_end_matches(['）', ')']);
                        !inner.is_empty() && notes.contains(inner)
                    });
                if in_notes {
                    continue;
                }
                let m = &materials[r.ours];
                let range = m.range.start + r.range.start..m.range.start + r.range.end;
                let expected = if r.expected.is_empty() {
                    t!("ZN405.no-remark").into_owned()
                } else {
                    r.expected.join("")
                };
                let found = if r.found.is_empty() {
                    t!("ZN405.none").into_owned()
                } else {
                    r.found.join("")
                };
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        &ctx.texts[m.text],
                        range,
                        t!(
                            "ZN405.message",
                            expected = expected,
                            name = gov.name(),
                            found = found
                        ),
                    )
                    .help(t!("ZN405.help", material = theirs[r.theirs])),
                );
            }
        }
    }
}
