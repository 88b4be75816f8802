//! Plain serde types for the TOML sources, exactly as authors write them (see `counties/README.md`).
//!
//! Every string keeps its byte span in its file (`Spanned`), so later stages can point a diagnostic at
//! the exact characters an author typed. Nothing here knows about inheritance: that is `resolve`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use toml::Spanned;

/// A string with its span in the source file.
pub type Text = Spanned<String>;

/// Level of a jurisdiction in the province → city → county tree.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    City,
    County,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
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
    pub notice: Option<NoticeSpec>,
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
    /// 发文机关标志 of the optional 版头 (GB/T 9704 §7.2.4), e.g. `霸州市医疗保障局文件`, printed in
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
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    #[schemars(with = "Option<String>")]
    pub code: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub id: Option<Text>,
    #[serde(default)]
    pub local: bool,
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
    #[serde(default)]
    #[schemars(with = "Vec<Flow>")]
    pub flow: Vec<Spanned<Flow>>,
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
