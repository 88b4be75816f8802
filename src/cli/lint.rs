//! `zhinan lint [--only JURISDICTION] [--format human|json|sarif] [--deny warnings] [--fix]
//! [--unsafe-fixes]`.
//!
//! Exit status: 0 clean (or only warnings/infos), 1 an error-severity finding (or a warning with
//! `--deny warnings`), 2 invalid sources, reference data or config.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rust_i18n::t;

use super::{EXIT_FINDINGS, EXIT_INVALID, load_or_report};
use crate::diagnostic::render_all;
use crate::lint::config;
use crate::lint::engine::{self, Reported};
use crate::lint::fix::{FixError, fix_project};
use crate::lint::output;
use crate::resolve::Project;
use crate::text::nearest;

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    /// Report only this jurisdiction (by name, e.g. 霸州市); repeat for several.
    #[arg(long, value_name = "JURISDICTION")]
    pub only: Vec<String>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// `--deny warnings`: warnings fail the run (exit 1) as errors do.
    #[arg(long, value_enum, value_name = "warnings")]
    pub deny: Option<Deny>,
    /// Apply safe fixes to the sources, then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: apply unsafe fixes too.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

pub fn run(root: &Path, args: &LintArgs) -> ExitCode {
    let color = std::io::stderr().is_terminal();
    let mut project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut config = match config::load(root, &mut project.sources) {
        Ok(c) => c,
        Err(diags) => return invalid(&diags, &project, color),
    };
    let diags = config.check_jurisdictions(&project);
    if !diags.is_empty() {
        return invalid(&diags, &project, color);
    }
    if !args.only.is_empty() {
        if let Err(code) = check_only(&project, &args.only) {
            return code;
        }
        config.only = args.only.clone();
    }

    let (project, reported) = if args.fix {
        match fix_project(root, &config, args.unsafe_fixes) {
            Ok((report, project, reported)) => {
                for why in &report.skipped {
                    eprintln!("{}", t!("cli.lint.fix-skipped", why = why));
                }
                eprintln!(
                    "{}",
                    t!(
                        "cli.lint.fixed",
                        findings = report.applied,
                        files = report.files.len(),
                        passes = report.passes
                    )
                );
                if !report.stable {
                    eprintln!(
                        "{}",
                        t!(
                            "cli.lint.not-converged",
                            passes = crate::lint::fix::MAX_PASSES
                        )
                    );
                }
                (project, reported)
            }
            Err(FixError::Invalid(sources, diags)) => {
                eprint!("{}", render_all(&diags, &sources, color));
                eprintln!("{}", t!("cli.lint.fix-invalid"));
                return ExitCode::from(EXIT_INVALID);
            }
            Err(FixError::Io(err)) => {
                eprintln!("{}", t!("cli.error", message = err));
                return ExitCode::from(EXIT_INVALID);
            }
        }
    } else {
        match engine::lint(&project, &config) {
            Ok(reported) => (project, reported),
            Err(diags) => return invalid(&diags, &project, color),
        }
    };

    print(&project, &reported, args.format);
    if engine::failed(&reported, args.deny == Some(Deny::Warnings)) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn print(project: &Project, reported: &[Reported], format: LintFormat) {
    match format {
        LintFormat::Human => {
            let color = std::io::stdout().is_terminal();
            print!("{}", output::human(reported, project, color));
        }
        LintFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&output::json(reported, project))
                .expect("plain data serializes")
        ),
        LintFormat::Sarif => println!(
            "{}",
            serde_json::to_string_pretty(&output::sarif(reported, project))
                .expect("plain data serializes")
        ),
    }
}

fn invalid(diags: &[crate::diagnostic::Diag], project: &Project, color: bool) -> ExitCode {
    eprint!("{}", render_all(diags, &project.sources, color));
    eprintln!("{}", t!("cli.lint.invalid", problems = diags.len()));
    ExitCode::from(EXIT_INVALID)
}

fn check_only(project: &Project, only: &[String]) -> Result<(), ExitCode> {
    let names: Vec<&str> = project
        .jurisdictions
        .iter()
        .map(|j| j.name.as_str())
        .collect();
    let mut ok = true;
    for name in only {
        if !names.contains(&name.as_str()) {
            ok = false;
            match nearest(name, &names) {
                Some(n) => eprintln!("{}", t!("cli.lint.only-unknown-near", name = name, near = n)),
                None => eprintln!(
                    "{}",
                    t!("cli.lint.only-unknown", name = name, names = names.join("、"))
                ),
            }
        }
    }
    if ok {
        Ok(())
    } else {
        Err(ExitCode::from(EXIT_INVALID))
    }
}
