//! Usage errors exit 2 and say what would have been right: an unknown jurisdiction names the
//! closest known one and lists them all, for every command that takes a jurisdiction.

use std::process::Output;

mod cli_support;

use cli_support::zhinan_in as zhinan;

/// Exit 2, nothing on stdout, and the message naming the nearest and the known jurisdictions.
fn assert_unknown_jurisdiction(out: &Output, what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}:\n{err}");
    assert!(err.contains("没有名为“示例币”的地区"), "{what}:\n{err}");
    assert!(err.contains("是否要找“示例市”"), "{what}:\n{err}");
    assert!(err.contains("已有的地区：河北省、示例市"), "{what}:\n{err}");
    assert!(out.stdout.is_empty(), "{what}: nothing on stdout");
    assert_eq!(
        err.matches("错误：").count(),
        1,
        "{what}: one error:\n{err}"
    );
}

#[test]
fn an_unknown_jurisdiction_is_a_usage_error_naming_the_known_ones() {
    let root = cli_support::fixture("basic");
    for args in [
        &["flow", "示例币", "单位参保登记"][..],
        &["build", "--only", "示例币"][..],
        &["show", "示例币"][..],
        &["show", "示例币", "单位参保登记"][..],
        &["diff", "--only", "示例币"][..],
        &["new", "item", "示例币", "新事项"][..],
    ] {
        assert_unknown_jurisdiction(&zhinan(&root, args), &args.join(" "));
    }
}

#[test]
fn an_unknown_item_or_chart_is_a_usage_error() {
    let root = cli_support::fixture("basic");
    let out = zhinan(&root, &["flow", "示例市", "没有这个事项"]);
    assert_eq!(out.status.code(), Some(2));
    let out = zhinan(&root, &["flow", "示例市", "单位参保登记", "--index", "99"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_message_follows_the_language() {
    let root = cli_support::fixture("basic");
    let out = zhinan(&root, &["--lang", "en", "flow", "示例币", "单位参保登记"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("示例市") && err.contains("河北省"), "{err}");
    assert!(!err.contains("没有名为"), "{err}");
}
