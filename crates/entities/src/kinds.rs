//! What kind of body a name is (a government body or another organisation), its stakeholder group, and
//! which names name a kind of body rather than one ("the government", "civil society", "working group").

use acta_doc::{EntityKind, Stakeholder};

use foldhash::HashSet;

use crate::gazetteer::Gazetteers;

/// Whether an institution's name is a ministry or government body (a public body, or a name starting
/// with a ministry's head word) or another organisation.
pub fn institution_kind(name: &str, gaz: &Gazetteers) -> EntityKind {
    if is_public_body(name, gaz) || gaz.shapes.starts_as_ministry.is_match(name) {
        EntityKind::Ministry
    } else {
        EntityKind::Organization
    }
}

/// The stakeholder group an institution's name shows, if any.
pub fn institution_stakeholder(name: &str, kind: EntityKind, gaz: &Gazetteers) -> Option<Stakeholder> {
    stakeholder_of(name, kind, gaz)
}

/// Whether a name names a kind of body, a session format or a venue rather than one body.
pub(crate) fn is_generic(name: &str, gaz: &Gazetteers) -> bool {
    let folded = acta_doc::fold_words(name);
    if gaz.generic_names.contains(&folded) {
        return true;
    }
    // The folded name's words are joined by single spaces: a list entry that opens it ends at one
    // of them (or at its end), so each such prefix is looked up once instead of every entry tried.
    let spaces: Vec<usize> = folded.match_indices(' ').map(|(i, _)| i).collect();
    // "Sociedade da Informação em 2003 e 2005": a generic name with a phrase after it.
    let generic_phrase = entries_opening(&folded, &spaces, &gaz.generic_names).any(|i| {
        let rest = &folded[i..];
        !rest[1..].starts_with(char::is_alphabetic)
            || gaz.classes.year_prepositions.iter().any(|c| rest[1..].starts_with(c.as_str()))
                && rest.chars().any(|c| c.is_ascii_digit())
    });
    // "Centro de Eventos Combarranquilla": a venue, named by its kind and its own name; English
    // writes the kind last ("Fa'onelua Convention Centre").
    let venue = || {
        gaz.venue_kinds.contains(&folded)
            || entries_opening(&folded, &spaces, &gaz.venue_kinds).next().is_some()
            || spaces.iter().any(|&i| gaz.venue_kinds.contains(&folded[i + 1..]))
    };
    generic_phrase || entries_opening(&folded, &spaces, &gaz.session_formats).next().is_some() || venue()
}

/// The ends of the entries of `set` that open `folded` and are followed by more words: `spaces`
/// are the positions of its spaces.
fn entries_opening<'a>(
    folded: &'a str,
    spaces: &'a [usize],
    set: &'a HashSet<String>,
) -> impl Iterator<Item = usize> + 'a {
    spaces.iter().copied().filter(move |&i| set.contains(&folded[..i]))
}

/// Does a name read as a government body?
pub fn is_government(name: &str, gaz: &Gazetteers) -> bool {
    gaz.shapes.government.is_match(name) || is_public_body(name, gaz)
}

/// "National School of Public Administration", "Instituto Nacional de Estatística": a national
/// or public institute, school, service or council is part of the state. Universities, parties and
/// NGOs with "National" in their names are not.
pub(crate) fn is_public_body(name: &str, gaz: &Gazetteers) -> bool {
    let c = &gaz.classes;
    // "Statistics Canada", "Samoa Bureau of Statistics", "Canadian Radio-television and
    // Telecommunications Commission": a country's name or demonym says national as well.
    // The head must then be the body's own ("Telecommunications Service Providers of Kenya" are providers).
    let national = c.public_adjective.is_match(name)
        || crate::body_checks::country_inside(gaz, name).is_some() && head_is_public(name, gaz);
    (national && c.public_body_head.is_match(name) || c.regulator.is_match(name)) && !c.not_public_body.is_match(name)
}

/// Whether the head noun of a body's name is a public body's head: its first word ("Instituto
/// Dominicano de ...", as Romance languages write it), or a word before a preposition or a
/// conjunction or at its end, a country's name at the end passed over ("Samoa Bureau of
/// Statistics", "Statistics Canada", "... Commission and Fatoumata Sylla" when a name was read on
/// into the next one).
fn head_is_public(name: &str, gaz: &Gazetteers) -> bool {
    let c = &gaz.classes;
    let is_head = |w: &str| c.public_body_head_word.find(w).is_some_and(|m| m.start() == 0 && m.end() == w.len());
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.first().is_some_and(|w| is_head(w)) {
        return true;
    }
    if words.len() > 1 && words.last().is_some_and(|w| crate::body_checks::country_inside(gaz, w).is_some()) {
        words.pop();
    }
    let joint = |w: &str| {
        gaz.body_prepositions.iter().any(|p| p.eq_ignore_ascii_case(w)) || gaz.conjunctions.iter().any(|c| c == w)
    };
    words.iter().enumerate().any(|(i, w)| is_head(w) && words.get(i + 1).is_none_or(|next| joint(next)))
}

pub(crate) fn stakeholder_of(name: &str, kind: EntityKind, gaz: &Gazetteers) -> Option<Stakeholder> {
    if kind == EntityKind::Ministry {
        return Some(Stakeholder::Government);
    }
    let words: Vec<&str> = name.split(|c: char| c.is_whitespace() || c == ',').collect();
    let has = |list: &foldhash::HashSet<String>| words.iter().any(|w| list.contains(*w));
    let c = &gaz.classes;
    if has(&c.academia_words) {
        Some(Stakeholder::Academia)
    } else if has(&c.company_words) {
        Some(Stakeholder::PrivateSector)
    } else if has(&c.legislature_words) {
        Some(Stakeholder::Government)
    } else if has(&c.civil_society_words) {
        Some(Stakeholder::CivilSociety)
    } else {
        None
    }
}
