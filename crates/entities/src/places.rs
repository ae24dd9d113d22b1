//! Countries and regions named in a report (gazetteer matches read in context: a given name, a US state, a
//! language, a part of a longer name). Reads the institutions already found: a country inside one's name counts.

use acta_doc::{fold, ByteRange, Canonical, CountryCode, EntityKind, EntitySource, Report};

use crate::extract::Collector;
use crate::gazetteer::{Gazetteers, Place};
use crate::participants::floor;
use crate::words::{word_in_capitals, Words};

/// How far back "in English and" is read before a demonym.
const LANGUAGE_LIST_BYTES: usize = 40;

pub(crate) fn places(report: &Report, gaz: &Gazetteers, found: &[(usize, usize, &Place)], c: &mut Collector) {
    let text = &report.text;
    // Where the last demonym read as a language ended: "in English and Spanish" names two languages.
    let mut last_language: Option<usize> = None;
    for &(start, end, place) in found {
        let range = ByteRange { start, end };
        // Inside an institution's name a country's name or demonym still names the country ("Internet
        // Society Brazil Chapter", "... of Mexico", "Associação Brasileira de ..."), but the continent's
        // "American" does not ("Organization of American States").
        let named_inside = match place {
            Place::Country(_) => true,
            Place::Demonym(_) => !fold(range.slice(text)).starts_with("americ"),
            _ => false,
        };
        let inside = inside_institution(c, range);
        if c.overlaps(range, &[EntityKind::Ministry, EntityKind::Organization]) && !(named_inside && inside) {
            continue;
        }
        let next_word = text[end..].split_whitespace().next().unwrap_or("");
        let prev_word = text[..start].split_whitespace().next_back().unwrap_or("");
        let same_line_next = text[end..].starts_with(' ') && !text[end + 1..].starts_with(['\n', ' ']);
        let same_line_prev = text[..start].ends_with(' ');
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        match place {
            Place::Country(code) if inside_institution(c, range) => {
                add_country(c, *code, range, EntitySource::Gazetteer);
            }
            Place::Country(code) if code.as_str() == "GE" && us_state_context(text, start, end, gaz) => {}
            Place::Country(code) => {
                // A name in capitals after a country in small letters starts the next entry ("...,
                // Keio University, Samoa HIROSHI TANABE — ...": a schedule's entries run together).
                let next_in_capitals = word_in_capitals(next_word) && !word_in_capitals(range.slice(text));
                // "Jordan Blake", "Chad Morrison": a given name before a surname.
                let next_clean = next_word.trim_end_matches([',', '.', ';', ':']);
                if same_line_next
                    && capitalised(next_clean)
                    && (gaz.is_surname(next_clean) || gaz.is_given_name(next_clean))
                    && !next_in_capitals
                {
                    continue;
                }
                // "Georgia Tech": part of a longer proper name.
                if same_line_next
                    && capitalised(next_word)
                    && !gaz.is_name_stopword(next_word)
                    && !next_word.ends_with([',', '.', ';', ':'])
                    && !next_in_capitals
                {
                    continue;
                }
                // After a capitalised word the country is still named, inside a name (GOLD.md: "FISL
                // Brazil", "PyCon Argentina", "GovTech Costa Rica"), unless that word makes it another
                // place ("New Jersey", "Northern Ireland", "Avenida Brasil") or a person ("Kevin Jordan").
                let another_place_or_person = gaz.classes.place_qualifiers.contains(prev_word)
                    || gaz.place_nouns.contains(&fold(prev_word))
                    || (gaz.is_given_name(prev_word) || gaz.is_surname(prev_word))
                        && !gaz.is_name_stopword(prev_word)
                        && !gaz.name_connectors.contains(&prev_word.to_lowercase());
                if same_line_prev
                    && capitalised(prev_word)
                    && !prev_word.ends_with([',', '.', ';', ':'])
                    && another_place_or_person
                {
                    continue;
                }
                if text[end..].starts_with(", USA")
                    || text[end..].starts_with(" (USA)")
                    || text[end..].starts_with(", United States")
                {
                    continue;
                }
                add_country(c, *code, range, EntitySource::Gazetteer);
            }
            // "Comunidade dos Países de Língua Portuguesa", "lengua oficial española": a language,
            // even inside a body's name.
            Place::Demonym(_) if after_language_noun(text, start, gaz) => {}
            Place::Demonym(code) if inside && named_inside => add_country(c, *code, range, EntitySource::Gazetteer),
            Place::Demonym(code) => {
                // "the Spanish and English versions": look past a list of demonyms to the noun.
                let next = word_after_demonyms(text, end, gaz);
                let prev = prev_word.to_lowercase();
                // "English/Français": a language switcher.
                let slashed = text[..start].ends_with('/') || text[end..].starts_with('/');
                // "Ana Turco", "Paulo Grego": after a given name, a surname.
                let after_given_name = same_line_prev
                    && capitalised(range.slice(text))
                    && gaz.is_given_name(prev_word)
                    && !gaz.is_name_stopword(prev_word);
                // "in English and Spanish": coordinated with a language, a language.
                let mut back =
                    text[floor(text, start.saturating_sub(LANGUAGE_LIST_BYTES))..start].split_whitespace().rev();
                let (w1, _, w3) = (back.next(), back.next(), back.next());
                // "or" as well as "and": "in Tongan or Fijian".
                let joins = |w: &str| gaz.conjunctions.iter().any(|c| c == w) || gaz.classes.and_or.contains(w);
                // "in Tongan, Samoan or Fijian", "in English, French or ...": inside a list opened by
                // the preposition, a demonym followed by more of the list, or last after "or".
                let in_list = after_preposition_and_list(text, start, gaz);
                let list_goes_on = text[end..].starts_with(',') || next_word.split(',').next().is_some_and(joins);
                let listed_language = w1.is_some_and(joins)
                    && (w3.is_some_and(|w| gaz.language_prepositions.contains(&w.to_lowercase())) || in_list)
                    || in_list && list_goes_on;
                let after_language = listed_language
                    || last_language.is_some_and(|e| {
                        e <= start && {
                            let between = text[e..start].trim().trim_start_matches(',').trim();
                            between.is_empty() || joins(between)
                        }
                    });
                if slashed
                    || after_given_name
                    || after_language
                    || gaz.language_nouns.contains(&next)
                    || text[end..].starts_with("-speaking")
                    || gaz.language_prepositions.contains(&prev) && !same_line_next_is_noun(next_word, gaz)
                {
                    if !after_given_name {
                        last_language = Some(end);
                    }
                    continue;
                }
                add_country(c, *code, range, EntitySource::Gazetteer);
            }
            Place::NotACountry => {}
            Place::Region(name) => {
                let idx = c.canonical(EntityKind::Region, name.clone(), || Canonical {
                    kind: EntityKind::Region,
                    name: name.clone(),
                    country: None,
                    stakeholder: None,
                });
                c.mention(EntityKind::Region, range, idx, EntitySource::Gazetteer, 0.9);
            }
        }
    }
}

/// Countries' internet domains written on their own ("Hiro Hotta (.jp)", "members from .br and
/// .uy"): a dot, two small letters of a country's domain, after a space, a parenthesis or a line's
/// start and before no further letter or domain ("NIC.br", ".co.uk" and "a.m." are not).
pub(crate) fn country_domains<'g>(text: &str, gaz: &'g Gazetteers) -> Vec<(usize, usize, &'g Place)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for dot in (0..bytes.len()).filter(|&i| bytes[i] == b'.') {
        let (start, end) = (dot + 1, dot + 3);
        let standalone_before = dot == 0 || matches!(bytes[dot - 1], b' ' | b'(' | b'\n' | b'\t' | b'[');
        if !standalone_before || end > bytes.len() || !bytes[start..end].iter().all(u8::is_ascii_lowercase) {
            continue;
        }
        let after = &bytes[end..];
        let ends_here = match after {
            [] => true,
            [b'.', next, ..] => !next.is_ascii_alphanumeric(),
            [next, ..] => !next.is_ascii_alphanumeric() && !matches!(next, b'-' | b'_' | b'@' | b'/'),
        };
        if let Some(place) = gaz.country_of_domain(&text[start..end]).filter(|_| ends_here) {
            out.push((dot, end, place));
        }
    }
    out
}

/// At most this many words in capitals make one country's name ("REPÚBLICA DOMINICANA").
const MAX_CAPS_PLACE_WORDS: usize = 3;

/// Countries named in capitals ("REPÚBLICA DE CHILE", "DELEGACIÓN DE MÉXICO"): runs of up to
/// three words in capitals, one space apart, that are a country's form in capitals. Only countries
/// of four letters or more: a word in capitals that short is as often a code.
pub(crate) fn places_in_capitals<'g>(text: &str, words: &Words, gaz: &'g Gazetteers) -> Vec<(usize, usize, &'g Place)> {
    // Most words start in lower case or have a second letter in lower case: one or two bytes say so.
    let caps = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(|c| !c.is_lowercase())
            && !w.chars().any(char::is_lowercase)
    };
    let spans: Vec<(usize, usize)> = words.spans().filter(|&(s, e)| caps(&text[s..e])).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let mut matched = 0;
        for n in (1..=MAX_CAPS_PLACE_WORDS.min(spans.len() - i)).rev() {
            let run = &spans[i..i + n];
            if run.windows(2).any(|w| &text[w[0].1..w[1].0] != " ") {
                continue;
            }
            let (start, end) = (run[0].0, run[n - 1].1);
            let letters = text[start..end].chars().filter(|c| c.is_alphabetic()).count();
            if let Some(place) = gaz.country_in_capitals(&text[start..end]).filter(|_| letters >= 4) {
                out.push((start, end, place));
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    out
}

/// Whether the words before `start` are a list of capitalised words opened by a language's
/// preposition ("in Tongan, Samoan or Fijian"): the last of such a list is a language too, as
/// the first two are ("in English and Spanish" is read word by word).
fn after_preposition_and_list(text: &str, start: usize, gaz: &Gazetteers) -> bool {
    let before = &text[floor(text, start.saturating_sub(LANGUAGE_LIST_BYTES))..start];
    for (i, word) in before.split_whitespace().rev().enumerate() {
        let bare = word.trim_end_matches(',');
        if gaz.language_prepositions.contains(&bare.to_lowercase()) {
            return i >= 1;
        }
        let joins = gaz.conjunctions.iter().any(|c| c == bare) || gaz.classes.and_or.contains(bare);
        let listed = joins || bare.starts_with(char::is_uppercase);
        if !listed || i >= MAX_LISTED_LANGUAGES * 2 {
            return false;
        }
    }
    false
}

/// How many languages a list after "in" may name ([`after_preposition_and_list`]).
const MAX_LISTED_LANGUAGES: usize = 5;

/// Whether one of the two words before `start` is a language noun ("língua portuguesa", "langue
/// officielle française"): Romance languages put the demonym of a language after its noun.
fn after_language_noun(text: &str, start: usize, gaz: &Gazetteers) -> bool {
    text[..start]
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase())
        .any(|w| gaz.language_nouns.contains(&w))
}

/// With a US state, "Atlanta" or "US" (places_extra.tsv) in the same sentence, or "state of" right
/// before it, "Georgia" is the US state, not the country.
pub(crate) fn us_state_context(text: &str, start: usize, end: usize, gaz: &Gazetteers) -> bool {
    let from = text[..start].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let to = text[end..].find(['.', '\n']).map_or(text.len(), |i| end + i);
    let sentence = &text[from..to];
    // "state of " is 9 bytes; step back to a character boundary when something wider is there.
    let mut around_start = from.max(start.saturating_sub(9));
    while !text.is_char_boundary(around_start) {
        around_start -= 1;
    }
    let around = &text[around_start..end];
    around.contains("state of Georgia")
        || around.contains("State of Georgia")
        || gaz.us_state_context.iter().any(|w| sentence.contains(w.as_str()))
}

/// The first word after `end` that is not a demonym, a comma or a conjunction, lower-cased.
pub(crate) fn word_after_demonyms(text: &str, end: usize, gaz: &Gazetteers) -> String {
    let mut after_conjunction = false;
    for word in text[end..].split_whitespace().take(8) {
        let w = word.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-');
        if w.is_empty() || gaz.classes.and_or.contains(w) {
            after_conjunction = true;
            continue;
        }
        // Demonyms, and after a conjunction language names that are not demonyms ("English").
        let is_demonym = gaz.find_places(w).any(|(s, e, p)| s == 0 && e == w.len() && matches!(p, Place::Demonym(_)));
        let listed_name = after_conjunction && w.chars().next().is_some_and(char::is_uppercase);
        after_conjunction = false;
        if !is_demonym && !listed_name {
            return w.to_lowercase();
        }
    }
    String::new()
}

/// "a Spanish delegation": a noun after the demonym makes it an adjective of nationality.
pub(crate) fn same_line_next_is_noun(next_word: &str, gaz: &Gazetteers) -> bool {
    !next_word.is_empty()
        && next_word.chars().next().is_some_and(char::is_lowercase)
        && !gaz.classes.and_or.contains(next_word)
}

/// Is the place wholly inside one institution's name (not straddling its edge)?
pub(crate) fn inside_institution(c: &Collector, range: ByteRange) -> bool {
    c.overlapping(range)
        .any(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization) && m.range.contains(&range))
}

pub(crate) fn add_country(c: &mut Collector, code: CountryCode, range: ByteRange, source: EntitySource) {
    let idx = c.canonical(EntityKind::Country, code.to_string(), || Canonical {
        kind: EntityKind::Country,
        name: code.to_string(),
        country: Some(code),
        stakeholder: None,
    });
    c.mention(EntityKind::Country, range, idx, source, 0.9);
}
