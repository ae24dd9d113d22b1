//! What a name found as a body may turn out not to be: a name of kinds of body only, a title, a
//! whole government, an event; and the checks bodies.rs runs on a name's edges (a sentence's end or
//! a country inside it, a title inside it, where it is stated: "Rede ... em Angola"). Reads the
//! gazetteers only.

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
    // "Estado de Jalisco", "State of Victoria": a place's name of a word or two after the prefix,
    // a state's or a province's whole government as much as a country's.
    let words: Vec<&str> = rest.split_whitespace().collect();
    let place_name = (1..=2).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    !city
        && (gaz.country_named(rest).is_some()
            || gaz.find_places(rest).any(|(_, e, p)| e == rest.len() && matches!(p, Place::Country(_)))
            || gaz.classes.region_words.iter().any(|w| rest.starts_with(w.as_str()))
            || place_name)
}

/// Does a name start or end with the head word of an event ("Forum", "Cumbre", "Semaine")? Years,
/// ordinals and articles around it do not count ("the 2018 Forum", "Eighth Annual ... Forum 2018").
pub(crate) fn names_an_event(name: &str, gaz: &Gazetteers, government_body: bool) -> bool {
    let mut words: Vec<&str> =
        name.split(|c: char| c.is_whitespace() || c == ',').filter(|w| w.chars().any(char::is_alphabetic)).collect();
    // "II Fórum Lusófono ...", "3rd Forum", "5e Forum": an edition's number first does not count.
    while words.len() > 2 && is_edition_number(words[0]) {
        words.remove(0);
    }
    let head = |w: &&str| gaz.event_heads.contains(&fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
    // "Région Hauts-de-France" (a French region's executive) opens with a ministry's head written so,
    // although "Región"/"Region" elsewhere opens a region's name.
    let ministry_head_first = government_body && gaz.shapes.starts_as_ministry.is_match(name);
    words.first().is_some_and(|w| head(w) && !ministry_head_first)
        // "Associação Brasileira de Pesquisadores em Comunicação e Política": a name opened by a
        // body's head is the body's, whatever its last word.
        || !government_body
            && words.last().is_some_and(head)
            && !words.first().is_some_and(|w| gaz.shapes.body_heads.contains(*w))
        || words.get(1).is_some_and(|w| head(w) && words[0].chars().next().is_some_and(char::is_uppercase))
            && (words.len() <= 4
                // "World Summit of Information Society", "World Conference of International
                // Telecommunications": a longer name too, unless its head also heads bodies
                // ("Global Forum on Cyber Expertise" is an organisation).
                || words.len() <= 6 && !gaz.shapes.body_heads.contains(words[1]))
}

/// A roman numeral in capitals of at most five letters I, V and X ("II", "XIV") or a number with
/// an ordinal's ending ("3rd", "5e", "1º", "2ª").
fn is_edition_number(word: &str) -> bool {
    let roman = word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let ordinal = digits > 0 && word[digits..].chars().count() <= 3 && word[digits..].chars().all(char::is_alphabetic);
    roman || ordinal || word.trim_end_matches(['º', 'ª', '°']).chars().all(|c| c.is_ascii_digit()) && digits > 0
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

/// Where a name found by its shape starts again after a capitalised article inside it that no
/// connector comes before: the byte after "The " in "Minutes The Communications Committee" (a
/// heading run into the text), but not in "Bank of The South" nor after a body's head ("Association
/// Les Connectés du Quartier"). Articles of one letter ("A", "O")
/// are left alone: they are as often a name's letter.
pub(crate) fn article_inside(name: &str, gaz: &Gazetteers) -> Option<usize> {
    let mut pos = 0;
    let mut previous = "";
    for word in name.split(' ') {
        let at = pos;
        pos += word.len() + 1;
        // "MINISTÈRE DES POSTES": in a name written in capitals an article in capitals is a connector.
        let in_capitals = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
        let article = word.chars().count() >= 2
            && word.starts_with(char::is_uppercase)
            && gaz.articles.contains(&word.to_lowercase())
            && !(in_capitals(word) && in_capitals(previous));
        // "Association Les Connectés du Quartier": after a body's head, the article is its name's.
        let joined = gaz.name_connectors.contains(&previous.to_lowercase())
            || gaz.conjunctions.iter().any(|c| c == previous)
            || gaz.shapes.body_heads.contains(previous);
        if at > 0 && article && !joined && pos < name.len() {
            return Some(pos);
        }
        previous = word;
    }
    None
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

/// Does any word of `s` start a title of the language packs ("European Commissioner for ...")?
pub(crate) fn holds_title(s: &str, gaz: &Gazetteers) -> bool {
    // Lower-cased letter by letter, so that its offsets are those of `s` ("ẞ" and "İ" stay).
    let lower = crate::words::lowercase_keeping_offsets(s);
    let mut pos = 0;
    for word in lower.split(' ') {
        let at = pos;
        pos += word.len() + 1;
        if gaz
            .titles
            .longest_prefix(&lower[at..])
            .is_some_and(|len| lower[at + len..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        {
            return true;
        }
    }
    false
}

/// Where a name goes on after the last capitalised title in it that is not its last word
/// ("Secretary General Commonwealth ... Organisation" -> "Commonwealth ..."), connectors after the
/// title skipped; `None` without such a title.
pub(crate) fn after_last_title(name: &str, gaz: &Gazetteers) -> Option<usize> {
    // Lower-cased letter by letter, so that its offsets are those of `name` ("ẞ" and "İ" stay).
    let lower = crate::words::lowercase_keeping_offsets(name);
    let last_word = name.rfind(' ').map_or(0, |i| i + 1);
    let mut found = None;
    let mut at = 0;
    let mut previous = "";
    for word in name.split(' ') {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        // "Consejo Asesor de ...": a title between a body's head word and a connector says what
        // kind of body it is, no person's post ("Committee Chair Abel Davila" is one).
        let connector_next = name[(at + word.len()).min(name.len())..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        let qualifies_head = connector_next && gaz.shapes.body_heads.contains(previous);
        previous = word;
        if capital && !qualifies_head && !gaz.shapes.body_heads.contains(word) {
            if let Some(len) = gaz.titles.longest_prefix(&lower[at..]) {
                let end = at + len;
                if end < last_word && name[end..].starts_with(' ') {
                    found = Some(end + 1);
                }
            }
        }
        at += word.len() + 1;
    }
    let mut start = found?;
    while let Some((word, rest)) = name[start..].split_once(' ') {
        if !word.chars().next().is_some_and(char::is_lowercase) || rest.is_empty() {
            break;
        }
        start += word.len() + 1;
    }
    Some(start)
}

/// The name without what says where the body is or who in it: a place after a preposition that
/// joins no name ("Reafro em Santa Catarina", "Rede Privada do Estado em Angola"; "Universidad de
/// Chile" keeps its "de"), and a title in the plural right after the name ("Transparency Board
/// Members"; "Board of Directors" keeps its "of Directors").
/// Longest word in small letters read as the connector before a date in a body's name ("on", "el").
const MAX_DATE_CONNECTOR_BYTES: usize = 3;

pub(crate) fn where_stated<'t>(name: &'t str, gaz: &Gazetteers) -> &'t str {
    let mut name = name;
    // "the House of Commons on Tuesday", "la Comisión el 11 de abril": a connector before a day of
    // the week or a day's number is the sentence's, not the name's.
    let mut at = 0;
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 && word.starts_with(char::is_lowercase) && word.len() <= MAX_DATE_CONNECTOR_BYTES {
            let next = name[at + word.len()..].trim_start().split(' ').next().unwrap_or("");
            let folded = fold(next.trim_end_matches([',', '.']));
            // (A month alone may be part of a name: "Rio de Janeiro", "Plaza de Mayo".)
            if gaz.classes.weekdays.contains(&folded)
                || (1..=2).contains(&next.len()) && next.chars().all(|c| c.is_ascii_digit())
            {
                // "... for Development on the 10": the connectors before the date go with it.
                let mut kept = name[..at].trim_end();
                while let Some((head, last)) = kept.rsplit_once(' ') {
                    if !(last.starts_with(char::is_lowercase) && last.len() <= MAX_DATE_CONNECTOR_BYTES) {
                        break;
                    }
                    kept = head.trim_end();
                }
                return kept;
            }
        }
        at += word.len() + 1;
    }
    if let Some((head, last)) = name.rsplit_once(' ') {
        let before = head.rsplit(' ').next().unwrap_or("");
        let plural_title = last.ends_with('s') && !gaz.is_title(last) && gaz.is_title_or_plural(last);
        if plural_title && before.starts_with(char::is_uppercase) && head.split(' ').count() >= 2 {
            name = head;
        }
    }
    if let Some((s, _, _)) = gaz.find_places(name).find(|&(s, e, _)| e == name.len() && s > 0) {
        let head = name[..s].trim_end();
        if let Some((kept, word)) = head.rsplit_once(' ') {
            if word.starts_with(char::is_lowercase) && !gaz.joins_names(word) {
                name = kept;
            }
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_goes_on_after_the_last_title_in_it() {
        let gaz = Gazetteers::bundled();
        let rest = |s: &str| after_last_title(s, &gaz).map(|i| s[i..].to_string());
        assert_eq!(
            rest("Secretary General Andean Farming Organisation").as_deref(),
            Some("Andean Farming Organisation")
        );
        assert_eq!(
            rest("Regional Director for Verdal Research Institute").as_deref(),
            Some("Verdal Research Institute")
        );
        // A title as the last word, or no title: nothing to cut here.
        assert_eq!(rest("Verdal Research Institute"), None);
    }

    #[test]
    fn where_a_body_is_and_its_members_are_not_its_name() {
        let gaz = Gazetteers::bundled();
        assert_eq!(where_stated("Rede Comunitária do Bairro em Angola", &gaz), "Rede Comunitária do Bairro");
        assert_eq!(where_stated("Verdal Network in Portugal", &gaz), "Verdal Network");
        assert_eq!(where_stated("Audit Board Members", &gaz), "Audit Board");
        // A preposition that joins a name keeps the place; "of Directors" is the board's name.
        assert_eq!(where_stated("Universidad de Chile", &gaz), "Universidad de Chile");
        assert_eq!(where_stated("Board of Directors", &gaz), "Board of Directors");
        assert_eq!(where_stated("Internet sem Fronteiras", &gaz), "Internet sem Fronteiras");
    }
}
