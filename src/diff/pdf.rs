//! The printable report: `templates/diff.typ` through the project's typst World, a landscape table
//! per jurisdiction. The template receives the report as JSON data; no text becomes typst code.

use std::collections::HashMap;

use serde::Serialize;

use super::{KindCount, Report};
use crate::render::{RenderContext, RenderError, RenderedPdf, render_pdf};

pub const DIFF_TEMPLATE: &str = "diff.typ";

/// What `diff.typ` reads.
#[derive(Debug, Clone, Serialize)]
pub struct DiffData<'a> {
    pub title: String,
    pub old: &'a str,
    pub new: &'a str,
    pub totals: Vec<KindCount>,
    pub jurisdictions: Vec<JurisdictionRows<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionRows<'a> {
    pub name: &'a str,
    pub items: usize,
    pub totals: Vec<KindCount>,
    pub rows: Vec<Row<'a>>,
}

/// One table row: strings only, ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub old: &'a str,
    pub new: &'a str,
    pub note: &'a str,
}

impl<'a> DiffData<'a> {
    pub fn new(report: &'a Report) -> DiffData<'a> {
        let jurisdictions = report
            .jurisdictions
            .iter()
            .map(|j| JurisdictionRows {
                name: &j.name,
                items: j.items,
                totals: super::ChangeKind::ALL
                    .iter()
                    .map(|&kind| KindCount {
                        kind,
                        label: kind.label(),
                        count: j.count(kind),
                    })
                    .filter(|k| k.count > 0)
                    .collect(),
                rows: j
                    .changes
                    .iter()
                    .map(|c| Row {
                        code: c.code.as_deref().or(c.new_code.as_deref()).unwrap_or(""),
                        name: &c.name,
                        kind: c.kind.label(),
                        old: c.old.as_deref().unwrap_or(""),
                        new: c.new.as_deref().unwrap_or(""),
                        note: &c.note,
                    })
                    .collect(),
            })
            .collect();
        DiffData {
            title: "政务服务事项目录对比报告".to_string(),
            old: &report.old,
            new: &report.new,
            totals: report.totals(),
            jurisdictions,
        }
    }
}

/// Renders the report as a PDF with `diff.typ` from the context's templates directory.
pub fn render_report(ctx: &RenderContext, report: &Report) -> Result<RenderedPdf, RenderError> {
    render_pdf(
        ctx,
        DIFF_TEMPLATE,
        "diff",
        &DiffData::new(report),
        &HashMap::new(),
    )
}
