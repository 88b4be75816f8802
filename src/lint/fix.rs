//! `zhinan lint --fix`: apply the findings' fixes to the TOML sources as byte-range edits, keeping
//! everything else (comments, formatting) as it is; then reload and lint again until nothing is left
//! to fix (at most [`MAX_PASSES`] passes).
//!
//! - Safe fixes only, unless `--unsafe-fixes`.
//! - Never two overlapping edits in one pass: the later one waits for the next pass (it is found
//!   again after the reload, or it is gone because the first edit fixed it).
//! - An edited file must still parse as TOML (checked with the `toml` parser) or it is left untouched.
//! - Each file is written atomically ([`write_atomic`]: a uniquely named temporary file in the same
//!   folder, flushed, then a rename).
//! - Spans of findings cover whole source tokens (`\u5B83`, never half of it: see
//!   [`crate::source::LiteralMap`]), so a replacement never breaks an escape.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use super::config::LintConfig;
use super::engine::{Reported, lint_with, load_reference};
use crate::diagnostic::Diag;
use crate::render::output::write_atomic;
use crate::resolve::{Project, load_project};
use crate::source::Sources;

/// Passes of fix → reload → lint before giving up.
pub const MAX_PASSES: usize = 10;

/// One replacement of a byte range of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

/// What a `--fix` run did.
#[derive(Debug, Default, Clone)]
pub struct FixReport {
    /// Fixes applied, over all passes.
    pub applied: usize,
    /// Files written at least once, relative to the root.
    pub files: Vec<String>,
    pub passes: usize,
    /// False when the last pass still had fixes to apply (the fixes did not converge).
    pub stable: bool,
    /// Fixes that could not be applied, with the reason.
    pub skipped: Vec<String>,
}

/// Why fixing stopped early.
#[derive(Debug)]
pub enum FixError {
    /// The sources (or the reference data) do not load: nothing more can be fixed.
    Invalid(Sources, Vec<Diag>),
    Io(String),
}

/// Apply fixes until stable. Returns the last project and its findings (after all fixes).
pub fn fix_project(
    root: &Path,
    config: &LintConfig,
    unsafe_fixes: bool,
) -> Result<(FixReport, Project, Vec<Reported>), FixError> {
    let mut report = FixReport::default();
    loop {
        let project = load_project(root).map_err(|(s, d)| FixError::Invalid(s, d))?;
        let reference = match load_reference(&project) {
            Ok(r) => r,
            Err(diags) => return Err(FixError::Invalid(project.sources, diags)),
        };
        let reported = lint_with(&project, &reference, config);
        // Only files this run may edit (see `LintConfig::may_edit`); the rest stay reported.
        let editable: Vec<Reported> = reported
            .iter()
            .filter(|r| config.may_edit(&project, r.finding.file))
            .cloned()
            .collect();
        let edits = collect_edits(&editable, unsafe_fixes);
        if edits.is_empty() {
            report.stable = true;
            return Ok((report, project, reported));
        }
        if report.passes == MAX_PASSES {
            report.stable = false;
            return Ok((report, project, reported));
        }
        report.passes += 1;
        let mut applied_this_pass = 0;
        for (file, edits) in edits {
            let path = project.sources.path(file).to_string();
            let text = project.sources.text(file);
            let (new_text, applied, skipped) = apply_edits(text, &edits);
            for why in skipped {
                report.skipped.push(format!("{path}: {why}"));
            }
            if applied == 0 || new_text == text {
                continue;
            }
            if let Err(err) = toml::from_str::<toml::Table>(&new_text) {
                report.skipped.push(format!(
                    "{path}: the fixed text would not parse as TOML ({}); file left unchanged",
                    err.message().trim()
                ));
                continue;
            }
            if changed_values(text, &new_text).is_none_or(|n| n > applied) {
                report.skipped.push(format!(
                    "{path}: the fixes would change more than the values they fix; file left unchanged"
                ));
                continue;
            }
            let target = root.join(&path);
            write_atomic(&target, new_text.as_bytes())
                .map_err(|err| FixError::Io(format!("cannot write {}: {err}", target.display())))?;
            applied_this_pass += applied;
            if !report.files.contains(&path) {
                report.files.push(path);
            }
        }
        report.applied += applied_this_pass;
        if applied_this_pass == 0 {
            // Every remaining fix was refused: another pass would refuse them again.
            report.stable = true;
            let project = load_project(root).map_err(|(s, d)| FixError::Invalid(s, d))?;
            let reported = lint_with(&project, &reference, config);
            return Ok((report, project, reported));
        }
    }
}

/// The edits to make, per file, in source order.
pub fn collect_edits(reported: &[Reported], unsafe_fixes: bool) -> BTreeMap<usize, Vec<Edit>> {
    let mut out: BTreeMap<usize, Vec<Edit>> = BTreeMap::new();
    for r in reported {
        let Some(fix) = &r.finding.fix else { continue };
        if !fix.safe && !unsafe_fixes {
            continue;
        }
        out.entry(r.finding.file).or_default().push(Edit {
            span: r.finding.span.clone(),
            replacement: fix.replacement.clone(),
        });
    }
    for edits in out.values_mut() {
        edits.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.replacement).cmp(&(
                b.span.start,
                b.span.end,
                &b.replacement,
            ))
        });
        edits.dedup();
    }
    out
}

/// Apply non-overlapping edits (sorted by start). Returns the new text, the number of edits made
/// and the reasons for those left out.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut applied = 0;
    let mut skipped = Vec::new();
    for e in edits {
        let valid = e.span.start <= e.span.end
            && e.span.end <= text.len()
            && text.is_char_boundary(e.span.start)
            && text.is_char_boundary(e.span.end);
        if !valid {
            skipped.push(format!("edit at bytes {:?} is outside the file", e.span));
            continue;
        }
        if e.span.start < last {
            // Overlaps an edit made in this pass: it is found again after the reload if it still applies.
            continue;
        }
        if needs_escape(&e.replacement) {
            skipped.push(format!(
                "`{}` would need TOML escapes; fix it by hand",
                e.replacement
            ));
            continue;
        }
        out.push_str(&text[last..e.span.start]);
        out.push_str(&e.replacement);
        last = e.span.end;
        applied += 1;
    }
    out.push_str(&text[last..]);
    (out, applied, skipped)
}

/// How many leaf values differ between two versions of a TOML file; `None` when the two do not have
/// the same keys and types (or one does not parse). A fix edits the text of values it fixes only.
pub fn changed_values(old: &str, new: &str) -> Option<usize> {
    let old: toml::Value = toml::from_str::<toml::Table>(old).ok()?.into();
    let new: toml::Value = toml::from_str::<toml::Table>(new).ok()?.into();
    let mut changed = 0;
    let mut stack = vec![(&old, &new)];
    while let Some((a, b)) = stack.pop() {
        match (a, b) {
            (toml::Value::Table(a), toml::Value::Table(b)) => {
                if a.len() != b.len() {
                    return None;
                }
                for (k, va) in a {
                    stack.push((va, b.get(k)?));
                }
            }
            (toml::Value::Array(a), toml::Value::Array(b)) => {
                if a.len() != b.len() {
                    return None;
                }
                stack.extend(a.iter().zip(b));
            }
            (toml::Value::String(a), toml::Value::String(b)) => changed += usize::from(a != b),
            (a, b) if a == b => {}
            _ => return None,
        }
    }
    Some(changed)
}

/// A replacement goes inside a string literal as it is: quotes, backslashes and control characters
/// would change the literal's meaning.
fn needs_escape(s: &str) -> bool {
    s.chars()
        .any(|c| c == '"' || c == '\'' || c == '\\' || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(span: Range<usize>, r: &str) -> Edit {
        Edit {
            span,
            replacement: r.to_string(),
        }
    }

    #[test]
    fn overlapping_edits_wait_for_the_next_pass() {
        let text = "abcdef";
        let (out, n, skipped) =
            apply_edits(text, &[edit(1..3, "X"), edit(2..4, "Y"), edit(4..5, "Z")]);
        assert_eq!(out, "aXdZf");
        assert_eq!(n, 2);
        assert!(skipped.is_empty());
    }

    #[test]
    fn quotes_are_never_inserted() {
        let (out, n, skipped) = apply_edits("a = \"x\"", &[edit(5..6, "\"")]);
        assert_eq!(out, "a = \"x\"");
        assert_eq!(n, 0);
        assert_eq!(skipped.len(), 1);
    }
}
