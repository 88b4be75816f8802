//! The generated province (tests/common/province.rs) loads, resolves and lints; the defects it plants
//! are found.

mod common;

use std::path::Path;

use zhinan::lint::config::LintConfig;
use zhinan::lint::engine;
use zhinan::resolve::load_project;

use common::province;

fn lint(counties: usize) -> (usize, Vec<engine::Reported>) {
    let dir = tempfile::tempdir().unwrap();
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/reference");
    province::generate(dir.path(), counties, &reference);
    let project = load_project(dir.path()).unwrap_or_else(|(sources, diags)| {
        panic!(
            "{}",
            zhinan::diagnostic::render_all(&diags, &sources, false)
        )
    });
    let n = project.jurisdictions.len();
    let reported = engine::lint(&project, &LintConfig::default()).expect("reference data");
    (n, reported)
}

#[test]
fn a_small_province_lints_and_its_planted_defects_are_found() {
    let (jurisdictions, reported) = lint(12);
    assert_eq!(jurisdictions, 1 + 11 + 12);
    let codes: std::collections::BTreeSet<&str> = reported.iter().map(|r| r.meta.code).collect();
    for planted in ["ZN101", "ZN104", "ZN105", "ZN501", "ZN603"] {
        assert!(codes.contains(planted), "{planted} not found: {codes:?}");
    }
}

/// The full size of the benchmark (slow in a debug build): `cargo test --release -- --ignored`.
#[test]
#[ignore]
fn the_benchmark_province_lints() {
    let t = std::time::Instant::now();
    let (jurisdictions, reported) = lint(170);
    assert_eq!(jurisdictions, 1 + 11 + 170);
    assert!(!reported.is_empty());
    eprintln!(
        "170 × 30: {} findings in {:.2?}",
        reported.len(),
        t.elapsed()
    );
}
