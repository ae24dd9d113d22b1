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
        let after = m.as_str().chars().next_back().filter(|c| !is_regex_word_char(*c)).map_or(0, char::len_utf8);
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

/// Whether a text holds one of a list of words as a whole word: what `is_match` of
/// `\b(?:words)\b` says, asked with the characters around the word (or the text's ends) instead
/// of `\b` when every word starts and ends with a word character, so that the DFA can answer.
pub(crate) struct WholeWords {
    regex: Regex,
}

impl WholeWords {
    /// `alternation` is the words as a regex's alternatives; `words` the words themselves (a stem
    /// ending in `*` stands for the words it starts), and `flags` the pattern's flags ("(?i)").
    pub(crate) fn new<'w>(flags: &str, alternation: &str, words: impl IntoIterator<Item = &'w str>) -> WholeWords {
        let mut words = words.into_iter().map(|w| w.strip_suffix('*').unwrap_or(w)).peekable();
        let edges_are_word_chars = words.peek().is_some()
            && words.all(|w| {
                w.chars().next().is_some_and(is_regex_word_char)
                    && w.chars().next_back().is_some_and(is_regex_word_char)
            });
        let pattern = if edges_are_word_chars {
            format!(r"{flags}(?:\A|\W)(?:{alternation})(?:\W|\z)")
        } else {
            format!(r"{flags}\b(?:{alternation})\b")
        };
        WholeWords { regex: Regex::new(&pattern).expect("valid regex") }
    }

    /// Whether a text starts with one of the words, as `is_match` of `^(?:words)\b` says.
    pub(crate) fn at_start<'w>(alternation: &str, words: impl IntoIterator<Item = &'w str>) -> WholeWords {
        let mut words = words.into_iter().peekable();
        let ends_are_word_chars =
            words.peek().is_some() && words.all(|w| w.chars().next_back().is_some_and(is_regex_word_char));
        let pattern = if ends_are_word_chars {
            format!(r"\A(?:{alternation})(?:\W|\z)")
        } else {
            format!(r"\A(?:{alternation})\b")
        };
        WholeWords { regex: Regex::new(&pattern).expect("valid regex") }
    }

    /// Whether the words had to be matched with `\b` (one of them starts or ends with a
    /// character that is not a word character).
    #[cfg(test)]
    pub(crate) fn with_word_boundaries(&self) -> bool {
        self.regex.as_str().contains(r"\b")
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.regex.is_match(haystack)
    }
}

/// A word character as the regex crate's Unicode `\w` and `\b` read it (letters, marks, decimal
/// digits, connector punctuation, the join controls): asked of the regex crate itself, so that the
/// two never disagree.
fn is_regex_word_char(c: char) -> bool {
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
            assert_eq!(is_regex_word_char(c), word.is_match(c.encode_utf8(&mut buf)), "{c:?}");
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

    #[test]
    fn whole_words_are_found_as_with_word_boundaries() {
        let words = ["national", "universit*", "Agência", "bureau of statistics"];
        let alternation = r"national|universit\w*|Agência|bureau of statistics";
        let test = WholeWords::new("(?i)", alternation, words);
        let bounded = Regex::new(&format!(r"(?i)\b(?:{alternation})\b")).unwrap();
        for text in [
            "National",
            "internationale",
            "la Universidad",
            "Universitäts",
            "AGÊNCIA",
            "Agênciaé",
            "x Bureau of Statistics.",
            "bureau of statisticsé",
            "",
        ] {
            assert_eq!(test.is_match(text), bounded.is_match(text), "{text:?}");
        }
        let heads = WholeWords::at_start("Ministério|Ministry", ["Ministério", "Ministry"]);
        let anchored = Regex::new(r"^(?:Ministério|Ministry)\b").unwrap();
        for text in ["Ministério da Saúde", "Ministérioé", "Ministry", "the Ministry", "Ministry-level", "Ministryx"]
        {
            assert_eq!(heads.is_match(text), anchored.is_match(text), "{text:?}");
        }
        // A word that starts or ends with another character keeps the `\b` pattern.
        let dotted = WholeWords::new("", r"Gov\.", ["Gov."]);
        assert!(dotted.is_match("Gov.x") && !dotted.is_match("Gov. x"));
        assert!(dotted.with_word_boundaries() && !test.with_word_boundaries() && !heads.with_word_boundaries());
    }

    proptest::proptest! {
        /// `is_match` says what `\b(?:words)\b` says.
        #[test]
        fn whole_words_match_where_word_boundaries_do(
            text in "((national|nacional|universit|Universidade|ç|é|ÉTAT|état| |-|x|\\.|_|1|\u{301})){0,12}"
        ) {
            let words = ["national", "universit*", "état", "Nacional"];
            let alternation = r"national|universit\w*|état|Nacional";
            let test = WholeWords::new("(?i)", alternation, words);
            let bounded = Regex::new(&format!(r"(?i)\b(?:{alternation})\b")).unwrap();
            proptest::prop_assert_eq!(test.is_match(&text), bounded.is_match(&text));
        }

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
