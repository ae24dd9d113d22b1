//! Language detection for reports: the whole report, each section, and paragraphs written in
//! another language. whatlang answers first where the text is long and its answer reliable;
//! lingua decides short and unsure text.
//!
//! ```
//! use acta_lang::Detector;
//!
//! let detector = Detector::new(&["en", "es", "pt", "fr"]).unwrap();
//! let (lang, _confidence) = detector.detect("La reunión trató sobre la cooperación regional en gobierno digital.").unwrap();
//! assert_eq!(lang.as_str(), "es");
//! ```

mod error;
mod stage;

use foldhash::{HashMap, HashMapExt};

use acta_doc::Lang;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

pub use error::{Error, Result};
pub use stage::LanguageStage;

/// acta's default candidate languages: the six UN official languages plus Portuguese, German,
/// Italian and Dutch. Their lingua models are the ones compiled in.
pub const DEFAULT_LANGUAGES: &[&str] = &["en", "es", "fr", "pt", "ar", "zh", "ru", "de", "it", "nl"];

/// The languages acta is built for (its users' reports are in these): a language outside them
/// does not win over them on a text whose function words are theirs.
pub const MISSION_LANGUAGES: [Lang; 4] = [Lang::EN, Lang::ES, Lang::PT, Lang::FR];

/// Texts shorter than this (in bytes) go straight to lingua: whatlang is weak on them.
const SHORT_TEXT: usize = 400;
/// From this many letters on, whatlang's answer is added to lingua's (see `detect_combined`).
const COMBINE_MIN_LETTERS: usize = 30;
/// How much whatlang's confidence counts next to lingua's (1.0 measured best on ../shared/langid
/// sentences among 0.5, 1.0, 1.5 and 2.0).
const WHATLANG_WEIGHT: f64 = 1.0;
/// A masked text keeps at least this many letters, or the raw text is used.
pub(crate) const MASKED_MIN_LETTERS: usize = 10;
/// Below this many letters a text is too short to say anything.
const MIN_LETTERS: usize = 3;

const FUNCTION_WORDS: &str = include_str!("../../../models/function_words.tsv");

/// The detector shared by all workers: built once, `Send + Sync`.
pub struct Detector {
    lingua: LanguageDetector,
    whatlang: whatlang::Detector,
    languages: Vec<(Lang, Language, Option<whatlang::Lang>)>,
    /// Function word -> (candidate language, weight): the quick check.
    function_words: HashMap<&'static str, Vec<(Lang, f64)>>,
    /// Words that may be function words, by length and first and last byte: most words of a
    /// text are passed over without a lookup.
    function_word_filter: ShapeFilter,
}

/// A bit set of (length, first byte, last byte) of a set of words, hashed into 16,384 bits.
struct ShapeFilter(Vec<u64>);

impl ShapeFilter {
    fn bit(word: &[u8]) -> usize {
        let (first, last) = (word.first().copied().unwrap_or(0), word.last().copied().unwrap_or(0));
        let shape = (word.len() as u64) << 16 | (first as u64) << 8 | last as u64;
        (shape.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50) as usize
    }

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> ShapeFilter {
        let mut bits = vec![0u64; 1 << 8];
        for w in words {
            let bit = Self::bit(w.as_bytes());
            bits[bit / 64] |= 1 << (bit % 64);
        }
        ShapeFilter(bits)
    }

    fn may_hold(&self, word: &str) -> bool {
        let bit = Self::bit(word.as_bytes());
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The quick check decides only with at least this many function words in the text...
pub(crate) const QUICK_MIN_WORDS: usize = 8;
/// ...and when the best language scores this many times the second.
pub(crate) const QUICK_MARGIN: f64 = 4.0;

impl Detector {
    /// A detector choosing among `codes` (ISO 639-1), which must be compiled in.
    pub fn new(codes: &[&str]) -> Result<Self> {
        if codes.is_empty() {
            return Err(Error::NoLanguages);
        }
        let compiled: Vec<Language> = {
            let mut all: Vec<Language> = Language::all().into_iter().collect();
            all.sort_by_key(|l| l.iso_code_639_1().to_string());
            all
        };
        let mut languages = Vec::new();
        for code in codes {
            let code = code.trim().to_ascii_lowercase();
            let language =
                compiled.iter().find(|l| l.iso_code_639_1().to_string() == code).copied().ok_or_else(|| {
                    Error::UnknownLanguage {
                        code: code.clone(),
                        available: compiled
                            .iter()
                            .map(|l| l.iso_code_639_1().to_string())
                            .collect::<Vec<_>>()
                            .join(","),
                    }
                })?;
            let lang = Lang::parse(&code)
                .ok_or_else(|| Error::UnknownLanguage { code: code.clone(), available: String::new() })?;
            if languages.iter().any(|(l, _, _)| *l == lang) {
                continue;
            }
            languages.push((lang, language, whatlang_of(language)));
        }
        let lingua_languages: Vec<Language> = languages.iter().map(|(_, l, _)| *l).collect();
        let lingua = if lingua_languages.len() == 1 {
            // lingua needs two candidates; a single-language set still answers through it.
            let mut two = lingua_languages.clone();
            two.push(if lingua_languages[0] == Language::English { Language::Spanish } else { Language::English });
            LanguageDetectorBuilder::from_languages(&two).with_preloaded_language_models().build()
        } else {
            LanguageDetectorBuilder::from_languages(&lingua_languages).with_preloaded_language_models().build()
        };
        let allow: Vec<whatlang::Lang> = languages.iter().filter_map(|(_, _, w)| *w).collect();
        let function_words = function_words(&languages.iter().map(|(l, _, _)| *l).collect::<Vec<_>>());
        let function_word_filter = ShapeFilter::new(function_words.keys().copied());
        Ok(Detector {
            lingua,
            whatlang: whatlang::Detector::with_allowlist(allow),
            languages,
            function_words,
            function_word_filter,
        })
    }

    /// The default candidate set.
    pub fn with_defaults() -> Result<Self> {
        Self::new(DEFAULT_LANGUAGES)
    }

    /// The candidate languages.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.languages.iter().map(|(l, _, _)| *l)
    }

    fn lang_of_lingua(&self, language: Language) -> Option<Lang> {
        self.languages.iter().find(|(_, l, _)| *l == language).map(|(lang, _, _)| *lang)
    }

    fn lang_of_whatlang(&self, language: whatlang::Lang) -> Option<Lang> {
        self.languages.iter().find(|(_, _, w)| *w == Some(language)).map(|(lang, _, _)| *lang)
    }

    /// The language of a text with a confidence in 0..=1, or `None` when it is too short or too
    /// ambiguous to tell. Long text whose whatlang answer is reliable stops there; the rest is
    /// decided by lingua.
    pub fn detect(&self, text: &str) -> Option<(Lang, f64)> {
        let letters = text.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count();
        if letters < MIN_LETTERS {
            return None;
        }
        if let Some(quick) = self.detect_quick(text) {
            return Some(quick);
        }
        if text.len() >= SHORT_TEXT {
            if let Some(info) = self.whatlang.detect(text) {
                if info.is_reliable() {
                    if let Some(lang) = self.lang_of_whatlang(info.lang()) {
                        return Some((lang, info.confidence()));
                    }
                }
            }
        }
        self.detect_combined(text)
    }

    /// lingua's confidence values with whatlang's answer added as a second opinion, for text long
    /// enough for whatlang to have one (a sentence). On short, close calls between related
    /// languages (Spanish / Portuguese / Italian) the two models err differently.
    pub fn detect_combined(&self, text: &str) -> Option<(Lang, f64)> {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < COMBINE_MIN_LETTERS {
            return self.detect_accurate(text);
        }
        let scores = self.combined_scores(text);
        let (lang, best) = *scores.first()?;
        let second = scores.get(1).map_or(0.0, |s| s.1);
        if best <= 0.0 || (best - second).abs() < 1e-9 {
            return None;
        }
        Some((lang, best))
    }

    /// Every candidate's share of lingua's confidence values plus whatlang's answer (whatlang only
    /// from [`COMBINE_MIN_LETTERS`] letters on), best first; empty when neither model has one.
    fn combined_scores(&self, text: &str) -> Vec<(Lang, f64)> {
        let values = self.lingua.compute_language_confidence_values(text);
        let mut scores: Vec<(Lang, f64)> =
            values.iter().filter_map(|(l, c)| self.lang_of_lingua(*l).map(|lang| (lang, *c))).collect();
        let letters = text.chars().filter(|c| c.is_alphabetic()).take(COMBINE_MIN_LETTERS).count();
        if letters >= COMBINE_MIN_LETTERS {
            if let Some(info) = self.whatlang.detect(text) {
                if let Some(lang) = self.lang_of_whatlang(info.lang()) {
                    match scores.iter_mut().find(|(l, _)| *l == lang) {
                        Some(s) => s.1 += WHATLANG_WEIGHT * info.confidence(),
                        None => scores.push((lang, WHATLANG_WEIGHT * info.confidence())),
                    }
                }
            }
        }
        let total: f64 = scores.iter().map(|s| s.1).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        for s in &mut scores {
            s.1 /= total;
        }
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scores
    }

    /// `answer` for `text`, unless it is a language outside [`MISSION_LANGUAGES`] and the text's
    /// function words (`tally`) favour one of those four over it: then the mission language
    /// among them that the models rank highest. A Spanish line that lingua reads as Italian
    /// ("Se ri de ella en su cara.") has Spanish function words and no Italian ones.
    pub fn prefer_mission_language(
        &self,
        text: &str,
        tally: &FunctionWordTally,
        answer: Option<(Lang, f64)>,
    ) -> Option<(Lang, f64)> {
        let (lang, _) = answer?;
        if MISSION_LANGUAGES.contains(&lang) {
            return answer;
        }
        let own = tally.score(lang);
        let favoured: Vec<Lang> = MISSION_LANGUAGES.iter().copied().filter(|l| tally.score(*l) > own).collect();
        if favoured.is_empty() {
            return answer;
        }
        let scores = self.combined_scores(text);
        let model_best = scores.iter().find(|(l, _)| favoured.contains(l)).filter(|(_, share)| *share > 0.0);
        match model_best {
            Some(&(l, share)) => Some((l, share)),
            // The models give none of them a chance: the function words decide, with their share.
            None => {
                let total: f64 = favoured.iter().map(|l| tally.score(*l)).sum::<f64>() + own;
                let best = favoured.iter().copied().max_by(|a, b| tally.score(*a).total_cmp(&tally.score(*b)))?;
                Some((best, tally.score(best) / total.max(f64::MIN_POSITIVE)))
            }
        }
    }

    /// acta's path for a piece of text: names, acronyms and numbers masked ([`mask_names`]), then
    /// [`Detector::detect`]; the raw text when masking leaves too little.
    pub fn detect_masked(&self, text: &str) -> Option<(Lang, f64)> {
        let masked = mask_names(text);
        if masked.chars().filter(|c| c.is_alphabetic()).count() >= MASKED_MIN_LETTERS {
            self.detect(&masked)
        } else {
            self.detect(text)
        }
    }

    /// The quick check: function words ("the", "los", "dos", "les", ...) counted per candidate
    /// language, each shared word split between the languages that have it. Answers only when
    /// one language clearly leads; `None` sends the text on to the statistical models.
    pub fn detect_quick(&self, text: &str) -> Option<(Lang, f64)> {
        self.detect_quick_with(text, QUICK_MIN_WORDS, QUICK_MARGIN)
    }

    /// [`Detector::detect_quick`] with another minimum number of function words and margin: a
    /// caller that only confirms a language it expects can ask for fewer words, and a long
    /// paragraph, with many function words, can do with a smaller lead.
    pub fn detect_quick_with(&self, text: &str, min_words: usize, margin: f64) -> Option<(Lang, f64)> {
        self.tally(text).verdict(min_words, margin)
    }

    /// The function words of `text` counted once, for callers that try several thresholds.
    pub fn tally(&self, text: &str) -> FunctionWordTally {
        let mut scores: Vec<(Lang, f64)> = Vec::new();
        let mut hits = 0usize;
        let mut lower = String::new();
        for word in alphabetic_words(text).filter(|w| w.len() <= 8) {
            let key = if word.bytes().all(|b| b.is_ascii_lowercase()) {
                word
            } else {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                lower.as_str()
            };
            if !self.function_word_filter.may_hold(key) {
                continue;
            }
            let Some(langs) = self.function_words.get(key) else { continue };
            hits += 1;
            for (lang, weight) in langs {
                match scores.iter_mut().find(|(l, _)| l == lang) {
                    Some(s) => s.1 += weight,
                    None => scores.push((*lang, *weight)),
                }
            }
        }
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        FunctionWordTally { scores, hits }
    }

    /// How many function words of any candidate language the text has.
    pub fn function_word_hits(&self, text: &str) -> usize {
        self.tally(text).hits
    }

    /// lingua only: the accurate path, for short text.
    pub fn detect_accurate(&self, text: &str) -> Option<(Lang, f64)> {
        let values = self.lingua.compute_language_confidence_values(text);
        let (language, confidence) = values.first().copied()?;
        let second = values.get(1).map_or(0.0, |v| v.1);
        // Two languages equally likely: say nothing rather than guess.
        if confidence <= 0.0 || (confidence - second).abs() < 1e-9 {
            return None;
        }
        self.lang_of_lingua(language).map(|l| (l, confidence))
    }

    /// whatlang only: the fast path.
    pub fn detect_fast(&self, text: &str) -> Option<(Lang, f64)> {
        let info = self.whatlang.detect(text)?;
        self.lang_of_whatlang(info.lang()).map(|l| (l, info.confidence()))
    }
}

/// A text's function words per candidate language, best first ([`Detector::tally`]).
pub struct FunctionWordTally {
    scores: Vec<(Lang, f64)>,
    hits: usize,
}

impl FunctionWordTally {
    /// Function words of any candidate language.
    pub fn hits(&self) -> usize {
        self.hits
    }

    /// The function-word score of `lang` (0 when none of its words were seen).
    pub fn score(&self, lang: Lang) -> f64 {
        self.scores.iter().find(|(l, _)| *l == lang).map_or(0.0, |s| s.1)
    }

    /// The leading language when at least `min_words` function words were seen and it leads the
    /// runner-up by `margin` times (see [`Detector::detect_quick_with`]).
    pub fn verdict(&self, min_words: usize, margin: f64) -> Option<(Lang, f64)> {
        if self.hits < min_words {
            return None;
        }
        let (lang, best) = *self.scores.first()?;
        let second = self.scores.get(1).map_or(0.0, |s| s.1);
        // Confidence: the lead over the runner-up, so that a clear win reads as one (0.71 at a 2.5 margin).
        (best >= margin * second).then_some((lang, best / (best + second)))
    }
}

/// What `text.split(|c: char| !c.is_alphabetic())` gives without its empty pieces, stepping
/// through ASCII a byte at a time.
fn alphabetic_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let letter_at = |pos: usize| -> (bool, usize) {
            let b = bytes[pos];
            if b.is_ascii() {
                (b.is_ascii_alphabetic(), 1)
            } else {
                let c = text[pos..].chars().next().unwrap_or(' ');
                (c.is_alphabetic(), c.len_utf8())
            }
        };
        while pos < bytes.len() {
            let (letter, len) = letter_at(pos);
            if letter {
                break;
            }
            pos += len;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        while pos < bytes.len() {
            let (letter, len) = letter_at(pos);
            if !letter {
                break;
            }
            pos += len;
        }
        Some(&text[start..pos])
    })
}

/// The function-word table for the candidate languages: each word with the languages that list
/// it, weighted 1/k when k of them do.
fn function_words(candidates: &[Lang]) -> HashMap<&'static str, Vec<(Lang, f64)>> {
    let mut table: HashMap<&'static str, Vec<(Lang, f64)>> = HashMap::new();
    for line in FUNCTION_WORDS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let Some((code, words)) = line.split_once('\t') else { continue };
        let Some(lang) = Lang::parse(code.trim()).filter(|l| candidates.contains(l)) else { continue };
        for w in words.split_whitespace() {
            let entry = table.entry(w).or_default();
            if !entry.iter().any(|(l, _)| *l == lang) {
                entry.push((lang, 1.0));
            }
        }
    }
    for langs in table.values_mut() {
        let k = langs.len() as f64;
        for l in langs.iter_mut() {
            l.1 = 1.0 / k;
        }
    }
    table
}

fn whatlang_of(language: Language) -> Option<whatlang::Lang> {
    let code = language.iso_code_639_3().to_string();
    let code = if code == "zho" { "cmn".to_string() } else { code };
    whatlang::Lang::from_code(code)
}

/// The text with names, organisations and acronyms blanked out: capitalised words that do not
/// start a sentence, words in capitals, and words with digits. Byte offsets are kept (the blanked
/// words become spaces) so that results map back to the text.
pub fn mask_names(text: &str) -> String {
    let bytes = text.as_bytes();
    // A copy of the text in which name-like words are then overwritten with spaces.
    let mut out = bytes.to_vec();
    let char_at = |pos: usize| -> char {
        match bytes[pos] {
            b if b.is_ascii() => b as char,
            _ => text[pos..].chars().next().unwrap_or(' '),
        }
    };
    let mut sentence_start = true;
    let mut pos = 0;
    while pos < bytes.len() {
        // A word: letters, digits, apostrophes and hyphens.
        let start = pos;
        let (mut first_upper, mut uppers, mut digit) = (false, 0, false);
        while pos < bytes.len() {
            let c = char_at(pos);
            if !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-') {
                break;
            }
            let upper = c.is_uppercase();
            first_upper |= pos == start && upper;
            uppers += usize::from(upper);
            digit |= c.is_ascii_digit();
            pos += c.len_utf8();
        }
        if pos > start {
            if (first_upper && !sentence_start) || uppers >= 2 || digit {
                out[start..pos].fill(b' ');
            }
            sentence_start = false;
        }
        // The character after it, which may start a sentence.
        if pos < bytes.len() {
            let c = char_at(pos);
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | '¿' | '¡' | '•') {
                sentence_start = true;
            }
            pos += c.len_utf8();
        }
    }
    String::from_utf8(out).expect("whole characters were replaced by spaces")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_language_is_an_error_naming_it() {
        let err = Detector::new(&["en", "xx"]).err().unwrap();
        assert!(err.to_string().contains("`xx`"), "{err}");
    }

    #[test]
    fn masking_keeps_offsets_and_drops_names() {
        let text = "The minister, María José Pérez of AGESIC, said that 2019 was good.";
        let masked = mask_names(text);
        assert_eq!(masked.len(), text.len());
        assert!(masked.starts_with("The minister, "));
        assert!(!masked.contains("Pérez") && !masked.contains("AGESIC") && !masked.contains("2019"));
        assert!(masked.contains("said that"));
    }

    #[test]
    fn alphabetic_words_split_as_str_split_does() {
        for text in ["¿Qué tal?  O'Brien—2x", "", "...", "São Paulo, l’État; straße ǅemal", "a1b"] {
            let split: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            assert_eq!(alphabetic_words(text).collect::<Vec<_>>(), split, "{text:?}");
        }
    }

    #[test]
    fn masking_word_by_word() {
        // Sentence starts keep their capital; capitals elsewhere, acronyms, mixed capitals and
        // digits are blanked; apostrophes and hyphens stay inside words.
        let text = "Él habló. ¿Dónde? O’Neill e IDB-Lab dijeron: Brasil es e-Gov 4G l’État";
        assert_eq!(mask_names(text), "Él habló. ¿Dónde?           e         dijeron: Brasil es e-Gov    l’État");
    }

    #[test]
    fn whatlang_is_a_second_opinion_on_close_calls() {
        // Accents lost in extraction: lingua alone leans Portuguese here; whatlang is sure of Spanish.
        let d = Detector::with_defaults().unwrap();
        let s = "La autora agrupa diversos estudios que abordan diversidad de temticas en dos apartados: 1. Miradas en torno a la dimensin histrica de la educacin y la pedagoga.";
        assert_eq!(d.detect_accurate(s).unwrap().0, Lang::PT, "lingua alone");
        assert_eq!(d.detect_combined(s).unwrap().0, Lang::ES);
        assert_eq!(d.detect_masked(s).unwrap().0, Lang::ES);
    }

    #[test]
    fn four_languages_and_unknown() {
        let d = Detector::new(&["en", "es", "pt", "fr"]).unwrap();
        assert_eq!(d.detect("The ministers discussed the digital agenda of the region.").unwrap().0, Lang::EN);
        assert_eq!(d.detect("Os ministros discutiram a agenda digital da região.").unwrap().0, Lang::PT);
        assert_eq!(d.detect("Les ministres ont discuté de l'agenda numérique de la région.").unwrap().0, Lang::FR);
        assert_eq!(d.detect("42 !"), None);
    }
}
