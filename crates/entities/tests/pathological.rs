//! Inputs shaped to find quadratic corners: one very long line, a very long speaker list, many
//! headings. Each must be processed completely; their times are in `make bench`-style runs, not
//! asserted here (see the closing notes of issue 9 for measured figures).

use std::sync::Arc;

use acta_doc::{EntityKind, Report, Stage};
use acta_entities::{EntityStage, Gazetteers, SpeakerStage};
use acta_layout::LayoutStage;

fn run(text: String) -> Report {
    let gaz = Arc::new(Gazetteers::bundled());
    let mut report = Report::new("p", "p.txt", text);
    LayoutStage::bundled().run(&mut report).unwrap();
    EntityStage::new(gaz.clone()).run(&mut report).unwrap();
    SpeakerStage::new(gaz).run(&mut report).unwrap();
    report
}

#[test]
fn one_long_line_with_many_names() {
    let words = [
        "the", "ministry", "of", "economy", "Ana", "Silva", "said", "that", "Brazil", "network", "la", "ministra",
        "de", "Ciencia,",
    ];
    let text: Vec<&str> = (0..40_000).map(|i| words[(i * 7 + i / 3) % words.len()]).collect();
    let r = run(text.join(" "));
    assert!(r.canonicals_of(EntityKind::Country).any(|(_, c)| c.name == "BR"));
}

#[test]
fn a_speaker_list_of_thousands_of_entries() {
    let mut text = String::from("Speakers\n");
    for i in 0..3_000u32 {
        // A distinct surname per entry: "Costaaa", "Costaab", ...
        let suffix: String = [i / 676, (i / 26) % 26, i % 26].iter().map(|d| char::from(b'a' + *d as u8)).collect();
        text.push_str(&format!("- Ana Silva Costa{suffix}, Director, Ministry of Economy of Peru\n"));
    }
    let r = run(text);
    assert_eq!(r.speakers.len(), 3_000);
    assert!(r.speakers.iter().all(|s| s.country.is_some_and(|c| c.as_str() == "PE")));
}

#[test]
fn thousands_of_headings() {
    let mut text = String::new();
    for i in 0..3_000 {
        text.push_str(&format!("Section {i}\n\nMr. Juan Pérez spoke about topic {i} in the region.\n\n"));
    }
    let r = run(text);
    assert!(r.sections.len() >= 3_000, "{}", r.sections.len());
    assert_eq!(r.canonicals_of(EntityKind::Person).count(), 1, "one person however often named");
}

#[test]
fn many_short_lines_without_spaces() {
    // What a table-heavy HTML page can turn into: tens of thousands of one-word lines. Every
    // capitalised word is tried as an honorific; the look-up must not scan to the next space.
    let r = run("Texto\n\nx\nDr.\n".repeat(20_000));
    assert_eq!(r.speakers.len(), 0);
    assert!(r.text.len() > 200_000);
}

#[test]
fn thousands_of_labelled_lines() {
    // Minutes written as fields, many of them lists of people: each line's checks against the
    // report's fields and lists must not read all of them.
    let labels =
        ["Fecha", "Hora", "Lugar", "Moderador", "Organizador", "Relator", "Participantes", "Tema", "Resolución"];
    let mut text = String::from("ACTA DE LA SESIÓN ORDINARIA\n\n");
    for i in 0..3_000 {
        text.push_str(&format!("{}: Ana Silva Costa, punto {i} tratado por el concejo\n", labels[i % labels.len()]));
    }
    let r = run(text);
    assert!(r.fields.len() >= 3_000, "{}", r.fields.len());
    assert_eq!(r.canonicals_of(EntityKind::Person).count(), 1, "one person however often named");
}
