//! `zhinan schema`: the JSON Schema of each kind of source file, generated from the model types
//! (schemars), so an editor (Taplo / Even Better TOML, see `.taplo.toml`) completes field names and
//! flags wrong types while typing. The copies under `schemas/` are checked by a test.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rust_i18n::t;

use super::EXIT_INVALID;
use crate::model::{ItemFile, JurisdictionFile};

#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// Which file kind to print (default: all, with --out).
    #[arg(value_enum)]
    pub kind: Option<SchemaKind>,
    /// Write every schema into this folder as <kind>.schema.json.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// `jurisdiction.toml` of the catalog, a city or a county.
    Jurisdiction,
    /// A file under `items/`: `[main]` and `[[item]]` tables.
    Item,
    /// `zhinan.toml` at the project root.
    Config,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 3] = [
        SchemaKind::Jurisdiction,
        SchemaKind::Item,
        SchemaKind::Config,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Jurisdiction => "jurisdiction.schema.json",
            SchemaKind::Item => "item.schema.json",
            SchemaKind::Config => "zhinan.schema.json",
        }
    }
}

/// The schema of one kind, as pretty JSON with a final newline.
pub fn schema_text(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Jurisdiction => schemars::schema_for!(JurisdictionFile),
        SchemaKind::Item => schemars::schema_for!(ItemFile),
        SchemaKind::Config => crate::lint::config::schema(),
    };
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

pub fn run(args: &SchemaArgs) -> ExitCode {
    let Some(dir) = &args.out else {
        let kinds: Vec<SchemaKind> = args.kind.map_or(SchemaKind::ALL.to_vec(), |k| vec![k]);
        if kinds.len() > 1 {
            eprintln!("{}", t!("cli.schema.name-a-kind"));
            return ExitCode::from(super::EXIT_USAGE);
        }
        print!("{}", schema_text(kinds[0]));
        return ExitCode::SUCCESS;
    };
    let kinds: Vec<SchemaKind> = args.kind.map_or(SchemaKind::ALL.to_vec(), |k| vec![k]);
    for kind in kinds {
        let path = dir.join(kind.file_name());
        let written =
            std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, schema_text(kind)));
        if let Err(err) = written {
            eprintln!(
                "{}",
                t!("cli.write-failed", path = path.display(), error = err)
            );
            return ExitCode::from(EXIT_INVALID);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
