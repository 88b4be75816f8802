//! ZN107 near-miss-term: text one character away from a known term (医疗机构收费票剧 for the catalog's
//! 医疗机构收费票据, 《医疗救助申请袁》 for 《医疗救助申请表》).

use crate::lint::context::FieldPath;
use crate::model::Field;
use crate::text::titles::book_titles;
use rust_i18n::t;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, RuleOption, TextRef, rule_doc};
use crate::text::chars::is_han;
use crate::text::nearmiss::{EditKind, NearMiss, TermIndex};
use crate::text::numerals::is_chinese_numeral;

rule_doc!(
    NearMissTerm,
    r#"## What it does
Finds text that is exactly one character away from a known term (one character substituted, inserted
or dropped) without being the term itself. Known terms are:

- the governing catalog's form names (《…表》), materials and item names;
- the glossary of `catalog/reference/terms.toml`;
- law titles of `catalog/reference/laws.toml` (outside 设定依据 and 《》, which the citation rules
  check);
- the agency and office names of the jurisdiction and its parents (`jurisdiction.toml`).

A catalog form name written without its book-title marks 《》 is reported too (a warning).

Text that the catalog itself writes elsewhere, or that is a known term too, is never flagged; numbers,
punctuation and an added or missing function character (的, 或 …) do not count as the difference, and
a difference next to either end of the term counts only at a boundary of the text (认定医疗机构 is not
定点医疗机构 without 点). A whole material, name or form name that differs from a catalog term by one
character, written with a pair of characters the catalog never writes (申请卡), is an error; other near
misses (inside running text, or with a usual pair such as 急诊 for 门诊) are warnings.

## Why is this bad?
A form or material named one character differently is not the form the catalog asks for: people bring
the wrong paper or search for a form that does not exist. Inside running text, the slip usually
changes or garbles the meaning (在职转退修 for 在职转退休).

The suggested fix (the known term) is unsafe: `--fix --unsafe-fixes` applies it.

## Example
```toml
materials = ["医疗机构收费票剧", "定点医药机构年度考核自评报"]
```

## Use instead
```toml
materials = ["医疗机构收费票据", "定点医药机构年度考核自评报告"]
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN107",
    name: "near-miss-term",
    severity: Severity::Error,
    doc: DOC,
    // The materials and typo rules find the same defects with sharper messages.
    fallback: true,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A catalog form name (《…》 content).
    Form,
    /// A catalog material (whole list entry).
    Material,
    /// A catalog item or 主项 name.
    Name,
    /// An agency or office name.
    Office,
    Glossary,
    Law,
}

impl Kind {
    fn what(self) -> std::borrow::Cow<'static, str> {
        match self {
            Kind::Form => t!("ZN107.kind.form"),
            Kind::Material => t!("ZN107.kind.material"),
            Kind::Name => t!("ZN107.kind.name"),
            Kind::Office => t!("ZN107.kind.office"),
            Kind::Glossary => t!("ZN107.kind.glossary"),
            Kind::Law => t!("ZN107.kind.law"),
        }
    }

    /// A whole unit one character away from a catalog term is certainly wrong.
    fn certain(self) -> bool {
        matches!(self, Kind::Form | Kind::Material | Kind::Name)
    }
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

struct Terms {
    list: Vec<(String, Kind)>,
    index: TermIndex,
    /// The halves of every term: a text one edit away from a term contains one of them.
    halves: Vec<String>,
}

impl Terms {
    /// Terms of at least `min_chars` characters, 4 of them Han: shorter terms are one character
    /// away from too many other words.
    fn new(mut list: Vec<(String, Kind)>, min_chars: usize) -> Self {
        list.sort();
        list.dedup_by(|a, b| a.0 == b.0);
        list.retain(|(t, _)| han_count(t) >= 4 && t.chars().count() >= min_chars);
        let index = TermIndex::new(list.iter().map(|(t, _)| t.as_str()));
        let halves = list
            .iter()
            .flat_map(|(t, _)| {
                let c: Vec<char> = t.chars().collect();
                let h = c.len() / 2;
                [c[..h].iter().collect(), c[h..].iter().collect()]
            })
            .collect();
        Terms {
            list,
            index,
            halves,
        }
    }
}

impl Rule for NearMissTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn options(&self) -> &'static [RuleOption] {
        &OPTIONS
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let reference = ctx.reference;

        let global = global_terms(ctx);

        // Office names per jurisdiction (its own and its parents').
        let offices_of = |j: usize| -> Vec<(String, Kind)> {
            let mut v = Vec::new();
            for k in std::iter::once(j).chain(project.ancestors(j)) {
                let d = &project.jurisdictions[k].data;
                if let Some(a) = &d.agency {
                    v.push((a.get_ref().clone(), Kind::Office));
                }
                for o in &d.offices {
                    v.push((o.name.get_ref().clone(), Kind::Office));
                }
            }
            v
        };
        let local: Vec<Terms> = (0..project.jurisdictions.len())
            .map(|j| Terms::new(offices_of(j), min_term_chars(ctx)))
            .collect();

        // Text accepted as written: the catalog's texts, known terms.
        let catalog_texts: Vec<(usize, &str)> = ctx
            .texts
            .iter()
            .enumerate()
            .filter(|(_, t)| project.is_catalog(t.jurisdiction))
            .map(|(i, t)| (i, t.value))
            .collect();
        let mut bigrams = HashSet::default();
        for (_, v) in &catalog_texts {
            let c: Vec<char> = v.chars().collect();
            bigrams.extend(c.windows(2).map(|w| (w[0], w[1])));
        }
        let mut known: Vec<&str> = global.list.iter().map(|(t, _)| t.as_str()).collect();
        known.extend(reference.terms.glossary.iter().map(String::as_str));
        let covering: Vec<Vec<char>> = global
            .list
            .iter()
            .filter(|(_, k)| matches!(k, Kind::Glossary | Kind::Law | Kind::Office))
            .map(|(t, _)| t.chars().collect())
            .collect();
        let env = Env {
            catalog_texts,
            known,
            covering,
            bigrams,
            function: reference
                .terms
                .function_chars
                .iter()
                .flat_map(|s| s.chars())
                .collect(),
            seen: std::sync::Mutex::new(HashMap::default()),
            min_han: OPTIONS[0].value(&META, ctx) as usize,
            edge_distance: OPTIONS[1].value(&META, ctx) as usize,
        };

        let forms: Vec<&str> = global
            .list
            .iter()
            .filter(|(_, k)| *k == Kind::Form)
            .map(|(t, _)| t.as_str())
            .collect();
        // Forms by their first two characters, for one pass over each text.
        let mut form_starts: HashMap<(char, char), Vec<&str>> = HashMap::default();
        for f in &forms {
            let mut c = f.chars();
            if let (Some(a), Some(b)) = (c.next(), c.next()) {
                form_starts.entry((a, b)).or_default().push(f);
            }
        }

        for (ti, text) in ctx.texts.iter().enumerate() {
            // Citations, free-text or structured (a legal_refs title is written without 《》).
            if matches!(
                text.field,
                FieldPath::Item(Field::LegalBasis | Field::LegalRefs)
            ) || !text.value.chars().any(is_han)
            {
                continue;
            }
            unbracketed_forms(ctx, text, &form_starts, out);
            let chars: Vec<char> = text.value.chars().collect();
            let mut found: Vec<(NearMiss, &str, Kind, bool)> = Vec::new();
            let mine = &local[text.jurisdiction];
            // The few office names are looked for only in texts that contain half of one.
            let with_local = mine.halves.iter().any(|h| text.value.contains(h.as_str()));
            for terms in [&global, mine] {
                if std::ptr::eq(terms, mine) && !with_local {
                    continue;
                }
                for m in terms.index.find(&chars) {
                    let (term, kind) = (&terms.list[m.term].0, terms.list[m.term].1);
                    let local = &local[text.jurisdiction];
                    if let Some(certain) =
                        accept(ctx, &env, (text, ti, &chars), &m, term, kind, local)
                    {
                        found.push((m, term.as_str(), kind, certain));
                    }
                }
            }
            report(ctx, text, &chars, found, out);
        }
    }
}

/// Terms known everywhere: the catalogs' (every province's and the national list's) forms,
/// materials and names, the glossary, the laws.
fn global_terms(ctx: &Context) -> Terms {
    let project = ctx.project;
    let reference = ctx.reference;
    let mut global: Vec<(String, Kind)> = Vec::new();
    for text in ctx
        .texts
        .iter()
        .filter(|t| project.is_catalog(t.jurisdiction))
    {
        if matches!(
            text.field,
            FieldPath::Item(Field::LegalBasis | Field::LegalRefs)
        ) {
            continue;
        }
        for title in book_titles(text.value) {
            global.push((title.to_string(), Kind::Form));
        }
        match text.field {
            FieldPath::Item(Field::Materials) => {
                global.push((text.value.trim().to_string(), Kind::Material));
                // And each part between punctuation: a remark in brackets is not part of the
                // material's name (…预测性分析报告 (以上办理资料均需加盖单位公章)).
                for part in text.value.split(|c: char| {
                    matches!(
                        c,
                        '（' | '）'
                            | '('
                            | ')'
                            | '，'
                            | ','
                            | '、'
                            | '；'
                            | ';'
                            | '：'
                            | ':'
                            | '。'
                    )
                }) {
                    let part = part.trim();
                    if part != text.value.trim() {
                        global.push((part.to_string(), Kind::Material));
                    }
                }
            }
            FieldPath::Item(Field::Name) => {
                global.push((text.value.trim().to_string(), Kind::Name))
            }
            _ => {}
        }
    }
    let catalogs = project.jurisdictions.iter().filter(|j| j.is_catalog());
    for (_, main) in catalogs.flat_map(|j| &j.mains) {
        global.push((main.name.get_ref().clone(), Kind::Name));
    }
    for g in &reference.terms.glossary {
        global.push((g.clone(), Kind::Glossary));
    }
    for law in &reference.laws {
        for t in std::iter::once(&law.title).chain(&law.aliases) {
            global.push((t.clone(), Kind::Law));
        }
    }
    Terms::new(global, min_term_chars(ctx))
}

/// Report the accepted near misses of one text, best first, one per place.
fn report(
    ctx: &Context,
    text: &TextRef,
    chars: &[char],
    mut found: Vec<(NearMiss, &str, Kind, bool)>,
    out: &mut Vec<Finding>,
) {
    // Best first: whole units, then catalog kinds, then longer terms.
    found.sort_by_key(|(m, term, kind, whole)| {
        (!*whole, *kind, std::cmp::Reverse(term.len()), m.start)
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (m, term, kind, whole) in found {
        if taken.iter().any(|(s, e)| m.start < *e && *s < m.end) {
            continue;
        }
        taken.push((m.start, m.end));
        let byte = |c: usize| -> usize { chars[..c].iter().map(|ch| ch.len_utf8()).sum() };
        let range = byte(m.start)..byte(m.end);
        let written = &text.value[range.clone()];
        let what = match m.edit.kind {
            EditKind::Substituted => t!(
                "ZN107.substituted",
                found = m.edit.found.unwrap_or_default(),
                kind = kind.what(),
                expected = m.edit.expected.unwrap_or_default()
            ),
            EditKind::Inserted => {
                t!("ZN107.inserted", found = m.edit.found.unwrap_or_default())
            }
            EditKind::Dropped => {
                t!(
                    "ZN107.dropped",
                    expected = m.edit.expected.unwrap_or_default()
                )
            }
        };
        let certain = whole;
        let mut f = Finding::at(
            META.code,
            ctx,
            text,
            range,
            t!(
                "ZN107.message",
                written = written,
                kind = kind.what(),
                term = term,
                what = what
            ),
        )
        .help(t!("ZN107.help", term = term))
        .fix(term, false);
        if !certain {
            f = f.severity(Severity::Warning);
        }
        out.push(f);
    }
}

/// A catalog form name written without its 《》 (职工基本医疗保险个人账户一次性支取申请表): a warning.
fn unbracketed_forms(
    ctx: &Context,
    text: &TextRef,
    forms: &HashMap<(char, char), Vec<&str>>,
    out: &mut Vec<Finding>,
) {
    let v = text.value;
    let mut found: Vec<(usize, &str)> = Vec::new();
    let mut it = v.char_indices().peekable();
    while let Some((at, a)) = it.next() {
        let Some(&(_, b)) = it.peek() else { break };
        if let Some(list) = forms.get(&(a, b)) {
            found.extend(
                list.iter()
                    .filter(|f| v[at..].starts_with(**f))
                    .map(|f| (at, *f)),
            );
        }
    }
    for (at, form) in found {
        {
            let before = &v[..at];
            let open = before.matches('《').count() > before.matches('》').count();
            // Part of a longer name (…申请表格) is another thing.
            let next = v[at + form.len()..].chars().next();
            if open || next.is_some_and(is_han) {
                continue;
            }
            out.push(
                Finding::at(
                    META.code,
                    ctx,
                    text,
                    at..at + form.len(),
                    t!("ZN107.unbracketed", form = form),
                )
                .help(t!("ZN107.unbracketed-help"))
                .fix(format!("《{form}》"), false)
                .severity(Severity::Warning),
            );
        }
    }
}

/// Settable in `[lint.options.near-miss-term]` (or terms.toml's `[thresholds]`).
static OPTIONS: [RuleOption; 3] = [
    RuleOption {
        key: "min_han",
        default: 4.0,
        range: (2.0, 100.0),
        doc: "Han characters the written text needs: shorter near misses are too often other words",
    },
    RuleOption {
        key: "edge_distance",
        default: 2.0,
        range: (0.0, 100.0),
        doc: "an edit this close to an end of the term is only believed at a boundary of the text (elsewhere it is two words meeting)",
    },
    RuleOption {
        key: "min_term_chars",
        default: 5.0,
        range: (4.0, 100.0),
        doc: "characters a known term needs to be compared at all: shorter terms are one character away from too many other words",
    },
];

fn min_term_chars(ctx: &Context) -> usize {
    OPTIONS[2].value(&META, ctx) as usize
}

/// What `accept` needs besides the near miss itself.
struct Env<'a> {
    catalog_texts: Vec<(usize, &'a str)>,
    /// Known spellings: catalog terms, glossary, laws.
    known: Vec<&'a str>,
    /// Terms whose occurrence over the differing character makes it right (glossary, offices, laws).
    covering: Vec<Vec<char>>,
    /// Character pairs the catalog writes.
    bigrams: HashSet<(char, char)>,
    function: Vec<char>,
    /// (window, term) → written by the catalog elsewhere; for texts outside the catalog.
    seen: std::sync::Mutex<HashMap<(String, String), bool>>,
    /// Options `min_han` and `edge_distance`.
    min_han: usize,
    edge_distance: usize,
}

/// Whether a near miss is worth reporting; `Some(certain)` tells whether it is an error: a whole
/// unit (bounded by non-Han characters or the ends of the text), one character away from a catalog
/// term, written with a pair of characters the catalog never writes.
fn accept(
    ctx: &Context,
    env: &Env,
    (text, ti, chars): (&TextRef, usize, &[char]),
    m: &NearMiss,
    term: &str,
    kind: Kind,
    local: &Terms,
) -> Option<bool> {
    let e = m.edit;
    // The differing character must be a Han character that is not part of a number, and an
    // inserted or dropped one not a function character (定点的医疗机构 is fine).
    let differing = [e.found, e.expected];
    if differing
        .iter()
        .flatten()
        .any(|c| !is_han(*c) || is_chinese_numeral(*c))
    {
        return None;
    }
    if e.kind != EditKind::Substituted
        && differing.iter().flatten().any(|c| env.function.contains(c))
    {
        return None;
    }
    let window: String = chars[m.start..m.end].iter().collect();
    if han_count(&window) < env.min_han {
        return None;
    }
    let terms = &ctx.reference.terms;
    // Opposites make another word (转入 for 转出), and a name ending in an office's last character
    // (社会保障局) names an office, not a misspelt term (社会保障卡).
    if let (Some(f), Some(x)) = (e.found, e.expected) {
        if terms.is_contrast(f, x) {
            return None;
        }
        let last = e.term_pos + 1 == term.chars().count();
        if last && terms.office_endings.iter().any(|o| o.ends_with(f)) {
            return None;
        }
    }
    let term_chars: Vec<char> = term.chars().collect();
    let n = term_chars.len();
    // The term itself written at an overlapping place: the window is just a slice around it.
    let lo = m.start.saturating_sub(n);
    for s in lo..=m.end.min(chars.len()) {
        if chars[s..].starts_with(&term_chars) && s < m.end && m.start < s + n {
            return None;
        }
    }
    let left_edge = m.start == 0 || !is_han(chars[m.start - 1]);
    let right_edge = m.end == chars.len() || !is_han(chars[m.end]);
    // An edit within two characters of an end of the term is only believable at a boundary of
    // the text (a truncated word); elsewhere it is two words meeting (认定医疗机构 ≠ 定点医疗机构).
    let from_start = e.term_pos;
    let from_end = match e.kind {
        EditKind::Inserted => n - e.term_pos,
        _ => n - e.term_pos - 1,
    };
    if (from_start < env.edge_distance && !left_edge)
        || (from_end < env.edge_distance && !right_edge)
    {
        return None;
    }
    // A law title cut at either end is the plain phrase it is named after (行政处罚 in 行政处罚法,
    // 社会保险 in 社会保险法), not a misspelt title.
    if kind == Kind::Law && e.kind == EditKind::Dropped && (from_start == 0 || from_end == 0) {
        return None;
    }
    // A law title inside 《》 is the citation rules' business.
    if kind == Kind::Law {
        let before: String = chars[..m.start].iter().collect();
        if before.matches('《').count() > before.matches('》').count() {
            return None;
        }
    }
    if written_right(ctx, env, (text, ti, chars), m, (term, &window), local) {
        return None;
    }
    // The character (in the text) where the two differ.
    let edit_char = m.start + e.term_pos.min(m.end - m.start - 1);
    // Pairs of characters around the difference that the catalog never writes.
    let novel = match e.kind {
        // A word cut at its first or last character (自评报 for 自评报告).
        EditKind::Dropped if from_start == 0 || from_end == 0 => true,
        EditKind::Dropped => {
            let p = m.start + e.term_pos;
            p == 0 || p >= chars.len() || !env.bigrams.contains(&(chars[p - 1], chars[p]))
        }
        _ => {
            let before = edit_char
                .checked_sub(1)
                .is_some_and(|p| env.bigrams.contains(&(chars[p], chars[edit_char])));
            let after = chars
                .get(edit_char + 1)
                .is_some_and(|c| env.bigrams.contains(&(chars[edit_char], *c)));
            !before && !after
        }
    };
    Some(left_edge && right_edge && kind.certain() && novel)
}

/// Is the near miss text written right on purpose: a known spelling, text the catalog writes
/// elsewhere, a known term over the differing character, or a slip the corrections dictionary
/// already reports?
fn written_right(
    ctx: &Context,
    env: &Env,
    (text, ti, chars): (&TextRef, usize, &[char]),
    m: &NearMiss,
    (term, window): (&str, &String),
    local: &Terms,
) -> bool {
    let e = m.edit;
    // Known spellings are right.
    if env.known.contains(&window.as_str()) || local.list.iter().any(|(t, _)| *t == *window) {
        return true;
    }
    // Text the catalog writes elsewhere is right, unless it is only part of the term there (a
    // truncated 自评报 is inside the catalog's 自评报告).
    let written_elsewhere = |ti: usize| {
        env.catalog_texts.iter().any(|(i, v)| {
            *i != ti
                && v.match_indices(window.as_str()).any(|(at, _)| {
                    !v.match_indices(term)
                        .any(|(t, _)| t <= at && at + window.len() <= t + term.len())
                })
        })
    };
    // The answer is the same for every text outside the catalog: remember it.
    let elsewhere = if env.catalog_texts.iter().any(|(i, _)| *i == ti) {
        written_elsewhere(ti)
    } else {
        let key = (window.clone(), term.to_string());
        let cached = env.seen.lock().ok().and_then(|m| m.get(&key).copied());
        match cached {
            Some(v) => v,
            None => {
                let v = written_elsewhere(usize::MAX);
                if let Ok(mut m) = env.seen.lock() {
                    m.insert(key, v);
                }
                v
            }
        }
    };
    if elsewhere {
        return true;
    }
    // The character (in the text) where the two differ.
    let edit_char = m.start + e.term_pos.min(m.end - m.start - 1);
    // A known term written over the differing character: the text says something else on purpose
    // (定点医疗机构费用结算 next to the catalog's 定点医药机构费用结算).
    for known in &env.covering {
        let k = known.len();
        if k > chars.len() {
            continue;
        }
        let lo = (edit_char + 1).saturating_sub(k);
        for s in lo..=edit_char.min(chars.len().saturating_sub(k)) {
            if chars[s..s + k] == known[..] {
                return true;
            }
        }
    }
    // The corrections dictionary already reports this slip.
    for c in &ctx.reference.corrections {
        let mut from = 0;
        while let Some(pos) = text.value[from..].find(c.wrong.as_str()) {
            let start = text.value[..from + pos].chars().count();
            let end = start + c.wrong.chars().count();
            if start <= edit_char && edit_char < end.max(start + 1) {
                return true;
            }
            from += pos + c.wrong.len();
        }
    }
    false
}
