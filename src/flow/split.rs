//! Splitting a chart that is too tall for one page: cuts run across the chart between ranks,
//! where no box or label is and no line runs sideways; every line a cut crosses ends on one page
//! in a lettered circle and starts again on the next page from a circle with the same letter
//! (○A → A○), as in printed procedure charts.

use super::layout::{EdgeLayout, Layout, Marker, Point};

/// Splits `layout` into pages no taller than `first` (the first page) and `rest` (the others),
/// in layout units. `None` when no cut fits (a single rank taller than a page).
pub fn split(layout: &Layout, first: f32, rest: f32) -> Option<Vec<Layout>> {
    let r = marker_radius(layout);
    let cuts = choose_cuts(layout, first, rest, r)?;
    let mut bands: Vec<(f32, f32)> = Vec::new();
    let mut top = 0.0;
    for &c in &cuts {
        bands.push((top, c));
        top = c;
    }
    bands.push((top, layout.height));
    let letters = crossings(layout, &cuts);
    Some(
        bands
            .iter()
            .enumerate()
            .map(|(k, &band)| page(layout, band, k, &cuts, &letters, r))
            .collect(),
    )
}

fn marker_radius(layout: &Layout) -> f32 {
    0.75 * layout.label_size
}

/// y values where the chart may be cut: in the free space between boxes and labels, as far as
/// possible from horizontal lines.
fn cut_candidates(layout: &Layout) -> Vec<f32> {
    let mut solid: Vec<(f32, f32)> = layout
        .boxes
        .iter()
        .map(|b| (b.rect.y, b.rect.bottom()))
        .chain(layout.labels.iter().map(|l| (l.rect.y, l.rect.bottom())))
        .collect();
    solid.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut runs: Vec<f32> = Vec::new();
    for e in &layout.edges {
        for w in e.points.windows(2) {
            if (w[0].y - w[1].y).abs() < 0.01 {
                runs.push(w[0].y);
            }
        }
    }
    let mut out = Vec::new();
    let mut lo = match solid.first() {
        Some(s) => s.1,
        None => return out,
    };
    for &(a, b) in &solid[1..] {
        if a > lo {
            // The free interval (lo, a): its widest stretch without a horizontal line.
            let mut stops: Vec<f32> = runs.iter().copied().filter(|&y| y > lo && y < a).collect();
            stops.push(lo);
            stops.push(a);
            stops.sort_by(f32::total_cmp);
            let best = stops
                .windows(2)
                .max_by(|x, y| (x[1] - x[0]).total_cmp(&(y[1] - y[0])));
            if let Some(w) = best
                && w[1] - w[0] >= 2.0
            {
                out.push((w[0] + w[1]) / 2.0);
            }
        }
        lo = lo.max(b);
    }
    out
}

/// Greedy: each page ends at the lowest cut that still fits it (with room for the markers).
fn choose_cuts(layout: &Layout, first: f32, rest: f32, r: f32) -> Option<Vec<f32>> {
    let candidates = cut_candidates(layout);
    let mut cuts = Vec::new();
    let mut top = 0.0;
    loop {
        let limit = if cuts.is_empty() { first } else { rest };
        let start = if cuts.is_empty() { top } else { top - 2.0 * r };
        if layout.height - start <= limit {
            return Some(cuts);
        }
        let c = candidates
            .iter()
            .copied()
            .rfind(|&c| c > top + 1.0 && c + 2.0 * r - start <= limit)?;
        cuts.push(c);
        top = c;
    }
}

/// A letter for every place a line crosses a cut: per cut, left to right.
fn crossings(layout: &Layout, cuts: &[f32]) -> Vec<Vec<(f32, String)>> {
    let mut n = 0usize;
    cuts.iter()
        .map(|&c| {
            let mut xs: Vec<f32> = Vec::new();
            for e in &layout.edges {
                for w in e.points.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    if (a.y - c) * (b.y - c) < 0.0 {
                        xs.push(a.x);
                    }
                }
            }
            xs.sort_by(f32::total_cmp);
            xs.into_iter()
                .map(|x| {
                    let letter = letter(n);
                    n += 1;
                    (x, letter)
                })
                .collect()
        })
        .collect()
}

/// A, B, … Z, AA, AB, …
fn letter(n: usize) -> String {
    let base = char::from(b'A' + (n % 26) as u8);
    if n < 26 {
        base.to_string()
    } else {
        format!("{}{base}", letter(n / 26 - 1))
    }
}

/// The part of the chart in `band`, moved to the top of its own canvas, with markers at its cuts.
fn page(
    layout: &Layout,
    (top, bottom): (f32, f32),
    k: usize,
    cuts: &[f32],
    letters: &[Vec<(f32, String)>],
    r: f32,
) -> Layout {
    let inside = |y: f32| y >= top - 0.01 && y <= bottom + 0.01;
    let mut markers: Vec<Marker> = Vec::new();
    // The cut above this page (markers above the line's start) and below it (below its end).
    if k > 0 {
        for (x, l) in &letters[k - 1] {
            markers.push(marker(*x, cuts[k - 1] - r, r, l));
        }
    }
    if k < cuts.len() {
        for (x, l) in &letters[k] {
            markers.push(marker(*x, cuts[k] + r, r, l));
        }
    }
    let view_top = if k == 0 { 0.0 } else { top - 2.0 * r };
    let view_bottom = if k < cuts.len() {
        bottom + 2.0 * r
    } else {
        layout.height
    };
    let mut out = Layout {
        width: layout.width,
        height: view_bottom - view_top,
        title: if k == 0 {
            layout.title.clone()
        } else {
            Vec::new()
        },
        caption: if k == 0 {
            layout.caption.clone()
        } else {
            Vec::new()
        },
        heads: if k == 0 {
            layout.heads.clone()
        } else {
            Vec::new()
        },
        boxes: layout
            .boxes
            .iter()
            .filter(|b| inside(b.rect.cy()))
            .cloned()
            .collect(),
        edges: layout
            .edges
            .iter()
            .flat_map(|e| clip(e, top, bottom))
            .collect(),
        labels: layout
            .labels
            .iter()
            .filter(|l| inside(l.rect.cy()))
            .cloned()
            .collect(),
        markers,
        ..layout.clone()
    };
    shift(&mut out, -view_top);
    out
}

fn marker(x: f32, y: f32, r: f32, letter: &str) -> Marker {
    Marker {
        center: Point::new(x, y),
        radius: r,
        letter: letter.to_string(),
    }
}

/// The pieces of an edge inside the band `top..bottom`; the arrowhead stays with its tip.
fn clip(e: &EdgeLayout, top: f32, bottom: f32) -> Vec<EdgeLayout> {
    let clamp = |p: Point| Point::new(p.x, p.y.clamp(top, bottom));
    let inside = |p: Point| p.y >= top - 0.01 && p.y <= bottom + 0.01;
    let mut pieces: Vec<Vec<Point>> = Vec::new();
    let mut cur: Vec<Point> = Vec::new();
    for w in e.points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (lo, hi) = (a.y.min(b.y), a.y.max(b.y));
        if hi < top - 0.01 || lo > bottom + 0.01 {
            if cur.len() >= 2 {
                pieces.push(std::mem::take(&mut cur));
            }
            cur.clear();
            continue;
        }
        let (ca, cb) = (clamp(a), clamp(b));
        if cur.last() != Some(&ca) {
            if cur.len() >= 2 {
                pieces.push(std::mem::take(&mut cur));
            }
            cur = vec![ca];
        }
        cur.push(cb);
        if !inside(b) {
            pieces.push(std::mem::take(&mut cur));
        }
    }
    if cur.len() >= 2 {
        pieces.push(cur);
    }
    let tip = e.points.last().copied();
    pieces
        .into_iter()
        .filter(|p| p.windows(2).any(|w| w[0] != w[1]))
        .map(|points| {
            let has_tip = tip.is_some_and(|t| inside(t) && points.last() == Some(&t));
            EdgeLayout {
                arrow: if has_tip { e.arrow } else { None },
                points,
                ..e.clone()
            }
        })
        .collect()
}

fn shift(l: &mut Layout, dy: f32) {
    let mv = |p: &mut Point| p.y += dy;
    for b in &mut l.boxes {
        b.rect.y += dy;
        b.lines.iter_mut().for_each(|t| t.baseline += dy);
    }
    for lab in &mut l.labels {
        lab.rect.y += dy;
        lab.lines.iter_mut().for_each(|t| t.baseline += dy);
    }
    for e in &mut l.edges {
        e.points.iter_mut().for_each(mv);
        e.arrow.iter_mut().flatten().for_each(mv);
        e.hops.iter_mut().for_each(mv);
    }
    for m in &mut l.markers {
        m.center.y += dy;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::generate_from_steps;
    use crate::flow::layout::{LayoutOptions, layout};
    use crate::flow::text::Metrics;

    fn tall() -> Layout {
        let g = generate_from_steps("t", "申请—受理—审核—复核—决定—公示—拨付—归档—办结");
        layout(&g, &Metrics::fallback(), &LayoutOptions::default())
    }

    #[test]
    fn letters_run_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
    }

    #[test]
    fn a_tall_chart_splits_between_ranks_with_matching_markers() {
        let l = tall();
        let limit = l.height * 0.6;
        let pages = split(&l, limit, limit).expect("a cut fits");
        assert!(pages.len() >= 2);
        let mut boxes = 0;
        for p in &pages {
            assert!(p.height <= limit + 0.01, "{} > {limit}", p.height);
            boxes += p.boxes.len();
            for b in &p.boxes {
                assert!(b.rect.y >= 0.0 && b.rect.bottom() <= p.height);
            }
        }
        // Every box once; every cut line marked on both sides with the same letter.
        assert_eq!(boxes, l.boxes.len());
        let bottom: Vec<&str> = pages[0].markers.iter().map(|m| m.letter.as_str()).collect();
        let top: Vec<&str> = pages[1]
            .markers
            .iter()
            .filter(|m| m.center.y < pages[1].height / 2.0)
            .map(|m| m.letter.as_str())
            .collect();
        assert!(!bottom.is_empty());
        assert_eq!(bottom, top);
        // Every arrowhead survives exactly once.
        let arrows: usize = pages
            .iter()
            .map(|p| p.edges.iter().filter(|e| e.arrow.is_some()).count())
            .sum();
        assert_eq!(arrows, l.edges.iter().filter(|e| e.arrow.is_some()).count());
    }

    #[test]
    fn a_page_shorter_than_one_rank_cannot_be_split() {
        let l = tall();
        assert!(split(&l, 10.0, 10.0).is_none());
    }
}
