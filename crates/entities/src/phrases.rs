//! A list of phrases of the language packs with a value each, found in one pass over a text (one
//! Aho-Corasick automaton), instead of one substring search per phrase: the prose of a report is read
//! around every person it names.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Phrases (as given: lower case, or folded and padded) and a value for each.
pub(crate) struct Phrases<T> {
    automaton: AhoCorasick,
    phrases: Vec<(String, T)>,
}

impl<T: Copy> Phrases<T> {
    pub(crate) fn new(phrases: Vec<(String, T)>) -> Self {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A few hundred phrases: a full DFA is small and the fastest to search with.
            .kind(Some(AhoCorasickKind::DFA))
            .build(phrases.iter().map(|(p, _)| p.as_str()))
            .expect("phrases of the language packs build an automaton");
        Phrases { automaton, phrases }
    }

    /// Whether any phrase occurs in `hay`.
    pub(crate) fn any_in(&self, hay: &str) -> bool {
        self.automaton.is_match(hay)
    }

    /// Every occurrence of every phrase in `hay`, overlapping ones too: (start, end, value).
    pub(crate) fn find_all<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (usize, usize, T)> + 'a {
        self.automaton.find_overlapping_iter(hay).map(|m| (m.start(), m.end(), self.phrases[m.pattern().as_usize()].1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_phrases_with_their_values() {
        let p = Phrases::new(vec![("moderated by".to_string(), 1), ("by".to_string(), 2)]);
        let found: Vec<_> = p.find_all("it was moderated by ana").collect();
        assert_eq!(found, vec![(7, 19, 1), (17, 19, 2)]);
    }
}
