//! `zhinan rule CODE|NAME` prints a rule's documentation; `zhinan rule --all` lists every rule.

use std::process::ExitCode;

use rust_i18n::t;

use super::EXIT_USAGE;
use crate::lint::rules;
use crate::text::nearest;
use crate::text::width::display_width;

pub fn run(query: Option<&str>, all: bool) -> ExitCode {
    if all {
        print!("{}", listing());
        return ExitCode::SUCCESS;
    }
    let query = query.unwrap_or_default();
    match rules::find(query) {
        Some(rule) => {
            let m = rule.meta();
            println!("# {} {}\n", m.code, m.name);
            println!(
                "{}\n",
                t!(
                    "cli.rule.severity",
                    severity = crate::i18n::severity(m.severity)
                )
            );
            println!("{}", rules::doc(m, crate::i18n::language()).trim());
            if crate::i18n::language() == crate::i18n::Lang::Zh {
                println!("\n{}", t!("cli.rule.other-language", code = m.code));
            }
            ExitCode::SUCCESS
        }
        None => {
            let metas = rules::metas();
            let candidates: Vec<&str> = metas.iter().flat_map(|m| [m.code, m.name]).collect();
            match nearest(query, &candidates) {
                Some(n) => eprintln!("{}", t!("cli.rule.unknown-near", query = query, near = n)),
                None => eprintln!("{}", t!("cli.rule.unknown", query = query)),
            }
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// One line per rule: code, name, default severity, summary.
pub fn listing() -> String {
    let metas = rules::metas();
    let name_width = metas
        .iter()
        .map(|m| display_width(m.name))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for m in metas {
        out.push_str(&format!(
            "{}  {}{}  {:<7}  {}\n",
            m.code,
            m.name,
            " ".repeat(name_width - display_width(m.name)),
            m.severity.as_str(),
            rules::summary(m)
        ));
    }
    out
}
