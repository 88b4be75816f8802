//! Renders one template with a JSON view model, for template authors:
//! `cargo run --example render_json -- catalog.typ data.json out.pdf [templates]`.
//! The JSON is the `data` part of `/data.json` (a `GuideData`, `NoticeData` or `CatalogData`);
//! the fonts are found on this machine.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use miette::IntoDiagnostic;
use zhinan::render::{FontOptions, Fonts, PdfStandard, RenderContext, render_pdf};

fn main() -> miette::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, data, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: render_json TEMPLATE DATA.json OUT.pdf [TEMPLATES_DIR]");
        std::process::exit(2);
    };
    let templates = rest
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| "templates".into());
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data).into_diagnostic()?).into_diagnostic()?;
    let ctx = RenderContext {
        templates_dir: templates,
        fonts: Arc::new(Fonts::discover(&FontOptions::default())?),
        standard: PdfStandard::Pdf17,
        date: None,
    };
    let pdf = render_pdf(&ctx, template, "preview", &data, &HashMap::new())?;
    for w in pdf.warnings {
        eprintln!("warning: {w}");
    }
    std::fs::write(out, pdf.bytes).into_diagnostic()?;
    Ok(())
}
