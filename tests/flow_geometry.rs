//! Geometry of every chart we have: fixtures, generated charts and the transcribed seeds.

mod flow_support;

use flow_support::{Chart, all_charts, check_geometry};
use zhinan::flow::Metrics;
use zhinan::flow::layout::{LayoutOptions, layout};

fn check_all(charts: &[Chart], metrics: &Metrics, opts: &LayoutOptions) -> Vec<String> {
    let mut failures = Vec::new();
    for chart in charts {
        let l = layout(&chart.graph, metrics, opts);
        for e in check_geometry(&chart.graph, &l) {
            failures.push(format!("{}: {e}", chart.name));
        }
    }
    failures
}

fn assert_clean(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} geometry problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn geometry_with_the_real_font_fitted_to_the_page() {
    let charts = all_charts();
    assert_clean(check_all(
        &charts,
        &Metrics::system(),
        &LayoutOptions::default(),
    ));
}

#[test]
fn geometry_with_fallback_widths_unbounded_with_title() {
    let opts = LayoutOptions {
        max_width: None,
        title: true,
        ..LayoutOptions::default()
    };
    assert_clean(check_all(&all_charts(), &Metrics::fallback(), &opts));
}

#[test]
fn geometry_at_the_smallest_size() {
    let opts = LayoutOptions {
        font_size: 9.0,
        min_font_size: 9.0,
        max_width: Some(200.0),
        title: true,
    };
    assert_clean(check_all(&all_charts(), &Metrics::fallback(), &opts));
}

#[test]
fn text_never_below_nine_points() {
    let opts = LayoutOptions {
        max_width: Some(50.0),
        ..LayoutOptions::default()
    };
    for chart in all_charts() {
        let l = layout(&chart.graph, &Metrics::fallback(), &opts);
        assert!(
            l.font_size >= 9.0 && l.label_size >= 9.0,
            "{}: {}",
            chart.name,
            l.font_size
        );
    }
}

#[test]
fn charts_that_fit_keep_body_size() {
    // The two target procedures fit the page at 10.5 pt.
    for chart in flow_support::fixture_charts() {
        if chart.name.contains("jihe") || chart.name.contains("jiuzhu") {
            let l = layout(
                &chart.graph,
                &Metrics::fallback(),
                &LayoutOptions::default(),
            );
            assert_eq!(l.font_size, 10.5, "{}", chart.name);
            assert!(l.width <= 453.0, "{}: {}", chart.name, l.width);
        }
    }
}

#[test]
fn main_column_is_straight() {
    // jihe: the main path select → … → archive is one vertical line.
    let chart = flow_support::fixture_charts()
        .into_iter()
        .find(|c| c.name.contains("jihe"))
        .unwrap();
    let l = layout(
        &chart.graph,
        &Metrics::fallback(),
        &LayoutOptions::default(),
    );
    let g = &chart.graph;
    let x = |id: &str| l.boxes[g.node_index(id).unwrap()].rect.cx();
    for id in [
        "notice", "audit", "inform", "ask", "facts", "result", "serve", "execute", "archive",
    ] {
        assert!((x(id) - x("select")).abs() < 0.01, "{id} off the column");
    }
    // The branch leaves the diamond's corner, the loop enters from the outer lane.
    let ask = &l.boxes[g.node_index("ask").unwrap()];
    let branch = l.edges.iter().find(|e| e.edge == Some(5)).unwrap();
    assert!(
        (branch.points[0].y - ask.rect.cy()).abs() < 0.01,
        "branch not from a corner"
    );
    let back = l.edges.iter().find(|e| e.edge == Some(6)).unwrap();
    assert!(back.loop_back);
    let lane = back.points.iter().map(|p| p.x).fold(f32::MIN, f32::max);
    assert!(
        l.boxes.iter().all(|b| b.rect.right() < lane),
        "loop lane not outside"
    );
    let vertical = l.labels.iter().find(|lb| lb.edge == 6).unwrap();
    assert!(vertical.vertical && vertical.lines.len() == "复核后再次告知".chars().count());
}

#[test]
fn notes_sit_beside_their_box() {
    let chart = flow_support::fixture_charts()
        .into_iter()
        .find(|c| c.name.contains("jiuzhu"))
        .unwrap();
    let l = layout(
        &chart.graph,
        &Metrics::fallback(),
        &LayoutOptions::default(),
    );
    let g = &chart.graph;
    let note = &l.boxes[g.node_index("docs").unwrap()];
    let start = &l.boxes[g.node_index("target").unwrap()];
    assert!(note.rect.right() < start.rect.x, "note not left of its box");
    assert!(note.rect.y <= start.rect.cy() && start.rect.cy() <= note.rect.bottom());
    let link = l.edges.iter().find(|e| e.dashed).expect("dashed connector");
    assert_eq!(
        (link.from, link.to),
        (
            g.node_index("docs").unwrap(),
            g.node_index("target").unwrap()
        )
    );
    // Two equal columns meet again at the decision, centred under the start box.
    let audit = &l.boxes[g.node_index("audit").unwrap()];
    assert!((audit.rect.cx() - start.rect.cx()).abs() < 0.01);
    let income = &l.boxes[g.node_index("income").unwrap()];
    let spend = &l.boxes[g.node_index("spend").unwrap()];
    assert!(income.rect.cx() < start.rect.cx() && start.rect.cx() < spend.rect.cx());
}

#[test]
fn seed_charts_are_found_when_present() {
    let seeds = flow_support::seed_charts();
    let dir = flow_support::manifest_dir().join("counties");
    let has_flows = walkdir::WalkDir::new(&dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("[[item.flow]]")));
    if has_flows {
        assert!(
            !seeds.is_empty(),
            "item files with flows but no charts loaded"
        );
    }
}

#[test]
fn the_checker_catches_broken_geometry() {
    let chart = flow_support::fixture_charts()
        .into_iter()
        .find(|c| c.name.contains("jihe"))
        .unwrap();
    let good = layout(
        &chart.graph,
        &Metrics::fallback(),
        &LayoutOptions::default(),
    );
    assert!(check_geometry(&chart.graph, &good).is_empty());

    let mut l = good.clone();
    l.boxes[1].rect = l.boxes[0].rect;
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("overlap"))
    );

    let mut l = good.clone();
    l.edges[0].points.last_mut().unwrap().y += 3.0;
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("border"))
    );

    let mut l = good.clone();
    let far = l.boxes[8].rect;
    let y = l.edges[0].points[1].y;
    l.edges[0]
        .points
        .push(zhinan::flow::layout::Point::new(far.cx(), y));
    l.edges[0]
        .points
        .push(zhinan::flow::layout::Point::new(far.cx(), far.bottom()));
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("crosses box"))
    );

    let mut l = good.clone();
    l.labels[0].rect = l.boxes[3].rect;
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("overlaps box"))
    );

    let mut l = good.clone();
    l.labels[1].rect = l.labels[0].rect;
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("labels of edges"))
    );

    let mut l = good.clone();
    l.edges[2].points[0].x = f32::NAN;
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("outside canvas"))
    );

    let mut l = good;
    l.edges.remove(3);
    assert!(
        check_geometry(&chart.graph, &l)
            .iter()
            .any(|e| e.contains("drawn 0 times"))
    );
}

#[test]
fn enough_charts_are_checked() {
    let charts = all_charts();
    let with_nodes = charts.iter().filter(|c| !c.graph.nodes.is_empty()).count();
    eprintln!("{} charts, {with_nodes} with nodes", charts.len());
    assert!(with_nodes >= 10);
}
