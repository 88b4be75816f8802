//! `declare_rule!`: a rule's documentation written once, as its doc comment, and used both by rustdoc
//! and by `RuleMeta::doc` (what `zhinan rule CODE` prints).
//!
//! ```ignore
//! declare_rule! {
//!     /// ## What it does
//!     /// …
//!     pub struct UnknownDocument;
//!     code = "ZN201", name = "unknown-document", severity = Warning
//! }
//! ```
//! expands to the struct with that doc comment and `UnknownDocument::META`, whose `doc` is the same
//! text (each line with the single leading space of `///` removed by the renderer).

macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis struct $name:ident;
        code = $code:literal, name = $rule:literal, severity = $severity:ident $(,)?
    ) => {
        $(#[doc = $doc])+
        $vis struct $name;

        impl $name {
            pub const META: $crate::lint::RuleMeta = $crate::lint::RuleMeta {
                code: $code,
                name: $rule,
                severity: $crate::diagnostic::Severity::$severity,
                doc: concat!($($doc, "\n"),+),
            };
        }
    };
}

pub(crate) use declare_rule;
