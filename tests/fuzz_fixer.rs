//! Property test of the fixer's edits on random valid TOML files whose strings use every way of
//! writing text (issue 13, item 2): raw characters, `\uXXXX`, `\UXXXXXXXX`, short escapes, line-ending
//! backslashes in multi-line strings, literal strings. A random range of one value's decoded text is
//! replaced through the same mapping and edit code `lint --fix` uses; then every other value must
//! decode exactly as before and the edited value must equal the expected text.
//!
//! Short run in the test suite (256 cases); long run:
//! `PROPTEST_CASES=100000 cargo test --test fuzz_fixer` (add `--release` where typst is already built
//! in release mode).

use proptest::prelude::*;
use zhinan::lint::fix::{Edit, apply_edits, changed_values};
use zhinan::source::{LiteralMap, plain_literal_range};

/// Characters values are made of: Han (some 3-byte, one 4-byte), ASCII, quotes, backslashes, tabs,
/// newlines and an apostrophe.
const CHARS: &[char] = &[
    '其', '它', '他', '形', '式', 'a', 'Z', '1', ' ', '"', '\\', '\t', '\n', '\'', '𠀀', 'é',
    '\u{7f}',
];

#[derive(Debug, Clone, Copy)]
enum Style {
    Basic,
    MultiBasic,
    Literal,
    MultiLiteral,
}

/// One value: its characters and, per character, how it is written (0 raw, 1 \u, 2 \U, 3 short).
#[derive(Debug, Clone)]
struct Value {
    chars: Vec<char>,
    ways: Vec<u8>,
    /// Positions (before character i) where a multi-line basic string breaks its line with `\`.
    breaks: Vec<bool>,
    style: Style,
}

fn value() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((0..CHARS.len(), 0u8..4, any::<bool>()), 0..24),
        0u8..4,
    )
        .prop_map(|(cs, style)| Value {
            chars: cs.iter().map(|c| CHARS[c.0]).collect(),
            ways: cs.iter().map(|c| c.1).collect(),
            breaks: cs.iter().map(|c| c.2).collect(),
            style: match style {
                0 => Style::Basic,
                1 => Style::MultiBasic,
                2 => Style::Literal,
                _ => Style::MultiLiteral,
            },
        })
}

/// The literal for a value (a literal string falls back to basic when it cannot hold the text).
fn literal(v: &Value) -> String {
    let literal_ok = !v
        .chars
        .iter()
        .any(|&c| c == '\'' || c == '\u{7f}' || c == '\\')
        && match v.style {
            Style::Literal => !v.chars.contains(&'\n'),
            _ => true,
        };
    match v.style {
        Style::Literal if literal_ok => format!("'{}'", v.chars.iter().collect::<String>()),
        Style::MultiLiteral if literal_ok && !v.chars.ends_with(&['\'']) => {
            format!("'''\n{}'''", v.chars.iter().collect::<String>())
        }
        Style::MultiBasic => {
            let mut s = String::from("\"\"\"\n");
            for (i, &c) in v.chars.iter().enumerate() {
                let way = if v.breaks[i] && i > 0 {
                    s.push_str("\\\n    ");
                    // Whitespace right after a line-ending backslash is trimmed: escape it.
                    if matches!(c, ' ' | '\t' | '\n') {
                        2
                    } else {
                        v.ways[i]
                    }
                } else {
                    v.ways[i]
                };
                s.push_str(&encode(c, way, true));
            }
            s.push_str("\"\"\"");
            s
        }
        _ => {
            let body: String = v
                .chars
                .iter()
                .zip(&v.ways)
                .map(|(&c, &w)| encode(c, w, false))
                .collect();
            format!("\"{body}\"")
        }
    }
}

fn encode(c: char, way: u8, multiline: bool) -> String {
    let must_escape = matches!(c, '"' | '\\' | '\u{7f}') || (c == '\n' && !multiline);
    match way {
        1 if (c as u32) <= 0xFFFF => format!("\\u{:04X}", c as u32),
        2 => format!("\\U{:08X}", c as u32),
        3 | 0 if must_escape || way == 3 => match c {
            '"' => "\\\"".into(),
            '\\' => "\\\\".into(),
            '\n' => "\\n".into(),
            '\t' => "\\t".into(),
            _ => format!("\\U{:08X}", c as u32),
        },
        _ if must_escape => format!("\\U{:08X}", c as u32),
        _ => c.to_string(),
    }
}

fn file_of(literals: &[String]) -> String {
    literals
        .iter()
        .enumerate()
        .map(|(i, l)| format!("k{i} = {l}\n"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn fixes_edit_only_the_decoded_range(
        values in prop::collection::vec(value(), 1..5),
        pick in any::<prop::sample::Index>(),
        range in (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
        replacement in "[其他式a-z]{0,3}",
    ) {
        let literals: Vec<String> = values.iter().map(literal).collect();
        let file = file_of(&literals);
        let before: toml::Table = toml::from_str(&file).expect("generated file is valid TOML");
        let k = pick.index(values.len());
        let key = format!("k{k}");
        let decoded = before[&key].as_str().unwrap().to_string();
        prop_assert_eq!(&decoded, &values[k].chars.iter().collect::<String>());

        // A character range of the decoded value, as a rule would report it (byte offsets).
        let n = values[k].chars.len();
        let (a, b) = (range.0.index(n + 1), range.1.index(n + 1));
        let (a, b) = (a.min(b), a.max(b));
        let offset = |i: usize| decoded.char_indices().nth(i).map_or(decoded.len(), |(o, _)| o);
        let value_range = offset(a)..offset(b);

        let lit = &literals[k];
        let in_literal = plain_literal_range(lit, value_range.clone()).unwrap_or_else(|| {
            LiteralMap::new(lit, &decoded).expect("literal maps").source_range(value_range.clone())
        });
        let at = file.find(&format!("{key} = ")).unwrap() + key.len() + 3;
        let edit = Edit { span: at + in_literal.start..at + in_literal.end, replacement: replacement.clone() };
        let (new_file, applied, skipped) = apply_edits(&file, &[edit]);
        prop_assert_eq!(applied, 1, "{:?}", skipped);

        let after: toml::Table = toml::from_str(&new_file).expect("fixed file parses");
        let expected = format!("{}{}{}", &decoded[..value_range.start], replacement, &decoded[value_range.end..]);
        prop_assert_eq!(after[&key].as_str().unwrap(), expected.as_str(), "file:\n{}\nfixed:\n{}", file, new_file);
        for (i, _) in values.iter().enumerate().filter(|(i, _)| *i != k) {
            let key = format!("k{i}");
            prop_assert_eq!(&after[&key], &before[&key]);
        }
        prop_assert!(changed_values(&file, &new_file).is_some_and(|c| c <= 1));
    }
}
