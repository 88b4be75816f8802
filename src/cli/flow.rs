//! `zhinan flow`: one item's flowchart as SVG, after the located diagnostics of its authored flow.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rust_i18n::t;

use super::{EXIT_INVALID, EXIT_USAGE, load_or_report};
use crate::build::{flow_diagnostics, standalone_style};
use crate::diagnostic::{Diag, render_all};
use crate::flow::{item_flows, render_svg};

/// `zhinan flow <jurisdiction> <item> [-o file.svg]`.
pub fn run(
    root: &Path,
    jurisdiction: &str,
    query: &str,
    output: Option<&PathBuf>,
    index: usize,
) -> ExitCode {
    let project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let j = match super::jurisdiction_or_usage(&project, jurisdiction) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let Some(item) = super::show::find_item(&project, j, query) else {
        eprintln!(
            "{}",
            t!("cli.no-item", jurisdiction = jurisdiction, item = query)
        );
        eprintln!("{}", t!("cli.flow.no-item-hint"));
        return ExitCode::from(EXIT_USAGE);
    };
    let problems: Vec<Diag> = flow_diagnostics(&project)
        .into_iter()
        .filter(|d| item.flows_origin.is_some_and(|o| o.file == d.file))
        .collect();
    if !problems.is_empty() {
        eprint!("{}", render_all(&problems, &project.sources, false));
    }
    let graphs = item_flows(&item.item);
    let Some(graph) = graphs.get(index) else {
        eprintln!(
            "{}",
            t!(
                "cli.flow.no-index",
                item = item.name(),
                count = graphs.len(),
                index = index
            )
        );
        return ExitCode::from(EXIT_USAGE);
    };
    // The same font discovery as `zhinan build`, so a chart measures as it prints.
    let metrics =
        crate::render::Fonts::scan(&crate::render::FontOptions::default()).chart_metrics();
    let svg = render_svg(graph, &metrics, &standalone_style(&metrics));
    match output {
        Some(path) => {
            if let Err(err) = crate::render::output::write_atomic(path, svg.as_bytes()) {
                eprintln!(
                    "{}",
                    t!("cli.write-failed", path = path.display(), error = err)
                );
                return ExitCode::from(EXIT_INVALID);
            }
            eprintln!(
                "{}",
                t!("cli.flow.wrote", path = path.display(), title = graph.title)
            );
        }
        None => print!("{svg}"),
    }
    ExitCode::SUCCESS
}
