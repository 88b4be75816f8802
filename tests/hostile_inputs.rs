//! Hostile and malformed sources (issue 13): each must fail to load with a located diagnostic, never
//! panic, never read outside the project. The small projects are `tests/fixtures/load/base` with the
//! files of `tests/fixtures/hostile/<case>/` laid over it, or with files generated here (inputs too
//! large to keep as files); the rendered diagnostics are snapshots.

use std::fs;
use std::path::{Path, PathBuf};

use zhinan::diagnostic::render_all;
use zhinan::resolve::load_project;

mod fs_support;
use fs_support::copy_tree;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The base project with the case's overlay (if any) in a temporary folder.
fn project(case: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("load/base"), dir.path());
    if let Some(case) = case {
        copy_tree(&fixtures().join("hostile").join(case), dir.path());
    }
    dir
}

const COUNTY: &str = "counties/city/county";
const ITEMS: &str = "counties/city/county/items/01-单位参保登记.toml";

/// Loads and returns the rendered diagnostics and their codes; panics if the project loads.
fn diagnostics(dir: &Path) -> (String, Vec<String>) {
    match load_project(dir) {
        Ok(_) => panic!("the project loaded without errors"),
        Err((sources, diags)) => (
            render_all(&diags, &sources, false),
            diags.iter().map(|d| d.code.clone()).collect(),
        ),
    }
}

fn notice_toml(body: &str) -> String {
    format!(
        "name = \"测试县\"\nlevel = \"county\"\nparent = \"测试市\"\n\n[notice]\ntitle = \"公告\"\ndate = \"2023-06-01\"\nbody = \"{body}\"\n"
    )
}

#[test]
fn notice_body_outside_the_project_is_refused() {
    for case in ["notice-outside", "notice-absolute", "notice-missing"] {
        let dir = project(Some(case));
        let (rendered, codes) = diagnostics(dir.path());
        assert_eq!(codes, ["load::attachment"], "{case}: {rendered}");
        assert!(
            !rendered.contains("root:"),
            "{case} printed a file: {rendered}"
        );
        insta::assert_snapshot!(case, rendered);
    }
}

#[cfg(unix)]
#[test]
fn notice_body_must_be_a_regular_file_inside_the_project() {
    let dir = project(None);
    let county = dir.path().join(COUNTY);
    // A link pointing out of the project, a device, a folder and a FIFO.
    std::os::unix::fs::symlink("/etc/hostname", county.join("link.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", county.join("zero.md")).unwrap();
    fs::create_dir(county.join("folder.md")).unwrap();
    let fifo = county.join("fifo.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut cases = vec!["link.md", "zero.md", "folder.md"];
    if made.is_ok_and(|s| s.success()) {
        cases.push("fifo.md");
    }
    for body in cases {
        fs::write(county.join("jurisdiction.toml"), notice_toml(body)).unwrap();
        let (rendered, codes) = diagnostics(dir.path());
        assert_eq!(codes, ["load::attachment"], "{body}: {rendered}");
        assert!(
            rendered.contains("jurisdiction.toml:8:8"),
            "{body}: located at the path: {rendered}"
        );
    }
    // A regular file inside the project loads, and becomes a source of its own.
    fs::write(county.join("notice.md"), "特此公告。\n").unwrap();
    fs::write(county.join("jurisdiction.toml"), notice_toml("notice.md")).unwrap();
    let project =
        load_project(dir.path()).unwrap_or_else(|(s, d)| panic!("{}", render_all(&d, &s, false)));
    let j = &project.jurisdictions[project.find("测试县").unwrap()];
    let body = j.notice.expect("notice body read at load time");
    assert_eq!(project.sources.text(body), "特此公告。\n");
    assert_eq!(project.sources.path(body), format!("{COUNTY}/notice.md"));
}

#[test]
fn every_problem_of_an_item_file_is_reported() {
    let dir = project(Some("every-error"));
    let (rendered, codes) = diagnostics(dir.path());
    // Two items, six mistakes: all of them at once, not the first of each item.
    assert_eq!(codes.len(), 6, "{rendered}");
    insta::assert_snapshot!("every-error", rendered);
}

#[test]
fn deep_markdown_is_a_located_error() {
    let dir = project(None);
    let quotes = ">".repeat(10_000);
    let lists: String = (0..40)
        .map(|i| format!("{}- 第{i}层\\n", "  ".repeat(i)))
        .collect();
    fs::write(
        dir.path().join(ITEMS),
        format!(
            "[[item]]\ncode = \"132036001001\"\nconditions = \"{quotes} 引\"\n\n[[item]]\ncode = \"132036001002\"\nnotes = \"{lists}\"\n"
        ),
    )
    .unwrap();
    let (rendered, codes) = diagnostics(dir.path());
    assert_eq!(codes, ["load::too-deep", "load::too-deep"], "{rendered}");
    assert!(rendered.contains("01-单位参保登记.toml:3:"), "{rendered}");
    assert!(rendered.contains("01-单位参保登记.toml:7:"), "{rendered}");
}

#[test]
fn long_fields_and_many_items_are_located_errors() {
    let dir = project(None);
    let long = "的".repeat(40_000);
    let text = format!("[[item]]\ncode = \"132036001001\"\nconditions = \"{long}\"\n");
    fs::write(dir.path().join(ITEMS), text).unwrap();
    let (long, codes) = diagnostics(dir.path());
    assert_eq!(codes, ["load::too-long"], "{long}");

    let mut text = String::from("[[item]]\ncode = \"132036001001\"\n");
    for i in 0..600 {
        text.push_str(&format!("\n[[item]]\nid = \"x{i}\"\nname = \"事项{i}\"\n"));
    }
    fs::write(dir.path().join(ITEMS), text).unwrap();
    let (many, codes) = diagnostics(dir.path());
    assert_eq!(codes, ["load::too-many-items"], "{many}");
    insta::assert_snapshot!("long-and-many", format!("{long}\n{many}"));
}

/// Columns past 65,535 used to panic in miette's printer ("Formatting argument out of range").
#[test]
fn errors_far_along_a_line_print_short_snippets() {
    let dir = project(None);
    let pad = "的".repeat(70_000);
    // A syntax error at column 70,010 of line 3 (past the field limit, too).
    fs::write(
        dir.path().join(ITEMS),
        format!("[[item]]\ncode = \"132036001001\"\nconditions = \"{pad}\" x\n"),
    )
    .unwrap();
    let (rendered, _) = diagnostics(dir.path());
    assert!(
        rendered.contains(":3:70017"),
        "{}",
        &rendered[..rendered.len().min(600)]
    );
    assert!(
        rendered.len() < 4_000,
        "the snippet is cut: {} bytes",
        rendered.len()
    );
}

/// Raw ESC / BEL bytes of a source never reach the terminal through a diagnostic.
#[test]
fn control_characters_are_never_echoed() {
    let dir = project(None);
    fs::write(
        dir.path().join(ITEMS),
        "[[item]]\ncode = \"132036001001\"\nnotes = \"\u{1b}]0;owned\u{7}\u{1b}[2J\"\n",
    )
    .unwrap();
    let (rendered, _) = diagnostics(dir.path());
    assert!(!rendered.contains(['\u{1b}', '\u{7}']), "{rendered:?}");
    insta::assert_snapshot!("control-chars", rendered);
}

/// A linked item file used to be skipped without a word: a link inside the project is read, a link
/// out of it is a located error.
#[cfg(unix)]
#[test]
fn linked_sources_are_read_inside_the_project_or_refused() {
    let dir = project(None);
    let items = dir.path().join("counties/city/county/items");
    fs::rename(
        items.join("01-单位参保登记.toml"),
        dir.path().join("shared.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("shared.toml"),
        items.join("01-单位参保登记.toml"),
    )
    .unwrap();
    let project =
        load_project(dir.path()).unwrap_or_else(|(s, d)| panic!("{}", render_all(&d, &s, false)));
    let county = &project.jurisdictions[project.find("测试县").unwrap()];
    assert_eq!(county.items.len(), 1, "the linked item file is read");

    std::os::unix::fs::symlink("/etc/hostname", items.join("02-outside.toml")).unwrap();
    let (rendered, codes) = diagnostics(dir.path());
    assert_eq!(codes, ["load::symlink"], "{rendered}");
    assert!(rendered.contains("items/02-outside.toml"), "{rendered}");
}

/// Issue 13, item 6: a portal address with a scheme other than http/https/mailto is reported by
/// the lint (ZN113) and never becomes a link in the guide's data; the https one stays a link.
#[test]
fn unsafe_portal_urls_are_reported_and_never_linked() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("cli/basic"), dir.path());
    let path = dir.path().join("counties/shi/jurisdiction.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    for (name, url) in [
        ("脚本", "javascript:alert(1)"),
        ("本机文件", "file:///etc/passwd"),
        ("政务服务网", "https://www.hbzwfw.gov.cn/"),
    ] {
        text.push_str(&format!(
            "\n[[portals]]\nname = \"{name}\"\nurl = \"{url}\"\n"
        ));
    }
    fs::write(&path, text).unwrap();
    let project = load_project(dir.path()).unwrap_or_else(|_| panic!("the sources load"));
    let j = project.find("示例市").unwrap();
    let jobs = zhinan::build::jobs(
        &project,
        Some(j),
        &zhinan::flow::Metrics::system(),
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
    )
    .unwrap_or_else(|_| panic!("jobs"));
    let portals = &jobs[0].guide.jurisdiction.portals;
    let url = |name: &str| {
        portals
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("portal {name}"))
            .url
            .clone()
    };
    assert_eq!(url("脚本"), None);
    assert_eq!(url("本机文件"), None);
    assert_eq!(
        url("政务服务网").as_deref(),
        Some("https://www.hbzwfw.gov.cn/")
    );
    let reported = zhinan::lint::engine::lint(&project, &Default::default()).unwrap();
    let unsafe_links = reported.iter().filter(|r| r.meta.code == "ZN113").count();
    assert_eq!(unsafe_links, 2, "both unsafe portals are findings");
}
