//! One fixture per kind of authoring mistake: a small valid project (`fixtures/load/base`) with one
//! file replaced or added. Each must fail to load with the expected diagnostic, rendered as the user
//! sees it (snapshot).

use std::path::{Path, PathBuf};

use zhinan::diagnostic::render_all;
use zhinan::resolve::load_project;

mod fs_support;
use fs_support::copy_tree;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load")
}

/// Build the case's project in a temporary folder and return its rendered diagnostics and codes.
fn run_case(case: &str) -> (String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), dir.path());
    copy_tree(&fixtures().join(case), dir.path());
    match load_project(dir.path()) {
        Ok(_) => panic!("case {case} loaded without errors"),
        Err((sources, diags)) => {
            let codes = diags.iter().map(|d| d.code.clone()).collect();
            (render_all(&diags, &sources, false), codes)
        }
    }
}

#[test]
fn base_fixture_is_valid() {
    let project = load_project(&fixtures().join("base")).expect("base fixture loads");
    let county = project.find("测试县").unwrap();
    let item = &project.jurisdictions[county].items[0];
    // Overridden by the county, inherited from its defaults, inherited from the catalog.
    assert_eq!(item.item.time_limit.as_ref().unwrap().get_ref(), "即时办结");
    assert_eq!(item.item.fee.as_ref().unwrap().get_ref(), "不收费");
    assert_eq!(item.item.name.as_ref().unwrap().get_ref(), "单位参保登记");
    let catalog_file = project
        .sources
        .path(item.file_of(zhinan::model::Field::Materials));
    assert_eq!(catalog_file, "catalog/items/01-参保登记.toml");
    let defaults_file = project
        .sources
        .path(item.file_of(zhinan::model::Field::Fee));
    assert_eq!(defaults_file, "counties/city/county/jurisdiction.toml");
}

macro_rules! case {
    ($name:ident, $dir:literal, $code:literal) => {
        #[test]
        fn $name() {
            let (rendered, codes) = run_case($dir);
            assert!(
                codes.iter().any(|c| c == $code),
                "expected {} in {:?}\n{}",
                $code,
                codes,
                rendered
            );
            insta::assert_snapshot!($dir, rendered);
        }
    };
}

case!(syntax_error, "syntax", "load::syntax");
case!(unknown_field, "unknown-field", "load::unknown-field");
case!(wrong_type, "wrong-type", "load::type");
case!(unknown_enum_value, "bad-level", "load::type");
case!(
    overlay_of_unknown_code,
    "unknown-code",
    "load::unknown-code"
);
case!(unknown_parent, "unknown-parent", "load::unknown-parent");
case!(parent_cycle, "parent-cycle", "load::parent-cycle");
case!(duplicate_code, "duplicate-code", "load::duplicate-code");
case!(duplicate_node_id, "duplicate-node", "load::duplicate-id");
case!(edge_to_unknown_node, "unknown-node", "load::unknown-node");
case!(empty_required_field, "empty-field", "load::empty-field");
case!(
    item_without_code_or_id,
    "missing-key",
    "load::missing-field"
);

#[test]
fn every_error_of_a_run_is_reported() {
    let (rendered, codes) = run_case("several-errors");
    assert!(codes.len() >= 3, "{codes:?}\n{rendered}");
    insta::assert_snapshot!("several-errors", rendered);
}

#[test]
fn diagnostics_name_file_line_and_column() {
    let (rendered, _) = run_case("unknown-field");
    assert!(
        rendered.starts_with("counties/city/county/items/01-单位参保登记.toml:3:1"),
        "{rendered}"
    );
    assert!(rendered.contains("did you mean `materials`?"), "{rendered}");
}
