//! The rule registry: one file per rule, listed here once.

use super::Rule;

/// Every rule, in code order.
pub fn all() -> Vec<&'static dyn Rule> {
    vec![]
}
