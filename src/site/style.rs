//! The field set of a guide as the web pages show it: the same `templates/styles/<name>.toml` the
//! PDF templates read (`load-style` in lib.typ), so a field has one label and one place in both.

use std::path::Path;

use serde::Deserialize;

use crate::text::numerals::to_chinese;

/// One field of a style: its source key and the label printed before it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StyleField {
    pub key: String,
    pub label: String,
    /// Counted in the numbering (`一、二、…`); lib.typ's default is true.
    #[serde(default = "yes")]
    pub numbered: bool,
}

fn yes() -> bool {
    true
}

/// A style: which fields a guide prints, in which order, with which labels and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Style {
    /// `cn` (一、), `arabic` (1. ) or `none`; lib.typ's default is `cn`.
    #[serde(default = "cn")]
    pub numbering: String,
    pub fields: Vec<StyleField>,
}

fn cn() -> String {
    "cn".to_string()
}

impl Style {
    /// `templates/styles/<name>.toml` under `templates_dir`. `Err` says why it cannot be read; the
    /// PDF templates fail on the same file, so that build publishes nothing either.
    pub fn load(templates_dir: &Path, name: &str) -> Result<Style, String> {
        let path = templates_dir.join("styles").join(format!("{name}.toml"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Style::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Style, toml::de::Error> {
        toml::from_str(text)
    }

    /// The prefix of the `n`-th numbered field (1-based), as lib.typ's `field-number`.
    pub fn number(&self, n: usize) -> String {
        match self.numbering.as_str() {
            "cn" => format!("{}、", to_chinese(n as u64)),
            "arabic" => format!("{n}. "),
            _ => String::new(),
        }
    }

    /// The headings of the fields an item has, in the style's order: `(key, "一、实施机构")`.
    /// Fields the style does not name are not shown, as in the PDF.
    pub fn headings<'a>(&'a self, present: &[&str]) -> Vec<(&'a str, String)> {
        let mut n = 0;
        self.fields
            .iter()
            .filter(|f| present.contains(&f.key.as_str()))
            .map(|f| {
                let number = if f.numbered {
                    n += 1;
                    self.number(n)
                } else {
                    String::new()
                };
                (f.key.as_str(), format!("{number}{}", f.label))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_style(name: &str) -> Style {
        Style::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
            name,
        )
        .unwrap()
    }

    #[test]
    fn the_template_styles_load() {
        for name in ["standard", "bazhou", "catalog"] {
            assert!(!repo_style(name).fields.is_empty(), "{name}");
        }
    }

    #[test]
    fn headings_follow_the_style_order_labels_and_numbering() {
        let bazhou = repo_style("bazhou");
        // Given in another order, with a field bazhou does not print (notes).
        let h = bazhou.headings(&["time_limit", "notes", "agency", "materials"]);
        assert_eq!(
            h,
            [
                ("agency", "一、实施机构".to_string()),
                ("materials", "二、申请材料目录".to_string()),
                ("time_limit", "三、承诺办理时限".to_string()),
            ]
        );
        let catalog = repo_style("catalog");
        assert_eq!(
            catalog.headings(&["notes", "materials"]),
            [
                ("materials", "办理材料".to_string()),
                ("notes", "备注".to_string())
            ]
        );
        let style = Style::parse(
            "numbering = \"arabic\"\nfields = [{ key = \"a\", label = \"甲\" }, \
             { key = \"b\", label = \"乙\", numbered = false }, { key = \"c\", label = \"丙\" }]",
        )
        .unwrap();
        assert_eq!(
            style.headings(&["a", "b", "c"]),
            [
                ("a", "1. 甲".to_string()),
                ("b", "乙".to_string()),
                ("c", "2. 丙".to_string())
            ]
        );
    }

    #[test]
    fn a_missing_style_says_which_file() {
        let err = Style::load(Path::new("no-such-templates"), "standard").unwrap_err();
        assert!(err.contains("standard.toml"), "{err}");
    }
}
