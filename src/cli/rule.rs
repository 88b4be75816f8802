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
            print!("{}", options(rule));
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

/// The `## Options` section of a heuristic rule: each threshold, its default and range.
pub fn options(rule: &dyn crate::lint::Rule) -> String {
    let declared = rule.options();
    if declared.is_empty() {
        return String::new();
    }
    let name = rule.meta().name;
    let mut out = format!(
        "\n{}\n\n{}\n\n",
        t!("cli.rule.options"),
        t!("cli.rule.options-how", name = name)
    );
    for o in declared {
        out.push_str(&t!(
            "cli.rule.option",
            key = o.key,
            default = o.default,
            lo = o.range.0,
            hi = o.range.1,
            doc = crate::i18n::lookup(&format!("rule-options.{name}.{}", o.key))
                .unwrap_or_else(|| o.doc.to_string())
        ));
        out.push('\n');
    }
    out.push_str(&format!(
        "\n```toml\n[lint.options.{name}]\n{} = {}\n```\n",
        declared[0].key, declared[0].default
    ));
    out
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
