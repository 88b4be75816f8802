//! Open data: a jurisdiction's resolved items, one record per item, as JSON (with a JSON Schema)
//! and as CSV for spreadsheets, under `out/<jurisdiction>/data/`:
//!
//! ```text
//! data/items.json         { jurisdiction, level, agency, edition, items: [OpenItem] }
//! data/items.schema.json  JSON Schema (draft 2020-12) of items.json
//! data/items.csv          UTF-8 with BOM, one row per item, the columns of [`COLUMNS`]
//! ```
//!
//! The column names are part of the format: they are the field names of [`OpenItem`] and change
//! only with a new major version. Lists (materials, legal basis) are one cell with one entry per
//! line.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lint::governing::governing;
use crate::model::{Item, Person, Text};
use crate::resolve::{Project, ResolvedItem};

/// One item as published (every inherited value filled in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OpenItem {
    /// The jurisdiction that publishes the item (示例市).
    pub jurisdiction: String,
    /// The item's code (子项编码), when it has one.
    pub code: Option<String>,
    /// The code of the provincial catalog item that governs this one (the same code, or the item
    /// matched by name); empty for local items.
    pub catalog_code: Option<String>,
    /// The item's id, for items without a code.
    pub id: Option<String>,
    /// Not in the provincial catalog: an item of this jurisdiction only.
    pub local: bool,
    pub seq: Option<String>,
    pub name: String,
    /// 主项编码 and 主项名称.
    pub main_code: Option<String>,
    pub main_name: Option<String>,
    pub power_code: Option<String>,
    pub power_type: Option<String>,
    /// 实施机构.
    pub agency: Option<String>,
    pub address: Option<String>,
    /// 服务对象.
    pub target: Option<String>,
    /// 设定依据, one entry per citation.
    pub legal_basis: Vec<String>,
    pub conditions: Option<String>,
    /// 申请材料, one entry per material.
    pub materials: Vec<String>,
    /// 承诺办理时限 as published.
    pub time_limit: Option<String>,
    pub fee: Option<String>,
    pub department: Option<String>,
    /// 网上申报地址 (free text, may hold a web address).
    pub online: Option<String>,
    pub consult_phone: Option<String>,
    pub supervision_phone: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub accepting_unit: Option<String>,
    pub channels: Option<String>,
    pub steps: Option<String>,
    pub query: Option<String>,
    pub evaluation: Option<String>,
    pub notes: Option<String>,
}

/// `data/items.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OpenData {
    pub jurisdiction: String,
    /// `province`, `city` or `county`.
    pub level: String,
    pub agency: Option<String>,
    pub edition: Option<String>,
    pub items: Vec<OpenItem>,
}

/// The CSV columns, in order: the field names of [`OpenItem`].
pub const COLUMNS: [&str; 31] = [
    "jurisdiction",
    "code",
    "catalog_code",
    "id",
    "local",
    "seq",
    "name",
    "main_code",
    "main_name",
    "power_code",
    "power_type",
    "agency",
    "address",
    "target",
    "legal_basis",
    "conditions",
    "materials",
    "time_limit",
    "fee",
    "department",
    "online",
    "consult_phone",
    "supervision_phone",
    "contact_name",
    "contact_phone",
    "accepting_unit",
    "channels",
    "steps",
    "query",
    "evaluation",
    "notes",
];

fn text(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(|t| t.get_ref().clone())
}

fn texts(t: &Option<Vec<Text>>) -> Vec<String> {
    t.iter().flatten().map(|t| t.get_ref().clone()).collect()
}

fn phone(p: &Option<toml::Spanned<Person>>) -> Option<String> {
    p.as_ref().and_then(|p| text(&p.get_ref().phone))
}

impl OpenItem {
    fn new(project: &Project, j: usize, r: &ResolvedItem) -> OpenItem {
        let jur = &project.jurisdictions[j];
        let i: &Item = &r.item;
        let catalog_code = if project.is_catalog(j) {
            r.code().map(str::to_string)
        } else {
            governing(project, j, r).and_then(|c| c.code().map(str::to_string))
        };
        OpenItem {
            jurisdiction: jur.name.clone(),
            code: text(&i.code),
            catalog_code,
            id: text(&i.id),
            local: i.local,
            seq: text(&i.seq),
            name: r.name().to_string(),
            main_code: r.main.as_ref().map(|(_, m)| m.code.get_ref().clone()),
            main_name: r.main.as_ref().map(|(_, m)| m.name.get_ref().clone()),
            power_code: text(&i.power_code),
            power_type: text(&i.power_type),
            agency: text(&i.agency).or_else(|| text(&jur.data.agency)),
            address: text(&i.address),
            target: text(&i.target),
            legal_basis: texts(&i.legal_basis),
            conditions: text(&i.conditions),
            materials: texts(&i.materials),
            time_limit: text(&i.time_limit),
            fee: text(&i.fee),
            department: text(&i.department),
            online: text(&i.online),
            consult_phone: phone(&i.consult),
            supervision_phone: phone(&i.supervision).or_else(|| text(&jur.data.supervision_phone)),
            contact_name: i.contact.as_ref().and_then(|p| text(&p.get_ref().name)),
            contact_phone: phone(&i.contact),
            accepting_unit: text(&i.accepting_unit),
            channels: text(&i.channels),
            steps: text(&i.steps),
            query: text(&i.query),
            evaluation: text(&i.evaluation),
            notes: text(&i.notes),
        }
    }

    /// The CSV cells, in [`COLUMNS`] order.
    fn cells(&self) -> Vec<String> {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.jurisdiction.clone(),
            o(&self.code),
            o(&self.catalog_code),
            o(&self.id),
            self.local.to_string(),
            o(&self.seq),
            self.name.clone(),
            o(&self.main_code),
            o(&self.main_name),
            o(&self.power_code),
            o(&self.power_type),
            o(&self.agency),
            o(&self.address),
            o(&self.target),
            self.legal_basis.join("\n"),
            o(&self.conditions),
            self.materials.join("\n"),
            o(&self.time_limit),
            o(&self.fee),
            o(&self.department),
            o(&self.online),
            o(&self.consult_phone),
            o(&self.supervision_phone),
            o(&self.contact_name),
            o(&self.contact_phone),
            o(&self.accepting_unit),
            o(&self.channels),
            o(&self.steps),
            o(&self.query),
            o(&self.evaluation),
            o(&self.notes),
        ]
    }
}

impl OpenData {
    /// The items of jurisdiction `j`, in guide order.
    pub fn new(project: &Project, j: usize) -> OpenData {
        let jur = &project.jurisdictions[j];
        OpenData {
            jurisdiction: jur.name.clone(),
            level: jur.level.as_str().to_string(),
            agency: text(&jur.data.agency),
            edition: text(&jur.data.edition),
            items: jur
                .items
                .iter()
                .map(|r| OpenItem::new(project, j, r))
                .collect(),
        }
    }

    /// UTF-8 CSV with a byte-order mark (so that spreadsheet programs read it as UTF-8).
    pub fn to_csv(&self) -> Vec<u8> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut out);
            // Writing into memory cannot fail.
            let _ = w.write_record(COLUMNS);
            for item in &self.items {
                let _ = w.write_record(item.cells());
            }
            let _ = w.flush();
        }
        out
    }
}

/// The JSON Schema of `items.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(OpenData)).unwrap_or_default()
}

/// Every open-data file of jurisdiction `j`, paths under its folder (`data/…`).
pub fn files(project: &Project, j: usize) -> Vec<(String, Vec<u8>)> {
    let data = OpenData::new(project, j);
    let pretty = |v: &serde_json::Value| {
        let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
        s.push('\n');
        s.into_bytes()
    };
    vec![
        (
            "data/items.json".to_string(),
            pretty(&serde_json::to_value(&data).unwrap_or_default()),
        ),
        ("data/items.schema.json".to_string(), pretty(&schema())),
        ("data/items.csv".to_string(), data.to_csv()),
    ]
}
