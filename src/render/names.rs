//! Output names unique by construction: every file `zhinan build` writes is named after a source
//! (a jurisdiction's name, an item's code or id), and two sources that would write the same file
//! (`测试/县` and `测试_县`, item `6`'s second chart and item `6-2`, names with surrounding spaces)
//! are a located error naming both, before anything is built. Names too long for a file system are
//! an error too (a 100-character jurisdiction name used to fail the build with "File name too
//! long" and no source).

use rust_i18n::t;
use std::collections::BTreeMap;
use std::ops::Range;

use super::data::safe_file_stem;
use crate::diagnostic::Diag;
use crate::resolve::Project;
use crate::source::FileId;

/// Longest output file or folder name, in bytes: file systems allow 255, and the staging folder of
/// a jurisdiction adds `.` and `.staging.<pid>.<n>` to its name.
pub const MAX_NAME_BYTES: usize = 200;

/// Where a name comes from.
#[derive(Clone)]
struct Source {
    file: FileId,
    span: Range<usize>,
    what: String,
}

/// Every collision or over-long name among the outputs of `project`.
pub fn check(project: &Project, chart_file: impl Fn(usize, usize, usize) -> String) -> Vec<Diag> {
    let mut diags = Vec::new();
    let mut dirs: BTreeMap<String, Source> = BTreeMap::new();
    for (ji, j) in project.jurisdictions.iter().enumerate() {
        let span = j.data.name.span();
        let dir = safe_file_stem(&j.name);
        claim(
            &mut dirs,
            dir,
            Source {
                file: j.file,
                span: span.clone(),
                what: t!("render.what-jurisdiction", name = j.name).into_owned(),
            },
            "out/",
            &mut diags,
        );
        let mut files: BTreeMap<String, Source> = BTreeMap::new();
        for (ii, item) in j.items.iter().enumerate() {
            let written = item
                .item
                .code
                .as_ref()
                .or(item.item.id.as_ref())
                .filter(|_| item.decl.jurisdiction == ji);
            let span = written.map_or(item.span.clone(), |t| t.span());
            let source = |what: String| Source {
                file: item.decl.file,
                span: span.clone(),
                what,
            };
            let stem = safe_file_stem(&item.key);
            claim(
                &mut files,
                format!("items/{stem}.pdf"),
                source(t!("render.what-item", key = item.key).into_owned()),
                &format!("out/{}/", j.name),
                &mut diags,
            );
            for k in 0..item.item.flow.len() {
                claim(
                    &mut files,
                    chart_file(ji, ii, k),
                    source(t!("render.what-chart", n = k + 1, key = item.key).into_owned()),
                    &format!("out/{}/", j.name),
                    &mut diags,
                );
            }
        }
    }
    diags
}

/// Records that `source` writes `name`; a second claim, or a name too long, is an error.
fn claim(
    taken: &mut BTreeMap<String, Source>,
    name: String,
    source: Source,
    base: &str,
    diags: &mut Vec<Diag>,
) {
    let longest = name.split('/').map(str::len).max().unwrap_or(0);
    if longest > MAX_NAME_BYTES {
        diags.push(
            Diag::error(
                "build::name-too-long",
                source.file,
                source.span,
                t!("render.name-too-long", what = source.what, bytes = longest),
            )
            .label(t!("render.name-too-long-label"))
            .help(t!("render.name-too-long-help", chars = MAX_NAME_BYTES / 3)),
        );
        return;
    }
    match taken.get(&name) {
        Some(first) => diags.push(
            Diag::error(
                "build::name-collision",
                source.file,
                source.span.clone(),
                t!(
                    "render.name-collision",
                    first = first.what,
                    second = source.what,
                    path = format!("{base}{name}")
                ),
            )
            .label(t!("render.second-source"))
            .related(first.file, first.span.clone(), t!("render.first-source"))
            .help(t!("render.name-collision-help")),
        ),
        None => {
            taken.insert(name, source);
        }
    }
}
