//! Run engineer B's rules (ZN2xx–ZN4xx) on a project and print one line per finding:
//! `cargo run --example lint_b_report -- [ROOT] [--full]`.

use std::path::PathBuf;

use zhinan::diagnostic::{Diag, render};
use zhinan::lint::{Context, reference, rules};
use zhinan::resolve::load_project;

/// The citation, time-limit and materials rules (ZN2xx–ZN4xx).
fn b_rules() -> Vec<&'static dyn zhinan::lint::Rule> {
    rules::all()
        .into_iter()
        .filter(|r| {
            ["ZN2", "ZN3", "ZN4"]
                .iter()
                .any(|p| r.meta().code.starts_with(p))
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--full");
    let root = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
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
    let timing = std::env::var_os("LINT_B_TIMING").is_some();
    for rule in b_rules() {
        let mut out = Vec::new();
        let t0 = std::time::Instant::now();
        rule.check(&ctx, &mut out);
        if timing {
            eprintln!("{} {:?}", rule.meta().code, t0.elapsed());
        }
        findings.extend(out.into_iter().map(|f| (rule.meta(), f)));
    }
    let elapsed = start.elapsed();
    // `--repeat N`: time N fresh runs (a new Context each, so caches are rebuilt) and report the median.
    if let Some(n) = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok())
    {
        let mut times = Vec::new();
        for _ in 0..n {
            let t0 = std::time::Instant::now();
            let ctx = Context::new(&project, &reference);
            let mut out = Vec::new();
            for rule in b_rules() {
                rule.check(&ctx, &mut out);
            }
            times.push(t0.elapsed());
        }
        times.sort();
        let median = times[times.len() / 2];
        if timing {
            // Per stage, caches warm: the cost of each rule alone.
            let ctx = Context::new(&project, &reference);
            let t0 = std::time::Instant::now();
            for _ in 0..n {
                let _ = Context::new(&project, &reference);
            }
            eprintln!("Context::new {:?}", t0.elapsed() / n as u32);
            let t0 = std::time::Instant::now();
            let _ = zhinan::lint::legal::cited(&ctx);
            eprintln!("cited (once) {:?}", t0.elapsed());
            let t0 = std::time::Instant::now();
            let _ = zhinan::lint::governing::compared(&ctx);
            eprintln!("compared (once) {:?}", t0.elapsed());
            for rule in b_rules() {
                let t0 = std::time::Instant::now();
                for _ in 0..n {
                    let mut out = Vec::new();
                    rule.check(&ctx, &mut out);
                }
                eprintln!("  {} {:?}", rule.meta().code, t0.elapsed() / n as u32);
            }
        }
        let bytes = project.sources.total_bytes();
        eprintln!(
            "median of {n} runs: {median:?} for {bytes} bytes of source ({:.1} MB/s)",
            bytes as f64 / median.as_secs_f64() / 1e6
        );
    }
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
