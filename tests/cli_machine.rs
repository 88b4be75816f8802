//! Findings follow the published text (the 固安县 scenario of issue 10), `--fix` edits only what
//! the run selects, and the machine formats: always one whole document (also when nothing loads),
//! SARIF valid against the official 2.1.0 schema with encoded URIs, related locations and fix safety.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod cli_support;
use cli_support::{fixture, temp_copy};

fn zhinan(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(root)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("zhinan runs")
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official SARIF schema compiles")
}

fn assert_valid_sarif(v: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "SARIF not valid:\n{}", errors.join("\n"));
}

const CITY_FILE: &str = "counties/langfang/items/01-单位参保登记.toml";

#[test]
fn a_county_sees_the_defects_it_inherits_from_its_city() {
    let root = fixture("inherit");
    let out = zhinan(&root, &["lint", "--only", "固安县", "--format", "json"]);
    let v = stdout_json(&out);
    let diags = v["diagnostics"].as_array().unwrap();
    let city: Vec<&Value> = diags.iter().filter(|d| d["file"] == CITY_FILE).collect();
    let codes: Vec<&str> = city.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"ZN106"), "mixed step separator: {codes:?}");
    assert!(
        codes.iter().any(|c| *c != "ZN106"),
        "the half-width bracket too: {codes:?}"
    );
    for d in &city {
        assert_eq!(d["jurisdiction"], "廊坊市", "reported once, at its source");
        assert_eq!(
            d["affects"],
            serde_json::json!(["廊坊市", "霸州市", "固安县"]),
            "{d}"
        );
    }
    // 固安县 counts them in its own row of the summary.
    let row = v["summary"]["by_jurisdiction"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["jurisdiction"] == "固安县")
        .cloned()
        .expect("固安县 has a row");
    assert!(row["total"].as_u64().unwrap() >= 2, "{row}");

    let human = zhinan(
        &root,
        &[
            "lint",
            "--only",
            "固安县",
            "--color",
            "never",
            "--lang",
            "en",
        ],
    );
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains(&format!("affects 霸州市, 固安县 via {CITY_FILE}:")),
        "{text}"
    );
    assert_eq!(human.status.code(), Some(1), "ZN106 is an error");
}

#[test]
fn a_county_that_overrides_the_text_is_not_affected() {
    let dir = temp_copy("inherit");
    let own = dir
        .path()
        .join("counties/langfang/gu-an/items/01-单位参保登记.toml");
    let mut text = std::fs::read_to_string(&own).unwrap();
    text.push_str("steps = \"申请—受理—审核—拨付—办结\"\nmaterials = [\"统一社会信用代码证书\"]\n");
    std::fs::write(&own, text).unwrap();
    let v = stdout_json(&zhinan(
        dir.path(),
        &["lint", "--only", "固安县", "--format", "json"],
    ));
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().all(|d| d["file"] != CITY_FILE),
        "固安县 prints its own text now: {v}"
    );
    let v = stdout_json(&zhinan(
        dir.path(),
        &["lint", "--only", "霸州市", "--format", "json"],
    ));
    let city: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == CITY_FILE)
        .collect();
    assert!(!city.is_empty());
    assert!(
        city.iter()
            .all(|d| d["affects"] == serde_json::json!(["廊坊市", "霸州市"]))
    );
}

#[test]
fn fix_only_edits_the_files_of_the_selected_jurisdiction() {
    let dir = temp_copy("inherit");
    let city = dir.path().join(CITY_FILE);
    let before = std::fs::read_to_string(&city).unwrap();

    let out = zhinan(dir.path(), &["lint", "--fix", "--only", "固安县"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(std::fs::read_to_string(&city).unwrap(), before, "{err}");
    assert!(err.contains("--fix-inherited"), "{err}");
    assert!(err.contains(CITY_FILE), "{err}");

    let out = zhinan(
        dir.path(),
        &["lint", "--fix", "--fix-inherited", "--only", "固安县"],
    );
    let after = std::fs::read_to_string(&city).unwrap();
    assert_ne!(after, before, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(after.contains("申请—受理—审核—拨付—办结"), "{after}");
}

#[test]
fn plain_fix_leaves_the_catalog_alone() {
    let dir = temp_copy("basic");
    let catalog = dir
        .path()
        .join("catalog/items/01-基本医疗保险参保和变更登记.toml");
    let county = dir.path().join("counties/shi/items/01-单位参保登记.toml");
    let catalog_before = std::fs::read_to_string(&catalog).unwrap();
    let county_before = std::fs::read_to_string(&county).unwrap();
    zhinan(dir.path(), &["lint", "--fix"]);
    assert_eq!(std::fs::read_to_string(&catalog).unwrap(), catalog_before);
    assert_ne!(std::fs::read_to_string(&county).unwrap(), county_before);
    // Selecting the province fixes its files.
    zhinan(dir.path(), &["lint", "--fix", "--only", "河北省"]);
    assert_ne!(std::fs::read_to_string(&catalog).unwrap(), catalog_before);
}

fn broken_copy() -> tempfile::TempDir {
    let dir = temp_copy("inherit");
    std::fs::write(
        dir.path().join("counties/langfang/gu-an/items/02-坏.toml"),
        "[[item]]\ncode = \"132036001002\"\nnmae = \"x\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn machine_formats_print_a_document_when_sources_do_not_load() {
    let dir = broken_copy();
    let out = zhinan(dir.path(), &["lint", "--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    let v = stdout_json(&out);
    assert_eq!(v["valid"], false);
    assert!(v["format_version"].as_u64().unwrap() >= 2);
    let d = &v["diagnostics"][0];
    assert!(d["code"].as_str().unwrap().starts_with("load::"), "{v}");
    assert!(
        d["file"]
            .as_str()
            .unwrap()
            .ends_with("gu-an/items/02-坏.toml")
    );
    assert_eq!(d["line"], 3);

    let out = zhinan(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    let v = stdout_json(&out);
    assert_eq!(v["valid"], false);
    assert!(!v["diagnostics"].as_array().unwrap().is_empty());

    let out = zhinan(dir.path(), &["lint", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(3));
    let v = stdout_json(&out);
    assert_valid_sarif(&v);
    let run = &v["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let result = &run["results"][0];
    assert!(result["ruleId"].as_str().unwrap().starts_with("load::"));
    assert_eq!(result["level"], "error");
}

#[test]
fn sarif_validates_and_encodes_uris() {
    for name in ["inherit", "basic"] {
        let out = zhinan(&fixture(name), &["lint", "--format", "sarif"]);
        let v = stdout_json(&out);
        assert_valid_sarif(&v);
        let run = &v["runs"][0];
        for r in run["results"].as_array().unwrap() {
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri.is_ascii(), "percent-encoded: {uri}");
            // Every fixture path has CJK in it: encoded as UTF-8 percent escapes, `/` kept.
            assert!(uri.contains("/items/01-%E"), "{uri}");
            assert!(r["properties"]["affects"].is_array());
        }
        let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap();
        assert!(base.starts_with("file:///") && base.ends_with('/') && base.is_ascii());
    }
}

#[test]
fn sarif_marks_fix_safety_related_locations_and_help_uri() {
    let dir = temp_copy("basic");
    std::fs::write(
        dir.path().join("zhinan.toml"),
        "[lint]\nhelp_uri = \"https://docs.example.org/zhinan/rules/{code}.html\"\n",
    )
    .unwrap();
    let v = stdout_json(&zhinan(dir.path(), &["lint", "--format", "sarif"]));
    assert_valid_sarif(&v);
    let run = &v["runs"][0];
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        assert_eq!(
            rule["helpUri"],
            format!("https://docs.example.org/zhinan/rules/{id}.html")
        );
    }
    let results = run["results"].as_array().unwrap();
    let typo = results.iter().find(|r| r["ruleId"] == "ZN101").unwrap();
    assert_eq!(typo["fixes"][0]["properties"]["applicability"], "safe");

    // A finding compared with the catalog carries the catalog's line as a related location.
    let dir = temp_copy("inherit");
    let city = dir.path().join(CITY_FILE);
    let text = std::fs::read_to_string(&city).unwrap().replace(
        "code = \"132036001001\"\n",
        "code = \"132036001001\"\nname = \"单位参保登计\"\n",
    );
    std::fs::write(&city, text).unwrap();
    let inherit = stdout_json(&zhinan(dir.path(), &["lint", "--format", "sarif"]));
    assert_valid_sarif(&inherit);
    let related: Vec<&Value> = inherit["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.get("relatedLocations"))
        .flat_map(|l| l.as_array().unwrap())
        .collect();
    assert!(
        related
            .iter()
            .any(|l| l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("catalog/")),
        "{inherit}"
    );
}

#[test]
fn json_marks_unsafe_suggestions() {
    let dir = temp_copy("basic");
    let catalog = dir
        .path()
        .join("catalog/items/01-基本医疗保险参保和变更登记.toml");
    let text = std::fs::read_to_string(&catalog).unwrap().replace(
        "time_limit",
        "legal_basis = [\"（国务院令第六49号）\"]\ntime_limit",
    );
    std::fs::write(&catalog, text).unwrap();
    let v = stdout_json(&zhinan(dir.path(), &["lint", "--format", "json"]));
    let fixes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["fix"]["applicability"].as_str())
        .collect();
    assert!(
        fixes.contains(&"safe") && fixes.contains(&"unsafe"),
        "{fixes:?}"
    );
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let root = fixture("inherit");
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhinan"));
        cmd.arg("-C").arg(&root).args(args);
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(run(&["lint", "--color", "always"], true).contains('\u{1b}'));
    assert!(!run(&["lint", "--color", "never"], false).contains('\u{1b}'));
    // Not a terminal: auto means no colour.
    assert!(!run(&["lint"], false).contains('\u{1b}'));
}
