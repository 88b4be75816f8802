//! An edition of the governing catalog: its items with the fields a comparison needs, read from a
//! project folder, a git revision of the project, or one edition file (TOML `[[item]]` tables in the
//! catalog's item format, or a TSV table with the published column headings).

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_i18n::t;
use serde::Serialize;

use crate::model::{Item, ItemFile};
use crate::resolve::{Project, load_project};

/// One item of an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditionItem {
    pub code: String,
    pub name: String,
    pub materials: Vec<String>,
    pub time_limit: Option<String>,
    pub legal_basis: Vec<String>,
}

/// A catalog edition: what it is called in reports, and its items in published order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edition {
    pub label: String,
    pub items: Vec<EditionItem>,
}

/// Why an edition could not be read (messages in the run's language).
#[derive(Debug)]
pub enum EditionError {
    Unknown { spec: String, root: String },
    Invalid { spec: String, message: String },
}

impl std::fmt::Display for EditionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditionError::Unknown { spec, root } => {
                f.write_str(&t!("diff.edition.unknown", spec = spec, root = root))
            }
            EditionError::Invalid { spec, message } => write!(f, "{spec}: {message}"),
        }
    }
}

impl std::error::Error for EditionError {}

impl EditionItem {
    fn from_item(item: &Item) -> Option<EditionItem> {
        let code = item.code.as_ref()?.get_ref().clone();
        Some(EditionItem {
            name: item
                .name
                .as_ref()
                .map_or_else(|| code.clone(), |n| n.get_ref().clone()),
            code,
            materials: texts(&item.materials),
            time_limit: item.time_limit.as_ref().map(|t| t.get_ref().clone()),
            legal_basis: texts(&item.legal_basis),
        })
    }
}

fn texts(list: &Option<Vec<crate::model::Text>>) -> Vec<String> {
    list.iter().flatten().map(|t| t.get_ref().clone()).collect()
}

impl Edition {
    /// The governing catalog of a loaded project (its first province's items that have a code).
    pub fn from_project(project: &Project, label: impl Into<String>) -> Edition {
        Self::from_project_of(project, None, label)
    }

    /// The catalog of the province of `only` (or of the project's first province): its items that
    /// have a code.
    pub fn from_project_of(
        project: &Project,
        only: Option<usize>,
        label: impl Into<String>,
    ) -> Edition {
        let province = project.compared_province(only);
        Edition {
            label: label.into(),
            items: province
                .map(|p| project.jurisdictions[p].items.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|i| EditionItem::from_item(&i.item))
                .collect(),
        }
    }

    pub fn find(&self, code: &str) -> Option<&EditionItem> {
        self.items.iter().find(|i| i.code == code)
    }

    /// Reads the edition `spec` names: a project folder (with `catalog/`), a `catalog/` folder, an
    /// edition file (`.toml` or `.tsv`), or else a git revision of the repository holding `root`.
    pub fn load(spec: &str, root: &Path) -> Result<Edition, EditionError> {
        let path = Path::new(spec);
        let invalid = |message: String| EditionError::Invalid {
            spec: spec.to_string(),
            message,
        };
        if path.is_dir() {
            let project_root = if path.join("catalog").is_dir() {
                path.to_path_buf()
            } else if path.join("jurisdiction.toml").is_file()
                && path.file_name().is_some_and(|n| n == "catalog")
            {
                path.parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            } else {
                return Err(invalid(t!("diff.edition.no-catalog-folder").into_owned()));
            };
            return from_root(&project_root, spec);
        }
        if path.is_file() {
            let text = std::fs::read_to_string(path)
                .map_err(|e| invalid(t!("diff.edition.unreadable", error = e).into_owned()))?;
            return match path.extension().and_then(|e| e.to_str()) {
                Some("tsv") => super::edition_tsv::parse(&text, spec).map_err(invalid),
                _ => from_toml(&text, spec).map_err(invalid),
            };
        }
        from_git(spec, root)
    }
}

fn from_root(root: &Path, label: &str) -> Result<Edition, EditionError> {
    match load_project(root) {
        Ok(project) => Ok(Edition::from_project(&project, label)),
        Err((sources, diags)) => Err(EditionError::Invalid {
            spec: label.to_string(),
            message: t!(
                "diff.edition.invalid-sources",
                problems = diags.len(),
                first = crate::diagnostic::render_all(&diags[..1], &sources, false)
                    .lines()
                    .next()
                    .unwrap_or_default()
            )
            .into_owned(),
        }),
    }
}

/// An edition file in the catalog's item format: any number of `[[item]]` tables.
fn from_toml(text: &str, spec: &str) -> Result<Edition, String> {
    let file: ItemFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let items: Vec<EditionItem> = file
        .items
        .iter()
        .filter_map(|i| EditionItem::from_item(i.get_ref()))
        .collect();
    if items.is_empty() {
        return Err(t!("diff.edition.no-items").into_owned());
    }
    Ok(Edition {
        label: spec.to_string(),
        items,
    })
}

/// The catalog as it was at a git revision: its files are extracted into a temporary folder and
/// loaded like any project. Nothing in the working tree or the repository is changed.
fn from_git(rev: &str, root: &Path) -> Result<Edition, EditionError> {
    let unknown = || EditionError::Unknown {
        spec: rev.to_string(),
        root: root.display().to_string(),
    };
    if rev.starts_with('-') {
        return Err(unknown());
    }
    let git = |args: &[&str]| Command::new("git").arg("-C").arg(root).args(args).output();
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])
    .map_err(|_| unknown())?;
    if !commit.status.success() {
        return Err(unknown());
    }
    let prefix = git(&["rev-parse", "--show-prefix"]).map_err(|_| unknown())?;
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim().to_string();
    let commit = String::from_utf8_lossy(&commit.stdout).trim().to_string();
    let dir = TempDir::new().map_err(|e| EditionError::Invalid {
        spec: rev.to_string(),
        message: t!("diff.edition.no-temp", error = e).into_owned(),
    })?;
    let catalog = dir.path.join("catalog");
    std::fs::create_dir_all(&catalog).map_err(|e| EditionError::Invalid {
        spec: rev.to_string(),
        message: e.to_string(),
    })?;
    let listing = git(&[
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        &format!("{commit}:{prefix}catalog"),
    ])
    .map_err(|_| unknown())?;
    if !listing.status.success() {
        return Err(EditionError::Invalid {
            spec: rev.to_string(),
            message: t!("diff.edition.no-catalog-at-revision").into_owned(),
        });
    }
    for name in listing.stdout.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        // Only item and jurisdiction sources; the names come from git, still never leave the folder.
        if !name.ends_with(".toml") || name.split('/').any(|c| c == ".." || c.is_empty()) {
            continue;
        }
        let blob =
            git(&["show", &format!("{commit}:{prefix}catalog/{name}")]).map_err(|_| unknown())?;
        let target = catalog.join(&name);
        if let Some(parent) = target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(&target, &blob.stdout).map_err(|e| EditionError::Invalid {
            spec: rev.to_string(),
            message: e.to_string(),
        })?;
    }
    from_root(&dir.path, &format!("git {rev}"))
}

/// A folder removed when dropped.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("zhinan-diff-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(TempDir { path })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
