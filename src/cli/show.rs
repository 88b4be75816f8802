//! `zhinan show <jurisdiction> <item>`: one resolved item, field by field, with the file and line
//! each value came from.

use std::path::Path;
use std::process::ExitCode;

use rust_i18n::t;
use serde::Serialize;

use super::{EXIT_USAGE, Format, load_or_report};
use crate::model::{Field, FieldValue, Item, Spanned};
use crate::resolve::{ItemRef, Project, ResolvedItem};
use crate::text::nearest;

#[derive(Debug, Serialize)]
struct FieldView {
    field: &'static str,
    value: serde_json::Value,
    jurisdiction: String,
    file: String,
    line: usize,
    /// The catalog item this field is checked against (the governing item, when it sets the field).
    governing: Option<GoverningView>,
}

#[derive(Debug, Clone, Serialize)]
struct GoverningView {
    jurisdiction: String,
    key: String,
    name: String,
    /// `code`, `governed_by` or `name` (found by name alone).
    via: &'static str,
}

/// The governing items of an item up its chain: its province's item, then the national list's.
fn governing_chain(project: &Project, item: &ResolvedItem) -> Vec<(GoverningView, ItemRef)> {
    use crate::lint::governing::{Match, governing_match};
    let mut out: Vec<(GoverningView, ItemRef)> = Vec::new();
    let mut cur = governing_match(project, item.decl.jurisdiction, item);
    while let Some((r, how)) = cur {
        if out.iter().any(|(_, seen)| *seen == r) {
            break;
        }
        let gov = project.item(r);
        out.push((
            GoverningView {
                jurisdiction: project.jurisdictions[r.jurisdiction].name.clone(),
                key: gov.key.clone(),
                name: gov.name().to_string(),
                via: match how {
                    Match::Code => "code",
                    Match::GovernedBy => "governed_by",
                    Match::Name => "name",
                },
            },
            r,
        ));
        cur = governing_match(project, r.jurisdiction, gov);
    }
    out
}

/// Find an item by code, id, name or published number.
pub fn find_item<'a>(project: &'a Project, j: usize, query: &str) -> Option<&'a ResolvedItem> {
    let items = &project.jurisdictions[j].items;
    items
        .iter()
        .find(|i| i.key == query)
        .or_else(|| items.iter().find(|i| i.name() == query))
        .or_else(|| {
            items
                .iter()
                .find(|i| i.item.seq.as_ref().is_some_and(|s| s.get_ref() == query))
        })
}

/// A field's value as JSON, with where it starts in its file.
fn value_of(item: &Item, field: Field) -> Option<(serde_json::Value, usize)> {
    let get = |t: &Option<Spanned<String>>| t.as_ref().map(|t| t.get_ref().clone());
    match item.get(field) {
        FieldValue::Text(t) => t.map(|t| (serde_json::json!(t.get_ref()), t.span().start)),
        FieldValue::List(l) => l.map(|l| {
            let start = l.first().map_or(0, |t| t.span().start);
            (
                serde_json::json!(l.iter().map(|t| t.get_ref()).collect::<Vec<_>>()),
                start,
            )
        }),
        FieldValue::Person(p) => p.map(|p| {
            let v = p.get_ref();
            (
                serde_json::json!({"name": get(&v.name), "title": get(&v.title), "phone": get(&v.phone)}),
                p.span().start,
            )
        }),
        FieldValue::Groups(g) => g.map(|g| {
            let start = g.first().map_or(0, |t| t.span().start);
            let groups: Vec<serde_json::Value> = g
                .iter()
                .map(|g| {
                    let g = g.get_ref();
                    serde_json::json!({
                        "case": g.case.get_ref(),
                        "materials": g.materials.iter().map(|m| m.get_ref()).collect::<Vec<_>>(),
                    })
                })
                .collect();
            (serde_json::json!(groups), start)
        }),
        FieldValue::Refs(r) => r.map(|r| {
            let start = r.first().map_or(0, |t| t.span().start);
            let refs: Vec<String> = r.iter().map(|r| r.get_ref().citation()).collect();
            (serde_json::json!(refs), start)
        }),
        FieldValue::Flag(_) | FieldValue::Flows(_) => None,
    }
}

/// Every inherited field the item has, with the jurisdiction, file and line it came from, and the
/// nearest governing item that sets the field.
fn fields(project: &Project, item: &ResolvedItem) -> Vec<FieldView> {
    let chain = governing_chain(project, item);
    Field::ALL
        .iter()
        .filter(|f| f.inherits())
        .filter_map(|&field| {
            let (value, start) = value_of(&item.item, field)?;
            let origin = item.origin_of(field)?;
            Some(FieldView {
                field: field.name(),
                value,
                jurisdiction: project.jurisdictions[origin.jurisdiction].name.clone(),
                file: project.sources.path(origin.file).to_string(),
                line: project.sources.line_col(origin.file, start).0,
                governing: chain
                    .iter()
                    .find(|(_, r)| value_of(&project.item(*r).item, field).is_some())
                    .map(|(v, _)| v.clone()),
            })
        })
        .collect()
}

pub fn run(root: &Path, jurisdiction: &str, query: Option<&str>, format: Format) -> ExitCode {
    let project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let j = match super::jurisdiction_or_usage(&project, jurisdiction) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let Some(query) = query else {
        list_items(&project, j, format);
        return ExitCode::SUCCESS;
    };
    let Some(item) = find_item(&project, j, query) else {
        let keys: Vec<&str> = project.jurisdictions[j]
            .items
            .iter()
            .map(|i| i.name())
            .collect();
        eprintln!(
            "{}",
            t!("cli.no-item", jurisdiction = jurisdiction, item = query)
        );
        match nearest(query, &keys) {
            Some(n) => eprintln!("{}", t!("cli.did-you-mean", name = n)),
            None => eprintln!("{}", t!("cli.show.no-item-hint")),
        }
        return ExitCode::from(EXIT_USAGE);
    };
    let views = fields(&project, item);
    let chain: Vec<GoverningView> = governing_chain(&project, item)
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    let decl_line = project.sources.line_col(item.decl.file, item.span.start).0;
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "jurisdiction": jurisdiction,
                "key": item.key,
                "declared": format!("{}:{}", project.sources.path(item.decl.file), decl_line),
                "fields": views,
                "governing": chain,
                "flows": item.flows.len(),
            });
            super::print_out(&format!(
                "{}\n",
                serde_json::to_string_pretty(&out).expect("plain data serializes")
            ));
        }
        Format::Human => {
            let mut out = String::new();
            out.push_str(&format!(
                "{} · {} ({})\n",
                jurisdiction,
                item.name(),
                item.key
            ));
            let location = format!("{}:{}", project.sources.path(item.decl.file), decl_line);
            out.push_str(&t!("cli.show.declared", location = location));
            out.push('\n');
            let described: Vec<String> = chain
                .iter()
                .map(|g| format!("{} · {} {} ({})", g.jurisdiction, g.key, g.name, g.via))
                .collect();
            out.push_str(&if described.is_empty() {
                t!("cli.show.governing-none").into_owned()
            } else {
                t!("cli.show.governing", chain = described.join(" → ")).into_owned()
            });
            out.push('\n');
            for v in &views {
                let value = match &v.value {
                    serde_json::Value::String(s) => s.replace('\n', " ⏎ "),
                    other => other.to_string(),
                };
                out.push_str(&format!("  {:<15} {}\n", v.field, value));
                out.push_str(&format!(
                    "  {:<15} ↳ {}:{} ({})\n",
                    "", v.file, v.line, v.jurisdiction
                ));
                if let Some(g) = &v.governing {
                    out.push_str(&format!(
                        "  {:<15} ⇢ {}\n",
                        "",
                        t!(
                            "cli.show.field-governing",
                            jurisdiction = g.jurisdiction,
                            key = g.key
                        )
                    ));
                }
            }
            if let Some(origin) = item.flows_origin {
                out.push_str(&format!(
                    "  {:<15} {} ↳ {}\n",
                    t!("cli.show.flow"),
                    item.flows.len(),
                    project.sources.path(origin.file)
                ));
            }
            // Values are quoted from the sources: control characters are shown as escapes.
            super::print_out(&crate::diagnostic::printable(&out));
        }
    }
    ExitCode::SUCCESS
}

/// `zhinan show <jurisdiction>`: the jurisdiction's items in publication order, with where each is
/// declared (its own file, or inherited whole from a parent).
fn list_items(project: &Project, j: usize, format: Format) {
    let jur = &project.jurisdictions[j];
    let rows: Vec<serde_json::Value> = jur
        .items
        .iter()
        .map(|i| {
            let line = project.sources.line_col(i.decl.file, i.span.start).0;
            serde_json::json!({
                "seq": i.item.seq.as_ref().map(|s| s.get_ref().clone()),
                "key": i.key,
                "name": i.name(),
                "declared": format!("{}:{}", project.sources.path(i.decl.file), line),
                "declared_by": project.jurisdictions[i.decl.jurisdiction].name,
                "flows": i.flows.len(),
            })
        })
        .collect();
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "jurisdiction": jur.name,
                "items": rows,
            }))
            .expect("plain data serializes")
        ),
        Format::Human => {
            println!(
                "{}",
                t!("cli.show.count", name = jur.name, count = jur.items.len())
            );
            let width = jur
                .items
                .iter()
                .map(|i| crate::text::width::display_width(i.name()))
                .max()
                .unwrap_or(0);
            for (i, row) in jur.items.iter().zip(&rows) {
                let name = i.name();
                let pad = width - crate::text::width::display_width(name);
                println!(
                    "  {:<14} {}{}  {}",
                    i.key,
                    name,
                    " ".repeat(pad),
                    row["declared"].as_str().unwrap_or_default()
                );
            }
        }
    }
}
