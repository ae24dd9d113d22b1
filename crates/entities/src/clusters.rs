//! Person clusters: every mention of one person becomes one canonical person, named by the fullest form;
//! then the other mentions of each person's written forms. Reads the people module's candidates.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use acta_doc::{fold, ByteRange, Canonical, EntityKind, EntitySource};

use crate::extract::Collector;
use crate::names::name_key_tokens;
use crate::people::*;
use crate::words::{WordMatcher, Words};

/// Groups person candidates into people: same folded name, or one name's tokens inside the
/// other's with at least two shared, or a lone surname after an honorific that only one person
/// has. Each group becomes one canonical person named by its fullest form, accents kept.
pub(crate) fn cluster_people(text: &str, words: &Words, mut cands: Vec<PersonCandidate>, c: &mut Collector) {
    cands.sort_by_key(|p| (std::cmp::Reverse(p.core_tokens), p.range.start));
    // Keep each candidate that overlaps none kept before. Kept ranges are disjoint, so the one
    // starting last before this candidate's end is the only one that can overlap it.
    let mut dedup: Vec<PersonCandidate> = Vec::new();
    let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
    for p in cands {
        let clash =
            kept.range(..p.range.end.max(p.range.start + 1)).next_back().is_some_and(|(_, &end)| end > p.range.start);
        if !clash {
            kept.insert(p.range.start, p.range.end);
            dedup.push(p);
        }
    }
    struct Cluster {
        /// Written forms: (name in reading order, whether it is contiguous text to search for).
        forms: Vec<(String, bool)>,
        members: Vec<(ByteRange, EntitySource)>,
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    // A name joins the first cluster with which it shares at least two tokens, all of its own or all
    // of the cluster's ([`ClusterLookup`]).
    let mut lookup = ClusterLookup::new(SCAN_LIMIT);
    for p in &dedup {
        let written = p.display.clone().unwrap_or_else(|| p.range.slice(text).to_string());
        let form = (written.clone(), p.display.is_none());
        let tokens = name_key_tokens(&written);
        if tokens.is_empty() {
            continue;
        }
        // "Van der Merwe" at a sentence's start: a surname whose particles open it in capitals.
        let surname_after_particles = particle_led_surname(&written);
        let found = if let Some(surname) = &surname_after_particles {
            // The one cluster with this surname after its first token ("Liesl van der Merwe").
            lookup.only_with_later_token(surname)
        } else if tokens.len() >= 2 {
            lookup.joined_by(&tokens)
        } else if p.honorific {
            // "Sr. Silva": the one cluster with this token after its first, if only one has it.
            lookup.only_with_later_token(&tokens[0])
        } else {
            None
        };
        match found {
            Some(i) => {
                clusters[i].forms.push(form);
                clusters[i].members.push((p.range, p.source));
            }
            None => {
                lookup.add(tokens);
                clusters.push(Cluster { forms: vec![form], members: vec![(p.range, p.source)] })
            }
        }
    }
    let mut person_index: Vec<usize> = Vec::with_capacity(clusters.len());
    for cl in &clusters {
        let name = canonical_name(&cl.forms);
        let idx = c.canonical(EntityKind::Person, fold(&name), || Canonical {
            kind: EntityKind::Person,
            name: name.clone(),
            country: None,
            stakeholder: None,
        });
        person_index.push(idx);
        for (range, source) in &cl.members {
            c.mention(
                EntityKind::Person,
                *range,
                idx,
                *source,
                if *source == EntitySource::Field { 0.95 } else { 0.85 },
            );
        }
    }
    // Other mentions of each person's written forms.
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (ci, cl) in clusters.iter().enumerate() {
        for (s, contiguous) in &cl.forms {
            if *contiguous && s.split_whitespace().count() >= 2 && seen.insert(s) {
                forms.push((s.clone(), ci));
            }
        }
    }
    // "el Viceministro Benítez Ayala informa": the last two words of a name of three or more (two
    // surnames, as Spanish and Portuguese refer to a person) name that person too, when no other
    // person's name ends with them (a name of those two words alone would join the same cluster).
    let mut tails: HashMap<String, Option<usize>> = HashMap::new();
    for (ci, cl) in clusters.iter().enumerate() {
        for (s, contiguous) in &cl.forms {
            let words: Vec<&str> = s.split_whitespace().collect();
            if *contiguous
                && words.len() >= 3
                && words[words.len() - 2..].iter().all(|w| w.starts_with(char::is_uppercase))
            {
                let tail = words[words.len() - 2..].join(" ");
                let entry = tails.entry(tail).or_insert(Some(ci));
                if *entry != Some(ci) {
                    *entry = None;
                }
            }
        }
    }
    let mut tails: Vec<(String, usize)> = tails.into_iter().filter_map(|(t, ci)| ci.map(|ci| (t, ci))).collect();
    tails.sort();
    for (tail, ci) in tails {
        if !seen.contains(tail.as_str()) {
            forms.push((tail, ci));
        }
    }
    if forms.is_empty() {
        return;
    }
    let patterns: Vec<&str> = forms.iter().map(|(s, _)| s.as_str()).collect();
    for (start, end, pattern) in WordMatcher::new(&patterns).find_in(text, words) {
        let range = ByteRange { start, end };
        if c.overlapping(range).next().is_some() {
            continue;
        }
        let idx = person_index[forms[pattern].1];
        c.mention(EntityKind::Person, range, idx, EntitySource::Coreference, 0.8);
    }
}

/// The surname of a name that is only particles and one word, the first particle capitalised as a
/// sentence's start writes it ("Van der Merwe", "De la Fuente"), folded; `None` for other names.
fn particle_led_surname(written: &str) -> Option<String> {
    let words: Vec<&str> = written.split_whitespace().collect();
    let (last, particles) = words.split_last()?;
    let first = particles.first()?;
    let capitalised = first.starts_with(char::is_uppercase);
    (capitalised
        && crate::names::is_particle(&first.to_lowercase())
        && particles[1..].iter().all(|w| crate::names::is_particle(w)))
    .then(|| acta_doc::fold(last))
}

/// Clusters up to which [`ClusterLookup`] compares a name with each cluster in turn.
const SCAN_LIMIT: usize = 32;

/// The person clusters' tokens, and which cluster a name joins. A report with few clusters
/// compares a name with each (no tables to build); from `scan_limit` clusters on, or once a name
/// has more than [`MAX_INDEXED_TOKENS`] distinct tokens, a [`ClusterIndex`] finds them: a report
/// naming 100,000 different "Ana Silva ..." must not compare each with all the others. Both ways
/// give the same answers.
pub(crate) struct ClusterLookup {
    /// Each cluster's tokens (those of the name that made it), in the order clusters were made.
    tokens: Vec<Vec<String>>,
    index: Option<ClusterIndex>,
    scan_limit: usize,
}

impl ClusterLookup {
    pub(crate) fn new(scan_limit: usize) -> ClusterLookup {
        ClusterLookup { tokens: Vec::new(), index: None, scan_limit }
    }

    /// A new cluster made by a name with these tokens; its number is the count before it.
    pub(crate) fn add(&mut self, tokens: Vec<String>) {
        self.index_if_needed(&tokens);
        if let Some(index) = &mut self.index {
            index.add(self.tokens.len(), &tokens);
        }
        self.tokens.push(tokens);
    }

    /// The first cluster with which a name of two or more tokens shares at least two, all of its
    /// own or all of the cluster's.
    pub(crate) fn joined_by(&mut self, tokens: &[String]) -> Option<usize> {
        self.index_if_needed(tokens);
        let joins = |cl: &[String]| {
            let shared = tokens.iter().filter(|t| cl.contains(t)).count();
            shared >= 2 && (shared == tokens.len() || shared == cl.len())
        };
        match &self.index {
            Some(index) => index.candidates(tokens).into_iter().find(|&i| joins(&self.tokens[i])),
            // The clusters the index offers: those holding all of the name's tokens, and those of
            // two or more distinct tokens all of which the name holds.
            None => self.tokens.iter().position(|cl| {
                let holds_name = tokens.iter().all(|t| cl.contains(t));
                let held_by_name = cl.iter().all(|t| tokens.contains(t)) && cl.iter().any(|t| *t != cl[0]);
                (holds_name || held_by_name) && joins(cl)
            }),
        }
    }

    /// The one cluster holding `token` after its first token, if only one does.
    pub(crate) fn only_with_later_token(&self, token: &str) -> Option<usize> {
        if let Some(index) = &self.index {
            return index.only_with_later_token(token);
        }
        let mut holding =
            self.tokens.iter().enumerate().filter(|(_, cl)| cl.len() >= 2 && cl[1..].iter().any(|t| t == token));
        match (holding.next(), holding.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// Builds the index from the clusters so far when there are too many to compare one by one,
    /// or when `tokens` has more distinct tokens than the comparison reads as the index does.
    fn index_if_needed(&mut self, tokens: &[String]) {
        if self.index.is_some() {
            return;
        }
        let many_distinct = || {
            let mut distinct: Vec<&String> = tokens.iter().collect();
            distinct.sort_unstable();
            distinct.dedup();
            distinct.len() > MAX_INDEXED_TOKENS
        };
        if self.tokens.len() >= self.scan_limit || (tokens.len() > MAX_INDEXED_TOKENS && many_distinct()) {
            let mut index = ClusterIndex::default();
            for (cluster, tokens) in self.tokens.iter().enumerate() {
                index.add(cluster, tokens);
            }
            self.index = Some(index);
        }
    }
}

/// Indexes of person clusters by their tokens, for [`ClusterLookup`]. Tokens are numbered as
/// they are first indexed, and token sets are kept as sorted numbers: no string is copied per subset.
#[derive(Default)]
pub(crate) struct ClusterIndex {
    /// Token -> its number.
    ids: HashMap<String, u32>,
    /// Every non-empty set of a cluster's distinct tokens -> clusters: finds the clusters holding
    /// all of a name's tokens.
    by_subset: HashMap<TokenSet, Clusters>,
    /// A cluster's whole set of distinct tokens -> clusters: finds the clusters all of whose
    /// tokens a name holds.
    by_set: HashMap<TokenSet, Clusters>,
    /// Token -> clusters (of two or more tokens) holding it after their first.
    by_later_token: HashMap<u32, Clusters>,
    /// Clusters with more distinct tokens than subsets are enumerated for, compared one by one.
    long: Vec<usize>,
}

/// Names with more distinct tokens than this are not indexed by subsets (2^8 of them at most).
pub(crate) const MAX_INDEXED_TOKENS: usize = 8;

/// Up to [`MAX_INDEXED_TOKENS`] distinct token numbers, sorted, padded with `u32::MAX`.
pub(crate) type TokenSet = [u32; MAX_INDEXED_TOKENS];

impl ClusterIndex {
    fn add(&mut self, cluster: usize, tokens: &[String]) {
        let ids: Vec<u32> = tokens
            .iter()
            .map(|t| {
                let next = self.ids.len() as u32;
                *self.ids.entry(t.clone()).or_insert(next)
            })
            .collect();
        if ids.len() >= 2 {
            for t in &ids[1..] {
                self.by_later_token
                    .entry(*t)
                    .and_modify(|list| {
                        if list.last() != cluster {
                            list.push(cluster)
                        }
                    })
                    .or_insert(Clusters::one(cluster));
            }
        }
        let set = distinct_sorted(ids);
        if set.len() > MAX_INDEXED_TOKENS {
            self.long.push(cluster);
            return;
        }
        for subset in subsets_of_two_or_more(&set).chain(set.iter().map(|&t| token_set(&[t]))) {
            self.by_subset.entry(subset).and_modify(|list| list.push(cluster)).or_insert(Clusters::one(cluster));
        }
        if set.len() >= 2 {
            self.by_set.entry(token_set(&set)).and_modify(|list| list.push(cluster)).or_insert(Clusters::one(cluster));
        }
    }

    /// The one cluster holding `token` after its first token, if only one does.
    fn only_with_later_token(&self, token: &str) -> Option<usize> {
        self.ids.get(token).and_then(|id| self.by_later_token.get(id)).and_then(Clusters::only)
    }

    /// Clusters that may share two or more tokens with `tokens` as [`ClusterLookup::joined_by`] requires, in
    /// the order they were made.
    fn candidates(&self, tokens: &[String]) -> Vec<usize> {
        // A token no cluster has gets a number of its own, below the padding, that no set holds.
        let mut unknown = u32::MAX;
        let mut fresh: HashMap<&str, u32> = HashMap::new();
        let ids: Vec<u32> = tokens
            .iter()
            .map(|t| {
                self.ids.get(t).copied().unwrap_or_else(|| {
                    *fresh.entry(t.as_str()).or_insert_with(|| {
                        unknown -= 1;
                        unknown
                    })
                })
            })
            .collect();
        let set = distinct_sorted(ids);
        let mut found: Vec<usize> = self.long.clone();
        if set.len() <= MAX_INDEXED_TOKENS {
            let whole = self.by_subset.get(&token_set(&set));
            match set.len() {
                // "Tzul Tzul": both tokens are in every cluster holding the one token, so the first
                // such cluster is the one the name joins.
                1 => found.extend(whole.map(|v| v.first)),
                _ => found.extend(whole.into_iter().flat_map(Clusters::iter)),
            }
        }
        // (A name with more than MAX_INDEXED_TOKENS distinct tokens finds shorter clusters made of
        // its first ones only; no real name is that long.)
        for subset in subsets_of_two_or_more(&set) {
            found.extend(self.by_set.get(&subset).into_iter().flat_map(Clusters::iter));
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The clusters under one key of a [`ClusterIndex`], in the order they were added. Most keys
/// have one, kept without a heap allocation.
pub(crate) struct Clusters {
    first: usize,
    more: Vec<usize>,
}

impl Clusters {
    fn one(cluster: usize) -> Clusters {
        Clusters { first: cluster, more: Vec::new() }
    }

    fn push(&mut self, cluster: usize) {
        self.more.push(cluster);
    }

    fn last(&self) -> usize {
        self.more.last().copied().unwrap_or(self.first)
    }

    fn only(&self) -> Option<usize> {
        self.more.is_empty().then_some(self.first)
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }
}

pub(crate) fn distinct_sorted(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The set of (at most [`MAX_INDEXED_TOKENS`]) sorted token numbers as a key.
pub(crate) fn token_set(sorted: &[u32]) -> TokenSet {
    let mut key = [u32::MAX; MAX_INDEXED_TOKENS];
    key[..sorted.len()].copy_from_slice(sorted);
    key
}

/// Every subset of two or more of the first [`MAX_INDEXED_TOKENS`] elements, each in the set's order.
pub(crate) fn subsets_of_two_or_more(set: &[u32]) -> impl Iterator<Item = TokenSet> + '_ {
    let n = set.len().min(MAX_INDEXED_TOKENS);
    (0u32..(1 << n)).filter(|mask| mask.count_ones() >= 2).map(move |mask| {
        let mut key = [u32::MAX; MAX_INDEXED_TOKENS];
        for (slot, i) in (0..n).filter(|i| mask & (1 << i) != 0).enumerate() {
            key[slot] = set[i];
        }
        key
    })
}

/// The fullest written form of a person, with each token taken from an accented and mixed-case
/// variant when one exists ("Martinez" + "Martínez" -> "Martínez", "MOURA" + "Moura" -> "Moura").
pub(crate) fn canonical_name(forms: &[(String, bool)]) -> String {
    let fullest = forms
        .iter()
        .enumerate()
        .max_by_key(|(i, (f, _))| (f.split_whitespace().count(), std::cmp::Reverse(*i)))
        .map(|(_, (f, _))| f.as_str())
        .unwrap_or("");
    // Each distinct written token once, folded once, in the order of its last use (so that of equal
    // variants the last written still wins).
    let mut seen: HashSet<&str> = HashSet::new();
    let mut variants: Vec<&str> = forms.iter().rev().flat_map(|(f, _)| f.split_whitespace().rev()).collect();
    variants.retain(|v| seen.insert(v));
    variants.reverse();
    let folded: Vec<(String, &str)> = variants.iter().map(|v| (fold(v), *v)).collect();
    fullest
        .split_whitespace()
        .map(|tok| {
            // Every token of the fullest form is among the variants, folded already.
            let own;
            let key: &str = match folded.iter().find(|(_, v)| *v == tok) {
                Some((f, _)) => f,
                None => {
                    own = fold(tok);
                    &own
                }
            };
            folded
                .iter()
                .filter(|(f, _)| f == key)
                .map(|(_, v)| *v)
                .max_by_key(|v| {
                    (v.chars().filter(|c| !c.is_ascii()).count(), v.chars().filter(|c| c.is_lowercase()).count())
                })
                .unwrap_or(tok)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs names through a lookup as [`cluster_people`] does, and says which cluster each joined
    /// (`None`: it made a new one, or found none to join).
    fn joins(lookup: &mut ClusterLookup, names: &[(Vec<String>, bool)]) -> Vec<Option<usize>> {
        names
            .iter()
            .map(|(tokens, honorific)| {
                let found = if tokens.len() >= 2 {
                    lookup.joined_by(tokens)
                } else if *honorific {
                    lookup.only_with_later_token(&tokens[0])
                } else {
                    None
                };
                if found.is_none() {
                    lookup.add(tokens.clone());
                }
                found
            })
            .collect()
    }

    fn tokens(name: &str) -> Vec<String> {
        name.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn a_name_joins_the_first_cluster_sharing_two_tokens_all_of_one_side() {
        for scan_limit in [0, SCAN_LIMIT] {
            let names: Vec<(Vec<String>, bool)> =
                ["ana maria silva", "maria silva", "silva", "jose silva", "silva", "ana jose"]
                    .iter()
                    .map(|n| (tokens(n), true))
                    .collect();
            let mut lookup = ClusterLookup::new(scan_limit);
            // A lone "silva" after an honorific joins the one cluster holding it after its first
            // token, and none once two do; "ana jose" shares one token with each of two clusters.
            assert_eq!(joins(&mut lookup, &names), [None, Some(0), Some(0), None, None, None], "{scan_limit}");
        }
    }

    proptest::proptest! {
        /// Comparing a name with each cluster finds what the index finds, also when the lookup
        /// switches to the index part way, and for names with repeated or many tokens.
        #[test]
        fn comparing_each_cluster_finds_what_the_index_finds(
            names in proptest::collection::vec(
                (proptest::collection::vec("[a-k]", 1..11), proptest::bool::ANY), 1..40)
        ) {
            let names: Vec<(Vec<String>, bool)> = names;
            let indexed = joins(&mut ClusterLookup::new(0), &names);
            proptest::prop_assert_eq!(&joins(&mut ClusterLookup::new(usize::MAX), &names), &indexed);
            proptest::prop_assert_eq!(&joins(&mut ClusterLookup::new(5), &names), &indexed);
        }
    }
}
