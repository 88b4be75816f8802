//! A correct guide — every citation, time limit and material written the official way, with the
//! variations a county may make — gives no finding of the citation, time-limit and materials rules
//! (ZN2xx–ZN4xx), checked with the repository's own law registry (catalog/reference/laws.toml,
//! issuers.toml). Guards the precision of those rules on text they were not tuned on.

use std::path::Path;

use zhinan::diagnostic::{Diag, render};
use zhinan::lint::{Context, Rule, reference, rules};
use zhinan::resolve::load_project;

fn families() -> Vec<&'static dyn Rule> {
    rules::all()
        .into_iter()
        .filter(|r| {
            ["ZN2", "ZN3", "ZN4"]
                .iter()
                .any(|p| r.meta().code.starts_with(p))
        })
        .collect()
}

/// The repository's reference data (law registry, issuers).
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
    assert!(
        diags.is_empty(),
        "the repository's reference data does not load"
    );
    reference
}

#[test]
fn a_correct_guide_gives_no_finding() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-guide");
    let project = load_project(&dir).unwrap_or_else(|(sources, diags)| {
        panic!(
            "{}",
            zhinan::diagnostic::render_all(&diags, &sources, false)
        )
    });
    let reference = repository_reference();
    let ctx = Context::new(&project, &reference);
    let mut report = Vec::new();
    for rule in families() {
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        for f in out {
            let d = Diag {
                code: rule.meta().code.to_string(),
                severity: rule.meta().severity,
                message: f.message.clone(),
                file: f.file,
                span: f.span.clone(),
                label: String::new(),
                help: f.help.clone(),
                related: f.related.clone(),
            };
            report.push(render(&d, &project.sources, false));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn the_families_are_registered() {
    let rules = families();
    assert_eq!(rules.len(), 33);
    for r in rules {
        let doc = r.meta().doc;
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            assert!(doc.contains(heading), "{} lacks `{heading}`", r.meta().code);
        }
    }
}
