//! The web site and the open data of every seed jurisdiction (issue 12: their share of the build).
//! `cargo bench --profile dev --bench site` prints the time of the site pages + search index + open
//! data for all jurisdictions, and their size; compare with the full build of the same project
//! (`scripts/bench-build.sh`).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use zhinan::render::{FontOptions, Fonts};

fn site_and_open_data(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = zhinan::resolve::load_project(root).expect("seed data loads");
    let fonts = Fonts::discover(&FontOptions::default()).expect("fonts");
    let templates = root.join("templates");
    let jobs =
        zhinan::build::jobs(&project, None, &fonts.chart_metrics(), &templates).expect("jobs");
    let with_items: Vec<usize> = project
        .tree_order()
        .into_iter()
        .filter(|&j| !project.jurisdictions[j].items.is_empty())
        .collect();
    let files = |j: usize, job: &zhinan::render::Job| {
        let charts = zhinan::site::charts(&project, j);
        let style = zhinan::site::Style::load(&templates, &job.guide.jurisdiction.style)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut files = zhinan::site::files(&job.guide, &charts, &style);
        files.extend(zhinan::opendata::files(&project, j));
        files
    };
    let bytes: usize = with_items
        .iter()
        .zip(&jobs)
        .flat_map(|(&j, job)| files(j, job))
        .map(|(_, data)| data.len())
        .sum();
    eprintln!(
        "site + open data: {} jurisdictions, {bytes} bytes",
        jobs.len()
    );
    c.bench_function("site + open data of all seed jurisdictions", |b| {
        b.iter(|| {
            with_items
                .iter()
                .zip(&jobs)
                .map(|(&j, job)| files(j, job).len())
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, site_and_open_data);
criterion_main!(benches);
