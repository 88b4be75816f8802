//! `zhinan lint` and `zhinan rule` end to end: output shapes (JSON, SARIF), exit codes,
//! `--deny warnings`, `--only`, the project config, and the `--fix` round trip on temporary copies of
//! the fixtures in `tests/fixtures/cli/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod cli_support;
use cli_support::{fixture, temp_copy};

fn zhinan(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(root)
        .args(args)
        // These tests read the English messages (the default language is Chinese).
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("zhinan runs")
}

fn json(root: &Path, extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["lint", "--format", "json"];
    args.extend_from_slice(extra);
    let out = zhinan(root, &args);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (value, out.status.code().unwrap())
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_has_the_documented_shape() {
    let root = fixture("basic");
    let (v, code) = json(&root, &[]);
    assert_eq!(code, 1, "errors exit 1");
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    let required = [
        "code",
        "rule",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "jurisdiction",
        "item",
        "text",
        "suggestion",
        "fix",
        "related",
        "affects",
    ];
    for d in diags {
        let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
        assert_eq!(
            keys.len(),
            required.len(),
            "exactly the documented keys: {keys:?}"
        );
        for key in required {
            assert!(d.get(key).is_some(), "diagnostic without `{key}`: {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        let file = d["file"].as_str().unwrap();
        assert!(
            !file.starts_with('/'),
            "file is relative to the root: {file}"
        );
        // `text` is the source text at line:column … end_line:end_column (characters, end exclusive).
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        let line: Vec<char> = source
            .lines()
            .nth(d["line"].as_u64().unwrap() as usize - 1)
            .unwrap()
            .chars()
            .collect();
        if d["line"] == d["end_line"] {
            let (c, e) = (
                d["column"].as_u64().unwrap() as usize,
                d["end_column"].as_u64().unwrap() as usize,
            );
            let slice: String = line[c - 1..e - 1].iter().collect();
            assert_eq!(slice, d["text"].as_str().unwrap());
        }
    }
    let typo = diags.iter().find(|d| d["code"] == "ZN101").unwrap();
    assert_eq!(typo["rule"], "known-typo");
    assert_eq!(typo["jurisdiction"], "河北省");
    assert_eq!(typo["item"], "132036001001");
    assert_eq!(typo["text"], "医保保险");
    assert_eq!(typo["suggestion"], "医疗保险");
    assert_eq!(
        typo["file"],
        "catalog/items/01-基本医疗保险参保和变更登记.toml"
    );
    let phone = diags.iter().find(|d| d["code"] == "ZN501").unwrap();
    assert_eq!(phone["jurisdiction"], "示例市");
    assert_eq!(phone["text"], "03167238417");

    let s = &v["summary"];
    assert_eq!(s["total"].as_u64().unwrap() as usize, diags.len());
    assert!(s["errors"].as_u64().unwrap() >= 3);
    assert!(
        s["by_rule"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["code"] == "ZN101")
    );
    assert!(
        s["by_jurisdiction"]
            .as_array()
            .unwrap()
            .iter()
            .any(|j| j["jurisdiction"] == "示例市")
    );
}

#[test]
fn sarif_is_2_1_0_with_rules_results_and_fixes() {
    let out = zhinan(&fixture("basic"), &["lint", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 20);
    for r in rules {
        for key in ["id", "name", "shortDescription", "fullDescription", "help"] {
            assert!(r.get(key).is_some(), "rule without {key}: {r}");
        }
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string());
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(loc["region"][key].as_u64().unwrap() >= 1);
        }
        let id = r["ruleId"].as_str().unwrap();
        assert!(rules.iter().any(|x| x["id"] == id));
    }
    let typo = results.iter().find(|r| r["ruleId"] == "ZN101").unwrap();
    let replacement = &typo["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "医疗保险");
    assert!(replacement["deletedRegion"]["startLine"].as_u64().unwrap() >= 1);
}

#[test]
fn human_output_ends_with_the_summary_tables() {
    let out = zhinan(&fixture("basic"), &["lint"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("catalog/items/01-基本医疗保险参保和变更登记.toml:"));
    assert!(text.contains("ZN101(known-typo)"));
    assert!(text.contains("suggested fix: replace `医保保险` with `医疗保险`"));
    assert!(text.contains("ZN101 known-typo"), "per-rule table:\n{text}");
    assert!(text.contains("示例市"), "per-jurisdiction table:\n{text}");
}

#[test]
fn warnings_pass_unless_denied() {
    let root = fixture("warnings");
    let (v, code) = json(&root, &[]);
    assert_eq!(code, 0, "only warnings: {v}");
    assert!(v["summary"]["warnings"].as_u64().unwrap() >= 1);
    assert_eq!(v["summary"]["errors"], 0);
    let (_, code) = json(&root, &["--deny", "warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn only_reports_what_one_jurisdiction_prints() {
    let (v, _) = json(&fixture("basic"), &["--only", "示例市"]);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    // Its own findings and the catalog's it inherits: every one affects 示例市.
    assert!(diags.iter().all(|d| {
        d["affects"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "示例市")
    }));
    assert!(diags.iter().any(|d| d["jurisdiction"] == "河北省"));
    let (v, _) = json(&fixture("basic"), &["--only", "河北省"]);
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["jurisdiction"] == "河北省")
    );
    // An unknown name is a usage error (2), not invalid sources (3).
    let out = zhinan(&fixture("basic"), &["lint", "--only", "示例县"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("示例县"));
}

#[test]
fn invalid_sources_exit_3() {
    let dir = temp_copy("basic");
    std::fs::write(
        dir.path().join("counties/shi/items/02-broken.toml"),
        "[[item]]\ncode = \"132036001002\nname = \"x\"\n",
    )
    .unwrap();
    let out = zhinan(dir.path(), &["lint"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn invalid_reference_data_exits_3() {
    let dir = temp_copy("basic");
    std::fs::write(
        dir.path().join("catalog/reference/corrections.toml"),
        "[[correction]]\nwrong = \"a\"\nrigth = \"b\"\n",
    )
    .unwrap();
    let out = zhinan(dir.path(), &["lint"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rigth"));
}

#[test]
fn config_selects_ignores_and_sets_severities() {
    let dir = temp_copy("basic");
    let config = dir.path().join("zhinan.toml");

    std::fs::write(&config, "[lint]\nignore = [\"known-typo\"]\n").unwrap();
    let (v, _) = json(dir.path(), &[]);
    assert!(!codes(&v).contains(&"ZN101".to_string()));
    assert!(codes(&v).contains(&"ZN102".to_string()));

    std::fs::write(&config, "[lint]\nselect = [\"ZN5\"]\n").unwrap();
    let (v, _) = json(dir.path(), &[]);
    assert!(!codes(&v).is_empty());
    assert!(codes(&v).iter().all(|c| c.starts_with("ZN5")));

    std::fs::write(
        &config,
        "[lint]\nselect = [\"ZN101\", \"phone-format\"]\n[lint.severity]\nZN101 = \"warning\"\nphone-format = \"info\"\n",
    )
    .unwrap();
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(code, 0, "no errors left: {v}");
    for d in v["diagnostics"].as_array().unwrap() {
        match d["code"].as_str().unwrap() {
            "ZN101" => assert_eq!(d["severity"], "warning"),
            "ZN501" => assert_eq!(d["severity"], "info"),
            other => panic!("{other} was not selected"),
        }
    }

    std::fs::write(
        &config,
        "[lint.jurisdiction.\"示例市\"]\nignore = [\"ZN5\"]\n",
    )
    .unwrap();
    let (v, _) = json(dir.path(), &[]);
    assert!(!codes(&v).contains(&"ZN501".to_string()));
    assert!(codes(&v).contains(&"ZN101".to_string()));
}

#[test]
fn config_errors_are_located_and_exit_3() {
    let dir = temp_copy("basic");
    let config = dir.path().join("zhinan.toml");
    for (text, needle) in [
        ("[lint]\nignroe = [\"ZN101\"]\n", "ignroe"),
        ("[lint]\nselect = [\"ZN999\"]\n", "ZN999"),
        ("[lint.severity]\nZN101 = \"fatal\"\n", "fatal"),
        ("[lint.jurisdiction.\"示例县\"]\nignore = []\n", "示例县"),
        ("[lnt]\n", "lnt"),
    ] {
        std::fs::write(&config, text).unwrap();
        let out = zhinan(dir.path(), &["lint"]);
        assert_eq!(out.status.code(), Some(3), "{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("zhinan.toml:"), "located: {err}");
        assert!(err.contains(needle), "{needle} in {err}");
    }
}

#[test]
fn fix_round_trip_keeps_comments_and_is_idempotent() {
    let dir = temp_copy("basic");
    let catalog = dir
        .path()
        .join("catalog/items/01-基本医疗保险参保和变更登记.toml");
    let county = dir.path().join("counties/shi/items/01-单位参保登记.toml");
    let before = std::fs::read_to_string(&catalog).unwrap();

    // --fix-inherited: this round trip edits the catalog too (plain --fix leaves catalog/ alone).
    let out = zhinan(
        dir.path(),
        &["lint", "--fix", "--fix-inherited", "--format", "json"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        stderr.contains("fixed 3 finding(s) in 2 file(s)"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for fixed in ["ZN101", "ZN102", "ZN501"] {
        assert!(!codes(&v).contains(&fixed.to_string()), "{fixed} left: {v}");
    }
    assert_eq!(out.status.code(), Some(0), "nothing left at error level");

    let after = std::fs::read_to_string(&catalog).unwrap();
    assert!(after.contains(
        "# A catalog file with defects that --fix repairs; this comment must survive the fixes."
    ));
    assert!(after.contains("  # the form name below has a typo\n"));
    assert!(after.contains("\"《职工基本医疗保险个人账户一次性支取申请表》\","));
    assert!(after.contains(
        "notes = \"有条件的地区可与相关部门联网实时推送救助对象身份信息。\"  # doubled word"
    ));
    // Only the fixed characters changed.
    assert_eq!(
        before
            .replace("医保保险", "医疗保险")
            .replace("身份信息信息", "身份信息"),
        after
    );
    let county_text = std::fs::read_to_string(&county).unwrap();
    assert!(county_text.contains(
        "contact = { name = \"张海龙\", phone = \"0316-7238417\" }   # area code run into the number"
    ));
    // No temporary files left behind.
    let leftovers: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("zhinan-fix"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A second --fix changes nothing.
    let out = zhinan(dir.path(), &["lint", "--fix", "--fix-inherited"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 0 finding(s) in 0 file(s)"));
    assert_eq!(std::fs::read_to_string(&catalog).unwrap(), after);
    assert_eq!(std::fs::read_to_string(&county).unwrap(), county_text);
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let dir = temp_copy("basic");
    let catalog = dir
        .path()
        .join("catalog/items/01-基本医疗保险参保和变更登记.toml");
    let mut text = std::fs::read_to_string(&catalog).unwrap();
    text = text.replace(
        "time_limit",
        "legal_basis = [\"（国务院令第六49号）\"]\ntime_limit",
    );
    std::fs::write(&catalog, &text).unwrap();

    zhinan(dir.path(), &["lint", "--fix", "--only", "河北省"]);
    assert!(
        std::fs::read_to_string(&catalog)
            .unwrap()
            .contains("第六49号")
    );
    zhinan(
        dir.path(),
        &["lint", "--fix", "--unsafe-fixes", "--only", "河北省"],
    );
    assert!(
        std::fs::read_to_string(&catalog)
            .unwrap()
            .contains("第649号")
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn rule_prints_documentation() {
    let root = fixture("basic");
    let out = zhinan(&root, &["rule", "ZN101"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for heading in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
    ] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    let by_name = zhinan(&root, &["rule", "known-typo"]);
    assert_eq!(String::from_utf8(by_name.stdout).unwrap(), text);

    let all = String::from_utf8(zhinan(&root, &["rule", "--all"]).stdout).unwrap();
    assert!(all.lines().count() >= 20);
    assert!(all.contains("ZN101  known-typo"));

    let unknown = zhinan(&root, &["rule", "knwon-typo"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("known-typo"));
}

#[test]
fn every_rule_doc_has_the_four_sections() {
    let out = zhinan(&fixture("basic"), &["rule", "--all"]);
    let list = String::from_utf8(out.stdout).unwrap();
    for line in list.lines() {
        let code = line.split_whitespace().next().unwrap();
        let doc = String::from_utf8(zhinan(&fixture("basic"), &["rule", code]).stdout).unwrap();
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            assert!(doc.contains(heading), "{code}: no {heading}");
        }
    }
}
