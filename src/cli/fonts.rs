//! `zhinan fonts`: which font serves each role, in columns aligned by display width (a CJK
//! character takes two terminal columns).

use std::path::PathBuf;
use std::process::ExitCode;

use rust_i18n::t;

use super::EXIT_INVALID;
use crate::render::{FontOptions, font_report};
use crate::text::width::display_width;

/// `text` followed by spaces up to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// The table: role, description, chosen family; the candidates on the line below.
pub fn table(report: &[crate::render::fonts::FontReport]) -> (String, bool) {
    let mut missing = false;
    let role_w = report
        .iter()
        .map(|l| display_width(l.role.as_str()))
        .max()
        .unwrap_or(0);
    let desc_w = report
        .iter()
        .map(|l| display_width(l.role.description()))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for line in report {
        let chosen = line.chosen.clone().unwrap_or_else(|| {
            missing = true;
            t!("cli.fonts.none-found").into_owned()
        });
        out.push_str(&format!(
            "{}  {}  {}\n",
            pad(line.role.as_str(), role_w),
            pad(line.role.description(), desc_w),
            chosen
        ));
        let candidates: Vec<String> = line
            .candidates
            .iter()
            .map(|c| format!("{}{}", if c.installed { "✓ " } else { "· " }, c.family))
            .collect();
        out.push_str(&format!(
            "{}  {}\n",
            " ".repeat(role_w),
            candidates.join("  ")
        ));
    }
    (out, missing)
}

pub fn run(font_paths: &[PathBuf]) -> ExitCode {
    let report = font_report(&FontOptions {
        font_dirs: font_paths.to_vec(),
        system_fonts: true,
    });
    let (text, missing) = table(&report);
    print!("{text}");
    if missing {
        eprintln!("{}", t!("cli.fonts.install-help"));
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fonts::{FontCandidate, FontReport, FontRole};

    #[test]
    fn chosen_fonts_start_in_one_column_whatever_the_cjk_width() {
        let line = |role, chosen: &str| FontReport {
            role,
            chosen: Some(chosen.to_string()),
            candidates: vec![FontCandidate {
                family: chosen.to_string(),
                installed: true,
            }],
        };
        let report = [
            line(FontRole::Title, "Noto Serif CJK SC"),
            line(FontRole::Mono, "Noto Sans Mono CJK SC"),
            line(FontRole::Kai, "AR PL UKai CN"),
        ];
        let (text, missing) = table(&report);
        assert!(!missing);
        let columns: Vec<usize> = text
            .lines()
            .step_by(2)
            .map(|l| {
                let at = l.find("Noto").or_else(|| l.find("AR PL")).unwrap();
                display_width(&l[..at])
            })
            .collect();
        assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    }
}
