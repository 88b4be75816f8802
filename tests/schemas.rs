//! The JSON Schemas under schemas/ (for editors, through .taplo.toml): the checked-in copies are
//! what `zhinan schema` generates, every seed file validates against its schema, and a wrong field
//! name or type does not.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn generated(kind: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["schema", kind])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

const KINDS: [(&str, &str); 3] = [
    ("jurisdiction", "jurisdiction.schema.json"),
    ("item", "item.schema.json"),
    ("config", "zhinan.schema.json"),
];

#[test]
fn checked_in_schemas_are_current() {
    for (kind, file) in KINDS {
        let path = repo().join("schemas").join(file);
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == generated(kind),
            "schemas/{file} is stale: run `cargo run -- schema --out schemas`"
        );
    }
}

fn validator(file: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schemas").join(file)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn toml_as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// The schema that governs a source file, by its place in the project (as .taplo.toml says).
fn kind_of(rel: &str) -> Option<&'static str> {
    if rel.contains("/reference/") {
        None
    } else if rel.ends_with("/jurisdiction.toml") {
        Some("jurisdiction.schema.json")
    } else if rel.contains("/items/") {
        Some("item.schema.json")
    } else {
        None
    }
}

#[test]
fn every_seed_file_validates() {
    let mut files = Vec::new();
    toml_files(&repo().join("catalog"), &mut files);
    toml_files(&repo().join("counties"), &mut files);
    let mut checked = 0;
    for path in &files {
        let rel = path
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(file) = kind_of(&rel) else { continue };
        let value = toml_as_json(path);
        let v = validator(file);
        let errors: Vec<String> = v
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:?}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} files checked");
    let config = toml_as_json(&repo().join("zhinan.toml"));
    assert!(validator("zhinan.schema.json").is_valid(&config));
    eprintln!("{checked} seed source files and zhinan.toml validate");
}

#[test]
fn wrong_names_and_types_are_flagged() {
    let item = validator("item.schema.json");
    let good: Value =
        toml::from_str("[[item]]\ncode = \"132036001001\"\nname = \"单位参保登记\"\n").unwrap();
    assert!(item.is_valid(&good));
    let misspelt: Value =
        toml::from_str("[[item]]\ncode = \"132036001001\"\nnmae = \"x\"\n").unwrap();
    assert!(!item.is_valid(&misspelt));
    let wrong_type: Value = toml::from_str("[[item]]\ncode = 132036001001\n").unwrap();
    assert!(!item.is_valid(&wrong_type));
    let j = validator("jurisdiction.schema.json");
    let bad_level: Value = toml::from_str("name = \"固安县\"\nlevel = \"town\"\n").unwrap();
    assert!(!j.is_valid(&bad_level));
}

#[test]
fn taplo_maps_every_kind_to_its_schema() {
    let taplo = std::fs::read_to_string(repo().join(".taplo.toml")).unwrap();
    for (_, file) in KINDS {
        assert!(
            taplo.contains(&format!("schemas/{file}")),
            "{file} not in .taplo.toml"
        );
    }
}
