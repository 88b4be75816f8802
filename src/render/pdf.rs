//! Compiles a template with its data and exports a PDF.
//!
//! The data is wrapped as `{"fonts": FontRoles, "data": …}` and served at `/data.json`; the
//! templates read it with `json("/data.json")`. Errors are mapped to the template file and line
//! (a miette diagnostic carrying the `.typ` source).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{NamedSource, SourceSpan};
use rust_i18n::t;
use serde::Serialize;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, VirtualRoot};
use typst::{World, WorldExt};
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use super::RenderError;
use super::fonts::{FontRoles, Fonts};
use super::world::{DATA_PATH, RenderWorld, TemplateCache};

/// The PDF flavour, chosen with `zhinan build --pdf-standard`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum, Serialize)]
pub enum PdfStandard {
    /// Plain PDF 1.7, untagged (smallest files).
    #[default]
    #[value(name = "1.7")]
    Pdf17,
    /// PDF 1.7 with tags (structure for screen readers and reflow).
    #[value(name = "tagged")]
    Tagged,
    /// PDF/A-2b (archival), tagged.
    #[value(name = "a-2b")]
    A2b,
}

impl PdfStandard {
    pub fn as_str(self) -> &'static str {
        match self {
            PdfStandard::Pdf17 => "1.7",
            PdfStandard::Tagged => "tagged",
            PdfStandard::A2b => "a-2b",
        }
    }

    fn typst_options(self) -> Result<(PdfStandards, bool), RenderError> {
        let (list, tagged): (&[typst_pdf::PdfStandard], bool) = match self {
            PdfStandard::Pdf17 => (&[typst_pdf::PdfStandard::V_1_7], false),
            PdfStandard::Tagged => (&[typst_pdf::PdfStandard::V_1_7], true),
            PdfStandard::A2b => (&[typst_pdf::PdfStandard::A_2b], true),
        };
        let standards = PdfStandards::new(list).map_err(|e| RenderError::Pdf {
            template: String::new(),
            message: e.message().to_string(),
        })?;
        Ok((standards, tagged))
    }
}

/// Everything a single render needs besides the template and its data.
#[derive(Clone)]
pub struct RenderContext {
    /// The templates directory (as given: diagnostics print paths under it).
    pub templates_dir: PathBuf,
    pub fonts: Arc<Fonts>,
    pub standard: PdfStandard,
    /// Fixed date: `datetime.today()` and the PDF creation date (see [`super::world::fixed_date`]).
    pub date: Option<Datetime>,
}

/// A PDF and the warnings typst emitted while compiling it.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// What the templates read from `/data.json`.
#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    fonts: &'a FontRoles,
    data: &'a T,
}

/// The JSON the template `template` receives for `data`.
pub fn data_json<T: Serialize>(fonts: &FontRoles, data: &T) -> Result<Vec<u8>, RenderError> {
    serde_json::to_vec(&Envelope { fonts, data }).map_err(RenderError::Json)
}

/// Compiles `template` (a file name in the templates directory, e.g. `guide.typ`) with `data`
/// and the in-memory `files` (virtual path → bytes, e.g. `/flows/0.svg`), and exports a PDF.
///
/// `ident` identifies the document across builds (e.g. `示例市/guide`); it seeds the PDF's
/// document id so that identical inputs give identical bytes.
pub fn render_pdf<T: Serialize>(
    ctx: &RenderContext,
    template: &str,
    ident: &str,
    data: &T,
    files: &HashMap<String, Bytes>,
) -> Result<RenderedPdf, RenderError> {
    let templates = Arc::new(TemplateCache::default());
    render_pdf_sharing(ctx, template, ident, data, files, &templates)
}

/// [`render_pdf`] reading the template files through `templates`, shared by the documents of a
/// build.
pub fn render_pdf_sharing<T: Serialize>(
    ctx: &RenderContext,
    template: &str,
    ident: &str,
    data: &T,
    files: &HashMap<String, Bytes>,
    templates: &Arc<TemplateCache>,
) -> Result<RenderedPdf, RenderError> {
    let json = data_json(ctx.fonts.roles(), data)?;
    let mut memory = files.clone();
    memory.insert(DATA_PATH.to_string(), Bytes::new(json));
    let world = RenderWorld::sharing(
        &ctx.templates_dir,
        template,
        memory,
        ctx.fonts.clone(),
        ctx.date,
        templates.clone(),
    )?;

    let warned = typst::compile(&world);
    let warnings: Vec<String> = warned
        .warnings
        .iter()
        .map(|w| describe(&world, &ctx.templates_dir, w).to_string())
        .collect();
    let document = warned
        .output
        .map_err(|errors| compile_error(&world, &ctx.templates_dir, template, ident, &errors))?;

    let (standards, tagged) = ctx.standard.typst_options()?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("zhinan/{ident}")),
        creator: Smart::Custom(Some(format!("zhinan {}", env!("CARGO_PKG_VERSION")))),
        timestamp: ctx.date.map(Timestamp::new_utc),
        standards,
        tagged,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
        let first = errors
            .first()
            .map(|e| describe(&world, &ctx.templates_dir, e).to_string())
            .unwrap_or_default();
        RenderError::Pdf {
            template: template.to_string(),
            message: first,
        }
    })?;
    Ok(RenderedPdf { bytes, warnings })
}

/// A typst diagnostic located in a template (or in the data).
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
#[error("{location}: {message}")]
pub struct TemplateDiagnostic {
    /// `templates/guide.typ:12:5`, or `templates/guide.typ` / `<data.json>` when no line is known.
    pub location: String,
    /// The file, when the diagnostic points into one of the templates.
    pub file: Option<PathBuf>,
    /// 1-based line and column.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    #[source_code]
    src: Option<NamedSource<String>>,
    #[label("{message}")]
    span: Option<SourceSpan>,
    #[help]
    help: Option<String>,
}

fn compile_error(
    world: &RenderWorld,
    templates_dir: &Path,
    template: &str,
    document: &str,
    errors: &[SourceDiagnostic],
) -> RenderError {
    let errors: Vec<TemplateDiagnostic> = errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .map(|e| describe(world, templates_dir, e))
        .collect();
    let first = errors
        .first()
        .map(|e| e.to_string())
        .unwrap_or_else(|| t!("render.unknown").into_owned());
    RenderError::Compile {
        template: template.to_string(),
        document: document.to_string(),
        first,
        errors,
    }
}

/// Maps a typst diagnostic to the file and line it points at.
fn describe(
    world: &RenderWorld,
    templates_dir: &Path,
    diag: &SourceDiagnostic,
) -> TemplateDiagnostic {
    let mut help: Vec<String> = diag.hints.iter().map(|h| h.v.to_string()).collect();
    for point in &diag.trace {
        let at = point.span.id().map(|id| {
            let (name, line) = locate(world, templates_dir, id, world.range(point.span));
            match line {
                Some((l, _)) => format!("{name}:{l}"),
                None => name,
            }
        });
        help.push(match at {
            Some(at) => format!("{} ({at})", point.v),
            None => point.v.to_string(),
        });
    }
    let help = if help.is_empty() {
        None
    } else {
        Some(help.join("\n"))
    };
    let message = diag.message.to_string();

    let Some(id) = diag.span.id() else {
        return TemplateDiagnostic {
            location: "typst".into(),
            file: None,
            line: None,
            column: None,
            message,
            src: None,
            span: None,
            help,
        };
    };
    let range = world.range(diag.span);
    let (name, line_col) = locate(world, templates_dir, id, range.clone());
    let mut text = source_text(world, id);
    let mut help = help;
    if world.real_path(id).is_none()
        && let (Some(t), Some(r)) = (&text, &range)
    {
        // The data (one long JSON line) is no snippet to show: quote the text near the error, so
        // the author can find it in the sources (the error names the document being made).
        let from = (r.start.saturating_sub(60)..=r.start)
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(r.start);
        let to = (r.end.max(r.start) + 60).min(t.len());
        let to = (to..=t.len())
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(t.len());
        // The item and field the value belongs to, when the offset is inside one.
        let at = super::data_path::describe(t, r.start)
            .map(|path| {
                t!("render.data-at", path = crate::diagnostic::printable(&path)).into_owned()
            })
            .unwrap_or_default();
        let near = t!(
            "render.data-near",
            at = at,
            near = crate::diagnostic::printable(&t[from..to])
        )
        .into_owned();
        help = Some(help.map_or(near.clone(), |h| format!("{h}\n{near}")));
        text = None;
    }
    let location = match line_col {
        Some((l, c)) => format!("{name}:{l}:{c}"),
        None => name.clone(),
    };
    TemplateDiagnostic {
        location,
        file: world
            .real_path(id)
            .map(|_| templates_dir.join(id.vpath().get_without_slash())),
        line: line_col.map(|(l, _)| l),
        column: line_col.map(|(_, c)| c),
        message,
        span: range
            .filter(|_| text.is_some())
            .map(|r| SourceSpan::from(r.start..r.end)),
        src: text.map(|t| NamedSource::new(name, t)),
        help,
    }
}

/// A display name for a file and the 1-based line and column of a byte offset in it.
fn locate(
    world: &RenderWorld,
    templates_dir: &Path,
    id: FileId,
    range: Option<std::ops::Range<usize>>,
) -> (String, Option<(usize, usize)>) {
    let name = match id.root() {
        VirtualRoot::Package(spec) => format!("{spec}{}", id.vpath().get_with_slash()),
        VirtualRoot::Project if world.real_path(id).is_some() => templates_dir
            .join(id.vpath().get_without_slash())
            .display()
            .to_string(),
        VirtualRoot::Project => format!("<{}>", id.vpath().get_without_slash()),
    };
    let line_col = range.and_then(|r| {
        let text = source_text(world, id)?;
        let before = text.get(..r.start)?;
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, column))
    });
    (name, line_col)
}

fn source_text(world: &RenderWorld, id: FileId) -> Option<String> {
    match world.source(id) {
        Ok(source) => Some(source.text().to_string()),
        Err(_) => world
            .file(id)
            .ok()
            .and_then(|b| String::from_utf8(b.to_vec()).ok()),
    }
}
