//! Fixture runner for the citation, time-limit and materials rules (ZN2xx–ZN4xx), following the
//! layout of the shared runner: `tests/fixtures/lint/<rule-name>/{fail,pass}/` are tiny projects.
//! `fail` must produce at least one finding of the rule (its rendered output is snapshotted),
//! `pass` none.

use std::path::{Path, PathBuf};

use zhinan::diagnostic::{Diag, render};
use zhinan::lint::{Context, Finding, Rule, reference, rules};
use zhinan::resolve::{Project, load_project};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint")
}

fn load(dir: &Path) -> Project {
    match load_project(dir) {
        Ok(p) => p,
        Err((sources, diags)) => panic!(
            "fixture {} does not load:\n{}",
            dir.display(),
            zhinan::diagnostic::render_all(&diags, &sources, false)
        ),
    }
}

fn run(rule: &dyn Rule, project: &Project) -> Vec<Finding> {
    let (reference, diags) = reference::load(&project.sources, &project.reference_files);
    assert!(
        diags.is_empty(),
        "reference data of a fixture does not load"
    );
    let ctx = Context::new(project, &reference);
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    out
}

fn rendered(rule: &dyn Rule, project: &Project, findings: &[Finding]) -> String {
    let meta = rule.meta();
    let mut findings: Vec<&Finding> = findings.iter().collect();
    findings.sort_by_key(|f| (f.file, f.span.start));
    findings
        .iter()
        .map(|f| {
            let mut d = Diag {
                code: meta.code.to_string(),
                severity: meta.severity,
                message: f.message.clone(),
                file: f.file,
                span: f.span.clone(),
                label: String::new(),
                help: f.help.clone(),
                related: f.related.clone(),
            };
            if let Some(fix) = &f.fix {
                let kind = if fix.safe { "safe fix" } else { "unsafe fix" };
                d.label = format!("{kind}: {}", fix.replacement);
            }
            render(&d, &project.sources, false)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_rule_has_fixtures_that_fail_and_pass() {
    let mut problems = Vec::new();
    for rule in rules::citations_time_limits_materials() {
        let name = rule.meta().name;
        let dir = fixtures().join(name);
        if !dir.join("fail").is_dir() || !dir.join("pass").is_dir() {
            problems.push(format!("{name}: missing fixtures in {}", dir.display()));
            continue;
        }
        let failing = load(&dir.join("fail"));
        let found = run(rule, &failing);
        if found.is_empty() {
            problems.push(format!("{name}: the fail fixture produces no finding"));
        } else {
            insta::with_settings!({ snapshot_path => "snapshots/lint_b", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("{}-{name}", rule.meta().code), rendered(rule, &failing, &found));
            });
        }
        let passing = load(&dir.join("pass"));
        let found = run(rule, &passing);
        if !found.is_empty() {
            problems.push(format!(
                "{name}: the pass fixture produces {} finding(s):\n{}",
                found.len(),
                rendered(rule, &passing, &found)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The repository's own reference data (law registry, issuers).
fn repository_reference() -> zhinan::lint::Reference {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = zhinan::source::Sources::new(root);
    let mut files = Vec::new();
    for name in ["laws.toml", "issuers.toml"] {
        let path = root.join("catalog/reference").join(name);
        let text = std::fs::read_to_string(&path).expect("reference file");
        files.push(sources.add(format!("catalog/reference/{name}"), text));
    }
    let (reference, diags) = reference::load(&sources, &files);
    assert!(diags.is_empty(), "the repository's reference data does not load");
    reference
}

/// A correct guide (every citation, time limit and material written the official way, with the
/// variations a county may make) gives no finding at all, with the real law registry.
#[test]
fn a_correct_guide_gives_no_finding() {
    let project = load(&fixtures().join("../clean-guide"));
    let reference = repository_reference();
    let ctx = Context::new(&project, &reference);
    let mut report = Vec::new();
    for rule in rules::citations_time_limits_materials() {
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        if !out.is_empty() {
            report.push(rendered(rule, &project, &out));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn rule_docs_have_the_four_headings() {
    for rule in rules::citations_time_limits_materials() {
        let meta = rule.meta();
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            assert!(
                meta.doc.contains(heading),
                "{} lacks `{heading}`",
                meta.code
            );
        }
        assert!(meta.code.starts_with("ZN"), "{}", meta.code);
        assert!(
            meta.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is not kebab-case",
            meta.name
        );
    }
}

#[test]
fn codes_and_names_are_unique() {
    let all = rules::citations_time_limits_materials();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a.meta().code, b.meta().code);
            assert_ne!(a.meta().name, b.meta().name);
        }
    }
}
