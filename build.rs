//! Build script: embeds the typst templates (every file under templates/) so that `zhinan init`
//! can write them into a new project; the list follows the folder, so a new template is never missed.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=templates");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = walk(&root.join("templates"))
        .into_iter()
        .filter_map(|p| {
            p.strip_prefix(root)
                .ok()
                .map(|r| r.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    files.sort();
    let mut code = String::from(
        "/// Every file of templates/, as (path, text).\npub const TEMPLATES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        let _ = writeln!(
            code,
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/\", {f:?}))),"
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("templates.rs"), code).expect("OUT_DIR is writable");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if std::fs::read_to_string(&path).is_ok() {
            out.push(path);
        }
    }
    out
}
