//! Chinese text utilities shared by the stages.

pub mod citation;
pub mod numerals;
pub mod similar;
pub mod time_limit;

pub use similar::{edit_distance, nearest};
