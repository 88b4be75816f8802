//! The rule registry: one file per rule, listed here once.

use super::Rule;

// ---- Engineer B: citations (ZN2xx), time limits (ZN3xx), materials (ZN4xx) ----------------------
pub mod article_out_of_range;
pub mod catalog_material_missing;
pub mod document_number_brackets;
pub mod empty_time_limit;
pub mod extra_material;
pub mod form_name_mismatch;
pub mod inconsistent_citation;
pub mod issuer_lifetime;
pub mod legal_basis_differs;
pub mod legal_basis_without_title_marks;
pub mod malformed_document_number;
pub mod material_near_miss;
pub mod material_remark_differs;
pub mod missing_document_number;
pub mod nested_title_marks;
pub mod order_number_missing_di;
pub mod step_limit_exceeds_item;
pub mod time_limit_exceeds_catalog;
pub mod time_limit_not_a_promise;
pub mod time_limit_unit;
pub mod title_mismatch;
pub mod title_near_miss;
pub mod title_spelling;
pub mod unknown_document;
pub mod wrong_document_number;

/// Rules of engineer B (ZN2xx, ZN3xx, ZN4xx), in code order.
pub fn citations_time_limits_materials() -> Vec<&'static dyn Rule> {
    vec![
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
        &time_limit_exceeds_catalog::TimeLimitExceedsCatalog,
        &time_limit_unit::TimeLimitUnit,
        &step_limit_exceeds_item::StepLimitExceedsItem,
        &empty_time_limit::EmptyTimeLimit,
        &time_limit_not_a_promise::TimeLimitNotAPromise,
        &form_name_mismatch::FormNameMismatch,
        &catalog_material_missing::CatalogMaterialMissing,
        &extra_material::ExtraMaterial,
        &material_near_miss::MaterialNearMiss,
        &material_remark_differs::MaterialRemarkDiffers,
    ]
}
// ---- end of engineer B -------------------------------------------------------------------------

/// Every rule, in code order.
pub fn all() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend(citations_time_limits_materials());
    rules.sort_by_key(|r| r.meta().code);
    rules
}
