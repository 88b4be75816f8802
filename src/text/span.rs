//! Byte ranges inside a text, made safe to slice with: inside the text, on character boundaries.

use std::ops::Range;

/// `range` clamped into `text` and widened to whole characters: the start moves back and the end
/// forward to the nearest character boundary, and an inverted range becomes empty at its start.
/// Slicing `text` with the result never panics.
pub fn snap(text: &str, range: Range<usize>) -> Range<usize> {
    let len = text.len();
    let mut start = range.start.min(len);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, len);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::snap;

    #[test]
    fn valid_ranges_are_kept() {
        let s = " 测试县";
        assert_eq!(snap(s, 0..1), 0..1);
        assert_eq!(snap(s, 1..4), 1..4);
        assert_eq!(snap(s, 4..4), 4..4);
    }

    #[test]
    fn ranges_snap_to_whole_characters_inside_the_text() {
        let s = " 测试县"; // 1 + 3 × 3 bytes
        assert_eq!(snap(s, 2..3), 1..4);
        assert_eq!(snap(s, 0..9), 0..10);
        assert_eq!(snap(s, 7..100), 7..10);
        assert_eq!(snap(s, 50..60), 10..10);
        assert_eq!(snap(s, std::ops::Range { start: 6, end: 2 }), 4..4);
        assert_eq!(snap("", 3..5), 0..0);
    }
}
