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
use zhinan::lint::{Context, rules};
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
    let cpu = cpu_seconds();
    let t = Instant::now();
    let findings = engine::lint_with(&project, &reference, &config);
    let lint = t.elapsed();
    let cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
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
    // CPU time does not grow when other processes share the machine, wall time does: the lint
    // pass's CPU seconds per MB tell its speed on an idle machine (one core; rayon spreads it).
    if let Some(cpu) = cpu {
        println!(
            "lint pass CPU time {cpu:.3} s on all threads: {:.1} MB/s per core",
            bytes as f64 / 1e6 / cpu
        );
    }

    per_rule(&project, &reference);

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

/// CPU seconds used so far by this process, all threads (Linux `/proc/self/stat`, fields utime and
/// stime in clock ticks of 1/100 s); `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// Each rule in turn on one thread, in one context (as the engine runs them), slowest first by CPU
/// time: where the lint's time goes. A shared analysis is paid by the first rule that asks for it.
fn per_rule(project: &zhinan::resolve::Project, reference: &zhinan::lint::Reference) {
    let bytes = project.sources.total_bytes() as f64 / 1e6;
    let ctx = Context::new(project, reference);
    let mut times: Vec<(f64, &str, usize)> = rules::all()
        .into_iter()
        .map(|rule| {
            let t = cpu_seconds().unwrap_or(0.0);
            let mut out = Vec::new();
            rule.check(&ctx, &mut out);
            let secs = cpu_seconds().unwrap_or(0.0) - t;
            (secs, rule.meta().code, out.len())
        })
        .collect();
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = times.iter().map(|t| t.0).sum();
    println!(
        "rules one after another on one thread: {total:.2} s CPU ({:.1} MB/s); slowest:",
        bytes / total
    );
    for (secs, code, n) in times.iter().take(12) {
        println!(
            "  {code}  {secs:6.2} s  {:5.1}%  {n} findings",
            100.0 * secs / total
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
