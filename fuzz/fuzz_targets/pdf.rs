//! Arbitrary bytes as a PDF: an error or text, never a panic out of the reader; text is never empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(pdf) = acta_input::pdf_to_text(bytes) {
        assert!(!pdf.text.trim().is_empty());
    }
});
