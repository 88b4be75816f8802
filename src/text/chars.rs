//! Character classes of Chinese text: Han characters and full-width punctuation. Numerals are in
//! [`super::numerals`], list markers in [`super::lists`].

/// A Han character: the CJK ideograph blocks (URO, extensions A–I, compatibility ideographs and
/// their supplement) and 〇, which Unicode counts as Han (二〇二三年).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
        || c == '〇'
}

/// White space, the ideographic space 　 and the no-break space included (Unicode White_Space).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_spaces() {
        assert!(is_han('医') && is_han('〇') && is_han('\u{2F800}'));
        assert!(!is_han('1') && !is_han('，') && !is_han('a'));
        assert!(is_space('\u{3000}') && is_space('\u{a0}') && is_space('\t'));
        assert!(!is_space('、'));
    }
}
