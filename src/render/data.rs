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
use crate::model::{self, Field, Item, JurisdictionFile, MainItem, Text};
use crate::text::numerals::to_chinese;

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

    /// `张三（职工医保中心副主任）`, `张三`, or `职工医保中心副主任`.
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
    /// Whether the guide prints the name (else the URL alone).
    pub print_name: bool,
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
    /// The field set: the name of `templates/styles/<style>.toml`.
    pub style: String,
    /// As written: `2023` or `2020-08-25`.
    pub edition: Option<String>,
    /// `2020年8月25日` / `2023年` (for the cover).
    pub edition_cn: Option<String>,
    pub offices: Vec<OfficeView>,
    pub portals: Vec<PortalView>,
    pub supervision_phone: Option<String>,
    /// 发文机关标志 and 发文字号 of the notice's 版头 (`[notice] mark`, `number`).
    #[serde(default)]
    pub notice_mark: Option<String>,
    #[serde(default)]
    pub notice_number: Option<String>,
    /// Telephone area code (`0351`), put before local numbers in the notice's table.
    pub area_code: Option<String>,
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
            style: text(&file.style)
                .filter(|s| is_style_name(s))
                .unwrap_or_else(|| DEFAULT_STYLE.into()),
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
                    // `javascript:`, `file:` … never become links (lint ZN113 reports them).
                    url: text(&p.url).filter(|u| markdown::unsafe_scheme(u).is_none()),
                    print_name: p.print_name.unwrap_or(true) || p.url.is_none(),
                })
                .collect(),
            supervision_phone: text(&file.supervision_phone),
            area_code: text(&file.area_code),
            notice_mark: file.notice.as_ref().and_then(|n| text(&n.mark)),
            notice_number: file.notice.as_ref().and_then(|n| text(&n.number)),
            contacts: file.contacts.iter().map(PersonView::from_model).collect(),
            notes: file
                .notes
                .as_ref()
                .map(|n| markdown::parse(n.get_ref()))
                .unwrap_or_default(),
            name,
        }
    }

    /// The jurisdiction-wide 咨询电话: the phone of its only office with one (an office that
    /// answers for every item); none when several offices have phones of their own.
    pub fn consult_phone(&self) -> Option<String> {
        let mut phones = self.offices.iter().filter_map(|o| o.phone.clone());
        let first = phones.next()?;
        phones.all(|p| p == first).then_some(first)
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

/// The style of a jurisdiction that names none.
pub const DEFAULT_STYLE: &str = "standard";

/// A style name is a file name under `templates/styles/`: lower-case letters, digits and `-`.
pub fn is_style_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The printable fields of an item. A style (`templates/styles/<name>.toml`) decides
/// which of them a guide prints, with which labels, in which order and how they are numbered: the
/// Rust side numbers nothing.
pub const FIELD_KEYS: [Field; 30] = [
    Field::Agency,
    Field::Address,
    Field::Target,
    Field::LegalBasis,
    Field::Conditions,
    Field::Materials,
    Field::TimeLimit,
    Field::Fee,
    Field::Department,
    Field::Online,
    Field::Consult,
    Field::Supervision,
    Field::PowerCode,
    Field::PowerType,
    Field::AcceptingUnit,
    Field::Channels,
    Field::Steps,
    Field::Query,
    Field::Evaluation,
    Field::Notes,
    Field::LegalTimeLimit,
    Field::OfficeHours,
    Field::CaseType,
    Field::ItemType,
    Field::ServiceLevel,
    Field::Applicant,
    Field::ConsultChannels,
    Field::ComplaintChannels,
    Field::MaterialGroups,
    Field::LegalRefs,
];

/// One field as a template prints it (after the style chose and labelled it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// The source key (`agency`, `materials`, …), one of [`FIELD_KEYS`].
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
    /// Virtual paths of the further parts of a chart split across pages (`path` is the first).
    #[serde(default)]
    pub continued: Vec<String>,
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
    /// 联系人 / 联系电话, one entry per person with that person's phone (see [`pair_people`]).
    pub contact: Vec<PersonView>,
    /// Every non-empty field of [`FIELD_KEYS`], in that order; the style picks and numbers them.
    pub fields: Vec<FieldView>,
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
    /// The phone of the office that handles the item (named in its address, department,
    /// accepting unit or chart caption), for the notice's 咨询电话 when the item has none.
    #[serde(default)]
    pub office_phone: Option<String>,
    /// QR code of the online service (a web address in `online`), printed next to the address.
    #[serde(default)]
    pub qr: Option<crate::qr::QrView>,
}

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
        for field in FIELD_KEYS {
            let content = match field {
                Field::Agency => plain_opt(&item.agency),
                Field::Address => plain_opt(&item.address),
                Field::Target => plain_opt(&item.target),
                Field::LegalBasis => list_blocks(&legal_basis),
                Field::Conditions => md_opt(&item.conditions),
                Field::Materials => list_blocks(&materials),
                Field::TimeLimit => plain_opt(&item.time_limit),
                Field::Fee => plain_opt(&item.fee),
                Field::Department => plain_opt(&item.department),
                Field::Online => md_opt(&item.online),
                Field::Consult => person_blocks(consult.as_ref()),
                Field::Supervision => person_blocks(supervision.as_ref()),
                Field::PowerCode => plain_opt(&item.power_code),
                Field::PowerType => plain_opt(&item.power_type),
                Field::AcceptingUnit => plain_opt(&item.accepting_unit),
                Field::Channels => plain_opt(&item.channels),
                Field::Steps => plain_opt(&item.steps),
                Field::Query => plain_opt(&item.query),
                Field::Evaluation => plain_opt(&item.evaluation),
                Field::Notes => notes.clone(),
                Field::LegalTimeLimit => plain_opt(&item.legal_time_limit),
                Field::OfficeHours => plain_opt(&item.office_hours),
                Field::CaseType => plain_opt(&item.case_type),
                Field::ItemType => plain_opt(&item.item_type),
                Field::ServiceLevel => plain_opt(&item.service_level),
                Field::Applicant => plain_opt(&item.applicant),
                Field::ConsultChannels => list_blocks(&texts(&item.consult_channels)),
                Field::ComplaintChannels => list_blocks(&texts(&item.complaint_channels)),
                Field::MaterialGroups => group_blocks(item.material_groups.as_deref()),
                Field::LegalRefs => list_blocks(
                    &item
                        .legal_refs
                        .iter()
                        .flatten()
                        .map(|r| r.get_ref().citation())
                        .collect::<Vec<_>>(),
                ),
                // Every other field is not printed as a field.
                _ => Vec::new(),
            };
            if !content.is_empty() {
                fields.push(FieldView {
                    key: field.name().into(),
                    content,
                });
            }
        }

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
                .map(|p| pair_people(&PersonView::from_model(p.get_ref())))
                .unwrap_or_default(),
            fields,
            materials,
            legal_basis,
            time_limit: text(&item.time_limit),
            fee: text(&item.fee),
            consult,
            supervision,
            channels: text(&item.channels),
            steps: text(&item.steps),
            query: text(&item.query),
            office_phone: office_phone(item, jurisdiction),
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

/// The phone of the jurisdiction's office that an item names in its address, department,
/// accepting unit or a chart caption.
fn office_phone(item: &Item, jurisdiction: &JurisdictionView) -> Option<String> {
    let mut places: Vec<String> = [&item.address, &item.department, &item.accepting_unit]
        .into_iter()
        .filter_map(text)
        .collect();
    for flow in &item.flow {
        places.extend(flow.get_ref().caption.iter().map(|c| c.get_ref().clone()));
    }
    jurisdiction
        .offices
        .iter()
        .filter(|o| o.phone.is_some())
        .find(|o| places.iter().any(|p| p.contains(&o.name)))
        .and_then(|o| o.phone.clone())
}

/// `3000172` → `0354-3000172` with the jurisdiction's area code; numbers that already carry one
/// (or hotlines such as 12345) stay as written.
fn with_area_code(phone: &str, area_code: Option<&str>) -> String {
    let local = phone.chars().all(|c| c.is_ascii_digit()) && (7..=8).contains(&phone.len());
    match area_code {
        Some(code) if local && !phone.starts_with('0') => {
            format!("{code}-{phone}")
        }
        _ => phone.to_string(),
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
    /// 发文机关标志 (`示例市医疗保障局文件`): with it the notice opens with a red 版头.
    #[serde(default)]
    pub mark: Option<String>,
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
    /// A notice with the jurisdiction's agency as signature and a table of `items`. An item
    /// without its own 咨询电话 or 监督电话 takes the jurisdiction's, else the nearest of its
    /// `parents`' (nearest first; see [`JurisdictionView::consult_phone`]).
    pub fn new(
        jurisdiction: &JurisdictionView,
        parents: &[JurisdictionView],
        title: &str,
        date: &str,
        body_markdown: &str,
        items: &[ItemView],
    ) -> NoticeData {
        let area = jurisdiction.area_code.as_deref();
        // A number from a parent's data carries that parent's area code.
        let inherited = |get: fn(&JurisdictionView) -> Option<String>| {
            std::iter::once(jurisdiction)
                .chain(parents)
                .find_map(|j| Some(with_area_code(&get(j)?, j.area_code.as_deref().or(area))))
        };
        let jurisdiction_consult = inherited(JurisdictionView::consult_phone);
        let jurisdiction_supervision = inherited(|j| j.supervision_phone.clone());
        NoticeData {
            title: title.to_string(),
            agency: jurisdiction.agency.clone(),
            doc_number: jurisdiction.notice_number.clone(),
            mark: jurisdiction.notice_mark.clone(),
            date: date.to_string(),
            date_cn: cn_date(date).unwrap_or_else(|| date.to_string()),
            body: markdown::parse(body_markdown),
            attachment_title: format!("{}政务服务事项清单", jurisdiction.agency),
            rows: items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let consult = item
                        .consult
                        .as_ref()
                        .and_then(|p| p.phone.clone())
                        .or_else(|| {
                            let phones: Vec<String> = item
                                .contact
                                .iter()
                                .filter_map(|p| p.phone.clone())
                                .collect();
                            (!phones.is_empty()).then(|| phones.join("、"))
                        })
                        .or_else(|| item.office_phone.clone())
                        .map(|p| with_area_code(&p, area));
                    let supervision = item
                        .supervision
                        .as_ref()
                        .and_then(|p| p.phone.clone())
                        .map(|p| with_area_code(&p, area));
                    NoticeRow {
                        number: (i + 1).to_string(),
                        name: item.name.clone(),
                        time_limit: item.time_limit.clone(),
                        consult_phone: consult.or_else(|| jurisdiction_consult.clone()),
                        supervision_phone: supervision.or_else(|| jurisdiction_supervision.clone()),
                    }
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
    /// `示例省医疗保障经办政务服务事项清单及办事指南（2023年版）`.
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

/// Materials by case: each case on its own line (新参保：), its materials numbered below it.
fn group_blocks(groups: Option<&[crate::model::Spanned<crate::model::MaterialGroup>]>) -> Blocks {
    let mut out = Vec::new();
    for g in groups.unwrap_or_default() {
        let g = g.get_ref();
        out.push(Node::Paragraph {
            c: vec![Node::Strong {
                c: markdown::plain_inline(&format!("{}：", g.case.get_ref())),
            }],
        });
        let materials: Vec<String> = g.materials.iter().map(|m| m.get_ref().clone()).collect();
        if !materials.is_empty() {
            out.push(Node::List {
                ordered: true,
                start: 1,
                items: materials.iter().map(|e| markdown::plain(e)).collect(),
            });
        }
    }
    out
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

/// `0351-1234560` then `张三（职工医保中心副主任）` on the next line; several persons with their
/// own phones print one line each, `0351-1234561　李四`, so every number keeps its person.
pub fn person_blocks(person: Option<&PersonView>) -> Blocks {
    let Some(person) = person else {
        return Vec::new();
    };
    let people = pair_people(person);
    let mut inlines = Vec::new();
    if let [one] = people.as_slice() {
        if let Some(phone) = &one.phone {
            inlines.extend(markdown::plain_inline(phone));
        }
        if let Some(line) = one.name_line() {
            if !inlines.is_empty() {
                inlines.push(Node::Linebreak);
            }
            inlines.extend(markdown::plain_inline(&line));
        }
    } else {
        for p in &people {
            if !inlines.is_empty() {
                inlines.push(Node::Linebreak);
            }
            let line = [p.phone.clone(), p.name_line()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("　");
            inlines.extend(markdown::plain_inline(&line));
        }
    }
    if inlines.is_empty() {
        Vec::new()
    } else {
        vec![Node::Paragraph { c: inlines }]
    }
}

/// Separators between several names, titles or phones written in one field.
const LIST_SEPARATORS: [char; 6] = ['、', '，', ',', '；', ';', '/'];

/// Splits a person line written for several people (`name = "李四 王五"`,
/// `phone = "0351-1234561、0351-1234562"`) into one entry per person with that person's phone.
/// Names split at spaces and list separators, phones at list separators (or spaces between
/// whole numbers). Equal counts pair in order; one name keeps every phone; one phone is shared
/// by every name; any other mix cannot be paired and stays as written.
pub fn pair_people(person: &PersonView) -> Vec<PersonView> {
    if person.is_empty() {
        return Vec::new();
    }
    let names = person
        .name
        .as_deref()
        .map(|n| split_list(n, true))
        .unwrap_or_default();
    let phones = person
        .phone
        .as_deref()
        .map(split_phones)
        .unwrap_or_default();
    // Titles split at spaces only when that gives one title per name.
    let titles = person
        .title
        .as_deref()
        .map(|t| {
            let listed = split_list(t, false);
            let spaced = split_list(t, true);
            if listed.len() != names.len() && spaced.len() == names.len() {
                spaced
            } else {
                listed
            }
        })
        .unwrap_or_default();
    let title_for = |i: usize| -> Option<String> {
        if titles.len() == names.len() && titles.len() > 1 {
            titles.get(i).cloned()
        } else {
            person.title.clone()
        }
    };
    let entry = |name: Option<&String>, title: Option<String>, phone: Option<&String>| PersonView {
        name: name.cloned(),
        title,
        phone: phone.cloned(),
    };
    match (names.len(), phones.len()) {
        (n, p) if n > 1 && n == p => (0..n)
            .map(|i| entry(names.get(i), title_for(i), phones.get(i)))
            .collect(),
        (n, p) if n <= 1 && p > 1 => phones
            .iter()
            .map(|phone| entry(names.first(), person.title.clone(), Some(phone)))
            .collect(),
        (n, p) if n > 1 && p <= 1 => (0..n)
            .map(|i| entry(names.get(i), title_for(i), phones.first()))
            .collect(),
        _ => vec![person.clone()],
    }
}

fn split_list(s: &str, at_spaces: bool) -> Vec<String> {
    s.split(|c: char| LIST_SEPARATORS.contains(&c) || (at_spaces && c.is_whitespace()))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Phones split at list separators; at spaces too when every part is a whole number (7+ digits).
fn split_phones(s: &str) -> Vec<String> {
    let parts = split_list(s, false);
    if parts.len() == 1 {
        let spaced = split_list(s, true);
        let whole = |p: &String| p.chars().filter(char::is_ascii_digit).count() >= 7;
        if spaced.len() > 1 && spaced.iter().all(whole) {
            return spaced;
        }
    }
    parts
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

/// The number printed before an item's name: its `seq` in Chinese numerals, else its position.
fn heading_number(seq: Option<&str>, index: usize) -> String {
    match seq {
        Some(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) => {
            s.parse().map(to_chinese).unwrap_or_else(|_| s.to_string())
        }
        Some(s) if !s.is_empty() => s.to_string(),
        _ => to_chinese(index as u64 + 1),
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
            .map(|n: usize| heading_number(None, n - 1))
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
            agency = "示例市医疗保障局"
            materials = ["统一社会信用代码证书", "《登记表》（加盖单位公章）"]
            legal_basis = ["《中华人民共和国社会保险法》第五十七条"]
            time_limit = "不超过5个工作日"
            consult = { phone = "0351-1234560", name = "张三", title = "职工医保中心副主任" }
            steps = "申请—受理—审核—办结"
        "#;
        let item: Item = toml::from_str(toml).unwrap();
        let j = JurisdictionView {
            name: "示例市".into(),
            level: "county".into(),
            agency: "示例市医疗保障局".into(),
            guide_title: "指南".into(),
            style: DEFAULT_STYLE.into(),
            edition: None,
            edition_cn: None,
            offices: vec![],
            portals: vec![],
            supervision_phone: Some("0351-7654321".into()),
            area_code: Some("0351".into()),
            notice_mark: None,
            notice_number: None,
            contacts: vec![PersonView {
                name: Some("钱七".into()),
                title: Some("法规科负责人".into()),
                phone: Some("0351-7654321".into()),
            }],
            notes: vec![],
        };
        let view = ItemView::from_item(&item, 0, &j);
        assert_eq!(view.key, "132036001001");
        assert_eq!(view.number, "一");
        let keys: Vec<_> = view.fields.iter().map(|f| f.key.as_str()).collect();
        // Every non-empty field, in FIELD_KEYS order; no numbers: the style numbers them.
        assert_eq!(
            keys,
            [
                "agency",
                "legal_basis",
                "materials",
                "time_limit",
                "consult",
                "supervision",
                "steps"
            ]
        );
        let supervision = markdown::to_plain_text(&view.fields[5].content);
        assert_eq!(supervision, "0351-7654321\n钱七（法规科负责人）");
        assert!(matches!(&view.fields[2].content[0], Node::List { items, .. } if items.len() == 2));
    }

    fn jurisdiction(toml: &str) -> JurisdictionView {
        JurisdictionView::from_file(&toml::from_str::<JurisdictionFile>(toml).unwrap())
    }

    /// 某市 had no 咨询电话 column: an item with no phone of its own takes the jurisdiction's,
    /// else the nearest parent's, with that parent's area code; its own phones come first.
    #[test]
    fn notice_rows_take_missing_phones_from_the_jurisdiction_then_its_parents() {
        let county = jurisdiction(
            "name = \"某县\"\nlevel = \"county\"\nparent = \"某市\"\narea_code = \"0354\"\n",
        );
        let city = jurisdiction(concat!(
            "name = \"某市\"\nlevel = \"city\"\nparent = \"示例省\"\narea_code = \"0351\"\n",
            "supervision_phone = \"6000529\"\n",
            "[[offices]]\nname = \"市医保服务大厅\"\nphone = \"6000500\"\n",
        ));
        let province = jurisdiction(
            "name = \"示例省\"\nlevel = \"province\"\nsupervision_phone = \"12345\"\n",
        );
        let bare: Item = toml::from_str("name = \"生育津贴支付\"").unwrap();
        let own: Item =
            toml::from_str("name = \"住院费用报销\"\nconsult = { phone = \"3000172\" }").unwrap();
        let items = [
            ItemView::from_item(&bare, 0, &county),
            ItemView::from_item(&own, 1, &county),
        ];
        let parents = [city.clone(), province.clone()];
        let n = NoticeData::new(&county, &parents, "公告", "2023-06-01", "正文", &items);
        let phones = |r: &NoticeRow| (r.consult_phone.clone(), r.supervision_phone.clone());
        assert_eq!(
            phones(&n.rows[0]),
            (Some("0351-6000500".into()), Some("0351-6000529".into()))
        );
        assert_eq!(
            phones(&n.rows[1]),
            (Some("0354-3000172".into()), Some("0351-6000529".into()))
        );
        // Without parents nothing is made up; the province's own number is the last resort.
        let alone = NoticeData::new(&county, &[], "公告", "2023-06-01", "正文", &items);
        assert_eq!(phones(&alone.rows[0]), (None, None));
        let far = NoticeData::new(&county, &[province], "公告", "2023-06-01", "正文", &items);
        assert_eq!(far.rows[0].supervision_phone.as_deref(), Some("12345"));
    }

    fn person(name: &str, title: Option<&str>, phone: &str) -> PersonView {
        PersonView {
            name: Some(name.into()),
            title: title.map(Into::into),
            phone: Some(phone.into()),
        }
    }

    fn pairs(people: &[PersonView]) -> Vec<(String, String)> {
        people
            .iter()
            .map(|p| {
                (
                    p.name.clone().unwrap_or_default(),
                    p.phone.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn two_names_and_two_phones_pair_in_order() {
        let p = person("李四 王五", None, "0351-1234561、0351-1234562");
        assert_eq!(
            pairs(&pair_people(&p)),
            [
                ("李四".into(), "0351-1234561".into()),
                ("王五".into(), "0351-1234562".into())
            ]
        );
        // Other joinings: 、 between names, spaces or ； between phones.
        let p = person("赵六、王五", None, "0351-1234561 0351-1234562");
        assert_eq!(pair_people(&p).len(), 2);
        let p = person("赵六，王五", None, "0351-1234561；0351-1234562");
        assert_eq!(pairs(&pair_people(&p))[1].1, "0351-1234562");
    }

    #[test]
    fn one_name_keeps_all_phones_one_phone_is_shared() {
        let p = person("张三", Some("副主任"), "0351-1234560、0351-1234562");
        let got = pair_people(&p);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|g| g.name.as_deref() == Some("张三")));
        let p = person(
            "李四 王五",
            Some("城乡医保中心副主任 职工医保中心副主任"),
            "0351-1234561",
        );
        let got = pair_people(&p);
        assert_eq!(got[1].title.as_deref(), Some("职工医保中心副主任"));
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .all(|g| g.phone.as_deref() == Some("0351-1234561"))
        );
        // Three names, two phones: no honest pairing; printed as written.
        let p = person("甲 乙 丙", None, "0351-1234561、0351-1234562");
        assert_eq!(pair_people(&p), vec![p.clone()]);
        // A single person with a phone that has an extension stays whole.
        let p = person("张三", None, "0351-1234560 转 8001");
        assert_eq!(pair_people(&p), vec![p.clone()]);
    }

    #[test]
    fn paired_people_print_one_line_each() {
        let p = person("李四 王五", None, "0351-1234561、0351-1234562");
        let text = markdown::to_plain_text(&person_blocks(Some(&p)));
        assert_eq!(text, "0351-1234561　李四\n0351-1234562　王五");
    }
}
