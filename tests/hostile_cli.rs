//! The binary under hostile conditions (issue 13, items 3 and 7): a closed output pipe, sources
//! that carry terminal escapes.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

mod fs_support;
use fs_support::copy_tree;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `zhinan lint --format json | head -1`: the reader goes away; the writer must not panic.
#[test]
fn closed_pipe_ends_lint_quietly() {
    for format in ["json", "human", "sarif"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhinan"))
            .args(["-C", repo().to_str().unwrap(), "lint", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end before the linter writes (its output is larger than a pipe buffer).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{format}: {stderr}");
    }
}

/// A name written with `\u001b` escapes (valid TOML) must not retitle or clear the terminal of
/// whoever runs `check` or `show`.
#[test]
fn check_and_show_never_echo_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures/load/base"), dir.path());
    let county = dir.path().join("counties/city/county/jurisdiction.toml");
    let text = fs::read_to_string(&county).unwrap().replace(
        "agency = \"测试县医疗保障局\"",
        "agency = \"测试县\\u001b]0;owned\\u0007医疗保障局\"",
    );
    let text = text.replace("name = \"测试县\"", "name = \"测试县\\u001b[2J\"");
    fs::write(&county, text).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhinan"))
            .args(["-C", dir.path().to_str().unwrap()])
            .args(args)
            .output()
            .unwrap()
    };
    let check = run(&["check"]);
    let shown = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(shown.contains("测试县\\u{1b}[2J"), "{shown}");
    let show = run(&["show", "测试县\u{1b}[2J", "132036001001"]);
    let shown = String::from_utf8_lossy(&show.stdout);
    assert!(
        show.status.success(),
        "{}",
        String::from_utf8_lossy(&show.stderr)
    );
    for out in [&check.stdout, &check.stderr, &show.stdout, &show.stderr] {
        assert!(!out.contains(&0x1b) && !out.contains(&0x07), "{shown}");
    }
}

/// A template that fails for one item (a stand-in for any typst error while typesetting): the
/// error names the document being made (jurisdiction and item), not only a template position,
/// and nothing of the jurisdiction is replaced.
#[test]
fn a_render_failure_names_the_document_it_was_making() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_tree(&repo().join("tests/fixtures/cli/basic"), root);
    let templates = root.join("templates");
    copy_tree(&repo().join("templates"), &templates);
    let item_typ = templates.join("item.typ");
    let mut text = fs::read_to_string(&item_typ).unwrap();
    text.push_str("\n#if item.name == \"单位参保登记\" { panic(\"planted failure\") }\n");
    fs::write(&item_typ, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["-C", root.to_str().unwrap(), "build", "--allow-lint-errors"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("planted failure"), "{err}");
    assert!(
        err.contains("示例市/items/132036001001.pdf"),
        "names the jurisdiction and the item's document:\n{err}"
    );
    assert!(err.contains("item.typ:"), "and the template line:\n{err}");
    assert!(!err.contains("thread '"), "no Rust panic: {err}");
    assert!(
        !root.join("out/示例市/guide.pdf").exists(),
        "nothing published"
    );
}
