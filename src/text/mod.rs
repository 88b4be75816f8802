//! Chinese text utilities shared by the stages.

pub mod chars;
pub mod fxhash;
pub mod keyterms;
pub mod nearmiss;
pub mod phone;
pub mod similar;

pub use similar::{edit_distance, nearest};
