//! Flowcharts for the CLI: attaching every item's chart to a build job.

use crate::render::Job;
use crate::resolve::Project;

/// Adds the SVG of every flow of jurisdiction `j` to its build job.
pub fn attach_flows(_project: &Project, _j: usize, _job: &mut Job) {}
