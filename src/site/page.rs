//! The two kinds of page: the index and an item.

use super::html::{blocks, esc};
use super::{Chart, IndexEntry, Style};
use crate::render::{FieldView, GuideData, ItemView, PersonView};

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"site.css\">\n</head>\n",
        esc(title)
    )
}

/// JSON inside a `<script>` element: `<` escaped so that no `</script>` or `<!--` can occur.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The index page: every item, a search box, and the search index inline (works from file://).
pub fn index_page(guide: &GuideData, index: &[IndexEntry], json: &str) -> String {
    let j = &guide.jurisdiction;
    let mut s = head(&format!("{}（{}）", j.guide_title, j.name));
    s.push_str("<body>\n<header>\n");
    s.push_str(&format!("<p class=\"agency\">{}</p>\n", esc(&j.agency)));
    s.push_str(&format!("<h1>{}</h1>\n", esc(&j.guide_title)));
    if let Some(e) = j.edition_cn.as_ref().or(j.edition.as_ref()) {
        s.push_str(&format!("<p class=\"edition\">{}</p>\n", esc(e)));
    }
    s.push_str("</header>\n<main>\n");
    s.push_str(
        "<form class=\"search\" role=\"search\" action=\"index.html\">\n\
         <label for=\"q\">搜索事项（名称或编码）</label>\n\
         <input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"例如：参保登记、132036001001\">\n\
         </form>\n<p id=\"count\" class=\"count\" aria-live=\"polite\"></p>\n<ol id=\"items\" class=\"items\">\n",
    );
    for (item, entry) in guide.items.iter().zip(index) {
        s.push_str(&format!(
            "<li data-key=\"{}\"><a href=\"{}\"><span class=\"num\">{}</span><span class=\"name\">{}</span>",
            esc(&entry.key),
            esc(&entry.page),
            esc(&item.number),
            esc(&item.name)
        ));
        if let Some(code) = &item.code {
            s.push_str(&format!("<span class=\"code\">{}</span>", esc(code)));
        }
        s.push_str("</a></li>\n");
    }
    s.push_str("</ol>\n<p id=\"none\" class=\"none\" hidden>没有找到匹配的事项。</p>\n</main>\n");
    s.push_str(&footer(guide, "../guide.pdf"));
    s.push_str(&format!(
        "<script id=\"search-index\" type=\"application/json\">{}</script>\n\
         <script src=\"search.js\"></script>\n</body>\n</html>\n",
        script_json(json)
    ));
    s
}

fn footer(guide: &GuideData, pdf: &str) -> String {
    let j = &guide.jurisdiction;
    let mut s = String::from("<footer>\n");
    s.push_str(&format!(
        "<p><a href=\"{pdf}\">打印版办事指南（PDF）</a> · <a href=\"../data/items.csv\">开放数据（CSV）</a> · \
         <a href=\"../data/items.json\">JSON</a></p>\n"
    ));
    if let Some(phone) = &j.supervision_phone {
        s.push_str(&format!("<p>监督电话：{}</p>\n", esc(phone)));
    }
    for o in &j.offices {
        let mut line = esc(&o.name);
        if let Some(a) = &o.address {
            line.push_str(&format!("　{}", esc(a)));
        }
        if let Some(p) = &o.phone {
            line.push_str(&format!("　电话 {}", esc(p)));
        }
        s.push_str(&format!("<p>{line}</p>\n"));
    }
    s.push_str(&format!("<p>{}</p>\n</footer>\n", esc(&j.agency)));
    s
}

fn person(p: &PersonView) -> String {
    let mut parts = Vec::new();
    if let Some(n) = p.name_line() {
        parts.push(esc(&n));
    }
    if let Some(phone) = &p.phone {
        parts.push(format!(
            "<a href=\"tel:{}\">{}</a>",
            esc(&tel(phone)),
            esc(phone)
        ));
    }
    parts.join("　")
}

/// Digits and + of a phone number, for a `tel:` link.
fn tel(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+' || *c == '-')
        .collect()
}

fn field(f: &FieldView, heading: &str) -> String {
    format!(
        "<section class=\"field field-{}\">\n<h2>{}</h2>\n<div class=\"value\">{}</div>\n</section>\n",
        esc(&f.key),
        esc(heading),
        blocks(&f.content)
    )
}

/// One item's page.
pub fn item_page(
    guide: &GuideData,
    item: &ItemView,
    charts: &[Chart],
    qr_svg: Option<&str>,
    style: &Style,
) -> String {
    let j = &guide.jurisdiction;
    let stem = item.file_stem();
    let mut s = head(&format!("{}（{}）", item.name, j.name));
    s.push_str("<body>\n<header>\n<nav><a href=\"index.html\">← 全部事项</a></nav>\n");
    s.push_str(&format!("<p class=\"agency\">{}</p>\n", esc(&j.agency)));
    s.push_str(&format!(
        "<h1><span class=\"num\">{}、</span>{}</h1>\n",
        esc(&item.number),
        esc(&item.name)
    ));
    if let Some(code) = &item.code {
        s.push_str(&format!(
            "<p class=\"code\">事项编码 <span>{}</span></p>\n",
            esc(code)
        ));
    }
    s.push_str("</header>\n<main>\n");
    s.push_str(&format!(
        "<p class=\"pdf\"><a href=\"../items/{}.pdf\">下载打印版（PDF）</a></p>\n",
        esc(&stem)
    ));
    for c in &item.contact {
        s.push_str(&format!(
            "<section class=\"field contact\">\n<h2>联系人</h2>\n<div class=\"value\"><p>{}</p></div>\n</section>\n",
            person(c)
        ));
    }
    // The fields the style prints, in its order, with its labels and numbers (as the PDF).
    let present: Vec<&str> = item.fields.iter().map(|f| f.key.as_str()).collect();
    for (key, heading) in style.headings(&present) {
        let Some(f) = item.fields.iter().find(|f| f.key == key) else {
            continue;
        };
        let who = match key {
            "consult" => item.consult.as_ref(),
            "supervision" => item.supervision.as_ref(),
            _ => None,
        };
        match who {
            Some(p) => s.push_str(&format!(
                "<section class=\"field field-{}\">\n<h2>{}</h2>\n<div class=\"value\"><p>{}</p></div>\n</section>\n",
                esc(key),
                esc(&heading),
                person(p)
            )),
            None => s.push_str(&field(f, &heading)),
        }
        if key == "online"
            && let Some(svg) = qr_svg
        {
            s.push_str(&qr_block(svg));
        }
    }
    for chart in charts {
        s.push_str(&chart_block(chart));
    }
    s.push_str("</main>\n");
    s.push_str(&footer(guide, "../guide.pdf"));
    s.push_str("</body>\n</html>\n");
    s
}

/// The QR code of the online service (an SVG made by zhinan, not source text). Its
/// `shape-rendering` attribute is SVG, not HTML: the stylesheet sets it instead.
fn qr_block(svg: &str) -> String {
    let svg = svg.replace(" shape-rendering=\"crispEdges\"", "");
    format!("<figure class=\"qr\">{svg}<figcaption>扫码在线办理</figcaption></figure>\n")
}

fn chart_block(chart: &Chart) -> String {
    let mut s = String::from("<section class=\"field flow\">\n");
    s.push_str(&format!("<h2>{}</h2>\n", esc(&chart.title)));
    s.push_str(&format!(
        "<figure><img src=\"../{}\" alt=\"{}（流程步骤见下方文字）\"></figure>\n",
        esc(&chart.file),
        esc(&chart.title)
    ));
    s.push_str("<details open>\n<summary>流程步骤（文字版）</summary>\n<ol class=\"steps\">\n");
    for step in &chart.steps {
        s.push_str(&format!("<li>{}</li>\n", esc(step)));
    }
    s.push_str("</ol>\n</details>\n</section>\n");
    s
}
