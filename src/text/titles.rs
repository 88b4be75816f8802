//! Titles in Chinese text: the contents of 《》 (and the 〈〉 nested inside them).

/// `《…》` contents of a text (outermost pairs).
pub fn book_titles(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in value.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(&value[start..i]);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::book_titles;

    #[test]
    fn outermost_pairs_only() {
        assert_eq!(
            book_titles("依据《国务院关于〈办法〉的通知》和《条例》"),
            vec!["国务院关于〈办法〉的通知", "条例"]
        );
        assert_eq!(book_titles("《未闭合"), Vec::<&str>::new());
    }
}
