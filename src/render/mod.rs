//! Rendering: view model → typst templates → PDF files in `out/`.
//!
//! - [`data`]: the serialisable view model the templates read as JSON;
//! - [`markdown`]: free text → a JSON tree (never typst markup);
//! - [`fonts`]: font discovery and the title / body / heading / kai / mono roles;
//! - [`world`]: the sandboxed typst `World` (templates directory + in-memory data);
//! - [`pdf`]: compile + export, typst errors mapped to template file and line;
//! - [`output`]: atomic writes and the manifest;
//! - [`build`]: `build_jurisdiction` / `build_all`.
//!
//! # Use from the CLI
//!
//! `zhinan build`:
//!
//! ```ignore
//! use std::sync::Arc;
//! use zhinan::render::{build_all, BuildOptions, FontOptions, Fonts, Job, PdfStandard};
//!
//! let fonts = Arc::new(Fonts::discover(&FontOptions { font_dirs, system_fonts: true })?);
//! let mut jobs = Vec::new();
//! for j in resolved_jurisdictions {
//!     // Items resolved (county over city over catalog), in guide order; the notice body is the
//!     // Markdown file named in `[notice] body`.
//!     let mut job = Job::from_model(&j.file, &j.items, j.notice_body.as_deref());
//!     for (i, item) in j.items.iter().enumerate() {
//!         for flow in flows_of(item) {
//!             job.add_flow(i, flow.title, flow.caption, flow.svg); // SVG sized in pt
//!         }
//!     }
//!     if j.is_province() {
//!         job.catalog = Some(CatalogData::new(&job.guide.jurisdiction, mains));
//!     }
//!     jobs.push(job);
//! }
//! let options = BuildOptions {
//!     out_dir: "out".into(),
//!     templates_dir: "templates".into(),
//!     standard: PdfStandard::Pdf17, // --pdf-standard 1.7|tagged|a-2b (clap::ValueEnum)
//!     force: false,
//! };
//! for result in build_all(&jobs, &fonts, &options) {
//!     let report = result?; // RenderError is a miette Diagnostic
//! }
//! ```
//!
//! `zhinan fonts`: [`font_report`] — per role, the chosen family and every candidate.

pub mod build;
pub mod data;
pub mod data_path;
pub mod fonts;
pub mod markdown;
pub mod names;
pub mod output;
pub mod pdf;
mod schedule;
pub use schedule::Permit;
pub mod stamp;
pub mod world;

use std::path::PathBuf;

use rust_i18n::t;

pub use build::{BuildOptions, BuildReport, Job, build_all, build_jurisdiction, typst_inputs};
pub use data::{
    CatalogData, CatalogMain, CatalogSub, FieldView, FlowRef, GuideData, ItemView,
    JurisdictionView, NoticeData, NoticeRow, PersonView,
};
pub use fonts::{FontOptions, FontReport, FontRole, FontRoles, Fonts, font_report};
pub use pdf::{PdfStandard, RenderContext, RenderedPdf, TemplateDiagnostic, render_pdf};

/// Errors of the render stage.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum RenderError {
    /// No installed font has Chinese glyphs.
    #[error("{}", t!("render.no-cjk-font", searched = .searched))]
    #[diagnostic(
        code(zhinan::render::no_cjk_font),
        help("{}", t!("render.no-cjk-font-help"))
    )]
    NoCjkFont { searched: String },

    /// A template did not compile.
    #[error("{}", t!("render.compile", template = .template, document = .document, first = .first))]
    #[diagnostic(code(zhinan::render::template))]
    Compile {
        template: String,
        /// The document being made, e.g. `示例市/items/132036001001.pdf`: which item failed.
        document: String,
        /// The first error, `file:line:column: message`.
        first: String,
        #[related]
        errors: Vec<TemplateDiagnostic>,
    },

    /// PDF export failed (e.g. a PDF/A rule was violated).
    #[error("{}", t!("render.pdf", template = .template, message = .message))]
    #[diagnostic(code(zhinan::render::pdf))]
    Pdf { template: String, message: String },

    /// The templates directory (or a template in it) cannot be read.
    #[error("{}", t!("render.templates", path = .path.display()))]
    #[diagnostic(
        code(zhinan::render::templates),
        help("{}", t!("render.templates-help"))
    )]
    Templates {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Writing outputs failed; the previous outputs were kept where possible.
    #[error("{}", t!("render.io", path = .path.display()))]
    #[diagnostic(code(zhinan::render::io))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", t!("render.json"))]
    #[diagnostic(code(zhinan::render::json))]
    Json(#[source] serde_json::Error),
}

/// A mutex's value, also after a thread panicked holding it: the values guarded in rendering (a
/// staging folder, results, cached files) stay usable, and the panic itself is reported.
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
