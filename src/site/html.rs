//! HTML pieces: escaping and the Markdown tree of the view model as HTML. Every string from the
//! sources goes through [`esc`]; the tree never holds raw HTML (the Markdown parser turns it into
//! text), so nothing an author typed becomes markup.

use crate::render::markdown::Node;

/// Text escaped for HTML content and double-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, s);
    out
}

/// Block nodes as HTML.
pub fn blocks(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        node(n, &mut out);
    }
    out
}

fn children(nodes: &[Node], out: &mut String) {
    for n in nodes {
        node(n, out);
    }
}

fn node(n: &Node, out: &mut String) {
    match n {
        Node::Paragraph { c } => wrap("p", c, out),
        Node::Heading { level, c } => {
            // Headings inside a field sit below the page's h1 and the field's h2.
            let h = format!("h{}", (*level + 2).min(6));
            wrap(&h, c, out);
        }
        Node::List {
            ordered,
            start,
            items,
        } => {
            if *ordered {
                if *start == 1 {
                    out.push_str("<ol>");
                } else {
                    out.push_str(&format!("<ol start=\"{start}\">"));
                }
            } else {
                out.push_str("<ul>");
            }
            for item in items {
                out.push_str("<li>");
                children(item, out);
                out.push_str("</li>");
            }
            out.push_str(if *ordered { "</ol>" } else { "</ul>" });
        }
        Node::Quote { c } => wrap("blockquote", c, out),
        Node::Emphasis { c } => wrap("em", c, out),
        Node::Strong { c } => wrap("strong", c, out),
        Node::Strike { c } => wrap("s", c, out),
        Node::Link { url, c } => {
            if is_web_url(url) {
                out.push_str(&format!("<a href=\"{}\">", esc(url)));
                children(c, out);
                out.push_str("</a>");
            } else {
                children(c, out);
            }
        }
        Node::Text { v } => out.push_str(&esc(v)),
        Node::Code { v } => {
            out.push_str("<code>");
            out.push_str(&esc(v));
            out.push_str("</code>");
        }
        Node::Linebreak => out.push_str("<br>"),
        Node::Rule => out.push_str("<hr>"),
    }
}

fn wrap(tag: &str, c: &[Node], out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    children(c, out);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Only these targets become links (no `javascript:`, no `file:`).
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::parse;

    #[test]
    fn source_text_never_becomes_markup() {
        let html = blocks(&parse(
            "<script>alert(1)</script> & \"x\"\n\n[a](javascript:alert(1))",
        ));
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("&amp;") && html.contains("&quot;x&quot;"),
            "{html}"
        );
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn lists_and_links() {
        let html = blocks(&parse("1. 甲\n2. 乙\n\n<https://example.gov.cn/a?b=1&c=2>"));
        assert!(html.starts_with("<ol><li>"), "{html}");
        assert!(
            html.contains("href=\"https://example.gov.cn/a?b=1&amp;c=2\""),
            "{html}"
        );
    }
}
