//! zhinan (指南): compiles TOML sources of medical-security service items into guides, flowcharts and
//! notices, after a lint pass.
//!
//! Data flows one way, and the modules follow it:
//! `load` (files → `model`, with spans) → `resolve` (county over city over catalog) → `lint` → `render`.

pub mod flow;
pub mod model;
