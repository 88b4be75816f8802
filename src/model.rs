//! Plain serde types for the TOML sources, exactly as authors write them (see `counties/README.md`).
//!
//! Every string keeps its byte span in its file (`Spanned`), so later stages can point a diagnostic at
//! the exact characters an author typed. Nothing here knows about inheritance: that is `resolve`.

use serde::{Deserialize, Serialize};
pub use toml::Spanned;

/// A string with its span in the source file.
pub type Text = Spanned<String>;

/// Level of a jurisdiction in the province → city → county tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
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
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionFile {
    pub name: Text,
    pub level: Spanned<Level>,
    pub parent: Option<Text>,
    pub agency: Option<Text>,
    pub area_code: Option<Text>,
    pub guide_title: Option<Text>,
    /// The guide's field set: `templates/styles/<style>.toml` (default `standard`).
    pub style: Option<Text>,
    pub edition: Option<Text>,
    pub supervision_phone: Option<Text>,
    pub notes: Option<Text>,
    #[serde(default)]
    pub offices: Vec<Office>,
    #[serde(default)]
    pub portals: Vec<Portal>,
    #[serde(default)]
    pub contacts: Vec<Person>,
    /// Item fields applied to every item of this jurisdiction that does not set them.
    pub defaults: Option<Spanned<Item>>,
    pub notice: Option<NoticeSpec>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub name: Text,
    pub address: Option<Text>,
    pub phone: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Portal {
    pub name: Text,
    /// Absent for portals that are apps or WeChat accounts.
    pub url: Option<Text>,
    /// `false`: the name is descriptive only and the guide prints the URL alone.
    pub print_name: Option<bool>,
}

/// A person or a phone line: 联系人, 咨询电话, 监督电话.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Option<Text>,
    pub title: Option<Text>,
    pub phone: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSpec {
    pub title: Text,
    pub date: Text,
    /// Markdown file next to `jurisdiction.toml`.
    pub body: Text,
    /// 发文机关标志 of the optional 版头 (GB/T 9704 §7.2.4), e.g. `霸州市医疗保障局文件`, printed in
    /// red above a red rule; without it the notice has no 版头.
    pub mark: Option<Text>,
    /// 发文字号 (e.g. `霸医保〔2023〕5号`), printed in the 版头 above the red rule.
    pub number: Option<Text>,
}

/// An item file: an optional 主项 and its items.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    pub main: Option<MainItem>,
    #[serde(default, rename = "item")]
    pub items: Vec<Spanned<Item>>,
}

/// A 主项 (main item) as published.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MainItem {
    pub seq: Option<Text>,
    pub code: Text,
    pub name: Text,
}

/// One service item (子项) or an overlay of one. Every field is optional so that a city or county
/// can override just what differs; `resolve` fills the rest from the parents and the catalog.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: Option<Text>,
    pub id: Option<Text>,
    #[serde(default)]
    pub local: bool,
    pub seq: Option<Text>,
    pub name: Option<Text>,
    pub power_code: Option<Text>,
    pub power_type: Option<Text>,
    pub agency: Option<Text>,
    pub address: Option<Text>,
    pub target: Option<Text>,
    pub legal_basis: Option<Vec<Text>>,
    pub conditions: Option<Text>,
    pub materials: Option<Vec<Text>>,
    pub time_limit: Option<Text>,
    pub fee: Option<Text>,
    pub department: Option<Text>,
    pub online: Option<Text>,
    pub consult: Option<Spanned<Person>>,
    pub supervision: Option<Spanned<Person>>,
    pub contact: Option<Spanned<Person>>,
    pub accepting_unit: Option<Text>,
    pub channels: Option<Text>,
    pub steps: Option<Text>,
    pub query: Option<Text>,
    pub evaluation: Option<Text>,
    pub notes: Option<Text>,
    #[serde(default)]
    pub flow: Vec<Spanned<Flow>>,
}

/// A 流程图 as authored.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub title: Option<Text>,
    #[serde(default)]
    pub caption: Vec<Text>,
    #[serde(default)]
    pub nodes: Vec<Spanned<Node>>,
    #[serde(default)]
    pub edges: Vec<Spanned<Edge>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Start,
    End,
    Step,
    Decision,
    Note,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: Text,
    pub kind: Spanned<NodeKind>,
    pub text: Text,
    pub attach: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub from: Text,
    pub to: Text,
    pub label: Option<Text>,
}
