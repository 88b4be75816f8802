//! How a run talks to the person at the terminal: colour (`--color`, `NO_COLOR`) and how much to say
//! (`-q`, `-v`). Decided once from the arguments and passed to the commands (no global state).

use std::io::IsTerminal;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless the NO_COLOR environment variable is set (no-color.org).
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub color: ColorChoice,
    /// `NO_COLOR` set to a non-empty value when the run started.
    pub no_color_env: bool,
    pub quiet: bool,
    pub verbose: bool,
}

impl Ui {
    pub fn new(color: ColorChoice, quiet: bool, verbose: bool) -> Self {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ui {
            color,
            no_color_env,
            quiet,
            verbose,
        }
    }

    fn color_for(&self, terminal: bool) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !self.no_color_env,
        }
    }

    /// Colour for what goes to stdout (findings in human format).
    pub fn color_stdout(&self) -> bool {
        self.color_for(std::io::stdout().is_terminal())
    }

    /// Colour for what goes to stderr (load errors, notes).
    pub fn color_stderr(&self) -> bool {
        self.color_for(std::io::stderr().is_terminal())
    }

    /// A progress or summary line on stderr, left out with `-q`.
    pub fn note(&self, line: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", line.as_ref());
        }
    }

    /// A detail on stderr, printed only with `-v`.
    pub fn detail(&self, line: impl AsRef<str>) {
        if self.verbose {
            eprintln!("{}", line.as_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ui(color: ColorChoice, no_color_env: bool) -> Ui {
        Ui {
            color,
            no_color_env,
            quiet: false,
            verbose: false,
        }
    }

    #[test]
    fn no_color_turns_auto_off_but_not_always() {
        assert!(ui(ColorChoice::Auto, false).color_for(true));
        assert!(!ui(ColorChoice::Auto, true).color_for(true));
        assert!(!ui(ColorChoice::Auto, false).color_for(false));
        assert!(ui(ColorChoice::Always, true).color_for(false));
        assert!(!ui(ColorChoice::Never, false).color_for(true));
    }
}
