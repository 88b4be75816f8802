//! Translations: every message key exists in every language with the same `%{…}` arguments, every
//! key the code uses is defined, every command and option of the CLI has a translated help text, and
//! `zhinan lint` speaks Chinese by default and English when asked (`--lang en`, `LANG=en_US.UTF-8`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clap::CommandFactory;

const LANGUAGES: [&str; 2] = ["zh-CN", "en"];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `key → text` of one locale file, nested tables flattened to dotted keys.
fn locale(lang: &str) -> BTreeMap<String, String> {
    let path = manifest_dir().join("locales").join(format!("{lang}.toml"));
    let text = std::fs::read_to_string(&path).expect("locale file exists");
    let table: toml::Table = toml::from_str(&text).expect("locale file is valid TOML");
    let mut out = BTreeMap::new();
    flatten("", &toml::Value::Table(table), &mut out);
    out
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: a message is a string, not {other}"),
    }
}

/// The `%{name}` arguments of a message.
fn arguments(text: &str) -> BTreeSet<String> {
    text.split("%{")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn every_key_is_translated_with_the_same_arguments() {
    let zh = locale("zh-CN");
    let en = locale("en");
    let mut problems = Vec::new();
    for key in zh.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("{key}: missing in locales/en.toml"));
    }
    for key in en.keys().filter(|k| !zh.contains_key(*k)) {
        problems.push(format!("{key}: missing in locales/zh-CN.toml"));
    }
    for (key, zh_text) in &zh {
        if let Some(en_text) = en.get(key)
            && arguments(zh_text) != arguments(en_text)
        {
            problems.push(format!(
                "{key}: arguments differ: zh-CN {:?}, en {:?}",
                arguments(zh_text),
                arguments(en_text)
            ));
        }
        if zh_text.trim().is_empty() {
            problems.push(format!("{key}: empty in locales/zh-CN.toml"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `t!("key"…)` of the sources, with the file it is in.
fn used_keys() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&manifest_dir().join("src"), &mut files);
    let mut keys = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("t!(") {
            // `t!(` ending an identifier (`format_t!(`) is another macro.
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let rest = text[at + 3..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                panic!(
                    "{}: t!( with a key that is not a string literal; the key test cannot check it",
                    file.display()
                );
            };
            let key = rest.split('"').next().unwrap().to_string();
            let name = file.strip_prefix(manifest_dir()).unwrap().display();
            keys.push((key, name.to_string()));
        }
    }
    keys
}

#[test]
fn every_key_the_code_uses_is_defined() {
    let used = used_keys();
    assert!(used.len() > 200, "found only {} uses of t!", used.len());
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let defined = locale(lang);
        for (key, file) in &used {
            if !defined.contains_key(key) {
                problems.push(format!("{file}: `{key}` is not in locales/{lang}.toml"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Help texts are looked up by command path and argument id (see `cli::localized_command`).
#[test]
fn every_command_and_option_has_a_help_text_in_every_language() {
    let mut cmd = zhinan::cli::Cli::command();
    cmd.build();
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let defined = locale(lang);
        walk(&cmd, "cli", &defined, lang, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn walk(
    cmd: &clap::Command,
    path: &str,
    defined: &BTreeMap<String, String>,
    lang: &str,
    problems: &mut Vec<String>,
) {
    if !defined.contains_key(&format!("{path}.about")) {
        problems.push(format!("locales/{lang}.toml: no `{path}.about`"));
    }
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        let own = format!("{path}.args.{id}");
        let shared = format!("cli.args.{id}");
        if !defined.contains_key(&own) && !defined.contains_key(&shared) {
            problems.push(format!(
                "locales/{lang}.toml: no `{own}` (or `{shared}`) for the option `{id}`"
            ));
        }
    }
    for sub in cmd.get_subcommands() {
        walk(
            sub,
            &format!("{path}.{}", sub.get_name()),
            defined,
            lang,
            problems,
        );
    }
}

#[test]
fn every_rule_has_a_chinese_doc() {
    for meta in zhinan::lint::rules::metas() {
        let zh = zhinan::lint::rules::doc(meta, zhinan::i18n::Lang::Zh);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && zh.contains("## "),
            "{}: no Chinese documentation",
            meta.code
        );
        assert_eq!(
            zhinan::lint::rules::doc(meta, zhinan::i18n::Lang::En),
            meta.doc
        );
    }
}

/// `zhinan lint` on a fixture with one finding (ZN501: area code run into the number), with the
/// locale variables cleared and then set as given.
fn lint(env: &[(&str, &str)], args: &[&str]) -> Output {
    let root = manifest_dir().join("tests/fixtures/cli/basic");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhinan"));
    cmd.arg("-C").arg(root).arg("lint").args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("zhinan runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn lint_speaks_chinese_by_default() {
    for env in [&[][..], &[("LANG", "C.UTF-8")][..], &[("LANG", "zh_CN.UTF-8")][..]] {
        let text = stdout(&lint(env, &[]));
        assert!(text.contains("的区号 0316 与号码连写"), "{env:?}:\n{text}");
        assert!(text.contains("建议修改："), "{env:?}:\n{text}");
        assert!(text.contains("处问题：错误"), "{env:?}:\n{text}");
        assert!(!text.contains("runs the area code"), "{env:?}:\n{text}");
        // Locations and rule codes stay as they are.
        assert!(text.contains("ZN501(phone-format)"), "{text}");
        assert!(
            text.contains("counties/shi/items/01-基本医疗保险参保和变更登记.toml:"),
            "{text}"
        );
    }
}

#[test]
fn lint_speaks_english_when_asked() {
    let cases: [(&[(&str, &str)], &[&str]); 4] = [
        (&[], &["--lang", "en"]),
        (&[("LANG", "zh_CN.UTF-8")], &["--lang=en"]),
        (&[("LANG", "en_US.UTF-8")], &[]),
        (&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")], &[]),
    ];
    for (env, args) in cases {
        let text = stdout(&lint(env, args));
        assert!(
            text.contains("runs the area code 0316 into the number"),
            "{env:?} {args:?}:\n{text}"
        );
        assert!(text.contains("finding(s)"), "{env:?} {args:?}:\n{text}");
        assert!(!text.contains("区号"), "{env:?} {args:?}:\n{text}");
    }
    // --lang wins over the environment.
    let text = stdout(&lint(&[("LANG", "en_US.UTF-8")], &["--lang", "zh"]));
    assert!(text.contains("的区号 0316 与号码连写"), "{text}");
}

#[test]
fn json_messages_follow_the_language_and_codes_stay_ascii() {
    let zh: serde_json::Value =
        serde_json::from_slice(&lint(&[], &["--format", "json"]).stdout).unwrap();
    let en: serde_json::Value =
        serde_json::from_slice(&lint(&[], &["--format", "json", "--lang", "en"]).stdout).unwrap();
    let (zh, en) = (&zh["diagnostics"][0], &en["diagnostics"][0]);
    assert_eq!(zh["code"], "ZN501");
    assert_eq!(zh["code"], en["code"]);
    assert_eq!(zh["rule"], en["rule"]);
    assert!(zh["message"].as_str().unwrap().contains("区号"), "{zh}");
    assert!(en["message"].as_str().unwrap().contains("area code"), "{en}");
}

#[test]
fn help_is_chinese_by_default() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["lint", "--help"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("用法："), "{text}");
    assert!(text.contains("查找源文件中的问题"), "{text}");
    assert!(text.contains("显示帮助"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["--lang", "en", "lint", "--help"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("Find defects in the sources"), "{text}");
    assert!(text.contains("Print help"), "{text}");
}
