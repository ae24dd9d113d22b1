//! String comparison and one-to-one matching, as GOLD.md defines them.

use acta_doc::fold_words;

/// Forms of address and titles removed from the start of a person's name before comparing: the
/// language packs' `scoring_prefixes.txt` of every language, folded, read once.
static HONORIFICS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let lexicon = acta_lexicon::Lexicon::bundled();
    let mut out: Vec<String> = Vec::new();
    for form in lexicon.words(acta_lexicon::ListKind::ScoringPrefixes).map(fold_words) {
        if !out.contains(&form) {
            out.push(form);
        }
    }
    out
});

/// Folded (NFKD, no accents, lower case), punctuation as spaces, whitespace collapsed.
pub fn normalize(s: &str) -> String {
    fold_words(s)
}

/// [`normalize`], then leading honorifics removed ("Mrs. Yolanda Martínez" -> "yolanda martinez").
pub fn normalize_person(s: &str) -> String {
    let mut n = normalize(s);
    loop {
        let stripped = HONORIFICS.iter().find_map(|h| {
            n.strip_prefix(h.as_str()).and_then(|rest| rest.strip_prefix(' ')).filter(|rest| !rest.is_empty())
        });
        match stripped {
            Some(rest) => n = rest.to_string(),
            None => return n,
        }
    }
}

/// How well two person names match: `None` when they do not. Equal names score 2; otherwise one
/// name's tokens must all be in the other with at least two shared, scored by the share of the
/// longer name covered.
pub fn person_similarity(a: &str, b: &str) -> Option<f64> {
    best_of_aliases(a, b, person_similarity_one)
}

/// The best similarity between any `|` alias of `a` and any of `b` ("Department of Economic and
/// Social Affairs|UNDESA" matches "UNDESA").
fn best_of_aliases(a: &str, b: &str, similar: fn(&str, &str) -> Option<f64>) -> Option<f64> {
    if !a.contains('|') && !b.contains('|') {
        return similar(a, b);
    }
    a.split('|')
        .flat_map(|x| b.split('|').map(move |y| (x, y)))
        .filter_map(|(x, y)| similar(x.trim(), y.trim()))
        .max_by(f64::total_cmp)
}

fn person_similarity_one(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (normalize_person(a), normalize_person(b));
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a == b {
        return Some(2.0);
    }
    let ta: Vec<&str> = a.split(' ').collect();
    let tb: Vec<&str> = b.split(' ').collect();
    let (short, long) = if ta.len() <= tb.len() { (&ta, &tb) } else { (&tb, &ta) };
    let shared = short.iter().filter(|t| long.contains(t)).count();
    (shared == short.len() && shared >= 2).then(|| 1.0 + shared as f64 / long.len() as f64)
}

/// Token Jaccard of two organisation names, when at least 0.5 (the best of their `|` aliases).
pub fn organization_similarity(a: &str, b: &str) -> Option<f64> {
    best_of_aliases(a, b, organization_similarity_one)
}

fn organization_similarity_one(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (normalize(a), normalize(b));
    let mut ta: Vec<&str> = a.split(' ').filter(|t| !t.is_empty()).collect();
    let mut tb: Vec<&str> = b.split(' ').filter(|t| !t.is_empty()).collect();
    ta.sort_unstable();
    ta.dedup();
    tb.sort_unstable();
    tb.dedup();
    if ta.is_empty() || tb.is_empty() {
        return None;
    }
    let inter = ta.iter().filter(|t| tb.contains(t)).count();
    let union = ta.len() + tb.len() - inter;
    let j = inter as f64 / union as f64;
    (j >= 0.5).then_some(j)
}

/// A maximum one-to-one matching between `gold` and `found` items: each gold item matches at most
/// one found item and the other way round. Among equally large matchings, better-scoring pairs
/// are preferred (edges are tried best first). Returns (gold index, found index) pairs.
pub fn one_to_one<G, F>(gold: &[G], found: &[F], similar: impl Fn(&G, &F) -> Option<f64>) -> Vec<(usize, usize)> {
    // Edges of each gold item, best first.
    let scored: Vec<Vec<(usize, f64)>> = gold
        .iter()
        .map(|g| {
            let mut e: Vec<(usize, f64)> =
                found.iter().enumerate().filter_map(|(j, f)| similar(g, f).map(|s| (j, s))).collect();
            e.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            e
        })
        .collect();
    let edges: Vec<Vec<usize>> = scored.iter().map(|e| e.iter().map(|(j, _)| *j).collect()).collect();
    // Gold items with the best pairs claim first.
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by(|&a, &b| {
        let best = |i: usize| scored[i].first().map_or(f64::MIN, |e| e.1);
        best(b).total_cmp(&best(a)).then(a.cmp(&b))
    });
    let mut owner: Vec<Option<usize>> = vec![None; found.len()];
    fn augment(g: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
        for &f in &edges[g] {
            if seen[f] {
                continue;
            }
            seen[f] = true;
            if owner[f].is_none_or(|o| augment(o, edges, owner, seen)) {
                owner[f] = Some(g);
                return true;
            }
        }
        false
    }
    for g in order {
        let mut seen = vec![false; found.len()];
        augment(g, &edges, &mut owner, &mut seen);
    }
    let mut pairs: Vec<(usize, usize)> = owner.iter().enumerate().filter_map(|(f, o)| o.map(|g| (g, f))).collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names_fold_and_drop_honorifics() {
        assert_eq!(normalize_person("Mrs. Yolanda  Martínez"), "yolanda martinez");
        assert_eq!(normalize_person("H.E. Sra. Ana Silva"), "ana silva");
        assert_eq!(normalize_person("Ana Silva."), "ana silva");
    }

    #[test]
    fn people_match_by_containment_with_two_shared_tokens() {
        assert!(person_similarity("Yolanda Martínez", "Yolanda Martinez Mancilla").is_some());
        assert_eq!(person_similarity("Ms. Ana Silva", "ana silva"), Some(2.0));
        // One shared token is not enough, and extra tokens on both sides do not match.
        assert_eq!(person_similarity("Martínez", "Yolanda Martínez"), None);
        assert_eq!(person_similarity("Ana Silva Costa", "Ana Silva Pereira"), None);
    }

    #[test]
    fn organisations_match_at_half_jaccard() {
        // {inter, american, development, bank} vs {inter, american, development, bank, idb}: 4/5.
        assert_eq!(
            organization_similarity("Inter-American Development Bank", "Inter American Development Bank (IDB)"),
            Some(0.8)
        );
        // {ministry, of, economy} vs {ministry, of, health}: 2/4 = 0.5, the bar itself.
        assert_eq!(organization_similarity("Ministry of Economy", "Ministry of Health"), Some(0.5));
        assert_eq!(organization_similarity("OECD", "OAS"), None);
    }

    #[test]
    fn matching_is_one_to_one_and_maximal() {
        let gold = ["Ana Silva", "Ana Silva Costa"];
        let found = ["Ana Silva Costa"];
        let pairs = one_to_one(&gold, &found, |g, f| person_similarity(g, f));
        assert_eq!(pairs, vec![(1, 0)], "the exact pair wins");
        // Greedy would give found 0 to gold 0 and leave gold 1 unmatched; augmenting fixes it.
        let gold = ["Ana Silva Costa", "Ana Silva"];
        let found = ["Ana Silva", "Ana Silva Costa Lima"];
        let pairs = one_to_one(&gold, &found, |g, f| person_similarity(g, f));
        assert_eq!(pairs.len(), 2);
    }
}
