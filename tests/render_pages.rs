//! Checks that see the page, on every PDF of every seed jurisdiction: no glyph outside the type
//! area or across the running header's or footer's edge, no overlapping text, no heading or label
//! as the last line of a page, every drawing (the charts) inside the type area, no empty 附件
//! column that a notice's body refers to, no chart pushed to a page of its own when it fits after
//! the text. Each check also fails on a fixture made to break it
//! (tests/fixtures/render/pages, see its README). Then a few pages compared with stored pictures.

mod render_common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use render_common::pages::*;
use render_common::{fonts, root};
use zhinan::render::{PdfStandard, RenderContext, render_pdf};

/// The seed project built once (`zhinan build`, the README's command) into a temporary folder.
fn seed_out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
            .arg("-C")
            .arg(root())
            .args(["build", "--force", "--out"])
            .arg(&dir)
            .output()
            .expect("binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    all.sort();
    all
}

fn frame_of(pdf: &Path) -> Frame {
    match pdf.file_name().and_then(|n| n.to_str()) {
        Some("notice.pdf") => Frame::NOTICE,
        Some("catalog.pdf") => Frame::CATALOG,
        _ => Frame::GUIDE,
    }
}

#[test]
fn every_seed_pdf_passes_the_page_checks() {
    let out = seed_out();
    let all = pdfs(out);
    assert!(all.len() > 100, "{} PDFs", all.len());
    let mut problems = Vec::new();
    for pdf in &all {
        let name = pdf.strip_prefix(out).unwrap().display().to_string();
        let frame = frame_of(pdf);
        let pages = read_pages(pdf);
        let mut found = check_type_area(&pages, frame);
        found.extend(check_overlaps(&pages));
        found.extend(check_runt_lines(&pages));
        if frame.header {
            found.extend(check_last_lines(&pages, frame));
        }
        // Ink: the documents with charts and tables (item sheets repeat the guide's charts).
        if !name.contains("/items/") {
            found.extend(check_ink(pdf, frame));
        } else {
            // One item: a chart that fits follows its text on the same page.
            found.extend(check_pushed_pages(pdf, frame, PUSHED_SLACK_MM));
        }
        if name.ends_with("notice.pdf") {
            found.extend(check_notice_columns(&pages));
        }
        problems.extend(found.into_iter().map(|p| format!("{name} {p}")));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Room a chart block takes besides its drawing (the space above it and its title's spacing), mm.
const PUSHED_SLACK_MM: f64 = 15.0;

/// A fixture of tests/fixtures/render/pages compiled to a PDF file.
fn fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let ctx = RenderContext {
        templates_dir: root().join("tests/fixtures/render/pages"),
        fonts: fonts(),
        standard: PdfStandard::Pdf17,
        date: None,
    };
    let pdf = render_pdf(
        &ctx,
        name,
        name,
        &serde_json::json!({}),
        &Default::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.pdf");
    std::fs::write(&path, pdf.bytes).unwrap();
    (dir, path)
}

fn assert_breaks(name: &str, problems: Vec<String>, needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "{name} should break the check ({needle}): {problems:?}"
    );
}

#[test]
fn each_check_fails_on_its_fixture() {
    let (_d, pdf) = fixture("outside.typ");
    assert_breaks(
        "outside.typ",
        check_type_area(&read_pages(&pdf), Frame::GUIDE),
        "outside the type area",
    );

    let (_d, pdf) = fixture("header-wraps.typ");
    let problems = check_type_area(&read_pages(&pdf), Frame::GUIDE);
    assert_breaks("header-wraps.typ", problems.clone(), "running header");

    let (_d, pdf) = fixture("overlap.typ");
    assert_breaks("overlap.typ", check_overlaps(&read_pages(&pdf)), "overlap");

    let (_d, pdf) = fixture("orphan-label.typ");
    assert_breaks(
        "orphan-label.typ",
        check_last_lines(&read_pages(&pdf), Frame::GUIDE),
        "备注：",
    );

    let (_d, pdf) = fixture("chart-off-page.typ");
    assert_breaks(
        "chart-off-page.typ",
        check_ink(&pdf, Frame::GUIDE),
        "near the paper edge",
    );

    let (_d, pdf) = fixture("chart-pushed.typ");
    assert_breaks(
        "chart-pushed.typ",
        check_pushed_pages(&pdf, Frame::GUIDE, PUSHED_SLACK_MM),
        "would fit in the",
    );

    let (_d, pdf) = fixture("runt-title.typ");
    assert_breaks(
        "runt-title.typ",
        check_runt_lines(&read_pages(&pdf)),
        "one character alone",
    );

    let (_d, pdf) = fixture("empty-column.typ");
    assert_breaks(
        "empty-column.typ",
        check_notice_columns(&read_pages(&pdf)),
        "咨询电话 column is empty",
    );
}

/// Each good fixture page passes the checks it does not target (the checks are not noise).
#[test]
fn the_checks_pass_a_clean_fixture_page() {
    let (_d, pdf) = fixture("overlap.typ");
    let pages = read_pages(&pdf);
    let problems = check_type_area(&pages, Frame::GUIDE);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(check_ink(&pdf, Frame::GUIDE).is_empty());
    assert!(check_pushed_pages(&pdf, Frame::GUIDE, PUSHED_SLACK_MM).is_empty());
    let (_d, pdf) = fixture("outside.typ");
    assert!(check_overlaps(&read_pages(&pdf)).is_empty());
    assert!(check_runt_lines(&read_pages(&pdf)).is_empty());
}

/// Pages whose look is kept: (output, page, stored picture).
const LOOK: [(&str, u32, &str); 5] = [
    ("霸州市/guide.pdf", 1, "bazhou-cover.png"),
    ("霸州市/guide.pdf", 2, "bazhou-contents.png"),
    ("霸州市/guide.pdf", 31, "bazhou-two-contacts.png"),
    ("霸州市/notice.pdf", 1, "bazhou-notice.png"),
    ("河北省/catalog.pdf", 2, "catalog-continued.png"),
];

fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    // Grey: one channel (pdftoppm -gray); anything else is reduced to its first channel.
    let channels = info.color_type.samples();
    let grey = buf.chunks(channels).map(|c| c[0]).collect();
    (info.width, info.height, grey)
}

/// A few pages rendered at 20 dpi and compared with the pictures in tests/fixtures/render/look:
/// the mean difference stays under 4 of 255 and under 2 % of the pixels differ by more than a
/// third. `ZHINAN_UPDATE_PICTURES=1` stores the current pictures instead (look at them first).
#[test]
fn pages_look_as_stored() {
    let out = seed_out();
    let stored_dir = root().join("tests/fixtures/render/look");
    let update = std::env::var_os("ZHINAN_UPDATE_PICTURES").is_some();
    let tmp = tempfile::tempdir().unwrap();
    let mut drifted = Vec::new();
    for (pdf, page, picture) in LOOK {
        let prefix = tmp.path().join(picture.trim_end_matches(".png"));
        let status = Command::new("pdftoppm")
            .args(["-gray", "-png", "-r", "20", "-singlefile", "-f"])
            .arg(page.to_string())
            .arg("-l")
            .arg(page.to_string())
            .arg(out.join(pdf))
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success());
        let rendered = std::fs::read(prefix.with_extension("png")).unwrap();
        let stored_path = stored_dir.join(picture);
        if update {
            std::fs::create_dir_all(&stored_dir).unwrap();
            std::fs::write(&stored_path, &rendered).unwrap();
            continue;
        }
        let stored = std::fs::read(&stored_path).unwrap_or_else(|_| {
            panic!("{picture} missing: run with ZHINAN_UPDATE_PICTURES=1 and look at it")
        });
        let (w, h, now) = decode_png(&rendered);
        let (sw, sh, then) = decode_png(&stored);
        if (w, h) != (sw, sh) {
            drifted.push(format!("{picture}: {w}×{h} now, {sw}×{sh} stored"));
            continue;
        }
        let diffs: Vec<u32> = now
            .iter()
            .zip(&then)
            .map(|(a, b)| u32::from(a.abs_diff(*b)))
            .collect();
        let mean = f64::from(diffs.iter().sum::<u32>()) / diffs.len() as f64;
        let far = diffs.iter().filter(|&&d| d > 85).count() as f64 / diffs.len() as f64;
        if mean > 4.0 || far > 0.02 {
            drifted.push(format!(
                "{picture} ({pdf} p.{page}): mean difference {mean:.1}, {:.1} % of pixels far off",
                far * 100.0
            ));
        }
    }
    assert!(
        drifted.is_empty(),
        "pages drifted from their stored pictures (ZHINAN_UPDATE_PICTURES=1 to accept):\n{}",
        drifted.join("\n")
    );
}
