//! `zhinan build`: every PDF of every jurisdiction into `out/`, and `zhinan fonts`.

use rust_i18n::t;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use miette::Report;

use super::{EXIT_FINDINGS, EXIT_INVALID, load_or_report};
use crate::build::{self, BuildError, Built};
use crate::diagnostic::render_all;
use crate::render::PdfStandard;

/// Options of `zhinan build` as given on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Output folder (default: <root>/out).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Templates folder (default: <root>/templates).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Build only this jurisdiction.
    #[arg(long)]
    pub only: Option<String>,
    /// PDF flavour.
    #[arg(long, value_enum, default_value_t = PdfStandard::Pdf17)]
    pub pdf_standard: PdfStandard,
    /// Rebuild even when nothing changed.
    #[arg(long)]
    pub force: bool,
    /// Extra font folders, searched before the system fonts (e.g. the official fonts).
    #[arg(long = "font-path")]
    pub font_paths: Vec<PathBuf>,
    /// Publish even when the lint reports errors (also `[build] allow_lint_errors = true` in
    /// zhinan.toml).
    #[arg(long)]
    pub allow_lint_errors: bool,
}

pub fn run(root: &Path, args: &BuildArgs) -> ExitCode {
    let mut project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // The lint settings (zhinan.toml) for the gate: what is published is linted first.
    let lint = match crate::lint::config::load(root, &mut project.sources) {
        Ok(config) => config,
        Err(diags) => {
            eprint!("{}", render_all(&diags, &project.sources, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let only = match &args.only {
        Some(name) => match super::jurisdiction_or_usage(&project, name) {
            Ok(j) => Some(j),
            Err(code) => return code,
        },
        None => None,
    };
    let out_dir = args.out.clone().unwrap_or_else(|| root.join("out"));
    let options = build::Options {
        out_dir: out_dir.clone(),
        templates_dir: args
            .templates
            .clone()
            .unwrap_or_else(|| root.join("templates")),
        only,
        standard: args.pdf_standard,
        force: args.force,
        font_paths: args.font_paths.clone(),
        lint: Some(lint),
        allow_lint_errors: args.allow_lint_errors,
    };
    let report = build::run(&project, &options, &Bar::default());
    match report {
        Ok(build::Report::UpToDate { files }) => {
            println!(
                "{}",
                t!(
                    "cli.build.all-up-to-date",
                    files = files,
                    dir = out_dir.display()
                )
            );
            ExitCode::SUCCESS
        }
        Ok(build::Report::Built(built)) => {
            print_lint(&built.lint, args.allow_lint_errors);
            print_built(built, &out_dir)
        }
        Err(BuildError::Invalid(diags)) => {
            eprint!("{}", render_all(&diags, &project.sources, false));
            ExitCode::from(EXIT_INVALID)
        }
        Err(BuildError::Fonts(err)) => {
            eprintln!("{:?}", Report::new(err));
            ExitCode::from(EXIT_INVALID)
        }
        Err(BuildError::Lint { errors, warnings }) => {
            eprint!("{}", crate::lint::output::human(&errors, &project, false));
            eprintln!(
                "{}",
                t!(
                    "cli.build.lint-gate",
                    errors = errors.len(),
                    warnings = warnings
                )
            );
            ExitCode::from(EXIT_FINDINGS)
        }
    }
}

/// One line on the lint findings of what was published.
fn print_lint(lint: &build::LintSummary, allowed_by_flag: bool) {
    if lint.allowed {
        eprintln!(
            "{}",
            t!(
                "cli.build.lint-allowed",
                errors = lint.errors,
                warnings = lint.warnings,
                by = if allowed_by_flag {
                    "--allow-lint-errors"
                } else {
                    "zhinan.toml [build] allow_lint_errors"
                }
            )
        );
    } else if lint.warnings > 0 {
        eprintln!(
            "{}",
            t!("cli.build.lint-warnings", warnings = lint.warnings)
        );
    }
}

fn print_built(built: Built, out_dir: &Path) -> ExitCode {
    let failed = built.failed();
    for (name, result) in built.jurisdictions {
        match result {
            Ok(report) if report.skipped => println!("{}", t!("cli.build.up-to-date", name = name)),
            Ok(report) => {
                println!(
                    "{}",
                    t!(
                        "cli.build.built",
                        name = name,
                        files = report.outputs.len(),
                        dir = report.dir.display(),
                        seconds = format!("{:.1}", report.elapsed.as_secs_f64())
                    )
                );
                for w in &report.warnings {
                    eprintln!("{}", t!("cli.build.warning", warning = w));
                }
            }
            Err(err) => {
                eprintln!("{}", t!("cli.build.failed", name = name));
                eprintln!("{:?}", Report::new(err));
            }
        }
    }
    if failed {
        return ExitCode::from(EXIT_FINDINGS);
    }
    if let Some(err) = &built.stamp_error {
        eprintln!(
            "{}",
            t!("cli.build.no-stamp", dir = out_dir.display(), error = err)
        );
    }
    ExitCode::SUCCESS
}

/// A progress bar on stderr while PDFs are made, when stderr is a terminal.
#[derive(Default)]
struct Bar(std::sync::OnceLock<indicatif::ProgressBar>);

impl build::Progress for Bar {
    fn start(&self, count: usize) {
        if count > 1 && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(count as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(&t!("cli.build.progress")) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            let _ = self.0.set(bar);
        }
    }

    fn jurisdiction_done(&self, name: &str) {
        if let Some(bar) = self.0.get() {
            bar.set_message(name.to_string());
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.get() {
            bar.finish_and_clear();
        }
    }
}
