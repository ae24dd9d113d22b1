//! The pipeline stages of the backend: model NER merged into the entities, and the abstractive
//! summary. With `fallback`, a model that failed to load or to run leaves the report with acta's
//! own extraction and a warning instead of failing it.

use std::sync::Arc;

use acta_doc::{ByteRange, Layer, Report, Stage};
use acta_entities::{merge_model_spans, Gazetteers};

use crate::error::Error;
use crate::ner::NerBackend;
use crate::summarize::SummaryBackend;

/// A model that loaded, or why it did not (kept only with `--fallback`).
pub enum Model<B> {
    Loaded(B),
    Unavailable(String),
}

impl<B> Model<B> {
    /// The loaded model; when there is none, the report is told why and what it gets instead.
    fn on(&self, report: &mut Report, what: &str, instead: &str) -> Option<&B> {
        match self {
            Model::Loaded(b) => Some(b),
            Model::Unavailable(why) => {
                report.warnings.push(format!("{what} not used ({why}); {instead}"));
                None
            }
        }
    }
}

/// Runs the NER model and merges its spans into the rule-based entities (after the entity stage,
/// before the speaker table, so speakers see the merged people).
pub struct NerStage {
    model: Model<NerBackend>,
    gaz: Arc<Gazetteers>,
    fallback: bool,
}

impl NerStage {
    pub fn new(model: Model<NerBackend>, gaz: Arc<Gazetteers>, fallback: bool) -> Self {
        NerStage { model, gaz, fallback }
    }
}

fn failed(stage: &'static str, fallback: bool, report: &mut Report, what: &str, e: &Error) -> acta_doc::Result<()> {
    if fallback {
        report.warnings.push(format!("{what} not used ({e}); acta's own extraction kept"));
        Ok(())
    } else {
        Err(acta_doc::Error::Stage { stage, message: e.to_string() })
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner_model"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout, Layer::Entities]
    }
    fn provides(&self) -> &'static [Layer] {
        &[]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        let Some(backend) = self.model.on(report, "NER model", "acta's own entities kept") else { return Ok(()) };
        match backend.spans(&report.text) {
            Ok(spans) => {
                merge_model_spans(report, &self.gaz, &spans);
                Ok(())
            }
            Err(e) => failed(self.name(), self.fallback, report, "NER model", &e),
        }
    }
}

/// Writes `summary_abstractive` with the summarisation model.
pub struct SummaryStage {
    model: Model<SummaryBackend>,
    fallback: bool,
}

impl SummaryStage {
    pub fn new(model: Model<SummaryBackend>, fallback: bool) -> Self {
        SummaryStage { model, fallback }
    }
}

impl Stage for SummaryStage {
    fn name(&self) -> &'static str {
        "summary_model"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout]
    }
    fn provides(&self) -> &'static [Layer] {
        &[]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        let Some(backend) = self.model.on(report, "summary model", "no abstractive summary") else { return Ok(()) };
        let sections: Vec<ByteRange> = report
            .sections
            .iter()
            .map(|s| ByteRange { start: s.heading.map_or(s.body.start, |h| h.start), end: s.body.end })
            .collect();
        match backend.summarize(&report.text, &sections) {
            Ok(summary) => {
                report.summary_abstractive = summary;
                Ok(())
            }
            Err(e) => failed(self.name(), self.fallback, report, "summary model", &e),
        }
    }
}
