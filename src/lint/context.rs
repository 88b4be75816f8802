//! What a rule sees: the resolved project, the reference data, and every string literal of the
//! sources exactly once (so a catalog text inherited by 30 counties is reported once, at its source).

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex, OnceLock};

use crate::text::fxhash::{FxHashMap, FxHashSet};
use std::ops::Range;

use crate::model::{Item, Person, Spanned};
use crate::resolve::{Project, ResolvedItem};
use crate::source::FileId;

use super::Reference;

/// One string literal of the sources and what it belongs to.
#[derive(Debug, Clone)]
pub struct TextRef<'a> {
    pub jurisdiction: usize,
    /// Index into the jurisdiction's `items`, when the text belongs to an item.
    pub item: Option<usize>,
    pub item_key: Option<String>,
    /// Field path: `materials`, `legal_basis`, `consult.phone`, `flow.title`, `flow.node`,
    /// `flow.edge`, `flow.caption`, `jurisdiction.portal.url`, `main.name` (a 主项's name, with the
    /// 主项 code as `item_key`), …
    pub field: &'static str,
    /// Position in a list field (materials, legal_basis), or the flow index for `flow.*`.
    pub index: usize,
    pub file: FileId,
    /// Span of the whole TOML string literal, quotes included.
    pub span: Range<usize>,
    pub value: &'a str,
}

/// A value shared between rules through [`Context::memo`].
type Shared = Arc<dyn Any + Send + Sync>;

pub struct Context<'a> {
    pub project: &'a Project,
    pub reference: &'a Reference,
    pub texts: Vec<TextRef<'a>>,
    /// Indices into `texts` per jurisdiction, in source order.
    pub by_jurisdiction: Vec<Vec<usize>>,
    /// `(file, span start, index into texts)`, sorted, for [`Context::text_at`].
    by_span: Vec<(FileId, usize, usize)>,
    /// Analyses shared by several rules, computed once (see [`Context::memo`]).
    memo: Mutex<FxHashMap<TypeId, Arc<OnceLock<Shared>>>>,
}

impl<'a> Context<'a> {
    pub fn new(project: &'a Project, reference: &'a Reference) -> Self {
        let texts = collect_texts(project);
        let mut by_jurisdiction = vec![Vec::new(); project.jurisdictions.len()];
        for (i, t) in texts.iter().enumerate() {
            by_jurisdiction[t.jurisdiction].push(i);
        }
        let mut by_span: Vec<(FileId, usize, usize)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.file, t.span.start, i))
            .collect();
        by_span.sort_unstable();
        Context {
            project,
            reference,
            texts,
            by_jurisdiction,
            by_span,
            memo: Mutex::default(),
        }
    }

    /// An analysis shared by several rules (they run in parallel): computed by the first rule that
    /// asks, once per lint run; the others wait for it. One value per type.
    pub fn memo<T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Arc<T> {
        let cell = {
            let mut map = self.memo.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(TypeId::of::<T>()).or_default().clone()
        };
        let value = cell.get_or_init(|| Arc::new(init()) as Shared).clone();
        value.downcast::<T>().expect("one type per memo key")
    }

    /// The texts of one jurisdiction (its own literals), with their indices in `texts`.
    pub fn texts_in(
        &self,
        jurisdiction: usize,
    ) -> impl Iterator<Item = (usize, &TextRef<'a>)> + '_ {
        self.by_jurisdiction[jurisdiction]
            .iter()
            .map(move |&i| (i, &self.texts[i]))
    }

    /// The index of the text whose literal starts at `start` in `file` (a value's `Spanned::span`).
    pub fn text_at(&self, file: FileId, start: usize) -> Option<usize> {
        self.by_span
            .binary_search_by(|(f, s, _)| (*f, *s).cmp(&(file, start)))
            .ok()
            .map(|k| self.by_span[k].2)
    }

    pub fn item(&self, text: &TextRef) -> Option<&'a ResolvedItem> {
        text.item
            .map(|i| &self.project.jurisdictions[text.jurisdiction].items[i])
    }

    /// Texts of one field name.
    pub fn texts_of<'s>(&'s self, field: &'s str) -> impl Iterator<Item = &'s TextRef<'a>> + 's {
        self.texts.iter().filter(move |t| t.field == field)
    }

    /// Source span of `range` (a byte range inside `text.value`), accounting for quotes and escapes.
    pub fn locate(&self, text: &TextRef, range: Range<usize>) -> Range<usize> {
        let source = self.project.sources.text(text.file);
        let literal = source.get(text.span.clone()).unwrap_or_default();
        let map = value_to_source(literal);
        let at = |i: usize| text.span.start + map.get(i).copied().unwrap_or(literal.len());
        let start = at(range.start);
        let end = if range.end > range.start {
            // End of the last character, not the start of the one after it (escapes may follow).
            let last = text.value[..range.end]
                .char_indices()
                .last()
                .map_or(range.start, |(i, _)| i);
            let last_len = text.value[last..].chars().next().map_or(0, char::len_utf8);
            at(last) + last_len.max(1).min(literal.len())
        } else {
            start
        };
        start..end.max(start)
    }
}

/// For each byte offset of the decoded value, the byte offset in the literal (plus one past the end).
fn value_to_source(literal: &str) -> Vec<usize> {
    let (open, basic) = if literal.starts_with("\"\"\"") {
        (3, true)
    } else if literal.starts_with("'''") {
        (3, false)
    } else if literal.starts_with('"') {
        (1, true)
    } else if literal.starts_with('\'') {
        (1, false)
    } else {
        (0, false)
    };
    let close = if literal.len() >= 2 * open { open } else { 0 };
    let body = &literal[open..literal.len() - close];
    let mut map = Vec::with_capacity(body.len() + 1);
    let mut i = 0;
    // A newline right after the opening delimiter of a multi-line string is not part of the value.
    if open == 3 {
        if body.starts_with("\r\n") {
            i = 2;
        } else if body.starts_with('\n') {
            i = 1;
        }
    }
    let bytes = body.as_bytes();
    while i < body.len() {
        if basic && bytes[i] == b'\\' && i + 1 < body.len() {
            let next = bytes[i + 1];
            let (decoded_len, consumed) = match next {
                b'u' => (decode_len(&body[i + 2..], 4), 6),
                b'U' => (decode_len(&body[i + 2..], 8), 10),
                b'\n' | b' ' | b'\t' | b'\r' => {
                    // Line-ending backslash: skip all whitespace that follows.
                    let rest = &body[i + 1..];
                    let skip = rest.len() - rest.trim_start().len();
                    i += 1 + skip;
                    continue;
                }
                _ => (1, 2),
            };
            for _ in 0..decoded_len {
                map.push(open + i);
            }
            i += consumed.min(body.len() - i);
            continue;
        }
        let ch_len = body[i..].chars().next().map_or(1, char::len_utf8);
        for k in 0..ch_len {
            map.push(open + i + k);
        }
        i += ch_len;
    }
    map.push(open + body.len());
    map
}

fn decode_len(hex: &str, digits: usize) -> usize {
    hex.get(..digits)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .and_then(char::from_u32)
        .map_or(1, char::len_utf8)
}

/// Adds one literal, once: a value shared by several items (defaults) is visited at its first use.
struct Collector<'a> {
    out: Vec<TextRef<'a>>,
    seen: FxHashSet<(FileId, usize)>,
}

impl<'a> Collector<'a> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        ji: usize,
        item: Option<(usize, &ResolvedItem)>,
        field: &'static str,
        index: usize,
        file: FileId,
        t: &'a Spanned<String>,
    ) {
        if self.seen.insert((file, t.span().start)) {
            self.out.push(TextRef {
                jurisdiction: ji,
                item: item.map(|(i, _)| i),
                item_key: item.map(|(_, r)| r.key.clone()),
                field,
                index,
                file,
                span: t.span(),
                value: t.get_ref(),
            });
        }
    }
}

fn collect_texts(project: &Project) -> Vec<TextRef<'_>> {
    let mut c = Collector {
        out: Vec::new(),
        seen: FxHashSet::default(),
    };
    for (ji, j) in project.jurisdictions.iter().enumerate() {
        // Jurisdiction-level texts.
        let d = &j.data;
        for (field, t) in [
            ("jurisdiction.agency", &d.agency),
            ("jurisdiction.guide_title", &d.guide_title),
            ("jurisdiction.edition", &d.edition),
            ("jurisdiction.supervision_phone", &d.supervision_phone),
            ("jurisdiction.notes", &d.notes),
        ] {
            if let Some(t) = t {
                c.push(ji, None, field, 0, j.file, t);
            }
        }
        for (k, o) in d.offices.iter().enumerate() {
            c.push(ji, None, "jurisdiction.office.name", k, j.file, &o.name);
            for (field, t) in [
                ("jurisdiction.office.address", &o.address),
                ("jurisdiction.office.phone", &o.phone),
            ] {
                if let Some(t) = t {
                    c.push(ji, None, field, k, j.file, t);
                }
            }
        }
        for (k, p) in d.portals.iter().enumerate() {
            c.push(ji, None, "jurisdiction.portal.name", k, j.file, &p.name);
            if let Some(url) = &p.url {
                c.push(ji, None, "jurisdiction.portal.url", k, j.file, url);
            }
        }
        for (k, p) in d.contacts.iter().enumerate() {
            for (field, t) in [
                ("jurisdiction.contact.name", &p.name),
                ("jurisdiction.contact.title", &p.title),
                ("jurisdiction.contact.phone", &p.phone),
            ] {
                if let Some(t) = t {
                    c.push(ji, None, field, k, j.file, t);
                }
            }
        }

        // 主项 names as published in this jurisdiction's files.
        for (file, main) in &j.mains {
            let before = c.out.len();
            c.push(ji, None, "main.name", 0, *file, &main.name);
            if let Some(t) = c.out.get_mut(before) {
                t.item_key = Some(main.code.get_ref().clone());
            }
        }

        for (ii, item) in j.items.iter().enumerate() {
            let it = Some((ii, item));
            // Only values this jurisdiction wrote itself: inherited ones are visited at their source.
            let own = |field: &str| item.origin_of(field).is_some_and(|o| o.jurisdiction == ji);
            let file = |field: &str| item.file_of(field);
            for (field, t) in item_texts(&item.item) {
                if own(field) {
                    c.push(ji, it, field, 0, file(field), t);
                }
            }
            for (field, list) in [
                ("materials", &item.item.materials),
                ("legal_basis", &item.item.legal_basis),
            ] {
                if let (true, Some(list)) = (own(field), list) {
                    for (k, t) in list.iter().enumerate() {
                        c.push(ji, it, field, k, file(field), t);
                    }
                }
            }
            for (field, person) in [
                ("consult", &item.item.consult),
                ("supervision", &item.item.supervision),
                ("contact", &item.item.contact),
            ] {
                if let (true, Some(p)) = (own(field), person) {
                    for (sub, t) in person_texts(field, p.get_ref()) {
                        c.push(ji, it, sub, 0, file(field), t);
                    }
                }
            }
            if let Some(origin) = item.flows_origin.filter(|o| o.jurisdiction == ji) {
                for (fi, flow) in item.flows.iter().enumerate() {
                    let flow = flow.get_ref();
                    if let Some(t) = &flow.title {
                        c.push(ji, it, "flow.title", fi, origin.file, t);
                    }
                    for t in &flow.caption {
                        c.push(ji, it, "flow.caption", fi, origin.file, t);
                    }
                    for n in &flow.nodes {
                        c.push(ji, it, "flow.node", fi, origin.file, &n.get_ref().text);
                    }
                    for e in &flow.edges {
                        if let Some(t) = &e.get_ref().label {
                            c.push(ji, it, "flow.edge", fi, origin.file, t);
                        }
                    }
                }
            }
        }
    }
    c.out
}

/// The single-string fields of an item, by name.
pub fn item_texts(item: &Item) -> Vec<(&'static str, &Spanned<String>)> {
    [
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
    ]
    .into_iter()
    .filter_map(|(f, t)| t.as_ref().map(|t| (f, t)))
    .collect()
}

fn person_texts<'p>(field: &str, p: &'p Person) -> Vec<(&'static str, &'p Spanned<String>)> {
    let names: [&'static str; 3] = match field {
        "consult" => ["consult.name", "consult.title", "consult.phone"],
        "supervision" => ["supervision.name", "supervision.title", "supervision.phone"],
        _ => ["contact.name", "contact.title", "contact.phone"],
    };
    [
        (names[0], &p.name),
        (names[1], &p.title),
        (names[2], &p.phone),
    ]
    .into_iter()
    .filter_map(|(f, t)| t.as_ref().map(|t| (f, t)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::value_to_source;

    #[test]
    fn maps_through_quotes_and_escapes() {
        let lit = r#""a\nb参""#;
        let map = value_to_source(lit);
        // value: a, \n, b, 参(3 bytes)
        assert_eq!(map[0], 1);
        assert_eq!(map[1], 2); // the escape starts at the backslash
        assert_eq!(map[2], 4);
        assert_eq!(map[3], 5);
        assert_eq!(*map.last().unwrap(), lit.len() - 1);
    }

    #[test]
    fn multiline_skips_first_newline() {
        let lit = "\"\"\"\nab\"\"\"";
        let map = value_to_source(lit);
        assert_eq!(map[0], 4);
    }
}
