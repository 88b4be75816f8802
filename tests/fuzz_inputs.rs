//! Fuzzing on stable Rust (issue 13): proptest drives random and mutated inputs through the loader
//! (whole projects), the Markdown path of the renderer, the citation, time-limit, phone and numeral
//! parsers. The properties: no panic, no hang (the run finishes), every returned range lies inside
//! the text on character boundaries, a project either loads or reports located diagnostics.
//!
//! Short run in the test suite (64 cases per property). Long run:
//! `PROPTEST_CASES=20000 cargo test --test fuzz_inputs` (add `--release` where typst is already built
//! in release mode).

use std::fs;
use std::ops::Range;
use std::path::Path;

use proptest::prelude::*;
use zhinan::diagnostic::render_all;
use zhinan::render::markdown;
use zhinan::resolve::load_project;
use zhinan::text::{citation, numerals, phone, time_limit, titles};

mod fs_support;
use fs_support::copy_tree;

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text made of the pieces the parsers look for, in any order: brackets, numerals, units, issuers,
/// Markdown markers, escapes, control characters, and arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "《",
        "》",
        "〈",
        "〉",
        "（",
        "）",
        "(",
        ")",
        "〔",
        "〕",
        "[",
        "]",
        "第",
        "条",
        "款",
        "号",
        "令",
        "国务院",
        "人力资源社会保障部",
        "冀医保发",
        "2021",
        "〔2020〕",
        "十五",
        "三十",
        "零",
        "一",
        "5",
        "个",
        "工作日",
        "自然日",
        "日",
        "月",
        "年",
        "内",
        "不超过",
        "即时办结",
        "办结",
        "在职职工",
        "0316-",
        "1234567",
        "12345678901",
        "、",
        "，",
        "。",
        "；",
        "：",
        " ",
        "\n",
        "\t",
        ">",
        "> ",
        "- ",
        "* ",
        "1. ",
        "#",
        "**",
        "_",
        "`",
        "<",
        "http://",
        "javascript:",
        "](",
        "\\",
        "\"",
        "\u{1b}",
        "\u{200b}",
        "𠀀",
        "é",
        "的",
        "的的",
        "研究研究",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn check_ranges(text: &str, ranges: impl IntoIterator<Item = Range<usize>>) {
    for r in ranges {
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{r:?} outside {text:?}"
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} not on character boundaries of {text:?}"
        );
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn parsers_return_ranges_inside_the_text(text in text()) {
        for c in citation::parse(&text) {
            check_ranges(&text, [c.range.clone()]);
            check_ranges(&text, c.prefix.clone());
            check_ranges(&text, c.suffix.clone());
            if let Some(t) = &c.title {
                check_ranges(&text, [t.outer.clone(), t.inner.clone()]);
            }
            check_ranges(&text, c.articles.iter().map(|a| a.range.clone()));
        }
        check_ranges(&text, titles::titles(&text).into_iter().map(|t| t.outer));
        check_ranges(&text, citation::numbers(&text).into_iter().map(|n| n.range()));
        for l in time_limit::parse(&text) {
            check_ranges(&text, [l.range.clone(), l.number.clone()]);
            check_ranges(&text, l.group.clone());
        }
        check_ranges(&text, phone::find_phones(&text).into_iter().map(|p| p.range));
        check_ranges(&text, numerals::numbers(&text).into_iter().map(|n| n.range));
        check_ranges(&text, numerals::mixed_numbers(&text).into_iter().map(|n| n.range));
    }

    #[test]
    fn markdown_never_panics_and_keeps_its_text(text in text()) {
        let nodes = markdown::parse(&text);
        let json = serde_json::to_string(&nodes).unwrap();
        let back: Vec<markdown::Node> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, nodes);
    }
}

/// A mutation of a source file: cut, duplicate, insert or replace bytes at some place.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), 1usize..200).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        (any::<prop::sample::Index>(), text()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        (
            any::<prop::sample::Index>(),
            prop::sample::select(vec![
                "\"",
                "'''",
                "\"\"\"",
                "[[item]]\n",
                "[[item.flow]]\n",
                "[main]\n",
                "[notice]\nbody = \"../x\"\n",
                "= ",
                "\\u",
                "\\U0011FFFF",
                "{",
                "}",
                "[",
                "]",
                ",",
                "\n",
                "\r\n",
                "#",
                "code = \"1\"\n",
                "id = \"a/b\"\n",
                "local = true\n",
                "name = \"\"\n",
                "\u{0}",
                "\u{feff}",
            ])
        )
            .prop_map(|(i, t)| Mutation::Insert(i, t.to_string())),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    match m {
        Mutation::Delete(i, n) => {
            let at = i.index(bytes.len() + 1);
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Duplicate(i, n) => {
            let at = i.index(bytes.len() + 1);
            let end = (at + n).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        Mutation::Insert(i, t) => {
            let at = i.index(bytes.len() + 1);
            bytes.splice(at..at, t.bytes());
        }
    }
}

const FILES: [&str; 4] = [
    "catalog/items/01-参保登记.toml",
    "counties/city/county/items/01-单位参保登记.toml",
    "counties/city/county/jurisdiction.toml",
    "catalog/jurisdiction.toml",
];

proptest! {
    #![proptest_config(config(32))]

    /// Mutated sources of a valid project: the loader either loads them or reports diagnostics,
    /// each of which renders (located, snippet within its file), never a panic.
    #[test]
    fn mutated_projects_load_or_report(
        file in 0..FILES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load/base");
        copy_tree(&base, dir.path());
        let path = dir.path().join(FILES[file]);
        let mut bytes = fs::read(&path).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        fs::write(&path, &bytes).unwrap();
        match load_project(dir.path()) {
            Ok(project) => {
                let _ = zhinan::lint::engine::lint(&project, &Default::default());
            }
            Err((sources, diags)) => {
                prop_assert!(!diags.is_empty());
                let rendered = render_all(&diags, &sources, false);
                prop_assert!(!rendered.contains('\u{1b}'), "escape echoed");
            }
        }
    }
}
