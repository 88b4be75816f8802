//! `zhinan check` and `zhinan show` on the real seed transcription, through the binary.

use std::path::Path;
use std::process::Command;

fn zhinan(args: &[&str], root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["-C", root.to_str().unwrap()])
        .args(args)
        // These tests read the English messages (the default language is Chinese).
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("binary runs")
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_json_lists_every_seed_jurisdiction() {
    let out = zhinan(&["check", "--format", "json"], repo());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = json["jurisdictions"].as_array().unwrap();
    let get = |name: &str| {
        list.iter()
            .find(|j| j["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert!(get("河北省")["items"].as_u64().unwrap() >= 28);
    assert_eq!(get("河北省")["level"], "province");
    assert!(get("廊坊市")["items"].as_u64().unwrap() >= 28);
    let bazhou = get("霸州市");
    assert_eq!(bazhou["items"], 29);
    assert_eq!(bazhou["level"], "county");
    assert_eq!(bazhou["parent"], "廊坊市");
    assert!(bazhou["flows"].as_u64().unwrap() >= 29);
    // 赵县 published 26 flowchart blocks (one of them twice) for 25 powers.
    assert_eq!(get("赵县")["flows"], 26);
    assert!(get("望都县")["flows"].as_u64().unwrap() >= 20);
}

#[test]
fn show_tells_where_each_value_comes_from() {
    let out = zhinan(
        &["show", "廊坊市", "132036001001", "--format", "json"],
        repo(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fields = json["fields"].as_array().unwrap();
    let field = |name: &str| fields.iter().find(|f| f["field"] == name).unwrap();
    // Langfang publishes no 设定依据: inherited from the catalog, with its file and line.
    let basis = field("legal_basis");
    assert_eq!(basis["jurisdiction"], "河北省");
    assert!(
        basis["file"]
            .as_str()
            .unwrap()
            .starts_with("catalog/items/01-")
    );
    assert!(basis["line"].as_u64().unwrap() > 1);
    assert_eq!(field("time_limit")["jurisdiction"], "廊坊市");
}

#[test]
fn invalid_sources_exit_with_code_3_and_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("catalog")).unwrap();
    std::fs::write(
        root.join("catalog/jurisdiction.toml"),
        "name = \"测试省\"\nlevel = \"provinse\"\n",
    )
    .unwrap();
    let out = zhinan(&["check"], root);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("catalog/jurisdiction.toml:2:9"), "{err}");
    assert!(
        err.contains("help: use one of: national, province, city, county"),
        "{err}"
    );
}

#[test]
fn unknown_item_in_show_suggests_a_name() {
    let out = zhinan(&["show", "霸州市", "单位参保登计"], repo());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `单位参保登记`?"), "{err}");
}
