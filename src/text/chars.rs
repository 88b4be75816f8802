//! Character classes of Chinese text: Han characters, full-width punctuation, numerals, list markers.

/// A Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF)
}

/// Full-width (CJK) punctuation.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '－'
            | '～'
    )
}

/// The full-width counterpart of a half-width punctuation mark used in Chinese text.
pub fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '.' => '。',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// The value of a Chinese digit character (〇 零 一 … 九, 两).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A character of a Chinese number: a digit or 十 百 千 万 亿.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// An Arabic digit, half- or full-width.
pub fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The value of a small Chinese number (一 … 九千九百九十九), as written in list numbers and seqs.
pub fn parse_chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some_and(|prev| prev != 0) {
                // 二三 is not a number (but 一〇五 as digit-by-digit is: handled below).
                return parse_digitwise(s);
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        total += digit.unwrap_or(1) * unit;
        digit = None;
    }
    Some(total + digit.unwrap_or(0))
}

fn parse_digitwise(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, c| {
        Some(acc.checked_mul(10)? + chinese_digit(c)?)
    })
}

/// The value of a list or sequence number: Arabic (12), Chinese (十二) or circled (⑫).
pub fn number_value(s: &str) -> Option<u32> {
    let s = s.trim();
    if let Some(c) = s.chars().next().filter(|_| s.chars().count() == 1)
        && let Some(v) = circled(c)
    {
        return Some(v);
    }
    if !s.is_empty() && s.chars().all(is_arabic_digit) {
        return s.chars().try_fold(0u32, |acc, c| {
            Some(acc.checked_mul(10)? + c.to_digit(10).or_else(|| full_digit(c))?)
        });
    }
    parse_chinese_number(s)
}

fn full_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
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
        if !inner.is_empty() && inner.chars().all(is_arabic_digit) {
            return Some((
                MarkerStyle::ArabicParen,
                number_value(inner)?,
                close + close_len,
            ));
        }
        if !inner.is_empty() && inner.chars().all(is_chinese_numeral) {
            return Some((
                MarkerStyle::ChineseParen,
                number_value(inner)?,
                close + close_len,
            ));
        }
        return None;
    }
    let digits: String = line.chars().take_while(|c| is_arabic_digit(*c)).collect();
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
        .take_while(|c| is_chinese_numeral(*c))
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
    fn chinese_numbers() {
        assert_eq!(parse_chinese_number("十"), Some(10));
        assert_eq!(parse_chinese_number("十五"), Some(15));
        assert_eq!(parse_chinese_number("二十九"), Some(29));
        assert_eq!(parse_chinese_number("一百零五"), Some(105));
        assert_eq!(parse_chinese_number("六"), Some(6));
        assert_eq!(number_value("⑫"), Some(12));
        assert_eq!(number_value("12"), Some(12));
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
