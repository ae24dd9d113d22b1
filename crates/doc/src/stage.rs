//! Stages over a report and the pipeline that checks their order when it is built.

use crate::error::{Error, Result};
use crate::report::Report;

/// A layer of information a stage adds to a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Cleaned text, lines, sections, fields, metadata.
    Layout,
    /// Report, section and span languages.
    Language,
    /// People, ministries, organisations, countries and their mentions.
    Entities,
    /// The speaker-affiliation table.
    Speakers,
    /// Summary sentences.
    Summary,
}

/// One step of the pipeline. Built once (models loaded once) and shared by all workers.
pub trait Stage: Send + Sync {
    /// A short name used in errors and profiles.
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn needs(&self) -> &'static [Layer];
    /// Layers this stage adds.
    fn provides(&self) -> &'static [Layer];
    /// Adds this stage's layer to the report.
    fn run(&self, report: &mut Report) -> Result<()>;
    /// A pass over a whole group of reports, for a stage that gains from one: its automata stay in
    /// the CPU's caches across the group. `None`, the default: the stage has none, and each report
    /// goes through [`Stage::run`]. An override returns one result per report, each what `run`
    /// would give. If it panics, the caller runs the group's reports one by one with `run` to find
    /// the one at fault, so it must leave every report one that `run` can be given again.
    fn run_group(&self, _reports: &mut [&mut Report]) -> Option<Vec<Result<()>>> {
        None
    }
}

/// An ordered list of stages whose needs were checked when it was built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Checks that each stage's needs are provided by an earlier stage.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Self> {
        let mut have: Vec<Layer> = Vec::new();
        for stage in &stages {
            for need in stage.needs() {
                if !have.contains(need) {
                    return Err(Error::MissingLayer { stage: stage.name(), needs: *need });
                }
            }
            have.extend_from_slice(stage.provides());
        }
        Ok(Pipeline { stages })
    }

    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// Runs every stage in order; stops at the first error, keeping what earlier stages added.
    pub fn run(&self, report: &mut Report) -> Result<()> {
        for stage in &self.stages {
            stage.run(report)?;
        }
        Ok(())
    }
}
