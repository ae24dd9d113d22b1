//! Patterns that end on a whole word, searched without a Unicode `\b`.
//!
//! The regex crate's lazy DFA cannot apply a Unicode word boundary to text that is not ASCII, and
//! most reports are not: a pattern ending in `\b` is then run by its slower engines, at many times
//! the cost. A [`WordEndRegex`] matches the character after the word instead (or the end of the
//! text), which the DFA can, and gives back each match without it.

use std::ops::Range;

use regex::Regex;

/// A pattern whose every match ends with a word character, matched as `pattern\b` would be.
pub(crate) struct WordEndRegex {
    /// `pattern`, then a character that is not a word character, or the end of the text.
    regex: Regex,
}

impl WordEndRegex {
    /// `pattern` must end with a word character in every match (an alternation of words ending in
    /// letters, say): then "followed by a non-word character or the end" is what `\b` says there.
    pub(crate) fn new(pattern: &str) -> WordEndRegex {
        WordEndRegex { regex: Regex::new(&format!(r"(?:{pattern})(?:\W|\z)")).expect("valid regex") }
    }

    /// The first match at or after byte `at`, as `pattern\b` finds it.
    pub(crate) fn find_at(&self, haystack: &str, at: usize) -> Option<Range<usize>> {
        let m = self.regex.find_at(haystack, at)?;
        // The character after the word, when the match took one: it is no word character, and the
        // word's own last character is.
        let after = m.as_str().chars().next_back().filter(|c| !is_word_char(*c)).map_or(0, char::len_utf8);
        Some(m.start()..m.end() - after)
    }

    /// The first match, as `pattern\b` finds it.
    pub(crate) fn find(&self, haystack: &str) -> Option<Range<usize>> {
        self.find_at(haystack, 0)
    }

    /// Every match, as `pattern\b`'s `find_iter` gives them: each search starts where the last
    /// match's word ended (the character after it may start the next match).
    pub(crate) fn find_iter<'s>(&'s self, haystack: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.find_at(haystack, at)?;
            // A match is never empty (it ends with a word character), so the search moves on.
            at = m.end;
            Some(m)
        })
    }
}

/// A word character as the regex crate's Unicode `\w` and `\b` read it (letters, marks, decimal
/// digits, connector punctuation, the join controls): asked of the regex crate itself, so that the
/// two never disagree.
fn is_word_char(c: char) -> bool {
    static WORD: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| Regex::new(r"^\w$").expect("valid regex"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0u8; 4];
    WORD.is_match(c.encode_utf8(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADS: &str = r"[ \t,]+(?:and the|y la|et l'|e a)[ \t]*(?:\p{Lu}\p{Ll}+[ \t]+){0,3}(?:Agency|Agencia|Agência|Université|Ministry|Ministério|Bank)";

    #[test]
    fn a_word_char_is_what_the_regex_crate_reads_as_one() {
        let word = Regex::new(r"^\w$").unwrap();
        for c in
            ['a', 'Z', '0', '_', 'é', 'ç', 'ß', 'Ω', '\u{301}', '٣', '‿', '\u{200d}', ' ', '-', '.', '’', '\u{a0}', '€']
        {
            let mut buf = [0u8; 4];
            assert_eq!(is_word_char(c), word.is_match(c.encode_utf8(&mut buf)), "{c:?}");
        }
    }

    #[test]
    fn the_character_after_the_word_is_left_out() {
        let re = WordEndRegex::new(HEADS);
        let text = "Ministry of Justice and the Agency, and the Bank";
        let found: Vec<&str> = re.find_iter(text).map(|r| &text[r]).collect();
        assert_eq!(found, [" and the Agency", ", and the Bank"]);
        // "Agencyx" is not the word "Agency".
        assert_eq!(re.find(" and the Agencyx"), None);
        assert_eq!(re.find(" y la Agencia."), Some(0..13));
    }

    proptest::proptest! {
        /// Matches, their order and their ends are those of the pattern with a Unicode `\b`.
        #[test]
        fn matches_are_those_of_a_word_boundary(
            text in "((and the|y la|e a|et l'|,| |\t|Agency|Agencia|Agência|Université|Ministry|Ministério|Bank|Gran|x|é|_|-|\\.|1)){0,24}"
        ) {
            let bounded = Regex::new(&format!(r"(?:{HEADS})\b")).unwrap();
            let re = WordEndRegex::new(HEADS);
            let expected: Vec<Range<usize>> = bounded.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(re.find_iter(&text).collect::<Vec<_>>(), expected);
            proptest::prop_assert_eq!(re.find(&text), bounded.find(&text).map(|m| m.range()));
        }
    }
}
