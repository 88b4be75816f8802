//! Fixture runner for the lint rules, shared by every rule family.
//!
//! Layout (see `tests/fixtures/README.md`): `tests/fixtures/lint/base/` is one small clean project;
//! `tests/fixtures/lint/<rule-name>/<case>/` holds only the files a case changes or adds, laid over
//! the base. Case folders are `fail`, `pass`, `fail-<label>` and `pass-<label>`.
//!
//! - A `fail…` case must produce at least one finding of the rule; its rendered human output (only
//!   that rule's findings, no colour) is snapshotted with insta as `lint_rules__<rule-name>.snap`
//!   (`fail`) or `lint_rules__<rule-name>@<label>.snap` (`fail-<label>`).
//! - A `pass…` case must produce no finding of the rule (other rules may fire).
//! - Every registered rule has at least [`MIN_CASES`] failing and as many passing cases, and every
//!   folder names a registered rule.
//!
//! Run one rule's fixtures: `ZHINAN_FIXTURE=known-typo cargo test --test lint_rules`.
//! Accept new snapshots: `INSTA_UPDATE=always cargo test --test lint_rules` (or `cargo insta review`).

mod lint_cases;

use std::path::Path;

use lint_cases::{Case, Expect};
use zhinan::diagnostic::render_all;
use zhinan::lint::config::LintConfig;
use zhinan::lint::engine::{self, Reported};
use zhinan::lint::{output, rules};
use zhinan::resolve::{Project, load_project};

/// Failing cases, and passing cases, every rule needs at least.
const MIN_CASES: usize = 2;

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

/// The cases to run: all, or one rule's with `ZHINAN_FIXTURE=<rule-name>`.
fn selected_cases() -> Vec<Case> {
    let (mut cases, _) = lint_cases::all_cases();
    if let Ok(only) = std::env::var("ZHINAN_FIXTURE") {
        cases.retain(|case| case.rule == only);
    }
    cases
}

/// Rules with fewer than [`MIN_CASES`] failing or passing cases, as `code name (fail n, pass m)`.
fn rules_lacking_cases(cases: &[Case]) -> Vec<String> {
    let count = |name: &str, expect: Expect| {
        cases
            .iter()
            .filter(|c| c.rule == name && c.expect == expect)
            .count()
    };
    rules::metas()
        .iter()
        .filter_map(|m| {
            let (fail, pass) = (count(m.name, Expect::Fail), count(m.name, Expect::Pass));
            (fail < MIN_CASES || pass < MIN_CASES)
                .then(|| format!("{} {} (fail {fail}, pass {pass})", m.code, m.name))
        })
        .collect()
}

#[test]
fn every_rule_has_failing_and_passing_cases() {
    let (cases, _) = lint_cases::all_cases();
    let lacking: Vec<String> = rules_lacking_cases(&cases);
    assert!(
        lacking.is_empty(),
        "rules with fewer than {MIN_CASES} fail… or pass… cases under tests/fixtures/lint/<name>/ \
         (see tests/fixtures/README.md):\n{}",
        lacking.join("\n")
    );
}

#[test]
fn every_fixture_names_a_rule() {
    let (cases, strays) = lint_cases::all_cases();
    assert!(
        strays.is_empty(),
        "case folders must be named fail, pass, fail-<label> or pass-<label> (label: a-z, 0-9, -): {strays:?}"
    );
    for case in &cases {
        let rule = rules::find(&case.rule).unwrap_or_else(|| {
            panic!("tests/fixtures/lint/{} names no registered rule", case.rule)
        });
        assert_eq!(
            rule.meta().name,
            case.rule,
            "fixture folders are named by rule name, not code"
        );
    }
}

/// A case holds only what differs from the base: a file copied unchanged from the base hides what
/// the case is about.
#[test]
fn cases_hold_only_what_differs_from_the_base() {
    let base = lint_cases::base_dir();
    let (cases, _) = lint_cases::all_cases();
    let mut repeated = Vec::new();
    for case in &cases {
        for rel in lint_cases::relative_files(&case.dir) {
            let in_base = std::fs::read(base.join(&rel)).ok();
            if in_base.is_some_and(|b| b == std::fs::read(case.dir.join(&rel)).unwrap()) {
                repeated.push(format!("{}/{}", case.id(), rel.display()));
            }
        }
    }
    assert!(
        repeated.is_empty(),
        "files identical to tests/fixtures/lint/base (delete them from the case): {repeated:?}"
    );
}

/// The base project itself is clean: whatever a case finds comes from its own files.
#[test]
fn the_base_has_no_findings() {
    let (project, reported) = lint_fixture(&lint_cases::base_dir());
    assert!(
        reported.is_empty(),
        "{}",
        output::diagnostics(&reported, &project, false)
    );
}

#[test]
fn fail_fixtures_find_and_pass_fixtures_do_not() {
    let mut failures = Vec::new();
    for case in selected_cases() {
        let Some(rule) = rules::find(&case.rule) else {
            continue;
        };
        let code = rule.meta().code;
        let project_dir = case.materialize();
        let (project, reported) = lint_fixture(project_dir.path());
        let mine: Vec<Reported> = reported
            .into_iter()
            .filter(|r| r.meta.code == code)
            .collect();
        match case.expect {
            Expect::Fail if mine.is_empty() => {
                failures.push(format!("{}: no {code} finding", case.id()));
            }
            Expect::Fail => {
                let rendered = output::diagnostics(&mine, &project, false);
                let mut settings = insta::Settings::clone_current();
                settings.set_prepend_module_to_snapshot(true);
                if !case.label.is_empty() {
                    settings.set_snapshot_suffix(case.label.clone());
                }
                let rule_name = &case.rule;
                settings.set_description(format!(
                    "{code} {rule_name}: tests/fixtures/lint/{}",
                    case.id()
                ));
                settings.bind(|| insta::assert_snapshot!(rule_name.clone(), rendered));
            }
            Expect::Pass if !mine.is_empty() => failures.push(format!(
                "{}: {} {code} finding(s):\n{}",
                case.id(),
                mine.len(),
                output::diagnostics(&mine, &project, false)
            )),
            Expect::Pass => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A name with a leading ASCII space made ZN607 slice inside a character and panic (exit 101).
/// Now the finding points at the ending it names.
#[test]
fn power_type_name_with_a_leading_space() {
    let tmp = lint_cases::materialize("power-type-name/fail");
    let items = tmp.path().join("counties/shi/items/01-powers.toml");
    let text = std::fs::read_to_string(&items).unwrap().replace(
        "name = \"对违反社会保险法律、法规行为的处罚\"",
        "name = \" 对违反社会保险法律、法规行为的处罚\"",
    );
    std::fs::write(&items, text).unwrap();
    let (project, reported) = lint_fixture(tmp.path());
    let zn607: Vec<&Reported> = reported.iter().filter(|r| r.meta.code == "ZN607").collect();
    assert_eq!(zn607.len(), 1, "{zn607:?}");
    let f = &zn607[0].finding;
    assert_eq!(&project.sources.text(f.file)[f.span.clone()], "处罚");
}
