//! `EntityStage::run_group` scans a whole group before reading the matches; it must give every
//! report exactly what `run` gives it alone.

use std::sync::Arc;

use acta_doc::{Report, Stage};
use acta_entities::{EntityStage, Gazetteers};
use acta_layout::LayoutStage;

/// The plain-text reports of `corpus/`, laid out.
fn corpus_reports() -> Vec<Report> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("corpus/ is in the repository").flatten().collect();
    names.sort_by_key(|e| e.file_name());
    let layout = LayoutStage::bundled();
    names
        .into_iter()
        .filter_map(|e| std::fs::read_to_string(e.path().join("report.txt")).ok().map(|t| (e.file_name(), t)))
        .map(|(name, text)| {
            let mut report = Report::new(name.to_string_lossy(), "report.txt", text);
            layout.run(&mut report).unwrap();
            report
        })
        .collect()
}

#[test]
fn a_group_gives_each_report_what_it_gets_alone() {
    let stage = EntityStage::new(Arc::new(Gazetteers::bundled()));
    let mut alone = corpus_reports();
    assert!(alone.len() >= 30, "{} reports", alone.len());
    for report in &mut alone {
        stage.run(report).unwrap();
    }
    let mut grouped = corpus_reports();
    let mut refs: Vec<&mut Report> = grouped.iter_mut().collect();
    let results = stage.run_group(&mut refs).expect("the entity stage has a group pass");
    assert_eq!(results.len(), alone.len());
    assert!(results.iter().all(Result::is_ok));
    let mut people = 0;
    for (a, g) in alone.iter().zip(&grouped) {
        assert_eq!(a.mentions, g.mentions, "{}", a.id);
        assert_eq!(a.canonicals, g.canonicals, "{}", a.id);
        people += a.canonicals_of(acta_doc::EntityKind::Person).count();
    }
    assert!(people > 100, "{people} people: the comparison should see real extraction");
}

#[test]
fn the_speaker_table_is_the_same_from_the_entity_stages_list_entries_as_from_its_own_reading() {
    let gaz = Arc::new(Gazetteers::bundled());
    let (entities, speakers) = (EntityStage::new(gaz.clone()), acta_entities::SpeakerStage::new(gaz));
    let mut shared = corpus_reports();
    let mut own = corpus_reports();
    let mut entries = 0;
    for (s, o) in shared.iter_mut().zip(&mut own) {
        entities.run(s).unwrap();
        entities.run(o).unwrap();
        entries += s.list_entries.as_ref().expect("the entity stage keeps the lists' entries").len();
        // Without the entity stage's entries (another entity reader ran), the speaker stage reads the lists.
        o.list_entries = None;
        speakers.run(s).unwrap();
        speakers.run(o).unwrap();
        assert_eq!(s.speakers, o.speakers, "{}", s.id);
    }
    assert!(entries > 100, "{entries} entries: the comparison should see real lists");
}
