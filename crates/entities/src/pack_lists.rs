//! The language packs' lists that are more than words to look up: lead-ins with the part of the
//! people they introduce, phrases of participation by where the name stands, what starts a clause,
//! and phrases read only where the text is in their language. Built once by gazetteer.rs.

use acta_doc::{fold_words, SessionRole};
use acta_lexicon::{Lexicon, ListKind};

use crate::error::Result;
use crate::gazetteer::bad;
use crate::phrases::Phrases;
use crate::words::{WordMatcher, Words};

/// The lead-ins of the language packs, folded and padded with spaces for whole-word search.
pub(crate) fn lead_ins(lexicon: &Lexicon) -> Result<Phrases<(SessionRole, bool)>> {
    let rows: Result<Vec<(String, (SessionRole, bool))>> = lexicon
        .rows(ListKind::LeadIns)
        .iter()
        .map(|row| {
            let (role, absent) = match row.get(0) {
                "absent" => (SessionRole::Attendee, true),
                other => (
                    SessionRole::parse(other).ok_or_else(|| {
                        bad(
                            &format!("models/lang/{}/lead_ins.tsv", row.lang),
                            0,
                            &format!("unknown role {other:?} (organizer, moderator, chair, speaker, rapporteur, attendee, other, absent)"),
                        )
                    })?,
                    false,
                ),
            };
            Ok((format!(" {} ", fold_words(row.get(1))), (role, absent)))
        })
        .collect();
    Ok(Phrases::new(rows?))
}

/// The phrases of participation of the language packs at one position ("before" or "after" the
/// name, or "aside": alone in parentheses beside it).
pub(crate) fn participation(lexicon: &Lexicon, position: &str) -> Result<Phrases<SessionRole>> {
    let mut out = Vec::new();
    for row in lexicon.rows(ListKind::Participation) {
        let file = format!("models/lang/{}/participation.tsv", row.lang);
        let role =
            SessionRole::parse(row.get(0)).ok_or_else(|| bad(&file, 0, &format!("unknown role {:?}", row.get(0))))?;
        // The three positions a row may name (not words of a language: the file's own keys).
        let known = row.get(1) == "before" || row.get(1) == "after" || row.get(1) == "aside";
        if !known {
            return Err(bad(&file, 0, &format!("position {:?} is not before, after or aside", row.get(1))));
        }
        if row.get(1) == position {
            out.push((row.get(2).to_lowercase(), role));
        }
    }
    Ok(Phrases::new(out))
}

/// Phrases of one list kind, each read only where the text is in the phrase's language (a cue of
/// one language is a plain word of another).
pub(crate) struct LangPhrases {
    matcher: WordMatcher,
    /// The languages of each phrase: one phrase may be in several packs ("empresas como").
    langs: Vec<Vec<acta_doc::Lang>>,
}

impl LangPhrases {
    pub(crate) fn new(rows: &[acta_lexicon::Row]) -> LangPhrases {
        let mut phrases: Vec<String> = Vec::new();
        let mut langs: Vec<Vec<acta_doc::Lang>> = Vec::new();
        for r in rows {
            let phrase = r.get(0).to_lowercase();
            match phrases.iter().position(|p| *p == phrase) {
                Some(i) => langs[i].push(r.lang),
                None => {
                    phrases.push(phrase);
                    langs.push(vec![r.lang]);
                }
            }
        }
        LangPhrases { matcher: WordMatcher::new(&phrases), langs }
    }

    /// (start, end) of each phrase in `lower` (the text lower-cased, same offsets) where the text's
    /// language at the phrase is the phrase's.
    pub(crate) fn find_in(
        &self,
        lower: &str,
        words: &Words,
        language_at: impl Fn(usize) -> Option<acta_doc::Lang>,
    ) -> Vec<(usize, usize)> {
        self.matcher
            .find_in(lower, words)
            .into_iter()
            .filter(|&(start, _, i)| language_at(start).is_some_and(|l| self.langs[i].contains(&l)))
            .map(|(start, end, _)| (start, end))
            .collect()
    }
}

/// What starts a clause: ", phrase " for `comma` rows, " phrase " for `anywhere` rows.
pub(crate) fn clause_starts(lexicon: &Lexicon) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for row in lexicon.rows(ListKind::ClauseStarts) {
        let start = match row.get(0) {
            "comma" => format!(", {} ", row.get(1)),
            "anywhere" => format!(" {} ", row.get(1)),
            other => {
                return Err(bad(
                    &format!("models/lang/{}/clause_starts.tsv", row.lang),
                    0,
                    &format!("where must be comma or anywhere, not {other:?}"),
                ))
            }
        };
        if !out.contains(&start) {
            out.push(start);
        }
    }
    Ok(out)
}

/// The words of a list, each once, in their first order.
pub(crate) fn unique<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}
