//! `zhinan check`: load and resolve everything, print a summary per jurisdiction.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{Format, load_or_report};
use crate::diagnostic::printable;
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
    // Sources whose outputs would overwrite each other: the build would refuse them.
    let clashes = super::build::output_names(&project);
    if !clashes.is_empty() {
        let color = std::io::stderr().is_terminal();
        eprint!(
            "{}",
            crate::diagnostic::render_all(&clashes, &project.sources, color)
        );
        return ExitCode::from(super::EXIT_INVALID);
    }
    // Flows that load but cannot be drawn as intended: warnings, the sources are still valid.
    let warnings = super::flow::flow_diagnostics(&project);
    if !warnings.is_empty() {
        let color = std::io::stderr().is_terminal();
        eprint!(
            "{}",
            crate::diagnostic::render_all(&warnings, &project.sources, color)
        );
        eprintln!("warning: {} flowchart problem(s)\n", warnings.len());
    }
    let summary = summarize(&project);
    match format {
        Format::Json => super::print_out(&format!(
            "{}\n",
            serde_json::to_string(&summary).expect("plain data serializes")
        )),
        Format::Human => {
            let mut out = String::new();
            for (ji, s) in project.tree_order().into_iter().zip(&summary.jurisdictions) {
                let j = &project.jurisdictions[ji];
                let depth = project.ancestors(ji).len();
                out.push_str(&format!(
                    "{indent}{name}（{level}）  {items} 项事项  {flows} 张流程图  {path}\n",
                    indent = "  ".repeat(depth),
                    name = printable(&s.name),
                    level = level_zh(s.level),
                    items = s.items,
                    flows = s.flows,
                    path = printable(project.sources.path(j.file)),
                ));
            }
            out.push_str(&format!(
                "ok: {} jurisdictions, {} source files\n",
                summary.jurisdictions.len(),
                project.sources.len()
            ));
            super::print_out(&out);
        }
    }
    ExitCode::SUCCESS
}

fn level_zh(level: &str) -> &'static str {
    match level {
        "province" => "省",
        "city" => "市",
        _ => "县",
    }
}
