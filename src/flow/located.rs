//! Structure problems of every authored chart of a project, located at the TOML node, edge or
//! chart they are about. A chart is checked where it is written (its own jurisdiction), not in
//! every jurisdiction that inherits it; charts drawn from `steps` are generated well-formed.

use std::ops::Range;

use super::graph::FlowGraph;
use super::validate::{FlowProblem, FlowProblemKind, validate};
use crate::resolve::Project;
use crate::source::FileId;

/// One problem with where it was written.
#[derive(Debug, Clone)]
pub struct LocatedProblem {
    pub jurisdiction: usize,
    pub item: String,
    pub file: FileId,
    pub span: Range<usize>,
    /// 1-based number of the chart within its item.
    pub chart: usize,
    pub problem: FlowProblem,
}

/// The problems of these kinds, in project order.
pub fn problems_of(project: &Project, kinds: &[FlowProblemKind]) -> Vec<LocatedProblem> {
    let mut all = project_problems(project);
    all.retain(|p| kinds.contains(&p.problem.kind));
    all
}

/// Every problem of every authored chart, in project order.
pub fn project_problems(project: &Project) -> Vec<LocatedProblem> {
    let mut out = Vec::new();
    for (j, jur) in project.jurisdictions.iter().enumerate() {
        for item in &jur.items {
            let Some(origin) = item.flows_origin.filter(|o| o.jurisdiction == j) else {
                continue;
            };
            for (k, flow) in item.flows.iter().enumerate() {
                let authored = flow.get_ref();
                if authored.nodes.is_empty() {
                    continue;
                }
                for problem in validate(&FlowGraph::from_model(authored)) {
                    let span = problem
                        .edge
                        .and_then(|e| authored.edges.get(e).map(|e| e.span()))
                        .or_else(|| {
                            let n = authored.nodes.get(problem.node?)?;
                            Some(n.get_ref().id.span())
                        })
                        .or_else(|| authored.title.as_ref().map(|t| t.span()))
                        .unwrap_or_else(|| flow.span());
                    out.push(LocatedProblem {
                        jurisdiction: j,
                        item: item.key.clone(),
                        file: origin.file,
                        span,
                        chart: k + 1,
                        problem,
                    });
                }
            }
        }
    }
    out
}
