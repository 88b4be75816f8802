//! Files that a source names (the notice body; later images and attachments): read at load time,
//! only from inside the project, only regular files, only up to a size limit. A path that leaves
//! the project (`../../etc/passwd`, `/proc/self/environ`, a symlink pointing out), a device, a FIFO
//! or a folder is a located error on the string that names it; the build never opens it.

use std::fs;
use std::io::Read;
use std::path::{Component, Path};

use crate::diagnostic::Diag;
use crate::model::Text;
use crate::source::{FileId, Sources};

use super::limits::MAX_FILE_BYTES;

/// Reads the file `written` (a path relative to the folder `dir`, itself relative to the root) into
/// `sources` and returns its id; on any problem, pushes an error located at `written` in `file`.
pub fn read(
    sources: &mut Sources,
    file: FileId,
    dir: &str,
    written: &Text,
    diags: &mut Vec<Diag>,
) -> Option<FileId> {
    let fail = |diags: &mut Vec<Diag>, message: String, help: &str| {
        diags.push(
            Diag::error("load::attachment", file, written.span(), message)
                .label("this path")
                .help(help.to_string()),
        );
        None
    };
    let name = written.get_ref();
    let rel = Path::new(name);
    if name.trim().is_empty() || rel.is_absolute() || name.contains('\\') {
        return fail(
            diags,
            format!("`{name}` is not a relative path"),
            "name a file next to jurisdiction.toml, e.g. body = \"notice.md\"",
        );
    }
    if rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return fail(
            diags,
            format!("`{name}` leaves the jurisdiction's folder"),
            "a source may only name files in its own folder or below it (no `..`)",
        );
    }
    let root = match fs::canonicalize(&sources.root) {
        Ok(root) => root,
        Err(err) => return fail(diags, format!("cannot read the project folder: {err}"), ""),
    };
    let path = sources.root.join(dir).join(rel);
    let real = match fs::canonicalize(&path) {
        Ok(real) => real,
        Err(err) => {
            return fail(
                diags,
                format!("cannot read `{name}`: {err}"),
                "create the file next to jurisdiction.toml, or correct its name",
            );
        }
    };
    if !real.starts_with(&root) {
        return fail(
            diags,
            format!("`{name}` is a link to a file outside the project"),
            "copy the file into the project instead of linking to it",
        );
    }
    let meta = match fs::metadata(&real) {
        Ok(meta) => meta,
        Err(err) => return fail(diags, format!("cannot read `{name}`: {err}"), ""),
    };
    if !meta.is_file() {
        return fail(
            diags,
            format!("`{name}` is not a regular file"),
            "name a Markdown file (not a folder, a device or a pipe)",
        );
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return fail(
            diags,
            format!(
                "`{name}` is {} KiB; a named file may have at most {} KiB",
                meta.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
            "shorten the file",
        );
    }
    // The size is checked again while reading: the file may grow between the two.
    let mut bytes = Vec::new();
    let read = fs::File::open(&real)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        return fail(diags, format!("cannot read `{name}`: {err}"), "");
    }
    if bytes.len() > MAX_FILE_BYTES {
        return fail(diags, format!("`{name}` is too large"), "shorten the file");
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail(
            diags,
            format!("`{name}` is not valid UTF-8"),
            "save the file as UTF-8 (not GBK/GB2312)",
        );
    };
    let shown = if dir.is_empty() {
        rel_display(rel)
    } else {
        format!("{dir}/{}", rel_display(rel))
    };
    Some(sources.add(shown, text))
}

fn rel_display(rel: &Path) -> String {
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}
