//! The lint gate of a build: the lint runs on what the build publishes; error findings stop the
//! build (nothing is written, previous outputs stay) unless allowed, warnings are counted for the
//! summary.

use super::{BuildError, Options};
use crate::diagnostic::Severity;
use crate::lint::engine;
use crate::resolve::Project;

/// What the gate found, for the build's summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LintSummary {
    pub errors: usize,
    pub warnings: usize,
    /// Errors were found and published anyway (`--allow-lint-errors` or zhinan.toml).
    pub allowed: bool,
}

/// Lints the jurisdictions the build publishes (`options.only`, else all). `Err` when the lint
/// cannot run (bad reference data) or found errors that are not allowed.
pub fn check(project: &Project, options: &Options) -> Result<LintSummary, BuildError> {
    let Some(config) = &options.lint else {
        return Ok(LintSummary::default());
    };
    let mut config = config.clone();
    if let Some(j) = options.only {
        config.only = vec![project.jurisdictions[j].name.clone()];
    }
    let reported = engine::lint(project, &config).map_err(BuildError::Invalid)?;
    let count = |s: Severity| reported.iter().filter(|r| r.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let allowed = options.allow_lint_errors || config.allow_lint_errors;
    if errors > 0 && !allowed {
        return Err(BuildError::Lint {
            errors: reported
                .into_iter()
                .filter(|r| r.severity == Severity::Error)
                .collect(),
            warnings,
        });
    }
    Ok(LintSummary {
        errors,
        warnings,
        allowed: errors > 0,
    })
}
