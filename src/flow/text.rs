//! Text measurement with the real font's advance widths, and Chinese line breaking.
//!
//! Widths come from the sans CJK font the PDF uses, so a box is as wide as its printed text on
//! every machine that has that font; without it, [`Metrics::fallback`] gives Noto-like widths.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::text::lists::{MarkerStyle, list_marker};
use crate::text::width::is_wide_in_cjk_font;

/// Family the guide's PDF and the SVG `font-family` chain start with.
pub const DEFAULT_FAMILY: &str = "Noto Sans CJK SC";

/// Where fontconfig-style systems keep fonts; searched by [`Metrics::system`].
const FONT_DIRS: &[&str] = &[
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "C:\\Windows\\Fonts",
];

/// Sans CJK font files worth trying, best first (matched against file names).
const FONT_FILES: &[&str] = &[
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansSC-Regular.otf",
    "SourceHanSans-Regular.ttc",
    "SourceHanSansSC-Regular.otf",
    "SourceHanSansCN-Regular.otf",
    "wqy-microhei.ttc",
    "msyh.ttc",
];

#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("cannot read font {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} holds no usable font face with Chinese characters")]
    NoFace(PathBuf),
}

/// Advance widths in em of one font face (or the fallback estimates).
#[derive(Debug, Clone)]
pub struct Metrics {
    /// Basic Multilingual Plane, indexed by code point; negative = not in the font.
    bmp: Vec<f32>,
    /// Code points above the BMP.
    other: BTreeMap<u32, f32>,
    family: Option<String>,
}

impl Metrics {
    /// Reads a font file; in a collection (.ttc) picks the face whose family is
    /// `Noto Sans CJK SC` (or another simplified-Chinese face, or any face covering 中).
    pub fn load(path: &Path) -> Result<Metrics, FontError> {
        let data = std::fs::read(path).map_err(|source| FontError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Metrics::from_data(&data, None).ok_or_else(|| FontError::NoFace(path.to_path_buf()))
    }

    /// Reads font data (a file's bytes): the face `index` of a collection, or else the best face
    /// as [`Metrics::load`] picks it. `None` when no face covers Chinese.
    pub fn from_data(data: &[u8], index: Option<u32>) -> Option<Metrics> {
        let (index, family) = match index {
            Some(i) => (
                i,
                face_family(&ttf_parser::Face::parse(data, i).ok()?).unwrap_or_default(),
            ),
            None => best_face(data)?,
        };
        let face = ttf_parser::Face::parse(data, index).ok()?;
        let upem = f32::from(face.units_per_em().max(1));
        let mut metrics = Metrics {
            bmp: vec![-1.0; 0x1_0000],
            other: BTreeMap::new(),
            family: (!family.is_empty()).then_some(family),
        };
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                sub.codepoints(|cp| {
                    let Some(glyph) = sub.glyph_index(cp) else {
                        return;
                    };
                    let Some(adv) = face.glyph_hor_advance(glyph) else {
                        return;
                    };
                    let em = f32::from(adv) / upem;
                    match metrics.bmp.get_mut(cp as usize) {
                        Some(slot) => *slot = em,
                        None => {
                            metrics.other.insert(cp, em);
                        }
                    }
                });
            }
        }
        Some(metrics)
    }

    /// Estimates shaped like Noto Sans CJK: Han and full-width punctuation 1 em, digits
    /// 0.555 em, Latin about 0.55 em.
    pub fn fallback() -> Metrics {
        Metrics {
            bmp: Vec::new(),
            other: BTreeMap::new(),
            family: None,
        }
    }

    /// The first sans CJK font found in the usual font folders, else [`Metrics::fallback`].
    pub fn system() -> Metrics {
        find_system_font()
            .and_then(|p| Metrics::load(&p).ok())
            .unwrap_or_else(Metrics::fallback)
    }

    /// Family name of the loaded face (`None` for the fallback).
    pub fn family(&self) -> Option<&str> {
        self.family.as_deref()
    }

    /// Advance width of one character in em.
    pub fn char_em(&self, c: char) -> f32 {
        let cp = c as u32;
        let found = match self.bmp.get(cp as usize) {
            Some(&w) if w >= 0.0 => Some(w),
            Some(_) => None,
            None => self.other.get(&cp).copied(),
        };
        found.unwrap_or_else(|| fallback_em(c))
    }

    /// Advance width of a string in em (no kerning: CJK text has none to speak of).
    pub fn text_em(&self, s: &str) -> f32 {
        s.chars().map(|c| self.char_em(c)).sum()
    }
}

/// The face of a font file or collection to measure with: `Noto Sans CJK SC`, else another
/// simplified-Chinese face, else any face covering 中.
fn best_face(data: &[u8]) -> Option<(u32, String)> {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    let mut best: Option<(u8, u32, String)> = None;
    for index in 0..count {
        let Ok(face) = ttf_parser::Face::parse(data, index) else {
            continue;
        };
        if face.glyph_index('中').is_none() {
            continue;
        }
        let family = face_family(&face).unwrap_or_default();
        let score = if family == DEFAULT_FAMILY {
            3
        } else if family.ends_with(" SC") || family.ends_with(" CN") {
            2
        } else {
            1
        };
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, index, family));
        }
    }
    best.map(|(_, index, family)| (index, family))
}

fn face_family(face: &ttf_parser::Face) -> Option<String> {
    use ttf_parser::name_id;
    let names: Vec<_> = face.names().into_iter().collect();
    // Typographic family first: in Noto's collections the plain family can carry a weight.
    for id in [name_id::TYPOGRAPHIC_FAMILY, name_id::FAMILY] {
        let english = names
            .iter()
            .filter(|n| n.name_id == id)
            .filter_map(|n| Some((n.language_id, n.to_string()?)))
            .min_by_key(|(lang, _)| (*lang != 0x409, *lang));
        if let Some((_, name)) = english {
            return Some(name);
        }
    }
    None
}

/// Searches the usual font folders for a sans CJK font, best candidate first.
pub fn find_system_font() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = FONT_DIRS.iter().map(PathBuf::from).collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
    }
    let mut found: Vec<(usize, PathBuf)> = Vec::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy();
            if let Some(rank) = FONT_FILES
                .iter()
                .position(|f| f.eq_ignore_ascii_case(&name))
            {
                found.push((rank, entry.into_path()));
            }
        }
    }
    found.sort();
    found.into_iter().next().map(|(_, p)| p)
}

fn fallback_em(c: char) -> f32 {
    match c {
        '0'..='9' => 0.555,
        ' ' => 0.224,
        'a'..='z' | 'A'..='Z' => 0.55,
        '!'..='~' => 0.35,
        _ if is_wide_in_cjk_font(c) => 1.0,
        _ => 0.55,
    }
}

/// May not begin a line (closing punctuation, pauses).
pub const NO_LINE_START: &str = "，。、；：）》！？」』”’】〕〉…·%,.;:!?)]}";
/// May not end a line (opening brackets and quotes).
pub const NO_LINE_END: &str = "（《「『“‘【〔〈([{";

/// Breaks text into lines of at most `max_em` (unless one unbreakable run is wider):
/// `\n` forces a break; no line starts with closing punctuation (，。、；：）》！？) or ends with
/// an opening bracket (（《); lines of a paragraph are balanced (the narrowest width that keeps the
/// fewest lines), and no line of a several-line paragraph holds only one or two characters.
pub fn wrap(text: &str, max_em: f32, metrics: &Metrics) -> Vec<String> {
    wrap_with(text, max_em, metrics, true)
}

/// Like [`wrap`], but lines are filled up to `max_em` instead of balanced: for left-aligned
/// text such as a note's list (提交材料：1、…), where balancing would break every item in half.
pub fn wrap_filled(text: &str, max_em: f32, metrics: &Metrics) -> Vec<String> {
    wrap_with(text, max_em, metrics, false)
}

fn wrap_with(text: &str, max_em: f32, metrics: &Metrics, balance: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let para = para.trim();
        if !para.is_empty() {
            wrap_paragraph(para, max_em, metrics, balance, &mut lines);
        }
    }
    lines
}

/// A piece of text no line break may fall inside.
struct Unit {
    text: String,
    em: f32,
    space: bool,
}

fn units(para: &str, max_em: f32, metrics: &Metrics) -> Vec<Unit> {
    // Raw pieces: each CJK character, each run of ASCII non-space (numbers, URLs, words), spaces.
    let mut raw: Vec<String> = Vec::new();
    for c in para.chars() {
        let joins = c.is_ascii_graphic()
            && raw
                .last()
                .and_then(|p| p.chars().last())
                .is_some_and(|l| l.is_ascii_graphic())
            && !NO_LINE_END.contains(c);
        match raw.last_mut() {
            Some(last) if joins => last.push(c),
            _ => raw.push(c.to_string()),
        }
    }
    // Kinsoku: closing punctuation sticks to what precedes it …
    let mut glued: Vec<String> = Vec::new();
    for piece in raw {
        let starts_closing = piece
            .chars()
            .next()
            .is_some_and(|c| NO_LINE_START.contains(c));
        match glued.last_mut() {
            Some(prev) if starts_closing && !prev.trim().is_empty() => prev.push_str(&piece),
            _ => glued.push(piece),
        }
    }
    // … and opening brackets to what follows (as does an enumerator like 1、).
    let mut merged: Vec<String> = Vec::new();
    let mut carry = String::new();
    for piece in glued {
        carry.push_str(&piece);
        let opening = piece
            .chars()
            .last()
            .is_some_and(|c| NO_LINE_END.contains(c));
        if !opening && !is_enumerator(&carry) {
            merged.push(std::mem::take(&mut carry));
        }
    }
    if !carry.is_empty() {
        merged.push(carry);
    }
    let mut out = Vec::new();
    for text in merged {
        let em = metrics.text_em(&text);
        let space = text.trim().is_empty();
        if em > max_em && text.chars().count() > 1 {
            // Wider than a line on its own (a long URL): it has to be cut somewhere.
            for c in text.chars() {
                out.push(Unit {
                    text: c.to_string(),
                    em: metrics.char_em(c),
                    space,
                });
            }
        } else {
            out.push(Unit { text, em, space });
        }
    }
    out
}

/// `1、`, `2.` list numbers read badly at a line end.
fn is_enumerator(s: &str) -> bool {
    matches!(list_marker(s), Some((MarkerStyle::ArabicDot, _, len)) if len == s.len())
}

/// Greedy lines under `limit`: ranges into `units`; leading spaces are skipped.
fn greedy(units: &[Unit], limit: f32) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut width = 0.0;
    for (i, u) in units.iter().enumerate() {
        if i == start && u.space {
            start += 1;
            continue;
        }
        if i > start && !u.space && width + u.em > limit + 1e-4 {
            lines.push((start, i));
            start = i;
            width = 0.0;
        }
        width += u.em;
    }
    if start < units.len() {
        lines.push((start, units.len()));
    }
    lines
}

fn line_em(units: &[Unit], (a, b): (usize, usize)) -> f32 {
    units[a..b].iter().map(|u| u.em).sum()
}

fn line_chars(units: &[Unit], (a, b): (usize, usize)) -> usize {
    units[a..b].iter().map(|u| u.text.chars().count()).sum()
}

fn wrap_paragraph(
    para: &str,
    max_em: f32,
    metrics: &Metrics,
    balance: bool,
    out: &mut Vec<String>,
) {
    let max_em = max_em.max(1.0);
    let units = units(para, max_em, metrics);
    let mut lines = greedy(&units, max_em);
    if lines.len() > 1 && balance {
        // Balance: the narrowest limit that still needs no more lines.
        let count = lines.len();
        let total: f32 = units.iter().map(|u| u.em).sum();
        let (mut lo, mut hi) = (total / count as f32, max_em);
        if greedy(&units, lo).len() <= count {
            hi = lo;
        }
        for _ in 0..24 {
            let mid = (lo + hi) / 2.0;
            if greedy(&units, mid).len() <= count {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        lines = greedy(&units, hi);
    }
    if lines.len() > 1 {
        // No line of one or two characters: pull units down from the line above.
        for i in 1..lines.len() {
            while line_chars(&units, lines[i]) <= 2 {
                let (a, b) = lines[i - 1];
                if b - a < 2 || line_chars(&units, (a, b - 1)) <= 2 {
                    break;
                }
                let moved = (b - 1, lines[i].1);
                if line_em(&units, moved) > max_em + 1e-4 {
                    break;
                }
                lines[i - 1] = (a, b - 1);
                lines[i] = moved;
            }
        }
    }
    if lines.len() > 1 {
        prefer_pauses(&units, &mut lines, max_em);
    }
    for (a, b) in lines {
        let text: String = units[a..b].iter().map(|u| u.text.as_str()).collect();
        let text = text.trim();
        if !text.is_empty() {
            out.push(text.to_string());
        }
    }
}

/// Marks after which a break reads naturally.
const PAUSES: &str = "，。；：、！？";

/// Moves each break to just after a nearby pause mark (at most two units away) when both lines
/// stay within the width, neither gets longer than the balanced width plus one em, and no line
/// drops to one or two characters.
fn prefer_pauses(units: &[Unit], lines: &mut [(usize, usize)], max_em: f32) {
    let balanced = lines.iter().map(|&l| line_em(units, l)).fold(0.0, f32::max);
    let ends_in_pause = |i: usize| {
        units[i]
            .text
            .chars()
            .last()
            .is_some_and(|c| PAUSES.contains(c))
    };
    for i in 0..lines.len() - 1 {
        let (a, b) = lines[i];
        let (_, c) = lines[i + 1];
        if ends_in_pause(b - 1) {
            continue;
        }
        let candidates = [b - 1, b + 1, b.saturating_sub(2), b + 2];
        for p in candidates {
            if p <= a + 1 || p >= c || !ends_in_pause(p - 1) {
                continue;
            }
            let (top, bottom) = ((a, p), (p, c));
            let limit = max_em.min(balanced + 1.0) + 1e-4;
            if line_em(units, top) <= limit
                && line_em(units, bottom) <= limit
                && line_chars(units, top) > 2
                && line_chars(units, bottom) > 2
            {
                lines[i] = top;
                lines[i + 1] = bottom;
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerator_detection() {
        assert!(is_enumerator("1、"));
        assert!(is_enumerator("12."));
        assert!(!is_enumerator("、"));
        assert!(!is_enumerator("医保"));
    }

    #[test]
    fn fallback_widths() {
        let m = Metrics::fallback();
        assert_eq!(m.char_em('医'), 1.0);
        assert_eq!(m.char_em('，'), 1.0);
        assert_eq!(m.char_em('7'), 0.555);
    }
}
