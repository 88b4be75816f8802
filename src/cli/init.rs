//! `zhinan init` (a new project) and `zhinan new county|item` (scaffolding inside one). Every file
//! they write loads, lints clean and builds as it is; none ever replaces an existing file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use rust_i18n::t;

use super::{EXIT_INVALID, EXIT_USAGE, Ui, load_or_report_ui};
use crate::model::Level;
use crate::resolve::Project;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/templates.rs"));
}

const ZHINAN_TOML: &str = include_str!("scaffold/zhinan.toml");
const PROVINCE_TOML: &str = include_str!("scaffold/province.toml");
const JURISDICTION_TOML: &str = include_str!("scaffold/jurisdiction.toml");
const ITEM_TOML: &str = include_str!("scaffold/item.toml");
const GITIGNORE: &str = include_str!("scaffold/gitignore");

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Folder of the new project (created if missing; must not hold a project yet).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Name of the province whose catalog the project holds.
    #[arg(long, default_value = "示例省")]
    pub province: String,
}

#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: NewKind,
}

#[derive(Debug, Clone, Subcommand)]
pub enum NewKind {
    /// A county (or, with --level city, a city): counties/[<city folder>/]<folder>/jurisdiction.toml.
    County {
        /// Its name, e.g. 示例县.
        name: String,
        /// The jurisdiction it belongs to, e.g. 某市 (default: the province).
        #[arg(long)]
        parent: Option<String>,
        /// Folder name (ASCII is easiest to type), e.g. gu-an.
        #[arg(long)]
        dir: String,
        #[arg(long, value_enum, default_value_t = NewLevel::County)]
        level: NewLevel,
    },
    /// An item file in a jurisdiction's items/ folder.
    Item {
        /// The jurisdiction, e.g. 示例县.
        jurisdiction: String,
        /// The item's name, e.g. 单位参保登记.
        name: String,
        /// The catalog code it takes its fields from (else a local item with an id).
        #[arg(long)]
        code: Option<String>,
        /// Id of a local item (default: derived from the file number).
        #[arg(long, conflicts_with = "code")]
        id: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewLevel {
    City,
    County,
}

/// Fill `{key}` placeholders.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// A value as the inside of a TOML basic string (names come from the command line).
fn toml_str(s: &str) -> String {
    // The body of a basic string ("…"): the toml crate would choose a literal string ('…') for a
    // value with a quote in it, which cannot be put between double quotes.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Write new files only: all of them are checked first, so a refused run writes nothing.
fn write_new(root: &Path, files: &[(String, String)], ui: &Ui) -> Result<(), String> {
    for (path, _) in files {
        if root.join(path).exists() {
            return Err(t!("cli.init.file-exists", path = path).into_owned());
        }
    }
    for (path, text) in files {
        let target = root.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                t!("cli.init.cannot-create", path = dir.display(), error = e).into_owned()
            })?;
        }
        std::fs::write(&target, text)
            .map_err(|e| t!("cli.init.cannot-write", path = path, error = e).into_owned())?;
        ui.note(t!("cli.init.created", path = path));
    }
    Ok(())
}

pub fn init(args: &InitArgs, ui: &Ui) -> ExitCode {
    let root = &args.dir;
    if root.join("catalog").exists() {
        eprintln!("{}", t!("cli.init.exists", root = root.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    let province = toml_str(&args.province);
    let mut files = vec![
        ("zhinan.toml".to_string(), ZHINAN_TOML.to_string()),
        (".gitignore".to_string(), GITIGNORE.to_string()),
        (
            "catalog/jurisdiction.toml".to_string(),
            fill(PROVINCE_TOML, &[("name", &province)]),
        ),
        ("catalog/items/.gitkeep".to_string(), String::new()),
        ("catalog/reference/.gitkeep".to_string(), String::new()),
        ("counties/.gitkeep".to_string(), String::new()),
    ];
    files.extend(
        embedded::TEMPLATES
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string())),
    );
    match write_new(root, &files, ui) {
        Ok(()) => {
            println!("{}", t!("cli.init.done", root = root.display()));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{}", t!("cli.error", message = message));
            ExitCode::from(EXIT_INVALID)
        }
    }
}

pub fn new(root: &Path, args: &NewArgs, ui: &Ui) -> ExitCode {
    let project = match load_or_report_ui(root, ui) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let planned = match &args.what {
        NewKind::County {
            name,
            parent,
            dir,
            level,
        } => new_jurisdiction(&project, name, parent.as_deref(), dir, *level),
        NewKind::Item {
            jurisdiction,
            name,
            code,
            id,
        } => new_item(&project, jurisdiction, name, code.as_deref(), id.as_deref()),
    };
    let files = match planned {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match write_new(root, &files, ui) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{}", t!("cli.error", message = message));
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// A refused `new`, as printed: `错误：…`.
fn usage_error(message: &str) -> String {
    t!("cli.error", message = message).into_owned()
}

/// The jurisdiction named `name`, or the message (already `错误：…`) naming the known ones.
fn find(project: &Project, name: &str) -> Result<usize, String> {
    project
        .find(name)
        .ok_or_else(|| super::unknown_jurisdiction(project, name))
}

fn valid_dir_name(dir: &str) -> bool {
    !dir.is_empty()
        && dir != "."
        && dir != ".."
        && !dir.contains(['/', '\\', ':'])
        && !dir.starts_with('.')
}

fn new_jurisdiction(
    project: &Project,
    name: &str,
    parent: Option<&str>,
    dir: &str,
    level: NewLevel,
) -> Result<Vec<(String, String)>, String> {
    if project.find(name).is_some() {
        return Err(usage_error(&t!("cli.new.exists", name = name)));
    }
    if !valid_dir_name(dir) {
        return Err(usage_error(&t!("cli.new.bad-dir", dir = dir)));
    }
    let parent = match parent {
        Some(p) => find(project, p)?,
        None => project
            .primary_province()
            .ok_or_else(|| usage_error(&t!("cli.new.no-province")))?,
    };
    let p = &project.jurisdictions[parent];
    if p.level == Level::National {
        return Err(usage_error(&t!("cli.new.national-parent", name = p.name)));
    }
    // A county's folder sits in its city's folder; a city's (or a county directly under the
    // province) in counties/, or in its province's folder when that province is under counties/.
    let base = if p.level == Level::Province && !p.dir.starts_with("counties/") {
        "counties".to_string()
    } else {
        p.dir.clone()
    };
    let level = match level {
        NewLevel::City => "city",
        NewLevel::County => "county",
    };
    let folder = format!("{base}/{dir}");
    let text = fill(
        JURISDICTION_TOML,
        &[
            ("name", &toml_str(name)),
            ("level", level),
            ("parent", &toml_str(&p.name)),
        ],
    );
    Ok(vec![
        (format!("{folder}/jurisdiction.toml"), text),
        (format!("{folder}/items/.gitkeep"), String::new()),
    ])
}

fn new_item(
    project: &Project,
    jurisdiction: &str,
    name: &str,
    code: Option<&str>,
    id: Option<&str>,
) -> Result<Vec<(String, String)>, String> {
    let j = find(project, jurisdiction)?;
    let jur = &project.jurisdictions[j];
    let items_dir = format!("{}/items", jur.dir);
    let existing = std::fs::read_dir(project.sources.root.join(&items_dir))
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
                .count()
        })
        .unwrap_or(0);
    let number = existing + 1;
    if let Some(code) = code {
        let known = project
            .jurisdictions
            .iter()
            .any(|o| o.items.iter().any(|i| i.code() == Some(code)));
        if !known {
            return Err(usage_error(&t!("cli.new.unknown-code", code = code)));
        }
        if jur
            .items
            .iter()
            .any(|i| i.code() == Some(code) && i.decl.jurisdiction == j)
        {
            return Err(usage_error(&t!(
                "cli.new.declared",
                jurisdiction = jurisdiction,
                code = code
            )));
        }
    }
    let local_id;
    let (key, key_line) = match code {
        Some(code) => (code.to_string(), format!("code = \"{}\"", toml_str(code))),
        None => {
            local_id = id.map_or_else(|| format!("local-{number:02}"), str::to_string);
            (
                local_id.clone(),
                format!("id = \"{}\"\nlocal = true", toml_str(&local_id)),
            )
        }
    };
    let file_name = format!("{number:02}-{}.toml", sanitize(name));
    let text = fill(
        ITEM_TOML,
        &[
            ("jurisdiction", jurisdiction),
            ("key", &key),
            ("key_line", &key_line),
            ("name", &toml_str(name)),
        ],
    );
    Ok(vec![(format!("{items_dir}/{file_name}"), text)])
}

/// A file name from an item name: path separators and control characters left out.
fn sanitize(name: &str) -> String {
    let s: String = name
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .collect();
    let s = s.trim_matches('.').trim();
    if s.is_empty() {
        "item".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let on_disk = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_file())
            .count();
        let embedded = embedded::TEMPLATES
            .iter()
            .filter(|(p, _)| p.matches('/').count() == 1)
            .count();
        assert_eq!(on_disk, embedded);
        assert!(
            embedded::TEMPLATES
                .iter()
                .any(|(p, _)| *p == "templates/guide.typ")
        );
    }

    #[test]
    fn names_are_quoted_for_toml() {
        assert_eq!(toml_str("a\"b"), "a\\\"b");
        assert_eq!(sanitize("../a/b"), "ab");
    }
}
