//! `zhinan flow` and the located warnings for flows that load but cannot be drawn as intended.

use std::fs;
use std::path::Path;
use std::process::Command;

mod fs_support;
use fs_support::copy_tree;

fn zhinan(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["-C", root.to_str().unwrap()])
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn bad_flow_gets_located_warnings() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load");
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures.join("base"), dir.path());
    copy_tree(&fixtures.join("bad-flow"), dir.path());
    let out = zhinan(dir.path(), &["check"]);
    // The sources are valid: warnings only.
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let file = "counties/city/county/items/01-单位参保登记.toml";
    assert!(err.contains("flow::no-start"), "{err}");
    assert!(
        err.contains(&format!("{file}:18:9")),
        "no start located at the title: {err}"
    );
    assert!(
        err.contains(&format!("{file}:9:3")),
        "unreachable node located: {err}"
    );
    assert!(err.contains("flow::unreachable-node"), "{err}");
    assert!(err.contains("flow::empty-label"), "{err}");
    assert!(
        err.contains(&format!("{file}:14:3")),
        "empty label located: {err}"
    );
}

#[test]
fn flow_command_writes_an_svg_with_real_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("chart.svg");
    let out = zhinan(
        root,
        &[
            "flow",
            "望都县",
            "单位参保登记",
            "-o",
            svg.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("<text"));
    assert!(text.contains("资料受理"));
    assert!(text.contains("pt\""), "sizes in pt");
    // Same source, same bytes.
    let again = zhinan(root, &["flow", "望都县", "单位参保登记"]);
    assert_eq!(again.stdout, text.as_bytes());
}

#[test]
fn item_without_authored_chart_gets_a_generated_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // 河北省's catalog items have no authored charts: drawn from 办理环节.
    let out = zhinan(root, &["flow", "河北省", "132036002003"]);
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).unwrap();
    for step in ["申请", "受理", "审核", "拨付", "办结", "材料不齐全的"] {
        assert!(svg.contains(step), "{step} missing");
    }
}
