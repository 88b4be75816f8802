//! ZN601 subitem-code: a 子项 code whose first 9 digits are not its 主项's.

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::CodeScheme;
use rust_i18n::t;

rule_doc!(
    SubitemCode,
    r#"## What it does
Checks the codes of every item against the code scheme of its own catalog (`[code_scheme]` in the
`jurisdiction.toml` of its province, or of the national list), and against the 主项 (`[main]`) of the
file that declares it:

- an item code fits the scheme's `pattern` (Hebei: `13203699999[9Y]`, 12 characters);
- a 子项's first `main_prefix` characters are its 主项's (Hebei: 9, `132036001001` belongs to
  `13203600100Y`);
- a 主项 ending in `main_alone` (Hebei: `000`) has no 子项: its only item carries the same code.

Codes of a catalog that declares no scheme are not checked: another province's 14-digit codes are
right under their own scheme. A scheme declared `unconfirmed = true` (found in secondary sources,
not confirmed from the catalog's own codes) gives infos only.

## Why is this bad?
The code is how an item is found in every list and system (一网通办). A 子项 filed under the wrong 主项,
or a mistyped code, breaks the link between the county's item and the catalog's.

## Example
```toml
[main]
code = "13203600100Y"

[[item]]
code = "132036002001"
```

## Use instead
```toml
[main]
code = "13203600200Y"

[[item]]
code = "132036002001"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN601",
    name: "subitem-code",
    severity: Severity::Error,
    doc: DOC,
    fallback: false,
};

impl Rule for SubitemCode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            let Some(scheme) = project.code_scheme(j) else {
                continue;
            };
            for item in &jur.items {
                check_item(project, j, item, scheme, out);
            }
        }
    }
}

fn check_item(
    project: &crate::resolve::Project,
    j: usize,
    item: &crate::resolve::ResolvedItem,
    scheme: &CodeScheme,
    out: &mut Vec<Finding>,
) {
    let Some(code) = &item.item.code else {
        return;
    };
    let c = code.get_ref().as_str();
    let file = item.decl.file;
    let finding = |message: String| {
        let f = Finding::span(
            META.code,
            file,
            code.span(),
            j,
            Some(item.key.clone()),
            message,
        );
        // An unconfirmed scheme can be wrong itself: never more than an info.
        if scheme.unconfirmed {
            f.severity(Severity::Info)
        } else {
            f
        }
    };
    if !scheme.fits(c) {
        let catalog = project
            .chain(j)
            .into_iter()
            .chain(std::iter::once(j))
            .find(|&k| project.jurisdictions[k].data.code_scheme.is_some())
            .map_or(String::new(), |k| project.jurisdictions[k].name.clone());
        out.push(
            finding(
                t!(
                    "ZN601.length",
                    code = c,
                    catalog = catalog,
                    pattern = scheme.pattern.get_ref(),
                    length = scheme.length()
                )
                .into_owned(),
            )
            .help(t!("ZN601.length-help")),
        );
        return;
    }
    // Only the 主项 stated in the item's own file: inherited ones are checked at their source.
    let Some((main_file, main)) = &item.main else {
        return;
    };
    if *main_file != file {
        return;
    }
    let m = main.code.get_ref().as_str();
    if !scheme.fits(m) || c == m {
        return;
    }
    let with_items = scheme
        .main_with_items
        .as_ref()
        .map(|s| s.get_ref().as_str());
    if with_items.is_some_and(|w| c.ends_with(w)) {
        return; // a 主项 code used as an item: another 主项 than the file's is allowed.
    }
    let related = |f: Finding| f.related(*main_file, main.code.span(), t!("ZN601.related"));
    if let (Some(cp), Some(mp)) = (scheme.main_part(c), scheme.main_part(m))
        && cp != mp
    {
        out.push(related(
            finding(
                t!(
                    "ZN601.other-main",
                    code = c,
                    main = m,
                    count = cp.chars().count(),
                    prefix = cp,
                    main_prefix = mp
                )
                .into_owned(),
            )
            .help(t!("ZN601.other-main-help", count = cp.chars().count())),
        ));
    } else if let Some(alone) = &scheme.main_alone
        && m.ends_with(alone.get_ref().as_str())
    {
        out.push(related(
            finding(
                t!(
                    "ZN601.no-subitems",
                    main = m,
                    code = c,
                    alone = alone.get_ref()
                )
                .into_owned(),
            )
            .help(t!("ZN601.no-subitems-help", alone = alone.get_ref())),
        ));
    }
}
