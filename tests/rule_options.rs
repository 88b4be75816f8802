//! Thresholds of heuristic rules: declared by each rule, shown by `zhinan rule CODE`, settable in
//! `zhinan.toml` (`[lint.options.<rule>]`) over terms.toml's `[thresholds]`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod lint_cases;

use zhinan::lint::config::{self, LintConfig};
use zhinan::lint::engine;
use zhinan::lint::rules;
use zhinan::resolve::load_project;
use zhinan::source::Sources;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn findings(dir: &Path, config: &LintConfig, code: &str) -> usize {
    let project = load_project(dir).unwrap_or_else(|_| panic!("{} loads", dir.display()));
    engine::lint(&project, config)
        .expect("reference data")
        .iter()
        .filter(|r| r.finding.code == code)
        .count()
}

fn parse(text: &str) -> Result<LintConfig, Vec<zhinan::diagnostic::Diag>> {
    let mut sources = Sources::default();
    let file = sources.add("zhinan.toml".to_string(), text.to_string());
    config::parse(file, sources.text(file))
}

#[test]
fn declared_options_are_sane_and_the_shipped_thresholds_name_them() {
    let mut declared = Vec::new();
    for rule in rules::all() {
        for o in rule.options() {
            let (lo, hi) = o.range;
            assert!(
                lo <= o.default && o.default <= hi,
                "{} {}: default outside its range",
                rule.meta().code,
                o.key
            );
            assert!(!o.doc.trim().is_empty());
            declared.push(format!("{}.{}", rule.meta().name, o.key));
        }
    }
    assert!(declared.len() >= 8, "options declared: {declared:?}");
    // Every threshold shipped in terms.toml is a declared option (a misspelt key would be ignored).
    let text = std::fs::read_to_string(manifest().join("catalog/reference/terms.toml")).unwrap();
    let terms: toml::Table = toml::from_str(&text).unwrap();
    let shipped = terms["thresholds"].as_table().expect("[thresholds]");
    for key in shipped.keys() {
        assert!(
            declared.contains(key),
            "terms.toml [thresholds] {key} is no rule's option"
        );
    }
}

#[test]
fn every_option_is_explained_in_every_language() {
    for lang in ["zh-CN", "en"] {
        let path = manifest().join(format!("locales/{lang}.toml"));
        let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let options = table["rule-options"].as_table().expect("[rule-options]");
        for rule in rules::all() {
            for o in rule.options() {
                let text = options
                    .get(rule.meta().name)
                    .and_then(|t| t.get(o.key))
                    .and_then(|v| v.as_str());
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{lang}: no rule-options.{}.{}",
                    rule.meta().name,
                    o.key
                );
            }
        }
    }
}

#[test]
fn an_option_in_zhinan_toml_changes_what_the_rule_reports() {
    let case = lint_cases::materialize("flow-key-terms/fail");
    let dir = case.path();
    let default = findings(dir, &LintConfig::default(), "ZN605");
    assert!(default > 0, "the fixture fails with the default thresholds");
    // No chart mentions less than none of its item's key pairs: nothing is reported.
    let none = parse("[lint.options.flow-key-terms]\nmax_score = 0.0\n").expect("valid");
    assert_eq!(findings(dir, &none, "ZN605"), 0);
    // The same rule by code: a chart needs more pairs of its own than the fixture's have.
    let strict = parse("[lint.options.ZN605]\nmin_specific_pairs = 1000\n").expect("valid");
    assert_eq!(findings(dir, &strict, "ZN605"), 0);
    // A value equal to the default changes nothing.
    let same = parse("[lint.options.flow-key-terms]\nmax_score = 0.15\n").expect("valid");
    assert_eq!(findings(dir, &same, "ZN605"), default);
}

#[test]
fn unknown_options_and_values_out_of_range_are_located_errors() {
    let text = "[lint.options.catalog-name]\nmin_similarty = 0.8\n";
    let diags = parse(text).expect_err("unknown key");
    assert_eq!(diags.len(), 1);
    assert_eq!(&text[diags[0].span.clone()], "min_similarty");
    let text = "[lint.options.catalog-name]\nmin_similarity = 7\n";
    let diags = parse(text).expect_err("out of range");
    assert_eq!(&text[diags[0].span.clone()], "7");
    let diags = parse("[lint.options.no-such-rule]\nx = 1\n").expect_err("unknown rule");
    assert_eq!(diags.len(), 1);
    let diags = parse("[lint.options.known-typo]\nx = 1\n").expect_err("no options");
    assert_eq!(diags.len(), 1);
}

#[test]
fn zhinan_rule_lists_the_options() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["rule", "ZN608"])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## Options"), "{text}");
    assert!(text.contains("[lint.options.catalog-name]"), "{text}");
    assert!(text.contains("`min_similarity` (default 0.75"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["rule", "ZN101"])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("## Options"));
    // In Chinese (the default), the options are explained in Chinese.
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["rule", "catalog-name", "--lang", "zh"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## 选项"), "{text}");
    assert!(text.contains("视为目录名称的另一种写法"), "{text}");
}
