//! Reference data under `catalog/reference/`: the knowledge the rules apply, kept as TOML that policy
//! staff can read and extend. No rule hard-codes a law, a correction or a phone format.
//!
//! | file | what |
//! |---|---|
//! | `laws.toml` | law registry: `[[law]]` title, aliases, issuer, number (文号 or 令号), date, articles |
//! | `issuers.toml` | `[[issuer]]` name, aliases, 机关代字 prefixes, years of existence, successor |
//! | `corrections.toml` | `[[correction]]` wrong → right pairs known to be wrong (typos' approach); `corrections-*.toml` likewise (seed-specific slips) |
//! | `terms.toml` | glossary of known terms, allowed reduplications (常常, 人人 …) |
//! | `phones.toml` | `[[area]]` telephone area codes with their local number length; placeholders |

use rust_i18n::t;
use serde::Deserialize;

use crate::diagnostic::{Diag, Severity};
use crate::load::toml_error;
use crate::source::{FileId, Sources};

#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub laws: Vec<Law>,
    pub issuers: Vec<Issuer>,
    pub corrections: Vec<Correction>,
    pub terms: Terms,
    pub phones: Phones,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Official title, without 《》.
    pub title: String,
    /// Other titles the same document is cited by (short titles, older names).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub issuer: Option<String>,
    /// 发文字号 (国发〔2016〕3号) or order number (国务院令第765号).
    pub number: Option<String>,
    /// Other valid numbers (amending orders).
    #[serde(default)]
    pub other_numbers: Vec<String>,
    /// ISO date (or year) of issue.
    pub date: Option<String>,
    /// Number of articles (条), when known.
    pub articles: Option<u32>,
    /// Whether citations are expected to give the number. Laws of the NPC are customarily cited by
    /// title only (`false`); default: expected whenever `number` is set.
    pub cite_number: Option<bool>,
    /// ISO date from which the document no longer applies (repealed, or replaced by `replaced_by`).
    pub replaced: Option<String>,
    /// Title of the document that replaced it, when one did.
    pub replaced_by: Option<String>,
    /// Whether the repeal is confirmed by the repealing document's own text (`false`: from a
    /// secondary source; the finding is then an info, never more).
    #[serde(default)]
    pub replacement_confirmed: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// 机关代字 used in 文号 (劳社部发, 人社部发 …).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// First and last year the issuer existed (inclusive); `None` = open.
    pub from: Option<i32>,
    pub until: Option<i32>,
    pub successor: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub wrong: String,
    pub right: String,
    /// Why, shown in the help line.
    pub note: Option<String>,
    /// Longer texts in which `wrong` is correct (广而告之 for 告之): a match inside one is skipped.
    #[serde(default)]
    pub unless: Vec<String>,
    /// `warning` for pairs that are usage advice rather than certain errors (其它 → 其他).
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Known terms (form names, office names, glossary) for near-miss checks.
    #[serde(default)]
    pub glossary: Vec<String>,
    /// Reduplications that are correct Chinese (常常, 人人, 研究研究 …).
    #[serde(default)]
    pub reduplications: Vec<String>,
    /// Single characters whose doubling is always a typo (的的, 和和 …). Other doubled single
    /// characters are not flagged: most are two words meeting (进行行政, 病种种类).
    #[serde(default)]
    pub particles: Vec<String>,
    /// Official web domains, spelled right (for look-alike characters in URLs).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Hosts known to serve https: an `http://` address of one of them is a warning (ZN114).
    #[serde(default)]
    pub https_hosts: Vec<String>,
    /// Job titles that end a person's title after the unit's name (科员, 副主任 …).
    #[serde(default)]
    pub roles: Vec<String>,
    /// Two ways of writing one thing (社保卡 / 社会保障卡): one document should use one of them.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Function characters (的, 或, 对 …): left out when item names are compared with texts.
    #[serde(default)]
    pub function_chars: Vec<String>,
    /// Kinds of administrative power and the words a power's name ends with.
    #[serde(default)]
    pub power_types: Vec<PowerType>,
    /// Template placeholders left in a published text (X月X日, 某某 …); runs of X-like marks are
    /// found without a list.
    #[serde(default)]
    pub placeholders: Vec<String>,
    /// Whole texts that stand for "nothing" where a code or an address belongs (无, 暂无 …).
    #[serde(default)]
    pub empty_values: Vec<String>,
    /// Words of a material that names no document (相关材料, 其他材料 …).
    #[serde(default)]
    pub vague_materials: Vec<String>,
    /// Words that introduce a document by name (根据, 按照 …), for titles written without 《》.
    #[serde(default)]
    pub title_verbs: Vec<String>,
    /// Last words of a document title (条例, 办法 …).
    #[serde(default)]
    pub title_endings: Vec<String>,
    /// First words of a phrase that is not a title (有关规定, 国家规定, 本办法 …).
    #[serde(default)]
    pub not_title_starts: Vec<String>,
    /// Words that make a phrase a description rather than a title (相关, 有关).
    #[serde(default)]
    pub not_title_words: Vec<String>,
    /// Pairs of characters that make opposite words (入 / 出: 转入 is not a misspelling of 转出).
    #[serde(default)]
    pub contrasts: Vec<Vec<String>>,
    /// Last characters of an office's name (局, 中心 …): 社会保障局 is an office, not a misspelt
    /// 社会保障卡.
    #[serde(default)]
    pub office_endings: Vec<String>,
    /// Thresholds of heuristic rules, by `rule-name.setting` (`catalog-name.min_similarity`). A
    /// rule uses its documented default when the key is absent.
    #[serde(default)]
    pub thresholds: std::collections::BTreeMap<String, f64>,
    /// Separators between the parts of a power's name that name a 主项 and a 子项 (`--`).
    #[serde(default)]
    pub name_separators: Vec<String>,
    /// Markers after such parts (（主项）, （子项）).
    #[serde(default)]
    pub name_markers: Vec<String>,
    /// Phrases that point at a picture (如下图, 界面如下 …).
    #[serde(default)]
    pub figure_refs: Vec<String>,
    /// Field labels printed before their value on one line (办公地址, 咨询电话 …).
    #[serde(default)]
    pub labels: Vec<String>,
    /// Last characters of place names (省, 市, 县, 区 …).
    #[serde(default)]
    pub place_suffixes: Vec<String>,
    /// Verbs that tell applicants to fill in a form (填写, 填报 …).
    #[serde(default)]
    pub fill_verbs: Vec<String>,
    /// Sets of characters confused with each other, with the fixed words they occur in (ZN121).
    #[serde(default)]
    pub confusables: Vec<Confusable>,
    /// Steps of review whose outcome an immediate promise may wait for (审核, 审批 …; ZN306).
    #[serde(default)]
    pub review_words: Vec<String>,
    /// What follows a review word when the promise waits for it (通过, 后 …; ZN306).
    #[serde(default)]
    pub review_gates: Vec<String>,
    /// Written forms that unlikely-split (ZN124) never reports: right words its glossary phrases
    /// are one character away from.
    #[serde(default)]
    pub split_allow: Vec<String>,
}

/// Characters that look or sound alike (簿 / 薄) and the words that must be written with one of
/// them (户口簿): a word written with another character of the set is a typo (户口薄).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confusable {
    /// The characters confused with each other.
    pub chars: String,
    /// Words spelled right; each is looked for with one of its characters of `chars` replaced by
    /// another.
    pub words: Vec<String>,
    /// Right words that such a replacement makes (they are never reported).
    #[serde(default)]
    pub also_right: Vec<String>,
    /// Why the characters differ (shown in the help line), with its source.
    pub note: String,
}

impl Terms {
    /// A heuristic rule's threshold: the value of `thresholds` in `terms.toml`, else `default`.
    pub fn threshold(&self, key: &str, default: f64) -> f64 {
        self.thresholds.get(key).copied().unwrap_or(default)
    }

    /// Are these two characters a pair of opposites (入 / 出), in either order?
    pub fn is_contrast(&self, a: char, b: char) -> bool {
        let (a, b) = (a.to_string(), b.to_string());
        self.contrasts
            .iter()
            .any(|p| p.len() == 2 && ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a)))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerType {
    /// 行政处罚, 行政检查 …
    pub name: String,
    /// Words that end the name of a power of this kind (处罚; 检查, 监督检查 …).
    #[serde(default)]
    pub endings: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phones {
    #[serde(default)]
    pub area: Vec<AreaCode>,
    /// Texts that stand in for a number that was never filled in.
    #[serde(default)]
    pub placeholders: Vec<String>,
    /// Separator between the area code and the local number (`-`).
    pub separator: Option<String>,
    /// Short national service numbers (12393, 12345 …), valid without an area code.
    #[serde(default)]
    pub service_numbers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaCode {
    pub code: String,
    pub city: String,
    /// Digits of a local number (7 or 8).
    pub local_digits: usize,
    /// A second length in service for the same code (numbers of both lengths exist).
    pub also_local_digits: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LawsFile {
    #[serde(default)]
    law: Vec<Law>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssuersFile {
    #[serde(default)]
    issuer: Vec<Issuer>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionsFile {
    #[serde(default)]
    correction: Vec<Correction>,
}

/// Load every reference file. Unknown file names are errors, so a misnamed file is not silently ignored.
pub fn load(sources: &Sources, files: &[FileId]) -> (Reference, Vec<Diag>) {
    let mut reference = Reference::default();
    let mut diags = Vec::new();
    for &file in files {
        let path = sources.path(file);
        let name = path.rsplit('/').next().unwrap_or(path);
        let text = sources.text(file);
        let result = match name {
            "laws.toml" => parse::<LawsFile>(text).map(|f| reference.laws.extend(f.law)),
            "issuers.toml" => {
                parse::<IssuersFile>(text).map(|f| reference.issuers.extend(f.issuer))
            }
            // corrections.toml and corrections-<group>.toml (seed-specific slips live apart).
            n if n.starts_with("corrections") && n.ends_with(".toml") => {
                parse::<CorrectionsFile>(text).map(|f| reference.corrections.extend(f.correction))
            }
            "terms.toml" => parse::<Terms>(text).map(|t| {
                let terms = &mut reference.terms;
                terms.glossary.extend(t.glossary);
                terms.reduplications.extend(t.reduplications);
                terms.particles.extend(t.particles);
                terms.domains.extend(t.domains);
                terms.https_hosts.extend(t.https_hosts);
                terms.roles.extend(t.roles);
                terms.function_chars.extend(t.function_chars);
                terms.synonyms.extend(t.synonyms);
                terms.power_types.extend(t.power_types);
                terms.placeholders.extend(t.placeholders);
                terms.empty_values.extend(t.empty_values);
                terms.vague_materials.extend(t.vague_materials);
                terms.title_verbs.extend(t.title_verbs);
                terms.title_endings.extend(t.title_endings);
                terms.not_title_starts.extend(t.not_title_starts);
                terms.fill_verbs.extend(t.fill_verbs);
                terms.not_title_words.extend(t.not_title_words);
                terms.contrasts.extend(t.contrasts);
                terms.labels.extend(t.labels);
                terms.figure_refs.extend(t.figure_refs);
                terms.thresholds.extend(t.thresholds);
                terms.name_separators.extend(t.name_separators);
                terms.name_markers.extend(t.name_markers);
                terms.place_suffixes.extend(t.place_suffixes);
                terms.office_endings.extend(t.office_endings);
                terms.confusables.extend(t.confusables);
                terms.review_words.extend(t.review_words);
                terms.review_gates.extend(t.review_gates);
                terms.split_allow.extend(t.split_allow);
            }),
            "phones.toml" => parse::<Phones>(text).map(|p| {
                let phones = &mut reference.phones;
                phones.area.extend(p.area);
                phones.placeholders.extend(p.placeholders);
                phones.service_numbers.extend(p.service_numbers);
                if p.separator.is_some() {
                    phones.separator = p.separator;
                }
            }),
            _ => {
                diags.push(
                    Diag::error(
                        "load::unknown-reference",
                        file,
                        0..0,
                        t!("config.unknown-reference", name = name),
                    )
                    .help(t!("config.unknown-reference-help")),
                );
                Ok(())
            }
        };
        if let Err(err) = result {
            // An unknown key is pointed at itself, not at the table around it.
            let span = err.span().unwrap_or(0..0);
            let span = match toml_error::classify(err.message()) {
                toml_error::Problem::UnknownField { field, .. } => {
                    toml_error::find_key(text, &span, field).unwrap_or(span)
                }
                _ => span,
            };
            diags.push(
                Diag::error(
                    "load::reference",
                    file,
                    span,
                    t!("config.reference", message = err.message().trim()),
                )
                .label(t!("load.here"))
                .help(t!("config.reference-help")),
            );
        }
    }
    (reference, diags)
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, toml::de::Error> {
    toml::from_str(text)
}
