//! Arbitrary text through the whole pipeline (layout, language, metadata, entities, speakers,
//! summary) and into a record and CSV rows: no panic, every mention and speaker range inside the
//! text on character boundaries, every speaker pointing at a known person.
#![no_main]

use std::sync::{Arc, LazyLock};

use acta_doc::{ByteRange, Pipeline, Report};
use acta_entities::{EntityStage, Gazetteers, SpeakerStage};
use acta_lang::{Detector, LanguageStage, DEFAULT_LANGUAGES};
use acta_layout::{LayoutStage, MetadataStage};
use acta_summary::SummaryStage;
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    let gaz = Arc::new(Gazetteers::bundled());
    let detector = Arc::new(Detector::new(DEFAULT_LANGUAGES).expect("bundled languages"));
    Pipeline::new(vec![
        Box::new(LayoutStage::bundled()),
        Box::new(LanguageStage::new(detector)),
        Box::new(MetadataStage),
        Box::new(EntityStage::new(gaz.clone())),
        Box::new(SpeakerStage::new(gaz)),
        Box::new(SummaryStage::new(3)),
    ])
    .expect("stages in order")
});

fn check(text: &str, r: ByteRange) {
    assert!(r.start <= r.end && r.end <= text.len(), "{r:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} not on char boundaries");
}

fuzz_target!(|text: &str| {
    let mut report = Report::new("f", "f.txt", text.to_string());
    for stage in PIPELINE.stages() {
        stage.run(&mut report).unwrap();
    }
    let t = &report.text;
    for m in &report.mentions {
        check(t, m.range);
        assert!(m.canonical < report.canonicals.len());
        assert!(report.offsets.range_to_original(m.range).end <= report.original.len());
    }
    for s in &report.speakers {
        assert!(s.person < report.canonicals.len());
        check(t, s.source_line);
        for r in [s.honorific, s.role, s.organization].into_iter().flatten() {
            check(t, r);
        }
    }
    for span in &report.language_spans {
        check(t, span.range);
    }
    let record = acta_export::ReportRecord::from_report(&report);
    let mut jsonl = Vec::new();
    acta_export::write_jsonl(&mut jsonl, &record).unwrap();
    assert_eq!(jsonl.iter().filter(|&&b| b == b'\n').count(), 1, "one JSON line per record");
});
