//! Builds the stages once and runs them over one input.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use acta_doc::{Pipeline, Report, TextFormat};
use acta_entities::{EntityStage, Gazetteers, SpeakerStage};
use acta_export::{ErrorRow, ReportRecord};
use acta_input::{read_file_as, Document, FileInput};
use acta_lang::{Detector, LanguageStage};
use acta_layout::{LabelTable, LayoutStage, MetadataStage};
use acta_summary::SummaryStage;
use anyhow::Context;

use crate::models;

/// Settings that shape the pipeline.
pub struct Settings<'a> {
    pub languages: &'a [String],
    pub models: Option<&'a Path>,
    /// `--summary-sentences`; `None`: the default length (acta_summary::DEFAULT_SENTENCES and DEFAULT_WORDS).
    pub summary_sentences: Option<usize>,
    pub summary_chars: Option<usize>,
    /// Transformer models (`--ner-model`, `--summary-model`), and whether a model that fails
    /// leaves acta's own extraction with a warning (`--fallback`) instead of an error.
    pub ner_model: Option<&'a Path>,
    pub summary_model: Option<&'a Path>,
    pub fallback: bool,
    /// Model instances to load: one per worker thread.
    pub model_instances: usize,
}

/// Builds the pipeline: layout -> language -> metadata -> entities -> speakers -> summary.
pub fn build(settings: &Settings) -> anyhow::Result<Pipeline> {
    let mut stages = reading_stages(settings)?;
    // The gazetteers (with `--models` additions) are for the stages after language only.
    let gazetteers = Arc::new(match settings.models {
        Some(dir) => Gazetteers::with_extensions(dir)?,
        None => Gazetteers::bundled(),
    });
    stages.push(Box::new(MetadataStage));
    stages.push(Box::new(EntityStage::new(gazetteers.clone())));
    // Model entities are merged before the speaker table is built, so speakers see them.
    if let Some(dir) = settings.ner_model {
        let instances = settings.model_instances;
        stages.push(models::stage(models::Kind::Ner, dir, gazetteers.clone(), settings.fallback, instances)?);
    }
    stages.push(Box::new(SpeakerStage::new(gazetteers.clone())));
    let summary = match settings.summary_sentences {
        Some(n) => SummaryStage::with_lexicon(n, &gazetteers.lexicon),
        None => SummaryStage::default_length(&gazetteers.lexicon),
    };
    stages.push(Box::new(summary.with_max_chars(settings.summary_chars)));
    if let Some(dir) = settings.summary_model {
        let instances = settings.model_instances;
        stages.push(models::stage(models::Kind::Summary, dir, gazetteers, settings.fallback, instances)?);
    }
    Ok(Pipeline::new(stages)?)
}

/// The stages that decide a report's language, built as [`build`] builds them: layout, then
/// language. `acta eval-lang` runs these, so that its figures are those of `acta extract`.
pub fn build_language(settings: &Settings) -> anyhow::Result<Pipeline> {
    Ok(Pipeline::new(reading_stages(settings)?)?)
}

/// Layout and language stages, with `--models` additions to the labels.
fn reading_stages(settings: &Settings) -> anyhow::Result<Vec<Box<dyn acta_doc::Stage>>> {
    let mut labels = LabelTable::bundled();
    if let Some(dir) = settings.models {
        let extra = dir.join("labels.tsv");
        if extra.exists() {
            let text = std::fs::read_to_string(&extra).with_context(|| format!("cannot read {}", extra.display()))?;
            labels.prepend(LabelTable::parse(&text, &extra.display().to_string())?);
        }
    }
    let codes: Vec<&str> = settings.languages.iter().map(String::as_str).collect();
    let detector = Arc::new(Detector::new(&codes)?);
    Ok(vec![Box::new(LayoutStage::new(labels)), Box::new(LanguageStage::new(detector))])
}

/// Time spent in each step, summed over all workers, for `--profile`.
#[derive(Default)]
pub struct Profile {
    /// (step name, nanoseconds), in pipeline order.
    steps: std::sync::Mutex<Vec<(&'static str, u64)>>,
}

impl Profile {
    pub fn add(&self, step: &'static str, elapsed: std::time::Duration) {
        let mut steps = self.steps.lock().unwrap_or_else(|e| e.into_inner());
        let nanos = elapsed.as_nanos() as u64;
        match steps.iter_mut().find(|(s, _)| *s == step) {
            Some(slot) => slot.1 += nanos,
            None => steps.push((step, nanos)),
        }
    }

    /// One line per step: seconds (summed over workers) and share of the total.
    pub fn report(&self) -> String {
        let steps = self.steps.lock().unwrap_or_else(|e| e.into_inner());
        let total: u64 = steps.iter().map(|s| s.1).sum::<u64>().max(1);
        let mut out = String::from("acta profile (CPU seconds summed over workers):\n");
        for (step, nanos) in steps.iter() {
            out.push_str(&format!(
                "  {step:<10} {:>8.3} s {:>5.1}%\n",
                *nanos as f64 / 1e9,
                100.0 * *nanos as f64 / total as f64
            ));
        }
        out
    }
}

/// One unit of work: a file still to read, a document already read (JSON Lines), or an error
/// found while listing the inputs.
pub enum Work {
    File(FileInput),
    Document(Document),
    Failed(ErrorRow),
}

/// How inputs are read: the size limit, and the format when the user gives one (`--format`).
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub max_bytes: u64,
    pub format: Option<TextFormat>,
}

/// Reads one input when it is a file; a document or an error passes through.
pub fn read(work: Work, reading: Reading, profile: &Profile) -> Result<Document, ErrorRow> {
    let started = std::time::Instant::now();
    let doc = match work {
        Work::Failed(e) => return Err(e),
        Work::Document(d) => d,
        Work::File(f) => read_file_as(&f, reading.max_bytes, reading.format).map_err(|e| ErrorRow {
            id: f.id.clone(),
            source: f.path.display().to_string(),
            stage: "read".into(),
            error: e.to_string(),
        })?,
    };
    profile.add("read", started.elapsed());
    Ok(doc)
}

/// Runs the pipeline over one document (the tests' shorthand for a group of one).
#[cfg(test)]
pub fn process(
    pipeline: &Pipeline,
    doc: Document,
    warnings: Vec<String>,
    profile: &Profile,
) -> Result<ReportRecord, ErrorRow> {
    process_group(pipeline, vec![(doc, warnings)], profile).pop().expect("one result per document")
}

/// Runs the pipeline over a group of documents stage by stage: every report through layout, then
/// every report through language, and so on. Each stage's tables and automata stay in the CPU's
/// caches across the group instead of being evicted by the other stages between two reports.
/// The results are those of [`process`] on each document, in order: a stage that fails or panics
/// on one report turns that report into an error row naming the stage, and the others go on.
pub fn process_group(
    pipeline: &Pipeline,
    docs: Vec<(Document, Vec<String>)>,
    profile: &Profile,
) -> Vec<Result<ReportRecord, ErrorRow>> {
    let mut states: Vec<Result<Report, ErrorRow>> = docs
        .into_iter()
        .map(|(doc, warnings)| {
            let mut report = Report::new(doc.id, doc.source, doc.text);
            report.sha256 = doc.sha256;
            report.encoding = doc.encoding;
            report.byte_len = doc.byte_len;
            report.format = doc.format;
            report.page_starts = doc.page_starts;
            report.warnings.extend(doc.warnings);
            report.warnings.extend(warnings);
            Ok(report)
        })
        .collect();
    for stage in pipeline.stages() {
        let t = std::time::Instant::now();
        let mut alive: Vec<&mut Report> = states.iter_mut().filter_map(|state| state.as_mut().ok()).collect();
        let outcomes: Vec<Result<(), String>> = match catch_unwind(AssertUnwindSafe(|| stage.run_group(&mut alive))) {
            Ok(Some(results)) => results.into_iter().map(|r| r.map_err(|e| e.to_string())).collect(),
            // No group pass, or a panic somewhere in it: each report on its own, so that a panic
            // fails only the report at fault.
            Ok(None) | Err(_) => alive
                .iter_mut()
                .map(|report| match catch_unwind(AssertUnwindSafe(|| stage.run(report))) {
                    Ok(result) => result.map_err(|e| e.to_string()),
                    Err(panic) => Err(format!("internal error (panic): {}", panic_message(&*panic))),
                })
                .collect(),
        };
        drop(alive);
        let mut outcomes = outcomes.into_iter();
        for state in &mut states {
            let Ok(report) = state else { continue };
            let Some(Err(error)) = outcomes.next() else { continue };
            *state = Err(ErrorRow {
                id: report.id.clone(),
                source: report.source.clone(),
                stage: stage.name().to_string(),
                error,
            });
        }
        profile.add(stage.name(), t.elapsed());
    }
    let t = std::time::Instant::now();
    let records = states
        .into_iter()
        .map(|state| {
            let report = state?;
            catch_unwind(AssertUnwindSafe(|| ReportRecord::from_report(&report))).map_err(|panic| ErrorRow {
                id: report.id.clone(),
                source: report.source.clone(),
                stage: "record".to_string(),
                error: format!("internal error (panic): {}", panic_message(&*panic)),
            })
        })
        .collect();
    profile.add("record", t.elapsed());
    records
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test stage: a name and what it does to each report; with `group`, a group pass that
    /// panics on any group holding a "boom" report (as a bug in a whole-group scan would) and
    /// otherwise runs each report.
    struct TestStage {
        name: &'static str,
        run: fn(&mut Report),
        group: bool,
    }
    impl acta_doc::Stage for TestStage {
        fn name(&self) -> &'static str {
            self.name
        }
        fn needs(&self) -> &'static [acta_doc::Layer] {
            &[]
        }
        fn provides(&self) -> &'static [acta_doc::Layer] {
            &[]
        }
        fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
            (self.run)(report);
            Ok(())
        }
        fn run_group(&self, reports: &mut [&mut Report]) -> Option<Vec<acta_doc::Result<()>>> {
            if !self.group {
                return None;
            }
            assert!(reports.iter().all(|r| !r.text.contains("boom")), "boom in the group");
            Some(reports.iter_mut().map(|r| self.run(r)).collect())
        }
    }

    fn stage(name: &'static str, run: fn(&mut Report)) -> Box<TestStage> {
        Box::new(TestStage { name, run, group: false })
    }

    /// A stage that panics on reports containing "boom", as a bug in any stage might.
    fn fragile() -> Box<TestStage> {
        stage("fragile", |report| {
            if report.text.contains("boom") {
                let words: Vec<&str> = report.text.split(' ').collect();
                let _ = words[words.len() + 1]; // index out of bounds
            }
        })
    }

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            byte_len: text.len(),
            format: acta_doc::TextFormat::Text,
            text: text.into(),
            warnings: Vec::new(),
            page_starts: Vec::new(),
        }
    }

    #[test]
    fn a_panic_in_a_stage_becomes_an_error_row_naming_the_stage_and_the_next_report_goes_on() {
        let pipeline = Pipeline::new(vec![Box::new(LayoutStage::new(LabelTable::bundled())), fragile()]).unwrap();
        let profile = Profile::default();
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {})); // keep the expected panic out of the test output
        let failed = process(&pipeline, doc("a", "it goes boom here"), Vec::new(), &profile);
        std::panic::set_hook(hook);
        let error = failed.unwrap_err();
        assert_eq!((error.id.as_str(), error.source.as_str(), error.stage.as_str()), ("a", "a.txt", "fragile"));
        assert!(error.error.starts_with("internal error (panic): index out of bounds"), "{}", error.error);
        let next = process(&pipeline, doc("b", "a quiet report"), Vec::new(), &profile).unwrap();
        assert_eq!(next.id, "b");
    }

    #[test]
    fn in_a_group_a_failing_report_fails_alone_and_results_keep_their_order() {
        // A stage after the fragile one must still see the other reports of the group.
        let pipeline = Pipeline::new(vec![
            Box::new(LayoutStage::new(LabelTable::bundled())),
            fragile(),
            stage("marks", |report| report.warnings.push(format!("marked {}", report.id))),
        ])
        .unwrap();
        let profile = Profile::default();
        let docs = vec![
            (doc("a", "a quiet report"), Vec::new()),
            (doc("b", "it goes boom here"), Vec::new()),
            (doc("c", "another quiet one"), vec!["kept".to_string()]),
        ];
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let results = process_group(&pipeline, docs, &profile);
        std::panic::set_hook(hook);
        assert_eq!(results.len(), 3);
        assert_eq!(results[0].as_ref().unwrap().id, "a");
        assert_eq!(results[1].as_ref().unwrap_err().stage, "fragile");
        let c = results[2].as_ref().unwrap();
        assert_eq!(c.id, "c");
        assert!(
            c.warnings.contains(&"kept".to_string()) && c.warnings.contains(&"marked c".to_string()),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn a_panic_in_a_group_pass_fails_only_the_report_at_fault() {
        // The group pass panics on the group holding "boom": the reports are then run one by one.
        let scan = TestStage {
            name: "scan",
            run: |report| {
                assert!(!report.text.contains("boom"), "boom");
                report.warnings.push("scanned".into());
            },
            group: true,
        };
        let pipeline = Pipeline::new(vec![Box::new(scan)]).unwrap();
        let profile = Profile::default();
        let docs = vec![
            (doc("a", "a quiet report"), Vec::new()),
            (doc("b", "it goes boom here"), Vec::new()),
            (doc("c", "another quiet one"), Vec::new()),
        ];
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let results = process_group(&pipeline, docs, &profile);
        std::panic::set_hook(hook);
        let error = results[1].as_ref().unwrap_err();
        assert_eq!((error.id.as_str(), error.stage.as_str()), ("b", "scan"));
        assert!(error.error.ends_with("boom"), "{}", error.error);
        for (i, id) in [(0, "a"), (2, "c")] {
            let record = results[i].as_ref().unwrap();
            assert_eq!(record.id, id);
            assert_eq!(record.warnings, vec!["scanned".to_string()], "scanned once, by the run alone");
        }
    }

    #[test]
    fn a_stage_without_a_group_pass_runs_once_per_report_even_when_one_panics() {
        // Adds to each report, and panics on "boom" after the reports before it were done: none of
        // them may be run a second time.
        let appends = stage("appends", |report| {
            report.warnings.push("appended".into());
            assert!(!report.text.contains("boom"), "boom");
        });
        let pipeline = Pipeline::new(vec![appends]).unwrap();
        let docs = vec![(doc("a", "a quiet report"), Vec::new()), (doc("b", "boom"), Vec::new())];
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let results = process_group(&pipeline, docs, &Profile::default());
        std::panic::set_hook(hook);
        assert_eq!(results[0].as_ref().unwrap().warnings, vec!["appended".to_string()]);
        assert_eq!(results[1].as_ref().unwrap_err().stage, "appends");
    }
}
