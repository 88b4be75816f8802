//! `zhinan diff --old <git revision>`: an edition read from the project's git history, on a
//! temporary repository made here (two commits of a small project).

use std::path::Path;
use std::process::{Command, Output};

mod cli_support;

fn git(root: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "user.name=zhinan",
            "-c",
            "user.email=zhinan@example.org",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

use cli_support::zhinan_in as zhinan;

const CATALOG_ITEM: &str = "catalog/items/01-基本医疗保险参保和变更登记.toml";
const NEW_MATERIAL: &str = "《单位参保信息变更表》";

/// The fixture committed twice: the second edition of the catalog asks for one more material.
fn repository() -> tempfile::TempDir {
    let dir = cli_support::temp_copy("basic");
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "2020 edition"]);
    let path = root.join(CATALOG_ITEM);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "materials = [\n",
        &format!("materials = [\n  \"{NEW_MATERIAL}\",\n"),
        1,
    );
    assert!(text.contains(NEW_MATERIAL));
    std::fs::write(&path, text).unwrap();
    git(root, &["commit", "-q", "-am", "2023 edition"]);
    dir
}

/// The `material-added` changes of a JSON report.
fn added(out: &Output) -> Vec<String> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["jurisdictions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|j| j["changes"].as_array().unwrap())
        .filter(|c| c["kind"] == "material-added")
        .map(|c| c["new"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_git_revision_is_an_edition() {
    let dir = repository();
    let root = dir.path();
    // Against the revision before the change, the new material is what the lists miss.
    let behind = added(&zhinan(
        root,
        &["diff", "--old", "HEAD~1", "--format", "json"],
    ));
    assert!(
        behind.iter().any(|m| m == NEW_MATERIAL),
        "material-added: {behind:?}"
    );
    // The same revision by another name, and the current one: nothing added.
    let same = added(&zhinan(
        root,
        &["diff", "--old", "HEAD", "--format", "json"],
    ));
    assert!(same.iter().all(|m| m != NEW_MATERIAL), "{same:?}");
    // --new takes a revision too: from the newer edition back to the older one nothing is added.
    let back = added(&zhinan(
        root,
        &[
            "diff", "--old", "HEAD", "--new", "HEAD~1", "--format", "json",
        ],
    ));
    assert!(back.iter().all(|m| m != NEW_MATERIAL), "{back:?}");
    // Reading a revision changes nothing in the working tree.
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["status", "--porcelain"])
        .output()
        .unwrap();
    assert!(
        status.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
}

#[test]
fn an_unknown_revision_is_a_usage_error_with_the_accepted_forms() {
    let dir = repository();
    let out = zhinan(dir.path(), &["diff", "--old", "v1999"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("v1999") && err.contains("git 版本"), "{err}");
}

#[test]
fn the_report_names_levels_in_the_readers_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let zh =
        String::from_utf8_lossy(&zhinan(root, &["diff", "--only", "廊坊市"]).stdout).into_owned();
    assert!(zh.contains("廊坊市（市）："), "{zh}");
    let en = zhinan(root, &["diff", "--only", "廊坊市", "--lang", "en"]);
    let en = String::from_utf8_lossy(&en.stdout).into_owned();
    assert!(en.contains("廊坊市 (city):"), "{en}");
}
