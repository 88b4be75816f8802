//! `zhinan lint [--only JURISDICTION] [--format human|json|sarif] [--deny warnings] [--fix]
//! [--unsafe-fixes]`.
//!
//! Exit status: 0 clean (or only warnings/infos), 1 an error-severity finding (or a warning with
//! `--deny warnings`), 2 usage (an unknown `--only` jurisdiction), 3 invalid sources, reference data
//! or config. With `--format json|sarif` stdout always holds one whole document, also when the
//! sources do not load (the load errors are its diagnostics/results).

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rust_i18n::t;

use super::{EXIT_FINDINGS, EXIT_INVALID, EXIT_USAGE, Ui};
use crate::diagnostic::{Diag, render_all};
use crate::lint::config::{self, LintConfig};
use crate::lint::engine::{self, Reported};
use crate::lint::fix::{FixError, fix_project};
use crate::lint::output::{self, SarifOptions};
use crate::resolve::{Project, load_project};
use crate::source::Sources;
use crate::text::nearest;

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    /// Report what this jurisdiction publishes (by name, e.g. 示例县), including the text it inherits
    /// from its city and the catalog; repeat for several.
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
    /// With --fix: also edit the files the selected jurisdictions inherit from (their city's, the
    /// catalog's). Without it, `--fix --only X` edits only X's own files, and `--fix` alone leaves
    /// catalog/ alone.
    #[arg(long, requires = "fix")]
    pub fix_inherited: bool,
    /// SARIF `helpUri` of each rule, `{code}` standing for the rule code (e.g. the zhinan
    /// repository's docs/rules/{code}.md); replaces `[lint] help_uri` of zhinan.toml.
    #[arg(long, value_name = "URL")]
    pub help_uri: Option<String>,
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

pub fn run(root: &Path, args: &LintArgs, ui: &Ui) -> ExitCode {
    let flag_options = SarifOptions {
        help_uri: args.help_uri.clone(),
    };
    let mut project = match load_project(root) {
        Ok(p) => p,
        Err((sources, diags)) => {
            return invalid(&diags, &sources, args, ui, &flag_options);
        }
    };
    let mut config = match config::load(root, &mut project.sources) {
        Ok(c) => c,
        Err(diags) => {
            return invalid(&diags, &project.sources, args, ui, &flag_options);
        }
    };
    let sarif_options = SarifOptions {
        help_uri: args.help_uri.clone().or_else(|| config.help_uri.clone()),
    };
    let diags = config.check_jurisdictions(&project);
    if !diags.is_empty() {
        return invalid(&diags, &project.sources, args, ui, &sarif_options);
    }
    if !args.only.is_empty() {
        if let Err(code) = check_only(&project, &args.only) {
            return code;
        }
        config.only = args.only.clone();
    }
    config.fix_inherited = args.fix_inherited;

    let (project, reported) = if args.fix {
        match fix(root, &config, args, ui) {
            Ok(done) => done,
            Err((sources, diags)) => return invalid(&diags, &sources, args, ui, &sarif_options),
        }
    } else {
        match engine::lint(&project, &config) {
            Ok(reported) => (project, reported),
            Err(diags) => return invalid(&diags, &project.sources, args, ui, &sarif_options),
        }
    };

    print(&project, &reported, args.format, ui, &sarif_options);
    if engine::failed(&reported, args.deny == Some(Deny::Warnings)) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--fix`: apply the fixes this run may make, report what was done and what was held back.
fn fix(
    root: &Path,
    config: &LintConfig,
    args: &LintArgs,
    ui: &Ui,
) -> Result<(Project, Vec<Reported>), (Sources, Vec<Diag>)> {
    match fix_project(root, config, args.unsafe_fixes) {
        Ok((report, project, reported)) => {
            for why in &report.skipped {
                eprintln!("{}", t!("cli.lint.fix-skipped", why = why));
            }
            ui.note(t!(
                "cli.lint.fixed",
                findings = report.applied,
                files = report.files.len(),
                passes = report.passes
            ));
            let held: Vec<&Reported> = reported
                .iter()
                .filter(|r| {
                    r.fixable(args.unsafe_fixes) && !config.may_edit(&project, r.finding.file)
                })
                .collect();
            if !held.is_empty() {
                let mut files: Vec<&str> = held
                    .iter()
                    .map(|r| project.sources.path(r.finding.file))
                    .collect();
                files.sort_unstable();
                files.dedup();
                ui.note(t!(
                    "cli.lint.fix-held",
                    fixes = held.len(),
                    files = files.join(", ")
                ));
            }
            if !report.stable {
                eprintln!(
                    "{}",
                    t!(
                        "cli.lint.not-converged",
                        passes = crate::lint::fix::MAX_PASSES
                    )
                );
            }
            Ok((project, reported))
        }
        Err(FixError::Invalid(sources, diags)) => Err((sources, diags)),
        Err(FixError::Io(err)) => {
            eprintln!("{}", t!("cli.error", message = err));
            Err((Sources::default(), Vec::new()))
        }
    }
}

fn print(
    project: &Project,
    reported: &[Reported],
    format: LintFormat,
    ui: &Ui,
    sarif: &SarifOptions,
) {
    let text = match format {
        LintFormat::Human => output::human(reported, project, ui.color_stdout()),
        LintFormat::Json => format!("{}\n", pretty(&output::json(reported, project))),
        LintFormat::Sarif => format!("{}\n", pretty(&output::sarif(reported, project, sarif))),
    };
    super::print_out(&text);
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("plain data serializes")
}

/// The sources, reference data or config do not load: the errors on stderr, and for the machine
/// formats a whole document on stdout that carries them, so a CI upload step never gets an empty file.
fn invalid(
    diags: &[Diag],
    sources: &Sources,
    args: &LintArgs,
    ui: &Ui,
    sarif: &SarifOptions,
) -> ExitCode {
    eprint!("{}", render_all(diags, sources, ui.color_stderr()));
    if !diags.is_empty() {
        eprintln!("{}", t!("cli.lint.invalid", problems = diags.len()));
    }
    match args.format {
        LintFormat::Human => {}
        LintFormat::Json => println!("{}", pretty(&output::json_invalid(diags, sources))),
        LintFormat::Sarif => println!("{}", pretty(&output::sarif_invalid(diags, sources, sarif))),
    }
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
                Some(n) => eprintln!(
                    "{}",
                    t!("cli.lint.only-unknown-near", name = name, near = n)
                ),
                None => eprintln!(
                    "{}",
                    t!(
                        "cli.lint.only-unknown",
                        name = name,
                        names = names.join("、")
                    )
                ),
            }
        }
    }
    if ok {
        Ok(())
    } else {
        Err(ExitCode::from(EXIT_USAGE))
    }
}
