//! Which jurisdictions print a finding's text.
//!
//! A text is written once (in the catalog, a city's item, a county's `[defaults]`) but printed by every
//! jurisdiction whose resolved items take it: a defect in a city's item is in the guide of each county
//! that inherits the item. The lint reports a finding once, at the text's source, and lists the
//! jurisdictions it affects; `lint --only X` keeps the findings that affect X.
//!
//! The map is built from the resolve stage's origins: each resolved field knows the file its value
//! comes from, and the value's span is a span of that file.

use std::collections::HashMap;
use std::ops::Range;

use super::context::item_texts;
use crate::model::{Field, Person, Spanned};
use crate::resolve::{Project, ResolvedItem};
use crate::source::FileId;

/// Every printed string literal: per file, `(start, end, jurisdictions)` sorted by start.
#[derive(Debug, Default)]
pub struct Printed {
    by_file: HashMap<FileId, Vec<(usize, usize, Vec<usize>)>>,
    /// Jurisdiction index → its position in tree order (for listing).
    rank: Vec<usize>,
}

impl Printed {
    pub fn new(project: &Project) -> Self {
        let mut raw: HashMap<FileId, Vec<(usize, usize, usize)>> = HashMap::new();
        for (ji, j) in project.jurisdictions.iter().enumerate() {
            for item in &j.items {
                for (file, span) in printed_spans(item) {
                    raw.entry(file)
                        .or_default()
                        .push((span.start, span.end, ji));
                }
            }
        }
        let by_file = raw
            .into_iter()
            .map(|(file, mut spans)| {
                spans.sort_unstable();
                let mut grouped: Vec<(usize, usize, Vec<usize>)> = Vec::new();
                for (start, end, ji) in spans {
                    match grouped.last_mut() {
                        Some(last) if last.0 == start && last.1 == end => {
                            if !last.2.contains(&ji) {
                                last.2.push(ji);
                            }
                        }
                        _ => grouped.push((start, end, vec![ji])),
                    }
                }
                (file, grouped)
            })
            .collect();
        let mut rank = vec![usize::MAX; project.jurisdictions.len()];
        for (pos, j) in project.tree_order().into_iter().enumerate() {
            rank[j] = pos;
        }
        Printed { by_file, rank }
    }

    /// The jurisdictions that print the text at `span` of `file`, in tree order. `owner` (the
    /// jurisdiction that wrote it) is always one of them: its own outputs print its own text, and a
    /// finding outside any printed literal (a whole item table, a config key) concerns the owner only.
    pub fn affected(&self, file: FileId, span: &Range<usize>, owner: usize) -> Vec<usize> {
        let mut out = vec![owner];
        if let Some(spans) = self.by_file.get(&file) {
            // The last literal starting at or before the finding; literals of one file never overlap.
            let k = spans.partition_point(|(start, _, _)| *start <= span.start);
            if k > 0 {
                let (start, end, js) = &spans[k - 1];
                if span.start >= *start && span.end <= *end {
                    out.extend(js.iter().copied());
                }
            }
        }
        out.sort_by_key(|&j| self.rank.get(j).copied().unwrap_or(usize::MAX));
        out.dedup();
        out
    }
}

/// Every string an item prints, with the file its value comes from.
fn printed_spans(item: &ResolvedItem) -> Vec<(FileId, Range<usize>)> {
    let mut out = Vec::new();
    let it = &item.item;
    for (field, text) in item_texts(it) {
        out.push((item.file_of(field), text.span()));
    }
    for (field, list) in [
        (Field::Materials, &it.materials),
        (Field::LegalBasis, &it.legal_basis),
    ] {
        for text in list.iter().flatten() {
            out.push((item.file_of(field), text.span()));
        }
    }
    for (field, person) in [
        (Field::Consult, &it.consult),
        (Field::Supervision, &it.supervision),
        (Field::Contact, &it.contact),
    ] {
        if let Some(person) = person {
            for text in person_texts(person) {
                out.push((item.file_of(field), text.span()));
            }
        }
    }
    if let Some(origin) = item.flows_origin {
        for flow in &item.flows {
            let flow = flow.get_ref();
            let texts = flow
                .title
                .iter()
                .chain(&flow.caption)
                .chain(flow.nodes.iter().map(|n| &n.get_ref().text))
                .chain(flow.edges.iter().filter_map(|e| e.get_ref().label.as_ref()));
            for text in texts {
                out.push((origin.file, text.span()));
            }
        }
    }
    if let Some((file, main)) = &item.main {
        out.push((*file, main.name.span()));
    }
    out
}

fn person_texts(person: &Spanned<Person>) -> impl Iterator<Item = &Spanned<String>> {
    let p = person.get_ref();
    [&p.name, &p.title, &p.phone].into_iter().flatten()
}
