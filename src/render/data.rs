//! The view model: plain, serialisable data that the typst templates read as JSON (`/data.json`).
//!
//! The templates never see TOML or Markdown source: strings are data, and free text is a
//! [`markdown::Node`] tree. Everything here is built from resolved items (county over city over
//! catalog); the `from_*` constructors take the `model` types with every inherited value filled in.
//!
//! Shapes (all fields always present in the JSON, `null` when absent):
//! - [`GuideData`] `{ jurisdiction, items: [ItemView] }` — `guide.typ` and `item.typ` (one item);
//! - [`NoticeData`] — `notice.typ`;
//! - [`CatalogData`] — `catalog.typ`.

use serde::{Deserialize, Serialize};

use super::markdown::{self, Node};
use crate::model::{self, Item, JurisdictionFile, MainItem, Text};

/// Free text as Markdown block nodes.
pub type Blocks = Vec<Node>;

/// A person or a phone line: 联系人, 咨询电话, 监督电话.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub name: Option<String>,
    pub title: Option<String>,
    pub phone: Option<String>,
}

impl PersonView {
    pub fn from_model(person: &model::Person) -> PersonView {
        PersonView {
            name: text(&person.name),
            title: text(&person.title),
            phone: text(&person.phone),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.title.is_none() && self.phone.is_none()
    }

    /// `李勇方（职工医保中心副主任）`, `李勇方`, or `职工医保中心副主任`.
    pub fn name_line(&self) -> Option<String> {
        match (&self.name, &self.title) {
            (Some(n), Some(t)) => Some(format!("{n}（{t}）")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(t)) => Some(t.clone()),
            (None, None) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeView {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalView {
    pub name: String,
    pub url: Option<String>,
}

/// The jurisdiction that publishes a guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurisdictionView {
    pub name: String,
    /// `province`, `city` or `county`.
    pub level: String,
    /// The issuing agency (cover, running header, notice signature, PDF author).
    pub agency: String,
    /// `“依规办事不求人”事项服务指南`.
    pub guide_title: String,
    /// As written: `2023` or `2020-08-25`.
    pub edition: Option<String>,
    /// `2020年8月25日` / `2023年` (for the cover).
    pub edition_cn: Option<String>,
    pub offices: Vec<OfficeView>,
    pub portals: Vec<PortalView>,
    pub supervision_phone: Option<String>,
    pub contacts: Vec<PersonView>,
    /// General remarks printed after the list (说明).
    pub notes: Blocks,
}

impl JurisdictionView {
    pub fn from_file(file: &JurisdictionFile) -> JurisdictionView {
        let name = file.name.get_ref().clone();
        JurisdictionView {
            agency: text(&file.agency).unwrap_or_else(|| name.clone()),
            level: file.level.get_ref().as_str().to_string(),
            guide_title: text(&file.guide_title).unwrap_or_else(|| "政务服务事项办事指南".into()),
            edition_cn: file.edition.as_ref().and_then(|e| cn_date(e.get_ref())),
            edition: text(&file.edition),
            offices: file
                .offices
                .iter()
                .map(|o| OfficeView {
                    name: o.name.get_ref().clone(),
                    address: text(&o.address),
                    phone: text(&o.phone),
                })
                .collect(),
            portals: file
                .portals
                .iter()
                .map(|p| PortalView {
                    name: p.name.get_ref().clone(),
                    url: text(&p.url),
                })
                .collect(),
            supervision_phone: text(&file.supervision_phone),
            contacts: file.contacts.iter().map(PersonView::from_model).collect(),
            notes: file
                .notes
                .as_ref()
                .map(|n| markdown::parse(n.get_ref()))
                .unwrap_or_default(),
            name,
        }
    }

    /// The jurisdiction-wide 监督电话 with the person who answers it (a contact with that phone).
    pub fn supervision(&self) -> Option<PersonView> {
        let phone = self.supervision_phone.clone()?;
        let person = self
            .contacts
            .iter()
            .find(|c| c.phone.as_deref() == Some(phone.as_str()));
        Some(PersonView {
            name: person.and_then(|p| p.name.clone()),
            title: person.and_then(|p| p.title.clone()),
            phone: Some(phone),
        })
    }
}

/// One numbered field of a guide (`一、实施机构：…`) or an unnumbered one (`办理渠道：…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// `一` … `十二`, or empty for unnumbered fields.
    pub num: String,
    pub label: String,
    /// The source key (`agency`, `materials`, …), for templates that want to style one field.
    pub key: String,
    pub content: Blocks,
}

/// A flowchart SVG served to the templates at a virtual path (`/flows/<n>.svg`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowRef {
    pub title: String,
    pub caption: Vec<String>,
    pub path: String,
    /// Too wide for a portrait page at a readable size: printed on a landscape page.
    #[serde(default)]
    pub landscape: bool,
}

/// One service item as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    /// The code, else the id: the item's file name (`items/<key>.pdf`).
    pub key: String,
    pub code: Option<String>,
    pub id: Option<String>,
    /// 序号 as published (`1`, `十五`).
    pub seq: Option<String>,
    /// The heading number in Chinese numerals (`一`, `二十九`).
    pub number: String,
    pub name: String,
    pub power_code: Option<String>,
    pub power_type: Option<String>,
    /// 联系人 / 联系电话.
    pub contact: Option<PersonView>,
    /// The twelve numbered fields 一 实施机构 … 十二 监督电话 (absent ones are left out).
    pub fields: Vec<FieldView>,
    /// Unnumbered fields: 受理单位, 办理渠道, 办理环节, 查询方式, 评价渠道, 备注.
    pub extra: Vec<FieldView>,
    pub materials: Vec<String>,
    pub legal_basis: Vec<String>,
    pub time_limit: Option<String>,
    pub fee: Option<String>,
    pub consult: Option<PersonView>,
    pub supervision: Option<PersonView>,
    pub channels: Option<String>,
    pub steps: Option<String>,
    pub query: Option<String>,
    pub notes: Blocks,
    pub flow_svgs: Vec<FlowRef>,
    /// QR code of the online service (a web address in `online`), printed next to the address.
    #[serde(default)]
    pub qr: Option<crate::qr::QrView>,
}

/// Labels of the twelve numbered fields (霸州 numbering).
pub const FIELD_LABELS: [(&str, &str, &str); 12] = [
    ("一", "实施机构", "agency"),
    ("二", "办公地址", "address"),
    ("三", "服务对象", "target"),
    ("四", "设定依据", "legal_basis"),
    ("五", "申请条件", "conditions"),
    ("六", "申请材料目录", "materials"),
    ("七", "承诺办理时限", "time_limit"),
    ("八", "收费情况", "fee"),
    ("九", "审批股室", "department"),
    ("十", "网上申报地址", "online"),
    ("十一", "咨询电话", "consult"),
    ("十二", "监督电话", "supervision"),
];

impl ItemView {
    /// Builds the view of a resolved item. `index` is its 0-based position in the guide (for the
    /// heading number when the item has no `seq`); the jurisdiction supplies the 监督电话 when the
    /// item has none.
    pub fn from_item(item: &Item, index: usize, jurisdiction: &JurisdictionView) -> ItemView {
        let code = text(&item.code);
        let id = text(&item.id);
        let key = code
            .clone()
            .or_else(|| id.clone())
            .unwrap_or_else(|| format!("item-{}", index + 1));
        let seq = text(&item.seq);
        let materials = texts(&item.materials);
        let legal_basis = texts(&item.legal_basis);
        let consult = item
            .consult
            .as_ref()
            .map(|p| PersonView::from_model(p.get_ref()));
        let supervision = item
            .supervision
            .as_ref()
            .map(|p| PersonView::from_model(p.get_ref()))
            .or_else(|| jurisdiction.supervision());
        let notes = item
            .notes
            .as_ref()
            .map(|n| markdown::parse(n.get_ref()))
            .unwrap_or_default();

        let mut fields = Vec::new();
        for (num, label, key) in FIELD_LABELS {
            let content = match key {
                "agency" => plain_opt(&item.agency),
                "address" => plain_opt(&item.address),
                "target" => plain_opt(&item.target),
                "legal_basis" => list_blocks(&legal_basis),
                "conditions" => md_opt(&item.conditions),
                "materials" => list_blocks(&materials),
                "time_limit" => plain_opt(&item.time_limit),
                "fee" => plain_opt(&item.fee),
                "department" => plain_opt(&item.department),
                "online" => md_opt(&item.online),
                "consult" => person_blocks(consult.as_ref()),
                "supervision" => person_blocks(supervision.as_ref()),
                _ => unreachable!(),
            };
            if !content.is_empty() {
                fields.push(FieldView {
                    num: num.into(),
                    label: label.into(),
                    key: key.into(),
                    content,
                });
            }
        }

        let mut extra = Vec::new();
        let mut push_extra = |label: &str, key: &str, content: Blocks| {
            if !content.is_empty() {
                extra.push(FieldView {
                    num: String::new(),
                    label: label.into(),
                    key: key.into(),
                    content,
                });
            }
        };
        push_extra("职权编码", "power_code", plain_opt(&item.power_code));
        push_extra("职权类别", "power_type", plain_opt(&item.power_type));
        push_extra(
            "受理单位",
            "accepting_unit",
            plain_opt(&item.accepting_unit),
        );
        push_extra("办理渠道", "channels", plain_opt(&item.channels));
        push_extra("办理环节", "steps", plain_opt(&item.steps));
        push_extra("查询方式", "query", plain_opt(&item.query));
        push_extra("评价渠道", "evaluation", plain_opt(&item.evaluation));
        push_extra("备注", "notes", notes.clone());

        ItemView {
            number: heading_number(seq.as_deref(), index),
            name: text(&item.name).unwrap_or_else(|| key.clone()),
            key,
            code,
            id,
            seq,
            power_code: text(&item.power_code),
            power_type: text(&item.power_type),
            contact: item
                .contact
                .as_ref()
                .map(|p| PersonView::from_model(p.get_ref()))
                .filter(|p| !p.is_empty()),
            fields,
            extra,
            materials,
            legal_basis,
            time_limit: text(&item.time_limit),
            fee: text(&item.fee),
            consult,
            supervision,
            channels: text(&item.channels),
            steps: text(&item.steps),
            query: text(&item.query),
            notes,
            flow_svgs: Vec::new(),
            qr: crate::qr::for_online(item.online.as_ref().map(|o| o.get_ref().as_str())),
        }
    }

    /// A file name for `items/<key>.pdf`: the key with path separators and control characters
    /// replaced.
    pub fn file_stem(&self) -> String {
        safe_file_stem(&self.key)
    }
}

/// The data of `guide.typ` (all items) and of `item.typ` (exactly one item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideData {
    pub jurisdiction: JurisdictionView,
    pub items: Vec<ItemView>,
}

/// One row of the table attached to the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRow {
    pub number: String,
    pub name: String,
    pub time_limit: Option<String>,
    pub consult_phone: Option<String>,
    pub supervision_phone: Option<String>,
}

/// The data of `notice.typ`: a public notice (公告) in the GB/T 9704-2012 layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeData {
    pub title: String,
    /// 发文机关署名.
    pub agency: String,
    /// 发文字号 (e.g. `霸医保〔2023〕5号`), if any.
    pub doc_number: Option<String>,
    /// As written (`2023-06-01`).
    pub date: String,
    /// 成文日期 `2023年6月1日`.
    pub date_cn: String,
    pub body: Blocks,
    /// Title of the attached table (附件).
    pub attachment_title: String,
    pub rows: Vec<NoticeRow>,
}

impl NoticeData {
    /// A notice with the jurisdiction's agency as signature and a table of `items`.
    pub fn new(
        jurisdiction: &JurisdictionView,
        title: &str,
        date: &str,
        body_markdown: &str,
        items: &[ItemView],
    ) -> NoticeData {
        NoticeData {
            title: title.to_string(),
            agency: jurisdiction.agency.clone(),
            doc_number: None,
            date: date.to_string(),
            date_cn: cn_date(date).unwrap_or_else(|| date.to_string()),
            body: markdown::parse(body_markdown),
            attachment_title: format!("{}政务服务事项清单", jurisdiction.agency),
            rows: items
                .iter()
                .enumerate()
                .map(|(i, item)| NoticeRow {
                    number: (i + 1).to_string(),
                    name: item.name.clone(),
                    time_limit: item.time_limit.clone(),
                    consult_phone: item.consult.as_ref().and_then(|p| p.phone.clone()),
                    supervision_phone: item
                        .supervision
                        .as_ref()
                        .and_then(|p| p.phone.clone())
                        .or_else(|| jurisdiction.supervision_phone.clone()),
                })
                .collect(),
        }
    }
}

/// One 子项 of the provincial catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogSub {
    pub seq: Option<String>,
    pub code: Option<String>,
    pub name: String,
    pub materials: Vec<String>,
    pub time_limit: Option<String>,
    pub channels: Option<String>,
    pub steps: Option<String>,
    pub query: Option<String>,
    pub notes: Blocks,
    pub legal_basis: Vec<String>,
}

impl CatalogSub {
    pub fn from_item(item: &Item) -> CatalogSub {
        CatalogSub {
            seq: text(&item.seq),
            code: text(&item.code),
            name: text(&item.name).unwrap_or_default(),
            materials: texts(&item.materials),
            time_limit: text(&item.time_limit),
            channels: text(&item.channels),
            steps: text(&item.steps),
            query: text(&item.query),
            notes: item
                .notes
                .as_ref()
                .map(|n| markdown::parse(n.get_ref()))
                .unwrap_or_default(),
            legal_basis: texts(&item.legal_basis),
        }
    }
}

/// One 主项 with its 子项.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogMain {
    /// `一`, `二`, … as published.
    pub seq: Option<String>,
    pub code: String,
    pub name: String,
    pub subs: Vec<CatalogSub>,
}

impl CatalogMain {
    pub fn from_model(main: &MainItem, items: &[Item]) -> CatalogMain {
        CatalogMain {
            seq: text(&main.seq),
            code: main.code.get_ref().clone(),
            name: main.name.get_ref().clone(),
            subs: items.iter().map(CatalogSub::from_item).collect(),
        }
    }
}

/// The data of `catalog.typ`: the province's list as a landscape table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogData {
    /// `河北省医疗保障经办政务服务事项清单及办事指南（2023年版）`.
    pub title: String,
    pub agency: String,
    pub edition: Option<String>,
    pub mains: Vec<CatalogMain>,
    /// 说明 printed under the table.
    pub notes: Blocks,
}

impl CatalogData {
    pub fn new(jurisdiction: &JurisdictionView, mains: Vec<CatalogMain>) -> CatalogData {
        let edition = jurisdiction.edition.clone();
        let title = match edition.as_deref().and_then(year_of) {
            // The published title may already carry its edition.
            Some(year) if !jurisdiction.guide_title.contains(&format!("{year}年")) => {
                format!("{}（{year}年版）", jurisdiction.guide_title)
            }
            Some(_) => jurisdiction.guide_title.clone(),
            None => jurisdiction.guide_title.clone(),
        };
        CatalogData {
            title,
            agency: jurisdiction.agency.clone(),
            edition,
            mains,
            notes: jurisdiction.notes.clone(),
        }
    }
}

fn text(t: &Option<Text>) -> Option<String> {
    t.as_ref()
        .map(|t| t.get_ref().trim().to_string())
        .filter(|s| !s.is_empty())
}

fn texts(list: &Option<Vec<Text>>) -> Vec<String> {
    list.iter()
        .flatten()
        .map(|t| t.get_ref().trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn plain_opt(t: &Option<Text>) -> Blocks {
    text(t).map(|s| markdown::plain(&s)).unwrap_or_default()
}

fn md_opt(t: &Option<Text>) -> Blocks {
    t.as_ref()
        .map(|t| markdown::parse(t.get_ref()))
        .unwrap_or_default()
}

/// One entry prints inline after the label; several print as a numbered list.
pub fn list_blocks(entries: &[String]) -> Blocks {
    match entries {
        [] => Vec::new(),
        [one] => markdown::plain(one),
        many => vec![Node::List {
            ordered: true,
            start: 1,
            items: many.iter().map(|e| markdown::plain(e)).collect(),
        }],
    }
}

/// `0316-7273452` then `李勇方（职工医保中心副主任）` on the next line.
pub fn person_blocks(person: Option<&PersonView>) -> Blocks {
    let Some(person) = person else {
        return Vec::new();
    };
    let mut inlines = Vec::new();
    if let Some(phone) = &person.phone {
        inlines.extend(markdown::plain_inline(phone));
    }
    if let Some(line) = person.name_line() {
        if !inlines.is_empty() {
            inlines.push(Node::Linebreak);
        }
        inlines.extend(markdown::plain_inline(&line));
    }
    if inlines.is_empty() {
        Vec::new()
    } else {
        vec![Node::Paragraph { c: inlines }]
    }
}

/// `2026-01-05` → `2026年1月5日`; `2020-08` → `2020年8月`; `2023` → `2023年`.
pub fn cn_date(date: &str) -> Option<String> {
    let (y, m, d) = parse_date(date)?;
    Some(match (m, d) {
        (Some(m), Some(d)) => format!("{y}年{m}月{d}日"),
        (Some(m), None) => format!("{y}年{m}月"),
        _ => format!("{y}年"),
    })
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with `/` or `.`).
pub fn parse_date(date: &str) -> Option<(i32, Option<u8>, Option<u8>)> {
    let mut parts = date.trim().split(['-', '/', '.']);
    let y: i32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))?;
    let m: Option<u8> = match parts.next() {
        Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let d: Option<u8> = match parts.next() {
        Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

fn year_of(edition: &str) -> Option<i32> {
    parse_date(edition).map(|(y, _, _)| y)
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 29 → 二十九, 105 → 一百零五.
pub fn cn_numeral(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { D[n % 10] }),
        20..=99 => format!(
            "{}十{}",
            D[n / 10],
            if n.is_multiple_of(10) { "" } else { D[n % 10] }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", D[rest]),
                10..=19 => format!("一{}", cn_numeral(rest)),
                _ => cn_numeral(rest),
            };
            format!("{}百{tail}", D[n / 100])
        }
        _ => n.to_string(),
    }
}

/// The number printed before an item's name: its `seq` in Chinese numerals, else its position.
fn heading_number(seq: Option<&str>, index: usize) -> String {
    match seq {
        Some(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) => {
            s.parse().map(cn_numeral).unwrap_or_else(|_| s.to_string())
        }
        Some(s) if !s.is_empty() => s.to_string(),
        _ => cn_numeral(index + 1),
    }
}

/// Replaces characters that cannot appear in a file name (path separators, control characters,
/// a leading dot).
pub fn safe_file_stem(name: &str) -> String {
    let mut out: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    if out.starts_with('.') {
        out.replace_range(0..1, "_");
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let got: Vec<_> = [1, 9, 10, 11, 12, 20, 29, 99, 100, 105, 110, 123]
            .map(cn_numeral)
            .into();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十二",
                "二十",
                "二十九",
                "九十九",
                "一百",
                "一百零五",
                "一百一十",
                "一百二十三"
            ]
        );
    }

    #[test]
    fn dates() {
        assert_eq!(cn_date("2026-01-05").as_deref(), Some("2026年1月5日"));
        assert_eq!(cn_date("2020-08").as_deref(), Some("2020年8月"));
        assert_eq!(cn_date("2023").as_deref(), Some("2023年"));
        assert_eq!(cn_date("二〇二三年"), None);
        assert_eq!(cn_date("2023-13-01"), None);
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(heading_number(Some("15"), 0), "十五");
        assert_eq!(heading_number(Some("十五"), 0), "十五");
        assert_eq!(heading_number(None, 28), "二十九");
    }

    #[test]
    fn file_stems() {
        assert_eq!(safe_file_stem("132036001001"), "132036001001");
        assert_eq!(safe_file_stem("6-1"), "6-1");
        assert_eq!(safe_file_stem("../x/y"), "_._x_y");
        assert_eq!(safe_file_stem(""), "_");
    }

    #[test]
    fn item_view_from_model() {
        let toml = r#"
            code = "132036001001"
            name = "单位参保登记"
            agency = "霸州市医疗保障局"
            materials = ["统一社会信用代码证书", "《登记表》（加盖单位公章）"]
            legal_basis = ["《中华人民共和国社会保险法》第五十七条"]
            time_limit = "不超过5个工作日"
            consult = { phone = "0316-7273452", name = "李勇方", title = "职工医保中心副主任" }
            steps = "申请—受理—审核—办结"
        "#;
        let item: Item = toml::from_str(toml).unwrap();
        let j = JurisdictionView {
            name: "霸州市".into(),
            level: "county".into(),
            agency: "霸州市医疗保障局".into(),
            guide_title: "指南".into(),
            edition: None,
            edition_cn: None,
            offices: vec![],
            portals: vec![],
            supervision_phone: Some("0316-5660125".into()),
            contacts: vec![PersonView {
                name: Some("朱增维".into()),
                title: Some("法规科负责人".into()),
                phone: Some("0316-5660125".into()),
            }],
            notes: vec![],
        };
        let view = ItemView::from_item(&item, 0, &j);
        assert_eq!(view.key, "132036001001");
        assert_eq!(view.number, "一");
        let nums: Vec<_> = view.fields.iter().map(|f| f.num.as_str()).collect();
        assert_eq!(nums, ["一", "四", "六", "七", "十一", "十二"]);
        let supervision = markdown::to_plain_text(&view.fields[5].content);
        assert_eq!(supervision, "0316-5660125\n朱增维（法规科负责人）");
        assert!(matches!(&view.fields[2].content[0], Node::List { items, .. } if items.len() == 2));
        assert_eq!(view.extra[0].label, "办理环节");
    }
}
