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
}
