//! Shared by the `flow_*` tests: loading charts and checking a layout's geometry.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use zhinan::flow::layout::{Layout, Point, Rect};
use zhinan::flow::{FlowGraph, NodeKind, generate_from_steps, item_flows};
use zhinan::model::ItemFile;

/// The system font's metrics, loaded once per test binary (reading the font takes a while).
pub fn system_metrics() -> &'static zhinan::flow::Metrics {
    static METRICS: std::sync::OnceLock<zhinan::flow::Metrics> = std::sync::OnceLock::new();
    METRICS.get_or_init(zhinan::flow::Metrics::system)
}

pub struct Chart {
    pub name: String,
    pub graph: FlowGraph,
}

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every chart of every item file below `dir` (authored, or generated from `steps`).
/// A file that does not parse fails the test: the charts it holds would go unchecked.
pub fn charts_under(dir: &Path) -> Vec<Chart> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") || path.ends_with("jurisdiction.toml") {
            continue;
        }
        if path.components().any(|c| c.as_os_str() == "reference") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read item file");
        let file: ItemFile = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not an item file: {e}", path.display()));
        let rel = path
            .strip_prefix(manifest_dir())
            .unwrap_or(path)
            .display()
            .to_string();
        for (i, item) in file.items.iter().enumerate() {
            for (k, graph) in item_flows(item.get_ref()).into_iter().enumerate() {
                out.push(Chart {
                    name: format!("{rel}#item{}#flow{k}", i + 1),
                    graph,
                });
            }
        }
    }
    out
}

pub fn fixture_charts() -> Vec<Chart> {
    let charts = charts_under(&manifest_dir().join("tests/fixtures/flows"));
    assert!(charts.len() >= 5, "fixtures missing: {}", charts.len());
    charts
}

/// Seed charts transcribed under `counties/` (may be absent in a fresh checkout).
pub fn seed_charts() -> Vec<Chart> {
    charts_under(&manifest_dir().join("counties"))
}

pub fn generated_charts() -> Vec<Chart> {
    [
        "申请—受理—审核—办结",
        "申请—受理—审核—拨付—办结",
        "申请-受理-办结",
        "受理→审核→决定→送达",
        "申请->受理->审查->决定->办结",
        "申请",
        "",
    ]
    .iter()
    .map(|s| Chart {
        name: format!("generated:{s}"),
        graph: generate_from_steps("生成的流程图", s),
    })
    .collect()
}

pub fn all_charts() -> Vec<Chart> {
    let mut all = fixture_charts();
    all.extend(generated_charts());
    all.extend(seed_charts());
    all
}

fn on_border(r: &Rect, kind: NodeKind, p: Point) -> bool {
    let eps = 0.05;
    if kind == NodeKind::Decision {
        let v = (p.x - r.cx()).abs() / (r.w / 2.0) + (p.y - r.cy()).abs() / (r.h / 2.0);
        return (v - 1.0).abs() < 0.01;
    }
    let inside =
        p.x >= r.x - eps && p.x <= r.right() + eps && p.y >= r.y - eps && p.y <= r.bottom() + eps;
    let on_side = (p.x - r.x).abs() < eps
        || (p.x - r.right()).abs() < eps
        || (p.y - r.y).abs() < eps
        || (p.y - r.bottom()).abs() < eps;
    inside && on_side
}

/// Edges the layout must draw: both ends known (first node of an id), no note at either end
/// unless the note is unattached, not a self loop, not a repeat of an earlier edge.
pub fn drawable_edges(g: &FlowGraph) -> Vec<usize> {
    let find = |id: &str| g.nodes.iter().position(|n| n.id == id);
    let attached = |i: usize| {
        let n = &g.nodes[i];
        n.kind == NodeKind::Note
            && n.attach
                .as_deref()
                .and_then(find)
                .is_some_and(|t| t != i && g.nodes[t].kind != NodeKind::Note)
    };
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for (e, edge) in g.edges.iter().enumerate() {
        let (Some(a), Some(b)) = (find(&edge.from), find(&edge.to)) else {
            continue;
        };
        if a == b || attached(a) || attached(b) || seen.contains(&(a, b)) {
            continue;
        }
        seen.push((a, b));
        out.push(e);
    }
    out
}

/// Everything the brief asks of a chart's geometry; returns the violations found.
pub fn check_geometry(g: &FlowGraph, l: &Layout) -> Vec<String> {
    let mut errs = Vec::new();
    let eps = 0.05;
    let inside = |p: Point| {
        p.x.is_finite()
            && p.y.is_finite()
            && p.x >= -eps
            && p.y >= -eps
            && p.x <= l.width + eps
            && p.y <= l.height + eps
    };
    if !(l.width.is_finite() && l.height.is_finite() && l.width > 0.0 && l.height > 0.0) {
        errs.push(format!("bad canvas {} x {}", l.width, l.height));
    }
    if l.boxes.len() != g.nodes.len() {
        errs.push(format!(
            "{} boxes for {} nodes",
            l.boxes.len(),
            g.nodes.len()
        ));
    }
    let corners = |r: &Rect| [Point::new(r.x, r.y), Point::new(r.right(), r.bottom())];
    for b in &l.boxes {
        if corners(&b.rect).iter().any(|p| !inside(*p)) {
            errs.push(format!("box {} outside canvas: {:?}", b.node, b.rect));
        }
        for t in &b.lines {
            if !inside(Point::new(t.x, t.baseline)) {
                errs.push(format!("text of box {} outside canvas", b.node));
            }
        }
    }
    for (i, a) in l.boxes.iter().enumerate() {
        for b in &l.boxes[i + 1..] {
            if a.rect.overlaps(&b.rect, 0.0) {
                errs.push(format!("boxes {} and {} overlap", a.node, b.node));
            }
        }
    }
    for (k, e) in l.edges.iter().enumerate() {
        let name = format!("edge #{k} ({:?} {}→{})", e.edge, e.from, e.to);
        if e.points.len() < 2 {
            errs.push(format!("{name}: fewer than two points"));
            continue;
        }
        for p in e.points.iter().chain(e.arrow.iter().flatten()) {
            if !inside(*p) {
                errs.push(format!("{name}: point {p:?} outside canvas"));
            }
        }
        for w in e.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a.x - b.x).abs() > 0.01 && (a.y - b.y).abs() > 0.01 {
                errs.push(format!("{name}: diagonal segment {a:?}–{b:?}"));
            }
            for bx in &l.boxes {
                if bx.rect.hits_segment(a, b, 0.5) {
                    errs.push(format!(
                        "{name}: segment {a:?}–{b:?} crosses box {}",
                        bx.node
                    ));
                }
            }
        }
        let (from, to) = (&l.boxes[e.from], &l.boxes[e.to]);
        if !on_border(&from.rect, from.kind, e.points[0]) {
            errs.push(format!("{name}: does not start on its source's border"));
        }
        if !on_border(&to.rect, to.kind, *e.points.last().unwrap()) {
            errs.push(format!("{name}: does not end on its target's border"));
        }
        if !e.dashed && e.arrow.is_none() {
            errs.push(format!("{name}: no arrowhead"));
        }
    }
    for (i, a) in l.labels.iter().enumerate() {
        if corners(&a.rect).iter().any(|p| !inside(*p)) {
            errs.push(format!("label of edge {} outside canvas", a.edge));
        }
        for b in &l.boxes {
            if a.rect.overlaps(&b.rect, 0.0) {
                errs.push(format!("label of edge {} overlaps box {}", a.edge, b.node));
            }
        }
        for b in &l.labels[i + 1..] {
            if a.rect.overlaps(&b.rect, 0.0) {
                errs.push(format!("labels of edges {} and {} overlap", a.edge, b.edge));
            }
        }
    }
    for e in drawable_edges(g) {
        let drawn = l.edges.iter().filter(|x| x.edge == Some(e)).count();
        if drawn != 1 {
            errs.push(format!("edge {e} drawn {drawn} times"));
        }
        let labelled = g.edges[e]
            .label
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        let labels = l.labels.iter().filter(|x| x.edge == e).count();
        if labels != usize::from(labelled) {
            errs.push(format!("edge {e} has {labels} labels"));
        }
    }
    errs
}
