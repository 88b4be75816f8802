//! One diagnostic type for every stage (load, resolve, lint), rendered with miette like rustc:
//! file:line:col, the source snippet, the message and a help line.

use std::fmt;
use std::ops::Range;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use serde::{Deserialize, Serialize};

use crate::source::{FileId, Sources, clamp_span, line_col};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place that explains a diagnostic ("first defined here").
#[derive(Debug, Clone)]
pub struct Related {
    pub file: FileId,
    pub span: Range<usize>,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Diag {
    /// Stable code, e.g. `load::unknown-field` or a lint code.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub file: FileId,
    pub span: Range<usize>,
    /// Short text under the underlined snippet.
    pub label: String,
    pub help: Option<String>,
    pub related: Vec<Related>,
}

impl Diag {
    pub fn error(code: &str, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        Diag {
            code: code.to_string(),
            severity: Severity::Error,
            message: message.into(),
            file,
            span,
            label: String::new(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, file: FileId, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push(Related {
            file,
            span,
            label: label.into(),
        });
        self
    }

    /// `path:line:col` of the start of the span.
    pub fn location(&self, sources: &Sources) -> String {
        let (line, col) = sources.line_col(self.file, self.span.start);
        format!("{}:{}:{}", printable(sources.path(self.file)), line, col)
    }
}

/// A named source whose columns count characters, as editors do for CJK text (miette counts bytes,
/// which would put `[file:16:52]` in the snippet header for the 24th character of a Chinese line).
///
/// `text` is a window of the file: a line longer than [`LONG_LINE`] is cut around the span, so that
/// a finding at column 100,000 prints a short snippet (miette cannot pad past column 65,535) and
/// the line and column of the header still count from the start of the file.
#[derive(Debug)]
struct CharSource {
    name: String,
    text: String,
    /// 0-based line of the window's first line in the file.
    base_line: usize,
    /// 0-based column (in characters) of the window's first character in its line.
    base_col: usize,
}

/// Lines longer than this (in bytes) are cut around the span in snippets.
const LONG_LINE: usize = 400;
/// Bytes of context kept on each side of the span in a cut line, and most bytes of a span shown.
const CUT_CONTEXT: usize = 120;

impl SourceCode for CharSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let (line, column) = line_col(&self.text, span.offset());
        let column = if line == 1 {
            self.base_col + column
        } else {
            column
        };
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                self.base_line + inner.line(),
                column - 1,
                inner.line_count(),
            )
            .with_language("toml"),
        ))
    }
}

/// The text miette shows for `span` and the span inside it: the whole file when its lines are
/// short, else a cut of the span's line. Control characters are made visible (never sent to the
/// terminal), keeping every offset (see [`escape_controls`]).
fn window(text: &str, span: Range<usize>) -> (CharSource, Range<usize>) {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    let whole = |text: &str| CharSource {
        name: String::new(),
        text: escape_controls(text),
        base_line: 0,
        base_col: 0,
    };
    let long = line_end - line_start > LONG_LINE || span.len() > LONG_LINE;
    if !long {
        return (whole(text), span);
    }
    let from = floor_boundary(text, span.start.saturating_sub(CUT_CONTEXT).max(line_start));
    let shown_end = span.end.min(span.start + CUT_CONTEXT);
    let to = ceil_boundary(text, (shown_end + CUT_CONTEXT).min(line_end).max(shown_end));
    let (line, col) = line_col(text, from);
    let source = CharSource {
        name: String::new(),
        text: escape_controls(&text[from..to]),
        base_line: line - 1,
        base_col: col - 1,
    };
    let inner = span.start - from..ceil_boundary(text, shown_end) - from;
    (source, inner)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Characters never echoed as they are: they would move the cursor, retitle or clear the terminal
/// of whoever reads the diagnostic (ESC, BEL, …). Tabs and line ends are kept.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Replaces each hidden character by a visible one of the same byte length (`?`, `¿` or `�`), so
/// that spans into the text keep pointing at the same characters.
pub fn escape_controls(text: &str) -> String {
    if !text.contains(is_hidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if !is_hidden(c) {
                return c.to_string();
            }
            // Same UTF-8 length as the original, so byte offsets into the text stay valid.
            match c.len_utf8() {
                1 => "?".to_string(),
                2 => "¿".to_string(),
                _ => "\u{FFFD}".to_string(),
            }
        })
        .collect()
}

/// A text made safe to print on a terminal, for messages that quote sources (`check`, `show`):
/// control characters are written as `\u{1b}` escapes.
pub fn printable(text: &str) -> String {
    if !text.contains(is_hidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if is_hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A diagnostic bound to its source text, in the shape miette renders.
#[derive(Debug)]
struct Bound {
    code: String,
    severity: miette::Severity,
    message: String,
    source: CharSource,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
    related: Vec<Bound>,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Bound {}

impl Diagnostic for Bound {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(&self.code) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
        }
    }
}

fn bind_one(
    sources: &Sources,
    file: FileId,
    span: &Range<usize>,
    label: &str,
) -> (CharSource, LabeledSpan) {
    let src = sources.get(file);
    let span = clamp_span(&src.text, span.clone());
    let (mut named, span) = window(&src.text, span);
    named.name = printable(&src.path);
    let label = if label.is_empty() {
        None
    } else {
        Some(printable(label))
    };
    (named, LabeledSpan::new(label, span.start, span.len()))
}

fn bind(diag: &Diag, sources: &Sources) -> Bound {
    let (source, label) = bind_one(sources, diag.file, &diag.span, &diag.label);
    let related = diag
        .related
        .iter()
        .map(|r| {
            let (source, label) = bind_one(sources, r.file, &r.span, &r.label);
            Bound {
                code: String::new(),
                severity: miette::Severity::Advice,
                message: printable(&r.label),
                source,
                labels: vec![label],
                help: None,
                related: Vec::new(),
            }
        })
        .collect();
    Bound {
        code: diag.code.clone(),
        severity: match diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        },
        message: printable(&diag.message),
        source,
        labels: vec![label],
        help: diag.help.as_deref().map(printable),
        related,
    }
}

/// Render a diagnostic as text. `color` adds ANSI colours (for terminals only).
pub fn render(diag: &Diag, sources: &Sources, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    let bound = bind(diag, sources);
    if handler.render_report(&mut out, &bound).is_err() {
        // Rendering never fails on in-memory strings; keep a plain fallback anyway.
        out = format!("{}: {}\n", diag.location(sources), printable(&diag.message));
    }
    // miette shows `[path:line:col]` only in the snippet header; the first line should carry it too.
    format!("{}\n{}", diag.location(sources), out)
}

/// Render many diagnostics, in a stable order (file, then position).
pub fn render_all(diags: &[Diag], sources: &Sources, color: bool) -> String {
    let mut sorted: Vec<&Diag> = diags.iter().collect();
    sorted.sort_by(|a, b| (a.file, a.span.start, &a.code).cmp(&(b.file, b.span.start, &b.code)));
    sorted
        .iter()
        .map(|d| render(d, sources, color))
        .collect::<Vec<_>>()
        .join("\n")
}
