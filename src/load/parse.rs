//! TOML text → `model` types. Syntax errors are collected (the parser recovers), then each `[main]`
//! and `[[item]]` is deserialized on its own so that one bad item does not hide the others.

use rust_i18n::t;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::Diag;
use crate::model::{Flow, Item, ItemFile, JurisdictionFile, MainItem, Person, Spanned, Text};
use crate::source::FileId;

use super::limits;
use super::toml_error::{Problem, classify, find_key};
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
    if let Some(scheme) = &data.code_scheme {
        let pattern = &scheme.pattern;
        if let Some(at) = crate::resolve::code_scheme::pattern_error(pattern.get_ref()) {
            // The span includes the opening quote.
            let start = pattern.span().start + 1 + at;
            diags.push(
                Diag::error(
                    "load::invalid",
                    file,
                    start..(start + 1).min(pattern.span().end),
                    t!("load.code-pattern"),
                )
                .label(t!("load.here"))
                .help(t!("load.code-pattern-help")),
            );
        }
    }
    for (key, t) in jurisdiction_texts(&data) {
        limits::check_text(file, text, t, key, diags);
    }
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
                                check_item(file, text, &item, diags);
                                out.items.push(item);
                            }
                        }
                    }
                    _ => diags.push(
                        Diag::error("load::type", file, span, t!("load.item-not-array"))
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
        for (key, t) in [
            ("seq", main.seq.as_ref()),
            ("code", Some(&main.code)),
            ("name", Some(&main.name)),
        ] {
            if let Some(t) = t {
                limits::check_text(file, text, t, key, diags);
            }
        }
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

/// Deserialize one TOML value, turning every serde error into a located diagnostic. serde stops at
/// the first error; the value is then pruned of the part in error and deserialized again, so an
/// author sees every mistake of a table at once, not one per run.
fn deserialize<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diag>,
) -> Option<T> {
    let whole = value.span();
    let mut value = value;
    let mut failed = false;
    // Keys removed after an error: their absence is not a second mistake ("missing `level`" after
    // "invalid value for `level`").
    let mut pruned: Vec<String> = Vec::new();
    // Each retry removes one key or table, so this ends; the bound only caps the work.
    for _ in 0..MAX_ERRORS_PER_TABLE {
        match T::deserialize(ValueDeserializer::from(value.clone())) {
            Ok(v) => return (!failed).then_some(v),
            Err(err) => {
                failed = true;
                if let Problem::MissingField { field } = classify(err.message().trim())
                    && pruned.iter().any(|k| k == field)
                {
                    return None;
                }
                let span = err.span().unwrap_or(whole.clone());
                diags.push(serde_error(file, text, span.clone(), err.message()));
                match prune(&mut value, &span, err.message()) {
                    Some(key) => pruned.push(key),
                    None => return None,
                }
            }
        }
    }
    None
}

fn remove_key(table: &mut DeTable<'_>, key: &str) {
    *table = std::mem::take(table)
        .into_iter()
        .filter(|(k, _)| k.get_ref().as_ref() != key)
        .collect();
}

/// Most errors reported for one table.
const MAX_ERRORS_PER_TABLE: usize = 100;

/// Removes from `value` the key or table that the error at `span` is about, and returns the name of
/// the key removed. None when nothing can be removed (the error is about the table itself, e.g. a
/// missing key).
fn prune(value: &mut Spanned<DeValue<'_>>, span: &Range<usize>, message: &str) -> Option<String> {
    let contains = |outer: Range<usize>| outer.start <= span.start && span.end <= outer.end;
    let whole = value.span();
    match value.get_mut() {
        DeValue::Table(table) => {
            if whole == *span {
                // serde points at the table for an unknown key: remove that key.
                let field = message
                    .trim()
                    .strip_prefix("unknown field `")
                    .and_then(|r| r.split('`').next())?;
                let before = table.len();
                remove_key(table, field);
                return (table.len() < before).then(|| field.to_string());
            }
            let mut hit = None;
            for (k, v) in table.iter_mut() {
                if contains(k.span()) || contains(v.span()) {
                    hit = Some((k.get_ref().to_string(), prune(v, span, message)));
                    break;
                }
            }
            match hit? {
                (_, Some(inner)) => Some(inner),
                (key, None) => {
                    remove_key(table, &key);
                    Some(key)
                }
            }
        }
        DeValue::Array(array) => array
            .iter_mut()
            .find(|el| contains(el.span()))
            .and_then(|el| prune(el, span, message)),
        _ => None,
    }
}

fn serde_error(file: FileId, text: &str, span: Range<usize>, message: &str) -> Diag {
    let message = message.trim();
    match classify(message) {
        Problem::UnknownField { field, expected } => {
            let help = match nearest(field, &expected) {
                Some(n) => t!("load.did-you-mean", near = n).into_owned(),
                None => t!("load.known-keys", keys = expected.join(", ")).into_owned(),
            };
            // The error span covers the whole table; point at the key itself when it can be found.
            let key_span = find_key(text, &span, field).unwrap_or(span);
            Diag::error(
                "load::unknown-field",
                file,
                key_span,
                t!("load.unknown-key", key = field),
            )
            .label(t!("load.unknown-key-label"))
            .help(help)
        }
        Problem::MissingField { field } => Diag::error(
            "load::missing-field",
            file,
            header_span(text, &span),
            t!("load.missing-key", key = field),
        )
        .label(t!("load.missing-key-label"))
        .help(t!("load.missing-key-help", key = field)),
        Problem::WrongType { expected } => {
            let help = match expected.unwrap_or_default() {
                e if e.contains("a string") => t!("load.type-string"),
                e if e.contains("a sequence") => t!("load.type-list"),
                e if e.contains("a boolean") => t!("load.type-bool"),
                _ => t!("load.type-other"),
            };
            Diag::error("load::type", file, span, t!("load.type", message = message))
                .label(t!("load.type-label"))
                .help(help)
        }
        Problem::UnknownVariant { expected } => Diag::error(
            "load::type",
            file,
            span,
            t!("load.value", message = message),
        )
        .label(t!("load.value-label"))
        .help(t!("load.value-help", values = expected.join(", "))),
        Problem::Other => Diag::error("load::invalid", file, span, message.to_string())
            .label(t!("load.here"))
            .help(t!("load.invalid-help")),
    }
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

fn check_item(file: FileId, text: &str, item: &Spanned<Item>, diags: &mut Vec<Diag>) {
    let data = item.get_ref();
    for (key, t) in item_texts(data) {
        limits::check_text(file, text, t, key, diags);
    }
    if data.code.is_none() && data.id.is_none() {
        diags.push(
            Diag::error(
                "load::missing-field",
                file,
                item_header(item),
                t!("load.no-code"),
            )
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

/// Every string of an item, with its key (for the limits on text).
fn item_texts(item: &Item) -> Vec<(&'static str, &Text)> {
    let mut out: Vec<(&'static str, &Text)> = [
        ("code", &item.code),
        ("id", &item.id),
        ("seq", &item.seq),
        ("name", &item.name),
        ("power_code", &item.power_code),
        ("power_type", &item.power_type),
        ("agency", &item.agency),
        ("address", &item.address),
        ("target", &item.target),
        ("conditions", &item.conditions),
        ("time_limit", &item.time_limit),
        ("fee", &item.fee),
        ("department", &item.department),
        ("online", &item.online),
        ("accepting_unit", &item.accepting_unit),
        ("channels", &item.channels),
        ("steps", &item.steps),
        ("query", &item.query),
        ("evaluation", &item.evaluation),
        ("notes", &item.notes),
        ("governed_by", &item.governed_by),
        ("legal_time_limit", &item.legal_time_limit),
        ("office_hours", &item.office_hours),
        ("case_type", &item.case_type),
        ("item_type", &item.item_type),
        ("service_level", &item.service_level),
        ("applicant", &item.applicant),
    ]
    .into_iter()
    .filter_map(|(k, t)| t.as_ref().map(|t| (k, t)))
    .collect();
    for (key, list) in [
        ("legal_basis", &item.legal_basis),
        ("materials", &item.materials),
        ("consult_channels", &item.consult_channels),
        ("complaint_channels", &item.complaint_channels),
    ] {
        out.extend(list.iter().flatten().map(|t| (key, t)));
    }
    for g in item.material_groups.iter().flatten() {
        let g = g.get_ref();
        out.push(("case", &g.case));
        out.extend(g.materials.iter().map(|t| ("materials", t)));
    }
    for r in item.legal_refs.iter().flatten() {
        let r = r.get_ref();
        out.push(("title", &r.title));
        out.extend(r.number.iter().map(|t| ("number", t)));
        out.extend(r.articles.iter().map(|t| ("articles", t)));
    }
    for person in [&item.consult, &item.supervision, &item.contact]
        .into_iter()
        .flatten()
    {
        out.extend(person_texts(person.get_ref()));
    }
    for flow in &item.flow {
        let flow = flow.get_ref();
        out.extend(flow.title.iter().map(|t| ("title", t)));
        out.extend(flow.caption.iter().map(|t| ("caption", t)));
        for node in &flow.nodes {
            let node = node.get_ref();
            out.extend([("id", &node.id), ("text", &node.text)]);
            out.extend(node.attach.iter().map(|t| ("attach", t)));
        }
        for edge in &flow.edges {
            let edge = edge.get_ref();
            out.extend([("from", &edge.from), ("to", &edge.to)]);
            out.extend(edge.label.iter().map(|t| ("label", t)));
        }
    }
    out
}

fn person_texts(p: &Person) -> impl Iterator<Item = (&'static str, &Text)> {
    [("name", &p.name), ("title", &p.title), ("phone", &p.phone)]
        .into_iter()
        .filter_map(|(k, t)| t.as_ref().map(|t| (k, t)))
}

/// Every string of a jurisdiction file, with its key.
fn jurisdiction_texts(j: &JurisdictionFile) -> Vec<(&'static str, &Text)> {
    let mut out: Vec<(&'static str, &Text)> = vec![("name", &j.name)];
    out.extend(
        [
            ("parent", &j.parent),
            ("agency", &j.agency),
            ("area_code", &j.area_code),
            ("guide_title", &j.guide_title),
            ("edition", &j.edition),
            ("supervision_phone", &j.supervision_phone),
            ("notes", &j.notes),
        ]
        .into_iter()
        .filter_map(|(k, t)| t.as_ref().map(|t| (k, t))),
    );
    for office in &j.offices {
        out.push(("name", &office.name));
        out.extend(office.address.iter().map(|t| ("address", t)));
        out.extend(office.phone.iter().map(|t| ("phone", t)));
    }
    for portal in &j.portals {
        out.push(("name", &portal.name));
        out.extend(portal.url.iter().map(|t| ("url", t)));
    }
    for person in &j.contacts {
        out.extend(person_texts(person));
    }
    if let Some(defaults) = &j.defaults {
        out.extend(item_texts(defaults.get_ref()));
    }
    if let Some(notice) = &j.notice {
        out.extend([
            ("title", &notice.title),
            ("date", &notice.date),
            ("body", &notice.body),
        ]);
    }
    out
}
