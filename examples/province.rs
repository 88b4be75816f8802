//! Writes the generated province of the lint bench (tests/common/province.rs) into a folder, for
//! the memory and time benchmark of a large build (scripts/bench-memory.sh).
//!
//! `cargo run --example province -- <folder> [counties]` (default 170 counties × 30 items).

use std::path::{Path, PathBuf};

#[path = "../tests/common/province.rs"]
mod province;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: province <folder> [counties]");
        std::process::exit(2);
    };
    let counties = args.next().and_then(|n| n.parse().ok()).unwrap_or(170);
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/reference");
    let bytes = province::generate(&dir, counties, &reference);
    println!(
        "{counties} counties, {bytes} bytes of sources in {}",
        dir.display()
    );
}
