//! Command-line interface: parses arguments and runs one command. Each command lives in its own file.

pub mod build;
mod check;
mod diff;
pub mod flow;
mod fonts;
mod init;
mod lint;
mod manual;
mod rule;
mod schema;
mod show;
mod ui;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use rust_i18n::t;

pub use ui::{ColorChoice, Ui};

use crate::diagnostic::render_all;
use crate::i18n::{self, Lang};
use crate::resolve::{Project, load_project};

#[derive(Debug, Parser)]
#[command(
    name = "zhinan",
    version,
    about = "指南: compile service-guide TOML sources into guides, flowcharts and notices"
)]
pub struct Cli {
    /// Project root (the folder holding catalog/ and counties/). Default: found upward from here.
    #[arg(short = 'C', long, global = true)]
    pub root: Option<PathBuf>,
    /// Language of messages: zh (简体中文, the default) or en. Default: LC_ALL / LC_MESSAGES / LANG.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Print only errors and findings (no progress or summary lines on stderr).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: timings and what each step did.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and resolve every source; print a summary per jurisdiction.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print one resolved item and where each field's value came from (or list a jurisdiction's items).
    Show {
        /// Jurisdiction name, e.g. 示例市.
        jurisdiction: String,
        /// Item code, id or name; without it, the jurisdiction's items are listed.
        item: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Render one item's flowchart as SVG (to stdout, or to a file with -o).
    Flow {
        /// Jurisdiction name, e.g. 示例县.
        jurisdiction: String,
        /// Item code, id or name.
        item: String,
        /// Write the SVG to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which of the item's charts (0 = the first).
        #[arg(long, default_value_t = 0)]
        index: usize,
    },
    /// Build every output into out/: guide, item sheets, notice, catalog, flowcharts.
    Build(build::BuildArgs),
    /// Show which font serves each role (title, body, heading, kai, mono).
    Fonts {
        /// Extra font folders, searched before the system fonts.
        #[arg(long = "font-path")]
        font_paths: Vec<PathBuf>,
    },
    /// Find defects in the sources: typos, citations, time limits, materials, contacts, codes.
    Lint(lint::LintArgs),
    /// Compare the lists with a new edition of the catalog: every item that falls behind.
    Diff(diff::DiffArgs),
    /// Print the documentation of a lint rule (`zhinan rule ZN101`, `zhinan rule known-typo`).
    Rule {
        /// Rule code or name.
        #[arg(required_unless_present = "all")]
        rule: Option<String>,
        /// List every rule: code, name, default severity and what it does.
        #[arg(long, conflicts_with = "rule")]
        all: bool,
    },
    /// Print a shell completion script (`source <(zhinan completions bash)`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `zhinan man | man -l -`), or write one page per command with --out.
    Man {
        /// Folder to write zhinan.1 and zhinan-<command>.1 into.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Create a new project: catalog/, counties/, zhinan.toml, templates.
    Init(init::InitArgs),
    /// Add a county (or city) folder or an item file to the project.
    New(init::NewArgs),
    /// Re-lint and rebuild on every change of the sources, until stopped (Ctrl-C).
    Watch(watch::WatchArgs),
    /// Print the JSON Schema of a source file kind, or write them all with --out.
    Schema(schema::SchemaArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Exit codes (documented in the README and `zhinan man`):
/// 0 success; 1 findings of error severity (lint) or a failed output (build);
/// 2 usage: a wrong argument, an unknown jurisdiction or item, no project here (clap's own code);
/// 3 invalid sources: a source, the reference data or the config does not load.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_INVALID: u8 = 3;

pub fn main() -> ExitCode {
    // The language is needed before clap parses (it prints help and errors), so read it first.
    let flag = lang_flag(std::env::args().skip(1));
    i18n::set_language(Lang::detect(flag, |name| std::env::var(name).ok()));
    let matches = localized_command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let ui = Ui::new(cli.color, cli.quiet, cli.verbose);
    // Commands that need no project.
    match &cli.command {
        Command::Rule { rule, all } => return rule::run(rule.as_deref(), *all),
        Command::Completions { shell } => return manual::completions(*shell),
        Command::Man { out } => return manual::man(out.as_deref()),
        Command::Init(args) => return init::init(args, &ui),
        Command::Schema(args) => return schema::run(args),
        Command::Fonts { font_paths } => return fonts::run(font_paths),
        _ => {}
    }
    let root = match find_root(cli.root.as_deref()) {
        Ok(root) => root,
        Err(message) => {
            eprintln!("{}", t!("cli.error", message = message));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match cli.command {
        Command::Check { format } => check::run(&root, format, &ui),
        Command::Show {
            jurisdiction,
            item,
            format,
        } => show::run(&root, &jurisdiction, item.as_deref(), format),
        Command::Flow {
            jurisdiction,
            item,
            output,
            index,
        } => flow::run(&root, &jurisdiction, &item, output.as_ref(), index),
        Command::Build(args) => build::run(&root, &args),
        Command::Lint(args) => lint::run(&root, &args, &ui),
        Command::New(args) => init::new(&root, &args, &ui),
        Command::Watch(args) => watch::run(&root, &args, &ui),
        Command::Diff(args) => diff::run(&root, &args),
        Command::Rule { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Init(_)
        | Command::Schema(_)
        | Command::Fonts { .. } => unreachable!("handled before the project is loaded"),
    }
}

/// The project root: the given folder, or the nearest folder upward that has a `catalog/`.
fn find_root(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(root) = given {
        return if root.join("catalog").is_dir() {
            Ok(root.to_path_buf())
        } else {
            Err(t!("cli.root.no-catalog", root = root.display()).into_owned())
        };
    }
    let cwd = std::env::current_dir()
        .map_err(|e| t!("cli.root.no-cwd", error = e.to_string()).into_owned())?;
    cwd.ancestors()
        .find(|dir| dir.join("catalog").is_dir())
        .map(Path::to_path_buf)
        .ok_or_else(|| t!("cli.root.not-found").into_owned())
}

/// Writes a command's output to stdout. A closed pipe (`zhinan lint --format json | head -1`) ends
/// the run quietly instead of panicking as `print!` does; any other write error is reported.
pub(crate) fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(err) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("{}", t!("cli.write-output-failed", error = err.to_string()));
        std::process::exit(i32::from(EXIT_INVALID));
    }
}

/// The message for a jurisdiction name that names none: the closest known name when one is
/// close, and the known names (a usage error: exit 2).
pub(crate) fn unknown_jurisdiction(project: &Project, name: &str) -> String {
    let names: Vec<&str> = project
        .jurisdictions
        .iter()
        .map(|j| j.name.as_str())
        .collect();
    let mut message = t!("cli.no-jurisdiction", name = name).into_owned();
    if let Some(near) = crate::text::nearest(name, &names) {
        message.push('\n');
        message.push_str(&t!("cli.did-you-mean", name = near));
    }
    message.push('\n');
    message.push_str(&t!("cli.known-jurisdictions", names = names.join("、")));
    message
}

/// The jurisdiction named `name`, or the usage error printed (exit 2).
pub(crate) fn jurisdiction_or_usage(project: &Project, name: &str) -> Result<usize, ExitCode> {
    project.find(name).ok_or_else(|| {
        eprintln!("{}", unknown_jurisdiction(project, name));
        ExitCode::from(EXIT_USAGE)
    })
}

/// Load and resolve, printing every diagnostic on failure (colour: auto).
pub(crate) fn load_or_report(root: &Path) -> Result<Project, ExitCode> {
    load_or_report_ui(root, &Ui::new(ColorChoice::Auto, false, false))
}

/// Load and resolve, printing every diagnostic on failure.
pub(crate) fn load_or_report_ui(root: &Path, ui: &Ui) -> Result<Project, ExitCode> {
    match load_project(root) {
        Ok(project) => Ok(project),
        Err((sources, diags)) => {
            let color = ui.color_stderr();
            eprint!("{}", render_all(&diags, &sources, color));
            let files: std::collections::BTreeSet<_> = diags.iter().map(|d| d.file).collect();
            eprintln!(
                "\n{}",
                t!(
                    "cli.load-failed",
                    problems = diags.len(),
                    files = files.len()
                )
            );
            Err(ExitCode::from(EXIT_INVALID))
        }
    }
}

/// The value of `--lang` among the arguments, if given and valid (clap reports an invalid one).
fn lang_flag(args: impl Iterator<Item = String>) -> Option<Lang> {
    let mut args = args.take_while(|a| a != "--");
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(&v, true).ok()) {
            return Some(lang);
        }
    }
    None
}

/// The clap command with its help texts in the current language. Clap's derive attributes are
/// fixed English at compile time, so every about and argument help is replaced from the locale:
/// `cli.<command path>.about`, `cli.<command path>.args.<id>`, else the shared `cli.args.<id>`.
pub fn localized_command() -> clap::Command {
    let mut cmd = Cli::command();
    // Building adds the help/version flags and the `help` command, which are then translated too.
    cmd.build();
    localize(cmd, "cli")
}

fn localize(mut cmd: clap::Command, path: &str) -> clap::Command {
    // `zhinan help lint` lists the commands again under `help`: they take the commands' texts.
    let path = &path
        .strip_prefix("cli.help.")
        .map_or(path.to_string(), |rest| format!("cli.{rest}"));
    if let Some(about) = i18n::lookup(&format!("{path}.about")) {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = i18n::lookup(&format!("{path}.args.{id}"))
            .or_else(|| i18n::lookup(&format!("cli.args.{id}")));
        let options = t!("cli.heading.options").into_owned();
        let arguments = t!("cli.heading.arguments").into_owned();
        cmd = cmd.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                arguments
            } else {
                options
            };
            let arg = arg.help_heading(heading);
            // The long help too: clap prints it for `--help` whenever any argument has one, and
            // the English doc comments would come back through it.
            match help {
                Some(help) => arg.help(help.clone()).long_help(help),
                None => arg,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path}.{name}");
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path));
    }
    cmd.subcommand_help_heading(t!("cli.heading.commands").into_owned())
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            t!("cli.heading.usage")
        ))
}
