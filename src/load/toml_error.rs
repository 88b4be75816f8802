//! One mapper from the TOML parser's and serde's errors to what the author did wrong, shared by
//! every reader of TOML (sources, reference data, the lint config). The parser gives a span and a
//! message; serde's messages (`unknown field `x`, expected one of …`) are classified here once,
//! not by each reader.

use std::ops::Range;

/// What a deserialization error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem<'m> {
    /// A key the table does not have; `expected` lists the keys it has.
    UnknownField {
        field: &'m str,
        expected: Vec<&'m str>,
    },
    MissingField {
        field: &'m str,
    },
    /// A value of the wrong type or shape; `expected` is what serde wanted (`a string`).
    WrongType {
        expected: Option<&'m str>,
    },
    /// A value outside an enumeration; `expected` lists the allowed values.
    UnknownVariant {
        expected: Vec<&'m str>,
    },
    Other,
}

/// Classifies an error message of the `toml` crate.
pub fn classify(message: &str) -> Problem<'_> {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return Problem::UnknownField {
            field: rest.split('`').next().unwrap_or_default(),
            expected: rest.split('`').skip(2).step_by(2).collect(),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return Problem::MissingField {
            field: rest.split('`').next().unwrap_or_default(),
        };
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return Problem::WrongType {
            expected: message.rsplit_once("expected ").map(|(_, e)| e.trim()),
        };
    }
    if message.starts_with("unknown variant") {
        return Problem::UnknownVariant {
            expected: message.split('`').skip(3).step_by(2).collect(),
        };
    }
    Problem::Other
}

/// The span of `key` written as a key (bare or quoted, in a table header, in an inline table)
/// inside `within` (serde's span of the table that holds it), else anywhere in the file.
pub fn find_key(text: &str, within: &Range<usize>, key: &str) -> Option<Range<usize>> {
    let start = within.start.min(text.len());
    let end = within.end.clamp(start, text.len());
    let mut offset = start;
    for line in text[start..end].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if !trimmed.starts_with('#') {
            // `key = …` or `"key" = …` at the start of the line.
            let bare = trimmed.strip_prefix(key);
            let quoted = trimmed.strip_prefix(&format!("\"{key}\""));
            if let Some(rest) = bare.or(quoted)
                && rest.trim_start().starts_with('=')
            {
                let len = line.len() - indent - rest.len();
                return Some(offset + indent..offset + indent + len);
            }
            for (pat, skip) in [
                (format!("[{key}]"), 1),
                (format!(".{key}]"), 1),
                (format!("[{key}."), 1),
                (format!(".{key}."), 1),
                (format!("{{{key} "), 1),
                (format!(" {key} ="), 1),
                (format!(" {key}="), 1),
            ] {
                if let Some(pos) = trimmed.find(&pat) {
                    let s = offset + indent + pos + skip;
                    return Some(s..s + key.len());
                }
            }
        }
        offset += line.len();
    }
    // serde's span may stop before the key: search the whole file as a fallback.
    if start > 0 || end < text.len() {
        return find_key(text, &(0..text.len()), key);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_serde_messages() {
        assert_eq!(
            classify("unknown field `phnoe`, expected one of `name`, `title`, `phone`"),
            Problem::UnknownField {
                field: "phnoe",
                expected: vec!["name", "title", "phone"]
            }
        );
        assert_eq!(
            classify("missing field `level`"),
            Problem::MissingField { field: "level" }
        );
        assert_eq!(
            classify("invalid type: integer `0`, expected a string"),
            Problem::WrongType {
                expected: Some("a string")
            }
        );
        assert_eq!(
            classify("unknown variant `town`, expected one of `province`, `city`, `county`"),
            Problem::UnknownVariant {
                expected: vec!["province", "city", "county"]
            }
        );
    }

    #[test]
    fn finds_keys() {
        let text = "[[item]]\ncode = \"1\"\nconsult = { name = \"窗口\", phnoe = \"1\" }\n";
        let at = |k| find_key(text, &(0..text.len()), k).map(|r| &text[r]);
        assert_eq!(at("code"), Some("code"));
        assert_eq!(at("phnoe"), Some("phnoe"));
        assert_eq!(at("none"), None);
    }
}
