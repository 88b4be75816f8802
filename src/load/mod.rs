//! Stage 1, **load**: walk `catalog/` and `counties/`, parse every TOML file into `model` types with
//! spans, and report every mistake an author can make as a located diagnostic. Nothing is resolved
//! here: inheritance and cross-file checks are `resolve`.

mod attachment;
mod discover;
pub mod limits;
mod parse;
pub mod toml_error;

use rust_i18n::t;
use std::path::Path;

use crate::diagnostic::Diag;
use crate::model::{ItemFile, JurisdictionFile};
use crate::source::{FileId, Sources};

pub use discover::{SourceKind, discover};

/// Everything read from disk, before resolution.
#[derive(Debug, Default)]
pub struct RawProject {
    pub sources: Sources,
    pub jurisdictions: Vec<RawJurisdiction>,
    /// `catalog/reference/*.toml`: reference data for the lint pass.
    pub reference_files: Vec<FileId>,
}

#[derive(Debug)]
pub struct RawJurisdiction {
    pub file: FileId,
    /// Folder of `jurisdiction.toml`, relative to the root.
    pub dir: String,
    pub data: JurisdictionFile,
    pub item_files: Vec<RawItemFile>,
    /// The Markdown body named in `[notice] body`, read at load time (see [`attachment`]).
    pub notice: Option<FileId>,
}

#[derive(Debug)]
pub struct RawItemFile {
    pub file: FileId,
    pub data: ItemFile,
}

/// One guide typesets every item of its jurisdiction: past the limit, the item that crosses it is an
/// error.
fn check_item_count(j: &RawJurisdiction, diags: &mut Vec<Diag>) {
    let mut count = 0;
    for f in &j.item_files {
        for item in &f.data.items {
            count += 1;
            if count == limits::MAX_ITEMS_PER_JURISDICTION + 1 {
                diags.push(
                    Diag::error(
                        "load::too-many-items",
                        f.file,
                        item.span().start..item.span().start,
                        t!(
                            "load.too-many-items",
                            max = limits::MAX_ITEMS_PER_JURISDICTION
                        ),
                    )
                    .label(t!("load.too-many-items-label"))
                    .help(t!("load.too-many-items-help")),
                );
                return;
            }
        }
    }
}

/// Load every source below `root`. Returns what could be read and all diagnostics found; a file with
/// errors is left out of the result, so later stages only see well-formed data.
pub fn load(root: &Path) -> (RawProject, Vec<Diag>) {
    let mut diags = Vec::new();
    let mut sources = Sources::new(root);
    let found = discover(root, &mut sources, &mut diags);

    let mut jurisdictions: Vec<RawJurisdiction> = Vec::new();
    let mut reference_files = Vec::new();
    let mut item_files: Vec<(String, FileId)> = Vec::new();
    for (kind, file) in found {
        match kind {
            SourceKind::Reference => reference_files.push(file),
            SourceKind::Jurisdiction { dir } => {
                if let Some(data) = parse::jurisdiction_file(file, sources.text(file), &mut diags) {
                    let notice = data.notice.as_ref().and_then(|spec| {
                        let body =
                            attachment::read(&mut sources, file, &dir, &spec.body, &mut diags)?;
                        limits::check_markdown_file(body, sources.text(body), &mut diags);
                        Some(body)
                    });
                    jurisdictions.push(RawJurisdiction {
                        file,
                        dir,
                        data,
                        item_files: Vec::new(),
                        notice,
                    });
                }
            }
            SourceKind::Items { dir } => item_files.push((dir, file)),
        }
    }
    for (dir, file) in item_files {
        let Some(data) = parse::item_file(file, sources.text(file), &mut diags) else {
            continue;
        };
        // The owning jurisdiction was found by folder; it may have failed to parse.
        if let Some(j) = jurisdictions.iter_mut().find(|j| j.dir == dir) {
            j.item_files.push(RawItemFile { file, data });
        }
    }
    for j in &jurisdictions {
        check_item_count(j, &mut diags);
    }
    (
        RawProject {
            sources,
            jurisdictions,
            reference_files,
        },
        diags,
    )
}
