//! The typst World is a sandbox: templates directory + in-memory data, nothing else.

mod render_common;

use std::collections::HashMap;
use std::path::Path;

use render_common::*;
use typst::diag::FileError;
use typst::foundations::Bytes;
use zhinan::render::world::RenderWorld;
use zhinan::render::{PdfStandard, RenderContext, RenderError, render_pdf};

/// A sandbox: `outside/secret.txt`, `templates/ok.txt`, links from inside to outside.
fn sandbox() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(templates.join("parts")).unwrap();
    std::fs::write(outside.join("secret.txt"), "TOP-SECRET-出界").unwrap();
    std::fs::write(tmp.path().join("secret.txt"), "TOP-SECRET-上级").unwrap();
    std::fs::write(templates.join("ok.txt"), "允许读取").unwrap();
    std::fs::write(templates.join("parts/inner.txt"), "子目录").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), templates.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, templates.join("sub")).unwrap();
    std::os::unix::fs::symlink(templates.join("ok.txt"), templates.join("inner-link.txt")).unwrap();
    tmp
}

fn compile(dir: &Path, source: &str) -> Result<String, RenderError> {
    let templates = dir.join("templates");
    std::fs::write(templates.join("main.typ"), source).unwrap();
    let ctx = RenderContext {
        templates_dir: templates,
        fonts: fonts(),
        standard: PdfStandard::Pdf17,
        date: None,
    };
    let mut files = HashMap::new();
    files.insert("/flows/0.svg".to_string(), Bytes::from_string(flow_svg()));
    let pdf = render_pdf(
        &ctx,
        "main.typ",
        "world",
        &serde_json::json!({"x": "来自内存"}),
        &files,
    )?;
    let path = dir.join("out.pdf");
    std::fs::write(&path, pdf.bytes).unwrap();
    Ok(squeeze(&pdftotext(&path)))
}

const PRELUDE: &str = "#set text(font: \"Noto Serif CJK SC\", lang: \"zh\")\n";

fn refused(dir: &Path, read: &str) -> String {
    let err = compile(dir, &format!("{PRELUDE}#read(\"{read}\")")).expect_err(read);
    let msg = err.to_string();
    assert!(matches!(err, RenderError::Compile { .. }), "{msg}");
    assert!(!msg.contains("TOP-SECRET"), "{msg}");
    assert!(
        msg.contains("main.typ:2:"),
        "the error points at the read: {msg}"
    );
    msg
}

#[test]
fn files_inside_the_templates_directory_are_served() {
    let tmp = sandbox();
    let text = compile(
        tmp.path(),
        &format!("{PRELUDE}#read(\"ok.txt\") #read(\"parts/inner.txt\") #read(\"inner-link.txt\")"),
    )
    .unwrap();
    assert_eq!(text, "允许读取子目录允许读取");
}

#[test]
fn data_and_flowcharts_come_from_memory() {
    let tmp = sandbox();
    // In-memory files shadow files of the same path in the templates directory.
    std::fs::write(
        tmp.path().join("templates/data.json"),
        "{\"data\": {\"x\": \"磁盘\"}}",
    )
    .unwrap();
    let text = compile(
        tmp.path(),
        &format!("{PRELUDE}#json(\"/data.json\").data.x #image(\"/flows/0.svg\")"),
    )
    .unwrap();
    assert!(text.contains("来自内存"), "{text}");
    assert!(!text.contains("磁盘"), "{text}");
    assert!(text.contains("窗口受理审核"), "the SVG is drawn: {text}");
}

#[test]
fn parent_paths_are_refused() {
    let tmp = sandbox();
    let msg = refused(tmp.path(), "../secret.txt");
    assert!(msg.contains("escape"), "{msg}");
    let msg = refused(tmp.path(), "parts/../../outside/secret.txt");
    assert!(msg.contains("escape"), "{msg}");
}

#[test]
fn absolute_paths_stay_inside() {
    let tmp = sandbox();
    // `/etc/passwd` means templates/etc/passwd, which does not exist.
    let msg = refused(tmp.path(), "/etc/passwd");
    assert!(msg.contains("not found"), "{msg}");
    assert!(!msg.contains("root:"), "{msg}");
    let outside = tmp.path().join("outside/secret.txt");
    refused(tmp.path(), outside.to_str().unwrap());
}

#[test]
fn symlinks_pointing_out_are_refused() {
    let tmp = sandbox();
    let msg = refused(tmp.path(), "link.txt");
    assert!(msg.contains("denied"), "{msg}");
    let msg = refused(tmp.path(), "sub/secret.txt");
    assert!(msg.contains("denied"), "{msg}");
}

#[test]
fn packages_are_refused() {
    let tmp = sandbox();
    let err = compile(
        tmp.path(),
        &format!("{PRELUDE}#import \"@preview/cetz:0.3.4\": canvas"),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("packages are not available"),
        "{err}"
    );
}

#[test]
fn the_world_api_refuses_the_same_paths() {
    let tmp = sandbox();
    let templates = tmp.path().join("templates");
    let world = RenderWorld::new(&templates, "main.typ", HashMap::new(), fonts(), None).unwrap();
    assert_eq!(&*world.load("/ok.txt").unwrap(), "允许读取".as_bytes());
    assert!(matches!(
        world.load("/link.txt"),
        Err(FileError::AccessDenied)
    ));
    assert!(matches!(
        world.load("/sub/secret.txt"),
        Err(FileError::AccessDenied)
    ));
    assert!(matches!(world.load("/parts"), Err(FileError::IsDirectory)));
    assert!(matches!(
        world.load("/etc/passwd"),
        Err(FileError::NotFound(_))
    ));
    assert!(world.load("/../secret.txt").is_err());
    assert_eq!(world.root(), templates.canonicalize().unwrap());
}
