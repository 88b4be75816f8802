//! `zhinan diff`: the 廊坊市 2020 list (with 霸州市) against the 河北省 2023 catalog of this repository,
//! a made-up next edition file (re-coded, renamed, withdrawn and new items), and the printed report.

use std::path::{Path, PathBuf};
use std::process::Command;

use zhinan::diff::{ChangeKind, Edition, Report, compare, human};
use zhinan::resolve::{Project, load_project};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn project() -> Project {
    load_project(&root()).unwrap_or_else(|_| panic!("the repository's sources load"))
}

fn langfang(project: &Project, new: &Edition) -> Report {
    let old = Edition::from_project(project, "catalog");
    compare(project, &old, new, project.find("廊坊市"))
}

fn changes<'r>(
    report: &'r Report,
    jurisdiction: &str,
    kind: ChangeKind,
) -> Vec<&'r zhinan::diff::Change> {
    report
        .jurisdictions
        .iter()
        .find(|j| j.name == jurisdiction)
        .unwrap_or_else(|| panic!("{jurisdiction} in the report"))
        .changes
        .iter()
        .filter(|c| c.kind == kind)
        .collect()
}

#[test]
fn langfang_2020_against_hebei_2023() {
    let p = project();
    let new = Edition::from_project(&p, "河北省 2023");
    let report = langfang(&p, &new);
    let names: Vec<&str> = report
        .jurisdictions
        .iter()
        .map(|j| j.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["廊坊市", "霸州市"],
        "廊坊市 and the counties under it only"
    );

    // 转移接续手续办理: the 2020 list promises 不超过20个工作日, the 2023 catalog allows 15.
    let longer = changes(&report, "廊坊市", ChangeKind::TimeLimitLonger);
    let transfer = longer
        .iter()
        .find(|c| c.code.as_deref() == Some("132036003002"))
        .expect("转移接续手续办理 promises longer than the cap");
    assert_eq!(transfer.old.as_deref(), Some("不超过20个工作日"));
    assert_eq!(transfer.new.as_deref(), Some("不超过15个工作日"));
    // 生育津贴支付: 20 against 10 working days.
    assert!(
        longer
            .iter()
            .any(|c| c.code.as_deref() == Some("132036007004"))
    );

    // 其他临时外出就医人员备案 is in the 2023 catalog, not in the 2020 list.
    let missing = changes(&report, "廊坊市", ChangeKind::NotImplemented);
    assert!(
        missing
            .iter()
            .any(|c| c.new_code.as_deref() == Some("132036004005")),
        "{missing:#?}"
    );
    // 出具《参保凭证》 (132036003001) is not in the 2023 catalog; the list marks it local = true, so
    // it is the city's own item, not a catalog item that fell behind.
    let gone = changes(&report, "廊坊市", ChangeKind::NotInCatalog);
    assert!(
        !gone
            .iter()
            .any(|c| c.code.as_deref() == Some("132036003001"))
    );
    // The same code, another name: 产前检查费支付(暂无).
    let renamed = changes(&report, "廊坊市", ChangeKind::Renamed);
    assert!(
        renamed
            .iter()
            .any(|c| c.code.as_deref() == Some("132036007001")
                && c.new.as_deref() == Some("产前检查费支付"))
    );
    // Half-width brackets alone are not a new name: 医疗救助对象手工(零星)报销.
    assert!(
        !renamed
            .iter()
            .any(|c| c.code.as_deref() == Some("132036008002"))
    );
    // A material the 2023 catalog words differently: 单位批准成立的文件 → 单位批准成立（注销）的文件.
    let reworded = changes(&report, "廊坊市", ChangeKind::MaterialReworded);
    assert!(
        reworded
            .iter()
            .any(|c| c.code.as_deref() == Some("132036001001")
                && c.new.as_deref().is_some_and(|n| n.contains("（注销）")))
    );

    // 霸州市 publishes 90 working days for 医疗机构申请定点协议管理; the catalog allows 30 calendar days.
    let bazhou = changes(&report, "霸州市", ChangeKind::TimeLimitLonger);
    assert!(
        bazhou
            .iter()
            .any(|c| c.code.as_deref() == Some("132036009001"))
    );
    // A local item (出具参保凭证, local = true) is the county's own business.
    let gone = changes(&report, "霸州市", ChangeKind::NotInCatalog);
    assert!(
        !gone
            .iter()
            .any(|c| c.code.as_deref() == Some("132036003001"))
    );

    insta::assert_snapshot!("langfang_2020_vs_hebei_2023", human(&report));
}

#[test]
fn an_edition_file_recodes_renames_and_withdraws() {
    let p = project();
    let new = Edition::load(
        root()
            .join("tests/fixtures/diff/edition-next.toml")
            .to_str()
            .unwrap(),
        &root(),
    )
    .expect("the edition file loads");
    let report = langfang(&p, &new);
    let recoded = changes(&report, "廊坊市", ChangeKind::Recoded);
    let c = recoded
        .iter()
        .find(|c| c.code.as_deref() == Some("132036001002"))
        .expect("职工参保登记 matched by name");
    assert_eq!(c.new_code.as_deref(), Some("132036901002"));
    assert!(c.note.contains("按名称"), "the match is stated: {}", c.note);
    let renamed = changes(&report, "廊坊市", ChangeKind::Renamed);
    assert!(
        renamed
            .iter()
            .any(|c| c.code.as_deref() == Some("132036001003"))
    );
    // Items the new edition does not have are reported once each.
    let gone = changes(&report, "廊坊市", ChangeKind::NotInCatalog);
    assert!(
        gone.iter()
            .any(|c| c.code.as_deref() == Some("132036003002"))
    );
    let longer = changes(&report, "廊坊市", ChangeKind::TimeLimitLonger);
    assert!(
        longer
            .iter()
            .any(|c| c.code.as_deref() == Some("132036001001"))
    );
    let added = changes(&report, "廊坊市", ChangeKind::MaterialAdded);
    assert!(
        added
            .iter()
            .any(|c| c.new.as_deref() == Some("经办人有效身份证件"))
    );
    let missing = changes(&report, "廊坊市", ChangeKind::NotImplemented);
    let newborn = missing
        .iter()
        .find(|c| c.new_code.as_deref() == Some("132036099001"))
        .expect("the new item is reported");
    assert!(newborn.note.contains("新增"), "{}", newborn.note);
}

#[test]
fn the_published_tsv_is_an_edition() {
    let tsv = root().join("../shared/seeds/hebei-catalog-2023.tsv");
    if !tsv.is_file() {
        eprintln!("skipped: {} is not here", tsv.display());
        return;
    }
    let p = project();
    let from_tsv = Edition::load(tsv.to_str().unwrap(), &root()).expect("the TSV loads");
    let from_toml = Edition::from_project(&p, "catalog");
    assert_eq!(from_tsv.items.len(), from_toml.items.len());
    for (a, b) in from_tsv.items.iter().zip(&from_toml.items) {
        assert_eq!((&a.code, &a.time_limit), (&b.code, &b.time_limit));
    }
}

#[test]
fn unknown_edition_is_a_clear_error() {
    let err = Edition::load("no-such-revision-or-file", &root()).unwrap_err();
    assert!(err.to_string().contains("git revision"), "{err}");
}

fn zhinan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(root())
        .args(args)
        .output()
        .expect("zhinan runs")
}

#[test]
fn cli_json_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("diff.pdf");
    let out = zhinan(&[
        "diff",
        "--only",
        "廊坊市",
        "--format",
        "json",
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let kinds: Vec<&str> = json["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 9);
    assert_eq!(json["jurisdictions"][0]["name"], "廊坊市");
    let text = pdftotext(&pdf);
    for needle in [
        "政务服务事项目录对比报告",
        "汇总",
        "廊坊市",
        "霸州市",
        "承诺时限超过新版上限",
        "132036003002",
    ] {
        assert!(text.contains(needle), "{needle} not in the PDF:\n{text}");
    }
    let pages = text.matches('\u{c}').count();
    assert!(
        pages >= 3,
        "summary + one section per jurisdiction: {pages} pages"
    );
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
