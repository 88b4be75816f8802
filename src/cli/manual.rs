//! `zhinan completions <shell>` (clap_complete) and `zhinan man` (clap_mangen): both generated from
//! the same clap definition as the parser, so they never drift from the real arguments.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, EXIT_INVALID};

/// Exit codes and environment, appended to the manual page (clap has no place for them).
const EXIT_STATUS: &str = "\
0  success (lint: no finding of error severity)
1  lint found an error-severity finding (or a warning with --deny warnings); build: an output failed
2  usage: a wrong argument, an unknown jurisdiction or item, no project found
3  invalid sources: a source file, the reference data or zhinan.toml does not load";

const ENVIRONMENT: &str = "\
NO_COLOR  when set to a non-empty value, no colour unless --color always (see no-color.org)";

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "zhinan", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// The main page as roff, with EXIT STATUS and ENVIRONMENT sections.
pub fn page() -> Vec<u8> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd);
    let mut out = Vec::new();
    let written = man
        .render_title(&mut out)
        .and_then(|_| man.render_name_section(&mut out))
        .and_then(|_| man.render_synopsis_section(&mut out))
        .and_then(|_| man.render_description_section(&mut out))
        .and_then(|_| man.render_options_section(&mut out))
        .and_then(|_| man.render_subcommands_section(&mut out));
    written.expect("writing to memory does not fail");
    for (title, body) in [("EXIT STATUS", EXIT_STATUS), ("ENVIRONMENT", ENVIRONMENT)] {
        out.extend_from_slice(format!(".SH \"{title}\"\n").as_bytes());
        for line in body.lines() {
            let (key, text) = line.split_once("  ").unwrap_or((line, ""));
            out.extend_from_slice(format!(".TP\n\\fB{key}\\fR\n{}\n", text.trim()).as_bytes());
        }
    }
    let version = man.render_version_section(&mut out);
    version.expect("writing to memory does not fail");
    out
}

pub fn man(out_dir: Option<&Path>) -> ExitCode {
    let Some(dir) = out_dir else {
        use std::io::Write;
        let _ = std::io::stdout().write_all(&page());
        return ExitCode::SUCCESS;
    };
    let result = (|| -> std::io::Result<Vec<String>> {
        std::fs::create_dir_all(dir)?;
        let mut written = vec!["zhinan.1".to_string()];
        std::fs::write(dir.join("zhinan.1"), page())?;
        let cmd = Cli::command();
        for sub in cmd.get_subcommands() {
            let name = format!("zhinan-{}", sub.get_name());
            let mut buf = Vec::new();
            clap_mangen::Man::new(sub.clone().name(name.clone())).render(&mut buf)?;
            std::fs::write(dir.join(format!("{name}.1")), buf)?;
            written.push(format!("{name}.1"));
        }
        Ok(written)
    })();
    match result {
        Ok(files) => {
            println!("{} manual pages in {}", files.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!(
                "error: cannot write the manual pages to {}: {err}",
                dir.display()
            );
            ExitCode::from(EXIT_INVALID)
        }
    }
}
