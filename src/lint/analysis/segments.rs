//! Word segmentation of every text with jieba's dictionary (the `jieba-rs` crate, its embedded
//! dictionary of about 350 000 words with frequencies): built once per lint run, shared by the
//! rules that read words, never by a global.

use std::ops::Range;

use jieba_rs::Jieba;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::lint::Context;
use crate::text::chars::is_han;

/// The dictionary and the tokens of every text of the lint run.
pub struct Segmentation {
    jieba: Jieba,
    /// Per text (index into `Context::texts`): its tokens as byte ranges; empty for a text
    /// without Han characters.
    tokens: Vec<Vec<Range<usize>>>,
}

impl Segmentation {
    /// Segments `texts` once each; identical values (a county copying the catalog's text) are cut
    /// once.
    fn new(texts: &[&str]) -> Self {
        let jieba = Jieba::new();
        let mut distinct: FxHashMap<&str, usize> = FxHashMap::default();
        let mut values: Vec<&str> = Vec::new();
        let slot: Vec<Option<usize>> = texts
            .iter()
            .map(|v| {
                v.chars().any(is_han).then(|| {
                    *distinct.entry(v).or_insert_with(|| {
                        values.push(v);
                        values.len() - 1
                    })
                })
            })
            .collect();
        let cut: Vec<Vec<Range<usize>>> = values.par_iter().map(|v| cut(&jieba, v)).collect();
        let tokens = slot
            .into_iter()
            .map(|s| s.map(|i| cut[i].clone()).unwrap_or_default())
            .collect();
        Segmentation { jieba, tokens }
    }

    /// The tokens of text `index` of the context, as byte ranges of its value.
    pub fn tokens(&self, index: usize) -> &[Range<usize>] {
        self.tokens.get(index).map_or(&[], Vec::as_slice)
    }

    /// The tokens of any other string (a glossary term), as byte ranges.
    pub fn cut(&self, value: &str) -> Vec<Range<usize>> {
        cut(&self.jieba, value)
    }

    /// How often the dictionary has seen `word` (0: not a word of the dictionary).
    pub fn frequency(&self, word: &str) -> usize {
        if self.jieba.has_word(word) {
            // suggest_freq is the word's own count when the dictionary has it (at least 1).
            self.jieba.suggest_freq(word)
        } else {
            0
        }
    }
}

/// jieba's exact mode without the HMM: a character the dictionary cannot attach to a neighbour
/// stays a token of its own, which is what an unlikely split is.
fn cut(jieba: &Jieba, value: &str) -> Vec<Range<usize>> {
    jieba
        .cut(value, false)
        .into_iter()
        .map(|t| t.byte_start..t.byte_end)
        .collect()
}

/// The segmentation of the run's texts, computed by the first rule that asks.
pub fn segmentation<'c>(ctx: &'c Context) -> &'c Segmentation {
    ctx.analyses.segments.get_or_init(|| {
        let values: Vec<&str> = ctx.texts.iter().map(|t| t.value).collect();
        Segmentation::new(&values)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_leaves_single_characters() {
        let s = Segmentation::new(&["提交申请资料", "取整资料", "https://example.cn"]);
        let words = |i: usize, v: &str| -> Vec<String> {
            s.tokens(i)
                .iter()
                .map(|r| v[r.clone()].to_string())
                .collect()
        };
        assert_eq!(words(0, "提交申请资料"), ["提交", "申请", "资料"]);
        assert_eq!(words(1, "取整资料"), ["取", "整", "资料"]);
        assert!(s.tokens(2).is_empty());
        assert!(s.frequency("资料") > 1000);
        assert_eq!(s.frequency("取整资料"), 0);
    }
}
