//! The fields real guides have (法定时限, 办理时间, 办件类型, 事项类型, 办理层级, 申请主体, channels that
//! are addresses, pages or mailboxes): they load, `show` lists them, and the standard guide prints them
//! (read back with pdftotext).

use std::path::Path;
use std::process::Command;

const PROVINCE: &str = "name = \"测试省\"\nlevel = \"province\"\nagency = \"测试省医疗保障局\"\n";

const ITEM: &str = r#"[[item]]
code = "992036001001"
name = "单位参保登记"
time_limit = "不超过5个工作日"
legal_time_limit = "不超过20个工作日"
office_hours = "周一至周五上午9:00—12:00"
case_type = "承诺件"
item_type = "公共服务"
service_level = "省级、市级、县级"
applicant = "法人"
consult_channels = ["测试省政务服务网在线咨询", "来信：测试市人民路1号"]
complaint_channels = ["12345政务服务便民热线"]
material_groups = [
  { case = "新参保", materials = ["营业执照", "《参保登记表》"] },
  { case = "港澳台人员", materials = ["港澳台居民居住证"] },
]
legal_refs = [
  { title = "中华人民共和国社会保险法", articles = ["第五十七条"] },
  { title = "社会保险经办条例", number = "国务院令第765号", articles = ["第六条", "第十条"] },
]
"#;

fn zhinan(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhinan"))
        .args(["-C", root.to_str().unwrap()])
        .args(args)
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .expect("binary runs")
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("catalog");
    std::fs::create_dir_all(catalog.join("items")).unwrap();
    std::fs::write(catalog.join("jurisdiction.toml"), PROVINCE).unwrap();
    std::fs::write(catalog.join("items/01.toml"), ITEM).unwrap();
    dir
}

#[test]
fn show_lists_the_new_fields() {
    let dir = project();
    let out = zhinan(dir.path(), &["show", "测试省", "992036001001"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    for (key, value) in [
        ("legal_time_limit", "不超过20个工作日"),
        ("office_hours", "周一至周五"),
        ("case_type", "承诺件"),
        ("item_type", "公共服务"),
        ("service_level", "省级、市级、县级"),
        ("applicant", "法人"),
        ("consult_channels", "来信：测试市人民路1号"),
        ("complaint_channels", "12345政务服务便民热线"),
        ("material_groups", "港澳台居民居住证"),
        (
            "legal_refs",
            "《社会保险经办条例》（国务院令第765号）第六条、第十条",
        ),
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(key))
            .unwrap_or_else(|| panic!("{key} not shown:\n{text}"));
        assert!(line.contains(value), "{line}");
    }
}

#[test]
fn the_standard_guide_prints_the_new_fields() {
    let dir = project();
    let out_dir = dir.path().join("out");
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let out = zhinan(
        dir.path(),
        &[
            "build",
            "--out",
            out_dir.to_str().unwrap(),
            "--templates",
            templates.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = out_dir.join("测试省/guide.pdf");
    let text = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (scripts/setup.sh)");
    let text = String::from_utf8(text.stdout)
        .unwrap()
        .replace([' ', '\n'], "");
    for printed in [
        "法定时限",
        "不超过20个工作日",
        "办理时间",
        "办件类型",
        "承诺件",
        "事项类别",
        "办理层级",
        "申请主体",
        "咨询渠道",
        "来信：测试市人民路1号",
        "投诉渠道",
        "12345政务服务便民热线",
        "分情形申请材料",
        "新参保：",
        "港澳台人员：",
        "港澳台居民居住证",
        "设定依据",
        "《社会保险经办条例》（国务院令第765号）第六条、第十条",
    ] {
        assert!(text.contains(printed), "{printed} not printed:\n{text}");
    }
}
