//! Chinese text utilities shared by the stages.

pub mod similar;

pub use similar::{edit_distance, nearest};
