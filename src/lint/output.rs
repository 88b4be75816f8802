//! Lint output: human (rustc-like, through [`crate::diagnostic`], then a summary table), JSON and
//! SARIF 2.1.0. Lines and columns are 1-based; columns count characters; an end column is the column
//! just after the last character of the finding (exclusive), as in SARIF.

use std::collections::BTreeMap;

use rust_i18n::t;
use serde::Serialize;
use serde_json::{Value, json};

use super::engine::Reported;
use super::rules;
use crate::diagnostic::{Diag, Severity, render};
use crate::resolve::Project;
use crate::source::clamp_span;

/// Where a finding is, in the terms of an editor.
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The exact source text the finding points at.
    pub text: String,
}

pub fn location(r: &Reported, project: &Project) -> Location {
    let f = &r.finding;
    let text = project.sources.text(f.file);
    let span = clamp_span(text, f.span.clone());
    let (line, column) = project.sources.line_col(f.file, span.start);
    let (end_line, end_column) = project.sources.line_col(f.file, span.end);
    Location {
        file: project.sources.path(f.file).to_string(),
        line,
        column,
        end_line,
        end_column,
        text: text[span].to_string(),
    }
}

/// One diagnostic in the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub jurisdiction: String,
    pub item: Option<String>,
    pub text: String,
    pub suggestion: Option<String>,
}

/// Counts of a run, per severity, per rule and per jurisdiction.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub total: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings `--fix` would fix (safe fixes only).
    pub fixable: usize,
    pub by_rule: Vec<RuleCount>,
    pub by_jurisdiction: Vec<JurisdictionCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleCount {
    pub code: &'static str,
    pub rule: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionCount {
    pub jurisdiction: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub total: usize,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
    fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

pub fn summary(reported: &[Reported], project: &Project) -> Summary {
    let mut all = Counts::default();
    let mut by_rule: BTreeMap<&'static str, (&'static str, Counts)> = BTreeMap::new();
    let mut by_j: BTreeMap<usize, Counts> = BTreeMap::new();
    for r in reported {
        all.add(r.severity);
        by_rule
            .entry(r.meta.code)
            .or_insert((r.meta.name, Counts::default()))
            .1
            .add(r.severity);
        by_j.entry(r.finding.jurisdiction)
            .or_default()
            .add(r.severity);
    }
    let order = project.tree_order();
    let mut by_jurisdiction: Vec<(usize, Counts)> = by_j.into_iter().collect();
    by_jurisdiction.sort_by_key(|(j, _)| order.iter().position(|o| o == j));
    Summary {
        total: all.total(),
        errors: all.errors,
        warnings: all.warnings,
        infos: all.infos,
        fixable: reported.iter().filter(|r| r.fixable(false)).count(),
        by_rule: by_rule
            .into_iter()
            .map(|(code, (rule, c))| RuleCount {
                code,
                rule,
                errors: c.errors,
                warnings: c.warnings,
                infos: c.infos,
                total: c.total(),
            })
            .collect(),
        by_jurisdiction: by_jurisdiction
            .into_iter()
            .map(|(j, c)| JurisdictionCount {
                jurisdiction: project.jurisdictions[j].name.clone(),
                errors: c.errors,
                warnings: c.warnings,
                infos: c.infos,
                total: c.total(),
            })
            .collect(),
    }
}

/// The suggestion shown in the help line.
fn fix_help(r: &Reported, text: &str) -> Option<String> {
    let fix = r.finding.fix.as_ref()?;
    let what = if fix.replacement.is_empty() {
        t!("lint.fix.remove", text = text)
    } else {
        t!("lint.fix.replace", text = text, replacement = fix.replacement)
    };
    Some(
        if fix.safe {
            t!("lint.fix.safe", what = what)
        } else {
            t!("lint.fix.unsafe", what = what)
        }
        .into_owned(),
    )
}

/// A finding as a [`Diag`] for miette rendering.
pub fn to_diag(r: &Reported, project: &Project) -> Diag {
    let f = &r.finding;
    let loc = location(r, project);
    let help = match (&f.help, fix_help(r, &loc.text)) {
        (Some(h), Some(fx)) => Some(format!("{h}\n{fx}")),
        (Some(h), None) => Some(h.clone()),
        (None, fx) => fx,
    };
    let jurisdiction = &project.jurisdictions[f.jurisdiction].name;
    let label = match &f.item {
        Some(item) => format!("{jurisdiction} · {item}"),
        None => jurisdiction.clone(),
    };
    Diag {
        code: format!("{}({})", r.meta.code, r.meta.name),
        severity: r.severity,
        message: f.message.clone(),
        file: f.file,
        span: f.span.clone(),
        label,
        help,
        related: f.related.clone(),
    }
}

/// Every finding rendered like rustc (file:line:col, snippet, message, help), without the summary.
pub fn diagnostics(reported: &[Reported], project: &Project, color: bool) -> String {
    let mut out = String::new();
    for r in reported {
        out.push_str(&render(&to_diag(r, project), &project.sources, color));
        out.push('\n');
    }
    out
}

/// Human output: every finding rendered like rustc, then the summary tables.
pub fn human(reported: &[Reported], project: &Project, color: bool) -> String {
    let mut out = diagnostics(reported, project, color);
    out.push_str(&table(&summary(reported, project)));
    out
}

/// The summary as text tables (counts per rule and per jurisdiction).
pub fn table(s: &Summary) -> String {
    let mut out = String::new();
    if s.total == 0 {
        out.push_str(&t!("lint.summary.none"));
        out.push('\n');
        return out;
    }
    let rows: Vec<[String; 5]> = s
        .by_rule
        .iter()
        .map(|r| {
            [
                format!("{} {}", r.code, r.rule),
                r.errors.to_string(),
                r.warnings.to_string(),
                r.infos.to_string(),
                r.total.to_string(),
            ]
        })
        .collect();
    out.push_str(&grid(&t!("lint.summary.rule"), &rows));
    out.push('\n');
    let rows: Vec<[String; 5]> = s
        .by_jurisdiction
        .iter()
        .map(|j| {
            [
                j.jurisdiction.clone(),
                j.errors.to_string(),
                j.warnings.to_string(),
                j.infos.to_string(),
                j.total.to_string(),
            ]
        })
        .collect();
    out.push_str(&grid(&t!("lint.summary.jurisdiction"), &rows));
    out.push('\n');
    out.push_str(&t!(
        "lint.summary.totals",
        total = s.total,
        errors = s.errors,
        warnings = s.warnings,
        infos = s.infos,
        fixable = s.fixable
    ));
    out.push('\n');
    out
}

fn grid(first: &str, rows: &[[String; 5]]) -> String {
    let header = [
        first.to_string(),
        crate::i18n::severity(Severity::Error),
        crate::i18n::severity(Severity::Warning),
        crate::i18n::severity(Severity::Info),
        t!("lint.summary.total").into_owned(),
    ];
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (k, (w, cell)) in widths.iter().zip(row).enumerate() {
            let pad = w - display_width(cell);
            if k == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Terminal columns of a string: CJK and full-width characters take two.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = matches!(u,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
                0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
                0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

pub fn json_diagnostic(r: &Reported, project: &Project) -> JsonDiagnostic {
    let loc = location(r, project);
    let f = &r.finding;
    JsonDiagnostic {
        code: r.meta.code,
        rule: r.meta.name,
        severity: r.severity,
        message: f.message.clone(),
        file: loc.file,
        line: loc.line,
        column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
        jurisdiction: project.jurisdictions[f.jurisdiction].name.clone(),
        item: f.item.clone(),
        text: loc.text,
        suggestion: f.fix.as_ref().map(|x| x.replacement.clone()),
    }
}

/// `{"diagnostics": […], "summary": {…}}`.
pub fn json(reported: &[Reported], project: &Project) -> Value {
    let diagnostics: Vec<JsonDiagnostic> = reported
        .iter()
        .map(|r| json_diagnostic(r, project))
        .collect();
    json!({
        "diagnostics": diagnostics,
        "summary": summary(reported, project),
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0: one run, every registered rule in `tool.driver.rules`, one result per finding.
pub fn sarif(reported: &[Reported], project: &Project) -> Value {
    let metas = rules::metas();
    let rule_objects: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": rules::summary(m) },
                "fullDescription": {
                    "text": rules::section(m.doc, "What it does").unwrap_or(m.doc),
                },
                "help": { "text": m.doc, "markdown": m.doc },
                "defaultConfiguration": { "level": sarif_level(m.severity) },
            })
        })
        .collect();
    let results: Vec<Value> = reported
        .iter()
        .map(|r| {
            let loc = location(r, project);
            let region = json!({
                "startLine": loc.line,
                "startColumn": loc.column,
                "endLine": loc.end_line,
                "endColumn": loc.end_column,
                "snippet": { "text": loc.text },
            });
            let mut result = json!({
                "ruleId": r.meta.code,
                "ruleIndex": metas.iter().position(|m| m.code == r.meta.code),
                "level": sarif_level(r.severity),
                "message": { "text": r.finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": loc.file, "uriBaseId": "%SRCROOT%" },
                        "region": region,
                    }
                }],
                "properties": {
                    "jurisdiction": project.jurisdictions[r.finding.jurisdiction].name,
                    "item": r.finding.item,
                    "rule": r.meta.name,
                },
            });
            if let Some(fix) = &r.finding.fix {
                result["fixes"] = json!([{
                    "description": {
                        "text": if fix.safe { t!("lint.fix.safe-name") } else { t!("lint.fix.unsafe-name") },
                    },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": loc.file, "uriBaseId": "%SRCROOT%" },
                        "replacements": [{
                            "deletedRegion": {
                                "startLine": loc.line,
                                "startColumn": loc.column,
                                "endLine": loc.end_line,
                                "endColumn": loc.end_column,
                            },
                            "insertedContent": { "text": fix.replacement },
                        }],
                    }],
                }]);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "zhinan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rule_objects,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {
                "%SRCROOT%": { "uri": root_uri(project) },
            },
            "results": results,
        }]
    })
}

fn root_uri(project: &Project) -> String {
    let root = project
        .sources
        .root
        .canonicalize()
        .unwrap_or_else(|_| project.sources.root.clone());
    let mut s = root.to_string_lossy().replace('\\', "/");
    if !s.ends_with('/') {
        s.push('/');
    }
    if s.starts_with('/') {
        format!("file://{s}")
    } else {
        format!("file:///{s}")
    }
}
