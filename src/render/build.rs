//! `zhinan build`: all PDFs of a jurisdiction into `out/<jurisdiction name>/`.
//!
//! ```text
//! out/示例市/guide.pdf          cover, contents, one section per item with its flowcharts
//! out/示例市/items/<key>.pdf    one item per file (for the service window)
//! out/示例市/notice.pdf         the public notice (GB/T 9704-2012), when the jurisdiction has one
//! out/示例省/catalog.pdf        the provincial list as a landscape table (province only)
//! out/<name>/manifest.json     input and output hashes: an unchanged jurisdiction is skipped
//! ```
//!
//! Every PDF is written to a staging folder as soon as it is made; the jurisdiction's folder is
//! replaced only when all of them succeeded (see [`Staging`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use typst::foundations::Bytes;

use super::data::{
    CatalogData, FlowRef, GuideData, ItemView, JurisdictionView, NoticeData, safe_file_stem,
};
use super::fonts::Fonts;
use super::output::{InputHasher, Manifest, Staging};
use super::pdf::{PdfStandard, RenderContext, data_json, render_pdf_sharing};
use super::schedule::Permit;
use super::world::{TemplateCache, fixed_date};
use super::{RenderError, lock};
use crate::model::{Item, JurisdictionFile};

/// Template file names inside the templates directory.
pub const GUIDE_TEMPLATE: &str = "guide.typ";
pub const ITEM_TEMPLATE: &str = "item.typ";
pub const NOTICE_TEMPLATE: &str = "notice.typ";
pub const CATALOG_TEMPLATE: &str = "catalog.typ";

/// What to render for one jurisdiction.
#[derive(Debug, Clone)]
pub struct Job {
    /// The guide: jurisdiction and items (also the source of the per-item PDFs).
    pub guide: GuideData,
    /// The public notice, when the jurisdiction has one.
    pub notice: Option<NoticeData>,
    /// The catalog table (the province).
    pub catalog: Option<CatalogData>,
    /// Flowchart SVGs by virtual path (`/flows/<n>.svg`), referenced by the items' `flow_svgs`.
    pub flows: BTreeMap<String, String>,
    /// Other files written as they are next to the PDFs (e.g. `flows/<item>.svg`).
    pub files: Vec<(String, Vec<u8>)>,
}

impl Job {
    pub fn new(guide: GuideData) -> Job {
        Job {
            guide,
            notice: None,
            catalog: None,
            flows: BTreeMap::new(),
            files: Vec::new(),
        }
    }

    /// A job from a jurisdiction file and its resolved items (every inherited value filled in), in
    /// guide order. `notice_body` is the Markdown of the notice file named in `[notice]`; without
    /// it there is no notice. Flowcharts are added with [`Job::add_flow`], the catalog by setting
    /// [`Job::catalog`].
    pub fn from_model(
        jurisdiction: &JurisdictionFile,
        items: &[Item],
        notice_body: Option<&str>,
    ) -> Job {
        Job::from_model_in(jurisdiction, &[], items, notice_body)
    }

    /// [`Job::from_model`] with the jurisdiction's `parents` (nearest first), whose phones fill
    /// the notice's table where the jurisdiction and its items have none.
    pub fn from_model_in(
        jurisdiction: &JurisdictionFile,
        parents: &[&JurisdictionFile],
        items: &[Item],
        notice_body: Option<&str>,
    ) -> Job {
        let j = JurisdictionView::from_file(jurisdiction);
        let parents: Vec<JurisdictionView> = parents
            .iter()
            .map(|p| JurisdictionView::from_file(p))
            .collect();
        let items: Vec<ItemView> = items
            .iter()
            .enumerate()
            .map(|(i, item)| ItemView::from_item(item, i, &j))
            .collect();
        let notice = match (&jurisdiction.notice, notice_body) {
            (Some(spec), Some(body)) => Some(NoticeData::new(
                &j,
                &parents,
                spec.title.get_ref(),
                spec.date.get_ref(),
                body,
                &items,
            )),
            _ => None,
        };
        Job {
            guide: GuideData {
                jurisdiction: j,
                items,
            },
            notice,
            catalog: None,
            flows: BTreeMap::new(),
            files: Vec::new(),
        }
    }

    /// Attaches a flowchart SVG (drawn at 1:1: its `width`/`height` are its printed size in pt)
    /// to the item at `item_index` and returns its virtual path.
    pub fn add_flow(
        &mut self,
        item_index: usize,
        title: impl Into<String>,
        caption: Vec<String>,
        svg: impl Into<String>,
    ) -> String {
        self.add_flow_ref(item_index, title, caption, svg, false)
    }

    /// Like [`Job::add_flow`]; `landscape` prints the chart on a landscape page of its own.
    pub fn add_flow_ref(
        &mut self,
        item_index: usize,
        title: impl Into<String>,
        caption: Vec<String>,
        svg: impl Into<String>,
        landscape: bool,
    ) -> String {
        let path = format!("/flows/{}.svg", self.flows.len());
        self.flows.insert(path.clone(), svg.into());
        self.guide.items[item_index].flow_svgs.push(FlowRef {
            title: title.into(),
            caption,
            path: path.clone(),
            landscape,
            continued: Vec::new(),
        });
        path
    }

    /// Attaches a chart split across pages (see `flow::placement`): its parts in order.
    pub fn add_flow_parts(
        &mut self,
        item_index: usize,
        title: impl Into<String>,
        caption: Vec<String>,
        parts: Vec<String>,
        landscape: bool,
    ) {
        let mut parts = parts.into_iter();
        let first = parts.next().unwrap_or_default();
        self.add_flow_ref(item_index, title, caption, first, landscape);
        let paths: Vec<String> = parts
            .map(|svg| {
                let path = format!("/flows/{}.svg", self.flows.len());
                self.flows.insert(path.clone(), svg);
                path
            })
            .collect();
        if let Some(flow) = self.guide.items[item_index].flow_svgs.last_mut() {
            flow.continued = paths;
        }
    }

    /// The jurisdiction's output directory name.
    pub fn dir_name(&self) -> String {
        safe_file_stem(&self.guide.jurisdiction.name)
    }
}

/// Options of `zhinan build` that concern rendering.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// `out/`: each jurisdiction gets `out/<name>/`.
    pub out_dir: PathBuf,
    /// The directory with `lib.typ`, `guide.typ`, `item.typ`, `notice.typ`, `catalog.typ`.
    pub templates_dir: PathBuf,
    pub standard: PdfStandard,
    /// Rebuild even when the manifest says nothing changed.
    pub force: bool,
}

/// What a jurisdiction's build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub jurisdiction: String,
    pub dir: PathBuf,
    /// Nothing changed since the last build: no file was written.
    pub skipped: bool,
    /// Output files written, relative to `dir`.
    pub outputs: Vec<String>,
    /// Warnings from typst (`file:line: message`).
    pub warnings: Vec<String>,
    pub elapsed: Duration,
}

/// Builds one jurisdiction into `options.out_dir/<name>/`.
///
/// Renders everything in memory (items in parallel), then writes all files at once; on any error
/// the previous outputs stay as they were.
pub fn build_jurisdiction(
    job: &Job,
    fonts: &Arc<Fonts>,
    options: &BuildOptions,
) -> Result<BuildReport, RenderError> {
    match typeset_pool() {
        Some(pool) => pool.install(|| build_jurisdiction_here(job, fonts, options)),
        None => build_jurisdiction_here(job, fonts, options),
    }
}

/// A pool of typesetting threads (`threads`: `None`, as many as rayon's default). typst's layout
/// recurses deeply on long documents: rayon's default 2 MiB thread stacks overflow on a 60-page
/// guide, so typesetting runs on threads with roomier stacks.
pub(super) fn typeset_pool_of(threads: Option<usize>) -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .stack_size(TYPESET_STACK)
        .build()
        .ok()
}

fn typeset_pool() -> Option<rayon::ThreadPool> {
    typeset_pool_of(None)
}

/// Stack size of the typesetting threads.
const TYPESET_STACK: usize = 64 * 1024 * 1024;

fn build_jurisdiction_here(
    job: &Job,
    fonts: &Arc<Fonts>,
    options: &BuildOptions,
) -> Result<BuildReport, RenderError> {
    match Open::begin(job, fonts, options, &Arc::new(TemplateCache::default()))? {
        Begun::Skipped(report) => Ok(report),
        Begun::Open(open) => {
            let plain = open.write_plain();
            let rendered = (0..open.units.len())
                .into_par_iter()
                .map(|i| open.render(i))
                .collect();
            open.finish(plain, rendered)
        }
    }
}

/// What [`Open::begin`] found: the jurisdiction is unchanged, or its outputs are to be made.
pub(super) enum Begun<'a> {
    Skipped(BuildReport),
    Open(Box<Open<'a>>),
}

/// A jurisdiction whose outputs are being made: its documents, their shared files and the staging
/// folder each finished PDF goes to.
pub(super) struct Open<'a> {
    name: String,
    dir: PathBuf,
    /// When its first task started: a jurisdiction waiting in the queue is not yet being built.
    start: std::sync::OnceLock<Instant>,
    ctx: RenderContext,
    input: String,
    files: HashMap<String, Bytes>,
    staging: Mutex<Staging>,
    /// Files written as they are (see [`Job::files`]), by [`Open::write_plain`].
    plain: &'a [(String, Vec<u8>)],
    /// Template files shared with the other jurisdictions of the build.
    templates: Arc<TemplateCache>,
    /// The job's documents, the longest first (see [`units`]).
    pub(super) units: Vec<Unit<'a>>,
}

impl<'a> Open<'a> {
    /// Hashes the job's inputs; an unchanged jurisdiction (by its manifest) is skipped, otherwise
    /// its staging folder is opened and the job's plain files are written into it.
    pub(super) fn begin(
        job: &'a Job,
        fonts: &Arc<Fonts>,
        options: &BuildOptions,
        templates: &Arc<TemplateCache>,
    ) -> Result<Begun<'a>, RenderError> {
        let start = Instant::now();
        let name = job.guide.jurisdiction.name.clone();
        let dir = options.out_dir.join(job.dir_name());
        let ctx = RenderContext {
            templates_dir: options.templates_dir.clone(),
            fonts: fonts.clone(),
            standard: options.standard,
            date: fixed_date(job.guide.jurisdiction.edition.as_deref()),
        };
        let input = input_hash(job, &ctx)?;
        if !options.force && Manifest::load(&dir).is_some_and(|m| m.is_current(&dir, &input)) {
            return Ok(Begun::Skipped(BuildReport {
                jurisdiction: name,
                dir,
                skipped: true,
                outputs: Vec::new(),
                warnings: Vec::new(),
                elapsed: start.elapsed(),
            }));
        }
        let files = job
            .flows
            .iter()
            .map(|(path, svg)| (path.clone(), Bytes::from_string(svg.clone())))
            .collect();
        let io_error = |source| RenderError::Io {
            path: dir.clone(),
            source,
        };
        // Each PDF goes to disk as soon as it is made (the staging folder), so memory holds the
        // PDFs being typeset, not all of them; the folder is swapped in only when every one
        // succeeded.
        let staging = Staging::begin(&dir).map_err(io_error)?;
        Ok(Begun::Open(Box::new(Open {
            name,
            start: std::sync::OnceLock::new(),
            ctx,
            input,
            files,
            staging: Mutex::new(staging),
            plain: &job.files,
            templates: templates.clone(),
            units: units(job),
            dir,
        })))
    }

    /// Writes the job's plain files (chart SVGs, …) into the staging folder.
    pub(super) fn write_plain(&self) -> Result<(), RenderError> {
        self.start.get_or_init(Instant::now);
        let mut staging = lock(&self.staging);
        for (rel, bytes) in self.plain {
            staging
                .write(rel, bytes)
                .map_err(|source| RenderError::Io {
                    path: self.dir.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Typesets document `i` and writes it into the staging folder.
    pub(super) fn render(&self, i: usize) -> Result<Rendered, RenderError> {
        self.start.get_or_init(Instant::now);
        let (out, template, data) = &self.units[i];
        let ident = format!("{}/{out}", self.name);
        let (ctx, files, shared) = (&self.ctx, &self.files, &self.templates);
        let pdf = match data {
            Data::Guide(d) => render_pdf_sharing(ctx, template, &ident, d, files, shared),
            Data::Item(d) => render_pdf_sharing(ctx, template, &ident, d, files, shared),
            Data::Notice(d) => render_pdf_sharing(ctx, template, &ident, d, files, shared),
            Data::Catalog(d) => render_pdf_sharing(ctx, template, &ident, d, files, shared),
        }?;
        lock(&self.staging)
            .write(out, &pdf.bytes)
            .map_err(|source| RenderError::Io {
                path: self.dir.clone(),
                source,
            })?;
        let warnings = pdf
            .warnings
            .into_iter()
            .map(|w| format!("{out}: {w}"))
            .collect();
        Ok(Rendered {
            out: out.clone(),
            warnings,
        })
    }

    /// Swaps the staging folder in when the plain files were written (`plain`) and every document
    /// succeeded (`rendered`, in unit order); otherwise the first error, and the previous outputs
    /// stay.
    pub(super) fn finish(
        self,
        plain: Result<(), RenderError>,
        rendered: Vec<Result<Rendered, RenderError>>,
    ) -> Result<BuildReport, RenderError> {
        plain?;
        let mut outputs: Vec<String> = self.plain.iter().map(|(rel, _)| rel.clone()).collect();
        let mut warnings = Vec::new();
        for result in rendered {
            let r = result?;
            warnings.extend(r.warnings);
            outputs.push(r.out);
        }
        let staging = self.staging.into_inner().unwrap_or_else(|e| e.into_inner());
        staging
            .finish(self.input)
            .map_err(|source| RenderError::Io {
                path: self.dir.clone(),
                source,
            })?;
        Ok(BuildReport {
            jurisdiction: self.name,
            dir: self.dir,
            skipped: false,
            outputs,
            warnings,
            elapsed: self.start.get().map(Instant::elapsed).unwrap_or_default(),
        })
    }
}

/// One rendered output file.
pub(super) struct Rendered {
    out: String,
    warnings: Vec<String>,
}

/// Builds several jurisdictions, every document of every one in one queue (see
/// [`super::schedule`]); `done` is called after each jurisdiction, in the order they finish.
/// Results come in the order of `jobs`.
pub fn build_each(
    jobs: &[Job],
    fonts: &Arc<Fonts>,
    options: &BuildOptions,
    done: impl Fn(&Job) + Sync,
) -> Vec<Result<BuildReport, RenderError>> {
    super::schedule::run(jobs, fonts, options, &Permit::granted(), &done)
}

/// [`build_each`], publishing nothing until `permit` is given, and nothing at all if it is
/// refused (see [`Permit`]).
pub fn build_each_permitted(
    jobs: &[Job],
    fonts: &Arc<Fonts>,
    options: &BuildOptions,
    permit: &Permit,
    done: impl Fn(&Job) + Sync,
) -> Vec<Result<BuildReport, RenderError>> {
    super::schedule::run(jobs, fonts, options, permit, &done)
}

/// Builds several jurisdictions (see [`build_each`]). Shows a progress bar when stderr is a terminal.
/// Results come back in the order of `jobs`.
pub fn build_all(
    jobs: &[Job],
    fonts: &Arc<Fonts>,
    options: &BuildOptions,
) -> Vec<Result<BuildReport, RenderError>> {
    let bar = if std::io::stderr().is_terminal() && jobs.len() > 1 {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} 排版 {bar:30} {pos}/{len} {msg}")
        {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Some(bar)
    } else {
        None
    };
    let results = build_each(jobs, fonts, options, |job| {
        if let Some(bar) = &bar {
            bar.set_message(job.guide.jurisdiction.name.clone());
            bar.inc(1);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    results
}

/// The data of one output document.
pub(super) enum Data<'a> {
    Guide(&'a GuideData),
    Item(Box<GuideData>),
    Notice(&'a NoticeData),
    Catalog(&'a CatalogData),
}

/// One output document: its path under the jurisdiction's folder, its template and data.
pub(super) type Unit<'a> = (String, &'static str, Data<'a>);

/// Every output document of a job, the longest first (the guide, the catalog, the notice, then
/// one PDF per item), so that a pool running them in this order ends with the short ones.
fn units(job: &Job) -> Vec<Unit<'_>> {
    let mut units: Vec<Unit> = vec![("guide.pdf".into(), GUIDE_TEMPLATE, Data::Guide(&job.guide))];
    if let Some(catalog) = &job.catalog {
        units.push((
            "catalog.pdf".into(),
            CATALOG_TEMPLATE,
            Data::Catalog(catalog),
        ));
    }
    if let Some(notice) = &job.notice {
        units.push(("notice.pdf".into(), NOTICE_TEMPLATE, Data::Notice(notice)));
    }
    let mut seen = HashSet::new();
    for item in &job.guide.items {
        let mut stem = item.file_stem();
        let mut n = 2;
        while !seen.insert(stem.clone()) {
            stem = format!("{}-{n}", item.file_stem());
            n += 1;
        }
        let data = GuideData {
            jurisdiction: job.guide.jurisdiction.clone(),
            items: vec![item.clone()],
        };
        units.push((
            format!("items/{stem}.pdf"),
            ITEM_TEMPLATE,
            Data::Item(Box::new(data)),
        ));
    }
    units
}

/// One output document's typst input: output path, template file name, `/data.json` bytes.
pub type TypstInput = (String, &'static str, Vec<u8>);

/// The typst inputs of every output of a job: output path, template file name and the bytes served
/// at `/data.json`. For running the same documents through the typst CLI (benchmarks, template work).
pub fn typst_inputs(job: &Job, fonts: &Fonts) -> Result<Vec<TypstInput>, RenderError> {
    units(job)
        .into_iter()
        .map(|(out, template, data)| {
            let roles = fonts.roles();
            let json = match &data {
                Data::Guide(d) => data_json(roles, d),
                Data::Item(d) => data_json(roles, d),
                Data::Notice(d) => data_json(roles, d),
                Data::Catalog(d) => data_json(roles, d),
            }?;
            Ok((out, template, json))
        })
        .collect()
}

fn input_hash(job: &Job, ctx: &RenderContext) -> Result<String, RenderError> {
    let mut h = InputHasher::default();
    let fonts = ctx.fonts.roles();
    h.add("standard", ctx.standard.as_str().as_bytes());
    h.add("date", format!("{:?}", ctx.date).as_bytes());
    h.add("guide", &data_json(fonts, &job.guide)?);
    add_opt(&mut h, "notice", job.notice.as_ref(), fonts)?;
    add_opt(&mut h, "catalog", job.catalog.as_ref(), fonts)?;
    for (path, svg) in &job.flows {
        h.add(path, svg.as_bytes());
    }
    for (path, bytes) in &job.files {
        h.add(path, bytes);
    }
    h.add_dir("templates", &ctx.templates_dir)
        .map_err(|source| RenderError::Templates {
            path: ctx.templates_dir.clone(),
            source,
        })?;
    Ok(h.finish())
}

fn add_opt<T: Serialize>(
    h: &mut InputHasher,
    label: &str,
    data: Option<&T>,
    fonts: &super::fonts::FontRoles,
) -> Result<(), RenderError> {
    match data {
        Some(d) => h.add(label, &data_json(fonts, d)?),
        None => h.add(label, b"none"),
    }
    Ok(())
}

/// The default templates directory: `templates/` next to the sources (the working directory).
pub fn default_templates_dir() -> PathBuf {
    Path::new("templates").to_path_buf()
}
