//! Bodies named only as what someone heads or founded: "président de Silicom", "President of
//! TechNation", "fundadora da Reafro". A name of no known shape ("Silicom" has no head word) is a
//! body when a leader's title and a preposition stand right before it. Reads the language packs'
//! leader titles and the gazetteers; the institutions stage adds what it finds.

use acta_doc::{fold, ByteRange, Lang};

use crate::gazetteer::Gazetteers;
use crate::words::Words;

/// At most this many capitalised words make the name.
const MAX_WORDS: usize = 4;

/// The names right after a leader's title and a preposition that may name a body.
pub(crate) fn leader_bodies(
    text: &str,
    lower: &str,
    words: &Words,
    gaz: &Gazetteers,
    language_at: impl Fn(usize) -> Option<Lang>,
) -> Vec<ByteRange> {
    let mut out = Vec::new();
    for (_, end) in gaz.leader_titles.find_in(lower, words, language_at) {
        let Some(mut name) = name_after(text, end, &gaz.body_prepositions) else { continue };
        // "presidente de Acme Rosa Prado": a given name after the first word starts a person.
        let mut at = name.start;
        for word in name.slice(text).split(' ') {
            if at > name.start && gaz.is_given_name(word) {
                name.end = at - 1;
                break;
            }
            at += word.len() + 1;
        }
        if names_a_body(name.slice(text), gaz) {
            out.push(name);
        }
    }
    out
}

/// The run of capitalised words after " preposition " at `at`: "de Silicom, fondateur" gives
/// "Silicom".
fn name_after(text: &str, at: usize, prepositions: &[String]) -> Option<ByteRange> {
    let rest = text[at..].strip_prefix(' ')?;
    let start = prepositions.iter().find_map(|p| {
        let after = rest.strip_prefix(p)?;
        let after = if p.ends_with(['\'', '’']) { after } else { after.strip_prefix(' ')? };
        Some(text.len() - after.len())
    })?;
    capitalised_run(text, start)
}

/// The run of at most four capitalised words starting at `start` ("Silicom", "Garnault & Associés").
pub(crate) fn capitalised_run(text: &str, start: usize) -> Option<ByteRange> {
    let rest = &text[start..];
    let mut end = start;
    let mut pos = 0;
    for _ in 0..MAX_WORDS {
        let word_len =
            rest[pos..].find(|c: char| c.is_whitespace() || ",;:()[]\"“”«»|/".contains(c)).unwrap_or(rest.len() - pos);
        let word = rest[pos..pos + word_len].trim_end_matches(['.', '!', '?']);
        // "Garnault & Associés": an ampersand goes on with the name.
        let joins = word == "&" && end > start;
        if !joins
            && (!word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || !word.chars().any(char::is_alphabetic))
        {
            break;
        }
        end = start + pos + word.len();
        pos += word_len;
        if !rest[pos..].starts_with(' ') || word.len() < word_len {
            break;
        }
        pos += 1;
    }
    (end > start).then_some(ByteRange { start, end })
}

/// Whether a name after a leader's title names a body: not a place ("President of Colombia"), not a
/// person ("fundadora de María ..."), not a title, a kind of body or an event ("Presidente do
/// Conselho", "Presidente da República", "presidente de Mesa"), not a word in capitals' run of a heading.
pub(crate) fn names_a_body(name: &str, gaz: &Gazetteers) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let first = words[0];
    // "fundadora de María Pérez" leads to a person; "fondateur de Seela", one word, to a body.
    // A place, or a name that opens with one ("Uruguay Digital" may be a programme); a place after
    // the body's own words is part of its name ("DATA Uruguay", "Wikimedia Argentina").
    if gaz.find_places(name).next().is_some_and(|(start, _, _)| start == 0)
        || gaz.is_given_name(first) && words.len() >= 2
    {
        return false;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return false;
    }
    !words.iter().any(|w| {
        let folded = fold(w);
        gaz.generic_body_words.contains(&folded)
            || gaz.event_heads.contains(&folded)
            || gaz.is_title(w)
            || gaz.shapes.body_heads.contains(*w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_after_the_preposition() {
        let prepositions = Gazetteers::bundled().body_prepositions.clone();
        let name_after = |text: &str, at: usize| name_after(text, at, &prepositions);
        let text = "M. Arthur Bataille, président de Silicom, fondateur de Seela";
        let at = text.find("président").unwrap() + "président".len();
        assert_eq!(name_after(text, at).map(|r| r.slice(text)), Some("Silicom"));
        let text = "directrice chez Acme Conseil Group. Elle";
        let at = text.find("directrice").unwrap() + "directrice".len();
        assert_eq!(name_after(text, at).map(|r| r.slice(text)), Some("Acme Conseil Group"));
        let text = "fondatrice d'Ouvrir la Ville";
        let at = text.find("fondatrice").unwrap() + "fondatrice".len();
        assert_eq!(name_after(text, at).map(|r| r.slice(text)), Some("Ouvrir"));
        let text = "fondateur de Garnault & Associés, et";
        let at = text.find("fondateur").unwrap() + "fondateur".len();
        assert_eq!(name_after(text, at).map(|r| r.slice(text)), Some("Garnault & Associés"));
        let text = "President of the Republic";
        assert_eq!(name_after(text, "President".len()), None);
    }

    #[test]
    fn one_given_name_alone_names_a_body_and_a_full_name_a_person() {
        let gaz = Gazetteers::bundled();
        // "fondatrice de Marta" (a start-up named like a person) is a body; "de Marta Ruiz" a person.
        assert!(names_a_body("Marta", &gaz));
        assert!(!names_a_body("Marta Ruiz", &gaz));
        assert!(!names_a_body("Colombia", &gaz));
    }
}
