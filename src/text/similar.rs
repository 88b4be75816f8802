//! Edit distance over characters (not bytes), for "did you mean" hints and near-miss lint rules.

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
