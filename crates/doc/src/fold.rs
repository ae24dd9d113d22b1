//! Text folding for comparisons: the same rules the answer-key scorer uses.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases, removes accents (NFKD, combining marks dropped) and collapses whitespace.
///
/// ```
/// assert_eq!(acta_doc::fold("  Martínez   MANCILLA "), "martinez mancilla");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Nothing to decompose: lower-case and collapse whitespace only. Most of what is folded
        // (a name, a line, a sentence) has single spaces between its words and none at its ends:
        // its fold is its lower case.
        if is_spaced_once(s.as_bytes()) {
            return s.to_ascii_lowercase();
        }
        let mut out = Vec::with_capacity(s.len());
        let mut pending_space = false;
        for &b in s.as_bytes() {
            if is_ascii_space(b) {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.push(b.to_ascii_lowercase());
        }
        return String::from_utf8(out).expect("ASCII in, ASCII out");
    }
    // Each character decomposed on its own: NFKD's canonical reordering moves only combining
    // marks (every character of a nonzero combining class is one), and those are dropped anyway.
    // ASCII needs no decomposition, which is most of any text in acta's languages; the accented
    // letters of the Latin alphabets come from a table of their folds, made once by the same rule.
    let mut out = String::with_capacity(s.len());
    push_fold(s, &mut out);
    out
}

/// [`fold`] of `s` into `out`, in place of what it held: a caller that folds word after word
/// keeps one buffer instead of making a string per word.
///
/// ```
/// let mut out = String::new();
/// acta_doc::fold_into("São", &mut out);
/// assert_eq!(out, "sao");
/// ```
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() && is_spaced_once(s.as_bytes()) {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        push_fold(s, out);
    }
}

/// The fold of `s` (not only of ASCII) pushed onto `out`, empty.
fn push_fold(s: &str, out: &mut String) {
    let mut pending_space = false;
    let table = latin_folds();
    for c in s.chars() {
        if c.is_ascii() {
            if is_ascii_space(c as u8) {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match table.get(c as usize - 0x80) {
            Some(CharFold::To(folded)) => push_folded(*folded, out, &mut pending_space),
            Some(CharFold::Dropped) => {}
            _ => unicode_normalization::char::decompose_compatible(c, |d| push_folded(d, out, &mut pending_space)),
        }
    }
}

/// `char::is_whitespace` of ASCII: tab, line feed, vertical tab, form feed, return, space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// No whitespace but single spaces between other characters.
fn is_spaced_once(bytes: &[u8]) -> bool {
    let mut after_space = true;
    for &b in bytes {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if is_ascii_space(b) {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || bytes.is_empty()
}

/// One character of a decomposition onto a fold: combining marks dropped, a run of spaces one
/// space (none at the start), letters lower-cased.
fn push_folded(c: char, out: &mut String, pending_space: &mut bool) {
    if !c.is_ascii() && unicode_normalization::char::is_combining_mark(c) {
        return;
    }
    if c.is_whitespace() {
        *pending_space = !out.is_empty();
        return;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// What [`fold`] makes of one non-ASCII character on its own.
#[derive(Clone, Copy)]
enum CharFold {
    /// One lower-case character that is no space (`é` -> `e`, `Ñ` -> `n`, `ß` -> `ß`).
    To(char),
    /// Nothing: a combining mark.
    Dropped,
    /// Anything else (a space, several characters): decomposed as it comes.
    AsItComes,
}

/// The folds of U+0080 to U+058F (Latin-1, the Latin extensions, Greek, Cyrillic and the
/// combining marks), each worked out once by decomposing the character as [`fold`] does.
fn latin_folds() -> &'static [CharFold] {
    static TABLE: std::sync::OnceLock<Vec<CharFold>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80u32..0x590)
            .map(|code| {
                let Some(c) = char::from_u32(code) else { return CharFold::AsItComes };
                let mut parts: Vec<char> = Vec::new();
                let mut space = false;
                unicode_normalization::char::decompose_compatible(c, |d| {
                    if !d.is_ascii() && unicode_normalization::char::is_combining_mark(d) {
                        return;
                    }
                    if d.is_whitespace() {
                        space = true;
                        return;
                    }
                    parts.extend(d.to_lowercase());
                });
                match (space, parts.as_slice()) {
                    (false, []) => CharFold::Dropped,
                    // `fold` lower-cases what it pushes: the table's letter must stay as it is.
                    (false, [one]) if one.to_lowercase().eq([*one]) => CharFold::To(*one),
                    _ => CharFold::AsItComes,
                }
            })
            .collect()
    })
}

/// Like [`fold`], and every character that is not a letter or a digit becomes a space.
///
/// ```
/// assert_eq!(acta_doc::fold_words("Chair/Moderator:"), "chair moderator");
/// ```
pub fn fold_words(s: &str) -> String {
    words_of_fold(fold(s))
}

/// [`fold_words`] of a text given its [`fold`]: a caller that needs both folds once.
pub fn words_of_fold(folded: String) -> String {
    // A fold has single spaces and none at its ends: of letters, digits and spaces, it is its own words.
    if folded.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
        return folded;
    }
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

    proptest::proptest! {
        /// Folding ASCII as its lower case when its spaces are single folds by definition.
        #[test]
        fn ascii_folds_by_definition(s in "[ aZ.\\t\\n\\r\u{0B}\u{0C}]{0,20}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_definition(&s));
            let mut into = String::from("what was there before");
            fold_into(&s, &mut into);
            proptest::prop_assert_eq!(into, fold_by_definition(&s));
        }

        /// And so does any text of ASCII and the other characters of the reports.
        #[test]
        fn text_folds_by_definition(s in "[ -~\\t\\n\\r\u{0B}\u{0C}À-ÿ\u{00A0}\u{0301}\u{2028}ﬁİ]{0,40}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_definition(&s));
            let mut into = String::from("Ça");
            fold_into(&s, &mut into);
            proptest::prop_assert_eq!(into, fold_by_definition(&s));
        }
    }

    #[test]
    fn a_vertical_tab_is_whitespace_in_ascii_too() {
        // Word's line break: ASCII text read from a document may hold it.
        assert_eq!(fold("Ana\u{0B}SILVA "), "ana silva");
    }

    #[test]
    fn fold_words_is_the_words_of_the_fold() {
        let by_definition = |s: &str| {
            fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
        };
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut lines =
            vec!["Chair/Moderator:".to_string(), " a  b ".into(), "São Paulo – 2026".into(), "x_y".into(), "".into()];
        for entry in std::fs::read_dir(&corpus).expect("corpus/ is part of the repository") {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path().join("report.txt")) else { continue };
            lines.extend(text.lines().map(str::to_string));
        }
        for line in &lines {
            assert_eq!(fold_words(line), by_definition(line), "{line:?}");
        }
    }

    #[test]
    fn the_table_of_latin_folds_folds_by_definition() {
        // Every character the table holds, alone, between words, after a space, before a mark.
        for code in 0x80u32..0x5A0 {
            let Some(c) = char::from_u32(code) else { continue };
            for s in [format!("{c}"), format!("Ab{c}cD"), format!("x {c}"), format!("{c}\u{0301} y"), format!(" {c} ")]
            {
                assert_eq!(fold(&s), fold_by_definition(&s), "U+{code:04X} in {s:?}");
            }
        }
    }
}
