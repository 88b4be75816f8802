//! PDF content: item order, fonts, injection safety, reproducibility, metadata, the GB/T 9704
//! notice geometry and the landscape catalog.

mod render_common;

use std::collections::HashMap;
use std::path::Path;

use render_common::*;
use zhinan::render::data::ItemView;
use zhinan::render::markdown;
use zhinan::render::{
    BuildOptions, FontRole, PdfStandard, RenderContext, build_jurisdiction, render_pdf,
};

fn options(out: &Path) -> BuildOptions {
    BuildOptions {
        out_dir: out.to_path_buf(),
        templates_dir: templates(),
        standard: PdfStandard::Pdf17,
        force: false,
    }
}

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let report = build_jurisdiction(&job(), &fonts(), &options(tmp.path())).unwrap();
    assert!(!report.skipped);
    let dir = report.dir.clone();
    (tmp, dir)
}

fn ctx() -> RenderContext {
    RenderContext {
        templates_dir: templates(),
        fonts: fonts(),
        standard: PdfStandard::Pdf17,
        date: None,
    }
}

#[test]
fn guide_has_every_item_in_order_with_fields_and_flowchart() {
    let (_tmp, dir) = built();
    // The page body only: no running header (it repeats the item name), no page number.
    let text = squeeze(&pdftotext_band(&dir.join("guide.pdf"), 80, 685));

    // Cover and contents.
    assert!(text.contains("霸州市医疗保障局"), "{text}");
    assert!(text.contains("“依规办事不求人”事项服务指南"), "{text}");
    assert!(text.contains("2023年6月1日"), "{text}");
    assert!(text.contains("目录"), "{text}");

    // Each heading twice (contents, section), and in order both times.
    let headings: Vec<String> = ITEM_NAMES
        .iter()
        .zip(["一", "二", "三"])
        .map(|(n, k)| format!("{k}、{n}"))
        .collect();
    let mut positions = Vec::new();
    for h in &headings {
        let found: Vec<usize> = text.match_indices(h.as_str()).map(|(i, _)| i).collect();
        assert_eq!(
            found.len(),
            2,
            "{h} should appear in the contents and as a heading: {text}"
        );
        positions.push(found);
    }
    assert!(positions[0][0] < positions[1][0] && positions[1][0] < positions[2][0]);
    assert!(
        positions[2][0] < positions[0][1],
        "contents come before the sections"
    );
    assert!(positions[0][1] < positions[1][1] && positions[1][1] < positions[2][1]);

    // The numbered fields of the first item, in order, with contact and persons.
    let first = &text[positions[0][1]..positions[1][1]];
    let labels = [
        "一、实施机构：霸州市医疗保障局",
        "二、办公地址：",
        "三、服务对象：",
        "四、设定依据：",
        "五、申请条件：单位成立之日起即可。",
        "六、申请材料目录：",
        "七、承诺办理时限：不超过5个工作日",
        "八、收费情况：不收费",
        "九、审批股室：职工医保中心",
        "十、网上申报地址：http://ylbzj.hebei.gov.cn/",
        "十一、咨询电话：0316-7273452李勇方（职工医保中心副主任）",
        "十二、监督电话：0316-5660125朱增维（法规科负责人）",
    ];
    let mut at = 0;
    for label in labels {
        let i = first[at..]
            .find(label)
            .unwrap_or_else(|| panic!("{label} missing after {at}: {first}"));
        at += i + label.len();
    }
    assert!(first.contains("联系人：李勇方"), "{first}");
    // The bazhou style has exactly twelve fields: 办理环节 is the item's, but not printed.
    assert!(!first.contains("办理环节"), "{first}");
    assert!(
        first.contains("《社会保险费征缴暂行条例》（国务院令第259号）第八条"),
        "{first}"
    );

    // The flowchart: title, caption and the SVG's own text (embedded as text, 1:1).
    assert!(first.contains("单位参保登记流程图"), "{first}");
    assert!(
        first.contains("办公地址：政务服务中心B厅职工医保窗口"),
        "{first}"
    );
    assert!(first.contains("窗口受理审核"), "{first}");

    // 办事须知: offices, portals and the supervision line, before the items.
    let info = text.rfind("办事须知").expect("办事须知");
    assert!(info < positions[0][1], "办事须知 comes before the items");
    for needle in [
        "办理地点：霸州市政务服务中心，霸州市迎宾道政务服务中心B厅（电话：0316-7273452）",
        "网上办理：河北省医疗保障局网上服务大厅：http://ylbzj.hebei.gov.cn/",
        "监督电话：0316-5660125朱增维（法规科负责人）",
    ] {
        assert!(text[info..].contains(needle), "{needle} missing: {text}");
    }

    // The jurisdiction's notes (说明) at the end.
    assert!(
        text.ends_with("2.委托办理业务的，应提供委托人及代理人身份证件原件并授权委托书。"),
        "{text}"
    );
}

#[test]
fn cjk_fonts_are_embedded_and_subset() {
    let (_tmp, dir) = built();
    let body = fonts().roles().get(FontRole::Body)[0]
        .to_lowercase()
        .replace(' ', "");
    for pdf in ["guide.pdf", "notice.pdf", "items/132036001001.pdf"] {
        let rows = pdffonts(&dir.join(pdf));
        assert!(!rows.is_empty(), "{pdf}: no fonts");
        for (name, kind, emb, sub) in &rows {
            assert!(emb, "{pdf}: {name} ({kind}) is not embedded");
            assert!(sub, "{pdf}: {name} ({kind}) is not a subset");
            assert!(
                name.contains('+'),
                "{pdf}: subset fonts carry a tag: {name}"
            );
        }
        assert!(
            rows.iter()
                .any(|(name, ..)| name.to_lowercase().contains(&body)),
            "{pdf}: body font {body} not embedded: {rows:?}"
        );
    }
}

/// Text from the sources is data: typst syntax in it prints literally and runs nothing.
#[test]
fn source_text_cannot_inject_typst() {
    let payloads = [
        r#"#read("/etc/passwd")"#,
        "*bold*",
        "$x$",
        "#set page(width: 1cm)",
        "@ref",
        "<label>",
        "]",
        r"\",
        r#"#eval("1+1")"#,
    ];
    let mut job = job();
    let item: &mut ItemView = &mut job.guide.items[0];
    // Plain fields: every payload as typed.
    item.name = format!("单位参保登记{}", payloads.join(""));
    item.fields[0].content = markdown::plain(&payloads.join(" 和 "));
    item.fields[5].content = zhinan::render::data::list_blocks(
        &payloads
            .iter()
            .map(|p| format!("材料{p}"))
            .collect::<Vec<_>>(),
    );
    // A Markdown field: typst syntax is not Markdown syntax either (`\\` is one backslash).
    item.fields[4].content = markdown::parse(
        r#"条件 #read("/etc/passwd") $x$ #set page(width: 1cm) @ref <label> ] \\ 结束"#,
    );

    let pdf = render_pdf(&ctx(), "guide.typ", "inject", &job.guide, &job_files()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("inject.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let text = pdftotext(&path);
    let squeezed = squeeze(&text);

    assert!(
        squeezed.contains(&squeeze(&format!("单位参保登记{}", payloads.join("")))),
        "{text}"
    );
    assert!(
        squeezed.contains(&squeeze(&payloads.join(" 和 "))),
        "{text}"
    );
    for p in payloads {
        assert!(
            squeezed.contains(&squeeze(&format!("材料{p}"))),
            "material {p} not literal: {text}"
        );
    }
    assert!(
        squeezed.contains(&squeeze(
            r#"条件 #read("/etc/passwd") $x$ #set page(width: 1cm) @ref <label> ] \ 结束"#
        )),
        "{text}"
    );
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let first_line = passwd.lines().next().unwrap_or("root:x:0:0");
    assert!(
        !text.contains(first_line),
        "/etc/passwd leaked into the PDF"
    );
    assert!(!text.contains("root:x:"), "/etc/passwd leaked into the PDF");
    // `#set page(width: 1cm)` did not apply: every page is A4.
    let sizes = page_sizes(&path);
    assert!(sizes.len() >= 3);
    assert!(sizes.iter().all(|s| s.starts_with("595.")), "{sizes:?}");
}

fn page_sizes(pdf: &Path) -> Vec<String> {
    let out = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| l.split("size:").nth(1).unwrap().trim().to_string())
        .collect()
}

#[test]
fn identical_sources_give_identical_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let ra = build_jurisdiction(&job(), &fonts(), &options(a.path())).unwrap();
    let rb = build_jurisdiction(&job(), &fonts(), &options(b.path())).unwrap();
    assert_eq!(ra.outputs, rb.outputs);
    assert!(ra.outputs.len() >= 5, "{:?}", ra.outputs);
    for out in &ra.outputs {
        let x = std::fs::read(ra.dir.join(out)).unwrap();
        let y = std::fs::read(rb.dir.join(out)).unwrap();
        assert!(x == y, "{out} differs between two builds");
    }
    assert_eq!(
        std::fs::read(ra.dir.join("manifest.json")).unwrap(),
        std::fs::read(rb.dir.join("manifest.json")).unwrap()
    );
}

#[test]
fn pdf_metadata() {
    let (_tmp, dir) = built();
    let guide = dir.join("guide.pdf");
    assert_eq!(
        info(&guide, "Title"),
        "霸州市医疗保障局“依规办事不求人”事项服务指南"
    );
    assert_eq!(info(&guide, "Author"), "霸州市医疗保障局");
    assert_eq!(
        info(&guide, "Creator"),
        format!("zhinan {}", env!("CARGO_PKG_VERSION"))
    );
    if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        // The edition date 2023-06-01 is the creation date.
        let date = info(&guide, "CreationDate");
        assert!(
            date.contains("2023") && date.contains("Jun") && date.contains(" 1 "),
            "{date}"
        );
    }
    assert_eq!(
        info(&dir.join("items/132036001002.pdf"), "Title"),
        "职工参保登记办事指南"
    );
    assert_eq!(
        info(&dir.join("notice.pdf"), "Title"),
        "霸州市医疗保障局关于公布政务服务事项办事指南的公告"
    );
    // Language zh-CN is in the catalog of every PDF.
    let bytes = std::fs::read(&guide).unwrap();
    assert!(
        find(&bytes, b"/Lang (zh-CN)") || find(&bytes, b"zh-CN"),
        "no zh-CN language"
    );
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn pdf_a_2b_and_tagged() {
    let mut ctx = ctx();
    ctx.date = typst::foundations::Datetime::from_ymd(2023, 6, 1);
    let guide = job().guide;
    for standard in [PdfStandard::A2b, PdfStandard::Tagged] {
        ctx.standard = standard;
        let pdf = render_pdf(&ctx, "guide.typ", "std", &guide, &job_files()).unwrap();
        let tagged = find(&pdf.bytes, b"/StructTreeRoot");
        assert!(tagged, "{standard:?}: no structure tree");
        if standard == PdfStandard::A2b {
            assert!(find(&pdf.bytes, b"pdfaid:part"), "no PDF/A identification");
        }
    }
    ctx.standard = PdfStandard::Pdf17;
    let pdf = render_pdf(&ctx, "guide.typ", "std", &guide, &job_files()).unwrap();
    assert!(
        !find(&pdf.bytes, b"/StructTreeRoot"),
        "plain PDFs are untagged"
    );
}

fn job_files() -> HashMap<String, typst::foundations::Bytes> {
    job()
        .flows
        .into_iter()
        .map(|(k, v)| (k, typst::foundations::Bytes::from_string(v)))
        .collect()
}

/// A word of `pdftotext -bbox-layout`, grouped by line: (page, line text, xMin, yMin, xMax, yMax).
fn bbox_lines(pdf: &Path) -> Vec<(usize, String, f64, f64, f64, f64)> {
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let i = tag.find(&key).unwrap() + key.len();
        tag[i..].split('"').next().unwrap().parse().unwrap()
    };
    let mut lines = Vec::new();
    let mut page = 0;
    for chunk in html.split('<').skip(1) {
        if chunk.starts_with("page ") {
            page += 1;
        } else if chunk.starts_with("line ") {
            lines.push((
                page,
                String::new(),
                attr(chunk, "xMin"),
                attr(chunk, "yMin"),
                attr(chunk, "xMax"),
                attr(chunk, "yMax"),
            ));
        } else if chunk.starts_with("word ") {
            let word = chunk.split_once('>').unwrap().1;
            let word = word
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            lines.last_mut().unwrap().1.push_str(&word);
        }
    }
    lines
}

const MM: f64 = 72.0 / 25.4;

#[test]
fn notice_follows_gbt_9704() {
    let (_tmp, dir) = built();
    let pdf = dir.join("notice.pdf");
    let text = squeeze(&pdftotext(&pdf));
    for needle in [
        "霸州市医疗保障局关于公布政务服务事项办事指南的公告",
        "一、公布范围",
        "特此公告。",
        "附件：霸州市医疗保障局政务服务事项清单",
        "霸州市医疗保障局2026年1月5日",
        "—1—",
        "—2—",
        "—3—",
    ] {
        assert!(text.contains(needle), "{needle} missing: {text}");
    }

    // The attached table on the last page, row by row, in order.
    let words = bbox_words(&pdf);
    let rows = [
        ("序号", "序号事项名称承诺办理时限咨询电话监督电话"),
        (
            "单位参保登记",
            "1单位参保登记不超过5个工作日0316-72734520316-5660125",
        ),
        (
            "职工参保登记",
            "2职工参保登记即时办结0316-72734520316-5660125",
        ),
        (
            "城乡居民参保登记",
            "3城乡居民参保登记即时办结0316-72384170316-5660125",
        ),
    ];
    let mut y = 0.0;
    for (anchor, expected) in rows {
        let w = words
            .iter()
            .find(|w| w.page == 3 && w.text == anchor)
            .expect(anchor);
        assert_eq!(squeeze(&row_text(&words, w)), expected);
        assert!(w.y0 > y, "rows out of order at {anchor}");
        y = w.y0;
    }

    let lines = bbox_lines(&pdf);
    let page1: Vec<_> = lines.iter().filter(|l| l.0 == 1).collect();
    // 版心: 订口 (left on odd pages) 28 mm, 156 mm wide, 天头 37 mm.
    let left = 28.0 * MM;
    let right = left + 156.0 * MM;
    let body: Vec<_> = page1
        .iter()
        .filter(|l| (l.5 - l.3) > 12.0 && !l.1.starts_with('—'))
        .collect();
    let min_x = body.iter().map(|l| l.2).fold(f64::MAX, f64::min);
    let max_x = body.iter().map(|l| l.4).fold(f64::MIN, f64::max);
    assert!(
        (min_x - left).abs() < 1.5,
        "text starts at {min_x} pt, 订口 is {left}"
    );
    assert!(
        max_x <= right + 1.5 && max_x > right - 3.0,
        "text ends at {max_x} pt, 版心 ends at {right}"
    );
    let top = body.iter().map(|l| l.3).fold(f64::MAX, f64::min);
    assert!(
        (37.0 * MM - 1.0..37.0 * MM + 6.0).contains(&top),
        "title top at {top} pt, 天头 37 mm"
    );

    // 28 characters per full line, 22 lines per page: lines are 225/22 mm apart.
    let full: Vec<_> = body
        .iter()
        .filter(|l| (l.5 - l.3) < 20.0 && (l.4 - l.2) > 150.0 * MM)
        .filter(|l| l.1.chars().all(|c| !c.is_ascii()))
        .collect();
    assert!(full.len() >= 2, "no full body lines: {body:?}");
    for l in &full {
        assert_eq!(
            l.1.chars().count(),
            28,
            "a full line holds 28 characters: {}",
            l.1
        );
    }
    let pitch = 225.0 * MM / 22.0;
    let body_lines: Vec<f64> = body
        .iter()
        .filter(|l| (l.5 - l.3) < 20.0)
        .map(|l| l.3)
        .collect();
    let gaps: Vec<f64> = body_lines
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|g| *g < pitch * 1.5)
        .collect();
    assert!(gaps.len() >= 10, "{body_lines:?}");
    for g in &gaps {
        assert!(
            (g - pitch).abs() < 0.3,
            "line pitch {g} pt, expected {pitch}"
        );
    }

    // Page numbers: 4号 "— 1 —", 7 mm below the 版心, odd pages right and even pages left,
    // one character (14 pt) from the edge.
    let number = |p: usize| {
        lines
            .iter()
            .find(|l| l.0 == p && l.1.starts_with('—'))
            .unwrap_or_else(|| panic!("no number on page {p}"))
    };
    let n1 = number(1);
    assert!(
        (n1.4 - (right - 14.0)).abs() < 1.0,
        "odd page number ends at {} pt",
        n1.4
    );
    let below = n1.3 - (37.0 + 225.0) * MM;
    assert!(
        below > 4.0 * MM && below < 9.0 * MM,
        "page number {below} pt below the 版心"
    );
    let n2 = number(2);
    let even_left = 26.0 * MM; // on even pages the 订口 is on the right
    assert!(
        (n2.2 - (even_left + 14.0)).abs() < 1.0,
        "even page number starts at {} pt",
        n2.2
    );

    // 成文日期 右空四字, the signature centred over it, both with the last paragraph.
    let line_of = |s: &str| {
        lines
            .iter()
            .find(|l| l.1 == s)
            .unwrap_or_else(|| panic!("no line {s}"))
    };
    let date = line_of("2026年1月5日");
    let agency = line_of("霸州市医疗保障局");
    let closing = line_of("特此公告。");
    assert!(
        date.0 == closing.0 && agency.0 == closing.0,
        "signature apart from the text"
    );
    let right_edge = if date.0 % 2 == 1 {
        right
    } else {
        (26.0 + 156.0) * MM
    };
    let char_pitch = 156.0 * MM / 28.0;
    assert!(
        (date.4 - (right_edge - 4.0 * char_pitch)).abs() < 2.0,
        "date ends at {} pt",
        date.4
    );
    let centre = |l: &(usize, String, f64, f64, f64, f64)| (l.2 + l.4) / 2.0;
    assert!(
        (centre(agency) - centre(date)).abs() < 2.0,
        "signature not centred over the date"
    );
    assert!(
        (date.3 - agency.3 - pitch).abs() < 0.5,
        "the date is on the line below the signature"
    );
}

#[test]
fn catalog_is_a_landscape_table() {
    let tmp = tempfile::tempdir().unwrap();
    let mut job = job();
    job.catalog = Some(catalog());
    let report = build_jurisdiction(&job, &fonts(), &options(tmp.path())).unwrap();
    assert!(report.outputs.contains(&"catalog.pdf".to_string()));
    let pdf = report.dir.join("catalog.pdf");
    let sizes = page_sizes(&pdf);
    assert!(
        sizes.iter().all(|s| s.starts_with("841.")),
        "landscape A4: {sizes:?}"
    );
    let text = squeeze(&pdftotext(&pdf));
    for needle in [
        "“依规办事不求人”事项服务指南（2023年版）",
        "说明：",
        "2.委托办理业务的",
        "1.统一社会信用代码证书",
        "申请—受理—",
    ] {
        assert!(text.contains(needle), "{needle} missing: {text}");
    }
    let words = bbox_words(&pdf);
    assert_eq!(
        squeeze(&row_text(&words, word(&words, "主项编码"))),
        "主项主项编码子项子项编码办理材料办理时限办理渠道办理环节查询方式备注设定依据"
    );
    // "子项序号" wraps in its narrow column, as in the published list.
    let seq = word(&words, "序号");
    assert!(seq.y0 > word(&words, "主项编码").y0);
    // One row per 子项, in order: number, name and code on one line.
    let codes = ["132036001001", "132036001002", "132036001003"];
    let mut y = 0.0;
    for (i, code) in codes.iter().enumerate() {
        let w = word(&words, code);
        let row = squeeze(&row_text(&words, w));
        // The name (wrapped when long) is centred on the row, after its number (the 主项 cells
        // print on the first row of their 主项).
        let start: String = ITEM_NAMES[i].chars().take(4).collect();
        assert!(
            row.starts_with(&format!("{}", i + 1)) || row.contains(&format!("{}{start}", i + 1)),
            "{row}"
        );
        let name = words
            .iter()
            .find(|w| w.text.starts_with(&start))
            .expect(&start);
        assert!(
            (name.yc() - w.yc()).abs() < 8.0,
            "{start} not on the row of {code}"
        );
        assert!(w.y0 > y, "{code} out of order");
        y = w.y0;
    }
    // The 主项 stands over its rows: its code on the row of the first 子项, once on this page
    // (it is repeated only on a page the 主项 continues on); its name wraps in its column.
    let main_code = word(&words, "13203600100Y");
    assert!((main_code.yc() - word(&words, codes[0]).yc()).abs() < 8.0);
    assert_eq!(words.iter().filter(|w| w.text == "13203600100Y").count(), 1);
    let first = words
        .iter()
        .find(|w| w.text.starts_with("一、"))
        .expect("main name");
    let mut column: Vec<&Word> = words
        .iter()
        .filter(|w| w.page == first.page && (w.x0 - first.x0).abs() < 1.0 && w.y0 >= first.y0)
        .collect();
    column.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    let column: String = column.iter().map(|w| w.text.as_str()).collect();
    assert!(
        column.starts_with("一、基本医疗保险参保和变更登记"),
        "{column}"
    );
}
