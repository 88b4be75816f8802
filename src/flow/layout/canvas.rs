//! The canvas: everything moved inside a small margin, with the title and caption above the
//! chart when it stands alone, and each column's title above its start box when the chart holds
//! several procedures side by side.

use super::geometry::Point;
use super::params::Params;
use super::{Anchor, BoxLayout, EdgeLayout, LabelLayout, Layout, LayoutOptions, TextLine};
use crate::flow::graph::FlowGraph;
use crate::flow::text::{Metrics, wrap};

/// The drawn parts of a chart, before they are placed on the canvas.
pub(super) struct Drawing {
    pub boxes: Vec<BoxLayout>,
    pub labels: Vec<LabelLayout>,
    pub edges: Vec<EdgeLayout>,
}

pub(super) fn finish(
    mut d: Drawing,
    graph: &FlowGraph,
    metrics: &Metrics,
    opts: &LayoutOptions,
    p: &Params,
) -> Layout {
    let fs = p.fs;
    let (min, max) = bounds(&d);
    let margin = 0.5 * fs;
    let chart_w = max.x - min.x + 2.0 * margin;
    let chart_h = max.y - min.y + 2.0 * margin;
    let head = Heading::new(graph, metrics, opts, p, chart_w, margin);
    let width = chart_w.max(head.width + 2.0 * fs);
    let (title, caption) = head.lines(width, margin, p);

    let dx = margin - min.x + (width - chart_w) / 2.0;
    let columns = column_heads(graph, &d.boxes, (min.x, max.x), metrics, p);
    let band = columns.height;
    let dy = margin - min.y + head.height + band;
    let heads: Vec<TextLine> = columns
        .lines
        .into_iter()
        .map(|mut l| {
            l.x += dx;
            l.baseline += head.height + margin;
            l
        })
        .collect();
    for b in &mut d.boxes {
        b.rect.translate(dx, dy);
        for l in &mut b.lines {
            l.x += dx;
            l.baseline += dy;
        }
    }
    for l in &mut d.labels {
        l.rect.translate(dx, dy);
        for t in &mut l.lines {
            t.x += dx;
            t.baseline += dy;
        }
    }
    for e in &mut d.edges {
        for q in e
            .points
            .iter_mut()
            .chain(e.arrow.iter_mut().flatten())
            .chain(e.hops.iter_mut())
        {
            q.x += dx;
            q.y += dy;
        }
    }
    Layout {
        width,
        height: chart_h + head.height + band,
        font_size: fs,
        label_size: p.label_fs,
        title_size: head.size,
        hop_radius: p.hop_radius(),
        title,
        caption,
        heads,
        boxes: d.boxes,
        edges: d.edges,
        labels: d.labels,
        markers: Vec::new(),
    }
}

/// Bounding box of everything drawn; a chart with nothing drawn is a point at the origin.
fn bounds(d: &Drawing) -> (Point, Point) {
    let mut min = Point::new(f32::INFINITY, f32::INFINITY);
    let mut max = Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY);
    let mut grow = |q: Point| {
        min = Point::new(min.x.min(q.x), min.y.min(q.y));
        max = Point::new(max.x.max(q.x), max.y.max(q.y));
    };
    for b in &d.boxes {
        grow(Point::new(b.rect.x, b.rect.y));
        grow(Point::new(b.rect.right(), b.rect.bottom()));
    }
    for l in &d.labels {
        grow(Point::new(l.rect.x, l.rect.y));
        grow(Point::new(l.rect.right(), l.rect.bottom()));
    }
    for e in &d.edges {
        e.points.iter().copied().for_each(&mut grow);
        e.arrow.iter().flatten().copied().for_each(&mut grow);
    }
    if !min.x.is_finite() {
        return (Point::new(0.0, 0.0), Point::new(0.0, 0.0));
    }
    (min, max)
}

/// Column titles above a chart of several procedures, and the height of their band.
struct ColumnHeads {
    lines: Vec<TextLine>,
    height: f32,
}

/// Each column's title centred over its start box, wrapped to the room between the midpoints to
/// the neighbouring columns (`span`: the chart's left and right edge), in layout coordinates
/// with y from the top of the band.
fn column_heads(
    graph: &FlowGraph,
    boxes: &[BoxLayout],
    (left, right): (f32, f32),
    metrics: &Metrics,
    p: &Params,
) -> ColumnHeads {
    let fs = p.fs;
    let mut columns: Vec<(f32, &str)> = graph
        .column_titles()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(node, title)| {
            let b = boxes.iter().find(|b| b.node == node)?;
            Some((b.rect.cx(), title))
        })
        .collect();
    if columns.is_empty() {
        return ColumnHeads {
            lines: Vec::new(),
            height: 0.0,
        };
    }
    columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut wrapped: Vec<(f32, Vec<String>)> = Vec::new();
    for (k, &(cx, title)) in columns.iter().enumerate() {
        let lo = if k == 0 {
            left
        } else {
            (columns[k - 1].0 + cx) / 2.0
        };
        let hi = columns.get(k + 1).map_or(right, |n| (cx + n.0) / 2.0);
        let room = (hi - lo - fs).max(4.0 * fs);
        let lines = wrap(title, room / fs, metrics);
        let widest = lines
            .iter()
            .map(|l| metrics.text_em(l) * fs)
            .fold(0.0, f32::max);
        // Centred on the column, kept inside its share of the width.
        let x = cx.clamp(
            lo + widest / 2.0,
            (hi - widest / 2.0).max(lo + widest / 2.0),
        );
        wrapped.push((x, lines));
    }
    let rows = wrapped.iter().map(|w| w.1.len()).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (x, ls) in wrapped {
        for (i, l) in ls.into_iter().enumerate() {
            lines.push(TextLine {
                text: l,
                x,
                baseline: i as f32 * p.lh + p.lh / 2.0 + 0.38 * fs,
                anchor: Anchor::Middle,
            });
        }
    }
    ColumnHeads {
        lines,
        height: rows as f32 * p.lh + 0.6 * fs,
    }
}

/// Title and caption lines of a standalone chart (none in the PDF).
struct Heading {
    size: f32,
    title: Vec<String>,
    caption: Vec<String>,
    /// Widest line.
    width: f32,
    /// Height above the chart, margin included.
    height: f32,
}

impl Heading {
    fn new(
        graph: &FlowGraph,
        metrics: &Metrics,
        opts: &LayoutOptions,
        p: &Params,
        chart_w: f32,
        margin: f32,
    ) -> Heading {
        let fs = p.fs;
        let size = (fs * 1.3).round();
        let mut title: Vec<String> = Vec::new();
        let mut caption: Vec<String> = Vec::new();
        if opts.title {
            let avail = chart_w.max(opts.max_width.unwrap_or(30.0 * fs)) - 2.0 * margin;
            title = wrap(&graph.title, avail / size, metrics);
            for c in graph.caption_under_title() {
                caption.extend(wrap(c, avail / fs, metrics));
            }
        }
        let width = title
            .iter()
            .map(|l| metrics.text_em(l) * size)
            .chain(caption.iter().map(|l| metrics.text_em(l) * fs))
            .fold(0.0, f32::max);
        let mut height = 0.0;
        if !title.is_empty() || !caption.is_empty() {
            height =
                margin + title.len() as f32 * (size * 1.4) + caption.len() as f32 * p.lh + 0.6 * fs;
        }
        Heading {
            size,
            title,
            caption,
            width,
            height,
        }
    }

    /// The title and caption lines, centred on a canvas `width` wide.
    fn lines(&self, width: f32, margin: f32, p: &Params) -> (Vec<TextLine>, Vec<TextLine>) {
        let fs = p.fs;
        let title_lh = self.size * 1.4;
        let mut ty = margin;
        let mut title = Vec::new();
        for l in &self.title {
            title.push(TextLine {
                text: l.clone(),
                x: width / 2.0,
                baseline: ty + title_lh / 2.0 + 0.38 * self.size,
                anchor: Anchor::Middle,
            });
            ty += title_lh;
        }
        let mut caption = Vec::new();
        for l in &self.caption {
            caption.push(TextLine {
                text: l.clone(),
                x: width / 2.0,
                baseline: ty + p.lh / 2.0 + 0.38 * fs,
                anchor: Anchor::Middle,
            });
            ty += p.lh;
        }
        (title, caption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_drawing_is_a_small_blank_canvas() {
        let d = Drawing {
            boxes: Vec::new(),
            labels: Vec::new(),
            edges: Vec::new(),
        };
        let opts = LayoutOptions::default();
        let l = finish(
            d,
            &FlowGraph::default(),
            &Metrics::fallback(),
            &opts,
            &Params::new(10.0, 1.0),
        );
        // A margin all round; never narrower than two em.
        assert_eq!((l.width, l.height), (20.0, 10.0));
    }

    #[test]
    fn a_standalone_title_widens_a_narrow_chart_and_sits_above_it() {
        let d = Drawing {
            boxes: Vec::new(),
            labels: Vec::new(),
            edges: vec![EdgeLayout {
                edge: Some(0),
                from: 0,
                to: 0,
                points: vec![Point::new(0.0, 0.0), Point::new(0.0, 20.0)],
                arrow: None,
                dashed: false,
                loop_back: false,
                hops: Vec::new(),
            }],
        };
        let graph = FlowGraph {
            title: "一个相当长的流程图标题".into(),
            ..FlowGraph::default()
        };
        let opts = LayoutOptions {
            title: true,
            ..LayoutOptions::default()
        };
        let l = finish(
            d,
            &graph,
            &Metrics::fallback(),
            &opts,
            &Params::new(10.0, 1.0),
        );
        assert_eq!(l.title.len(), 1);
        assert!(l.width >= 11.0 * 13.0);
        assert!(l.edges[0].points[0].y > l.title[0].baseline);
    }
}
