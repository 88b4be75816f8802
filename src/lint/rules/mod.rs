//! The rule registry: one file per rule, listed here once.
//!
//! Families: ZN1xx typos, ZN2xx citations, ZN3xx time limits, ZN4xx materials, ZN5xx contacts,
//! ZN6xx codes and structure. Keep each family's `mod` lines and registry entries grouped.

use super::{Rule, RuleMeta};

// ZN1xx typos
pub mod bracket_width;
pub mod doubled_word;
pub mod fullwidth_punctuation;
pub mod known_typo;
pub mod lookalike_url;
pub mod mixed_numerals;
pub mod near_miss_term;
pub mod space_before_punctuation;
pub mod spelling_variants;
pub mod step_separator;
pub mod stray_space;

// ZN5xx contacts
pub mod missing_phone;
pub mod person_phones;
pub mod phone_format;
pub mod phone_placeholder;
pub mod self_supervision;
pub mod supervision_phones;

// ZN6xx codes and structure
pub mod catalog_name;
pub mod duplicate_flow;
pub mod duplicate_numbering;
pub mod flow_key_terms;
pub mod flow_title;
pub mod numbering_style;
pub mod power_type_name;
pub mod subitem_code;
pub mod swapped_flows;

/// Every rule, in code order.
pub fn all() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = vec![
        // ZN1xx typos
        &known_typo::KnownTypo,
        &doubled_word::DoubledWord,
        &mixed_numerals::MixedNumerals,
        &lookalike_url::LookalikeUrl,
        &bracket_width::BracketWidth,
        &step_separator::StepSeparator,
        &near_miss_term::NearMissTerm,
        &spelling_variants::SpellingVariants,
        &fullwidth_punctuation::FullwidthPunctuation,
        &space_before_punctuation::SpaceBeforePunctuation,
        &stray_space::StraySpace,
        // ZN5xx contacts
        &phone_format::PhoneFormat,
        &person_phones::PersonPhones,
        &supervision_phones::SupervisionPhones,
        &missing_phone::MissingPhone,
        &phone_placeholder::PhonePlaceholder,
        &self_supervision::SelfSupervision,
        // ZN6xx codes and structure
        &subitem_code::SubitemCode,
        &duplicate_numbering::DuplicateNumbering,
        &flow_title::FlowTitle,
        &duplicate_flow::DuplicateFlow,
        &flow_key_terms::FlowKeyTerms,
        &swapped_flows::SwappedFlows,
        &power_type_name::PowerTypeName,
        &catalog_name::CatalogName,
        &numbering_style::NumberingStyle,
    ];
    rules.sort_by_key(|r| r.meta().code);
    rules
}

/// The rule with this code (`ZN101`) or name (`known-typo`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    let q = code_or_name.trim();
    all().into_iter().find(|r| {
        let m = r.meta();
        m.code.eq_ignore_ascii_case(q) || m.name.eq_ignore_ascii_case(q)
    })
}

/// Metadata of every rule, in code order.
pub fn metas() -> Vec<&'static RuleMeta> {
    all().into_iter().map(|r| r.meta()).collect()
}

/// The first sentence of a rule's "What it does" section, for one-line listings.
pub fn summary(meta: &RuleMeta) -> String {
    let body = section(meta.doc, "What it does").unwrap_or(meta.doc);
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    // The first sentence, or the text before a list that a colon opens.
    let end = [". ", ": "]
        .iter()
        .filter_map(|p| flat.find(p).map(|i| i + if *p == ". " { 1 } else { 0 }))
        .min()
        .unwrap_or(flat.len());
    let mut first = flat[..end].trim().to_string();
    if first.chars().count() > 110 {
        first = first.chars().take(109).collect::<String>() + "…";
    }
    first
}

/// The text of one `## heading` section of a rule's documentation.
pub fn section<'a>(doc: &'a str, heading: &str) -> Option<&'a str> {
    let marker = format!("## {heading}");
    let start = doc.find(&marker)? + marker.len();
    let rest = &doc[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}
