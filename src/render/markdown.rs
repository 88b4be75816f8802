//! Markdown → a plain JSON tree that the typst templates render with show functions.
//!
//! Free text from the TOML sources (申请条件, 备注, 网上申报地址, the notice body) is Markdown. It is
//! never pasted into typst markup: it becomes a tree of [`Node`]s, serialised to JSON, and
//! `templates/lib.typ` turns each node into content with `text(..)`, `strong(..)`, `enum(..)`, … so
//! that `#`, `$`, `*`, `@`, `<`, `]` and `\` in the source always print literally.
//!
//! Only CommonMark is recognised (no tables, no math, no footnotes). Two choices suit Chinese text:
//! - a single newline inside a paragraph is kept as a line break (authors of Chinese guides put one
//!   entry per line, e.g. `1、…` lines, and Chinese never needs a space where lines join);
//! - raw HTML (`<label>`) is not interpreted: it prints as the text the author typed.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::load::limits::MAX_MARKDOWN_DEPTH;

/// One node of the Markdown tree. Serialised with a `t` tag, e.g.
/// `{"t":"text","v":"…"}`, `{"t":"paragraph","c":[…]}`,
/// `{"t":"list","ordered":true,"start":1,"items":[[…],[…]]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Node {
    /// A paragraph of inline nodes.
    Paragraph { c: Vec<Node> },
    /// A heading (`#` … `######`); templates map levels to 黑体 / 楷体 / 仿宋.
    Heading { level: u8, c: Vec<Node> },
    /// A bullet (`ordered: false`) or numbered list; each item is a list of block nodes.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Node>>,
    },
    /// A block quote holding block nodes.
    Quote { c: Vec<Node> },
    /// `*emphasis*` (rendered in 楷体: CJK fonts have no italics).
    Emphasis { c: Vec<Node> },
    /// `**strong**` (rendered in 黑体).
    Strong { c: Vec<Node> },
    /// `~~strike~~` is not enabled; kept for completeness of the tree.
    Strike { c: Vec<Node> },
    /// A link; only `http`, `https` and `mailto` targets become clickable.
    Link { url: String, c: Vec<Node> },
    /// Literal text.
    Text { v: String },
    /// `` `code` `` and code blocks (monospace font).
    Code { v: String },
    /// A line break.
    Linebreak,
    /// A thematic break (`---`).
    Rule,
}

/// Converts Markdown to a list of block nodes.
pub fn parse(markdown: &str) -> Vec<Node> {
    let mut stack: Vec<Frame> = vec![Frame::new(Kind::Root)];
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            // Past the depth limit elements are flattened into their parent, so the tree (cloned,
            // serialised and typeset recursively) never gets deeper than the limit, whatever the
            // input. The loader refuses such text; this keeps direct callers safe too.
            Event::Start(_) if stack.len() > MAX_MARKDOWN_DEPTH => {
                stack.push(Frame::new(Kind::Other))
            }
            Event::Start(tag) => stack.push(Frame::new(Kind::from_tag(tag))),
            Event::End(end) => {
                let frame = stack.pop().expect("unbalanced Markdown events");
                debug_assert!(
                    frame.kind.matches(&end),
                    "{:?} closed by {end:?}",
                    frame.kind
                );
                let node = frame.finish();
                let parent = stack.last_mut().expect("root frame");
                match node {
                    Finished::One(node) => parent.push(node),
                    Finished::Many(nodes) => nodes.into_iter().for_each(|n| parent.push(n)),
                    Finished::Item(blocks) => parent.items.push(blocks),
                }
            }
            Event::Text(text) => top(&mut stack).push_text(&text),
            Event::Code(code) => top(&mut stack).push(Node::Code {
                v: code.into_string(),
            }),
            // Raw HTML is not interpreted: it prints as typed. Inside a code block it is code.
            Event::Html(html) | Event::InlineHtml(html) => top(&mut stack).push_text(&html),
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                top(&mut stack).push_text(&format!("${math}$"))
            }
            Event::FootnoteReference(label) => top(&mut stack).push_text(&format!("[^{label}]")),
            Event::SoftBreak | Event::HardBreak => top(&mut stack).push(Node::Linebreak),
            Event::Rule => top(&mut stack).push(Node::Rule),
            Event::TaskListMarker(done) => {
                top(&mut stack).push_text(if done { "☑ " } else { "☐ " })
            }
        }
    }
    let root = stack.pop().expect("root frame");
    debug_assert!(stack.is_empty());
    group_inlines(root.children)
}

/// A plain (non-Markdown) string as block nodes: one paragraph, `\n` kept as line breaks.
pub fn plain(text: &str) -> Vec<Node> {
    let inlines = plain_inline(text);
    if inlines.is_empty() {
        Vec::new()
    } else {
        vec![Node::Paragraph { c: inlines }]
    }
}

/// A plain string as inline nodes (`\n` becomes a line break).
pub fn plain_inline(text: &str) -> Vec<Node> {
    let mut out = Vec::new();
    for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
        if i > 0 {
            out.push(Node::Linebreak);
        }
        if !line.is_empty() {
            out.push(Node::Text {
                v: line.to_string(),
            });
        }
    }
    out
}

/// The text of a tree without markup (for PDF bookmarks, table cells and tests).
pub fn to_plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_plain(nodes, &mut out);
    out.trim_end().to_string()
}

fn write_plain(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Paragraph { c } | Node::Heading { c, .. } | Node::Quote { c } => {
                write_plain(c, out);
                out.push('\n');
            }
            Node::List { items, .. } => {
                for item in items {
                    write_plain(item, out);
                }
            }
            Node::Emphasis { c }
            | Node::Strong { c }
            | Node::Strike { c }
            | Node::Link { c, .. } => write_plain(c, out),
            Node::Text { v } | Node::Code { v } => out.push_str(v),
            Node::Linebreak | Node::Rule => out.push('\n'),
        }
    }
}

fn top(stack: &mut [Frame]) -> &mut Frame {
    stack.last_mut().expect("root frame")
}

#[derive(Debug)]
enum Kind {
    Root,
    Paragraph,
    Heading(u8),
    Quote,
    CodeBlock,
    HtmlBlock,
    List(Option<u64>),
    Item,
    Emphasis,
    Strong,
    Strike,
    Link(String),
    /// An image: its alt text is kept as text.
    Image,
    /// Anything else (tables, footnotes … are not enabled): its content is kept.
    Other,
}

impl Kind {
    fn from_tag(tag: Tag<'_>) -> Kind {
        match tag {
            Tag::Paragraph => Kind::Paragraph,
            Tag::Heading { level, .. } => Kind::Heading(heading_level(level)),
            Tag::BlockQuote(_) => Kind::Quote,
            Tag::CodeBlock(_) => Kind::CodeBlock,
            Tag::HtmlBlock => Kind::HtmlBlock,
            Tag::List(start) => Kind::List(start),
            Tag::Item => Kind::Item,
            Tag::Emphasis => Kind::Emphasis,
            Tag::Strong => Kind::Strong,
            Tag::Strikethrough => Kind::Strike,
            Tag::Link { dest_url, .. } => Kind::Link(dest_url.into_string()),
            Tag::Image { .. } => Kind::Image,
            _ => Kind::Other,
        }
    }

    fn matches(&self, end: &TagEnd) -> bool {
        matches!(
            (self, end),
            (Kind::Paragraph, TagEnd::Paragraph)
                | (Kind::Heading(_), TagEnd::Heading(_))
                | (Kind::Quote, TagEnd::BlockQuote(_))
                | (Kind::CodeBlock, TagEnd::CodeBlock)
                | (Kind::HtmlBlock, TagEnd::HtmlBlock)
                | (Kind::List(_), TagEnd::List(_))
                | (Kind::Item, TagEnd::Item)
                | (Kind::Emphasis, TagEnd::Emphasis)
                | (Kind::Strong, TagEnd::Strong)
                | (Kind::Strike, TagEnd::Strikethrough)
                | (Kind::Link(_), TagEnd::Link)
                | (Kind::Image, TagEnd::Image)
                | (Kind::Other, _)
        )
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

struct Frame {
    kind: Kind,
    children: Vec<Node>,
    items: Vec<Vec<Node>>,
}

enum Finished {
    One(Node),
    Many(Vec<Node>),
    Item(Vec<Node>),
}

impl Frame {
    fn new(kind: Kind) -> Frame {
        Frame {
            kind,
            children: Vec::new(),
            items: Vec::new(),
        }
    }

    /// Appends a node, merging adjacent text nodes.
    fn push(&mut self, node: Node) {
        match node {
            Node::Text { v } => self.push_text(&v),
            node => self.children.push(node),
        }
    }

    /// Appends text, merging with a preceding text node.
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Node::Text { v }) = self.children.last_mut() {
            v.push_str(text);
        } else {
            self.children.push(Node::Text {
                v: text.to_string(),
            });
        }
    }

    fn finish(self) -> Finished {
        let c = self.children;
        match self.kind {
            Kind::Root => Finished::Many(c),
            Kind::Paragraph => Finished::One(Node::Paragraph { c: trim_breaks(c) }),
            Kind::Heading(level) => Finished::One(Node::Heading {
                level,
                c: trim_breaks(c),
            }),
            Kind::Quote => Finished::One(Node::Quote {
                c: group_inlines(c),
            }),
            Kind::CodeBlock => {
                let v = to_plain_text(&c).trim_end_matches('\n').to_string();
                Finished::One(Node::Paragraph {
                    c: vec![Node::Code { v }],
                })
            }
            Kind::HtmlBlock => {
                let v = to_plain_text(&c);
                Finished::One(Node::Paragraph {
                    c: plain_inline(v.trim_end_matches('\n')),
                })
            }
            Kind::List(start) => {
                let mut items = self.items;
                // Content of items flattened at the depth limit: kept as one more item.
                if !c.is_empty() {
                    items.push(group_inlines(c));
                }
                Finished::One(Node::List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items,
                })
            }
            Kind::Item => Finished::Item(group_inlines(c)),
            Kind::Emphasis => Finished::One(Node::Emphasis { c }),
            Kind::Strong => Finished::One(Node::Strong { c }),
            Kind::Strike => Finished::One(Node::Strike { c }),
            Kind::Link(url) => {
                if is_safe_url(&url) {
                    Finished::One(Node::Link { url, c })
                } else {
                    Finished::Many(c)
                }
            }
            Kind::Image | Kind::Other => Finished::Many(c),
        }
    }
}

/// The only link schemes that become clickable, in the guide and anywhere else.
pub const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Only web and mail links become clickable; anything else prints as its text.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    SAFE_SCHEMES
        .iter()
        .any(|s| lower.strip_prefix(s).is_some_and(|r| r.starts_with(':')))
}

/// The scheme of a URL that names one other than [`SAFE_SCHEMES`] (`javascript`, `file`, …). An
/// address without a scheme (`www.example.gov.cn`) has none.
pub fn unsafe_scheme(url: &str) -> Option<&str> {
    let url = url.trim_start();
    let end = url.find(':')?;
    let scheme = &url[..end];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        // `www.example.gov.cn:8080` is a host and a port.
        && !scheme.contains('.');
    (valid && !SAFE_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s))).then_some(scheme)
}

fn is_block(node: &Node) -> bool {
    matches!(
        node,
        Node::Paragraph { .. }
            | Node::Heading { .. }
            | Node::List { .. }
            | Node::Quote { .. }
            | Node::Rule
    )
}

/// Wraps runs of inline nodes (tight list items, quotes) into paragraphs.
fn group_inlines(nodes: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for node in nodes {
        if is_block(&node) {
            let run = trim_breaks(std::mem::take(&mut run));
            if !run.is_empty() {
                out.push(Node::Paragraph { c: run });
            }
            out.push(node);
        } else {
            run.push(node);
        }
    }
    let run = trim_breaks(run);
    if !run.is_empty() {
        out.push(Node::Paragraph { c: run });
    }
    out
}

fn trim_breaks(mut nodes: Vec<Node>) -> Vec<Node> {
    while matches!(nodes.last(), Some(Node::Linebreak)) {
        nodes.pop();
    }
    while matches!(nodes.first(), Some(Node::Linebreak)) {
        nodes.remove(0);
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &str) -> Node {
        Node::Text { v: v.into() }
    }

    #[test]
    fn ordered_list_of_notes() {
        let nodes = parse("1. 各地可通过查询……\n2. 参保登记含……\n");
        assert_eq!(
            nodes,
            vec![Node::List {
                ordered: true,
                start: 1,
                items: vec![
                    vec![Node::Paragraph {
                        c: vec![text("各地可通过查询……")]
                    }],
                    vec![Node::Paragraph {
                        c: vec![text("参保登记含……")]
                    }],
                ],
            }]
        );
    }

    #[test]
    fn newline_is_a_line_break_and_html_is_text() {
        let nodes = parse("1、有效身份证件\n2、<label> 登记表");
        assert_eq!(
            nodes,
            vec![Node::Paragraph {
                c: vec![
                    text("1、有效身份证件"),
                    Node::Linebreak,
                    text("2、<label> 登记表")
                ]
            }]
        );
    }

    #[test]
    fn typst_syntax_stays_text() {
        let src = r#"#read("/etc/passwd") $x$ @ref #set page(width: 1cm) ] \\"#;
        let plain = to_plain_text(&parse(src));
        assert_eq!(
            plain,
            r#"#read("/etc/passwd") $x$ @ref #set page(width: 1cm) ] \"#
        );
    }

    #[test]
    fn autolink_and_unsafe_link() {
        let nodes = parse("<http://ylfwzx.example.gov.cn/>、[x](javascript:alert(1))");
        let Node::Paragraph { c } = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert!(matches!(&c[0], Node::Link { url, .. } if url == "http://ylfwzx.example.gov.cn/"));
        assert_eq!(c[1..], [text("、x")]);
    }

    #[test]
    fn json_shape() {
        let json = serde_json::to_string(&parse("**黑** *楷*")).unwrap();
        assert_eq!(
            json,
            r#"[{"t":"paragraph","c":[{"t":"strong","c":[{"t":"text","v":"黑"}]},{"t":"text","v":" "},{"t":"emphasis","c":[{"t":"text","v":"楷"}]}]}]"#
        );
    }

    fn depth(nodes: &[Node]) -> usize {
        nodes
            .iter()
            .map(|n| match n {
                Node::Paragraph { c }
                | Node::Heading { c, .. }
                | Node::Quote { c }
                | Node::Emphasis { c }
                | Node::Strong { c }
                | Node::Strike { c }
                | Node::Link { c, .. } => 1 + depth(c),
                Node::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
                _ => 1,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn nesting_is_bounded_whatever_the_input() {
        let quotes = ">".repeat(10_000) + " 引文";
        let nodes = parse(&quotes);
        assert!(depth(&nodes) <= MAX_MARKDOWN_DEPTH + 2, "{}", depth(&nodes));
        assert_eq!(to_plain_text(&nodes), "引文");
        let lists: String = (0..1_000)
            .map(|i| format!("{}- 第{i}层\n", "  ".repeat(i)))
            .collect();
        let nodes = parse(&lists);
        assert!(depth(&nodes) <= MAX_MARKDOWN_DEPTH + 2);
        assert!(to_plain_text(&nodes).contains("第999层"));
        // The deep tree clones and serialises without a stack overflow.
        let _ = serde_json::to_string(&nodes.clone()).unwrap();
    }

    #[test]
    fn plain_keeps_markdown_characters() {
        assert_eq!(
            plain("*bold*\n2"),
            vec![Node::Paragraph {
                c: vec![text("*bold*"), Node::Linebreak, text("2")]
            }]
        );
        assert!(plain("").is_empty());
    }
}
