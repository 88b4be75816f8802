//! The fingerprint of everything a build reads, for the no-change fast path.

use super::Options;
use crate::render::stamp::Fingerprint;
use crate::resolve::Project;

/// Sources, notice bodies, templates, the font folders and the options that change the outputs.
pub fn of(project: &Project, options: &Options) -> String {
    let mut f = Fingerprint::new();
    for (_, file) in project.sources.iter() {
        f.add(&file.path, file.text.as_bytes());
    }
    for j in &project.jurisdictions {
        if let Some(spec) = &j.data.notice {
            let path = project.sources.root.join(&j.dir).join(spec.body.get_ref());
            f.add(
                &path.to_string_lossy(),
                &std::fs::read(&path).unwrap_or_default(),
            );
        }
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
