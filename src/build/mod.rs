//! Stage 4, **build**: one entry from a loaded and resolved [`Project`] to every output in `out/`.
//!
//! ```text
//! run(project, options, progress)
//!   ├─ fast path: the stamp says nothing the build reads changed → nothing is done
//!   ├─ gate:      the lint on what is published, on a thread of its own beside everything
//!   │             below; errors stop the build unless allowed (nothing is published before it
//!   │             has said yes)
//!   ├─ jobs:      one render job per jurisdiction with items (guide, items, notice, catalog)
//!   ├─ charts:    every flowchart laid out, put into its guide and written as an SVG file
//!   ├─ render:    every PDF of every jurisdiction in one queue, one per core (previous outputs
//!   │             kept on failure; see `render::schedule`)
//!   └─ stamp:     the fingerprint recorded for the next fast path
//! ```
//!
//! The CLI (`zhinan build`), the examples and the benches call [`run`] or [`jobs`]; nothing here
//! prints. Extension points, in the order `run` goes through them:
//! - the gate before anything is built: [`gate::check`], the lint on what is published (error
//!   findings stop the build unless allowed; see [`Options::lint`]);
//! - a new kind of output (a web site, open data): make its files from the jobs in `run`, after
//!   the PDFs, and add them to [`Built`]; the stamp then covers them (today's kinds: `guide.pdf`,
//!   `items/<key>.pdf`, `notice.pdf`, `catalog.pdf`, `flows/<key>.svg`, see `render::build`);
//! - a front end that rebuilds on change (`watch`): call [`run`] again with the reloaded project;
//!   the fast path and the per-jurisdiction manifests make unchanged work free;
//! - progress (bars, logs): implement [`Progress`].

mod charts;
mod fingerprint;
pub mod gate;
mod jobs;

use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::Diag;
use crate::lint::config::LintConfig;
use crate::render::stamp::Stamp;
use crate::render::{self, FontOptions, Fonts, PdfStandard, RenderError};
use crate::resolve::Project;

pub use charts::{PORTRAIT_WIDTH, attach_flows, flow_diagnostics, standalone_style};
pub use gate::LintSummary;
pub use jobs::jobs;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// Output folder: each jurisdiction gets `<out_dir>/<name>/`.
    pub out_dir: PathBuf,
    /// The folder with `lib.typ`, `guide.typ`, `item.typ`, `notice.typ`, `catalog.typ`.
    pub templates_dir: PathBuf,
    /// Build only this jurisdiction (an index into `project.jurisdictions`).
    pub only: Option<usize>,
    pub standard: PdfStandard,
    /// Rebuild even when nothing changed.
    pub force: bool,
    /// Extra font folders, searched before the system fonts.
    pub font_paths: Vec<PathBuf>,
    /// The lint run on what is published (zhinan.toml's `[lint]`); `None`: no lint gate.
    pub lint: Option<LintConfig>,
    /// Publish despite error findings (`--allow-lint-errors`; zhinan.toml's
    /// `[build] allow_lint_errors` does the same through `lint`).
    pub allow_lint_errors: bool,
}

impl Options {
    /// The defaults of `zhinan build` for a project at `root`: `out/` and `templates/` in it.
    pub fn new(root: &std::path::Path) -> Options {
        Options {
            out_dir: root.join("out"),
            templates_dir: root.join("templates"),
            only: None,
            standard: PdfStandard::Pdf17,
            force: false,
            font_paths: Vec::new(),
            lint: Some(LintConfig::default()),
            allow_lint_errors: false,
        }
    }
}

/// Told about a build as it goes; every method has an empty default.
pub trait Progress: Sync {
    /// The PDFs of `count` jurisdictions are about to be made.
    fn start(&self, _count: usize) {}
    /// One jurisdiction is done (or failed).
    fn jurisdiction_done(&self, _name: &str) {}
    /// Every jurisdiction is done.
    fn finish(&self) {}
}

/// A [`Progress`] that says nothing.
pub struct Silent;
impl Progress for Silent {}

/// A jurisdiction's name and what building it gave.
pub type Jurisdiction = (String, Result<render::BuildReport, RenderError>);

/// What a build did.
#[derive(Debug)]
pub enum Report {
    /// Nothing the build reads changed and no output was touched: `files` outputs are current.
    UpToDate { files: usize },
    /// Jurisdictions were built (or found unchanged by their manifests).
    Built(Built),
}

/// The jurisdictions of a build, each with its result, in tree order.
#[derive(Debug)]
pub struct Built {
    pub jurisdictions: Vec<Jurisdiction>,
    /// The fast-path stamp could not be written (the outputs are fine; the next build is slower).
    pub stamp_error: Option<std::io::Error>,
    /// What the lint gate found in what was published.
    pub lint: LintSummary,
}

impl Built {
    /// Did any jurisdiction fail?
    pub fn failed(&self) -> bool {
        self.jurisdictions.iter().any(|(_, r)| r.is_err())
    }
}

/// Why nothing was built.
#[derive(Debug)]
pub enum BuildError {
    /// The sources cannot be built as they are (e.g. a notice body that cannot be read).
    Invalid(Vec<Diag>),
    /// No usable fonts.
    Fonts(RenderError),
    /// The lint found errors in what would be published (and they were not allowed): the
    /// findings of error severity, and how many warnings came with them.
    Lint {
        errors: Vec<crate::lint::engine::Reported>,
        warnings: usize,
    },
}

/// Collisions and over-long names among the output files of a project (see `render::names`):
/// located errors naming both sources.
pub fn output_names(project: &Project) -> Vec<Diag> {
    crate::render::names::check(project, |j, i, k| {
        charts::chart_file(&project.jurisdictions[j].items[i], k)
    })
}

/// The fonts of the build and the render jobs, their charts measured with those fonts.
fn prepare(
    project: &Project,
    options: &Options,
) -> Result<(Arc<Fonts>, Vec<render::Job>), BuildError> {
    let fonts = Fonts::discover(&FontOptions {
        font_dirs: options.font_paths.clone(),
        system_fonts: true,
    })
    .map(Arc::new)
    .map_err(BuildError::Fonts)?;
    let jobs = jobs(
        project,
        options.only,
        &fonts.chart_metrics(),
        &options.templates_dir,
    )
    .map_err(BuildError::Invalid)?;
    Ok((fonts, jobs))
}

/// Refuses the permit when dropped undecided: a gate that stopped early (a panic) never leaves
/// the build waiting for its decision.
struct Refusal<'a>(&'a render::Permit);

impl Drop for Refusal<'_> {
    fn drop(&mut self) {
        self.0.decide(false);
    }
}

/// Every PDF of the build, published as `permit` says; per jurisdiction, its name and result.
fn render_all(
    project: &Project,
    options: &Options,
    permit: &render::Permit,
    progress: &dyn Progress,
) -> Result<Vec<Jurisdiction>, BuildError> {
    let (fonts, jobs) = prepare(project, options)?;
    let render_options = render::BuildOptions {
        out_dir: options.out_dir.clone(),
        templates_dir: options.templates_dir.clone(),
        standard: options.standard,
        force: options.force,
    };
    progress.start(jobs.len());
    // Every document of every jurisdiction in one queue, one at a time per core (see
    // `render::schedule`).
    let results =
        render::build::build_each_permitted(&jobs, &fonts, &render_options, permit, |job| {
            progress.jurisdiction_done(&job.guide.jurisdiction.name)
        });
    Ok(results
        .into_iter()
        .zip(&jobs)
        .map(|(result, job)| (job.guide.jurisdiction.name.clone(), result))
        .collect())
}

/// Builds every output of `project` (see the module docs).
pub fn run(
    project: &Project,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Report, BuildError> {
    let fingerprint = fingerprint::of(project, options);
    if !options.force
        && let Some(stamp) = Stamp::load(&options.out_dir)
        && stamp.is_current(&options.out_dir, &fingerprint)
    {
        return Ok(Report::UpToDate {
            files: stamp.outputs.len(),
        });
    }
    // Two sources that would write the same output file: invalid sources, refused before the lint
    // and before anything is built.
    let clashes = output_names(project);
    if !clashes.is_empty() {
        return Err(BuildError::Invalid(clashes));
    }
    // The lint gate runs beside the typesetting: jurisdictions are typeset into their staging
    // folders meanwhile, and none is published before the gate has said yes (see `Permit`).
    // The gate has a thread of its own: the build waits for its decision before publishing, so it
    // must never queue behind the typesetting workers.
    let permit = render::Permit::default();
    let (lint, rendered) = std::thread::scope(|scope| {
        let gate = scope.spawn(|| {
            let _if_it_panics = Refusal(&permit);
            let lint = gate::check(project, options);
            permit.decide(lint.is_ok());
            lint
        });
        let rendered = render_all(project, options, &permit, progress);
        (gate.join(), rendered)
    });
    let lint = lint.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    let results = rendered?;
    progress.finish();
    let mut built = Built {
        jurisdictions: results,
        stamp_error: None,
        lint,
    };
    if !built.failed() {
        built.stamp_error = Stamp::record(&options.out_dir, fingerprint)
            .save(&options.out_dir)
            .err();
    }
    Ok(Report::Built(built))
}
