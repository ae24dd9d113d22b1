//! Arbitrary report-like text in: the layout, entity and speaker stages never panic, and every
//! byte range they return lies inside the text, on character boundaries, in order.

use std::sync::{Arc, LazyLock};

use acta_doc::{ByteRange, Report, Stage};
use acta_entities::{EntityStage, Gazetteers, SpeakerStage};
use acta_layout::LayoutStage;
use proptest::prelude::*;

static GAZ: LazyLock<Arc<Gazetteers>> = LazyLock::new(|| Arc::new(Gazetteers::bundled()));

/// Pieces that steer generation towards what the extractors look at: labels, honorifics, names,
/// institution heads, places, separators, accents and odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Speakers:\n".to_string()),
        Just("Moderator: ".to_string()),
        Just("- ".to_string()),
        Just("Mr. ".to_string()),
        Just("Sra. ".to_string()),
        Just("M. ".to_string()),
        Just("Ana María López ".to_string()),
        Just("DIALLO Aminata, ".to_string()),
        Just("Benítez Arce, Lucía - ".to_string()),
        Just("Ministry of Economy of Brazil".to_string()),
        Just("Ministère de l'Économie numérique du Sénégal ".to_string()),
        Just("Universidad de Chile ".to_string()),
        Just("(AGESIC) ".to_string()),
        Just(" | ".to_string()),
        Just(",".to_string()),
        Just("; ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("Georgia ".to_string()),
        Just("Côte d’Ivoire ".to_string()),
        Just("said that ".to_string()),
        Just("la ministra de Ciencia, ".to_string()),
        "[A-ZÁÉ][a-záéíóúñç]{0,10} ",
        "\\PC{0,12}",
        "[\u{0}-\u{1f}\u{7f}\u{a0}\u{200b}\u{fffd}]{0,3}",
    ]
}

fn report_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

fn check(text: &str, r: ByteRange, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} outside the text");
    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{what} {r:?} not on char boundaries");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(200)))]

    #[test]
    fn stages_never_panic_and_ranges_are_valid(text in report_text()) {
        let mut report = Report::new("p", "p.txt", text);
        LayoutStage::bundled().run(&mut report).unwrap();
        EntityStage::new(GAZ.clone()).run(&mut report).unwrap();
        SpeakerStage::new(GAZ.clone()).run(&mut report).unwrap();
        let t = report.text.clone();
        for m in &report.mentions {
            check(&t, m.range, "mention")?;
            prop_assert!(m.canonical < report.canonicals.len());
        }
        prop_assert!(report.mentions.windows(2).all(|w| w[0].range.start <= w[1].range.start), "mentions in order");
        for s in &report.speakers {
            prop_assert!(s.person < report.canonicals.len());
            check(&t, s.source_line, "speaker line")?;
            for r in [s.honorific, s.role, s.organization].into_iter().flatten() {
                check(&t, r, "speaker part")?;
            }
        }
        for l in &report.lines {
            check(&t, l.range, "line")?;
        }
        // Every cleaned offset maps back inside the original.
        for m in &report.mentions {
            let o = report.offsets.range_to_original(m.range);
            prop_assert!(o.end <= report.original.len());
        }
    }
}

/// Cases per property: the default, or PROPTEST_CASES for a longer run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Found by the property above: a body read late from an entry overlapped one read from the prose
/// after a name, and the speaker stage sliced between them backwards.
#[test]
fn late_bodies_do_not_overlap() {
    let text = "Speakers:\nAna María López Moderator: Ana María López Universidad de Chile Georgia  | ";
    let mut report = Report::new("p", "p.txt", text.to_string());
    LayoutStage::bundled().run(&mut report).unwrap();
    EntityStage::new(GAZ.clone()).run(&mut report).unwrap();
    SpeakerStage::new(GAZ.clone()).run(&mut report).unwrap();
    let bodies: Vec<_> = report
        .mentions
        .iter()
        .filter(|m| matches!(m.kind, acta_doc::EntityKind::Ministry | acta_doc::EntityKind::Organization))
        .collect();
    assert!(bodies.windows(2).all(|w| w[0].range.end <= w[1].range.start), "{bodies:?}");
}
