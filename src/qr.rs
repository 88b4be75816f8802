//! QR codes of an item's online service: the first web address (http/https) in its `online` text,
//! encoded with the `qrcode` crate and drawn as vector SVG (crisp at any print size).
//!
//! The code encodes the address exactly as printed next to it; `zhinan lint` checks the address
//! first (ZN104 look-alike hosts, ZN114 http where the site serves https, ZN113 other schemes).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::{Deserialize, Serialize};

/// A QR code and the address it encodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrView {
    pub url: String,
    /// A standalone SVG document (no XML declaration, so it can also be inlined in HTML).
    pub svg: String,
}

/// The first `http://` or `https://` address in a text (Markdown autolinks `<…>` included),
/// without trailing punctuation.
pub fn first_web_url(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| {
            !c.is_ascii_graphic()
                || matches!(c, '<' | '>' | '"' | '\'' | '`' | '(' | ')' | '[' | ']')
        })
        .unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
    // A scheme with nothing after it is not an address.
    (url.len() > url.find("//").map_or(0, |i| i + 2)).then(|| url.to_string())
}

/// The QR code of `url` as SVG, modules drawn as one path, with the standard quiet zone.
pub fn svg_for(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // The XML declaration is not allowed inside HTML; an SVG file does not need it.
    let svg = match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg,
    };
    Some(svg)
}

/// The module matrix (true = dark), row by row, without the quiet zone: for tests and decoders.
pub fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, dark))
}

/// The QR code of an item's `online` text, when it holds a web address.
pub fn for_online(online: Option<&str>) -> Option<QrView> {
    let url = first_web_url(online?)?;
    let svg = svg_for(&url)?;
    Some(QrView { url, svg })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_address_in_text() {
        assert_eq!(
            first_web_url("<http://ylbzj.example.gov.cn/>、某省智慧医保").as_deref(),
            Some("http://ylbzj.example.gov.cn/")
        );
        assert_eq!(
            first_web_url("网址：https://a.example.cn/x?y=1。").as_deref(),
            Some("https://a.example.cn/x?y=1")
        );
        assert_eq!(first_web_url("某省智慧医保 APP"), None);
        assert_eq!(first_web_url("http://"), None);
    }

    #[test]
    fn svg_is_vector_without_xml_declaration() {
        let svg = svg_for("https://a.example.cn/").unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<path"), "{svg}");
        assert!(!svg.contains("<image"));
    }
}
