//! SVG output: determinism, text handling, snapshots, generated charts.

mod flow_support;

use zhinan::flow::{
    FlowGraph, Metrics, NodeKind, SvgStyle, generate_from_steps, render_svg, split_steps, validate,
};

fn fixture(name: &str) -> FlowGraph {
    flow_support::fixture_charts()
        .into_iter()
        .find(|c| c.name.contains(name))
        .unwrap_or_else(|| panic!("fixture {name}"))
        .graph
}

#[test]
fn rendering_is_deterministic() {
    let style = SvgStyle::default();
    let metrics = flow_support::system_metrics();
    for chart in flow_support::all_charts() {
        let a = render_svg(&chart.graph, metrics, &style);
        let b = render_svg(&chart.graph.clone(), metrics, &style);
        assert_eq!(a, b, "{}", chart.name);
    }
    // A freshly loaded font gives the same bytes too.
    let g = fixture("jiuzhu");
    assert_eq!(
        render_svg(&g, metrics, &style),
        render_svg(&g, &Metrics::system(), &style)
    );
}

#[test]
fn svg_text_is_real_escaped_and_has_computed_baselines() {
    let svg = render_svg(
        &fixture("crowded"),
        &Metrics::fallback(),
        &SvgStyle::default(),
    );
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("窗口受理 &lt;A&amp;B&gt;"));
    assert!(svg.contains("测试 &lt;拥挤&gt; &amp; &quot;引号&quot; 流程图"));
    assert!(!svg.contains("<A&B>"));
    assert!(!svg.contains("foreignObject"));
    assert!(!svg.contains("dominant-baseline"));
    assert!(svg.contains("<tspan"));
    // width and height in pt, matching the view box
    let head = svg.lines().next().unwrap();
    assert!(head.contains("pt\" height=\"") && head.contains("viewBox=\"0 0 "));
    assert!(head.contains(
        "font-family=\"&apos;Noto Sans CJK SC&apos;, &apos;Source Han Sans SC&apos;, &apos;Microsoft YaHei&apos;, &apos;PingFang SC&apos;, &apos;SimHei&apos;, sans-serif\""
    ));
    // dashed note boxes and connectors
    assert!(svg.matches("stroke-dasharray").count() >= 4);
    // the SVG is well-formed enough for a strict parser: balanced text elements
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
}

#[test]
fn the_pdf_font_comes_first_and_the_title_is_optional() {
    let style = SvgStyle {
        font_family: "Source Han Sans CN".into(),
        show_title: false,
        ..SvgStyle::default()
    };
    let svg = render_svg(&fixture("jihe"), &Metrics::fallback(), &style);
    assert!(
        svg.contains("font-family=\"&apos;Source Han Sans CN&apos;, &apos;Noto Sans CJK SC&apos;")
    );
    assert!(!svg.contains("医疗保险稽核流程图"));
    assert!(!svg.contains("font-weight=\"bold\""));
    let titled = render_svg(&fixture("jihe"), &Metrics::fallback(), &SvgStyle::default());
    assert!(titled.contains(">医疗保险稽核流程图</tspan>"));
    assert!(titled.contains(">一般程序</tspan>"));
}

#[test]
fn baselines_sit_below_line_centres() {
    use zhinan::flow::layout::{LayoutOptions, layout};
    let l = layout(
        &fixture("jihe"),
        &Metrics::fallback(),
        &LayoutOptions::default(),
    );
    for b in &l.boxes {
        if b.lines.len() == 1 {
            let expect = b.rect.cy() + 0.38 * l.font_size;
            assert!(
                (b.lines[0].baseline - expect).abs() < 0.01,
                "{:?}",
                b.lines[0]
            );
        }
    }
}

#[test]
fn layout_survives_broken_charts() {
    let g = fixture("broken");
    assert!(!validate(&g).is_empty());
    let svg = render_svg(&g, &Metrics::fallback(), &SvgStyle::default());
    assert!(svg.contains("第一步"));
    let empty = render_svg(
        &FlowGraph::default(),
        &Metrics::fallback(),
        &SvgStyle::default(),
    );
    assert!(empty.ends_with("</svg>\n"));
}

#[test]
fn steps_split_on_every_separator() {
    let want = vec!["申请", "受理", "审核", "办结"];
    for s in [
        "申请—受理—审核—办结",
        "申请——受理——审核——办结",
        "申请-受理-审核-办结",
        "申请－受理－审核－办结",
        "申请->受理->审核->办结",
        "申请→受理→审核→办结",
        " 申请 — 受理—审核-办结。",
    ] {
        assert_eq!(split_steps(s), want, "{s}");
    }
}

#[test]
fn generated_chart_has_the_standard_branches() {
    let g = generate_from_steps("流程图", "申请—受理—审核—拨付—办结");
    let kinds: Vec<NodeKind> = g.nodes.iter().map(|n| n.kind).collect();
    use NodeKind::*;
    assert_eq!(kinds, vec![Start, Step, Step, Step, End, Step, End]);
    assert_eq!(g.nodes[5].text, "材料不齐全的，一次性告知");
    assert_eq!(g.nodes[6].text, "不符合规定的，予以退回");
    let pairs: Vec<(&str, &str)> = g
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("step1", "step2"),
            ("step2", "step3"),
            ("step3", "step4"),
            ("step4", "step5"),
            ("step2", "incomplete"),
            ("incomplete", "step1"),
            ("step3", "reject"),
        ]
    );
    assert_eq!(g, generate_from_steps("流程图", "申请—受理—审核—拨付—办结"));
    // No 审核: no rejection branch.
    let g = generate_from_steps("流程图", "申请-受理-办结");
    assert_eq!(g.nodes.len(), 4);
    assert!(validate(&g).is_empty());
}

#[test]
fn generated_loop_is_drawn_on_a_lane() {
    use zhinan::flow::layout::{LayoutOptions, layout};
    let g = generate_from_steps("流程图", "申请—受理—审核—办结");
    let l = layout(&g, &Metrics::fallback(), &LayoutOptions::default());
    let back: Vec<_> = l.edges.iter().filter(|e| e.loop_back).collect();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].to, 0);
    // 申请, 受理, 审核, 办结 form one straight column; the two branches sit to its right.
    let x0 = l.boxes[0].rect.cx();
    for b in &l.boxes[1..4] {
        assert!(
            (b.rect.cx() - x0).abs() < 0.01,
            "{:?} off the column",
            b.lines
        );
    }
    for b in &l.boxes[4..] {
        assert!(
            b.rect.x > l.boxes[0].rect.right(),
            "{:?} not right of the column",
            b.lines
        );
    }
}

#[test]
fn item_without_flow_gets_a_generated_chart() {
    let charts = flow_support::fixture_charts();
    let generated: Vec<_> = charts
        .iter()
        .filter(|c| c.name.contains("generated.toml"))
        .collect();
    assert_eq!(generated.len(), 2);
    assert_eq!(generated[0].graph.title, "单位参保登记流程图");
    assert_eq!(
        generated[0].graph.caption,
        vec!["办公地址：政务服务中心B厅"]
    );
    assert_eq!(generated[1].graph.title, "生育医疗费支付流程图");
    assert_eq!(generated[1].graph.nodes.len(), 7);
}

#[test]
fn snapshot_jihe() {
    let svg = render_svg(&fixture("jihe"), &Metrics::fallback(), &SvgStyle::default());
    insta::assert_snapshot!(svg);
}

#[test]
fn snapshot_jiuzhu() {
    let svg = render_svg(
        &fixture("jiuzhu"),
        &Metrics::fallback(),
        &SvgStyle::default(),
    );
    insta::assert_snapshot!(svg);
}

#[test]
fn snapshot_generated() {
    let g = generate_from_steps("生育医疗费支付流程图", "申请—受理—审核—拨付—办结");
    let style = SvgStyle {
        show_title: false,
        ..SvgStyle::default()
    };
    insta::assert_snapshot!(render_svg(&g, &Metrics::fallback(), &style));
}

#[test]
fn snapshot_crowded() {
    let svg = render_svg(
        &fixture("crowded"),
        &Metrics::fallback(),
        &SvgStyle::default(),
    );
    insta::assert_snapshot!(svg);
}
