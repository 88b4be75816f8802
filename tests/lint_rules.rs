//! Fixture runner for the lint rules, shared by every rule family.
//!
//! Layout: `tests/fixtures/lint/<rule-name>/fail/` and `…/pass/`, each a tiny project
//! (`catalog/jurisdiction.toml`, `catalog/items/*.toml`, `catalog/reference/*.toml` with only the
//! reference data the rule needs, `counties/…`) loaded with `resolve::load_project`.
//!
//! - `fail` must produce at least one finding of the rule; its rendered human output (only that
//!   rule's findings, no colour) is snapshotted with insta as `lint_rules__<rule-name>.snap`.
//! - `pass` must produce no finding of the rule (other rules may fire).
//! - Every registered rule has both folders, and every folder names a registered rule.
//!
//! Run one rule's fixtures: `ZHINAN_FIXTURE=known-typo cargo test --test lint_rules`.
//! Accept new snapshots: `INSTA_UPDATE=always cargo test --test lint_rules` (or `cargo insta review`).

use std::path::{Path, PathBuf};

use zhinan::diagnostic::render_all;
use zhinan::lint::config::LintConfig;
use zhinan::lint::engine::{self, Reported};
use zhinan::lint::{output, rules};
use zhinan::resolve::{Project, load_project};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint")
}

/// Load and lint a fixture project with the default config; a project that does not load fails the
/// test with its rendered diagnostics.
pub fn lint_fixture(dir: &Path) -> (Project, Vec<Reported>) {
    // Snapshots show the messages in the default language of the CLI, Chinese (every test of this
    // file sets the same language, so the process-wide setting never changes under a test).
    zhinan::i18n::set_language(zhinan::i18n::Lang::Zh);
    let project = match load_project(dir) {
        Ok(p) => p,
        Err((sources, diags)) => panic!(
            "fixture {} does not load:\n{}",
            dir.display(),
            render_all(&diags, &sources, false)
        ),
    };
    let reported = match engine::lint(&project, &LintConfig::default()) {
        Ok(r) => r,
        Err(diags) => panic!(
            "fixture {} has invalid reference data:\n{}",
            dir.display(),
            render_all(&diags, &project.sources, false)
        ),
    };
    (project, reported)
}

fn rule_dirs() -> Vec<(String, PathBuf)> {
    let mut dirs: Vec<(String, PathBuf)> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/lint exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    dirs.sort();
    if let Ok(only) = std::env::var("ZHINAN_FIXTURE") {
        dirs.retain(|(name, _)| *name == only);
    }
    dirs
}

#[test]
fn every_rule_has_fixtures() {
    let dir = fixtures_dir();
    let missing: Vec<String> = rules::metas()
        .iter()
        .filter(|m| {
            !dir.join(m.name).join("fail").is_dir() || !dir.join(m.name).join("pass").is_dir()
        })
        .map(|m| format!("{} {}", m.code, m.name))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without tests/fixtures/lint/<name>/{{fail,pass}}: {missing:?}"
    );
}

#[test]
fn every_fixture_names_a_rule() {
    for (name, _) in rule_dirs() {
        let rule = rules::find(&name)
            .unwrap_or_else(|| panic!("tests/fixtures/lint/{name} names no registered rule"));
        assert_eq!(
            rule.meta().name,
            name,
            "fixture folders are named by rule name, not code"
        );
    }
}

#[test]
fn fail_fixtures_find_and_pass_fixtures_do_not() {
    let mut failures = Vec::new();
    for (name, dir) in rule_dirs() {
        let Some(rule) = rules::find(&name) else {
            continue;
        };
        let code = rule.meta().code;

        let (project, reported) = lint_fixture(&dir.join("fail"));
        let mine: Vec<Reported> = reported
            .into_iter()
            .filter(|r| r.meta.code == code)
            .collect();
        if mine.is_empty() {
            failures.push(format!("{name}/fail: no {code} finding"));
        } else {
            let rendered = output::diagnostics(&mine, &project, false);
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(true);
            settings.set_description(format!("{code} {name}: tests/fixtures/lint/{name}/fail"));
            settings.bind(|| insta::assert_snapshot!(name.clone(), rendered));
        }

        let (project, reported) = lint_fixture(&dir.join("pass"));
        let mine: Vec<Reported> = reported
            .into_iter()
            .filter(|r| r.meta.code == code)
            .collect();
        if !mine.is_empty() {
            failures.push(format!(
                "{name}/pass: {} {code} finding(s):\n{}",
                mine.len(),
                output::diagnostics(&mine, &project, false)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
