//! ZN633 style-required-field: an item without a field its guide's style marks `required`.

use rust_i18n::t;
use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::model::{Field, FieldValue};
use crate::render::data::{DEFAULT_STYLE, is_style_name};

rule_doc!(
    StyleRequiredField,
    r#"## What it does
Reads the style each jurisdiction prints its guide with (`style` in `jurisdiction.toml`, default
`standard`: `templates/styles/<style>.toml`) and, for every field the style marks
`required = true`, flags the items the jurisdiction prints that do not have the field at all —
neither their own nor one inherited from the city or the catalog. A 监督电话 of the jurisdiction
(`supervision_phone`) counts for `supervision`. The finding points at the item's first line.

A field written but blank is the specific rules' finding (`empty-time-limit`, `missing-phone`). A
style without `required` fields asks for nothing.

## Why is this bad?
The style is the form the office publishes (its element set): a guide printed without a required
element, such as 承诺时限 or 监督电话, is incomplete, and readers cannot tell whether the office
forgot it or the item has none.

## Example
```toml
# templates/styles/standard.toml
fields = [{ key = "time_limit", label = "办理时限", required = true }]
# the item
[[item]]
name = "单位参保登记"
```

## Use instead
```toml
[[item]]
name = "单位参保登记"
time_limit = "不超过5个工作日"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN633",
    name: "style-required-field",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// The fields a style marks `required`, with their labels; none when the style file is missing,
/// unreadable or not a plain file inside the project (the build reports the first two).
fn required_fields(root: &std::path::Path, style: &str) -> Vec<(Field, String)> {
    if !is_style_name(style) {
        return Vec::new();
    }
    let path = root.join("templates/styles").join(format!("{style}.toml"));
    // Only a plain file inside the project: never a link that leads out of it.
    let inside = match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    };
    let plain = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
    if !inside || !plain {
        return Vec::new();
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let Ok(table) = toml::from_str::<toml::Table>(&text) else {
        return Vec::new();
    };
    let Some(fields) = table.get("fields").and_then(|f| f.as_array()) else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|f| f.as_table())
        .filter(|f| f.get("required").and_then(|r| r.as_bool()) == Some(true))
        .filter_map(|f| {
            let key = f.get("key")?.as_str()?;
            let field = Field::ALL.iter().copied().find(|x| x.name() == key)?;
            let label = f.get("label").and_then(|l| l.as_str()).unwrap_or(key);
            Some((field, label.to_string()))
        })
        .collect()
}

/// Is the field there at all (blank text included: the specific rules judge blanks)?
fn is_set(value: FieldValue) -> bool {
    match value {
        FieldValue::Text(t) => t.is_some(),
        FieldValue::List(l) => l.is_some_and(|l| !l.is_empty()),
        FieldValue::Person(p) => p.is_some(),
        FieldValue::Groups(g) => g.is_some_and(|g| !g.is_empty()),
        FieldValue::Refs(r) => r.is_some_and(|r| !r.is_empty()),
        FieldValue::Flag(_) => true,
        FieldValue::Flows(f) => !f.is_empty(),
    }
}

/// The structured field that can stand for a required one: materials grouped by case for
/// `materials`, structured legal references for `legal_basis`.
fn alternative(field: Field) -> Option<Field> {
    match field {
        Field::Materials => Some(Field::MaterialGroups),
        Field::LegalBasis => Some(Field::LegalRefs),
        _ => None,
    }
}

impl Rule for StyleRequiredField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let mut styles: HashMap<String, Vec<(Field, String)>> = HashMap::default();
        for (j, jur) in project.jurisdictions.iter().enumerate() {
            let style = jur
                .data
                .style
                .as_ref()
                .map(|s| s.get_ref().trim())
                .filter(|s| !s.is_empty())
                .unwrap_or(DEFAULT_STYLE);
            let required = styles
                .entry(style.to_string())
                .or_insert_with(|| required_fields(&project.sources.root, style));
            if required.is_empty() {
                continue;
            }
            let own_supervision = jur
                .data
                .supervision_phone
                .as_ref()
                .is_some_and(|p| !p.get_ref().trim().is_empty());
            for item in &jur.items {
                let missing: Vec<&str> = required
                    .iter()
                    .filter(|(field, _)| {
                        !(is_set(item.item.get(*field))
                            || alternative(*field).is_some_and(|f| is_set(item.item.get(f)))
                            || (*field == Field::Supervision && own_supervision))
                    })
                    .map(|(_, label)| label.as_str())
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                // The item's first line (`[[item]]`): a finding on the whole table would cover the
                // findings on its fields.
                let text = project.sources.text(item.decl.file);
                let start = item.span.start.min(text.len());
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                out.push(
                    Finding::span(
                        META.code,
                        item.decl.file,
                        start..end.min(item.span.end.max(start)),
                        j,
                        Some(item.key.clone()),
                        t!(
                            "ZN633.message",
                            item = item.name(),
                            fields = missing.join("、"),
                            style = style
                        ),
                    )
                    .help(t!("ZN633.help")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_read_from_plain_files_inside_the_project_only() {
        let dir = tempfile::tempdir().unwrap();
        let styles = dir.path().join("templates/styles");
        std::fs::create_dir_all(&styles).unwrap();
        let style = "fields = [{ key = \"time_limit\", label = \"办理时限\", required = true }, { key = \"fee\", label = \"收费\" }]\n";
        std::fs::write(styles.join("a.toml"), style).unwrap();
        let found = required_fields(dir.path(), "a");
        assert_eq!(found, vec![(Field::TimeLimit, "办理时限".to_string())]);
        // A name that is not a style name, a missing style, a link out of the project: nothing.
        assert!(required_fields(dir.path(), "../a").is_empty());
        assert!(required_fields(dir.path(), "b").is_empty());
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("c.toml"), style).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path().join("c.toml"), styles.join("c.toml"))
                .unwrap();
            assert!(required_fields(dir.path(), "c").is_empty());
        }
    }
}
