//! Every lint rule on pathological text (issue 13, item 8): long fields of one repeated character,
//! of a repeated word, of brackets, digits, spaces, citations, phone numbers and time limits — the
//! inputs on which a rule that compares every position with every other turns quadratic. Each field
//! is just under the loader's limit (64 KiB), so these are the worst texts a rule can be given.
//!
//! `cargo bench --bench pathological` prints, after criterion's statistics, one timed run of each
//! rule on each input and the slowest ones; `cargo bench --bench pathological -- 'doubled'` runs
//! criterion on the matching inputs/rules only. (Before the fix, ZN102 took 10 s on 120 KB of one
//! repeated character: every finding rebuilt the offset map of the whole literal.)

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use zhinan::lint::config::LintConfig;
use zhinan::lint::engine;
use zhinan::lint::rules;
use zhinan::resolve::load_project;

/// Bytes of each pathological field (under the loader's 64 KiB limit).
const FIELD: usize = 60 * 1024;

/// Name and repeated unit of each input.
const INPUTS: &[(&str, &str)] = &[
    ("one-han", "的"),
    ("doubled-word", "研究"),
    ("title-marks", "《"),
    ("brackets", "（"),
    ("digits", "1"),
    ("spaces", "a "),
    ("articles", "第一条"),
    ("citations", "《中华人民共和国社会保险法》（主席令第35号）"),
    ("phones", "0316-1234567，"),
    ("time-limits", "不超过5个工作日，"),
    ("punctuation", "，,。."),
    ("numbering", "1、"),
];

fn repeat(unit: &str) -> String {
    unit.repeat(FIELD / unit.len())
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let dest = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).expect("folder");
        } else {
            fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// The small valid project of the load tests, with the real reference data and one county item
/// whose free-text fields hold `text`.
fn project(dir: &Path, text: &str) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_tree(&repo.join("tests/fixtures/load/base"), dir);
    copy_tree(
        &repo.join("catalog/reference"),
        &dir.join("catalog/reference"),
    );
    let item = format!(
        "[[item]]\ncode = \"132036001001\"\nconditions = \"{text}\"\nnotes = \"{text}\"\nmaterials = [\"{text}\"]\nlegal_basis = [\"{text}\"]\ntime_limit = \"{text}\"\nconsult = {{ phone = \"{text}\" }}\n"
    );
    fs::write(
        dir.join("counties/city/county/items/01-单位参保登记.toml"),
        item,
    )
    .expect("write item");
}

fn bench(c: &mut Criterion) {
    let metas = rules::metas();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let mut group = c.benchmark_group("pathological");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(400));
    for (name, unit) in INPUTS {
        let dir = tempfile::tempdir().expect("temp dir");
        project(dir.path(), &repeat(unit));
        let project = load_project(dir.path())
            .unwrap_or_else(|(_, d)| panic!("{name}: {} load errors: {}", d.len(), d[0].message));
        let reference = engine::load_reference(&project).expect("reference data");
        for meta in &metas {
            let mut config = LintConfig::default();
            config.rules.select = Some(vec![meta.code]);
            let t = Instant::now();
            let findings = engine::lint_with(&project, &reference, &config).len();
            let took = t.elapsed();
            slowest.push((
                took,
                format!(
                    "{name:<13} {} {:<28} {findings:>6} findings",
                    meta.code, meta.name
                ),
            ));
            group.bench_function(format!("{name}/{}-{}", meta.code, meta.name), |b| {
                b.iter(|| black_box(engine::lint_with(&project, &reference, &config).len()))
            });
        }
    }
    group.finish();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!(
        "slowest rule runs on {} KiB fields (single run):",
        FIELD / 1024
    );
    for (took, what) in slowest.iter().take(15) {
        println!("  {:>9.3} ms  {what}", took.as_secs_f64() * 1e3);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
