//! `zhinan build`: every PDF of every jurisdiction into `out/`, and `zhinan fonts`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use miette::Report;

use super::{EXIT_FINDINGS, EXIT_INVALID, load_or_report};
use crate::diagnostic::{Diag, render_all};
use crate::model::Item;
use crate::render::stamp::{Fingerprint, Stamp};
use crate::render::{
    BuildOptions, CatalogData, CatalogMain, FontOptions, Fonts, Job, PdfStandard, build_all,
    font_report,
};
use crate::resolve::Project;

/// Options of `zhinan build` as given on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Output folder (default: <root>/out).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Templates folder (default: <root>/templates).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Build only this jurisdiction.
    #[arg(long)]
    pub only: Option<String>,
    /// PDF flavour.
    #[arg(long, value_enum, default_value_t = PdfStandard::Pdf17)]
    pub pdf_standard: PdfStandard,
    /// Rebuild even when nothing changed.
    #[arg(long)]
    pub force: bool,
    /// Extra font folders, searched before the system fonts (e.g. the official fonts).
    #[arg(long = "font-path")]
    pub font_paths: Vec<PathBuf>,
}

/// The jobs of a project: one per jurisdiction that has items, in tree order.
pub fn jobs(project: &Project, only: Option<usize>) -> Result<Vec<Job>, Vec<Diag>> {
    let mut diags = Vec::new();
    let metrics = crate::flow::Metrics::system();
    let mut jobs = Vec::new();
    for j in project.tree_order() {
        if only.is_some_and(|o| o != j) {
            continue;
        }
        let jur = &project.jurisdictions[j];
        if jur.items.is_empty() {
            continue;
        }
        let items: Vec<Item> = jur.items.iter().map(|i| i.item.clone()).collect();
        let notice_body = match &jur.data.notice {
            Some(spec) => {
                let path = project
                    .sources
                    .root
                    .join(&jur.dir)
                    .join(spec.body.get_ref());
                match std::fs::read_to_string(&path) {
                    Ok(text) => Some(text),
                    Err(err) => {
                        diags.push(
                            Diag::error(
                                "build::notice",
                                jur.file,
                                spec.body.span(),
                                format!("cannot read the notice body {}: {err}", path.display()),
                            )
                            .label("this file")
                            .help("give the name of a Markdown file next to jurisdiction.toml"),
                        );
                        continue;
                    }
                }
            }
            None => None,
        };
        let mut job = Job::from_model(&jur.data, &items, notice_body.as_deref());
        super::flow::attach_flows(project, j, &mut job, &metrics);
        // The web site and the open data of the same items, written with the PDFs.
        let charts = crate::site::charts(project, j);
        job.files.extend(crate::site::files(&job.guide, &charts));
        job.files.extend(crate::opendata::files(project, j));
        if j == project.province {
            let mains = jur
                .mains
                .iter()
                .map(|(_, main)| {
                    let subs: Vec<Item> = jur
                        .items
                        .iter()
                        .filter(|i| {
                            i.main
                                .as_ref()
                                .is_some_and(|(_, m)| m.code.get_ref() == main.code.get_ref())
                        })
                        .map(|i| i.item.clone())
                        .collect();
                    CatalogMain::from_model(main, &subs)
                })
                .collect();
            job.catalog = Some(CatalogData::new(&job.guide.jurisdiction, mains));
        }
        jobs.push(job);
    }
    if diags.is_empty() {
        Ok(jobs)
    } else {
        Err(diags)
    }
}

pub fn run(root: &Path, args: &BuildArgs) -> ExitCode {
    let project = match load_or_report(root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let only = match &args.only {
        Some(name) => match project.find(name) {
            Some(j) => Some(j),
            None => {
                eprintln!("error: no jurisdiction named `{name}`");
                return ExitCode::from(EXIT_INVALID);
            }
        },
        None => None,
    };
    let out_dir = args.out.clone().unwrap_or_else(|| root.join("out"));
    let templates_dir = args
        .templates
        .clone()
        .unwrap_or_else(|| root.join("templates"));
    // Fast path: nothing the build reads has changed and no output was touched.
    let fingerprint = fingerprint(&project, &templates_dir, args);
    if !args.force
        && let Some(stamp) = Stamp::load(&out_dir)
        && stamp.is_current(&out_dir, &fingerprint)
    {
        println!(
            "all outputs up to date ({} files in {})",
            stamp.outputs.len(),
            out_dir.display()
        );
        return ExitCode::SUCCESS;
    }
    let jobs = match jobs(&project, only) {
        Ok(jobs) => jobs,
        Err(diags) => {
            eprint!("{}", render_all(&diags, &project.sources, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let fonts = match Fonts::discover(&FontOptions {
        font_dirs: args.font_paths.clone(),
        system_fonts: true,
    }) {
        Ok(fonts) => Arc::new(fonts),
        Err(err) => {
            eprintln!("{:?}", Report::new(err));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let options = BuildOptions {
        out_dir: out_dir.clone(),
        templates_dir,
        standard: args.pdf_standard,
        force: args.force,
    };
    let mut failed = false;
    for (job, result) in jobs.iter().zip(build_all(&jobs, &fonts, &options)) {
        let name = &job.guide.jurisdiction.name;
        match result {
            Ok(report) if report.skipped => println!("{name}: up to date"),
            Ok(report) => {
                println!(
                    "{name}: {} files in {} ({:.1} s)",
                    report.outputs.len(),
                    report.dir.display(),
                    report.elapsed.as_secs_f64()
                );
                for w in &report.warnings {
                    eprintln!("  warning: {w}");
                }
            }
            Err(err) => {
                failed = true;
                eprintln!("{name}: build failed; the previous outputs are kept");
                eprintln!("{:?}", Report::new(err));
            }
        }
    }
    if failed {
        return ExitCode::from(EXIT_FINDINGS);
    }
    if let Err(err) = Stamp::record(&out_dir, fingerprint).save(&out_dir) {
        eprintln!(
            "warning: cannot record the build in {}: {err}",
            out_dir.display()
        );
    }
    ExitCode::SUCCESS
}

/// Everything a build reads, for the no-change fast path.
fn fingerprint(project: &Project, templates_dir: &Path, args: &BuildArgs) -> String {
    let mut f = Fingerprint::new();
    for (_, file) in project.sources.iter() {
        f.add(&file.path, file.text.as_bytes());
    }
    for j in &project.jurisdictions {
        if let Some(spec) = &j.data.notice {
            let path = project.sources.root.join(&j.dir).join(spec.body.get_ref());
            f.add(
                &path.to_string_lossy(),
                &std::fs::read(&path).unwrap_or_default(),
            );
        }
    }
    f.add_dir("templates", templates_dir);
    f.add_fonts(&args.font_paths);
    f.add(
        "options",
        format!("{:?} {:?}", args.pdf_standard, args.only).as_bytes(),
    );
    f.finish()
}

/// `zhinan fonts`: which font serves each role.
pub fn fonts(font_paths: &[PathBuf]) -> ExitCode {
    let report = font_report(&FontOptions {
        font_dirs: font_paths.to_vec(),
        system_fonts: true,
    });
    let mut missing = false;
    for line in &report {
        let chosen = line.chosen.clone().unwrap_or_else(|| {
            missing = true;
            "（未找到 / none found）".to_string()
        });
        println!(
            "{:<8} {:<18} {}",
            line.role.as_str(),
            line.role.description(),
            chosen
        );
        let candidates: Vec<String> = line
            .candidates
            .iter()
            .map(|c| format!("{}{}", if c.installed { "✓ " } else { "· " }, c.family))
            .collect();
        println!("         {}", candidates.join("  "));
    }
    if missing {
        eprintln!(
            "help: install free Chinese fonts: apt-get install fonts-noto-cjk (Debian/Ubuntu)"
        );
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}
