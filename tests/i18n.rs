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
    // The commands listed again under `help` take the commands' texts (as in `localize`).
    let path = &path
        .strip_prefix("cli.help.")
        .map_or(path.to_string(), |rest| format!("cli.{rest}"));
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
    for env in [
        &[][..],
        &[("LANG", "C.UTF-8")][..],
        &[("LANG", "zh_CN.UTF-8")][..],
    ] {
        let text = stdout(&lint(env, &[]));
        assert!(text.contains("的区号 0316 与号码连写"), "{env:?}:\n{text}");
        assert!(text.contains("建议修改："), "{env:?}:\n{text}");
        assert!(text.contains("处问题：错误"), "{env:?}:\n{text}");
        assert!(!text.contains("runs the area code"), "{env:?}:\n{text}");
        // Locations and rule codes stay as they are.
        assert!(text.contains("ZN501(phone-format)"), "{text}");
        assert!(
            text.contains("counties/shi/items/01-单位参保登记.toml:4:"),
            "{text}"
        );
    }
}

/// Environment variables and arguments of one run.
type LangCase<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);

#[test]
#[allow(clippy::type_complexity)] // a table of (environment, arguments) cases
fn lint_speaks_english_when_asked() {
    let cases: [LangCase; 4] = [
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
    let zn501 = |v: &serde_json::Value| {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "ZN501")
            .cloned()
            .expect("the fixture has a ZN501 finding")
    };
    let (zh, en) = (&zn501(&zh), &zn501(&en));
    assert_eq!(zh["code"], "ZN501");
    assert_eq!(zh["code"], en["code"]);
    assert_eq!(zh["rule"], en["rule"]);
    assert!(zh["message"].as_str().unwrap().contains("区号"), "{zh}");
    assert!(
        en["message"].as_str().unwrap().contains("area code"),
        "{en}"
    );
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

/// A string literal of the sources: its line and text.
struct Literal {
    line: usize,
    text: String,
    /// The code just before its opening quote on the same line (`.expect(`, `eprintln!(` …).
    before: String,
}

/// The string literals of Rust source `code` outside comments and attributes (`#[…]`, where clap's
/// fixed texts and thiserror's formats live: those are checked by their own tests).
fn literals(code: &str) -> Vec<Literal> {
    let chars: Vec<char> = code.chars().collect();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    let mut attribute_depth = 0usize;
    let mut out = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    if chars[i] == '\n' {
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            '#' if next == Some('[') || (next == Some('!') && chars.get(i + 2) == Some(&'[')) => {
                attribute_depth += 1;
                i += if next == Some('[') { 2 } else { 3 };
            }
            '[' if attribute_depth > 0 => {
                attribute_depth += 1;
                i += 1;
            }
            ']' if attribute_depth > 0 => {
                attribute_depth -= 1;
                i += 1;
            }
            '\'' => {
                // A char literal ('"', '\n', 'x'); otherwise a lifetime.
                if next == Some('\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            '"' | 'r' | 'b' => {
                // "…", r"…", r#"…"#, b"…" (an `r`/`b` inside an identifier is not a literal).
                let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
                let mut j = i;
                if c != '"' {
                    if ident_before {
                        i += 1;
                        continue;
                    }
                    if chars.get(j) == Some(&'b') {
                        j += 1;
                    }
                    if chars.get(j) == Some(&'r') {
                        j += 1;
                    }
                }
                let raw = j > i && chars[j - 1] == 'r';
                let hashes = chars[j..].iter().take_while(|&&h| h == '#').count();
                if chars.get(j + hashes) != Some(&'"') || (!raw && hashes > 0) {
                    i += 1;
                    continue;
                }
                let start_line = line;
                let before: String = chars[line_start..i].iter().collect();
                let mut k = j + hashes + 1;
                let mut text = String::new();
                while let Some(&ch) = chars.get(k) {
                    if ch == '\n' {
                        line += 1;
                        line_start = k + 1;
                    }
                    if !raw && ch == '\\' {
                        text.push(ch);
                        text.extend(chars.get(k + 1));
                        k += 2;
                        continue;
                    }
                    if ch == '"' && chars[k + 1..].iter().take(hashes).all(|&h| h == '#') {
                        k += 1 + hashes;
                        break;
                    }
                    text.push(ch);
                    k += 1;
                }
                if attribute_depth == 0 {
                    out.push(Literal {
                        line: start_line,
                        text,
                        before,
                    });
                }
                i = k;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a literal reads as English prose: two words of Latin letters in a row, once format
/// placeholders (`{name}`) and code spans (`` `zhinan lint` ``) are left out.
fn reads_as_english(text: &str) -> bool {
    let mut plain = String::new();
    let (mut brace, mut tick) = (0usize, false);
    for c in text.chars() {
        match c {
            '{' => brace += 1,
            '}' => brace = brace.saturating_sub(1),
            '`' => tick = !tick,
            _ if brace == 0 && !tick => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split(' ').collect();
    let word = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    words.windows(2).any(|w| word(w[0]) && word(w[1]))
}

/// The user-facing literals of the CLI, the build and the diff that are English prose instead of a
/// `t!` key. Allowed: test modules, `.expect("…")`/`unreachable!("…")` texts (messages of bugs,
/// never of input), and a line marked `// i18n-exempt: <why>` (or the line above it).
fn english_literals(dir: &str) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&manifest_dir().join(dir), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        let lines: Vec<&str> = code.lines().collect();
        let exempt = |line: usize| {
            let marked = |n: usize| {
                n >= 1
                    && lines
                        .get(n - 1)
                        .is_some_and(|l| l.contains("// i18n-exempt:"))
            };
            marked(line) || marked(line - 1)
        };
        for lit in literals(code) {
            let before = lit.before.trim_end();
            let bug = ["expect(", "unreachable!(", "panic!("]
                .iter()
                .any(|m| before.ends_with(m));
            if !bug && !exempt(lit.line) && reads_as_english(&lit.text) {
                let name = file.strip_prefix(manifest_dir()).unwrap().display();
                found.push(format!("{name}:{}: \"{}\"", lit.line, lit.text));
            }
        }
    }
    found
}

#[test]
fn the_scanner_finds_english_messages() {
    let code = r##"
fn f() {
    eprintln!("error: cannot write {path}: {e}");
    let _ = "中文消息";
    #[arg(help = "fixed english help")]
    x.expect("plain data serializes");
    let c = '"'; let s = r#"raw english text"#;
    // "a comment with words"
    t!("cli.key", path = "a/b");
}
"##;
    let texts: Vec<String> = literals(code)
        .into_iter()
        .filter(|l| reads_as_english(&l.text))
        .map(|l| format!("{}:{}", l.line, l.text))
        .collect();
    assert_eq!(
        texts,
        [
            "3:error: cannot write {path}: {e}",
            "6:plain data serializes",
            "7:raw english text"
        ]
    );
    assert!(!reads_as_english("`zhinan lint` {a} {b}"));
    assert!(!reads_as_english("{}（{} 项事项）"));
}

#[test]
fn no_user_facing_message_is_an_english_literal() {
    let mut found = Vec::new();
    for dir in ["src/cli", "src/build", "src/diff"] {
        found.extend(english_literals(dir));
    }
    assert!(
        found.is_empty(),
        "messages must go through t!(\"key\") with the text in locales/zh-CN.toml and \
         locales/en.toml (or mark a non-message `// i18n-exempt: why`):\n{}",
        found.join("\n")
    );
}
