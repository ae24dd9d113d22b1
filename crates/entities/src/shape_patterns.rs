//! The patterns that find bodies by their shape ("Ministry of ...", "... Foundation", "Agence
//! nationale de ..."), built once from the language packs' heads, tails and connectors when the
//! gazetteers load; institutions.rs and kinds.rs read them.

use std::ops::Range;

use acta_lexicon::{Lexicon, ListKind, WordClass};
use aho_corasick::{AhoCorasick, Input, MatchKind};
use foldhash::{HashMap, HashSet};
use regex::Regex;

use crate::word_end::WholeWords;
use crate::words::{is_word_char, WordMatcher, Words};

/// A capitalised word, an acronym, or "e-Government"; "l'" / "d'" may be glued in front.
pub(crate) const CAPWORD: &str = r"(?:[ldLD]['’])?(?:\p{Lu}[\p{L}\p{M}'’&\-]*\.?|e-\p{L}+|\d+)";

/// A shape that starts with one of a list of head words ("Ministry", "Universidad", ...).
pub(crate) struct HeadFirst {
    /// The head words.
    pub(crate) heads: WordMatcher,
    /// The whole shape, anchored at the start of the text it is given.
    anchored: Regex,
    /// The shape with its Unicode word boundaries left out, and the character that only the parts
    /// of the shape holding one can match (see [`HeadFirst::find`]).
    relaxed: Option<(Regex, char)>,
}

impl HeadFirst {
    fn new(heads: &[String], anchored: &str) -> HeadFirst {
        HeadFirst {
            heads: WordMatcher::new(heads),
            anchored: Regex::new(anchored).expect("valid regex"),
            relaxed: None,
        }
    }

    /// A shape whose word boundaries all lie in parts of it that match `marker`, which no other
    /// part can: `relaxed` is `anchored` without them.
    fn with_relaxed(heads: &[String], anchored: &str, relaxed: &str, marker: char) -> HeadFirst {
        HeadFirst {
            relaxed: Some((Regex::new(relaxed).expect("valid regex"), marker)),
            ..HeadFirst::new(heads, anchored)
        }
    }

    /// The shape's match at the start of `haystack`. A Unicode `\b` keeps the regex engine off its
    /// DFA on accented text, so the shape is first matched without its boundaries: a match that
    /// went through no part holding one (it has no `marker`) is the one the whole shape gives, as
    /// every way through the whole shape is one through the relaxed one, and the first way that
    /// the relaxed shape finds meets no boundary. Otherwise the whole shape decides.
    pub(crate) fn find(&self, haystack: &str) -> Option<Range<usize>> {
        if let Some((relaxed, marker)) = &self.relaxed {
            match relaxed.find(haystack) {
                None => return None,
                Some(m) if !m.as_str().contains(*marker) => return Some(m.range()),
                Some(_) => {}
            }
        }
        self.anchored.find(haystack).map(|m| m.range())
    }
}

/// A shape that starts with one of a list of fixed words ("Cabinet Office", "Government of"),
/// wherever they are (the caller checks the word boundaries), searched as the regex unanchored
/// would be. That search found the start of each match with a second pass backwards, whose lazy
/// DFA built its states anew in every worker (most of the shape's cost in a batch of a few
/// hundred reports); the fixed words are found with Aho-Corasick instead, and the shape is
/// matched anchored at each place one starts.
pub(crate) struct FixedFirst {
    words: AhoCorasick,
    /// The whole shape, anchored at the start of the text it is given.
    anchored: Regex,
    /// The whole shape, unanchored: what the tests compare with.
    #[cfg(test)]
    unanchored: Regex,
}

impl FixedFirst {
    /// `alternatives` is `words` as a pattern's alternation, `rest` what follows them.
    fn new(words: &[String], alternatives: &str, rest: &str) -> FixedFirst {
        FixedFirst {
            words: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(words)
                .expect("fixed words of the language packs build an automaton"),
            anchored: Regex::new(&format!("^(?:{alternatives}){rest}")).expect("valid regex"),
            #[cfg(test)]
            unanchored: Regex::new(&format!("(?:{alternatives}){rest}")).expect("valid regex"),
        }
    }

    /// Where a fixed word starts in `text`, each place once, in order: the leftmost, then the
    /// leftmost from one byte on (inside it too).
    pub(crate) fn starts_in(&self, text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut from = 0;
        while let Some(m) = self.words.find(Input::new(text).span(from..text.len())) {
            starts.push(m.start());
            from = m.start() + 1;
        }
        starts
    }

    /// The shape's first match in `text` that starts at `from` or later (`starts` is
    /// [`FixedFirst::starts_in`] of `text`): the leftmost place where the shape matches, and there
    /// the match the regex prefers, as the unanchored regex's `find_at` gives it.
    pub(crate) fn find_at(&self, text: &str, starts: &[usize], from: usize) -> Option<Range<usize>> {
        let first = starts.partition_point(|&start| start < from);
        starts[first..].iter().find_map(|&start| self.anchored.find(&text[start..]).map(|m| start..start + m.end()))
    }
}

/// A name-first shape: capitalised words, then a tail word ("... Regulatory Authority", "...
/// Foundation"). Its matches lie inside one line, and in each the tail starts a word (after a
/// space or a comma): the pattern is searched only in the lines where a word starts with a tail,
/// which most lines of a report have none of, instead of in the whole text.
pub(crate) struct NameFirst {
    regex: Regex,
    /// A bit for the first two bytes of each tail: most words start with neither.
    pairs: Vec<u64>,
    /// The tails by their first two bytes.
    tails: HashMap<u16, Vec<String>>,
    /// False when a tail is shorter than two bytes or starts with no word character: then the
    /// whole text is searched.
    by_lines: bool,
}

/// Lines searched for a name-first shape that lie this close to each other are searched in one
/// call, with the lines between them.
const NAME_FIRST_GAP: usize = 256;

impl NameFirst {
    /// `pattern` must match no line break, and put a tail (one of `tails`) after a space or a
    /// comma at the end of each match.
    fn new(pattern: &str, tails: &[String]) -> NameFirst {
        let mut pairs = vec![0u64; 1 << 10];
        let mut by_pair: HashMap<u16, Vec<String>> = HashMap::default();
        let mut by_lines = true;
        for tail in tails {
            let bytes = tail.as_bytes();
            if bytes.len() < 2 || !tail.chars().next().is_some_and(is_word_char) {
                by_lines = false;
                continue;
            }
            let pair = u16::from_be_bytes([bytes[0], bytes[1]]);
            pairs[usize::from(pair) >> 6] |= 1 << (pair & 63);
            by_pair.entry(pair).or_default().push(tail.clone());
        }
        NameFirst { regex: Regex::new(pattern).expect("valid regex"), pairs, tails: by_pair, by_lines }
    }

    /// The pattern's matches in `text` (whose words are `words`), as `find_iter` over the whole
    /// text gives them.
    pub(crate) fn find_iter(&self, text: &str, words: &Words) -> Vec<Range<usize>> {
        if !self.by_lines {
            return self.regex.find_iter(text).map(|m| m.range()).collect();
        }
        let bytes = text.as_bytes();
        // Runs of whole lines, with their line breaks, that hold a word starting with a tail.
        let mut regions: Vec<Range<usize>> = Vec::new();
        for (start, _) in words.spans() {
            let Some(&[first, second]) = bytes.get(start..start + 2) else { continue };
            let pair = u16::from_be_bytes([first, second]);
            if self.pairs[usize::from(pair) >> 6] & (1 << (pair & 63)) == 0
                || regions.last().is_some_and(|r| r.end > start)
                || !self.tails[&pair].iter().any(|t| bytes[start..].starts_with(t.as_bytes()))
            {
                continue;
            }
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
            match regions.last_mut() {
                Some(last) if line_start <= last.end + NAME_FIRST_GAP => last.end = line_end,
                _ => regions.push(line_start..line_end),
            }
        }
        let mut out = Vec::new();
        for region in regions {
            let part = &text[region.clone()];
            out.extend(self.regex.find_iter(part).map(|m| region.start + m.start()..region.start + m.end()));
        }
        out
    }
}

pub(crate) struct ShapePatterns {
    /// "Ministry of ...": a government body's head, then its name.
    pub(crate) ministry_head_first: HeadFirst,
    /// "Cabinet Office", "Government of ...": fixed words, then what goes on with the name.
    pub(crate) ministry_fixed: FixedFirst,
    /// "Telecommunications Regulatory Authority": capitalised words, then a government body's tail.
    pub(crate) ministry_name_first: NameFirst,
    /// "Universidad de ...": an organisation's head, then its name.
    pub(crate) org_head_first: HeadFirst,
    /// "Internet Society", "Acme Holdings Ltd": capitalised words, then an organisation's tail.
    pub(crate) org_name_first: NameFirst,
    /// "Full Name (ACR)" with at most eleven capitalised words (the tests' reference for
    /// `acronym_pairs`), and with any number (what acta searches).
    #[cfg(test)]
    pub(crate) with_acronym: Regex,
    pub(crate) with_acronym_any_length: Regex,
    /// A whole word that is a `CAPWORD`.
    pub(crate) capword: Regex,
    /// The heads of names written in sentence case ("Agence", "Secretaría").
    pub(crate) sentence_case_head: Regex,
    /// A head word inside a name, after a space or a comma: a second body starts there.
    pub(crate) inner_head: Regex,
    /// A name that starts with a government body's head.
    pub(crate) starts_as_ministry: WholeWords,
    /// A name that reads as a government body's anywhere.
    pub(crate) government: WholeWords,
    /// Head words of bodies, one a word ("Conselho", "Senado", "Ministry"): alone after a title
    /// they name the body the text is about; no person's name starts with one.
    pub(crate) body_heads: HashSet<String>,
    /// Words that end bodies' names ("Foundation", "Labs", "Ltd"): after a company's name they
    /// make a longer name of a body, not a product's.
    pub(crate) body_tails: HashSet<String>,
    /// Heads of ministries and secretariats in lower case ("ministère", "secretaría"): the press
    /// writes them so.
    pub(crate) lowercase_ministry_heads: WordMatcher,
}

/// The words of a kind in every language, each once, as a pattern's alternatives: escaped, longest
/// first, so that no alternative is cut short by another that starts it ("Labs" before "Lab").
fn alternatives(lexicon: &Lexicon, kind: ListKind) -> (Vec<String>, String) {
    alternatives_of(lexicon.words(kind))
}

/// [`alternatives`] of any words: a class of `word_classes.tsv`.
pub(crate) fn alternatives_of<'a>(words_in: impl Iterator<Item = &'a str>) -> (Vec<String>, String) {
    let mut words: Vec<String> = Vec::new();
    for w in words_in {
        if !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    }
    let mut escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    escaped.sort_by_key(|w| std::cmp::Reverse(w.len()));
    (words, escaped.join("|"))
}

impl ShapePatterns {
    pub(crate) fn new(lexicon: &Lexicon) -> ShapePatterns {
        let (ministry_heads, ministry_heads_re) = alternatives(lexicon, ListKind::MinistryHeads);
        let (ministry_fixed_words, ministry_fixed) = alternatives(lexicon, ListKind::MinistryFixed);
        let (ministry_tail_words, ministry_tails) = alternatives(lexicon, ListKind::MinistryTails);
        let (org_heads, org_heads_re) = alternatives(lexicon, ListKind::OrgHeads);
        let (org_tail_words, org_tails) = alternatives(lexicon, ListKind::OrgTails);
        let (_, sentence_case_heads) = alternatives(lexicon, ListKind::SentenceCaseHeads);
        let (_, conn) = alternatives(lexicon, ListKind::ShapeConnectors);
        let conn = format!("(?:{conn})");
        let (_, shape_of) = alternatives_of(lexicon.class(WordClass::ShapeOf));
        let (_, tail_connectors) = alternatives_of(lexicon.class(WordClass::OrgTailConnector));
        // "Post and Telecom Authority": the conjunctions among them join the words before a
        // government body's tail.
        let and_or: Vec<&str> = lexicon.class(WordClass::AndOr).collect();
        let (_, tail_conjunctions) =
            alternatives_of(lexicon.class(WordClass::OrgTailConnector).filter(|w| and_or.contains(w) || *w == "&"));
        let (government_words, government) = alternatives_of(lexicon.class(WordClass::Government));
        let stems: Vec<&str> = lexicon.class(WordClass::MinistryStem).collect();
        // After a comma only a capitalised word continues a name ("Planning, Development and
        // Management"); ", the Agency ..." starts the next item of a list.
        // A preposition may follow the comma ("Communication, des Télécommunications et de ...").
        let continuation = format!(
            r"(?: {{1,2}}(?:{conn} {{1,2}})*{CAPWORD}|, {{0,2}}(?:(?:{shape_of}) {{1,2}}(?:{conn} {{1,2}})*)?{CAPWORD})"
        );
        let regex = |pattern: &str| Regex::new(pattern).expect("valid regex");
        let lowercase_heads: Vec<String> = ministry_heads
            .iter()
            .filter(|h| stems.iter().any(|p| h.starts_with(p)) && !h.ends_with('s'))
            .map(|h| h.to_lowercase())
            .collect();
        ShapePatterns {
            // Head-first shapes are matched anchored at each head word (see `every_start`), hence the `^`.
            // "Secretaria-Geral da Presidência": a head's rank may be joined to it by a hyphen.
            ministry_head_first: HeadFirst::with_relaxed(
                &ministry_heads,
                // "Autorité de Régulation des Télécommunications/TIC de ...": an acronym joined by a
                // slash goes on with a head-first name (two names joined by one do not: "Ministerio
                // de Salud/Ministerio de ...", nor a party right after a head: "Bloco Parlamentar Unidade/MDB").
                &format!(r"^(?:{ministry_heads_re})(?:-{CAPWORD})?{continuation}(?:{continuation}|/\p{{Lu}}{{2,}}\b)*"),
                // Only the acronym after a slash holds a boundary, and nothing else matches a slash.
                &format!(r"^(?:{ministry_heads_re})(?:-{CAPWORD})?{continuation}(?:{continuation}|/\p{{Lu}}{{2,}})*"),
                '/',
            ),
            ministry_fixed: FixedFirst::new(&ministry_fixed_words, &ministry_fixed, &format!("{continuation}*")),
            ministry_name_first: NameFirst::new(
                &format!(r"(?:{CAPWORD} {{1,2}}(?:(?:{tail_conjunctions}) {{1,2}})?){{1,5}}(?:{ministry_tails})"),
                &ministry_tail_words,
            ),
            org_head_first: HeadFirst::new(
                &org_heads,
                &format!(r"^(?:{org_heads_re})(?: {{1,2}}(?:{conn} {{1,2}})*{CAPWORD})+"),
            ),
            org_name_first: NameFirst::new(
                &format!(r"(?:{CAPWORD} {{1,2}}(?:(?:{tail_connectors}) {{1,2}})?){{1,6}},? {{0,2}}(?:{org_tails})"),
                &org_tail_words,
            ),
            #[cfg(test)]
            with_acronym: regex(&format!(
                r"({CAPWORD}(?: {{1,2}}(?:{conn} {{1,2}})*{CAPWORD}){{1,10}}) {{0,2}}\(([A-Z][A-Za-z0-9&.\-]{{1,11}})\)"
            )),
            // The counted repetition of `with_acronym` makes the regex engine's reverse DFA track
            // the count, and building its states cost a fifth of acta's time on real reports.
            with_acronym_any_length: regex(&format!(
                r"({CAPWORD}(?: {{1,2}}(?:{conn} {{1,2}})*{CAPWORD})+) {{0,2}}\(([A-Z][A-Za-z0-9&.\-]{{1,11}})\)"
            )),
            capword: regex(&format!(r"^{CAPWORD}$")),
            sentence_case_head: regex(&format!(r"(?:{sentence_case_heads})")),
            inner_head: regex(&format!(r"[ \t,](?:{ministry_heads_re}|{org_heads_re})")),
            starts_as_ministry: WholeWords::at_start(&ministry_heads_re, ministry_heads.iter().map(String::as_str)),
            government: WholeWords::new(
                "",
                &format!("{ministry_heads_re}|{ministry_fixed}|{ministry_tails}|{government}"),
                ministry_heads
                    .iter()
                    .chain(&ministry_fixed_words)
                    .chain(&ministry_tail_words)
                    .chain(&government_words)
                    .map(String::as_str),
            ),
            body_heads: ministry_heads.iter().chain(&org_heads).cloned().collect(),
            body_tails: org_tail_words.iter().chain(&ministry_tail_words).cloned().collect(),
            lowercase_ministry_heads: WordMatcher::new(&lowercase_heads),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_text(shape: &NameFirst, text: &str) -> Vec<Range<usize>> {
        shape.regex.find_iter(text).map(|m| m.range()).collect()
    }

    proptest::proptest! {
        /// Searching the lines with a tail finds what searching the whole text finds.
        #[test]
        fn name_first_shapes_are_found_in_the_lines_with_a_tail(
            text in "((Acme|Banco|Ltd|Ltda|Lt|Foundation|Fundación|foundation|and|y|x|Éco|1|,|, | |  |\n|\r\n|\t|-)){0,40}"
        ) {
            let tails: Vec<String> = ["Foundation", "Fundación", "Ltda", "Ltd"].map(String::from).to_vec();
            let shape = NameFirst::new(
                &format!(r"(?:{CAPWORD} {{1,2}}(?:(?:and|y) {{1,2}})?){{1,3}},? {{0,2}}(?:Foundation|Fundación|Ltda|Ltd)"),
                &tails,
            );
            proptest::prop_assert!(shape.by_lines);
            proptest::prop_assert_eq!(shape.find_iter(&text, &Words::of(&text)), whole_text(&shape, &text));
        }
    }

    /// The texts of the corpus reports.
    fn corpus_texts() -> Vec<String> {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        std::fs::read_dir(&corpus)
            .expect("corpus/ is there")
            .filter_map(|entry| std::fs::read_to_string(entry.expect("a corpus entry").path().join("report.txt")).ok())
            .collect()
    }

    #[test]
    fn the_bundled_name_first_shapes_find_in_tail_lines_what_they_find_in_the_text() {
        let shapes = ShapePatterns::new(&Lexicon::bundled());
        assert!(shapes.ministry_name_first.by_lines && shapes.org_name_first.by_lines);
        let mut found = 0;
        for text in corpus_texts() {
            let words = Words::of(&text);
            for shape in [&shapes.ministry_name_first, &shapes.org_name_first] {
                let expected = whole_text(shape, &text);
                found += expected.len();
                assert_eq!(shape.find_iter(&text, &words), expected);
            }
        }
        assert!(found > 50, "{found}");
    }

    fn whole_shape(shape: &HeadFirst, haystack: &str) -> Option<Range<usize>> {
        shape.anchored.find(haystack).map(|m| m.range())
    }

    proptest::proptest! {
        /// The relaxed shape's match, when it stands, is the whole shape's.
        #[test]
        fn a_head_first_shape_matches_as_with_its_word_boundaries(
            text in "(Ministerio|Autorité|Ministry) ((de|of|la|Régulation|Salud|Télécommunications|/TIC|/MDB|/ABc|/ÉÉ|/ÉTÉé|/A|,|, | |  |é|x|\n)){0,16}"
        ) {
            static SHAPES: std::sync::LazyLock<ShapePatterns> = std::sync::LazyLock::new(|| ShapePatterns::new(&Lexicon::bundled()));
            let shape = &SHAPES.ministry_head_first;
            proptest::prop_assert_eq!(shape.find(&text), whole_shape(shape, &text));
        }
    }

    #[test]
    fn the_bundled_head_first_shapes_match_at_each_head_as_with_word_boundaries() {
        let shapes = ShapePatterns::new(&Lexicon::bundled());
        let mut found = 0;
        for text in corpus_texts() {
            let words = Words::of(&text);
            for shape in [&shapes.ministry_head_first, &shapes.org_head_first] {
                for start in shape.heads.starts_in(&text, &words) {
                    let expected = whole_shape(shape, &text[start..]);
                    found += usize::from(expected.is_some());
                    assert_eq!(shape.find(&text[start..]), expected);
                }
            }
        }
        assert!(found > 50, "{found}");
    }

    /// A shape's match (or none) from each place in a text.
    type MatchFromEachPlace = Vec<Option<Range<usize>>>;

    /// The fixed-first shape's match from every place in `text`, found both ways.
    fn fixed_first_both_ways(shape: &FixedFirst, text: &str) -> (MatchFromEachPlace, MatchFromEachPlace) {
        let starts = shape.starts_in(text);
        let froms = 0..=text.len();
        let found = froms.clone().map(|from| shape.find_at(text, &starts, from)).collect();
        let expected = froms.map(|from| shape.unanchored.find_at(text, from).map(|m| m.range())).collect();
        (found, expected)
    }

    proptest::proptest! {
        /// Matched anchored at each fixed word, a fixed-first shape gives the unanchored match,
        /// from any place (mid-word and mid-character ones too).
        #[test]
        fn a_fixed_first_shape_matches_as_unanchored(
            text in "((Government of|Gobierno de|Office of the President|office of the|Cabinet Office|Gouvernement du|Chile|Salud|Digital|UK|de|and|x|é|, | |  |\n)){0,14}"
        ) {
            static SHAPES: std::sync::LazyLock<ShapePatterns> = std::sync::LazyLock::new(|| ShapePatterns::new(&Lexicon::bundled()));
            let (found, expected) = fixed_first_both_ways(&SHAPES.ministry_fixed, &text);
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn a_fixed_first_shape_is_tried_at_each_fixed_word_in_the_order_they_start() {
        let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        // "bc" starts inside "abcd": a place a fixed word starts too.
        let nested = FixedFirst::new(&words(&["abcd", "bc"]), "abcd|bc", "");
        let (found, expected) = fixed_first_both_ways(&nested, "xabcd");
        assert_eq!((found[0].clone(), found[2].clone(), &found), (Some(1..5), Some(2..4), &expected));
        // Where the shape fails after a fixed word, the next one is tried.
        let required = FixedFirst::new(&words(&["ab", "b"]), "ab|b", "c");
        let (found, expected) = fixed_first_both_ways(&required, "abd bc");
        assert_eq!((found[0].clone(), &found), (Some(4..6), &expected));
    }

    #[test]
    fn the_bundled_fixed_first_shape_matches_in_the_corpus_as_unanchored() {
        let shapes = ShapePatterns::new(&Lexicon::bundled());
        let mut found = 0;
        // The corpus reports, and the development set's real texts when ../shared is there.
        let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dev/texts");
        let mut texts = corpus_texts();
        match std::fs::read_dir(&dev) {
            Ok(entries) => texts.extend(entries.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())),
            Err(_) => eprintln!("{} is not there: the corpus reports only", dev.display()),
        }
        for text in texts {
            // From the start, and on from each match's end and from just after each match's start.
            let starts = shapes.ministry_fixed.starts_in(&text);
            let mut froms = vec![0];
            while let Some(from) = froms.pop() {
                let expected = shapes.ministry_fixed.unanchored.find_at(&text, from).map(|m| m.range());
                assert_eq!(shapes.ministry_fixed.find_at(&text, &starts, from), expected);
                if let Some(m) = expected {
                    found += 1;
                    froms.push(m.end);
                    if m.start + 1 < m.end {
                        assert_eq!(
                            shapes.ministry_fixed.find_at(&text, &starts, m.start + 1),
                            shapes.ministry_fixed.unanchored.find_at(&text, m.start + 1).map(|m| m.range())
                        );
                    }
                }
            }
        }
        assert!(found >= 3, "{found}");
    }

    #[test]
    fn a_tail_that_starts_with_no_word_character_searches_the_whole_text() {
        let shape = NameFirst::new(r"[A-Z]\w+ &Co", &["&Co".to_string()]);
        assert!(!shape.by_lines);
        assert_eq!(shape.find_iter("x Acme &Co", &Words::of("x Acme &Co")), vec![Range { start: 2, end: 10 }]);
    }
}
