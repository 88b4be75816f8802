//! `zhinan show <jurisdiction> <item>`: one resolved item, field by field, with the file and line
//! each value came from.

use std::path::Path;
use std::process::ExitCode;

use rust_i18n::t;
use serde::Serialize;

use super::{EXIT_INVALID, Format, load_or_report};
use crate::model::{Item, Person, Spanned};
use crate::resolve::{FIELDS, Project, ResolvedItem};
use crate::text::nearest;

#[derive(Debug, Serialize)]
struct FieldView {
    field: &'static str,
    value: serde_json::Value,
    jurisdiction: String,
    file: String,
    line: usize,
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

fn value_of(item: &Item, field: &str) -> Option<(serde_json::Value, usize)> {
    let text = |t: &Option<Spanned<String>>| {
        t.as_ref()
            .map(|t| (serde_json::json!(t.get_ref()), t.span().start))
    };
    let list = |l: &Option<Vec<Spanned<String>>>| {
        l.as_ref().map(|l| {
            let start = l.first().map_or(0, |t| t.span().start);
            (
                serde_json::json!(l.iter().map(|t| t.get_ref()).collect::<Vec<_>>()),
                start,
            )
        })
    };
    let person = |p: &Option<Spanned<Person>>| {
        p.as_ref().map(|p| {
            let v = p.get_ref();
            let get = |t: &Option<Spanned<String>>| t.as_ref().map(|t| t.get_ref().clone());
            (serde_json::json!({"name": get(&v.name), "title": get(&v.title), "phone": get(&v.phone)}), p.span().start)
        })
    };
    match field {
        "name" => text(&item.name),
        "power_code" => text(&item.power_code),
        "power_type" => text(&item.power_type),
        "agency" => text(&item.agency),
        "address" => text(&item.address),
        "target" => text(&item.target),
        "legal_basis" => list(&item.legal_basis),
        "conditions" => text(&item.conditions),
        "materials" => list(&item.materials),
        "time_limit" => text(&item.time_limit),
        "fee" => text(&item.fee),
        "department" => text(&item.department),
        "online" => text(&item.online),
        "consult" => person(&item.consult),
        "supervision" => person(&item.supervision),
        "contact" => person(&item.contact),
        "accepting_unit" => text(&item.accepting_unit),
        "channels" => text(&item.channels),
        "steps" => text(&item.steps),
        "query" => text(&item.query),
        "evaluation" => text(&item.evaluation),
        "notes" => text(&item.notes),
        _ => None,
    }
}

fn fields(project: &Project, item: &ResolvedItem) -> Vec<FieldView> {
    FIELDS
        .iter()
        .filter_map(|field| {
            let (value, start) = value_of(&item.item, field)?;
            let origin = item.origin_of(field)?;
            Some(FieldView {
                field,
                value,
                jurisdiction: project.jurisdictions[origin.jurisdiction].name.clone(),
                file: project.sources.path(origin.file).to_string(),
                line: project.sources.line_col(origin.file, start).0,
            })
        })
        .collect()
}

pub fn run(root: &Path, jurisdiction: &str, query: &str, format: Format) -> ExitCode {
    let project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let names: Vec<&str> = project
        .jurisdictions
        .iter()
        .map(|j| j.name.as_str())
        .collect();
    let Some(j) = project.find(jurisdiction) else {
        eprintln!("{}", t!("cli.no-jurisdiction", name = jurisdiction));
        match nearest(jurisdiction, &names) {
            Some(n) => eprintln!("{}", t!("cli.did-you-mean", name = n)),
            None => eprintln!("{}", t!("cli.known-jurisdictions", names = names.join("、"))),
        }
        return ExitCode::from(EXIT_INVALID);
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
        return ExitCode::from(EXIT_INVALID);
    };
    let views = fields(&project, item);
    let decl_line = project.sources.line_col(item.decl.file, item.span.start).0;
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "jurisdiction": jurisdiction,
                "key": item.key,
                "declared": format!("{}:{}", project.sources.path(item.decl.file), decl_line),
                "fields": views,
                "flows": item.flows.len(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&out).expect("plain data serializes")
            );
        }
        Format::Human => {
            println!("{} · {} ({})", jurisdiction, item.name(), item.key);
            let location = format!("{}:{}", project.sources.path(item.decl.file), decl_line);
            println!("{}", t!("cli.show.declared", location = location));
            for v in &views {
                let value = match &v.value {
                    serde_json::Value::String(s) => s.replace('\n', " ⏎ "),
                    other => other.to_string(),
                };
                println!("  {:<15} {}", v.field, value);
                println!("  {:<15} ↳ {}:{} ({})", "", v.file, v.line, v.jurisdiction);
            }
            if let Some(origin) = item.flows_origin {
                println!(
                    "  {:<15} {} ↳ {}",
                    t!("cli.show.flow"),
                    item.flows.len(),
                    project.sources.path(origin.file)
                );
            }
        }
    }
    ExitCode::SUCCESS
}
