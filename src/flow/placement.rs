//! Where a chart goes on the printed page. The chart must never be clipped; the choices, in
//! order of preference: portrait at full size; a landscape page at full size; smaller text
//! (never under `min_font_size`, 9 pt) on a portrait or landscape page; split across pages with
//! continuation markers. The decision is made here, in pt; the templates draw what they get.

use super::graph::FlowGraph;
use super::layout::{Layout, LayoutOptions, layout};
use super::split::split;
use super::svg::{SvgStyle, to_svg_scaled};
use super::text::Metrics;

/// The type area a chart is printed in, in pt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeArea {
    pub width: f32,
    pub height: f32,
}

impl TypeArea {
    /// A4 with the guide's margins: 26 mm left and right, 30 mm top, 28 mm bottom.
    pub const A4_GUIDE: TypeArea = TypeArea {
        width: 158.0 * MM,
        height: 239.0 * MM,
    };

    pub fn landscape(self) -> TypeArea {
        TypeArea {
            width: self.height,
            height: self.width,
        }
    }
}

const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// One page's share of a chart: its SVG and printed size in pt.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPage {
    pub svg: String,
    pub width: f32,
    pub height: f32,
}

/// How a chart is printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub orientation: Orientation,
    /// Printed size of the box text, in pt.
    pub text_size: f32,
    /// One page, or the parts of a split chart in order.
    pub pages: Vec<ChartPage>,
}

/// Room the document's title and caption lines take above a chart, in pt: the level-2 heading
/// (三号, 16 pt, with its spacing) and one 小四 (12 pt) line per caption line.
pub fn heading_room(graph: &FlowGraph, area: TypeArea) -> f32 {
    let per_line = (area.width / 16.0).floor().max(1.0);
    let title_lines = (graph.title.chars().count() as f32 / per_line)
        .ceil()
        .max(1.0);
    34.0 + title_lines * 22.0 + 10.0 + graph.caption_under_title().len() as f32 * 18.0 + 9.0
}

/// Chooses how to print `graph` in `area`, with `head` pt above the chart on its first page.
pub fn place(
    graph: &FlowGraph,
    metrics: &Metrics,
    style: &SvgStyle,
    area: TypeArea,
    head: f32,
) -> Placement {
    let fs = style.font_size;
    let min = style.min_font_size.min(fs);
    let attempt = |a: TypeArea, min_font: f32| {
        let opts = LayoutOptions {
            font_size: fs,
            min_font_size: min_font,
            max_width: Some(a.width),
            title: false,
        };
        layout(graph, metrics, &opts)
    };
    let fits = |l: &Layout, a: TypeArea| l.width <= a.width + 0.5 && l.height <= a.height - head;
    let one = |l: &Layout, orientation, scale: f32| Placement {
        orientation,
        text_size: l.font_size * scale,
        pages: vec![page(l, style, scale)],
    };
    let portrait = area;
    let landscape = area.landscape();
    for (a, o) in [
        (portrait, Orientation::Portrait),
        (landscape, Orientation::Landscape),
    ] {
        let l = attempt(a, fs);
        if fits(&l, a) {
            return one(&l, o, 1.0);
        }
    }
    // Smaller text: the layout may shrink its text to fit the width, then the whole chart is
    // scaled down to fit the height, as long as the text stays readable.
    for (a, o) in [
        (portrait, Orientation::Portrait),
        (landscape, Orientation::Landscape),
    ] {
        let l = attempt(a, min);
        let s = (a.width / l.width)
            .min((a.height - head) / l.height)
            .min(1.0);
        if l.font_size * s >= min - 0.01 {
            return one(&l, o, s);
        }
    }
    // Split across pages: portrait, or landscape when even the smallest text is too wide.
    let l = attempt(portrait, min);
    if l.width <= portrait.width + 0.5 {
        return split_placement(&l, style, portrait, Orientation::Portrait, head);
    }
    let wide = attempt(landscape, min);
    if wide.width <= landscape.width + 0.5 {
        return split_placement(&wide, style, landscape, Orientation::Landscape, head);
    }
    split_placement(&l, style, portrait, Orientation::Portrait, head)
}

/// A chart too tall for any page at a readable size: split across portrait pages (scaled to
/// the width first when even the smallest text is too wide).
fn split_placement(
    l: &Layout,
    style: &SvgStyle,
    area: TypeArea,
    orientation: Orientation,
    head: f32,
) -> Placement {
    let s = (area.width / l.width).min(1.0);
    // Later pages carry a 续 heading of one line.
    let (first, rest) = ((area.height - head) / s, (area.height - 40.0) / s);
    let pages = match split(l, first, rest) {
        Some(parts) => parts.iter().map(|p| page(p, style, s)).collect(),
        // No cut fits (one rank taller than a page): scale it down whatever the text size.
        None => {
            let t = s.min((area.height - head) / l.height);
            return Placement {
                orientation,
                text_size: l.font_size * t,
                pages: vec![page(l, style, t)],
            };
        }
    };
    Placement {
        orientation,
        text_size: l.font_size * s,
        pages,
    }
}

fn page(l: &Layout, style: &SvgStyle, scale: f32) -> ChartPage {
    ChartPage {
        svg: to_svg_scaled(l, style, scale),
        width: l.width * scale,
        height: l.height * scale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::generate_from_steps;

    fn style() -> SvgStyle {
        SvgStyle {
            show_title: false,
            ..SvgStyle::default()
        }
    }

    #[test]
    fn a_small_chart_stays_portrait_at_full_size() {
        let g = generate_from_steps("t", "申请—受理—审核—办结");
        let p = place(&g, &Metrics::fallback(), &style(), TypeArea::A4_GUIDE, 60.0);
        assert_eq!(p.orientation, Orientation::Portrait);
        assert_eq!(p.pages.len(), 1);
        assert_eq!(p.text_size, 10.5);
    }

    #[test]
    fn a_tall_chart_gets_smaller_text_then_pages() {
        let g = generate_from_steps("t", "申请—受理—审核—复核—决定—公示—拨付—归档—办结");
        let m = Metrics::fallback();
        let full = layout(&g, &m, &LayoutOptions::default());
        assert!(full.height > full.width + 1.0, "a tall chart");
        // A little too tall, and too tall for landscape: smaller text, one page.
        let area = TypeArea {
            width: full.width + 1.0,
            height: full.height * 0.95,
        };
        let p = place(&g, &m, &style(), area, 0.0);
        assert_eq!(p.orientation, Orientation::Portrait);
        assert_eq!(p.pages.len(), 1);
        assert!(p.text_size >= 9.0 && p.text_size < 10.5, "{}", p.text_size);
        assert!(p.pages[0].height <= area.height + 0.01);
        // Far too tall: split, every part inside the area.
        let area = TypeArea {
            width: full.width + 1.0,
            height: full.height * 0.55,
        };
        let p = place(&g, &m, &style(), area, 0.0);
        assert!(p.pages.len() >= 2);
        for page in &p.pages {
            assert!(page.height <= area.height + 0.01 && page.width <= area.width + 0.5);
        }
        assert!(p.pages[0].svg.contains("<circle"));
    }
}
