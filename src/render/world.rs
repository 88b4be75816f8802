//! The typst [`World`] of a render: templates from one directory, data from memory, nothing else.
//!
//! - Files under the templates directory are served; every path is canonicalised and must stay
//!   inside the (canonical) templates directory, so `../`, absolute paths and symlinks pointing out
//!   are refused.
//! - The view model is served from memory at [`DATA_PATH`] (`/data.json`), flowcharts at
//!   `/flows/<n>.svg`; in-memory files shadow files of the same path in the templates directory.
//! - Packages (`@preview/…`) are refused: a build never touches the network or a package cache.
//! - `today()` is fixed (from `SOURCE_DATE_EPOCH` or the edition date) so that builds repeat.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rust_i18n::t;
use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::files::{FileLoader, FileStore};

use super::fonts::Fonts;
use super::{RenderError, lock};

/// Where the templates find the view model.
pub const DATA_PATH: &str = "/data.json";

/// The World of one compilation.
pub struct RenderWorld {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    files: FileStore<Loader>,
    templates: Arc<TemplateCache>,
    main: FileId,
    today: Option<Datetime>,
}

/// Template files (sources parsed, other files read) shared by the worlds of one build: every
/// document reads the same `lib.typ` and style files, so each is read and parsed once, not once
/// per document. In-memory files (the data, the charts) are never kept here.
#[derive(Default)]
pub struct TemplateCache {
    sources: Mutex<HashMap<FileId, Source>>,
    files: Mutex<HashMap<FileId, Bytes>>,
}

impl TemplateCache {
    fn source(&self, id: FileId, load: impl FnOnce() -> FileResult<Source>) -> FileResult<Source> {
        cached(&self.sources, id, load)
    }

    fn file(&self, id: FileId, load: impl FnOnce() -> FileResult<Bytes>) -> FileResult<Bytes> {
        cached(&self.files, id, load)
    }
}

/// The value kept for `id`, else `load`'s, kept when it loaded (errors are not kept).
fn cached<T: Clone>(
    map: &Mutex<HashMap<FileId, T>>,
    id: FileId,
    load: impl FnOnce() -> FileResult<T>,
) -> FileResult<T> {
    if let Some(hit) = lock(map).get(&id) {
        return Ok(hit.clone());
    }
    let value = load()?;
    lock(map).insert(id, value.clone());
    Ok(value)
}

impl RenderWorld {
    /// A world compiling `main` (a file name inside `templates_dir`, e.g. `guide.typ`) with the
    /// given in-memory files (virtual absolute path → bytes, e.g. `/data.json`).
    pub fn new(
        templates_dir: &Path,
        main: &str,
        memory: HashMap<String, Bytes>,
        fonts: Arc<Fonts>,
        today: Option<Datetime>,
    ) -> Result<RenderWorld, RenderError> {
        let templates = Arc::new(TemplateCache::default());
        RenderWorld::sharing(templates_dir, main, memory, fonts, today, templates)
    }

    /// [`RenderWorld::new`] reading template files through `templates`, shared with other worlds
    /// of the same templates directory.
    pub fn sharing(
        templates_dir: &Path,
        main: &str,
        memory: HashMap<String, Bytes>,
        fonts: Arc<Fonts>,
        today: Option<Datetime>,
        templates: Arc<TemplateCache>,
    ) -> Result<RenderWorld, RenderError> {
        let root = fs::canonicalize(templates_dir).map_err(|source| RenderError::Templates {
            path: templates_dir.to_path_buf(),
            source,
        })?;
        let vpath = VirtualPath::new(main).map_err(|e| RenderError::Templates {
            path: templates_dir.join(main),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()),
        })?;
        let main = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let memory = memory
            .into_iter()
            .map(|(path, bytes)| {
                let key = VirtualPath::new(&path)
                    .map(|v| v.get_with_slash().to_string())
                    .unwrap_or(path);
                (key, bytes)
            })
            .collect();
        Ok(RenderWorld {
            library: LazyHash::new(Library::default()),
            fonts,
            files: FileStore::new(Loader { root, memory }),
            templates,
            main,
            today,
        })
    }

    /// The canonical templates directory.
    pub fn root(&self) -> &Path {
        &self.files.loader().root
    }

    /// The real path of a template file, for diagnostics (`None` for in-memory files and
    /// packages).
    pub fn real_path(&self, id: FileId) -> Option<PathBuf> {
        let loader = self.files.loader();
        if !matches!(id.root(), VirtualRoot::Project)
            || loader.memory.contains_key(id.vpath().get_with_slash())
        {
            return None;
        }
        id.vpath().realize(&loader.root).ok()
    }

    /// Whether `id` is a file of the templates directory (not an in-memory file, not a package).
    fn is_template(&self, id: FileId) -> bool {
        matches!(id.root(), VirtualRoot::Project)
            && !self
                .files
                .loader()
                .memory
                .contains_key(id.vpath().get_with_slash())
    }

    /// Loads a file as the compiler would (for tests of the sandbox).
    pub fn load(&self, path: &str) -> FileResult<Bytes> {
        let vpath =
            VirtualPath::new(path).map_err(|e| FileError::Other(Some(e.to_string().into())))?;
        self.files
            .file(RootedPath::new(VirtualRoot::Project, vpath).intern())
    }
}

impl World for RenderWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if self.is_template(id) {
            self.templates.source(id, || self.files.source(id))
        } else {
            self.files.source(id)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if self.is_template(id) {
            self.templates.file(id, || self.files.file(id))
        } else {
            self.files.file(id)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        // The date is fixed for the build; offsets do not move a date without a time.
        let _ = offset;
        self.today
    }
}

/// Serves in-memory files and files inside the templates directory.
struct Loader {
    /// Canonical templates directory.
    root: PathBuf,
    /// Virtual path (with leading slash) → bytes.
    memory: HashMap<String, Bytes>,
}

impl FileLoader for Loader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        match id.root() {
            VirtualRoot::Project => {}
            VirtualRoot::Package(spec) => {
                return Err(FileError::Package(PackageError::Other(Some(
                    t!("render.no-packages", spec = spec.to_string())
                        .into_owned()
                        .into(),
                ))));
            }
        }
        let vpath = id.vpath();
        if let Some(bytes) = self.memory.get(vpath.get_with_slash()) {
            return Ok(bytes.clone());
        }
        let path = confine(&self.root, vpath)?;
        fs::read(&path)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &path))
    }
}

/// Resolves a virtual path inside `root` (canonical) and refuses anything that ends up outside it,
/// including through symlinks. Only regular files are served.
pub fn confine(root: &Path, vpath: &VirtualPath) -> FileResult<PathBuf> {
    let joined = vpath.realize(root)?;
    let real = fs::canonicalize(&joined).map_err(|e| FileError::from_io(e, &joined))?;
    if !real.starts_with(root) {
        return Err(FileError::AccessDenied);
    }
    let meta = fs::metadata(&real).map_err(|e| FileError::from_io(e, &real))?;
    if meta.is_dir() {
        return Err(FileError::IsDirectory);
    }
    if !meta.is_file() {
        return Err(FileError::AccessDenied);
    }
    Ok(real)
}

/// A fixed date for `datetime.today()` and the PDF creation date: `SOURCE_DATE_EPOCH` (seconds
/// since 1970, UTC) if set, else the edition date (`2023-06-01`, `2023-06` or `2023`).
pub fn fixed_date(edition: Option<&str>) -> Option<Datetime> {
    if let Some(dt) = source_date_epoch() {
        return Some(dt);
    }
    let (y, m, d) = super::data::parse_date(edition?)?;
    Datetime::from_ymd(y, m.unwrap_or(1), d.unwrap_or(1))
}

/// `SOURCE_DATE_EPOCH` as a UTC date and time.
pub fn source_date_epoch() -> Option<Datetime> {
    epoch_to_datetime(&std::env::var("SOURCE_DATE_EPOCH").ok()?)
}

/// Seconds since 1970-01-01 00:00 UTC (as in `SOURCE_DATE_EPOCH`) as a date and time.
pub fn epoch_to_datetime(seconds: &str) -> Option<Datetime> {
    let secs: i64 = seconds.trim().parse().ok()?;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    Datetime::from_ymd_hms(
        y,
        m,
        d,
        (rem / 3600) as u8,
        (rem % 3600 / 60) as u8,
        (rem % 60) as u8,
    )
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar
/// (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs() {
        assert_eq!(
            epoch_to_datetime("0"),
            Datetime::from_ymd_hms(1970, 1, 1, 0, 0, 0)
        );
        assert_eq!(
            epoch_to_datetime("1767571200"),
            Datetime::from_ymd_hms(2026, 1, 5, 0, 0, 0)
        );
        assert_eq!(
            epoch_to_datetime(" 1700000000\n"),
            Datetime::from_ymd_hms(2023, 11, 14, 22, 13, 20)
        );
        assert_eq!(epoch_to_datetime("yesterday"), None);
    }

    #[test]
    fn fixed_dates_from_editions() {
        if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
            assert_eq!(
                fixed_date(Some("2023-06-01")),
                Datetime::from_ymd(2023, 6, 1)
            );
            assert_eq!(fixed_date(Some("2023")), Datetime::from_ymd(2023, 1, 1));
            assert_eq!(fixed_date(Some("二〇二三")), None);
            assert_eq!(fixed_date(None), None);
        }
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(20_458), (2026, 1, 5));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
