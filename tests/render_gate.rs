//! The lint gates `zhinan build`: an error finding stops the build and keeps the previous outputs,
//! unless `--allow-lint-errors` or `[build] allow_lint_errors = true` in zhinan.toml; warnings are
//! summarised. Fixture: tests/fixtures/render/gate (see its README).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the clean demo project.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("tests/fixtures/clean-guide");
    for entry in walkdir::WalkDir::new(&from) {
        let path = entry.unwrap().into_path();
        let to = dir.path().join(path.strip_prefix(&from).unwrap());
        if path.is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(&path, &to).unwrap();
        }
    }
    dir
}

fn build(project: &Path, extra: &[&str]) -> Output {
    let templates = root().join("templates");
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(project)
        .args(["build", "--force", "--templates"])
        .arg(&templates)
        .args(extra)
        .env("LC_ALL", "en_US.UTF-8") // English messages (Chinese is the default)
        .output()
        .expect("binary runs")
}

fn break_it(project: &Path) {
    std::fs::copy(
        root().join("tests/fixtures/render/gate/doubled-word.toml"),
        project.join("counties/demo/items/01-示范.toml"),
    )
    .unwrap();
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_error_finding_stops_the_build_and_keeps_the_previous_outputs() {
    let dir = project();
    let first = build(dir.path(), &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let guide = dir.path().join("out/示范县/guide.pdf");
    let before = std::fs::read(&guide).unwrap();
    let listing = |out: &std::path::Path| {
        let mut names: Vec<String> = std::fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let out_before = listing(&dir.path().join("out"));

    break_it(dir.path());
    let gated = build(dir.path(), &[]);
    assert_eq!(gated.status.code(), Some(1), "{}", stderr(&gated));
    let err = stderr(&gated);
    assert!(err.contains("ZN102"), "{err}");
    assert!(err.contains("审核审核"), "{err}");
    assert!(err.contains("--allow-lint-errors"), "{err}");
    assert_eq!(
        std::fs::read(&guide).unwrap(),
        before,
        "previous output kept"
    );
    // The documents typeset while the lint ran are dropped with their staging folders.
    assert_eq!(listing(&dir.path().join("out")), out_before);

    // The flag publishes anyway and says so.
    let allowed = build(dir.path(), &["--allow-lint-errors"]);
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    assert!(
        stderr(&allowed).contains("1 error(s)"),
        "{}",
        stderr(&allowed)
    );
    assert_ne!(
        std::fs::read(&guide).unwrap(),
        before,
        "rebuilt with the new remark"
    );
}

#[test]
fn the_project_setting_allows_lint_errors() {
    let dir = project();
    break_it(dir.path());
    std::fs::write(
        dir.path().join("zhinan.toml"),
        "[build]\nallow_lint_errors = true\n",
    )
    .unwrap();
    let out = build(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("zhinan.toml [build] allow_lint_errors"),
        "{}",
        stderr(&out)
    );
}
