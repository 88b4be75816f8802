//! Renders the render tests' fixture county (guide, items, notice, catalog) into a directory, to
//! look at the pages: `cargo run --example render_fixture -- out/look` then
//! `pdftoppm -png -r 60 out/look/霸州市/guide.pdf out/look/guide`.
//! A second argument repeats the items up to that count (timings of a full county, e.g. 29).

#[path = "../tests/render_common/mod.rs"]
mod render_common;

use std::path::PathBuf;
use std::time::Instant;

use zhinan::render::{BuildOptions, PdfStandard, build_jurisdiction};

fn main() -> miette::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "out-fixture".into()),
    );
    let start = Instant::now();
    let fonts = render_common::fonts();
    let fonts_time = start.elapsed();
    let mut job = render_common::job();
    if let Some(n) = std::env::args()
        .nth(2)
        .and_then(|n| n.parse::<usize>().ok())
    {
        let base = job.guide.items.clone();
        job.guide.items = (0..n)
            .map(|i| {
                let mut item = base[i % base.len()].clone();
                item.key = format!("{}-{}", item.key, i + 1);
                item.number = zhinan::text::numerals::to_chinese(i as u64 + 1);
                item
            })
            .collect();
        for i in 0..n {
            job.add_flow(i, "流程图", vec![], render_common::flow_svg());
        }
    }
    job.catalog = Some(render_common::catalog());
    let options = BuildOptions {
        out_dir: out,
        templates_dir: render_common::templates(),
        standard: PdfStandard::Pdf17,
        force: true,
    };
    let report = build_jurisdiction(&job, &fonts, &options)?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "fonts {:?}, build {:?}: {} files in {}",
        fonts_time,
        report.elapsed,
        report.outputs.len(),
        report.dir.display()
    );
    Ok(())
}
