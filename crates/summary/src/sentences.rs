//! Sentence splitting for report text.

use std::sync::OnceLock;

use foldhash::HashSet;

use acta_doc::ByteRange;
use acta_lexicon::{Lexicon, ListKind};

/// Splits text into sentences, knowing the abbreviations of every language pack.
pub struct SentenceSplitter {
    /// Words after which a period does not end a sentence, lower case, without the period.
    abbreviations: HashSet<String>,
}

impl SentenceSplitter {
    pub fn new(lexicon: &Lexicon) -> SentenceSplitter {
        SentenceSplitter { abbreviations: lexicon.words(ListKind::Abbreviations).map(str::to_lowercase).collect() }
    }

    /// The splitter of the bundled language packs, built once.
    pub fn bundled() -> &'static SentenceSplitter {
        static BUNDLED: OnceLock<SentenceSplitter> = OnceLock::new();
        BUNDLED.get_or_init(|| SentenceSplitter::new(&Lexicon::bundled()))
    }

    /// Splits `range` of `text` into sentences: at '.', '!', '?' or '…' followed by whitespace and
    /// a capital letter, digit or opening quote, unless the word before the period is an
    /// abbreviation or a single letter (an initial).
    pub fn split(&self, text: &str, range: ByteRange) -> Vec<ByteRange> {
        split(text, range, &self.abbreviations)
    }
}

/// [`SentenceSplitter::split`] with the bundled language packs.
pub fn split_sentences(text: &str, range: ByteRange) -> Vec<ByteRange> {
    SentenceSplitter::bundled().split(text, range)
}

/// A text with fewer capitals than this share of its letters is machine captioning ("good morning
/// and welcome. the fcc is ..."): its sentences start in lower case.
const CAPTION_CAPITALS_PER_MILLE: usize = 20;

/// Whether `s` is written (nearly) without capitals, as machine captions are.
fn in_lower_case(s: &str) -> bool {
    // Fewer bytes than that many letters: most paragraphs, answered without reading them.
    if s.len() < LOWER_CASE_MIN_LETTERS {
        return false;
    }
    let (mut letters, mut capitals) = (0usize, 0usize);
    if s.is_ascii() {
        for b in s.bytes().filter(u8::is_ascii_alphabetic) {
            letters += 1;
            capitals += usize::from(b.is_ascii_uppercase());
        }
    } else {
        for c in s.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            capitals += usize::from(c.is_uppercase());
        }
    }
    letters >= LOWER_CASE_MIN_LETTERS && capitals * 1000 < letters * CAPTION_CAPITALS_PER_MILLE
}

/// Letters a text needs before its capitals say whether it is written in lower case.
const LOWER_CASE_MIN_LETTERS: usize = 200;

/// Where a sentence may stop in `bytes`, in order: '.', '!', '?', and 0xE2, the first byte of
/// '…' (and of other characters, which the caller tells apart). Found with `memchr`: a
/// paragraph is mostly letters between its stops.
fn stops(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut ascii = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut ellipsis = memchr::memchr_iter(0xE2, bytes).peekable();
    std::iter::from_fn(move || match (ascii.peek(), ellipsis.peek()) {
        (Some(&a), Some(&e)) if e < a => ellipsis.next(),
        (Some(_), _) => ascii.next(),
        (None, _) => ellipsis.next(),
    })
}

fn split(text: &str, range: ByteRange, abbreviations: &HashSet<String>) -> Vec<ByteRange> {
    let s = range.slice(text);
    // Read only where a stop is followed by a lower-case letter: most paragraphs never ask.
    let lower_case_text = std::cell::OnceCell::new();
    let lower_case_text = || *lower_case_text.get_or_init(|| in_lower_case(s));
    let mut out = Vec::new();
    let mut start = 0;
    for i in stops(s.as_bytes()) {
        let c = s[i..].chars().next().unwrap_or(' ');
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let end = i + c.len_utf8();
        // Closing quotes and brackets stay with the sentence.
        let mut after = end;
        let mut next = None;
        for ch in s[end..].chars() {
            if matches!(ch, '"' | '”' | '’' | ')' | '»') {
                after += ch.len_utf8();
            } else {
                next = Some(ch);
                break;
            }
        }
        let next_is_space = next.is_some_and(char::is_whitespace);
        let next_start = s[after..].chars().find(|ch| !ch.is_whitespace());
        if next.is_some()
            && !(next_is_space
                && next_start.is_some_and(|ch| {
                    ch.is_uppercase()
                        || ch.is_ascii_digit()
                        || matches!(ch, '"' | '“' | '«' | '¿' | '¡' | '(' | '-')
                        // Captions start a turn with ">>".
                        || ((ch.is_lowercase() || ch == '>') && lower_case_text())
                }))
        {
            continue;
        }
        if c == '.' {
            let word = s[start..i].rsplit(|ch: char| ch.is_whitespace() || ch == '(').next().unwrap_or("");
            let mut lower = [0u8; 8];
            let w_owned;
            // Abbreviations are short: most words are lower-cased on the stack.
            let w: &str = if word.len() <= lower.len() && word.is_ascii() {
                lower[..word.len()].copy_from_slice(word.as_bytes());
                lower[..word.len()].make_ascii_lowercase();
                std::str::from_utf8(&lower[..word.len()]).expect("ASCII")
            } else {
                w_owned = word.to_lowercase();
                &w_owned
            };
            if abbreviations.contains(w) || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic)) {
                continue;
            }
            // "1." "2)" "iv.": a list number opens an item rather than ending a sentence.
            // Only where an item can start: after a colon, a stop or a line break ("grew by 40. The
            // next ..." still ends there).
            let before_number = s[start..i - word.len()].trim_end_matches([' ', '\t']);
            let item_position = before_number.is_empty() || before_number.ends_with([':', '.', '\n', ';']);
            let list_number = item_position && !w.is_empty() && w.len() <= 3 && w.chars().all(|ch| ch.is_ascii_digit());
            if list_number {
                continue;
            }
            // Decimal numbers: "3.5" never reaches here (no space after), "No. 5" is an abbreviation.
        }
        let r = ByteRange { start: range.start + start, end: range.start + after }.trim(text);
        if !r.is_empty() {
            out.push(r);
        }
        start = after;
    }
    let r = ByteRange { start: range.start + start, end: range.end }.trim(text);
    if !r.is_empty() {
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_stops_are_every_stop_byte_in_order(text in "[a.!?…“” \n]{0,30}") {
            let expected: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| matches!(b, b'.' | b'!' | b'?' | 0xE2))
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(stops(text.as_bytes()).collect::<Vec<_>>(), expected);
        }
    }

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, ByteRange { start: 0, end: s.len() }).into_iter().map(|r| r.slice(s)).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals() {
        assert_eq!(
            split("Mr. Pagotti spoke first. Dr. J. Pereira said growth was 3.5 percent. Was it enough? Yes, e.g. in Brazil."),
            vec!["Mr. Pagotti spoke first.", "Dr. J. Pereira said growth was 3.5 percent.", "Was it enough?", "Yes, e.g. in Brazil."]
        );
        assert_eq!(split("La Sra. López habló. «Es hora», dijo."), vec!["La Sra. López habló.", "«Es hora», dijo."]);
        assert_eq!(split("No final stop here"), vec!["No final stop here"]);
        // Forms of address of every language: "Hon.", "MM.", "Eng.", "Dip." open a name.
        assert_eq!(
            split("Represented by the Hon. Ana West, it won. Elle reçoit MM. Colin et Brun. O Eng. Tembe falou."),
            vec!["Represented by the Hon. Ana West, it won.", "Elle reçoit MM. Colin et Brun.", "O Eng. Tembe falou."]
        );
    }

    #[test]
    fn acronyms_streets_lists_and_quotes() {
        assert_eq!(
            split("The U.N. and the O.A.S. agreed. The office is on Av. Paulista in São Paulo."),
            vec!["The U.N. and the O.A.S. agreed.", "The office is on Av. Paulista in São Paulo."]
        );
        // A list number is not a sentence; a decimal number does not end one.
        assert_eq!(
            split("Three points: 1. Data must be open. 2. Licences must be clear. Growth was 2.5 percent."),
            vec!["Three points: 1. Data must be open.", "2. Licences must be clear.", "Growth was 2.5 percent."]
        );
        assert_eq!(
            split("Enrolment grew by 40. The next step is clear."),
            vec!["Enrolment grew by 40.", "The next step is clear."]
        );
        assert_eq!(
            split("\"We cannot wait,\" he said. \"Fibre is slow.\" Then the panel began."),
            vec!["\"We cannot wait,\" he said.", "\"Fibre is slow.\"", "Then the panel began."]
        );
        assert_eq!(split("M. Konaté a parlé. Mme Sow a conclu."), vec!["M. Konaté a parlé.", "Mme Sow a conclu."]);
    }

    #[test]
    fn machine_captions_start_their_sentences_in_lower_case() {
        let captions = "here on the network, online or on the go with our new video app. >> next the hearing on the \
                        nominee for the commission chair. she and the other nominees testified before the committee \
                        for three hours. >> today the committee will consider the nominees and i want to thank them.";
        assert_eq!(
            split(captions),
            vec![
                "here on the network, online or on the go with our new video app.",
                ">> next the hearing on the nominee for the commission chair.",
                "she and the other nominees testified before the committee for three hours.",
                ">> today the committee will consider the nominees and i want to thank them."
            ]
        );
        // Written text keeps its rule: a stop before a word in lower case ends no sentence.
        let prose = "The U.N. and the O.A.S. agreed on the plan for the region after a long debate in the assembly. \
                     The ministers of the member states then signed the text. > Read more about the conference.";
        assert_eq!(split(prose).len(), 2);
    }

    #[test]
    fn lower_case_is_read_from_letters_in_any_script() {
        let captions = "buenos días y bienvenidos a la sesión. el señor ministro habló de la conectividad rural y \
                        de la inclusión digital en las escuelas públicas del país. después la comisión votó el texto \
                        y el público hizo preguntas sobre las redes de fibra y los centros de datos en las provincias";
        assert!(in_lower_case(captions));
        assert!(!in_lower_case(&captions.to_uppercase()));
        // The same words without accents take the ASCII path, with the same answer.
        assert!(in_lower_case(&acta_doc::fold(captions)));
        assert!(!in_lower_case(&acta_doc::fold(captions).to_uppercase()));
        // Below two hundred letters there is too little to tell.
        assert!(!in_lower_case(&acta_doc::fold(captions)[..150]));
    }
}
