//! TOML text → `model` types. Syntax errors are collected (the parser recovers), then each `[main]`
//! and `[[item]]` is deserialized on its own so that one bad item does not hide the others.

use rust_i18n::t;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::Diag;
use crate::model::{Flow, Item, ItemFile, JurisdictionFile, MainItem, Spanned, Text};
use crate::source::FileId;
use crate::text::nearest;

/// Parse `jurisdiction.toml`.
pub fn jurisdiction_file(
    file: FileId,
    text: &str,
    diags: &mut Vec<Diag>,
) -> Option<JurisdictionFile> {
    let table = parse_table(file, text, diags)?;
    let value = Spanned::new(table.span(), DeValue::Table(table.into_inner()));
    let data: JurisdictionFile = deserialize(file, text, value, diags)?;
    let before = diags.len();
    require_nonempty(file, &data.name, "name", diags);
    if let Some(defaults) = &data.defaults {
        for (key, span) in [
            ("code", &defaults.get_ref().code),
            ("id", &defaults.get_ref().id),
        ] {
            if let Some(v) = span {
                diags.push(
                    Diag::error(
                        "load::misplaced-field",
                        file,
                        v.span(),
                        t!("load.defaults-key", key = key),
                    )
                    .label(t!("load.defaults-key-label"))
                    .help(t!("load.defaults-key-help")),
                );
            }
        }
        if !defaults.get_ref().flow.is_empty() {
            diags.push(
                Diag::error(
                    "load::misplaced-field",
                    file,
                    defaults.span(),
                    t!("load.defaults-flow"),
                )
                .help(t!("load.defaults-flow-help")),
            );
        }
    }
    (diags.len() == before).then_some(data)
}

/// Parse an item file (`[main]` and `[[item]]` tables).
pub fn item_file(file: FileId, text: &str, diags: &mut Vec<Diag>) -> Option<ItemFile> {
    let table = parse_table(file, text, diags)?;
    let before = diags.len();
    let mut out = ItemFile::default();
    for (key, value) in table.into_inner() {
        match key.get_ref().as_ref() {
            "main" => out.main = deserialize::<MainItem>(file, text, value, diags),
            "item" => {
                let span = value.span();
                match value.into_inner() {
                    DeValue::Array(array) => {
                        for element in array.iter() {
                            if let Some(item) =
                                deserialize::<Spanned<Item>>(file, text, element.clone(), diags)
                            {
                                check_item(file, &item, diags);
                                out.items.push(item);
                            }
                        }
                    }
                    _ => diags.push(
                        Diag::error(
                            "load::type",
                            file,
                            span,
                            t!("load.item-not-array"),
                        )
                        .label(t!("load.item-not-array-label"))
                        .help(t!("load.item-not-array-help")),
                    ),
                }
            }
            other => {
                let mut d = Diag::error(
                    "load::unknown-field",
                    file,
                    key.span(),
                    t!("load.unknown-top-key", key = other),
                )
                .label(t!("load.unknown-top-key-label"));
                d = match nearest(other, &["main", "item"]) {
                    Some(n) => d.help(t!("load.unknown-top-key-near", near = n)),
                    None => d.help(t!("load.unknown-top-key-help")),
                };
                diags.push(d);
            }
        }
    }
    if let Some(main) = &out.main {
        require_nonempty(file, &main.code, "code", diags);
        require_nonempty(file, &main.name, "name", diags);
    }
    (diags.len() == before).then_some(out)
}

fn parse_table<'a>(
    file: FileId,
    text: &'a str,
    diags: &mut Vec<Diag>,
) -> Option<Spanned<DeTable<'a>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    for err in errors {
        let span = err.span().unwrap_or(0..0);
        diags.push(
            Diag::error(
                "load::syntax",
                file,
                span,
                t!("load.syntax", message = err.message().trim()),
            )
            .label(t!("load.here"))
            .help(syntax_help(err.message())),
        );
    }
    None
}

fn syntax_help(message: &str) -> String {
    let m = message.to_lowercase();
    if m.contains("duplicate key") {
        t!("load.syntax-duplicate").into_owned()
    } else if m.contains("string") || m.contains("quote") {
        t!("load.syntax-string").into_owned()
    } else if m.contains("inline table") || m.contains("newline") {
        t!("load.syntax-inline").into_owned()
    } else {
        t!("load.syntax-other").into_owned()
    }
}

/// Deserialize one TOML value, turning a serde error into a located diagnostic.
fn deserialize<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diag>,
) -> Option<T> {
    let whole = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(v),
        Err(err) => {
            let span = err.span().unwrap_or(whole);
            diags.push(serde_error(file, text, span, err.message()));
            None
        }
    }
}

fn serde_error(file: FileId, text: &str, span: Range<usize>, message: &str) -> Diag {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let help = match nearest(field, &expected) {
            Some(n) => t!("load.did-you-mean", near = n).into_owned(),
            None => t!("load.known-keys", keys = expected.join(", ")).into_owned(),
        };
        // The error span covers the whole table; point at the key itself when it can be found.
        let key_span = find_key(text, &span, field).unwrap_or(span);
        return Diag::error(
            "load::unknown-field",
            file,
            key_span,
            t!("load.unknown-key", key = field),
        )
        .label(t!("load.unknown-key-label"))
        .help(help);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return Diag::error(
            "load::missing-field",
            file,
            header_span(text, &span),
            t!("load.missing-key", key = field),
        )
        .label(t!("load.missing-key-label"))
        .help(t!("load.missing-key-help", key = field));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let help = if message.contains("expected a string") {
            t!("load.type-string")
        } else if message.contains("expected a sequence") {
            t!("load.type-list")
        } else if message.contains("expected a boolean") {
            t!("load.type-bool")
        } else {
            t!("load.type-other")
        };
        return Diag::error("load::type", file, span, t!("load.type", message = message))
            .label(t!("load.type-label"))
            .help(help);
    }
    if message.starts_with("unknown variant") {
        let expected: Vec<&str> = message.split('`').skip(3).step_by(2).collect();
        return Diag::error(
            "load::type",
            file,
            span,
            t!("load.value", message = message),
        )
        .label(t!("load.value-label"))
        .help(t!("load.value-help", values = expected.join(", ")));
    }
    Diag::error("load::invalid", file, span, message.to_string())
        .label(t!("load.here"))
        .help(t!("load.invalid-help"))
}

/// The span of `key` at the start of a line within `within` (the table that holds it).
fn find_key(text: &str, within: &Range<usize>, key: &str) -> Option<Range<usize>> {
    let region = text.get(within.clone())?;
    let mut offset = within.start;
    for line in region.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let bare = trimmed.strip_prefix(key);
        let quoted = trimmed.strip_prefix(&format!("\"{key}\""));
        if let Some(rest) = bare.or(quoted)
            && rest.trim_start().starts_with('=')
        {
            let len = line.len() - indent - rest.len();
            return Some(offset + indent..offset + indent + len);
        }
        // Inline tables: `{ name = …, phnoe = … }` on one line.
        if let Some(pos) = line
            .find(&format!(" {key} ="))
            .or_else(|| line.find(&format!("{{{key} =")))
        {
            let start = offset + pos + 1;
            return Some(start..start + key.len());
        }
        offset += line.len();
    }
    None
}

/// The first line of a table's span (its `[[item]]` header), so the snippet stays short.
fn header_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = span.start.min(text.len());
    let end = text[start..]
        .find('\n')
        .map_or(span.end, |i| start + i)
        .min(span.end.max(start));
    start..end
}

fn require_nonempty(file: FileId, value: &Text, key: &str, diags: &mut Vec<Diag>) {
    if value.get_ref().trim().is_empty() {
        diags.push(
            Diag::error(
                "load::empty-field",
                file,
                value.span(),
                t!("load.empty", key = key),
            )
            .label(t!("load.empty-label"))
            .help(t!("load.empty-help", key = key)),
        );
    }
}

fn check_item(file: FileId, item: &Spanned<Item>, diags: &mut Vec<Diag>) {
    let data = item.get_ref();
    if data.code.is_none() && data.id.is_none() {
        diags.push(
            Diag::error("load::missing-field", file, item_header(item), t!("load.no-code"))
                .label(t!("load.no-code-label"))
                .help(t!("load.no-code-help")),
        );
    }
    for (key, value) in [("code", &data.code), ("id", &data.id), ("name", &data.name)] {
        if let Some(v) = value {
            require_nonempty(file, v, key, diags);
        }
    }
    for flow in &data.flow {
        check_flow(file, flow.get_ref(), diags);
    }
}

fn item_header(item: &Spanned<Item>) -> Range<usize> {
    let data = item.get_ref();
    data.code
        .as_ref()
        .or(data.id.as_ref())
        .or(data.name.as_ref())
        .map_or(item.span(), |t| t.span())
}

/// Structural checks that make a flow drawable: unique node ids, edges and notes that name nodes.
fn check_flow(file: FileId, flow: &Flow, diags: &mut Vec<Diag>) {
    let mut seen: Vec<&Text> = Vec::new();
    for node in &flow.nodes {
        let node = node.get_ref();
        require_nonempty(file, &node.id, "id", diags);
        require_nonempty(file, &node.text, "text", diags);
        if let Some(first) = seen.iter().find(|s| s.get_ref() == node.id.get_ref()) {
            diags.push(
                Diag::error(
                    "load::duplicate-id",
                    file,
                    node.id.span(),
                    t!("load.duplicate-node", id = node.id.get_ref()),
                )
                .label(t!("load.duplicate-node-label"))
                .related(file, first.span(), t!("load.first-used-here"))
                .help(t!("load.duplicate-node-help")),
            );
        } else {
            seen.push(&node.id);
        }
    }
    let ids: Vec<&str> = seen.iter().map(|t| t.get_ref().as_str()).collect();
    let mut check_ref = |name: &Text, what: &str| {
        if !ids.contains(&name.get_ref().as_str()) {
            let help = match nearest(name.get_ref(), &ids) {
                Some(n) => t!("load.did-you-mean", near = n).into_owned(),
                None => t!("load.flow-nodes", ids = ids.join(", ")).into_owned(),
            };
            diags.push(
                Diag::error(
                    "load::unknown-node",
                    file,
                    name.span(),
                    if what == "edge" {
                        t!("load.edge-unknown-node", id = name.get_ref())
                    } else {
                        t!("load.note-unknown-node", id = name.get_ref())
                    },
                )
                .label(t!("load.unknown-node-label"))
                .help(help),
            );
        }
    };
    for edge in &flow.edges {
        let edge = edge.get_ref();
        check_ref(&edge.from, "edge");
        check_ref(&edge.to, "edge");
    }
    for node in &flow.nodes {
        if let Some(attach) = &node.get_ref().attach {
            check_ref(attach, "note");
        }
    }
}
