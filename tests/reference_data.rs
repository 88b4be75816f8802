//! Checks of the reference data under `catalog/reference/`, in the style of a spelling dictionary's
//! own tests: lists sorted and without duplicates, no correction that would fire on its own
//! correction or on a known term, every `unless` a longer text of its entry.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;

fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/reference")
}

#[derive(Debug, Deserialize)]
struct CorrectionsFile {
    #[serde(default)]
    correction: Vec<Correction>,
}

#[derive(Debug, Clone, Deserialize)]
struct Correction {
    wrong: String,
    right: String,
    #[serde(default)]
    unless: Vec<String>,
}

/// Every `corrections*.toml`, with its file name.
fn corrections() -> Vec<(String, Correction)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(reference_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("corrections") && name.ends_with(".toml")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let file: CorrectionsFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.extend(file.correction.into_iter().map(|c| (name.clone(), c)));
    }
    assert!(!out.is_empty());
    out
}

fn terms() -> toml::Table {
    let text = std::fs::read_to_string(reference_dir().join("terms.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

fn string_list(table: &toml::Table, key: &str) -> Vec<String> {
    table
        .get(key)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn corrections_are_well_formed() {
    let mut pairs = BTreeSet::new();
    for (file, c) in corrections() {
        assert!(!c.wrong.is_empty(), "{file}: empty `wrong`");
        assert_ne!(c.wrong, c.right, "{file}: `{}` corrects to itself", c.wrong);
        assert!(
            pairs.insert((c.wrong.clone(), c.right.clone())),
            "{file}: duplicate pair {} → {}",
            c.wrong,
            c.right
        );
        for u in &c.unless {
            assert!(
                u.contains(&c.wrong),
                "{file}: unless `{u}` does not contain `{}`",
                c.wrong
            );
        }
    }
}

/// A correction whose `wrong` text occurs in its own `right` text would flag the corrected text
/// again, unless an `unless` entry covers that occurrence.
#[test]
fn no_correction_fires_on_its_own_correction() {
    for (file, c) in corrections() {
        let covered = |text: &str| c.unless.iter().any(|u| text.contains(u.as_str()));
        assert!(
            !c.right.contains(&c.wrong) || covered(&c.right),
            "{file}: `{}` would fire on its correction `{}`",
            c.wrong,
            c.right
        );
    }
}

/// A correction must not fire on a term the glossary says is right.
#[test]
fn no_correction_fires_on_a_known_term() {
    let glossary = string_list(&terms(), "glossary");
    for (file, c) in corrections() {
        for term in &glossary {
            let covered = c.unless.iter().any(|u| term.contains(u.as_str()));
            assert!(
                !term.contains(&c.wrong) || covered,
                "{file}: `{}` would fire on the glossary term `{term}`",
                c.wrong
            );
        }
    }
}

/// The word lists the heuristic rules read are sorted (by code point) and without duplicates, so
/// that a reviewer sees at once whether a word is there.
#[test]
fn rule_word_lists_are_sorted_and_unique() {
    let terms = terms();
    for key in [
        "placeholders",
        "empty_values",
        "vague_materials",
        "title_verbs",
        "title_endings",
        "not_title_starts",
        "not_title_words",
        "fill_verbs",
        "figure_refs",
        "labels",
        "place_suffixes",
        "office_endings",
    ] {
        let list = string_list(&terms, key);
        assert!(!list.is_empty(), "terms.toml: `{key}` is empty");
        let mut sorted = list.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(list, sorted, "terms.toml: `{key}` is not sorted and unique");
        assert!(
            list.iter().all(|w| !w.trim().is_empty()),
            "terms.toml: `{key}` has an empty word"
        );
    }
    let glossary = string_list(&terms, "glossary");
    let unique: BTreeSet<&String> = glossary.iter().collect();
    assert_eq!(
        unique.len(),
        glossary.len(),
        "terms.toml: duplicate glossary terms"
    );
}

/// A title ending that is also a word a non-title starts with would make every such phrase a title.
#[test]
fn title_words_do_not_contradict_each_other() {
    let terms = terms();
    let verbs = string_list(&terms, "title_verbs");
    let endings = string_list(&terms, "title_endings");
    for v in &verbs {
        assert!(
            !endings.contains(v),
            "terms.toml: `{v}` is both a title verb and a title ending"
        );
    }
}

/// The general corrections group taken from a published list is sorted by `wrong`, so that an
/// entry added later lands where a reviewer looks for it.
#[test]
fn published_misspellings_group_is_sorted() {
    let text = std::fs::read_to_string(reference_dir().join("corrections.toml")).unwrap();
    let start = text
        .find("当代汉语出版物中最常见的100个别字")
        .expect("the 咬文嚼字 group");
    let end = text[start..]
        .find("\n# ──")
        .map_or(text.len(), |i| start + i);
    let wrongs: Vec<&str> = text[start..end]
        .lines()
        .filter_map(|l| l.strip_prefix("wrong = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(wrongs.len() >= 40);
    let mut sorted = wrongs.clone();
    sorted.sort();
    assert_eq!(wrongs, sorted);
}

#[derive(Debug, Deserialize)]
struct LawsFile {
    law: Vec<toml::Table>,
}

/// Every replaced document names a successor the registry knows, with an ISO date after its own
/// date; every title and alias is unique (a citation finds one document).
#[test]
fn replaced_documents_name_a_known_successor_and_a_later_date() {
    let text = std::fs::read_to_string(reference_dir().join("laws.toml")).unwrap();
    let laws: LawsFile = toml::from_str(&text).unwrap();
    let str_of = |l: &toml::Table, k: &str| l.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let mut names = BTreeSet::new();
    for l in &laws.law {
        let title = str_of(l, "title").unwrap();
        let aliases = l.get("aliases").and_then(|a| a.as_array()).cloned();
        for n in std::iter::once(title.clone()).chain(
            aliases
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(str::to_string)),
        ) {
            assert!(names.insert(n.clone()), "{n} names two documents");
        }
    }
    let mut replaced = 0;
    for l in &laws.law {
        let title = str_of(l, "title").unwrap();
        let Some(date) = str_of(l, "replaced") else {
            assert!(
                l.get("replaced_by").is_none(),
                "{title}: replaced_by without replaced"
            );
            continue;
        };
        replaced += 1;
        let iso = date.len() == 10
            && date.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        assert!(iso, "{title}: replaced = {date:?} is not YYYY-MM-DD");
        if let Some(issued) = str_of(l, "date") {
            assert!(
                issued.as_str() < date.as_str(),
                "{title}: replaced before it was issued"
            );
        }
        if let Some(by) = str_of(l, "replaced_by") {
            assert!(
                names.contains(&by),
                "{title}: successor {by} is not in the registry"
            );
        }
    }
    assert!(replaced >= 5, "{replaced} replaced documents");
}

/// Every mainland area code once, 3 or 4 digits after a 0, with 7 or 8 local digits (and a second
/// length only where it differs).
#[test]
fn area_codes_are_unique_and_well_formed() {
    let text = std::fs::read_to_string(reference_dir().join("phones.toml")).unwrap();
    let phones: toml::Table = toml::from_str(&text).unwrap();
    let areas = phones["area"].as_array().unwrap();
    let mut codes = BTreeSet::new();
    for a in areas {
        let code = a["code"].as_str().unwrap();
        assert!(codes.insert(code.to_string()), "{code} twice");
        let digits = &code[1..];
        assert!(code.starts_with('0'), "{code}");
        assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{code}");
        // 01x and 02x are 3-digit codes (010, 020 …), the others 4-digit.
        let three = matches!(code.as_bytes()[1], b'1' | b'2');
        assert_eq!(code.len(), if three { 3 } else { 4 }, "{code}");
        let local = a["local_digits"].as_integer().unwrap();
        assert!(local == 7 || local == 8, "{code}: {local}");
        if three {
            assert_eq!(local, 8, "{code}: the 3-digit areas have 8-digit numbers");
        }
        if let Some(also) = a.get("also_local_digits") {
            let also = also.as_integer().unwrap();
            assert!(also != local && (also == 7 || also == 8), "{code}");
        }
        assert!(!a["city"].as_str().unwrap().is_empty(), "{code}");
    }
    // Every province-level division has codes: the list is national, not one province's.
    assert!(areas.len() >= 300, "{} area codes", areas.len());
    for (code, digits) in [
        ("0311", 8),
        ("0316", 7),
        ("0312", 7),
        ("029", 8),
        ("0915", 7),
    ] {
        let a = areas
            .iter()
            .find(|a| a["code"].as_str() == Some(code))
            .unwrap();
        assert_eq!(a["local_digits"].as_integer(), Some(digits), "{code}");
    }
}
