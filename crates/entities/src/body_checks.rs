//! What a name found as a body may turn out not to be: a name of kinds of body only, a title, a
//! whole government, an event; and the checks bodies.rs runs on a name's edges (a sentence's end
//! inside it, a country inside it). Reads the gazetteers only.

use acta_doc::{fold, CountryCode};

use crate::gazetteer::{Gazetteers, Place};

/// A name of two to four capitalised words of the language packs' kinds of body, connectors aside
/// ("Executive Committee", "Study Group", "Terceiro Setor").
pub(crate) fn generic_words_only(name: &str, gaz: &Gazetteers) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let connector = |w: &&str| gaz.classes.generic_name_connectors.contains(*w);
    (2..=4).contains(&words.len())
        && words.iter().all(|w| connector(w) || w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| connector(w) || gaz.generic_body_words.contains(&fold(w)))
}

/// Does a name end with a title of one word ("... do Proponente")?
pub(crate) fn ends_with_title(name: &str, gaz: &Gazetteers) -> bool {
    let is_title = |w: &str| gaz.is_title(w);
    let last = name.rsplit([' ', '\'']).next().unwrap_or("");
    // "Proposer's Organization": a role's body, a form's label.
    let first = name.split(' ').next().unwrap_or("");
    let possessive = first.strip_suffix("'s").or_else(|| first.strip_suffix("’s"));
    is_title(last) || possessive.is_some_and(is_title) && name.split(' ').count() <= 3
}

/// "Government of Canada", "Gobierno de la República de Chile", "Gouvernement du Bénin": a
/// government whose name ends with a country's.
pub(crate) fn national_government(name: &str, gaz: &Gazetteers) -> bool {
    let Some(rest) = gaz.classes.government_prefixes.iter().find_map(|g| name.strip_prefix(g)) else {
        return false;
    };
    let rest = rest.trim_start_matches("the ").trim_start_matches("la ").trim_start_matches("l'");
    // A city's government is its executive ("Gobierno de la Ciudad de Buenos Aires"); a country's
    // or a state's is a whole government.
    let city = gaz.classes.city_words.iter().any(|c| rest.starts_with(c.as_str()));
    !city
        && (gaz.country_named(rest).is_some()
            || gaz.find_places(rest).any(|(_, e, p)| e == rest.len() && matches!(p, Place::Country(_)))
            || gaz.classes.region_words.iter().any(|w| rest.starts_with(w.as_str())))
}

/// Does a name start or end with the head word of an event ("Forum", "Cumbre", "Semaine")? Years,
/// ordinals and articles around it do not count ("the 2018 Forum", "Eighth Annual ... Forum 2018").
pub(crate) fn names_an_event(name: &str, gaz: &Gazetteers, government_body: bool) -> bool {
    let words: Vec<&str> =
        name.split(|c: char| c.is_whitespace() || c == ',').filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let head = |w: &&str| gaz.event_heads.contains(&fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
    words.first().is_some_and(head)
        || !government_body && words.last().is_some_and(head)
        || words.get(1).is_some_and(|w| head(w) && words[0].chars().next().is_some_and(char::is_uppercase))
            && words.len() <= 4
}

/// Does a body of an event ("Secretariat", "executive committee") follow right after `end`?
pub(crate) fn event_body_follows(text: &str, end: usize, gaz: &Gazetteers) -> bool {
    let after = text[end..].trim_start_matches(['’', '\'', 's', ' ']);
    let mut limit = after.len().min(40);
    while !after.is_char_boundary(limit) {
        limit -= 1;
    }
    let lower = after[..limit].to_lowercase();
    gaz.event_bodies
        .longest_prefix(&lower)
        .is_some_and(|len| lower[len..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Where a name found by its shape starts again after the end of a sentence inside it: the byte
/// after "IGF. " in "IGF. The Executive Committee". A word of two letters or more (no inner stop)
/// ending in a stop is a sentence's end unless it is an honorific ("Dr.", "St.").
pub(crate) fn sentence_end_inside(name: &str, gaz: &Gazetteers) -> Option<usize> {
    let mut last = None;
    let mut pos = 0;
    for word in name.split(' ') {
        let end = pos + word.len();
        if let Some(stem) = word.strip_suffix('.') {
            let sentence_end = stem.chars().count() >= 2
                && stem.chars().all(char::is_alphabetic)
                && gaz.honorific(word).is_none()
                && name[end..].trim_start().chars().next().is_some_and(char::is_uppercase);
            if sentence_end {
                last = Some(end + 1);
            }
        }
        pos = end + 1;
    }
    last.filter(|&at| at < name.len())
}

/// The last country named inside an institution's name ("Ministry of Modernization of Argentina").
pub(crate) fn country_inside(gaz: &Gazetteers, name: &str) -> Option<CountryCode> {
    gaz.find_places(name)
        .filter_map(|(_, _, p)| match p {
            Place::Country(c) | Place::Demonym(c) => Some(*c),
            Place::Region(_) | Place::NotACountry => None,
        })
        .last()
}
