//! One test per problem kind, plus clean charts staying clean.

mod flow_support;

use zhinan::flow::{
    FlowEdge, FlowGraph, FlowNode, FlowProblemKind, NodeKind, generate_from_steps, validate,
};

fn node(id: &str, kind: NodeKind, text: &str) -> FlowNode {
    FlowNode {
        id: id.into(),
        kind,
        text: text.into(),
        attach: None,
    }
}

fn edge(from: &str, to: &str) -> FlowEdge {
    FlowEdge {
        from: from.into(),
        to: to.into(),
        label: None,
    }
}

fn base() -> FlowGraph {
    FlowGraph {
        title: "测试".into(),
        caption: vec![],
        nodes: vec![
            node("a", NodeKind::Start, "申请"),
            node("b", NodeKind::Step, "受理"),
            node("c", NodeKind::End, "办结"),
        ],
        edges: vec![edge("a", "b"), edge("b", "c")],
    }
}

fn kinds(g: &FlowGraph) -> Vec<(FlowProblemKind, Option<usize>, Option<usize>)> {
    validate(g)
        .into_iter()
        .map(|p| (p.kind, p.node, p.edge))
        .collect()
}

#[test]
fn a_clean_chart_has_no_problems() {
    assert!(validate(&base()).is_empty());
    assert!(validate(&generate_from_steps("t", "申请—受理—审核—拨付—办结")).is_empty());
}

/// Structure problems of the seed charts: real features of the published charts (a step drawn
/// after 办结, terminal boxes drawn as plain rectangles), kept as published.
const SEED_PROBLEMS: &[(&str, &str, &str)] = &[
    ("wangdu/items/02-", "dead-end", "pay"),
    ("wangdu/items/03-", "dead-end", "pay"),
    ("wangdu/items/04-", "dead-end", "archive"),
    ("wangdu/items/05-", "dead-end", "archive"),
    ("wangdu/items/19-", "dead-end", "reject"),
];

#[test]
fn fixtures_and_seeds_have_only_the_known_problems() {
    let mut charts = flow_support::fixture_charts();
    charts.extend(flow_support::seed_charts());
    let mut found: Vec<(String, String, String)> = Vec::new();
    for c in charts {
        if c.name.contains("broken") || c.graph.nodes.is_empty() {
            continue;
        }
        for p in validate(&c.graph) {
            let id = p
                .node
                .map_or(String::new(), |n| c.graph.nodes[n].id.clone());
            found.push((c.name.clone(), p.kind.to_string(), id));
        }
    }
    let listed = |f: &(String, String, String)| {
        SEED_PROBLEMS
            .iter()
            .any(|&(file, kind, id)| f.0.contains(file) && f.1 == kind && f.2 == id)
    };
    let unexpected: Vec<_> = found.iter().filter(|f| !listed(f)).collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    assert_eq!(found.len(), SEED_PROBLEMS.len(), "{found:#?}");
}

#[test]
fn no_start() {
    let mut g = base();
    g.nodes[0].kind = NodeKind::Step;
    assert_eq!(kinds(&g), vec![(FlowProblemKind::NoStart, None, None)]);
    assert_eq!(
        kinds(&FlowGraph::default()),
        vec![(FlowProblemKind::NoStart, None, None)]
    );
}

#[test]
fn unreachable_node() {
    let mut g = base();
    g.nodes.push(node("d", NodeKind::Step, "孤立"));
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::UnreachableNode, Some(3), None)]
    );
    // Reachable through a loop-back is reachable.
    g.edges.push(edge("b", "d"));
    g.edges.push(edge("d", "a"));
    assert!(validate(&g).is_empty());
}

#[test]
fn dangling_edge() {
    let mut g = base();
    g.edges.push(edge("b", "ghost"));
    let p = validate(&g);
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].kind, p[0].edge),
        (FlowProblemKind::DanglingEdge, Some(2))
    );
    assert!(p[0].message.contains("ghost"));
    assert!(p[0].help.contains("a, b, c"));
}

#[test]
fn edge_to_a_note_is_dangling() {
    let mut g = base();
    let mut n = node("n", NodeKind::Note, "说明");
    n.attach = Some("a".into());
    g.nodes.push(n);
    g.edges.push(edge("c", "n"));
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::DanglingEdge, Some(3), Some(2))]
    );
}

#[test]
fn dangling_attach() {
    let mut g = base();
    let mut n = node("n", NodeKind::Note, "说明");
    n.attach = Some("nowhere".into());
    g.nodes.push(n);
    g.nodes.push(node("m", NodeKind::Note, "没有 attach"));
    let mut s = node("s", NodeKind::Step, "不是说明");
    s.attach = Some("a".into());
    g.nodes.push(s);
    g.edges.push(edge("b", "s"));
    g.edges.push(edge("s", "c"));
    assert_eq!(
        kinds(&g),
        vec![
            (FlowProblemKind::DanglingAttach, Some(3), None),
            (FlowProblemKind::DanglingAttach, Some(4), None),
            (FlowProblemKind::DanglingAttach, Some(5), None),
        ]
    );
}

#[test]
fn empty_label() {
    let mut g = base();
    g.edges[1].label = Some(" ".into());
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::EmptyLabel, None, Some(1))]
    );
    g.edges[1].label = Some("通过".into());
    assert!(validate(&g).is_empty());
}

#[test]
fn empty_text() {
    let mut g = base();
    g.nodes[1].text = "  ".into();
    assert_eq!(kinds(&g), vec![(FlowProblemKind::EmptyText, Some(1), None)]);
}

#[test]
fn duplicate_id() {
    let mut g = base();
    g.nodes.push(node("b", NodeKind::End, "重复"));
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::DuplicateId, Some(3), None)]
    );
}

#[test]
fn broken_fixture_reports_every_kind_but_no_start() {
    let chart = flow_support::fixture_charts()
        .into_iter()
        .find(|c| c.name.contains("broken"))
        .unwrap();
    let found: std::collections::BTreeSet<FlowProblemKind> =
        validate(&chart.graph).into_iter().map(|p| p.kind).collect();
    use FlowProblemKind::*;
    let expected = [
        NoStart,
        DanglingEdge,
        DanglingAttach,
        EmptyLabel,
        EmptyText,
        DuplicateId,
        SelfLoop,
        DuplicateEdge,
    ];
    for k in expected {
        assert!(found.contains(&k), "{k} missing: {found:?}");
    }
}

#[test]
fn self_loop_and_duplicate_edge() {
    let mut g = base();
    g.edges.push(edge("b", "b"));
    g.edges.push(edge("a", "b"));
    assert_eq!(
        kinds(&g),
        vec![
            (FlowProblemKind::SelfLoop, None, Some(2)),
            (FlowProblemKind::DuplicateEdge, None, Some(3)),
        ]
    );
    let p = validate(&g);
    assert!(p[1].message.contains("repeats edge 1"), "{}", p[1].message);
}

#[test]
fn dead_end_only_where_the_chart_marks_its_ends() {
    let mut g = base();
    g.nodes.push(node("d", NodeKind::Step, "停在这里"));
    g.edges.push(edge("a", "d"));
    assert_eq!(kinds(&g), vec![(FlowProblemKind::DeadEnd, Some(3), None)]);
    // A chart without end boxes ends wherever its arrows stop.
    g.nodes[2].kind = NodeKind::Step;
    assert!(validate(&g).is_empty());
    // An unreachable box is reported once, as unreachable.
    let mut g = base();
    g.nodes.push(node("d", NodeKind::Step, "孤立"));
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::UnreachableNode, Some(3), None)]
    );
}

#[test]
fn decision_exits() {
    let mut g = base();
    g.nodes[1].kind = NodeKind::Decision;
    // One way out: not a decision.
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::DecisionExits, Some(1), None)]
    );
    // Two ways out, neither with a condition.
    g.nodes.push(node("r", NodeKind::End, "退回"));
    g.edges.push(edge("b", "r"));
    assert_eq!(
        kinds(&g),
        vec![(FlowProblemKind::DecisionExits, Some(1), None)]
    );
    // The main way unlabelled, the branch with its condition: fine.
    g.edges[2].label = Some("不符合".into());
    assert!(validate(&g).is_empty());
    // A self loop does not count as a way out.
    let mut g = base();
    g.nodes[1].kind = NodeKind::Decision;
    g.edges.push(FlowEdge {
        label: Some("重新审核".into()),
        ..edge("b", "b")
    });
    let k: Vec<_> = kinds(&g).into_iter().map(|x| x.0).collect();
    assert!(k.contains(&FlowProblemKind::DecisionExits), "{k:?}");
}
