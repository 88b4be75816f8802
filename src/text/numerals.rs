//! Chinese numerals ↔ integers, and the numbers of a text with their kind.
//!
//! Official documents write article numbers in Chinese numerals (第五十七条), order and document
//! numbers in Arabic numerals (国务院令第259号), and time limits in either (十五个工作日, 15个工作日).
//! A number that mixes both (第三28号) is a typing mistake.

use std::ops::Range;

/// Value of one Chinese digit character (including the financial and full forms).
pub fn digit_value(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' | '兩' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a Chinese unit character below 万.
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    digit_value(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// An Arabic digit, half- or full-width.
pub fn is_arabic_digit(c: char) -> bool {
    arabic_digit(c).is_some()
}

/// Value of an ASCII or full-width Arabic digit.
pub fn arabic_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// Parse a Chinese numeral: `五` → 5, `十五` → 15, `二十` → 20, `一百零五` → 105, `两千` → 2000,
/// `一万零三百` → 10300. A numeral without units is read digit by digit: `二〇二二` → 2022.
/// Returns `None` for anything else (including the empty string and Arabic digits).
pub fn parse_chinese(s: &str) -> Option<u64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_chinese_numeral(c)) {
        return None;
    }
    let has_unit = chars
        .iter()
        .any(|&c| small_unit(c).is_some() || big_unit(c).is_some());
    if !has_unit {
        // Digit by digit (years, serials): 二〇二二, 六四九.
        return chars.iter().try_fold(0u64, |acc, &c| {
            acc.checked_mul(10)?.checked_add(digit_value(c)?)
        });
    }
    let mut total: u64 = 0; // completed 亿/万 sections
    let mut section: u64 = 0; // value below the current big unit
    let mut digit: Option<u64> = None; // pending digit
    let mut last_unit = u64::MAX; // the previous small unit, to reject 十百 / 五十十
    for &c in &chars {
        if let Some(d) = digit_value(c) {
            if digit.is_some() && d != 0 {
                // Two digits in a row (三五十) is not a well-formed numeral.
                return None;
            }
            digit = if d == 0 { None } else { Some(d) };
            if d == 0 {
                last_unit = u64::MAX;
            }
        } else if let Some(u) = small_unit(c) {
            if u >= last_unit {
                return None;
            }
            // 十 alone means 一十 (十五 = 15); elsewhere a unit needs its digit.
            let d = match digit.take() {
                Some(d) => d,
                None if u == 10 => 1,
                None => return None,
            };
            section = section.checked_add(d.checked_mul(u)?)?;
            last_unit = u;
        } else if let Some(u) = big_unit(c) {
            section = section.checked_add(digit.take().unwrap_or(0))?;
            if section == 0 {
                return None;
            }
            total = total.checked_add(section.checked_mul(u)?)?;
            section = 0;
            last_unit = u64::MAX;
        }
    }
    if let Some(d) = digit {
        // A trailing digit after a unit: 一百零五 → 5 ones; 二百五 (colloquial 250) is read as
        // 二百零五 would be ambiguous, so only accept it after 零 or when no unit came before.
        if last_unit != u64::MAX && last_unit > 10 {
            return None;
        }
        section = section.checked_add(d)?;
    }
    total.checked_add(section)
}

/// Parse an Arabic number (ASCII or full-width digits, nothing else).
pub fn parse_arabic(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u64, |acc, c| {
        acc.checked_mul(10)?.checked_add(arabic_digit(c)?)
    })
}

/// Parse either kind: `15`, `１５`, `十五`.
pub fn parse_number(s: &str) -> Option<u64> {
    parse_arabic(s).or_else(|| parse_chinese(s))
}

/// Read a mixed number digit by digit (`三28` → 328), the likely intent of the writer. Returns
/// `None` when a character is neither a digit nor a Chinese digit (units make it ambiguous).
pub fn parse_digitwise(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u64, |acc, c| {
        acc.checked_mul(10)?
            .checked_add(arabic_digit(c).or_else(|| digit_value(c))?)
    })
}

/// Write an integer in Chinese numerals as used for article numbers: 5 → 五, 15 → 十五,
/// 20 → 二十, 105 → 一百零五, 110 → 一百一十, 1000 → 一千, 10300 → 一万零三百.
pub fn to_chinese(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 {
        return "零".to_string();
    }
    fn below_10000(n: u64, out: &mut String) {
        const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let parts = [(1000, '千'), (100, '百'), (10, '十')];
        let mut zero_pending = false;
        let mut started = false;
        let mut rest = n;
        for (unit, name) in parts {
            let d = rest / unit;
            rest %= unit;
            if d == 0 {
                if started {
                    zero_pending = true;
                }
                continue;
            }
            if zero_pending {
                out.push('零');
                zero_pending = false;
            }
            // 十五, not 一十五, at the very start of a number.
            if !(unit == 10 && d == 1 && !started) {
                out.push(DIGITS[d as usize]);
            }
            out.push(name);
            started = true;
        }
        if rest > 0 {
            if zero_pending {
                out.push('零');
            }
            out.push(DIGITS[rest as usize]);
        }
    }
    let mut out = String::new();
    let sections = [(100_000_000u64, '亿'), (10_000, '万'), (1, ' ')];
    let mut rest = n;
    let mut started = false;
    let mut zero_pending = false;
    for (unit, name) in sections {
        let part = rest / unit;
        rest %= unit;
        if part == 0 {
            if started {
                zero_pending = true;
            }
            continue;
        }
        if started && (zero_pending || part < 1000) {
            out.push('零');
        }
        zero_pending = false;
        let mut s = String::new();
        below_10000(part, &mut s);
        // A section after a big unit keeps its 一十 (一万零一十): only the first section drops it.
        if started && s.starts_with('十') {
            out.push(DIGITS[1]);
        }
        out.push_str(&s);
        if name != ' ' {
            out.push(name);
        }
        started = true;
    }
    out
}

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Arabic,
    Chinese,
    /// Arabic digits and Chinese numerals in one number (第三28号).
    Mixed,
}

/// A number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSpan {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub kind: NumberKind,
    /// The value: `None` when a Chinese numeral is malformed. A mixed number is read digit by digit.
    pub value: Option<u64>,
}

/// Every maximal run of digits / Chinese numerals in `text`. Chinese numeral runs are reported only
/// when they read as a number (so 统一 or 一次性 yield 一 = 1; callers decide what is a number).
pub fn numbers(text: &str) -> Vec<NumberSpan> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let is_num = |c: char| arabic_digit(c).is_some() || is_chinese_numeral(c);
        if !is_num(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let (mut arabic, mut chinese) = (arabic_digit(c).is_some(), arabic_digit(c).is_none());
        while let Some(&(i, d)) = iter.peek() {
            if !is_num(d) {
                break;
            }
            arabic |= arabic_digit(d).is_some();
            chinese |= arabic_digit(d).is_none();
            end = i + d.len_utf8();
            iter.next();
        }
        let s = &text[start..end];
        let (kind, value) = match (arabic, chinese) {
            (true, false) => (NumberKind::Arabic, parse_arabic(s)),
            (false, true) => (NumberKind::Chinese, parse_chinese(s)),
            _ => (NumberKind::Mixed, parse_digitwise(s)),
        };
        out.push(NumberSpan {
            range: start..end,
            kind,
            value,
        });
    }
    out
}

/// Numbers that mix Arabic digits and Chinese numerals (第三28号), each with its digit-wise reading.
/// Runs like 5万 or 3千 (an Arabic count followed by a Chinese magnitude) are normal usage and are not
/// reported.
pub fn mixed_numbers(text: &str) -> Vec<NumberSpan> {
    numbers(text)
        .into_iter()
        .filter(|n| n.kind == NumberKind::Mixed)
        .filter(|n| {
            let s = &text[n.range.clone()];
            // "5万", "3千", "2百万": Arabic digits then magnitude characters (not 十) only.
            let tail_units = s
                .chars()
                .skip_while(|c| arabic_digit(*c).is_some())
                .all(|c| big_unit(c).is_some() || matches!(c, '千' | '百'));
            !tail_units
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers() {
        assert_eq!(parse_chinese("五"), Some(5));
        assert_eq!(parse_chinese("十"), Some(10));
        assert_eq!(parse_chinese("十五"), Some(15));
        assert_eq!(parse_chinese("二十"), Some(20));
        assert_eq!(parse_chinese("二十九"), Some(29));
        assert_eq!(parse_chinese("五十七"), Some(57));
        assert_eq!(parse_chinese("九十八"), Some(98));
        assert_eq!(parse_chinese("两"), Some(2));
        assert_eq!(parse_chinese("〇"), Some(0));
        assert_eq!(parse_chinese("零"), Some(0));
    }

    #[test]
    fn hundreds_and_more() {
        assert_eq!(parse_chinese("一百"), Some(100));
        assert_eq!(parse_chinese("一百零五"), Some(105));
        assert_eq!(parse_chinese("一百一十"), Some(110));
        assert_eq!(parse_chinese("一百一十五"), Some(115));
        assert_eq!(parse_chinese("两百"), Some(200));
        assert_eq!(parse_chinese("两千"), Some(2000));
        assert_eq!(parse_chinese("一千零一"), Some(1001));
        assert_eq!(parse_chinese("一千零一十"), Some(1010));
        assert_eq!(parse_chinese("三千五百"), Some(3500));
        assert_eq!(parse_chinese("一万"), Some(10_000));
        assert_eq!(parse_chinese("一万零三百"), Some(10_300));
        assert_eq!(parse_chinese("十万"), Some(100_000));
        assert_eq!(parse_chinese("十二万三千"), Some(123_000));
        assert_eq!(parse_chinese("一亿"), Some(100_000_000));
    }

    #[test]
    fn digit_by_digit() {
        assert_eq!(parse_chinese("二〇二二"), Some(2022));
        assert_eq!(parse_chinese("一九九八"), Some(1998));
        assert_eq!(parse_chinese("二零一六"), Some(2016));
    }

    #[test]
    fn malformed() {
        assert_eq!(parse_chinese(""), None);
        assert_eq!(parse_chinese("十百"), None);
        assert_eq!(parse_chinese("五十十"), None);
        assert_eq!(parse_chinese("百"), None);
        assert_eq!(parse_chinese("三五十"), None);
        assert_eq!(parse_chinese("12"), None);
        assert_eq!(parse_chinese("五a"), None);
        assert_eq!(parse_chinese("二百五"), None);
    }

    #[test]
    fn arabic_and_either() {
        assert_eq!(parse_arabic("259"), Some(259));
        assert_eq!(parse_arabic("２５９"), Some(259));
        assert_eq!(parse_arabic(""), None);
        assert_eq!(parse_arabic("25九"), None);
        assert_eq!(parse_number("15"), Some(15));
        assert_eq!(parse_number("十五"), Some(15));
        assert_eq!(parse_number("x"), None);
        assert_eq!(parse_digitwise("三28"), Some(328));
        assert_eq!(parse_digitwise("六十9"), None);
    }

    #[test]
    fn writes_chinese() {
        for (n, s) in [
            (0, "零"),
            (5, "五"),
            (10, "十"),
            (15, "十五"),
            (20, "二十"),
            (57, "五十七"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (10_300, "一万零三百"),
            (10_010, "一万零一十"),
            (20_000, "二万"),
        ] {
            assert_eq!(to_chinese(n), s, "{n}");
        }
    }

    #[test]
    fn round_trip() {
        for n in 0..=12_000u64 {
            assert_eq!(
                parse_chinese(&to_chinese(n)),
                Some(n),
                "{n} → {}",
                to_chinese(n)
            );
        }
    }

    #[test]
    fn finds_numbers() {
        let t = "国务院令第三28号第二十九条，15个工作日";
        let ns = numbers(t);
        let kinds: Vec<_> = ns
            .iter()
            .map(|n| (&t[n.range.clone()], n.kind, n.value))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("三28", NumberKind::Mixed, Some(328)),
                ("二十九", NumberKind::Chinese, Some(29)),
                ("15", NumberKind::Arabic, Some(15)),
            ]
        );
    }

    #[test]
    fn mixed_only() {
        let t = "国务院令第三28号，基金5万元，3千人，第二十九条";
        let m = mixed_numbers(t);
        assert_eq!(m.len(), 1);
        assert_eq!(&t[m[0].range.clone()], "三28");
        assert_eq!(m[0].value, Some(328));
        assert!(mixed_numbers("第2十条").len() == 1);
        assert!(mixed_numbers("不超过15个工作日").is_empty());
    }
}
