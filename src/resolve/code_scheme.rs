//! Code schemes as data: whether a code fits a catalog's `[code_scheme] pattern`, and the pattern's
//! own well-formedness (checked at load time, with a located error).

use crate::model::CodeScheme;

/// One position of a pattern: the characters allowed there.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    Digit,
    Capital,
    Literal(char),
    OneOf(Vec<Slot>),
}

impl Slot {
    fn accepts(&self, c: char) -> bool {
        match self {
            Slot::Digit => c.is_ascii_digit(),
            Slot::Capital => c.is_ascii_uppercase(),
            Slot::Literal(l) => *l == c,
            Slot::OneOf(slots) => slots.iter().any(|s| s.accepts(c)),
        }
    }
}

fn single(c: char) -> Slot {
    match c {
        '9' => Slot::Digit,
        'A' => Slot::Capital,
        c => Slot::Literal(c),
    }
}

/// The slots of a pattern, or the byte offset of its first error (an unclosed or empty `[`).
fn slots(pattern: &str) -> Result<Vec<Slot>, usize> {
    let mut out = Vec::new();
    let mut chars = pattern.char_indices();
    while let Some((at, c)) = chars.next() {
        if c != '[' {
            out.push(single(c));
            continue;
        }
        let mut inside = Vec::new();
        loop {
            match chars.next() {
                Some((_, ']')) if !inside.is_empty() => break,
                Some((_, '[' | ']')) | None => return Err(at),
                Some((_, c)) => inside.push(single(c)),
            }
        }
        out.push(Slot::OneOf(inside));
    }
    if out.is_empty() {
        return Err(0);
    }
    Ok(out)
}

/// Byte offset of the first error in a pattern, if any.
pub fn pattern_error(pattern: &str) -> Option<usize> {
    slots(pattern).err()
}

impl CodeScheme {
    /// Whether `code` fits the pattern (a malformed pattern fits nothing; it is a load error).
    pub fn fits(&self, code: &str) -> bool {
        let Ok(slots) = slots(self.pattern.get_ref()) else {
            return false;
        };
        code.chars().count() == slots.len() && code.chars().zip(&slots).all(|(c, s)| s.accepts(c))
    }

    /// The number of characters of the pattern (the length of a code).
    pub fn length(&self) -> usize {
        slots(self.pattern.get_ref()).map_or(0, |s| s.len())
    }

    /// The leading part a 子项 shares with its 主项, when the scheme says how long it is.
    pub fn main_part<'c>(&self, code: &'c str) -> Option<&'c str> {
        let n = self.main_prefix?;
        code.char_indices().nth(n).map(|(i, _)| &code[..i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme(pattern: &str) -> CodeScheme {
        toml::from_str(&format!("pattern = \"{pattern}\"\nmain_prefix = 9")).unwrap()
    }

    #[test]
    fn province_13_and_45_codes_fit_their_own_schemes_only() {
        let province_13 = scheme("13203699999[9Y]");
        let guangxi = scheme("45203699999[9Y]");
        assert!(province_13.fits("132036001001"));
        assert!(province_13.fits("13203600100Y"));
        assert!(!province_13.fits("452036029008"));
        assert!(guangxi.fits("452036029008"));
        assert!(!province_13.fits("13203600100"));
        assert!(!province_13.fits("1320360010011"));
        assert!(!province_13.fits("13203600100X"));
        assert_eq!(province_13.length(), 12);
        assert_eq!(province_13.main_part("132036001001"), Some("132036001"));
        let fourteen = scheme("37999999999999");
        assert!(fourteen.fits("37030100000001"));
    }

    #[test]
    fn malformed_patterns_are_located() {
        assert_eq!(pattern_error("132[9Y"), Some(3));
        assert_eq!(pattern_error("12[]3"), Some(2));
        assert_eq!(pattern_error(""), Some(0));
        assert_eq!(pattern_error("9999[9Y]"), None);
    }
}
