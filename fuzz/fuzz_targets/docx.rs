//! Arbitrary bytes as a Word document: an error or text, never a panic; text is never empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = acta_input::docx_to_text(bytes) {
        assert!(!text.trim().is_empty());
    }
});
