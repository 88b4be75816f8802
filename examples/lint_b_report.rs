//! Run engineer B's rules (ZN2xx–ZN4xx) on a project and print one line per finding:
//! `cargo run --example lint_b_report -- [ROOT] [--full]`.

use std::path::PathBuf;

use zhinan::diagnostic::{Diag, render};
use zhinan::lint::{Context, reference, rules};
use zhinan::resolve::load_project;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--full");
    let root = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let project = match load_project(&root) {
        Ok(p) => p,
        Err((sources, diags)) => {
            eprintln!(
                "{}",
                zhinan::diagnostic::render_all(&diags, &sources, false)
            );
            std::process::exit(2);
        }
    };
    let (reference, diags) = reference::load(&project.sources, &project.reference_files);
    if !diags.is_empty() {
        eprintln!(
            "{}",
            zhinan::diagnostic::render_all(&diags, &project.sources, false)
        );
        std::process::exit(2);
    }
    let ctx = Context::new(&project, &reference);
    let mut findings = Vec::new();
    let start = std::time::Instant::now();
    for rule in rules::citations_time_limits_materials() {
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        findings.extend(out.into_iter().map(|f| (rule.meta(), f)));
    }
    let elapsed = start.elapsed();
    findings.sort_by(|a, b| {
        (a.1.file, a.1.span.start, a.0.code).cmp(&(b.1.file, b.1.span.start, b.0.code))
    });
    for (meta, f) in &findings {
        let (line, col) = project.sources.line_col(f.file, f.span.start);
        let text = &project.sources.text(f.file)[f.span.clone()];
        if full {
            let d = Diag {
                code: meta.code.to_string(),
                severity: meta.severity,
                message: f.message.clone(),
                file: f.file,
                span: f.span.clone(),
                label: String::new(),
                help: f.help.clone(),
                related: f.related.clone(),
            };
            println!("{}", render(&d, &project.sources, false));
        } else {
            println!(
                "{}\t{}\t{}:{}:{}\t{}\t{}\t[{}]\t{}",
                meta.code,
                meta.severity.as_str(),
                project.sources.path(f.file),
                line,
                col,
                project.jurisdictions[f.jurisdiction].name,
                f.item.as_deref().unwrap_or("-"),
                text.replace('\n', "⏎"),
                f.message
            );
        }
    }
    eprintln!("{} findings in {:?}", findings.len(), elapsed);
}
