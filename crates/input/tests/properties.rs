//! Arbitrary bytes in: decoding and HTML conversion answer with text or a clear error, never panic.

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(decoded) = acta_input::decode(&bytes) {
            // Whatever is accepted is text without NUL bytes.
            prop_assert!(!decoded.text.contains('\0'));
        }
    }

    #[test]
    fn html_of_arbitrary_text_never_panics(text in "(<[a-z/!]{0,6}[^<>]{0,20}>|[^<>]{0,40}|&[a-z#0-9]{0,6};?){0,40}") {
        let _ = acta_input::html_to_text(&text);
    }
}

/// Cases per property: the default, or PROPTEST_CASES for a longer run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
