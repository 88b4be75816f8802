//! Lint throughput on a generated province: 170 counties × 30 items in the shapes of the seeds.
//!
//! `cargo bench --bench lint` reports
//! - `lint/rules` — the lint pass alone (reference data loaded, project resolved), in MB/s of source;
//! - `lint/province_170x30` — the whole run of `zhinan lint`: load, resolve, reference data, lint.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhinan::lint::config::LintConfig;
use zhinan::lint::engine;
use zhinan::resolve::load_project;

#[path = "../tests/common/province.rs"]
mod province;

const COUNTIES: usize = 170;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/reference");
    let written = province::generate(dir.path(), COUNTIES, &reference);
    let project =
        load_project(dir.path()).unwrap_or_else(|(_, d)| panic!("{} load errors", d.len()));
    let bytes = project.sources.total_bytes();
    let reference = engine::load_reference(&project).expect("reference data");
    let config = LintConfig::default();

    // One timed run of each, printed plainly next to criterion's statistics.
    let t = Instant::now();
    let findings = engine::lint_with(&project, &reference, &config);
    let lint = t.elapsed();
    let t = Instant::now();
    let whole = load_project(dir.path()).map(|p| engine::lint(&p, &config).map(|r| r.len()));
    let total = t.elapsed();
    println!(
        "province: {COUNTIES} counties × 30 items, {} files, {:.2} MB ({written} bytes written), {} findings",
        project.sources.len(),
        bytes as f64 / 1e6,
        findings.len()
    );
    println!(
        "single run: lint {:.3} s ({:.1} MB/s); load + resolve + lint {:.3} s ({:?} findings)",
        lint.as_secs_f64(),
        bytes as f64 / 1e6 / lint.as_secs_f64(),
        total.as_secs_f64(),
        whole.ok().and_then(|r| r.ok())
    );

    let mut group = c.benchmark_group("lint");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("rules", |b| {
        b.iter(|| black_box(engine::lint_with(&project, &reference, &config).len()))
    });
    group.bench_function("province_170x30", |b| {
        b.iter(|| {
            let p = load_project(dir.path()).unwrap_or_else(|_| panic!("loads"));
            black_box(engine::lint(&p, &config).map(|r| r.len()).unwrap_or(0))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
