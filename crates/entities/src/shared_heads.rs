//! Bodies named under one plural head: "los ministerios de Economía y Finanzas, Salud e Interior"
//! names three ministries, each its singular head and its own name ("Ministerio de Salud"). Reads
//! the language packs' shared heads (`shared_heads.tsv`); the institutions stage adds what it finds.

use acta_doc::ByteRange;

use crate::gazetteer::Gazetteers;
use crate::words::Words;

/// One body of such a list: its own name as written, and its name in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SharedBody {
    pub(crate) range: ByteRange,
    pub(crate) name: String,
}

/// A plural head and the bodies it is shared out over; `whole` runs from the head to the last name.
#[derive(Debug, Clone)]
pub(crate) struct SharedHeadList {
    pub(crate) whole: ByteRange,
    pub(crate) bodies: Vec<SharedBody>,
}

/// The names of a list never run past these.
const HARD_STOPS: &[char] = &['.', ';', ':', '(', ')', '[', ']', '\n', '"', '“', '”', '«', '»', '|'];
/// How far after the head a list is read.
const LIST_WINDOW: usize = 400;

/// Every list under a plural head in `text` whose language has that head (`lower` is `text` lower-cased
/// with the same offsets, `language_at` the report's language at an offset).
pub(crate) fn shared_head_lists(
    text: &str,
    lower: &str,
    words: &Words,
    gaz: &Gazetteers,
    language_at: impl Fn(usize) -> Option<acta_doc::Lang>,
) -> Vec<SharedHeadList> {
    let mut out = Vec::new();
    for (start, end, i) in gaz.shared_heads.find_in(lower, words) {
        let (lang, singular) = &gaz.shared_head_singulars[i];
        if language_at(start) != Some(*lang) {
            continue;
        }
        let bodies = bodies_after(text, end, singular, gaz);
        if bodies.len() >= 2 {
            let last = bodies.last().map_or(end, |b| b.range.end);
            out.push(SharedHeadList { whole: ByteRange { start, end: last }, bodies });
        }
    }
    out
}

/// A name of the list: where it is, the preposition written before it, and whether it is the
/// last (the text went on with something else).
struct Segment {
    name: ByteRange,
    prefix: Option<String>,
}

/// The bodies named after a plural head ending at `head_end`, each with `singular` as its head.
fn bodies_after(text: &str, head_end: usize, singular: &str, gaz: &Gazetteers) -> Vec<SharedBody> {
    let mut limit = (head_end + LIST_WINDOW).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[head_end..limit];
    let stop = window.find(HARD_STOPS).unwrap_or(window.len());
    let list = &text[head_end..head_end + stop];
    // Comma-separated parts, each a name (with its preposition) or a name and a conjunction and a name.
    let mut parts: Vec<Vec<Segment>> = Vec::new();
    let mut offset = head_end;
    for (i, piece) in list.split(',').enumerate() {
        let base = offset;
        offset += piece.len() + 1;
        let mut at = base + (piece.len() - piece.trim_start().len());
        if i > 0 {
            // ", y el Consejo Nacional": a conjunction before a lower-case word leaves the list.
            if let Some(after) = conjunction_at(text, at, gaz) {
                at = after;
            }
        }
        let Some((segments, complete)) = names_at(text, at, base + piece.len(), i == 0, gaz) else { break };
        parts.push(segments);
        if !complete {
            break;
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    // "de Economía y Finanzas, Educación y Salud": a conjunction inside a part joins two names
    // when it is the only part, or the last part and no other holds one ("Transportes y
    // Comunicaciones, Interior": the text's names hold conjunctions; the last one is one name too).
    let holds_conjunction = |p: &Vec<Segment>| p.iter().any(|s| bare_conjunction(text, s.name, gaz).is_some());
    let split_last = parts.len() == 1 || !parts[..parts.len() - 1].iter().any(holds_conjunction);
    let count = parts.len();
    let mut segments: Vec<Segment> = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        for s in part {
            match bare_conjunction(text, s.name, gaz) {
                Some((left, right)) if i + 1 == count && split_last => {
                    segments.push(Segment { name: left, prefix: s.prefix });
                    segments.push(Segment { name: right, prefix: None });
                }
                _ => segments.push(s),
            }
        }
    }
    let first_prefix = segments.first().and_then(|s| s.prefix.clone()).unwrap_or_default();
    segments
        .into_iter()
        .map(|s| {
            let prefix = s.prefix.unwrap_or_else(|| first_prefix.clone());
            let glue = if prefix.ends_with(['\'', '’']) || prefix.is_empty() { "" } else { " " };
            SharedBody { range: s.name, name: format!("{singular} {prefix}{glue}{}", s.name.slice(text)) }
        })
        .collect()
}

/// After a conjunction and a space at `at`, where the next word starts.
fn conjunction_at(text: &str, at: usize, gaz: &Gazetteers) -> Option<usize> {
    let rest = &text[at..];
    gaz.conjunctions
        .iter()
        .find_map(|c| rest.strip_prefix(c).and_then(|r| r.strip_prefix(' ')).map(|r| text.len() - r.len()))
}

/// A name's preposition and article at `at` ("de la ", "da ", "of the ", "de l'"): the words and
/// where the name starts.
fn prefix_at(text: &str, at: usize, gaz: &Gazetteers) -> (Option<String>, usize) {
    let mut pos = at;
    let mut words: Vec<&str> = Vec::new();
    for _ in 0..2 {
        let rest = &text[pos..];
        let word_len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let word = &rest[..word_len];
        if gaz.name_connectors.contains(word) && rest[word_len..].starts_with(' ') {
            words.push(word);
            pos += word_len + 1;
        } else if (word == "l" || word == "d") && rest[word_len..].starts_with(['\'', '’']) {
            let apostrophe = rest[word_len..].chars().next().map_or(1, char::len_utf8);
            words.push(&rest[..word_len + apostrophe]);
            pos += word_len + apostrophe;
            break;
        } else {
            break;
        }
    }
    if words.is_empty() {
        return (None, at);
    }
    let mut prefix = String::new();
    for w in words {
        if !prefix.is_empty() && !prefix.ends_with(['\'', '’']) {
            prefix.push(' ');
        }
        prefix.push_str(w);
    }
    (Some(prefix), pos)
}

/// The names of one comma-separated part starting at `at` and ending by `end`: a name, or names
/// joined by a conjunction with their own prepositions ("da Saúde e da Educação"). `None` when no
/// capitalised name starts there; `complete` is false when the text goes on past the last name
/// with something else, which ends the list.
fn names_at(text: &str, at: usize, end: usize, needs_prefix: bool, gaz: &Gazetteers) -> Option<(Vec<Segment>, bool)> {
    let (prefix, start) = prefix_at(text, at, gaz);
    if needs_prefix && prefix.is_none() {
        return None;
    }
    if !text[start..end].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut segments = Vec::new();
    let mut name_start = start;
    let mut prefix = prefix;
    let mut last_capital_end = start;
    let mut pos = start;
    let mut complete = true;
    while pos < end {
        let rest = &text[pos..end];
        let word_len = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.chars().next().is_some_and(char::is_uppercase) {
            last_capital_end = pos + word_len;
        } else if gaz.conjunctions.iter().any(|c| c == word) {
            // "e da Educação": a conjunction and a preposition start another name.
            let next = (pos + word_len + 1).min(end);
            let (own, after) = prefix_at(text, next, gaz);
            if own.is_some() && text[after..end].chars().next().is_some_and(char::is_uppercase) {
                segments.push(Segment { name: ByteRange { start: name_start, end: last_capital_end }, prefix });
                prefix = own;
                name_start = after;
                last_capital_end = after;
                pos = after;
                continue;
            }
        } else if !gaz.name_connectors.contains(word) {
            complete = false;
            break;
        }
        pos += word_len + 1;
    }
    if last_capital_end <= name_start {
        return None;
    }
    // Lower-case words after the last capitalised one are not the name's, and the list ends there.
    if text[last_capital_end..end].trim().chars().next().is_some() {
        complete = false;
    }
    segments.push(Segment { name: ByteRange { start: name_start, end: last_capital_end }, prefix });
    Some((segments, complete))
}

/// The two names either side of a conjunction inside `name` that no preposition follows.
fn bare_conjunction(text: &str, name: ByteRange, gaz: &Gazetteers) -> Option<(ByteRange, ByteRange)> {
    let s = name.slice(text);
    gaz.spaced_conjunctions.iter().find_map(|spaced| {
        let at = s.find(spaced.as_str())?;
        let right = at + spaced.len();
        s[right..].chars().next().filter(|ch| ch.is_uppercase())?;
        Some((
            ByteRange { start: name.start, end: name.start + at },
            ByteRange { start: name.start + right, end: name.end },
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, head: &str, singular: &str) -> Vec<(String, String)> {
        let end = text.find(head).expect("head in text") + head.len();
        bodies_after(text, end, singular, &Gazetteers::bundled())
            .into_iter()
            .map(|b| (b.range.slice(text).to_string(), b.name))
            .collect()
    }

    #[test]
    fn a_plural_head_is_shared_out_over_the_names_after_it() {
        let text = "Participan los ministerios de Hacienda y Crédito, Trabajo, Vivienda y Turismo, y el Banco Central.";
        let found = names(text, "ministerios", "Ministerio");
        assert_eq!(
            found.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            ["Ministerio de Hacienda y Crédito", "Ministerio de Trabajo", "Ministerio de Vivienda y Turismo"]
        );
        assert_eq!(found[1].0, "Trabajo");
    }

    #[test]
    fn each_name_keeps_its_own_preposition() {
        let text = "Estiveram os ministérios da Agricultura e do Meio Ambiente na reunião.";
        let found: Vec<String> = names(text, "ministérios", "Ministério").into_iter().map(|(_, n)| n).collect();
        assert_eq!(found, ["Ministério da Agricultura", "Ministério do Meio Ambiente"]);
        let text = "avec les ministères de la Culture et de l'Agriculture, la région";
        let found: Vec<String> = names(text, "ministères", "Ministère").into_iter().map(|(_, n)| n).collect();
        assert_eq!(found, ["Ministère de la Culture", "Ministère de l'Agriculture"]);
    }

    #[test]
    fn a_last_pair_is_two_names_when_the_list_has_no_pair_in_one_name() {
        let text = "officials from the Ministries of Energy, Transport and Housing attended";
        let found: Vec<String> = names(text, "Ministries", "Ministry").into_iter().map(|(_, n)| n).collect();
        assert_eq!(found, ["Ministry of Energy", "Ministry of Transport", "Ministry of Housing"]);
    }

    #[test]
    fn no_names_without_a_preposition_and_a_capital() {
        assert!(names("los ministerios participantes acordaron", "ministerios", "Ministerio").is_empty());
        assert!(names("the ministries of the region met", "ministries", "Ministry").is_empty());
    }
}
