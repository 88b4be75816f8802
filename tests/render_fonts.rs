//! Font discovery and roles (on this machine: fonts-noto-cjk, no official fonts).

mod render_common;

use render_common::fonts;
use zhinan::render::{FontOptions, FontRole, Fonts, RenderError, font_report};

/// The free fallbacks are chosen when the official fonts are absent; every role has a family.
#[test]
fn roles_fall_back_to_noto_cjk() {
    let fonts = fonts();
    let roles = fonts.roles();
    let official = [
        "FZXiaoBiaoSong-B05S",
        "FangSong_GB2312",
        "SimHei",
        "KaiTi_GB2312",
    ];
    let installed = |f: &str| {
        fonts
            .report()
            .iter()
            .any(|r| r.candidates.iter().any(|c| c.family == f && c.installed))
    };
    if official.iter().any(|f| installed(f)) {
        // A machine with official fonts: they must win.
        for (role, f) in [
            FontRole::Title,
            FontRole::Body,
            FontRole::Heading,
            FontRole::Kai,
        ]
        .iter()
        .zip(official)
        {
            if installed(f) {
                assert_eq!(roles.get(*role)[0], f);
            }
        }
        return;
    }
    assert_eq!(roles.title[0], "Noto Serif CJK SC");
    // The free 仿宋 and 楷体 (Fandol, from scripts/setup.sh) come before the Noto fallbacks.
    let or_noto = |free: &str| {
        if installed(free) {
            free.to_string()
        } else {
            "Noto Serif CJK SC".to_string()
        }
    };
    assert_eq!(roles.body[0], or_noto("FandolFang R"));
    assert_eq!(roles.heading[0], "Noto Sans CJK SC");
    if !installed("AR PL UKai CN") {
        assert_eq!(roles.kai[0], or_noto("FandolKai"));
    }
    assert_eq!(roles.mono[0], "Noto Sans Mono CJK SC");
    assert!(
        fonts
            .cjk_families()
            .first()
            .is_some_and(|f| f.ends_with(" SC")),
        "{:?}",
        fonts.cjk_families()
    );
}

#[test]
fn report_lists_every_role_and_candidate() {
    let report = font_report(&FontOptions::default());
    let roles: Vec<FontRole> = report.iter().map(|r| r.role).collect();
    assert_eq!(roles, FontRole::ALL);
    for line in &report {
        assert_eq!(line.candidates.len(), line.role.candidates().len());
        // The chosen family is the first installed candidate, or a CJK fallback.
        let first_installed = line
            .candidates
            .iter()
            .find(|c| c.installed)
            .map(|c| c.family.clone());
        if let Some(first) = first_installed {
            assert_eq!(
                line.chosen.as_deref().map(str::to_lowercase),
                Some(first.to_lowercase())
            );
        }
        assert!(line.chosen.is_some(), "{:?} has no font", line.role);
    }
    let body = report.iter().find(|r| r.role == FontRole::Body).unwrap();
    assert_eq!(body.candidates[0].family, "仿宋_GB2312");
    assert!(
        body.candidates
            .iter()
            .any(|c| c.family == "Noto Serif CJK SC" && c.installed)
    );
}

#[test]
fn no_cjk_font_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let options = FontOptions {
        font_dirs: vec![empty.path().to_path_buf()],
        system_fonts: false,
    };
    let err = Fonts::discover(&options).unwrap_err();
    assert!(matches!(err, RenderError::NoCjkFont { .. }));
    let mut out = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .render_report(&mut out, &err)
        .unwrap();
    assert!(out.contains("apt-get install fonts-noto-cjk"), "{out}");
    assert!(out.contains(&empty.path().display().to_string()), "{out}");
    // The report still works, with no family chosen.
    let report = font_report(&options);
    assert!(report.iter().all(|r| r.chosen.is_none()));
}

#[test]
fn extra_font_directories_are_searched() {
    // The Noto CJK files themselves, as an extra directory, without the system fonts.
    let dir = std::path::Path::new("/usr/share/fonts/opentype/noto");
    assert!(
        dir.is_dir(),
        "fonts-noto-cjk is expected at {}",
        dir.display()
    );
    let fonts = Fonts::discover(&FontOptions {
        font_dirs: vec![dir.into()],
        system_fonts: false,
    })
    .unwrap();
    assert_eq!(fonts.roles().body[0], "Noto Serif CJK SC");
}
