//! `zhinan diff`: which items of which jurisdiction fall behind a new edition of the catalog.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use miette::Report as Miette;
use rust_i18n::t;

use super::{EXIT_INVALID, EXIT_USAGE, Format, load_or_report};
use crate::diff::{Edition, compare, human, render_report};
use crate::render::{FontOptions, Fonts, PdfStandard, RenderContext};

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The edition the lists were written against: a git revision, a project folder, or an
    /// edition file (.toml, .tsv). Default: the catalog of the working tree.
    #[arg(long)]
    pub old: Option<String>,
    /// The new edition (same forms). Default: the catalog of the working tree.
    #[arg(long)]
    pub new: Option<String>,
    /// Only this jurisdiction and those under it (e.g. 某市 with its counties).
    #[arg(long)]
    pub only: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also write the printable report (landscape table, one section per jurisdiction) here.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// Templates folder (default: <root>/templates).
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

pub fn run(root: &Path, args: &DiffArgs) -> ExitCode {
    let project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let only = match &args.only {
        Some(name) => match super::jurisdiction_or_usage(&project, name) {
            Ok(j) => Some(j),
            Err(code) => return code,
        },
        None => None,
    };
    let working_tree = t!("cli.diff.working-tree");
    let here = || Edition::from_project_of(&project, only, working_tree.as_ref());
    let load = |spec: &Option<String>| match spec {
        Some(s) => Edition::load(s, root),
        None => Ok(here()),
    };
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{}", t!("cli.error", message = e.to_string()));
            eprintln!("{}", t!("cli.diff.edition-help"));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let report = compare(&project, &old, &new, only);
    match args.format {
        Format::Human => print!("{}", human(&report)),
        Format::Json => match serde_json::to_string_pretty(&report.to_json()) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("{}", t!("cli.error", message = e.to_string()));
                return ExitCode::from(EXIT_INVALID);
            }
        },
    }
    if let Some(path) = &args.pdf {
        let templates = args
            .templates
            .clone()
            .unwrap_or_else(|| root.join("templates"));
        if let Err(code) = write_pdf(&report, &templates, path) {
            return code;
        }
    }
    ExitCode::SUCCESS
}

fn write_pdf(report: &crate::diff::Report, templates: &Path, path: &Path) -> Result<(), ExitCode> {
    let fonts = Fonts::discover(&FontOptions {
        font_dirs: Vec::new(),
        system_fonts: true,
    })
    .map_err(|e| {
        eprintln!("{:?}", Miette::new(e));
        ExitCode::from(EXIT_INVALID)
    })?;
    let ctx = RenderContext {
        templates_dir: templates.to_path_buf(),
        fonts: Arc::new(fonts),
        standard: PdfStandard::Pdf17,
        date: crate::render::world::source_date_epoch(),
    };
    let pdf = render_report(&ctx, report).map_err(|e| {
        eprintln!("{:?}", Miette::new(e));
        ExitCode::from(EXIT_INVALID)
    })?;
    crate::render::output::write_atomic(path, &pdf.bytes).map_err(|e| {
        eprintln!(
            "{}",
            t!("cli.write-failed", path = path.display(), error = e)
        );
        ExitCode::from(EXIT_INVALID)
    })?;
    eprintln!("{}", t!("cli.diff.wrote", path = path.display()));
    Ok(())
}
