//! The lint's fixture cases: `tests/fixtures/lint/base/` is one small clean project, and every case
//! folder `tests/fixtures/lint/<rule-name>/<case>/` holds only the files that differ from it. A case
//! is the base with its files laid over it (same relative path = replaced, new path = added),
//! materialised in a temporary folder. The form is described in `tests/fixtures/README.md`.

#![allow(dead_code)] // each test target uses a part of it

use std::fs;
use std::path::{Path, PathBuf};

/// `tests/fixtures/lint`.
pub fn lint_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint")
}

/// `tests/fixtures/lint/base`, the project every case starts from.
pub fn base_dir() -> PathBuf {
    lint_dir().join(BASE)
}

const BASE: &str = "base";

/// Whether a case must produce findings of its rule or must not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Fail,
    Pass,
}

/// One case folder: `fail`, `pass`, `fail-<label>` or `pass-<label>`.
#[derive(Debug)]
pub struct Case {
    pub rule: String,
    /// The folder name, e.g. `fail-markdown`.
    pub name: String,
    pub expect: Expect,
    /// The part after `fail-`/`pass-`, empty for the plain `fail`/`pass`.
    pub label: String,
    pub dir: PathBuf,
}

impl Case {
    /// `<rule>/<case>`, as the folder is named under `tests/fixtures/lint`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.rule, self.name)
    }

    /// The base project with this case's files laid over it.
    pub fn materialize(&self) -> tempfile::TempDir {
        materialize(&self.id())
    }
}

/// Reads a case folder name; `None` for a name outside the form.
pub fn parse_case_name(name: &str) -> Option<(Expect, String)> {
    for (prefix, expect) in [("fail", Expect::Fail), ("pass", Expect::Pass)] {
        if name == prefix {
            return Some((expect, String::new()));
        }
        if let Some(label) = name.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) {
            let valid = !label.is_empty()
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            return valid.then(|| (expect, label.to_string()));
        }
    }
    None
}

/// Every rule folder with its case folders, sorted; folders whose names are outside the form are
/// returned in the second list (as `<rule>/<folder>`).
pub fn all_cases() -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut strays = Vec::new();
    for rule_dir in sorted_dirs(&lint_dir()) {
        let rule = file_name(&rule_dir);
        if rule == BASE {
            continue;
        }
        for dir in sorted_dirs(&rule_dir) {
            let name = file_name(&dir);
            match parse_case_name(&name) {
                Some((expect, label)) => cases.push(Case {
                    rule: rule.clone(),
                    name,
                    expect,
                    label,
                    dir,
                }),
                None => strays.push(format!("{rule}/{name}")),
            }
        }
    }
    (cases, strays)
}

/// The base project with the files of `tests/fixtures/lint/<case_id>` laid over it, in a temporary
/// folder that lives as long as the returned value.
pub fn materialize(case_id: &str) -> tempfile::TempDir {
    let overlay = lint_dir().join(case_id);
    assert!(overlay.is_dir(), "no fixture case {}", overlay.display());
    let tmp = tempfile::tempdir().expect("temporary folder");
    copy_tree(&base_dir(), tmp.path());
    copy_tree(&overlay, tmp.path());
    tmp
}

/// The files under `dir`, as paths relative to it, sorted.
pub fn relative_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("readable fixture folder"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

fn copy_tree(from: &Path, to: &Path) {
    for rel in relative_files(from) {
        let dest = to.join(&rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(from.join(&rel), &dest).unwrap();
    }
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}
