//! Derived data several rules need, computed once per lint run and shared (rules may run on several
//! threads: each value is computed by the first rule that asks for it).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::governing::{Material, MaterialMatch};
use super::legal::{Cited, LawIndex};

#[derive(Default)]
pub struct Cache<'a> {
    /// The governing catalog item of each item (`[jurisdiction][item]`, index into the catalog).
    pub(crate) governing: OnceLock<Vec<Vec<Option<usize>>>>,
    /// The law registry, indexed.
    pub(crate) laws: OnceLock<LawIndex<'a>>,
    /// The citations of each text of `Context::texts`, looked up in the registry.
    pub(crate) cited: OnceLock<Vec<Vec<Cited>>>,
    /// The materials each (jurisdiction, item) wrote itself.
    pub(crate) materials: OnceLock<BTreeMap<(usize, usize), Vec<Material>>>,
    /// Those materials compared with the governing catalog item's (its index in the catalog).
    pub(crate) compared: OnceLock<BTreeMap<(usize, usize), (usize, MaterialMatch)>>,
}

impl std::fmt::Debug for Cache<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache").finish_non_exhaustive()
    }
}
