//! Command-line interface: parses arguments and runs one command. Each command lives in its own file.

pub mod build;
mod check;
mod diff;
pub mod flow;
mod lint;
mod rule;
mod show;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::render_all;
use crate::resolve::{Project, load_project};

#[derive(Debug, Parser)]
#[command(
    name = "zhinan",
    version,
    about = "指南: compile service-guide TOML sources into guides, flowcharts and notices"
)]
pub struct Cli {
    /// Project root (the folder holding catalog/ and counties/). Default: found upward from here.
    #[arg(short = 'C', long, global = true)]
    pub root: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and resolve every source; print a summary per jurisdiction.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print one resolved item and where each field's value came from.
    Show {
        /// Jurisdiction name, e.g. 霸州市.
        jurisdiction: String,
        /// Item code, id or name.
        item: String,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Render one item's flowchart as SVG (to stdout, or to a file with -o).
    Flow {
        /// Jurisdiction name, e.g. 望都县.
        jurisdiction: String,
        /// Item code, id or name.
        item: String,
        /// Write the SVG to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which of the item's charts (0 = the first).
        #[arg(long, default_value_t = 0)]
        index: usize,
    },
    /// Build every output into out/: guide, item sheets, notice, catalog, flowcharts.
    Build(build::BuildArgs),
    /// Show which font serves each role (title, body, heading, kai, mono).
    Fonts {
        /// Extra font folders, searched before the system fonts.
        #[arg(long = "font-path")]
        font_paths: Vec<PathBuf>,
    },
    /// Find defects in the sources: typos, citations, time limits, materials, contacts, codes.
    Lint(lint::LintArgs),
    /// Compare the lists with a new edition of the catalog: every item that falls behind.
    Diff(diff::DiffArgs),
    /// Print the documentation of a lint rule (`zhinan rule ZN101`, `zhinan rule known-typo`).
    Rule {
        /// Rule code or name.
        #[arg(required_unless_present = "all")]
        rule: Option<String>,
        /// List every rule: code, name, default severity and what it does.
        #[arg(long, conflicts_with = "rule")]
        all: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Exit codes: 0 success, 1 findings of error severity, 2 invalid sources or usage.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_INVALID: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // `zhinan rule` needs no project.
    if let Command::Rule { rule, all } = &cli.command {
        return rule::run(rule.as_deref(), *all);
    }
    let root = match find_root(cli.root.as_deref()) {
        Ok(root) => root,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match cli.command {
        Command::Check { format } => check::run(&root, format),
        Command::Show {
            jurisdiction,
            item,
            format,
        } => show::run(&root, &jurisdiction, &item, format),
        Command::Flow {
            jurisdiction,
            item,
            output,
            index,
        } => flow::run(&root, &jurisdiction, &item, output.as_ref(), index),
        Command::Build(args) => build::run(&root, &args),
        Command::Fonts { font_paths } => build::fonts(&font_paths),
        Command::Lint(args) => lint::run(&root, &args),
        Command::Diff(args) => diff::run(&root, &args),
        Command::Rule { .. } => unreachable!("handled before the project is loaded"),
    }
}

/// The project root: the given folder, or the nearest folder upward that has a `catalog/`.
fn find_root(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(root) = given {
        return if root.join("catalog").is_dir() {
            Ok(root.to_path_buf())
        } else {
            Err(format!(
                "{} has no catalog/ folder; is it a zhinan project?",
                root.display()
            ))
        };
    }
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    cwd.ancestors()
        .find(|dir| dir.join("catalog").is_dir())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            "no catalog/ folder here or above; run zhinan inside a project or pass -C <root>"
                .to_string()
        })
}

/// Load and resolve, printing every diagnostic on failure.
pub(crate) fn load_or_report(root: &Path) -> Result<Project, ExitCode> {
    match load_project(root) {
        Ok(project) => Ok(project),
        Err((sources, diags)) => {
            let color = std::io::stderr().is_terminal();
            eprint!("{}", render_all(&diags, &sources, color));
            let files: std::collections::BTreeSet<_> = diags.iter().map(|d| d.file).collect();
            eprintln!(
                "\nerror: {} problem{} in {} file{}; nothing was built",
                diags.len(),
                if diags.len() == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            );
            Err(ExitCode::from(EXIT_INVALID))
        }
    }
}
