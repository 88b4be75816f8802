//! Stage 2, **resolve**: build the national → province → city → county tree and give every item of
//! every jurisdiction its full set of fields: the county's own value, else the county's `[defaults]`,
//! else the value of the same code in each parent jurisdiction, else its own province's catalog. Each
//! field remembers where its value came from, so `show` can tell and `lint` can point at it.
//!
//! A project may hold several provinces: each city and county is governed by the catalog of the
//! province above it and by no other, and a province by the national list when it has one.

pub mod code_scheme;
mod merge;
mod tree;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Diag;
use crate::load::RawProject;
use crate::model::{Field, Flow, Item, JurisdictionFile, Level, MainItem, Spanned};
use crate::source::{FileId, Sources};

/// Where a value was written: which jurisdiction, which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub jurisdiction: usize,
    pub file: FileId,
}

/// One item of one jurisdiction: `project.jurisdictions[jurisdiction].items[item]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    pub jurisdiction: usize,
    pub item: usize,
}

/// How an item found the catalog item that governs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GovernedVia {
    /// The same code (or id) in the catalog.
    Code,
    /// An explicit `governed_by = "<code>"` on the item.
    GovernedBy,
}

/// The whole project after resolution: the input of `lint` and `render`.
#[derive(Debug)]
pub struct Project {
    pub sources: Sources,
    pub jurisdictions: Vec<Jurisdiction>,
    /// The national list (`level = "national"`), when the project has one.
    pub national: Option<usize>,
    pub reference_files: Vec<FileId>,
}

#[derive(Debug)]
pub struct Jurisdiction {
    pub name: String,
    pub level: Level,
    pub parent: Option<usize>,
    pub file: FileId,
    pub dir: String,
    pub data: JurisdictionFile,
    /// Items in publication order (files by name, then order within the file).
    pub items: Vec<ResolvedItem>,
    /// 主项 tables of this jurisdiction's files, with their file.
    pub mains: Vec<(FileId, MainItem)>,
    /// The notice body (Markdown) named in `[notice] body`, read at load time.
    pub notice: Option<FileId>,
    /// The province whose catalog governs this jurisdiction (itself for a province; `None` for the
    /// national list).
    pub province: Option<usize>,
}

impl Jurisdiction {
    /// A province's catalog or the national list: the lists other jurisdictions are checked against.
    pub fn is_catalog(&self) -> bool {
        self.level <= Level::Province
    }
}

#[derive(Debug, Clone)]
pub struct ResolvedItem {
    /// `code`, or `id` for items without one.
    pub key: String,
    /// Merged fields. The span of each value belongs to the file in `origins[field]`.
    pub item: Item,
    pub origins: BTreeMap<Field, Origin>,
    /// Where this jurisdiction declares the item, and the span of its `[[item]]` table.
    pub decl: Origin,
    pub span: Range<usize>,
    /// The 主项 the item belongs to, with the file that states it.
    pub main: Option<(FileId, MainItem)>,
    /// The catalog item one level up the chain that governs this one: for a city's or county's item
    /// the item of its own province's catalog, for a province's item the national list's item (by
    /// the same code or by `governed_by`). `None` for local items and for items without one.
    pub catalog: Option<(ItemRef, GovernedVia)>,
    /// Flows come whole from the most specific layer that has any.
    pub flows: Vec<Spanned<Flow>>,
    pub flows_origin: Option<Origin>,
}

impl ResolvedItem {
    pub fn name(&self) -> &str {
        self.item
            .name
            .as_ref()
            .map_or(self.key.as_str(), |n| n.get_ref())
    }

    pub fn code(&self) -> Option<&str> {
        self.item.code.as_ref().map(|c| c.get_ref().as_str())
    }

    /// The file that holds a field's value (the declaring file when the field is unset).
    pub fn file_of(&self, field: Field) -> FileId {
        self.origins.get(&field).map_or(self.decl.file, |o| o.file)
    }

    pub fn origin_of(&self, field: Field) -> Option<Origin> {
        self.origins.get(&field).copied()
    }
}

impl Project {
    /// The province whose catalog governs jurisdiction `j` (`j` itself for a province).
    pub fn province_of(&self, j: usize) -> Option<usize> {
        self.jurisdictions[j].province
    }

    /// The catalog one level up the chain of `j`: its province for a city or county, the national
    /// list for a province. Nothing else is ever compared with `j`'s items.
    pub fn governing_catalog(&self, j: usize) -> Option<usize> {
        match self.jurisdictions[j].level {
            Level::National => None,
            Level::Province => self
                .national
                .filter(|_| self.jurisdictions[j].parent.is_some()),
            Level::City | Level::County => self.province_of(j),
        }
    }

    /// The first province in tree order: the default parent of a new city, the default catalog of
    /// `zhinan diff`.
    pub fn primary_province(&self) -> Option<usize> {
        self.roots()
            .into_iter()
            .chain(0..self.jurisdictions.len())
            .find(|&j| self.jurisdictions[j].level == Level::Province)
    }

    /// The province `zhinan diff` compares: the one above `only`, else the first.
    pub fn compared_province(&self, only: Option<usize>) -> Option<usize> {
        only.and_then(|j| self.province_of(j))
            .or_else(|| self.primary_province())
    }

    /// Whether `j` is a catalog (a province or the national list).
    pub fn is_catalog(&self, j: usize) -> bool {
        self.jurisdictions[j].is_catalog()
    }

    /// The code scheme that applies to `j`'s items: the nearest catalog of its chain (itself for a
    /// catalog) that declares one.
    pub fn code_scheme(&self, j: usize) -> Option<&crate::model::CodeScheme> {
        std::iter::once(j)
            .filter(|&j| self.is_catalog(j))
            .chain(self.province_of(j))
            .chain(self.chain(j))
            .find_map(|c| self.jurisdictions[c].data.code_scheme.as_ref())
    }

    pub fn item(&self, r: ItemRef) -> &ResolvedItem {
        &self.jurisdictions[r.jurisdiction].items[r.item]
    }

    /// The catalog item that governs an item by code or `governed_by` (see [`ResolvedItem::catalog`]).
    pub fn catalog_item(&self, item: &ResolvedItem) -> Option<&ResolvedItem> {
        item.catalog.map(|(r, _)| self.item(r))
    }

    /// Root jurisdictions: the national list first, then the provinces without a parent, by folder.
    pub fn roots(&self) -> Vec<usize> {
        let mut roots: Vec<usize> = (0..self.jurisdictions.len())
            .filter(|&j| self.jurisdictions[j].parent.is_none())
            .collect();
        roots.sort_by(|a, b| {
            let (a, b) = (&self.jurisdictions[*a], &self.jurisdictions[*b]);
            (a.level, &a.dir).cmp(&(b.level, &b.dir))
        });
        roots
    }

    /// The chain of catalogs above `j`, nearest first: its province (unless `j` is one) and the
    /// national list above that province.
    pub fn chain(&self, j: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.governing_catalog(j);
        while let Some(c) = cur {
            if out.contains(&c) {
                break;
            }
            out.push(c);
            cur = self.governing_catalog(c);
        }
        out
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        self.jurisdictions.iter().position(|j| j.name == name)
    }

    /// Jurisdictions in tree order: each root (the national list, then each province), each
    /// followed by its children, each level in name order of its folder. Used wherever jurisdictions
    /// are listed to people.
    pub fn tree_order(&self) -> Vec<usize> {
        fn visit(p: &Project, j: usize, out: &mut Vec<usize>) {
            out.push(j);
            let mut children: Vec<usize> = (0..p.jurisdictions.len())
                .filter(|&c| p.jurisdictions[c].parent == Some(j) && !out.contains(&c))
                .collect();
            children.sort_by(|a, b| p.jurisdictions[*a].dir.cmp(&p.jurisdictions[*b].dir));
            for c in children {
                visit(p, c, out);
            }
        }
        let mut out = Vec::new();
        for root in self.roots() {
            if !out.contains(&root) {
                visit(self, root, &mut out);
            }
        }
        out
    }

    /// Ancestors of a jurisdiction, nearest first (not including itself).
    pub fn ancestors(&self, j: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.jurisdictions[j].parent;
        while let Some(p) = cur {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            cur = self.jurisdictions[p].parent;
        }
        out
    }
}

/// Resolve a loaded project. Errors are returned together; a project is returned only when the tree
/// and every overlay could be resolved.
pub fn resolve(raw: RawProject) -> Result<Project, (Sources, Vec<Diag>)> {
    let mut diags = Vec::new();
    let tree = tree::build(&raw, &mut diags);
    let Some(tree) = tree else {
        return Err((raw.sources, diags));
    };
    let jurisdictions = merge::resolve_items(&raw, &tree, &mut diags);
    if !diags.is_empty() {
        return Err((raw.sources, diags));
    }
    Ok(Project {
        sources: raw.sources,
        jurisdictions,
        national: tree.national,
        reference_files: raw.reference_files,
    })
}

/// Load and resolve in one call, returning all diagnostics of both stages.
pub fn load_project(root: &std::path::Path) -> Result<Project, (Sources, Vec<Diag>)> {
    let (raw, mut diags) = crate::load::load(root);
    match resolve(raw) {
        Ok(project) if diags.is_empty() => Ok(project),
        Ok(project) => Err((project.sources, diags)),
        Err((sources, more)) => {
            diags.extend(more);
            Err((sources, diags))
        }
    }
}
