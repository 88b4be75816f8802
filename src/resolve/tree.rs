//! The jurisdiction tree: unique names, known parents, no cycles; an optional national list at the
//! top, any number of provinces (each the catalog of its own chain), cities and counties below.

use crate::diagnostic::Diag;
use crate::load::{RawJurisdiction, RawProject};
use crate::model::Level;
use crate::text::nearest;
use rust_i18n::t;

pub struct Tree {
    pub parent: Vec<Option<usize>>,
    /// For each jurisdiction, the province whose catalog governs it (itself for a province; `None`
    /// for the national list).
    pub province_of: Vec<Option<usize>>,
    /// The national list, when the project has one.
    pub national: Option<usize>,
}

pub fn build(raw: &RawProject, diags: &mut Vec<Diag>) -> Option<Tree> {
    let before = diags.len();
    let names: Vec<&str> = raw
        .jurisdictions
        .iter()
        .map(|j| j.data.name.get_ref().as_str())
        .collect();
    duplicate_names(raw, &names, diags);
    let parent = parents(raw, &names, diags);
    cycles(raw, &names, &parent, diags);
    let national = single_national(raw, diags);
    if diags.len() != before || raw.jurisdictions.is_empty() {
        return None;
    }
    let province_of = provinces(raw, &parent, diags);
    if diags.len() != before {
        return None;
    }
    Some(Tree {
        parent,
        province_of,
        national,
    })
}

fn duplicate_names(raw: &RawProject, names: &[&str], diags: &mut Vec<Diag>) {
    for (i, j) in raw.jurisdictions.iter().enumerate() {
        if let Some(first) = names[..i].iter().position(|n| *n == names[i]) {
            let other = &raw.jurisdictions[first];
            diags.push(
                Diag::error(
                    "load::duplicate-jurisdiction",
                    j.file,
                    j.data.name.span(),
                    t!("resolve.jurisdiction-twice", name = names[i]),
                )
                .label(t!("resolve.jurisdiction-twice-label"))
                .related(
                    other.file,
                    other.data.name.span(),
                    t!("resolve.first-defined-here"),
                )
                .help(t!("resolve.jurisdiction-twice-help")),
            );
        }
    }
}

fn level(j: &RawJurisdiction) -> Level {
    *j.data.level.get_ref()
}

/// Each jurisdiction's parent, checked against its level: the national list has none, a province
/// has none or the national list, a city or county names one.
fn parents(raw: &RawProject, names: &[&str], diags: &mut Vec<Diag>) -> Vec<Option<usize>> {
    let mut parent = vec![None; raw.jurisdictions.len()];
    for (i, j) in raw.jurisdictions.iter().enumerate() {
        let level = level(j);
        let Some(p) = &j.data.parent else {
            if level >= Level::City {
                diags.push(
                    Diag::error(
                        "load::missing-field",
                        j.file,
                        j.data.level.span(),
                        t!("resolve.no-parent", level = level.as_str()),
                    )
                    .label(t!("resolve.no-parent-label"))
                    .help(t!("resolve.no-parent-help")),
                );
            }
            continue;
        };
        let Some(pi) = names.iter().position(|n| *n == p.get_ref()) else {
            let help = match nearest(p.get_ref(), names) {
                Some(n) => t!("load.did-you-mean", near = n),
                None => t!("resolve.known-jurisdictions", names = names.join("、")),
            };
            diags.push(
                Diag::error(
                    "load::unknown-parent",
                    j.file,
                    p.span(),
                    t!("resolve.unknown-parent", name = p.get_ref()),
                )
                .label(t!("resolve.unknown-parent-label"))
                .help(help),
            );
            continue;
        };
        if pi == i {
            diags.push(
                Diag::error(
                    "load::parent-cycle",
                    j.file,
                    p.span(),
                    t!("resolve.own-parent"),
                )
                .label(t!("resolve.own-parent-label"))
                .help(t!("resolve.own-parent-help")),
            );
            continue;
        }
        let parent_level = level_of(raw, pi);
        let fits = match level {
            Level::National => false,
            Level::Province => parent_level == Level::National,
            Level::City | Level::County => parent_level >= Level::Province,
        };
        if !fits {
            diags.push(
                Diag::error(
                    "load::province-parent",
                    j.file,
                    p.span(),
                    t!(
                        "resolve.parent-level",
                        level = level.as_str(),
                        parent = parent_level.as_str()
                    ),
                )
                .label(t!("resolve.province-parent-label"))
                .help(t!("resolve.province-parent-help")),
            );
            continue;
        }
        parent[i] = Some(pi);
    }
    parent
}

fn level_of(raw: &RawProject, j: usize) -> Level {
    level(&raw.jurisdictions[j])
}

/// A cycle is found by walking up from each node; report it once, at its first member.
fn cycles(raw: &RawProject, names: &[&str], parent: &[Option<usize>], diags: &mut Vec<Diag>) {
    let mut reported = vec![false; parent.len()];
    for start in 0..parent.len() {
        let mut seen = vec![start];
        let mut cur = parent[start];
        while let Some(p) = cur {
            if p == start {
                if !seen.iter().any(|s| reported[*s]) {
                    let j = &raw.jurisdictions[start];
                    let chain: Vec<&str> = seen
                        .iter()
                        .map(|s| names[*s])
                        .chain([names[start]])
                        .collect();
                    if let Some(span) = j.data.parent.as_ref().map(|p| p.span()) {
                        diags.push(
                            Diag::error(
                                "load::parent-cycle",
                                j.file,
                                span,
                                t!("resolve.cycle", chain = chain.join(" → ")),
                            )
                            .label(t!("resolve.cycle-label"))
                            .help(t!("resolve.cycle-help")),
                        );
                    }
                    for s in &seen {
                        reported[*s] = true;
                    }
                }
                break;
            }
            if seen.contains(&p) {
                break;
            }
            seen.push(p);
            cur = parent[p];
        }
    }
}

/// The national list, if any; a second one is an error.
fn single_national(raw: &RawProject, diags: &mut Vec<Diag>) -> Option<usize> {
    let nationals: Vec<usize> = (0..raw.jurisdictions.len())
        .filter(|&j| level_of(raw, j) == Level::National)
        .collect();
    let first = *nationals.first()?;
    let f = &raw.jurisdictions[first];
    for &r in &nationals[1..] {
        let j = &raw.jurisdictions[r];
        diags.push(
            Diag::error(
                "load::two-nationals",
                j.file,
                j.data.level.span(),
                t!("resolve.two-nationals"),
            )
            .related(f.file, f.data.level.span(), t!("resolve.national-here"))
            .help(t!("resolve.two-nationals-help")),
        );
    }
    Some(first)
}

/// The province above each jurisdiction (the tree has no cycles here). A city or county must have
/// one: its items are governed by that province's catalog and by no other.
fn provinces(
    raw: &RawProject,
    parent: &[Option<usize>],
    diags: &mut Vec<Diag>,
) -> Vec<Option<usize>> {
    let mut out = vec![None; parent.len()];
    for (i, j) in raw.jurisdictions.iter().enumerate() {
        let mut cur = Some(i);
        while let Some(c) = cur {
            if level_of(raw, c) == Level::Province {
                out[i] = Some(c);
                break;
            }
            cur = parent[c];
        }
        if out[i].is_none() && level(j) != Level::National {
            diags.push(
                Diag::error(
                    "load::no-province",
                    j.file,
                    j.data.level.span(),
                    t!("resolve.no-province"),
                )
                .help(t!("resolve.no-province-help")),
            );
        }
    }
    out
}
