//! zhinan (指南): compiles TOML sources of medical-security service items into guides, flowcharts and
//! notices, after a lint pass.
//!
//! Data flows one way, and the modules follow it:
//! `load` (files → `model`, with spans) → `resolve` (county over city over catalog) → `lint` →
//! `flow` / `render`, with `build` making every output of a project from it. `cli` parses arguments
//! and prints; `diagnostic`, `source` and `text` serve all stages.

pub mod build;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod flow;
pub mod i18n;
pub mod lint;
pub mod load;
pub mod model;
pub mod opendata;
pub mod qr;
pub mod render;
pub mod resolve;
pub mod site;
pub mod source;
pub mod text;

// Compiles locales/*.toml into the binary; a key missing in English falls back to Chinese.
rust_i18n::i18n!("locales", fallback = "zh-CN");
