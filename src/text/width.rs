//! How wide text is: terminal columns (for aligned tables on the console) and whether a CJK font
//! sets a character one em wide (for the flowchart's estimate when no font file is at hand). Both
//! come from the Unicode East Asian Width property, as the unicode-width crate gives it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Terminal columns of a string: Han, kana, hangul and full-width forms take two.
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Punctuation whose East Asian Width is "ambiguous" (one column on a terminal) but that CJK fonts
/// draw one em wide: the dash, curly quotes, the ellipsis and the middle dot of Chinese text.
const CJK_FONT_WIDE: &[char] = &['—', '‘', '’', '“', '”', '…', '·'];

/// Whether a CJK font sets `c` one em wide: East Asian Wide and Fullwidth characters, and the
/// ambiguous-width punctuation of Chinese text.
pub fn is_wide_in_cjk_font(c: char) -> bool {
    c.width() == Some(2) || CJK_FONT_WIDE.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        assert_eq!(display_width("ZN101"), 5);
        assert_eq!(display_width("错别字"), 6);
        assert_eq!(display_width("（１）"), 6);
        assert_eq!(display_width("“引号”"), 6);
    }

    #[test]
    fn em_wide() {
        for c in ['中', '，', '（', '“', '—', '…', '·', '가', 'あ', 'Ａ'] {
            assert!(is_wide_in_cjk_font(c), "{c}");
        }
        for c in ['a', '1', ',', '(', '-', '°'] {
            assert!(!is_wide_in_cjk_font(c), "{c}");
        }
    }
}
