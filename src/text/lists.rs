//! List markers at the start of a line (1. 1、 （1） ① 一、 （一）) and the numbers they carry, for the
//! rules that read numbered lists.

use super::numerals;

/// The value of a list or sequence number: Arabic (12, １２), Chinese (十二) or circled (⑫).
pub fn number_value(s: &str) -> Option<u32> {
    let s = s.trim();
    if let Some(c) = s.chars().next().filter(|_| s.chars().count() == 1)
        && let Some(v) = circled(c)
    {
        return Some(v);
    }
    let value = numerals::parse_arabic(s).or_else(|| numerals::parse_chinese(s))?;
    u32::try_from(value).ok()
}

/// ① … ⑳.
pub fn circled(c: char) -> Option<u32> {
    let u = c as u32;
    (0x2460..=0x2473).contains(&u).then(|| u - 0x2460 + 1)
}

/// The numbering style of a list marker, so that nested lists of another style are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerStyle {
    /// 1. 1、 1．
    ArabicDot,
    /// （1） (1) 1）
    ArabicParen,
    /// ①
    Circled,
    /// 一、
    ChineseComma,
    /// （一） (一)
    ChineseParen,
}

/// A list marker at the start of `line` (after indentation): style, number and byte length.
pub fn list_marker(line: &str) -> Option<(MarkerStyle, u32, usize)> {
    let first = line.chars().next()?;
    if let Some(v) = circled(first) {
        return Some((MarkerStyle::Circled, v, first.len_utf8()));
    }
    if first == '（' || first == '(' {
        let close = line.find(['）', ')'])?;
        let inner = &line[first.len_utf8()..close];
        let close_len = line[close..].chars().next()?.len_utf8();
        if !inner.is_empty() && inner.chars().all(numerals::is_arabic_digit) {
            return Some((
                MarkerStyle::ArabicParen,
                number_value(inner)?,
                close + close_len,
            ));
        }
        if !inner.is_empty() && inner.chars().all(numerals::is_chinese_numeral) {
            return Some((
                MarkerStyle::ChineseParen,
                number_value(inner)?,
                close + close_len,
            ));
        }
        return None;
    }
    let digits: String = line
        .chars()
        .take_while(|c| numerals::is_arabic_digit(*c))
        .collect();
    if !digits.is_empty() {
        let rest = &line[digits.len()..];
        let next = rest.chars().next()?;
        return match next {
            '.' | '、' | '．' => {
                // "1.5" is a number, not a marker.
                if next == '.' && rest[1..].chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                Some((
                    MarkerStyle::ArabicDot,
                    number_value(&digits)?,
                    digits.len() + next.len_utf8(),
                ))
            }
            '）' | ')' => Some((
                MarkerStyle::ArabicParen,
                number_value(&digits)?,
                digits.len() + next.len_utf8(),
            )),
            _ => None,
        };
    }
    let numerals: String = line
        .chars()
        .take_while(|c| numerals::is_chinese_numeral(*c))
        .collect();
    if !numerals.is_empty() {
        let rest = &line[numerals.len()..];
        if rest.starts_with('、') {
            return Some((
                MarkerStyle::ChineseComma,
                number_value(&numerals)?,
                numerals.len() + '、'.len_utf8(),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_value("十"), Some(10));
        assert_eq!(number_value("十五"), Some(15));
        assert_eq!(number_value("二十九"), Some(29));
        assert_eq!(number_value("一百零五"), Some(105));
        assert_eq!(number_value("六"), Some(6));
        assert_eq!(number_value("⑫"), Some(12));
        assert_eq!(number_value("12"), Some(12));
        assert_eq!(number_value("１２"), Some(12));
        assert_eq!(number_value("申请"), None);
    }

    #[test]
    fn markers() {
        assert_eq!(list_marker("1. 申请"), Some((MarkerStyle::ArabicDot, 1, 2)));
        assert_eq!(list_marker("3、申请").map(|m| m.1), Some(3));
        assert_eq!(
            list_marker("（二）综合").map(|m| (m.0, m.1)),
            Some((MarkerStyle::ChineseParen, 2))
        );
        assert_eq!(list_marker("(七) 优先").map(|m| m.1), Some(7));
        assert_eq!(list_marker("②外国人").map(|m| m.1), Some(2));
        assert_eq!(list_marker("十一、异地").map(|m| m.1), Some(11));
        assert_eq!(list_marker("1.5倍"), None);
        assert_eq!(list_marker("申请"), None);
    }
}
