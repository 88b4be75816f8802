//! Every chart the project prints, as SVG snapshots: the seed charts under `counties/`, the
//! fixture charts and the generated ones. Laid out with the built-in fallback metrics, so the
//! bytes do not depend on the fonts of the machine; any change to the layout shows up here.

mod flow_support;

use zhinan::flow::{Metrics, SvgStyle, render_svg};

/// The standalone chart style of a build (`out/<jurisdiction>/flows/*.svg`): titled, fitted to
/// the guide's text width.
fn build_style() -> SvgStyle {
    SvgStyle {
        show_title: true,
        max_width: Some(440.0),
        ..SvgStyle::default()
    }
}

/// A short ASCII snapshot name: `zhaoxian__14-4-3__item1__flow0` for a seed chart.
fn snapshot_name(chart: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for piece in chart.split('#') {
        let mut segs: Vec<String> = Vec::new();
        for seg in piece.split('/') {
            let seg = seg.trim_end_matches(".toml");
            let ascii: String = seg
                .chars()
                .take_while(|c| c.is_ascii())
                .collect::<String>()
                .trim_end_matches(['-', '(', ' '])
                .replace(':', "_");
            if !ascii.is_empty()
                && !["counties", "tests", "fixtures", "flows", "items"].contains(&ascii.as_str())
            {
                segs.push(ascii);
            }
        }
        if !segs.is_empty() {
            parts.push(segs.join("__"));
        }
    }
    parts.join("__")
}

#[test]
fn every_chart_svg_is_unchanged() {
    let metrics = Metrics::fallback();
    let style = build_style();
    let charts = flow_support::all_charts();
    assert!(charts.len() > 60, "only {} charts found", charts.len());
    let mut seen = std::collections::HashSet::new();
    for chart in charts {
        let mut name = snapshot_name(&chart.name);
        // Generated charts share a prefix: number them in their fixed order.
        let base = name.clone();
        let mut k = 2;
        while !seen.insert(name.clone()) {
            name = format!("{base}{k}");
            k += 1;
        }
        let svg = render_svg(&chart.graph, &metrics, &style);
        insta::assert_snapshot!(name, svg, &chart.name);
    }
}
