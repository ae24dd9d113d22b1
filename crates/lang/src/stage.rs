//! The pipeline stage: report language, section languages and mixed-language spans.

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use acta_doc::{ByteRange, Lang, LanguageInfo, LanguageSpan, Layer, Report, Stage};

use crate::{mask_names, Detector};

/// Blocks with fewer letters than this (after masking names) are not evidence for any language:
/// labels, names and list entries; a block this short could not become a span either.
const MIN_BLOCK_LETTERS: usize = 40;
/// A block in another language becomes a span only with at least this many letters...
const MIN_SPAN_LETTERS: usize = 40;
/// ...and at least this confidence.
const MIN_SPAN_CONFIDENCE: f64 = 0.6;

/// Sets `report.language`, each section's language and `report.language_spans`.
pub struct LanguageStage {
    detector: Arc<Detector>,
}

impl LanguageStage {
    pub fn new(detector: Arc<Detector>) -> Self {
        LanguageStage { detector }
    }
}

/// A paragraph (run of non-blank lines) and its detected language.
struct Block {
    range: ByteRange,
    letters: usize,
    lang: Option<(Lang, f64)>,
}

impl Stage for LanguageStage {
    fn name(&self) -> &'static str {
        "language"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Language]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        let masked = mask_names(&report.text);
        // The report's likely language, from its function words, else from whatlang on its start:
        // worked out only if a block needs it (most are decided by their own function words).
        let doc_guess = std::cell::OnceCell::new();
        let doc_guess = || {
            *doc_guess.get_or_init(|| {
                self.detector.detect_quick(&masked).map(|(l, _)| l).or_else(|| {
                    let head = &masked[..floor_boundary(&masked, GUESS_BYTES)];
                    self.detector.detect_fast(head).map(|(l, _)| l)
                })
            })
        };
        let paragraphs: Vec<(ByteRange, usize)> = paragraphs(&masked)
            .into_iter()
            .map(|range| (range, range.slice(&masked).chars().filter(|c| c.is_alphabetic()).count()))
            .collect();
        let report_letters: usize = paragraphs.iter().map(|(_, letters)| letters).sum();
        let blocks: Vec<Block> = paragraphs
            .into_iter()
            .map(|(range, letters)| {
                let part = range.slice(&masked);
                // The report's guess is a second opinion only when it rests mostly on other text: a
                // block holding most of the report would be confirmed by its own evidence.
                let own_guess = letters * 2 > report_letters;
                let guess: &dyn Fn() -> Option<Lang> = if own_guess { &|| None } else { &doc_guess };
                let lang = if letters >= MIN_BLOCK_LETTERS { self.detect_block(part, letters, guess) } else { None };
                Block { range, letters, lang }
            })
            .collect();

        let mut weight: HashMap<Lang, f64> = HashMap::new();
        let mut total = 0.0;
        for b in &blocks {
            if let Some((lang, _)) = b.lang {
                *weight.entry(lang).or_default() += b.letters as f64;
                total += b.letters as f64;
            }
        }
        let info = if total > 0.0 {
            let mut ranked: Vec<(Lang, f64)> = weight.iter().map(|(l, w)| (*l, w / total)).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let main = ranked[0].0;
            let confidence = blocks
                .iter()
                .filter_map(|b| b.lang.filter(|(l, _)| *l == main).map(|(_, c)| c * b.letters as f64))
                .sum::<f64>()
                / total;
            LanguageInfo {
                main: Some(main),
                confidence: round3(confidence),
                others: ranked[1..].iter().map(|(l, s)| (*l, round3(*s))).collect(),
            }
        } else {
            // A title in capitals is all masked: then its own words are all there is to read.
            let unmasked = report_letters < crate::MASKED_MIN_LETTERS;
            let text = if unmasked { &report.text } else { &masked };
            let head = &text[..floor_boundary(text, GUESS_BYTES)];
            // Function words are counted where masking left them: "Ont." in "Toronto, Ont." is not
            // the French verb.
            let tally = self.detector.tally(&masked[..floor_boundary(&masked, GUESS_BYTES)]);
            let mut answer = self.detector.detect(head);
            if unmasked {
                // Unmasked, names speak for the language they come from ("Ana Pérez, Juan Gómez and
                // María Silva"); the function words of one language speak for the text's own.
                if let Some((lang, share)) = tally.verdict(1, QUICK_MARGIN_SHORT) {
                    if answer.map(|(l, _)| l) != Some(lang) {
                        let words = tally.hits() as f64;
                        answer = Some((lang, share * words / (words + 1.0)));
                    }
                }
            }
            match self.detector.prefer_mission_language(head, &tally, answer) {
                Some((lang, c)) => LanguageInfo { main: Some(lang), confidence: round3(c), others: Vec::new() },
                None => LanguageInfo { main: None, confidence: 0.0, others: Vec::new() },
            }
        };

        // Mixed-language spans: consecutive blocks in one language other than the main one.
        let mut spans: Vec<LanguageSpan> = Vec::new();
        for b in &blocks {
            let Some((lang, conf)) = b.lang else { continue };
            if Some(lang) == info.main || b.letters < MIN_SPAN_LETTERS || conf < MIN_SPAN_CONFIDENCE {
                continue;
            }
            match spans.last_mut() {
                Some(last)
                    if last.language == lang && only_blank_between(&report.text, last.range.end, b.range.start) =>
                {
                    last.range.end = b.range.end;
                    last.confidence = round3(last.confidence.min(conf));
                }
                _ => spans.push(LanguageSpan { range: b.range, language: lang, confidence: round3(conf) }),
            }
        }

        // Blocks are in text order and disjoint: a section's blocks are found by binary search, those
        // inside its body and the one before them, which may hold the whole body.
        for section in &mut report.sections {
            let body = section.body;
            let first_inside = blocks.partition_point(|b| b.range.start < body.start);
            let nearby = blocks[first_inside.saturating_sub(1)..]
                .iter()
                .take_while(|b| b.range.start < body.end.max(body.start + 1));
            let mut w: HashMap<Lang, usize> = HashMap::new();
            for b in nearby.filter(|b| body.contains(&b.range) || b.range.contains(&body)) {
                if let Some((l, _)) = b.lang {
                    *w.entry(l).or_default() += b.letters;
                }
            }
            section.language = w.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(l, _)| l);
        }
        report.language = Some(info);
        report.language_spans = spans;
        Ok(())
    }
}

impl LanguageStage {
    /// whatlang first; its answer stands when reliable on long text, or when it agrees with the
    /// whole report's guess. Otherwise lingua decides, with whatlang as a second opinion.
    fn detect_block(&self, text: &str, letters: usize, doc_guess: &dyn Fn() -> Option<Lang>) -> Option<(Lang, f64)> {
        let tally = self.detector.tally(text);
        if let Some(quick) = tally.verdict(crate::QUICK_MIN_WORDS, crate::QUICK_MARGIN) {
            return Some(quick);
        }
        // A few function words that clearly confirm the report's own language are enough.
        // A paragraph with many function words needs a smaller lead.
        if let Some(quick) = tally.verdict(12, 2.5) {
            return Some(quick);
        }
        if let Some(quick) = tally.verdict(CONFIRM_MIN_WORDS, 4.0) {
            if Some(quick.0) == doc_guess() {
                return Some(quick);
            }
        }
        // Lists of titles and bullet fragments without function words say little about a language;
        // short ones are left out rather than sent to lingua.
        if letters < 300 && tally.hits() < CONFIRM_MIN_WORDS {
            return None;
        }
        if let Some((lang, conf)) = self.detector.detect_fast(text) {
            let long = text.len() >= crate::SHORT_TEXT;
            // whatlang agreeing with the report's language settles a block; lingua is for disagreement.
            if (long && conf >= 0.9) || (conf >= 0.3 && Some(lang) == doc_guess()) {
                return self.detector.prefer_mission_language(text, &tally, Some((lang, conf)));
            }
        }
        self.detector.prefer_mission_language(text, &tally, self.detector.detect_combined(text))
    }
}

/// On a short text read unmasked, function words decide when one language leads by this much.
const QUICK_MARGIN_SHORT: f64 = 4.0;

/// Function words enough to confirm that a block is in the report's language.
const CONFIRM_MIN_WORDS: usize = 3;

/// How much of a report's start whatlang reads for the report's likely language.
const GUESS_BYTES: usize = 8 * 1024;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn only_blank_between(text: &str, a: usize, b: usize) -> bool {
    a <= b && text.get(a..b).is_some_and(|s| s.trim().is_empty())
}

/// Runs of non-blank lines.
fn paragraphs(text: &str) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push(ByteRange { start: s, end: pos }.trim(text));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(ByteRange { start: s, end: text.len() }.trim(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_paragraph_in_english_report_is_a_span() {
        let text = "The session opened with a review of the regional agenda for digital government and the role of the network in sharing what works.\n\nParticipants agreed that the countries of the region need stronger institutions and more technical staff to sustain their plans.\n\nLa ministra señaló que los gobiernos de la región deben compartir sus experiencias y trabajar juntos para cerrar la brecha digital.\n\nThe moderator closed by thanking the speakers and inviting everyone to the next meeting of the network.\n";
        let mut report = Report::new("t", "t", text.to_string());
        acta_doc::Stage::run(
            &LanguageStage::new(Arc::new(Detector::new(&["en", "es", "pt", "fr"]).unwrap())),
            &mut report,
        )
        .unwrap();
        let info = report.language.clone().unwrap();
        assert_eq!(info.main, Some(Lang::EN));
        assert_eq!(report.language_spans.len(), 1, "{:?}", report.language_spans);
        let span = &report.language_spans[0];
        assert_eq!(span.language, Lang::ES);
        assert!(report.slice(span.range).starts_with("La ministra"));
        assert!(report.slice(span.range).ends_with("brecha digital."));
        assert!(info.others.iter().any(|(l, _)| *l == Lang::ES));
    }

    #[test]
    fn english_with_spanish_names_stays_english() {
        let text = "Mrs. Yolanda Martínez Mancilla, Daniel Abadie and Alejandra Erramuspe of AGESIC spoke about the plans of the Secretaría de Gobierno Digital and the Ministerio de Modernización.\n";
        let mut report = Report::new("t", "t", text.to_string());
        acta_doc::Stage::run(&LanguageStage::new(Arc::new(Detector::with_defaults().unwrap())), &mut report).unwrap();
        assert_eq!(report.main_language(), Some(Lang::EN));
        assert!(report.language_spans.is_empty());
    }

    fn language_of(text: &str) -> Option<(Lang, f64)> {
        let mut report = Report::new("t", "t", text.to_string());
        acta_doc::Stage::run(&LanguageStage::new(Arc::new(Detector::with_defaults().unwrap())), &mut report).unwrap();
        let info = report.language.unwrap();
        info.main.map(|l| (l, info.confidence))
    }

    #[test]
    fn a_report_of_one_sentence_is_not_confirmed_by_its_own_guess() {
        // Accents lost in extraction: whatlang alone leans Portuguese (0.35). Before, the report's
        // guess (whatlang on the same sentence) "confirmed" it.
        let text = "No se que decir de este espectaculo porque no hay palabras para eso.";
        assert_eq!(language_of(text).unwrap().0, Lang::ES);
    }

    #[test]
    fn a_mission_language_with_its_function_words_wins_over_another() {
        // lingua reads this accentless Spanish line as Italian; it has Spanish function words
        // ("en", "su") and no Italian ones.
        assert_eq!(language_of("Ella ri en su cara.").unwrap().0, Lang::ES);
        // Italian with Italian function words stays Italian.
        let italian = "Il ministro ha detto che la riunione della commissione è stata molto utile per tutti.";
        assert_eq!(language_of(italian).unwrap().0, Lang::parse("it").unwrap());
    }

    #[test]
    fn a_title_in_capitals_is_read_from_its_own_words() {
        // Masking blanks every capitalised word after the first: too little was left to read, and
        // such a title had no language at all.
        for (title, expected) in [("Lo Que No Se Dijo.", Lang::ES), ("Ce Que Nous Avons Appris.", Lang::FR)] {
            assert_eq!(language_of(title).map(|(l, _)| l), Some(expected), "{title}");
        }
    }
}
