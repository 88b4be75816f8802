//! Where in a document's data a typst error points: the data is one long JSON line
//! (`<data.json>:1:3153` says nothing to an editor), so the offset is turned into the path of the
//! value it falls in, with the item (code, name) and field key met on the way:
//! `items[3]（132036001001 单位参保登记）.fields[4]（conditions）`.

/// The container being read and where in it the scan is. An object keeps the `code`, `key` and
/// `name` strings read so far (an item's and a field's come before their contents), so nothing
/// has to be parsed: the data may be JSON that a parser refuses (nested too deep).
enum Frame {
    Object {
        key: Option<String>,
        want_key: bool,
        names: Vec<(String, String)>,
    },
    Array {
        index: usize,
    },
}

/// The open containers at byte `offset` of `json`, outermost first.
fn frames_at(json: &str, offset: usize) -> Vec<Frame> {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() && i <= offset {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
                names: Vec::new(),
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len() - 1);
                let text: Option<String> = json
                    .get(start..=end)
                    .and_then(|s| serde_json::from_str(s).ok());
                if let Some(Frame::Object {
                    key,
                    want_key,
                    names,
                }) = stack.last_mut()
                {
                    if *want_key {
                        *key = text;
                    } else if let (Some(k), Some(v)) = (key.as_ref(), text)
                        && matches!(k.as_str(), "code" | "key" | "name")
                    {
                        names.push((k.clone(), v));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// What an object is called in a message: an item by its code (or key) and name, a field by its key.
fn name_of(names: &[(String, String)]) -> Option<String> {
    let get = |k: &str| names.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    match (get("code").or(get("key")), get("name")) {
        (Some(code), Some(name)) => Some(format!("{code} {name}")),
        (Some(key), None) => Some(key.to_string()),
        (None, Some(name)) => Some(name.to_string()),
        (None, None) => None,
    }
}

/// The readable path of byte `offset` of a document's data, or `None` when it is not inside any
/// value. The `data` envelope of the templates is left out.
pub fn describe(json: &str, offset: usize) -> Option<String> {
    let frames = frames_at(json, offset);
    let mut out = String::new();
    for (n, frame) in frames.iter().enumerate() {
        match frame {
            Frame::Object { key: Some(k), .. } if n == 0 && k == "data" => {}
            Frame::Object { key: Some(k), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                out.push_str(&format!("[{index}]"));
                if let Some(Frame::Object { names, .. }) = frames.get(n + 1)
                    && let Some(name) = name_of(names)
                {
                    out.push_str(&format!("（{name}）"));
                }
            }
        }
    }
    // A value nested hundreds deep: the item and field at the start are what the reader needs.
    const KEEP: usize = 160;
    if out.chars().count() > KEEP {
        out = out.chars().take(KEEP).collect::<String>() + "…";
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"{"fonts":{"body":"FandolFang"},"data":{"jurisdiction":{"name":"示例市"},"items":[{"key":"a","code":"132036001001","name":"单位参保登记","fields":[{"key":"agency","content":"x"}]},{"key":"b","code":"132036001002","name":"职工参保登记","fields":[{"key":"agency","content":"医保局"},{"key":"conditions","content":"在\"职\"职工"}]}]}}"#;

    #[test]
    fn an_offset_names_the_item_and_the_field() {
        let at = DATA.find("在").unwrap();
        assert_eq!(
            describe(DATA, at).unwrap(),
            "items[1]（132036001002 职工参保登记）.fields[1]（conditions）.content"
        );
        let at = DATA.find("示例市").unwrap();
        assert_eq!(describe(DATA, at).unwrap(), "jurisdiction.name");
        let at = DATA.find("医保局").unwrap();
        assert_eq!(
            describe(DATA, at).unwrap(),
            "items[1]（132036001002 职工参保登记）.fields[0]（agency）.content"
        );
    }

    #[test]
    fn outside_any_value_is_none() {
        assert_eq!(describe(DATA, 0), None);
        assert_eq!(describe("not json", 3), None);
        assert_eq!(describe(DATA, DATA.len() + 10), None);
    }

    /// Nested deeper than a JSON parser accepts (typst's refuses past 128 levels, with an error at
    /// the offset): the path and the item are still named.
    #[test]
    fn data_too_deep_to_parse_is_still_described() {
        let deep = format!(
            "{{\"data\":{{\"items\":[{{\"code\":\"1\",\"name\":\"甲\",\"notes\":{}x{}}}]}}}}",
            "[".repeat(300),
            "]".repeat(300)
        );
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
        let at = deep.find('x').unwrap();
        let path = describe(&deep, at).unwrap();
        assert!(path.starts_with("items[0]（1 甲）.notes[0][0]"), "{path}");
    }
}
