//! The web pages label and order an item's fields as its PDF does: from the jurisdiction's style
//! file (templates/styles/<style>.toml), not from a list of their own.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `<h2>` headings of a page, in order.
fn headings(html: &str) -> Vec<String> {
    html.split("<h2>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</h2>").map(|(h, _)| h.to_string()))
        .collect()
}

/// (key, label) of a style file, read here with the toml crate.
fn style_fields(templates: &Path, style: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(templates.join(format!("styles/{style}.toml"))).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    table["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["key"].as_str().unwrap().to_string(),
                f["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The site pages of one jurisdiction built with `templates`: file name → HTML.
fn pages(name: &str, templates: &Path) -> Vec<(String, String)> {
    let project = zhinan::resolve::load_project(&root()).unwrap_or_else(|_| panic!("sources load"));
    let j = project.find(name).unwrap();
    let jobs = zhinan::build::jobs(
        &project,
        Some(j),
        &zhinan::flow::Metrics::system(),
        templates,
    )
    .unwrap_or_else(|_| panic!("jobs"));
    jobs[0]
        .files
        .iter()
        .filter(|(p, _)| {
            p.starts_with("site/") && p.ends_with(".html") && !p.ends_with("index.html")
        })
        .map(|(p, b)| (p.clone(), String::from_utf8(b.clone()).unwrap()))
        .collect()
}

#[test]
fn bazhou_pages_use_the_twelve_numbered_labels_of_its_style() {
    let templates = root().join("templates");
    let fields = style_fields(&templates, "bazhou");
    let labels: Vec<&str> = fields.iter().map(|(_, l)| l.as_str()).collect();
    let pages = pages("霸州市", &templates);
    assert!(!pages.is_empty());
    for (path, html) in &pages {
        let field_headings: Vec<String> = headings(html)
            .into_iter()
            .filter(|h| h.contains('、'))
            .collect();
        assert!(!field_headings.is_empty(), "{path}");
        let mut last = None;
        for (n, h) in field_headings.iter().enumerate() {
            let (number, label) = h.split_once('、').unwrap();
            // Numbered 一、二、… without gaps, labels in the style's order.
            assert_eq!(
                number,
                zhinan::text::numerals::to_chinese(n as u64 + 1),
                "{path}: {h}"
            );
            let at = labels
                .iter()
                .position(|l| *l == label)
                .unwrap_or_else(|| panic!("{path}: `{label}` is not a label of bazhou.toml"));
            assert!(last < Some(at), "{path}: {h} out of the style's order");
            last = Some(at);
        }
    }
}

/// A label changed in the style file changes the web page: the site has no list of its own.
#[test]
fn an_edited_style_file_changes_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(templates.join("styles")).unwrap();
    for entry in std::fs::read_dir(root().join("templates/styles")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            templates.join("styles").join(entry.file_name()),
        )
        .unwrap();
    }
    let path = templates.join("styles/bazhou.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("label = \"实施机构\"", "label = \"办理机构（测试）\"");
    std::fs::write(&path, text).unwrap();
    let pages = pages("霸州市", &templates);
    let all: String = pages.iter().map(|(_, h)| h.as_str()).collect();
    assert!(
        all.contains("<h2>一、办理机构（测试）</h2>"),
        "the edited label is used"
    );
    assert!(!all.contains("实施机构</h2>"), "the old label is gone");
}
