//! Layered layout of a flowchart at print size (pt), following `docs/flowcharts.md`:
//! loops found by a depth-first walk in declaration order, longest-path ranks, a straight main
//! column along the longest path, notes beside their box, placeholder points for long edges,
//! slot-based order refined by barycenter sweeps, x by weighted pulling under minimum gaps
//! (isotonic regression per rank), orthogonal edges on separate tracks, loop-backs on outer lanes.
//!
//! Invalid graphs (dangling edges, missing start, duplicate ids) are laid out as far as they make
//! sense and never panic: what cannot be drawn is skipped.

use std::collections::HashMap;

use super::graph::{FlowGraph, FlowNode, NodeKind};
use super::text::{Metrics, wrap};

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

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// Axis-aligned rectangle: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn centered(cx: f32, cy: f32, w: f32, h: f32) -> Rect {
        Rect {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn cx(&self) -> f32 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f32 {
        self.y + self.h / 2.0
    }
    /// Whether the interiors overlap once each side is pulled in by `inset`.
    pub fn overlaps(&self, o: &Rect, inset: f32) -> bool {
        self.x + inset < o.right() - inset
            && o.x + inset < self.right() - inset
            && self.y + inset < o.bottom() - inset
            && o.y + inset < self.bottom() - inset
    }
    /// Whether an axis-parallel segment enters the interior shrunk by `inset`.
    pub fn hits_segment(&self, a: Point, b: Point, inset: f32) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        x0 < self.right() - inset
            && x1 > self.x + inset
            && y0 < self.bottom() - inset
            && y1 > self.y + inset
    }
    fn translate(&mut self, dx: f32, dy: f32) {
        self.x += dx;
        self.y += dy;
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
    pub title: Vec<TextLine>,
    pub caption: Vec<TextLine>,
    pub boxes: Vec<BoxLayout>,
    pub edges: Vec<EdgeLayout>,
    pub labels: Vec<LabelLayout>,
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

// ---------------------------------------------------------------------------------------------

/// Derived sizes for one attempt; everything scales with the body text size.
#[derive(Debug, Clone, Copy)]
struct Params {
    fs: f32,
    lh: f32,
    label_fs: f32,
    label_lh: f32,
    scale: f32,
}

impl Params {
    fn new(fs: f32, scale: f32) -> Params {
        // Labels a little smaller than box text, but never under the 9 pt floor.
        let label_fs = (fs * 0.9).max(9.0).min(fs);
        Params {
            fs,
            lh: fs * 1.4,
            label_fs,
            label_lh: label_fs * 1.3,
            scale,
        }
    }
    fn arrow_len(&self) -> f32 {
        0.6 * self.fs
    }
}

struct Shape {
    w: f32,
    h: f32,
    radius: f32,
    lines: Vec<String>,
}

fn measure(node: &FlowNode, m: &Metrics, p: &Params) -> Shape {
    let fs = p.fs;
    // Narrowing to fit the page applies to boxes and notes; a diamond is already narrow.
    let wrap_em = match node.kind {
        NodeKind::Decision => 7.0,
        NodeKind::Note => 16.0 * p.scale,
        _ => 14.0 * p.scale,
    };
    let lines = wrap(&node.text, wrap_em, m);
    let text_w = lines.iter().map(|l| m.text_em(l)).fold(0.0, f32::max) * fs;
    let th = lines.len().max(1) as f32 * p.lh;
    let (w, h, radius) = match node.kind {
        NodeKind::Step => ((text_w + 1.8 * fs).max(3.0 * fs), th + fs, 0.0),
        NodeKind::Start | NodeKind::End => {
            let h = th + fs;
            let r = if lines.len() <= 1 { h / 2.0 } else { 0.8 * fs };
            ((text_w + 1.8 * fs + 0.6 * r).max(3.0 * fs), h, r)
        }
        // The diamond is twice its (padded) text box each way, so the text fits inside.
        NodeKind::Decision => (
            (2.0 * (text_w + 0.6 * fs)).max(5.0 * fs),
            (2.0 * (th + 0.2 * fs)).max(2.6 * fs),
            0.0,
        ),
        NodeKind::Note => ((text_w + 1.4 * fs).max(3.0 * fs), th + fs, 0.0),
    };
    Shape {
        w,
        h,
        radius,
        lines,
    }
}

/// A vertex of the layered graph: a node's box, or a placeholder point of a long edge.
#[derive(Debug, Clone)]
struct Vertex {
    node: Option<usize>,
    rank: usize,
    w: f32,
    h: f32,
    /// Intended column: 0 for the main column, ± for branches; orders a rank at first.
    slot: f32,
    /// Tie-break within equal slots: declaration order.
    key: f32,
    main: bool,
    /// For a note: the vertex it explains.
    note_of: Option<usize>,
    x: f32,
}

/// A forward edge through its placeholder points: `items[0]` is the source, last the target.
struct Chain {
    edge: usize,
    /// Index into the resolved edge list.
    le: usize,
    items: Vec<usize>,
    /// Which corner of a decision the edge leaves from (-1 left, +1 right), if any.
    corner: Option<f32>,
}

/// A loop-back edge, drawn on an outer lane.
struct LoopEdge {
    edge: usize,
    from: usize,
    to: usize,
    side: f32,
    side_exit: bool,
    side_entry: bool,
    exit_track: Option<usize>,
    entry_track: Option<usize>,
}

/// A horizontal run between two ranks, waiting for a track.
struct Run {
    gap: usize,
    lo: f32,
    hi: f32,
    key: BusKey,
    target: RunTarget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum BusKey {
    /// Runs fanning out of one vertex share a track.
    Fork(usize),
    /// Runs gathering into one vertex share a track.
    Merge(usize),
    /// A loop's run to its lane has a track of its own.
    Loop(usize, bool),
}

#[derive(Debug, Clone, Copy)]
enum RunTarget {
    Segment(usize, usize),
    LoopExit(usize),
    LoopEntry(usize),
}

const BIG: f32 = 1.0e5;

#[allow(clippy::too_many_lines)]
fn layout_once(
    graph: &FlowGraph,
    metrics: &Metrics,
    opts: &LayoutOptions,
    fs: f32,
    scale: f32,
) -> Layout {
    let p = Params::new(fs, scale);
    let n = graph.nodes.len();
    let shapes: Vec<Shape> = graph
        .nodes
        .iter()
        .map(|nd| measure(nd, metrics, &p))
        .collect();

    // --- resolve ids (first occurrence wins), notes, edges ------------------------------------
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        index.entry(node.id.as_str()).or_insert(i);
    }
    let attached: Vec<Option<usize>> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let t = *index.get(node.attach.as_deref()?)?;
            (node.kind == NodeKind::Note && t != i && graph.nodes[t].kind != NodeKind::Note)
                .then_some(t)
        })
        .collect();
    let is_flow = |i: usize| attached[i].is_none();
    // (graph edge, from, to); dangling, note, self and repeated edges are skipped.
    let mut edges: Vec<(usize, usize, usize)> = Vec::new();
    for (e, edge) in graph.edges.iter().enumerate() {
        let (Some(&a), Some(&b)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str()))
        else {
            continue;
        };
        if a == b || !is_flow(a) || !is_flow(b) || edges.iter().any(|&(_, x, y)| x == a && y == b) {
            continue;
        }
        edges.push((e, a, b));
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for (le, &(_, a, b)) in edges.iter().enumerate() {
        out[a].push(le);
        indeg[b] += 1;
    }

    // --- 1. loops: depth-first in declaration order; edges back onto the stack are loops -----
    let flow_nodes: Vec<usize> = (0..n).filter(|&i| is_flow(i)).collect();
    let mut roots: Vec<usize> = flow_nodes
        .iter()
        .copied()
        .filter(|&i| graph.nodes[i].kind == NodeKind::Start)
        .collect();
    roots.extend(flow_nodes.iter().copied().filter(|&i| indeg[i] == 0));
    roots.extend(flow_nodes.iter().copied());
    let mut state = vec![0u8; n];
    let mut finish: Vec<usize> = Vec::new();
    let mut is_loop = vec![false; edges.len()];
    for &root in &roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let (u, k) = *top;
            if k < out[u].len() {
                top.1 += 1;
                let le = out[u][k];
                let v = edges[le].2;
                match state[v] {
                    0 => {
                        state[v] = 1;
                        stack.push((v, 0));
                    }
                    1 => is_loop[le] = true,
                    _ => {}
                }
            } else {
                state[u] = 2;
                finish.push(u);
                stack.pop();
            }
        }
    }
    let topo: Vec<usize> = finish.iter().rev().copied().collect();
    let fwd = |u: usize| out[u].iter().copied().filter(|&le| !is_loop[le]);

    // --- 2. ranks: longest path from the top; heights: longest path below --------------------
    let mut rank = vec![0usize; n];
    for &u in &topo {
        for le in fwd(u) {
            let v = edges[le].2;
            rank[v] = rank[v].max(rank[u] + 1);
        }
    }
    let mut below = vec![0usize; n];
    for &u in &finish {
        for le in fwd(u) {
            below[u] = below[u].max(below[edges[le].2] + 1);
        }
    }
    for i in 0..n {
        if let Some(t) = attached[i] {
            rank[i] = rank[t];
        }
    }

    // Main column: from the first start, follow the child with the longest path below; where
    // equally long branches fork, the column resumes at the node where they meet again.
    let mut main = vec![false; n];
    let mut main_next: Vec<Option<usize>> = vec![None; n];
    let first_root = roots.first().copied();
    if let Some(root) = first_root {
        let mut cur = root;
        main[cur] = true;
        loop {
            let kids: Vec<usize> = fwd(cur).map(|le| edges[le].2).collect();
            let Some(best) = kids.iter().map(|&k| below[k]).max() else {
                break;
            };
            let tied: Vec<usize> = kids.iter().copied().filter(|&k| below[k] == best).collect();
            let next = if tied.len() == 1 {
                main_next[cur] = Some(tied[0]);
                tied[0]
            } else {
                // Equal columns that never meet again: the fork stays centred above them. Equal
                // leaves (办结 beside 予以退回): the first declared continues the column.
                match meeting_point(&tied, &edges, &out, &is_loop, &rank, n) {
                    Some(m) => m,
                    None if best == 0 => {
                        main_next[cur] = Some(tied[0]);
                        tied[0]
                    }
                    None => break,
                }
            };
            if main[next] {
                break;
            }
            main[next] = true;
            cur = next;
        }
    }

    // --- slots: main column 0, branches alternate right/left, outward first -----------------
    let mut slot = vec![f32::NAN; n];
    let mut proposals: Vec<(f32, f32)> = vec![(0.0, 0.0); n];
    let mut edge_slot = vec![0.0f32; edges.len()];
    let mut far_right = 0.0f32;
    for &u in &topo {
        if main[u] {
            slot[u] = 0.0;
        } else if proposals[u].1 > 0.0 {
            slot[u] = proposals[u].0 / proposals[u].1;
        } else {
            slot[u] = far_right + 2.0;
        }
        far_right = far_right.max(slot[u]);
        let kids: Vec<usize> = fwd(u).collect();
        if kids.is_empty() {
            continue;
        }
        let best = kids.iter().map(|&le| below[edges[le].2]).max().unwrap_or(0);
        let continuing: Option<usize> = if main[u] {
            main_next[u]
        } else {
            kids.iter()
                .map(|&le| edges[le].2)
                .find(|&k| below[k] == best)
        };
        // A fork of equally long branches around the column: spread symmetrically.
        let tied: Vec<usize> = if main[u] && continuing.is_none() {
            kids.iter()
                .copied()
                .filter(|&le| below[edges[le].2] == best)
                .collect()
        } else {
            Vec::new()
        };
        let outward = if slot[u] < -0.01 { -1.0 } else { 1.0 };
        let base = tied.len() as f32 / 2.0;
        let mut j = 0usize;
        for &le in &kids {
            let v = edges[le].2;
            let s = if Some(v) == continuing {
                slot[u]
            } else if let Some(t) = tied.iter().position(|&x| x == le) {
                slot[u] + t as f32 - (tied.len() as f32 - 1.0) / 2.0
            } else {
                let side = if j.is_multiple_of(2) {
                    outward
                } else {
                    -outward
                };
                let mag = base + (j / 2) as f32 + 1.0;
                j += 1;
                slot[u] + side * mag
            };
            edge_slot[le] = s;
            if !main[v] {
                proposals[v].0 += s;
                proposals[v].1 += 1.0;
            }
        }
    }
    for s in &mut slot {
        if s.is_nan() {
            *s = 0.0;
        }
    }

    // --- vertices and chains (3. placeholders for long edges) -------------------------------
    let mut verts: Vec<Vertex> = (0..n)
        .map(|i| Vertex {
            node: Some(i),
            rank: rank[i],
            w: shapes[i].w,
            h: shapes[i].h,
            slot: slot[i],
            key: i as f32,
            main: main[i],
            note_of: attached[i],
            x: 0.0,
        })
        .collect();
    let mut chains: Vec<Chain> = Vec::new();
    let mut loops: Vec<LoopEdge> = Vec::new();
    for (le, &(e, a, b)) in edges.iter().enumerate() {
        if is_loop[le] {
            loops.push(LoopEdge {
                edge: e,
                from: a,
                to: b,
                side: 1.0,
                side_exit: false,
                side_entry: false,
                exit_track: None,
                entry_track: None,
            });
            continue;
        }
        let mut items = vec![a];
        for r in rank[a] + 1..rank[b] {
            verts.push(Vertex {
                node: None,
                rank: r,
                w: 0.0,
                h: 0.0,
                slot: edge_slot[le],
                key: a as f32 + 0.5,
                main: false,
                note_of: None,
                x: 0.0,
            });
            items.push(verts.len() - 1);
        }
        items.push(b);
        chains.push(Chain {
            edge: e,
            le,
            items,
            corner: None,
        });
    }
    let nv = verts.len();
    let ranks = verts.iter().map(|v| v.rank + 1).max().unwrap_or(0);
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); nv];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); nv];
    for c in &chains {
        for w in c.items.windows(2) {
            down[w[0]].push(w[1]);
            up[w[1]].push(w[0]);
        }
    }

    // --- 4. order within ranks ---------------------------------------------------------------
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); ranks];
    for (v, vx) in verts.iter().enumerate() {
        if vx.note_of.is_none() {
            layers[vx.rank].push(v);
        }
    }
    for layer in &mut layers {
        layer.sort_by(|&a, &b| {
            (verts[a].slot, verts[a].key)
                .partial_cmp(&(verts[b].slot, verts[b].key))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    reduce_crossings(&mut layers, &up, &down, nv);
    insert_notes(&mut layers, &verts, &edge_slot, &edges, &is_loop, graph);
    let mut pos = vec![0usize; nv];
    for layer in &layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }

    // --- 5. x positions ----------------------------------------------------------------------
    struct Link {
        a: usize,
        b: usize,
        w: f32,
        off: f32,
        /// The edge continues its source's column (or runs between placeholders).
        cont: bool,
    }
    let mut links: Vec<Link> = Vec::new();
    for c in &chains {
        for (k, w) in c.items.windows(2).enumerate() {
            let (a, b) = (w[0], w[1]);
            let dummies =
                usize::from(verts[a].node.is_none()) + usize::from(verts[b].node.is_none());
            let weight = [1.0, 2.0, 8.0][dummies];
            let mut off = 0.0;
            // A decision's branch is pulled beyond the diamond's corner it will leave from.
            if k == 0 && graph.nodes[a].kind == NodeKind::Decision {
                let s = edge_slot[c.le] - slot[a];
                if s.abs() > 0.01 {
                    off = s.signum() * (verts[a].w / 2.0 + 1.2 * fs);
                }
            }
            let cont = if k == 0 {
                (edge_slot[c.le] - slot[a]).abs() < 0.01
            } else {
                dummies == 2
            };
            links.push(Link {
                a,
                b,
                w: weight,
                off,
                cont,
            });
        }
    }
    let note_gap = 2.5 * fs;
    let sep = |a: &Vertex, b: &Vertex, ia: usize, ib: usize| -> f32 {
        let base = match (a.node.is_some(), b.node.is_some()) {
            (true, true) if a.note_of == Some(ib) || b.note_of == Some(ia) => note_gap,
            (true, true) => 2.0 * fs,
            (false, false) => 0.8 * fs,
            _ => 1.2 * fs,
        };
        (a.w + b.w) / 2.0 + base
    };
    for layer in &layers {
        for &v in layer {
            verts[v].x = verts[v].slot * 6.0 * fs;
        }
    }
    for v in 0..nv {
        if let Some(t) = verts[v].note_of {
            let side = if pos[v] < pos[t] { -1.0 } else { 1.0 };
            verts[v].x = verts[t].x + side * ((verts[t].w + verts[v].w) / 2.0 + note_gap);
        }
    }
    let mut incident: Vec<Vec<(usize, f32, f32, bool)>> = vec![Vec::new(); nv];
    for l in &links {
        incident[l.b].push((l.a, l.w, l.off, l.cont));
        incident[l.a].push((l.b, l.w, -l.off, l.cont));
    }
    let project_layer =
        |verts: &mut Vec<Vertex>, layer: &[usize], desired: &[f32], weights: &[f32]| {
            let gaps: Vec<f32> = layer
                .windows(2)
                .map(|w| sep(&verts[w[0]], &verts[w[1]], w[0], w[1]))
                .collect();
            let xs = isotonic(desired, weights, &gaps);
            for (&v, x) in layer.iter().zip(xs) {
                verts[v].x = x;
            }
        };
    for layer in &layers {
        let desired: Vec<f32> = layer.iter().map(|&v| verts[v].x).collect();
        let weights = vec![1.0; layer.len()];
        project_layer(&mut verts, layer, &desired, &weights);
    }
    for it in 0..16 {
        let order: Vec<usize> = if it % 2 == 0 {
            (0..ranks).collect()
        } else {
            (0..ranks).rev().collect()
        };
        for r in order {
            let layer = &layers[r];
            let mut desired = Vec::with_capacity(layer.len());
            let mut weights = Vec::with_capacity(layer.len());
            for &v in layer {
                let (mut sx, mut sw) = (0.0f32, 0.0f32);
                for &(o, w, off, _) in &incident[v] {
                    sx += w * (verts[o].x + off);
                    sw += w;
                }
                if verts[v].main {
                    // Pinned: the main column stays at x = 0.
                    sx = 0.0;
                    sw = 1.0e6;
                }
                if let Some(t) = verts[v].note_of {
                    let side = if pos[v] < pos[t] { -1.0 } else { 1.0 };
                    sx += 4.0 * (verts[t].x + side * ((verts[t].w + verts[v].w) / 2.0 + note_gap));
                    sw += 4.0;
                }
                if sw > 0.0 {
                    desired.push(sx / sw);
                    weights.push(sw);
                } else {
                    desired.push(verts[v].x);
                    weights.push(1e-3);
                }
            }
            project_layer(&mut verts, layer, &desired, &weights);
        }
    }
    // Straighten: a box or placeholder moves into line with its neighbour above (or below) when
    // they are joined one-to-one, when the edge continues a column, or when they are within 2 pt,
    // provided the rank leaves room. A box moves together with its notes.
    for _ in 0..2 {
        for downward in [true, false] {
            let order: Vec<usize> = if downward {
                (0..ranks).collect()
            } else {
                (0..ranks).rev().collect()
            };
            for r in order {
                for i in 0..layers[r].len() {
                    let v = layers[r][i];
                    if verts[v].main || verts[v].note_of.is_some() {
                        continue;
                    }
                    let layer = &layers[r];
                    // The group: v with its notes, which sit right beside it.
                    let mut first = i;
                    while first > 0 && verts[layer[first - 1]].note_of == Some(v) {
                        first -= 1;
                    }
                    let mut last = i;
                    while last + 1 < layer.len() && verts[layer[last + 1]].note_of == Some(v) {
                        last += 1;
                    }
                    let (d_lo, d_hi) = room(layer, first, last, &verts, &sep);
                    let (nbrs, other) = if downward {
                        (&up[v], &down)
                    } else {
                        (&down[v], &up)
                    };
                    let one_to_one = nbrs.len() == 1 && other[nbrs[0]].len() == 1;
                    for &o in nbrs {
                        let Some(&(_, _, off, cont)) = incident[v].iter().find(|l| l.0 == o) else {
                            continue;
                        };
                        let delta = verts[o].x + off - verts[v].x;
                        let wanted = one_to_one || cont || delta.abs() < 2.0;
                        if wanted && delta >= d_lo - 0.01 && delta <= d_hi + 0.01 {
                            for &m in &layer[first..=last] {
                                verts[m].x += delta;
                            }
                            break;
                        }
                    }
                }
            }
        }
    }
    // Notes may have room to sit closer after the straightening.
    for layer in &layers {
        for (i, &v) in layer.iter().enumerate() {
            let Some(t) = verts[v].note_of else { continue };
            let side = if pos[v] < pos[t] { -1.0 } else { 1.0 };
            let want = verts[t].x + side * ((verts[t].w + verts[v].w) / 2.0 + note_gap);
            let (d_lo, d_hi) = room(layer, i, i, &verts, &sep);
            let (lo, hi) = (verts[v].x + d_lo, verts[v].x + d_hi);
            if lo <= hi {
                verts[v].x = want.clamp(lo, hi);
            }
        }
    }
    let column_x = first_root.map(|r| verts[r].x).unwrap_or(0.0);

    // --- 7a. exits: decision corners, loop sides ----------------------------------------------
    let real_in_layer = |r: usize| {
        layers[r]
            .iter()
            .copied()
            .filter(|&v| verts[v].node.is_some())
    };
    let blocked = |r: usize, me: usize, x0: f32, x1: f32| {
        let (lo, hi) = (x0.min(x1), x0.max(x1));
        real_in_layer(r).any(|v| {
            v != me
                && verts[v].x - verts[v].w / 2.0 < hi + 2.0
                && verts[v].x + verts[v].w / 2.0 > lo - 2.0
        })
    };
    let mut corner_used: Vec<[bool; 2]> = vec![[false; 2]; n];
    for u in 0..n {
        if graph.nodes[u].kind != NodeKind::Decision || !is_flow(u) {
            continue;
        }
        for side in [-1.0f32, 1.0] {
            let half = verts[u].w / 2.0;
            let best = chains
                .iter()
                .enumerate()
                .filter(|(_, c)| c.items[0] == u)
                .filter(|(_, c)| {
                    let dx = verts[c.items[1]].x - verts[u].x;
                    dx * side > half + 0.5 * fs
                })
                .min_by(|(_, a), (_, b)| {
                    let da = (verts[a.items[1]].x - verts[u].x).abs();
                    let db = (verts[b.items[1]].x - verts[u].x).abs();
                    da.partial_cmp(&db).unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|(ci, _)| ci);
            if let Some(ci) = best {
                let bx = verts[chains[ci].items[1]].x;
                if !blocked(verts[u].rank, u, verts[u].x + side * half, bx) {
                    chains[ci].corner = Some(side);
                    corner_used[u][usize::from(side > 0.0)] = true;
                }
            }
        }
    }
    for lp in &mut loops {
        let (s, t) = (lp.from, lp.to);
        lp.side = if verts[s].x < column_x - 1.0 {
            -1.0
        } else {
            1.0
        };
        let side = lp.side;
        let free_side = |v: usize| {
            let edge_x = verts[v].x + side * verts[v].w / 2.0;
            let corner_taken = graph.nodes[v].kind == NodeKind::Decision
                && corner_used[v][usize::from(side > 0.0)];
            !corner_taken && !blocked(verts[v].rank, v, edge_x, side * BIG)
        };
        lp.side_exit = free_side(s);
        lp.side_entry = free_side(t);
    }

    // --- 7b. tracks for horizontal runs in the gaps between ranks -----------------------------
    // Gap g lies above rank g; gap `ranks` below the last rank.
    let mut runs: Vec<Run> = Vec::new();
    let mut fork_count: HashMap<(usize, usize), usize> = HashMap::new();
    for c in &chains {
        for (k, w) in c.items.windows(2).enumerate() {
            if k == 0 && c.corner.is_some() {
                continue;
            }
            let (a, b) = (w[0], w[1]);
            if (verts[a].x - verts[b].x).abs() > 0.01 {
                *fork_count.entry((verts[b].rank, a)).or_insert(0) += 1;
            }
        }
    }
    for c in &chains {
        for (k, w) in c.items.windows(2).enumerate() {
            if k == 0 && c.corner.is_some() {
                continue;
            }
            let (a, b) = (w[0], w[1]);
            let (xa, xb) = (verts[a].x, verts[b].x);
            if (xa - xb).abs() <= 0.01 {
                continue;
            }
            let gap = verts[b].rank;
            let key = if fork_count.get(&(gap, a)).copied().unwrap_or(0) > 1 {
                BusKey::Fork(a)
            } else {
                BusKey::Merge(b)
            };
            runs.push(Run {
                gap,
                lo: xa.min(xb),
                hi: xa.max(xb),
                key,
                target: RunTarget::Segment(a, b),
            });
        }
    }
    for (li, lp) in loops.iter().enumerate() {
        let reach = |x: f32| if lp.side > 0.0 { (x, BIG) } else { (-BIG, x) };
        if !lp.side_exit {
            let (lo, hi) = reach(verts[lp.from].x);
            runs.push(Run {
                gap: verts[lp.from].rank + 1,
                lo,
                hi,
                key: BusKey::Loop(li, false),
                target: RunTarget::LoopExit(li),
            });
        }
        if !lp.side_entry {
            let (lo, hi) = reach(verts[lp.to].x);
            runs.push(Run {
                gap: verts[lp.to].rank,
                lo,
                hi,
                key: BusKey::Loop(li, true),
                target: RunTarget::LoopEntry(li),
            });
        }
    }
    let mut track_count = vec![0usize; ranks + 1];
    let mut seg_track: HashMap<(usize, usize), usize> = HashMap::new();
    for (gap, count) in track_count.iter_mut().enumerate() {
        // Buses: runs with the same key, in a fixed order (forks above merges above loops).
        let mut buses: Vec<(BusKey, f32, f32, Vec<usize>)> = Vec::new();
        for (ri, run) in runs.iter().enumerate().filter(|(_, r)| r.gap == gap) {
            match buses.iter_mut().find(|b| b.0 == run.key) {
                Some(b) => {
                    b.1 = b.1.min(run.lo);
                    b.2 = b.2.max(run.hi);
                    b.3.push(ri);
                }
                None => buses.push((run.key, run.lo, run.hi, vec![ri])),
            }
        }
        buses.sort_by(|a, b| {
            let cat = |k: &BusKey| match k {
                BusKey::Fork(_) => 0,
                BusKey::Merge(_) => 1,
                BusKey::Loop(..) => 2,
            };
            (cat(&a.0), a.1, a.0)
                .partial_cmp(&(cat(&b.0), b.1, b.0))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut tracks: Vec<Vec<(f32, f32)>> = Vec::new();
        for (_, lo, hi, members) in &buses {
            let margin = 0.6 * fs;
            let t = tracks
                .iter()
                .position(|t| t.iter().all(|&(a, b)| *hi + margin < a || *lo - margin > b))
                .unwrap_or_else(|| {
                    tracks.push(Vec::new());
                    tracks.len() - 1
                });
            tracks[t].push((*lo, *hi));
            for &ri in members {
                match runs[ri].target {
                    RunTarget::Segment(a, b) => {
                        seg_track.insert((a, b), t);
                    }
                    RunTarget::LoopExit(li) => loops[li].exit_track = Some(t),
                    RunTarget::LoopEntry(li) => loops[li].entry_track = Some(t),
                }
            }
        }
        *count = tracks.len();
    }

    // Labels: measured now; those that will sit beside a final vertical get room in the gap.
    let label_blocks: Vec<Option<(Vec<String>, f32, f32)>> = chains
        .iter()
        .map(|c| c.edge)
        .chain(loops.iter().map(|l| l.edge))
        .map(|e| {
            let text = graph.edges[e].label.as_deref()?.trim();
            if text.is_empty() {
                return None;
            }
            let lines = wrap(text, 8.0, metrics);
            let w = lines.iter().map(|l| metrics.text_em(l)).fold(0.0, f32::max) * p.label_fs
                + 0.3 * fs;
            let h = lines.len() as f32 * p.label_lh;
            Some((lines, w, h))
        })
        .collect();
    let mut label_zone = vec![0.0f32; ranks + 1];
    for (ci, c) in chains.iter().enumerate() {
        if let (Some((_, _, h)), None) = (&label_blocks[ci], c.corner) {
            let g = verts[c.items[c.items.len() - 1]].rank;
            label_zone[g] = label_zone[g].max(*h);
        }
    }

    // --- 6. y positions ----------------------------------------------------------------------
    let pad_top = 0.9 * fs;
    let track_sp = 0.6 * fs;
    let pad_bottom = 0.9 * fs;
    let gap_min = 2.2 * fs;
    let mut gap_top = vec![0.0f32; ranks + 1];
    let mut layer_top = vec![0.0f32; ranks];
    let mut layer_h = vec![0.0f32; ranks];
    for (r, layer) in layers.iter().enumerate() {
        layer_h[r] = layer.iter().map(|&v| verts[v].h).fold(0.0, f32::max);
    }
    let mut y = 0.0f32;
    for g in 0..=ranks {
        gap_top[g] = y;
        let tracks = track_count[g];
        let mut content = 0.0;
        if tracks > 0 {
            content += pad_top + (tracks - 1) as f32 * track_sp;
        }
        if label_zone[g] > 0.0 {
            content += label_zone[g] + 0.5 * fs;
        }
        let h = if g == 0 || g == ranks {
            if content > 0.0 {
                content + pad_bottom
            } else {
                0.0
            }
        } else {
            gap_min.max(content + pad_bottom)
        };
        y += h;
        if g < ranks {
            layer_top[g] = y;
            y += layer_h[g];
        }
    }
    let cy = |v: &Vertex| layer_top[v.rank] + layer_h[v.rank] / 2.0;
    let track_y = |gap: usize, t: usize| gap_top[gap] + pad_top + t as f32 * track_sp;

    // Boxes.
    let mut boxes: Vec<BoxLayout> = (0..n)
        .map(|i| {
            let v = &verts[i];
            let rect = Rect::centered(v.x, cy(v), v.w, v.h);
            let shape = &shapes[i];
            let first_center = rect.cy() - (shape.lines.len() as f32 - 1.0) * p.lh / 2.0;
            let note = graph.nodes[i].kind == NodeKind::Note;
            let lines = shape
                .lines
                .iter()
                .enumerate()
                .map(|(k, text)| TextLine {
                    text: text.clone(),
                    x: if note { rect.x + 0.7 * fs } else { rect.cx() },
                    baseline: first_center + k as f32 * p.lh + 0.38 * fs,
                    anchor: if note { Anchor::Start } else { Anchor::Middle },
                })
                .collect();
            BoxLayout {
                node: i,
                kind: graph.nodes[i].kind,
                rect,
                radius: shape.radius,
                lines,
            }
        })
        .collect();

    // --- 7c. route forward edges ---------------------------------------------------------------
    let mut out_edges: Vec<EdgeLayout> = Vec::new();
    for c in &chains {
        let a = c.items[0];
        let last = c.items[c.items.len() - 1];
        let mut pts: Vec<Point> = Vec::new();
        let mut cur_x;
        if let Some(side) = c.corner {
            let b = c.items[1];
            pts.push(Point::new(
                verts[a].x + side * verts[a].w / 2.0,
                cy(&verts[a]),
            ));
            pts.push(Point::new(verts[b].x, cy(&verts[a])));
            cur_x = verts[b].x;
        } else {
            pts.push(Point::new(verts[a].x, cy(&verts[a]) + verts[a].h / 2.0));
            cur_x = verts[a].x;
        }
        for (k, w) in c.items.windows(2).enumerate() {
            let (pa, q) = (w[0], w[1]);
            if !(k == 0 && c.corner.is_some()) && (verts[q].x - cur_x).abs() > 0.01 {
                let t = seg_track.get(&(pa, q)).copied().unwrap_or(0);
                let ty = track_y(verts[q].rank, t);
                pts.push(Point::new(cur_x, ty));
                pts.push(Point::new(verts[q].x, ty));
                cur_x = verts[q].x;
            }
            if q == last {
                pts.push(Point::new(verts[q].x, cy(&verts[q]) - verts[q].h / 2.0));
            }
        }
        let pts = simplify(pts);
        out_edges.push(EdgeLayout {
            edge: Some(c.edge),
            from: a,
            to: last,
            arrow: arrowhead(&pts, &p),
            points: pts,
            dashed: false,
            loop_back: false,
        });
    }
    // Note connectors: dashed, from the note's side to its box's side at the box's middle.
    for v in 0..n {
        let Some(t) = verts[v].note_of else { continue };
        let side = if verts[v].x < verts[t].x { 1.0 } else { -1.0 };
        let yy = cy(&verts[t]);
        let pts = vec![
            Point::new(verts[v].x + side * verts[v].w / 2.0, yy),
            Point::new(verts[t].x - side * verts[t].w / 2.0, yy),
        ];
        out_edges.push(EdgeLayout {
            edge: None,
            from: v,
            to: t,
            points: pts,
            arrow: None,
            dashed: true,
            loop_back: false,
        });
    }
    // Loops, with the lane still far away: their runs must be avoided by labels.
    let loop_route = |lp: &LoopEdge, lane: f32| -> Vec<Point> {
        let (s, t) = (&verts[lp.from], &verts[lp.to]);
        let mut pts = Vec::new();
        if lp.side_exit {
            pts.push(Point::new(s.x + lp.side * s.w / 2.0, cy(s)));
            pts.push(Point::new(lane, cy(s)));
        } else {
            let ty = track_y(s.rank + 1, lp.exit_track.unwrap_or(0));
            pts.push(Point::new(s.x, cy(s) + s.h / 2.0));
            pts.push(Point::new(s.x, ty));
            pts.push(Point::new(lane, ty));
        }
        if lp.side_entry {
            pts.push(Point::new(lane, cy(t)));
            pts.push(Point::new(t.x + lp.side * t.w / 2.0, cy(t)));
        } else {
            let ty = track_y(t.rank, lp.entry_track.unwrap_or(0));
            pts.push(Point::new(lane, ty));
            pts.push(Point::new(t.x, ty));
            pts.push(Point::new(t.x, cy(t) - t.h / 2.0));
        }
        simplify(pts)
    };

    // --- 7d. labels off boxes, lines and each other ----------------------------------------------
    let mut segments: Vec<(Point, Point)> = Vec::new();
    for e in &out_edges {
        segments.extend(e.points.windows(2).map(|w| (w[0], w[1])));
    }
    for lp in &loops {
        let pts = loop_route(lp, lp.side * BIG);
        segments.extend(pts.windows(2).map(|w| (w[0], w[1])));
    }
    let rects: Vec<Rect> = boxes.iter().map(|b| b.rect).collect();
    let mut labels: Vec<LabelLayout> = Vec::new();
    for (ci, c) in chains.iter().enumerate() {
        let Some((lines, w, h)) = &label_blocks[ci] else {
            continue;
        };
        let (w, h) = (*w, *h);
        let pts = &out_edges[ci].points;
        let gapx = 0.3 * fs;
        let mut cands: Vec<Rect> = Vec::new();
        if let Some(side) = c.corner {
            let (p0, p1) = (pts[0], pts[1]);
            let x = if side > 0.0 {
                p0.x + gapx
            } else {
                p0.x - gapx - w
            };
            cands.push(Rect {
                x,
                y: p0.y - 0.15 * fs - h,
                w,
                h,
            });
            // Below the run only if it clears the drop to the target.
            if (p1.x - p0.x).abs() > w + 2.0 * gapx {
                cands.push(Rect {
                    x,
                    y: p0.y + 0.15 * fs,
                    w,
                    h,
                });
            }
        }
        let k = pts.len();
        if k >= 2 {
            // Beside the final vertical, just above the target; then higher up; then left.
            let (a, b) = (pts[k - 2], pts[k - 1]);
            if (a.x - b.x).abs() < 0.01 {
                let y_low = b.y - p.arrow_len() * 0.5 - h;
                let y_high = a.y + 0.2 * fs;
                for yy in [y_low, (y_low + y_high) / 2.0, y_high] {
                    cands.push(Rect {
                        x: b.x + gapx,
                        y: yy,
                        w,
                        h,
                    });
                    cands.push(Rect {
                        x: b.x - gapx - w,
                        y: yy,
                        w,
                        h,
                    });
                }
            }
            // Beside the first vertical, just below the source.
            let (a, b) = (pts[0], pts[1]);
            if (a.x - b.x).abs() < 0.01 && b.y > a.y {
                cands.push(Rect {
                    x: a.x + gapx,
                    y: a.y + 0.2 * fs,
                    w,
                    h,
                });
                cands.push(Rect {
                    x: a.x - gapx - w,
                    y: a.y + 0.2 * fs,
                    w,
                    h,
                });
            }
            // Above or below horizontal runs.
            for wdw in pts.windows(2) {
                let (a, b) = (wdw[0], wdw[1]);
                if (a.y - b.y).abs() < 0.01 {
                    let mx = (a.x + b.x) / 2.0;
                    cands.push(Rect {
                        x: mx - w / 2.0,
                        y: a.y - 0.15 * fs - h,
                        w,
                        h,
                    });
                    cands.push(Rect {
                        x: mx - w / 2.0,
                        y: a.y + 0.15 * fs,
                        w,
                        h,
                    });
                }
            }
        }
        if cands.is_empty() {
            let a = pts.first().copied().unwrap_or(Point::new(0.0, 0.0));
            cands.push(Rect {
                x: a.x + gapx,
                y: a.y,
                w,
                h,
            });
        }
        let cost = |r: &Rect| -> f32 {
            let boxes_hit = rects.iter().filter(|b| b.overlaps(r, -1.0)).count() as f32;
            let labels_hit = labels.iter().filter(|l| l.rect.overlaps(r, -1.0)).count() as f32;
            let lines_hit = segments
                .iter()
                .filter(|(a, b)| r.hits_segment(*a, *b, -0.5))
                .count() as f32;
            1000.0 * boxes_hit + 1000.0 * labels_hit + 10.0 * lines_hit
        };
        let mut best = (f32::INFINITY, cands[0]);
        for (i, r) in cands.iter().enumerate() {
            let score = cost(r) + i as f32 * 0.01;
            if score < best.0 {
                best = (score, *r);
            }
            if score < 1.0 {
                break;
            }
        }
        labels.push(label_layout(c.edge, best.1, lines, false, &p));
    }

    // --- 7e. loop lanes outside everything, labels written vertically --------------------------
    let mut right_ext = f32::NEG_INFINITY;
    let mut left_ext = f32::INFINITY;
    for r in &rects {
        right_ext = right_ext.max(r.right());
        left_ext = left_ext.min(r.x);
    }
    for l in &labels {
        right_ext = right_ext.max(l.rect.right());
        left_ext = left_ext.min(l.rect.x);
    }
    for e in &out_edges {
        for q in &e.points {
            right_ext = right_ext.max(q.x);
            left_ext = left_ext.min(q.x);
        }
    }
    let mut order: Vec<usize> = (0..loops.len()).collect();
    order.sort_by_key(|&li| (verts[loops[li].from].rank - verts[loops[li].to].rank, li));
    let mut lane_edge = [left_ext, right_ext];
    for li in order {
        let lp = &loops[li];
        let si = usize::from(lp.side > 0.0);
        let lane = lane_edge[si] + lp.side * 1.5 * fs;
        let pts = loop_route(lp, lane);
        let mut reach = lane;
        // The label sits outside its lane, centred on the lane's vertical stretch.
        if let Some((text, _, _)) = label_blocks[chains.len() + li].as_ref() {
            let chars: Vec<String> = text
                .concat()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| c.to_string())
                .collect();
            let w = p.label_fs + 0.3 * fs;
            let h = chars.len() as f32 * p.label_fs * 1.1;
            let lane_pts: Vec<&Point> = pts.iter().filter(|q| (q.x - lane).abs() < 0.01).collect();
            let (y0, y1) = lane_pts
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), q| {
                    (a.min(q.y), b.max(q.y))
                });
            let mid = if y0.is_finite() { (y0 + y1) / 2.0 } else { 0.0 };
            let x = if lp.side > 0.0 {
                lane + 0.25 * fs
            } else {
                lane - 0.25 * fs - w
            };
            let rect = Rect {
                x,
                y: mid - h / 2.0,
                w,
                h,
            };
            reach = if lp.side > 0.0 { rect.right() } else { rect.x };
            labels.push(label_layout(lp.edge, rect, &chars, true, &p));
        }
        lane_edge[si] = reach;
        out_edges.push(EdgeLayout {
            edge: Some(lp.edge),
            from: lp.from,
            to: lp.to,
            arrow: arrowhead(&pts, &p),
            points: pts,
            dashed: false,
            loop_back: true,
        });
    }

    // --- canvas: translate so that everything sits inside a small margin ------------------------
    let mut min = Point::new(f32::INFINITY, f32::INFINITY);
    let mut max = Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY);
    let mut grow = |q: Point| {
        min = Point::new(min.x.min(q.x), min.y.min(q.y));
        max = Point::new(max.x.max(q.x), max.y.max(q.y));
    };
    for b in &boxes {
        grow(Point::new(b.rect.x, b.rect.y));
        grow(Point::new(b.rect.right(), b.rect.bottom()));
    }
    for l in &labels {
        grow(Point::new(l.rect.x, l.rect.y));
        grow(Point::new(l.rect.right(), l.rect.bottom()));
    }
    for e in &out_edges {
        e.points.iter().copied().for_each(&mut grow);
        e.arrow.iter().flatten().copied().for_each(&mut grow);
    }
    if !min.x.is_finite() {
        min = Point::new(0.0, 0.0);
        max = Point::new(0.0, 0.0);
    }
    let margin = 0.5 * fs;
    let chart_w = max.x - min.x + 2.0 * margin;
    let chart_h = max.y - min.y + 2.0 * margin;

    // Title and caption, when the chart stands alone.
    let title_size = (fs * 1.3).round();
    let mut title_lines: Vec<String> = Vec::new();
    let mut caption_lines: Vec<String> = Vec::new();
    if opts.title {
        let avail = chart_w.max(opts.max_width.unwrap_or(30.0 * fs)) - 2.0 * margin;
        title_lines = wrap(&graph.title, avail / title_size, metrics);
        for c in &graph.caption {
            caption_lines.extend(wrap(c, avail / fs, metrics));
        }
    }
    let title_w = title_lines
        .iter()
        .map(|l| metrics.text_em(l) * title_size)
        .chain(caption_lines.iter().map(|l| metrics.text_em(l) * fs))
        .fold(0.0, f32::max);
    let width = chart_w.max(title_w + 2.0 * fs);
    let title_lh = title_size * 1.4;
    let mut head = 0.0;
    if !title_lines.is_empty() || !caption_lines.is_empty() {
        head = margin
            + title_lines.len() as f32 * title_lh
            + caption_lines.len() as f32 * p.lh
            + 0.6 * fs;
    }
    let mut ty = margin;
    let mut title = Vec::new();
    for l in title_lines {
        title.push(TextLine {
            text: l,
            x: width / 2.0,
            baseline: ty + title_lh / 2.0 + 0.38 * title_size,
            anchor: Anchor::Middle,
        });
        ty += title_lh;
    }
    let mut caption = Vec::new();
    for l in caption_lines {
        caption.push(TextLine {
            text: l,
            x: width / 2.0,
            baseline: ty + p.lh / 2.0 + 0.38 * fs,
            anchor: Anchor::Middle,
        });
        ty += p.lh;
    }

    let dx = margin - min.x + (width - chart_w) / 2.0;
    let dy = margin - min.y + head;
    for b in &mut boxes {
        b.rect.translate(dx, dy);
        for l in &mut b.lines {
            l.x += dx;
            l.baseline += dy;
        }
    }
    for l in &mut labels {
        l.rect.translate(dx, dy);
        for t in &mut l.lines {
            t.x += dx;
            t.baseline += dy;
        }
    }
    for e in &mut out_edges {
        for q in e.points.iter_mut().chain(e.arrow.iter_mut().flatten()) {
            q.x += dx;
            q.y += dy;
        }
    }
    Layout {
        width,
        height: chart_h + head,
        font_size: fs,
        label_size: p.label_fs,
        title_size,
        title,
        caption,
        boxes,
        edges: out_edges,
        labels,
    }
}

/// How far `layer[first..=last]` may shift (left bound ≤ 0 ≤ right bound when the rank is
/// consistent) before it comes closer to its neighbours than their minimum gaps.
fn room(
    layer: &[usize],
    first: usize,
    last: usize,
    verts: &[Vertex],
    sep: &dyn Fn(&Vertex, &Vertex, usize, usize) -> f32,
) -> (f32, f32) {
    let (fv, lv) = (layer[first], layer[last]);
    let lo = if first > 0 {
        let pv = layer[first - 1];
        verts[pv].x + sep(&verts[pv], &verts[fv], pv, fv) - verts[fv].x
    } else {
        f32::NEG_INFINITY
    };
    let hi = if last + 1 < layer.len() {
        let nx = layer[last + 1];
        verts[nx].x - sep(&verts[lv], &verts[nx], lv, nx) - verts[lv].x
    } else {
        f32::INFINITY
    };
    (lo, hi)
}

/// The first node (by rank, then declaration) reachable from every one of `starts`.
fn meeting_point(
    starts: &[usize],
    edges: &[(usize, usize, usize)],
    out: &[Vec<usize>],
    is_loop: &[bool],
    rank: &[usize],
    n: usize,
) -> Option<usize> {
    let mut count = vec![0usize; n];
    for &s in starts {
        let mut seen = vec![false; n];
        let mut stack = vec![s];
        while let Some(u) = stack.pop() {
            if std::mem::replace(&mut seen[u], true) {
                continue;
            }
            count[u] += 1;
            for &le in &out[u] {
                if !is_loop[le] {
                    stack.push(edges[le].2);
                }
            }
        }
    }
    (0..n)
        .filter(|&v| count[v] == starts.len())
        .min_by_key(|&v| (rank[v], v))
}

/// Barycenter sweeps; a new order is kept only when it has fewer crossings.
fn reduce_crossings(layers: &mut [Vec<usize>], up: &[Vec<usize>], down: &[Vec<usize>], nv: usize) {
    let mut pos = vec![0usize; nv];
    let refresh = |layers: &[Vec<usize>], pos: &mut Vec<usize>| {
        for layer in layers {
            for (i, &v) in layer.iter().enumerate() {
                pos[v] = i;
            }
        }
    };
    refresh(layers, &mut pos);
    let crossings = |layers: &[Vec<usize>], pos: &[usize], r: usize| -> usize {
        if r + 1 >= layers.len() {
            return 0;
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for &u in &layers[r] {
            for &v in &down[u] {
                pairs.push((pos[u], pos[v]));
            }
        }
        let mut c = 0;
        for i in 0..pairs.len() {
            for j in i + 1..pairs.len() {
                let (a, b) = (pairs[i], pairs[j]);
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    c += 1;
                }
            }
        }
        c
    };
    let r_count = layers.len();
    for _ in 0..4 {
        let mut improved = false;
        for downward in [true, false] {
            let order: Vec<usize> = if downward {
                (1..r_count).collect()
            } else {
                (0..r_count.saturating_sub(1)).rev().collect()
            };
            for r in order {
                let nbrs = if downward { up } else { down };
                let bary: Vec<(usize, f32)> = layers[r]
                    .iter()
                    .map(|&v| {
                        let ns = &nbrs[v];
                        let b = if ns.is_empty() {
                            pos[v] as f32
                        } else {
                            ns.iter().map(|&o| pos[o] as f32).sum::<f32>() / ns.len() as f32
                        };
                        (v, b)
                    })
                    .collect();
                let mut sorted = bary.clone();
                sorted.sort_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
                let new: Vec<usize> = sorted.iter().map(|&(v, _)| v).collect();
                if new == layers[r] {
                    continue;
                }
                let local = |layers: &[Vec<usize>], pos: &[usize]| {
                    crossings(layers, pos, r)
                        + if r > 0 {
                            crossings(layers, pos, r - 1)
                        } else {
                            0
                        }
                };
                let before = local(layers, &pos);
                let old = std::mem::replace(&mut layers[r], new);
                refresh(layers, &mut pos);
                if local(layers, &pos) < before {
                    improved = true;
                } else {
                    layers[r] = old;
                    refresh(layers, &mut pos);
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Puts each note into its box's rank, right beside the box: away from the side a decision's
/// branches leave to, else on the outer side; a second note goes to the other side.
fn insert_notes(
    layers: &mut [Vec<usize>],
    verts: &[Vertex],
    edge_slot: &[f32],
    edges: &[(usize, usize, usize)],
    is_loop: &[bool],
    graph: &FlowGraph,
) {
    let mut placed: HashMap<usize, usize> = HashMap::new();
    for (v, vx) in verts.iter().enumerate() {
        let Some(t) = vx.note_of else { continue };
        let slot_t = verts[t].slot;
        let (mut left, mut right) = (0, 0);
        for (le, &(_, a, _)) in edges.iter().enumerate() {
            if a == t && !is_loop[le] {
                if edge_slot[le] > slot_t + 0.01 {
                    right += 1;
                } else if edge_slot[le] < slot_t - 0.01 {
                    left += 1;
                }
            }
        }
        let mut side = if graph.nodes[t].kind == NodeKind::Decision && (left + right) > 0 {
            if right >= left { -1 } else { 1 }
        } else if slot_t > 0.01 {
            1
        } else {
            -1
        };
        let k = placed.entry(t).or_insert(0);
        if *k % 2 == 1 {
            side = -side;
        }
        *k += 1;
        let layer = &mut layers[vx.rank];
        let Some(i) = layer.iter().position(|&x| x == t) else {
            layer.push(v);
            continue;
        };
        if side < 0 {
            layer.insert(i, v);
        } else {
            layer.insert(i + 1, v);
        }
    }
}

/// Weighted least squares under order and minimum gaps: minimise Σ wᵢ(xᵢ − dᵢ)² subject to
/// xᵢ₊₁ − xᵢ ≥ gapᵢ (pool-adjacent-violators on the gap-shifted targets).
fn isotonic(desired: &[f32], weights: &[f32], gaps: &[f32]) -> Vec<f32> {
    // f64: pinned main-column boxes weigh 1e6 and must come out exactly where they are pinned.
    let mut offset = Vec::with_capacity(desired.len());
    let mut acc = 0.0f64;
    for i in 0..desired.len() {
        if i > 0 {
            acc += f64::from(gaps[i - 1]);
        }
        offset.push(acc);
    }
    // Blocks of (weighted mean, weight, size).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..desired.len() {
        let w = f64::from(weights[i]).max(1e-6);
        blocks.push((f64::from(desired[i]) - offset[i], w, 1));
        while blocks.len() >= 2 {
            let (m2, w2, n2) = blocks[blocks.len() - 1];
            let (m1, w1, n1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = ((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, n1 + n2);
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (m, _, size) in blocks {
        for _ in 0..size {
            out.push((m + offset[out.len()]) as f32);
        }
    }
    out
}

/// Drops repeated points and the middle of three collinear ones.
fn simplify(pts: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(pts.len());
    for q in pts {
        if out
            .last()
            .is_some_and(|l| (l.x - q.x).abs() < 0.01 && (l.y - q.y).abs() < 0.01)
        {
            continue;
        }
        if out.len() >= 2 {
            let a = out[out.len() - 2];
            let b = out[out.len() - 1];
            let vertical = (a.x - b.x).abs() < 0.01 && (b.x - q.x).abs() < 0.01;
            let horizontal = (a.y - b.y).abs() < 0.01 && (b.y - q.y).abs() < 0.01;
            let same_dir = (b.x - a.x) * (q.x - b.x) >= 0.0 && (b.y - a.y) * (q.y - b.y) >= 0.0;
            if (vertical || horizontal) && same_dir {
                out.pop();
            }
        }
        out.push(q);
    }
    out
}

fn arrowhead(pts: &[Point], p: &Params) -> Option<[Point; 3]> {
    let k = pts.len();
    if k < 2 {
        return None;
    }
    let (a, tip) = (pts[k - 2], pts[k - 1]);
    let (dx, dy) = (tip.x - a.x, tip.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-3 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (l, hw) = (p.arrow_len(), 0.3 * p.fs);
    let base = Point::new(tip.x - ux * l, tip.y - uy * l);
    Some([
        tip,
        Point::new(base.x - uy * hw, base.y + ux * hw),
        Point::new(base.x + uy * hw, base.y - ux * hw),
    ])
}

fn label_layout(
    edge: usize,
    rect: Rect,
    lines: &[String],
    vertical: bool,
    p: &Params,
) -> LabelLayout {
    let step = if vertical {
        p.label_fs * 1.1
    } else {
        p.label_lh
    };
    let lines = lines
        .iter()
        .enumerate()
        .map(|(k, text)| TextLine {
            text: text.clone(),
            x: if vertical {
                rect.cx()
            } else {
                rect.x + 0.15 * p.fs
            },
            baseline: rect.y + (k as f32 + 0.5) * step + 0.38 * p.label_fs,
            anchor: if vertical {
                Anchor::Middle
            } else {
                Anchor::Start
            },
        })
        .collect();
    LabelLayout {
        edge,
        rect,
        lines,
        vertical,
    }
}
