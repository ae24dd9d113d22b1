//! The backend with tiny random models built here (no download): the real loading path, real
//! inference, the merge, and the errors for bad model directories. Random weights give random
//! entities and summaries, so the tests check structure: labels from the label set, offsets inside
//! the text, summaries present, merge rules applied, errors naming the file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use acta_doc::{EntitySource, Report, Stage};
use acta_entities::{EntityStage, Gazetteers};
use acta_transformers::tiny::{write_ner_model, write_summary_model, CONLL_LABELS};
use acta_transformers::{Error, Model, NerBackend, NerStage, SummaryBackend, SummaryStage};

/// The tiny models, written once for all tests of this file (the directory lives as long as the process).
fn models() -> (&'static Path, &'static Path) {
    static MODELS: OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> = OnceLock::new();
    let (_, ner, summary) = MODELS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let ner = dir.path().join("ner");
        let summary = dir.path().join("summary");
        write_ner_model(&ner, 7).unwrap();
        write_summary_model(&summary, 11, 16).unwrap();
        (dir, ner, summary)
    });
    (ner, summary)
}

const TEXT: &str =
    "Informe de la sesión\n\nModeradora: Dra. María Fernanda Ñúñez Ortega, Ministerio de Economía de Chile\n\n\
La ministra de Ciencia, Aisén Etcheverry, abrió la sesión en Santiago junto a la Secretaría de Gobierno Digital. \
Oriana Castellanos Prieto (Red GEALC) presentó los avances de Uruguay, Brasil y Paraguay en identidad digital.\n\n\
Conclusiones\n\nLos participantes acordaron compartir indicadores y reunirse de nuevo en Lisboa.\n";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn the_ner_model_loads_from_its_directory_and_gives_labelled_spans_inside_the_text() {
    let (ner, _) = models();
    let backend = NerBackend::load(ner, 2).unwrap();
    assert_eq!(backend.instances(), 2);
    assert_eq!(backend.labels(), CONLL_LABELS);
    let entities = backend.entities(TEXT).unwrap();
    assert!(!entities.is_empty(), "random weights still tag some tokens");
    let types = ["PER", "ORG", "LOC", "MISC"];
    for e in &entities {
        assert!(types.contains(&e.label.as_str()), "label {} not from the label set", e.label);
        assert!(e.range.start < e.range.end && e.range.end <= TEXT.len());
        assert!(TEXT.is_char_boundary(e.range.start) && TEXT.is_char_boundary(e.range.end));
        assert!((0.0..=1.0).contains(&e.score));
    }
    // The same text gives the same entities (inference is deterministic, whichever instance runs it).
    assert_eq!(backend.entities(TEXT).unwrap(), entities);
    // Long texts are cut into chunks: offsets still point into the whole text.
    let long = TEXT.repeat(30);
    let many = backend.entities(&long).unwrap();
    assert!(many.len() >= entities.len());
    assert!(many.iter().all(|e| long.is_char_boundary(e.range.start) && e.range.end <= long.len()));
}

#[test]
fn the_ner_stage_merges_model_spans_by_the_rules() {
    let (ner, _) = models();
    let gaz = Arc::new(Gazetteers::bundled());
    let mut report = Report::new("r", "r.txt", TEXT.to_string());
    acta_layout::LayoutStage::bundled().run(&mut report).unwrap();
    EntityStage::new(gaz.clone()).run(&mut report).unwrap();
    let rules = report.mentions.clone();
    let stage = NerStage::new(Model::Loaded(NerBackend::load(ner, 1).unwrap()), gaz, false);
    stage.run(&mut report).unwrap();
    // Every rule mention is still there, same range and kind; only its source may become "both".
    for m in &rules {
        let kept = report.mentions.iter().find(|n| n.range == m.range && n.kind == m.kind).expect("rule mention kept");
        assert!(kept.source == m.source || kept.source == EntitySource::Both);
    }
    for m in &report.mentions {
        match m.source {
            EntitySource::Model | EntitySource::Both => {
                let s = m.model_score.expect("a model mention has the model's score");
                assert!((0.0..=1.0).contains(&s));
            }
            _ => assert_eq!(m.model_score, None),
        }
        assert!(m.canonical < report.canonicals.len());
        assert_eq!(report.canonicals[m.canonical].kind, m.kind);
    }
    assert!(report.mentions.windows(2).all(|w| w[0].range.start <= w[1].range.start));
}

#[test]
fn the_summary_model_summarises_chunk_by_chunk() {
    let (_, summary) = models();
    let backend = SummaryBackend::load(summary, 1).unwrap();
    assert_eq!(backend.max_input_tokens(), 1022);
    let short = backend.summarize(TEXT, &[]).unwrap().expect("a summary");
    assert!(!short.trim().is_empty());
    // A report longer than the model's input is cut along its sections, every chunk within the limit.
    let long: String = (0..12).map(|i| format!("Section {i}\n\n{}", TEXT.repeat(4))).collect::<Vec<_>>().join("\n");
    let mut sections = Vec::new();
    let mut at = 0;
    for part in long.split_inclusive("Section ") {
        sections.push(acta_doc::ByteRange { start: at, end: at + part.len() });
        at += part.len();
    }
    let chunks = backend.chunks(&long, &sections);
    assert!(chunks.len() > 1, "{} chunks", chunks.len());
    assert!(chunks.windows(2).all(|w| w[0].end <= w[1].start));
    let summary = backend.summarize(&long, &sections).unwrap().expect("a summary");
    assert!(summary.split_whitespace().count() >= chunks.len(), "one summary per chunk, joined");
}

#[test]
fn the_summary_stage_fills_summary_abstractive() {
    let (_, summary) = models();
    let mut report = Report::new("r", "r.txt", TEXT.to_string());
    acta_layout::LayoutStage::bundled().run(&mut report).unwrap();
    SummaryStage::new(Model::Loaded(SummaryBackend::load(summary, 1).unwrap()), false).run(&mut report).unwrap();
    assert!(report.summary_abstractive.as_deref().is_some_and(|s| !s.is_empty()));
}

/// A copy of the model `from` at `to`, with `file` (JSON) changed by `edit`.
fn copy_with_json_edit(from: &Path, to: &Path, file: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    copy_dir(from, to);
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(from.join(file)).unwrap()).unwrap();
    edit(&mut json);
    std::fs::write(to.join(file), json.to_string()).unwrap();
}

fn ner_error(dir: &Path) -> String {
    match NerBackend::load(dir, 1) {
        Ok(_) => panic!("{} loaded", dir.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_ner_models_give_errors_naming_the_file_and_never_panic() {
    let (ner, _) = models();
    let tmp = tempfile::tempdir().unwrap();

    let missing = tmp.path().join("no-such-model");
    assert!(ner_error(&missing).contains("no-such-model"));

    let no_weights = tmp.path().join("no-weights");
    copy_dir(ner, &no_weights);
    std::fs::remove_file(no_weights.join("rust_model.ot")).unwrap();
    let e = ner_error(&no_weights);
    assert!(e.contains("rust_model.ot") && e.contains("missing"), "{e}");

    let bad_json = tmp.path().join("bad-json");
    copy_dir(ner, &bad_json);
    std::fs::write(bad_json.join("config.json"), "{\"model_type\": \"bert\", \"hidden_size\": ").unwrap();
    let e = ner_error(&bad_json);
    assert!(e.contains("config.json") && e.contains("malformed JSON"), "{e}");

    let wrong_field = tmp.path().join("wrong-field");
    copy_with_json_edit(ner, &wrong_field, "config.json", |c| c["hidden_size"] = serde_json::json!("thirty-two"));
    let e = ner_error(&wrong_field);
    assert!(e.contains("config.json") && e.contains("not a valid BERT configuration"), "{e}");

    let bad_labels = tmp.path().join("bad-labels");
    copy_with_json_edit(ner, &bad_labels, "config.json", |c| c["id2label"]["3"] = serde_json::json!("PERSON"));
    let e = ner_error(&bad_labels);
    assert!(e.contains("config.json") && e.contains("outside the B-/I-/O scheme"), "{e}");

    let truncated = tmp.path().join("truncated");
    copy_dir(ner, &truncated);
    let bytes = std::fs::read(ner.join("rust_model.ot")).unwrap();
    std::fs::write(truncated.join("rust_model.ot"), &bytes[..bytes.len() / 3]).unwrap();
    let e = ner_error(&truncated);
    assert!(e.contains("truncated") && e.contains("rust_model.ot"), "{e}");
    assert!(!e.contains('\n') && !e.contains("frame #"), "one line, without libtorch's backtrace: {e}");

    // Weights of another shape (the summariser's) under a NER config.
    let mismatched = tmp.path().join("mismatched");
    copy_dir(ner, &mismatched);
    std::fs::copy(models().1.join("rust_model.ot"), mismatched.join("rust_model.ot")).unwrap();
    let e = ner_error(&mismatched);
    assert!(e.contains("mismatched/rust_model.ot") && e.contains("cannot find the tensor"), "{e}");
}

#[test]
fn bad_summary_models_give_errors_naming_the_file() {
    let (ner, summary) = models();
    let tmp = tempfile::tempdir().unwrap();
    let err = |dir: &Path| match SummaryBackend::load(dir, 1) {
        Ok(_) => panic!("{} loaded", dir.display()),
        Err(e) => e.to_string(),
    };
    // A NER directory is not a BART model.
    assert!(err(ner).contains("BART"), "{}", err(ner));
    let no_merges = tmp.path().join("no-merges");
    copy_dir(summary, &no_merges);
    std::fs::remove_file(no_merges.join("merges.txt")).unwrap();
    assert!(err(&no_merges).contains("merges.txt"));
    let no_mask = tmp.path().join("no-mask");
    copy_with_json_edit(summary, &no_mask, "vocab.json", |v| {
        v.as_object_mut().unwrap().remove("<mask>");
    });
    let e = err(&no_mask);
    assert!(e.contains("vocab.json") && e.contains("<mask>"), "{e}");
}

#[test]
fn with_fallback_an_unavailable_model_leaves_a_warning_and_the_rules_output() {
    let gaz = Arc::new(Gazetteers::bundled());
    let mut report = Report::new("r", "r.txt", TEXT.to_string());
    acta_layout::LayoutStage::bundled().run(&mut report).unwrap();
    EntityStage::new(gaz.clone()).run(&mut report).unwrap();
    let rules = report.mentions.clone();
    let why = Error::File { path: "m/config.json".into(), problem: "malformed JSON".into() }.to_string();
    NerStage::new(Model::Unavailable(why), gaz, true).run(&mut report).unwrap();
    assert_eq!(report.mentions, rules);
    assert!(report.warnings.iter().any(|w| w.contains("NER model not used") && w.contains("m/config.json")));
}
