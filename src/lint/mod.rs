//! Stage 3, **lint**: rules over resolved items and flows. Each rule is one file under `rules/` with a
//! stable code; knowledge (laws, corrections, issuers, phone formats) is data from `catalog/reference/`.
//!
//! A rule sees the whole resolved [`Project`] through a [`Context`] and reports [`Finding`]s that point
//! at the exact characters in the TOML source, optionally with a [`Fix`].

pub mod affected;
pub mod analysis;
pub mod config;
pub mod context;
pub mod engine;
pub mod fix;
pub mod governing;
pub mod legal;
pub mod output;
pub mod reference;
pub mod rules;

use std::ops::Range;

pub use context::{Context, FieldPath, FlowPart, JurisdictionPart, TextRef};
pub use reference::Reference;

use crate::diagnostic::{Related, Severity};
use crate::source::FileId;

/// Declares a rule's unit struct with its documentation, and the same text as `DOC` for
/// [`RuleMeta::doc`]: one source of truth for the doc comment and `zhinan rule`.
macro_rules! rule_doc {
    ($name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        const DOC: &str = $doc;
    };
}
pub(crate) use rule_doc;

/// What a rule is: its stable code and name, default severity and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, e.g. `ZN101`. Never reused for another rule.
    pub code: &'static str,
    /// kebab-case name, e.g. `known-typo`.
    pub name: &'static str,
    pub severity: Severity,
    /// What it does / Why it matters / Example / Use instead (Markdown), printed by `zhinan rule`.
    pub doc: &'static str,
    /// A generic rule that only speaks when no specific rule does: its findings are dropped where
    /// a finding of a non-fallback rule overlaps them (one defect, one finding).
    pub fallback: bool,
}

/// A threshold of a heuristic rule. Its value comes from `[lint.options.<rule>]` in `zhinan.toml`,
/// else from `[thresholds]` of `catalog/reference/terms.toml` (`"<rule-name>.<key>"`), else
/// `default`; `zhinan rule CODE` lists them.
#[derive(Debug)]
pub struct RuleOption {
    /// Setting name, e.g. `min_similarity`.
    pub key: &'static str,
    /// Built-in value when neither zhinan.toml nor terms.toml sets one.
    pub default: f64,
    /// Smallest and largest values accepted in zhinan.toml.
    pub range: (f64, f64),
    /// What the setting changes (English; `zhinan rule` prints it).
    pub doc: &'static str,
}

impl RuleOption {
    /// The value in force for `rule`: zhinan.toml's `[lint.options]` (merged into the reference
    /// thresholds by the engine), else terms.toml's `[thresholds]`, else the default.
    pub fn value(&self, rule: &RuleMeta, ctx: &Context) -> f64 {
        ctx.reference
            .terms
            .threshold(&format!("{}.{}", rule.name, self.key), self.default)
    }
}

/// A suggested replacement of the finding's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub replacement: String,
    /// Safe fixes are applied by `--fix`; unsafe ones only with `--unsafe-fixes`.
    pub safe: bool,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    pub file: FileId,
    /// Byte span in `file` of the text the finding is about.
    pub span: Range<usize>,
    pub jurisdiction: usize,
    /// Code or id of the item, when the finding is about one.
    pub item: Option<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub related: Vec<Related>,
    /// A severity for this finding only, when a rule knows it is less (or more) certain than its
    /// default; `None` = the rule's severity. The project config still overrides both.
    pub severity: Option<Severity>,
}

impl Finding {
    /// A finding on a piece of a text: `range` is a byte range inside `text.value`.
    pub fn at(
        code: &'static str,
        ctx: &Context,
        text: &TextRef,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            message: message.into(),
            file: text.file,
            span: ctx.locate(text, range),
            jurisdiction: text.jurisdiction,
            item: text.item_key.clone(),
            help: None,
            fix: None,
            related: Vec::new(),
            severity: None,
        }
    }

    /// A finding on a whole span of a file that is not one string literal (an item table, a flow).
    pub fn span(
        code: &'static str,
        file: FileId,
        span: Range<usize>,
        jurisdiction: usize,
        item: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            message: message.into(),
            file,
            span,
            jurisdiction,
            item,
            help: None,
            fix: None,
            related: Vec::new(),
            severity: None,
        }
    }

    /// Report this finding at another severity than the rule's default.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, replacement: impl Into<String>, safe: bool) -> Self {
        self.fix = Some(Fix {
            replacement: replacement.into(),
            safe,
        });
        self
    }

    pub fn related(mut self, file: FileId, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push(Related {
            file,
            span,
            label: label.into(),
        });
        self
    }
}

/// A lint rule. Rules are plain structs without state; `check` may be called from several threads.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
    /// The thresholds a heuristic rule reads with [`RuleOption::value`]; none by default.
    fn options(&self) -> &'static [RuleOption] {
        &[]
    }
}
