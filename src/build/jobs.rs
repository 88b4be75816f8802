//! The render jobs of a project: one per jurisdiction with items, with its charts attached.

use rust_i18n::t;
use crate::diagnostic::Diag;
use crate::flow::Metrics;
use crate::model::Item;
use crate::render::{CatalogData, CatalogMain, Job};
use crate::resolve::{Jurisdiction, Project};

/// The jobs of a project: one per jurisdiction that has items (only `only`, when given), in tree
/// order. Errors: notice bodies that cannot be read.
/// Charts are measured with `metrics`: [`crate::render::Fonts::chart_metrics`] of the build's
/// fonts, so the one font discovery (with `--font-path`) serves the charts too.
pub fn jobs(
    project: &Project,
    only: Option<usize>,
    metrics: &Metrics,
) -> Result<Vec<Job>, Vec<Diag>> {
    let mut diags = Vec::new();
    let mut jobs = Vec::new();
    for j in project.tree_order() {
        if only.is_some_and(|o| o != j) {
            continue;
        }
        let jur = &project.jurisdictions[j];
        if jur.items.is_empty() {
            continue;
        }
        let notice_body = match notice_body(project, jur) {
            Ok(body) => body,
            Err(diag) => {
                diags.push(*diag);
                continue;
            }
        };
        let items: Vec<Item> = jur.items.iter().map(|i| i.item.clone()).collect();
        let mut job = Job::from_model(&jur.data, &items, notice_body.as_deref());
        super::attach_flows(project, j, &mut job, metrics);
        // The web site and the open data of the same items, written with the PDFs (atomically).
        let charts = crate::site::charts(project, j);
        job.files.extend(crate::site::files(&job.guide, &charts));
        job.files.extend(crate::opendata::files(project, j));
        if j == project.province {
            job.catalog = Some(catalog(jur, &job));
        }
        jobs.push(job);
    }
    if diags.is_empty() {
        Ok(jobs)
    } else {
        Err(diags)
    }
}

/// The Markdown of the file named in `[notice] body`, when the jurisdiction has a notice.
fn notice_body(project: &Project, jur: &Jurisdiction) -> Result<Option<String>, Box<Diag>> {
    let Some(spec) = &jur.data.notice else {
        return Ok(None);
    };
    let path = project
        .sources
        .root
        .join(&jur.dir)
        .join(spec.body.get_ref());
    std::fs::read_to_string(&path).map(Some).map_err(|err| {
        Box::new(
            Diag::error(
                "build::notice",
                jur.file,
                spec.body.span(),
                t!(
                    "cli.build.notice-unreadable",
                    path = path.display(),
                    error = err
                ),
            )
            .label(t!("cli.build.notice-label"))
            .help(t!("cli.build.notice-help")),
        )
    })
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
        .collect();
    CatalogData::new(&job.guide.jurisdiction, mains)
}
