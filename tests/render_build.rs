//! `build_jurisdiction`: outputs, manifest, skipping unchanged builds, failed builds.

mod render_common;

use std::path::{Path, PathBuf};

use render_common::*;
use zhinan::render::output::Manifest;
use zhinan::render::{BuildOptions, PdfStandard, RenderError, build_all, build_jurisdiction};

mod fs_support;
use fs_support::tree;

fn options(out: &Path, templates: PathBuf) -> BuildOptions {
    BuildOptions {
        out_dir: out.to_path_buf(),
        templates_dir: templates,
        standard: PdfStandard::Pdf17,
        force: false,
    }
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap()))
        .collect()
}

#[test]
fn writes_every_output_and_a_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let report = build_jurisdiction(&job(), &fonts(), &options(tmp.path(), templates())).unwrap();
    assert_eq!(report.dir, tmp.path().join("霸州市"));
    assert_eq!(
        tree(&report.dir),
        [
            "guide.pdf",
            "items/132036001001.pdf",
            "items/132036001002.pdf",
            "items/132036001003.pdf",
            "manifest.json",
            "notice.pdf",
        ]
    );
    let manifest = Manifest::load(&report.dir).unwrap();
    let mut listed: Vec<&String> = manifest.outputs.keys().collect();
    let mut outputs: Vec<&String> = report.outputs.iter().collect();
    listed.sort();
    outputs.sort();
    assert_eq!(listed, outputs);
    for (rel, hash) in &manifest.outputs {
        let bytes = std::fs::read(report.dir.join(rel)).unwrap();
        assert_eq!(&zhinan::render::output::sha256_hex(&bytes), hash, "{rel}");
        assert!(bytes.starts_with(b"%PDF-"), "{rel}");
    }
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn each_item_pdf_holds_its_item_only() {
    let tmp = tempfile::tempdir().unwrap();
    let report = build_jurisdiction(&job(), &fonts(), &options(tmp.path(), templates())).unwrap();
    let codes = ["132036001001", "132036001002", "132036001003"];
    for (i, code) in codes.iter().enumerate() {
        let text = squeeze(&pdftotext(&report.dir.join(format!("items/{code}.pdf"))));
        for (j, name) in ITEM_NAMES.iter().enumerate() {
            let heading = format!("{}、{name}", ["一", "二", "三"][j]);
            assert_eq!(text.contains(&heading), i == j, "{code}: {heading}\n{text}");
        }
        assert!(text.contains("十二、监督电话：0316-5660125"), "{text}");
    }
    // The first item has its flowchart.
    let text = squeeze(&pdftotext(&report.dir.join("items/132036001001.pdf")));
    assert!(
        text.contains("单位参保登记流程图") && text.contains("窗口受理审核"),
        "{text}"
    );
}

#[test]
fn unchanged_inputs_are_not_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = options(tmp.path(), templates());
    let first = build_jurisdiction(&job(), &fonts(), &opts).unwrap();
    assert!(!first.skipped);
    let before = snapshot(&first.dir);
    let mtime = std::fs::metadata(first.dir.join("guide.pdf"))
        .unwrap()
        .modified()
        .unwrap();

    let second = build_jurisdiction(&job(), &fonts(), &opts).unwrap();
    assert!(second.skipped);
    assert!(second.outputs.is_empty());
    assert_eq!(snapshot(&first.dir), before);
    assert_eq!(
        std::fs::metadata(first.dir.join("guide.pdf"))
            .unwrap()
            .modified()
            .unwrap(),
        mtime
    );

    // --force rebuilds (to the same bytes).
    let forced = build_jurisdiction(
        &job(),
        &fonts(),
        &BuildOptions {
            force: true,
            ..opts.clone()
        },
    )
    .unwrap();
    assert!(!forced.skipped);
    assert_eq!(snapshot(&first.dir), before);

    // An edited output is rebuilt.
    std::fs::write(first.dir.join("notice.pdf"), b"edited by hand").unwrap();
    let repaired = build_jurisdiction(&job(), &fonts(), &opts).unwrap();
    assert!(!repaired.skipped);
    assert_eq!(snapshot(&first.dir), before);
}

#[test]
fn changed_data_rebuilds_and_removes_stale_items() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = options(tmp.path(), templates());
    let first = build_jurisdiction(&job(), &fonts(), &opts).unwrap();

    let mut job = job();
    job.guide.items.pop();
    job.guide.items[1].name = "职工参保登记（已更名）".into();
    let second = build_jurisdiction(&job, &fonts(), &opts).unwrap();
    assert!(!second.skipped);
    assert!(
        !first.dir.join("items/132036001003.pdf").exists(),
        "stale item PDF kept"
    );
    let text = squeeze(&pdftotext(&first.dir.join("items/132036001002.pdf")));
    assert!(text.contains("职工参保登记（已更名）"), "{text}");

    // A template change rebuilds too.
    let templates = tmp.path().join("templates");
    copy_templates(&templates);
    let third =
        build_jurisdiction(&job, &fonts(), &options(tmp.path(), templates.clone())).unwrap();
    assert!(third.skipped, "same templates, same hash");
    let lib = std::fs::read_to_string(templates.join("lib.typ")).unwrap();
    std::fs::write(templates.join("lib.typ"), lib + "\n// edited\n").unwrap();
    let fourth = build_jurisdiction(&job, &fonts(), &options(tmp.path(), templates)).unwrap();
    assert!(!fourth.skipped);
}

/// A template with an error: the build fails, names the file and line, and leaves the previous
/// outputs exactly as they were.
#[test]
fn a_failed_build_keeps_the_previous_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    copy_templates(&templates);
    let opts = options(&tmp.path().join("out"), templates.clone());
    let first = build_jurisdiction(&job(), &fonts(), &opts).unwrap();
    let before = snapshot(&first.dir);

    // Break item.typ at line 5 (an unknown function), and change the data so that the build
    // would otherwise write new files.
    let src = std::fs::read_to_string(templates.join("item.typ")).unwrap();
    let mut lines: Vec<&str> = src.lines().collect();
    lines.insert(4, "#no-such-function(1)");
    std::fs::write(templates.join("item.typ"), lines.join("\n")).unwrap();
    let mut changed = job();
    changed.guide.items[0].name = "改过的名称".into();

    let err = build_jurisdiction(&changed, &fonts(), &opts).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, RenderError::Compile { .. }), "{msg}");
    let expected = format!(
        "{}:5:2: unknown variable: no-such-function",
        templates.join("item.typ").display()
    );
    assert!(msg.contains(&expected), "{msg}\nshould contain {expected}");
    assert_eq!(snapshot(&first.dir), before, "previous outputs changed");

    // The miette report shows the offending source line.
    let mut report = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .render_report(&mut report, &err)
        .unwrap();
    assert!(report.contains("#no-such-function(1)"), "{report}");
    assert!(report.contains("item.typ:5:2"), "{report}");

    // An error inside lib.typ names lib.typ, and the call site in the help.
    std::fs::write(templates.join("item.typ"), src).unwrap();
    let lib = std::fs::read_to_string(templates.join("lib.typ")).unwrap();
    let broken = lib.replacen(
        "#let item-section(item, style) = {\n",
        "#let item-section(item, style) = {\n  item.no-such-field\n",
        1,
    );
    assert_ne!(broken, lib);
    let line = broken
        .lines()
        .position(|l| l.contains("item.no-such-field"))
        .unwrap()
        + 1;
    std::fs::write(templates.join("lib.typ"), broken).unwrap();
    let msg = build_jurisdiction(&changed, &fonts(), &opts)
        .unwrap_err()
        .to_string();
    let expected = format!("{}:{line}:", templates.join("lib.typ").display());
    assert!(msg.contains(&expected), "{msg}\nshould contain {expected}");
    assert_eq!(snapshot(&first.dir), before, "previous outputs changed");
}

#[test]
fn several_jurisdictions_build_in_parallel() {
    let tmp = tempfile::tempdir().unwrap();
    let a = job();
    let mut b = job();
    b.guide.jurisdiction.name = "文安县".into();
    b.guide.jurisdiction.agency = "文安县医疗保障局".into();
    b.notice = None;
    let results = build_all(&[a, b], &fonts(), &options(tmp.path(), templates()));
    assert_eq!(results.len(), 2);
    let a = results[0].as_ref().unwrap();
    let b = results[1].as_ref().unwrap();
    assert_eq!(a.jurisdiction, "霸州市");
    assert_eq!(b.jurisdiction, "文安县");
    assert!(a.dir.join("notice.pdf").exists());
    assert!(!b.dir.join("notice.pdf").exists());
    let text = squeeze(&pdftotext(&b.dir.join("guide.pdf")));
    assert!(text.contains("文安县医疗保障局"), "{text}");
}

/// Every document of every jurisdiction goes through one queue: a jurisdiction that fails in the
/// middle of it keeps its previous outputs, the ones before and after it are published, and the
/// results come back in the order of the jobs.
#[test]
fn one_failing_jurisdiction_in_the_queue_keeps_its_outputs_and_the_others_publish() {
    let tmp = tempfile::tempdir().unwrap();
    let named = |name: &str| {
        let mut job = job();
        job.guide.jurisdiction.name = name.into();
        job.guide.jurisdiction.agency = format!("{name}医疗保障局");
        job
    };
    let opts = options(tmp.path(), templates());
    let first = build_all(
        &[named("甲县"), named("乙县"), named("丙县")],
        &fonts(),
        &opts,
    );
    let before = snapshot(&first[1].as_ref().unwrap().dir);

    let mut broken = named("乙县");
    broken.guide.jurisdiction.style = "no-such-style".into();
    broken.guide.items[0].name = "改过的名称".into();
    let mut a = named("甲县");
    a.guide.items[0].name = "甲县的新名称".into();
    let mut c = named("丙县");
    c.guide.items[0].name = "丙县的新名称".into();
    let results = build_all(&[a, broken, c], &fonts(), &opts);

    assert_eq!(results.len(), 3);
    assert!(results[1].is_err(), "{:?}", results[1]);
    assert_eq!(snapshot(&first[1].as_ref().unwrap().dir), before);
    for (i, name) in [(0, "甲县"), (2, "丙县")] {
        let report = results[i].as_ref().unwrap();
        assert_eq!(report.jurisdiction, name);
        let text = squeeze(&pdftotext(&report.dir.join("guide.pdf")));
        assert!(text.contains(&format!("{name}的新名称")), "{text}");
    }
}

#[test]
fn a_jurisdiction_without_items_still_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let mut job = job();
    job.guide.items.clear();
    job.flows.clear();
    job.notice.as_mut().unwrap().rows.clear();
    let report = build_jurisdiction(&job, &fonts(), &options(tmp.path(), templates())).unwrap();
    assert_eq!(
        tree(&report.dir),
        ["guide.pdf", "manifest.json", "notice.pdf"]
    );
    let notice = squeeze(&pdftotext(&report.dir.join("notice.pdf")));
    assert!(
        !notice.contains("附件："),
        "no attachment without items: {notice}"
    );
    assert!(
        notice.ends_with("霸州市医疗保障局2026年1月5日—1—"),
        "{notice}"
    );
}
