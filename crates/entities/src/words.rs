//! Whole-word matching of fixed strings: gazetteer forms, a report's own names and acronyms.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use foldhash::HashMap;

/// Finds whole-word occurrences of a set of strings. At each word start, only the patterns whose
/// first word is the text's next word are compared: one hash lookup per word start, instead of
/// an automaton stepping through every byte.
pub struct WordMatcher {
    /// First word of a pattern -> the patterns with that first word.
    by_first_word: HashMap<String, Bucket>,
    /// Patterns that start with no word character ("(ILDA)"): tried at every word start.
    unkeyed: Bucket,
    /// The first two bytes of some pattern, as a bit set over 16-bit pairs (8 KB): most word
    /// starts are passed over without a lookup. One-byte patterns mark every pair they start.
    first_pairs: Vec<u64>,
    /// The first words of the patterns by [`word_bit`] (first two bytes, ASCII letters in lower
    /// case, and length), as a bit set of the same size: a word of the text whose bit is clear is
    /// no pattern's first word, and is passed over without hashing it.
    first_words: Vec<u64>,
    lens: Vec<usize>,
    patterns: Vec<String>,
}

/// Patterns that share a first word, longest first (equally long ones in the order given).
struct Bucket {
    patterns: Vec<u32>,
    /// For a big bucket (a speaker list of 100,000 "Ana ..."), an anchored automaton over its
    /// patterns in the same order, so that finding the longest costs the length of the match,
    /// not a comparison with each pattern.
    automaton: Option<AhoCorasick>,
}

/// Buckets with more patterns than this get an automaton.
const BIG_BUCKET: usize = 16;

impl Bucket {
    fn new(mut list: Vec<u32>, patterns: &[&str]) -> Bucket {
        // Stable: equally long patterns keep their order.
        list.sort_by_key(|&i| std::cmp::Reverse(patterns[i as usize].len()));
        let automaton = (list.len() > BIG_BUCKET).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(list.iter().map(|&i| patterns[i as usize]))
                .expect("patterns of a report or a gazetteer are small enough for an automaton")
        });
        Bucket { patterns: list, automaton }
    }

    /// The longest of the bucket's patterns that `rest` starts with.
    fn longest(&self, rest: &str, patterns: &[String]) -> Option<u32> {
        match &self.automaton {
            Some(automaton) => {
                automaton.find(Input::new(rest).anchored(Anchored::Yes)).map(|m| self.patterns[m.pattern().as_usize()])
            }
            None => self.patterns.iter().find(|&&i| rest.starts_with(patterns[i as usize].as_str())).copied(),
        }
    }
}

/// The words of a text (runs of letters, digits and '_'): (start, end). Found once per report and
/// read by every matcher that looks at the report's words.
pub struct Words {
    spans: Vec<(usize, usize)>,
    /// Each word's [`word_bit`], worked out once for all the matchers that read the words. It is
    /// the same for the text and for its lower-cased copy, which some matchers read instead.
    bits: Vec<u16>,
}

impl Words {
    pub fn of(text: &str) -> Words {
        let mut words = Vec::new();
        let mut start = None;
        let mut pos = 0;
        while let Some(&byte) = text.as_bytes().get(pos) {
            let (word_char, len) = word_char_at(text, pos, byte);
            match (word_char, start) {
                (true, None) => start = Some(pos),
                (false, Some(s)) => {
                    words.push((s, pos));
                    start = None;
                }
                _ => {}
            }
            pos += len;
        }
        if let Some(s) = start {
            words.push((s, text.len()));
        }
        let bits = words.iter().map(|&(s, e)| word_bit(&text.as_bytes()[s..e])).collect();
        Words { spans: words, bits }
    }

    /// Where each word starts.
    pub fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.spans.iter().map(|&(start, _)| start)
    }

    /// Every word as (start, end).
    pub fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.spans.iter().copied()
    }
}

/// Written in capitals: at least one letter, and none in lower case ("MINISTÉRIO DA SAÚDE", "O SR.").
pub(crate) fn in_capitals(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// A word in capitals of two letters or more ("DEEPAK", "ITU"), not an initial ("A", "J.").
pub(crate) fn word_in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The text lower-cased character by character wherever that keeps the character's length in
/// bytes (every letter of the languages acta reads), so that offsets into it are offsets into the
/// text, and its words are the text's words.
pub fn lowercase_keeping_offsets(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    out.make_ascii_lowercase();
    // Only the non-ASCII characters are decoded: the bytes between them are skipped over.
    let mut from = 0;
    while let Some(skip) = text.as_bytes()[from..].iter().position(|b| !b.is_ascii()) {
        let pos = from + skip;
        let c = text[pos..].chars().next().expect("a character starts at a non-ASCII byte after ASCII");
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            if l.len_utf8() == c.len_utf8() {
                l.encode_utf8(&mut out[pos..pos + c.len_utf8()]);
            }
        }
        from = pos + c.len_utf8();
    }
    String::from_utf8(out).expect("whole characters were replaced by characters as long")
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether the character at `pos` (a character's first byte, `byte`) is a word character, and its
/// length in bytes; ASCII is read without decoding.
#[inline(always)]
fn word_char_at(text: &str, pos: usize, byte: u8) -> (bool, usize) {
    if byte.is_ascii() {
        (byte.is_ascii_alphanumeric() || byte == b'_', 1)
    } else {
        let c = text[pos..].chars().next().unwrap_or(' ');
        (is_word_char(c), c.len_utf8())
    }
}

/// The letters, digits and '_' at the start of `s`.
fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = 0;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
        end += 1;
    }
    if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        end += s[end..].find(|c: char| !is_word_char(c)).unwrap_or(s.len() - end);
    }
    &s[..end]
}

/// The bit of [`WordMatcher::first_words`] for a word: its first two bytes (one for a word of one
/// byte) mixed with its length. ASCII letters count in lower case and other bytes all alike, so
/// that a word and its lower-cased copy (same length, an ASCII letter lowered, a wider letter
/// still wider) get the same bit.
fn word_bit(word: &[u8]) -> u16 {
    let byte = |b: u8| if b.is_ascii() { b.to_ascii_lowercase() } else { 0x80 } as usize;
    let second = if word.len() >= 2 { byte(word[1]) } else { 0 };
    ((byte(word[0]) << 8 | second) ^ word.len().wrapping_mul(0x9E37)) as u16
}

/// The bit of [`WordMatcher::first_pairs`] for text starting with these bytes.
fn pair_bit(bytes: &[u8]) -> usize {
    (bytes[0] as usize) << 8 | bytes.get(1).copied().unwrap_or(0) as usize
}

impl WordMatcher {
    /// Empty patterns are never found. Among equally long patterns found at one start, the first
    /// given wins.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> WordMatcher {
        let patterns: Vec<&str> = patterns.iter().map(AsRef::as_ref).collect();
        let mut by_first_word: HashMap<&str, Vec<u32>> = HashMap::default();
        let mut unkeyed = Vec::new();
        let mut first_pairs = vec![0u64; 1 << 10];
        let mut first_words = vec![0u64; 1 << 10];
        for (i, p) in patterns.iter().enumerate() {
            let bytes = p.as_bytes();
            match bytes.len() {
                0 => continue,
                1 => (0..256).for_each(|next| {
                    let bit = pair_bit(&[bytes[0], next as u8]);
                    first_pairs[bit / 64] |= 1 << (bit % 64);
                }),
                _ => first_pairs[pair_bit(bytes) / 64] |= 1 << (pair_bit(bytes) % 64),
            }
            match first_word(p) {
                "" => unkeyed.push(i as u32),
                word => {
                    let bit = word_bit(word.as_bytes()) as usize;
                    first_words[bit / 64] |= 1 << (bit % 64);
                    by_first_word.entry(word).or_default().push(i as u32)
                }
            }
        }
        WordMatcher {
            by_first_word: by_first_word
                .into_iter()
                .map(|(word, list)| (word.to_string(), Bucket::new(list, &patterns)))
                .collect(),
            unkeyed: Bucket::new(unkeyed, &patterns),
            first_pairs,
            first_words,
            lens: patterns.iter().map(|p| p.len()).collect(),
            patterns: patterns.iter().map(|p| p.to_string()).collect(),
        }
    }

    /// Whole-word matches in `text`: (start, end, pattern index), leftmost first, not
    /// overlapping. At each word start the longest pattern found there is taken, and kept only
    /// if it ends a word: either way the search goes on after it, as an automaton's leftmost-
    /// longest search would. So "Latin America" in "Latin American" hides the demonym
    /// "American" inside it, rather than the shorter match being looked for.
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        self.find_in(text, &Words::of(text))
    }

    /// [`WordMatcher::find`] over `text`, whose words are `words`.
    pub fn find_in(&self, text: &str, words: &Words) -> Vec<(usize, usize, usize)> {
        if !self.unkeyed.patterns.is_empty() {
            return self.find_at_every_start(text);
        }
        let mut out = Vec::new();
        let mut resume = 0;
        for (&(start, end), &bit) in words.spans.iter().zip(&words.bits) {
            // Without patterns that start with no word, only a pattern whose first word is this
            // word can be found here.
            if start < resume || !self.may_be_first_word(bit) {
                continue;
            }
            if let Some(i) = self.longest_at_word(&text[start..], end - start) {
                let end = start + self.lens[i];
                if crate::gazetteer::at_word_end(text, end) {
                    out.push((start, end, i));
                }
                resume = end;
            }
        }
        out
    }

    /// [`WordMatcher::find`] when some pattern starts with no word character: every position
    /// not right after a word character is tried.
    fn find_at_every_start(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut after_word_char = false;
        while let Some(&byte) = text.as_bytes().get(pos) {
            if !after_word_char && self.may_start_at(&text.as_bytes()[pos..]) {
                if let Some(i) = self.longest_at(&text[pos..]) {
                    let end = pos + self.lens[i];
                    if crate::gazetteer::at_word_end(text, end) {
                        out.push((pos, end, i));
                    }
                    pos = end;
                    after_word_char = text[..pos].chars().next_back().is_some_and(is_word_char);
                    continue;
                }
            }
            let (word_char, len) = word_char_at(text, pos, byte);
            after_word_char = word_char;
            pos += len;
        }
        out
    }

    /// Every word start at which a pattern starts, overlapping or not: where a longer shape that
    /// begins with one of the patterns may begin. As in [`WordMatcher::find`], a pattern's first
    /// word must be a whole word of the text ("Unit" does not start "Units"); patterns that start
    /// with no word character are not looked for.
    pub fn starts_in(&self, text: &str, words: &Words) -> Vec<usize> {
        words
            .spans
            .iter()
            .zip(&words.bits)
            .filter(|&(&(start, end), &bit)| {
                self.may_be_first_word(bit) && self.longest_at_word(&text[start..], end - start).is_some()
            })
            .map(|(&(start, _), _)| start)
            .collect()
    }

    /// Whether a word whose [`word_bit`] is `bit` may be some pattern's first word.
    fn may_be_first_word(&self, bit: u16) -> bool {
        let bit = bit as usize;
        self.first_words[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn may_start_at(&self, bytes: &[u8]) -> bool {
        let bit = pair_bit(bytes);
        self.first_pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The length of the longest pattern `text` starts with, whether or not it ends a word there.
    pub fn longest_prefix(&self, text: &str) -> Option<usize> {
        self.longest_at(text).map(|i| self.lens[i])
    }

    /// The longest pattern `rest` starts with; the first given among equally long ones.
    fn longest_at(&self, rest: &str) -> Option<usize> {
        self.longest_at_word(rest, first_word(rest).len())
    }

    /// [`WordMatcher::longest_at`] where `rest` starts with a word `word_len` bytes long.
    fn longest_at_word(&self, rest: &str, word_len: usize) -> Option<usize> {
        let best_keyed = self.by_first_word.get(&rest[..word_len]).and_then(|b| b.longest(rest, &self.patterns));
        let best_unkeyed = self.unkeyed.longest(rest, &self.patterns);
        match (best_keyed, best_unkeyed) {
            (Some(a), Some(b)) => {
                let (la, lb) = (self.lens[a as usize], self.lens[b as usize]);
                Some(if la > lb || (la == lb && a < b) { a } else { b } as usize)
            }
            (a, b) => a.or(b).map(|i| i as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_keeping_offsets_lowers_each_character_of_the_same_length() {
        let by_definition = |text: &str| {
            let mut out = text.as_bytes().to_vec();
            out.make_ascii_lowercase();
            for (pos, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                let mut lower = c.to_lowercase();
                if let (Some(l), None) = (lower.next(), lower.next()) {
                    if l.len_utf8() == c.len_utf8() {
                        l.encode_utf8(&mut out[pos..pos + c.len_utf8()]);
                    }
                }
            }
            String::from_utf8(out).unwrap()
        };
        let mut texts: Vec<String> =
            vec!["".into(), "ÉÉ".into(), "aÉ".into(), "Éa".into(), "ΣΊΣΥΦΟΣ Ⅻ ＡＢＣ 한국어 İ".into()];
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        for entry in std::fs::read_dir(&corpus).expect("corpus/ is there") {
            if let Ok(text) = std::fs::read_to_string(entry.expect("a corpus entry").path().join("report.txt")) {
                texts.push(text);
            }
        }
        for text in &texts {
            assert_eq!(lowercase_keeping_offsets(text), by_definition(text), "{text:?}");
        }
    }

    fn found<'t>(text: &'t str, patterns: &[&str]) -> Vec<(&'t str, usize)> {
        WordMatcher::new(patterns).find(text).into_iter().map(|(s, e, i)| (&text[s..e], i)).collect()
    }

    #[test]
    fn whole_words_leftmost_longest_without_overlap() {
        let patterns = ["Ana Silva", "Ana Silva Pérez", "Silva Pérez", "ILDA"];
        // The longer form wins where both start; "Silva Pérez" inside it is not reported again.
        assert_eq!(
            found("Ana Silva Pérez (ILDA) y Ana Silva.", &patterns),
            [("Ana Silva Pérez", 1), ("ILDA", 3), ("Ana Silva", 0)]
        );
        // Not inside words: "ILDAS", "xAna Silva".
        assert_eq!(found("ILDAS xAna Silva Ana Silva", &patterns), [("Ana Silva", 0)]);
        // The longest form found at a start hides the shorter ones even when it does not end a
        // word: no "American" (a demonym) in "Latin American".
        assert_eq!(found("Latin American states", &["Latin America", "American"]), []);
    }

    #[test]
    fn a_big_bucket_finds_what_a_small_one_does() {
        // More patterns with one first word than BIG_BUCKET: searched with an automaton.
        let mut patterns: Vec<String> = (0..40).map(|i| format!("Ana Silva Costa{i:02}")).collect();
        patterns.extend(["Ana".to_string(), "Ana Silva".to_string(), "Ana Silva Costa07".to_string()]);
        let m = WordMatcher::new(&patterns);
        assert!(m.by_first_word["Ana"].automaton.is_some());
        let text = "Ana Silva Costa07, Ana Silva Costa39 y Ana Silva Costa99; Ana.";
        let found: Vec<(&str, usize)> = m.find(text).into_iter().map(|(s, e, i)| (&text[s..e], i)).collect();
        // The longest at each start; of two equal patterns the first given; "Ana Silva Costa99" is
        // not a whole word of any pattern but "Ana Silva" is.
        assert_eq!(found, [("Ana Silva Costa07", 7), ("Ana Silva Costa39", 39), ("Ana Silva", 41), ("Ana", 40)]);
    }

    #[test]
    fn accents_and_abbreviations() {
        let patterns = ["Perú", "U.S.", "Côte d'Ivoire", "Brasil"];
        assert_eq!(
            found("Perú, Côte d'Ivoire; U.S.-based; Brasileiro, Brasil's", &patterns),
            [("Perú", 0), ("Côte d'Ivoire", 2), ("U.S.", 1), ("Brasil", 3)]
        );
    }

    #[test]
    fn patterns_starting_without_a_word_character() {
        assert_eq!(found("la (CAF) y CAF", &["(CAF)", "CAF"]), [("(CAF)", 0), ("CAF", 1)]);
        assert!(found("", &["", "CAF"]).is_empty());
        assert!(found("CAF", &[""]).is_empty());
    }

    #[test]
    fn one_byte_patterns_also_as_the_last_byte() {
        assert_eq!(found("X, y X", &["X"]), [("X", 0), ("X", 0)]);
    }

    #[test]
    fn starts_inside_other_matches_too() {
        let m = WordMatcher::new(&["Unit", "Ministry", "Under-Secretariat", "Secretariat"]);
        let text = "Unit of the Ministry; Under-Secretariat; Units";
        assert_eq!(m.starts_in(text, &Words::of(text)), [0, 12, 22, 28]);
    }

    proptest::proptest! {
        /// Whatever the bit sets pass over, the matches are those of trying every pattern at every
        /// word start: the longest that starts there with that whole first word (the first given
        /// of equally long ones), kept when it ends a word, the search going on after it.
        #[test]
        fn the_word_filter_loses_no_match(
            patterns in proptest::collection::vec("(a|b|É|é|ab|ba|a\\.|b-a|Ω|ω)( (a|b|É|ab))?", 1..6),
            text in "((a|b|A|B|É|é|ab|Ab|ba|aa|a\\.|b-a|x|Ω|ω|ωa|Ωa)[ ,]){0,12}",
        ) {
            let m = WordMatcher::new(&patterns);
            let words = Words::of(&text);
            let mut expected = Vec::new();
            let mut starts = Vec::new();
            let mut resume = 0;
            for &(start, end) in &words.spans {
                let best = patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| first_word(p) == &text[start..end] && text[start..].starts_with(p.as_str()))
                    .fold(None, |best: Option<(usize, usize)>, (i, p)| match best {
                        Some((_, len)) if len >= p.len() => best,
                        _ => Some((i, p.len())),
                    });
                if let Some((i, len)) = best {
                    starts.push(start);
                    if start >= resume {
                        if crate::gazetteer::at_word_end(&text, start + len) {
                            expected.push((start, start + len, i));
                        }
                        resume = start + len;
                    }
                }
            }
            proptest::prop_assert_eq!(m.find_in(&text, &words), expected);
            proptest::prop_assert_eq!(m.starts_in(&text, &words), starts);
            // The text's words serve its lower-cased copy as that copy's own words do.
            let lower = lowercase_keeping_offsets(&text);
            let lower_words = Words::of(&lower);
            proptest::prop_assert_eq!(m.find_in(&lower, &words), m.find_in(&lower, &lower_words));
            proptest::prop_assert_eq!(m.starts_in(&lower, &words), m.starts_in(&lower, &lower_words));
        }
    }

    #[test]
    fn lower_casing_keeps_offsets() {
        // "İ", whose lower case is longer, is kept as it is.
        assert_eq!(lowercase_keeping_offsets("ÉLAN İzmir SECRÉTAIRE Ñu"), "élan İzmir secrétaire ñu");
    }
}
