//! Round brackets of both widths, matched into pairs.

use super::numerals::{is_arabic_digit, is_chinese_numeral};

/// A matched or unmatched bracket of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// Byte offsets of an opening and its closing bracket.
    Pair(usize, usize),
    UnmatchedOpen(usize),
    UnmatchedClose(usize),
}

/// Match round brackets of both widths.
pub fn match_brackets(value: &str) -> Vec<Bracket> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in value.char_indices() {
        match c {
            '(' | '（' => stack.push(i),
            // `2)` at the start of a line numbers a list: it closes nothing.
            ')' | '）' if list_number_before(value, i) => {}
            ')' | '）' => match stack.pop() {
                Some(open) => out.push(Bracket::Pair(open, i)),
                None => out.push(Bracket::UnmatchedClose(i)),
            },
            _ => {}
        }
    }
    out.extend(stack.into_iter().map(Bracket::UnmatchedOpen));
    out
}

/// Is the bracket at byte `at` a half-width one?
pub fn is_half(value: &str, at: usize) -> bool {
    value[at..].starts_with(['(', ')'])
}

/// `1）`, `一)`, `②)` at the start of a line: a list number, not a lone bracket.
fn list_number_before(value: &str, close: usize) -> bool {
    let line_start = value[..close].rfind('\n').map_or(0, |i| i + 1);
    let before = value[line_start..close].trim_start();
    !before.is_empty()
        && before
            .chars()
            .all(|c| is_arabic_digit(c) || is_chinese_numeral(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_close_nothing() {
        let v = "说明（详见附件\n2) 其他";
        assert_eq!(
            match_brackets(v),
            vec![Bracket::UnmatchedOpen(v.find('（').unwrap())]
        );
        let v = "受理(随来随受理）";
        assert_eq!(match_brackets(v), vec![Bracket::Pair(6, 22)]);
    }
}
