//! Word segmentation of every text with jieba's dictionary (the `jieba-rs` crate, its embedded
//! dictionary of about 350 000 words with frequencies): built once per lint run, shared by the
//! rules that read words, never by a global.

use std::ops::Range;

use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::lint::Context;

/// The dictionary and the tokens of the run's texts. Both are made on first use: a lint run
/// whose rules need no words never loads the dictionary, and a text is cut when a rule first asks
/// for its words (then never again).
pub struct Segmentation {
    jieba: OnceLock<Jieba>,
    /// Per text (index into `Context::texts`): its tokens as byte ranges.
    tokens: Vec<OnceLock<Vec<Range<usize>>>>,
}

impl Segmentation {
    fn new(texts: usize) -> Self {
        Segmentation {
            jieba: OnceLock::new(),
            tokens: (0..texts).map(|_| OnceLock::new()).collect(),
        }
    }

    fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(Jieba::new)
    }

    /// The tokens of text `index` of the context (whose value is `value`), as byte ranges.
    pub fn tokens(&self, index: usize, value: &str) -> &[Range<usize>] {
        match self.tokens.get(index) {
            Some(slot) => slot.get_or_init(|| cut(self.jieba(), value)),
            None => &[],
        }
    }

    /// The tokens of any other string (a glossary term), as byte ranges.
    pub fn cut(&self, value: &str) -> Vec<Range<usize>> {
        cut(self.jieba(), value)
    }

    /// How often the dictionary has seen `word` (0: not a word of the dictionary).
    pub fn frequency(&self, word: &str) -> usize {
        let jieba = self.jieba();
        if jieba.has_word(word) {
            // suggest_freq is the word's own count when the dictionary has it (at least 1).
            jieba.suggest_freq(word)
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
    ctx.analyses
        .segments
        .get_or_init(|| Segmentation::new(ctx.texts.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_leaves_single_characters() {
        let s = Segmentation::new(2);
        let words = |i: usize, v: &str| -> Vec<String> {
            s.tokens(i, v)
                .iter()
                .map(|r| v[r.clone()].to_string())
                .collect()
        };
        assert_eq!(words(0, "提交申请资料"), ["提交", "申请", "资料"]);
        assert_eq!(words(1, "办理参保登纪"), ["办理", "参保", "登", "纪"]);
        // Cut once: the first value asked for stays the text's words.
        let first = s.tokens(1, "办理参保登纪").to_vec();
        assert_eq!(s.tokens(1, "另一段文字"), first.as_slice());
        assert!(s.tokens(7, "越界").is_empty());
        assert!(s.frequency("资料") > 1000);
        assert_eq!(s.frequency("参保登纪"), 0);
    }
}
