//! Chinese text utilities shared by the stages.

pub mod brackets;
pub mod chars;
pub mod citation;
pub mod hosts;
pub mod keyterms;
pub mod lists;
pub mod nearmiss;
pub mod numerals;
pub mod phone;
pub mod similar;
pub mod span;
pub mod time_limit;
pub mod titles;
pub mod width;

pub use similar::{edit_distance, nearest};
