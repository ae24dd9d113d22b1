//! ROUGE-1, ROUGE-2 and ROUGE-L (Lin, 2004) between a candidate summary and a reference, on
//! folded word tokens (lower case, accents removed, punctuation dropped).

use std::collections::HashMap;

use acta_doc::fold_words;

/// Precision, recall and F1 of one ROUGE measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(overlap: f64, candidate: f64, reference: f64) -> Prf {
        let precision = if candidate > 0.0 { overlap / candidate } else { 0.0 };
        let recall = if reference > 0.0 { overlap / reference } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of a candidate against a reference.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rouge {
    pub r1: Prf,
    pub r2: Prf,
    pub rl: Prf,
}

pub fn tokens(text: &str) -> Vec<String> {
    fold_words(text).split(' ').filter(|t| !t.is_empty()).map(String::from).collect()
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut out = HashMap::new();
    for w in tokens.windows(n) {
        *out.entry(w).or_default() += 1;
    }
    out
}

/// ROUGE-N: clipped n-gram overlap.
fn rouge_n(candidate: &[String], reference: &[String], n: usize) -> Prf {
    let (c, r) = (ngrams(candidate, n), ngrams(reference, n));
    let overlap: usize = c.iter().map(|(g, k)| (*k).min(r.get(g).copied().unwrap_or(0))).sum();
    Prf::new(overlap as f64, c.values().sum::<usize>() as f64, r.values().sum::<usize>() as f64)
}

/// Length of the longest common subsequence of two token lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// ROUGE-1, -2 and -L (summary-level LCS over the whole text) of `candidate` against `reference`.
pub fn rouge(candidate: &str, reference: &str) -> Rouge {
    let (c, r) = (tokens(candidate), tokens(reference));
    Rouge {
        r1: rouge_n(&c, &r, 1),
        r2: rouge_n(&c, &r, 2),
        rl: Prf::new(lcs(&c, &r) as f64, c.len() as f64, r.len() as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn known_values() {
        // The textbook pair: 6 of 7 candidate words are in the 6-word reference; 4 of the
        // reference's 5 bigrams are in the candidate's 6; the LCS is the whole reference.
        let r = rouge("the cat was found under the bed", "the cat was under the bed");
        assert!(close(r.r1.recall, 1.0) && close(r.r1.precision, 6.0 / 7.0), "{r:?}");
        assert!(close(r.r1.f1, 2.0 * (6.0 / 7.0) / (1.0 + 6.0 / 7.0)), "{r:?}");
        assert!(close(r.r2.recall, 4.0 / 5.0) && close(r.r2.precision, 4.0 / 6.0), "{r:?}");
        assert!(close(r.rl.recall, 1.0) && close(r.rl.precision, 6.0 / 7.0), "{r:?}");
        // LCS is a subsequence, not a substring: "police killed the gunman" vs
        // "police kill the gunman" share "police the gunman" (3 of 4).
        let r = rouge("police kill the gunman", "police killed the gunman");
        assert!(close(r.rl.f1, 0.75) && close(r.r2.f1, 1.0 / 3.0), "{r:?}");
    }

    #[test]
    fn folding_counts_and_empty_text() {
        // Case, accents and punctuation do not matter; repeated words are clipped.
        let r = rouge("La Reunión, la reunión.", "la reunion");
        assert!(close(r.r1.recall, 1.0) && close(r.r1.precision, 0.5), "{r:?}");
        assert_eq!(rouge("", "anything").r1.f1, 0.0);
    }
}
