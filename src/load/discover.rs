//! Finding the source files and telling what each one is, from the folder layout alone.

use rust_i18n::t;
use std::collections::BTreeSet;
use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostic::Diag;
use crate::source::{FileId, Sources};

/// Folders scanned for sources, relative to the project root.
pub const SOURCE_DIRS: [&str; 2] = ["catalog", "counties"];
/// Reference data (laws, corrections, …) lives here, not items.
pub const REFERENCE_DIR: &str = "catalog/reference";
pub const JURISDICTION_FILE: &str = "jurisdiction.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    Jurisdiction { dir: String },
    Items { dir: String },
    Reference,
}

/// `/`-separated path relative to the root.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Walk the source folders in a stable order, read every `*.toml` into `sources` and classify it.
pub fn discover(
    root: &Path,
    sources: &mut Sources,
    diags: &mut Vec<Diag>,
) -> Vec<(SourceKind, FileId)> {
    let mut paths = Vec::new();
    for dir in SOURCE_DIRS {
        let base = root.join(dir);
        if !base.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&base).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            if entry.path_is_symlink() && path.extension().is_some_and(|e| e == "toml") {
                // A linked source is read when it leads to a regular file inside the project, and
                // is an error otherwise: never skipped without a word, never read from outside.
                let rel = relative(root, path);
                let inside = std::fs::canonicalize(root)
                    .ok()
                    .zip(std::fs::canonicalize(path).ok())
                    .is_some_and(|(root, real)| real.starts_with(root) && real.is_file());
                if inside {
                    paths.push((rel, path.to_path_buf()));
                } else {
                    let file = sources.add(rel, String::new());
                    diags.push(
                        Diag::error("load::symlink", file, 0..0, t!("load.symlink"))
                            .help(t!("attachment.copy-help")),
                    );
                }
                continue;
            }
            if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "toml") {
                paths.push((relative(root, path), path.to_path_buf()));
            }
        }
    }

    // Folders inside catalog/reference/ hold data to copy into a project (the national list in
    // catalog/reference/national/), not sources of this project: they are not read.
    paths.retain(|(rel, _)| {
        rel.strip_prefix(&format!("{REFERENCE_DIR}/"))
            .is_none_or(|rest| !rest.contains('/'))
    });

    let jurisdiction_dirs: BTreeSet<String> = paths
        .iter()
        .filter_map(|(rel, _)| rel.strip_suffix(&format!("/{JURISDICTION_FILE}")))
        .map(str::to_string)
        .collect();

    let mut found = Vec::new();
    for (rel, path) in paths {
        let too_large =
            std::fs::metadata(&path).is_ok_and(|m| m.len() > super::limits::MAX_FILE_BYTES as u64);
        if too_large {
            let file = sources.add(rel.clone(), String::new());
            diags.push(
                Diag::error(
                    "load::too-long",
                    file,
                    0..0,
                    t!(
                        "load.file-too-large",
                        max = super::limits::MAX_FILE_BYTES / 1024 / 1024
                    ),
                )
                .help(t!("load.file-too-large-help")),
            );
            continue;
        }
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    let file = sources.add(rel.clone(), String::new());
                    diags.push(
                        Diag::error("load::encoding", file, 0..0, t!("load.encoding"))
                            .help(t!("load.encoding-help")),
                    );
                    continue;
                }
            },
            Err(err) => {
                let file = sources.add(rel.clone(), String::new());
                diags.push(Diag::error(
                    "load::io",
                    file,
                    0..0,
                    t!("load.io", error = err),
                ));
                continue;
            }
        };
        let file = sources.add(rel.clone(), text);
        if rel.starts_with(&format!("{REFERENCE_DIR}/")) {
            found.push((SourceKind::Reference, file));
        } else if let Some(dir) = rel.strip_suffix(&format!("/{JURISDICTION_FILE}")) {
            found.push((
                SourceKind::Jurisdiction {
                    dir: dir.to_string(),
                },
                file,
            ));
        } else {
            // The owner is the deepest folder above the file that has a jurisdiction.toml.
            let owner = jurisdiction_dirs
                .iter()
                .filter(|d| rel.starts_with(&format!("{d}/")))
                .max_by_key(|d| d.len());
            match owner {
                Some(dir) => found.push((SourceKind::Items { dir: dir.clone() }, file)),
                None => diags.push(
                    Diag::error("load::orphan-file", file, 0..0, t!("load.orphan"))
                        .help(t!("load.orphan-help", file = JURISDICTION_FILE)),
                ),
            }
        }
    }
    found
}
