//! Key terms of item names, as weighted character bigrams, to tell whether a procedure text is about
//! an item: a bigram that few item names of the jurisdiction share weighs more (inverse document
//! frequency), and bigrams with a function character (的, 或, 对 …) are left out.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::chars::is_han;

pub type Bigram = (char, char);
pub type BigramSet = HashSet<Bigram>;

/// Bigrams of consecutive Han characters, without those that contain a function character.
pub fn bigrams(text: &str, function: &[char]) -> HashSet<Bigram> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| is_han(w[0]) && is_han(w[1]))
        .filter(|w| !function.contains(&w[0]) && !function.contains(&w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Item names of one jurisdiction, with bigram weights.
#[derive(Debug, Default)]
pub struct NameModel {
    pub names: Vec<HashSet<Bigram>>,
    pub weight: HashMap<Bigram, f64>,
}

impl NameModel {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, function: &[char]) -> Self {
        let names: Vec<HashSet<Bigram>> = names.into_iter().map(|n| bigrams(n, function)).collect();
        let mut df: HashMap<Bigram, usize> = HashMap::default();
        for n in &names {
            for b in n {
                *df.entry(*b).or_default() += 1;
            }
        }
        let total = names.len().max(1) as f64;
        let weight = df
            .into_iter()
            .map(|(b, d)| (b, (1.0 + total / d as f64).ln()))
            .collect();
        NameModel { names, weight }
    }

    fn w(&self, b: &Bigram) -> f64 {
        self.weight.get(b).copied().unwrap_or(0.0)
    }

    /// Share (by weight) of a name's bigrams found in the text.
    pub fn score(&self, name: usize, text: &HashSet<Bigram>) -> f64 {
        self.share(self.names[name].iter(), text)
    }

    /// Share of the bigrams of `name` that `other` does not have, found in the text.
    pub fn exclusive(&self, name: usize, other: usize, text: &HashSet<Bigram>) -> f64 {
        let other = &self.names[other];
        self.share(self.names[name].iter().filter(|b| !other.contains(b)), text)
    }

    fn share<'b>(&self, bigrams: impl Iterator<Item = &'b Bigram>, text: &HashSet<Bigram>) -> f64 {
        let (mut found, mut total) = (0.0, 0.0);
        for b in bigrams {
            let w = self.w(b);
            total += w;
            if text.contains(b) {
                found += w;
            }
        }
        if total == 0.0 { 0.0 } else { found / total }
    }

    /// The item another item's text matches better than its own: `(other, own exclusive share,
    /// other's exclusive share)`.
    pub fn better_match(&self, own: usize, text: &HashSet<Bigram>) -> Option<(usize, f64, f64)> {
        (0..self.names.len())
            .filter(|&o| o != own && !self.names[o].is_empty())
            .map(|o| {
                (
                    o,
                    self.exclusive(own, o, text),
                    self.exclusive(o, own, text),
                )
            })
            .filter(|(_, mine, theirs)| *theirs >= 0.5 && *theirs >= mine + 0.4)
            .max_by(|a, b| (a.2 - a.1).total_cmp(&(b.2 - b.1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_texts_are_told_apart() {
        let f: Vec<char> = "的或者对以和及与等被其".chars().collect();
        let names = [
            "对以欺诈手段骗取医保基金支出的处罚",
            "对以欺诈手段骗取医保待遇的处罚",
            "对用人单位不办理登记的处罚",
        ];
        let m = NameModel::new(names, &f);
        let text = bigrams(
            "发现以欺诈手段骗取医疗保险基金支出的违法行为，行政处罚立案",
            &f,
        );
        assert!(m.score(0, &text) > m.score(1, &text));
        assert_eq!(m.better_match(1, &text).map(|x| x.0), Some(0));
        assert_eq!(m.better_match(0, &text), None);
    }
}
