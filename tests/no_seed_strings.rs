//! The code must not know the seed documents: no place, person or phone number of the seed
//! jurisdictions and none of the seeds' own slips may appear anywhere under `src/` (code, docs,
//! comments, unit tests, scaffold files). Examples there are invented (示例省, 某市, 0351-…).
//!
//! The words looked for are read from the data, so a new seed jurisdiction or a new seed slip is
//! checked too: every `name` in the jurisdictions under catalog/ and counties/ (and the place name
//! without its 省/市/县/区), every phone number of the seed sources, every `wrong` of
//! corrections-seed.toml, and the slips of tests/corpus/seeds/defects.toml that no general
//! dictionary knows (mixed numerals, look-alike addresses, slips no rule finds yet).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_toml(path: &Path) -> toml::Value {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every string value in `value` with the key it stands under.
fn strings<'a>(value: &'a toml::Value, key: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    match value {
        toml::Value::String(s) => out.push((key, s)),
        toml::Value::Array(a) => a.iter().for_each(|v| strings(v, key, out)),
        toml::Value::Table(t) => t.iter().for_each(|(k, v)| strings(v, k, out)),
        _ => {}
    }
}

/// Runs of at least seven digits: local numbers and numbers with their area code.
fn phone_numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() >= 7)
        .map(str::to_string)
        .collect()
}

/// Names and phone numbers of the seed jurisdictions, their offices and their people.
fn seed_names_and_phones() -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    let sources = WalkDir::new(root().join("counties"))
        .into_iter()
        .chain(WalkDir::new(root().join("catalog/jurisdiction.toml")))
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"));
    for entry in sources {
        let value = read_toml(entry.path());
        let mut found = Vec::new();
        strings(&value, "", &mut found);
        let is_jurisdiction = entry.file_name() == "jurisdiction.toml";
        for (key, text) in found {
            if key.contains("phone") {
                words.extend(phone_numbers(text));
            }
            // A jurisdiction's names (its own, its offices', its people's); in an item only a
            // person's name is seed-specific (item names are the national catalog's).
            if key == "name" && (is_jurisdiction || text.chars().count() <= 3) {
                words.insert(text.to_string());
                let stem = text.trim_end_matches(['省', '市', '县', '区']);
                if stem.chars().count() >= 2 {
                    words.insert(stem.to_string());
                }
            }
        }
    }
    words
}

/// The seeds' own slips.
fn seed_slips() -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    let corrections = read_toml(&root().join("catalog/reference/corrections-seed.toml"));
    for c in corrections["correction"].as_array().unwrap() {
        words.insert(c["wrong"].as_str().unwrap().to_string());
    }
    let defects = read_toml(&root().join("tests/corpus/seeds/defects.toml"));
    for d in defects["defect"].as_array().unwrap() {
        let rule = d.get("rule").and_then(|r| r.as_str()).unwrap_or("");
        // ZN103 mixed numerals, ZN104 look-alike addresses, and slips no rule finds yet; other
        // typo rules report general words (其它, 告之) that any Chinese text may hold.
        if d["category"].as_str() == Some("typo") && ["ZN103", "ZN104", ""].contains(&rule) {
            words.insert(d["text"].as_str().unwrap().to_string());
        }
    }
    words
}

fn seed_words() -> BTreeSet<String> {
    let mut words = seed_names_and_phones();
    words.extend(seed_slips());
    words
}

/// `file:line: word` for every seed word in a file under `dir`.
fn occurrences(dir: &Path, words: &BTreeSet<String>) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in WalkDir::new(dir).into_iter().map(Result::unwrap) {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue; // a directory or a binary file
        };
        for (n, line) in text.lines().enumerate() {
            for word in words.iter().filter(|w| line.contains(w.as_str())) {
                let base = dir.parent().unwrap_or(dir);
                let file = entry.path().strip_prefix(base).unwrap().display();
                hits.push(format!("{file}:{}: {word}", n + 1));
            }
        }
    }
    hits
}

#[test]
fn the_seed_words_are_read_from_the_data() {
    let words = seed_words();
    // A sample of each kind, so that a change of the data's shape cannot empty the list unnoticed.
    let sample = [
        "霸州市",
        "霸州",
        "河北",
        "赵县",
        "李勇方",
        "在转退休",
        "医院机构",
        "六49",
    ];
    for expected in sample {
        assert!(
            words.contains(expected),
            "{expected} missing from {words:?}"
        );
    }
    assert!(
        words
            .iter()
            .any(|w| w.len() >= 7 && w.bytes().all(|b| b.is_ascii_digit()))
    );
}

#[test]
fn the_scan_finds_a_seed_word() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.rs"), "// ok\nlet x = \"某县\";\n").unwrap();
    std::fs::write(dir.path().join("b.rs"), "// e.g. 霸州市\n").unwrap();
    let words = seed_words();
    let hits: Vec<_> = occurrences(dir.path(), &words)
        .into_iter()
        .map(|h| h.rsplit('/').next().unwrap().to_string())
        .collect();
    assert!(hits.contains(&"b.rs:1: 霸州市".to_string()), "{hits:?}");
    assert!(hits.iter().all(|h| h.starts_with("b.rs")), "{hits:?}");
}

#[test]
fn src_holds_no_seed_string() {
    let hits = occurrences(&root().join("src"), &seed_words());
    assert!(
        hits.is_empty(),
        "seed strings under src/ (use invented examples: 示例省, 某市, 0351-…):\n{}",
        hits.join("\n")
    );
}
