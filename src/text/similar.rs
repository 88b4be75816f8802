//! Edit distance over characters (not bytes), for "did you mean" hints and near-miss lint rules.

use super::chars::is_han;

/// Levenshtein distance counted in `char`s.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a plausible misspelling.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A name or title for comparison: no spaces, full-width brackets, a doubled word written once.
pub fn normalize_name(s: &str) -> String {
    let mapped: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect();
    let chars: Vec<char> = mapped.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    'outer: while i < chars.len() {
        for len in (2..=8).rev() {
            if i + 2 * len <= chars.len()
                && chars[i..i + len].iter().all(|c| is_han(*c))
                && chars[i..i + len] == chars[i + len..i + 2 * len]
            {
                out.extend_from_slice(&chars[i..i + len]);
                i += 2 * len;
                continue 'outer;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_characters() {
        assert_eq!(edit_distance("参保登记", "参保登计"), 1);
        assert_eq!(edit_distance("materals", "materials"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn nearest_rejects_far_words() {
        assert_eq!(
            nearest("materals", &["materials", "name"]),
            Some("materials")
        );
        assert_eq!(nearest("xyz", &["materials", "name"]), None);
    }
}
