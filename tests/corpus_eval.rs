//! Measures the lint on documents it was not written from (`tests/corpus/<province>/`) and on the
//! seeds, against defects keyed by hand (`defects.toml`) and findings judged by hand
//! (`tests/corpus/judged.toml`). Prints recall and precision per corpus and per rule, and asserts the
//! targets of issue 8:
//!
//! - corpus: recall of the keyed defects at least `CORPUS_RECALL_FLOOR` (the target is
//!   0.80, printed when it is missed), ≥ 0.90 of error findings real;
//! - seeds: recall ≥ 0.95 of the keyed defects, every error finding real;
//! - warnings: ≥ 0.70 real on the judged set; every finding of the corpus is judged or keyed, so a
//!   new finding nobody has looked at fails the test until it is judged.
//!
//! Each corpus project is linted from a temporary copy that gets the repository's
//! `catalog/reference/` (laws, corrections, terms, phones), so it is measured with the same
//! knowledge as the seeds and never with another province's catalog.
//!
//! `cargo test --test corpus_eval -- --nocapture` prints the tables.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use serde_json::Value;

mod fs_support;
use fs_support::copy_tree as copy_dir;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    manifest().join("tests/corpus")
}

#[derive(Debug, Deserialize)]
struct Keys {
    #[serde(default)]
    defect: Vec<Defect>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Defect {
    file: String,
    text: String,
    #[serde(default = "one")]
    nth: usize,
    category: String,
    why: String,
    #[serde(default)]
    rule: String,
    severity: String,
}

fn one() -> usize {
    1
}

#[derive(Debug, Deserialize)]
struct Judged {
    #[serde(default)]
    finding: Vec<Judgement>,
}

/// A finding judged by hand: `project` (a corpus folder or "seeds"), the rule code, the file, the
/// text the finding points at, and whether it is a real defect.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judgement {
    project: String,
    code: String,
    file: String,
    text: String,
    real: bool,
    why: String,
}

/// One finding of `zhinan lint --format json`, with its byte span.
#[derive(Debug, Clone)]
struct Found {
    code: String,
    severity: String,
    file: String,
    span: Range<usize>,
    text: String,
    message: String,
}

/// Byte offset of a 1-based line and character column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    text[start..]
        .char_indices()
        .nth(column - 1)
        .map_or(text.len(), |(i, _)| start + i)
}

fn lint(root: &Path) -> Vec<Found> {
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(root)
        .args(["lint", "--format", "json"])
        .env("LC_ALL", "en_US.UTF-8") // English messages (Chinese is the default)
        .output()
        .expect("zhinan runs");
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: not JSON ({e}):\n{}\n{}",
            root.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap().to_string();
            let text = texts
                .entry(file.clone())
                .or_insert_with(|| std::fs::read_to_string(root.join(&file)).unwrap_or_default());
            let n = |k: &str| d[k].as_u64().unwrap() as usize;
            let start = byte_offset(text, n("line"), n("column"));
            let end = byte_offset(text, n("end_line"), n("end_column")).max(start);
            Found {
                code: d["code"].as_str().unwrap().to_string(),
                severity: d["severity"].as_str().unwrap().to_string(),
                file,
                span: start..end,
                text: d["text"].as_str().unwrap_or("").to_string(),
                message: d["message"].as_str().unwrap_or("").to_string(),
            }
        })
        .collect()
}

/// The byte range of a keyed defect's text in its file.
fn locate(root: &Path, d: &Defect) -> Range<usize> {
    let path = root.join(&d.file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("keyed file {}: {e}", path.display()));
    // Occurrences in TOML comments (`# …` lines) are notes about the text, not the text.
    let in_comment = |at: usize| {
        text[..at]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim_start().starts_with('#'))
    };
    let mut from = 0;
    let mut k = 0;
    while let Some(i) = text[from..].find(&d.text) {
        let at = from + i;
        from = at + d.text.len();
        if in_comment(at) {
            continue;
        }
        k += 1;
        if k == d.nth {
            return at..at + d.text.len();
        }
    }
    panic!(
        "{}: keyed text not found (occurrence {}): {:?}",
        path.display(),
        d.nth,
        d.text
    )
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    // An empty span (a point) still meets the text around it.
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// Result of one project.
#[derive(Default)]
struct Score {
    keyed: usize,
    found_keys: usize,
    missed: Vec<Defect>,
    errors: usize,
    errors_real: usize,
    false_errors: Vec<Found>,
    warnings: usize,
    warnings_judged: usize,
    warnings_real: usize,
    false_warnings: Vec<Found>,
    unjudged: Vec<Found>,
    /// Per rule: (findings, real, judged).
    per_rule: BTreeMap<String, (usize, usize, usize)>,
}

fn score(project: &str, root: &Path, keys: &[Defect], judged: &[Judgement]) -> Score {
    let found = lint(root);
    let located: Vec<Range<usize>> = keys.iter().map(|d| locate(root, d)).collect();
    let mut s = Score {
        keyed: keys.len(),
        ..Score::default()
    };
    for (d, range) in keys.iter().zip(&located) {
        if found
            .iter()
            .any(|f| f.file == d.file && overlaps(&f.span, range))
        {
            s.found_keys += 1;
        } else {
            s.missed.push(d.clone());
        }
    }
    for f in &found {
        let keyed = keys
            .iter()
            .zip(&located)
            .any(|(d, r)| d.file == f.file && overlaps(&f.span, r));
        let judgement = judged.iter().find(|j| {
            j.project == project && j.code == f.code && j.file == f.file && j.text == f.text
        });
        let verdict = if keyed {
            Some(true)
        } else {
            judgement.map(|j| j.real)
        };
        let rule = s.per_rule.entry(f.code.clone()).or_default();
        rule.0 += 1;
        if verdict == Some(true) {
            rule.1 += 1;
        }
        if verdict.is_some() {
            rule.2 += 1;
        }
        match f.severity.as_str() {
            "error" => {
                s.errors += 1;
                if verdict == Some(true) {
                    s.errors_real += 1;
                } else {
                    s.false_errors.push(f.clone());
                }
            }
            "warning" => {
                s.warnings += 1;
                match verdict {
                    Some(real) => {
                        s.warnings_judged += 1;
                        if real {
                            s.warnings_real += 1;
                        } else {
                            s.false_warnings.push(f.clone());
                        }
                    }
                    None => s.unjudged.push(f.clone()),
                }
            }
            _ => {}
        }
    }
    s
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn print(name: &str, s: &Score) {
    println!(
        "{name:10} keyed {:3}  found {:3}  recall {:.2} | errors {:3} real {:3} ({:.2}) | warnings {:3} judged {:3} real {:3} ({:.2})",
        s.keyed,
        s.found_keys,
        ratio(s.found_keys, s.keyed),
        s.errors,
        s.errors_real,
        ratio(s.errors_real, s.errors),
        s.warnings,
        s.warnings_judged,
        s.warnings_real,
        ratio(s.warnings_real, s.warnings_judged),
    );
    for d in &s.missed {
        println!(
            "    missed [{}] {} {:?} ({})",
            d.category, d.file, d.text, d.rule
        );
    }
    for f in &s.false_errors {
        println!(
            "    false error {} {} {:?}: {}",
            f.code, f.file, f.text, f.message
        );
    }
    for f in &s.false_warnings {
        println!(
            "    false warning {} {} {:?}: {}",
            f.code, f.file, f.text, f.message
        );
    }
    for f in &s.unjudged {
        println!(
            "    unjudged {} {} {:?}: {}",
            f.code, f.file, f.text, f.message
        );
    }
}

fn read_keys(path: &Path) -> Vec<Defect> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let keys: Keys = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for d in &keys.defect {
        assert!(
            matches!(d.severity.as_str(), "error" | "warning"),
            "{}: severity {:?}",
            path.display(),
            d.severity
        );
        assert!(!d.why.trim().is_empty() && !d.category.is_empty());
    }
    keys.defect
}

fn read_judged() -> Vec<Judgement> {
    let path = corpus_dir().join("judged.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let judged: Judged = toml::from_str(&text).unwrap_or_else(|e| panic!("judged.toml: {e}"));
    for j in &judged.finding {
        assert!(
            !j.why.trim().is_empty(),
            "judgement without a reason: {j:?}"
        );
    }
    judged.finding
}

/// The corpus projects: every folder of `tests/corpus/` with a `catalog/`, except the seeds' keys.
fn corpus_projects() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("catalog").is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

/// Reference files left out of the corpus measurement: the seeds' own slips.
const SEED_ONLY: &[&str] = &["corrections-seed.toml"];

/// A temporary copy of a corpus project with the repository's reference data, less the
/// seed-specific corrections (they recite the seeds' answers and say nothing about new documents).
fn with_reference(project: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(project, dir.path());
    let target = dir.path().join("catalog/reference");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(manifest().join("catalog/reference")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Folders (catalog/reference/national/) are data to copy into a project, not reference files.
        if !SEED_ONLY.contains(&name.as_str()) && entry.path().is_file() {
            std::fs::copy(entry.path(), target.join(&name)).unwrap();
        }
    }
    dir
}

fn add(total: &mut Score, s: Score) {
    total.keyed += s.keyed;
    total.found_keys += s.found_keys;
    total.errors += s.errors;
    total.errors_real += s.errors_real;
    total.warnings += s.warnings;
    total.warnings_judged += s.warnings_judged;
    total.warnings_real += s.warnings_real;
    total.missed.extend(s.missed);
    total.false_errors.extend(s.false_errors);
    total.false_warnings.extend(s.false_warnings);
    total.unjudged.extend(s.unjudged);
    for (code, (n, real, judged)) in s.per_rule {
        let r = total.per_rule.entry(code).or_default();
        r.0 += n;
        r.1 += real;
        r.2 += judged;
    }
}

fn print_rules(title: &str, s: &Score) {
    println!("{title}: per rule (findings / judged / real)");
    for (code, (n, real, judged)) in &s.per_rule {
        println!(
            "    {code}  {n:4} {judged:4} {real:4}  {:.2}",
            ratio(*real, *judged)
        );
    }
}

/// Issue 8's target for the share of the corpus's keyed defects found.
const CORPUS_RECALL_TARGET: f64 = 0.80;
/// What the test asserts: the target (0.86 measured since confusable-word and
/// immediate-after-review: 19 of 22 keyed defects). Never lower it to make a change pass.
const CORPUS_RECALL_FLOOR: f64 = 0.80;

/// One test, so that the seeds are linted once: the corpus, the seeds, then the judged warnings of
/// both together.
#[test]
fn corpus_and_seeds_against_the_keys() {
    let judged = read_judged();
    let mut corpus = Score::default();
    println!();
    for (name, path) in corpus_projects() {
        let keys = read_keys(&path.join("defects.toml"));
        let copy = with_reference(&path);
        let s = score(&name, copy.path(), &keys, &judged);
        print(&name, &s);
        add(&mut corpus, s);
    }
    println!("-- corpus total");
    print("corpus", &corpus);
    print_rules("corpus", &corpus);

    let keys = read_keys(&corpus_dir().join("seeds/defects.toml"));
    let seeds = score("seeds", &manifest(), &keys, &judged);
    println!("-- seeds");
    print("seeds", &seeds);
    print_rules("seeds", &seeds);

    let judged_warnings = corpus.warnings_judged + seeds.warnings_judged;
    let real_warnings = corpus.warnings_real + seeds.warnings_real;
    let rules_judged = corpus
        .per_rule
        .keys()
        .chain(seeds.per_rule.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    println!(
        "-- warnings judged: {judged_warnings} over {rules_judged} rules, {real_warnings} real ({:.2})",
        ratio(real_warnings, judged_warnings)
    );

    let mut failures = Vec::new();
    let mut check = |ok: bool, what: &str| {
        if !ok {
            failures.push(what.to_string());
        }
    };
    check(corpus.keyed >= 15, "the corpus keys fewer than 15 defects");
    let recall = ratio(corpus.found_keys, corpus.keyed);
    if recall < CORPUS_RECALL_TARGET {
        println!(
            "-- corpus recall {recall:.2} is below issue 8's target {CORPUS_RECALL_TARGET:.2} (missed defects listed above)"
        );
    }
    check(
        recall >= CORPUS_RECALL_FLOOR,
        "corpus recall below the asserted floor",
    );
    check(
        ratio(corpus.errors_real, corpus.errors) >= 0.90,
        "fewer than 90% of the corpus's error findings are real",
    );
    check(
        corpus.unjudged.is_empty(),
        "corpus findings nobody has judged (add them to tests/corpus/judged.toml)",
    );
    check(
        ratio(seeds.found_keys, seeds.keyed) >= 0.95,
        "seed recall below 0.95",
    );
    check(
        seeds.false_errors.is_empty(),
        "seed error findings that are not keyed defects",
    );
    check(judged_warnings >= 60, "fewer than 60 judged warnings");
    check(
        ratio(real_warnings, judged_warnings) >= 0.70,
        "fewer than 70% of judged warnings are real",
    );
    assert!(failures.is_empty(), "{}", failures.join("; "));
}

/// Regression on the seeds: the whole JSON output of `zhinan lint` on the repository's sources.
/// A change here is a change in what editors of the seed jurisdictions see: review it finding by
/// finding (a lost error must be a keyed defect that is still found by another rule).
#[test]
fn seed_lint_json_snapshot() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .arg("-C")
        .arg(manifest())
        .args(["lint", "--format", "json"])
        .env("LC_ALL", "en_US.UTF-8") // English messages (Chinese is the default)
        .output()
        .expect("zhinan runs");
    let value: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    insta::assert_json_snapshot!("seed_lint", value);
}
