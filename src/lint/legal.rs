//! The law registry as the citation rules (ZN2xx) use it: citations of a text matched against the
//! documents of `laws.toml` by title and by number, and issuers of `issuers.toml` by name and 机关代字.
//!
//! Nothing here knows a particular document: every fact comes from the reference data.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use crate::text::citation::{self, Citation, DocNumber};
use crate::text::edit_distance;

use super::reference::{Issuer, Law, Reference};

/// A title reduced to what identifies it: no whitespace, no 、，· separators, no 书名号 of any kind,
/// full-width parentheses. `卫生部、财政部` and `卫生部 财政部` compare equal.
pub fn norm_title(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '、' | '，' | ',' | '·' | '《' | '》' | '〈' | '〉' | '\u{3000}'
                )
        })
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// A document number reduced to what identifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumKey {
    Wenhao {
        agency: String,
        year: Option<u32>,
        serial: Option<u64>,
    },
    Order {
        /// Canonical issuer names, sorted.
        issuers: Vec<String>,
        number: Option<u64>,
    },
}

impl NumKey {
    /// The number as it should be written.
    pub fn display(&self) -> String {
        match self {
            NumKey::Wenhao {
                agency,
                year,
                serial,
            } => format!(
                "{agency}〔{}〕{}号",
                year.map_or("?".into(), |y| y.to_string()),
                serial.map_or("?".into(), |s| s.to_string())
            ),
            NumKey::Order { issuers, number } => format!(
                "{}令第{}号",
                issuers.join("、"),
                number.map_or("?".into(), |n| n.to_string())
            ),
        }
    }
}

/// How a cited number relates to a registry number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberRelation {
    Same,
    /// Same order number, but issuers are missing from the cited designation.
    MissingIssuer,
    Different,
}

/// The registry, indexed: a view of the reference data and of its index, which is built once per
/// lint run and shared by the rules (`Context::analyses`).
#[derive(Clone)]
pub struct LawIndex<'r> {
    pub reference: &'r Reference,
    data: Arc<IndexData>,
}

/// What the index owns (shareable between rules and threads).
pub(crate) struct IndexData {
    /// (normalised title or alias, law, alias index or `None` for the title).
    titles: Vec<(String, usize, Option<usize>)>,
    /// Character masks and lengths of `titles` (quick tests before edit distances).
    masks: Vec<(u128, usize)>,
    /// Numbers of each law (its number and other numbers).
    numbers: Vec<Vec<NumKey>>,
    /// Every known 机关代字, longest first.
    prefixes: Vec<String>,
}

impl IndexData {
    fn build(reference: &Reference) -> IndexData {
        let mut data = IndexData {
            titles: Vec::new(),
            masks: Vec::new(),
            numbers: Vec::new(),
            prefixes: reference
                .issuers
                .iter()
                .flat_map(|i| i.prefixes.iter().cloned())
                .collect(),
        };
        for (li, law) in reference.laws.iter().enumerate() {
            data.titles.push((norm_title(&law.title), li, None));
            for (ai, a) in law.aliases.iter().enumerate() {
                data.titles.push((norm_title(a), li, Some(ai)));
            }
        }
        data.masks = data
            .titles
            .iter()
            .map(|(t, _, _)| (mask(t), t.chars().count()))
            .collect();
        // Agencies of registry numbers are known prefixes too.
        for law in &reference.laws {
            for n in law.number.iter().chain(&law.other_numbers) {
                for d in citation::numbers(n) {
                    if let DocNumber::Wenhao(w) = &d {
                        data.prefixes.push(n[w.agency.clone()].to_string());
                    }
                }
            }
        }
        data.prefixes
            .sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        // Keys of the registry's own numbers (computing them needs the prefixes above).
        let index = LawIndex {
            reference,
            data: Arc::new(data),
        };
        let numbers: Vec<Vec<NumKey>> = reference
            .laws
            .iter()
            .map(|law| {
                law.number
                    .iter()
                    .chain(&law.other_numbers)
                    .flat_map(|n| {
                        citation::numbers(n)
                            .into_iter()
                            .map(|d| index.key_of(n, &d))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            })
            .collect();
        let mut data = Arc::try_unwrap(index.data).unwrap_or_else(|_| unreachable!("not shared"));
        data.numbers = numbers;
        data
    }
}

impl<'r> LawIndex<'r> {
    /// The registry of a lint run, indexed once and shared by the rules.
    pub fn of(ctx: &super::Context<'r>) -> LawIndex<'r> {
        let reference = ctx.reference;
        LawIndex {
            reference,
            data: ctx
                .analyses
                .law_index
                .get_or_init(|| Arc::new(IndexData::build(reference)))
                .clone(),
        }
    }

    pub fn new(reference: &'r Reference) -> Self {
        LawIndex {
            reference,
            data: Arc::new(IndexData::build(reference)),
        }
    }

    /// A title or alias of the registry as written.
    fn raw_title(&self, law: usize, alias: Option<usize>) -> &'r str {
        let l = &self.reference.laws[law];
        alias.map_or(&l.title, |a| &l.aliases[a])
    }

    pub fn law(&self, i: usize) -> &'r Law {
        &self.reference.laws[i]
    }

    /// The law whose title or alias is exactly `title` (after normalisation).
    pub fn by_title(&self, title: &str) -> Option<usize> {
        let n = norm_title(title);
        self.data
            .titles
            .iter()
            .find(|(t, _, _)| *t == n)
            .map(|&(_, li, _)| li)
    }

    /// The registry title (or alias) `title` is a near miss of: one or two characters off, words
    /// swapped, or a few characters missing or added. Returns the law and the title it is close to.
    pub fn near_title(&self, title: &str) -> Option<(usize, &'r str)> {
        let n = norm_title(title);
        let len = n.chars().count();
        if len < 6 {
            return None;
        }
        let m = mask(&n);
        self.data
            .titles
            .iter()
            .zip(&self.data.masks)
            // near() allows at most 4 characters of difference in length and at most 4 characters
            // that one title has and the other lacks: cheap tests first.
            .filter(|(_, (tm, tl))| {
                tl.abs_diff(len) <= 4
                    && (m & !*tm).count_ones() <= 4
                    && (*tm & !m).count_ones() <= 4
            })
            .map(|(t, _)| t)
            .filter(|(t, _, _)| near(&n, t))
            .min_by_key(|(t, _, _)| edit_distance(&n, t))
            .map(|&(_, li, alias)| (li, self.raw_title(li, alias)))
    }

    /// The canonical name of an issuer named `name` (name, alias, with or without 中华人民共和国).
    pub fn canonical_issuer(&self, name: &str) -> Option<&'r str> {
        let name = name.trim();
        let find = |n: &str| {
            self.reference
                .issuers
                .iter()
                .find(|i| i.name == n || i.aliases.iter().any(|a| a == n))
                .map(|i| i.name.as_str())
        };
        find(name).or_else(|| name.strip_prefix("中华人民共和国").and_then(find))
    }

    /// The canonical name of the issuer a run of text ends with (依据国务院 → 国务院).
    fn issuer_suffix(&self, run: &str) -> Option<&'r str> {
        let mut best: Option<(usize, &'r str)> = None;
        for i in &self.reference.issuers {
            for n in std::iter::once(&i.name).chain(&i.aliases) {
                if run.ends_with(n.as_str()) && best.is_none_or(|(l, _)| n.len() > l) {
                    best = Some((n.len(), i.name.as_str()));
                }
            }
        }
        best.map(|(_, n)| n)
    }

    /// The known 机关代字 that a run of text ends with (和劳社厅发 → 劳社厅发), else the run.
    pub fn agency<'t>(&self, run: &'t str) -> &'t str {
        self.data
            .prefixes
            .iter()
            .find(|p| run.ends_with(p.as_str()))
            .map_or(run, |p| &run[run.len() - p.len()..])
    }

    /// Issuers that use the 机关代字 `agency`.
    pub fn issuers_with_prefix(&self, agency: &str) -> Vec<&'r Issuer> {
        self.reference
            .issuers
            .iter()
            .filter(|i| i.prefixes.iter().any(|p| p == agency))
            .collect()
    }

    /// The key of a number found in `text`.
    pub fn key_of(&self, text: &str, number: &DocNumber) -> NumKey {
        match number {
            DocNumber::Wenhao(w) => NumKey::Wenhao {
                agency: self.agency(&text[w.agency.clone()]).to_string(),
                year: w.year_value,
                serial: w.serial_value,
            },
            DocNumber::Order(o) => {
                let names = o.issuer_names(text);
                let last = names.len().saturating_sub(1);
                let mut issuers: Vec<String> = names
                    .iter()
                    .enumerate()
                    .map(|(k, (_, n))| {
                        self.canonical_issuer(n)
                            // In running text the first name may start with other words.
                            .or_else(|| {
                                (k == 0 || k == last)
                                    .then(|| self.issuer_suffix(n))
                                    .flatten()
                            })
                            .map_or_else(|| n.to_string(), str::to_string)
                    })
                    .collect();
                issuers.sort();
                issuers.dedup();
                NumKey::Order {
                    issuers,
                    number: o.value,
                }
            }
        }
    }

    /// Numbers of a law.
    pub fn numbers_of(&self, law: usize) -> &[NumKey] {
        &self.data.numbers[law]
    }

    /// How a cited number relates to the numbers of `law` (the best relation over its numbers).
    pub fn relation(&self, law: usize, key: &NumKey) -> NumberRelation {
        let mut best = NumberRelation::Different;
        for k in &self.data.numbers[law] {
            let r = relate(key, k);
            if r == NumberRelation::Same {
                return r;
            }
            if r == NumberRelation::MissingIssuer {
                best = r;
            }
        }
        best
    }

    /// Laws that a number identifies.
    pub fn by_number(&self, key: &NumKey) -> Vec<usize> {
        (0..self.data.numbers.len())
            .filter(|&li| self.relation(li, key) == NumberRelation::Same)
            .collect()
    }

    /// Whether a citation of `law` is expected to give its number.
    pub fn expects_number(&self, law: usize) -> bool {
        let l = self.law(law);
        l.number.is_some() && l.cite_number != Some(false)
    }
}

/// A 128-bit set of the characters of a text (hashed), for quick dissimilarity tests.
fn mask(s: &str) -> u128 {
    s.chars().fold(0u128, |m, c| {
        m | 1u128 << ((c as u32).wrapping_mul(2_654_435_761) >> 25)
    })
}

fn relate(cited: &NumKey, law: &NumKey) -> NumberRelation {
    match (cited, law) {
        (a @ NumKey::Wenhao { .. }, b @ NumKey::Wenhao { .. }) if a == b => NumberRelation::Same,
        (
            NumKey::Order {
                issuers: ci,
                number: cn,
            },
            NumKey::Order {
                issuers: li,
                number: ln,
            },
        ) if cn == ln => {
            if ci == li {
                NumberRelation::Same
            } else if !ci.is_empty() && ci.iter().all(|c| li.contains(c)) {
                NumberRelation::MissingIssuer
            } else {
                NumberRelation::Different
            }
        }
        _ => NumberRelation::Different,
    }
}

/// Whether two normalised titles are near misses of each other.
pub fn near(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let short = la.min(lb);
    if short < 6 {
        return false;
    }
    let d = edit_distance(a, b);
    if d == 1 || (d == 2 && short >= 10) {
        return true;
    }
    // Words swapped: the same characters in another order.
    if la == lb {
        let mut x: Vec<char> = a.chars().collect();
        let mut y: Vec<char> = b.chars().collect();
        x.sort_unstable();
        y.sort_unstable();
        if x == y {
            return true;
        }
    }
    // Words missing or added: one is the other with up to 4 characters left out.
    let (s, l) = if la < lb { (a, b) } else { (b, a) };
    let diff = la.abs_diff(lb);
    diff > 0 && diff <= 4 && short >= 10 && is_subsequence(s, l)
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

/// How a citation's title was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleMatch {
    /// The title between 《》.
    Title,
    /// The title with the issuer words before it and the genre after it (…关于印发《X》的通知).
    Full,
    /// A title nested inside the title (〈X〉).
    Nested,
}

/// Which part of a citation a [`Cited`] is: a citation of running text, or one field of a
/// structured `legal_refs` entry (whose title, number and articles are separate TOML strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitePart {
    /// A citation parsed from running text (设定依据, notes, materials …).
    Text,
    /// The `title` of a `legal_refs` entry: `key` and `number_laws` come from the entry's `number`.
    RefTitle,
    /// The `number` of a `legal_refs` entry: `law` is the document the entry's title names.
    RefNumber,
    /// One of the `articles` of a `legal_refs` entry: `law` is the document the entry's title names.
    RefArticles,
}

/// A citation with what the registry says about it.
#[derive(Debug, Clone)]
pub struct Cited {
    pub citation: Citation,
    /// The law its title names, and how.
    pub law: Option<(usize, TitleMatch)>,
    /// Key of its number.
    pub key: Option<NumKey>,
    /// Laws its number identifies.
    pub number_laws: Vec<usize>,
    pub part: CitePart,
}

impl Cited {
    /// Texts that may name the document: the title, the full name, nested titles.
    pub fn title_candidates<'t>(&self, text: &'t str) -> Vec<(TitleMatch, &'t str)> {
        let mut out = Vec::new();
        if let Some(t) = &self.citation.title {
            out.push((TitleMatch::Title, &text[t.inner.clone()]));
            if (self.citation.prefix.is_some() || self.citation.suffix.is_some())
                && let Some(full) = self.citation.full_name(text)
            {
                out.push((TitleMatch::Full, full));
            }
            for n in &t.nested {
                out.push((TitleMatch::Nested, &text[n.inner.clone()]));
            }
        }
        out
    }

    /// The replacement of the cited title by `title`: with 《》, unless the citation's title stands
    /// without them (the `title` of a `legal_refs` entry).
    pub fn title_fix(&self, title: &str) -> String {
        match &self.citation.title {
            Some(t) if t.outer == t.inner => title.to_string(),
            _ => format!("《{title}》"),
        }
    }

    /// Range of the title with its marks (or of the whole citation).
    pub fn title_range(&self) -> Range<usize> {
        self.citation
            .title
            .as_ref()
            .map_or(self.citation.range.clone(), |t| t.outer.clone())
    }
}

/// Every citation of the run with the text it stands in, text by text (see [`cited`]).
pub fn citations<'c>(
    ctx: &'c super::Context,
) -> impl Iterator<Item = (&'c super::context::TextRef<'c>, &'c Cited)> {
    ctx.texts
        .iter()
        .zip(cited(ctx).iter())
        .flat_map(|(t, cs)| cs.iter().map(move |c| (t, c)))
}

/// The citations of every text of a lint run (indexed like `ctx.texts`), parsed once. The fields
/// of a `legal_refs` entry are one citation split over several strings: each field gets the part
/// of that citation it holds, with the document the entry's title names (see [`CitePart`]), so
/// that every citation rule reads structured entries as it reads running text.
pub fn cited<'c>(ctx: &'c super::Context) -> &'c CitedTexts {
    ctx.analyses.cited.get_or_init(|| {
        let index = LawIndex::of(ctx);
        let mut all: Vec<Vec<Cited>> = ctx.texts.iter().map(|t| cite(&index, t.value)).collect();
        for e in legal_refs(ctx) {
            let law = e.law.map(|li| (li, TitleMatch::Title));
            let part = |citation: Citation, part: CitePart| Cited {
                citation,
                law,
                key: e.key.clone(),
                number_laws: e.number_laws.clone(),
                part,
            };
            all[e.title] = vec![part(
                Citation {
                    range: e.title_marks.outer.clone(),
                    prefix: None,
                    title: Some(e.title_marks.clone()),
                    suffix: None,
                    number: None,
                    articles: Vec::new(),
                },
                CitePart::RefTitle,
            )];
            if let Some(ni) = e.number {
                all[ni] = e
                    .parsed_number
                    .iter()
                    .map(|n| {
                        part(
                            Citation {
                                range: n.range(),
                                prefix: None,
                                title: None,
                                suffix: None,
                                number: Some(n.clone()),
                                articles: Vec::new(),
                            },
                            CitePart::RefNumber,
                        )
                    })
                    .collect();
            }
            for &ai in &e.articles {
                let found = citation::articles(ctx.texts[ai].value);
                all[ai] = match (found.first(), found.last()) {
                    (Some(first), Some(last)) => vec![part(
                        Citation {
                            range: first.range.start..last.range.end,
                            prefix: None,
                            title: None,
                            suffix: None,
                            number: None,
                            articles: found.clone(),
                        },
                        CitePart::RefArticles,
                    )],
                    _ => Vec::new(),
                };
            }
        }
        CitedTexts(all)
    })
}

/// One entry of an item's `legal_refs`, where it is written and what the registry says about it.
#[derive(Debug, Clone)]
pub struct RefEntry {
    pub jurisdiction: usize,
    /// Index into the jurisdiction's `items`.
    pub item: usize,
    /// Indices into `ctx.texts` of the entry's `title`, `number` and `articles`.
    pub title: usize,
    pub number: Option<usize>,
    pub articles: Vec<usize>,
    /// The title inside its text: the whole text, or what stands between 《》 when written with them.
    pub title_marks: crate::text::titles::Title,
    /// The document the title names.
    pub law: Option<usize>,
    /// The number as parsed (`None` when the `number` string holds no 文号 or order number).
    pub parsed_number: Option<DocNumber>,
    pub key: Option<NumKey>,
    /// Documents the number identifies.
    pub number_laws: Vec<usize>,
    /// The article numbers of `articles`.
    pub article_set: BTreeSet<u64>,
}

impl RefEntry {
    /// The document the entry cites: by its title, or by its number when that names one document.
    pub fn doc(&self, ctx: &super::Context) -> Doc {
        match (self.law, &self.number_laws[..]) {
            (Some(li), _) | (None, &[li]) => Doc::Law(li),
            _ => Doc::Unknown(norm_title(self.title_text(ctx))),
        }
    }

    /// The title as written (without 《》).
    pub fn title_text<'c>(&self, ctx: &'c super::Context) -> &'c str {
        &ctx.texts[self.title].value[self.title_marks.inner.clone()]
    }

    /// The entry as an [`Entry`] of a 设定依据 (its range is the title's, in the title string).
    pub fn entry(&self, ctx: &super::Context, index: &LawIndex) -> Entry {
        let doc = self.doc(ctx);
        Entry {
            title: match doc {
                Doc::Law(li) => index.law(li).title.clone(),
                Doc::Unknown(_) => self.title_text(ctx).to_string(),
            },
            doc,
            articles: self.article_set.clone(),
            range: self.title_marks.outer.clone(),
        }
    }
}

/// The range of a title written without balanced 《》: the text without the whitespace and stray
/// marks around it.
fn bare_title(value: &str) -> Range<usize> {
    let stray = |c: char| c.is_whitespace() || matches!(c, '《' | '》');
    let start = value.len() - value.trim_start_matches(stray).len();
    let end = value.trim_end_matches(stray).len().max(start);
    start..end
}

/// The `legal_refs` entries of the lint run, each once, where they are written (an inherited entry
/// is its source's).
pub fn legal_refs<'c>(ctx: &'c super::Context) -> &'c [RefEntry] {
    ctx.analyses.legal_refs.get_or_init(|| {
        let index = LawIndex::of(ctx);
        let mut out: Vec<RefEntry> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for (j, jur) in ctx.project.jurisdictions.iter().enumerate() {
            for (ii, item) in jur.items.iter().enumerate() {
                let field = crate::model::Field::LegalRefs;
                if item.origin_of(field).is_none_or(|o| o.jurisdiction != j) {
                    continue;
                }
                let file = item.file_of(field);
                for r in item.item.legal_refs.iter().flatten() {
                    let r = r.get_ref();
                    // An empty title cites nothing (a placeholder is other rules' business).
                    if bare_title(r.title.get_ref()).is_empty() {
                        continue;
                    }
                    let Some(ti) = ctx.text_at(file, r.title.span().start) else {
                        continue;
                    };
                    if !seen.insert(ti) {
                        continue;
                    }
                    let at = |t: &crate::model::Spanned<String>| ctx.text_at(file, t.span().start);
                    out.push(ref_entry(
                        &index,
                        ctx,
                        (j, ii),
                        ti,
                        r.number.as_ref().and_then(at),
                        r.articles.iter().filter_map(at).collect(),
                    ));
                }
            }
        }
        out
    })
}

fn ref_entry(
    index: &LawIndex,
    ctx: &super::Context,
    (jurisdiction, item): (usize, usize),
    title: usize,
    number: Option<usize>,
    articles: Vec<usize>,
) -> RefEntry {
    let value = ctx.texts[title].value;
    // The title is written without 《》; one written with them is read between them.
    let title_marks = crate::text::titles::titles(value)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            let range = bare_title(value);
            crate::text::titles::Title {
                outer: range.clone(),
                inner: range,
                nested: Vec::new(),
            }
        });
    let law = index.by_title(&value[title_marks.inner.clone()]);
    let parsed_number =
        number.and_then(|ni| citation::numbers(ctx.texts[ni].value).into_iter().next());
    let key = number
        .zip(parsed_number.as_ref())
        .map(|(ni, n)| index.key_of(ctx.texts[ni].value, n));
    let number_laws = key.as_ref().map_or_else(Vec::new, |k| index.by_number(k));
    let article_set = articles
        .iter()
        .flat_map(|&ai| citation::articles(ctx.texts[ai].value))
        .filter_map(|a| a.article)
        .collect();
    RefEntry {
        jurisdiction,
        item,
        title,
        number,
        articles,
        title_marks,
        law,
        parsed_number,
        key,
        number_laws,
        article_set,
    }
}

/// The citations of each text of a lint run, indexed like `ctx.texts`.
pub struct CitedTexts(pub Vec<Vec<Cited>>);

impl std::ops::Deref for CitedTexts {
    type Target = [Vec<Cited>];
    fn deref(&self) -> &[Vec<Cited>] {
        &self.0
    }
}

/// Parse the citations of a text and look each one up.
pub fn cite(index: &LawIndex, text: &str) -> Vec<Cited> {
    citation::parse(text)
        .into_iter()
        .map(|c| {
            let mut cited = Cited {
                citation: c,
                law: None,
                key: None,
                number_laws: Vec::new(),
                part: CitePart::Text,
            };
            cited.law = cited
                .title_candidates(text)
                .into_iter()
                .find_map(|(how, t)| index.by_title(t).map(|li| (li, how)));
            if let Some(n) = &cited.citation.number {
                let key = index.key_of(text, n);
                cited.number_laws = index.by_number(&key);
                cited.key = Some(key);
            }
            cited
        })
        .collect()
}

/// The document a 设定依据 entry cites: a registry law, or an unknown title (normalised).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Doc {
    Law(usize),
    Unknown(String),
}

/// One cited document of a 设定依据 text, with its articles and where it stands in the text.
pub struct Entry {
    pub doc: Doc,
    pub articles: BTreeSet<u64>,
    pub title: String,
    pub range: std::ops::Range<usize>,
}

/// The cited documents of a 设定依据 text.
pub fn entries(index: &LawIndex, text: &str) -> Vec<Entry> {
    cite(index, text)
        .into_iter()
        .filter_map(|c| {
            let law = c.law.map(|l| l.0).or(match c.number_laws[..] {
                [one] => Some(one),
                _ => None,
            });
            let title = c
                .citation
                .title
                .as_ref()
                .map(|t| text[t.inner.clone()].to_string());
            let doc = match (law, &title) {
                (Some(li), _) => Doc::Law(li),
                (None, Some(t)) => Doc::Unknown(norm_title(t)),
                (None, None) => return None,
            };
            let title = match law {
                Some(li) => index.law(li).title.clone(),
                None => title.unwrap_or_default(),
            };
            Some(Entry {
                doc,
                articles: c
                    .citation
                    .articles
                    .iter()
                    .filter_map(|a| a.article)
                    .collect(),
                title,
                range: c.citation.range,
            })
        })
        .collect()
}

/// `第五十七条、第五十八条`: a set of article numbers as printed.
pub fn articles(set: &BTreeSet<u64>) -> String {
    set.iter()
        .map(|n| format!("第{}条", crate::text::numerals::to_chinese(*n)))
        .collect::<Vec<_>>()
        .join("、")
}

/// The 设定依据 entries of governing catalog items, parsed once per catalog item in a rule's run.
pub type CatalogEntries = rustc_hash::FxHashMap<String, Vec<Entry>>;

/// The entries of `catalog`'s 设定依据 (None when it has none), parsed on first use: its text, then
/// the documents of its `legal_refs` the text does not cite.
pub fn catalog_entries<'m>(
    memo: &'m mut CatalogEntries,
    index: &LawIndex,
    catalog: &crate::resolve::ResolvedItem,
) -> Option<&'m Vec<Entry>> {
    let item = &catalog.item;
    if item.legal_basis.is_none() && item.legal_refs.is_none() {
        return None;
    }
    Some(memo.entry(catalog.key.clone()).or_insert_with(|| {
        let mut out: Vec<Entry> = item
            .legal_basis
            .iter()
            .flatten()
            .flat_map(|v| entries(index, v.get_ref()))
            .collect();
        for r in item.legal_refs.iter().flatten() {
            let e = structured_entry(index, r.get_ref());
            if !out.iter().any(|o| o.doc == e.doc) {
                out.push(e);
            }
        }
        out
    }))
}

/// A `legal_refs` entry as an [`Entry`] (its range is the title's, inside the title string).
pub fn structured_entry(index: &LawIndex, r: &crate::model::LegalRef) -> Entry {
    let value = r.title.get_ref().as_str();
    let inner = crate::text::titles::titles(value)
        .into_iter()
        .next()
        .map_or_else(|| bare_title(value), |t| t.inner);
    let number_laws = r
        .number
        .as_ref()
        .and_then(|n| {
            let n = n.get_ref().as_str();
            citation::numbers(n)
                .first()
                .map(|d| index.by_number(&index.key_of(n, d)))
        })
        .unwrap_or_default();
    let law = index
        .by_title(&value[inner.clone()])
        .or(match number_laws[..] {
            [one] => Some(one),
            _ => None,
        });
    Entry {
        doc: law.map_or_else(|| Doc::Unknown(norm_title(&value[inner.clone()])), Doc::Law),
        articles: r
            .articles
            .iter()
            .flat_map(|a| citation::articles(a.get_ref()))
            .filter_map(|a| a.article)
            .collect(),
        title: law.map_or_else(
            || value[inner.clone()].to_string(),
            |li| index.law(li).title.clone(),
        ),
        range: inner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Reference {
        let laws: toml::Value = toml::from_str(
            r#"
            [[law]]
            title = "社会保险经办条例"
            issuer = "国务院"
            number = "国务院令第765号"
            articles = 63
            [[law]]
            title = "香港澳门台湾居民在内地（大陆）参加社会保险暂行办法"
            issuer = "人力资源社会保障部、国家医疗保障局"
            number = "人力资源社会保障部、国家医疗保障局令第41号"
            [[law]]
            title = "国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知"
            number = "医保发〔2022〕22号"
            [[law]]
            title = "关于城镇居民基本医疗保险医疗服务管理的意见"
            number = "劳社部发〔2007〕40号"
            "#,
        )
        .unwrap();
        let issuers: toml::Value = toml::from_str(
            r#"
            [[issuer]]
            name = "国务院"
            prefixes = ["国发"]
            [[issuer]]
            name = "人力资源和社会保障部"
            aliases = ["人力资源社会保障部", "中华人民共和国人力资源和社会保障部"]
            prefixes = ["人社部发"]
            from = 2008
            [[issuer]]
            name = "国家医疗保障局"
            aliases = ["国家医保局"]
            prefixes = ["医保发"]
            [[issuer]]
            name = "劳动和社会保障部"
            prefixes = ["劳社部发", "劳社厅发"]
            from = 1998
            until = 2008
            "#,
        )
        .unwrap();
        Reference {
            laws: laws["law"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.clone().try_into().unwrap())
                .collect(),
            issuers: issuers["issuer"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.clone().try_into().unwrap())
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn titles_normalise() {
        assert_eq!(
            norm_title("卫生部、财政部 国家中医药管理局"),
            "卫生部财政部国家中医药管理局"
        );
        assert_eq!(
            norm_title("关于印发〈X〉的通知"),
            norm_title("关于印发《X》的通知")
        );
    }

    #[test]
    fn near_misses() {
        assert!(near(
            &norm_title("国家医保局 财政部关于进一步做好基本医疗保险异地就医结算工作的通知"),
            &norm_title(
                "国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知"
            ),
        ));
        assert!(near(
            "关于城镇居民基本医疗保险医疗待遇管理的意见",
            "关于城镇居民基本医疗保险医疗服务管理的意见"
        ));
        assert!(near(
            "基本医疗保险参保职工信息变更登记表",
            "基本医疗保险职工参保信息变更登记表"
        ));
        assert!(!near(
            "医疗机构医疗保障定点管理暂行办法",
            "零售药店医疗保障定点管理暂行办法"
        ));
        assert!(!near("社会保险费征缴暂行条例", "社会保险经办条例"));
        assert!(!near("社会保险法", "社会救助法"));
    }

    #[test]
    fn identifies_by_title_and_number() {
        let r = reference();
        let index = LawIndex::new(&r);
        let t = "《社会保险经办条例》（国务院令765号）第六条";
        let cs = cite(&index, t);
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].law, Some((0, TitleMatch::Title)));
        assert_eq!(cs[0].number_laws, vec![0]);
    }

    #[test]
    fn joint_order_with_one_issuer() {
        let r = reference();
        let index = LawIndex::new(&r);
        let t = "《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》（中华人民共和国人力资源和社会保障部令第41号）";
        let c = &cite(&index, t)[0];
        assert_eq!(c.law.map(|l| l.0), Some(1));
        assert_eq!(
            index.relation(1, c.key.as_ref().unwrap()),
            NumberRelation::MissingIssuer
        );
        let t = "《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》（中华人民共和国人力资源和社会保障部、国家医保局令第41号）";
        let c = &cite(&index, t)[0];
        assert_eq!(
            index.relation(1, c.key.as_ref().unwrap()),
            NumberRelation::Same
        );
    }

    #[test]
    fn wenhao_keys() {
        let r = reference();
        let index = LawIndex::new(&r);
        let t = "《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保办发【2022】22号）";
        let c = &cite(&index, t)[0];
        assert_eq!(c.law.map(|l| l.0), Some(2));
        assert!(c.number_laws.is_empty());
        assert_eq!(
            index.relation(2, c.key.as_ref().unwrap()),
            NumberRelation::Different
        );
        // Brackets do not change the key.
        let t = "（医保发【2022】22号）";
        let c = &cite(&index, t)[0];
        assert_eq!(c.number_laws, vec![2]);
    }

    #[test]
    fn issuer_outside_title_and_nested() {
        let r = reference();
        let index = LawIndex::new(&r);
        let t = "劳动和社会保障部等部委《关于城镇居民基本医疗保险医疗服务管理的意见》（劳社部发〔2007〕40号）";
        assert_eq!(cite(&index, t)[0].law, Some((3, TitleMatch::Title)));
        let t = "《劳动和社会保障部等部委〈关于城镇居民基本医疗保险医疗服务管理的意见〉》（劳社部发〔2007〕40号）";
        assert_eq!(cite(&index, t)[0].law, Some((3, TitleMatch::Nested)));
        let t = "《劳动和社会保障部等部委〈关于城镇居民基本医疗保险医疗待遇管理的意见〉》（劳社部发〔2007〕40号）";
        let c = &cite(&index, t)[0];
        assert_eq!(c.law, None);
        assert_eq!(c.number_laws, vec![3]);
    }

    #[test]
    fn structured_entries_name_their_document() {
        let r = reference();
        let index = LawIndex::new(&r);
        let entry = |s: &str| {
            let r: crate::model::LegalRef = toml::from_str(s).unwrap();
            structured_entry(&index, &r)
        };
        let e = entry("title = \"社会保险经办条例\"\narticles = [\"第六条\", \"第十条\"]");
        assert_eq!(e.doc, Doc::Law(0));
        assert_eq!(e.articles, BTreeSet::from([6, 10]));
        // By the number when the title is not registered; 《》 are read through.
        let e = entry("title = \"《社会保险经办办法》\"\nnumber = \"国务院令第765号\"");
        assert_eq!(e.doc, Doc::Law(0));
        let e = entry("title = \"某市办法\"");
        assert_eq!(e.doc, Doc::Unknown("某市办法".into()));
        assert_eq!(e.title, "某市办法");
    }

    #[test]
    fn agencies_and_issuers() {
        let r = reference();
        let index = LawIndex::new(&r);
        assert_eq!(index.agency("和劳社厅发"), "劳社厅发");
        assert_eq!(index.agency("卫农卫厅"), "卫农卫厅");
        assert_eq!(index.issuers_with_prefix("劳社厅发")[0].until, Some(2008));
        assert_eq!(index.canonical_issuer("国家医保局"), Some("国家医疗保障局"));
        assert_eq!(
            index.canonical_issuer("中华人民共和国人力资源和社会保障部"),
            Some("人力资源和社会保障部")
        );
        assert_eq!(index.issuer_suffix("依据国务院"), Some("国务院"));
    }
}
