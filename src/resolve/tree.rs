//! The jurisdiction tree: unique names, known parents, no cycles, one province.

use rust_i18n::t;
use crate::diagnostic::Diag;
use crate::load::RawProject;
use crate::model::Level;
use crate::text::nearest;

pub struct Tree {
    pub parent: Vec<Option<usize>>,
    pub province: usize,
}

pub fn build(raw: &RawProject, diags: &mut Vec<Diag>) -> Option<Tree> {
    let before = diags.len();
    let names: Vec<&str> = raw
        .jurisdictions
        .iter()
        .map(|j| j.data.name.get_ref().as_str())
        .collect();

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
                .related(other.file, other.data.name.span(), t!("resolve.first-defined-here"))
                .help(t!("resolve.jurisdiction-twice-help")),
            );
        }
    }

    let mut parent = vec![None; raw.jurisdictions.len()];
    let mut provinces = Vec::new();
    for (i, j) in raw.jurisdictions.iter().enumerate() {
        let level = *j.data.level.get_ref();
        match (&j.data.parent, level) {
            (None, Level::Province) => provinces.push(i),
            (Some(p), Level::Province) => diags.push(
                Diag::error(
                    "load::province-parent",
                    j.file,
                    p.span(),
                    t!("resolve.province-parent"),
                )
                .label(t!("resolve.province-parent-label"))
                .help(t!("resolve.province-parent-help")),
            ),
            (None, _) => diags.push(
                Diag::error(
                    "load::missing-field",
                    j.file,
                    j.data.level.span(),
                    t!("resolve.no-parent", level = level.as_str()),
                )
                .label(t!("resolve.no-parent-label"))
                .help(t!("resolve.no-parent-help")),
            ),
            (Some(p), _) => match names.iter().position(|n| *n == p.get_ref()) {
                Some(pi) if pi == i => diags.push(
                    Diag::error(
                        "load::parent-cycle",
                        j.file,
                        p.span(),
                        t!("resolve.own-parent"),
                    )
                    .label(t!("resolve.own-parent-label"))
                    .help(t!("resolve.own-parent-help")),
                ),
                Some(pi) => parent[i] = Some(pi),
                None => {
                    let help = match nearest(p.get_ref(), &names) {
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
                }
            },
        }
    }

    // A cycle is found by walking up from each node; report it once, at its first member.
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

    match provinces.as_slice() {
        [] if raw.jurisdictions.is_empty() => {}
        [] => {
            let j = &raw.jurisdictions[0];
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
        [_] => {}
        [first, rest @ ..] => {
            for r in rest {
                let j = &raw.jurisdictions[*r];
                let f = &raw.jurisdictions[*first];
                diags.push(
                    Diag::error(
                        "load::two-provinces",
                        j.file,
                        j.data.level.span(),
                        t!("resolve.two-provinces"),
                    )
                    .related(f.file, f.data.level.span(), t!("resolve.province-here"))
                    .help(t!("resolve.two-provinces-help")),
                );
            }
        }
    }

    if diags.len() != before || raw.jurisdictions.is_empty() {
        return None;
    }
    Some(Tree {
        parent,
        province: provinces[0],
    })
}
