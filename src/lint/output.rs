//! Lint output: human (rustc-like, through [`crate::diagnostic`], then a summary table), JSON and
//! SARIF 2.1.0. Lines and columns are 1-based; columns count characters; an end column is the column
//! just after the last character of the finding (exclusive), as in SARIF.
//!
//! Machine formats always print a whole document, also when the sources do not load: the load errors
//! become diagnostics (JSON) or results (SARIF) of their own, see [`json_invalid`] and
//! [`sarif_invalid`]. The JSON format is documented in `docs/json-format.md`; its
//! [`JSON_FORMAT_VERSION`] changes whenever a key changes meaning or goes away.

use std::collections::BTreeMap;
use std::ops::Range;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use rust_i18n::t;
use serde::Serialize;
use serde_json::{Value, json};

use super::engine::Reported;
use super::{RuleMeta, rules};
use crate::diagnostic::{Diag, Severity, render};
use crate::resolve::Project;
use crate::source::{FileId, Sources, clamp_span};
use crate::text::width::display_width;

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

/// Version of the JSON output (`format_version`): bumped when a key is removed or changes meaning.
pub const JSON_FORMAT_VERSION: u32 = 2;

/// A suggested replacement and whether `--fix` applies it on its own.
#[derive(Debug, Clone, Serialize)]
pub struct JsonFix {
    pub replacement: String,
    /// `safe` (applied by `--fix`) or `unsafe` (needs `--unsafe-fixes`: it may change meaning).
    pub applicability: &'static str,
}

/// Another place a finding compares with (e.g. the catalog's text).
#[derive(Debug, Clone, Serialize)]
pub struct JsonRelated {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
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
    /// The replacement text alone (same as `fix.replacement`), kept for format version 1 readers.
    pub suggestion: Option<String>,
    pub fix: Option<JsonFix>,
    pub related: Vec<JsonRelated>,
    /// Every jurisdiction whose outputs print the text, in tree order (the owner included).
    pub affects: Vec<String>,
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
    /// A finding counts for every jurisdiction it affects (the text is printed there), so the rows
    /// may add up to more than `total`.
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
        for &j in &r.affected {
            by_j.entry(j).or_default().add(r.severity);
        }
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
        t!(
            "lint.fix.replace",
            text = text,
            replacement = fix.replacement
        )
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

/// Names listed in the human note before "and N more".
const AFFECTS_SHOWN: usize = 6;

/// "affects 甲县, 乙市 via counties/jia/items/02-….toml:51", for a finding in text that other
/// jurisdictions inherit (None when only the jurisdiction that wrote it prints it).
fn affects_note(r: &Reported, project: &Project, loc: &Location) -> Option<String> {
    let others: Vec<&str> = r
        .affected
        .iter()
        .filter(|&&j| j != r.finding.jurisdiction)
        .map(|&j| project.jurisdictions[j].name.as_str())
        .collect();
    if others.is_empty() {
        return None;
    }
    let sep = t!("list.sep");
    let mut names = others
        .iter()
        .take(AFFECTS_SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(&sep);
    if others.len() > AFFECTS_SHOWN {
        names = t!(
            "lint.affects-more",
            names = names,
            more = others.len() - AFFECTS_SHOWN
        )
        .into_owned();
    }
    Some(
        t!(
            "lint.affects",
            names = names,
            location = format!("{}:{}", loc.file, loc.line)
        )
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
    let help = match (help, affects_note(r, project, &loc)) {
        (Some(h), Some(a)) => Some(format!("{h}\n{a}")),
        (h, a) => h.or(a),
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
        fix: f.fix.as_ref().map(|x| JsonFix {
            replacement: x.replacement.clone(),
            applicability: applicability(x.safe),
        }),
        related: f
            .related
            .iter()
            .map(|rel| {
                let (line, column) = project.sources.line_col(rel.file, rel.span.start);
                JsonRelated {
                    file: project.sources.path(rel.file).to_string(),
                    line,
                    column,
                    message: rel.label.clone(),
                }
            })
            .collect(),
        affects: r
            .affected
            .iter()
            .map(|&j| project.jurisdictions[j].name.clone())
            .collect(),
    }
}

fn applicability(safe: bool) -> &'static str {
    if safe { "safe" } else { "unsafe" }
}

/// `{"format_version": 2, "valid": true, "diagnostics": […], "summary": {…}}`.
pub fn json(reported: &[Reported], project: &Project) -> Value {
    let diagnostics: Vec<JsonDiagnostic> = reported
        .iter()
        .map(|r| json_diagnostic(r, project))
        .collect();
    json!({
        "format_version": JSON_FORMAT_VERSION,
        "valid": true,
        "diagnostics": diagnostics,
        "summary": summary(reported, project),
    })
}

/// The JSON document when the sources (or the reference data, or the config) do not load: the same
/// shape, `"valid": false`, one diagnostic per load error (code `load::…`, `config::…`), no jurisdiction.
pub fn json_invalid(diags: &[Diag], sources: &Sources) -> Value {
    let diagnostics: Vec<Value> = diags
        .iter()
        .map(|d| {
            let (line, column, end_line, end_column, text) = diag_region(d, sources);
            json!({
                "code": d.code,
                "rule": Value::Null,
                "severity": d.severity,
                "message": d.message,
                "file": sources.path(d.file),
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "jurisdiction": Value::Null,
                "item": Value::Null,
                "text": text,
                "suggestion": Value::Null,
                "fix": Value::Null,
                "help": d.help,
                "related": d.related.iter().map(|rel| {
                    let (line, column) = sources.line_col(rel.file, rel.span.start);
                    json!({"file": sources.path(rel.file), "line": line, "column": column, "message": rel.label})
                }).collect::<Vec<_>>(),
                "affects": Vec::<String>::new(),
            })
        })
        .collect();
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    json!({
        "format_version": JSON_FORMAT_VERSION,
        "valid": false,
        "diagnostics": diagnostics,
        "summary": {
            "total": diags.len(),
            "errors": errors,
            "warnings": diags.len() - errors,
            "infos": 0,
            "fixable": 0,
            "by_rule": [],
            "by_jurisdiction": [],
        },
    })
}

/// Line, column, end line, end column (1-based, characters) and text of a diagnostic's span.
fn diag_region(d: &Diag, sources: &Sources) -> (usize, usize, usize, usize, String) {
    let text = sources.text(d.file);
    let span = clamp_span(text, d.span.clone());
    let (line, column) = sources.line_col(d.file, span.start);
    let (end_line, end_column) = sources.line_col(d.file, span.end);
    (line, column, end_line, end_column, text[span].to_string())
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Options of the SARIF output.
#[derive(Debug, Clone, Default)]
pub struct SarifOptions {
    /// `helpUri` of each rule: a template where `{code}` and `{name}` stand for the rule's code and
    /// name (`[lint] help_uri` in zhinan.toml, e.g. a page per rule on the office's docs site).
    /// Without it, the zhinan repository's rule pages (docs/rules/<code>.md) when the build knows
    /// the repository (`package.repository` in Cargo.toml), else no `helpUri` (the full doc is in
    /// `help` anyway).
    pub help_uri: Option<String>,
}

/// Characters kept as they are in a SARIF URI: RFC 3986 unreserved characters and the path separator;
/// everything else (CJK above all) is percent-encoded as UTF-8 (SARIF 2.1.0 §3.10.4).
const URI_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A relative path as a URI reference.
pub fn uri(path: &str) -> String {
    utf8_percent_encode(path, URI_PATH).to_string()
}

/// The rule pages generated in the repository (docs/rules/<code>.md, written for readers, in
/// Chinese), when the build knows the repository.
fn default_help_uri(repository: &str) -> Option<String> {
    let repository = repository.trim_end_matches('/');
    (!repository.is_empty()).then(|| format!("{repository}/blob/main/docs/rules/{{code}}.md"))
}

fn sarif_rules(options: &SarifOptions) -> Vec<Value> {
    let template = options
        .help_uri
        .clone()
        .or_else(|| default_help_uri(env!("CARGO_PKG_REPOSITORY")));
    rules::metas()
        .iter()
        .map(|m| {
            let mut rule = json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": rules::summary(m) },
                "fullDescription": {
                    "text": rules::section(m.doc, "What it does").unwrap_or(m.doc),
                },
                "help": { "text": m.doc, "markdown": m.doc },
                "defaultConfiguration": { "level": sarif_level(m.severity) },
            });
            if let Some(template) = &template {
                rule["helpUri"] = json!(
                    template
                        .replace("{code}", m.code)
                        .replace("{name}", m.name)
                        .replace("{file}", &m.name.replace('-', "_"))
                );
            }
            rule
        })
        .collect()
}

fn sarif_location(
    sources: &Sources,
    file: FileId,
    span: &Range<usize>,
    message: Option<&str>,
) -> Value {
    let text = sources.text(file);
    let span = clamp_span(text, span.clone());
    let (line, column) = sources.line_col(file, span.start);
    let (end_line, end_column) = sources.line_col(file, span.end);
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(sources.path(file)), "uriBaseId": "%SRCROOT%" },
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": { "text": &text[span] },
            },
        }
    });
    if let Some(message) = message {
        location["message"] = json!({ "text": message });
    }
    location
}

fn sarif_result(r: &Reported, project: &Project, metas: &[&RuleMeta]) -> Value {
    let sources = &project.sources;
    let f = &r.finding;
    let mut result = json!({
        "ruleId": r.meta.code,
        "ruleIndex": metas.iter().position(|m| m.code == r.meta.code),
        "level": sarif_level(r.severity),
        "message": { "text": f.message },
        "locations": [sarif_location(sources, f.file, &f.span, None)],
        "properties": {
            "jurisdiction": project.jurisdictions[f.jurisdiction].name,
            "item": f.item,
            "rule": r.meta.name,
            "affects": r.affected.iter().map(|&j| project.jurisdictions[j].name.as_str()).collect::<Vec<_>>(),
        },
    });
    if !f.related.is_empty() {
        result["relatedLocations"] = f
            .related
            .iter()
            .enumerate()
            .map(|(k, rel)| {
                let mut l = sarif_location(sources, rel.file, &rel.span, Some(&rel.label));
                l["id"] = json!(k);
                l
            })
            .collect();
    }
    if let Some(fix) = &f.fix {
        let loc = location(r, project);
        result["fixes"] = json!([{
            "description": {
                "text": if fix.safe { t!("lint.fix.safe-name") } else { t!("lint.fix.unsafe-name") },
            },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(&loc.file), "uriBaseId": "%SRCROOT%" },
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
            "properties": { "applicability": applicability(fix.safe), "safe": fix.safe },
        }]);
    }
    result
}

/// SARIF 2.1.0: one run, every registered rule in `tool.driver.rules`, one result per finding.
pub fn sarif(reported: &[Reported], project: &Project, options: &SarifOptions) -> Value {
    let metas = rules::metas();
    let results: Vec<Value> = reported
        .iter()
        .map(|r| sarif_result(r, project, &metas))
        .collect();
    sarif_document(&project.sources, sarif_rules(options), results, true)
}

/// The SARIF document when the sources do not load: every load error is a result (its code, e.g.
/// `load::unknown-field`, as `ruleId`), and the invocation is marked unsuccessful.
pub fn sarif_invalid(diags: &[Diag], sources: &Sources, options: &SarifOptions) -> Value {
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message = format!("{message}\n{help}");
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": { "text": message },
                "locations": [sarif_location(sources, d.file, &d.span, None)],
            });
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(k, rel)| {
                        let mut l = sarif_location(sources, rel.file, &rel.span, Some(&rel.label));
                        l["id"] = json!(k);
                        l
                    })
                    .collect();
            }
            result
        })
        .collect();
    sarif_document(sources, sarif_rules(options), results, false)
}

fn sarif_document(sources: &Sources, rules: Vec<Value>, results: Vec<Value>, ok: bool) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "zhinan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "invocations": [{ "executionSuccessful": ok }],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {
                "%SRCROOT%": { "uri": root_uri(sources) },
            },
            "results": results,
        }]
    })
}

/// The project root as an absolute `file:` URI ending in `/`, percent-encoded.
fn root_uri(sources: &Sources) -> String {
    let root = sources
        .root
        .canonicalize()
        .unwrap_or_else(|_| sources.root.clone());
    let mut s = root.to_string_lossy().replace('\\', "/");
    if !s.ends_with('/') {
        s.push('/');
    }
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    // A Windows drive letter keeps its colon (file:///C:/…).
    format!("file://{}", uri(&s).replace("%3A", ":"))
}

#[cfg(test)]
mod tests {
    use super::default_help_uri;

    #[test]
    fn the_default_help_uri_is_the_rule_page() {
        let uri = default_help_uri("https://example.org/zhinan/").unwrap();
        assert_eq!(
            uri,
            "https://example.org/zhinan/blob/main/docs/rules/{code}.md"
        );
        assert_eq!(default_help_uri(""), None);
    }
}
