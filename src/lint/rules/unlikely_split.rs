//! ZN124 unlikely-split: a character that jieba's dictionary cannot join to its neighbours, where
//! one other character (or one more) would make a phrase of the domain glossary (参保登纪 for the
//! item name's 参保登记).

use std::ops::Range;

use rust_i18n::t;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostic::Severity;
use crate::lint::analysis::segments::{Segmentation, segmentation};
use crate::lint::context::FieldPath;
use crate::lint::{Context, Finding, Rule, RuleMeta, RuleOption, TextRef, rule_doc};
use crate::model::Field;
use crate::text::chars::is_han;
use crate::text::numerals::is_chinese_numeral;
use crate::text::titles::book_titles;

rule_doc!(
    UnlikelySplit,
    r#"## What it does
Cuts every text into words with jieba's dictionary (about 350 000 words with their frequencies).
A slip usually leaves a character that no word of the dictionary takes in, so the text falls
apart into single characters there (参保|登|纪, 申请|卡, 单位|参|登记). Where one other character in
that place, or one character more right next to it, makes a phrase of the **domain glossary**, the
text is reported with the phrase as the fix.

The glossary is taken from the data, never from a list of typos: the catalogs' item and 主项
names, their materials and the forms they name (every catalog of the chain, the national list
included), and the `glossary` of `catalog/reference/terms.toml`. Each of these is cut into
words too; a phrase is a run of two or more of its words, or one word, of at least `min_chars`
characters.

Texts read: an item's fields (not 设定依据), its charts and the 主项 names; not people, phones,
addresses or the jurisdiction's own data. A text is cut only when, looked at without the
dictionary, some piece of it is one character away from a piece of a glossary term at a pair of
characters the catalogs do not write; a county text the same as another is read once. A lint run
where no text gets that far never loads the dictionary.

Precision comes first. The text is not reported when:

- the written words are themselves a dictionary word or a glossary phrase;
- the differing character is a function character (`function_chars` of terms.toml) or a numeral;
- the difference is at either end of the phrase, unless the text ends there (elsewhere it is two
  words meeting); a missing character is believed only inside the phrase (参保人 is a word of its
  own beside 参保人员);
- the differing character and its neighbours (for a missing character: the two characters that
  meet across the gap) are a pair the catalogs or the glossary write (`max_pair_uses`);
- another character would make another phrase (two possible corrections: no guess);
- the written form is in `split_allow` of terms.toml.

## Why is this bad?
A wrong character in the name of a material or a form (申请卡 for 申请表) sends people looking for a
paper that does not exist, and no list of known typos can name every slip a new document makes.

The fix (the glossary phrase) is unsafe: `--fix --unsafe-fixes` applies it.

## Example
```toml
notes = "新开户单位请于当月办理参保登纪。"
```

## Use instead
```toml
notes = "新开户单位请于当月办理参保登记。"
```
"#
);

static META: RuleMeta = RuleMeta {
    code: "ZN124",
    name: "unlikely-split",
    severity: Severity::Warning,
    doc: DOC,
    // The dictionary (ZN101), the confusable sets (ZN121) and near-miss-term (ZN107) name the same
    // slip with a sharper message: this rule speaks only where they are silent.
    fallback: true,
};

/// Settable in `[lint.options.unlikely-split]` (or terms.toml's `[thresholds]`).
static OPTIONS: [RuleOption; 4] = [
    RuleOption {
        key: "min_chars",
        default: 4.0,
        range: (3.0, 16.0),
        doc: "characters the written text and the glossary phrase need: shorter phrases are one character away from too many other words",
    },
    RuleOption {
        key: "max_chars",
        default: 8.0,
        range: (4.0, 32.0),
        doc: "longest glossary phrase compared",
    },
    RuleOption {
        key: "word_frequency",
        default: 1.0,
        range: (1.0, 1_000_000.0),
        doc: "written text the dictionary counts at least this often is a word, not a slip",
    },
    RuleOption {
        key: "max_pair_uses",
        default: 0.0,
        range: (0.0, 1000.0),
        doc: "the differing character with its neighbour may be written this often in the catalogs and the glossary (more: the pair is a usual one, not a slip)",
    },
];

impl Rule for UnlikelySplit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn options(&self) -> &'static [RuleOption] {
        &OPTIONS
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let opt = |i: usize| OPTIONS[i].value(&META, ctx);
        let limits = Limits {
            min: opt(0) as usize,
            max: (opt(1) as usize).max(opt(0) as usize),
            word_frequency: opt(2) as usize,
            max_pair_uses: opt(3) as usize,
        };
        let basics = Basics::new(ctx);
        let terms = glossary_terms(ctx);
        // First without the dictionary: the texts one character away from any piece of a
        // glossary term, at a pair of characters the catalogs do not write. Only these are cut.
        let rough = Rough::new(&terms, &limits);
        let mut worth: Vec<(usize, bool)> = Vec::new();
        let mut decided: HashMap<&str, bool> = HashMap::default();
        for (ti, text) in ctx.texts.iter().enumerate() {
            if !read(text.field) {
                continue;
            }
            let own = ctx.project.is_catalog(text.jurisdiction);
            // Counties repeat the same texts: a value outside the catalogs is decided once.
            let maybe = if own {
                rough.maybe(&basics, &limits, text.value, true)
            } else {
                *decided
                    .entry(text.value)
                    .or_insert_with(|| rough.maybe(&basics, &limits, text.value, false))
            };
            if maybe {
                worth.push((ti, own));
            }
        }
        if worth.is_empty() {
            // The dictionary is never loaded.
            return;
        }
        let seg = segmentation(ctx);
        let glossary = Glossary::new(seg, &terms, basics, &limits);
        let mut repeated: HashMap<&str, Vec<Slip>> = HashMap::default();
        for (ti, own) in worth {
            let text = &ctx.texts[ti];
            if !own && let Some(slips) = repeated.get(text.value) {
                for m in slips {
                    report(ctx, text, m.clone(), out);
                }
                continue;
            }
            let tokens = seg.tokens(ti, text.value);
            let slips = if tokens.len() < 2 {
                Vec::new()
            } else {
                find(ctx, seg, &glossary, &limits, (text.value, own), tokens)
            };
            for m in &slips {
                report(ctx, text, m.clone(), out);
            }
            if !own {
                repeated.insert(text.value, slips);
            }
        }
    }
}

/// The fields an item's reader follows (names, materials, conditions, steps, notes, charts); not
/// people, phones, addresses or citations, where the glossary has nothing to say.
fn read(field: FieldPath) -> bool {
    match field {
        FieldPath::Item(f) => !matches!(f, Field::LegalBasis | Field::LegalRefs),
        FieldPath::Flow(_) | FieldPath::MainName => true,
        FieldPath::Person(..) | FieldPath::Jurisdiction(_) => false,
    }
}

struct Limits {
    min: usize,
    max: usize,
    word_frequency: usize,
    max_pair_uses: usize,
}

/// The glossary's phrases, indexed by every spelling with one character left open.
struct Glossary {
    phrases: Vec<Vec<char>>,
    /// (phrase with one position open, the position) → phrases.
    open: HashMap<(Vec<char>, usize), Vec<usize>>,
    /// Phrase less one character → (phrase, the position of that character).
    dropped: HashMap<Vec<char>, Vec<(usize, usize)>>,
    known: HashSet<Vec<char>>,
    basics: Basics,
}

/// The texts the glossary is taken from: catalog names, materials (and their parts between
/// punctuation), the forms they name, and the terms.toml glossary.
fn glossary_terms<'a>(ctx: &'a Context) -> Vec<&'a str> {
    let mut terms: Vec<&str> = Vec::new();
    for text in ctx
        .texts
        .iter()
        .filter(|t| ctx.project.is_catalog(t.jurisdiction))
    {
        if text.field == FieldPath::Item(Field::LegalBasis) {
            continue;
        }
        terms.extend(book_titles(text.value));
        match text.field {
            FieldPath::Item(Field::Name | Field::Materials | Field::MaterialGroups)
            | FieldPath::MainName => terms.extend(
                text.value
                    .split(|c: char| !is_han(c) && !c.is_alphanumeric())
                    .filter(|p| !p.is_empty()),
            ),
            _ => {}
        }
    }
    terms.extend(ctx.reference.terms.glossary.iter().map(String::as_str));
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// What the rule knows before it reads words: the character pairs the catalogs and the glossary
/// write, the function characters, the allow-list.
struct Basics {
    pairs: HashMap<(char, char), usize>,
    function: HashSet<char>,
    allowed: Vec<String>,
}

impl Basics {
    fn new(ctx: &Context) -> Self {
        let mut pairs: HashMap<(char, char), usize> = HashMap::default();
        for text in ctx
            .texts
            .iter()
            .filter(|t| ctx.project.is_catalog(t.jurisdiction))
            .map(|t| t.value)
            .chain(ctx.reference.terms.glossary.iter().map(String::as_str))
        {
            let c: Vec<char> = text.chars().collect();
            for w in c.windows(2) {
                *pairs.entry((w[0], w[1])).or_default() += 1;
            }
        }
        let terms = &ctx.reference.terms;
        Basics {
            pairs,
            function: terms
                .function_chars
                .iter()
                .flat_map(|s| s.chars())
                .collect(),
            allowed: terms.split_allow.clone(),
        }
    }

    /// How often the catalogs and the glossary write a pair of characters elsewhere: in a
    /// catalog text, the occurrence being checked does not count (its slip would vouch for
    /// itself), the text's other occurrences do.
    fn pair_uses(&self, in_catalog: bool, pair: (char, char)) -> usize {
        let all = self.pairs.get(&pair).copied().unwrap_or(0);
        if in_catalog {
            all.saturating_sub(1)
        } else {
            all
        }
    }

    /// A character that may differ: not a function character, not a numeral.
    fn usable(&self, c: char) -> bool {
        is_han(c) && !self.function.contains(&c) && !is_chinese_numeral(c)
    }
}

/// Every piece of every glossary term (any `min_chars`..=`max_chars` characters, not only whole
/// words), hashed with one character open or one left out: a text none of whose pieces is one
/// character away from these cannot hold a slip, and is never cut.
struct Rough {
    /// Piece with one position open → the characters the pieces have there.
    open: HashMap<u64, Vec<char>>,
    dropped: HashSet<u64>,
}

fn rough_key(chars: &[char], pos: usize, open: bool) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for (i, c) in chars.iter().enumerate() {
        if i == pos && open {
            '\0'.hash(&mut h);
        } else {
            c.hash(&mut h);
        }
    }
    pos.hash(&mut h);
    open.hash(&mut h);
    h.finish()
}

impl Rough {
    fn new(terms: &[&str], limits: &Limits) -> Self {
        let mut rough = Rough {
            open: HashMap::default(),
            dropped: HashSet::default(),
        };
        for term in terms {
            let t: Vec<char> = term.chars().collect();
            for len in limits.min..=limits.max.min(t.len()) {
                for piece in t.windows(len).filter(|p| p.iter().all(|c| is_han(*c))) {
                    for k in 0..len {
                        let there = rough.open.entry(rough_key(piece, k, true)).or_default();
                        if !there.contains(&piece[k]) {
                            there.push(piece[k]);
                        }
                        let mut less = piece.to_vec();
                        less.remove(k);
                        rough.dropped.insert(rough_key(&less, k, false));
                    }
                }
            }
        }
        rough
    }

    /// Could the text hold a slip? A character at a new pair of characters with a piece of a
    /// term one character away around it.
    fn maybe(&self, b: &Basics, limits: &Limits, value: &str, in_catalog: bool) -> bool {
        let chars: Vec<char> = value.chars().collect();
        let n = chars.len();
        for (i, &c) in chars.iter().enumerate() {
            if !b.usable(c) {
                continue;
            }
            let novel = |pair: (char, char)| b.pair_uses(in_catalog, pair) <= limits.max_pair_uses;
            let left = i == 0 || novel((chars[i - 1], c));
            let right = i + 1 == n || novel((c, chars[i + 1]));
            if !left && !right {
                continue;
            }
            for len in limits.min.saturating_sub(1).max(1)..=limits.max {
                for s in (i + 1).saturating_sub(len)..=i {
                    let Some(piece) = chars.get(s..s + len) else {
                        continue;
                    };
                    if !piece.iter().all(|c| is_han(*c)) {
                        continue;
                    }
                    let at = i - s;
                    // As in `find`: a difference at an end of the piece only where the text ends.
                    let edges = (at > 0 || s == 0 || !is_han(chars[s - 1]))
                        && (at + 1 < len || s + len == n || !is_han(chars[s + len]));
                    if left
                        && right
                        && edges
                        && len >= limits.min
                        && self
                            .open
                            .get(&rough_key(piece, at, true))
                            .is_some_and(|there| there.iter().any(|x| *x != c))
                    {
                        return true;
                    }
                    let gaps = [(left, at), (right, at + 1)];
                    if gaps.iter().any(|&(ok, gap)| {
                        ok && gap > 0
                            && gap < len
                            && self.dropped.contains(&rough_key(piece, gap, false))
                    }) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

impl Glossary {
    fn new(seg: &Segmentation, terms: &[&str], basics: Basics, limits: &Limits) -> Self {
        let mut known: HashSet<Vec<char>> = HashSet::default();
        for &term in terms {
            let words: Vec<Vec<char>> = seg
                .cut(term)
                .into_iter()
                .map(|r| term[r].chars().collect())
                .collect();
            for a in 0..words.len() {
                let mut phrase: Vec<char> = Vec::new();
                for (b, word) in words.iter().enumerate().skip(a) {
                    phrase.extend(word);
                    if phrase.len() > limits.max {
                        break;
                    }
                    // A phrase of several words begins and ends with a word of two characters or
                    // more: a single character at its end is a neighbour, not part of the term.
                    let whole = a == 0 && b + 1 == words.len();
                    let ends = words[a].len() > 1 && word.len() > 1;
                    if phrase.len() >= limits.min
                        && phrase.iter().all(|c| is_han(*c))
                        && (whole || ends)
                    {
                        known.insert(phrase.clone());
                    }
                }
            }
        }
        let mut phrases: Vec<Vec<char>> = known.iter().cloned().collect();
        phrases.sort();
        let mut open: HashMap<(Vec<char>, usize), Vec<usize>> = HashMap::default();
        let mut dropped: HashMap<Vec<char>, Vec<(usize, usize)>> = HashMap::default();
        for (i, p) in phrases.iter().enumerate() {
            for k in 0..p.len() {
                let mut key = p.clone();
                key[k] = '\0';
                open.entry((key, k)).or_default().push(i);
                let mut less = p.clone();
                less.remove(k);
                dropped.entry(less).or_default().push((i, k));
            }
        }
        Glossary {
            phrases,
            open,
            dropped,
            known,
            basics,
        }
    }
}

/// What one character more or another would make: the glossary phrase and the edit.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Edit {
    /// The written character stands where the phrase has `expected`.
    Substituted { expected: char },
    /// The phrase has `expected` right before (`after = false`) or after the written character.
    Dropped { expected: char, after: bool },
}

/// One reported place: the written window (bytes), the phrase, the character and the edit.
#[derive(Clone)]
struct Slip {
    range: Range<usize>,
    phrase: String,
    found: char,
    edit: Edit,
}

/// The slips of one text.
fn find(
    ctx: &Context,
    seg: &Segmentation,
    g: &Glossary,
    limits: &Limits,
    (value, in_catalog): (&str, bool),
    tokens: &[Range<usize>],
) -> Vec<Slip> {
    let single = |k: usize| {
        let mut c = value[tokens[k].clone()].chars();
        matches!((c.next(), c.next()), (Some(ch), None) if is_han(ch) && !is_chinese_numeral(ch))
    };
    let usable = |c: char| g.basics.usable(c);
    let mut out = Vec::new();
    for k in (0..tokens.len()).filter(|&k| single(k)) {
        let Some(found) = value[tokens[k].clone()].chars().next() else {
            continue;
        };
        if !usable(found) {
            continue;
        }
        let before = value[..tokens[k].start].chars().next_back();
        let after = value[tokens[k].end..].chars().next();
        let novel = |pair: Option<(char, char)>| {
            pair.is_none_or(|p| g.basics.pair_uses(in_catalog, p) <= limits.max_pair_uses)
        };
        let left = novel(before.map(|b| (b, found)));
        let right = novel(after.map(|a| (found, a)));
        if !left && !right {
            continue;
        }
        // Every window of whole tokens around the character; per correction the longest phrase.
        let mut corrections: HashMap<Edit, (Range<usize>, usize)> = HashMap::default();
        let mut right_here = false;
        'windows: for s in k.saturating_sub(limits.max)..=k {
            for e in k..tokens.len() {
                if s == e {
                    continue;
                }
                let range = tokens[s].start..tokens[e].end;
                let window: Vec<char> = value[range.clone()].chars().collect();
                if window.len() > limits.max {
                    break;
                }
                if window.len() + 1 < limits.min || !window.iter().all(|c| is_han(*c)) {
                    continue;
                }
                if g.known.contains(&window)
                    || seg.frequency(&value[range.clone()]) >= limits.word_frequency
                {
                    right_here = true;
                    break 'windows;
                }
                let at = value[tokens[s].start..tokens[k].start].chars().count();
                let left_edge = value[..range.start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_han(c));
                let right_edge = value[range.end..].chars().next().is_none_or(|c| !is_han(c));
                let mut found_edit = |edit: Edit, p: usize| {
                    let best = corrections.entry(edit).or_insert((range.clone(), p));
                    if g.phrases[p].len() > g.phrases[best.1].len() {
                        *best = (range.clone(), p);
                    }
                };
                // One character put for another: both pairs around it are new.
                let sub_edges_ok = (at > 0 || left_edge) && (at + 1 < window.len() || right_edge);
                if left && right && window.len() >= limits.min && sub_edges_ok {
                    let mut key = window.clone();
                    key[at] = '\0';
                    for &p in g.open.get(&(key, at)).into_iter().flatten() {
                        let expected = g.phrases[p][at];
                        if expected != found
                            && usable(expected)
                            && !ctx.reference.terms.is_contrast(found, expected)
                        {
                            found_edit(Edit::Substituted { expected }, p);
                        }
                    }
                }
                // One character left out next to it: the pair across the gap is new.
                for (after_it, pos, ok) in [(false, at, left), (true, at + 1, right)] {
                    // Never at an end of the phrase: a text that stops short of a phrase is
                    // usually a shorter right word (参保人 beside 参保人员).
                    let inside = pos > 0 && pos < window.len();
                    if !ok || !inside || window.len() + 1 < limits.min {
                        continue;
                    }
                    for &(p, dropped_at) in g.dropped.get(&window).into_iter().flatten() {
                        let expected = g.phrases[p][dropped_at];
                        if dropped_at == pos && usable(expected) {
                            found_edit(
                                Edit::Dropped {
                                    expected,
                                    after: after_it,
                                },
                                p,
                            );
                        }
                    }
                }
            }
        }
        if right_here || corrections.len() != 1 {
            continue;
        }
        let Some((edit, (range, p))) = corrections.into_iter().next() else {
            continue;
        };
        let written = &value[range.clone()];
        if g.basics
            .allowed
            .iter()
            .any(|a| written.contains(a.as_str()) || a.contains(written))
        {
            continue;
        }
        out.push(Slip {
            range,
            phrase: g.phrases[p].iter().collect(),
            found,
            edit,
        });
    }
    out
}

fn report(ctx: &Context, text: &TextRef, slip: Slip, out: &mut Vec<Finding>) {
    let written = &text.value[slip.range.clone()];
    let message = match slip.edit {
        Edit::Substituted { expected } => t!(
            "ZN124.message",
            written = written,
            phrase = slip.phrase,
            found = slip.found,
            expected = expected
        ),
        Edit::Dropped {
            expected,
            after: false,
        } => t!(
            "ZN124.dropped-before",
            written = written,
            phrase = slip.phrase,
            found = slip.found,
            expected = expected
        ),
        Edit::Dropped {
            expected,
            after: true,
        } => t!(
            "ZN124.dropped-after",
            written = written,
            phrase = slip.phrase,
            found = slip.found,
            expected = expected
        ),
    };
    out.push(
        Finding::at(META.code, ctx, text, slip.range.clone(), message)
            .help(t!("ZN124.help", written = written))
            .fix(slip.phrase, false),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            min: 4,
            max: 8,
            word_frequency: 1,
            max_pair_uses: 0,
        }
    }

    fn basics() -> Basics {
        Basics {
            pairs: HashMap::default(),
            function: "的和在".chars().collect(),
            allowed: Vec::new(),
        }
    }

    #[test]
    fn the_rough_look_passes_near_misses_and_not_the_terms_themselves() {
        let rough = Rough::new(&["单位参保登记"], &limits());
        let b = basics();
        let maybe = |v: &str| rough.maybe(&b, &limits(), v, false);
        assert!(maybe("请办理参保登纪。"), "one character put for another");
        assert!(maybe("请办理单位参登记。"), "one character left out");
        assert!(!maybe("请办理单位参保登记。"), "the term itself");
        assert!(!maybe("请到窗口办理。"), "nothing like the term");
        // A difference at the piece's end counts only where the text ends.
        assert!(!maybe("参保登纪念"));
    }

    #[test]
    fn a_pair_of_the_catalog_text_itself_counts_once_less() {
        let mut b = basics();
        b.pairs.insert(('转', '出'), 2);
        assert_eq!(b.pair_uses(true, ('转', '出')), 1);
        assert_eq!(b.pair_uses(false, ('转', '出')), 2);
        assert!(!b.usable('的') && !b.usable('三') && b.usable('纪'));
    }
}
