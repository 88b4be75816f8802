//! Size limits on what a source may ask of the later stages, each reported as a located error at
//! load time. They are far above anything a published guide needs and far below what exhausts a
//! build: a 120 KB field, 10,000 nested `>` quotes or 5,000 items in one guide are attacks or
//! accidents, never guides.

use rust_i18n::t;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use crate::diagnostic::Diag;
use crate::model::Text;
use crate::source::{FileId, LiteralMap};

/// Longest text of one field, in bytes (about 21,000 Chinese characters).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// Largest source file (TOML or a notice body), in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Deepest nesting of Markdown elements in one text, counting every element (a list item's
/// paragraph inside its item inside its list is three). Templates typeset nested content
/// recursively; real guides use five or six.
pub const MAX_MARKDOWN_DEPTH: usize = 16;
/// Most items in one jurisdiction's guide (one PDF typesets all of them).
pub const MAX_ITEMS_PER_JURISDICTION: usize = 500;

/// Checks the length and Markdown depth of a TOML string value; the error points into the literal.
pub fn check_text(file: FileId, source: &str, text: &Text, key: &str, diags: &mut Vec<Diag>) {
    let value = text.get_ref();
    let span = text.span();
    if value.len() > MAX_FIELD_BYTES {
        diags.push(
            Diag::error(
                "load::too-long",
                file,
                span.start..span.start,
                t!(
                    "load.field-too-long",
                    key = key,
                    size = value.len() / 1024,
                    max = MAX_FIELD_BYTES / 1024
                ),
            )
            .label(t!("load.field-too-long-label"))
            .help(t!("load.field-too-long-help")),
        );
        return;
    }
    if let Some(at) = too_deep(value) {
        let literal = source.get(span.clone()).unwrap_or_default();
        let inner = LiteralMap::new(literal, value)
            .map(|m| m.source_range(at))
            .map_or(span.clone(), |r| span.start + r.start..span.start + r.end);
        diags.push(depth_error(file, inner, key));
    }
}

/// Checks a whole Markdown file (the notice body).
pub fn check_markdown_file(file: FileId, text: &str, diags: &mut Vec<Diag>) {
    if let Some(at) = too_deep(text) {
        diags.push(depth_error(file, at, "body"));
    }
}

fn depth_error(file: FileId, span: Range<usize>, key: &str) -> Diag {
    Diag::error(
        "load::too-deep",
        file,
        span,
        t!("load.too-deep", key = key, max = MAX_MARKDOWN_DEPTH),
    )
    .label(t!("load.too-deep-label", level = MAX_MARKDOWN_DEPTH + 1))
    .help(t!("load.too-deep-help"))
}

/// The range (in `markdown`) of the first container nested deeper than the limit, if any. Walks the
/// parser's events (no recursion), so any depth is measured safely.
pub fn too_deep(markdown: &str) -> Option<Range<usize>> {
    // Nothing can nest without a marker character: skip the parser for plain text.
    if !markdown.contains(['>', '-', '*', '+', '_', '[', '.', ')', '#']) {
        return None;
    }
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_MARKDOWN_DEPTH {
                    let line_end = markdown[range.start..]
                        .find('\n')
                        .map_or(markdown.len(), |i| range.start + i);
                    return Some(range.start..line_end.min(range.end).max(range.start));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth() {
        assert_eq!(too_deep("1. 有效身份证件\n   - 原件\n"), None);
        assert_eq!(too_deep("**黑** *楷* > 引"), None);
        let deep = ">".repeat(10_000) + " x";
        assert!(too_deep(&deep).is_some());
        let lists: String = (0..200)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        assert!(too_deep(&lists).is_some());
    }
}
