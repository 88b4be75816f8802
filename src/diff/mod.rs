//! `zhinan diff`: which items of which jurisdiction fall behind a new edition of the catalog.
//!
//! Two editions ([`Edition`]: the governing catalog's items, from a folder, a git revision or an
//! edition file) and the jurisdictions' own lists (from the project) go in; a [`Report`] comes out:
//! per jurisdiction, every [`Change`] it has to make: a promise longer than the new cap, materials the
//! new edition drops or adds, a changed legal basis, a renamed or re-coded item, an item it does not
//! list, an item the new edition no longer has.
//!
//! A jurisdiction's value of a field is its own (or its city's), else the *old* edition's: the lists
//! were written against the old edition, and a value inherited from it falls behind as well when the
//! new edition changes it. With the old edition equal to the new one (the default), the comparison is
//! the lists against the current catalog.

mod compare;
mod edition;
mod edition_tsv;
mod human;
mod pdf;

use serde::Serialize;

pub use compare::compare;
pub use edition::{Edition, EditionError, EditionItem};
pub use human::human;
pub use pdf::{DIFF_TEMPLATE, DiffData, render_report};

/// What kind of change an item needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The promised time limit is longer than the new edition's cap.
    TimeLimitLonger,
    /// A material the list asks for is no longer in the new edition.
    MaterialDropped,
    /// A material of the new edition is missing from the list.
    MaterialAdded,
    /// A material is worded differently (the closest pair of a dropped and an added one).
    MaterialReworded,
    /// The legal basis (设定依据) differs.
    LegalBasisChanged,
    /// Same code, another name.
    Renamed,
    /// The code is not in the new edition, an item of the same name is: matched by name.
    Recoded,
    /// The list has an item (with a catalog code) the new edition does not have.
    NotInCatalog,
    /// An item of the new edition the jurisdiction does not list.
    NotImplemented,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 9] = [
        ChangeKind::TimeLimitLonger,
        ChangeKind::MaterialDropped,
        ChangeKind::MaterialAdded,
        ChangeKind::MaterialReworded,
        ChangeKind::LegalBasisChanged,
        ChangeKind::Renamed,
        ChangeKind::Recoded,
        ChangeKind::NotInCatalog,
        ChangeKind::NotImplemented,
    ];

    /// The label printed in reports (Chinese first: the readers are office staff).
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::TimeLimitLonger => "承诺时限超过新版上限",
            ChangeKind::MaterialDropped => "新版已删去的材料",
            ChangeKind::MaterialAdded => "新版新增的材料",
            ChangeKind::MaterialReworded => "材料表述变化",
            ChangeKind::LegalBasisChanged => "设定依据变化",
            ChangeKind::Renamed => "事项名称变化",
            ChangeKind::Recoded => "事项编码变化",
            ChangeKind::NotInCatalog => "新版目录无此事项",
            ChangeKind::NotImplemented => "未实施的目录事项",
        }
    }

    /// The stable key used in JSON (`time-limit-longer`).
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::TimeLimitLonger => "time-limit-longer",
            ChangeKind::MaterialDropped => "material-dropped",
            ChangeKind::MaterialAdded => "material-added",
            ChangeKind::MaterialReworded => "material-reworded",
            ChangeKind::LegalBasisChanged => "legal-basis-changed",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Recoded => "recoded",
            ChangeKind::NotInCatalog => "not-in-catalog",
            ChangeKind::NotImplemented => "not-implemented",
        }
    }
}

/// Where the jurisdiction's value of a field was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueSource {
    /// The jurisdiction's own list (or its city's, which it inherits).
    List,
    /// Not in any list: the old edition's value.
    OldEdition,
}

/// One thing one jurisdiction has to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// The item's code in the list (absent for [`ChangeKind::NotImplemented`]).
    pub code: Option<String>,
    /// The item's name in the list, or the new edition's name for an item not listed.
    pub name: String,
    /// The code of the matching item of the new edition.
    pub new_code: Option<String>,
    /// The list's value (time limit, material, name, legal basis entries joined by newlines).
    pub old: Option<String>,
    /// The new edition's value.
    pub new: Option<String>,
    /// How the item was matched, and what to do, in one sentence.
    pub note: String,
    /// Where the list's value comes from.
    pub source: Option<ValueSource>,
}

/// The changes of one jurisdiction.
#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionDiff {
    pub name: String,
    pub level: String,
    /// Items compared (the jurisdiction's items with a catalog code, or matched by name).
    pub items: usize,
    pub changes: Vec<Change>,
}

impl JurisdictionDiff {
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// Count of one kind of change over the whole report.
#[derive(Debug, Clone, Serialize)]
pub struct KindCount {
    pub kind: ChangeKind,
    pub label: &'static str,
    pub count: usize,
}

/// The whole comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Describes the old edition (`working tree`, `git v1.0`, a file name).
    pub old: String,
    pub new: String,
    pub jurisdictions: Vec<JurisdictionDiff>,
}

impl Report {
    /// Counts per kind, every kind listed (zeros included), in [`ChangeKind::ALL`] order.
    pub fn totals(&self) -> Vec<KindCount> {
        ChangeKind::ALL
            .iter()
            .map(|&kind| KindCount {
                kind,
                label: kind.label(),
                count: self.jurisdictions.iter().map(|j| j.count(kind)).sum(),
            })
            .collect()
    }

    pub fn total(&self) -> usize {
        self.jurisdictions.iter().map(|j| j.changes.len()).sum()
    }

    /// The report as JSON: `{ old, new, totals: [{kind, label, count}], jurisdictions: [...] }`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "old": self.old,
            "new": self.new,
            "totals": self.totals(),
            "jurisdictions": self.jurisdictions,
        })
    }
}
