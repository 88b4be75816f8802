//! Reference data under `catalog/reference/`: the knowledge the rules apply, kept as TOML that policy
//! staff can read and extend. No rule hard-codes a law, a correction or a phone format.
//!
//! | file | what |
//! |---|---|
//! | `laws.toml` | law registry: `[[law]]` title, aliases, issuer, number (文号 or 令号), date, articles |
//! | `issuers.toml` | `[[issuer]]` name, aliases, 机关代字 prefixes, years of existence, successor |
//! | `corrections.toml` | `[[correction]]` wrong → right pairs known to be wrong (typos' approach) |
//! | `terms.toml` | glossary of known terms, allowed reduplications (常常, 人人 …) |
//! | `phones.toml` | `[[area]]` telephone area codes with their local number length; placeholders |

use serde::Deserialize;

use crate::diagnostic::{Diag, Severity};
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
            "corrections.toml" => {
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
                    Diag::error("load::unknown-reference", file, 0..0, format!("unknown reference file `{name}`"))
                        .help("reference files are laws.toml, issuers.toml, corrections.toml, terms.toml and phones.toml"),
                );
                Ok(())
            }
        };
        if let Err(err) = result {
            diags.push(
                Diag::error("load::reference", file, err.span().unwrap_or(0..0), format!("invalid reference data: {}", err.message().trim()))
                    .label("here")
                    .help("see the table of reference files in src/lint/reference.rs and the comments at the top of the file"),
            );
        }
    }
    (reference, diags)
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, toml::de::Error> {
    toml::from_str(text)
}
