//! Arbitrary bytes as a JSON Lines stream: no panic, one result per line, every document within
//! the size limit and carrying the line it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let limit = 4096;
    let mut last_line = 0;
    for line in acta_input::read_json_lines(bytes, limit) {
        assert!(line.line > last_line, "lines are numbered in order");
        last_line = line.line;
        if let Ok(doc) = line.result {
            assert!(doc.byte_len as u64 <= limit);
            assert!(!doc.id.is_empty());
        }
    }
});
