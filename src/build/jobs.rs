//! The render jobs of a project: one per jurisdiction with items, with its charts attached.

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::Diag;
use crate::flow::Metrics;
use crate::model::Item;
use crate::render::{CatalogData, CatalogMain, CatalogSub, Job};
use crate::resolve::{Jurisdiction, Project};
use crate::site::Style;

/// The jobs of a project: one per jurisdiction that has items (only `only`, when given), in tree
/// order. (Notice bodies are read, and checked, at load time: this does not fail any more; the
/// `Result` is kept for callers.)
/// Charts are measured with `metrics`: [`crate::render::Fonts::chart_metrics`] of the build's
/// fonts, so the one font discovery (with `--font-path`) serves the charts too. The web pages take
/// their field labels and order from the style files under `templates_dir`, as the PDFs do.
pub fn jobs(
    project: &Project,
    only: Option<usize>,
    metrics: &Metrics,
    templates_dir: &Path,
) -> Result<Vec<Job>, Vec<Diag>> {
    // Jurisdictions are independent: their charts are laid out in parallel, results in tree order.
    let jobs = project
        .tree_order()
        .into_iter()
        .filter(|&j| only.is_none_or(|o| o == j) && !project.jurisdictions[j].items.is_empty())
        .collect::<Vec<usize>>()
        .into_par_iter()
        .map(|j| job(project, j, metrics, templates_dir))
        .collect();
    Ok(jobs)
}

/// The job of jurisdiction `j`.
fn job(project: &Project, j: usize, metrics: &Metrics, templates_dir: &Path) -> Job {
    let jur = &project.jurisdictions[j];
    // Read at load time, inside the project only (see `load::attachment`).
    let notice_body = jur.notice.map(|f| project.sources.text(f));
    let items: Vec<Item> = jur.items.iter().map(|i| i.item.clone()).collect();
    let parents: Vec<_> = project
        .ancestors(j)
        .into_iter()
        .map(|p| &project.jurisdictions[p].data)
        .collect();
    let mut job = Job::from_model_in(&jur.data, &parents, &items, notice_body);
    super::attach_flows(project, j, &mut job, metrics);
    // The web site and the open data of the same items, written with the PDFs (atomically).
    let charts = crate::site::charts(project, j);
    // A style that does not load fails the PDFs of the same job (lib.typ reads the same file),
    // so nothing of the jurisdiction is published; the site is then left out here.
    if let Ok(style) = Style::load(templates_dir, &job.guide.jurisdiction.style) {
        job.files
            .extend(crate::site::files(&job.guide, &charts, &style));
    }
    job.files.extend(crate::opendata::files(project, j));
    if jur.is_catalog() {
        job.catalog = Some(catalog(jur, &job));
    }
    job
}

/// The province's catalog table: every 主项 with its items.
fn catalog(jur: &Jurisdiction, job: &Job) -> CatalogData {
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
        .collect::<Vec<_>>();
    // Items no 主项 of this catalog names (a catalog written without [main]) are printed too,
    // in rows of their own: a list never loses an item.
    let named = |code: &str| jur.mains.iter().any(|(_, m)| m.code.get_ref() == code);
    let loose: Vec<Item> = jur
        .items
        .iter()
        .filter(|i| {
            !i.main
                .as_ref()
                .is_some_and(|(_, m)| named(m.code.get_ref()))
        })
        .map(|i| i.item.clone())
        .collect();
    let mut mains = mains;
    if !loose.is_empty() {
        mains.push(CatalogMain {
            seq: None,
            code: String::new(),
            name: String::new(),
            subs: loose.iter().map(CatalogSub::from_item).collect(),
        });
    }
    CatalogData::new(&job.guide.jurisdiction, mains)
}
