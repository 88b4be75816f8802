//! ZN108 spelling-variants: the same name written two ways within one jurisdiction (基金监管股 and
//! 基金监管科, 经办窗口微信公众号 and 经办窗口或微信公众号).

use crate::lint::context::{FieldPath, FlowPart, JurisdictionPart};
use crate::model::{Field, PersonPart};
use rust_i18n::t;
use std::collections::{BTreeMap, BTreeSet};

use std::hash::Hasher;

use rustc_hash::{FxHashMap as HashMap, FxHasher};
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::lint::{Context, Finding, Rule, RuleMeta, rule_doc};
use crate::text::chars::is_han;
use crate::text::nearmiss::{EditKind, OneEdit, one_edit};
use crate::text::numerals::is_chinese_numeral;

use crate::text::keyterms::bigrams;
use crate::text::similar::dice;
use crate::text::similar::normalize_name;
use crate::text::titles::book_titles;

rule_doc!(
    SpellingVariants,
    r#"## What it does
Collects the short names of each jurisdiction — departments, agencies, offices, the units in staff
titles (城乡医保中心 in 城乡医保中心科员), targets, channels, query ways, item and flowchart titles,
materials and 《…》 names — and flags two spellings of one name that differ by one Han character
(substituted, inserted or dropped).

Generic chart titles of a jurisdiction (titles that name no item, such as
`赵县医疗保障局行政确认类权力运行流程图`) are compared too: a title that is the usual one with a few
characters left out (`…行政确认运行流程图`) is reported.

Pairs of synonyms listed in `terms.toml` (社保卡 / 社会保障卡) are counted too: the rarer form in a
jurisdiction is reported.

Two spellings written in one text are two things listed side by side (企业法人、事业法人) and are not
compared. The spelling reported is the one the catalog never uses, or whose characters around the difference
are rarer in the catalog, or the rarer one in the jurisdiction. Names that are a catalog or glossary
term are left to `near-miss-term`.

## Settings
In `[thresholds]` of `catalog/reference/terms.toml`: `"spelling-variants.own_title_similarity"`
(shipped 0.3): a chart title at least this similar to its item's name is not a generic title.
`contrasts` (入/出, 增/减 …): two spellings that differ by such a pair are two things, not a slip.

## Why is this bad?
One office, form or channel written two ways looks like two different things to a reader, and one of
the two spellings is usually a slip (基金监管科 where the department is 基金监管股, 经办窗口微信公众号
where 或 is missing).

## Example
```toml
department = "基金监管股"
consult = { phone = "0316-5660128", name = "宋伯光", title = "基金监管科科长" }
```

## Use instead
```toml
department = "基金监管股"
consult = { phone = "0316-5660128", name = "宋伯光", title = "基金监管股股长" }
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

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let roles = &ctx.reference.terms.roles;

        // Catalog texts, and the known terms near-miss-term already checks against.
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

        // Units per jurisdiction: spelling → occurrences (text index, byte range).
        let mut units: Vec<BTreeMap<&str, Occurrences>> =
            vec![BTreeMap::new(); project.jurisdictions.len()];
        for (ti, text) in ctx.texts.iter().enumerate() {
            let v: &str = text.value;
            let mut add = |range: Range<usize>, s: &'_ str| {
                if s.len() <= 120 && han_count(s) >= 4 {
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
        generic_titles(ctx, out);
        synonyms(ctx, out);
    }
}

/// Synonyms of `terms.toml` (社保卡 / 社会保障卡): within one jurisdiction, the rarer form is reported.
fn synonyms(ctx: &Context, out: &mut Vec<Finding>) {
    let sets = &ctx.reference.terms.synonyms;
    if sets.is_empty() {
        return;
    }
    // Every form by its first character: (set, form), longest first.
    let mut by_first: HashMap<char, Vec<(usize, usize)>> = HashMap::default();
    for (si, forms) in sets.iter().enumerate() {
        for (k, form) in forms.iter().enumerate() {
            if let Some(c) = form.chars().next() {
                by_first.entry(c).or_default().push((si, k));
            }
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|(si, k)| std::cmp::Reverse(sets[*si][*k].len()));
    }
    for (j, jur) in ctx.project.jurisdictions.iter().enumerate() {
        // Per set, per form: occurrences (text, byte offset). A form inside a longer form of the
        // set is not counted: the longest form at a place wins.
        let mut found: Vec<Vec<Vec<(usize, usize)>>> =
            sets.iter().map(|f| vec![Vec::new(); f.len()]).collect();
        for (ti, text) in ctx.texts_in(j) {
            if text.field == FieldPath::Item(Field::LegalBasis) {
                continue;
            }
            let v = text.value;
            let mut covered = 0;
            for (at, c) in v.char_indices() {
                if at < covered {
                    continue;
                }
                let Some(list) = by_first.get(&c) else {
                    continue;
                };
                if let Some(&(si, k)) = list
                    .iter()
                    .find(|(si, k)| v[at..].starts_with(sets[*si][*k].as_str()))
                {
                    found[si][k].push((ti, at));
                    covered = at + sets[si][k].len();
                }
            }
        }
        for (si, forms) in sets.iter().enumerate() {
            let counts = &found[si];
            let used: Vec<usize> = (0..forms.len())
                .filter(|k| !counts[*k].is_empty())
                .collect();
            if used.len() < 2 {
                continue;
            }
            let usual = *used
                .iter()
                .max_by_key(|k| counts[**k].len())
                .expect("two forms");
            for &k in &used {
                if k == usual || counts[k].len() >= counts[usual].len() {
                    continue;
                }
                for &(ti, at) in &counts[k] {
                    let text = &ctx.texts[ti];
                    out.push(
                        Finding::at(
                            META.code,
                            ctx,
                            text,
                            at..at + forms[k].len(),
                            t!(
                                "ZN108.form",
                                form = forms[k],
                                usual = forms[usual],
                                count = counts[usual].len(),
                                jurisdiction = jur.name
                            ),
                        )
                        .help(t!("ZN108.form-help"))
                        .fix(forms[usual].clone(), false),
                    );
                }
            }
        }
    }
}

/// `long` with one run of 2 to 5 Han characters taken out of its middle is `short`.
fn block_removed(long: &str, short: &str) -> bool {
    let (l, s): (Vec<char>, Vec<char>) = (long.chars().collect(), short.chars().collect());
    if l.len() <= s.len() || l.len() - s.len() < 2 || l.len() - s.len() > 5 {
        return false;
    }
    let prefix = l.iter().zip(&s).take_while(|(a, b)| a == b).count();
    let cut = l.len() - s.len();
    prefix > 0
        && prefix + cut < l.len()
        && l[prefix + cut..] == s[prefix..]
        && l[prefix..prefix + cut].iter().all(|c| is_han(*c))
}

/// Generic chart titles (naming a kind of chart, not an item) of one jurisdiction follow one
/// pattern: a title that is the usual one with a few characters left out is reported.
/// Default of `thresholds."spelling-variants.own_title_similarity"`: a chart title at least this
/// close to its item's name (Dice similarity) is titled for its item, not a generic title.
const OWN_TITLE_SIMILARITY: f64 = 0.3;

fn generic_titles(ctx: &Context, out: &mut Vec<Finding>) {
    let project = ctx.project;
    let own_title_similarity = ctx.reference.terms.threshold(
        "spelling-variants.own_title_similarity",
        OWN_TITLE_SIMILARITY,
    );
    for (j, jur) in project.jurisdictions.iter().enumerate() {
        let mut titles: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (ti, text) in ctx.texts_in(j) {
            if text.field != FieldPath::Flow(FlowPart::Title) {
                continue;
            }
            let Some(item) = ctx.item(text) else { continue };
            let core = text.value.trim().trim_end_matches("流程图");
            let own = bigrams(&normalize_name(item.name()), &[]);
            if dice(&bigrams(&normalize_name(core), &[]), &own) >= own_title_similarity {
                continue; // titled for its item
            }
            titles.entry(text.value.trim()).or_default().push(ti);
        }
        for (short, occ) in &titles {
            let Some((long, locc)) = titles
                .iter()
                .filter(|(l, o)| o.len() > occ.len() && block_removed(l, short))
                .max_by_key(|(_, o)| o.len())
            else {
                continue;
            };
            let rtext = &ctx.texts[locc[0]];
            for &ti in occ {
                let text = &ctx.texts[ti];
                out.push(
                    Finding::at(
                        META.code,
                        ctx,
                        text,
                        0..text.value.len(),
                        t!(
                            "ZN108.title",
                            short = short,
                            long = long,
                            count = locc.len(),
                            jurisdiction = jur.name
                        ),
                    )
                    .help(t!("ZN108.title-help"))
                    .related(rtext.file, rtext.span.clone(), t!("ZN108.usual-title"))
                    .fix(*long, false),
                );
            }
        }
    }
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
