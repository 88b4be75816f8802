//! Developer tool: renders every flowchart found under the given folders (default `counties/` and
//! `tests/fixtures/flows/`) plus two generated charts to SVG files in an output folder.
//!
//! `cargo run --example flow_render -- [out-dir] [source-dir…]`

use std::path::{Path, PathBuf};

use zhinan::flow::{self, FlowGraph, Metrics, SvgStyle};
use zhinan::model::ItemFile;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("out").join("flow-examples"));
    let mut dirs: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs = vec!["counties".into(), "tests/fixtures/flows".into()];
    }
    std::fs::create_dir_all(&out).expect("create output folder");
    let metrics = Metrics::system();
    eprintln!("font: {:?}", metrics.family());
    let style = SvgStyle::default();
    let mut charts: Vec<(String, FlowGraph)> = vec![
        (
            "generated-4".into(),
            flow::generate_from_steps("生成：四步", "申请—受理—审核—办结"),
        ),
        (
            "generated-5".into(),
            flow::generate_from_steps("生成：五步", "申请—受理—审核—拨付—办结"),
        ),
    ];
    for dir in &dirs {
        charts.extend(load(dir));
    }
    for (name, graph) in &charts {
        let svg = flow::render_svg(graph, &metrics, &style);
        let path = out.join(format!("{name}.svg"));
        std::fs::write(&path, svg).expect("write svg");
        for p in flow::validate(graph) {
            eprintln!("{name}: {p}");
        }
    }
    eprintln!("{} charts written to {}", charts.len(), out.display());
}

fn load(dir: &Path) -> Vec<(String, FlowGraph)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") || path.ends_with("jurisdiction.toml") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read");
        let file: ItemFile = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                continue;
            }
        };
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let county = path
            .ancestors()
            .nth(2)
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        for item in &file.items {
            for (k, graph) in flow::item_flows(item.get_ref()).into_iter().enumerate() {
                if item.get_ref().flow.is_empty() {
                    continue;
                }
                out.push((format!("{county}-{stem}-{k}"), graph));
            }
        }
    }
    out
}
