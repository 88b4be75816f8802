//! Telephone numbers in published text: `0351-1234567`, `03511234567`, `12345678（职工）`,
//! `13812345678`, `12393`. Chinese area codes are 3 digits after a 0 for 01x/02x (010 北京,
//! 022 天津) and 4 digits otherwise (0351 太原, 0354 晋中).

use std::ops::Range;

/// One number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneToken {
    /// Byte range in the text, from the first digit of the area code (or number) to the last digit.
    pub range: Range<usize>,
    /// The area code as written (`0351`), if any.
    pub area: Option<String>,
    /// The text between the area code and the local number (`-`), `None` when they are run together.
    pub separator: Option<String>,
    /// The local number (or the whole number for mobiles and service numbers), digits only.
    pub local: String,
    pub kind: PhoneKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneKind {
    /// A landline, with or without its area code.
    Landline,
    /// An 11-digit mobile number (1xx xxxx xxxx).
    Mobile,
    /// A short number (fewer than 7 digits: 12393, 12345, extensions).
    Short,
}

impl PhoneToken {
    /// A key that is equal for two writings of the same line: the area code (the given default
    /// when none is written) and the local digits.
    pub fn key(&self, default_area: Option<&str>) -> String {
        match (&self.area, self.kind) {
            (_, PhoneKind::Mobile | PhoneKind::Short) => self.local.clone(),
            (Some(a), _) => format!("{a}-{}", self.local),
            (None, _) => match default_area {
                Some(a) => format!("{a}-{}", self.local),
                None => self.local.clone(),
            },
        }
    }
}

fn digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        Some(c)
    } else if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - '０' as u32 + '0' as u32)
    } else {
        None
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '―' | ' ' | '\u{3000}')
}

/// The length of the area code at the start of a run of digits that begins with 0.
pub fn area_len(digits: &str) -> usize {
    match digits.as_bytes().get(1) {
        Some(b'1') | Some(b'2') => 3,
        _ => 4,
    }
}

/// Every number in `text` (runs of fewer than 5 digits that are not joined to an area code are
/// left out: they are house numbers, counts or extensions).
pub fn find_phones(text: &str) -> Vec<PhoneToken> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let run = |start: usize| -> (String, usize) {
        let mut s = String::new();
        let mut k = start;
        while k < chars.len() {
            match digit(chars[k].1) {
                Some(d) => s.push(d),
                None => break,
            }
            k += 1;
        }
        (s, k)
    };
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    while i < chars.len() {
        if digit(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        // A digit glued to a Latin letter is part of a code or a URL, not a phone number.
        if i > 0 && chars[i - 1].1.is_ascii_alphabetic() {
            let (_, k) = run(i);
            i = k;
            continue;
        }
        let (first, k) = run(i);
        let start = chars[i].0;
        // Area code, separator, local number.
        if first.starts_with('0') && (3..=4).contains(&first.len()) && k < chars.len() {
            let mut s = k;
            while s < chars.len() && is_separator(chars[s].1) && s - k < 2 {
                s += 1;
            }
            if s > k && s < chars.len() && digit(chars[s].1).is_some() {
                let (local, e) = run(s);
                if local.len() >= 5 {
                    let sep: String = chars[k..s].iter().map(|c| c.1).collect();
                    out.push(PhoneToken {
                        range: start..end_of(e),
                        area: Some(first),
                        separator: Some(sep),
                        local,
                        kind: PhoneKind::Landline,
                    });
                    i = e;
                    continue;
                }
            }
        }
        let token = if first.starts_with('0') && first.len() >= 9 {
            let a = area_len(&first);
            Some(PhoneToken {
                range: start..end_of(k),
                area: Some(first[..a].to_string()),
                separator: None,
                local: first[a..].to_string(),
                kind: PhoneKind::Landline,
            })
        } else if first.len() == 11 && first.starts_with('1') {
            Some(PhoneToken {
                range: start..end_of(k),
                area: None,
                separator: None,
                local: first,
                kind: PhoneKind::Mobile,
            })
        } else if first.len() >= 7 {
            Some(PhoneToken {
                range: start..end_of(k),
                area: None,
                separator: None,
                local: first,
                kind: PhoneKind::Landline,
            })
        } else if first.len() >= 5 {
            Some(PhoneToken {
                range: start..end_of(k),
                area: None,
                separator: None,
                local: first,
                kind: PhoneKind::Short,
            })
        } else {
            None
        };
        out.extend(token);
        i = k;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_in_published_forms() {
        let t = find_phones("0351-1234567 03517654321");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].area.as_deref(), Some("0351"));
        assert_eq!(t[0].separator.as_deref(), Some("-"));
        assert_eq!(t[1].area.as_deref(), Some("0351"));
        assert_eq!(t[1].separator, None);
        assert_eq!(t[1].local, "7654321");
        assert_eq!(t[0].key(None), "0351-1234567");

        let t = find_phones("12345671（职工） 12345670（居民）");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].key(Some("0354")), "0354-12345671");

        let t = find_phones("办公电话：职工2345678");
        assert_eq!(t[0].local, "2345678");
        assert_eq!(&"办公电话：职工2345678"[t[0].range.clone()], "2345678");

        assert!(find_phones("服务中心二楼201室").is_empty());
        assert_eq!(find_phones("13812345678")[0].kind, PhoneKind::Mobile);
        assert_eq!(find_phones("010-12345678")[0].area.as_deref(), Some("010"));
        assert_eq!(find_phones("0351-1234561、0351-1234562").len(), 2);
        assert!(find_phones("http://y1fwzx.example.gov.cn/").is_empty());
    }
}
