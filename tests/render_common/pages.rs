//! Checks that see the printed page: text boxes from `pdftotext -bbox-layout`, ink from a
//! low-resolution `pdftoppm` raster. Each check returns the problems it found, one line each
//! (`p.3: …`), so a failing test names the page and the text.

use std::path::Path;
use std::process::Command;

const MM: f64 = 72.0 / 25.4;
/// Slack for glyph boxes (ascenders, rounding) in pt.
const TOL: f64 = 2.0;
/// What a printer cannot print: nothing may come closer to the paper's edge (mm).
const EDGE: f64 = 5.0;

/// A line that ends in CJK punctuation: typst sets the closing mark in half an em at the line's
/// end, poppler reports the glyph's full em. Half the line's height is allowed past the margin.
fn trailing_slack(l: &Line) -> f64 {
    let closing = "，、。；：！？）】〕」》”’〉』";
    match l.text.trim_end().chars().last() {
        Some(c) if closing.contains(c) => (l.y1 - l.y0) * 0.55,
        _ => 0.0,
    }
}

#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
    pub lines: Vec<Line>,
}

/// The page geometry a document promises: margins of the type area (mm), whether pages carry a
/// running header above it and a page number below it, and whether odd and even pages mirror
/// (binding on the left of odd pages: `inside` margin on the left).
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub top: f64,
    pub bottom: f64,
    pub inside: f64,
    pub outside: f64,
    pub mirrored: bool,
    pub header: bool,
    pub footer: bool,
    /// Pages before this one (1-based) have no header (cover, contents).
    pub header_from: usize,
}

impl Frame {
    /// Guides and item sheets (templates/guide.typ, item.typ): A4, 30/28/26 mm.
    pub const GUIDE: Frame = Frame {
        top: 30.0,
        bottom: 28.0,
        inside: 26.0,
        outside: 26.0,
        mirrored: false,
        header: true,
        footer: true,
        header_from: 1,
    };
    /// Notices (GB/T 9704): 37 mm 天头, 35 mm 地脚, 28 mm 订口, 26 mm 切口.
    pub const NOTICE: Frame = Frame {
        top: 37.0,
        bottom: 35.0,
        inside: 28.0,
        outside: 26.0,
        mirrored: true,
        header: false,
        footer: true,
        header_from: 1,
    };
    /// The catalog (landscape): 16 mm top and bottom, 12 mm sides.
    pub const CATALOG: Frame = Frame {
        top: 16.0,
        bottom: 16.0,
        inside: 12.0,
        outside: 12.0,
        mirrored: false,
        header: false,
        footer: true,
        header_from: 1,
    };

    /// Left, top, right, bottom of the type area on page `n` (1-based), in pt.
    fn area(&self, page: &Page, n: usize) -> (f64, f64, f64, f64) {
        let (left, right) = if self.mirrored && n.is_multiple_of(2) {
            (self.outside, self.inside)
        } else {
            (self.inside, self.outside)
        };
        (
            left * MM,
            self.top * MM,
            page.width - right * MM,
            page.height - self.bottom * MM,
        )
    }
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
    let end = tag[start..].find('"').map(|i| start + i).unwrap_or(start);
    tag[start..end].parse().unwrap_or(0.0)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Pages with their words and lines, as poppler reads them.
pub fn read_pages(pdf: &Path) -> Vec<Page> {
    let out = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    let xml = String::from_utf8_lossy(&out.stdout);
    let mut pages = Vec::new();
    let mut line: Option<(Line, Vec<String>)> = None;
    for raw in xml.lines() {
        let t = raw.trim();
        if t.starts_with("<page ") {
            pages.push(Page {
                width: attr(t, "width"),
                height: attr(t, "height"),
                ..Page::default()
            });
        } else if t.starts_with("<line ") {
            line = Some((
                Line {
                    text: String::new(),
                    x0: attr(t, "xMin"),
                    y0: attr(t, "yMin"),
                    x1: attr(t, "xMax"),
                    y1: attr(t, "yMax"),
                },
                Vec::new(),
            ));
        } else if t.starts_with("<word ") {
            let text = t
                .split_once('>')
                .map(|(_, rest)| rest.trim_end_matches("</word>"))
                .map(unescape)
                .unwrap_or_default();
            if let Some((_, words)) = line.as_mut() {
                words.push(text.clone());
            }
            if let Some(page) = pages.last_mut() {
                page.words.push(Word {
                    text,
                    x0: attr(t, "xMin"),
                    y0: attr(t, "yMin"),
                    x1: attr(t, "xMax"),
                    y1: attr(t, "yMax"),
                });
            }
        } else if t.starts_with("</line>")
            && let Some((mut l, words)) = line.take()
            && let Some(page) = pages.last_mut()
        {
            l.text = words.concat();
            page.lines.push(l);
        }
    }
    pages
}

/// No glyph outside the type area, none across the edge of the running header or footer, the
/// running header on one line, nothing within 5 mm of the paper's edge.
pub fn check_type_area(pages: &[Page], frame: Frame) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let (left, top, right, bottom) = frame.area(page, n);
        let mut header_rows: Vec<f64> = Vec::new();
        for l in &page.lines {
            let edge = EDGE * MM;
            if l.x0 < edge || l.y0 < edge || l.x1 > page.width - edge || l.y1 > page.height - edge {
                problems.push(format!(
                    "p.{n}: within {EDGE} mm of the paper edge: {}",
                    l.text
                ));
            }
            if l.y0 < top - TOL && l.y1 > top + TOL {
                problems.push(format!(
                    "p.{n}: across the running header's edge: {}",
                    l.text
                ));
            } else if l.y0 < bottom - TOL && l.y1 > bottom + TOL {
                problems.push(format!("p.{n}: across the footer's edge: {}", l.text));
            } else if l.y1 <= top + TOL {
                if !frame.header || n < frame.header_from {
                    problems.push(format!("p.{n}: above the type area: {}", l.text));
                } else if !header_rows.iter().any(|y| (y - l.y0).abs() < 1.0) {
                    header_rows.push(l.y0);
                }
            } else if l.y0 >= bottom - TOL {
                if !frame.footer {
                    problems.push(format!("p.{n}: below the type area: {}", l.text));
                }
            } else if l.x0 < left - TOL || l.x1 > right + TOL + trailing_slack(l) {
                problems.push(format!(
                    "p.{n}: outside the type area ({:.0}–{:.0} pt of {:.0}–{:.0}): {}",
                    l.x0, l.x1, left, right, l.text
                ));
            }
        }
        if header_rows.len() > 1 {
            problems.push(format!(
                "p.{n}: the running header takes {} lines",
                header_rows.len()
            ));
        }
    }
    problems
}

/// No two words whose boxes overlap by more than half of the smaller one (less is the
/// compression of adjacent CJK punctuation, which poppler does not know).
pub fn check_overlaps(pages: &[Page]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut words: Vec<&Word> = page.words.iter().collect();
        words.sort_by(|a, b| a.y0.total_cmp(&b.y0));
        for (a_i, a) in words.iter().enumerate() {
            for b in &words[a_i + 1..] {
                if b.y0 >= a.y1 {
                    break;
                }
                let w = a.x1.min(b.x1) - a.x0.max(b.x0);
                let h = a.y1.min(b.y1) - a.y0.max(b.y0);
                if w <= 0.0 || h <= 0.0 {
                    continue;
                }
                let smaller = ((a.x1 - a.x0) * (a.y1 - a.y0)).min((b.x1 - b.x0) * (b.y1 - b.y0));
                if w * h > 0.5 * smaller {
                    problems.push(format!(
                        "p.{}: “{}” and “{}” overlap",
                        i + 1,
                        a.text,
                        b.text
                    ));
                }
            }
        }
    }
    problems
}

fn is_heading_line(l: &Line, page: &Page) -> bool {
    let centred = ((l.x0 + l.x1) / 2.0 - page.width / 2.0).abs() < 3.0;
    let numbered = l.text.split_once('、').is_some_and(|(n, _)| {
        !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十百".contains(c))
    });
    centred && (numbered || l.text.ends_with("流程图")) && !l.text.ends_with('。')
}

/// A centred title that wraps never leaves one character alone on its last line (“监督检｜查”):
/// a one-character centred line right under a centred line of the same size.
pub fn check_runt_lines(pages: &[Page]) -> Vec<String> {
    let centred = |l: &Line, page: &Page| ((l.x0 + l.x1) / 2.0 - page.width / 2.0).abs() < 3.0;
    let mut problems = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for (above, l) in page.lines.iter().zip(page.lines.iter().skip(1)) {
            let (h, h_above) = (l.y1 - l.y0, above.y1 - above.y0);
            let follows = (h - h_above).abs() < 1.0 && l.y0 > above.y0 && l.y0 - above.y1 < h;
            if l.text.trim().chars().count() == 1
                && follows
                && centred(l, page)
                && centred(above, page)
            {
                problems.push(format!(
                    "p.{}: a title wraps with one character alone: {} | {}",
                    i + 1,
                    above.text.trim(),
                    l.text.trim()
                ));
            }
        }
    }
    problems
}

/// The last line of a page's body is neither a heading nor a label (`备注：`) whose content
/// starts on the next page.
pub fn check_last_lines(pages: &[Page], frame: Frame) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if i + 1 == pages.len() {
            continue;
        }
        let (_, top, _, bottom) = frame.area(page, i + 1);
        let last = page
            .lines
            .iter()
            .filter(|l| l.y0 > top && l.y1 < bottom + TOL)
            .max_by(|a, b| a.y1.total_cmp(&b.y1));
        if let Some(l) = last {
            let text = l.text.trim();
            // A contents entry (dot leader, page number) is not a heading.
            if text.contains("··") || text.ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if text.ends_with('：') || text.ends_with(':') || is_heading_line(l, page) {
                problems.push(format!("p.{}: ends with a heading or label: {text}", i + 1));
            }
        }
    }
    problems
}

/// Pages as grey rasters at `dpi`: (width, height, pixels), via `pdftoppm -gray`.
pub fn raster(pdf: &Path, dpi: u32) -> Vec<(usize, usize, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string()])
        .arg(pdf)
        .arg(dir.path().join("p"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed by scripts/setup.sh");
    assert!(status.success());
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| parse_pgm(&std::fs::read(f).unwrap()))
        .collect()
}

fn parse_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    // P5\n<w> <h>\n255\n<data>
    let mut fields = Vec::new();
    let mut pos = 0;
    while fields.len() < 4 {
        while bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let start = pos;
        while !bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..pos]).into_owned());
    }
    pos += 1;
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[pos..pos + w * h].to_vec())
}

/// Every drawing (charts included) inside the page's type area: no ink outside it except in the
/// running header's and the footer's bands, none within 5 mm of the paper's edge.
pub fn check_ink(pdf: &Path, frame: Frame) -> Vec<String> {
    const DPI: u32 = 24;
    let px = |pt: f64| pt * f64::from(DPI) / 72.0;
    let mut problems = Vec::new();
    let pages = read_pages(pdf);
    for (i, (w, h, pixels)) in raster(pdf, DPI).into_iter().enumerate() {
        let Some(page) = pages.get(i) else { break };
        let (left, top, right, bottom) = frame.area(page, i + 1);
        let slack = px(2.0 * MM);
        let edge = px(EDGE * MM);
        let mut outside = 0;
        let mut near_edge = 0;
        for y in 0..h {
            for x in 0..w {
                if pixels[y * w + x] > 160 {
                    continue;
                }
                let (xf, yf) = (x as f64, y as f64);
                if xf < edge || yf < edge || xf > w as f64 - edge || yf > h as f64 - edge {
                    near_edge += 1;
                    continue;
                }
                let in_area = xf >= px(left) - slack
                    && xf <= px(right) + slack
                    && yf >= px(top) - slack
                    && yf <= px(bottom) + slack;
                let in_header = frame.header && yf < px(top);
                let in_footer = frame.footer && yf > px(bottom) && yf < px(bottom + 15.0 * MM);
                // The page number sits in the footer band; a chart running into it is caught
                // by the text check (the number and the chart's words overlap) and here when
                // its lines cross the band's middle.
                if !(in_area || in_header || in_footer) {
                    outside += 1;
                }
            }
        }
        if near_edge > 0 || outside > 0 {
            problems.push(format!(
                "p.{}: ink outside the type area ({outside} px) or near the paper edge ({near_edge} px)",
                i + 1
            ));
        }
    }
    problems
}

/// A notice's 附件 table has every column its body refers to (咨询电话, 监督电话, 承诺办理时限),
/// and no such column is empty.
pub fn check_notice_columns(pages: &[Page]) -> Vec<String> {
    const COLUMNS: [&str; 3] = ["承诺办理时限", "咨询电话", "监督电话"];
    let mut problems = Vec::new();
    let Some(attachment) = pages
        .iter()
        .position(|p| p.lines.iter().any(|l| l.text.trim() == "附件"))
    else {
        return problems;
    };
    let body: String = pages[..attachment]
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
        .collect();
    for column in COLUMNS {
        if !body.contains(column) {
            continue;
        }
        let mut found = false;
        for (i, page) in pages.iter().enumerate().skip(attachment) {
            let Some(head) = page.words.iter().find(|w| w.text == column) else {
                continue;
            };
            found = true;
            let filled = page.words.iter().any(|w| {
                let xc = (w.x0 + w.x1) / 2.0;
                w.y0 > head.y1 && xc > head.x0 - 12.0 && xc < head.x1 + 12.0
            });
            if !filled {
                problems.push(format!("p.{}: the {column} column is empty", i + 1));
            }
        }
        if !found {
            problems.push(format!(
                "the body refers to {column} in the 附件, which has no such column"
            ));
        }
    }
    problems
}

/// A chart that fits shares the page with the text before it: no page's whole content would
/// have fitted in the room left at the foot of the page before (with `slack` mm for the space
/// above a chart block). A landscape page after a portrait one (a chart too wide for portrait)
/// is not compared. For documents of one item (a new item starts a new page on purpose).
pub fn check_pushed_pages(pdf: &Path, frame: Frame, slack: f64) -> Vec<String> {
    const DPI: u32 = 24;
    let px = |pt: f64| pt * f64::from(DPI) / 72.0;
    let mm = |p: f64| p / px(MM);
    let pages = read_pages(pdf);
    // Per page: the first and last row with ink inside the type area, and the area's bottom.
    let extents: Vec<Option<(f64, f64, f64)>> = raster(pdf, DPI)
        .into_iter()
        .enumerate()
        .map(|(i, (w, h, pixels))| {
            let page = pages.get(i)?;
            let (left, top, right, bottom) = frame.area(page, i + 1);
            let (x0, x1) = (px(left) as usize, (px(right) as usize).min(w));
            let (y0, y1) = (px(top) as usize, (px(bottom) as usize).min(h));
            let inked = |y: &usize| (x0..x1).any(|x| pixels[y * w + x] <= 160);
            let first = (y0..y1).find(inked)?;
            let last = (y0..y1).rev().find(inked)?;
            Some((first as f64, last as f64, y1 as f64))
        })
        .collect();
    let landscape: Vec<bool> = pages.iter().map(|p| p.width > p.height).collect();
    let mut problems = Vec::new();
    for k in 1..extents.len() {
        if landscape.get(k) != landscape.get(k - 1) {
            continue;
        }
        let (Some((_, last, bottom)), Some((first, end, _))) = (extents[k - 1], extents[k]) else {
            continue;
        };
        let (free, need) = (mm(bottom - last), mm(end - first));
        if need + slack < free {
            problems.push(format!(
                "p.{}: its content ({need:.0} mm) would fit in the {free:.0} mm left on p.{k}",
                k + 1
            ));
        }
    }
    problems
}
