//! Bodies named right after a phrase that says a body organised, hosted, sponsored or supported the
//! event: "organizada por Listín Diario", "sponsored by Verdal and Greenergy". A name of no known
//! shape there is a body, and so is each name listed after it (after a comma or a conjunction).
//! Reads the language packs' organisation cues and the gazetteers; the institutions stage adds what
//! it finds, as it does for the bodies of leaders.

use acta_doc::{ByteRange, Lang};

use crate::gazetteer::Gazetteers;
use crate::leader_bodies::{capitalised_run, names_a_body};
use crate::names::{honorific_at, name_at};
use crate::words::Words;

/// At most this many names are read in the list after a cue.
const MAX_LISTED: usize = 5;

/// The names after the organisation cues of `text` that may name bodies.
pub(crate) fn cued_bodies(
    text: &str,
    lower: &str,
    words: &Words,
    gaz: &Gazetteers,
    language_at: impl Fn(usize) -> Option<Lang>,
) -> Vec<ByteRange> {
    let mut out = Vec::new();
    for (_, end) in gaz.org_cues.find_in(lower, words, language_at) {
        let Some(first) = name_start(text, end, gaz).and_then(|at| body_at(text, at, gaz)) else { continue };
        out.push(first);
        out.extend(listed_after(text, first.end, gaz));
    }
    out
}

/// The capitalised name at `at`, when it may name a body: not a person ("Ana Ruiz", "Mme Fatou
/// Camara"), a place, a title or a kind of body.
fn body_at(text: &str, at: usize, gaz: &Gazetteers) -> Option<ByteRange> {
    let name = capitalised_run(text, at)?;
    let first = name.slice(text).split(' ').next().unwrap_or("");
    // "organizado por Ana Ruiz": a person organised it.
    let person = gaz.is_given_name(first) && name_at(text, name.start, gaz).is_some_and(|n| n.core_tokens >= 2)
        || honorific_at(text, name.start, gaz, None).is_some();
    (!person && names_a_body(name.slice(text), gaz)).then_some(name)
}

/// The names listed after a body that ends at `end` (", Greenergy", " and Tallinn City", ", y la
/// Fundación ..."), each ending where the list goes on or the sentence ends.
fn listed_after(text: &str, end: usize, gaz: &Gazetteers) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut end = end;
    for _ in 0..MAX_LISTED {
        let after = &text[end..];
        let comma = after.starts_with(", ");
        let rest = after.trim_start_matches([',', ' ']);
        let conjunction =
            gaz.conjunctions.iter().find(|c| rest.strip_prefix(c.as_str()).is_some_and(|r| r.starts_with(' ')));
        let at = match conjunction {
            Some(c) => text.len() - rest.len() + c.len(),
            None if comma => end + 1,
            None => break,
        };
        let Some(name) = name_start(text, at, gaz).and_then(|at| body_at(text, at, gaz)) else { break };
        out.push(name);
        end = name.end;
    }
    out
}

/// Where the name after `at` starts: past one space and the connectors of names ("la", "the").
fn name_start(text: &str, at: usize, gaz: &Gazetteers) -> Option<usize> {
    let mut pos = at;
    for _ in 0..3 {
        let rest = text[pos..].strip_prefix(' ')?;
        let word = rest.split([' ', ',']).next().unwrap_or("");
        if word.starts_with(char::is_uppercase) {
            return Some(text.len() - rest.len());
        }
        if !gaz.name_connectors.contains(word) {
            return None;
        }
        pos = text.len() - rest.len() + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, lang: &str) -> Vec<String> {
        let gaz = Gazetteers::bundled();
        let lower = text.to_lowercase();
        let lang = Lang::parse(lang);
        cued_bodies(text, &lower, &Words::of(text), &gaz, |_| lang).iter().map(|r| r.slice(text).to_string()).collect()
    }

    #[test]
    fn the_names_after_a_cue_and_the_names_listed_after_them() {
        assert_eq!(
            cued("The forum was sponsored by Verdal, Kestrel Labs and Olmo Datos.", "en"),
            ["Verdal", "Kestrel Labs", "Olmo Datos"]
        );
        assert_eq!(cued("La jornada, organizada por Diario Sur junto a otros medios.", "es"), ["Diario Sur"]);
        // A person organised it; a cue of another language than the text's is not read.
        assert!(cued("It was organised by Maria Jones.", "en").is_empty());
        assert!(cued("It was organised by Verdal.", "fr").is_empty());
    }
}
