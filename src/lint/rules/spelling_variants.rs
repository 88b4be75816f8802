//! ZN108 spelling-variants: the same name written two ways within one jurisdiction (待遇保障股 and
//! 待遇保障科, 经办窗口网上大厅 and 经办窗口或网上大厅).

use crate::lint::context::{FieldPath, FlowPart, JurisdictionPart};
use crate::model::{Field, PersonPart};
use rust_i18n::t;
use std::collections::{BTreeMap, BTreeSet};

use std::hash::Hasher;

use rustc_hash::{FxHashMap as HashMap, FxHasher};
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, RuleOption, rule_doc};
use crate::text::chars::is_han;
use crate::text::nearmiss::{EditKind, OneEdit, one_edit};
use crate::text::numerals::is_chinese_numeral;

use crate::text::titles::book_titles;

rule_doc!(
    SpellingVariants,
    r#"## What it does
Collects the short names of each jurisdiction — departments, agencies, offices, the units in staff
titles (城乡医保中心 in 城乡医保中心科员), targets, channels, query ways, item and flowchart titles,
materials and 《…》 names — and flags two spellings of one name that differ by one Han character
(substituted, inserted or dropped).

Generic chart titles with words left out are `generic-title-variant`'s findings, and the rarer
of two synonyms (社保卡 / 社会保障卡) is `synonym-form`'s.

Two spellings written in one text are two things listed side by side (企业法人、事业法人) and are not
compared. The spelling reported is the one the catalog never uses, or whose characters around the difference
are rarer in the catalog, or the rarer one in the jurisdiction. Names that are a catalog or glossary
term are left to `near-miss-term`.

## Settings
In `catalog/reference/terms.toml`: `contrasts` (入/出, 增/减 …): two spellings that differ by such a pair are two things, not a slip.

## Why is this bad?
One office, form or channel written two ways looks like two different things to a reader, and one of
the two spellings is usually a slip (待遇保障科 where the department is 待遇保障股, 经办窗口网上大厅
where 或 is missing).

## Example
```toml
department = "待遇保障股"
consult = { phone = "010-12345678", name = "张某", title = "待遇保障科科长" }
```

## Use instead
```toml
department = "待遇保障股"
consult = { phone = "010-12345678", name = "张某", title = "待遇保障股股长" }
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN108",
    name: "spelling-variants",
    severity: Severity::Warning,
    doc: DOC,
    fallback: false,
};

/// Fields whose whole value (or each part between 、 ， ；) is a name.
const NAME_FIELDS: &[FieldPath] = &[
    FieldPath::Item(Field::Name),
    FieldPath::Item(Field::Agency),
    FieldPath::Item(Field::Department),
    FieldPath::Item(Field::AcceptingUnit),
    FieldPath::Item(Field::Target),
    FieldPath::Item(Field::Channels),
    FieldPath::Item(Field::Query),
    FieldPath::Item(Field::Evaluation),
    FieldPath::Flow(FlowPart::Title),
    FieldPath::Jurisdiction(JurisdictionPart::OfficeName),
    FieldPath::Jurisdiction(JurisdictionPart::Agency),
];

const TITLE_FIELDS: &[FieldPath] = &[
    FieldPath::Person(Field::Consult, PersonPart::Title),
    FieldPath::Person(Field::Supervision, PersonPart::Title),
    FieldPath::Person(Field::Contact, PersonPart::Title),
    FieldPath::Jurisdiction(JurisdictionPart::Contact(PersonPart::Title)),
];

/// Where a spelling is written: (text index, byte range in the text).
type Occurrences = Vec<(usize, Range<usize>)>;

fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// Split a value into parts at list separators, with byte ranges.
fn parts<'a>(value: &'a str, seps: &[char]) -> Vec<(Range<usize>, &'a str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in value.char_indices() {
        if seps.contains(&c) {
            out.push((start..i, &value[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start..value.len(), &value[start..]));
    out.into_iter()
        .map(|(r, s)| {
            let t = s.trim();
            let off = s.find(t).unwrap_or(0);
            (r.start + off..r.start + off + t.len(), t)
        })
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

impl Rule for SpellingVariants {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn options(&self) -> &'static [RuleOption] {
        &OPTIONS
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;

        let Knowledge {
            catalog,
            known,
            bigrams,
        } = catalog_knowledge(ctx);
        let units = units(ctx);

        for (ji, spellings) in units.iter().enumerate() {
            // Deletion index: two spellings one edit apart share a key (a hash of the spelling with
            // one character or none left out; collisions are sorted out by `one_edit`).
            let mut keys: HashMap<u64, Vec<&str>> = HashMap::default();
            for s in spellings.keys() {
                let c: Vec<char> = s.chars().collect();
                for skip in std::iter::once(usize::MAX).chain(0..c.len()) {
                    let mut h = FxHasher::default();
                    for (k, ch) in c.iter().enumerate() {
                        if k != skip {
                            h.write_u32(*ch as u32);
                        }
                    }
                    keys.entry(h.finish()).or_default().push(s);
                }
            }
            let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
            for list in keys.values() {
                for (i, a) in list.iter().enumerate() {
                    for b in &list[i + 1..] {
                        if a != b {
                            pairs.insert(if a < b { (*a, *b) } else { (*b, *a) });
                        }
                    }
                }
            }
            let mut flagged: BTreeSet<&str> = BTreeSet::new();
            for (a, b) in pairs {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let Some(edit) = one_edit(&ca, &cb) else {
                    continue;
                };
                if [edit.found, edit.expected]
                    .iter()
                    .flatten()
                    .any(|c| !is_han(*c) || is_chinese_numeral(*c))
                {
                    continue;
                }
                if known.contains(a) || known.contains(b) {
                    continue;
                }
                // Opposites are two things, not two spellings (转入 / 转出, 增员 / 减员).
                if let (Some(x), Some(y)) = (edit.found, edit.expected)
                    && ctx.reference.terms.is_contrast(x, y)
                {
                    continue;
                }
                // Two spellings in one text are two things listed side by side (企业法人、事业法人).
                let texts_of =
                    |s: &str| -> BTreeSet<usize> { spellings[s].iter().map(|(t, _)| *t).collect() };
                if !texts_of(a).is_disjoint(&texts_of(b)) {
                    continue;
                }
                let in_catalog = |s: &str| catalog.iter().any(|v| v.contains(s));
                let (ka, kb) = (in_catalog(a), in_catalog(b));
                if ka && kb {
                    continue;
                }
                let (na, nb) = (spellings[a].len(), spellings[b].len());
                let (pa, pb) = (
                    plausibility(&ca, &edit, true, &bigrams),
                    plausibility(&cb, &edit, false, &bigrams),
                );
                let wrong = if ka != kb {
                    if ka { b } else { a }
                } else if pa != pb {
                    if pa < pb { a } else { b }
                } else if na != nb {
                    if na < nb { a } else { b }
                } else {
                    // Equal evidence: report the later one.
                    let pos = |s: &str| {
                        let (ti, r) = &spellings[s][0];
                        (
                            project.sources.path(ctx.texts[*ti].file),
                            ctx.texts[*ti].span.start + r.start,
                        )
                    };
                    if pos(a) > pos(b) { a } else { b }
                };
                let right = if wrong == a { b } else { a };
                if !flagged.insert(wrong) {
                    continue;
                }
                let (rti, rrange) = &spellings[right][0];
                let rtext = &ctx.texts[*rti];
                for (ti, range) in &spellings[wrong] {
                    let text = &ctx.texts[*ti];
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            range.clone(),
                            t!(
                                "ZN108.message",
                                wrong = wrong,
                                right = right,
                                jurisdiction = project.jurisdictions[ji].name,
                                count = spellings[right].len()
                            ),
                        )
                        .help(t!("ZN108.help"))
                        .related(
                            rtext.file,
                            ctx.locate(rtext, rrange.clone()),
                            t!("ZN108.written-here", right = right),
                        )
                        .fix(right, false),
                    );
                }
            }
        }
    }
}

/// Settable in `[lint.options.spelling-variants]` (or terms.toml's `[thresholds]`).
static OPTIONS: [RuleOption; 1] = [RuleOption {
    key: "min_han",
    default: 4.0,
    range: (2.0, 100.0),
    doc: "Han characters a name needs to be compared: two short names one character apart are usually two words",
}];

/// What the catalog says: its texts, the known terms and its character pairs with their counts.
struct Knowledge<'a> {
    catalog: Vec<&'a str>,
    known: BTreeSet<String>,
    bigrams: HashMap<(char, char), usize>,
}

/// Catalog texts, the known terms near-miss-term already checks against, and the character
/// pairs the catalog writes (with their counts).
fn catalog_knowledge<'a>(ctx: &Context<'a>) -> Knowledge<'a> {
    let project = ctx.project;
    let catalog: Vec<&str> = ctx
        .texts
        .iter()
        .filter(|t| project.is_catalog(t.jurisdiction))
        .map(|t| t.value)
        .collect();
    let mut known: BTreeSet<String> = ctx.reference.terms.glossary.iter().cloned().collect();
    for t in ctx
        .texts
        .iter()
        .filter(|t| project.is_catalog(t.jurisdiction))
    {
        if matches!(t.field, FieldPath::Item(Field::Materials | Field::Name)) {
            known.insert(t.value.trim().to_string());
        }
        known.extend(book_titles(t.value).into_iter().map(str::to_string));
    }
    for j in &project.jurisdictions {
        known.extend(j.data.offices.iter().map(|o| o.name.get_ref().clone()));
        known.extend(j.data.agency.iter().map(|a| a.get_ref().clone()));
    }
    let mut bigrams: HashMap<(char, char), usize> = HashMap::default();
    for v in &catalog {
        let c: Vec<char> = v.chars().collect();
        for w in c.windows(2) {
            *bigrams.entry((w[0], w[1])).or_default() += 1;
        }
    }
    Knowledge {
        catalog,
        known,
        bigrams,
    }
}

/// Units per jurisdiction: spelling → occurrences (text index, byte range): names, titles, materials
/// and 《》 titles.
fn units<'a>(ctx: &Context<'a>) -> Vec<BTreeMap<&'a str, Occurrences>> {
    let project = ctx.project;
    let roles = &ctx.reference.terms.roles;
    let min_han = OPTIONS[0].value(&META, ctx) as usize;
    let mut units: Vec<BTreeMap<&str, Occurrences>> =
        vec![BTreeMap::new(); project.jurisdictions.len()];
    for (ti, text) in ctx.texts.iter().enumerate() {
        let v: &str = text.value;
        let mut add = |range: Range<usize>, s: &'_ str| {
            if s.len() <= 120 && han_count(s) >= min_han {
                units[text.jurisdiction]
                    .entry(&v[range.clone()])
                    .or_default()
                    .push((ti, range));
            }
        };
        if NAME_FIELDS.contains(&text.field) {
            for (r, p) in parts(v, &['、', '，', ',', '；', ';']) {
                add(r, p);
            }
        } else if TITLE_FIELDS.contains(&text.field) {
            for (r, p) in parts(v, &[' ', '\u{3000}', '、', '，']) {
                let unit = roles
                    .iter()
                    .filter(|role| p.ends_with(role.as_str()) && p.len() > role.len())
                    .max_by_key(|role| role.len())
                    .map_or(p, |role| &p[..p.len() - role.len()]);
                add(r.start..r.start + unit.len(), unit);
            }
        } else if text.field == FieldPath::Item(Field::Materials) {
            let t = v.trim();
            let start = v.find(t).unwrap_or(0);
            add(start..start + t.len(), t);
        }
        if !v.contains('《') {
            continue;
        }
        let mut from = 0;
        for title in book_titles(v) {
            if let Some(pos) = v[from..].find(title) {
                let s = from + pos;
                add(s..s + title.len(), title);
                from = s + title.len();
            }
        }
    }
    units
}

/// How usual the characters around the difference are in the catalog: the bigrams that contain the
/// differing character of this spelling (or, for the shorter spelling, the bigram across the gap).
fn plausibility(
    s: &[char],
    edit: &OneEdit,
    is_first: bool,
    bigrams: &HashMap<(char, char), usize>,
) -> usize {
    // `edit` is expressed as `first` relative to `second`: Inserted = first has the extra char.
    let pos = edit.term_pos;
    let has_char = match edit.kind {
        EditKind::Substituted => true,
        EditKind::Inserted => is_first,
        EditKind::Dropped => !is_first,
    };
    let count = |a: char, b: char| bigrams.get(&(a, b)).copied().unwrap_or(0);
    if has_char {
        let mut total = 0;
        if pos > 0 && pos < s.len() {
            total += count(s[pos - 1], s[pos]);
        }
        if pos + 1 < s.len() {
            total += count(s[pos], s[pos + 1]);
        }
        total
    } else if pos > 0 && pos < s.len() {
        count(s[pos - 1], s[pos])
    } else {
        0
    }
}
