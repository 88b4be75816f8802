//! `zhinan check`: load and resolve everything, print a summary per jurisdiction.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use rust_i18n::t;
use serde::Serialize;

use super::{Format, load_or_report};
use crate::resolve::Project;

#[derive(Debug, Serialize)]
pub struct Summary {
    pub jurisdictions: Vec<JurisdictionSummary>,
}

#[derive(Debug, Serialize)]
pub struct JurisdictionSummary {
    pub name: String,
    pub level: &'static str,
    pub parent: Option<String>,
    pub items: usize,
    pub flows: usize,
}

pub fn summarize(project: &Project) -> Summary {
    Summary {
        jurisdictions: project
            .tree_order()
            .into_iter()
            .map(|j| &project.jurisdictions[j])
            .map(|j| JurisdictionSummary {
                name: j.name.clone(),
                level: j.level.as_str(),
                parent: j.parent.map(|p| project.jurisdictions[p].name.clone()),
                items: j.items.len(),
                flows: j.items.iter().map(|i| i.flows.len()).sum(),
            })
            .collect(),
    }
}

pub fn run(root: &Path, format: Format) -> ExitCode {
    let project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Flows that load but cannot be drawn as intended: warnings, the sources are still valid.
    let warnings = crate::build::flow_diagnostics(&project);
    if !warnings.is_empty() {
        let color = std::io::stderr().is_terminal();
        eprint!(
            "{}",
            crate::diagnostic::render_all(&warnings, &project.sources, color)
        );
        eprintln!("{}", t!("cli.check.flow-warnings", count = warnings.len()));
    }
    let summary = summarize(&project);
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string(&summary).expect("plain data serializes")
        ),
        Format::Human => {
            for (ji, s) in project.tree_order().into_iter().zip(&summary.jurisdictions) {
                let j = &project.jurisdictions[ji];
                let depth = project.ancestors(ji).len();
                println!(
                    "{}",
                    t!(
                        "cli.check.line",
                        indent = "  ".repeat(depth),
                        name = s.name,
                        level = level_name(s.level),
                        items = s.items,
                        flows = s.flows,
                        path = project.sources.path(j.file),
                    )
                );
            }
            println!(
                "{}",
                t!(
                    "cli.check.ok",
                    jurisdictions = summary.jurisdictions.len(),
                    files = project.sources.len()
                )
            );
        }
    }
    ExitCode::SUCCESS
}

fn level_name(level: &str) -> String {
    match level {
        "province" => t!("cli.level.province"),
        "city" => t!("cli.level.city"),
        _ => t!("cli.level.county"),
    }
    .into_owned()
}
