//! Load + resolve of all seed data (target: under 50 ms).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn load_and_resolve(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = zhinan::resolve::load_project(root).expect("seed data loads");
    let bytes = project.sources.total_bytes();
    let items: usize = project.jurisdictions.iter().map(|j| j.items.len()).sum();
    eprintln!(
        "seed data: {} files, {} bytes, {} jurisdictions, {} items",
        project.sources.len(),
        bytes,
        project.jurisdictions.len(),
        items
    );
    c.bench_function("load+resolve seed data", |b| {
        b.iter(|| zhinan::resolve::load_project(root).expect("seed data loads"))
    });
}

criterion_group!(benches, load_and_resolve);
criterion_main!(benches);
