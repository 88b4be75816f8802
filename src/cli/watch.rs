//! `zhinan watch`: lint and build once, then again after every change of the sources (catalog/,
//! counties/, templates/, zhinan.toml), until stopped. A change that breaks the sources is reported
//! and the watch goes on; the build's own per-jurisdiction fingerprints make a rebuild redo only the
//! jurisdictions whose inputs changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use notify::{RecursiveMode, Watcher};
use rust_i18n::t;

use super::{EXIT_INVALID, Ui, build};
use crate::diagnostic::render_all;
use crate::lint::{config, engine, output};
use crate::resolve::load_project;

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: build::BuildArgs,
    /// Lint only; do not build.
    #[arg(long)]
    pub no_build: bool,
    /// Stop after this many rebuilds that followed a change (for scripts and tests).
    #[arg(long, value_name = "N")]
    pub exit_after: Option<usize>,
    /// Quiet time after a change before rebuilding, in milliseconds (editors write in bursts).
    #[arg(long, default_value_t = 200, value_name = "MS")]
    pub debounce: u64,
}

/// What the watch looks at, relative to the root.
const WATCHED: &[&str] = &["catalog", "counties", "templates"];

pub fn run(root: &Path, args: &WatchArgs, ui: &Ui) -> ExitCode {
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let handler = move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if matches!(event.kind, notify::EventKind::Access(_)) {
                return;
            }
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    };
    let mut watcher = match notify::recommended_watcher(handler) {
        Ok(w) => w,
        Err(err) => {
            eprintln!("{}", t!("cli.watch.cannot-watch", error = err.to_string()));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut targets: Vec<(PathBuf, RecursiveMode)> = WATCHED
        .iter()
        .map(|d| (root.join(d), RecursiveMode::Recursive))
        .filter(|(p, _)| p.is_dir())
        .collect();
    // zhinan.toml: the root itself, not recursively (out/ is below it).
    targets.push((root.clone(), RecursiveMode::NonRecursive));
    for (path, mode) in &targets {
        if let Err(err) = watcher.watch(path, *mode) {
            eprintln!(
                "{}",
                t!(
                    "cli.watch.cannot-watch-path",
                    path = path.display(),
                    error = err.to_string()
                )
            );
            return ExitCode::from(EXIT_INVALID);
        }
    }

    cycle(&root, args, ui, Round::Start);
    println!("{}", t!("cli.watch.watching", root = root.display()));
    let mut rebuilds = 0;
    while let Ok(path) = rx.recv() {
        if !relevant(&root, &path) {
            continue;
        }
        let started = Instant::now();
        let mut changed = vec![path];
        // Let a burst of writes settle.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(args.debounce)) {
            if relevant(&root, &more) && !changed.contains(&more) {
                changed.push(more);
            }
        }
        let names: Vec<String> = changed
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string())
            .collect();
        println!("{}", t!("cli.watch.changed", files = names.join(", ")));
        cycle(&root, args, ui, Round::Change);
        println!(
            "{}",
            t!(
                "cli.watch.rebuilt",
                seconds = format!("{:.2}", started.elapsed().as_secs_f64())
            )
        );
        rebuilds += 1;
        if args.exit_after.is_some_and(|n| rebuilds >= n) {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// A path the sources depend on: under a watched folder or zhinan.toml; not an editor's or
/// zhinan's temporary file.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name.ends_with(".swp")
    {
        return false;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    WATCHED.contains(&first.as_str()) || rel == Path::new(config::CONFIG_FILE)
}

/// Why a round runs: the first one, or one after a change.
#[derive(Debug, Clone, Copy)]
enum Round {
    Start,
    Change,
}

/// One round: load, lint (findings and summary on stdout), build. Never stops the watch.
fn cycle(root: &Path, args: &WatchArgs, ui: &Ui, round: Round) {
    let started = Instant::now();
    let mut project = match load_project(root) {
        Ok(p) => p,
        Err((sources, diags)) => {
            eprint!("{}", render_all(&diags, &sources, ui.color_stderr()));
            println!("{}", t!("cli.watch.invalid", problems = diags.len()));
            return;
        }
    };
    let lint =
        config::load(root, &mut project.sources).and_then(|config| engine::lint(&project, &config));
    match lint {
        Ok(reported) => {
            if ui.verbose {
                print!(
                    "{}",
                    output::diagnostics(&reported, &project, ui.color_stdout())
                );
            }
            print!("{}", output::table(&output::summary(&reported, &project)));
        }
        Err(diags) => eprint!(
            "{}",
            render_all(&diags, &project.sources, ui.color_stderr())
        ),
    }
    let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
    ui.detail(match round {
        Round::Start => t!("cli.watch.lint-start", seconds = seconds),
        Round::Change => t!("cli.watch.lint-change", seconds = seconds),
    });
    if args.no_build {
        return;
    }
    let code = build::run(root, &args.build);
    if code != ExitCode::SUCCESS {
        println!("{}", t!("cli.watch.build-failed"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count_as_changes() {
        let root = Path::new("/p");
        assert!(relevant(root, Path::new("/p/counties/a/items/01.toml")));
        assert!(relevant(root, Path::new("/p/zhinan.toml")));
        assert!(relevant(root, Path::new("/p/templates/guide.typ")));
        assert!(!relevant(root, Path::new("/p/out/a/guide.pdf")));
        assert!(!relevant(
            root,
            Path::new("/p/counties/a/.01.toml.zhinan-fix.tmp")
        ));
        assert!(!relevant(root, Path::new("/other/counties/x.toml")));
    }
}
