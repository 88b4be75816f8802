//! Open data of 霸州市 (this repository's sources): JSON parses back into the documented types and
//! validates against its schema's shape, CSV is UTF-8 with a BOM, one row per item, with stable
//! columns (snapshot) and the governing catalog code in each row.

use std::path::PathBuf;

use zhinan::opendata::{COLUMNS, OpenData, files, schema};
use zhinan::resolve::{Project, load_project};

fn project() -> Project {
    load_project(&PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|_| panic!("sources load"))
}

fn bazhou() -> Vec<(String, Vec<u8>)> {
    let p = project();
    files(&p, p.find("霸州市").unwrap())
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name}"))
        .1
}

#[test]
fn json_parses_back() {
    let files = bazhou();
    let data: OpenData = serde_json::from_slice(file(&files, "data/items.json")).unwrap();
    assert_eq!(data.jurisdiction, "霸州市");
    assert_eq!(data.items.len(), 29);
    let first = &data.items[0];
    assert_eq!(first.code.as_deref(), Some("132036001001"));
    assert_eq!(first.catalog_code.as_deref(), Some("132036001001"));
    assert!(!first.materials.is_empty());
    // An item outside the catalog has no governing code.
    let local = data
        .items
        .iter()
        .find(|i| i.id.as_deref() == Some("jubao-jiangli"))
        .unwrap();
    assert_eq!(local.catalog_code, None);
}

#[test]
fn schema_describes_every_column() {
    let files = bazhou();
    let written: serde_json::Value =
        serde_json::from_slice(file(&files, "data/items.schema.json")).unwrap();
    assert_eq!(written, schema());
    let item = &written["$defs"]["OpenItem"];
    let props = item["properties"].as_object().expect("OpenItem properties");
    for column in COLUMNS {
        assert!(props.contains_key(column), "{column} not in the schema");
    }
    assert_eq!(
        props.len(),
        COLUMNS.len(),
        "every schema property is a CSV column"
    );
    let required: Vec<&str> = written["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"items"));
}

#[test]
fn csv_has_bom_stable_columns_and_one_row_per_item() {
    let files = bazhou();
    let bytes = file(&files, "data/items.csv");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 byte-order mark"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    insta::assert_snapshot!("csv_columns", header.join(","));
    assert_eq!(header, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 29);
    let code = header.iter().position(|h| h == "catalog_code").unwrap();
    let name = header.iter().position(|h| h == "name").unwrap();
    let materials = header.iter().position(|h| h == "materials").unwrap();
    assert_eq!(&rows[0][name], "单位参保登记");
    assert_eq!(&rows[0][code], "132036001001");
    // Lists are one cell, one entry per line; commas and quotes survive.
    assert!(rows[0][materials].contains('\n'));
    let json: OpenData = serde_json::from_slice(file(&files, "data/items.json")).unwrap();
    for (row, item) in rows.iter().zip(&json.items) {
        assert_eq!(&row[name], item.name);
        assert_eq!(row[materials].to_string(), item.materials.join("\n"));
    }
}
