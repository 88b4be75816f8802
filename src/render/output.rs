//! Safe writes and the build manifest.
//!
//! A jurisdiction's outputs are committed all-or-nothing ([`Staging`]): written into a sibling
//! folder as they are made, then swapped in with two renames. A build that fails at any point
//! leaves the previous outputs and manifest as they were; what a killed build left is removed by
//! the next one. Single files (the build stamp, `lint --fix`, `flow -o`) go through
//! [`write_atomic`], the one helper for every other write.
//!
//! `out/<jurisdiction>/manifest.json` records a hash of every input of the build (data, flowcharts,
//! templates, fonts, options) and of every output, so that an unchanged jurisdiction is skipped.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// File name of the manifest inside a jurisdiction's output directory.
pub const MANIFEST: &str = "manifest.json";

/// Bump when the manifest format or the meaning of its input hash changes.
const MANIFEST_VERSION: u32 = 1;

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes the inputs of a build: labelled, length-prefixed parts so that no two different
/// sequences of parts hash alike.
pub struct InputHasher(Sha256);

impl Default for InputHasher {
    fn default() -> Self {
        let mut hasher = Sha256::new();
        hasher.update(b"zhinan-render\0");
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(MANIFEST_VERSION.to_le_bytes());
        InputHasher(hasher)
    }
}

impl InputHasher {
    pub fn add(&mut self, label: &str, bytes: &[u8]) {
        self.0.update((label.len() as u64).to_le_bytes());
        self.0.update(label.as_bytes());
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// Adds every file below `dir` (sorted, relative names), following no symlinks out of it.
    pub fn add_dir(&mut self, label: &str, dir: &Path) -> io::Result<()> {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            if entry.file_type().is_file() {
                files.push(entry.into_path());
            }
        }
        for path in files {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let name = format!("{label}/{}", rel.to_string_lossy());
            self.add(&name, &fs::read(&path)?);
        }
        Ok(())
    }

    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

/// `out/<jurisdiction>/manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// Hash of all inputs (see [`InputHasher`]).
    pub input: String,
    /// Output path relative to the directory (`/`-separated) → SHA-256 of its bytes.
    pub outputs: BTreeMap<String, String>,
}

impl Manifest {
    pub fn new(input: String) -> Manifest {
        Manifest {
            version: MANIFEST_VERSION,
            input,
            outputs: BTreeMap::new(),
        }
    }

    /// The manifest in `dir`, if there is a readable one.
    pub fn load(dir: &Path) -> Option<Manifest> {
        let bytes = fs::read(dir.join(MANIFEST)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Whether `dir` holds the outputs of a build with this input hash, unmodified.
    pub fn is_current(&self, dir: &Path, input: &str) -> bool {
        self.version == MANIFEST_VERSION
            && self.input == input
            && self.outputs.iter().all(|(rel, hash)| {
                fs::read(dir.join(rel)).is_ok_and(|bytes| sha256_hex(&bytes) == *hash)
            })
    }
}

/// Writes `files` (paths relative to `dir`) and the manifest as one unit: see [`Staging`].
pub fn commit(dir: &Path, files: &[(String, Vec<u8>)], input: String) -> io::Result<Manifest> {
    let mut staging = Staging::begin(dir)?;
    for (rel, bytes) in files {
        staging.write(rel, bytes)?;
    }
    staging.finish(input)
}

/// A jurisdiction's outputs, committed all-or-nothing.
///
/// Files are written into a sibling folder `.<name>.staging.<pid>.<n>` as they are made (nothing
/// is kept in memory); [`Staging::finish`] writes the manifest there and swaps the folders with two
/// renames (`<name>` → `.<name>.old.<pid>.<n>`, staging → `<name>`), then deletes the old one. At
/// any moment `out/<name>/` holds either every previous output or every new one. Files in the old
/// folder that no build made (not in its manifest) are moved over, so nothing of the user's is
/// lost. Dropped without `finish` (an error), the staging folder is removed; leftovers of a killed
/// run are removed by the next [`Staging::begin`].
pub struct Staging {
    dir: PathBuf,
    staging: PathBuf,
    outputs: BTreeMap<String, String>,
    done: bool,
}

impl Staging {
    pub fn begin(dir: &Path) -> io::Result<Staging> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let (parent, name) = split(dir)?;
        fs::create_dir_all(&parent)?;
        remove_leftovers(&parent, &name, dir);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let staging = parent.join(format!(".{name}.staging.{}.{n}", std::process::id()));
        fs::create_dir(&staging)?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            staging,
            outputs: BTreeMap::new(),
            done: false,
        })
    }

    /// Writes one output (a plain relative path, `/`-separated) into the staging folder.
    pub fn write(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_plain_relative(rel) || rel == MANIFEST {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{rel}` is not an output path"),
            ));
        }
        let target = self.staging.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        // Not flushed here: `finish` makes the whole folder durable at once before the swap.
        let mut file = File::options().write(true).create_new(true).open(&target)?;
        file.write_all(bytes)?;
        self.outputs.insert(rel.to_string(), sha256_hex(bytes));
        Ok(())
    }

    /// Writes the manifest and swaps the staging folder in.
    pub fn finish(mut self, input: String) -> io::Result<Manifest> {
        let manifest = Manifest {
            version: MANIFEST_VERSION,
            input,
            outputs: std::mem::take(&mut self.outputs),
        };
        let json = serde_json::to_vec_pretty(&manifest).map_err(io::Error::other)?;
        let mut file = File::options()
            .write(true)
            .create_new(true)
            .open(self.staging.join(MANIFEST))?;
        file.write_all(&json)?;
        drop(file);
        self.keep_foreign_files(&manifest)?;
        flush_folder(&self.staging, manifest.outputs.keys())?;

        let (parent, name) = split(&self.dir)?;
        let old = parent.join(format!(
            ".{name}.old.{}.{}",
            std::process::id(),
            self.staging
                .extension()
                .map_or_else(String::new, |e| e.to_string_lossy().into_owned())
        ));
        let had_old = match fs::rename(&self.dir, &old) {
            Ok(()) => true,
            Err(err) if err.kind() == io::ErrorKind::NotFound => false,
            Err(err) => return Err(err),
        };
        if let Err(err) = fs::rename(&self.staging, &self.dir) {
            // Put the previous outputs back; say so only if that worked.
            if had_old && let Err(back) = fs::rename(&old, &self.dir) {
                return Err(io::Error::other(format!(
                    "{err}; the previous outputs could not be put back either ({back}): they are in {}",
                    old.display()
                )));
            }
            return Err(err);
        }
        self.done = true;
        sync_dir(&parent);
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(manifest)
    }

    /// Moves files of the current folder that are not outputs of the previous build (the user's)
    /// into the staging folder. A foreign file where a new output goes stops the build, before
    /// anything is moved; a move that fails puts back what was moved.
    fn keep_foreign_files(&self, manifest: &Manifest) -> io::Result<()> {
        let previous = Manifest::load(&self.dir)
            .map(|m| m.outputs)
            .unwrap_or_default();
        let Ok(entries) = walk_files(&self.dir) else {
            return Ok(());
        };
        let foreign: Vec<String> = entries
            .into_iter()
            .filter(|rel| !previous.contains_key(rel) && rel != MANIFEST && !is_leftover(rel))
            .collect();
        for rel in &foreign {
            // The path itself or a folder on its way is taken by a new output.
            let mut prefix = PathBuf::new();
            let taken = Path::new(rel).components().any(|c| {
                prefix.push(c);
                self.staging.join(&prefix).is_file()
            }) || self.staging.join(rel).exists()
                || manifest.outputs.contains_key(rel);
            if taken {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} was not made by zhinan and is in the way of a new output; move it elsewhere",
                        self.dir.join(rel).display()
                    ),
                ));
            }
        }
        let mut moved: Vec<&String> = Vec::new();
        for rel in &foreign {
            let target = self.staging.join(rel);
            let result = target
                .parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::rename(self.dir.join(rel), &target));
            if let Err(err) = result {
                for back in moved {
                    let _ = fs::rename(self.staging.join(back), self.dir.join(back));
                }
                return Err(err);
            }
            moved.push(rel);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The parent folder and the file name of a jurisdiction's output folder.
fn split(dir: &Path) -> io::Result<(PathBuf, String)> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no output folder name"))?;
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    Ok((parent, name))
}

/// Relative paths of the regular files below `dir` (symlinks are not followed).
fn walk_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        out.push(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/"),
        );
    }
    Ok(out)
}

/// `.<name>.<pid>.<n>.tmp`: a temporary file of [`write_atomic`] (or of an older build).
fn is_leftover(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    temp_pid(name).is_some()
}

/// The process id in a temporary name: `.<name>.<pid>.<n>.tmp`, `.<name>.staging.<pid>.<n>`,
/// `.<name>.old.<pid>.<n>`.
fn temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let parts: Vec<&str> = name.rsplitn(4, '.').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        ["tmp", n, pid, _] if digits(n) => pid.parse().ok(),
        [n, pid, kind, _] if digits(n) && (*kind == "staging" || *kind == "old") => {
            pid.parse().ok()
        }
        _ => None,
    }
}

/// Whether a process with this id may still be writing (always true when that cannot be known).
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_root = Path::new("/proc");
    !proc_root.join("self").exists() || proc_root.join(pid.to_string()).exists()
}

/// Removes what a killed build left: staging folders and temporary files of processes that are
/// gone, and puts back a previous output folder if the kill came between the two renames.
fn remove_leftovers(parent: &Path, name: &str, dir: &Path) {
    let prefix = format!(".{name}.");
    if let Ok(entries) = fs::read_dir(parent) {
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = file.strip_prefix(&prefix).and(temp_pid(&file)) else {
                continue;
            };
            if running(pid) {
                continue;
            }
            let path = entry.path();
            if file.contains(".old.") && !dir.exists() {
                let _ = fs::rename(&path, dir);
            } else if path.is_dir() {
                let _ = fs::remove_dir_all(&path);
            } else {
                let _ = fs::remove_file(&path);
            }
        }
    }
    // Temporary files of single-file writes inside the folder.
    for rel in walk_files(dir).unwrap_or_default() {
        let file = rel.rsplit('/').next().unwrap_or(&rel);
        if temp_pid(file).is_some_and(|pid| !running(pid)) {
            let _ = fs::remove_file(dir.join(&rel));
        }
    }
}

/// Writes one file atomically: a temporary file next to it, flushed, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = stage(path, bytes)?;
    if let Err(err) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    if let Some(parent) = path.parent() {
        sync_dir(parent);
    }
    Ok(())
}

/// Writes `bytes` to a new temporary file in `target`'s directory and flushes it to disk.
fn stage(target: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = parent.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let written = (|| {
        let mut file = File::options().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match written {
        Ok(()) => Ok(tmp),
        Err(err) => {
            let _ = fs::remove_file(&tmp);
            Err(err)
        }
    }
}

/// Makes everything written below `dir` durable before it is renamed into place, so that a crash
/// never leaves a swapped-in folder with empty files. On Linux one `syncfs` does it: flushing each
/// file on its own made every output wait for a journal commit of its own: about 0.1 s of the
/// seed build's 1.5 s. Elsewhere each output (`rels`), each folder and `dir` are flushed.
fn flush_folder<'a>(dir: &Path, rels: impl Iterator<Item = &'a String>) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let _ = rels;
        rustix::fs::syncfs(File::open(dir)?)?;
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    flush_each(dir, rels)
}

/// Flushes each output below `dir`, the manifest, and every folder holding one.
#[cfg_attr(target_os = "linux", allow(dead_code))]
fn flush_each<'a>(dir: &Path, rels: impl Iterator<Item = &'a String>) -> io::Result<()> {
    let mut folders = std::collections::BTreeSet::new();
    let paths: Vec<PathBuf> = rels.map(|rel| dir.join(rel)).collect();
    for path in paths.iter().chain([&dir.join(MANIFEST)]) {
        File::open(path)?.sync_all()?;
        folders.extend(path.parent().map(Path::to_path_buf));
    }
    for folder in folders {
        sync_dir(&folder);
    }
    Ok(())
}

/// Flushes a directory entry update (renames) to disk where the platform allows it.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A manifest path we may delete: relative, no `..`.
fn is_plain_relative(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    /// The flush used where `syncfs` is missing (compiled and tested everywhere).
    #[test]
    fn flush_each_reaches_every_output_and_fails_on_a_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("items")).unwrap();
        for rel in ["guide.pdf", "items/1.pdf", MANIFEST] {
            fs::write(dir.path().join(rel), b"x").unwrap();
        }
        let rels = ["guide.pdf".to_string(), "items/1.pdf".to_string()];
        flush_each(dir.path(), rels.iter()).unwrap();
        let missing = ["items/2.pdf".to_string()];
        assert!(flush_each(dir.path(), missing.iter()).is_err());
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempdir();
        let path = dir.path().join("a.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.pdf"]);
    }

    #[test]
    fn commit_writes_manifest_and_removes_stale_outputs() {
        let dir = tempdir();
        let files = vec![
            ("guide.pdf".to_string(), b"g".to_vec()),
            ("items/1.pdf".to_string(), b"1".to_vec()),
            ("items/2.pdf".to_string(), b"2".to_vec()),
        ];
        let m = commit(dir.path(), &files, "h1".into()).unwrap();
        assert!(m.is_current(dir.path(), "h1"));
        assert!(!m.is_current(dir.path(), "h2"));
        assert_eq!(Manifest::load(dir.path()).unwrap(), m);

        // An item disappears: its PDF goes, the others stay.
        let m2 = commit(dir.path(), &files[..2], "h2".into()).unwrap();
        assert!(m2.is_current(dir.path(), "h2"));
        assert!(!dir.path().join("items/2.pdf").exists());
        assert!(dir.path().join("items/1.pdf").exists());

        // A modified output makes the manifest stale.
        fs::write(dir.path().join("guide.pdf"), b"edited").unwrap();
        assert!(!m2.is_current(dir.path(), "h2"));
    }

    #[test]
    fn hasher_separates_parts() {
        let mut a = InputHasher::default();
        a.add("x", b"ab");
        a.add("y", b"c");
        let mut b = InputHasher::default();
        b.add("x", b"a");
        b.add("y", b"bc");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn stale_paths_must_be_plain() {
        assert!(is_plain_relative("items/a.pdf"));
        assert!(!is_plain_relative("../a.pdf"));
        assert!(!is_plain_relative("/etc/passwd"));
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        all.sort();
        all
    }

    /// A kill -9 leaves temporary files and a staging folder: the next build removes them.
    #[test]
    fn leftovers_of_a_killed_build_are_removed() {
        let out = tempdir();
        let dir = out.path().join("测试县");
        commit(&dir, &[("guide.pdf".into(), b"g".to_vec())], "h1".into()).unwrap();
        // A process id that is not running (above the kernel's maximum).
        let dead = 4_194_999;
        fs::write(dir.join(format!(".guide.pdf.{dead}.3.tmp")), b"half").unwrap();
        fs::create_dir_all(dir.join("items")).unwrap();
        fs::write(dir.join(format!("items/.1.pdf.{dead}.7.tmp")), b"half").unwrap();
        fs::create_dir(out.path().join(format!(".测试县.staging.{dead}.0"))).unwrap();
        fs::write(
            out.path()
                .join(format!(".测试县.staging.{dead}.0/guide.pdf")),
            b"x",
        )
        .unwrap();
        commit(&dir, &[("guide.pdf".into(), b"g2".to_vec())], "h2".into()).unwrap();
        assert_eq!(
            listing(out.path()),
            ["测试县", "测试县/guide.pdf", "测试县/manifest.json"]
        );
    }

    /// A kill between the two renames of the swap: the next build puts the previous folder back.
    #[test]
    fn a_swap_cut_in_half_is_restored() {
        let out = tempdir();
        let dir = out.path().join("县");
        commit(&dir, &[("guide.pdf".into(), b"g".to_vec())], "h1".into()).unwrap();
        let old = out.path().join(".县.old.4194999.0");
        fs::rename(&dir, &old).unwrap();
        let staging = Staging::begin(&dir).unwrap();
        assert_eq!(fs::read(dir.join("guide.pdf")).unwrap(), b"g");
        drop(staging);
        assert_eq!(
            listing(out.path()),
            ["县", "县/guide.pdf", "县/manifest.json"]
        );
    }

    /// An output that cannot be written fails the commit and changes nothing (once 29 of 60
    /// outputs were replaced and "previous outputs are kept" was claimed).
    #[test]
    fn a_failed_commit_changes_nothing() {
        let out = tempdir();
        let dir = out.path().join("县");
        let first: Vec<(String, Vec<u8>)> = (0..60)
            .map(|i| (format!("items/{i}.pdf"), vec![b'a'; i]))
            .collect();
        commit(&dir, &first, "h1".into()).unwrap();
        let before = listing(out.path());
        // The 30th output's path runs through a file: it cannot be written.
        let mut second: Vec<(String, Vec<u8>)> = (0..60)
            .map(|i| (format!("items/{i}.pdf"), vec![b'b'; i]))
            .collect();
        second[30].0 = "items/3.pdf/x.pdf".into();
        assert!(commit(&dir, &second, "h2".into()).is_err());
        assert_eq!(listing(out.path()), before);
        for i in 0..60 {
            assert_eq!(
                fs::read(dir.join(format!("items/{i}.pdf"))).unwrap(),
                vec![b'a'; i]
            );
        }
    }

    /// A file in the output folder that no build made is kept; one in the way of a new output stops
    /// the build without changing anything.
    #[test]
    fn foreign_files_are_kept() {
        let out = tempdir();
        let dir = out.path().join("县");
        commit(&dir, &[("guide.pdf".into(), b"g".to_vec())], "h1".into()).unwrap();
        fs::write(dir.join("说明.txt"), b"mine").unwrap();
        commit(&dir, &[("guide.pdf".into(), b"g2".to_vec())], "h2".into()).unwrap();
        assert_eq!(fs::read(dir.join("说明.txt")).unwrap(), b"mine");
        fs::create_dir(dir.join("notice.pdf")).unwrap();
        fs::write(dir.join("notice.pdf/a"), b"mine").unwrap();
        let files = [
            ("guide.pdf".into(), b"g3".to_vec()),
            ("notice.pdf".into(), b"n".to_vec()),
        ];
        let err = commit(&dir, &files, "h3".into()).unwrap_err();
        assert!(err.to_string().contains("not made by zhinan"), "{err}");
        assert_eq!(fs::read(dir.join("guide.pdf")).unwrap(), b"g2");
        assert_eq!(fs::read(dir.join("notice.pdf/a")).unwrap(), b"mine");
    }

    #[test]
    fn temporary_names() {
        assert_eq!(temp_pid(".guide.pdf.123.4.tmp"), Some(123));
        assert_eq!(temp_pid(".测试县.staging.55.0"), Some(55));
        assert_eq!(temp_pid(".a.b.old.7.1"), Some(7));
        assert_eq!(temp_pid("guide.pdf"), None);
        assert_eq!(temp_pid(".hidden.tmp"), None);
    }
}
