//! `zhinan build` on the real seed data, read back with poppler: every item of 霸州市 in the guide, in
//! order; CJK fonts embedded and subset; one sheet per item; identical bytes on a second build.

use std::path::Path;
use std::process::Command;

fn zhinan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["-C", env!("CARGO_MANIFEST_DIR")])
        .args(args)
        // These tests read the English messages (the default language is Chinese).
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("binary runs")
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (scripts/setup.sh)");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bazhou_guide_has_every_item_in_order_with_embedded_cjk_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().to_str().unwrap();
    let out = zhinan(&["build", "--only", "霸州市", "--out", out_dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let check = zhinan(&["show", "霸州市", "132036001001", "--format", "json"]);
    assert!(check.status.success());

    let guide = dir.path().join("霸州市/guide.pdf");
    let text = pdftotext(&guide).replace([' ', '\n'], "");
    // Item names as the resolved sources give them, in source order.
    let project = zhinan::resolve::load_project(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    let bazhou = &project.jurisdictions[project.find("霸州市").unwrap()];
    assert_eq!(bazhou.items.len(), 29);
    // Skip the table of contents: look after the last entry of the contents, item by item.
    let mut pos = text.find("单位参保登记联系人").expect("first item section");
    for item in &bazhou.items {
        let name: String = item.name().chars().filter(|c| !c.is_whitespace()).collect();
        let found = text[pos..]
            .find(&name)
            .unwrap_or_else(|| panic!("{name} missing after byte {pos}"));
        pos += found;
    }
    assert!(text.contains("0316-5660125"), "supervision phone printed");

    let fonts = Command::new("pdffonts").arg(&guide).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    let cjk: Vec<&str> = fonts.lines().filter(|l| l.contains("CJK")).collect();
    assert!(!cjk.is_empty(), "{fonts}");
    for line in &cjk {
        // pdffonts columns: name type encoding emb sub uni …; subset fonts are named ABCDEF+Name.
        assert!(line.contains('+'), "not subset: {line}");
        assert!(
            line.contains(" yes yes "),
            "not embedded and subset: {line}"
        );
    }

    let sheets = std::fs::read_dir(dir.path().join("霸州市/items"))
        .unwrap()
        .count();
    assert_eq!(sheets, 29);
    let notice = pdftotext(&dir.path().join("霸州市/notice.pdf"));
    assert!(notice.contains("特此公告"));

    // A forced second build gives the same bytes.
    let first = std::fs::read(&guide).unwrap();
    let again = zhinan(&["build", "--only", "霸州市", "--out", out_dir, "--force"]);
    assert!(again.status.success());
    assert_eq!(
        first,
        std::fs::read(&guide).unwrap(),
        "guide.pdf differs between builds"
    );

    // Nothing changed: nothing rebuilt.
    let third = zhinan(&["build", "--only", "霸州市", "--out", out_dir]);
    assert!(String::from_utf8_lossy(&third.stdout).contains("up to date"));
}

#[test]
fn a_failed_build_keeps_the_previous_outputs_and_names_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = out_dir.to_str().unwrap();
    let first = zhinan(&["build", "--only", "望都县", "--out", out]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let guide = out_dir.join("望都县/guide.pdf");
    let before = std::fs::read(&guide).unwrap();

    // A template with an error in the per-item sheet.
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    // Templates with their styles/ folder.
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in walkdir::WalkDir::new(&source) {
        let path = entry.unwrap().into_path();
        let to = templates.join(path.strip_prefix(&source).unwrap());
        if path.is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(&path, &to).unwrap();
        }
    }
    let item = templates.join("item.typ");
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(&item, format!("{text}\n#undefined-function()\n")).unwrap();

    let failed = zhinan(&[
        "build",
        "--only",
        "望都县",
        "--out",
        out,
        "--templates",
        templates.to_str().unwrap(),
    ]);
    assert_eq!(failed.status.code(), Some(1));
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(
        err.contains("望都县: build failed; the previous outputs are kept"),
        "{err}"
    );
    assert!(err.contains("望都县/items/"), "names the document: {err}");
    assert!(err.contains("item.typ"), "names the template: {err}");
    assert_eq!(
        before,
        std::fs::read(&guide).unwrap(),
        "guide.pdf untouched"
    );
    let leftovers: Vec<_> = walkdir::WalkDir::new(&out_dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no half-written files: {leftovers:?}");
}
