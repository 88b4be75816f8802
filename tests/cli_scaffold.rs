//! The CLI people expect: completions, the manual page, `init` + `new` producing a project that
//! checks, lints clean and builds, and `watch` rebuilding after an edit (a bounded run).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn zhinan(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .expect("zhinan runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\n{}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn completions_cover_the_commands() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = ok(&zhinan(here, &["completions", shell]));
        for command in ["lint", "build", "watch", "schema"] {
            assert!(text.contains(command), "{shell} lacks {command}");
        }
    }
    let bash = ok(&zhinan(here, &["completions", "bash"]));
    assert!(bash.contains("--fix-inherited") && bash.contains("complete -F"));
}

#[test]
fn man_page_documents_exit_codes() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = ok(&zhinan(here, &["man"]));
    assert!(
        page.starts_with(".ie") || page.contains(".TH zhinan"),
        "{page}"
    );
    assert!(page.contains("EXIT STATUS") && page.contains("NO_COLOR"));
    let dir = tempfile::tempdir().unwrap();
    ok(&zhinan(
        here,
        &["man", "--out", dir.path().to_str().unwrap()],
    ));
    assert!(dir.path().join("zhinan.1").is_file());
    assert!(dir.path().join("zhinan-lint.1").is_file());
}

/// init + new county + new item (catalog code and local), then check, lint and build.
fn scaffolded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(&zhinan(root, &["init", root.to_str().unwrap()]));
    // A second init refuses and writes nothing.
    assert_eq!(
        zhinan(root, &["init", root.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    ok(&zhinan(
        root,
        &[
            "new",
            "county",
            "某市",
            "--dir",
            "some-city",
            "--level",
            "city",
        ],
    ));
    ok(&zhinan(
        root,
        &[
            "new",
            "county",
            "示例县",
            "--parent",
            "某市",
            "--dir",
            "sample-county",
        ],
    ));
    ok(&zhinan(root, &["new", "item", "示例省", "单位参保登记"]));
    ok(&zhinan(
        root,
        &["new", "item", "示例县", "城乡居民参保登记"],
    ));
    assert!(
        root.join("counties/some-city/sample-county/jurisdiction.toml")
            .is_file()
    );
    assert!(
        root.join("counties/some-city/sample-county/items/01-城乡居民参保登记.toml")
            .is_file()
    );
    dir
}

#[test]
fn init_and_new_make_a_project_that_checks_lints_clean_and_builds() {
    let dir = scaffolded();
    let root = dir.path();
    let check = ok(&zhinan(root, &["check"]));
    assert!(check.contains("示例县"), "{check}");
    let lint = ok(&zhinan(
        root,
        &["lint", "--format", "json", "--deny", "warnings"],
    ));
    let v: serde_json::Value = serde_json::from_str(&lint).unwrap();
    assert_eq!(v["summary"]["total"], 0, "{lint}");
    ok(&zhinan(root, &["build", "--only", "示例县"]));
    assert!(root.join("out/示例县/guide.pdf").is_file());
}

#[test]
fn watch_rebuilds_after_an_edit() {
    let dir = scaffolded();
    let root = dir.path();
    let item = root.join("counties/some-city/sample-county/items/01-城乡居民参保登记.toml");
    let pdf = root.join("out/示例县/guide.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(root)
        .args(["watch", "--only", "示例县", "--exit-after", "1"])
        // Chinese, the default language: the lines below are matched in it.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        seen.push(line.clone());
        if line.starts_with("正在监视 ") {
            break;
        }
    }
    assert!(pdf.is_file(), "first build: {seen:?}");
    let first = std::fs::read(&pdf).unwrap();
    let mut text = std::fs::read_to_string(&item).unwrap();
    text.push_str("address = \"示例县政务服务中心\"\n");
    std::fs::write(&item, text).unwrap();
    // The watch exits by itself after one rebuild; bound the wait so a broken watch fails the test.
    let deadline = Instant::now() + Duration::from_secs(300);
    for line in lines.by_ref() {
        seen.push(line.unwrap());
        if Instant::now() > deadline {
            break;
        }
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "{seen:?}");
    assert!(
        seen.iter()
            .any(|l| l.starts_with("有改动：counties/some-city/sample-county/items/")),
        "{seen:?}"
    );
    assert!(seen.iter().any(|l| l.starts_with("改动后 ")), "{seen:?}");
    assert_ne!(
        std::fs::read(&pdf).unwrap(),
        first,
        "the guide prints the new address"
    );
}

/// A render error speaks the user's language: Chinese by default, English with `--lang en`.
#[test]
fn render_errors_are_in_chinese_first() {
    let dir = scaffolded();
    let root = dir.path();
    let missing = root.join("no-templates");
    let build = |lang: &[&str]| {
        let mut args = lang.to_vec();
        args.extend(["build", "--force", "--templates", missing.to_str().unwrap()]);
        // Chinese unless asked otherwise: no locale from the environment running the tests.
        let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
            .arg("-C")
            .arg(root)
            .args(&args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .output()
            .expect("zhinan runs");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let zh = build(&[]);
    assert!(zh.contains("无法读取模板目录"), "{zh}");
    assert!(zh.contains("请指定含有 guide.typ"), "{zh}");
    assert!(!zh.contains("cannot read templates"), "{zh}");
    let en = build(&["--lang", "en"]);
    assert!(en.contains("cannot read templates directory"), "{en}");
}
