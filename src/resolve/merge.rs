//! Overlaying items: county over its own defaults, over each parent's item of the same code, over
//! its own province's catalog. The first layer that sets a field wins, and the field remembers that
//! layer. A province's items are not filled from the national list, only linked to it (and compared
//! by the lint).

use rust_i18n::t;
use std::collections::BTreeMap;

use crate::diagnostic::Diag;
use crate::load::{RawJurisdiction, RawProject};
use crate::model::{Field, Item, MainItem, Spanned};
use crate::source::FileId;
use crate::text::nearest;

use super::tree::Tree;
use super::{GovernedVia, ItemRef, Jurisdiction, Origin, ResolvedItem};

/// Copy into `dst` every inheriting field it does not have yet from `src`, noting where it came from.
fn fill(dst: &mut Item, src: &Item, origins: &mut BTreeMap<Field, Origin>, origin: Origin) {
    for &field in Field::ALL {
        if field.inherits() && dst.inherit(field, src) {
            origins.insert(field, origin);
        }
    }
}

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
                        t!(
                            "resolve.declared-twice",
                            what = what,
                            key = key,
                            jurisdiction = j.data.name.get_ref()
                        ),
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

/// Declared items of every jurisdiction, by key.
type Indexes<'a> = Vec<Vec<(String, Declared<'a>)>>;

fn lookup<'i, 'a>(
    indexes: &'i Indexes<'a>,
    j: usize,
    key: &str,
) -> Option<(usize, &'i Declared<'a>)> {
    indexes[j]
        .iter()
        .position(|(k, _)| k == key)
        .map(|pos| (pos, &indexes[j][pos].1))
}

pub fn resolve_items(raw: &RawProject, tree: &Tree, diags: &mut Vec<Diag>) -> Vec<Jurisdiction> {
    let indexes: Indexes = raw.jurisdictions.iter().map(|j| index(j, diags)).collect();
    (0..raw.jurisdictions.len())
        .map(|ji| resolve_jurisdiction(raw, tree, &indexes, ji, diags))
        .collect()
}

fn resolve_jurisdiction(
    raw: &RawProject,
    tree: &Tree,
    indexes: &Indexes,
    ji: usize,
    diags: &mut Vec<Diag>,
) -> Jurisdiction {
    let j = &raw.jurisdictions[ji];
    // The parents whose items overlay this one's: up to, not including, the province.
    let mut between = Vec::new();
    let mut cur = tree.parent[ji];
    while let Some(p) = cur {
        if Some(p) == tree.province_of[ji] || between.contains(&p) {
            break;
        }
        between.push(p);
        cur = tree.parent[p];
    }
    let layers = Layers {
        raw,
        tree,
        indexes,
        ji,
        between: &between,
    };
    let mut items = Vec::new();
    for (key, declared) in &indexes[ji] {
        if let Some(item) = layers.resolve_item(key, declared, diags) {
            items.push(item);
        }
    }
    let mains = j
        .item_files
        .iter()
        .filter_map(|f| f.data.main.as_ref().map(|m| (f.file, m.clone())))
        .collect();
    Jurisdiction {
        name: j.data.name.get_ref().clone(),
        level: *j.data.level.get_ref(),
        parent: tree.parent[ji],
        file: j.file,
        dir: j.dir.clone(),
        data: j.data.clone(),
        items,
        mains,
        notice: j.notice,
        province: tree.province_of[ji],
    }
}

/// What one jurisdiction's items are resolved against.
struct Layers<'r, 'a> {
    raw: &'r RawProject,
    tree: &'r Tree,
    indexes: &'r Indexes<'a>,
    ji: usize,
    /// Parents below the province, nearest first.
    between: &'r [usize],
}

/// An item being merged, with where its values came from.
struct Merging {
    merged: Item,
    origins: BTreeMap<Field, Origin>,
    flows: Vec<Spanned<crate::model::Flow>>,
    flows_origin: Option<Origin>,
    main: Option<(FileId, MainItem)>,
}

impl Merging {
    fn take(&mut self, d: &Declared, origin: Origin) {
        fill(
            &mut self.merged,
            d.item.get_ref(),
            &mut self.origins,
            origin,
        );
        if self.flows.is_empty() && !d.item.get_ref().flow.is_empty() {
            self.flows = d.item.get_ref().flow.clone();
            self.flows_origin = Some(origin);
        }
        if self.main.is_none() {
            self.main = d.main.map(|m| (d.file, m.clone()));
        }
    }
}

impl Layers<'_, '_> {
    fn province(&self) -> Option<usize> {
        self.tree.province_of[self.ji]
    }

    fn resolve_item(
        &self,
        key: &str,
        declared: &Declared,
        diags: &mut Vec<Diag>,
    ) -> Option<ResolvedItem> {
        let own = declared.item.get_ref();
        let j = &self.raw.jurisdictions[self.ji];
        let decl = Origin {
            jurisdiction: self.ji,
            file: declared.file,
        };
        let mut m = Merging {
            merged: Item {
                code: own.code.clone(),
                id: own.id.clone(),
                local: own.local,
                governed_by: own.governed_by.clone(),
                seq: own.seq.clone(),
                ..Item::default()
            },
            origins: BTreeMap::new(),
            flows: own.flow.clone(),
            flows_origin: (!own.flow.is_empty()).then_some(decl),
            main: declared.main.map(|m| (declared.file, m.clone())),
        };
        fill(&mut m.merged, own, &mut m.origins, decl);
        if let Some(defaults) = &j.data.defaults {
            let origin = Origin {
                jurisdiction: self.ji,
                file: j.file,
            };
            fill(&mut m.merged, defaults.get_ref(), &mut m.origins, origin);
        }

        let is_catalog = *j.data.level.get_ref() <= crate::model::Level::Province;
        let catalog = if is_catalog {
            self.national_link(own, declared.file, diags)?
        } else {
            self.overlay(key, own, declared, &mut m, diags)?
        };

        if m.merged.name.is_none() {
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
            return None;
        }
        // The merged item carries its flows too, so it is a complete item on its own.
        m.merged.flow = m.flows.clone();
        Some(ResolvedItem {
            key: key.to_string(),
            item: m.merged,
            origins: m.origins,
            decl,
            span: declared.item.span(),
            main: m.main,
            catalog,
            flows: m.flows,
            flows_origin: m.flows_origin,
        })
    }

    /// A province's item is linked to the national list's item of the same code, or of its
    /// `governed_by`; a `governed_by` that names nothing there is an error.
    fn national_link(
        &self,
        own: &Item,
        file: FileId,
        diags: &mut Vec<Diag>,
    ) -> Option<Option<(ItemRef, GovernedVia)>> {
        let j = &self.raw.jurisdictions[self.ji];
        let national = self
            .tree
            .national
            .filter(|_| *j.data.level.get_ref() == crate::model::Level::Province)
            .filter(|_| self.tree.parent[self.ji].is_some());
        let Some(n) = national else {
            if let Some(g) = &own.governed_by {
                diags.push(Self::unknown_governing(file, g, &[]));
                return None;
            }
            return Some(None);
        };
        let link = |key: &str| {
            lookup(self.indexes, n, key).map(|(pos, _)| ItemRef {
                jurisdiction: n,
                item: pos,
            })
        };
        if let Some(g) = &own.governed_by {
            return match link(g.get_ref()) {
                Some(r) => Some(Some((r, GovernedVia::GovernedBy))),
                None => {
                    diags.push(Self::unknown_governing(file, g, &self.keys(n)));
                    None
                }
            };
        }
        if own.local {
            return Some(None);
        }
        Some(
            own.code
                .as_ref()
                .and_then(|c| link(c.get_ref()))
                .map(|r| (r, GovernedVia::Code)),
        )
    }

    fn keys(&self, j: usize) -> Vec<&str> {
        self.indexes[j].iter().map(|(k, _)| k.as_str()).collect()
    }

    fn unknown_governing(file: FileId, g: &crate::model::Text, keys: &[&str]) -> Diag {
        let help = match nearest(g.get_ref(), keys) {
            Some(n) => t!("load.did-you-mean", near = n),
            None => t!("resolve.unknown-governed-by-help"),
        };
        Diag::error(
            "load::unknown-code",
            file,
            g.span(),
            t!("resolve.unknown-governed-by", key = g.get_ref()),
        )
        .label(t!("resolve.unknown-code-label"))
        .help(help)
    }

    /// A city's or county's item: over each parent's item of the same key, then over its own
    /// province's catalog item (the same key, or `governed_by`), else a 主项 of that catalog. `None`
    /// when the item is dropped (an error was reported).
    fn overlay(
        &self,
        key: &str,
        own: &Item,
        declared: &Declared,
        m: &mut Merging,
        diags: &mut Vec<Diag>,
    ) -> Option<Option<(ItemRef, GovernedVia)>> {
        let province = self.province()?;
        let code = own.code.as_ref();
        if code.is_none() && own.governed_by.is_none() {
            return Some(None);
        }
        let mut found = false;
        for &p in self.between {
            if let Some((_, d)) = lookup(self.indexes, p, key) {
                found = true;
                m.take(
                    d,
                    Origin {
                        jurisdiction: p,
                        file: d.file,
                    },
                );
            }
        }
        // A `local` item never takes catalog values, even when some ancestor's item would.
        let local = own.local
            || self.between.iter().any(|&p| {
                lookup(self.indexes, p, key).is_some_and(|(_, d)| d.item.get_ref().local)
            });
        let (catalog_key, via) = match &own.governed_by {
            Some(g) => (g.get_ref().as_str(), GovernedVia::GovernedBy),
            None => (key, GovernedVia::Code),
        };
        let mut catalog = None;
        if !local && let Some((pos, d)) = lookup(self.indexes, province, catalog_key) {
            found = true;
            catalog = Some((
                ItemRef {
                    jurisdiction: province,
                    item: pos,
                },
                via,
            ));
            m.take(
                d,
                Origin {
                    jurisdiction: province,
                    file: d.file,
                },
            );
        }
        if !found && self.main_stand_in(province, catalog_key, m) {
            found = true;
        }
        if found || own.local {
            return Some(catalog);
        }
        if let Some(g) = &own.governed_by {
            diags.push(Self::unknown_governing(
                declared.file,
                g,
                &self.keys(province),
            ));
            return None;
        }
        let code = code?;
        let keys = self.keys(province);
        let help = match nearest(key, &keys) {
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
        None
    }

    /// A county may publish something for a whole 主项 (a chart for 13203600400Y): the 主项 then
    /// stands in for the item and lends it its name.
    fn main_stand_in(&self, province: usize, key: &str, m: &mut Merging) -> bool {
        let catalog = &self.raw.jurisdictions[province];
        let main_item = catalog.item_files.iter().find_map(|f| {
            f.data
                .main
                .as_ref()
                .filter(|main| main.code.get_ref() == key)
                .map(|main| (f.file, main))
        });
        let Some((file, main)) = main_item else {
            return false;
        };
        if m.merged.name.is_none() {
            m.merged.name = Some(main.name.clone());
            m.origins.insert(
                Field::Name,
                Origin {
                    jurisdiction: province,
                    file,
                },
            );
        }
        if m.main.is_none() {
            m.main = Some((file, main.clone()));
        }
        true
    }
}
