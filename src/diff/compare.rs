//! The comparison itself: each jurisdiction's items against the new edition.

use std::collections::BTreeSet;

use super::edition::{Edition, EditionItem};
use super::{Change, ChangeKind, JurisdictionDiff, Report, ValueSource};
use crate::lint::governing::cap;
use crate::model::Field;
use crate::resolve::{Project, ResolvedItem};
use crate::text::chars::fullwidth;
use crate::text::similar::edit_distance;
use crate::text::time_limit::{self, Bound, certainly_longer};

/// Two materials this similar (1 − distance / longer length) are one material reworded.
const REWORDED_SIMILARITY: f64 = 0.5;

/// Compares every city and county of `project` (or only `only` and the jurisdictions under it)
/// with the `new` edition; values a list does not set are taken from the `old` edition.
pub fn compare(project: &Project, old: &Edition, new: &Edition, only: Option<usize>) -> Report {
    let mut jurisdictions = Vec::new();
    let province = project.compared_province(only);
    for j in project.tree_order() {
        let jur = &project.jurisdictions[j];
        // Only the chain of the compared catalog: another province's counties follow another list.
        if project.is_catalog(j) || jur.items.is_empty() || project.province_of(j) != province {
            continue;
        }
        if let Some(o) = only
            && o != j
            && !project.ancestors(j).contains(&o)
        {
            continue;
        }
        let mut diff = JurisdictionDiff {
            name: jur.name.clone(),
            level: jur.level.as_str().to_string(),
            items: 0,
            changes: Vec::new(),
        };
        let mut matched = BTreeSet::new();
        for item in &jur.items {
            let view = ListItem::new(project, item, old);
            if let Some(new_item) = compare_item(&view, old, new, &mut diff.changes) {
                diff.items += 1;
                matched.insert(new_item.code.clone());
            }
        }
        for n in new.items.iter().filter(|n| !matched.contains(&n.code)) {
            let added = old.find(&n.code).is_none();
            diff.changes.push(Change {
                kind: ChangeKind::NotImplemented,
                code: None,
                name: n.name.clone(),
                new_code: Some(n.code.clone()),
                old: None,
                new: None,
                note: if added {
                    format!("新版目录新增事项 {}，本级清单未列入", n.code)
                } else {
                    format!("目录事项 {}，本级清单未列入", n.code)
                },
                source: None,
            });
        }
        jurisdictions.push(diff);
    }
    Report {
        old: old.label.clone(),
        new: new.label.clone(),
        jurisdictions,
    }
}

/// A listed item's values as the jurisdiction publishes them, each with where it came from.
struct ListItem<'a> {
    code: Option<&'a str>,
    local: bool,
    name: (String, ValueSource),
    materials: (Vec<String>, ValueSource),
    time_limit: (Option<String>, ValueSource),
    legal_basis: (Vec<String>, ValueSource),
}

impl<'a> ListItem<'a> {
    fn new(project: &Project, item: &'a ResolvedItem, old: &Edition) -> ListItem<'a> {
        let own = |field: Field| {
            item.origin_of(field)
                .is_some_and(|o| !project.is_catalog(o.jurisdiction))
        };
        let old_item = item.code().and_then(|c| old.find(c));
        let pick = |field: Field, listed: Option<Vec<String>>, from_old: Option<Vec<String>>| {
            if own(field) {
                (listed.unwrap_or_default(), ValueSource::List)
            } else {
                (
                    from_old.or(listed).unwrap_or_default(),
                    ValueSource::OldEdition,
                )
            }
        };
        let texts = |v: &Option<Vec<crate::model::Text>>| {
            v.as_ref()
                .map(|l| l.iter().map(|t| t.get_ref().clone()).collect())
        };
        let one = |v: &Option<crate::model::Text>| v.as_ref().map(|t| vec![t.get_ref().clone()]);
        let name = pick(
            Field::Name,
            Some(vec![item.name().to_string()]),
            old_item.map(|o| vec![o.name.clone()]),
        );
        let time_limit = pick(
            Field::TimeLimit,
            one(&item.item.time_limit),
            old_item.map(|o| o.time_limit.iter().cloned().collect()),
        );
        ListItem {
            code: item.code(),
            local: item.item.local,
            name: (name.0.into_iter().next().unwrap_or_default(), name.1),
            materials: pick(
                Field::Materials,
                texts(&item.item.materials),
                old_item.map(|o| o.materials.clone()),
            ),
            time_limit: (time_limit.0.into_iter().next(), time_limit.1),
            legal_basis: pick(
                Field::LegalBasis,
                texts(&item.item.legal_basis),
                old_item.map(|o| o.legal_basis.clone()),
            ),
        }
    }
}

/// Compares one listed item; returns the new edition's item it was matched with.
fn compare_item<'n>(
    item: &ListItem,
    old: &Edition,
    new: &'n Edition,
    out: &mut Vec<Change>,
) -> Option<&'n EditionItem> {
    // Items without a catalog code, or marked local, are the jurisdiction's own business, unless
    // the old edition had the code and the new one withdrew it.
    let code = item.code?;
    if item.local && new.find(code).is_none() && old.find(code).is_none() {
        return None;
    }
    let name = item.name.0.as_str();
    let change =
        |kind, new_code: Option<&str>, old_v: Option<String>, new_v: Option<String>| Change {
            kind,
            code: Some(code.to_string()),
            name: name.to_string(),
            new_code: new_code.map(str::to_string),
            old: old_v,
            new: new_v,
            note: String::new(),
            source: None,
        };
    let n = match new.find(code) {
        Some(n) => {
            if norm(&n.name) != norm(name) {
                let mut c = change(
                    ChangeKind::Renamed,
                    Some(&n.code),
                    Some(name.to_string()),
                    Some(n.name.clone()),
                );
                c.note = format!("按编码 {code} 匹配；名称改为“{}”", n.name);
                c.source = Some(item.name.1);
                out.push(c);
            }
            n
        }
        None => {
            if let Some(n) = new.items.iter().find(|n| norm(&n.name) == norm(name)) {
                let mut c = change(
                    ChangeKind::Recoded,
                    Some(&n.code),
                    Some(code.to_string()),
                    Some(n.code.clone()),
                );
                c.note = format!("编码 {code} 不在新版目录中，按名称匹配到 {}", n.code);
                out.push(c);
                n
            } else {
                let mut c = change(ChangeKind::NotInCatalog, None, None, None);
                c.note = if old.find(code).is_some() {
                    "新版目录已取消此事项：停止办理或改为本地事项（local = true）".to_string()
                } else {
                    "目录中既无此编码也无同名事项：核对编码，或标为本地事项（local = true）"
                        .to_string()
                };
                out.push(c);
                return None;
            }
        }
    };
    compare_time_limit(item, n, &change, out);
    compare_materials(item, n, &change, out);
    compare_legal_basis(item, n, &change, out);
    Some(n)
}

type MakeChange<'c> =
    dyn Fn(ChangeKind, Option<&str>, Option<String>, Option<String>) -> Change + 'c;

fn compare_time_limit(
    item: &ListItem,
    n: &EditionItem,
    change: &MakeChange,
    out: &mut Vec<Change>,
) {
    let (Some(promise), Some(cap_text)) = (&item.time_limit.0, &n.time_limit) else {
        return;
    };
    let caps = time_limit::parse(cap_text);
    for l in time_limit::parse(promise) {
        if l.bound == Bound::After {
            continue;
        }
        let Some(c) = cap(promise, &l, cap_text, &caps) else {
            continue;
        };
        if certainly_longer(&l, c) == Some(true) {
            let mut ch = change(
                ChangeKind::TimeLimitLonger,
                Some(&n.code),
                Some(promise.clone()),
                Some(cap_text.clone()),
            );
            ch.note = format!("承诺{}，新版上限{}", l.describe(), c.describe());
            ch.source = Some(item.time_limit.1);
            out.push(ch);
            return;
        }
    }
}

fn compare_materials(item: &ListItem, n: &EditionItem, change: &MakeChange, out: &mut Vec<Change>) {
    let listed = &item.materials.0;
    if listed.is_empty() || n.materials.is_empty() {
        return;
    }
    let new_norms: BTreeSet<String> = n.materials.iter().map(|m| material_key(m)).collect();
    let old_norms: BTreeSet<String> = listed.iter().map(|m| material_key(m)).collect();
    let mut dropped: Vec<&String> = listed
        .iter()
        .filter(|m| !new_norms.contains(&material_key(m)))
        .collect();
    let mut added: Vec<&String> = n
        .materials
        .iter()
        .filter(|m| !old_norms.contains(&material_key(m)))
        .collect();
    // Pair the most similar dropped and added materials: one material reworded, not two changes.
    loop {
        let best = dropped
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                added
                    .iter()
                    .enumerate()
                    .map(move |(k, a)| (i, k, similarity(d, a)))
            })
            .filter(|&(_, _, s)| s >= REWORDED_SIMILARITY)
            .max_by(|a, b| a.2.total_cmp(&b.2));
        let Some((i, k, _)) = best else { break };
        let (d, a) = (dropped.remove(i), added.remove(k));
        let mut ch = change(
            ChangeKind::MaterialReworded,
            Some(&n.code),
            Some(d.clone()),
            Some(a.clone()),
        );
        ch.note = "按新版表述修改该材料".into();
        ch.source = Some(item.materials.1);
        out.push(ch);
    }
    for d in dropped {
        let mut ch = change(
            ChangeKind::MaterialDropped,
            Some(&n.code),
            Some(d.clone()),
            None,
        );
        ch.note = "新版不再要求此材料".into();
        ch.source = Some(item.materials.1);
        out.push(ch);
    }
    for a in added {
        let mut ch = change(
            ChangeKind::MaterialAdded,
            Some(&n.code),
            None,
            Some(a.clone()),
        );
        ch.note = "新版要求此材料，清单中没有".into();
        ch.source = Some(item.materials.1);
        out.push(ch);
    }
}

fn compare_legal_basis(
    item: &ListItem,
    n: &EditionItem,
    change: &MakeChange,
    out: &mut Vec<Change>,
) {
    let listed = &item.legal_basis.0;
    if listed.is_empty() || n.legal_basis.is_empty() {
        return;
    }
    let new_norms: BTreeSet<String> = n.legal_basis.iter().map(|m| citation_key(m)).collect();
    let old_norms: BTreeSet<String> = listed.iter().map(|m| citation_key(m)).collect();
    if new_norms == old_norms {
        return;
    }
    let only_old: Vec<&str> = listed
        .iter()
        .filter(|l| !new_norms.contains(&citation_key(l)))
        .map(String::as_str)
        .collect();
    let only_new: Vec<&str> = n
        .legal_basis
        .iter()
        .filter(|l| !old_norms.contains(&citation_key(l)))
        .map(String::as_str)
        .collect();
    let mut ch = change(
        ChangeKind::LegalBasisChanged,
        Some(&n.code),
        (!only_old.is_empty()).then(|| only_old.join("\n")),
        (!only_new.is_empty()).then(|| only_new.join("\n")),
    );
    ch.note = format!("删去 {} 条、新增 {} 条依据", only_old.len(), only_new.len());
    ch.source = Some(item.legal_basis.1);
    out.push(ch);
}

/// Text compared for equality: half-width punctuation made full-width, spaces and a final
/// separator dropped (the same material typed in two offices).
pub(crate) fn norm(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| fullwidth(c).unwrap_or(c))
        .collect();
    while out.ends_with(['；', '。', '，', '、']) {
        out.pop();
    }
    out
}

/// A material compared as its alternatives (`A或B或C`): the same documents in another order are the
/// same material.
fn material_key(s: &str) -> String {
    let n = norm(s);
    let mut alternatives: Vec<&str> = n.split('或').collect();
    alternatives.sort_unstable();
    alternatives.join("或")
}

/// A citation compared without its typography: any bracket around a year (〔〕【】[]) and the
/// optional 第 of an order number (国务院令第765号 / 国务院令765号) name the same document.
fn citation_key(s: &str) -> String {
    let n: String = norm(s)
        .chars()
        .map(|c| match c {
            '【' | '[' | '［' => '〔',
            '】' | ']' | '］' => '〕',
            c => c,
        })
        .collect();
    let chars: Vec<char> = n.chars().collect();
    let mut out = String::with_capacity(n.len());
    for (i, &c) in chars.iter().enumerate() {
        let order_di = c == '第'
            && i > 0
            && chars[i - 1] == '令'
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !order_di {
            out.push(c);
        }
    }
    out
}

fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (norm(a), norm(b));
    let longer = a.chars().count().max(b.chars().count()).max(1);
    1.0 - edit_distance(&a, &b) as f64 / longer as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_ignores_width_and_final_separator() {
        assert_eq!(
            norm("医疗救助对象手工(零星)报销"),
            norm("医疗救助对象手工（零星）报销")
        );
        assert_eq!(norm("有效身份证件；"), "有效身份证件");
        assert_ne!(norm("有效身份证件"), norm("有效身份证明"));
    }

    #[test]
    fn keys_ignore_order_of_alternatives_and_citation_typography() {
        assert_eq!(
            material_key("医保电子凭证或有效身份证件或社保卡"),
            material_key("有效身份证件或医保电子凭证或社保卡")
        );
        assert_eq!(
            citation_key("《社会保险经办条例》（国务院令第765号）第六条"),
            citation_key("《社会保险经办条例》（国务院令765号）第六条")
        );
        assert_eq!(
            citation_key("（医保办发[2021]43号）"),
            citation_key("（医保办发〔2021〕43号）")
        );
        assert_ne!(
            citation_key("（劳社厅发【2022】8号）"),
            citation_key("（劳社厅发〔2002〕8号）")
        );
    }

    #[test]
    fn similar_materials_pair_up() {
        assert!(
            similarity("单位批准成立的文件", "单位批准成立（注销）的文件") > REWORDED_SIMILARITY
        );
        assert!(
            similarity("有效身份证件", "《基本医疗保险单位参保信息登记表》") < REWORDED_SIMILARITY
        );
    }
}
