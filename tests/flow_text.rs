//! Line breaking and measurement.

use zhinan::flow::text::{Metrics, NO_LINE_END, NO_LINE_START, find_system_font, wrap};

fn fb() -> Metrics {
    Metrics::fallback()
}

fn assert_rules(lines: &[String]) {
    for l in lines {
        let first = l.chars().next().unwrap();
        let last = l.chars().last().unwrap();
        assert!(
            !NO_LINE_START.contains(first),
            "line starts with {first}: {lines:?}"
        );
        assert!(
            !NO_LINE_END.contains(last),
            "line ends with {last}: {lines:?}"
        );
    }
}

#[test]
fn short_text_stays_on_one_line() {
    assert_eq!(wrap("办结", 14.0, &fb()), vec!["办结"]);
    assert_eq!(wrap("  ", 14.0, &fb()), Vec::<String>::new());
}

#[test]
fn comma_never_starts_a_line() {
    // Greedy at 10 em would put "，" at the start of the second line.
    let lines = wrap("一二三四五六七八九十，一二三四五六七八九", 10.0, &fb());
    assert_rules(&lines);
    assert!(lines.iter().all(|l| l.chars().count() <= 11), "{lines:?}");
    assert_eq!(lines.concat(), "一二三四五六七八九十，一二三四五六七八九");
}

#[test]
fn closing_marks_never_start_a_line() {
    for p in ["。", "、", "；", "：", "）", "》", "！", "？"] {
        let text = format!("甲乙丙丁戊己庚辛壬癸{p}子丑寅卯辰巳午未申酉");
        let lines = wrap(&text, 10.0, &fb());
        assert_rules(&lines);
        assert_eq!(lines.concat(), text);
    }
}

#[test]
fn opening_brackets_never_end_a_line() {
    for p in ["（", "《"] {
        let text = format!("甲乙丙丁戊己庚辛壬{p}子丑寅卯辰巳午未申酉");
        let lines = wrap(&text, 10.0, &fb());
        assert_rules(&lines);
        assert_eq!(lines.concat(), text);
    }
    let lines = wrap("出具《医疗保险稽核通知单》并送达当事人", 6.0, &fb());
    assert_rules(&lines);
}

#[test]
fn lines_are_balanced() {
    // 15 characters at 14 em: two lines of 8 and 7, not 14 and 1.
    let lines = wrap("甲乙丙丁戊己庚辛壬癸子丑寅卯辰", 14.0, &fb());
    assert_eq!(lines.len(), 2);
    let (a, b) = (lines[0].chars().count(), lines[1].chars().count());
    assert!(a.abs_diff(b) <= 1, "{lines:?}");
    // 30 characters at 14 em: three lines of ten.
    let text: String = "甲乙丙丁戊己庚辛壬癸".repeat(3);
    let lines = wrap(&text, 14.0, &fb());
    assert_eq!(
        lines.iter().map(|l| l.chars().count()).collect::<Vec<_>>(),
        vec![10, 10, 10]
    );
}

#[test]
fn no_line_of_one_or_two_characters() {
    let m = fb();
    let samples = [
        "发现违规行为，下达稽核告知书，告知当事人有权进行陈述和申辩",
        "违规事实清楚，证据确实，医疗保险经办机构应当立即停止待遇的支付并责令退还",
        "将材料通过原渠道退回，并委托乡（镇）政府、社管会书面告知申请人说明理由",
        "村（居）委会、乡镇、单位根据申请救助对象的家庭状况和患病情况，出具医疗支出困难认定材料（人口、收支、财产状况等）并进行公示后，上报",
        "材料是否齐全。",
    ];
    for text in samples {
        for max in [5.0, 7.0, 9.1, 11.2, 14.0, 16.0] {
            let lines = wrap(text, max, &m);
            assert_rules(&lines);
            assert_eq!(lines.concat(), text);
            if lines.len() > 1 {
                for l in &lines {
                    assert!(l.chars().count() > 2, "{max} em: {lines:?}");
                }
            }
            for l in &lines {
                assert!(m.text_em(l) <= max + 1e-3, "{max} em: {l} too wide");
            }
        }
    }
}

#[test]
fn explicit_breaks_are_kept() {
    let lines = wrap("提交资料：\n1、身份证\n2、申请表", 16.0, &fb());
    assert_eq!(lines, vec!["提交资料：", "1、身份证", "2、申请表"]);
}

#[test]
fn latin_runs_and_numbers_are_not_split() {
    let lines = wrap(
        "受理申报20个工作日后在网上http://ybj.hebei.gov.cn查询",
        12.0,
        &fb(),
    );
    assert!(lines.iter().any(|l| l.contains("20")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("http://ybj.hebei.gov.cn")),
        "{lines:?}"
    );
}

#[test]
fn overlong_runs_are_cut_rather_than_overflow() {
    let lines = wrap(
        "http://example.com/a/very/long/path/that/cannot/fit",
        8.0,
        &fb(),
    );
    assert!(lines.len() > 1);
    for l in &lines {
        assert!(fb().text_em(l) <= 8.0 + 1e-3, "{l}");
    }
}

#[test]
fn fallback_widths_follow_noto() {
    let m = fb();
    assert_eq!(m.text_em("医保"), 2.0);
    assert_eq!(m.text_em("（）《》，。"), 6.0);
    assert!((m.text_em("2023") - 4.0 * 0.555).abs() < 1e-4);
    assert!(m.family().is_none());
}

#[test]
fn real_font_is_measured_when_installed() {
    let Some(path) = find_system_font() else {
        eprintln!("no CJK font installed: nothing to measure");
        return;
    };
    let m = Metrics::load(&path).expect("font loads");
    assert!(m.family().is_some());
    assert_eq!(m.char_em('医'), 1.0);
    assert_eq!(m.char_em('，'), 1.0);
    let digit = m.char_em('2');
    assert!(digit > 0.4 && digit < 0.7, "{digit}");
    assert!(m.char_em('i') < m.char_em('W'));
}

#[test]
fn sc_face_is_picked_from_the_noto_collection() {
    let path = std::path::Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    if !path.exists() {
        eprintln!("Noto Sans CJK collection not installed");
        return;
    }
    let m = Metrics::load(path).unwrap();
    assert_eq!(m.family(), Some("Noto Sans CJK SC"));
}

#[test]
fn loading_a_missing_font_is_an_error() {
    assert!(Metrics::load(std::path::Path::new("/nonexistent/font.ttc")).is_err());
}

#[test]
fn breaks_move_to_a_nearby_pause() {
    // Balanced would be 不符合规定 / 的，予以退回; the comma is one character away.
    let lines = wrap("不符合规定的，予以退回", 9.0, &fb());
    assert_eq!(lines, vec!["不符合规定的，", "予以退回"]);
    // No pause nearby: stays balanced.
    let lines = wrap("甲乙丙丁戊己庚辛壬癸子丑寅卯辰", 14.0, &fb());
    assert_eq!(lines, vec!["甲乙丙丁戊己庚辛", "壬癸子丑寅卯辰"]);
}
