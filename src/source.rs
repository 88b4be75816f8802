//! Source files kept in memory with their paths, so every later stage can quote them in diagnostics.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
pub type FileId = usize;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators (stable across machines).
    pub path: String,
    pub text: String,
}

/// All files read in one run. Files are only ever added, so a `FileId` stays valid.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub root: PathBuf,
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn new(root: &Path) -> Self {
        Sources {
            root: root.to_path_buf(),
            files: Vec::new(),
        }
    }

    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn path(&self, id: FileId) -> &str {
        &self.files[id].path
    }

    pub fn text(&self, id: FileId) -> &str {
        &self.files[id].text
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate()
    }

    /// Total bytes of source text (for throughput figures).
    pub fn total_bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        line_col(self.text(id), offset)
    }
}

/// 1-based line and column (counted in characters, as editors do for CJK text) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A span clamped to the text and to character boundaries.
pub fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    start..end
}

/// The source range (relative to the literal) of a byte range of the value of a literal without
/// escapes (the common case): plain arithmetic past the delimiters and, in a multi-line string, the
/// newline that opens it. `None` when the literal has escapes or CRs: use a [`LiteralMap`].
pub fn plain_literal_range(literal: &str, range: Range<usize>) -> Option<Range<usize>> {
    let open = delimiter_len(literal);
    if literal[open..].contains(['\\', '\r']) {
        return None;
    }
    Some(plain_offsets(literal, range))
}

/// Length of the opening delimiter of a literal: 3 for multi-line strings, 1 for others.
fn delimiter_len(literal: &str) -> usize {
    if literal.starts_with("\"\"\"") || literal.starts_with("'''") {
        3
    } else {
        usize::from(literal.starts_with(['"', '\'']))
    }
}

/// [`plain_literal_range`] for a literal already known to have no escapes: arithmetic only.
pub fn plain_offsets(literal: &str, range: Range<usize>) -> Range<usize> {
    let open = delimiter_len(literal);
    let body = &literal[open..];
    let skip = usize::from(open == 3 && body.starts_with('\n'));
    let close = if literal.len() >= 2 * open { open } else { 0 };
    let end = literal.len() - close;
    let at = |i: usize| (open + skip + i).min(end);
    at(range.start)..at(range.end.max(range.start))
}

/// Where each character of a TOML string value comes from in its literal (quotes included), so
/// that a range of the decoded value maps back to whole source tokens: `\u5B83` is one character
/// of the value and six bytes of the file, and a fix must replace all six or none.
///
/// Built by walking the literal and the decoded value side by side: every escape yields exactly
/// one character of the value (whatever it decodes to), a line-ending backslash yields nothing, a
/// raw character yields itself. The value, not a decoder of ours, says what each escape means.
#[derive(Debug, Clone)]
pub struct LiteralMap {
    /// Per character of the value: (byte offset in the value, source start, source end), relative
    /// to the literal's first byte. The start includes a line-ending backslash right before the
    /// character: text put there must not land after it, where its leading whitespace would be
    /// trimmed (found by the fixer's property test).
    chars: Vec<(usize, usize, usize)>,
    /// Source offset of the closing delimiter (the end of the body), or of a line-ending
    /// backslash just before it.
    body_end: usize,
    value_len: usize,
}

impl LiteralMap {
    /// The map of `literal` (the TOML string as written, delimiters included) whose decoded value is
    /// `value`. Returns `None` when the literal does not decode to `value` as expected.
    pub fn new(literal: &str, value: &str) -> Option<LiteralMap> {
        let (open, basic) = if literal.starts_with("\"\"\"") {
            (3, true)
        } else if literal.starts_with("'''") {
            (3, false)
        } else if literal.starts_with('"') {
            (1, true)
        } else if literal.starts_with('\'') {
            (1, false)
        } else {
            (0, false)
        };
        let close = if literal.len() >= 2 * open { open } else { 0 };
        let body_end = literal.len() - close;
        let src = literal.as_bytes();
        let mut i = open;
        // A newline right after the opening delimiter of a multi-line string is not in the value.
        if open == 3 {
            if literal[i..].starts_with("\r\n") {
                i += 2;
            } else if literal[i..].starts_with('\n') {
                i += 1;
            }
        }
        let mut chars = Vec::new();
        let mut v = value.char_indices().peekable();
        // Start of a line-ending backslash (and the whitespace it swallows) not yet followed by text.
        let mut continuation: Option<usize> = None;
        while i < body_end {
            if basic && src[i] == b'\\' {
                let rest = &literal[i + 1..body_end];
                let after = rest.trim_start_matches([' ', '\t']);
                if after.starts_with(['\n', '\r']) {
                    // Line-ending backslash: it and all whitespace up to the next text decode to nothing.
                    let skipped =
                        rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
                    continuation.get_or_insert(i);
                    i += 1 + skipped;
                    continue;
                }
                let len = match src.get(i + 1) {
                    Some(b'u') => 6,
                    Some(b'U') => 10,
                    Some(b'x') => 4,
                    _ => 2,
                };
                let (at, _) = v.next()?;
                chars.push((
                    at,
                    continuation.take().unwrap_or(i),
                    (i + len).min(body_end),
                ));
                i += len;
                continue;
            }
            let (at, ch) = v.next()?;
            let token = if literal[i..].starts_with("\r\n") && ch == '\n' {
                2
            } else {
                let raw = literal[i..].chars().next()?;
                if raw != ch {
                    return None;
                }
                raw.len_utf8()
            };
            chars.push((at, continuation.take().unwrap_or(i), i + token));
            i += token;
        }
        if v.next().is_some() {
            return None;
        }
        Some(LiteralMap {
            chars,
            body_end: continuation.unwrap_or(body_end),
            value_len: value.len(),
        })
    }

    /// The source range (relative to the literal) of a byte range of the value. Bounds inside a
    /// character are moved outward to whole characters, so the result always covers whole tokens.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_start(range.start.min(self.value_len));
        if range.end <= range.start {
            return start..start;
        }
        let end = match self
            .chars
            .partition_point(|c| c.0 < range.end.min(self.value_len))
        {
            0 => start,
            k => self.chars[k - 1].2,
        };
        start..end.max(start)
    }

    fn source_start(&self, offset: usize) -> usize {
        if offset >= self.value_len {
            return self.body_end;
        }
        // The character holding `offset` (the last one starting at or before it).
        match self.chars.partition_point(|c| c.0 <= offset) {
            0 => self.chars.first().map_or(self.body_end, |c| c.1),
            k => self.chars[k - 1].1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nname = \"单位参保\"\n";
        let offset = text.find("参保").unwrap();
        assert_eq!(line_col(text, offset), (2, 11));
        assert_eq!(line_col(text, 0), (1, 1));
    }

    fn map(literal: &str, value: &str, range: Range<usize>) -> String {
        let m = LiteralMap::new(literal, value).expect("literal decodes to value");
        literal[m.source_range(range)].to_string()
    }

    #[test]
    fn literal_map_covers_whole_escapes() {
        // 其\u5B83形式: the value 其它形式; 它 is six bytes of the file.
        let lit = r#""其\u5B83形式""#;
        let value = "其它形式";
        assert_eq!(map(lit, value, 0..6), r"其\u5B83");
        assert_eq!(map(lit, value, 3..6), r"\u5B83");
        assert_eq!(map(lit, value, 6..12), "形式");
        assert_eq!(map(lit, value, 12..12), "");
        assert_eq!(map(r#""a\nb参""#, "a\nb参", 1..2), r"\n");
    }

    #[test]
    fn literal_map_multiline_and_literal_strings() {
        let lit = "\"\"\"\nab\\\n   cd\"\"\"";
        assert_eq!(map(lit, "abcd", 0..1), "a");
        assert_eq!(map(lit, "abcd", 1..3), "b\\\n   c");
        // Text replacing `c` must not follow the line-ending backslash, which would trim it.
        assert_eq!(map(lit, "abcd", 2..3), "\\\n   c");
        assert_eq!(map(lit, "abcd", 2..4), "\\\n   cd");
        assert_eq!(map("'a\\u5B83'", "a\\u5B83", 1..3), "\\u");
        assert_eq!(map("\"\"\"\r\na\r\nb\"\"\"", "a\nb", 1..2), "\r\n");
        assert!(LiteralMap::new("\"ab\"", "abc").is_none());
    }
}
