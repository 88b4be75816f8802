//! QR codes decode back to the address printed next to them: the SVG zhinan draws is rasterised here
//! (its dark modules are `M x y h1 v1 …` path rectangles) and read with the `rqrr` decoder; and the
//! item sheet PDF of a 霸州市 item carries the code and the address as text.

use std::path::PathBuf;

use zhinan::qr::{for_online, svg_for};

/// Rasterises the dark path of a zhinan QR SVG at `scale` pixels per unit: greyscale rows.
fn rasterise(svg: &str, scale: usize) -> (usize, usize, Vec<u8>) {
    let attr = |name: &str| -> usize {
        let at = svg.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    let (w, h) = (attr("width") * scale, attr("height") * scale);
    let mut img = vec![255u8; w * h];
    // The path of the dark colour: the last `d="…"` attribute.
    let at = svg.rfind(" d=\"").expect("a path") + 4;
    let d = &svg[at..at + svg[at..].find('"').unwrap()];
    // Commands: M x y, h dx, v dy, H x, z (rectangles).
    let mut tokens = Vec::new();
    let mut num = String::new();
    for c in d.chars() {
        if c.is_ascii_digit() || c == '-' || c == '.' {
            num.push(c);
        } else {
            if !num.is_empty() {
                tokens.push(num.clone());
                num.clear();
            }
            if c.is_ascii_alphabetic() {
                tokens.push(c.to_string());
            }
        }
    }
    if !num.is_empty() {
        tokens.push(num);
    }
    let n = |t: &String| t.parse::<f64>().unwrap();
    // Each subpath (`M x y h5v5H x V y`) is one rectangle: its bounding box.
    let mut open = false;
    let mut i = 0;
    let (mut x, mut y) = (0.0, 0.0);
    let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let grow = |b: &mut (f64, f64, f64, f64), x: f64, y: f64| {
        *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    };
    let mut rects = Vec::new();
    while i < tokens.len() {
        match tokens[i].as_str() {
            "M" => {
                if open {
                    rects.push(bbox);
                }
                open = true;
                x = n(&tokens[i + 1]);
                y = n(&tokens[i + 2]);
                bbox = (x, y, x, y);
                i += 3;
            }
            "h" => {
                x += n(&tokens[i + 1]);
                i += 2;
            }
            "v" => {
                y += n(&tokens[i + 1]);
                i += 2;
            }
            "H" => {
                x = n(&tokens[i + 1]);
                i += 2;
            }
            "V" => {
                y = n(&tokens[i + 1]);
                i += 2;
            }
            "z" | "Z" => {
                rects.push(bbox);
                open = false;
                i += 1;
                continue;
            }
            other => panic!("unexpected path command {other} in {d}"),
        }
        grow(&mut bbox, x, y);
    }
    if open {
        rects.push(bbox);
    }
    assert!(!rects.is_empty(), "dark modules in {d}");
    for (xa, ya, xb, yb) in rects {
        for py in (ya as usize * scale)..(yb as usize * scale) {
            for px in (xa as usize * scale)..(xb as usize * scale) {
                img[py * w + px] = 0;
            }
        }
    }
    (w, h, img)
}

fn decode(svg: &str) -> String {
    let (w, h, img) = rasterise(svg, 2);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| img[y * w + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().expect("the code decodes").1
}

#[test]
fn svg_decodes_to_the_url() {
    for url in [
        "https://ylbzj.example.gov.cn/",
        "http://www.example.gov.cn/wsbs/index.html?item=132036001001&from=guide",
    ] {
        let svg = svg_for(url).unwrap();
        assert_eq!(decode(&svg), url);
    }
}

#[test]
fn an_online_text_gets_the_code_of_its_address() {
    let qr = for_online(Some("<http://y1bzj.hebei.gov.cn/>、河北智慧医保")).expect("an address");
    assert_eq!(qr.url, "http://y1bzj.hebei.gov.cn/");
    assert_eq!(decode(&qr.svg), qr.url);
    assert!(for_online(Some("河北智慧医保 APP")).is_none());
    assert!(for_online(None).is_none());
}

#[test]
fn item_sheet_prints_the_code_next_to_the_address() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let project = zhinan::resolve::load_project(&root).unwrap_or_else(|_| panic!("sources load"));
    let j = project.find("霸州市").unwrap();
    let jobs = zhinan::build::jobs(
        &project,
        Some(j),
        &zhinan::flow::Metrics::system(),
        &root.join("templates"),
    )
    .unwrap_or_else(|_| panic!("jobs"));
    let item = jobs[0]
        .guide
        .items
        .iter()
        .find(|i| i.code.as_deref() == Some("132036002003"))
        .expect("参保人员个人账户一次性支取");
    let qr = item.qr.as_ref().expect("the item has an online address");
    assert_eq!(decode(&qr.svg), qr.url);

    // Rendered through item.typ: the PDF has the address as text next to the code (a vector image).
    let fonts = std::sync::Arc::new(
        zhinan::render::Fonts::discover(&zhinan::render::FontOptions::default()).unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    let options = zhinan::render::BuildOptions {
        out_dir: dir.path().to_path_buf(),
        templates_dir: root.join("templates"),
        standard: zhinan::render::PdfStandard::Pdf17,
        force: true,
    };
    let mut job = jobs[0].clone();
    job.guide
        .items
        .retain(|i| i.code.as_deref() == Some("132036002003"));
    job.files.clear();
    job.notice = None;
    zhinan::render::build_jurisdiction(&job, &fonts, &options).expect("renders");
    let pdf = dir.path().join("霸州市/items/132036002003.pdf");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("扫码在线办理"), "{text}");
    assert!(
        text.matches(qr.url.trim_end_matches('/')).count() >= 2,
        "address printed in the field and next to the code"
    );
}
