//! Arbitrary text read as Markdown (and as text with stray HTML), then cleaned and parsed: no panic,
//! every range inside the cleaned text on character boundaries, every cleaned offset mapping back
//! inside the file as written.
#![no_main]

use acta_doc::{ByteRange, Report, Stage, TextFormat};
use acta_layout::LayoutStage;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, r: ByteRange) {
    assert!(r.start <= r.end && r.end <= text.len(), "{r:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} not on char boundaries");
}

fuzz_target!(|text: &str| {
    for format in [TextFormat::Markdown, TextFormat::Text] {
        let mut report = Report::new("f", "f.md", text.to_string());
        report.format = format;
        LayoutStage::bundled().run(&mut report).unwrap();
        let t = &report.text;
        for line in &report.lines {
            check(t, line.range);
            check(t, line.content);
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
    }
});
