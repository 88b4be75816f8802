//! The project config `zhinan.toml` (at the project root): which rules run, at which severity, over
//! which jurisdictions. Every key is checked: a misspelt key or rule is a located error, never
//! silently ignored.
//!
//! ```toml
//! [lint]
//! select = ["ALL"]           # codes (ZN101), code prefixes (ZN1, ZN10) or names (known-typo)
//! ignore = ["ZN108"]
//! only = ["霸州市"]           # report what these jurisdictions print (`--only` replaces this list)
//! help_uri = "https://example.org/rules/{code}"   # SARIF helpUri of each rule
//!
//! [lint.severity]            # per rule: error | warning | info | off
//! ZN503 = "error"
//!
//! [lint.jurisdiction."赵县"]  # the same three keys, for one jurisdiction
//! ignore = ["flow-title"]
//! severity = { ZN501 = "info" }
//! ```

use rust_i18n::t;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::rules;
use crate::diagnostic::{Diag, Severity};
use crate::load::toml_error::{Problem, classify, find_key};
use crate::resolve::Project;
use crate::source::{FileId, Sources};
use crate::text::nearest;

/// Name of the config file at the project root.
pub const CONFIG_FILE: &str = "zhinan.toml";

/// The severity a rule is set to, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// Selection and severities for the whole project or one jurisdiction.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// Codes selected; `None` = every rule.
    pub select: Option<Vec<&'static str>>,
    pub ignore: Vec<&'static str>,
    pub severity: BTreeMap<&'static str, Level>,
}

#[derive(Debug, Clone, Default)]
pub struct LintConfig {
    pub rules: RuleSet,
    /// Jurisdictions to report; empty = all. A finding is reported when it affects one of them
    /// (its text is printed by one of them, wherever it is written).
    pub only: Vec<String>,
    /// `--fix-inherited`: `--fix` may edit files the selected jurisdictions inherit from.
    pub fix_inherited: bool,
    /// `[lint] help_uri`: template of each rule's documentation link in SARIF (`{code}`, `{name}`).
    pub help_uri: Option<String>,
    /// Overrides per jurisdiction name, applied after the project-wide set.
    pub jurisdictions: BTreeMap<String, RuleSet>,
    /// Where the config came from (for located errors about jurisdiction names).
    pub file: Option<FileId>,
    /// `[build] allow_lint_errors = true`: `zhinan build` publishes despite error findings.
    pub allow_lint_errors: bool,
    only_spans: Vec<Range<usize>>,
    jurisdiction_spans: BTreeMap<String, Range<usize>>,
}

impl LintConfig {
    /// The level of a rule for a finding in `jurisdiction`: off, or the severity to report.
    pub fn level(&self, code: &str, jurisdiction: &str, default: Severity) -> Level {
        let mut level = self.rules.level(code, Level::On(default));
        if let Some(set) = self.jurisdictions.get(jurisdiction) {
            level = set.level(code, level);
        }
        level
    }

    /// Does the selection (`only`) take a finding that affects these jurisdictions?
    pub fn selects(&self, project: &Project, affected: &[usize]) -> bool {
        self.only.is_empty()
            || affected
                .iter()
                .any(|&j| self.only.contains(&project.jurisdictions[j].name))
    }

    /// May `--fix` edit this file? A run edits the files of the jurisdictions it selects: with `only`,
    /// the files those jurisdictions own (not what they inherit from their city or the catalog);
    /// without, every file but the provincial catalog's. `fix_inherited` lifts both limits.
    pub fn may_edit(&self, project: &Project, file: FileId) -> bool {
        if self.fix_inherited {
            return true;
        }
        let Some(owner) = owner_of(project, project.sources.path(file)) else {
            return false;
        };
        if self.only.is_empty() {
            !project.is_catalog(owner)
        } else {
            self.only.contains(&project.jurisdictions[owner].name)
        }
    }

    /// Is the rule possibly on for some jurisdiction (so that it has to run at all)?
    pub fn may_run(&self, code: &str) -> bool {
        self.rules.level(code, Level::On(Severity::Info)) != Level::Off
            || self
                .jurisdictions
                .values()
                .any(|s| s.level(code, Level::Off) != Level::Off)
    }

    /// Check the jurisdiction names the config mentions against the project.
    pub fn check_jurisdictions(&self, project: &Project) -> Vec<Diag> {
        let Some(file) = self.file else {
            return Vec::new();
        };
        let names: Vec<&str> = project
            .jurisdictions
            .iter()
            .map(|j| j.name.as_str())
            .collect();
        let mut diags = Vec::new();
        let mentioned = self
            .only
            .iter()
            .zip(&self.only_spans)
            .map(|(n, s)| (n, s.clone()))
            .chain(self.jurisdiction_spans.iter().map(|(n, s)| (n, s.clone())));
        for (name, span) in mentioned {
            if !names.contains(&name.as_str()) {
                diags.push(unknown_jurisdiction(file, span, name, &names));
            }
        }
        diags
    }
}

/// The jurisdiction whose folder holds a file (the deepest folder that contains it).
pub fn owner_of(project: &Project, path: &str) -> Option<usize> {
    project
        .jurisdictions
        .iter()
        .enumerate()
        .filter(|(_, j)| {
            path.strip_prefix(j.dir.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
        .max_by_key(|(_, j)| j.dir.len())
        .map(|(i, _)| i)
}

pub fn unknown_jurisdiction(file: FileId, span: Range<usize>, name: &str, names: &[&str]) -> Diag {
    let help = match nearest(name, names) {
        Some(n) => t!("load.did-you-mean", near = n),
        None => t!("resolve.known-jurisdictions", names = names.join("、")),
    };
    Diag::error(
        "config::unknown-jurisdiction",
        file,
        span,
        t!("config.unknown-jurisdiction", name = name),
    )
    .label(t!("resolve.unknown-parent-label"))
    .help(help)
}

impl RuleSet {
    fn level(&self, code: &str, inherited: Level) -> Level {
        if let Some(level) = self.severity.get(code) {
            // An explicit severity also turns a rule on.
            return *level;
        }
        if self.ignore.contains(&code) {
            return Level::Off;
        }
        match &self.select {
            Some(select) if !select.contains(&code) => Level::Off,
            Some(_) => match inherited {
                Level::Off => Level::On(rule_default(code)),
                on => on,
            },
            None => inherited,
        }
    }
}

fn rule_default(code: &str) -> Severity {
    rules::find(code).map_or(Severity::Warning, |r| r.meta().severity)
}

// ---------------------------------------------------------------------------------------------
// Reading the file

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    lint: Option<LintTable>,
    build: Option<BuildTable>,
}

/// `[build]`: how `zhinan build` treats lint findings.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct BuildTable {
    #[serde(default)]
    allow_lint_errors: bool,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct LintTable {
    #[schemars(with = "Option<Vec<String>>")]
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    only: Vec<Spanned<String>>,
    help_uri: Option<String>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, JurisdictionTable>")]
    jurisdiction: BTreeMap<String, Spanned<JurisdictionTable>>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct JurisdictionTable {
    #[schemars(with = "Option<Vec<String>>")]
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    severity: BTreeMap<String, Spanned<String>>,
}

/// The JSON Schema of `zhinan.toml` (for editors; see `zhinan schema`).
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(ConfigFile)
}

/// Read `zhinan.toml` from the project root, if there is one. The file is added to `sources` so
/// that errors can quote it.
pub fn load(root: &Path, sources: &mut Sources) -> Result<LintConfig, Vec<Diag>> {
    let path = root.join(CONFIG_FILE);
    if !path.is_file() {
        return Ok(LintConfig::default());
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            let file = sources.add(CONFIG_FILE.to_string(), String::new());
            return Err(vec![Diag::error(
                "config::io",
                file,
                0..0,
                t!("config.io", file = CONFIG_FILE, error = err),
            )]);
        }
    };
    let file = sources.add(CONFIG_FILE.to_string(), text);
    parse(file, sources.text(file))
}

/// Parse the text of a config file.
pub fn parse(file: FileId, text: &str) -> Result<LintConfig, Vec<Diag>> {
    let raw: ConfigFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => return Err(vec![toml_error(file, text, &err)]),
    };
    let mut diags = Vec::new();
    let mut config = LintConfig {
        file: Some(file),
        ..LintConfig::default()
    };
    config.allow_lint_errors = raw.build.is_some_and(|b| b.allow_lint_errors);
    if let Some(lint) = raw.lint {
        config.rules = rule_set(
            file,
            text,
            lint.select.as_deref(),
            &lint.ignore,
            &lint.severity,
            &mut diags,
        );
        config.help_uri = lint.help_uri.clone();
        for name in &lint.only {
            config.only.push(name.get_ref().clone());
            config.only_spans.push(name.span());
        }
        for (name, table) in &lint.jurisdiction {
            let t = table.get_ref();
            let set = rule_set(
                file,
                text,
                t.select.as_deref(),
                &t.ignore,
                &t.severity,
                &mut diags,
            );
            let span = header_key_span(text, table.span(), name).unwrap_or(table.span());
            config.jurisdiction_spans.insert(name.clone(), span);
            config.jurisdictions.insert(name.clone(), set);
        }
    }
    if diags.is_empty() {
        Ok(config)
    } else {
        Err(diags)
    }
}

fn rule_set(
    file: FileId,
    text: &str,
    select: Option<&[Spanned<String>]>,
    ignore: &[Spanned<String>],
    severity: &BTreeMap<String, Spanned<String>>,
    diags: &mut Vec<Diag>,
) -> RuleSet {
    let mut set = RuleSet::default();
    if let Some(select) = select {
        let mut codes = Vec::new();
        for s in select {
            match resolve_selector(s.get_ref()) {
                Some(found) => codes.extend(found),
                None => diags.push(unknown_rule(file, s.span(), s.get_ref())),
            }
        }
        set.select = Some(codes);
    }
    for s in ignore {
        match resolve_selector(s.get_ref()) {
            Some(found) => set.ignore.extend(found),
            None => diags.push(unknown_rule(file, s.span(), s.get_ref())),
        }
    }
    for (key, value) in severity {
        let level = match value.get_ref().as_str() {
            "error" => Some(Level::On(Severity::Error)),
            "warning" => Some(Level::On(Severity::Warning)),
            "info" => Some(Level::On(Severity::Info)),
            "off" => Some(Level::Off),
            _ => None,
        };
        let Some(level) = level else {
            diags.push(
                Diag::error(
                    "config::severity",
                    file,
                    value.span(),
                    t!("config.severity", value = value.get_ref()),
                )
                .label(t!("config.severity-label"))
                .help(t!("config.severity-help")),
            );
            continue;
        };
        match resolve_selector(key) {
            Some(found) => {
                for code in found {
                    set.severity.insert(code, level);
                }
            }
            None => {
                let span = line_key_span(text, value.span(), key).unwrap_or(value.span());
                diags.push(unknown_rule(file, span, key));
            }
        }
    }
    set
}

/// Codes named by a selector: `ALL`, a code, a code prefix (`ZN1`) or a rule name.
pub fn resolve_selector(selector: &str) -> Option<Vec<&'static str>> {
    let s = selector.trim();
    let metas = rules::metas();
    if s.eq_ignore_ascii_case("ALL") {
        return Some(metas.iter().map(|m| m.code).collect());
    }
    if let Some(m) = metas
        .iter()
        .find(|m| m.code.eq_ignore_ascii_case(s) || m.name.eq_ignore_ascii_case(s))
    {
        return Some(vec![m.code]);
    }
    let upper = s.to_ascii_uppercase();
    let digits = upper.strip_prefix("ZN")?;
    // A family or sub-family prefix (ZN1, ZN10) is valid even when no rule of it is registered yet.
    if (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        return Some(
            metas
                .iter()
                .filter(|m| m.code.starts_with(&upper))
                .map(|m| m.code)
                .collect(),
        );
    }
    None
}

fn unknown_rule(file: FileId, span: Range<usize>, name: &str) -> Diag {
    let metas = rules::metas();
    let candidates: Vec<&str> = metas.iter().flat_map(|m| [m.code, m.name]).collect();
    let help = match nearest(name, &candidates) {
        Some(n) => t!("config.unknown-rule-near", near = n),
        None => t!("config.unknown-rule-help"),
    };
    Diag::error(
        "config::unknown-rule",
        file,
        span,
        t!("config.unknown-rule", name = name),
    )
    .label(t!("config.unknown-rule-label"))
    .help(help)
}

fn toml_error(file: FileId, text: &str, err: &toml::de::Error) -> Diag {
    let message = err.message().trim();
    let span = err.span().unwrap_or(0..0);
    if let Problem::UnknownField { field, expected } = classify(message) {
        let help = match nearest(field, &expected) {
            Some(n) => t!(
                "config.unknown-key-near",
                near = n,
                keys = expected.join(", ")
            ),
            None => t!("config.unknown-key-help", keys = expected.join(", ")),
        };
        let key_span = find_key(text, &span, field).unwrap_or(span);
        return Diag::error(
            "config::unknown-key",
            file,
            key_span,
            t!("config.unknown-key", key = field, file = CONFIG_FILE),
        )
        .label(t!("config.unknown-key-label"))
        .help(help);
    }
    Diag::error(
        "config::invalid",
        file,
        span,
        t!("config.invalid", file = CONFIG_FILE, message = message),
    )
    .label(t!("load.here"))
    .help(t!("config.invalid-help"))
}

/// The key on the same line as a value (for `ZN9 = "error"` in `[lint.severity]`).
fn line_key_span(text: &str, value: Range<usize>, key: &str) -> Option<Range<usize>> {
    let line_start = text[..value.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = &text[line_start..value.start.min(text.len())];
    let pos = line.find(key)?;
    Some(line_start + pos..line_start + pos + key.len())
}

/// The name of a `[lint.jurisdiction."赵县"]` header.
fn header_key_span(text: &str, table: Range<usize>, name: &str) -> Option<Range<usize>> {
    let quoted = format!("\"{name}\"");
    let pos = text.find(&format!("jurisdiction.{quoted}"))?;
    let s = pos + "jurisdiction.".len();
    let _ = table;
    Some(s..s + quoted.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_resolve() {
        assert!(resolve_selector("ALL").unwrap().len() > 5);
        assert_eq!(resolve_selector("ZN101").unwrap(), vec!["ZN101"]);
        assert_eq!(resolve_selector("known-typo").unwrap(), vec!["ZN101"]);
        assert!(resolve_selector("ZN1").unwrap().contains(&"ZN102"));
        assert!(resolve_selector("ZN999").is_none());
        assert!(resolve_selector("nonsense").is_none());
    }

    #[test]
    fn unknown_keys_are_located() {
        let text = "[lint]\nselect = [\"ZN1\"]\nignroe = [\"ZN101\"]\n";
        let diags = parse(0, text).unwrap_err();
        assert_eq!(diags[0].code, "config::unknown-key");
        assert_eq!(&text[diags[0].span.clone()], "ignroe");
        assert!(diags[0].help.as_deref().unwrap().contains("ignore"));
    }

    #[test]
    fn unknown_rules_are_located() {
        let text = "[lint]\nignore = [\"knwon-typo\"]\n[lint.severity]\nZN999 = \"error\"\n";
        let diags = parse(0, text).unwrap_err();
        assert_eq!(diags.len(), 2);
        assert_eq!(&text[diags[0].span.clone()], "\"knwon-typo\"");
        assert_eq!(&text[diags[1].span.clone()], "ZN999");
    }

    #[test]
    fn levels_combine() {
        let text = "[lint]\nignore = [\"ZN102\"]\n[lint.severity]\nZN101 = \"warning\"\n[lint.jurisdiction.\"赵县\"]\nselect = [\"ZN102\"]\nseverity = { ZN101 = \"off\" }\n";
        let c = parse(0, text).unwrap();
        assert_eq!(
            c.level("ZN101", "霸州市", Severity::Error),
            Level::On(Severity::Warning)
        );
        assert_eq!(c.level("ZN101", "赵县", Severity::Error), Level::Off);
        assert_eq!(c.level("ZN102", "霸州市", Severity::Error), Level::Off);
        assert_eq!(
            c.level("ZN102", "赵县", Severity::Error),
            Level::On(Severity::Error)
        );
        assert!(c.may_run("ZN102"));
    }
}
