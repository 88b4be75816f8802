//! `zhinan check`: load and resolve everything, print a summary per jurisdiction.

use std::path::Path;
use std::process::ExitCode;

use rust_i18n::t;
use serde::Serialize;

use super::{EXIT_INVALID, Format, Ui, load_or_report_ui};
use crate::diagnostic::printable;
use crate::lint::output::{JSON_FORMAT_VERSION, json_invalid};
use crate::resolve::{Project, load_project};

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
    /// The catalogs above, nearest first (its province's, the national list).
    pub chain: Vec<String>,
    /// How many items found their governing catalog item, and how.
    pub governed: Governed,
}

#[derive(Debug, Default, Serialize)]
pub struct Governed {
    pub code: usize,
    pub governed_by: usize,
    pub name: usize,
    pub none: usize,
}

fn governed(project: &Project, j: usize) -> Governed {
    use crate::lint::governing::{Match, governing_match};
    let mut g = Governed::default();
    for item in &project.jurisdictions[j].items {
        match governing_match(project, j, item).map(|(_, how)| how) {
            Some(Match::Code) => g.code += 1,
            Some(Match::GovernedBy) => g.governed_by += 1,
            Some(Match::Name) => g.name += 1,
            None => g.none += 1,
        }
    }
    g
}

pub fn summarize(project: &Project) -> Summary {
    Summary {
        jurisdictions: project
            .tree_order()
            .into_iter()
            .map(|ji| {
                let j = &project.jurisdictions[ji];
                JurisdictionSummary {
                    name: j.name.clone(),
                    level: j.level.as_str(),
                    parent: j.parent.map(|p| project.jurisdictions[p].name.clone()),
                    items: j.items.len(),
                    flows: j.items.iter().map(|i| i.flows.len()).sum(),
                    chain: project
                        .chain(ji)
                        .into_iter()
                        .map(|c| project.jurisdictions[c].name.clone())
                        .collect(),
                    governed: governed(project, ji),
                }
            })
            .collect(),
    }
}

pub fn run(root: &Path, format: Format, ui: &Ui) -> ExitCode {
    let project = match format {
        Format::Human => match load_or_report_ui(root, ui) {
            Ok(p) => p,
            Err(code) => return code,
        },
        // JSON: a whole document on stdout even when nothing loads (the errors as diagnostics).
        Format::Json => match load_project(root) {
            Ok(p) => p,
            Err((sources, diags)) => {
                eprint!(
                    "{}",
                    crate::diagnostic::render_all(&diags, &sources, ui.color_stderr())
                );
                let mut doc = json_invalid(&diags, &sources);
                doc["jurisdictions"] = serde_json::json!([]);
                println!(
                    "{}",
                    serde_json::to_string(&doc).expect("plain data serializes")
                );
                return ExitCode::from(EXIT_INVALID);
            }
        },
    };
    // Sources whose outputs would overwrite each other: the build would refuse them.
    let clashes = crate::build::output_names(&project);
    if !clashes.is_empty() {
        let color = ui.color_stderr();
        eprint!(
            "{}",
            crate::diagnostic::render_all(&clashes, &project.sources, color)
        );
        return ExitCode::from(super::EXIT_INVALID);
    }
    // Flows that load but cannot be drawn as intended: warnings, the sources are still valid.
    let warnings = crate::build::flow_diagnostics(&project);
    if !warnings.is_empty() {
        let color = ui.color_stderr();
        eprint!(
            "{}",
            crate::diagnostic::render_all(&warnings, &project.sources, color)
        );
        eprintln!("{}", t!("cli.check.flow-warnings", count = warnings.len()));
    }
    let summary = summarize(&project);
    match format {
        Format::Json => {
            let doc = serde_json::json!({
                "format_version": JSON_FORMAT_VERSION,
                "valid": true,
                "jurisdictions": summary.jurisdictions,
                "diagnostics": [],
            });
            super::print_out(&format!(
                "{}\n",
                serde_json::to_string(&doc).expect("plain data serializes")
            ));
        }
        Format::Human => {
            let mut out = String::new();
            for (ji, s) in project.tree_order().into_iter().zip(&summary.jurisdictions) {
                let j = &project.jurisdictions[ji];
                let depth = project.ancestors(ji).len();
                let line = t!(
                    "cli.check.line",
                    indent = "  ".repeat(depth),
                    name = s.name,
                    level = crate::i18n::level_name(s.level),
                    items = s.items,
                    flows = s.flows,
                    path = project.sources.path(j.file),
                );
                out.push_str(&line);
                out.push('\n');
                // The catalogs its items are checked against, and how many found their item how.
                if !s.chain.is_empty() && s.items > 0 {
                    let g = &s.governed;
                    let counts: Vec<String> = [
                        (g.code, t!("cli.check.by-code", count = g.code)),
                        (
                            g.governed_by,
                            t!("cli.check.by-governed-by", count = g.governed_by),
                        ),
                        (g.name, t!("cli.check.by-name", count = g.name)),
                        (g.none, t!("cli.check.by-none", count = g.none)),
                    ]
                    .into_iter()
                    .filter(|(n, _)| *n > 0)
                    .map(|(_, text)| text.into_owned())
                    .collect();
                    out.push_str(&t!(
                        "cli.check.chain",
                        indent = "  ".repeat(depth),
                        chain = s.chain.join(" → "),
                        counts = counts.join(t!("cli.check.separator").as_ref()),
                    ));
                    out.push('\n');
                }
            }
            out.push_str(&t!(
                "cli.check.ok",
                jurisdictions = summary.jurisdictions.len(),
                files = project.sources.len()
            ));
            out.push('\n');
            // Names are quoted from the sources: control characters are shown as escapes.
            super::print_out(&printable(&out));
        }
    }
    ExitCode::SUCCESS
}
