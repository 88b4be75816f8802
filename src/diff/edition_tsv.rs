//! An edition as a published table saved as TSV: a heading row naming the columns (子项, 子项编码,
//! 办理材料, 办理时限, 设定依据; others are ignored), then one row per 子项. A table may repeat its
//! heading row (a list published in parts); each heading row sets the columns of the rows after it.
//! Numbered entries in one cell (`1. … 2. …`) are the cell's list of materials or legal bases.

use rust_i18n::t;

use super::edition::{Edition, EditionItem};
use crate::text::lists::{MarkerStyle, list_marker};

/// Column headings, and the field each one fills.
const NAME: &str = "子项";
const CODE: &str = "子项编码";
const MATERIALS: &str = "办理材料";
const TIME_LIMIT: &str = "办理时限";
const LEGAL_BASIS: &str = "设定依据";

#[derive(Default)]
struct Columns {
    name: Option<usize>,
    code: Option<usize>,
    materials: Option<usize>,
    time_limit: Option<usize>,
    legal_basis: Option<usize>,
}

pub(super) fn parse(text: &str, label: &str) -> Result<Edition, String> {
    let mut columns: Option<Columns> = None;
    let mut items = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cells.contains(&CODE) {
            let at = |h: &str| cells.iter().position(|c| *c == h);
            columns = Some(Columns {
                name: at(NAME),
                code: at(CODE),
                materials: at(MATERIALS),
                time_limit: at(TIME_LIMIT),
                legal_basis: at(LEGAL_BASIS),
            });
            continue;
        }
        let Some(cols) = &columns else { continue };
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).copied().unwrap_or("");
        let code = cell(cols.code);
        if code.is_empty() {
            continue;
        }
        let time_limit = cell(cols.time_limit);
        items.push(EditionItem {
            code: code.to_string(),
            name: cell(cols.name).to_string(),
            materials: numbered_entries(cell(cols.materials)),
            time_limit: (!time_limit.is_empty()).then(|| time_limit.to_string()),
            legal_basis: numbered_entries(cell(cols.legal_basis)),
        });
    }
    if columns.is_none() {
        return Err(t!("diff.edition.no-heading", column = CODE).into_owned());
    }
    Ok(Edition {
        label: label.to_string(),
        items,
    })
}

/// `1. A 2. B` → `[A, B]`; a cell without numbers is one entry. A number starts an entry only at the
/// start of the cell or after a space, and only when it is the next number in sequence (so `第2.`
/// or a date inside an entry does not split it).
pub(super) fn numbered_entries(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut next = 1u32;
    let bytes = cell.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at_boundary = i == 0 || bytes[i - 1] == b' ';
        if at_boundary
            && bytes[i].is_ascii_digit()
            && let Some((MarkerStyle::ArabicDot, n, len)) = list_marker(&cell[i..])
            && n == next
        {
            starts.push((i, i + len));
            next += 1;
            i += len;
            continue;
        }
        i += 1;
    }
    if starts.is_empty() {
        return vec![cell.to_string()];
    }
    let trim = |s: &str| {
        s.trim()
            .trim_end_matches(['；', ';', '。'])
            .trim()
            .to_string()
    };
    let mut out = Vec::new();
    for (k, &(_, body)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(cell.len(), |&(s, _)| s);
        let entry = trim(&cell[body..end]);
        if !entry.is_empty() {
            out.push(entry);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_cell_splits_in_sequence_only() {
        assert_eq!(
            numbered_entries("1. 《甲》第2. 条； 2. 乙表"),
            vec!["《甲》第2. 条".to_string(), "乙表".to_string()]
        );
        assert_eq!(numbered_entries("有效身份证件"), vec!["有效身份证件"]);
        assert!(numbered_entries(" ").is_empty());
    }

    #[test]
    fn heading_rows_set_columns() {
        let tsv =
            "标题\n子项\t子项编码\t办理时限\nA\t001\t即时办结\n\t\t\n子项编码\t子项\nx002\tB\n";
        let e = parse(tsv, "t").unwrap();
        assert_eq!(e.items.len(), 2);
        assert_eq!(e.items[0].time_limit.as_deref(), Some("即时办结"));
        assert_eq!(
            (e.items[1].code.as_str(), e.items[1].name.as_str()),
            ("x002", "B")
        );
        assert!(parse("no table", "t").is_err());
    }
}
