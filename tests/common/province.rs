//! A synthetic province for load tests and benchmarks: a catalog of 10 主项 × 3 子项 and any number of
//! counties (spread over the 11 cities of Hebei), each publishing a full guide of every catalog item in
//! the shapes of the seed documents (霸州市's guide fields, 望都县's flowcharts, 赵县's phones), with
//! a few defects of the kinds the seeds have, so that the rules have something to report.
//!
//! Used by `tests/province.rs` and `benches/lint.rs` (`#[path = "../tests/common/province.rs"]`).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// Cities with their telephone area code and local number length.
const CITIES: [(&str, &str, &str, usize); 11] = [
    ("shijiazhuang", "石家庄市", "0311", 8),
    ("tangshan", "唐山市", "0315", 7),
    ("qinhuangdao", "秦皇岛市", "0335", 7),
    ("handan", "邯郸市", "0310", 7),
    ("xingtai", "邢台市", "0319", 7),
    ("baoding", "保定市", "0312", 7),
    ("zhangjiakou", "张家口市", "0313", 7),
    ("chengde", "承德市", "0314", 7),
    ("cangzhou", "沧州市", "0317", 7),
    ("langfang", "廊坊市", "0316", 7),
    ("hengshui", "衡水市", "0318", 7),
];

/// A 子项: name, time limit, the form it asks for.
type Sub = (&'static str, &'static str, &'static str);

/// 主项 names and their three 子项.
const MAINS: [(&str, [Sub; 3]); 10] = [
    (
        "基本医疗保险参保和变更登记",
        [
            (
                "单位参保登记",
                "不超过5个工作日",
                "《基本医疗保险单位参保信息登记表》",
            ),
            (
                "职工参保登记",
                "不超过5个工作日",
                "《职工基本医疗保险参保登记表》",
            ),
            (
                "城乡居民参保登记",
                "即时办结",
                "《城乡居民基本医疗保险参保登记表》",
            ),
        ],
    ),
    (
        "基本医疗保险参保信息变更登记",
        [
            (
                "单位参保信息变更登记",
                "即时办结",
                "《基本医疗保险参保单位信息变更登记表》",
            ),
            (
                "职工参保信息变更登记",
                "即时办结",
                "《基本医疗保险职工参保信息变更登记表》",
            ),
            (
                "城乡居民参保信息变更登记",
                "即时办结",
                "《基本医疗保险城乡居民参保信息变更登记表》",
            ),
        ],
    ),
    (
        "基本医疗保险信息查询和个人账户一次性支取",
        [
            (
                "参保单位参保信息查询",
                "即时办结",
                "《参保单位信息查询申请表》",
            ),
            (
                "参保人员参保信息查询",
                "即时办结",
                "《参保人员信息查询申请表》",
            ),
            (
                "参保人员个人账户一次性支取",
                "不超过15个工作日",
                "《职工基本医疗保险个人账户一次性支取申请表》",
            ),
        ],
    ),
    (
        "基本医疗保险关系转移接续",
        [
            (
                "转移接续手续办理",
                "不超过15个工作日",
                "《基本医疗保险关系转移接续申请表》",
            ),
            ("出具参保凭证", "即时办结", "《参保凭证申请表》"),
            ("转移接续信息查询", "即时办结", "《转移接续信息查询表》"),
        ],
    ),
    (
        "基本医疗保险异地就医备案",
        [
            (
                "异地安置退休人员备案",
                "即时办结",
                "《异地安置退休人员备案表》",
            ),
            (
                "异地长期居住人员备案",
                "即时办结",
                "《异地长期居住人员备案表》",
            ),
            ("异地转诊人员备案", "即时办结", "《异地转诊人员备案表》"),
        ],
    ),
    (
        "基本医疗保险参保人员享受门诊慢特病病种待遇认定",
        [
            (
                "门诊慢性病病种待遇认定",
                "不超过20个工作日",
                "《门诊慢性病病种待遇认定申请表》",
            ),
            (
                "门诊特殊病病种待遇认定",
                "不超过20个工作日",
                "《门诊特殊病病种待遇认定申请表》",
            ),
            (
                "丙肝门诊抗病毒治疗认定",
                "不超过20个工作日",
                "《丙肝门诊抗病毒治疗申请表》",
            ),
        ],
    ),
    (
        "基本医疗保险参保人员医疗费用（零星）报销",
        [
            ("门诊费用报销", "不超过30个工作日", "《门诊费用报销申请表》"),
            ("住院费用报销", "不超过30个工作日", "《住院费用报销申请表》"),
            (
                "异地就医费用报销",
                "不超过30个工作日",
                "《异地就医费用报销申请表》",
            ),
        ],
    ),
    (
        "生育保险待遇核准支付",
        [
            (
                "产前检查费支付",
                "不超过20个工作日",
                "《产前检查费支付申请表》",
            ),
            (
                "生育医疗费支付",
                "不超过20个工作日",
                "《生育医疗费支付申请表》",
            ),
            ("生育津贴支付", "不超过10个工作日", "《生育津贴支付申请表》"),
        ],
    ),
    (
        "医疗救助对象待遇核准支付",
        [
            (
                "符合资助条件的救助对象参加城乡居民基本医疗保险个人缴费补贴",
                "不超过15个工作日",
                "《个人缴费补贴申请表》",
            ),
            (
                "医疗救助对象手工（零星）报销",
                "不超过30个工作日",
                "《医疗救助申请表》",
            ),
            (
                "医疗救助对象资格认定",
                "不超过15个工作日",
                "《医疗救助对象认定申请表》",
            ),
        ],
    ),
    (
        "定点医药机构费用结算",
        [
            (
                "基本医疗保险定点医疗机构费用结算",
                "不超过30个工作日",
                "《定点医疗机构费用结算申请表》",
            ),
            (
                "基本医疗保险定点零售药店费用结算",
                "不超过30个工作日",
                "《定点零售药店费用结算申请表》",
            ),
            (
                "门诊统筹费用结算",
                "不超过30个工作日",
                "《门诊统筹费用结算申请表》",
            ),
        ],
    ),
];

const LEGAL_BASIS: [&str; 3] = [
    "《中华人民共和国社会保险法》第五十七条",
    "《社会保险费征缴暂行条例》（国务院令第259号）第八条",
    "《社会保险经办条例》（国务院令第765号）第六条、第十条",
];

const SURNAMES: [&str; 12] = [
    "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
];
const GIVEN: [&str; 12] = [
    "勇方", "海龙", "记川", "健", "威", "子微", "立娇", "伯光", "增维", "秀英", "建国", "丽华",
];

pub fn item_code(main: usize, sub: usize) -> String {
    format!("132036{:03}{:03}", main + 1, sub + 1)
}

fn main_code(main: usize) -> String {
    format!("132036{:03}00Y", main + 1)
}

fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

/// Write the catalog, `counties` counties, the reference data (copied from `reference`, the
/// repository's `catalog/reference`) under `root`. Returns the total bytes of TOML written.
pub fn generate(root: &Path, counties: usize, reference: &Path) -> usize {
    let mut bytes = 0;
    let mut put = |path: &Path, text: &str| {
        bytes += text.len();
        write(path, text);
    };
    put(
        &root.join("catalog/jurisdiction.toml"),
        "name = \"河北省\"\nlevel = \"province\"\nagency = \"河北省医疗保障局\"\nedition = \"2023\"\n\n[[portals]]\nname = \"河北省医疗保障局网上服务大厅\"\nurl = \"http://ylbzj.hebei.gov.cn/\"\n",
    );
    if let Ok(entries) = std::fs::read_dir(reference) {
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            put(
                &root.join("catalog/reference").join(entry.file_name()),
                &text,
            );
        }
    }
    for (m, (main_name, subs)) in MAINS.iter().enumerate() {
        let mut s = format!(
            "# 主项{} (generated)\n\n[main]\nseq = \"{}\"\ncode = \"{}\"\nname = \"{main_name}\"\n",
            chinese_number(m + 1),
            chinese_number(m + 1),
            main_code(m)
        );
        for (k, (name, limit, form)) in subs.iter().enumerate() {
            let steps = if limit.starts_with("即时") {
                "申请—受理—办结"
            } else {
                "申请—受理—审核—办结"
            };
            let _ = write!(
                s,
                "\n[[item]]\nseq = \"{}\"\ncode = \"{}\"\nname = \"{name}\"\nmaterials = [\n  \"有效身份证件或医保电子凭证或社保卡\",\n  \"{form}\",\n]\ntime_limit = \"{limit}\"\nchannels = \"经办窗口或网上办理\"\nsteps = \"{steps}\"\nquery = \"经办窗口或网上查询\"\nnotes = \"\"\"\n1. 各地可通过数据共享获取信息并即时办结；\n2. 委托办理的，应提供委托人及代理人身份证件原件及授权委托书。\n\"\"\"\nlegal_basis = [\n  \"{}\",\n  \"{}\",\n  \"{}\",\n]\n",
                m * 3 + k + 1,
                item_code(m, k),
                LEGAL_BASIS[0],
                LEGAL_BASIS[1],
                LEGAL_BASIS[2],
            );
        }
        put(
            &root.join(format!("catalog/items/{:02}-{main_name}.toml", m + 1)),
            &s,
        );
    }

    for (ci, (dir, city, area, _)) in CITIES.iter().enumerate() {
        put(
            &root.join(format!("counties/{dir}/jurisdiction.toml")),
            &format!(
                "name = \"{city}\"\nlevel = \"city\"\nparent = \"河北省\"\nagency = \"{city}医疗保障局\"\narea_code = \"{area}\"\n"
            ),
        );
        let _ = ci;
    }

    for c in 0..counties {
        let (city_dir, city, area, digits) = CITIES[c % CITIES.len()];
        let county = format!("县{:03}", c + 1);
        let name = format!("示例{county}");
        let agency = format!("{name}医疗保障局");
        let base = root.join(format!("counties/{city_dir}/c{:03}", c + 1));
        let number = |k: usize| -> String {
            let n = 2_000_000 + c * 1000 + k;
            if digits == 8 {
                format!("8{n}")
            } else {
                n.to_string()
            }
        };
        let supervision = format!("{area}-{}", number(0));
        put(
            &base.join("jurisdiction.toml"),
            &format!(
                "name = \"{name}\"\nlevel = \"county\"\nparent = \"{city}\"\nagency = \"{agency}\"\narea_code = \"{area}\"\nguide_title = \"“依规办事不求人”事项服务指南\"\nsupervision_phone = \"{supervision}\"\n\n[[offices]]\nname = \"{name}政务服务中心\"\naddress = \"{name}人民路1号\"\n\n[[portals]]\nname = \"河北省医疗保障局网上服务大厅\"\nurl = \"http://ylbzj.hebei.gov.cn/\"\n\n[[contacts]]\nname = \"朱增维\"\ntitle = \"法规科负责人\"\nphone = \"{supervision}\"\n"
            ),
        );
        for (m, (_, subs)) in MAINS.iter().enumerate() {
            for (k, (item_name, limit, form)) in subs.iter().enumerate() {
                let n = m * 3 + k;
                let person = format!("{}{}", SURNAMES[(c + m) % 12], GIVEN[(c * 7 + m) % 12]);
                let phone = format!("{area}-{}", number(1 + m));
                // A few defects of the seeds' kinds, at fixed places.
                let defect = (c * 31 + n * 7) % 40;
                let form = if defect == 1 {
                    form.replace("医疗保险", "医保保险")
                } else {
                    form.to_string()
                };
                let online = if defect == 2 {
                    "<http://y1bzj.hebei.gov.cn/>"
                } else {
                    "<http://ylbzj.hebei.gov.cn/>、河北智慧医保"
                };
                let contact_phone = if defect == 3 {
                    phone.replace('-', "")
                } else {
                    phone.clone()
                };
                let note = if defect == 4 {
                    "对申报材料予以受理(随来随受理）"
                } else {
                    "对申报材料予以受理（随来随受理）"
                };
                let title = if defect == 5 {
                    format!("{}流程图", MAINS[(m + 1) % 10].1[k].0)
                } else {
                    format!("{item_name}流程图")
                };
                let text = format!(
                    r#"# {name} guide, item {seq} (generated)

[[item]]
seq = "{seq}"
code = "{code}"
name = "{item_name}"
contact = {{ name = "{person}", phone = "{contact_phone}" }}
agency = "{agency}"
address = "{name}政务服务中心"
target = "企业法人、事业法人、社会组织、非法人企业、行政机关、其他组织"
legal_basis = [
  "{lb0}",
  "{lb1}",
  "{lb2}",
]
conditions = "符合条件的参保单位或参保人员"
materials = [
  "有效身份证件或医保电子凭证或社会保障卡",
  "{form}（加盖单位公章）",
]
time_limit = "{limit}"
fee = "不收费"
department = "职工医保中心"
online = "{online}"
consult = {{ phone = "{phone}", name = "{person}", title = "职工医保中心副主任" }}
supervision = {{ phone = "{supervision}", name = "朱增维", title = "法规科负责人" }}
notes = """
1. {note}；
2. 材料不齐全的，一次性告知；不符合规定的，予以退回。
"""

[[item.flow]]
title = "{title}"
caption = ["办公地址：{name}政务服务中心职工医保窗口", "办公电话：{phone}"]
nodes = [
  {{ id = "apply",  kind = "start", text = "资料申报：提交以下材料来前台受理" }},
  {{ id = "docs",   kind = "note",  text = "提交资料：\n1、有效身份证件或医保电子凭证或社保卡\n2、{form}", attach = "apply" }},
  {{ id = "accept", kind = "step",  text = "资料受理：{note}" }},
  {{ id = "check",  kind = "decision", text = "材料是否齐全" }},
  {{ id = "reject", kind = "step",  text = "材料不齐全的，一次性告知；不符合规定的，予以退回" }},
  {{ id = "done",   kind = "end",   text = "材料齐全的，窗口人员复核通过，{item_name}办结" }},
]
edges = [
  {{ from = "apply",  to = "accept" }},
  {{ from = "accept", to = "check" }},
  {{ from = "check",  to = "done",   label = "齐全" }},
  {{ from = "check",  to = "reject", label = "不齐全" }},
  {{ from = "reject", to = "apply" }},
]
"#,
                    seq = chinese_number(n + 1),
                    code = item_code(m, k),
                    lb0 = LEGAL_BASIS[0],
                    lb1 = LEGAL_BASIS[1],
                    lb2 = LEGAL_BASIS[2],
                );
                put(
                    &base.join(format!("items/{:02}-{item_name}.toml", n + 1)),
                    &text,
                );
            }
        }
    }
    bytes
}
