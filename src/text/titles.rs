//! Titles in Chinese text: the contents of 《》 (and the 〈〉 nested inside them).

use std::ops::Range;

/// `《…》` contents of a text (outermost pairs).
pub fn book_titles(value: &str) -> Vec<&str> {
    titles(value).into_iter().map(|t| &value[t.inner]).collect()
}

/// Whether byte offset `at` of `text` stands inside a 《…》 title: more 《 than 》 before it, a stray
/// 》 closing nothing.
pub fn inside_title(text: &str, at: usize) -> bool {
    let mut depth = 0usize;
    for c in text[..at].chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// Each top-level title with the byte range of its marks (《…》) and its content.
pub fn marked_titles(value: &str) -> Vec<(Range<usize>, &str)> {
    titles(value)
        .into_iter()
        .map(|t| (t.outer, &value[t.inner]))
        .collect()
}

/// A 书名号 title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title with its marks: 《…》.
    pub outer: Range<usize>,
    /// The content between the marks.
    pub inner: Range<usize>,
    /// Titles inside the title (a notice that issues a regulation).
    pub nested: Vec<Nested>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nested {
    pub outer: Range<usize>,
    pub inner: Range<usize>,
    /// `true` for 〈…〉; `false` for 《…》 inside 《…》 (should be 〈…〉).
    pub marks_ok: bool,
}

/// Every 书名号 title of the text (top level), with nested titles.
pub fn titles(text: &str) -> Vec<Title> {
    let scan: Vec<(usize, char)> = text.char_indices().collect();
    let c = |i: usize| scan.get(i).map(|&(_, c)| c);
    // Byte offset of char index `i` (the text length past the end).
    let at = |i: usize| scan.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.len() {
        if c(i) != Some('《') {
            i += 1;
            continue;
        }
        // Find the matching 》, counting nested 《》; collect 〈〉 and wrongly nested 《》.
        let mut depth = 0usize;
        let mut nested = Vec::new();
        let mut open_stack: Vec<(usize, char)> = Vec::new();
        let mut end = None;
        let mut j = i + 1;
        while j < scan.len() {
            match c(j) {
                Some('《') => {
                    depth += 1;
                    open_stack.push((j, '《'));
                }
                Some('〈') => open_stack.push((j, '〈')),
                Some('》') if depth == 0 => {
                    end = Some(j);
                    break;
                }
                Some(mark @ ('》' | '〉')) => {
                    if mark == '》' {
                        depth -= 1;
                    }
                    let want = if mark == '》' { '《' } else { '〈' };
                    if let Some(pos) = open_stack.iter().rposition(|&(_, o)| o == want) {
                        let (k, _) = open_stack.remove(pos);
                        nested.push(Nested {
                            outer: at(k)..at(j + 1),
                            inner: at(k + 1)..at(j),
                            marks_ok: mark == '〉',
                        });
                    }
                }
                _ => {}
            }
            j += 1;
        }
        match end {
            Some(e) => {
                nested.sort_by_key(|n| n.outer.start);
                out.push(Title {
                    outer: at(i)..at(e + 1),
                    inner: at(i + 1)..at(e),
                    nested,
                });
                i = e + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{book_titles, inside_title, marked_titles};

    #[test]
    fn outermost_pairs_only() {
        assert_eq!(
            book_titles("依据《国务院关于〈办法〉的通知》和《条例》"),
            vec!["国务院关于〈办法〉的通知", "条例"]
        );
        assert_eq!(book_titles("《未闭合"), Vec::<&str>::new());
    }

    #[test]
    fn inside_a_title() {
        let text = "依据《关于<甲>的通知》和<乙>";
        assert!(inside_title(text, text.find('<').unwrap()));
        assert!(!inside_title(text, text.rfind('<').unwrap()));
        assert!(!inside_title("》甲", "》".len()));
    }

    #[test]
    fn ranges_include_the_marks() {
        let text = "填写《甲申请表》后提交《乙办法》";
        let t = marked_titles(text);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].1, "甲申请表");
        assert_eq!(&text[t[1].0.clone()], "《乙办法》");
    }
}
