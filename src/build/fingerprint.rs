//! The fingerprint of everything a build reads, for the no-change fast path.

use super::Options;
use crate::render::stamp::Fingerprint;
use crate::resolve::Project;

/// Sources (notice bodies are sources too, read at load time), templates, the font folders and the options that change the outputs.
pub fn of(project: &Project, options: &Options) -> String {
    let mut f = Fingerprint::new();
    for (_, file) in project.sources.iter() {
        f.add(&file.path, file.text.as_bytes());
    }
    f.add_dir("templates", &options.templates_dir);
    f.add_fonts(&options.font_paths);
    let only = options.only.map(|j| &project.jurisdictions[j].name);
    f.add(
        "options",
        format!("{:?} {:?}", options.standard, only).as_bytes(),
    );
    f.finish()
}
