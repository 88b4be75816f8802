//! The report for a terminal: one block per jurisdiction, one line per change, then the counts.

use std::fmt::Write;

use rust_i18n::t;

use super::{Change, Report};

/// The human-readable report.
pub fn human(report: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        t!("diff.human.title", old = report.old, new = report.new)
    );
    for j in &report.jurisdictions {
        let _ = writeln!(
            s,
            "\n{}",
            t!(
                "diff.human.jurisdiction",
                name = j.name,
                level = crate::i18n::level_name(&j.level),
                items = j.items,
                changes = j.changes.len()
            )
        );
        for c in &j.changes {
            let _ = writeln!(s, "  {}", line(c));
        }
    }
    let _ = writeln!(s, "\n{}", t!("diff.human.totals", count = report.total()));
    for t in report.totals() {
        let _ = writeln!(s, "  {:>4}  {} ({})", t.count, t.label, t.kind.key());
    }
    s
}

fn line(c: &Change) -> String {
    let code = c.code.as_deref().or(c.new_code.as_deref()).unwrap_or("-");
    let mut out = format!("{code} {} — {}", c.name, c.kind.label());
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => {
            let _ = write!(out, ": {} → {}", one_line(o), one_line(n));
        }
        (Some(o), None) => {
            let _ = write!(out, ": {}", one_line(o));
        }
        (None, Some(n)) => {
            let _ = write!(out, ": {}", one_line(n));
        }
        (None, None) => {}
    }
    if !c.note.is_empty() {
        let _ = write!(out, "（{}）", c.note);
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace('\n', " / ")
}
