//! Time limits (办理时限) in Chinese service texts.
//!
//! Forms read: 即时办结; 不超过5个工作日; 不超过 30 个自然日; 十五个工作日; 5个工作日内; per-group limits
//! (在职职工不超过5个工作日；灵活就业人员即时办结); limits of one step (递交结算部门：不超过20个工作日拨付;
//! 接到举报后5个工作日内做出…决定; 受理申报20个工作日后).
//!
//! 工作日 (working days) and 自然日 / 日 / 天 (calendar days) are different units: N working days last at
//! least N calendar days, never fewer, so only that direction of comparison is safe.

use std::ops::Range;

use super::chars::is_space;
use super::numerals;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// 工作日.
    WorkingDay,
    /// 自然日, 日, 天.
    CalendarDay,
    /// 即时办结: done on the spot.
    Immediate,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::WorkingDay => "工作日",
            Unit::CalendarDay => "自然日",
            Unit::Immediate => "即时办结",
        }
    }
}

/// How the number bounds the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// 不超过N…, N…内: at most.
    AtMost,
    /// N…后: only after (a waiting time, e.g. results can be queried 20 working days later).
    After,
    /// A bare duration (N个工作日).
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    /// The limit expression: 不超过5个工作日, 5个工作日内, 即时办结.
    pub range: Range<usize>,
    /// The group it applies to (在职职工), when the text gives limits per group.
    pub group: Option<Range<usize>>,
    /// 0 for [`Unit::Immediate`].
    pub days: u64,
    pub unit: Unit,
    pub bound: Bound,
    /// Range of the number (5, 十五); empty for 即时办结.
    pub number: Range<usize>,
    /// The clause that holds the limit (between ；。，： or line breaks).
    pub clause: Range<usize>,
}

impl Limit {
    pub fn is_immediate(&self) -> bool {
        self.unit == Unit::Immediate
    }

    /// Human form: 5个工作日, 30个自然日, 即时办结.
    pub fn describe(&self) -> String {
        match self.unit {
            Unit::Immediate => "即时办结".to_string(),
            u => format!("{}个{}", self.days, u.label()),
        }
    }
}

/// Words that mean "done on the spot".
const IMMEDIATE: &[&str] = &[
    "即时办结",
    "即时办理",
    "当场办结",
    "当场办理",
    "立即办结",
    "即来即办",
    "即办",
    // Bare words published as a whole promise (承诺办结时限：当场); after the longer forms, which
    // are found first.
    "当场",
    "立即",
    "即时",
];

/// Words before a number that make it an upper bound.
const AT_MOST_BEFORE: &[&str] = &["不超过", "不得超过", "不多于", "最多", "最长", "至多"];

fn clause_break(c: char) -> bool {
    matches!(c, '；' | ';' | '。' | '，' | ',' | '：' | ':' | '\n' | '、')
}

/// Every time limit in the text, in order.
pub fn parse(text: &str) -> Vec<Limit> {
    let chars = Chars::new(text);
    let mut out = durations(&chars);
    immediate_words(text, &mut out);
    out.sort_by_key(|l| l.range.start);
    for l in &mut out {
        attach_clause(&chars, l);
    }
    out
}

/// The characters of a text with their byte offsets.
struct Chars<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
}

impl<'t> Chars<'t> {
    fn new(text: &'t str) -> Self {
        Chars {
            text,
            chars: text.char_indices().collect(),
        }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    /// Byte offset of char index `i` (the text length past the end).
    fn at(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn char_index(&self, byte: usize) -> usize {
        self.chars.partition_point(|&(b, _)| b < byte)
    }
}

fn is_num(ch: char) -> bool {
    numerals::arabic_digit(ch).is_some() || numerals::is_chinese_numeral(ch)
}

/// Durations: number [个] unit, with the words around them that bound them (不超过…以内, …后).
fn durations(chars: &Chars) -> Vec<Limit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars.c(i).is_some_and(is_num) {
            i += 1;
            continue;
        }
        match duration_at(chars, i) {
            Ok(limit) => {
                i = chars.char_index(limit.range.end);
                out.push(limit);
            }
            Err(next) => i = next,
        }
    }
    out
}

/// The duration whose number starts at char `n_start`, or the char index to go on from.
fn duration_at(chars: &Chars, n_start: usize) -> Result<Limit, usize> {
    let (text, at, c) = (chars.text, |i| chars.at(i), |i| chars.c(i));
    let mut j = n_start;
    while c(j).is_some_and(is_num) {
        j += 1;
    }
    let n_end = j;
    let num_text = &text[at(n_start)..at(n_end)];
    let arabic = num_text
        .chars()
        .all(|ch| numerals::arabic_digit(ch).is_some());
    let value = numerals::parse_arabic(num_text).or_else(|| numerals::parse_chinese(num_text));
    let mut k = n_end;
    while c(k).is_some_and(is_space) {
        k += 1;
    }
    if c(k) == Some('个') {
        k += 1;
        while c(k).is_some_and(is_space) {
            k += 1;
        }
    }
    let rest = &text[at(k)..];
    let (unit, unit_len) = if rest.starts_with("工作日") {
        (Unit::WorkingDay, 3)
    } else if rest.starts_with("自然日") {
        (Unit::CalendarDay, 3)
    } else if rest.starts_with('日') || rest.starts_with('天') {
        (Unit::CalendarDay, 1)
    } else {
        return Err(n_end);
    };
    let days = value.ok_or(n_end)?;
    let mut end = k + unit_len;
    // What follows: 内 / 以内 / 之内 → at most; 后 / 以后 → after.
    let after = &text[at(end)..];
    let mut bound = Bound::Plain;
    for (word, b) in [
        ("以内", Bound::AtMost),
        ("之内", Bound::AtMost),
        ("内", Bound::AtMost),
        ("以后", Bound::After),
        ("之后", Bound::After),
        ("后", Bound::After),
    ] {
        if after.starts_with(word) {
            bound = b;
            end += word.chars().count();
            break;
        }
    }
    // What precedes: 不超过 …
    let mut start = n_start;
    let before_trim = text[..at(n_start)].trim_end_matches(is_space);
    for w in AT_MOST_BEFORE {
        if before_trim.ends_with(w) {
            start = chars.char_index(before_trim.len() - w.len());
            bound = Bound::AtMost;
            break;
        }
    }
    // A bare day count after 月 is a date (8月25日), and a Chinese numeral + 日 / 天 needs a
    // bound to be a duration (统一日, 每一天 are not).
    if unit_len == 1 {
        let dated = n_start.checked_sub(1).and_then(c) == Some('月');
        if dated || (!arabic && bound == Bound::Plain) {
            return Err(n_end);
        }
    }
    Ok(Limit {
        range: at(start)..at(end),
        group: None,
        days,
        unit,
        bound,
        number: at(n_start)..at(n_end),
        clause: 0..0,
    })
}

/// 即时办结 and its synonyms, where no duration was read.
fn immediate_words(text: &str, out: &mut Vec<Limit>) {
    for word in IMMEDIATE {
        let mut from = 0;
        while let Some(pos) = text[from..].find(word) {
            let s = from + pos;
            let e = s + word.len();
            if !out.iter().any(|l| l.range.start < e && s < l.range.end) {
                out.push(Limit {
                    range: s..e,
                    group: None,
                    days: 0,
                    unit: Unit::Immediate,
                    bound: Bound::AtMost,
                    number: s..s,
                    clause: 0..0,
                });
            }
            from = e;
        }
    }
}

/// The clause a limit stands in, and its group label: a short noun phrase right before
/// 不超过… / 即时办结 that fills the clause (在职职工：不超过5个工作日).
fn attach_clause(chars: &Chars, l: &mut Limit) {
    let (text, at, c) = (chars.text, |i| chars.at(i), |i| chars.c(i));
    let ls = chars.char_index(l.range.start);
    let le = chars.char_index(l.range.end);
    let mut cs = ls;
    while cs > 0 && !c(cs - 1).is_some_and(clause_break) {
        cs -= 1;
    }
    let mut ce = le;
    while ce < chars.len() && !c(ce).is_some_and(clause_break) {
        ce += 1;
    }
    l.clause = at(cs)..at(ce);
    let label = text[at(cs)..l.range.start].trim_matches(is_space);
    let tail = text[l.range.end..at(ce)].trim_matches(is_space);
    let label_ok = !label.is_empty()
        && label.chars().count() <= 16
        && tail.is_empty()
        && !label.ends_with([
            '后', '起', '在', '于', '的', '内', '自', '经', '（', '(', '为',
        ])
        && !label.starts_with(['（', '('])
        && (l.unit == Unit::Immediate
            || AT_MOST_BEFORE
                .iter()
                .any(|w| text[l.range.clone()].starts_with(w)));
    if label_ok {
        let off = text[at(cs)..l.range.start].find(label).unwrap_or(0);
        let g = at(cs) + off;
        l.group = Some(g..g + label.len());
    }
}

/// Whether `a` (a promise) is certainly longer than `b` (a cap), with the safe unit conversion:
/// N working days ≥ N calendar days. `None` when the units cannot be compared safely.
pub fn certainly_longer(a: &Limit, b: &Limit) -> Option<bool> {
    use Unit::*;
    match (a.unit, b.unit) {
        (Immediate, _) => Some(false),
        (_, Immediate) => Some(a.days > 0),
        (x, y) if x == y => Some(a.days > b.days),
        // N working days last at least N calendar days: longer if N > M.
        (WorkingDay, CalendarDay) => {
            if a.days > b.days {
                Some(true)
            } else {
                None
            }
        }
        // N calendar days may be shorter than M working days even when N > M: unknown.
        (CalendarDay, WorkingDay) => {
            if a.days <= b.days {
                Some(false)
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Limit {
        let ls = parse(text);
        assert_eq!(ls.len(), 1, "{text}: {ls:?}");
        ls.into_iter().next().unwrap()
    }

    #[test]
    fn immediate() {
        let l = one("即时办结");
        assert_eq!(l.unit, Unit::Immediate);
        assert_eq!(l.days, 0);
        assert_eq!(l.range, 0.."即时办结".len());
        assert!(l.group.is_none());
        assert_eq!(l.describe(), "即时办结");
    }

    #[test]
    fn at_most_working_days() {
        let t = "不超过5个工作日";
        let l = one(t);
        assert_eq!(
            (l.days, l.unit, l.bound),
            (5, Unit::WorkingDay, Bound::AtMost)
        );
        assert_eq!(l.range, 0..t.len());
        assert_eq!(&t[l.number.clone()], "5");
        assert_eq!(l.describe(), "5个工作日");
    }

    #[test]
    fn calendar_days_with_spaces() {
        let t = "不超过 30 个自然日";
        let l = one(t);
        assert_eq!(
            (l.days, l.unit, l.bound),
            (30, Unit::CalendarDay, Bound::AtMost)
        );
        assert_eq!(l.range, 0..t.len());
    }

    #[test]
    fn chinese_numerals() {
        let l = one("不超过十五个工作日");
        assert_eq!((l.days, l.unit), (15, Unit::WorkingDay));
        let l = one("二十个工作日内");
        assert_eq!((l.days, l.bound), (20, Bound::AtMost));
        let l = one("三日内办结");
        assert_eq!((l.days, l.unit), (3, Unit::CalendarDay));
        let l = one("两个工作日");
        assert_eq!((l.days, l.bound), (2, Bound::Plain));
    }

    #[test]
    fn within() {
        let t = "转出地经办机构10个工作日内完成基本医疗保险关系转出";
        let l = one(t);
        assert_eq!((l.days, l.bound), (10, Bound::AtMost));
        assert_eq!(&t[l.range.clone()], "10个工作日内");
        assert!(l.group.is_none());
    }

    #[test]
    fn per_group() {
        let t = "在职职工不超过5个工作日；灵活就业人员即时办结";
        let ls = parse(t);
        assert_eq!(ls.len(), 2);
        assert_eq!(&t[ls[0].group.clone().unwrap()], "在职职工");
        assert_eq!(ls[0].days, 5);
        assert_eq!(&t[ls[1].group.clone().unwrap()], "灵活就业人员");
        assert_eq!(ls[1].unit, Unit::Immediate);
        // Half-width separator and spaces.
        let t = "在职职工 不超过5个工作日; 灵活就业人员 即时办结";
        let ls = parse(t);
        assert_eq!(&t[ls[0].group.clone().unwrap()], "在职职工");
        assert_eq!(&t[ls[1].group.clone().unwrap()], "灵活就业人员");
    }

    #[test]
    fn step_limits() {
        let t = "递交结算部门：不超过20个工作日拨付，办结";
        let l = one(t);
        assert_eq!(l.days, 20);
        assert!(l.group.is_none());
        assert_eq!(&t[l.clause.clone()], "不超过20个工作日拨付");

        let t = "告知责任：参保人员可在申报材料齐全，受理申报20个工作日后，在网上查询认定结果。";
        let l = one(t);
        assert_eq!((l.days, l.bound), (20, Bound::After));
        assert_eq!(&t[l.range.clone()], "20个工作日后");

        let t = "接到举报后5个工作日内做出是否符合受理范围的决定，提出办理意见";
        let l = one(t);
        assert_eq!((l.days, l.bound), (5, Bound::AtMost));
        assert!(l.group.is_none());
        assert_eq!(
            &t[l.clause.clone()],
            "接到举报后5个工作日内做出是否符合受理范围的决定"
        );
    }

    #[test]
    fn not_limits() {
        assert!(parse("2021年2月1日起施行").is_empty());
        assert!(parse("统一日常管理").is_empty());
        assert!(parse("连续缴满12个月").is_empty());
        assert!(parse("每组不得少于2人").is_empty());
        assert!(parse("提供24小时售药服务").is_empty());
        assert!(parse("").is_empty());
    }

    #[test]
    fn several_in_notes() {
        let t = "1. 转出地经办机构10个工作日内完成转出；\n2. 转入地经办机构收到后，在5个工作日内完成转入。";
        let ls = parse(t);
        assert_eq!(ls.iter().map(|l| l.days).collect::<Vec<_>>(), vec![10, 5]);
    }

    #[test]
    fn full_width_digits() {
        let l = one("不超过１５个工作日");
        assert_eq!(l.days, 15);
    }

    #[test]
    fn comparisons() {
        let w90 = one("不超过90个工作日");
        let c30 = one("不超过30个自然日");
        let w20 = one("不超过20个工作日");
        let w15 = one("不超过15个工作日");
        let now = one("即时办结");
        let c40 = one("不超过40个自然日");
        assert_eq!(certainly_longer(&w90, &c30), Some(true));
        assert_eq!(certainly_longer(&w20, &w15), Some(true));
        assert_eq!(certainly_longer(&w15, &w20), Some(false));
        assert_eq!(certainly_longer(&now, &w15), Some(false));
        assert_eq!(certainly_longer(&w15, &now), Some(true));
        assert_eq!(certainly_longer(&w20, &c30), None);
        assert_eq!(certainly_longer(&c40, &w20), None);
        assert_eq!(certainly_longer(&c30, &w90), Some(false));
    }
}
