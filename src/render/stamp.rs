//! The no-change fast path of `zhinan build`: a fingerprint of everything a build reads (sources,
//! templates, the font files on the machine, options) and the size and modification time of every
//! output it wrote. When both are unchanged, nothing is laid out, hashed or typeset.
//!
//! The per-jurisdiction manifests stay the authority: when the fingerprint differs, the normal path
//! compares each jurisdiction's input hash and rebuilds only what changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use super::output::{InputHasher, write_atomic};

pub const STAMP: &str = ".zhinan-build.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub fingerprint: String,
    /// Output path relative to the output folder → (size, modification time in ns).
    pub outputs: BTreeMap<String, (u64, u128)>,
}

/// Builds the fingerprint of one build's inputs.
pub struct Fingerprint(InputHasher);

impl Fingerprint {
    pub fn new() -> Self {
        let mut h = InputHasher::default();
        h.add(
            "epoch",
            std::env::var("SOURCE_DATE_EPOCH")
                .unwrap_or_default()
                .as_bytes(),
        );
        Fingerprint(h)
    }

    pub fn add(&mut self, label: &str, bytes: &[u8]) {
        self.0.add(label, bytes);
    }

    pub fn add_dir(&mut self, label: &str, dir: &Path) {
        if self.0.add_dir(label, dir).is_err() {
            self.0.add(label, b"unreadable");
        }
    }

    /// Font folders are listed, not read: a font installed, removed or replaced changes the list.
    pub fn add_fonts(&mut self, extra: &[PathBuf]) {
        let mut dirs = super::fonts::font_dirs();
        dirs.extend(extra.iter().cloned());
        for dir in dirs {
            for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
                if let Some(stat) = entry
                    .file_type()
                    .is_file()
                    .then(|| stat(entry.path()))
                    .flatten()
                {
                    self.0.add(
                        &entry.path().to_string_lossy(),
                        format!("{stat:?}").as_bytes(),
                    );
                }
            }
        }
    }

    pub fn finish(self) -> String {
        self.0.finish()
    }
}

impl Default for Fingerprint {
    fn default() -> Self {
        Self::new()
    }
}

fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), mtime))
}

impl Stamp {
    /// Records the outputs now in `out_dir` (every file below it but the stamp itself).
    pub fn record(out_dir: &Path, fingerprint: String) -> Stamp {
        let mut outputs = BTreeMap::new();
        for entry in WalkDir::new(out_dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let rel = entry.path().strip_prefix(out_dir).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().into_owned();
            if entry.file_type().is_file()
                && rel != STAMP
                && !rel.ends_with(".tmp")
                && let Some(stat) = stat(entry.path())
            {
                outputs.insert(rel, stat);
            }
        }
        Stamp {
            fingerprint,
            outputs,
        }
    }

    pub fn load(out_dir: &Path) -> Option<Stamp> {
        serde_json::from_slice(&fs::read(out_dir.join(STAMP)).ok()?).ok()
    }

    pub fn save(&self, out_dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(&out_dir.join(STAMP), &json)
    }

    /// Same inputs, and every recorded output still there with its size and modification time.
    pub fn is_current(&self, out_dir: &Path, fingerprint: &str) -> bool {
        self.fingerprint == fingerprint
            && !self.outputs.is_empty()
            && self
                .outputs
                .iter()
                .all(|(rel, recorded)| stat(&out_dir.join(rel)).is_some_and(|now| now == *recorded))
    }
}
