//! Builds the stages once and runs them over one input.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use acta_doc::{Pipeline, Report};
use acta_entities::{EntityStage, Gazetteers, SpeakerStage};
use acta_export::{ErrorRow, ReportRecord};
use acta_input::{read_file, Document, FileInput};
use acta_lang::{Detector, LanguageStage};
use acta_layout::{LabelTable, LayoutStage, MetadataStage};
use acta_summary::SummaryStage;
use anyhow::Context;

/// Settings that shape the pipeline.
pub struct Settings<'a> {
    pub languages: &'a [String],
    pub models: Option<&'a Path>,
    pub summary_sentences: usize,
    pub summary_chars: Option<usize>,
}

/// Builds the pipeline: layout -> language -> metadata -> entities -> speakers -> summary.
pub fn build(settings: &Settings) -> anyhow::Result<Pipeline> {
    let mut labels = LabelTable::bundled();
    let gazetteers = match settings.models {
        Some(dir) => {
            let extra = dir.join("labels.tsv");
            if extra.exists() {
                let text =
                    std::fs::read_to_string(&extra).with_context(|| format!("cannot read {}", extra.display()))?;
                labels.prepend(LabelTable::parse(&text, &extra.display().to_string())?);
            }
            Gazetteers::with_extensions(dir)?
        }
        None => Gazetteers::bundled(),
    };
    let codes: Vec<&str> = settings.languages.iter().map(String::as_str).collect();
    let detector = Arc::new(Detector::new(&codes)?);
    let gazetteers = Arc::new(gazetteers);
    Ok(Pipeline::new(vec![
        Box::new(LayoutStage::new(labels)),
        Box::new(LanguageStage::new(detector)),
        Box::new(MetadataStage),
        Box::new(EntityStage::new(gazetteers.clone())),
        Box::new(SpeakerStage::new(gazetteers)),
        Box::new(SummaryStage::new(settings.summary_sentences).with_max_chars(settings.summary_chars)),
    ])?)
}

/// One unit of work: a file still to read, a document already read (JSON Lines), or an error
/// found while listing the inputs.
pub enum Work {
    File(FileInput),
    Document(Document),
    Failed(ErrorRow),
}

/// Reads (when needed) and processes one input. A panic in any stage becomes an error row.
pub fn process(pipeline: &Pipeline, work: Work, max_bytes: u64) -> Result<ReportRecord, ErrorRow> {
    let doc = match work {
        Work::Failed(e) => return Err(e),
        Work::Document(d) => d,
        Work::File(f) => read_file(&f, max_bytes).map_err(|e| ErrorRow {
            id: f.id.clone(),
            source: f.path.display().to_string(),
            stage: "read".into(),
            error: e.to_string(),
        })?,
    };
    let id = doc.id.clone();
    let source = doc.source.clone();
    let mut stage_reached = "layout";
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut report = Report::new(doc.id, doc.source, doc.text);
        report.sha256 = doc.sha256;
        report.encoding = doc.encoding;
        report.byte_len = doc.byte_len;
        for stage in pipeline.stages() {
            stage_reached = stage.name();
            stage.run(&mut report).map_err(|e| (stage.name(), e.to_string()))?;
        }
        Ok::<_, (&str, String)>(ReportRecord::from_report(&report))
    }));
    match result {
        Ok(Ok(record)) => Ok(record),
        Ok(Err((stage, message))) => Err(ErrorRow { id, source, stage: stage.to_string(), error: message }),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(ErrorRow {
                id,
                source,
                stage: stage_reached.to_string(),
                error: format!("internal error (panic): {message}"),
            })
        }
    }
}
