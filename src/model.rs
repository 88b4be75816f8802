//! Plain serde types for the TOML sources, exactly as authors write them (see `counties/README.md`).
//!
//! Every string keeps its byte span in its file (`Spanned`), so later stages can point a diagnostic at
//! the exact characters an author typed. Nothing here knows about inheritance: that is `resolve`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use toml::Spanned;

/// A string with its span in the source file.
pub type Text = Spanned<String>;

/// Level of a jurisdiction in the national → province → city → county tree.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The national list (全国医疗保障经办政务服务事项清单): optional, at most one, above the provinces.
    National,
    Province,
    City,
    County,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }
}

/// `jurisdiction.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionFile {
    #[schemars(with = "String")]
    pub name: Text,
    #[schemars(with = "Level")]
    pub level: Spanned<Level>,
    #[schemars(with = "Option<String>")]
    pub parent: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub agency: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub area_code: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub guide_title: Option<Text>,
    /// The guide's field set: `templates/styles/<style>.toml` (default `standard`).
    #[schemars(with = "Option<String>")]
    pub style: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub edition: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub supervision_phone: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub notes: Option<Text>,
    #[serde(default)]
    pub offices: Vec<Office>,
    #[serde(default)]
    pub portals: Vec<Portal>,
    #[serde(default)]
    pub contacts: Vec<Person>,
    /// Item fields applied to every item of this jurisdiction that does not set them.
    #[schemars(with = "Option<Item>")]
    pub defaults: Option<Spanned<Item>>,
    /// How the item codes of this catalog (a province's or the national list's) are made; it
    /// applies to every jurisdiction of the catalog's chain.
    pub code_scheme: Option<CodeScheme>,
    pub notice: Option<NoticeSpec>,
}

/// `[code_scheme]` of a catalog's `jurisdiction.toml`: the shape of its item codes, as data.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeScheme {
    /// Every item code, character by character: `9` a digit, `A` a capital letter, `[9Y]` one of
    /// the characters in brackets (`9` again any digit), any other character itself. Hebei:
    /// `13203699999[9Y]`.
    #[schemars(with = "String")]
    pub pattern: Text,
    /// How many leading characters a 子项 code shares with its 主项's (Hebei: 9).
    pub main_prefix: Option<usize>,
    /// The end of a 主项 code that has 子项 (Hebei: `00Y`).
    #[schemars(with = "Option<String>")]
    pub main_with_items: Option<Text>,
    /// The end of a 主项 code without 子项, whose only item carries the same code (Hebei: `000`).
    #[schemars(with = "Option<String>")]
    pub main_alone: Option<Text>,
    /// The scheme is what could be found, not confirmed from the catalog's own codes: a code that
    /// does not fit it is reported as an info, never as an error.
    #[serde(default)]
    pub unconfirmed: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Office {
    #[schemars(with = "String")]
    pub name: Text,
    #[schemars(with = "Option<String>")]
    pub address: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub phone: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Portal {
    #[schemars(with = "String")]
    pub name: Text,
    /// Absent for portals that are apps or WeChat accounts.
    #[schemars(with = "Option<String>")]
    pub url: Option<Text>,
    /// `false`: the name is descriptive only and the guide prints the URL alone.
    pub print_name: Option<bool>,
}

/// A person or a phone line: 联系人, 咨询电话, 监督电话.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[schemars(with = "Option<String>")]
    pub name: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub title: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub phone: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeSpec {
    #[schemars(with = "String")]
    pub title: Text,
    #[schemars(with = "String")]
    pub date: Text,
    /// Markdown file next to `jurisdiction.toml`.
    #[schemars(with = "String")]
    pub body: Text,
    /// 发文机关标志 of the optional 版头 (GB/T 9704 §7.2.4), e.g. `示例市医疗保障局文件`, printed in
    /// red above a red rule; without it the notice has no 版头.
    #[schemars(with = "Option<String>")]
    pub mark: Option<Text>,
    /// 发文字号 (e.g. `霸医保〔2023〕5号`), printed in the 版头 above the red rule.
    #[schemars(with = "Option<String>")]
    pub number: Option<Text>,
}

/// An item file: an optional 主项 and its items.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    pub main: Option<MainItem>,
    #[serde(default, rename = "item")]
    #[schemars(with = "Vec<Item>")]
    pub items: Vec<Spanned<Item>>,
}

/// A 主项 (main item) as published.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MainItem {
    #[schemars(with = "Option<String>")]
    pub seq: Option<Text>,
    #[schemars(with = "String")]
    pub code: Text,
    #[schemars(with = "String")]
    pub name: Text,
}

/// One service item (子项) or an overlay of one. Every field is optional so that a city or county
/// can override just what differs; `resolve` fills the rest from the parents and the catalog.
///
/// A new field is also listed in `item_fields!` below (the build fails until it is), which gives it
/// a [`Field`] and decides whether it inherits.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    #[schemars(with = "Option<String>")]
    pub code: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub id: Option<Text>,
    #[serde(default)]
    pub local: bool,
    /// The code (or id) of the catalog item one level up the chain that governs this item, when its
    /// own code differs: a county's own code under its province's item, a province's item under the
    /// national list's item.
    #[schemars(with = "Option<String>")]
    pub governed_by: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub seq: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub name: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub power_code: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub power_type: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub agency: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub address: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub target: Option<Text>,
    #[schemars(with = "Option<Vec<String>>")]
    pub legal_basis: Option<Vec<Text>>,
    #[schemars(with = "Option<String>")]
    pub conditions: Option<Text>,
    #[schemars(with = "Option<Vec<String>>")]
    pub materials: Option<Vec<Text>>,
    #[schemars(with = "Option<String>")]
    pub time_limit: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub fee: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub department: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub online: Option<Text>,
    #[schemars(with = "Option<Person>")]
    pub consult: Option<Spanned<Person>>,
    #[schemars(with = "Option<Person>")]
    pub supervision: Option<Spanned<Person>>,
    #[schemars(with = "Option<Person>")]
    pub contact: Option<Spanned<Person>>,
    #[schemars(with = "Option<String>")]
    pub accepting_unit: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub channels: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub steps: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub query: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub evaluation: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub notes: Option<Text>,
    /// 法定时限: the limit the law sets, printed beside the promised `time_limit` (承诺时限).
    #[schemars(with = "Option<String>")]
    pub legal_time_limit: Option<Text>,
    /// 办理时间: office hours.
    #[schemars(with = "Option<String>")]
    pub office_hours: Option<Text>,
    /// 办件类型: 即办件, 承诺件 ….
    #[schemars(with = "Option<String>")]
    pub case_type: Option<Text>,
    /// 事项类型 / 事项类别 when a guide prints it apart from the power type: 公共服务, 行政给付 ….
    #[schemars(with = "Option<String>")]
    pub item_type: Option<Text>,
    /// 办理层级: 省级, 市级, 县级 ….
    #[schemars(with = "Option<String>")]
    pub service_level: Option<Text>,
    /// 申请主体 / 服务对象类型: 自然人, 法人 ….
    #[schemars(with = "Option<String>")]
    pub applicant: Option<Text>,
    /// 咨询渠道 that are not a person with a phone: an address, a web page, a mailbox, 12345 ….
    #[schemars(with = "Option<Vec<String>>")]
    pub consult_channels: Option<Vec<Text>>,
    /// 投诉渠道 (监督投诉) that are not a phone: an address, a web page, a mailbox, 12345 ….
    #[schemars(with = "Option<Vec<String>>")]
    pub complaint_channels: Option<Vec<Text>>,
    /// Materials grouped by case (新参保 / 变更 / 港澳台人员 …), when a guide lists them so; printed
    /// after `materials` (which holds the materials every case needs, if any).
    #[schemars(with = "Option<Vec<MaterialGroup>>")]
    pub material_groups: Option<Vec<Spanned<MaterialGroup>>>,
    /// 设定依据 as structured entries (title, 文号, articles), besides the free-text `legal_basis`.
    #[schemars(with = "Option<Vec<LegalRef>>")]
    pub legal_refs: Option<Vec<Spanned<LegalRef>>>,
    #[serde(default)]
    #[schemars(with = "Vec<Flow>")]
    pub flow: Vec<Spanned<Flow>>,
}

/// One case of `material_groups`: `{ case = "新参保", materials = ["…", "…"] }`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaterialGroup {
    #[schemars(with = "String")]
    pub case: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub materials: Vec<Text>,
}

/// One entry of `legal_refs`: `{ title = "中华人民共和国社会保险法", number = "主席令第35号",
/// articles = ["第五十七条"] }` (the title without 《》).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    #[schemars(with = "String")]
    pub title: Text,
    #[schemars(with = "Option<String>")]
    pub number: Option<Text>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub articles: Vec<Text>,
}

impl LegalRef {
    /// The entry as a citation is written: 《title》（number）articles.
    pub fn citation(&self) -> String {
        let mut out = format!("《{}》", self.title.get_ref());
        if let Some(n) = &self.number {
            out.push_str(&format!("（{}）", n.get_ref()));
        }
        let articles: Vec<&str> = self.articles.iter().map(|a| a.get_ref().as_str()).collect();
        out.push_str(&articles.join("、"));
        out
    }
}

/// A 流程图 as authored.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    #[schemars(with = "Option<String>")]
    pub title: Option<Text>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub caption: Vec<Text>,
    #[serde(default)]
    #[schemars(with = "Vec<Node>")]
    pub nodes: Vec<Spanned<Node>>,
    #[serde(default)]
    #[schemars(with = "Vec<Edge>")]
    pub edges: Vec<Spanned<Edge>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Start,
    End,
    Step,
    Decision,
    Note,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    #[schemars(with = "String")]
    pub id: Text,
    #[schemars(with = "NodeKind")]
    pub kind: Spanned<NodeKind>,
    #[schemars(with = "String")]
    pub text: Text,
    #[schemars(with = "Option<String>")]
    pub attach: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    #[schemars(with = "String")]
    pub from: Text,
    #[schemars(with = "String")]
    pub to: Text,
    #[schemars(with = "Option<String>")]
    pub label: Option<Text>,
}

/// One field of an [`Item`], typed: merge, lint, `show` and the render labels name fields with this,
/// never with strings. [`Field::name`] is the TOML key (the only place the name is a string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Code,
    Id,
    Local,
    GovernedBy,
    Seq,
    Name,
    PowerCode,
    PowerType,
    Agency,
    Address,
    Target,
    LegalBasis,
    Conditions,
    Materials,
    TimeLimit,
    Fee,
    Department,
    Online,
    Consult,
    Supervision,
    Contact,
    AcceptingUnit,
    Channels,
    Steps,
    Query,
    Evaluation,
    Notes,
    LegalTimeLimit,
    OfficeHours,
    CaseType,
    ItemType,
    ServiceLevel,
    Applicant,
    ConsultChannels,
    ComplaintChannels,
    MaterialGroups,
    LegalRefs,
    Flow,
}

/// A field's value in an item, by the shape of the field.
#[derive(Debug, Clone, Copy)]
pub enum FieldValue<'a> {
    Text(Option<&'a Text>),
    List(Option<&'a Vec<Text>>),
    Person(Option<&'a Spanned<Person>>),
    Groups(Option<&'a Vec<Spanned<MaterialGroup>>>),
    Refs(Option<&'a Vec<Spanned<LegalRef>>>),
    Flag(bool),
    Flows(&'a [Spanned<Flow>]),
}

/// Copies a value into an unset field (the overlay rule: the first layer that sets a field wins).
trait Inherit {
    /// Returns whether a value was copied.
    fn inherit(&mut self, from: &Self) -> bool;
}

impl<T: Clone> Inherit for Option<T> {
    fn inherit(&mut self, from: &Self) -> bool {
        match (&self, from) {
            (None, Some(value)) => {
                *self = Some(value.clone());
                true
            }
            _ => false,
        }
    }
}

/// Declares every field of [`Item`] once: its [`Field`], its TOML key, its shape, and whether it
/// inherits (`inherits`) or belongs to the item's own declaration (`own`). The destructuring below stops the build when `Item` gains a field missing here.
macro_rules! item_fields {
    ($($variant:ident $key:ident: $shape:ident $inherits:ident),* $(,)?) => {
        impl Field {
            /// Every field, in the order of [`Item`].
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];

            /// The TOML key, e.g. `time_limit`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Field::$variant => stringify!($key)),*
                }
            }

            /// Does a county take this field from its defaults, parents and the catalog? Not
            /// `code`, `id`, `local`, `seq` (they identify the item) nor `flow` (flows come whole).
            pub fn inherits(self) -> bool {
                match self {
                    $(Field::$variant => item_fields!(@bool $inherits)),*
                }
            }
        }

        impl Item {
            /// The value of one field.
            pub fn get(&self, field: Field) -> FieldValue<'_> {
                match field {
                    $(Field::$variant => item_fields!(@get self.$key, $shape)),*
                }
            }

            /// Sets `field` from `from` when this item does not set it; returns whether it did.
            /// Only for inheriting fields ([`Field::inherits`]); the others are never copied.
            pub fn inherit(&mut self, field: Field, from: &Item) -> bool {
                match field {
                    $(Field::$variant => item_fields!(@inherit self.$key, from.$key, $inherits)),*
                }
            }
        }

        /// Compile-time check that the list above names every field of `Item`.
        const _: fn(&Item) = |item| {
            let Item { $($key: _),* } = item;
        };
    };
    (@get $value:expr, Text) => { FieldValue::Text($value.as_ref()) };
    (@get $value:expr, List) => { FieldValue::List($value.as_ref()) };
    (@get $value:expr, Person) => { FieldValue::Person($value.as_ref()) };
    (@get $value:expr, Groups) => { FieldValue::Groups($value.as_ref()) };
    (@get $value:expr, Refs) => { FieldValue::Refs($value.as_ref()) };
    (@get $value:expr, Flag) => { FieldValue::Flag($value) };
    (@get $value:expr, Flows) => { FieldValue::Flows(&$value) };
    (@inherit $dst:expr, $src:expr, inherits) => { $dst.inherit(&$src) };
    (@inherit $dst:expr, $src:expr, own) => { false };
    (@bool inherits) => { true };
    (@bool own) => { false };
}

item_fields!(
    Code code: Text own,
    Id id: Text own,
    Local local: Flag own,
    GovernedBy governed_by: Text own,
    Seq seq: Text own,
    Name name: Text inherits,
    PowerCode power_code: Text inherits,
    PowerType power_type: Text inherits,
    Agency agency: Text inherits,
    Address address: Text inherits,
    Target target: Text inherits,
    LegalBasis legal_basis: List inherits,
    Conditions conditions: Text inherits,
    Materials materials: List inherits,
    TimeLimit time_limit: Text inherits,
    Fee fee: Text inherits,
    Department department: Text inherits,
    Online online: Text inherits,
    Consult consult: Person inherits,
    Supervision supervision: Person inherits,
    Contact contact: Person inherits,
    AcceptingUnit accepting_unit: Text inherits,
    Channels channels: Text inherits,
    Steps steps: Text inherits,
    Query query: Text inherits,
    Evaluation evaluation: Text inherits,
    Notes notes: Text inherits,
    LegalTimeLimit legal_time_limit: Text inherits,
    OfficeHours office_hours: Text inherits,
    CaseType case_type: Text inherits,
    ItemType item_type: Text inherits,
    ServiceLevel service_level: Text inherits,
    Applicant applicant: Text inherits,
    ConsultChannels consult_channels: List inherits,
    ComplaintChannels complaint_channels: List inherits,
    MaterialGroups material_groups: Groups inherits,
    LegalRefs legal_refs: Refs inherits,
    Flow flow: Flows own,
);

/// The TOML key, as messages name the field.
impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Field {
    /// The field with this TOML key.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// The parts of a [`Person`] (`consult.phone`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PersonPart {
    Name,
    Title,
    Phone,
}

impl PersonPart {
    pub const ALL: [PersonPart; 3] = [PersonPart::Name, PersonPart::Title, PersonPart::Phone];

    pub fn name(self) -> &'static str {
        match self {
            PersonPart::Name => "name",
            PersonPart::Title => "title",
            PersonPart::Phone => "phone",
        }
    }

    /// This part of a person.
    pub fn of(self, person: &Person) -> Option<&Text> {
        match self {
            PersonPart::Name => person.name.as_ref(),
            PersonPart::Title => person.title.as_ref(),
            PersonPart::Phone => person.phone.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field's name is a key `Item` accepts (and the enum's order is `Item`'s).
    #[test]
    fn field_names_are_item_keys() {
        for field in Field::ALL {
            let value = match field {
                Field::Local => "true",
                Field::LegalBasis
                | Field::Materials
                | Field::ConsultChannels
                | Field::ComplaintChannels
                | Field::MaterialGroups
                | Field::LegalRefs
                | Field::Flow => "[]",
                Field::Consult | Field::Supervision | Field::Contact => "{}",
                _ => "\"x\"",
            };
            let toml = format!("{} = {value}", field.name());
            let parsed: Result<Item, _> = toml::from_str(&toml);
            assert!(parsed.is_ok(), "`{toml}`: {parsed:?}");
            assert_eq!(Field::from_name(field.name()), Some(*field));
        }
        let mut sorted = Field::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, Field::ALL);
    }

    #[test]
    fn inherit_copies_only_unset_inheriting_fields() {
        let from: Item = toml::from_str("name = \"甲\"\nfee = \"不收费\"\ncode = \"1\"").unwrap();
        let mut item: Item = toml::from_str("name = \"乙\"").unwrap();
        assert!(!item.inherit(Field::Name, &from));
        assert!(item.inherit(Field::Fee, &from));
        assert!(!item.inherit(Field::Code, &from));
        assert_eq!(item.name.unwrap().into_inner(), "乙");
        assert_eq!(item.fee.unwrap().into_inner(), "不收费");
        assert!(item.code.is_none());
    }
}
