//! `docs/rules/<CODE>.md`: one Chinese page per lint rule, generated from the rule docs (the same
//! text as `zhinan rule <CODE>`), for SARIF `helpUri` to point at (see docs/ci/). The test fails when
//! a page is missing, stale or left over; regenerate them with
//! `ZHINAN_UPDATE_DOCS=1 cargo test --test cli_rule_docs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use zhinan::i18n::{self, Lang};
use zhinan::lint::rules;

const UPDATE: &str = "ZHINAN_UPDATE_DOCS";

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules")
}

/// Every page the rules make: file name → text.
fn pages() -> BTreeMap<String, String> {
    i18n::set_language(Lang::Zh);
    let metas = rules::metas();
    let mut pages = BTreeMap::new();
    let mut index = String::from(
        "<!-- 由 tests/cli_rule_docs.rs 生成，请勿手改：ZHINAN_UPDATE_DOCS=1 cargo test --test cli_rule_docs -->\n\
         # 检查规则\n\n\
         每条规则一页，内容与 `zhinan rule <编码>` 相同（英文：`zhinan rule <编码> --lang en`）。\
         SARIF 中每条规则的 `helpUri` 可指向这些页面，见 `docs/ci/`。\n\n\
         | 编码 | 名称 | 默认级别 | 作用 |\n| --- | --- | --- | --- |\n",
    );
    for m in &metas {
        let severity = i18n::severity(m.severity);
        let page = format!(
            "<!-- 由 tests/cli_rule_docs.rs 生成，请勿手改 -->\n\
             # {code} {name}\n\n\
             默认级别：{severity}\n\n\
             {doc}\n\n\
             ---\n\n\
             英文说明：`zhinan rule {code} --lang en`；全部规则见 [README.md](README.md)。\n",
            code = m.code,
            name = m.name,
            doc = rules::doc(m, Lang::Zh).trim(),
        );
        pages.insert(format!("{}.md", m.code), page);
        index.push_str(&format!(
            "| [{code}]({code}.md) | {name} | {severity} | {summary} |\n",
            code = m.code,
            name = m.name,
            summary = rules::summary(m).replace('|', "\\|"),
        ));
    }
    pages.insert("README.md".to_string(), index);
    pages
}

#[test]
fn rule_pages_are_up_to_date() {
    let dir = docs_dir();
    let expected = pages();
    if std::env::var_os(UPDATE).is_some() {
        // Written in place (the other tests of this file read the folder meanwhile); pages of
        // rules that no longer exist are removed.
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).unwrap();
        }
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if !expected.contains_key(&*entry.file_name().to_string_lossy()) {
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }
    let mut problems = Vec::new();
    for (name, text) in &expected {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if on_disk == *text => {}
            Ok(_) => problems.push(format!("docs/rules/{name} is out of date")),
            Err(_) => problems.push(format!("docs/rules/{name} is missing")),
        }
    }
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !expected.contains_key(&name) {
            problems.push(format!("docs/rules/{name} belongs to no rule"));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\nregenerate: {UPDATE}=1 cargo test --test cli_rule_docs",
        problems.join("\n")
    );
}

#[test]
fn every_page_is_chinese_and_names_its_rule() {
    let pages = pages();
    let metas = rules::metas();
    assert_eq!(pages.len(), metas.len() + 1);
    for m in metas {
        let page = &pages[&format!("{}.md", m.code)];
        assert!(page.contains(&format!("# {} {}", m.code, m.name)));
        assert!(
            page.contains("## 作用"),
            "{}: no Chinese doc:\n{page}",
            m.code
        );
        assert!(pages["README.md"].contains(&format!("[{0}]({0}.md)", m.code)));
    }
}

/// The CI examples' form: `--help-uri <repository>/blob/<tag>/docs/rules/{code}.md` gives every
/// SARIF rule a `helpUri` that ends at its page here.
#[test]
fn sarif_help_uri_points_at_the_rule_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/basic");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(&root)
        .args(["lint", "--format", "sarif", "--help-uri"])
        .arg("https://example.org/zhinan/blob/v1/docs/rules/{code}.md")
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one SARIF document");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), rules::metas().len());
    for rule in rules {
        let code = rule["id"].as_str().unwrap();
        let uri = rule["helpUri"].as_str().unwrap();
        assert_eq!(
            uri,
            format!("https://example.org/zhinan/blob/v1/docs/rules/{code}.md")
        );
        assert!(docs_dir().join(format!("{code}.md")).is_file(), "{code}");
    }
}
