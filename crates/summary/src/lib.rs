//! Extractive summaries: body sentences ranked by how central they are to the report, with
//! section priors and redundancy control, returned in document order.
//!
//! ```
//! use acta_doc::{Report, Stage};
//! use acta_layout::LayoutStage;
//! use acta_summary::SummaryStage;
//!
//! let text = "Discussion:\n\nThe network shares solutions between governments. Talent is scarce in the region. Funding for digital projects is limited.\n";
//! let mut report = Report::new("r", "r.txt", text.to_string());
//! LayoutStage::bundled().run(&mut report).unwrap();
//! SummaryStage::new(2).run(&mut report).unwrap();
//! assert_eq!(report.summary.len(), 2);
//! ```

mod sentences;

use std::collections::{BTreeSet, HashMap, HashSet};

use acta_doc::{fold, ByteRange, FieldKind, Lang, Layer, LineKind, Report, Stage};

pub use sentences::split_sentences;

/// Chooses `sentences` summary sentences per report.
pub struct SummaryStage {
    sentences: usize,
    stop_words: HashMap<Lang, HashSet<&'static str>>,
}

/// Sentences sharing more than this share of their words with a chosen one are redundant.
const MAX_OVERLAP: f64 = 0.6;
/// Sentences shorter than this many words carry too little to summarise.
const MIN_WORDS: usize = 6;

impl SummaryStage {
    pub fn new(sentences: usize) -> Self {
        let mut stop_words = HashMap::new();
        for lang in [Lang::EN, Lang::ES, Lang::PT, Lang::FR, Lang(*b"de"), Lang(*b"it"), Lang(*b"nl")] {
            if let Some(list) = stop_words::lookup(lang.as_str()) {
                stop_words.insert(lang, list.iter().copied().collect());
            }
        }
        SummaryStage { sentences, stop_words }
    }
}

/// How much a section's sentences are worth in a summary.
fn section_prior(kind: FieldKind) -> f64 {
    match kind {
        FieldKind::Discussion | FieldKind::Takeaways | FieldKind::KeyIssues => 1.3,
        FieldKind::Presentations | FieldKind::Other => 1.0,
        FieldKind::Gender => 0.6,
        _ => 0.0,
    }
}

struct Candidate {
    range: ByteRange,
    words: Vec<String>,
    prior: f64,
}

impl Stage for SummaryStage {
    fn name(&self) -> &'static str {
        "summary"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout, Layer::Language]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Summary]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        let text = &report.text;
        let empty = HashSet::new();
        let mut cands = Vec::new();
        for line in report.lines.iter().filter(|l| l.kind == LineKind::Text) {
            let section = report.section_at(line.range.start);
            let prior = section.map_or(1.0, |s| section_prior(s.kind));
            if prior == 0.0 {
                continue;
            }
            let lang = report.language_at(line.range.start).unwrap_or(Lang::EN);
            let stops = self.stop_words.get(&lang).unwrap_or(&empty);
            for range in split_sentences(text, line.content) {
                let words: Vec<String> = range
                    .slice(text)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() > 1)
                    .map(fold)
                    .filter(|w| !stops.contains(w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
                    .collect();
                if range.slice(text).split_whitespace().count() >= MIN_WORDS && !words.is_empty() {
                    cands.push(Candidate { range, words, prior });
                }
            }
        }
        report.summary = choose(&cands, self.sentences);
        Ok(())
    }
}

/// TF-IDF centroid scoring (each sentence a document), then greedy selection that skips
/// sentences overlapping a chosen one; ties broken by position.
fn choose(cands: &[Candidate], n: usize) -> Vec<ByteRange> {
    if cands.is_empty() || n == 0 {
        return Vec::new();
    }
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut tf: HashMap<&str, usize> = HashMap::new();
    for c in cands {
        let unique: HashSet<&str> = c.words.iter().map(String::as_str).collect();
        for w in unique {
            *df.entry(w).or_default() += 1;
        }
        for w in &c.words {
            *tf.entry(w.as_str()).or_default() += 1;
        }
    }
    let n_docs = cands.len() as f64;
    let weight = |w: &str| (tf[w] as f64) * ((1.0 + n_docs) / (1.0 + df[w] as f64)).ln().max(0.1);
    let mut scored: Vec<(usize, f64)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // A sorted set, so the float sum is the same on every run.
            let unique: BTreeSet<&str> = c.words.iter().map(String::as_str).collect();
            let s: f64 = unique.iter().map(|w| weight(w)).sum::<f64>() / (unique.len() as f64).sqrt().max(1.0);
            // A slight preference for earlier sentences, which usually state the purpose.
            let position = 1.0 - 0.2 * (i as f64 / n_docs);
            (i, s * c.prior * position)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<usize> = Vec::new();
    for (i, _) in scored {
        if chosen.len() >= n {
            break;
        }
        let words: HashSet<&str> = cands[i].words.iter().map(String::as_str).collect();
        let redundant = chosen.iter().any(|&j| {
            let other: HashSet<&str> = cands[j].words.iter().map(String::as_str).collect();
            let shared = words.intersection(&other).count() as f64;
            shared / (words.len().min(other.len()).max(1) as f64) > MAX_OVERLAP
        });
        if !redundant {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| cands[i].range).collect()
}
