//! Bench script: how long the web site and the open data take to make, per jurisdiction, and how big
//! they are (the PDFs of the same build are timed by `zhinan build`):
//! `cargo run --example web_outputs -- [ROOT] [RUNS]`.

use std::path::PathBuf;
use std::time::Instant;

use zhinan::render::Job;
use zhinan::resolve::load_project;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let runs: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let project =
        load_project(&root).unwrap_or_else(|_| panic!("{} does not load", root.display()));
    let mut total_ms = 0.0;
    let mut total_bytes = 0;
    for j in project.tree_order() {
        let jur = &project.jurisdictions[j];
        if jur.items.is_empty() {
            continue;
        }
        let items: Vec<_> = jur.items.iter().map(|i| i.item.clone()).collect();
        let job = Job::from_model(&jur.data, &items, None);
        let style =
            zhinan::site::Style::load(&root.join("templates"), &job.guide.jurisdiction.style)
                .unwrap_or_else(|e| panic!("{e}"));
        let mut best = f64::MAX;
        let mut bytes = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let charts = zhinan::site::charts(&project, j);
            let mut files = zhinan::site::files(&job.guide, &charts, &style);
            files.extend(zhinan::opendata::files(&project, j));
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
            bytes = files.iter().map(|(_, b)| b.len()).sum();
        }
        println!(
            "{:<8} {:>3} items  site+data {:>7.1} ms (best of {runs})  {:>6} KiB",
            jur.name,
            jur.items.len(),
            best,
            bytes / 1024
        );
        total_ms += best;
        total_bytes += bytes;
    }
    println!(
        "total    site+data {total_ms:.1} ms  {} KiB",
        total_bytes / 1024
    );
}
