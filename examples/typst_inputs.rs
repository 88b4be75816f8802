//! Writes the typst inputs of every output of `zhinan build` (templates, `/data.json`, flowchart
//! SVGs) into one folder per document, so the typst CLI can compile exactly what zhinan compiles:
//! `cargo run --example typst_inputs -- <out-dir>` then `typst compile --root <dir> <dir>/<template>`.
//! Used by `scripts/bench-build.sh`.

use std::path::{Path, PathBuf};

use zhinan::render::{FontOptions, Fonts, typst_inputs};

fn main() {
    let out: PathBuf = std::env::args()
        .nth(1)
        .expect("usage: typst_inputs <out-dir>")
        .into();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = zhinan::resolve::load_project(root).expect("sources load");
    let fonts = Fonts::discover(&FontOptions::default()).expect("fonts");
    let templates = root.join("templates");
    let jobs =
        zhinan::build::jobs(&project, None, &fonts.chart_metrics(), &templates).expect("jobs");
    let mut n = 0;
    for job in &jobs {
        for (output, template, json) in typst_inputs(job, &fonts).expect("data") {
            let dir = out.join(format!("{n:04}"));
            std::fs::create_dir_all(dir.join("flows")).unwrap();
            // Templates with their data (styles/*.toml, title-words.toml).
            for entry in walkdir::WalkDir::new(&templates) {
                let path = entry.unwrap().into_path();
                let to = dir.join(path.strip_prefix(&templates).unwrap());
                if path.is_dir() {
                    std::fs::create_dir_all(&to).unwrap();
                } else if path.extension().is_some_and(|e| e == "typ" || e == "toml") {
                    std::fs::copy(&path, &to).unwrap();
                }
            }
            std::fs::write(dir.join("data.json"), json).unwrap();
            for (virtual_path, svg) in &job.flows {
                std::fs::write(dir.join(virtual_path.trim_start_matches('/')), svg).unwrap();
            }
            println!(
                "{} {template} {}/{output}",
                dir.display(),
                job.guide.jurisdiction.name
            );
            n += 1;
        }
    }
    eprintln!("{n} documents");
}
