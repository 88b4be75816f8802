//! `zhinan completions <shell>` (clap_complete) and `zhinan man` (clap_mangen): both generated from
//! the same clap definition as the parser, so they never drift from the real arguments.

use std::path::Path;
use std::process::ExitCode;

use rust_i18n::t;

use super::{EXIT_INVALID, localized_command};

/// Exit codes and environment, appended to the manual page (clap has no place for them). The
/// section titles stay the conventional English ones, as clap_mangen's NAME and SYNOPSIS do.
fn extra_sections() -> [(&'static str, Vec<(String, String)>); 2] {
    let entry = |key: String, text: std::borrow::Cow<str>| (key, text.into_owned());
    [
        (
            "EXIT STATUS", // i18n-exempt: a man section title, English like NAME and SYNOPSIS
            vec![
                entry("0".into(), t!("cli.man.exit-0")),
                entry(super::EXIT_FINDINGS.to_string(), t!("cli.man.exit-1")),
                entry(super::EXIT_USAGE.to_string(), t!("cli.man.exit-2")),
                entry(EXIT_INVALID.to_string(), t!("cli.man.exit-3")),
            ],
        ),
        (
            "ENVIRONMENT",
            vec![
                entry("NO_COLOR".into(), t!("cli.man.no-color")),
                entry("LC_ALL, LC_MESSAGES, LANG".into(), t!("cli.man.lang")),
            ],
        ),
    ]
}

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    // Shells that show descriptions (zsh, fish) show them in the run's language.
    let mut cmd = localized_command();
    clap_complete::generate(shell, &mut cmd, "zhinan", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// The main page as roff, with EXIT STATUS and ENVIRONMENT sections.
pub fn page() -> Vec<u8> {
    let man = clap_mangen::Man::new(localized_command());
    let mut out = Vec::new();
    let written = man
        .render_title(&mut out)
        .and_then(|_| man.render_name_section(&mut out))
        .and_then(|_| man.render_synopsis_section(&mut out))
        .and_then(|_| man.render_description_section(&mut out))
        .and_then(|_| man.render_options_section(&mut out))
        .and_then(|_| man.render_subcommands_section(&mut out));
    written.expect("writing to memory does not fail");
    for (title, entries) in extra_sections() {
        out.extend_from_slice(format!(".SH \"{title}\"\n").as_bytes());
        for (key, text) in entries {
            out.extend_from_slice(format!(".TP\n\\fB{key}\\fR\n{text}\n").as_bytes());
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
        let cmd = localized_command();
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
            println!(
                "{}",
                t!("cli.man.written", count = files.len(), dir = dir.display())
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!(
                "{}",
                t!("cli.man.write-failed", dir = dir.display(), error = err)
            );
            ExitCode::from(EXIT_INVALID)
        }
    }
}
