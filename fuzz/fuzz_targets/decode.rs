//! Arbitrary bytes through the decoder: no panic; a decoded text is valid UTF-8 by construction,
//! and decoding it again as UTF-8 gives it back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = acta_input::decode(bytes) {
        if decoded.encoding == "UTF-8" && !bytes.starts_with(b"\xEF\xBB\xBF") {
            assert_eq!(decoded.text.as_bytes(), bytes, "UTF-8 input is kept as it is");
        }
    }
});
