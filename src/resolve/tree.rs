//! The jurisdiction tree: unique names, known parents, no cycles, one province.

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
                    format!("jurisdiction `{}` is defined twice", names[i]),
                )
                .label("second definition")
                .related(other.file, other.data.name.span(), "first defined here")
                .help("every jurisdiction.toml needs its own name; merge the two folders or rename one"),
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
                    "a province has no parent",
                )
                .label("remove this")
                .help("only cities and counties name a parent"),
            ),
            (None, _) => diags.push(
                Diag::error(
                    "load::missing-field",
                    j.file,
                    j.data.level.span(),
                    format!("a {} must name its parent jurisdiction", level.as_str()),
                )
                .label("this level needs a parent")
                .help("add parent = \"…\" with the name of the city or province above it"),
            ),
            (Some(p), _) => match names.iter().position(|n| *n == p.get_ref()) {
                Some(pi) if pi == i => diags.push(
                    Diag::error(
                        "load::parent-cycle",
                        j.file,
                        p.span(),
                        "a jurisdiction cannot be its own parent",
                    )
                    .label("names itself")
                    .help("name the city or province above it"),
                ),
                Some(pi) => parent[i] = Some(pi),
                None => {
                    let help = match nearest(p.get_ref(), &names) {
                        Some(n) => format!("did you mean `{n}`?"),
                        None => format!("known jurisdictions: {}", names.join("、")),
                    };
                    diags.push(
                        Diag::error(
                            "load::unknown-parent",
                            j.file,
                            p.span(),
                            format!("parent `{}` is not a known jurisdiction", p.get_ref()),
                        )
                        .label("no jurisdiction.toml has this name")
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
                                format!("parent cycle: {}", chain.join(" → ")),
                            )
                            .label("this parent closes the cycle")
                            .help("a county's parent is a city, a city's parent is the province"),
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
                    "no jurisdiction has level = \"province\"",
                )
                .help("catalog/jurisdiction.toml defines the province and its catalog"),
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
                        "a second province",
                    )
                    .related(f.file, f.data.level.span(), "the province is defined here")
                    .help("a project has one governing catalog; make this a city or a county"),
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
