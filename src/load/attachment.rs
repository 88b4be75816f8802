//! Files that a source names (the notice body; later images and attachments): read at load time,
//! only from inside the project, only regular files, only up to a size limit. A path that leaves
//! the project (`../../etc/passwd`, `/proc/self/environ`, a symlink pointing out), a device, a FIFO
//! or a folder is a located error on the string that names it; the build never opens it.

use rust_i18n::t;
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
                .label(t!("attachment.label"))
                .help(help.to_string()),
        );
        None
    };
    let name = written.get_ref();
    let rel = Path::new(name);
    if name.trim().is_empty() || rel.is_absolute() || name.contains('\\') {
        return fail(
            diags,
            t!("attachment.not-relative", name = name).into_owned(),
            &t!("attachment.not-relative-help"),
        );
    }
    if rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return fail(
            diags,
            t!("attachment.leaves", name = name).into_owned(),
            &t!("attachment.leaves-help"),
        );
    }
    let root = match fs::canonicalize(&sources.root) {
        Ok(root) => root,
        Err(err) => {
            return fail(
                diags,
                t!("attachment.no-root", error = err).into_owned(),
                "",
            );
        }
    };
    let path = sources.root.join(dir).join(rel);
    let real = match fs::canonicalize(&path) {
        Ok(real) => real,
        Err(err) => {
            return fail(
                diags,
                t!("attachment.unreadable", name = name, error = err).into_owned(),
                &t!("attachment.missing-help"),
            );
        }
    };
    if !real.starts_with(&root) {
        return fail(
            diags,
            t!("attachment.outside", name = name).into_owned(),
            &t!("attachment.copy-help"),
        );
    }
    let meta = match fs::metadata(&real) {
        Ok(meta) => meta,
        Err(err) => {
            return fail(
                diags,
                t!("attachment.unreadable", name = name, error = err).into_owned(),
                "",
            );
        }
    };
    if !meta.is_file() {
        return fail(
            diags,
            t!("attachment.not-file", name = name).into_owned(),
            &t!("attachment.not-file-help"),
        );
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return fail(
            diags,
            t!(
                "attachment.too-large",
                name = name,
                size = meta.len() / 1024,
                max = MAX_FILE_BYTES / 1024
            )
            .into_owned(),
            &t!("attachment.shorten"),
        );
    }
    // The size is checked again while reading: the file may grow between the two.
    let mut bytes = Vec::new();
    let read = fs::File::open(&real)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        return fail(
            diags,
            t!("attachment.unreadable", name = name, error = err).into_owned(),
            "",
        );
    }
    if bytes.len() > MAX_FILE_BYTES {
        return fail(
            diags,
            t!("attachment.grew", name = name).into_owned(),
            &t!("attachment.shorten"),
        );
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail(
            diags,
            t!("attachment.encoding", name = name).into_owned(),
            &t!("load.encoding-help"),
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
