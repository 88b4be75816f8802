//! Layout + SVG per chart over the fixture charts, generated charts and any transcribed seeds
//! under `counties/`. Target: under 1 ms per chart on average.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/flow_support/mod.rs"]
mod flow_support;

use zhinan::flow::{Metrics, SvgStyle, layout, render_svg};

fn bench(c: &mut Criterion) {
    let metrics = Metrics::system();
    let charts: Vec<_> = flow_support::all_charts()
        .into_iter()
        .filter(|c| !c.graph.nodes.is_empty())
        .collect();
    let style = SvgStyle::default();
    let n = charts.len() as u64;
    eprintln!("{n} charts, font {:?}", metrics.family());

    let mut group = c.benchmark_group("flow");
    group.throughput(Throughput::Elements(n));
    group.bench_function(format!("layout+svg, all {n} charts"), |b| {
        b.iter(|| {
            for chart in &charts {
                black_box(render_svg(black_box(&chart.graph), &metrics, &style));
            }
        })
    });
    group.bench_function(format!("layout only, all {n} charts"), |b| {
        let opts = style.layout_options();
        b.iter(|| {
            for chart in &charts {
                black_box(layout(black_box(&chart.graph), &metrics, &opts));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
