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
    let mut out = String::with_capacity(s.len());
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
