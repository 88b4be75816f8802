//! Legal citations in Chinese official text: 书名号 titles, issuers, 发文字号, order numbers and articles.
//!
//! ```text
//! 中共中央组织部 人力资源社会保障部 公安部等25部门关于印发《外国人…办法》的通知（人社部发〔2012〕53号）
//! └──────────────────── prefix ────────────────────┘└─ title ─┘└suffix┘ └──── number (文号) ────┘
//! 《社会保险费征缴暂行条例》（国务院令第259号）第八条、第九条
//! └──────── title ────────┘ └─ number (令) ─┘└─ articles ─┘
//! ```
//!
//! The parser is forgiving: it reads what authors actually write (【2022】, [2021], 国务院令259号,
//! 国务院令 第765号, 第三28号, 《…《…》…》) and reports the byte range of every part, so that rules can
//! say exactly what is wrong and where. It knows no document and no issuer: matching against the law
//! registry is the rules' business.

use std::ops::Range;

use super::chars::{is_han, is_space};
use super::numerals::{self, NumberKind};
use super::titles::{Title, titles};

/// A citation: a title and/or a document number, with the articles cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// From the prefix (or the title, or the number) to the end of the last part.
    pub range: Range<usize>,
    /// Words before the title that name its issuer (劳动和社会保障部等部委, …关于印发).
    pub prefix: Option<Range<usize>>,
    pub title: Option<Title>,
    /// Words after the title that belong to the document's name (的通知).
    pub suffix: Option<Range<usize>>,
    pub number: Option<DocNumber>,
    pub articles: Vec<Article>,
}

impl Citation {
    /// The full name as cited: prefix + 《title》 + suffix, or just the title's content.
    pub fn full_name<'t>(&self, text: &'t str) -> Option<&'t str> {
        let title = self.title.as_ref()?;
        match (&self.prefix, &self.suffix) {
            (None, None) => Some(&text[title.inner.clone()]),
            (p, s) => {
                let start = p.as_ref().map_or(title.outer.start, |p| p.start);
                let end = s.as_ref().map_or(title.outer.end, |s| s.end);
                Some(&text[start..end])
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocNumber {
    /// 发文字号: 机关代字 + 〔year〕 + serial + 号.
    Wenhao(Wenhao),
    /// Order number: issuer + 令 + 第 + number + 号.
    Order(Order),
}

impl DocNumber {
    pub fn range(&self) -> Range<usize> {
        match self {
            DocNumber::Wenhao(w) => w.range.clone(),
            DocNumber::Order(o) => o.range.clone(),
        }
    }

    /// Whitespace inside the number.
    pub fn spaces(&self) -> &[Range<usize>] {
        match self {
            DocNumber::Wenhao(w) => &w.spaces,
            DocNumber::Order(o) => &o.spaces,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wenhao {
    pub range: Range<usize>,
    /// 机关代字 as written: the run of Han characters before the bracket (in running text it may
    /// start with other words, e.g. 依据国发; match known prefixes against its end).
    pub agency: Range<usize>,
    /// The opening and closing bracket characters (〔〕 is right; 【】, [], （） are not).
    pub open: Range<usize>,
    pub close: Range<usize>,
    pub year: Range<usize>,
    pub year_value: Option<u32>,
    /// A 第 before the serial (wrong in a 文号).
    pub di: Option<Range<usize>>,
    pub serial: Range<usize>,
    pub serial_value: Option<u64>,
    pub serial_kind: NumberKind,
    pub hao: Range<usize>,
    pub spaces: Vec<Range<usize>>,
}

impl Wenhao {
    pub fn brackets_ok(&self, text: &str) -> bool {
        &text[self.open.clone()] == "〔" && &text[self.close.clone()] == "〕"
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub range: Range<usize>,
    /// The issuers before 令 (several are joined by 、): 人力资源社会保障部、国家医疗保障局.
    pub issuers: Range<usize>,
    pub ling: Range<usize>,
    /// The 第 before the number; `None` when it is missing (国务院令259号).
    pub di: Option<Range<usize>>,
    pub number: Range<usize>,
    pub value: Option<u64>,
    pub kind: NumberKind,
    pub hao: Range<usize>,
    pub spaces: Vec<Range<usize>>,
    /// Written 国务院第259号令 (令 after the number) instead of 国务院令第259号.
    pub inverted: bool,
}

impl Order {
    /// The issuer names, split at 、 and spaces.
    pub fn issuer_names<'t>(&self, text: &'t str) -> Vec<(Range<usize>, &'t str)> {
        split_names(text, self.issuers.clone())
    }
}

/// Split a run of names at 、，, and whitespace.
pub fn split_names(text: &str, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = range.start;
    let s = &text[range.clone()];
    for (i, c) in s.char_indices() {
        // Not at 和: 人力资源和社会保障部 is one name.
        if matches!(c, '、' | '，' | ',') || is_space(c) {
            let abs = range.start + i;
            if abs > start {
                out.push((start..abs, &text[start..abs]));
            }
            start = abs + c.len_utf8();
        }
    }
    if range.end > start {
        out.push((start..range.end, &text[start..range.end]));
    }
    out
}

/// One cited article: 第五十七条, 第X条第Y款, 第X条第Y款第Z项.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub range: Range<usize>,
    /// Range of the article number (五十七).
    pub number: Range<usize>,
    pub article: Option<u64>,
    pub kind: NumberKind,
    pub paragraph: Option<u64>,
    pub item: Option<u64>,
}

/// Characters that end a name run when scanning backwards (they close a number or an article).
fn name_char(c: char) -> bool {
    is_han(c) && !matches!(c, '号' | '条' | '款' | '项')
}

fn is_digitish(c: char) -> bool {
    numerals::arabic_digit(c).is_some() || numerals::is_chinese_numeral(c)
}

const OPENERS: &[char] = &[
    '〔', '[', '【', '［', '(', '（', '〖', '﹝', '｛', '{', '〘', '⟦',
];
const CLOSERS: &[char] = &[
    '〕', ']', '】', '］', ')', '）', '〗', '﹞', '｝', '}', '〙', '⟧',
];

/// Characters as (byte offset, char), plus the text length, for scanning both ways.
struct Scan<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
}

impl<'t> Scan<'t> {
    fn new(text: &'t str) -> Self {
        Scan {
            text,
            chars: text.char_indices().collect(),
        }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    /// Byte offset of char index `i` (the text length past the end).
    fn at(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    fn skip_spaces(&self, mut i: usize, spaces: &mut Vec<Range<usize>>) -> usize {
        let start = i;
        while self.c(i).is_some_and(is_space) {
            i += 1;
        }
        if i > start {
            spaces.push(self.at(start)..self.at(i));
        }
        i
    }
    /// A run of number characters starting at `i`: (end index, kind, value).
    fn number(&self, i: usize) -> Option<(usize, NumberKind, Option<u64>)> {
        let mut j = i;
        while self.c(j).is_some_and(is_digitish) {
            j += 1;
        }
        if j == i {
            return None;
        }
        let s = &self.text[self.at(i)..self.at(j)];
        let arabic = s.chars().any(|c| numerals::arabic_digit(c).is_some());
        let chinese = s.chars().any(|c| numerals::arabic_digit(c).is_none());
        Some(match (arabic, chinese) {
            (true, false) => (j, NumberKind::Arabic, numerals::parse_arabic(s)),
            (false, true) => (j, NumberKind::Chinese, numerals::parse_chinese(s)),
            _ => (j, NumberKind::Mixed, numerals::parse_digitwise(s)),
        })
    }
}

/// A 文号 starting at the opening bracket `i` (char index), with the agency before it.
fn wenhao_at(scan: &Scan, i: usize, min: usize) -> Option<(Wenhao, usize)> {
    let open = scan.c(i)?;
    if !OPENERS.contains(&open) {
        return None;
    }
    // 机关代字: Han characters right before the bracket (spaces allowed between).
    let mut spaces = Vec::new();
    let mut a_end = i;
    while a_end > 0 && scan.c(a_end - 1).is_some_and(is_space) {
        a_end -= 1;
    }
    if a_end < i {
        spaces.push(scan.at(a_end)..scan.at(i));
    }
    let mut a_start = a_end;
    while a_start > min && scan.c(a_start - 1).is_some_and(name_char) && a_end - a_start < 12 {
        a_start -= 1;
    }
    if a_start == a_end {
        return None;
    }
    let mut j = scan.skip_spaces(i + 1, &mut spaces);
    let y_start = j;
    while scan
        .c(j)
        .is_some_and(|c| numerals::arabic_digit(c).is_some())
    {
        j += 1;
    }
    let year_len = j - y_start;
    if year_len != 4 && year_len != 2 {
        return None;
    }
    let y_end = j;
    j = scan.skip_spaces(j, &mut spaces);
    let close = scan.c(j)?;
    if !CLOSERS.contains(&close) {
        return None;
    }
    let close_i = j;
    j = scan.skip_spaces(j + 1, &mut spaces);
    let mut di = None;
    if scan.c(j) == Some('第') {
        di = Some(scan.at(j)..scan.at(j + 1));
        j = scan.skip_spaces(j + 1, &mut spaces);
    }
    let s_start = j;
    let (s_end, kind, value) = scan.number(j)?;
    j = scan.skip_spaces(s_end, &mut spaces);
    if scan.c(j) != Some('号') {
        return None;
    }
    let year_text = &scan.text[scan.at(y_start)..scan.at(y_end)];
    let w = Wenhao {
        range: scan.at(a_start)..scan.at(j + 1),
        agency: scan.at(a_start)..scan.at(a_end),
        open: scan.at(i)..scan.at(i + 1),
        close: scan.at(close_i)..scan.at(close_i + 1),
        year: scan.at(y_start)..scan.at(y_end),
        year_value: numerals::parse_arabic(year_text).map(|y| y as u32),
        di,
        serial: scan.at(s_start)..scan.at(s_end),
        serial_value: value,
        serial_kind: kind,
        hao: scan.at(j)..scan.at(j + 1),
        spaces,
    };
    Some((w, j + 1))
}

/// Where the issuer names (Han characters joined by 、) before char index `i` begin, searching no
/// further back than `min`; `None` when there are none.
fn issuer_start(scan: &Scan, i: usize, min: usize) -> Option<usize> {
    let mut s = i;
    while s > min && scan.c(s - 1).is_some_and(|c| name_char(c) || c == '、') && i - s < 60 {
        s -= 1;
    }
    while s < i && scan.c(s) == Some('、') {
        s += 1;
    }
    (s < i).then_some(s)
}

/// An order number whose 令 is at char index `i`.
fn order_at(scan: &Scan, i: usize, min: usize) -> Option<(Order, usize)> {
    if scan.c(i) != Some('令') {
        return None;
    }
    let s = issuer_start(scan, i, min)?;
    let mut spaces = Vec::new();
    let mut j = scan.skip_spaces(i + 1, &mut spaces);
    let mut di = None;
    if scan.c(j) == Some('第') {
        di = Some(scan.at(j)..scan.at(j + 1));
        j = scan.skip_spaces(j + 1, &mut spaces);
    }
    let n_start = j;
    let (n_end, kind, value) = scan.number(j)?;
    j = scan.skip_spaces(n_end, &mut spaces);
    if scan.c(j) != Some('号') {
        return None;
    }
    let o = Order {
        range: scan.at(s)..scan.at(j + 1),
        issuers: scan.at(s)..scan.at(i),
        ling: scan.at(i)..scan.at(i + 1),
        di,
        number: scan.at(n_start)..scan.at(n_end),
        value,
        kind,
        hao: scan.at(j)..scan.at(j + 1),
        spaces,
        inverted: false,
    };
    Some((o, j + 1))
}

/// An order number written 国务院第259号令, whose 第 is at char index `i`.
fn inverted_order_at(scan: &Scan, i: usize, min: usize) -> Option<(Order, usize)> {
    if scan.c(i) != Some('第') {
        return None;
    }
    let s = issuer_start(scan, i, min)?;
    let mut spaces = Vec::new();
    let n_start = scan.skip_spaces(i + 1, &mut spaces);
    let (n_end, kind, value) = scan.number(n_start)?;
    let j = scan.skip_spaces(n_end, &mut spaces);
    if scan.c(j) != Some('号') || scan.c(j + 1) != Some('令') {
        return None;
    }
    let o = Order {
        range: scan.at(s)..scan.at(j + 2),
        issuers: scan.at(s)..scan.at(i),
        ling: scan.at(j + 1)..scan.at(j + 2),
        di: Some(scan.at(i)..scan.at(i + 1)),
        number: scan.at(n_start)..scan.at(n_end),
        value,
        kind,
        hao: scan.at(j)..scan.at(j + 1),
        spaces,
        inverted: true,
    };
    Some((o, j + 2))
}

/// Every document number of the text, outside titles.
pub fn numbers(text: &str) -> Vec<DocNumber> {
    if !text.contains('号') {
        return Vec::new();
    }
    let inside: Vec<Range<usize>> = titles(text).into_iter().map(|t| t.outer).collect();
    numbers_outside(text, &inside)
}

fn numbers_outside(text: &str, inside: &[Range<usize>]) -> Vec<DocNumber> {
    if !text.contains('号') {
        return Vec::new();
    }
    let scan = Scan::new(text);
    let in_title = |b: usize| inside.iter().any(|r| r.contains(&b));
    let mut out = Vec::new();
    let mut i = 0;
    let mut min = 0;
    while i < scan.len() {
        if !in_title(scan.at(i)) {
            if let Some((w, next)) = wenhao_at(&scan, i, min) {
                out.push(DocNumber::Wenhao(w));
                i = next;
                min = next;
                continue;
            }
            if let Some((o, next)) = order_at(&scan, i, min) {
                out.push(DocNumber::Order(o));
                i = next;
                min = next;
                continue;
            }
            if let Some((o, next)) = inverted_order_at(&scan, i, min) {
                out.push(DocNumber::Order(o));
                i = next;
                min = next;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The article at char index `i` (which must be 第): 第X条[第Y款][第Z项].
fn article_at(scan: &Scan, i: usize) -> Option<(Article, usize)> {
    if scan.c(i) != Some('第') {
        return None;
    }
    let (n_end, kind, article) = scan.number(i + 1)?;
    if scan.c(n_end) != Some('条') {
        return None;
    }
    let mut j = n_end + 1;
    let sub = |unit: char, j: &mut usize| -> Option<u64> {
        if scan.c(*j) != Some('第') {
            return None;
        }
        let (e, _, v) = scan.number(*j + 1)?;
        if scan.c(e) != Some(unit) {
            return None;
        }
        *j = e + 1;
        v
    };
    let paragraph = sub('款', &mut j);
    let item = sub('项', &mut j);
    Some((
        Article {
            range: scan.at(i)..scan.at(j),
            number: scan.at(i + 1)..scan.at(n_end),
            article,
            kind,
            paragraph,
            item,
        },
        j,
    ))
}

/// Articles starting at char index `i`, joined by 、，和及至 and spaces.
fn article_list(scan: &Scan, mut i: usize) -> (Vec<Article>, usize) {
    let mut out = Vec::new();
    let mut end = i;
    while let Some((a, next)) = article_at(scan, i) {
        out.push(a);
        end = next;
        // Separators between two articles.
        let mut j = next;
        while scan.c(j).is_some_and(|c| {
            matches!(c, '、' | '，' | ',' | '和' | '及' | '至' | '到') || is_space(c)
        }) {
            j += 1;
        }
        if scan.c(j) == Some('以') && scan.c(j + 1) == Some('及') {
            j += 2;
        }
        if scan.c(j) != Some('第') {
            break;
        }
        i = j;
    }
    (out, end)
}

/// Every article reference of the text (attached to a citation or not).
pub fn articles(text: &str) -> Vec<Article> {
    let scan = Scan::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.len() {
        if let Some((a, next)) = article_at(&scan, i) {
            out.push(a);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// Genre words that end a document name after the title: 的通知, 的决定 …
const GENRES: &[&str] = &[
    "通知", "决定", "意见", "通报", "批复", "函", "公告", "规定", "办法",
];

/// Words that end an issuer prefix before a title.
fn looks_like_issuer(prefix: &str) -> bool {
    let p = prefix.trim_end();
    [
        "印发",
        "转发",
        "发布",
        "部委",
        "部门",
        "部",
        "局",
        "院",
        "厅",
        "委",
        "会",
        "办公室",
        "办",
    ]
    .iter()
    .any(|e| p.ends_with(e))
}

/// Parse every citation of a text. A citation is a title (with its prefix and suffix), optionally
/// followed by a document number in brackets and articles; or a document number on its own.
pub fn parse(text: &str) -> Vec<Citation> {
    // Fast path: no title and no number.
    if !text.contains('《') && !text.contains('号') {
        return Vec::new();
    }
    let scan = Scan::new(text);
    let all_titles = if text.contains('《') {
        titles(text)
    } else {
        Vec::new()
    };
    let inside: Vec<Range<usize>> = all_titles.iter().map(|t| t.outer.clone()).collect();
    let mut all_numbers = numbers_outside(text, &inside);
    let mut out = Vec::new();
    let char_index = |byte: usize| scan.chars.partition_point(|&(b, _)| b < byte);

    for title in all_titles {
        let t_start = char_index(title.outer.start);
        let t_end = char_index(title.outer.end);
        // Prefix: a run of Han, digits, spaces, 、， before the title, if it names an issuer.
        let mut p = t_start;
        while p > 0
            && scan.c(p - 1).is_some_and(|c| {
                is_han(c)
                    || numerals::arabic_digit(c).is_some()
                    || matches!(c, '、' | '，' | ' ' | '\u{3000}')
            })
            && t_start - p < 60
        {
            p -= 1;
        }
        while p < t_start
            && scan
                .c(p)
                .is_some_and(|c| is_space(c) || matches!(c, '、' | '，'))
        {
            p += 1;
        }
        let prefix_text = &text[scan.at(p)..title.outer.start];
        let prefix =
            (p < t_start && looks_like_issuer(prefix_text)).then(|| scan.at(p)..title.outer.start);

        // Suffix: 的 + genre word.
        let mut j = t_end;
        let mut suffix = None;
        if scan.c(j) == Some('的') {
            let rest = &text[scan.at(j + 1)..];
            if let Some(g) = GENRES.iter().find(|g| rest.starts_with(**g)) {
                let n = g.chars().count();
                suffix = Some(scan.at(j)..scan.at(j + 1 + n));
                j += 1 + n;
            }
        }
        let mut end = scan.at(j);

        // Number: in brackets right after, or directly after.
        let mut k = j;
        while scan.c(k).is_some_and(is_space) {
            k += 1;
        }
        let bracketed = scan.c(k).is_some_and(|c| matches!(c, '（' | '('));
        let n_from = if bracketed { k + 1 } else { k };
        let mut number = None;
        let mut after = j;
        let mut m = n_from;
        while scan.c(m).is_some_and(is_space) {
            m += 1;
        }
        let m_byte = scan.at(m);
        if let Some(pos) = all_numbers.iter().position(|n| n.range().start == m_byte) {
            let n = all_numbers.remove(pos);
            let mut q = char_index(n.range().end);
            while scan.c(q).is_some_and(is_space) {
                q += 1;
            }
            if bracketed && scan.c(q).is_some_and(|c| matches!(c, '）' | ')')) {
                q += 1;
            }
            end = scan.at(q);
            after = q;
            number = Some(n);
        }

        // A version note in brackets instead of a number: 《…法》（2018年修正）第五十七条.
        if number.is_none() && bracketed {
            let mut q = k + 1;
            while q < scan.len()
                && !matches!(scan.c(q), Some('）' | ')' | '（' | '(' | '号'))
                && q - k <= 20
            {
                q += 1;
            }
            if matches!(scan.c(q), Some('）' | ')')) {
                after = q + 1;
            }
        }
        // Articles right after.
        let mut a = after;
        while scan.c(a).is_some_and(is_space) {
            a += 1;
        }
        let (arts, a_end) = article_list(&scan, a);
        if !arts.is_empty() {
            end = scan.at(a_end);
        }
        let start = prefix.as_ref().map_or(title.outer.start, |p| p.start);
        out.push(Citation {
            range: start..end,
            prefix,
            title: Some(title),
            suffix,
            number,
            articles: arts,
        });
    }

    // Numbers without a title.
    for n in all_numbers {
        let mut a = char_index(n.range().end);
        if scan.c(a).is_some_and(|c| matches!(c, '）' | ')')) {
            a += 1;
        }
        let (arts, a_end) = article_list(&scan, a);
        let end = if arts.is_empty() {
            n.range().end
        } else {
            scan.at(a_end)
        };
        out.push(Citation {
            range: n.range().start..end,
            prefix: None,
            title: None,
            suffix: None,
            number: Some(n),
            articles: arts,
        });
    }
    out.sort_by_key(|c| c.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str, r: &Range<usize>) -> String {
        text[r.clone()].to_string()
    }

    fn order(c: &Citation) -> &Order {
        match c.number.as_ref().unwrap() {
            DocNumber::Order(o) => o,
            other => panic!("not an order: {other:?}"),
        }
    }

    fn wenhao(c: &Citation) -> &Wenhao {
        match c.number.as_ref().unwrap() {
            DocNumber::Wenhao(w) => w,
            other => panic!("not a 文号: {other:?}"),
        }
    }

    #[test]
    fn title_and_articles() {
        let t = "《中华人民共和国社会保险法》第二十三条、第二十四条、第五十八条";
        let cs = parse(t);
        assert_eq!(cs.len(), 1);
        let c = &cs[0];
        assert_eq!(
            s(t, &c.title.as_ref().unwrap().inner),
            "中华人民共和国社会保险法"
        );
        assert!(c.number.is_none());
        let arts: Vec<_> = c.articles.iter().map(|a| a.article.unwrap()).collect();
        assert_eq!(arts, vec![23, 24, 58]);
        assert_eq!(c.range, 0..t.len());
        assert_eq!(s(t, &c.articles[0].range), "第二十三条");
        assert_eq!(s(t, &c.articles[0].number), "二十三");
    }

    #[test]
    fn order_with_di() {
        let t = "《社会保险经办条例》（国务院令第765号）第六条、第十条";
        let c = &parse(t)[0];
        let o = order(c);
        assert_eq!(s(t, &o.issuers), "国务院");
        assert!(o.di.is_some());
        assert_eq!(o.value, Some(765));
        assert_eq!(s(t, &o.range), "国务院令第765号");
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.range, 0..t.len());
    }

    #[test]
    fn order_without_di() {
        let t = "《社会保险费征缴暂行条例》（国务院令259号）第八条";
        let c = &parse(t)[0];
        let o = order(c);
        assert!(o.di.is_none());
        assert_eq!(o.value, Some(259));
        assert_eq!(s(t, &o.number), "259");
        assert_eq!(c.articles[0].article, Some(8));
    }

    #[test]
    fn order_with_spaces() {
        let t = "《社会保险经办条例》（国务院令 第765号）第二十条";
        let c = &parse(t)[0];
        let o = order(c);
        assert_eq!(o.spaces.len(), 1);
        assert_eq!(s(t, &o.spaces[0]), " ");
        assert!(o.di.is_some());
        let t = "（国务院令 259 号）";
        let c = &parse(t)[0];
        assert_eq!(order(c).spaces.len(), 2);
        assert!(order(c).di.is_none());
    }

    #[test]
    fn joint_order() {
        let t = "《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》（中华人民共和国人力资源和社会保障部、国家医疗保障局令41号）第二条、第三条、第四条、第十四条";
        let c = &parse(t)[0];
        assert_eq!(
            s(t, &c.title.as_ref().unwrap().inner),
            "香港澳门台湾居民在内地（大陆）参加社会保险暂行办法"
        );
        let o = order(c);
        let names: Vec<_> = o.issuer_names(t).into_iter().map(|(_, n)| n).collect();
        assert_eq!(
            names,
            vec!["中华人民共和国人力资源和社会保障部", "国家医疗保障局"]
        );
        assert!(o.di.is_none());
        assert_eq!(c.articles.len(), 4);
        assert_eq!(c.articles[3].article, Some(14));
    }

    #[test]
    fn mixed_numeral_order() {
        let t = "《示例救助条例》（国务院令第三28号）第二十九条";
        let o = order(&parse(t)[0]).clone();
        assert_eq!(o.kind, NumberKind::Mixed);
        assert_eq!(o.value, Some(328));
        assert_eq!(s(t, &o.number), "三28");
    }

    #[test]
    fn wenhao_forms() {
        for (t, open, close) in [
            (
                "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）",
                "〔",
                "〕",
            ),
            (
                "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发【2016】3号）",
                "【",
                "】",
            ),
            (
                "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发[2016]3号）",
                "[",
                "]",
            ),
            (
                "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发(2016)3号）",
                "(",
                ")",
            ),
            (
                "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发（2016）3号）",
                "（",
                "）",
            ),
        ] {
            let cs = parse(t);
            assert_eq!(cs.len(), 1, "{t}");
            let w = wenhao(&cs[0]);
            assert_eq!(s(t, &w.agency), "国发");
            assert_eq!(s(t, &w.open), open);
            assert_eq!(s(t, &w.close), close);
            assert_eq!(w.year_value, Some(2016));
            assert_eq!(w.serial_value, Some(3));
            assert_eq!(w.brackets_ok(t), open == "〔");
            assert_eq!(cs[0].range, 0..t.len());
        }
    }

    #[test]
    fn wenhao_with_di_and_spaces() {
        let t = "国发 〔2016〕第 3号";
        let cs = parse(t);
        let w = wenhao(&cs[0]);
        assert!(w.di.is_some());
        assert_eq!(w.spaces.len(), 2);
        assert_eq!(s(t, &w.agency), "国发");
    }

    #[test]
    fn nested_title() {
        let t = "《国家医保局办公室 财政部办公厅关于印发〈基本医疗保险关系转移接续暂行办法〉的通知》（医保办发〔2021〕43号）第二条、第八条、第九条";
        let c = &parse(t)[0];
        let title = c.title.as_ref().unwrap();
        assert_eq!(title.nested.len(), 1);
        assert!(title.nested[0].marks_ok);
        assert_eq!(
            s(t, &title.nested[0].inner),
            "基本医疗保险关系转移接续暂行办法"
        );
        assert_eq!(s(t, &wenhao(c).agency), "医保办发");
        assert_eq!(c.articles.len(), 3);
    }

    #[test]
    fn wrongly_nested_title() {
        let t = "《财政部 民政部关于印发《城乡医疗救助基金管理办法》的通知》（财社〔2013〕217号）第八条";
        let cs = parse(t);
        assert_eq!(cs.len(), 1);
        let title = cs[0].title.as_ref().unwrap();
        assert_eq!(title.nested.len(), 1);
        assert!(!title.nested[0].marks_ok);
        assert_eq!(s(t, &title.nested[0].outer), "《城乡医疗救助基金管理办法》");
        assert_eq!(title.outer, 0..t.find('（').unwrap());
        assert_eq!(cs[0].articles[0].article, Some(8));
    }

    #[test]
    fn issuer_prefix_and_suffix() {
        let t = "中共中央组织部 人力资源社会保障部 公安部等25部门关于印发《外国人在中国永久居留享有相关待遇的办法》的通知（人社部发〔2012〕53号）";
        let cs = parse(t);
        assert_eq!(cs.len(), 1);
        let c = &cs[0];
        assert_eq!(
            s(t, c.prefix.as_ref().unwrap()),
            "中共中央组织部 人力资源社会保障部 公安部等25部门关于印发"
        );
        assert_eq!(s(t, c.suffix.as_ref().unwrap()), "的通知");
        assert_eq!(s(t, &wenhao(c).agency), "人社部发");
        assert_eq!(c.range, 0..t.len());
        assert_eq!(
            c.full_name(t).unwrap(),
            "中共中央组织部 人力资源社会保障部 公安部等25部门关于印发《外国人在中国永久居留享有相关待遇的办法》的通知"
        );
    }

    #[test]
    fn issuer_outside_title() {
        let t = "劳动和社会保障部等部委《关于城镇居民基本医疗保险医疗服务管理的意见》（劳社部发【2007】40号）";
        let c = &parse(t)[0];
        assert_eq!(s(t, c.prefix.as_ref().unwrap()), "劳动和社会保障部等部委");
        assert_eq!(wenhao(c).year_value, Some(2007));
    }

    #[test]
    fn no_prefix_for_ordinary_words() {
        let t = "按照《某省“互联网+”医疗服务医保管理办法（试行）》规定";
        let c = &parse(t)[0];
        assert!(c.prefix.is_none());
        assert!(c.number.is_none());
    }

    #[test]
    fn free_text_with_several_citations() {
        let t = "1. 《中华人民共和国社会保险法》第五十四条、第五十五条；\n2. 《社会保险经办条例》（国务院令 第765号）第二十条。";
        let cs = parse(t);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].articles.len(), 2);
        assert!(cs[1].number.is_some());
        assert_eq!(cs[1].articles[0].article, Some(20));
    }

    #[test]
    fn bare_numbers() {
        let t = "依据国务院令第259号第八条和劳社厅发〔2002〕8号办理";
        let cs = parse(t);
        assert_eq!(cs.len(), 2);
        assert!(cs[0].title.is_none());
        assert_eq!(order(&cs[0]).value, Some(259));
        assert_eq!(cs[0].articles[0].article, Some(8));
        let w = wenhao(&cs[1]);
        assert_eq!(s(t, &w.agency), "和劳社厅发");
    }

    #[test]
    fn inverted_order() {
        let t = "《社会保险费征缴暂行条例》（国务院第259号令）第八条";
        let c = &parse(t)[0];
        let o = order(c);
        assert!(o.inverted);
        assert_eq!(s(t, &o.issuers), "国务院");
        assert_eq!(o.value, Some(259));
        assert_eq!(s(t, &o.range), "国务院第259号令");
        assert_eq!(c.articles[0].article, Some(8));
        // An article after an order is not an inverted order.
        let t = "国务院令第259号第八条";
        assert!(!order(&parse(t)[0]).inverted);
    }

    #[test]
    fn version_note_before_articles() {
        let t = "《中华人民共和国社会保险法》（2018年修正）第五十七条";
        let c = &parse(t)[0];
        assert!(c.number.is_none());
        assert_eq!(c.articles[0].article, Some(57));
    }

    #[test]
    fn article_with_paragraph_and_item() {
        let t = "《中华人民共和国社会保险法》第八十四条第一款第二项";
        let a = &parse(t)[0].articles[0];
        assert_eq!(a.article, Some(84));
        assert_eq!(a.paragraph, Some(1));
        assert_eq!(a.item, Some(2));
        assert_eq!(a.range, t.find('第').unwrap()..t.len());
    }

    #[test]
    fn article_range() {
        let t = "《社会保险经办条例》第八条至第十条";
        let arts: Vec<_> = parse(t)[0].articles.iter().map(|a| a.article).collect();
        assert_eq!(arts, vec![Some(8), Some(10)]);
    }

    #[test]
    fn arabic_articles() {
        let t = "《社会保险经办条例》第20条";
        let a = &parse(t)[0].articles[0];
        assert_eq!(a.article, Some(20));
        assert_eq!(a.kind, NumberKind::Arabic);
    }

    #[test]
    fn untitled_text() {
        assert!(parse("某省违法违规使用医疗保障基金举报奖励办法实施细则").is_empty());
        assert!(parse("在职职工：（1）、有效身份证件").is_empty());
        assert!(parse("不超过20个工作日").is_empty());
    }

    #[test]
    fn forms_are_titles() {
        let t = "《基本医疗保险单位参保信息登记表》（加盖单位公章）";
        let cs = parse(t);
        assert_eq!(cs.len(), 1);
        assert!(cs[0].number.is_none());
        assert_eq!(titles(t).len(), 1);
    }

    #[test]
    fn unclosed_title_is_ignored() {
        assert!(titles("《没有结束").is_empty());
    }

    #[test]
    fn city_wenhao() {
        let t = "《某市人民政府办公室印发关于健全重特大基本医疗保险和救助制度的实施方案的通知》（某政办字[2022]43号）";
        let c = &parse(t)[0];
        let w = wenhao(c);
        assert_eq!(s(t, &w.agency), "某政办字");
        assert!(!w.brackets_ok(t));
    }

    #[test]
    fn split_issuer_names() {
        let t = "卫生部 财政部、国家中医药管理局";
        let names: Vec<_> = split_names(t, 0..t.len())
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, vec!["卫生部", "财政部", "国家中医药管理局"]);
    }
}
