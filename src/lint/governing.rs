//! What the comparison rules (ZN3xx time limits, ZN4xx materials, ZN213 legal basis) compare: the
//! catalog item that governs an item, and the materials a jurisdiction wrote for an item, whether in
//! its `materials` list or in a flowchart note (提交资料：1、… 2、…).

use crate::lint::context::{FieldPath, FlowPart};
use crate::model::Field;
use crate::text::similar::{Similarity, dice_counted, without_spaces_fullwidth_brackets};
use crate::text::time_limit::{Limit, certainly_longer};
use std::collections::BTreeMap;
use std::ops::Range;

use crate::model::Text;
use crate::resolve::{GovernedVia, ItemRef, Project, ResolvedItem};

use super::{Context, TextRef};

/// How the governing catalog item was found: by code, by an explicit `governed_by`, or by name
/// alone (the lint then says so, ZN640).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Code,
    GovernedBy,
    Name,
}

/// The catalog item that governs `item` of jurisdiction `j`, one level up its own chain only (its
/// province's catalog for a city or county, the national list for a province linked to one): the
/// item with the same code or its `governed_by`, or, for an item published without a code, the
/// catalog 子项 its name names (`…（主项）--X（子项）`, or exactly `X`, or a 主项 with a single 子项).
/// `None` for the national list and for local items.
pub fn governing<'p>(
    project: &'p Project,
    j: usize,
    item: &ResolvedItem,
) -> Option<&'p ResolvedItem> {
    governing_index(project, j, item).map(|r| project.item(r))
}

/// Every time limit a city or county wrote itself, with the governing catalog item and its time
/// limit (items whose catalog states none are left out).
pub fn time_limits_against_catalog<'c, 'a>(
    ctx: &'c Context<'a>,
) -> impl Iterator<Item = (&'c TextRef<'a>, &'a ResolvedItem, &'a Text)> + 'c {
    ctx.texts_of(FieldPath::Item(Field::TimeLimit))
        .filter_map(move |t| {
            let catalog = governing_of(ctx, t.jurisdiction, t.item?)?;
            Some((t, catalog, catalog.item.time_limit.as_ref()?))
        })
}

/// `[jurisdiction][item]` → the governing catalog item and how it was found (the shared analysis
/// behind [`governing_of`]).
pub struct GoverningTable(pub Vec<Vec<Option<(ItemRef, Match)>>>);

/// The governing table, computed once per lint run.
pub fn governing_table<'c>(ctx: &'c Context) -> &'c GoverningTable {
    ctx.analyses.governing.get_or_init(|| {
        let p = ctx.project;
        GoverningTable(
            p.jurisdictions
                .iter()
                .enumerate()
                .map(|(j, jur)| {
                    jur.items
                        .iter()
                        .map(|item| governing_match(p, j, item))
                        .collect()
                })
                .collect(),
        )
    })
}

/// [`governing`] for item `ii` of jurisdiction `j`, computed once per lint run.
pub fn governing_of<'a>(ctx: &Context<'a>, j: usize, ii: usize) -> Option<&'a ResolvedItem> {
    governing_table(ctx).0[j][ii].map(|(r, _)| ctx.project.item(r))
}

/// [`governing`], as a reference to the catalog item.
pub fn governing_index(project: &Project, j: usize, item: &ResolvedItem) -> Option<ItemRef> {
    governing_match(project, j, item).map(|(r, _)| r)
}

/// [`governing`], with how the item was found.
pub fn governing_match(
    project: &Project,
    j: usize,
    item: &ResolvedItem,
) -> Option<(ItemRef, Match)> {
    if item.item.local {
        return None;
    }
    if let Some((r, via)) = item.catalog {
        let how = match via {
            GovernedVia::Code => Match::Code,
            GovernedVia::GovernedBy => Match::GovernedBy,
        };
        return Some((r, how));
    }
    if item.code().is_some() || item.item.governed_by.is_some() {
        return None;
    }
    let c = project.governing_catalog(j)?;
    by_name(project, c, item).map(|i| {
        (
            ItemRef {
                jurisdiction: c,
                item: i,
            },
            Match::Name,
        )
    })
}

/// The item of catalog `c` that an item without a code names.
fn by_name(project: &Project, c: usize, item: &ResolvedItem) -> Option<usize> {
    let name = item.name().trim();
    let name = name.strip_suffix("流程图").unwrap_or(name);
    let catalog = &project.jurisdictions[c];
    let named: Vec<usize> = (0..catalog.items.len())
        .filter(|&i| {
            let n = catalog.items[i].name();
            !n.is_empty()
                && (name == n
                    || name.contains(&format!("{n}（子项）"))
                    || name.contains(&format!("{n}(子项)")))
        })
        .collect();
    if let [one] = named[..] {
        return Some(one);
    }
    if !named.is_empty() {
        return None;
    }
    // A 主项 name with a single 子项.
    let main = catalog.mains.iter().find(|(_, m)| {
        let main = m.name.get_ref();
        main == name || (name.starts_with(&format!("{main}（主项）")) && !name.contains("（子项）"))
    })?;
    // Its 子项 share the leading part the catalog's code scheme names (no scheme: none is known).
    let scheme = project.code_scheme(c)?;
    let prefix = scheme.main_part(main.1.code.get_ref())?;
    let subs: Vec<usize> = (0..catalog.items.len())
        .filter(|&i| {
            catalog.items[i]
                .code()
                .is_some_and(|k| scheme.main_part(k) == Some(prefix))
        })
        .collect();
    match subs[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// One material as written: which text holds it and where.
#[derive(Debug, Clone)]
pub struct Material {
    /// Index into `ctx.texts`.
    pub text: usize,
    /// Byte range of the material inside the text's value.
    pub range: Range<usize>,
}

impl Material {
    pub fn value<'a>(&self, ctx: &'a Context) -> &'a str {
        &ctx.texts[self.text].value[self.range.clone()]
    }
}

/// Labels that start a list of materials in a flowchart note.
const LABELS: &[&str] = &[
    "提交资料",
    "提交材料",
    "申报材料",
    "申报资料",
    "申请材料",
    "提供材料",
    "提供资料",
    "所需材料",
    "所需资料",
    "办理材料",
];

/// The materials each (jurisdiction, item) wrote itself: `materials` entries, else the entries of
/// its flowchart notes that list materials.
pub fn own_materials<'c>(ctx: &'c Context) -> &'c OwnMaterials {
    ctx.analyses
        .own_materials
        .get_or_init(|| OwnMaterials(collect_materials(ctx)))
}

/// The materials each (jurisdiction, item) wrote itself.
pub struct OwnMaterials(pub BTreeMap<(usize, usize), Vec<Material>>);

impl std::ops::Deref for OwnMaterials {
    type Target = BTreeMap<(usize, usize), Vec<Material>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

fn collect_materials(ctx: &Context) -> BTreeMap<(usize, usize), Vec<Material>> {
    let mut lists: BTreeMap<(usize, usize), Vec<Material>> = BTreeMap::new();
    let mut from_flows: BTreeMap<(usize, usize), Vec<Material>> = BTreeMap::new();
    for (ti, t) in ctx.texts.iter().enumerate() {
        let Some(item) = t.item else { continue };
        match t.field {
            FieldPath::Item(Field::Materials) => {
                let v = t.value;
                let s = v.len() - v.trim_start().len();
                let e = v.trim_end().len();
                if s < e {
                    lists
                        .entry((t.jurisdiction, item))
                        .or_default()
                        .push(Material {
                            text: ti,
                            range: s..e,
                        });
                }
            }
            FieldPath::Flow(FlowPart::Node) => {
                for range in note_materials(t.value) {
                    from_flows
                        .entry((t.jurisdiction, item))
                        .or_default()
                        .push(Material { text: ti, range });
                }
            }
            _ => {}
        }
    }
    for (k, v) in from_flows {
        lists.entry(k).or_insert(v);
    }
    lists
}

/// The material entries of a flowchart box that lists materials: a note that starts with a
/// materials label (提交资料：1、… 2、…), or a box with a line announcing them (提交以下材料来前台办理)
/// followed by a list.
pub fn note_materials(value: &str) -> Vec<Range<usize>> {
    let lead = value.len() - value.trim_start().len();
    let rest = &value[lead..];
    if let Some(label) = LABELS.iter().find(|l| rest.starts_with(**l)) {
        let mut start = lead + label.len();
        for sep in ['：', ':'] {
            if value[start..].starts_with(sep) {
                start += sep.len_utf8();
                break;
            }
        }
        return list_entries(value, start);
    }
    // "…以下材料…" on a line of its own, then the list.
    for word in ["以下材料", "以下资料"] {
        if let Some(pos) = value.find(word) {
            let after = pos + word.len();
            if let Some(nl) = value[after..].find('\n') {
                return list_entries(value, after + nl + 1);
            }
        }
    }
    Vec::new()
}

/// Split `value[start..]` into list entries at line breaks and list numbers (1、 2. （3） ④).
pub fn list_entries(value: &str, start: usize) -> Vec<Range<usize>> {
    let body = &value[start..];
    // Positions where a list number starts, with the length of the marker.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let at_line_start = i == 0 || chars[i - 1].1 == '\n';
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j].1, '、' | '.' | '．') && j - i <= 2 {
                // "2、" after text on the same line counts too (entries printed on one line), but
                // not a decimal ("1.5").
                let next_digit = chars.get(j + 1).is_some_and(|&(_, d)| d.is_ascii_digit());
                if !next_digit {
                    let end = chars.get(j + 1).map_or(body.len(), |&(e, _)| e);
                    cuts.push((b, end - b));
                    i = j + 1;
                    continue;
                }
            }
        } else if at_line_start && ('①'..='⑳').contains(&c) {
            let end = chars.get(i + 1).map_or(body.len(), |&(e, _)| e);
            cuts.push((b, end - b));
        }
        i += 1;
    }
    let mut bounds: Vec<(usize, usize)> = Vec::new(); // (content start, end)
    let mut cur = 0;
    for (b, len) in &cuts {
        if *b > cur {
            bounds.push((cur, *b));
        }
        cur = b + len;
    }
    bounds.push((cur, body.len()));
    let mut out = Vec::new();
    for (s, e) in bounds {
        // Split further at line breaks.
        let mut ls = s;
        for (k, c) in body[s..e].char_indices() {
            if c == '\n' {
                push_trimmed(body, start, ls, s + k, &mut out);
                ls = s + k + 1;
            }
        }
        push_trimmed(body, start, ls, e, &mut out);
    }
    out
}

fn push_trimmed(body: &str, base: usize, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &body[s..e];
    let trim_chars = |c: char| c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',');
    let lead = piece.len() - piece.trim_start_matches(trim_chars).len();
    let trimmed = piece.trim_matches(trim_chars);
    if !trimmed.is_empty() {
        out.push(base + s + lead..base + s + lead + trimmed.len());
    }
}

/// Form names (the content of top-level 《》) in a material, with the range of their marks.
pub use crate::text::titles::marked_titles as forms;

/// A material reduced for comparison: bracketed remarks, whitespace and list punctuation removed.
pub fn material_core(material: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in material.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0
                && !c.is_whitespace()
                && !matches!(c, '；' | ';' | '。' | '：' | ':') =>
            {
                out.push(c)
            }
            _ => {}
        }
    }
    out
}

/// Similarity of two materials in [0, 1]: 1 when they list the same alternatives (A或B = B或A),
/// else the Dice coefficient of their character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_of_cores(&material_core(a), &material_core(b))
}

/// [`similarity`] of two texts already reduced by [`material_core`].
fn similarity_of_cores(ca: &str, cb: &str) -> f64 {
    if ca.is_empty() || cb.is_empty() {
        return if ca == cb { 1.0 } else { 0.0 };
    }
    if ca == cb {
        return 1.0;
    }
    let alts = |s: &str| {
        let mut v: Vec<String> = s
            .split(['或', '、', '/', '／'])
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        v.sort();
        v
    };
    let (xa, xb) = (alts(ca), alts(cb));
    // The same alternatives, or some of them (有效身份证件 for 有效身份证件或医保电子凭证或社保卡).
    if xa == xb || xa.iter().all(|x| xb.contains(x)) || xb.iter().all(|x| xa.contains(x)) {
        return 1.0;
    }
    dice_counted(ca, cb)
}

/// The catalog's materials of an item, as plain strings (empty when it lists none).
pub fn material_texts(item: &crate::resolve::ResolvedItem) -> Vec<&str> {
    item.item
        .materials
        .iter()
        .flatten()
        .map(|m| m.get_ref().as_str())
        .collect()
}

/// For each (jurisdiction, item) with its own materials and a governing catalog item: the catalog
/// item (index into the catalog's items) and how the lists compare. Computed once per lint run.
pub fn compared<'c>(ctx: &'c Context) -> &'c Compared {
    ctx.analyses.compared.get_or_init(|| {
        let project = ctx.project;
        let own = own_materials(ctx);
        Compared(
            own.iter()
                .filter_map(|(&(j, ii), materials)| {
                    let gi = governing_index(project, j, &project.jurisdictions[j].items[ii])?;
                    let gov = project.item(gi);
                    let theirs = material_texts(gov);
                    let ours: Vec<&str> = materials.iter().map(|m| m.value(ctx)).collect();
                    Some(((j, ii), (gi, match_materials(&ours, &theirs))))
                })
                .collect(),
        )
    })
}

/// For each (jurisdiction, item): the governing catalog item and the comparison of the materials.
pub struct Compared(pub BTreeMap<(usize, usize), (ItemRef, MaterialMatch)>);

impl std::ops::Deref for Compared {
    type Target = BTreeMap<(usize, usize), (ItemRef, MaterialMatch)>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// How the materials of a list relate to the catalog's.
#[derive(Debug, Default)]
pub struct MaterialMatch {
    /// Catalog materials (indexes) that no material of the list stands for.
    pub missing: Vec<usize>,
    /// List materials (indexes) that stand for no catalog material.
    pub extra: Vec<usize>,
    /// Sub-items (①②…) of a list material that stand for nothing in the catalog material it
    /// matches: (material, byte range in it).
    pub extra_parts: Vec<(usize, Range<usize>)>,
    /// Near misses of a catalog material, or of one of its alternatives (A或B).
    pub near: Vec<Near>,
    /// A catalog material written with other bracketed remarks (（含新增…）, （注销）).
    pub remarks: Vec<RemarkDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub ours: usize,
    pub theirs: usize,
    /// Byte range in our material (the whole material or one alternative).
    pub range: Range<usize>,
    /// What the catalog writes there.
    pub expected: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemarkDiff {
    pub ours: usize,
    pub theirs: usize,
    /// Where to point in our material: the differing remark, or the end of the part lacking one.
    pub range: Range<usize>,
    /// The catalog's remarks and ours, as written (with their brackets).
    pub expected: Vec<String>,
    pub found: Vec<String>,
}

/// Minimum similarity for a material to stand for a catalog material.
pub const SIMILAR: Similarity = Similarity::at_least(0.5);

/// A bracketed remark of a material: its range (brackets included) and normalised content.
fn remarks(text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text[range.clone()].char_indices() {
        let i = range.start + i;
        match c {
            '（' | '(' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let end = i + c.len_utf8();
                    let inner = without_spaces_fullwidth_brackets(&text[start..end]);
                    let content = inner.trim_start_matches('（').trim_end_matches('）');
                    // List numbers （1） and list-level remarks (以上…) are not remarks of a material.
                    let numeric = content.chars().all(|c| {
                        c.is_ascii_digit() || crate::text::numerals::is_chinese_numeral(c)
                    });
                    if !numeric && !content.starts_with("以上") {
                        out.push((start..end, inner));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The sub-items of a material: split at circled numbers (①②…), with a leading group label
/// (在职职工：) left out. A material without them is one part.
fn parts(text: &str) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| ('①'..='⑳').contains(c))
        .map(|(i, _)| i)
        .collect();
    let mut start = 0;
    // A group label: a short text ending in ：/: before the first part.
    if let Some(p) = text.find(['：', ':']) {
        let label = &text[..p];
        if label.chars().count() <= 10 && !label.contains(['《', '（', '(']) {
            start = p + text[p..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if cuts.is_empty() {
        return std::iter::once(start..text.len()).collect();
    }
    let mut out = Vec::new();
    if cuts[0] > start && !text[start..cuts[0]].trim().is_empty() {
        out.push(start..cuts[0]);
    }
    cuts.push(text.len());
    for w in cuts.windows(2) {
        let s = w[0] + text[w[0]..].chars().next().map_or(1, char::len_utf8);
        let piece = &text[s..w[1]];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '；' | ';' | '，' | ','));
        if !trimmed.trim().is_empty() {
            out.push(s + lead..s + trimmed.len());
        }
    }
    out
}

/// Alternatives of a material (A或B或C) with their ranges.
fn alternatives(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '或' {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..text.len());
    out
}

/// One alternative (有效的身份证) close to a catalog alternative (有效身份证件).
fn alternative_near(a: &str, b: &str) -> bool {
    let (a, b) = (material_core(a), material_core(b));
    let d = crate::text::edit_distance(&a, &b);
    let short = a.chars().count().min(b.chars().count());
    (1..=2).contains(&d) && short >= 4 && !is_abbreviation(&a, &b)
}

/// Match a list of materials against the catalog's.
pub fn match_materials(ours: &[&str], theirs: &[&str]) -> MaterialMatch {
    let mut m = MaterialMatch::default();
    let mut covered = vec![false; theirs.len()];
    let their_forms: Vec<Vec<String>> = theirs
        .iter()
        .map(|t| forms(t).into_iter().map(|(_, f)| norm_form(f)).collect())
        .collect();
    let their_cores: Vec<String> = theirs.iter().map(|t| material_core(t)).collect();
    let forms_meet = |a: &[String], b: &[String]| {
        a.iter()
            .any(|f| b.iter().any(|g| f == g || super::legal::near(f, g)))
    };
    for (oi, o) in ours.iter().enumerate() {
        let core = material_core(o);
        if core.is_empty() {
            // A remark such as "(以上办理资料均需加盖单位公章)", not a material.
            continue;
        }
        let our_forms: Vec<String> = forms(o).into_iter().map(|(_, f)| norm_form(f)).collect();
        let exact = their_cores.contains(&core);
        let mut best: Option<(usize, f64)> = None;
        for (ti, t) in theirs.iter().enumerate() {
            let form_match = forms_meet(&our_forms, &their_forms[ti]);
            let tcore = &their_cores[ti];
            let is_near = !exact
                && our_forms.is_empty()
                && their_forms[ti].is_empty()
                && near_miss(&core, tcore);
            let sim = similarity_of_cores(&core, tcore);
            if form_match || is_near || SIMILAR.holds(sim) {
                covered[ti] = true;
                if is_near && !exact {
                    m.near.push(Near {
                        ours: oi,
                        theirs: ti,
                        range: 0..o.len(),
                        expected: t.to_string(),
                    });
                }
                let score = sim + if form_match { 1.0 } else { 0.0 };
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((ti, score));
                }
            }
        }
        let Some((ti, _)) = best else {
            m.extra.push(oi);
            continue;
        };
        let t = theirs[ti];
        if m.near.iter().any(|n| n.ours == oi) {
            continue;
        }
        // A near miss in one alternative (有效的身份证 for 有效身份证件).
        if their_cores[ti] != core {
            let talts = alternatives(t);
            if talts.len() > 1 {
                let tvals: Vec<&str> = talts.iter().map(|r| &t[r.clone()]).collect();
                let hit = alternatives(o).into_iter().find_map(|r| {
                    let a = &o[r.clone()];
                    if tvals.iter().any(|x| material_core(x) == material_core(a)) {
                        return None;
                    }
                    tvals
                        .iter()
                        .find(|x| alternative_near(a, x))
                        .map(|x| (r, x.to_string()))
                });
                if let Some((range, expected)) = hit {
                    m.near.push(Near {
                        ours: oi,
                        theirs: ti,
                        range,
                        expected,
                    });
                    continue;
                }
            }
        }
        // Part by part: sub-items the catalog material lacks, and other remarks.
        let oparts = parts(o);
        let tparts = parts(t);
        for op in &oparts {
            let ov = &o[op.clone()];
            let ocore = material_core(ov);
            if ocore.is_empty() {
                continue;
            }
            let of: Vec<String> = forms(ov).into_iter().map(|(_, f)| norm_form(f)).collect();
            let tp = tparts.iter().max_by(|a, b| {
                similarity(ov, &t[(*a).clone()]).total_cmp(&similarity(ov, &t[(*b).clone()]))
            });
            let Some(tp) = tp else { continue };
            let tv = &t[tp.clone()];
            let tf: Vec<String> = forms(tv).into_iter().map(|(_, f)| norm_form(f)).collect();
            let part_matches = forms_meet(&of, &tf) || SIMILAR.holds(similarity(ov, tv));
            if !part_matches {
                if oparts.len() > 1 {
                    m.extra_parts.push((oi, op.clone()));
                }
                continue;
            }
            if material_core(tv) != ocore {
                continue;
            }
            let ours_r = remarks(o, op.clone());
            let theirs_r = remarks(t, tp.clone());
            let on: Vec<&String> = ours_r.iter().map(|(_, n)| n).collect();
            let tn: Vec<&String> = theirs_r.iter().map(|(_, n)| n).collect();
            if on == tn {
                continue;
            }
            let range = ours_r
                .iter()
                .find(|(_, n)| !tn.contains(&n))
                .map_or(op.clone(), |(r, _)| r.clone());
            m.remarks.push(RemarkDiff {
                ours: oi,
                theirs: ti,
                range,
                expected: theirs_r
                    .iter()
                    .map(|(r, _)| t[r.clone()].to_string())
                    .collect(),
                found: ours_r
                    .iter()
                    .map(|(r, _)| o[r.clone()].to_string())
                    .collect(),
            });
        }
    }
    m.missing = (0..theirs.len())
        .filter(|&ti| !covered[ti] && !material_core(theirs[ti]).is_empty())
        .collect();
    m
}

/// Two material texts one to three characters apart (three only for long texts), except when one
/// is the other with characters inserted at several places: an abbreviation (社保卡 / 社会保障卡,
/// 医保 / 医疗保障) names the same document.
pub fn near_miss(a: &str, b: &str) -> bool {
    let d = crate::text::edit_distance(a, b);
    let short = a.chars().count().min(b.chars().count());
    let limit = if short >= 14 { 3 } else { 2 };
    if d == 0 || d > limit || short < 6 {
        return false;
    }
    !is_abbreviation(a, b)
}

/// Whether the shorter text is the longer one with characters left out at two or more places.
fn is_abbreviation(a: &str, b: &str) -> bool {
    let (s, l): (Vec<char>, Vec<char>) = if a.chars().count() < b.chars().count() {
        (a.chars().collect(), b.chars().collect())
    } else {
        (b.chars().collect(), a.chars().collect())
    };
    if s.len() == l.len() {
        return false;
    }
    // Greedy alignment of the short text inside the long one; count the gaps.
    let mut gaps = 0;
    let mut in_gap = false;
    let mut i = 0;
    for &c in &l {
        if i < s.len() && s[i] == c {
            i += 1;
            in_gap = false;
        } else {
            if !in_gap {
                gaps += 1;
            }
            in_gap = true;
        }
    }
    i == s.len() && gaps >= 2
}

fn norm_form(f: &str) -> String {
    super::legal::norm_title(f)
}

/// The catalog limit a county limit must keep: the same group's, else the most generous one.
pub fn cap<'l>(
    text: &str,
    limit: &Limit,
    catalog_text: &str,
    catalog: &'l [Limit],
) -> Option<&'l Limit> {
    let group = limit.group.as_ref().map(|g| &text[g.clone()]);
    if let Some(g) = group {
        let same = catalog.iter().find(|c| {
            c.group.as_ref().is_some_and(|cg| {
                let cg = &catalog_text[cg.clone()];
                cg == g || cg.contains(g) || g.contains(cg)
            })
        });
        if same.is_some() {
            return same;
        }
    }
    // The most generous cap (a promise longer than all of them is certainly too long).
    catalog
        .iter()
        .fold(None, |best: Option<&Limit>, c| match best {
            None => Some(c),
            Some(b) if certainly_longer(c, b) == Some(true) => Some(c),
            Some(b) => Some(b),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(v: &str) -> Vec<&str> {
        note_materials(v).into_iter().map(|r| &v[r]).collect()
    }

    #[test]
    fn note_lists() {
        assert_eq!(
            entries(
                "提交资料：\n1、统一社会信用代码证书或单位批准成立的文件\n2、《基本医疗保险单位参保信息登记表》（加盖单位公章）"
            ),
            vec![
                "统一社会信用代码证书或单位批准成立的文件",
                "《基本医疗保险单位参保信息登记表》（加盖单位公章）"
            ]
        );
        assert_eq!(
            entries(
                "提交资料：1、医保电子凭证或有效身份证件或社保卡\n2、职工基本医疗保险个人账户一次性支取申请表"
            ),
            vec![
                "医保电子凭证或有效身份证件或社保卡",
                "职工基本医疗保险个人账户一次性支取申请表"
            ]
        );
        assert_eq!(
            entries(
                "提交材料：\n1.医保电子凭证或有效身份证件或社保卡\n2.《基本医疗保险职工参保信息变更登记表》"
            ),
            vec![
                "医保电子凭证或有效身份证件或社保卡",
                "《基本医疗保险职工参保信息变更登记表》"
            ]
        );
        assert_eq!(
            entries("提交资料\n1、 有效身份证件\n2、 《城乡居民基本医疗保险参保登记表》"),
            vec!["有效身份证件", "《城乡居民基本医疗保险参保登记表》"]
        );
        assert_eq!(
            entries(
                "提交资料：\n医保电子凭证或有效身份证件或社保卡\n《参保凭证》（含电子《参保凭证》）"
            ),
            vec![
                "医保电子凭证或有效身份证件或社保卡",
                "《参保凭证》（含电子《参保凭证》）"
            ]
        );
        assert!(entries("资料受理：对申报材料予以受理").is_empty());
        assert_eq!(
            entries("资料申报：\n提交以下材料来前台办理\n1、有效身份证件\n2、《个人承诺书》"),
            vec!["有效身份证件", "《个人承诺书》"]
        );
        assert!(entries("资料申报：提交以下材料来前台办理。").is_empty());
    }

    #[test]
    fn one_line_lists_and_decimals() {
        let v = "申报材料：1、甲材料2、乙材料";
        assert_eq!(entries(v), vec!["甲材料", "乙材料"]);
        let v = "提交资料：比例1.5倍的证明";
        assert_eq!(entries(v), vec!["比例1.5倍的证明"]);
    }

    #[test]
    fn similar_materials() {
        assert_eq!(
            similarity(
                "有效身份证件或医保电子凭证或社保卡",
                "医保电子凭证或有效身份证件或社保卡"
            ),
            1.0
        );
        assert!(
            similarity(
                "有效身份证件或医保电子凭证或社保卡",
                "有效的身份证或医保电子凭证或社会保障卡"
            ) > 0.6
        );
        assert!(similarity("出院记录", "病历资料") < 0.2);
        assert_eq!(
            similarity("《医疗救助申请表》", "《医疗救助申请表》（加盖公章）"),
            1.0
        );
    }

    #[test]
    fn matching() {
        let theirs = [
            "有效身份证件或医保电子凭证或社保卡",
            "医院收费票据",
            "费用清单",
            "出院记录",
        ];
        let ours = [
            "有效的身份证或医保电子凭证或社会保障卡",
            "医院收费票据",
            "费用清单",
            "病历资料",
        ];
        let m = match_materials(&ours, &theirs);
        assert_eq!(m.missing, vec![3]);
        assert_eq!(m.extra, vec![3]);
        // One alternative is a near miss: 有效的身份证 for 有效身份证件.
        assert_eq!(m.near.len(), 1);
        assert!(!near_miss(
            "有效身份证件或医保电子凭证或社会保障卡",
            "有效身份证件或医保电子凭证或社保卡"
        ));
        assert!(near_miss(
            "纳入定点后使用医疗保障基金的预测性分析报",
            "纳入定点后使用医疗保障基金的预测性分析报告"
        ));
        assert!(near_miss(
            "个人缴纳基本医保参保费用有效凭证",
            "个人缴纳基本医疗保险费用有效凭证"
        ));
        let ours = ["医了机构收费票据", "(以上办理资料均需加盖单位公章)"];
        let theirs = ["医疗机构收费票据"];
        let m = match_materials(&ours, &theirs);
        assert_eq!(m.near.len(), 1);
        assert_eq!((m.near[0].ours, m.near[0].theirs), (0, 0));
        assert!(m.missing.is_empty() && m.extra.is_empty());
    }

    #[test]
    fn alternatives_parts_and_remarks() {
        let theirs = ["有效身份证件或医保电子凭证或社保卡"];
        let ours = ["有效的身份证或医保电子凭证或社会保障卡"];
        let m = match_materials(&ours, &theirs);
        assert_eq!(m.near.len(), 1);
        assert_eq!(&ours[0][m.near[0].range.clone()], "有效的身份证");
        assert_eq!(m.near[0].expected, "有效身份证件");

        let theirs = [
            "在职职工：《职工基本医疗保险参保登记表》（含新增、暂停、终止、恢复、在职转退休）（加盖单位公章）",
        ];
        let ours = [
            "在职职工:①《职工基本医疗保险参保登记表》(含增加、中断、终止、恢复、在职转退休)(加盖单位公章) ②参保人员有效身份证件复印件",
        ];
        let m = match_materials(&ours, &theirs);
        assert!(m.extra.is_empty() && m.missing.is_empty());
        assert_eq!(m.extra_parts.len(), 1);
        assert_eq!(
            &ours[0][m.extra_parts[0].1.clone()],
            "参保人员有效身份证件复印件"
        );
        assert_eq!(m.remarks.len(), 1);
        assert_eq!(
            &ours[0][m.remarks[0].range.clone()],
            "(含增加、中断、终止、恢复、在职转退休)"
        );

        let theirs = [
            "统一社会信用代码证书或单位批准成立（注销）的文件",
            "《表》（加盖单位公章）",
        ];
        let ours = [
            "统一社会信用代码证书或单位批准成立的文件",
            "《表》(加盖单位公章)",
        ];
        let m = match_materials(&ours, &theirs);
        assert_eq!(m.remarks.len(), 1);
        assert_eq!(m.remarks[0].ours, 0);
        assert_eq!(m.remarks[0].expected, vec!["（注销）"]);

        let theirs = ["灵活就业人员：①有效身份证件；②《职工基本医疗保险参保登记表》"];
        let ours = ["灵活就业人员：（1）、有效身份证件；（2）、《职工基本医疗保险参保登记表》"];
        let m = match_materials(&ours, &theirs);
        assert!(m.remarks.is_empty() && m.extra_parts.is_empty() && m.extra.is_empty());
    }

    #[test]
    fn form_names() {
        let m = "在职职工：《职工基本医疗保险参保登记表》（含新增）（加盖单位公章）";
        let f = forms(m);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "职工基本医疗保险参保登记表");
        assert_eq!(material_core(m), "在职职工《职工基本医疗保险参保登记表》");
    }
}
