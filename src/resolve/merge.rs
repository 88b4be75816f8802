//! Overlaying items: county over its own defaults, over each parent's item of the same code, over
//! the catalog. The first layer that sets a field wins, and the field remembers that layer.

use rust_i18n::t;
use std::collections::BTreeMap;

use crate::diagnostic::Diag;
use crate::load::{RawJurisdiction, RawProject};
use crate::model::{Item, MainItem, Spanned};
use crate::source::FileId;
use crate::text::nearest;

use super::tree::Tree;
use super::{Jurisdiction, Origin, ResolvedItem};

/// Declares the inheritable item fields once: the list of names and the code that fills them.
macro_rules! inheritable_fields {
    ($($field:ident),* $(,)?) => {
        /// Item fields that inherit (everything but `code`, `id`, `local`, `seq` and `flow`).
        pub const FIELDS: &[&str] = &[$(stringify!($field)),*];

        /// Copy into `dst` every field it does not have yet from `src`, noting where it came from.
        fn fill(dst: &mut Item, src: &Item, origins: &mut BTreeMap<&'static str, Origin>, origin: Origin) {
            $(
                if dst.$field.is_none() {
                    if let Some(value) = &src.$field {
                        dst.$field = Some(value.clone());
                        origins.insert(stringify!($field), origin);
                    }
                }
            )*
        }
    };
}

inheritable_fields!(
    name,
    power_code,
    power_type,
    agency,
    address,
    target,
    legal_basis,
    conditions,
    materials,
    time_limit,
    fee,
    department,
    online,
    consult,
    supervision,
    contact,
    accepting_unit,
    channels,
    steps,
    query,
    evaluation,
    notes,
);

/// One declared item of one jurisdiction, before merging.
struct Declared<'a> {
    file: FileId,
    item: &'a Spanned<Item>,
    main: Option<&'a MainItem>,
}

fn key_of(item: &Item) -> Option<&str> {
    item.code
        .as_ref()
        .or(item.id.as_ref())
        .map(|t| t.get_ref().as_str())
}

/// Every jurisdiction's declared items by key, reporting duplicates.
fn index<'a>(j: &'a RawJurisdiction, diags: &mut Vec<Diag>) -> Vec<(String, Declared<'a>)> {
    let mut out: Vec<(String, Declared<'a>)> = Vec::new();
    for f in &j.item_files {
        for item in &f.data.items {
            let Some(key) = key_of(item.get_ref()) else {
                continue;
            };
            let text = item
                .get_ref()
                .code
                .as_ref()
                .or(item.get_ref().id.as_ref())
                .expect("key exists");
            if let Some((_, first)) = out.iter().find(|(k, _)| k == key) {
                let first_span = key_span(first.item);
                let (code, what) = if item.get_ref().code.is_some() {
                    ("load::duplicate-code", "code")
                } else {
                    ("load::duplicate-id", "id")
                };
                diags.push(
                    Diag::error(
                        code,
                        f.file,
                        text.span(),
                        t!("resolve.declared-twice", what = what, key = key, jurisdiction = j.data.name.get_ref()),
                    )
                    .label(t!("resolve.declared-twice-label"))
                    .related(first.file, first_span, t!("resolve.first-declared-here"))
                    .help(t!("resolve.declared-twice-help", what = what)),
                );
                continue;
            }
            out.push((
                key.to_string(),
                Declared {
                    file: f.file,
                    item,
                    main: f.data.main.as_ref(),
                },
            ));
        }
    }
    out
}

fn key_span(item: &Spanned<Item>) -> std::ops::Range<usize> {
    let i = item.get_ref();
    i.code
        .as_ref()
        .or(i.id.as_ref())
        .map_or(item.span(), |t| t.span())
}

pub fn resolve_items(raw: &RawProject, tree: &Tree, diags: &mut Vec<Diag>) -> Vec<Jurisdiction> {
    let indexes: Vec<Vec<(String, Declared)>> =
        raw.jurisdictions.iter().map(|j| index(j, diags)).collect();
    let lookup = |j: usize, key: &str| indexes[j].iter().find(|(k, _)| k == key).map(|(_, d)| d);
    let catalog_keys: Vec<&str> = indexes[tree.province]
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();

    let mut out = Vec::new();
    for (ji, j) in raw.jurisdictions.iter().enumerate() {
        let mut chain = Vec::new();
        let mut cur = tree.parent[ji];
        while let Some(p) = cur {
            if p == tree.province || chain.contains(&p) {
                break;
            }
            chain.push(p);
            cur = tree.parent[p];
        }

        let mut items = Vec::new();
        for (key, declared) in &indexes[ji] {
            let own = declared.item.get_ref();
            let decl = Origin {
                jurisdiction: ji,
                file: declared.file,
            };
            let mut merged = Item {
                code: own.code.clone(),
                id: own.id.clone(),
                local: own.local,
                seq: own.seq.clone(),
                ..Item::default()
            };
            let mut origins = BTreeMap::new();
            fill(&mut merged, own, &mut origins, decl);
            if let Some(defaults) = &j.data.defaults {
                fill(
                    &mut merged,
                    defaults.get_ref(),
                    &mut origins,
                    Origin {
                        jurisdiction: ji,
                        file: j.file,
                    },
                );
            }

            let mut flows = own.flow.clone();
            let mut flows_origin = (!flows.is_empty()).then_some(decl);
            let mut main = declared.main.map(|m| (declared.file, m.clone()));
            let mut catalog = None;

            if let (Some(code), false) = (&own.code, ji == tree.province) {
                let mut found = false;
                for &p in &chain {
                    if let Some(d) = lookup(p, key) {
                        found = true;
                        let origin = Origin {
                            jurisdiction: p,
                            file: d.file,
                        };
                        fill(&mut merged, d.item.get_ref(), &mut origins, origin);
                        if flows.is_empty() && !d.item.get_ref().flow.is_empty() {
                            flows = d.item.get_ref().flow.clone();
                            flows_origin = Some(origin);
                        }
                        if main.is_none() {
                            main = d.main.map(|m| (d.file, m.clone()));
                        }
                    }
                }
                // A `local` item never takes catalog values, even when some ancestor's item would.
                let local = own.local
                    || chain
                        .iter()
                        .any(|&p| lookup(p, key).is_some_and(|d| d.item.get_ref().local));
                if !local
                    && let Some(pos) = indexes[tree.province].iter().position(|(k, _)| k == key)
                {
                    found = true;
                    catalog = Some(pos);
                    let d = &indexes[tree.province][pos].1;
                    fill(
                        &mut merged,
                        d.item.get_ref(),
                        &mut origins,
                        Origin {
                            jurisdiction: tree.province,
                            file: d.file,
                        },
                    );
                    if main.is_none() {
                        main = d.main.map(|m| (d.file, m.clone()));
                    }
                }
                // A county may publish something for a whole 主项 (a chart for 13203600400Y): the
                // 主项 then stands in for the item and lends it its name.
                if !found {
                    let province = &raw.jurisdictions[tree.province];
                    let main_item = province.item_files.iter().find_map(|f| {
                        f.data
                            .main
                            .as_ref()
                            .filter(|m| m.code.get_ref() == key)
                            .map(|m| (f.file, m))
                    });
                    if let Some((file, m)) = main_item {
                        found = true;
                        if merged.name.is_none() {
                            merged.name = Some(m.name.clone());
                            origins.insert(
                                "name",
                                Origin {
                                    jurisdiction: tree.province,
                                    file,
                                },
                            );
                        }
                        if main.is_none() {
                            main = Some((file, m.clone()));
                        }
                    }
                }
                if !found && !own.local {
                    let help = match nearest(key, &catalog_keys) {
                        Some(n) => t!("resolve.unknown-code-near", near = n),
                        None => t!("resolve.unknown-code-help"),
                    };
                    diags.push(
                        Diag::error(
                            "load::unknown-code",
                            declared.file,
                            code.span(),
                            t!("resolve.unknown-code", key = key),
                        )
                        .label(t!("resolve.unknown-code-label"))
                        .help(help),
                    );
                    continue;
                }
            } else if ji == tree.province {
                catalog = Some(items.len());
            }

            if merged.name.is_none() {
                diags.push(
                    Diag::error(
                        "load::missing-field",
                        declared.file,
                        key_span(declared.item),
                        t!("resolve.no-name", key = key),
                    )
                    .label(t!("resolve.no-name-label"))
                    .help(t!("resolve.no-name-help")),
                );
                continue;
            }
            // The merged item carries its flows too, so it is a complete item on its own.
            merged.flow = flows.clone();
            items.push(ResolvedItem {
                key: key.clone(),
                item: merged,
                origins,
                decl,
                span: declared.item.span(),
                main,
                catalog,
                flows,
                flows_origin,
            });
        }

        let mains = j
            .item_files
            .iter()
            .filter_map(|f| f.data.main.as_ref().map(|m| (f.file, m.clone())))
            .collect();
        out.push(Jurisdiction {
            name: j.data.name.get_ref().clone(),
            level: *j.data.level.get_ref(),
            parent: tree.parent[ji],
            file: j.file,
            dir: j.dir.clone(),
            data: j.data.clone(),
            items,
            mains,
        });
    }
    out
}
