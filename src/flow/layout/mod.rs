//! Layered layout of a flowchart at print size (pt), in phases over one layered-graph state.
//!
//! Government procedure charts share one look: a straight main column running down the page,
//! side branches leaving a step or a decision diamond to the left or right (材料不齐全的，
//! 一次性告知; 不符合规定的，予以退回), loop-backs on an outer lane, notes (提交资料：1、…) in
//! dashed boxes joined by a dashed line, rounded boxes for start and end. General layered
//! layouts (Graphviz dot and the Sugiyama crates) let the main column drift, put labels on
//! orthogonal edges and do not measure CJK text, so the layout is our own. Its phases, each in
//! its own module, in the order [`layout`] runs them:
//!
//! 1. [`cycles`]: loops. A depth-first walk in declaration order; edges pointing back up are
//!    loop edges, kept out of ranking.
//! 2. [`ranks`]: longest path from the start; the main column follows the child with the
//!    longest path below it; notes take their box's rank and sit beside it.
//! 3. [`slots`], [`order`]: long edges get placeholder points on the ranks they cross; each
//!    rank is ordered by intended column (a decision's main child in the middle, other branches
//!    alternating right and left) and declaration order, then barycenter sweeps keep a new
//!    order only when it has fewer crossings.
//! 4. [`xpos`]: x by pulling vertices toward their neighbours (placeholder chains weighted up
//!    to ×8, the main column pinned) under order and minimum gaps (weighted isotonic regression
//!    per rank), then chains straightened where the rank leaves room.
//! 5. [`exits`]: decision branches leave from the diamond's left/right corners; loop edges
//!    choose their side and whether they leave or enter a box sideways.
//! 6. [`tracks`]: horizontal runs in the gap between two ranks get separate tracks when they
//!    overlap.
//! 7. [`labels`] (measured) and [`ypos`]: rank height = tallest box; a gap holds its tracks and
//!    room for a label above a box.
//! 8. [`routing`]: edges at right angles (down, across on the track, down).
//! 9. [`labels`] (placed): off boxes, lines and each other.
//! 10. [`lanes`]: loop edges on outer lanes, their labels written vertically.
//! 11. [`hops`]: a line that must cross another edge's run gets a small arc there.
//! 12. [`canvas`]: everything moved inside a margin; title and caption for a standalone chart.
//!
//! Text is measured with the real font's advance widths; steps wrap at about 14 em, diamonds
//! at 7 em (a diamond is twice its text box each way), notes at 16 em. The chart is laid out
//! at the width it will be printed (1:1, sizes in pt) rather than scaled down later.
//!
//! Invalid graphs (dangling edges, missing start, duplicate ids) are laid out as far as they
//! make sense and never panic: what cannot be drawn is skipped.

mod boxes;
mod canvas;
mod cycles;
mod exits;
mod geometry;
mod hops;
mod labels;
mod lanes;
mod order;
mod params;
mod ranks;
mod routing;
mod slots;
mod state;
mod tracks;
mod xpos;
mod ypos;

use super::graph::{FlowGraph, NodeKind};
use super::text::Metrics;

pub use geometry::{Point, Rect};

/// Sizes and limits of a layout; all lengths in pt.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Body text size (the guide's 五号, 10.5 pt).
    pub font_size: f32,
    /// The chart may shrink its text down to this size to fit `max_width`, never below.
    pub min_font_size: f32,
    /// Printed width available; a wider chart first narrows its boxes, then its text.
    pub max_width: Option<f32>,
    /// Lay out the title and caption above the chart (standalone SVG); off in the PDF,
    /// where the document typesets the title.
    pub title: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            font_size: 10.5,
            min_font_size: 9.0,
            // A4 with 25 mm margins.
            max_width: Some(453.0),
            title: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

/// One line of text: `x` is its start or middle (see `anchor`), `baseline` its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x: f32,
    pub baseline: f32,
    pub anchor: Anchor,
}

/// A node's box. `boxes[i]` belongs to `graph.nodes[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxLayout {
    pub node: usize,
    pub kind: NodeKind,
    pub rect: Rect,
    /// Corner radius of start/end boxes (0 for others).
    pub radius: f32,
    pub lines: Vec<TextLine>,
}

/// An edge drawn as an orthogonal polyline from the source's border to the target's border.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeLayout {
    /// Index into `graph.edges`; `None` for a note's connector.
    pub edge: Option<usize>,
    /// Node indices of the two ends.
    pub from: usize,
    pub to: usize,
    pub points: Vec<Point>,
    /// Filled arrowhead: tip (the last point) and the two base corners.
    pub arrow: Option<[Point; 3]>,
    pub dashed: bool,
    /// Drawn on an outer lane back up the chart.
    pub loop_back: bool,
    /// Where a horizontal segment jumps over another edge's vertical line (a small arc).
    pub hops: Vec<Point>,
}

/// An edge label; vertical labels (on loop lanes) hold one character per line.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelLayout {
    pub edge: usize,
    pub rect: Rect,
    pub lines: Vec<TextLine>,
    pub vertical: bool,
}

/// A finished chart, in pt with the origin at the top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub font_size: f32,
    pub label_size: f32,
    pub title_size: f32,
    /// Radius of the arcs in [`EdgeLayout::hops`].
    pub hop_radius: f32,
    pub title: Vec<TextLine>,
    pub caption: Vec<TextLine>,
    /// Titles over the columns of a chart of several procedures (see
    /// [`FlowGraph::column_titles`]), drawn in bold at the box text size; none otherwise.
    pub heads: Vec<TextLine>,
    pub boxes: Vec<BoxLayout>,
    pub edges: Vec<EdgeLayout>,
    pub labels: Vec<LabelLayout>,
    /// Continuation markers (○A) where a chart split across pages is cut; none otherwise.
    pub markers: Vec<Marker>,
}

/// A continuation marker: a circle with a letter, the same letter at both ends of a cut line.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub center: Point,
    pub radius: f32,
    pub letter: String,
}

/// Lays out a chart. When `max_width` is set and the chart is wider, boxes are wrapped narrower,
/// then the text shrinks towards `min_font_size`; the narrowest attempt is returned if none fits.
pub fn layout(graph: &FlowGraph, metrics: &Metrics, opts: &LayoutOptions) -> Layout {
    let fs = opts.font_size.max(1.0);
    let min_fs = opts.min_font_size.clamp(1.0, fs);
    let attempts = [
        (fs, 1.0),
        (fs, 0.8),
        (fs, 0.65),
        ((fs + min_fs) / 2.0, 0.65),
        (min_fs, 0.65),
    ];
    let mut best: Option<Layout> = None;
    for (size, scale) in attempts {
        let l = layout_once(graph, metrics, opts, size, scale);
        match opts.max_width {
            None => return l,
            Some(max) if l.width <= max + 0.01 => return l,
            _ => {}
        }
        if best.as_ref().is_none_or(|b| l.width < b.width) {
            best = Some(l);
        }
    }
    best.expect("at least one attempt")
}

/// One attempt at text size `fs` with wrap widths narrowed by `scale`: the phases in order.
fn layout_once(
    graph: &FlowGraph,
    metrics: &Metrics,
    opts: &LayoutOptions,
    fs: f32,
    scale: f32,
) -> Layout {
    let p = params::Params::new(fs, scale);
    let shapes: Vec<params::Shape> = graph
        .nodes
        .iter()
        .map(|nd| params::measure(nd, metrics, &p))
        .collect();
    let input = state::Input::resolve(graph);
    let cycles = cycles::find_loops(&input);
    let ranks = ranks::assign(&input, &cycles);
    let slots = slots::assign(&input, &cycles, &ranks);
    let mut lg = order::build(&input, &cycles, &ranks, &slots, &shapes);
    order::order(&mut lg, &input, &cycles, &slots);
    xpos::assign(&mut lg, &input, &slots, fs);
    let column_x = ranks.first_root.map(|r| lg.verts[r].x).unwrap_or(0.0);
    exits::assign(&mut lg, &input, column_x, fs);
    let tracks = tracks::assign(&mut lg, fs);
    let label_blocks = labels::measure(&lg, graph, metrics, &p);
    let label_zone = labels::zones(&lg, &label_blocks);
    let rows = ypos::assign(&lg, &tracks, &label_zone, fs);
    let boxes = boxes::place(&lg, &input, &shapes, &rows, &p);
    let mut edges = routing::forward(&lg, &rows, &tracks, &p);
    let segments = routing::segments(&lg, &rows, &edges);
    let rects = routing::box_rects(&boxes);
    let (chain_labels, loop_labels) = label_blocks.split_at(lg.chains.len());
    let mut labels = labels::place(&lg, chain_labels, &edges, &segments, &rects, &p);
    lanes::place(&lg, &rows, loop_labels, &rects, &mut labels, &mut edges, &p);
    hops::mark(&mut edges, p.hop_radius());
    let drawing = canvas::Drawing {
        boxes,
        labels,
        edges,
    };
    canvas::finish(drawing, graph, metrics, opts, &p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::graph::{FlowEdge, FlowNode};

    fn graph(nodes: &[&str], edges: &[(&str, &str)]) -> FlowGraph {
        FlowGraph {
            title: "t".into(),
            caption: Vec::new(),
            nodes: nodes
                .iter()
                .enumerate()
                .map(|(i, id)| FlowNode {
                    id: id.to_string(),
                    kind: if i == 0 {
                        NodeKind::Start
                    } else {
                        NodeKind::Step
                    },
                    text: format!("{id}{id}{id}{id}"),
                    attach: None,
                })
                .collect(),
            edges: edges
                .iter()
                .map(|(a, b)| FlowEdge {
                    from: a.to_string(),
                    to: b.to_string(),
                    label: None,
                })
                .collect(),
        }
    }

    fn hops(g: &FlowGraph) -> usize {
        let l = layout(g, &Metrics::fallback(), &LayoutOptions::default());
        l.edges.iter().map(|e| e.hops.len()).sum()
    }

    /// Every box of the first rank feeds every box of the second (K3,3): no drawing avoids
    /// crossings, so the runs hop over the lines they cross.
    #[test]
    fn a_graph_that_must_cross_gets_hops() {
        let mut edges = vec![("s", "a"), ("s", "b"), ("s", "c")];
        for u in ["a", "b", "c"] {
            for v in ["x", "y", "z"] {
                edges.push((u, v));
            }
        }
        let g = graph(&["s", "a", "b", "c", "x", "y", "z"], &edges);
        assert!(hops(&g) > 0);
    }

    /// A county chart (6-8): a fork to two boxes beside a merge of five into 经办机构办理. Putting the merge's
    /// bus above the fork's avoids every crossing, so nothing hops.
    #[test]
    fn a_graph_that_can_avoid_crossings_gets_no_hop() {
        let nodes = [
            "top", "q", "ok", "nok", "tell", "w", "wl", "wt", "o1", "o2", "o3", "o4", "o5", "off",
            "done",
        ];
        let mut edges = vec![
            ("top", "q"),
            ("q", "ok"),
            ("q", "nok"),
            ("nok", "tell"),
            ("ok", "w"),
            ("w", "wl"),
            ("w", "wt"),
            ("wl", "done"),
            ("wt", "done"),
            ("off", "done"),
        ];
        for o in ["o1", "o2", "o3", "o4", "o5"] {
            edges.push(("ok", o));
            edges.push((o, "off"));
        }
        assert_eq!(hops(&graph(&nodes, &edges)), 0);
        // A plain chain has nothing to cross either.
        let chain = graph(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
        assert_eq!(hops(&chain), 0);
    }

    /// A county chart (6-6): two procedures side by side, one caption line per start box: each line heads
    /// its own column, above its start box, and none is left under the title.
    #[test]
    fn each_procedure_of_a_two_column_chart_gets_its_title_over_its_column() {
        let mut g = graph(
            &["a1", "a2", "b1", "b2", "b3"],
            &[("a1", "a2"), ("b1", "b2"), ("b2", "b3")],
        );
        g.nodes[2].kind = NodeKind::Start;
        g.caption = vec!["出具参保凭证流程图".into(), "转移接续手续办理流程图".into()];
        let opts = LayoutOptions {
            title: true,
            ..LayoutOptions::default()
        };
        let l = layout(&g, &Metrics::fallback(), &opts);
        assert!(l.caption.is_empty());
        for (caption, node) in g.caption.iter().zip([0, 2]) {
            let b = &l.boxes[node].rect;
            // The column's title, wrapped, centred over its start box.
            let lines: Vec<&TextLine> = l
                .heads
                .iter()
                .filter(|h| (h.x - b.cx()).abs() < 1.0)
                .collect();
            let text: String = lines.iter().map(|h| h.text.as_str()).collect();
            assert_eq!(&text, caption);
            for h in lines {
                assert!(h.baseline < b.y && h.baseline > l.title[0].baseline);
            }
        }
        // One caption line for two start boxes: a caption under the title, no column heads.
        g.caption.pop();
        let l = layout(&g, &Metrics::fallback(), &opts);
        assert!(l.heads.is_empty());
        assert_eq!(l.caption.len(), 1);
    }
}
