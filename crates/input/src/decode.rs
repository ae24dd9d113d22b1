//! Bytes to text: BOMs, UTF-8, UTF-16 and legacy single-byte encodings.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::{Error, Result};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Share of control characters above which decoded text is taken for binary or mis-decoded data.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes report bytes: a BOM decides first; else strict UTF-8; else the legacy encoding that
/// chardetng finds most likely. Empty, binary and undecodable input are errors.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = enc.decode_without_bom_handling_and_without_replacement(body).ok_or_else(|| Error::Undecodable {
            reason: format!("invalid {} after its byte-order mark", enc.name()),
        })?;
        (text.into_owned(), enc.name())
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary { offset });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), UTF_8.name()),
            Err(_) => {
                let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
                if enc == UTF_8 || enc == UTF_16LE || enc == UTF_16BE {
                    return Err(Error::Undecodable { reason: "invalid UTF-8 and no legacy encoding fits".into() });
                }
                let text = enc.decode_without_bom_handling_and_without_replacement(bytes).ok_or_else(|| {
                    Error::Undecodable { reason: format!("bytes invalid in {}, the likeliest encoding", enc.name()) }
                })?;
                (text.into_owned(), enc.name())
            }
        }
    };
    check_text(&text)?;
    Ok(Decoded { text, encoding })
}

/// Rejects text that is empty or mostly control characters (binary data that slipped through).
fn check_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        }
    }
    if controls as f64 > MAX_CONTROL_SHARE * chars as f64 {
        return Err(Error::Undecodable {
            reason: format!("{controls} control characters in {chars}: binary data or an unknown encoding"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Sesión".as_bytes()).unwrap().text, "Sesión");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Sesión".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "Sesión");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Reunião".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), Decoded { text: "Reunião".into(), encoding: "UTF-16LE" });
        let mut be = vec![0xFE, 0xFF];
        for u in "Reunião".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
        // An odd trailing byte is not UTF-16.
        le.push(0x41);
        assert!(matches!(decode(&le), Err(Error::Undecodable { .. })));
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("La reunión se celebró en São Paulo con la participación de la Secretaría de Innovación – “Gobierno Abierto”.");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("reunión") && d.text.contains("“Gobierno Abierto”"));
    }

    #[test]
    fn empty_binary_and_control_garbage_are_errors() {
        assert!(matches!(decode(b""), Err(Error::Empty)));
        assert!(matches!(decode(b"  \n\t "), Err(Error::Empty)));
        assert!(matches!(decode(b"ab\0cd"), Err(Error::Binary { offset: 2 })));
        let garbage: Vec<u8> = (1u8..9).cycle().take(200).collect();
        assert!(matches!(decode(&garbage), Err(Error::Undecodable { .. })));
    }
}
