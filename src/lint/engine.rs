//! The lint engine: load the reference data, build the [`Context`], run every rule (in parallel),
//! apply the project config and return the findings in a stable order (file, line, column, code).

use rayon::prelude::*;

use super::affected::Printed;
use super::config::{Level, LintConfig};
use super::{Context, Finding, Reference, RuleMeta, reference, rules};
use crate::diagnostic::{Diag, Severity};
use crate::resolve::Project;
use crate::text::span;

/// A finding as reported: with the rule that made it and its final severity.
#[derive(Debug, Clone)]
pub struct Reported {
    pub finding: Finding,
    pub meta: &'static RuleMeta,
    pub severity: Severity,
    /// Jurisdictions whose outputs print the finding's text, in tree order (see [`super::affected`]).
    pub affected: Vec<usize>,
}

impl Reported {
    /// Is there a fix that `--fix` applies (safe, or unsafe when allowed)?
    pub fn fixable(&self, unsafe_fixes: bool) -> bool {
        self.finding
            .fix
            .as_ref()
            .is_some_and(|f| f.safe || unsafe_fixes)
    }
}

/// Load `catalog/reference/*.toml`. Errors make the sources invalid (exit 2).
pub fn load_reference(project: &Project) -> Result<Reference, Vec<Diag>> {
    let (reference, diags) = reference::load(&project.sources, &project.reference_files);
    if diags.is_empty() {
        Ok(reference)
    } else {
        Err(diags)
    }
}

/// Load the reference data and lint the whole project.
pub fn lint(project: &Project, config: &LintConfig) -> Result<Vec<Reported>, Vec<Diag>> {
    let reference = load_reference(project)?;
    Ok(lint_with(project, &reference, config))
}

/// Lint with reference data already loaded.
pub fn lint_with(project: &Project, reference: &Reference, config: &LintConfig) -> Vec<Reported> {
    // zhinan.toml's `[lint.options]` override terms.toml's thresholds, which rules read.
    let with_options;
    let reference = if config.options.is_empty() {
        reference
    } else {
        let mut r = reference.clone();
        r.terms.thresholds.extend(config.options.clone());
        with_options = r;
        &with_options
    };
    let ctx = Context::new(project, reference);
    let rules = rules::all();
    let raw: Vec<(Finding, &'static RuleMeta)> = rules
        .par_iter()
        .filter(|r| config.may_run(r.meta().code))
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            rule.check(&ctx, &mut out);
            let meta = rule.meta();
            out.into_iter().map(move |f| (f, meta))
        })
        .collect();

    let printed = Printed::new(project);
    let mut reported: Vec<Reported> = raw
        .into_iter()
        .map(|(finding, meta)| (snapped(project, finding), meta))
        .filter_map(|(finding, meta)| {
            let jurisdiction = &project.jurisdictions[finding.jurisdiction].name;
            let affected = printed.affected(finding.file, &finding.span, finding.jurisdiction);
            if !config.selects(project, &affected) {
                return None;
            }
            let default = finding.severity.unwrap_or(meta.severity);
            match config.level(meta.code, jurisdiction, default) {
                Level::Off => None,
                // The config's severity when it sets one, else the finding's or the rule's.
                Level::On(severity) => Some(Reported {
                    finding,
                    meta,
                    severity,
                    affected,
                }),
            }
        })
        .collect();

    sort(project, &mut reported);
    reported.dedup_by(|b, a| {
        a.finding.code == b.finding.code
            && a.finding.file == b.finding.file
            && a.finding.span == b.finding.span
            && a.finding.message == b.finding.message
    });
    drop_fallbacks(&mut reported);
    reported
}

/// The finding with every span inside its file and on character boundaries. Ranges inside a text
/// are checked when the finding is made ([`Context::locate`]); whole-file spans
/// ([`Finding::span`], related spans) are checked here, before anything reads them.
fn snapped(project: &Project, mut finding: Finding) -> Finding {
    let snap = |file, span| span::snap(project.sources.text(file), span);
    finding.span = snap(finding.file, finding.span.clone());
    for r in &mut finding.related {
        r.span = snap(r.file, r.span.clone());
    }
    finding
}

/// Drops the findings of fallback rules ([`RuleMeta::fallback`]) that a specific rule's finding
/// overlaps: e.g. the near-miss check (ZN107) finds the same wrong form name as the materials rules
/// (ZN401/ZN404) and the same typo as the dictionary (ZN101), with a vaguer message.
fn drop_fallbacks(reported: &mut Vec<Reported>) {
    // Empty spans count as one byte wide, so a finding at a point still meets the text around it.
    let overlaps = |a: &Finding, b: &Finding| {
        a.file == b.file
            && a.span.start < b.span.end.max(b.span.start + 1)
            && b.span.start < a.span.end.max(a.span.start + 1)
    };
    let specific: Vec<Finding> = reported
        .iter()
        .filter(|r| !r.meta.fallback)
        .map(|r| r.finding.clone())
        .collect();
    reported.retain(|r| !r.meta.fallback || !specific.iter().any(|s| overlaps(&r.finding, s)));
}

/// Stable order: file path, position, code, message.
pub fn sort(project: &Project, reported: &mut [Reported]) {
    reported.sort_by(|a, b| {
        let (fa, fb) = (&a.finding, &b.finding);
        project
            .sources
            .path(fa.file)
            .cmp(project.sources.path(fb.file))
            .then(fa.span.start.cmp(&fb.span.start))
            .then(fa.code.cmp(fb.code))
            .then(fa.span.end.cmp(&fb.span.end))
            .then(fa.message.cmp(&fb.message))
    });
}

/// Exit status of a lint run: 1 when an error (or, with `deny_warnings`, a warning) was reported.
pub fn failed(reported: &[Reported], deny_warnings: bool) -> bool {
    reported.iter().any(|r| {
        r.severity == Severity::Error || (deny_warnings && r.severity == Severity::Warning)
    })
}
