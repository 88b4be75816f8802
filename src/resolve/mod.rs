//! Stage 2, **resolve**: build the province → city → county tree and give every item of every
//! jurisdiction its full set of fields: the county's own value, else the county's `[defaults]`, else
//! the value of the same code in each parent jurisdiction, else the provincial catalog. Each field
//! remembers where its value came from, so `show` can tell and `lint` can point at it.

mod merge;
mod tree;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Diag;
use crate::load::RawProject;
use crate::model::{Flow, Item, JurisdictionFile, Level, MainItem, Spanned};
use crate::source::{FileId, Sources};

pub use merge::FIELDS;

/// Where a value was written: which jurisdiction, which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub jurisdiction: usize,
    pub file: FileId,
}

/// The whole project after resolution: the input of `lint` and `render`.
#[derive(Debug)]
pub struct Project {
    pub sources: Sources,
    pub jurisdictions: Vec<Jurisdiction>,
    /// Index of the province (the governing catalog) in `jurisdictions`.
    pub province: usize,
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
}

#[derive(Debug, Clone)]
pub struct ResolvedItem {
    /// `code`, or `id` for items without one.
    pub key: String,
    /// Merged fields. The span of each value belongs to the file in `origins[field]`.
    pub item: Item,
    pub origins: BTreeMap<&'static str, Origin>,
    /// Where this jurisdiction declares the item, and the span of its `[[item]]` table.
    pub decl: Origin,
    pub span: Range<usize>,
    /// The 主项 the item belongs to, with the file that states it.
    pub main: Option<(FileId, MainItem)>,
    /// Index of the catalog item with the same code in the province, if any.
    pub catalog: Option<usize>,
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
    pub fn file_of(&self, field: &str) -> FileId {
        self.origins.get(field).map_or(self.decl.file, |o| o.file)
    }

    pub fn origin_of(&self, field: &str) -> Option<Origin> {
        self.origins.get(field).copied()
    }
}

impl Project {
    pub fn catalog(&self) -> &Jurisdiction {
        &self.jurisdictions[self.province]
    }

    /// The catalog's version of an item of any jurisdiction.
    pub fn catalog_item(&self, item: &ResolvedItem) -> Option<&ResolvedItem> {
        item.catalog.map(|i| &self.catalog().items[i])
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        self.jurisdictions.iter().position(|j| j.name == name)
    }

    /// Jurisdictions in tree order: the province, then each city followed by its counties, each level
    /// in name order of its folder. Used wherever jurisdictions are listed to people.
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
        visit(self, self.province, &mut out);
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
        province: tree.province,
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
