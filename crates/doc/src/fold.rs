//! Text folding for comparisons: the same rules the answer-key scorer uses.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases, removes accents (NFKD, combining marks dropped) and collapses whitespace.
///
/// ```
/// assert_eq!(acta_doc::fold("  Martínez   MANCILLA "), "martinez mancilla");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Nothing to decompose: lower-case and collapse whitespace only.
        let mut out = String::with_capacity(s.len());
        for word in s.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    // Each character decomposed on its own: NFKD's canonical reordering moves only combining
    // marks (every character of a nonzero combining class is one), and those are dropped anyway.
    // ASCII needs no decomposition, which is most of any text in acta's languages.
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if !c.is_ascii() && unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| push(d, &mut out));
        }
    }
    out
}

/// Like [`fold`], and every character that is not a letter or a digit becomes a space.
///
/// ```
/// assert_eq!(acta_doc::fold_words("Chair/Moderator:"), "chair moderator");
/// ```
pub fn fold_words(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Removes accents but keeps case: "Martínez" -> "Martinez".
pub fn strip_accents(s: &str) -> String {
    s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).nfc().collect()
}

/// Does the text end the way a sentence does: a stop, question or exclamation mark, an ellipsis,
/// or a closing quote or bracket after one? Headlines, table rows and labels do not.
///
/// ```
/// assert!(acta_doc::ends_like_sentence("It ended on time."));
/// assert!(!acta_doc::ends_like_sentence("Key Issues raised"));
/// ```
pub fn ends_like_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…', '"', '”', '»', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fold` as the scorer defines it: NFKD over the whole string, marks dropped, lower case,
    /// whitespace collapsed.
    fn fold_by_definition(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.nfkd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn folding_character_by_character_is_nfkd_folding() {
        let tricky = [
            "  Martínez   MANCILLA ",
            "São Paulo\u{00A0}– Conceição",
            "e\u{0301}\u{0327}te\u{0327}\u{0301} ",
            "a \u{0301}",
            "\u{0301}début",
            "ﬁnance ½ Ⅻ ㎞ ＡＢＣ",
            "한국어 Ελληνικά ΣΊΣΥΦΟΣ İstanbul",
            "tab\tvertical\u{000B}form\u{000C}feed\r\nline\u{2028}sep",
            "Œuvre, Ægir, ß, ŉ, ǅ",
        ];
        for s in tricky {
            assert_eq!(fold(s), fold_by_definition(s), "{s:?}");
        }
        // Every line of the bundled sample reports.
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut lines = 0;
        for entry in std::fs::read_dir(&corpus).expect("corpus/ is part of the repository") {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path().join("report.txt")) else { continue };
            for line in text.lines() {
                assert_eq!(fold(line), fold_by_definition(line), "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 500, "{lines} lines read");
    }
}
