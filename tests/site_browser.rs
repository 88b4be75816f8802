//! The static web site in a real browser (Chromium from Debian, headless) and through an HTML checker
//! (HTML Tidy, `tidy -errors`): 霸州市's site is generated from this repository's sources.
//!
//! - every page is valid HTML (tidy reports no error and no warning);
//! - the pages load without console messages (errors, failed loads) and fetch nothing from outside;
//! - the search finds an item by name and by code (the query comes from `index.html?q=…`, the page
//!   is read back with `--dump-dom`);
//! - screenshots at phone (390 px) and desktop (1280 px) width are written to
//!   `$CARGO_TARGET_TMPDIR/site-shots/` for people to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use zhinan::resolve::load_project;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes every file `zhinan build` makes besides the PDFs (flows, site, data) for `name` into
/// `dir` and returns the site folder.
fn write_site(project_root: &Path, name: &str, dir: &Path) -> PathBuf {
    let project = load_project(project_root).unwrap_or_else(|_| panic!("sources load"));
    let j = project.find(name).expect("jurisdiction exists");
    let jobs = zhinan::build::jobs(
        &project,
        Some(j),
        &zhinan::flow::Metrics::system(),
        &project_root.join("templates"),
    )
    .unwrap_or_else(|_| panic!("jobs"));
    for (path, bytes) in &jobs[0].files {
        let target = dir.join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    dir.join("site")
}

fn bazhou_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = write_site(&root(), "霸州市", dir.path());
    (dir, site)
}

fn chromium() -> Command {
    let found = Command::new("chromium").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "the site tests need Chromium: run scripts/setup.sh (apt-get install chromium)"
    );
    let mut c = Command::new("chromium");
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ]);
    c
}

/// Loads `url` in a fresh profile; returns the DOM after scripts ran and the console messages.
fn dump_dom(url: &str) -> (String, Vec<String>) {
    let profile = tempfile::tempdir().unwrap();
    let out = chromium()
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("chromium runs");
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Names of the items the index shows (list entries without `hidden`).
fn shown_items(dom: &str) -> Vec<String> {
    dom.split("<li data-key=")
        .skip(1)
        .filter(|li| !li[..li.find('>').unwrap_or(0)].contains("hidden"))
        .filter_map(|li| {
            let start = li.find("<span class=\"name\">")? + "<span class=\"name\">".len();
            let end = start + li[start..].find("</span>")?;
            Some(li[start..end].to_string())
        })
        .collect()
}

#[test]
fn search_finds_items_by_name_and_by_code() {
    let (_dir, site) = bazhou_site();
    let index = site.join("index.html");

    let (dom, console) = dump_dom(&file_url(&index));
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(dom.contains("data-search=\"ready\""), "search.js ran");
    assert_eq!(shown_items(&dom).len(), 29, "every item listed");

    let (dom, console) = dump_dom(&format!("{}?q=个人账户", file_url(&index)));
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(
        dom.contains("data-search=\"done\""),
        "search.js ran the query"
    );
    assert_eq!(shown_items(&dom), ["参保人员个人账户一次性支取"]);
    assert!(dom.contains("找到 1 个事项"));

    let (dom, _) = dump_dom(&format!("{}?q=132036004005", file_url(&index)));
    assert_eq!(shown_items(&dom), ["其他临时外出就医人员备案"]);

    // A fragment works too, and a query that matches nothing says so.
    let (dom, _) = dump_dom(&format!("{}#q=不存在的事项", file_url(&index)));
    assert!(shown_items(&dom).is_empty());
    assert!(
        dom.contains("id=\"none\" class=\"none\">"),
        "the no-match note is shown"
    );
}

#[test]
fn item_pages_load_cleanly_and_link_the_pdf() {
    let (_dir, site) = bazhou_site();
    let page = site.join("132036001001.html");
    let (dom, console) = dump_dom(&file_url(&page));
    assert!(console.is_empty(), "console messages: {console:#?}");
    for needle in [
        "单位参保登记",
        "设定依据",
        "咨询电话",
        "监督电话",
        "href=\"../items/132036001001.pdf\"",
        "src=\"../flows/132036001001.svg\"",
        "流程步骤（文字版）",
    ] {
        assert!(dom.contains(needle), "{needle} missing on the item page");
    }
    // The flowchart file the page shows is the one the build writes to flows/.
    assert!(site.join("../flows/132036001001.svg").is_file());
    // The online service's QR code, next to the printed address.
    assert!(dom.contains("class=\"qr\""), "QR code on the page");
}

#[test]
fn pages_fetch_nothing_from_outside() {
    let (_dir, site) = bazhou_site();
    for entry in std::fs::read_dir(&site).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).unwrap();
        for attr in [
            "src=\"http",
            "src=\"//",
            "@import",
            "url(http",
            "rel=\"stylesheet\" href=\"http",
        ] {
            assert!(
                !html.contains(attr),
                "{} loads an external resource ({attr})",
                path.display()
            );
        }
    }
    let css = std::fs::read_to_string(site.join("site.css")).unwrap();
    assert!(
        !css.contains("url("),
        "no web fonts or remote images in the CSS"
    );
}

/// tidy's complaints about one file (errors and warnings), empty when the file is valid.
fn tidy(path: &Path) -> String {
    let out = Command::new("tidy")
        .args(["-quiet", "-errors", "--show-warnings", "yes", "-utf8"])
        .arg(path)
        .output()
        .expect("tidy (HTML Tidy) is installed: run scripts/setup.sh");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn every_page_is_valid_html() {
    let (_dir, site) = bazhou_site();
    let mut pages = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&site).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            pages += 1;
            let report = tidy(&path);
            if !report.trim().is_empty() {
                problems.push(format!("{}:\n{report}", path.display()));
            }
        }
    }
    assert_eq!(pages, 30, "index and 29 item pages");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn screenshots_at_phone_and_desktop_width() {
    let (_dir, site) = bazhou_site();
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-shots");
    std::fs::create_dir_all(&shots).unwrap();
    for (page, stem) in [("index.html", "index"), ("132036001001.html", "item")] {
        for (width, height) in [(390, 844), (1280, 900)] {
            let png = shots.join(format!("bazhou-{stem}-{width}.png"));
            let _ = std::fs::remove_file(&png);
            let profile = tempfile::tempdir().unwrap();
            let out = chromium()
                .arg(format!("--user-data-dir={}", profile.path().display()))
                .arg("--hide-scrollbars")
                .arg(format!("--window-size={width},{height}"))
                .arg(format!("--screenshot={}", png.display()))
                .arg(file_url(&site.join(page)))
                .output()
                .expect("chromium runs");
            let bytes = std::fs::read(&png).unwrap_or_else(|_| {
                panic!("no screenshot: {}", String::from_utf8_lossy(&out.stderr))
            });
            // PNG IHDR: width and height as big-endian u32 at bytes 16..24.
            let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
            assert_eq!(w, width, "{}", png.display());
        }
    }
}
