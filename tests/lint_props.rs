//! Every lint rule over hostile text: leading and trailing spaces, combining marks, emoji, ZWJ
//! sequences, full-width digits, mixed scripts, brackets and title marks. The property: linting
//! never panics, and every finding's span is inside its file on character boundaries.
//!
//! Each case writes a small project whose every text field (jurisdiction, offices, contacts, 主项,
//! item fields, persons, flows) holds generated text, with the repository's reference data so that
//! every rule has what it needs, then loads and lints it.

use std::path::Path;

use proptest::prelude::*;
use zhinan::lint::config::LintConfig;
use zhinan::lint::engine;
use zhinan::resolve::load_project;

/// Pieces the generated texts are made of.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\u{3000}",
    "\t",
    "\n",
    "测试",
    "县",
    "处罚",
    "检查",
    "登记",
    "流程图",
    "第",
    "条",
    "个工作日",
    "e\u{301}",
    "\u{301}",
    "\u{20DD}",
    "\u{200B}",
    "\u{FE0F}",
    "👨\u{200D}👩\u{200D}👧",
    "🇨🇳",
    "😀",
    "１２３",
    "１",
    "123",
    "7",
    "abc",
    "ＡＢ",
    "ﬁ",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "〈",
    "〉",
    "、",
    "。",
    "；",
    "：",
    ",",
    "①",
    "一、",
    "1.",
    "——",
    "—",
    "0316-1234567",
    "03167238417",
    "〔2020〕",
    "冀医保〔2020〕1号",
    "第十二条",
    "《中华人民共和国社会保险法》",
    "\"",
    "\\",
    "'",
    "ا",
    "Ω",
    "한",
    "ㄅ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|v| v.concat())
}

/// A TOML string literal holding `s`.
fn lit(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A province with one 主项 and item, and a city that overlays the item and adds a local one with
/// a flowchart; `t[k]` fill the texts.
fn project(root: &Path, t: &[String]) {
    let l = |k: usize| lit(&t[k % t.len()]);
    // Names and box texts must not be blank (a load error): generated text around a word.
    let n = |k: usize| lit(&format!("{}登记{}", t[k % t.len()], t[(k + 1) % t.len()]));
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/reference");
    for entry in std::fs::read_dir(reference).unwrap() {
        let path = entry.unwrap().path();
        // Folders (catalog/reference/national/) are data to copy into a project, not reference files.
        if !path.is_file() {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        write(
            root,
            &format!("catalog/reference/{name}"),
            &std::fs::read_to_string(&path).unwrap(),
        );
    }
    write(
        root,
        "catalog/jurisdiction.toml",
        &format!(
            "name = \"河北省\"\nlevel = \"province\"\nagency = {}\nnotes = {}\n",
            l(0),
            l(1)
        ),
    );
    write(
        root,
        "catalog/items/01.toml",
        &format!(
            "[main]\nseq = \"一\"\ncode = \"13203600100Y\"\nname = {}\n\n[[item]]\nseq = \"1\"\n\
             code = \"132036001001\"\nname = {}\npower_type = {}\nmaterials = [{}, {}]\n\
             legal_basis = [{}]\ntime_limit = {}\nsteps = {}\nconditions = {}\n\
             consult = {{ name = {}, phone = {} }}\nsupervision = {{ phone = {} }}\n",
            n(2),
            n(3),
            l(4),
            l(5),
            l(6),
            l(7),
            l(8),
            l(9),
            l(10),
            l(11),
            l(12),
            l(13)
        ),
    );
    write(
        root,
        "counties/shi/jurisdiction.toml",
        &format!(
            "name = {}\nlevel = \"city\"\nparent = \"河北省\"\nagency = {}\narea_code = \"0316\"\n\
             supervision_phone = {}\n\n[[offices]]\nname = {}\naddress = {}\nphone = {}\n\n\
             [[contacts]]\nname = {}\ntitle = {}\nphone = {}\n",
            lit(&format!("{}示例市", t[0])),
            l(14),
            l(15),
            l(16),
            l(17),
            l(18),
            l(19),
            l(20),
            l(21)
        ),
    );
    write(
        root,
        "counties/shi/items/01.toml",
        &format!(
            "[[item]]\ncode = \"132036001001\"\nname = {}\ntime_limit = {}\nmaterials = [{}]\n\
             fee = {}\nnotes = {}\n\n[[item]]\nid = \"x-1\"\nlocal = true\nname = {}\n\
             power_type = {}\nlegal_basis = [{}]\n\n[[item.flow]]\ntitle = {}\ncaption = [{}]\n\
             nodes = [\n  {{ id = \"a\", kind = \"start\", text = {} }},\n  \
             {{ id = \"b\", kind = \"step\", text = {} }},\n  \
             {{ id = \"c\", kind = \"decision\", text = {} }},\n  \
             {{ id = \"d\", kind = \"end\", text = {} }},\n]\n\
             edges = [\n  {{ from = \"a\", to = \"b\" }},\n  {{ from = \"b\", to = \"c\" }},\n  \
             {{ from = \"c\", to = \"d\", label = {} }},\n]\n",
            n(22),
            l(23),
            l(24),
            l(25),
            l(26),
            n(27),
            l(28),
            l(29),
            l(30),
            l(31),
            n(32),
            n(33),
            n(34),
            n(35),
            l(36)
        ),
    );
}

/// Lints the project of `texts`; the spans of every finding must slice their file.
fn lint_without_panic(texts: &[String]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), texts);
    // Every generated text is a valid value of its field: the project must load.
    let project = match load_project(dir.path()) {
        Ok(project) => project,
        Err((sources, diags)) => {
            let rendered = zhinan::diagnostic::render_all(&diags, &sources, false);
            return Err(TestCaseError::fail(format!("does not load:\n{rendered}")));
        }
    };
    let reported = engine::lint(&project, &LintConfig::default()).expect("reference data loads");
    for r in &reported {
        let text = project.sources.text(r.finding.file);
        prop_assert!(
            text.get(r.finding.span.clone()).is_some(),
            "{} span {:?} does not slice its file",
            r.meta.code,
            r.finding.span
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_rule_panics_on_hostile_text(texts in prop::collection::vec(text(), 1..38)) {
        lint_without_panic(&texts)?;
    }
}

/// The texts that made ZN607 panic before spans were checked: a name with a leading ASCII space.
#[test]
fn leading_space_in_a_name() {
    let texts: Vec<String> = [
        " 测试县",
        " 行政检查",
        " 对违反社会保险法律、法规行为的处罚",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    lint_without_panic(&texts).unwrap();
}
