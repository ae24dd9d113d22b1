//! The table of known labels (models/labels.tsv) that maps "Chair/Moderator", "Moderadora" or
//! "Modératrice" to one canonical [`FieldKind`].

use acta_doc::{fold_words, FieldKind};
use aho_corasick::AhoCorasick;
use foldhash::HashMap;

use crate::error::{Error, Result};

/// The labels table bundled with acta.
pub const BUNDLED_LABELS: &str = include_str!("../../../models/labels.tsv");

#[derive(Debug, Clone)]
struct LabelRule {
    kind: FieldKind,
    exact: bool,
    phrase: String,
    /// The phrase with a space on each side, for whole-word search.
    padded: String,
}

/// Ordered label rules; the first rule that matches a label decides its kind.
#[derive(Debug, Clone)]
pub struct LabelTable {
    rules: Vec<LabelRule>,
    index: RuleIndex,
}

/// Every line of a report that could be a label is classified: the rules are looked up, not
/// tried one by one (255 bundled rules, most of them substring searches).
#[derive(Debug, Clone)]
struct RuleIndex {
    /// Phrase of an `exact` rule -> the first such rule.
    exact: HashMap<String, usize>,
    /// The padded phrases of the `contains` rules, all found in one pass...
    contains: AhoCorasick,
    /// ...and the rule of each.
    contains_rules: Vec<usize>,
}

impl RuleIndex {
    fn new(rules: &[LabelRule]) -> RuleIndex {
        let mut exact = HashMap::default();
        let mut contains_rules = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            if r.exact {
                exact.entry(r.phrase.clone()).or_insert(i);
            } else {
                contains_rules.push(i);
            }
        }
        let contains = AhoCorasick::new(contains_rules.iter().map(|&i| rules[i].padded.as_str()))
            .expect("label phrases are short");
        RuleIndex { exact, contains, contains_rules }
    }
}

impl LabelTable {
    /// The table shipped in `models/labels.tsv`.
    pub fn bundled() -> Self {
        Self::parse(BUNDLED_LABELS, "models/labels.tsv").expect("bundled labels.tsv is valid")
    }

    /// Parses a labels TSV (`kind`, `match`, `language`, `phrase`; `#` starts a comment line).
    pub fn parse(tsv: &str, origin: &str) -> Result<Self> {
        let mut rules = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad =
                |reason: &str| Error::BadModel { file: origin.to_string(), line: i + 1, reason: reason.to_string() };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(bad("expected 4 tab-separated columns: kind, match, language, phrase"));
            }
            let kind = FieldKind::parse(cols[0]).ok_or_else(|| bad("unknown kind"))?;
            let exact = match cols[1] {
                "exact" => true,
                "contains" => false,
                _ => return Err(bad("match must be `exact` or `contains`")),
            };
            let phrase = fold_words(cols[3]);
            if phrase.is_empty() {
                return Err(bad("empty phrase"));
            }
            let padded = format!(" {phrase} ");
            rules.push(LabelRule { kind, exact, phrase, padded });
        }
        let index = RuleIndex::new(&rules);
        Ok(LabelTable { rules, index })
    }

    /// Adds the rules of another table before this one's, so a user's labels win.
    pub fn prepend(&mut self, mut other: LabelTable) {
        other.rules.append(&mut self.rules);
        self.rules = other.rules;
        self.index = RuleIndex::new(&self.rules);
    }

    /// The kind of a label, or `None` when no rule knows it.
    pub fn classify(&self, label: &str) -> Option<FieldKind> {
        let folded = fold_words(label);
        if folded.is_empty() {
            return None;
        }
        let padded = format!(" {folded} ");
        let exact = self.index.exact.get(&folded).copied();
        let contains = self
            .index
            .contains
            .find_overlapping_iter(&padded)
            .map(|m| self.index.contains_rules[m.pattern().as_usize()])
            .min();
        // The first rule that matches, of either sort.
        let first = match (exact, contains) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        first.map(|i| self.rules[i].kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_four_languages() {
        let t = LabelTable::bundled();
        assert_eq!(t.classify("Session Title"), Some(FieldKind::Title));
        assert_eq!(t.classify("Chair/Moderator"), Some(FieldKind::Moderator));
        assert_eq!(t.classify("Moderadora"), Some(FieldKind::Moderator));
        assert_eq!(t.classify("Modératrice"), Some(FieldKind::Moderator));
        assert_eq!(t.classify("Data"), Some(FieldKind::Date));
        assert_eq!(t.classify("Data protection and privacy"), None);
        assert_eq!(t.classify("Palestrantes"), Some(FieldKind::Speakers));
        assert_eq!(
            t.classify("Please describe any Participant suggestions regarding the way forward/ potential next steps /key takeaways (3 paragraphs)"),
            Some(FieldKind::Takeaways)
        );
        assert_eq!(t.classify("Estimate the overall number of women present at the session"), Some(FieldKind::Women));
        assert_eq!(
            t.classify("Estimate the overall number of the participants present at the session"),
            Some(FieldKind::Participants)
        );
        assert_eq!(
            t.classify("To what extent did the session discuss gender equality and/or women's empowerment?"),
            Some(FieldKind::Gender)
        );
        assert_eq!(t.classify("Favourite colour"), None);
    }

    #[test]
    fn prepended_rules_win() {
        let mut t = LabelTable::bundled();
        assert_eq!(t.classify("Session Title"), Some(FieldKind::Title));
        assert_eq!(t.classify("Compromisos asumidos por el panel"), None);
        let user = LabelTable::parse(
            "speakers\texact\ten\tSession Title\ntakeaways\tcontains\tes\tcompromisos asumidos\n",
            "u.tsv",
        );
        t.prepend(user.unwrap());
        assert_eq!(t.classify("Session Title"), Some(FieldKind::Speakers));
        assert_eq!(t.classify("Compromisos asumidos por el panel"), Some(FieldKind::Takeaways));
        // The bundled rules still answer for the rest.
        assert_eq!(t.classify("Moderadora"), Some(FieldKind::Moderator));
    }

    #[test]
    fn bad_table_names_line() {
        let err = LabelTable::parse("title\texact\ten\tTitle\nnope\texact\ten\tx\n", "my.tsv").unwrap_err();
        assert!(err.to_string().contains("my.tsv line 2"), "{err}");
    }
}
