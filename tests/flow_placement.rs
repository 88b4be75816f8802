//! Charts that always fit: every chart's placement on the guide's A4 page stays inside the type
//! area (after the room its title and caption take), never below 9 pt text.

mod flow_support;

use zhinan::flow::placement::{Orientation, TypeArea, heading_room, place};
use zhinan::flow::{Metrics, SvgStyle};

fn pdf_style(metrics: &Metrics) -> SvgStyle {
    SvgStyle {
        show_title: false,
        font_family: metrics.family().unwrap_or("Noto Sans CJK SC").to_string(),
        ..SvgStyle::default()
    }
}

fn check_all(metrics: &Metrics) -> Vec<String> {
    let area = TypeArea::A4_GUIDE;
    let style = pdf_style(metrics);
    let mut report = Vec::new();
    for chart in flow_support::all_charts() {
        let head = heading_room(&chart.graph, area);
        let p = place(&chart.graph, metrics, &style, area, head);
        let a = match p.orientation {
            Orientation::Portrait => area,
            Orientation::Landscape => area.landscape(),
        };
        for (k, page) in p.pages.iter().enumerate() {
            let room = if k == 0 { a.height - head } else { a.height };
            assert!(
                page.width <= a.width + 0.5 && page.height <= room + 0.5,
                "{} part {k}: {} x {} in {} x {room}",
                chart.name,
                page.width,
                page.height,
                a.width
            );
            // The SVG prints at the size the placement promises.
            let attr = page.svg.split("width=\"").nth(1);
            let printed: f32 = attr
                .and_then(|r| r.split("pt\"").next())
                .and_then(|w| w.parse().ok())
                .expect("svg width in pt");
            assert!(
                (printed - page.width).abs() < 0.01,
                "{}: {printed} vs {}",
                chart.name,
                page.width
            );
        }
        assert!(
            p.text_size >= 9.0 - 0.01,
            "{}: text {}",
            chart.name,
            p.text_size
        );
        report.push(format!(
            "{}: {:?} {} page(s) text {:.2} pt",
            chart.name,
            p.orientation,
            p.pages.len(),
            p.text_size
        ));
    }
    report
}

#[test]
fn every_chart_fits_the_a4_type_area_with_fallback_metrics() {
    check_all(&Metrics::fallback());
}

#[test]
fn every_chart_fits_the_a4_type_area_with_the_system_font() {
    let report = check_all(flow_support::system_metrics());
    // The 赵县 4-3 chart, taller than a page at full size, no longer runs off it.
    let line = report
        .iter()
        .find(|l| l.contains("14-4-3"))
        .expect("赵县 4-3 among the seed charts");
    eprintln!("{}", report.join("\n"));
    assert!(!line.contains("1 page(s) text 10.50"), "{line}");
}
