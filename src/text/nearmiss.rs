//! Finding the places where a text is exactly one character away from a known term (a character
//! substituted, inserted or dropped), in time linear in the text.
//!
//! A text one edit away from a term keeps one of the term's two halves intact: the half the edit is
//! not in. Both halves of every term are indexed by their first two characters; a text position
//! whose two characters start a half is checked against the term around it.

use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// The text has another character where the term has `expected`.
    Substituted,
    /// The text has an extra character `found`.
    Inserted,
    /// The text lacks the term's `expected`.
    Dropped,
}

/// How a window of text differs from a term by one edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OneEdit {
    pub kind: EditKind,
    /// Index in the term (characters) where the edit is; for an insertion, the index before which
    /// the extra character stands.
    pub term_pos: usize,
    /// The character of the text (substituted or inserted).
    pub found: Option<char>,
    /// The character of the term (substituted or dropped).
    pub expected: Option<char>,
}

/// `Some` when `window` is exactly one edit away from `term`.
pub fn one_edit(window: &[char], term: &[char]) -> Option<OneEdit> {
    let (w, t) = (window.len(), term.len());
    let first_diff = window.iter().zip(term).position(|(a, b)| a != b);
    if w == t {
        let i = first_diff?;
        (window[i + 1..] == term[i + 1..]).then_some(OneEdit {
            kind: EditKind::Substituted,
            term_pos: i,
            found: Some(window[i]),
            expected: Some(term[i]),
        })
    } else if w == t + 1 {
        let i = first_diff.unwrap_or(t);
        (window[i + 1..] == term[i..]).then_some(OneEdit {
            kind: EditKind::Inserted,
            term_pos: i,
            found: Some(window[i]),
            expected: None,
        })
    } else if w + 1 == t {
        let i = first_diff.unwrap_or(w);
        (window[i..] == term[i + 1..]).then_some(OneEdit {
            kind: EditKind::Dropped,
            term_pos: i,
            found: None,
            expected: Some(term[i]),
        })
    } else {
        None
    }
}

/// A place in a text one edit away from a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NearMiss {
    /// Character range of the window in the text.
    pub start: usize,
    pub end: usize,
    /// Index of the term in the index.
    pub term: usize,
    pub edit: OneEdit,
}

/// Terms indexed for [`TermIndex::find`].
#[derive(Debug, Default)]
pub struct TermIndex {
    terms: Vec<Vec<char>>,
    halves: HashMap<(char, char), Vec<(u32, bool)>>,
}

impl TermIndex {
    /// Index the terms (each at least 4 characters long; shorter ones are skipped).
    pub fn new<I, S>(terms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut index = TermIndex::default();
        for term in terms {
            let chars: Vec<char> = term.as_ref().chars().collect();
            if chars.len() < 4 {
                index.terms.push(Vec::new());
                continue;
            }
            let id = index.terms.len() as u32;
            let h = chars.len() / 2;
            index
                .halves
                .entry((chars[0], chars[1]))
                .or_default()
                .push((id, false));
            index
                .halves
                .entry((chars[h], chars[h + 1]))
                .or_default()
                .push((id, true));
            index.terms.push(chars);
        }
        index
    }

    pub fn term(&self, id: usize) -> &[char] {
        &self.terms[id]
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every window of `text` exactly one edit away from an indexed term.
    pub fn find(&self, text: &[char]) -> Vec<NearMiss> {
        let mut out: Vec<NearMiss> = Vec::new();
        if text.len() < 2 {
            return out;
        }
        for i in 0..text.len() - 1 {
            let Some(cands) = self.halves.get(&(text[i], text[i + 1])) else {
                continue;
            };
            for &(id, second) in cands {
                let term = &self.terms[id as usize];
                let n = term.len();
                let h = n / 2;
                let half = if second { &term[h..] } else { &term[..h] };
                if !text[i..].starts_with(half) {
                    continue;
                }
                // The term itself, here: the windows around it are slices of it, not near misses.
                let aligned = if second {
                    (i + half.len()).checked_sub(n)
                } else {
                    Some(i)
                };
                if aligned.is_some_and(|s| text[s..].starts_with(term)) {
                    continue;
                }
                for wl in [n - 1, n, n + 1] {
                    let (s, e) = if second {
                        let end = i + half.len();
                        if end < wl {
                            continue;
                        }
                        (end - wl, end)
                    } else {
                        if i + wl > text.len() {
                            continue;
                        }
                        (i, i + wl)
                    };
                    if let Some(edit) = one_edit(&text[s..e], term) {
                        let m = NearMiss {
                            start: s,
                            end: e,
                            term: id as usize,
                            edit,
                        };
                        if !out.contains(&m) {
                            out.push(m);
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edits() {
        let e = one_edit(&chars("医了机构收费"), &chars("医疗机构收费")).unwrap();
        assert_eq!(e.kind, EditKind::Substituted);
        assert_eq!(e.term_pos, 1);
        let e = one_edit(&chars("异地就备案"), &chars("异地就医备案")).unwrap();
        assert_eq!(e.kind, EditKind::Dropped);
        assert_eq!(e.expected, Some('医'));
        let e = one_edit(&chars("门急诊费用清单"), &chars("门诊费用清单")).unwrap();
        assert_eq!(e.kind, EditKind::Inserted);
        assert_eq!(e.found, Some('急'));
        assert!(one_edit(&chars("医疗机构"), &chars("医疗机构")).is_none());
        assert!(one_edit(&chars("甲乙丙丁"), &chars("甲丙乙丁")).is_none());
    }

    #[test]
    fn finds_windows() {
        let index = TermIndex::new(["异地就医备案", "医疗机构收费票据"]);
        let text = chars("④异地就备案的，需提供医了机构收费票据");
        let found = index.find(&text);
        let windows: Vec<String> = found
            .iter()
            .map(|m| text[m.start..m.end].iter().collect())
            .collect();
        assert!(windows.contains(&"异地就备案".to_string()), "{windows:?}");
        assert!(
            windows.contains(&"医了机构收费票据".to_string()),
            "{windows:?}"
        );
        assert!(
            index
                .find(&chars("异地就医备案的"))
                .iter()
                .all(|m| m.edit.kind != EditKind::Substituted)
        );
    }
}
