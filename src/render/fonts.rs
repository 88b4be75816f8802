//! Font discovery and the five font roles of a Chinese government document.
//!
//! | role | used for | official font | free fallbacks |
//! |---|---|---|---|
//! | `title` | 标题 (2号 小标宋) | 方正小标宋简体 | Noto Serif CJK SC (bold) |
//! | `body` | 正文 (3号 仿宋) | 仿宋_GB2312 | FandolFang, Noto Serif CJK SC |
//! | `heading` | 一级标题, labels (黑体) | 黑体 / SimHei | Noto Sans CJK SC, FandolHei |
//! | `kai` | 二级标题 (楷体) | 楷体_GB2312 | AR PL UKai CN, FandolKai, LXGW WenKai, Noto Serif CJK SC |
//! | `mono` | codes, URLs | – | Noto Sans Mono CJK SC |
//!
//! Each role takes the first installed family of its list; the templates receive, per role, the
//! installed families in order (the first is the chosen one, the rest are glyph fallbacks).

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

use memmap2::Mmap;
use rust_i18n::t;
use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, FontVariant};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontPath, FontSource, FontStore};

use super::RenderError;
use crate::flow::Metrics;

/// Folders where fonts are installed (fontconfig's usual places and the user's own), for the
/// build's change detection; the fonts themselves are found by [`Fonts::scan`].
pub fn font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = ["/usr/share/fonts", "/usr/local/share/fonts"]
        .iter()
        .map(PathBuf::from)
        .collect();
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
    }
    dirs
}

/// A font role used by the templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FontRole {
    Title,
    Body,
    Heading,
    Kai,
    Mono,
}

impl FontRole {
    pub const ALL: [FontRole; 5] = [
        FontRole::Title,
        FontRole::Body,
        FontRole::Heading,
        FontRole::Kai,
        FontRole::Mono,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FontRole::Title => "title",
            FontRole::Body => "body",
            FontRole::Heading => "heading",
            FontRole::Kai => "kai",
            FontRole::Mono => "mono",
        }
    }

    /// What the role is for, in Chinese.
    pub fn description(self) -> &'static str {
        match self {
            FontRole::Title => "标题（小标宋）",
            FontRole::Body => "正文（仿宋）",
            FontRole::Heading => "一级标题（黑体）",
            FontRole::Kai => "二级标题（楷体）",
            FontRole::Mono => "编码、网址（等宽）",
        }
    }

    /// Family names in order of preference: official fonts first (Chinese and English names),
    /// then free fonts.
    pub fn candidates(self) -> &'static [&'static str] {
        match self {
            FontRole::Title => &[
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05S",
                "方正小标宋_GBK",
                "FZXiaoBiaoSong-B05",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
                "Noto Serif SC",
                "宋体",
                "SimSun",
                "AR PL UMing CN",
            ],
            FontRole::Body => &[
                "仿宋_GB2312",
                "FangSong_GB2312",
                "仿宋",
                "FangSong",
                "STFangsong",
                // Free 仿宋 (Fandol, installed by scripts/setup.sh; its name table says
                // "FandolFang R").
                "FandolFang",
                "FandolFang R",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
                "Noto Serif SC",
                "AR PL UMing CN",
            ],
            FontRole::Heading => &[
                "黑体",
                "SimHei",
                "方正黑体简体",
                "FZHei-B01S",
                "Noto Sans CJK SC",
                "Source Han Sans SC",
                "Source Han Sans CN",
                "Noto Sans SC",
                "FandolHei",
                "WenQuanYi Zen Hei",
                "WenQuanYi Micro Hei",
            ],
            FontRole::Kai => &[
                "楷体_GB2312",
                "KaiTi_GB2312",
                "楷体",
                "KaiTi",
                "STKaiti",
                "AR PL UKai CN",
                "FandolKai",
                "LXGW WenKai",
                "LXGW WenKai GB",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
            ],
            FontRole::Mono => &[
                "Noto Sans Mono CJK SC",
                "Sarasa Mono SC",
                "Source Han Mono SC",
                "DejaVu Sans Mono",
                "Liberation Mono",
                "Noto Sans Mono",
            ],
        }
    }
}

impl fmt::Display for FontRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where fonts come from.
#[derive(Debug, Clone)]
pub struct FontOptions {
    /// Extra directories searched recursively (`--font-path`), before the system fonts.
    pub font_dirs: Vec<PathBuf>,
    /// Whether to search the system font directories (fontconfig).
    pub system_fonts: bool,
}

impl Default for FontOptions {
    fn default() -> Self {
        FontOptions {
            font_dirs: Vec::new(),
            system_fonts: true,
        }
    }
}

/// The families each role uses, as passed to the templates (`fonts` in `/data.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FontRoles {
    pub title: Vec<String>,
    pub body: Vec<String>,
    pub heading: Vec<String>,
    pub kai: Vec<String>,
    pub mono: Vec<String>,
}

impl FontRoles {
    pub fn get(&self, role: FontRole) -> &[String] {
        match role {
            FontRole::Title => &self.title,
            FontRole::Body => &self.body,
            FontRole::Heading => &self.heading,
            FontRole::Kai => &self.kai,
            FontRole::Mono => &self.mono,
        }
    }

    fn get_mut(&mut self, role: FontRole) -> &mut Vec<String> {
        match role {
            FontRole::Title => &mut self.title,
            FontRole::Body => &mut self.body,
            FontRole::Heading => &mut self.heading,
            FontRole::Kai => &mut self.kai,
            FontRole::Mono => &mut self.mono,
        }
    }
}

/// One candidate family of a role and whether it is installed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FontCandidate {
    pub family: String,
    pub installed: bool,
}

/// A line of `zhinan fonts`: a role, the family chosen for it, and all its candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FontReport {
    pub role: FontRole,
    pub chosen: Option<String>,
    pub candidates: Vec<FontCandidate>,
}

/// The fonts of a build: a typst font store and the role assignment.
pub struct Fonts {
    store: FontStore,
    roles: FontRoles,
    /// Families (as the font book spells them) that cover Chinese characters.
    cjk_families: Vec<String>,
}

impl fmt::Debug for Fonts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fonts")
            .field("fonts", &self.store.book().families().count())
            .field("roles", &self.roles)
            .finish()
    }
}

/// A found font face whose file is mapped into memory when first used. A CJK face lives in a
/// collection file of 20–30 MB; reading the file whole for each face used (as `typst_kit` does)
/// cost the seed build about 0.08 s of CPU, while typesetting touches only the tables and
/// glyphs it uses.
struct MappedFont(FontPath);

impl MappedFont {
    fn from_scan((path, info): (FontPath, FontInfo)) -> (MappedFont, FontInfo) {
        (MappedFont(path), info)
    }
}

impl FontSource for MappedFont {
    fn load(&self) -> Option<Font> {
        let file = std::fs::File::open(&self.0.path).ok()?;
        // SAFETY: the map is read-only. A font file changed by another program during the build
        // would change what it reads, as it would for every program that maps fonts (fontdb,
        // fontconfig); the file is opened read-only and never written through the map.
        let map = unsafe { Mmap::map(&file) }.ok()?;
        Font::new(Bytes::new(map), self.0.index)
    }
}

/// A character every CJK font used here must have.
const CJK_PROBE: [char; 3] = ['医', '保', '办'];

impl Fonts {
    /// Finds fonts and assigns roles; fails when no installed font covers Chinese.
    pub fn discover(options: &FontOptions) -> Result<Fonts, RenderError> {
        let fonts = Fonts::scan(options);
        if fonts.cjk_families.is_empty() {
            return Err(RenderError::NoCjkFont {
                searched: describe_search(options),
            });
        }
        Ok(fonts)
    }

    /// Finds fonts and assigns roles; a role may stay empty.
    pub fn scan(options: &FontOptions) -> Fonts {
        let mut store = FontStore::new();
        for dir in &options.font_dirs {
            store.extend(typst_kit::fonts::scan(dir).map(MappedFont::from_scan));
        }
        if options.system_fonts {
            store.extend(typst_kit::fonts::system().map(MappedFont::from_scan));
        }
        Fonts::from_store(store)
    }

    /// Uses the given fonts only (tests, embedding applications).
    pub fn from_fonts(fonts: impl IntoIterator<Item = Font>) -> Fonts {
        let mut store = FontStore::new();
        for font in fonts {
            let info = font.info().clone();
            store.push((font, info));
        }
        Fonts::from_store(store)
    }

    fn from_store(store: FontStore) -> Fonts {
        let book = store.book();
        let mut cjk_families: Vec<String> = {
            let mut set = BTreeSet::new();
            for (family, ids) in book.families() {
                let ids: Vec<usize> = ids.collect();
                let covers = ids.iter().any(|&i| {
                    book.info(i).is_some_and(|info| {
                        CJK_PROBE.iter().all(|&c| info.coverage.contains(c as u32))
                    })
                });
                if covers {
                    set.insert(family.to_string());
                }
            }
            set.into_iter().collect()
        };
        // Simplified-Chinese faces first (a pan-CJK collection also has HK, JP, KR and TC faces).
        cjk_families.sort_by_key(|f| (!is_simplified(f), f.clone()));

        let mut roles = FontRoles::default();
        for role in FontRole::ALL {
            let list = roles.get_mut(role);
            for candidate in role.candidates() {
                if let Some(family) = book_family(book, candidate)
                    && !list.contains(&family)
                {
                    list.push(family);
                }
            }
            // Nothing from the list: any font with Chinese glyphs keeps the document readable.
            if list.is_empty()
                && let Some(first) = cjk_families.first()
            {
                list.push(first.clone());
            }
            // A CJK glyph fallback after a Latin-only mono font.
            if role == FontRole::Mono
                && let Some(cjk) = roles
                    .body
                    .first()
                    .cloned()
                    .or_else(|| cjk_families.first().cloned())
            {
                let list = roles.get_mut(role);
                if !list.contains(&cjk) {
                    list.push(cjk);
                }
            }
        }
        Fonts {
            store,
            roles,
            cjk_families,
        }
    }

    /// The role assignment passed to the templates.
    pub fn roles(&self) -> &FontRoles {
        &self.roles
    }

    /// Families that cover Chinese characters.
    pub fn cjk_families(&self) -> &[String] {
        &self.cjk_families
    }

    /// Per role: the chosen family and every candidate with whether it is installed.
    pub fn report(&self) -> Vec<FontReport> {
        let book = self.store.book();
        FontRole::ALL
            .iter()
            .map(|&role| FontReport {
                role,
                chosen: self.roles.get(role).first().cloned(),
                candidates: role
                    .candidates()
                    .iter()
                    .map(|c| FontCandidate {
                        family: c.to_string(),
                        installed: book_family(book, c).is_some(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// Advance widths for laying out flowcharts, from the face the charts print in (the SVG's
    /// first family, `Noto Sans CJK SC`, else the heading role's 黑体 face), found by this same
    /// discovery, so `--font-path` reaches the chart metrics too. Without any, estimates.
    pub fn chart_metrics(&self) -> Metrics {
        let book = self.store.book();
        let families = std::iter::once(crate::flow::text::DEFAULT_FAMILY.to_string())
            .chain(self.roles.heading.iter().cloned());
        for family in families {
            let Some(index) = book.select(&family.to_lowercase(), FontVariant::default()) else {
                continue;
            };
            if let Some(metrics) = self
                .store
                .font(index)
                .and_then(|font| Metrics::from_data(font.data().as_slice(), Some(font.index())))
            {
                return metrics;
            }
        }
        Metrics::fallback()
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }
}

/// The report for `zhinan fonts`: scans fonts and lists, per role, the chosen family and the
/// candidates. Never fails; a role with no font has `chosen: None`.
pub fn font_report(options: &FontOptions) -> Vec<FontReport> {
    Fonts::scan(options).report()
}

/// Whether a family name marks a simplified-Chinese face (`… SC`, `… CN`, `…GB…`, `简`).
fn is_simplified(family: &str) -> bool {
    let upper = family.to_uppercase();
    upper.ends_with(" SC")
        || upper.ends_with(" CN")
        || upper.contains("GB")
        || family.contains('简')
        || upper.contains("SIMSUN")
        || upper.contains("SIMHEI")
}

/// The family as the font book spells it, matched case-insensitively.
fn book_family(book: &FontBook, name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    if !book.contains_family(&lower) {
        return None;
    }
    book.families()
        .map(|(family, _)| family)
        .find(|family| family.to_lowercase() == lower)
        .map(str::to_string)
}

fn describe_search(options: &FontOptions) -> String {
    let mut places: Vec<String> = options
        .font_dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect();
    if options.system_fonts {
        places.push(t!("render.system-font-dirs").into_owned());
    }
    if places.is_empty() {
        t!("render.nowhere").into_owned()
    } else {
        places.join(", ")
    }
}
