//! Shared fixtures of the render tests: a hand-made county (three items, one flowchart SVG),
//! the system fonts, and wrappers around poppler's pdftotext / pdffonts / pdfinfo.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use zhinan::model::{Item, ItemFile, JurisdictionFile};
use zhinan::render::data::{CatalogData, CatalogMain, JurisdictionView};
use zhinan::render::{FontOptions, Fonts, Job};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("tests/fixtures/render")
}

pub fn templates() -> PathBuf {
    root().join("templates")
}

/// System fonts, scanned once per test binary.
pub fn fonts() -> Arc<Fonts> {
    static FONTS: OnceLock<Arc<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Arc::new(
                Fonts::discover(&FontOptions::default())
                    .expect("the render tests need a CJK font: apt-get install fonts-noto-cjk"),
            )
        })
        .clone()
}

pub fn jurisdiction_file() -> JurisdictionFile {
    toml::from_str(&std::fs::read_to_string(fixtures().join("jurisdiction.toml")).unwrap()).unwrap()
}

pub fn item_file() -> ItemFile {
    toml::from_str(&std::fs::read_to_string(fixtures().join("items.toml")).unwrap()).unwrap()
}

pub fn flow_svg() -> String {
    std::fs::read_to_string(fixtures().join("flow.svg")).unwrap()
}

/// The three fixture items, in order.
pub const ITEM_NAMES: [&str; 3] = ["单位参保登记", "职工参保登记", "城乡居民参保登记"];

/// The fixture county as a render job: guide (first item with a flowchart), notice.
pub fn job() -> Job {
    let jf = jurisdiction_file();
    let items: Vec<Item> = item_file()
        .items
        .iter()
        .map(|i| i.get_ref().clone())
        .collect();
    let spec = jf.notice.as_ref().unwrap();
    let body = std::fs::read_to_string(fixtures().join(spec.body.get_ref())).unwrap();
    let mut job = Job::from_model(&jf, &items, Some(&body));
    job.add_flow(
        0,
        "单位参保登记流程图",
        vec![
            "办公地址：政务服务中心B厅职工医保窗口".into(),
            "办公电话：7273452".into(),
        ],
        flow_svg(),
    );
    job
}

/// The fixture items as a one-主项 catalog.
pub fn catalog() -> CatalogData {
    let jf = jurisdiction_file();
    let j = JurisdictionView::from_file(&jf);
    let file = item_file();
    let items: Vec<_> = file.items.iter().map(|i| i.get_ref().clone()).collect();
    CatalogData::new(
        &j,
        vec![CatalogMain::from_model(file.main.as_ref().unwrap(), &items)],
    )
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed by the render tests (apt-get install poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF (`pdftotext -layout`).
pub fn pdftotext(pdf: &Path) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf)
}

/// `pdffonts` rows: (name, type, embedded, subset).
pub fn pdffonts(pdf: &Path) -> Vec<(String, String, bool, bool)> {
    let out = poppler("pdffonts", &[], pdf);
    out.lines()
        .skip(2)
        .filter_map(|line| {
            // name type encoding emb sub uni object ID; the name has no spaces.
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() < 7 {
                return None;
            }
            let n = cols.len();
            let (emb, sub) = (cols[n - 5] == "yes", cols[n - 4] == "yes");
            Some((cols[0].to_string(), cols[1..n - 6].join(" "), emb, sub))
        })
        .collect()
}

/// `pdfinfo` as key → value.
pub fn pdfinfo(pdf: &Path) -> Vec<(String, String)> {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

pub fn info(pdf: &Path, key: &str) -> String {
    pdfinfo(pdf)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Text with all white space removed (pdftotext breaks and spaces lines freely).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Copies the templates to a fresh directory (tests that edit templates).
pub fn copy_templates(to: &Path) {
    let source = templates();
    for entry in walkdir::WalkDir::new(&source) {
        let path = entry.unwrap().into_path();
        let target = to.join(path.strip_prefix(&source).unwrap());
        if path.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The text inside a horizontal band of every page (`y` from the top, in pt): e.g. the body of
/// the page without running header and page number.
pub fn pdftotext_band(pdf: &Path, y: u32, height: u32) -> String {
    let (y, h) = (y.to_string(), height.to_string());
    poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-x", "0", "-y", &y, "-W", "2000", "-H", &h],
        pdf,
    )
}

/// A word of `pdftotext -bbox`: page (1-based), text and box in pt from the top left.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Word {
    pub fn yc(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

pub fn bbox_words(pdf: &Path) -> Vec<Word> {
    let html = poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], pdf);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let i = tag.find(&key).unwrap() + key.len();
        tag[i..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = Vec::new();
    let mut page = 0;
    for chunk in html.split('<').skip(1) {
        if chunk.starts_with("page ") {
            page += 1;
        } else if chunk.starts_with("word ") {
            let (tag, text) = chunk.split_once('>').unwrap();
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            words.push(Word {
                page,
                text,
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
            });
        }
    }
    words
}

/// The word with this text (the first one).
pub fn word<'a>(words: &'a [Word], text: &str) -> &'a Word {
    words.iter().find(|w| w.text == text).unwrap_or_else(|| {
        panic!(
            "no word {text:?} in {:?}",
            words.iter().map(|w| &w.text).collect::<Vec<_>>()
        )
    })
}

/// The words on the same line as `anchor` (vertical centres within 3 pt), left to right, joined.
pub fn row_text(words: &[Word], anchor: &Word) -> String {
    let mut row: Vec<&Word> = words
        .iter()
        .filter(|w| w.page == anchor.page && (w.yc() - anchor.yc()).abs() < 3.0)
        .collect();
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    row.iter().map(|w| w.text.as_str()).collect()
}
pub mod pages;
