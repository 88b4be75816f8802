//! zhinan (指南): compiles TOML sources of medical-security service items into guides, flowcharts and
//! notices, after a lint pass.
//!
//! Data flows one way, and the modules follow it:
//! `load` (files → `model`, with spans) → `resolve` (county over city over catalog) → `lint` → `render`.
//! `cli` runs the stages; `diagnostic`, `source` and `text` serve all of them.

pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod flow;
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
