//! What a rule sees: the resolved project, the reference data, and every string literal of the
//! sources exactly once (so a catalog text inherited by 30 counties is reported once, at its source).

use std::ops::Range;
use std::sync::{Arc, Mutex};

use crate::text::span;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Field, FieldValue, Item, PersonPart, Spanned};
use crate::resolve::{Project, ResolvedItem};
use crate::source::{FileId, LiteralMap, plain_literal_range, plain_offsets};

use super::Reference;
use super::analysis::Analyses;

/// One string literal of the sources and what it belongs to.
#[derive(Debug, Clone)]
pub struct TextRef<'a> {
    pub jurisdiction: usize,
    /// Index into the jurisdiction's `items`, when the text belongs to an item.
    pub item: Option<usize>,
    pub item_key: Option<String>,
    /// Which field the text is: `materials`, `consult.phone`, `flow.node`, `jurisdiction.portal.url`,
    /// a 主项's name (with the 主项 code as `item_key`), …
    pub field: FieldPath,
    /// Position in a list field (materials, legal_basis), or the flow index for `flow.*`.
    pub index: usize,
    pub file: FileId,
    /// Span of the whole TOML string literal, quotes included.
    pub span: Range<usize>,
    pub value: &'a str,
}

/// Where a text sits in the sources, typed: rules compare these, never field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldPath {
    /// An item's text field, or one entry of its list field (`materials`, `legal_basis`).
    Item(Field),
    /// A part of one of an item's persons: `consult.phone`, `supervision.name`, …
    Person(Field, PersonPart),
    /// A text of one of the item's flowcharts.
    Flow(FlowPart),
    /// A text of `jurisdiction.toml`.
    Jurisdiction(JurisdictionPart),
    /// A 主项's name as published.
    MainName,
}

/// The dotted path as authors know it (`consult.phone`, `flow.node`, `jurisdiction.office.name`),
/// for messages.
impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldPath::Item(field) => write!(f, "{field}"),
            FieldPath::Person(field, part) => write!(f, "{field}.{}", part.name()),
            FieldPath::Flow(part) => write!(f, "flow.{}", part.name()),
            FieldPath::Jurisdiction(part) => write!(f, "jurisdiction.{}", part.name()),
            FieldPath::MainName => f.write_str("main.name"),
        }
    }
}

/// The texts of a flowchart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowPart {
    Title,
    Caption,
    /// A node's text.
    Node,
    /// An edge's label.
    Edge,
}

/// The texts of `jurisdiction.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JurisdictionPart {
    Agency,
    GuideTitle,
    Edition,
    SupervisionPhone,
    Notes,
    OfficeName,
    OfficeAddress,
    OfficePhone,
    PortalName,
    PortalUrl,
    Contact(PersonPart),
}

impl FlowPart {
    /// The key in `[[item.flow]]`.
    pub fn name(self) -> &'static str {
        match self {
            FlowPart::Title => "title",
            FlowPart::Caption => "caption",
            FlowPart::Node => "node",
            FlowPart::Edge => "edge",
        }
    }
}

impl JurisdictionPart {
    /// The path in `jurisdiction.toml`.
    pub fn name(self) -> String {
        let part = |p: &str| p.to_string();
        match self {
            JurisdictionPart::Agency => part("agency"),
            JurisdictionPart::GuideTitle => part("guide_title"),
            JurisdictionPart::Edition => part("edition"),
            JurisdictionPart::SupervisionPhone => part("supervision_phone"),
            JurisdictionPart::Notes => part("notes"),
            JurisdictionPart::OfficeName => part("office.name"),
            JurisdictionPart::OfficeAddress => part("office.address"),
            JurisdictionPart::OfficePhone => part("office.phone"),
            JurisdictionPart::PortalName => part("portal.name"),
            JurisdictionPart::PortalUrl => part("portal.url"),
            JurisdictionPart::Contact(p) => format!("contact.{}", p.name()),
        }
    }
}

impl FieldPath {
    /// A person's or an office's name, a portal's name or a 主项's name.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            FieldPath::Person(_, PersonPart::Name)
                | FieldPath::Jurisdiction(
                    JurisdictionPart::OfficeName
                        | JurisdictionPart::PortalName
                        | JurisdictionPart::Contact(PersonPart::Name)
                )
                | FieldPath::MainName
        )
    }

    /// A person's title (职务) or a flowchart's title.
    pub fn is_title(self) -> bool {
        matches!(
            self,
            FieldPath::Person(_, PersonPart::Title)
                | FieldPath::Flow(FlowPart::Title)
                | FieldPath::Jurisdiction(JurisdictionPart::Contact(PersonPart::Title))
        )
    }

    /// A person's or an office's phone (not the jurisdiction's `supervision_phone`).
    pub fn is_phone(self) -> bool {
        matches!(
            self,
            FieldPath::Person(_, PersonPart::Phone)
                | FieldPath::Jurisdiction(
                    JurisdictionPart::OfficePhone | JurisdictionPart::Contact(PersonPart::Phone)
                )
        )
    }
}

pub struct Context<'a> {
    pub project: &'a Project,
    pub reference: &'a Reference,
    pub texts: Vec<TextRef<'a>>,
    /// Indices into `texts` per jurisdiction, in source order.
    pub by_jurisdiction: Vec<Vec<usize>>,
    /// `(file, span start, index into texts)`, sorted, for [`Context::text_at`].
    by_span: Vec<(FileId, usize, usize)>,
    /// Analyses shared by several rules, each computed once, on first use.
    pub analyses: Analyses,
    /// Maps of literals with escapes, built on first use (see [`Context::locate`]).
    maps: Mutex<LiteralMaps>,
}

/// Literal maps by (file, span start); `None` when the literal has no escapes.
type LiteralMaps = FxHashMap<(FileId, usize), Arc<LiteralKind>>;

/// A literal without escapes maps by offset; one with escapes through its [`LiteralMap`] (`None`:
/// not mappable).
enum LiteralKind {
    Plain,
    Escaped(Option<LiteralMap>),
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
            analyses: Analyses::default(),
            maps: Mutex::default(),
        }
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

    /// Texts of one field.
    pub fn texts_of<'s>(&'s self, field: FieldPath) -> impl Iterator<Item = &'s TextRef<'a>> + 's {
        self.texts.iter().filter(move |t| t.field == field)
    }

    /// Source span of `range` (a byte range inside `text.value`), accounting for quotes and escapes:
    /// the span always covers whole source tokens (all of `\u5B83`, never half of it). A range outside
    /// the value or not on character boundaries is snapped to whole characters inside it first
    /// ([`span::snap`]): a rule's off-by-one never panics.
    pub fn locate(&self, text: &TextRef, range: Range<usize>) -> Range<usize> {
        let range = span::snap(text.value, range);
        let source = self.project.sources.text(text.file);
        let literal = source.get(text.span.clone()).unwrap_or_default();
        // Whether the literal has escapes is decided once per literal (a search of the whole
        // literal per finding is quadratic on a long field with many findings).
        let map = {
            let mut maps = self.maps.lock().unwrap_or_else(|e| e.into_inner());
            maps.entry((text.file, text.span.start))
                .or_insert_with(|| {
                    Arc::new(if plain_literal_range(literal, 0..0).is_some() {
                        LiteralKind::Plain
                    } else {
                        LiteralKind::Escaped(LiteralMap::new(literal, text.value))
                    })
                })
                .clone()
        };
        match map.as_ref() {
            LiteralKind::Plain => {
                let r = plain_offsets(literal, range);
                text.span.start + r.start..text.span.start + r.end
            }
            LiteralKind::Escaped(Some(map)) => {
                let r = map.source_range(range);
                text.span.start + r.start..text.span.start + r.end
            }
            // Not a literal we can map (never expected): the whole literal.
            LiteralKind::Escaped(None) => text.span.clone(),
        }
    }
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
        field: FieldPath,
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
        collect_jurisdiction(&mut c, ji, j);
        for (ii, item) in j.items.iter().enumerate() {
            collect_item(&mut c, ji, ii, item);
        }
    }
    c.out
}

/// The texts of `jurisdiction.toml` and the 主项 names of the jurisdiction's files.
fn collect_jurisdiction<'a>(c: &mut Collector<'a>, ji: usize, j: &'a crate::resolve::Jurisdiction) {
    use JurisdictionPart as J;
    let d = &j.data;
    for (part, t) in [
        (J::Agency, &d.agency),
        (J::GuideTitle, &d.guide_title),
        (J::Edition, &d.edition),
        (J::SupervisionPhone, &d.supervision_phone),
        (J::Notes, &d.notes),
    ] {
        if let Some(t) = t {
            c.push(ji, None, FieldPath::Jurisdiction(part), 0, j.file, t);
        }
    }
    for (k, o) in d.offices.iter().enumerate() {
        c.push(
            ji,
            None,
            FieldPath::Jurisdiction(J::OfficeName),
            k,
            j.file,
            &o.name,
        );
        for (part, t) in [(J::OfficeAddress, &o.address), (J::OfficePhone, &o.phone)] {
            if let Some(t) = t {
                c.push(ji, None, FieldPath::Jurisdiction(part), k, j.file, t);
            }
        }
    }
    for (k, p) in d.portals.iter().enumerate() {
        c.push(
            ji,
            None,
            FieldPath::Jurisdiction(J::PortalName),
            k,
            j.file,
            &p.name,
        );
        if let Some(url) = &p.url {
            c.push(
                ji,
                None,
                FieldPath::Jurisdiction(J::PortalUrl),
                k,
                j.file,
                url,
            );
        }
    }
    for (k, p) in d.contacts.iter().enumerate() {
        for part in PersonPart::ALL {
            if let Some(t) = part.of(p) {
                c.push(
                    ji,
                    None,
                    FieldPath::Jurisdiction(J::Contact(part)),
                    k,
                    j.file,
                    t,
                );
            }
        }
    }

    // 主项 names as published in this jurisdiction's files.
    for (file, main) in &j.mains {
        let before = c.out.len();
        c.push(ji, None, FieldPath::MainName, 0, *file, &main.name);
        if let Some(t) = c.out.get_mut(before) {
            t.item_key = Some(main.code.get_ref().clone());
        }
    }
}

/// The texts an item of jurisdiction `ji` wrote itself: inherited ones are visited at their source.
fn collect_item<'a>(c: &mut Collector<'a>, ji: usize, ii: usize, item: &'a ResolvedItem) {
    let it = Some((ii, item));
    let own = |field: Field| item.origin_of(field).is_some_and(|o| o.jurisdiction == ji);
    // Single texts first, then list entries, then persons: the order rules see texts in.
    for (field, t) in item_texts(&item.item) {
        if own(field) {
            c.push(ji, it, FieldPath::Item(field), 0, item.file_of(field), t);
        }
    }
    // Materials and legal basis first, then the other lists (channels).
    let lists =
        [Field::Materials, Field::LegalBasis]
            .into_iter()
            .chain(Field::ALL.iter().copied().filter(|f| {
                !matches!(f, Field::Materials | Field::LegalBasis)
                    && matches!(item.item.get(*f), FieldValue::List(_))
            }));
    for field in lists {
        if let (true, FieldValue::List(Some(list))) = (own(field), item.item.get(field)) {
            for (k, t) in list.iter().enumerate() {
                c.push(ji, it, FieldPath::Item(field), k, item.file_of(field), t);
            }
        }
    }
    // Materials by case and structured legal basis: each text, numbered through the field.
    let field = Field::MaterialGroups;
    if let (true, FieldValue::Groups(Some(groups))) = (own(field), item.item.get(field)) {
        let texts = groups
            .iter()
            .flat_map(|g| std::iter::once(&g.get_ref().case).chain(&g.get_ref().materials));
        for (k, t) in texts.enumerate() {
            c.push(ji, it, FieldPath::Item(field), k, item.file_of(field), t);
        }
    }
    let field = Field::LegalRefs;
    if let (true, FieldValue::Refs(Some(refs))) = (own(field), item.item.get(field)) {
        let texts = refs.iter().flat_map(|r| {
            let r = r.get_ref();
            std::iter::once(&r.title)
                .chain(r.number.as_ref())
                .chain(&r.articles)
        });
        for (k, t) in texts.enumerate() {
            c.push(ji, it, FieldPath::Item(field), k, item.file_of(field), t);
        }
    }
    for &field in Field::ALL {
        if let (true, FieldValue::Person(Some(p))) = (own(field), item.item.get(field)) {
            for part in PersonPart::ALL {
                if let Some(t) = part.of(p.get_ref()) {
                    let path = FieldPath::Person(field, part);
                    c.push(ji, it, path, 0, item.file_of(field), t);
                }
            }
        }
    }
    if let Some(origin) = item.flows_origin.filter(|o| o.jurisdiction == ji) {
        for (fi, flow) in item.flows.iter().enumerate() {
            let flow = flow.get_ref();
            let mut push = |part, t| c.push(ji, it, FieldPath::Flow(part), fi, origin.file, t);
            if let Some(t) = &flow.title {
                push(FlowPart::Title, t);
            }
            for t in &flow.caption {
                push(FlowPart::Caption, t);
            }
            for n in &flow.nodes {
                push(FlowPart::Node, &n.get_ref().text);
            }
            for e in &flow.edges {
                if let Some(t) = &e.get_ref().label {
                    push(FlowPart::Edge, t);
                }
            }
        }
    }
}

/// The single-string fields of an item.
pub fn item_texts(item: &Item) -> Vec<(Field, &Spanned<String>)> {
    Field::ALL
        .iter()
        .filter(|f| f.inherits())
        .filter_map(|&f| match item.get(f) {
            FieldValue::Text(Some(t)) => Some((f, t)),
            _ => None,
        })
        .collect()
}
