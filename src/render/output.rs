//! Safe writes and the build manifest.
//!
//! Outputs are written all-or-nothing as far as a file system allows: every file goes to a
//! temporary file in its target directory, is flushed to disk, and only when all of them are
//! written are they renamed over the previous outputs; the manifest is written last. A build that
//! fails before that point leaves the previous outputs and manifest untouched.
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

/// Writes `files` (paths relative to `dir`) and then the manifest, replacing earlier outputs only
/// once every new file is safely on disk. Files listed in the previous manifest but not produced
/// any more are removed afterwards.
pub fn commit(dir: &Path, files: &[(String, Vec<u8>)], input: String) -> io::Result<Manifest> {
    let previous = Manifest::load(dir);
    let mut manifest = Manifest::new(input);
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len() + 1);

    let result = (|| {
        for (rel, bytes) in files {
            let target = dir.join(rel);
            let tmp = stage(&target, bytes)?;
            staged.push((tmp, target));
            manifest.outputs.insert(rel.clone(), sha256_hex(bytes));
        }
        let json = serde_json::to_vec_pretty(&manifest).map_err(io::Error::other)?;
        let target = dir.join(MANIFEST);
        staged.push((stage(&target, &json)?, target));
        Ok(())
    })();
    if let Err(err) = result {
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        return Err(err);
    }

    // Everything is on disk: swap the files in (the manifest last).
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (tmp, target) in &staged {
        fs::rename(tmp, target)?;
        if let Some(parent) = target.parent()
            && !dirs.iter().any(|d| d == parent)
        {
            dirs.push(parent.to_path_buf());
        }
    }
    for d in &dirs {
        sync_dir(d);
    }

    if let Some(previous) = previous {
        for rel in previous.outputs.keys() {
            if !manifest.outputs.contains_key(rel) && is_plain_relative(rel) {
                let _ = fs::remove_file(dir.join(rel));
            }
        }
    }
    Ok(manifest)
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
}
