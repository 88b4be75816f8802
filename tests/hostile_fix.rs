//! `lint --fix` on values written with TOML escapes (issue 13, item 2): `其\u5B83形式` once became
//! `其他B83形式` (the fix overwrote half of the escape). The fix must replace whole escapes and leave
//! every other value as it decodes.

mod lint_cases;

use std::fs;

use zhinan::lint::config::LintConfig;
use zhinan::lint::fix::fix_project;

const ITEMS: &str = "catalog/items/01-基本医疗保险参保和变更登记.toml";

/// The known-typo fixture with `其它 → 其他` in its corrections and `notes` written as given.
fn fixed_notes(notes_literal: &str) -> (String, toml::Table) {
    let dir = lint_cases::materialize("known-typo/fail");
    let corrections = dir.path().join("catalog/reference/corrections.toml");
    let mut reference = fs::read_to_string(&corrections).unwrap();
    reference.push_str("\n[[correction]]\nwrong = \"其它\"\nright = \"其他\"\n");
    fs::write(&corrections, reference).unwrap();
    let items = dir.path().join(ITEMS);
    let text = fs::read_to_string(&items).unwrap();
    let start = text.find("notes = ").unwrap();
    let text = format!(
        "{}notes = {notes_literal}\ntarget = \"\\u5355位\"\n",
        &text[..start]
    );
    fs::write(&items, &text).unwrap();
    // The fixture's text is the catalog's: a plain --fix leaves the catalog alone.
    let mut config = LintConfig::default();
    config.fix_inherited = true;
    let result = fix_project(dir.path(), &config, true);
    assert!(result.is_ok(), "fix failed");
    let fixed = fs::read_to_string(&items).unwrap();
    let table: toml::Table = toml::from_str(&fixed).expect("fixed file parses");
    (fixed, table)
}

fn notes(table: &toml::Table) -> &str {
    table["item"][0]["notes"].as_str().unwrap()
}

#[test]
fn fix_replaces_a_whole_unicode_escape() {
    let (fixed, table) = fixed_notes(r#""需提交材料，其\u5B83形式的证明。""#);
    assert_eq!(notes(&table), "需提交材料，其他形式的证明。", "{fixed}");
    // The other value written with an escape is untouched.
    assert_eq!(table["item"][0]["target"].as_str(), Some("单位"));
}

#[test]
fn fix_in_multiline_and_literal_strings() {
    let (fixed, table) = fixed_notes("\"\"\"\n需提交材料，\\\n    其\\u5B83形式\\t的证明。\"\"\"");
    assert_eq!(notes(&table), "需提交材料，其他形式\t的证明。", "{fixed}");
    let (fixed, table) = fixed_notes("'需提交材料，其它形式\\u5B83的证明。'");
    assert_eq!(
        notes(&table),
        "需提交材料，其他形式\\u5B83的证明。",
        "{fixed}"
    );
    let (fixed, table) = fixed_notes("\"其\\U00005B83\\\"形式\\\"\"");
    assert_eq!(notes(&table), "其他\"形式\"", "{fixed}");
}
