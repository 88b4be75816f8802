//! SVG output: real, selectable `<text>` (one `<tspan>` per line) with computed baselines, sizes
//! in pt, and nothing a PDF converter might drop (no `foreignObject`, no `dominant-baseline`).
//! The same layout always gives the same bytes.

use std::fmt::Write;

use super::graph::NodeKind;
use super::layout::{Anchor, Layout, LayoutOptions, Point, TextLine};
use super::text::DEFAULT_FAMILY;

/// Fallbacks after the PDF's own family, for SVGs opened on their own.
const FALLBACK_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
];

#[derive(Debug, Clone, PartialEq)]
pub struct SvgStyle {
    /// First family in `font-family`: the font the PDF renderer has (typst falls back silently).
    pub font_family: String,
    /// Draw title and caption above the chart (off in the PDF, where the document sets them).
    pub show_title: bool,
    /// Body text size in pt.
    pub font_size: f32,
    /// Never shrink text below this to fit `max_width`.
    pub min_font_size: f32,
    /// Printed width available, in pt.
    pub max_width: Option<f32>,
    /// Stroke width of boxes and lines, in pt.
    pub stroke_width: f32,
}

impl Default for SvgStyle {
    fn default() -> Self {
        let layout = LayoutOptions::default();
        SvgStyle {
            font_family: DEFAULT_FAMILY.to_string(),
            show_title: true,
            font_size: layout.font_size,
            min_font_size: layout.min_font_size,
            max_width: layout.max_width,
            stroke_width: 0.8,
        }
    }
}

impl SvgStyle {
    /// The layout options this style asks for.
    pub fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            font_size: self.font_size,
            min_font_size: self.min_font_size,
            max_width: self.max_width,
            title: self.show_title,
        }
    }

    /// `font-family` value: the given family, then the usual CJK sans fonts, then sans-serif.
    pub fn font_family_chain(&self) -> String {
        let mut names: Vec<&str> = vec![self.font_family.as_str()];
        for f in FALLBACK_FAMILIES {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(f)) {
                names.push(f);
            }
        }
        let mut out: Vec<String> = names
            .into_iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| format!("'{}'", n.replace('\'', "")))
            .collect();
        out.push("sans-serif".into());
        out.join(", ")
    }
}

/// Fixed-precision number: two decimals, trailing zeros dropped, no `-0`.
fn num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let mut s = format!("{:.2}", v);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".to_string() } else { s }
}

/// Escapes text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn points(pts: &[Point]) -> String {
    pts.iter()
        .map(|q| format!("{},{}", num(q.x), num(q.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_text(svg: &mut String, lines: &[TextLine], size: f32, extra: &str) {
    let Some(first) = lines.first() else { return };
    let anchor = match first.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
    };
    let _ = write!(svg, "<text font-size=\"{}\"{anchor}{extra}>", num(size));
    for l in lines {
        let _ = write!(
            svg,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(l.x),
            num(l.baseline),
            escape(&l.text)
        );
    }
    svg.push_str("</text>\n");
}

/// A polyline as path data, its horizontal segments jumping over the `hops` in half circles
/// of radius `r` (above the line).
fn hop_path(pts: &[Point], hops: &[Point], r: f32) -> String {
    let mut d = String::new();
    let Some(first) = pts.first() else {
        return d;
    };
    let _ = write!(d, "M{},{}", num(first.x), num(first.y));
    for w in pts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let dir = (b.x - a.x).signum();
        if (a.y - b.y).abs() < 0.01 && dir != 0.0 {
            let mut on: Vec<f32> = hops
                .iter()
                .filter(|h| {
                    (h.y - a.y).abs() < 0.01 && (h.x - a.x) * dir > r && (b.x - h.x) * dir > r
                })
                .map(|h| h.x)
                .collect();
            on.sort_by(|x, y| (x * dir).total_cmp(&(y * dir)));
            // Clockwise from the left end, counter-clockwise from the right: always over the top.
            let sweep = u8::from(dir > 0.0);
            for x in on {
                let (x0, x1) = (x - dir * r, x + dir * r);
                let _ = write!(
                    d,
                    " L{},{} A{},{} 0 0 {sweep} {},{}",
                    num(x0),
                    num(a.y),
                    num(r),
                    num(r),
                    num(x1),
                    num(a.y)
                );
            }
        }
        let _ = write!(d, " L{},{}", num(b.x), num(b.y));
    }
    d
}

/// Writes a laid-out chart as SVG, sized in pt (1 user unit = 1 pt).
pub fn to_svg(layout: &Layout, style: &SvgStyle) -> String {
    to_svg_scaled(layout, style, 1.0)
}

/// Like [`to_svg`], printed at `scale` times its size (the view box stays in layout units).
pub fn to_svg_scaled(layout: &Layout, style: &SvgStyle, scale: f32) -> String {
    let (w, h) = (num(layout.width), num(layout.height));
    let (pw, ph) = (num(layout.width * scale), num(layout.height * scale));
    let sw = num(style.stroke_width);
    let mut svg = String::with_capacity(4096);
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}pt\" height=\"{ph}pt\" viewBox=\"0 0 {w} {h}\" font-family=\"{}\">",
        escape(&style.font_family_chain())
    );
    let _ = writeln!(svg, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    if style.show_title {
        write_text(
            &mut svg,
            &layout.title,
            layout.title_size,
            " font-weight=\"bold\"",
        );
        write_text(&mut svg, &layout.caption, layout.font_size, "");
    }
    write_text(
        &mut svg,
        &layout.heads,
        layout.font_size,
        " font-weight=\"bold\"",
    );
    let _ = writeln!(
        svg,
        "<g fill=\"none\" stroke=\"#000000\" stroke-width=\"{sw}\">"
    );
    for e in &layout.edges {
        let mut pts = e.points.clone();
        // Stop the line at the arrowhead's base so its end does not poke through the tip.
        if let (Some(arrow), Some(last)) = (e.arrow, pts.last_mut()) {
            *last = Point::new(
                (arrow[1].x + arrow[2].x) / 2.0,
                (arrow[1].y + arrow[2].y) / 2.0,
            );
        }
        let dash = if e.dashed {
            " stroke-dasharray=\"3,2\""
        } else {
            ""
        };
        if e.hops.is_empty() {
            let _ = writeln!(svg, "<polyline points=\"{}\"{dash}/>", points(&pts));
        } else {
            let d = hop_path(&pts, &e.hops, layout.hop_radius);
            let _ = writeln!(svg, "<path d=\"{d}\"{dash}/>");
        }
    }
    svg.push_str("</g>\n");
    for e in &layout.edges {
        if let Some(arrow) = e.arrow {
            let _ = writeln!(
                svg,
                "<polygon points=\"{}\" fill=\"#000000\"/>",
                points(&arrow)
            );
        }
    }
    for b in &layout.boxes {
        let r = b.rect;
        let (x, y, bw, bh) = (num(r.x), num(r.y), num(r.w), num(r.h));
        match b.kind {
            NodeKind::Step => {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{bw}\" height=\"{bh}\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"{sw}\"/>"
                );
            }
            NodeKind::Start | NodeKind::End => {
                let rr = num(b.radius);
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{bw}\" height=\"{bh}\" rx=\"{rr}\" ry=\"{rr}\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"{sw}\"/>"
                );
            }
            NodeKind::Decision => {
                let pts = [
                    Point::new(r.cx(), r.y),
                    Point::new(r.right(), r.cy()),
                    Point::new(r.cx(), r.bottom()),
                    Point::new(r.x, r.cy()),
                ];
                let _ = writeln!(
                    svg,
                    "<polygon points=\"{}\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"{sw}\"/>",
                    points(&pts)
                );
            }
            NodeKind::Note => {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{bw}\" height=\"{bh}\" fill=\"#f5f5f5\" stroke=\"#000000\" stroke-width=\"{sw}\" stroke-dasharray=\"3,2\"/>"
                );
            }
        }
        write_text(&mut svg, &b.lines, layout.font_size, "");
    }
    for l in &layout.labels {
        write_text(&mut svg, &l.lines, layout.label_size, "");
    }
    for m in &layout.markers {
        let (cx, cy, r) = (num(m.center.x), num(m.center.y), num(m.radius));
        let _ = writeln!(
            svg,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"{sw}\"/>"
        );
        let line = TextLine {
            text: m.letter.clone(),
            x: m.center.x,
            baseline: m.center.y + 0.38 * layout.label_size,
            anchor: Anchor::Middle,
        };
        write_text(&mut svg, &[line], layout.label_size, "");
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hop_is_a_half_circle_over_the_line_in_either_direction() {
        let pts = [
            Point::new(0.0, 0.0),
            Point::new(0.0, 10.0),
            Point::new(40.0, 10.0),
        ];
        let hop = [Point::new(20.0, 10.0)];
        assert_eq!(
            hop_path(&pts, &hop, 3.0),
            "M0,0 L0,10 L17,10 A3,3 0 0 1 23,10 L40,10"
        );
        let back: Vec<Point> = pts.iter().rev().copied().collect();
        assert_eq!(
            hop_path(&back, &hop, 3.0),
            "M40,10 L23,10 A3,3 0 0 0 17,10 L0,10 L0,0"
        );
        // A hop too near the segment's end is left out rather than drawn past it.
        assert_eq!(
            hop_path(&pts, &[Point::new(2.0, 10.0)], 3.0),
            "M0,0 L0,10 L40,10"
        );
    }
}
