//! The governing chain on tests/fixtures/chain: the national list, 河北省 (with 廊坊市) and 广西壮族自治区
//! (a real guide of tests/corpus/guangxi) in one project. Each item is governed by its own chain only.

#[path = "cli_support/mod.rs"]
mod cli_support;
mod fs_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use fs_support::tree;

use zhinan::lint::config::LintConfig;
use zhinan::lint::engine;
use zhinan::lint::governing::{Match, governing_match};
use zhinan::model::Level;
use zhinan::resolve::{Project, load_project};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chain")
}

/// A copy of the fixture with the repository's reference data, plus extra files.
fn project_with(extra: &[(&str, &str)]) -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    cli_support::copy_dir(&fixture(), dir.path());
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/reference");
    let target = dir.path().join("catalog/reference");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(reference).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
        }
    }
    for (path, text) in extra {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let project = load(dir.path());
    (dir, project)
}

fn load(root: &Path) -> Project {
    load_project(root).unwrap_or_else(|(sources, diags)| {
        panic!(
            "{}",
            zhinan::diagnostic::render_all(&diags, &sources, false)
        )
    })
}

fn zhinan(args: &[&str], root: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["-C", root.to_str().unwrap()])
        .args(args)
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .expect("binary runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A 广西 city whose item has no code and carries a name 河北's catalog also has: it must be matched
/// (by name, said by ZN650) with 广西's catalog item, never with 河北's.
const NANNING: &str = "name = \"南宁市\"\nlevel = \"city\"\nparent = \"广西壮族自治区\"\n";
const NANNING_ITEM: &str = "[[item]]\nid = \"nn-1\"\nname = \"城乡居民参保信息变更登记\"\ntime_limit = \"不超过30个工作日\"\n";

#[test]
fn two_provinces_and_the_national_list_load_in_one_project() {
    let project = load(&fixture());
    let level = |name: &str| project.jurisdictions[project.find(name).unwrap()].level;
    assert_eq!(level("全国医疗保障经办政务服务事项清单"), Level::National);
    assert_eq!(level("河北省"), Level::Province);
    assert_eq!(level("广西壮族自治区"), Level::Province);
    let langfang = project.find("廊坊市").unwrap();
    let hebei = project.find("河北省").unwrap();
    let national = project.national.unwrap();
    assert_eq!(project.province_of(langfang), Some(hebei));
    assert_eq!(project.chain(langfang), vec![hebei, national]);
    // Every 廊坊 item is governed by 河北's item of the same code; every 河北 item by the national
    // list's item it names with governed_by.
    for item in &project.jurisdictions[langfang].items {
        let (r, how) = governing_match(&project, langfang, item).unwrap();
        assert_eq!((r.jurisdiction, how), (hebei, Match::Code));
        let (n, how) = governing_match(&project, hebei, project.item(r)).unwrap();
        assert_eq!((n.jurisdiction, how), (national, Match::GovernedBy));
    }
}

#[test]
fn no_finding_compares_an_item_with_another_provinces_catalog() {
    let (_dir, project) = project_with(&[
        ("counties/guangxi/nanning/jurisdiction.toml", NANNING),
        ("counties/guangxi/nanning/items/01.toml", NANNING_ITEM),
    ]);
    let guangxi = project.find("广西壮族自治区").unwrap();
    let nanning = project.find("南宁市").unwrap();
    let item = &project.jurisdictions[nanning].items[0];
    let (r, how) = governing_match(&project, nanning, item).unwrap();
    assert_eq!((r.jurisdiction, how), (guangxi, Match::Name));

    let reported = engine::lint(&project, &LintConfig::default()).expect("reference data");
    // The jurisdiction whose file a span is in.
    let owner = |file| {
        let path = project.sources.path(file);
        (0..project.jurisdictions.len())
            .filter(|&j| {
                let dir = &project.jurisdictions[j].dir;
                path.starts_with(&format!("{dir}/"))
            })
            .max_by_key(|&j| project.jurisdictions[j].dir.len())
    };
    let mut related = 0;
    for r in &reported {
        let f = &r.finding;
        let mut allowed = vec![f.jurisdiction];
        allowed.extend(project.ancestors(f.jurisdiction));
        allowed.extend(project.chain(f.jurisdiction));
        for rel in &f.related {
            related += 1;
            let Some(o) = owner(rel.file) else { continue };
            assert!(
                allowed.contains(&o),
                "{} in {} points at {} ({}): {}",
                f.code,
                project.jurisdictions[f.jurisdiction].name,
                project.jurisdictions[o].name,
                project.sources.path(rel.file),
                f.message
            );
        }
    }
    assert!(
        related > 0,
        "no finding has a related location: the test proves nothing"
    );
    // The match by name is said, located at the item's name, and names 广西's item.
    let said: Vec<_> = reported
        .iter()
        .filter(|r| r.meta.code == "ZN650")
        .map(|r| &r.finding)
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].jurisdiction, nanning);
    assert!(
        said[0].message.contains("广西壮族自治区"),
        "{}",
        said[0].message
    );
    // And 南宁's 30 days are compared with 广西's catalog item (which states no limit), not with
    // 河北's 即时办结 for the item of the same name: no ZN301 on it.
    assert!(
        !reported
            .iter()
            .any(|r| r.meta.code == "ZN301" && r.finding.jurisdiction == nanning)
    );
}

#[test]
fn governed_by_confirms_a_match_and_an_unknown_one_is_a_located_error() {
    let confirmed = NANNING_ITEM.replace(
        "id = \"nn-1\"\n",
        "id = \"nn-1\"\ngoverned_by = \"452036029008\"\n",
    );
    let (_dir, project) = project_with(&[
        ("counties/guangxi/nanning/jurisdiction.toml", NANNING),
        ("counties/guangxi/nanning/items/01.toml", &confirmed),
    ]);
    let reported = engine::lint(&project, &LintConfig::default()).expect("reference data");
    assert!(!reported.iter().any(|r| r.meta.code == "ZN650"));

    // A 河北 code named from 广西's chain is not found there: an error at the value.
    let wrong = NANNING_ITEM.replace(
        "id = \"nn-1\"\n",
        "id = \"nn-1\"\ngoverned_by = \"132036001006\"\n",
    );
    let dir = tempfile::tempdir().unwrap();
    cli_support::copy_dir(&fixture(), dir.path());
    let city = dir.path().join("counties/guangxi/nanning");
    std::fs::create_dir_all(city.join("items")).unwrap();
    std::fs::write(city.join("jurisdiction.toml"), NANNING).unwrap();
    std::fs::write(city.join("items/01.toml"), wrong).unwrap();
    let (sources, diags) = load_project(dir.path()).unwrap_err();
    let text = zhinan::diagnostic::render_all(&diags, &sources, false);
    assert_eq!(diags.len(), 1, "{text}");
    assert!(
        text.contains("counties/guangxi/nanning/items/01.toml:3:15"),
        "{text}"
    );
    assert!(text.contains("132036001006"), "{text}");
}

#[test]
fn a_second_national_list_and_a_province_under_a_province_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    cli_support::copy_dir(&fixture(), dir.path());
    let other = dir.path().join("counties/second");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("jurisdiction.toml"),
        "name = \"另一个清单\"\nlevel = \"national\"\n",
    )
    .unwrap();
    let bad = dir.path().join("counties/bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("jurisdiction.toml"),
        "name = \"某省\"\nlevel = \"province\"\nparent = \"河北省\"\n",
    )
    .unwrap();
    let (sources, diags) = load_project(dir.path()).unwrap_err();
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    let text = zhinan::diagnostic::render_all(&diags, &sources, false);
    assert!(codes.contains(&"load::two-nationals"), "{text}");
    assert!(codes.contains(&"load::province-parent"), "{text}");
}

#[test]
fn the_fixtures_national_list_is_the_repositorys() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/reference/national");
    let copy = fixture().join("catalog/national");
    assert_eq!(tree(&repo), tree(&copy));
    assert!(tree(&repo).len() >= 3);
    for rel in tree(&repo) {
        assert_eq!(
            std::fs::read_to_string(repo.join(&rel)).unwrap(),
            std::fs::read_to_string(copy.join(&rel)).unwrap(),
            "{rel}: copy catalog/reference/national/ into the fixture again"
        );
    }
}

#[test]
fn check_and_show_print_the_chain() {
    insta::assert_snapshot!("chain-check", zhinan(&["check"], &fixture()));
    insta::assert_snapshot!(
        "chain-show",
        zhinan(&["show", "廊坊市", "132036001006"], &fixture())
    );
}

#[test]
fn codes_are_checked_against_their_own_catalogs_scheme() {
    // 广西's 452036029008 fits 广西's declared scheme: no ZN601. The same code under 河北 (廊坊市,
    // local) does not fit 河北's scheme: ZN601 there.
    let (_dir, project) = project_with(&[(
        "counties/langfang/items/99.toml",
        "[[item]]\ncode = \"452036029008\"\nlocal = true\nname = \"城乡居民参保信息变更登记\"\n",
    )]);
    let reported = engine::lint(&project, &LintConfig::default()).expect("reference data");
    let zn601: Vec<_> = reported
        .iter()
        .filter(|r| r.meta.code == "ZN601")
        .map(|r| &r.finding)
        .collect();
    let langfang = project.find("廊坊市").unwrap();
    assert_eq!(zn601.len(), 1, "{zn601:?}");
    assert_eq!(zn601[0].jurisdiction, langfang);
    assert!(
        zn601[0].message.contains("13203699999[9Y]"),
        "{}",
        zn601[0].message
    );
}

#[test]
fn phone_lengths_are_checked_outside_hebei() {
    // 广西's 南宁 (0771) and 柳州 (0772) have 7-digit numbers (the national area table).
    let (_dir, project) = project_with(&[
        (
            "counties/guangxi/nanning/jurisdiction.toml",
            "name = \"南宁市\"\nlevel = \"city\"\nparent = \"广西壮族自治区\"\narea_code = \"0771\"\n",
        ),
        (
            "counties/guangxi/nanning/items/01.toml",
            "[[item]]\nid = \"nn-1\"\nname = \"城乡居民参保信息变更登记\"\nconsult = { phone = \"0771-55512345\" }\nsupervision = { phone = \"0772-2812345\" }\n",
        ),
    ]);
    let reported = engine::lint(&project, &LintConfig::default()).expect("reference data");
    let zn501: Vec<&str> = reported
        .iter()
        .filter(|r| r.meta.code == "ZN501")
        .map(|r| r.finding.message.as_str())
        .collect();
    assert_eq!(zn501.len(), 1, "{zn501:?}");
    assert!(zn501[0].contains("0771-55512345"), "{zn501:?}");
}

#[test]
fn a_new_city_of_the_second_province_goes_into_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    cli_support::copy_dir(&fixture(), dir.path());
    let new = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhinan"))
            .args(["-C", dir.path().to_str().unwrap(), "new", "county"])
            .args(args)
            .output()
            .expect("binary runs")
    };
    let out = new(&[
        "南宁市",
        "--parent",
        "广西壮族自治区",
        "--dir",
        "nanning",
        "--level",
        "city",
    ]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        dir.path()
            .join("counties/guangxi/nanning/jurisdiction.toml")
            .is_file()
    );
    let project = load(dir.path());
    let nanning = project.find("南宁市").unwrap();
    assert_eq!(project.province_of(nanning), project.find("广西壮族自治区"));
    // Under the national list: refused, nothing written.
    let out = new(&[
        "某市",
        "--parent",
        "全国医疗保障经办政务服务事项清单",
        "--dir",
        "mou",
        "--level",
        "city",
    ]);
    assert!(!out.status.success());
    assert!(!dir.path().join("counties/mou").exists());
}

#[test]
fn every_catalog_of_the_chain_prints_its_items() {
    let dir = tempfile::tempdir().unwrap();
    cli_support::copy_dir(&fixture(), dir.path());
    let out_dir = dir.path().join("out");
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args([
            "-C",
            dir.path().to_str().unwrap(),
            "build",
            "--allow-lint-errors",
        ])
        .args(["--out", out_dir.to_str().unwrap()])
        .args(["--templates", templates.to_str().unwrap()])
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = |jurisdiction: &str| {
        let pdf = out_dir.join(jurisdiction).join("catalog.pdf");
        let out = Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext is installed (scripts/setup.sh)");
        String::from_utf8(out.stdout)
            .unwrap()
            .replace([' ', '\n'], "")
    };
    // 广西's catalog has no [main]: its item is printed all the same.
    assert!(text("广西壮族自治区").contains("452036029008"));
    // The national list, by 主项.
    let national = text("全国医疗保障经办政务服务事项清单");
    for name in [
        "单位参保登记",
        "参保人员个人账户一次性支取",
        "医疗机构申请定点协议管理",
    ] {
        assert!(national.contains(name), "{name}: {national}");
    }
}
