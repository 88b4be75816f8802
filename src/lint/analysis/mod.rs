//! Analyses several rules share, as named parts of the lint [`Context`](super::Context): each is
//! computed once per lint run, by the first rule that asks (rules run in parallel; the others wait).
//!
//! - governing catalog items and the materials comparison: [`super::governing`];
//! - the law registry index and the parsed citations of every text: [`super::legal`];
//! - the charts' key terms: [`charts`];
//! - which texts are phone numbers and their area code: [`phones`];
//! - the words of every text, cut with jieba's dictionary: [`segments`].
//!
//! A new shared analysis is a field here and one accessor function next to its code; a rule never
//! imports another rule.

pub mod charts;
pub mod phones;
pub mod segments;

use std::sync::{Arc, OnceLock};

use super::governing::{Compared, GoverningTable, OwnMaterials};
use super::legal::{CitedTexts, IndexData, RefEntry};
use charts::ChartAnalysis;
use segments::Segmentation;

/// The shared analyses of one lint run, each computed on first use.
#[derive(Default)]
pub struct Analyses {
    /// The governing catalog item of every item.
    pub(crate) governing: OnceLock<GoverningTable>,
    /// The materials each item wrote itself.
    pub(crate) own_materials: OnceLock<OwnMaterials>,
    /// Own materials compared with the governing catalog item's.
    pub(crate) compared: OnceLock<Compared>,
    /// The law registry, indexed.
    pub(crate) law_index: OnceLock<Arc<IndexData>>,
    /// The citations of every text, looked up in the registry.
    pub(crate) cited: OnceLock<CitedTexts>,
    /// The structured `legal_refs` entries, looked up in the registry.
    pub(crate) legal_refs: OnceLock<Vec<RefEntry>>,
    /// The key terms of every chart.
    pub(crate) charts: OnceLock<ChartAnalysis>,
    /// The dictionary and the words of every text.
    pub(crate) segments: OnceLock<Segmentation>,
}
