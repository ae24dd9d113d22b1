//! Arbitrary text through PDF clean-up, layout parsing and metadata: no panic, every range inside
//! the cleaned text on character boundaries, every cleaned offset mapping back inside the original.
#![no_main]

use acta_doc::{ByteRange, Report, Stage};
use acta_layout::{LayoutStage, MetadataStage};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, r: ByteRange) {
    assert!(r.start <= r.end && r.end <= text.len(), "{r:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} not on char boundaries");
}

fuzz_target!(|text: &str| {
    let mut report = Report::new("f", "f.txt", text.to_string());
    LayoutStage::bundled().run(&mut report).unwrap();
    MetadataStage.run(&mut report).unwrap();
    let t = &report.text;
    for line in &report.lines {
        check(t, line.range);
        check(t, line.content);
    }
    for section in &report.sections {
        check(t, section.body);
        section.heading.into_iter().for_each(|h| check(t, h));
    }
    for field in &report.fields {
        check(t, field.label);
        check(t, field.value);
    }
    for i in 0..=t.len() {
        if t.is_char_boundary(i) {
            assert!(report.offsets.to_original(i) <= report.original.len());
        }
    }
});
