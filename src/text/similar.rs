//! Edit distance over characters (not bytes), for "did you mean" hints and near-miss lint rules.

use super::chars::is_han;
use super::keyterms::{Bigram, BigramSet};

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

/// The text without white space and with full-width round brackets, so that `（注销）` and
/// `( 注销 )` compare equal.
pub fn without_spaces_fullwidth_brackets(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// A name or title for comparison: no spaces, full-width brackets, a doubled word written once.
pub fn normalize_name(s: &str) -> String {
    let mapped = without_spaces_fullwidth_brackets(s);
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

/// Dice coefficient of two sets of character pairs: 0 (nothing shared) to 1 (the same): how alike
/// two names or titles are.
pub fn dice(a: &BigramSet, b: &BigramSet) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Dice coefficient of the character pairs of two texts counted with repeats (a pair twice in
/// each text counts twice), every character included; a text of one character is one pair with
/// nothing. Materials are compared this way: their repeated words (…登记表…登记) weigh.
pub fn dice_counted(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<Bigram> {
        let cs: Vec<char> = s.chars().collect();
        if let [only] = cs[..] {
            return vec![(only, '\0')];
        }
        cs.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let x = pairs(a);
    let mut y = pairs(b);
    let total = x.len() + y.len();
    if total == 0 {
        return 1.0;
    }
    let mut common = 0;
    for g in &x {
        if let Some(p) = y.iter().position(|h| h == g) {
            y.swap_remove(p);
            common += 1;
        }
    }
    2.0 * common as f64 / total as f64
}

/// How a rule reads [`dice`] or [`dice_counted`] scores: at least `min` is similar, and one score is closer than
/// another only by more than `margin`. Rules build it from their shipped defaults and the
/// `[thresholds]` of `terms.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    pub min: f64,
    pub margin: f64,
}

impl Similarity {
    /// A threshold without a margin.
    pub const fn at_least(min: f64) -> Self {
        Similarity { min, margin: 0.0 }
    }

    /// Whether `score` reaches the threshold.
    pub fn holds(&self, score: f64) -> bool {
        score >= self.min
    }

    /// Whether `score` beats `other` by more than the margin.
    pub fn closer(&self, score: f64, other: f64) -> bool {
        score > other + self.margin
    }
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

    #[test]
    fn dice_of_pairs() {
        let pairs = |s: &str| -> BigramSet {
            let cs: Vec<char> = s.chars().collect();
            cs.windows(2).map(|w| (w[0], w[1])).collect()
        };
        // 参保 登记 shared; 3 pairs and 5 pairs.
        assert!((dice(&pairs("参保登记"), &pairs("参保变更登记")) - 0.5).abs() < 1e-9);
        assert_eq!(dice(&pairs(""), &pairs("登记")), 0.0);
        // Repeats count: 登记 twice in each.
        assert!((dice_counted("登记登记", "登记表登记") - 2.0 * 2.0 / 7.0).abs() < 1e-9);
        assert_eq!(dice_counted("表", "表"), 1.0);
        assert_eq!(dice_counted("", ""), 1.0);
        let policy = Similarity {
            min: 0.3,
            margin: 0.1,
        };
        assert!(policy.holds(0.3) && !policy.holds(0.29));
        assert!(policy.closer(0.61, 0.5) && !policy.closer(0.6, 0.5));
    }
}
