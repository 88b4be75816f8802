//! The rule registry: one file per rule, listed here once.
//!
//! Families: ZN1xx typos, ZN2xx citations, ZN3xx time limits, ZN4xx materials, ZN5xx contacts,
//! ZN6xx codes and structure. Keep each family's `mod` lines and registry entries grouped.

use super::{Rule, RuleMeta};
use crate::i18n::Lang;

// ZN1xx typos
pub mod bracket_width;
pub mod confusable_word;
pub mod control_character;
pub mod doubled_word;
pub mod empty_link;
pub mod fullwidth_punctuation;
pub mod generic_title_variant;
pub mod http_url;
pub mod known_typo;
pub mod lookalike_url;
pub mod missing_figure;
pub mod mixed_numerals;
pub mod near_miss_term;
pub mod quote_marks;
pub mod space_before_punctuation;
pub mod spelling_variants;
pub mod step_separator;
pub mod stray_space;
pub mod synonym_form;
pub mod unlikely_split;
pub mod unsafe_link;

// ZN2xx citations
pub mod article_out_of_range;
pub mod ascii_angle_in_title;
pub mod citation_without_article;
pub mod document_number_brackets;
pub mod inconsistent_citation;
pub mod issuer_lifetime;
pub mod legal_basis_differs;
pub mod legal_basis_without_title_marks;
pub mod legal_refs_differ;
pub mod malformed_document_number;
pub mod missing_document_number;
pub mod nested_title_marks;
pub mod order_number_missing_di;
pub mod replaced_document;
pub mod title_mismatch;
pub mod title_near_miss;
pub mod title_spelling;
pub mod unknown_document;
pub mod unmarked_title;
pub mod wrong_document_number;

// ZN3xx time limits
pub mod empty_time_limit;
pub mod immediate_after_review;
pub mod step_limit_exceeds_item;
pub mod time_limit_exceeds_catalog;
pub mod time_limit_not_a_promise;
pub mod time_limit_unit;

// ZN4xx materials
pub mod catalog_material_missing;
pub mod extra_material;
pub mod form_name_mismatch;
pub mod form_not_in_materials;
pub mod material_near_miss;
pub mod material_remark_differs;
pub mod vague_material;

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
pub mod flow_dead_end;
pub mod flow_decision_exits;
pub mod flow_duplicate_edge;
pub mod flow_empty_label;
pub mod flow_key_terms;
pub mod flow_no_start;
pub mod flow_note_link;
pub mod flow_self_loop;
pub mod flow_title;
pub mod flow_unreachable_box;
pub mod governed_by_name;
pub mod list_numbering;
pub mod numbering_style;
pub mod power_type_name;
pub mod repeated_text;
pub mod style_required_field;
pub mod subitem_code;
pub mod swapped_flows;
pub mod template_placeholder;

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
        &control_character::ControlCharacter,
        &unsafe_link::UnsafeLink,
        &empty_link::EmptyLink,
        &quote_marks::QuoteMarks,
        &missing_figure::MissingFigure,
        &http_url::HttpUrl,
        &confusable_word::ConfusableWord,
        &synonym_form::SynonymForm,
        &generic_title_variant::GenericTitleVariant,
        &unlikely_split::UnlikelySplit,
        // ZN2xx citations
        &unknown_document::UnknownDocument,
        &title_mismatch::TitleMismatch,
        &title_near_miss::TitleNearMiss,
        &wrong_document_number::WrongDocumentNumber,
        &document_number_brackets::DocumentNumberBrackets,
        &issuer_lifetime::IssuerLifetime,
        &article_out_of_range::ArticleOutOfRange,
        &order_number_missing_di::OrderNumberMissingDi,
        &malformed_document_number::MalformedDocumentNumber,
        &missing_document_number::MissingDocumentNumber,
        &legal_basis_without_title_marks::LegalBasisWithoutTitleMarks,
        &inconsistent_citation::InconsistentCitation,
        &legal_basis_differs::LegalBasisDiffers,
        &nested_title_marks::NestedTitleMarks,
        &title_spelling::TitleSpelling,
        &unmarked_title::UnmarkedTitle,
        &ascii_angle_in_title::AsciiAngleInTitle,
        &citation_without_article::CitationWithoutArticle,
        &replaced_document::ReplacedDocument,
        &legal_refs_differ::LegalRefsDiffer,
        // ZN3xx time limits
        &time_limit_exceeds_catalog::TimeLimitExceedsCatalog,
        &time_limit_unit::TimeLimitUnit,
        &step_limit_exceeds_item::StepLimitExceedsItem,
        &empty_time_limit::EmptyTimeLimit,
        &time_limit_not_a_promise::TimeLimitNotAPromise,
        &immediate_after_review::ImmediateAfterReview,
        // ZN4xx materials
        &form_name_mismatch::FormNameMismatch,
        &catalog_material_missing::CatalogMaterialMissing,
        &extra_material::ExtraMaterial,
        &material_near_miss::MaterialNearMiss,
        &material_remark_differs::MaterialRemarkDiffers,
        &vague_material::VagueMaterial,
        &form_not_in_materials::FormNotInMaterials,
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
        &template_placeholder::TemplatePlaceholder,
        &repeated_text::RepeatedText,
        &list_numbering::ListNumbering,
        &style_required_field::StyleRequiredField,
        &governed_by_name::GovernedByName,
        &flow_no_start::FlowNoStart,
        &flow_unreachable_box::FlowUnreachableBox,
        &flow_dead_end::FlowDeadEnd,
        &flow_self_loop::FlowSelfLoop,
        &flow_duplicate_edge::FlowDuplicateEdge,
        &flow_decision_exits::FlowDecisionExits,
        &flow_note_link::FlowNoteLink,
        &flow_empty_label::FlowEmptyLabel,
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

/// Chinese documentation of every rule, one `# CODE name` part each (`## 作用`, `## 原因`).
const DOCS_ZH: &str = include_str!("../../../locales/rules.zh-CN.md");

/// The Chinese part written for one rule in `locales/rules.zh-CN.md`.
fn zh_part(code: &str) -> Option<&'static str> {
    let marker = format!("\n# {code} ");
    let start = DOCS_ZH.find(&marker)? + marker.len();
    let rest = &DOCS_ZH[start..];
    let body = &rest[rest.find('\n')?..];
    let end = body.find("\n# ").unwrap_or(body.len());
    Some(body[..end].trim())
}

/// A rule's documentation in `lang`. Chinese: what it does and why from `locales/rules.zh-CN.md`,
/// then the examples of the English doc (TOML is the same in both languages).
pub fn doc(meta: &RuleMeta, lang: Lang) -> String {
    let Some(zh) = zh_part(meta.code).filter(|_| lang == Lang::Zh) else {
        return meta.doc.to_string();
    };
    let mut out = zh.to_string();
    for (heading, zh_heading) in [
        ("Example", "示例"),
        ("Use instead", "改为"),
        ("Fix safety", "修改的安全性"),
    ] {
        if let Some(body) = section(meta.doc, heading) {
            out.push_str(&format!("\n\n## {zh_heading}\n{body}"));
        }
    }
    out.push('\n');
    out
}

/// The first sentence of a rule's "What it does" section (作用), for one-line listings, in the
/// current language.
pub fn summary(meta: &RuleMeta) -> String {
    if crate::i18n::language() == Lang::Zh
        && let Some(body) = zh_part(meta.code).and_then(|d| section(d, "作用"))
    {
        let end = body.find('。').map_or(body.len(), |i| i + '。'.len_utf8());
        let first = body[..end].trim_end_matches('。');
        return if first.chars().count() > 60 {
            first.chars().take(59).collect::<String>() + "…"
        } else {
            first.to_string()
        };
    }
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
