//! Ministries, government bodies and organisations found by their shape.

use acta_doc::{fold_words, EntityKind, Stakeholder};
use foldhash::HashMap;

use crate::gazetteer::{at_word_end, at_word_start, word_bounded, Gazetteers};
use crate::kinds::*;
use crate::words::Words;
use regex::Regex;

use crate::shape_patterns::{HeadFirst, CAPWORD};

/// A piece of the text, as a capture group gives it.
#[derive(Clone, Copy)]
struct Piece<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Piece<'t> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// A match of `WITH_ACRONYM` split into its long form and its acronym: the acronym is inside the
/// last parenthesis (no word of the long form holds one), the long form ends at the last word
/// before it. Found so, not by the capture engine, which cost a twentieth of a run's work.
fn name_and_acronym<'t>(text: &'t str, whole: regex::Match<'t>) -> (Piece<'t>, Piece<'t>) {
    let s = whole.as_str();
    let open = s.rfind('(').expect("the pattern ends with a parenthesised acronym");
    let name = Piece { text, start: whole.start(), end: whole.start() + s[..open].trim_end_matches(' ').len() };
    let acronym = Piece { text, start: whole.start() + open + 1, end: whole.end() - 1 };
    (name, acronym)
}

/// Most capitalised words of a long form before its acronym, as the bounded pattern allows.
const MAX_ACRONYM_NAME_CAPITALS: usize = 11;

/// The "Long Name (ACR)" pairs of `text`, as `WITH_ACRONYM`'s matches: the long form and the
/// acronym. A match of the unbounded pattern starts where the name's run of words starts; when
/// that run holds more than eleven tokens, the bounded pattern's match lies inside it: its last
/// eleven capitalised words.
fn acronym_pairs<'t>(text: &'t str, gaz: &Gazetteers) -> Vec<(Piece<'t>, Piece<'t>)> {
    let mut out = Vec::new();
    for whole in gaz.shapes.with_acronym_any_length.find_iter(text) {
        let (name, acr) = name_and_acronym(text, whole);
        // Eleven tokens at most (connectors counted too): at most eleven words, as `{1,10}` allows.
        if name.as_str().split([' ', '\t']).filter(|t| !t.is_empty()).count() <= 11 {
            out.push((name, acr));
            continue;
        }
        // The bounded pattern's match is the run's last eleven capitalised words and what lies
        // between them: it starts at the eleventh word from the end that is a `CAPWORD` (the others
        // are connectors). Read here word by word; the bounded pattern's own search over a long run
        // costs millions of instructions a call (its reverse search tracks the count).
        let offset = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
        let capitalised: Vec<usize> =
            name.as_str().split(' ').filter(|w| gaz.shapes.capword.is_match(w)).map(offset).collect();
        let from = capitalised.len().saturating_sub(MAX_ACRONYM_NAME_CAPITALS);
        let start = capitalised.get(from).copied().unwrap_or(name.start());
        out.push((Piece { text, start, end: name.end() }, acr));
    }
    out
}

/// "Head adjective* (connector+ noun adjective*)*" after a capitalised head: the sentence-case
/// institution names. Ends before anything else (a verb, punctuation, a second clause).
fn sentence_case_names(text: &str, gaz: &Gazetteers) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in gaz.shapes.sentence_case_head.find_iter(text).filter(|m| word_bounded(text, m.start(), m.end())) {
        let head_langs = gaz.sentence_case_head_langs.get(&m.as_str().to_lowercase());
        let mut end = m.end();
        let mut pos = m.end();
        let mut words = 1;
        let mut after_connector = false;
        let mut saw_lower = false;
        // After "et", "y", "e" only a capitalised word goes on with the name: "Conseil communal et de
        // la Municipalité" ends there, before "et rappelle les mesures".
        let mut after_conjunction = false;
        let mut right_after_conjunction = false;
        let mut capital_nouns = 0;
        // A "de" (of) in the name before its conjunction, and right after it.
        let (mut of_before_conjunction, mut of_after_conjunction) = (false, false);
        loop {
            let rest = &text[pos..];
            let Some(after_space) = rest.strip_prefix(' ') else { break };
            // Elided articles glue to the next word: "de l'information", "d'Ivoire".
            let word_len = after_space
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”'))
                .unwrap_or(after_space.len());
            let word = &after_space[..word_len];
            if word.is_empty() {
                break;
            }
            let (elision, core) = match word.find(['\'', '’']) {
                Some(i) if i <= 1 => {
                    (Some(&word[..i]), &word[i + word[i..].chars().next().map_or(1, char::len_utf8)..])
                }
                _ => (None, word),
            };
            let lower = core.to_lowercase();
            let is_connector =
                gaz.sentence_case_connectors.contains(lower.as_str()) && core.chars().all(char::is_lowercase);
            let capital = core.chars().next().is_some_and(char::is_uppercase);
            let lower_word = core.chars().next().is_some_and(char::is_lowercase) && core.chars().count() >= 3;
            // "d'accélérer": an elided infinitive is a verb, not part of the name.
            let elided_verb = elision.is_some()
                && core.chars().next().is_some_and(char::is_lowercase)
                && (lower.ends_with("er") || lower.ends_with("ir") || lower.ends_with("re"));
            if elided_verb {
                break;
            }
            // ... unless the conjunction is followed by "de" and the name had one before it: the
            // same phrase again in lower case ("des communications électroniques et des postes",
            // "de l'informatique et des télécommunications").
            // "Chambre de commerce et d'industrie": an elided "of" right after the conjunction is
            // the same phrase again.
            if right_after_conjunction
                && elision.is_some_and(|e| gaz.classes.of_prepositions.contains(e.to_lowercase().as_str()))
            {
                of_after_conjunction = true;
            }
            let same_of_phrase = of_after_conjunction && of_before_conjunction;
            if after_conjunction && !capital && !is_connector && !same_of_phrase {
                break;
            }
            // "la Banque des Territoires et l'Agence ...", "... e UFPR": after a conjunction an elided
            // article before a capital, or an acronym, starts a second name.
            let acronym =
                core.chars().filter(|c| c.is_alphabetic()).count() >= 2 && core.chars().all(|c| !c.is_lowercase());
            if after_conjunction && capital && (elision.is_some() || acronym) {
                break;
            }
            // An article right after a noun starts a new phrase ("Conselho o mapa dos pontos"): only
            // after a preposition ("da", "de la") does it continue the name.
            let article = gaz.classes.definite_articles.contains(lower.as_str());
            if is_connector && article && !after_connector && elision.is_none() {
                break;
            }
            // "la Fédération québécoise des municipalités et le Conseil de ...": an article after a
            // conjunction starts a second name, as an elided one does.
            if is_connector && article && right_after_conjunction && elision.is_none() {
                break;
            }
            if right_after_conjunction && is_connector {
                of_after_conjunction = gaz.classes.of_prepositions.contains(lower.as_str());
            }
            if is_connector && !after_conjunction && gaz.classes.of_prepositions.contains(lower.as_str()) {
                of_before_conjunction = true;
            }
            right_after_conjunction = is_connector && gaz.conjunctions.contains(&lower);
            let accepted = if is_connector && elision.is_none() {
                after_connector = true;
                after_conjunction |= gaz.conjunctions.contains(&lower);
                false
            } else if after_connector || elision.is_some() {
                // A noun after a connector: any word; but a name written in capitals so far ("Ministère
                // du Numérique et de la Digitalisation") does not go on with a noun in lower case ("en
                // collaboration avec ...").
                if !capital && !saw_lower && capital_nouns > 0 {
                    break;
                }
                capital_nouns += usize::from(capital);
                (capital || lower_word) && {
                    after_connector = false;
                    true
                }
            } else {
                // Right after a noun: only an adjective.
                lower_word
                    && gaz
                        .adjective_endings
                        .iter()
                        .any(|(e, lang)| lower.ends_with(e.as_str()) && head_langs.is_none_or(|l| l.contains(lang)))
            };
            pos += 1 + word_len;
            if accepted && capital {
                after_conjunction = false;
            }
            if accepted {
                end = pos;
                words += 1;
                saw_lower |= !capital;
            } else if !(is_connector && elision.is_none()) {
                break;
            }
            if words >= 12 {
                break;
            }
        }
        if saw_lower && words >= 2 {
            out.push((m.start(), end));
        }
    }
    out
}

// Word boundaries are checked in code (`word_bounded` and its halves) rather than with `\b` in
// the patterns: a Unicode `\b` makes the regex crate leave its fast DFA for a slow engine on any
// non-ASCII text.

/// How far after a media noun its name is read: the noun and five capitalised words.
const MEDIA_WINDOW: usize = 320;

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The name after a word for a newspaper or broadcaster (`nouns`, e.g. "diario") at the start of
/// the text it is given: group 1 is the name, article included ("diario La Nación"). Run at each
/// noun the gazetteers' matcher finds, not over the whole text: most texts name no newspaper.
pub(crate) fn media_names_regex(nouns: &[String], connectors: &str) -> Regex {
    let mut nouns: Vec<String> = nouns.iter().map(|n| regex::escape(n)).collect();
    // Longest first, so that a noun is never cut short by another that starts it.
    nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
    Regex::new(&format!(
        r"^(?:{}) {{1,2}}((?:{CAPWORD})(?: {{1,2}}(?:(?:{connectors}) {{1,2}})?{CAPWORD}){{0,4}})",
        nouns.join("|")
    ))
    .expect("valid regex")
}

/// An institution found by its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeMatch {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub stakeholder: Option<Stakeholder>,
    /// For "Full Name (ACR)": where the acronym is.
    pub acronym: Option<(usize, usize)>,
    /// The acronym's letters do not fit the name: kept only if the gazetteer knows the acronym.
    pub unverified_acronym: bool,
}

/// At least this many letters make a line in capitals worth reading as a heading.
const CAPS_LINE_MIN_LETTERS: usize = 12;

/// Institutions named in lines written in capitals ("COMPTE-RENDU DE LA COMMISSION NATIONALE DE
/// RESTAURATION", "COMMUNICATIONS PORTFOLIO COMMITTEE"), which the shapes, made for capitalised
/// words between connectors in lower case, do not read: each such line is written again in title
/// case with its connectors in lower case, of the same length, and read by the shapes; the matches
/// keep their offsets in `text`.
pub(crate) fn shapes_in_capital_lines(text: &str, gaz: &Gazetteers) -> Vec<ShapeMatch> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let (letters, upper) = line
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0usize, 0usize), |(n, u), c| (n + 1, u + usize::from(c.is_uppercase())));
        // Nearly all capitals ("55ª", "<br />" allowed) and more than one word.
        if letters < CAPS_LINE_MIN_LETTERS || upper * 10 < letters * 9 || line.split_whitespace().nth(1).is_none() {
            continue;
        }
        let shadow = title_cased(line, gaz);
        if shadow.len() != line.len() {
            continue;
        }
        for m in find_by_shape_in(&shadow, &Words::of(&shadow), gaz, None) {
            let m_start = head_first_start(&shadow, m.start, m.end, gaz);
            out.push(ShapeMatch {
                start: start + m_start,
                end: start + m.end,
                acronym: m.acronym.map(|(s, e)| (start + s, start + e)),
                ..m
            });
        }
    }
    out
}

/// A headline in capitals runs a body's name into the words after it ("SENADO E INSTITUTO FEDERAL
/// DE TELECOMUNICACIONES ANALIZAN REGULACIÓN ...": in capitals a verb looks like a name's word).
/// When the text names the body elsewhere in small letters (a name of `known` not inside a longer
/// one), a match in capitals that holds that name and goes on after it is cut to it.
pub(crate) fn cut_to_known_names(caps: &mut [ShapeMatch], known: &[ShapeMatch], text: &str) {
    if caps.is_empty() {
        return;
    }
    // The outermost names, in one sweep over the names sorted by start (the longest first).
    let mut ranges: Vec<(usize, usize)> = known.iter().map(|k| (k.start, k.end)).collect();
    ranges.sort_unstable_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    ranges.dedup();
    let mut reach = 0;
    let outermost = ranges.into_iter().filter(|&(_, end)| {
        let outer = end > reach;
        reach = reach.max(end);
        outer
    });
    let known: Vec<Vec<String>> = outermost
        .map(|(start, end)| text[start..end].split_whitespace().map(acta_doc::fold).collect())
        .filter(|w: &Vec<String>| w.len() >= 2)
        .collect();
    for m in caps.iter_mut() {
        let words: Vec<(usize, &str)> = text[m.start..m.end]
            .split(' ')
            .scan(m.start, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .collect();
        let folded: Vec<String> = words.iter().map(|(_, w)| acta_doc::fold(w)).collect();
        // The longest known name inside the match with words of the match after it.
        let found = known
            .iter()
            .filter_map(|k| {
                let at = (0..folded.len().saturating_sub(k.len())).find(|&i| folded[i..].starts_with(k))?;
                Some((at, k.len()))
            })
            .max_by_key(|&(at, len)| (len, std::cmp::Reverse(at)));
        let Some((at, len)) = found else { continue };
        let (last_start, last) = words[at + len - 1];
        m.start = words[at].0;
        m.end = last_start + last.len();
        m.acronym = None;
    }
}

/// In a line in capitals every word looks like part of a name, so the capitalised words before a
/// head read first ("Ministerio de ...", "Ministry of ...") are the heading's, not the body's
/// ("INFORME ANUAL MINISTERIO DE SALUD", "REPÚBLICA DE COLOMBIA MINISTERIO DE ..."): the name starts
/// at that head, or at a qualifier right before it ("Federal"). A name whose head ends it
/// ("National Communications Authority") keeps its words.
fn head_first_start(shadow: &str, start: usize, end: usize, gaz: &Gazetteers) -> usize {
    let name = &shadow[start..end];
    let mut offset = 0;
    let mut previous: Option<(usize, &str)> = None;
    let mut words = name.split(' ').peekable();
    while let Some(word) = words.next() {
        let read_first = offset > 0
            && gaz.shapes.body_heads.contains(word)
            && words.peek().is_some_and(|next| {
                gaz.name_connectors.contains(*next) || gaz.body_prepositions.iter().any(|p| p == next)
            });
        if read_first {
            let at = match previous {
                Some((prev_at, prev)) if gaz.head_qualifiers.contains(prev) => prev_at,
                _ => offset,
            };
            return start + at;
        }
        previous = Some((offset, word));
        offset += word.len() + 1;
    }
    start
}

/// `line` with each word's first letter in capitals and the rest in lower case; connectors
/// ("de", "of", "la"), titles ("PRESIDENTE"), forms of address in the plural too ("SEÑORES") and
/// words for the kind of document ("MINUTES") all in lower case, as prose writes them, so that no
/// body's name runs over them.
fn title_cased(line: &str, gaz: &Gazetteers) -> String {
    let mut out = String::with_capacity(line.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        // Each letter mapped only to one letter of the same length ("İ" and "ẞ" stay as they are),
        // so that every offset of the line holds in its shadow.
        let lower = crate::words::lowercase_keeping_offsets(word);
        let mut capitalised = String::with_capacity(lower.len());
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            let mut upper = first.to_uppercase();
            capitalised.push(match (upper.next(), upper.next()) {
                (Some(m), None) if m.len_utf8() == first.len_utf8() => m,
                _ => first,
            });
            capitalised.push_str(chars.as_str());
        }
        let address = |w: &str| gaz.honorific(w).is_some();
        // "MINUTES", "ACTA": what the document is, not part of a body's name.
        let document_word = gaz.document_type_words.contains(&acta_doc::fold(&lower))
            && !gaz.shapes.body_heads.contains(&capitalised)
            && !gaz.shapes.body_tails.contains(&capitalised);
        let small = document_word
            || gaz.sentence_case_connectors.contains(&lower)
            || gaz.name_connectors.contains(&lower)
            || gaz.is_title_or_plural(&lower)
            || address(&capitalised)
            || ["es", "s"].iter().any(|p| capitalised.strip_suffix(p).is_some_and(|w| w.len() > 1 && address(w)));
        out.push_str(if small { &lower } else { &capitalised });
        word.clear();
    };
    for c in line.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// "Cerema Centre-Est", "Agence Nord-Sud": a name whose last word goes on after a hyphen with a
/// capital ends with the whole word, not at the hyphen.
fn hyphenated_end(text: &str, end: usize) -> usize {
    let mut end = end;
    while let Some(rest) = text[end..].strip_prefix('-') {
        if !rest.starts_with(char::is_uppercase) || text[..end].ends_with(|c: char| !c.is_alphabetic()) {
            break;
        }
        end += 1 + rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    }
    end
}

/// How far after a lower-case head's name the comma before a person is looked for.
const TITLE_TAIL_BYTES: usize = 100;

/// "la subsecretaria de Innovación de la Municipalidad de Córdoba, Mariana Zamora": a name that
/// opens with a title in small letters ("subsecretaria", where the body is "subsecretaría") and
/// whose clause ends with a comma before a person's given name is that person's title.
fn title_before_person(text: &str, start: usize, end: usize, gaz: &Gazetteers) -> bool {
    let head = text[start..end].split(' ').next().unwrap_or("");
    if !head.starts_with(char::is_lowercase) || !gaz.is_title(head) {
        return false;
    }
    let tail = &text[end..floor_char_boundary(text, end + TITLE_TAIL_BYTES)];
    let clause = &tail[..tail.find([',', '.', ';', ':', '\n']).unwrap_or(tail.len())];
    tail[clause.len()..].strip_prefix(", ").is_some_and(|rest| {
        let mut words = rest.split([' ', ',']);
        let first = words.next().unwrap_or("");
        // "Mauricio Alviar": a country's name that is also a given name, before a second name.
        let mut country_as_given_name =
            || gaz.country_named(first).is_some() && words.next().is_some_and(|w| w.starts_with(char::is_uppercase));
        first.starts_with(char::is_uppercase) && (gaz.is_given_name(first) || country_as_given_name())
    })
}

/// "Cidadania-PE", "Novo-SP": a party's one-word name and a state's two capitals, as parliaments
/// write them beside a member's name; no acronym of the words before.
fn party_with_state(s: &str) -> bool {
    s.split_once('-').is_some_and(|(word, state)| {
        state.len() == 2
            && state.bytes().all(|b| b.is_ascii_uppercase())
            && word.chars().count() >= 4
            && word.chars().skip(1).all(char::is_lowercase)
    })
}

#[cfg(test)]
fn find_by_shape(text: &str) -> Vec<ShapeMatch> {
    find_by_shape_in(text, &Words::of(text), &Gazetteers::bundled(), None)
}

/// Institutions of every shape in `text`, whose words are `words`, possibly overlapping (the
/// caller resolves overlaps).
pub(crate) fn find_by_shape_in(
    text: &str,
    words: &Words,
    gaz: &Gazetteers,
    lang: Option<acta_doc::Lang>,
) -> Vec<ShapeMatch> {
    let mut out = Vec::new();
    // A report names the same body under several shapes and many times: what its name alone says
    // (a kind of body, or a public body's) is worked out once a name.
    let mut generic: HashMap<&str, bool> = HashMap::default();
    let mut kind_of: HashMap<&str, EntityKind> = HashMap::default();
    let mut push = |start: usize, end: usize, kind: EntityKind, acronym: Option<(usize, usize)>, unverified: bool| {
        let end = hyphenated_end(text, end);
        let (start, end) = tidy(text, start, end, gaz);
        let name = &text[start..end];
        if *generic.entry(name).or_insert_with(|| is_generic(name, gaz)) || title_before_person(text, start, end, gaz) {
            return;
        }
        let kind = if kind == EntityKind::Organization {
            *kind_of.entry(name).or_insert_with(|| institution_kind(name, gaz))
        } else {
            kind
        };
        if end > start && text[start..end].split_whitespace().count() >= 2 || acronym.is_some() {
            let stakeholder = stakeholder_of(&text[start..end], kind, gaz);
            out.push(ShapeMatch { start, end, kind, stakeholder, acronym, unverified_acronym: unverified });
        }
    };
    let fixed_starts = gaz.shapes.ministry_fixed.starts_in(text);
    let mut from = 0;
    while let Some(m) = gaz.shapes.ministry_fixed.find_at(text, &fixed_starts, from) {
        from = m.end;
        if !word_bounded(text, m.start, m.end) {
            continue;
        }
        // "Digital Government of Latin America" is part of a longer name, not a government.
        let government_of = gaz.classes.government_words.iter().any(|g| text[m.clone()].starts_with(g.as_str()));
        let prev_word = text[..m.start].strip_suffix(' ').and_then(|p| p.rsplit([' ', '\n']).next()).unwrap_or("");
        if government_of
            && prev_word.chars().next().is_some_and(char::is_uppercase)
            && !prev_word.ends_with(['.', ':', ',', ';', '|'])
        {
            continue;
        }
        // "the Government of Kerala and the Government of Odisha": two governments, the second
        // found by the next search.
        let end = enumeration_ended(text, m.start, m.end, gaz);
        let end = match gaz.classes.second_name.find(&text[m.start..end]) {
            Some(second) => {
                from = m.start + second.start + 1;
                m.start + second.start
            }
            None => end,
        };
        push(m.start, end, EntityKind::Ministry, None, false);
    }
    for (start, end) in every_start(&gaz.shapes.ministry_head_first, text, words) {
        let end = enumeration_ended(text, start, end, gaz);
        let end = cut_at_inner_head(text, start, end, gaz);
        // "Telecommunications Authority of ...", "Federal Ministry of ...": capitalised words before
        // the head are part of the name.
        let start = extend_back(text, qualified_start(text, start, gaz), gaz);
        push(start, end, EntityKind::Ministry, None, false);
    }
    // "le ministère de la Santé", "la secretaría de Gobierno Digital": the press writes a ministry's
    // head in lower case; what follows it is the same name.
    for (start, end) in lowercase_ministry_heads(text, words, gaz, lang) {
        let end = cut_at_inner_head(text, start, end, gaz);
        push(start, end, EntityKind::Ministry, None, false);
    }
    let pieces = |found: Vec<std::ops::Range<usize>>| {
        found
            .into_iter()
            .map(|r| Piece { text, start: r.start, end: r.end })
            .filter(|m| word_bounded(text, m.start(), m.end()))
    };
    for m in pieces(gaz.shapes.ministry_name_first.find_iter(text, words)) {
        // "Tonga Ministry of MEIDECC": a name whose tail is a head followed by its subject is the
        // head-first name, read back over the words before it (above).
        let tail_start = m.start() + m.as_str().rfind(' ').map_or(0, |i| i + 1);
        let head_first = gaz.shapes.ministry_head_first.find(&text[tail_start..]);
        let subject_after = head_first.is_some_and(|h| tail_start + h.end > m.end())
            && text[m.end()..].strip_prefix(' ').is_some_and(|rest| {
                gaz.classes.role_of.iter().any(|of| {
                    rest.strip_prefix(of.as_str())
                        .and_then(|r| r.strip_prefix(' '))
                        .is_some_and(|r| r.starts_with(char::is_uppercase))
                })
            });
        if subject_after {
            continue;
        }
        // "Ministry of Justice and Telecom Authority": words after a preposition are another
        // name's subject; the name that ends in the tail starts after the conjunction.
        // "Google and Telecom Authority": a known body before the conjunction is a name of its own.
        let mut start = m.start();
        let after_preposition = text[..start].strip_suffix(' ').is_some_and(|before| {
            let word = before.rsplit(' ').next().unwrap_or("");
            gaz.classes.role_of.iter().any(|of| of == word)
        });
        let conjunction =
            gaz.spaced_conjunctions.iter().filter_map(|j| m.as_str().find(j.as_str()).map(|i| (i, j.len() - 2))).min();
        if let Some((i, len)) = conjunction {
            if after_preposition || gaz.institution_named(&m.as_str()[..i]).is_some() {
                start = m.start() + i + len + 2;
            }
        }
        // "IGF Secretariat", "Pacific Islands Forum Secretariat": the office of a forum (a forum's
        // word, or an event the gazetteer knows) serves it, not a government.
        let before_tail = &text[start..tail_start];
        let of_forum = before_tail.split_whitespace().any(|w| {
            gaz.event_heads.contains(&acta_doc::fold(w))
                || gaz.institution_named(w).is_some_and(|g| gaz.institution(g).event)
        });
        let kind = if of_forum { EntityKind::Organization } else { EntityKind::Ministry };
        push(start, m.end(), kind, None, false);
    }
    for (start, end) in every_start(&gaz.shapes.org_head_first, text, words) {
        // Only a name of subjects ("Instituto de ...", "Council for ...") goes on over its commas: after
        // "Fundación Sadosky, Google y Microsoft" come other bodies.
        let of_subjects = gaz.classes.subject_prepositions.iter().any(|c| text[start..end].contains(c.as_str()));
        let end = if of_subjects { enumeration_end(text, end, gaz) } else { end };
        let end = cut_at_inner_head(text, start, end, gaz);
        let start = extend_back(text, start, gaz);
        push(start, end, EntityKind::Organization, None, false);
    }
    for m in pieces(gaz.shapes.org_name_first.find_iter(text, words)) {
        push(after_person_of(m.as_str(), gaz) + m.start(), m.end(), EntityKind::Organization, None, false);
    }
    for (start, end) in sentence_case_names(text, gaz) {
        let kind = if is_government(&text[start..end], gaz) { EntityKind::Ministry } else { EntityKind::Organization };
        push(start, end, kind, None, false);
    }
    for (name, acr) in acronym_pairs(text, gaz) {
        if !at_word_start(text, name.start()) || party_with_state(acr.as_str()) {
            continue;
        }
        // The long form starts at the word whose initial is the acronym's: "Cámara de Comercio de
        // Lima y de la Asociación de Exportadores (ADEX)" is about the Asociación; "Fabrizio
        // Scrollini (ILDA)" names a person and the organisation ILDA, not a long form.
        // Without a fitting word the pair is kept, unverified, for the gazetteer to confirm: an
        // acronym from another language ("Foro de Gobernanza ... (LACIGF)").
        // A person's initials after the name ("Marta Quist Ribas (MQR)") make no long form.
        // A long form with a body's head or tail word ("Asian Development Bank": "Asian" is a given
        // name somewhere) is a body's.
        // A one-word long form right after another capitalised word is the end of a longer name,
        // a person's most often ("Lic. Silvana Pérez Arbelo (Agesic)": not "Arbelo").
        let person_initials = |s: usize| {
            let words: Vec<&str> = name.as_str()[s..].split(' ').collect();
            let body_word = |w: &&str| gaz.shapes.body_heads.contains(*w) || gaz.shapes.body_tails.contains(*w);
            let previous = name.as_str()[..s].trim_end().rsplit(' ').next().unwrap_or("");
            let tail_of_name = words.len() == 1
                && previous.starts_with(char::is_uppercase)
                && !previous.ends_with([':', ',', ';', '.']);
            gaz.is_given_name(words[0]) && words.len() <= 4 && !words.iter().any(body_word) || tail_of_name
        };
        // "Secretária de Políticas Digitais da Secretaria de Comunicação Social (Secom)": a title
        // (no body's head) opens no long form.
        let opens_with_title = |s: usize| {
            let word = name.as_str()[s..].split(' ').next().unwrap_or("");
            gaz.is_title(word) && !gaz.shapes.body_heads.contains(word)
        };
        let (start, verified) = match long_form_start(name.as_str(), acr.as_str())
            .filter(|&s| !person_initials(s) && !opens_with_title(s))
            .or_else(|| headed_long_form_start(name.as_str(), acr.as_str(), gaz))
            .or_else(|| lettered_long_form_start(name.as_str(), acr.as_str(), gaz))
        {
            Some(s) => (s, true),
            // "Profesora Titular de Derecho Administrativo (UBA)": words that fit no letter of the
            // acronym and open with a title are the person's title, no long form; a syllabic
            // acronym's long form after the title is ("Secretary General of the Caribbean
            // Community and Common Market (CARICOM)").
            None if opens_with_title(0) => {
                let syllabic = name
                    .as_str()
                    .match_indices(' ')
                    .map(|(i, _)| i + 1)
                    .filter(|&s| name.as_str()[s..].starts_with(char::is_uppercase) && !opens_with_title(s))
                    .find(|&s| crate::bodies::letters_in_order(&name.as_str()[s..], acr.as_str()));
                match syllabic {
                    Some(s) => (s, true),
                    None => continue,
                }
            }
            // "Sarah Lindholm (Ericsson)": a person's name before a body's name in parentheses
            // is no long form of it, whatever the gazetteer knows of the body.
            None if person_initials(0) => continue,
            None => (0, false),
        };
        // "the Government of Uruguay and the Agency for ... (AGESIC)": without a fitting word, an
        // unverified long form starts at the last body a conjunction and its lead open.
        let start = if verified {
            start
        } else {
            let rest = &name.as_str()[start..];
            let second = gaz.classes.second_name.find_iter(rest).last();
            second.and_then(|m| rest[m.clone()].find(char::is_uppercase).map(|i| start + m.start + i)).unwrap_or(start)
        };
        let (s, e) = (name.start() + start, name.end());
        let kind = if is_government(&text[s..e], gaz) { EntityKind::Ministry } else { EntityKind::Organization };
        push(s, e, kind, Some((acr.start(), acr.end())), !verified);
    }
    // Newspapers and broadcasters are named after the word that says what they are: "del diario
    // La Nación", "the newspaper El Tiempo", "le quotidien Le Soleil". The article is part of the name.
    let mut after_last = 0;
    for (noun, _, _) in gaz.media_noun_matcher.find_in(text, words) {
        if noun < after_last {
            continue;
        }
        // A window, not the rest of the text: a capture search costs the length of what it is given.
        let window = &text[noun..floor_char_boundary(text, noun + MEDIA_WINDOW)];
        let Some(c) = gaz.media_names.captures(window) else { continue };
        let group = c.get(1).expect("group 1");
        after_last = noun + c.get(0).expect("group 0").end();
        let name_start = noun + group.start();
        // "La Voz del Interior. Durante ...": a sentence ends the name.
        let whole = group.as_str();
        let whole = whole.find(". ").map_or(whole, |i| &whole[..i]);
        let trimmed = whole.trim_end_matches(['.', ',']);
        if trimmed.chars().filter(|ch| ch.is_alphabetic()).count() >= 3 {
            out.push(ShapeMatch {
                start: name_start,
                end: name_start + trimmed.len(),
                kind: EntityKind::Organization,
                stakeholder: None,
                acronym: None,
                unverified_acronym: false,
            });
        }
    }
    out
}

/// "Ministry of Health, Labour and Welfare" goes on over its commas to the conjunction before its last
/// subject; "Head of Unit, Knowledge Base, DG CONNECT" has none there: it is pieces of an entry, and
/// the name ends at its first comma.
fn enumeration_ended(text: &str, start: usize, end: usize, gaz: &Gazetteers) -> usize {
    let name = &text[start..end];
    let Some(first) = name.find(',') else { return end };
    // The end of the last piece that holds a conjunction, when a piece after the first does.
    let mut at = 0;
    let mut ended = None;
    for (i, piece) in name.split(',').enumerate() {
        if i > 0 && gaz.spaced_conjunctions.iter().any(|c| piece.contains(c.as_str())) {
            ended = Some(at + piece.len());
        }
        at += piece.len() + 1;
    }
    start + ended.unwrap_or(first)
}

/// "Instituto de Hidrología, Meteorología y Estudios Ambientales": a name that goes on after a comma
/// with capitalised words and ends with a conjunction and more of them is one name, an enumeration
/// of its subjects. Where such an enumeration after `end` ends; `end` when none follows.
fn enumeration_end(text: &str, end: usize, gaz: &Gazetteers) -> usize {
    const MAX_PIECES: usize = 5;
    let capitalised_run = |at: usize| -> usize {
        // Capitalised words, with connectors between them: the end of the last capitalised word.
        let mut pos = at;
        let mut last = at;
        loop {
            let rest = &text[pos..];
            let len = rest.find(|c: char| c.is_whitespace() || ",;:()".contains(c)).unwrap_or(rest.len());
            let word = &rest[..len];
            if word.chars().next().is_some_and(char::is_uppercase) {
                last = pos + len;
            } else if !gaz.trailing_connectors.contains(word) || gaz.conjunctions.iter().any(|c| c == word) {
                return last;
            }
            if !rest[len..].starts_with(' ') {
                return last;
            }
            pos += len + 1;
        }
    };
    let mut pos = end;
    let mut one_word_pieces = true;
    for _ in 0..MAX_PIECES {
        let Some(after_comma) = text[pos..].strip_prefix(", ") else { return end };
        let start = text.len() - after_comma.len();
        let piece_end = capitalised_run(start);
        if piece_end == start {
            return end;
        }
        one_word_pieces &= !text[start..piece_end].contains(' ');
        // "Commerce, Science, and Transportation": a comma before the conjunction too, between
        // subjects of one word ("African School of IG, African Youth IGF, and ..." lists bodies).
        let comma = usize::from(one_word_pieces && text[piece_end..].starts_with(", "));
        let rest = &text[piece_end + comma..];
        let conj = gaz.spaced_conjunctions.iter().find(|c| rest.starts_with(c.as_str()));
        if let Some(conj) = conj {
            let last_start = piece_end + comma + conj.len();
            let last_end = capitalised_run(last_start);
            // "University of California, Riverside, and Jamal Whitfield": a person after the
            // conjunction ends the list; the name is not an enumeration.
            let first_word = text[last_start..last_end].split(' ').next().unwrap_or("");
            let person = gaz.is_given_name(first_word)
                && crate::names::name_at(text, last_start, gaz).is_some_and(|n| n.core_tokens >= 2);
            return if last_end > last_start && !person { last_end } else { end };
        }
        pos = piece_end;
    }
    end
}

/// Where each capitalised word of `name` starts.
fn capitalised_word_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    name.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .filter(|(_, word)| word.chars().next().is_some_and(char::is_uppercase))
        .map(|(at, _)| at)
}

/// Where in `name` the long form of `acronym` starts: the first capitalised word whose initial is
/// the acronym's and from which the acronym's capitals appear in order among the words' initials
/// and capitals, or a later one from which they are exactly those capitals ("Oficina de Sistemas
/// de Información Geográfica del Instituto Nacional de Estadística y Censos (INEC)" is about the
/// Instituto). `None` when no word fits.
fn long_form_start(name: &str, acronym: &str) -> Option<usize> {
    let acr: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).collect();
    let first = *acr.first()?;
    let mixed = acronym.chars().any(char::is_lowercase);
    let mut fitting = capitalised_word_starts(name).filter(|&s| {
        let rest = &name[s..];
        strip_accents_char(rest.chars().next().unwrap_or(' ')) == first
    });
    // Capitals of the long form, accents removed: "AGETIC" in "Agencia de Gobierno Electrónico y
    // Tecnologías de Información y Comunicación"; mixed-case acronyms ("Serpro") only need the initial.
    let capitals =
        |s: usize| -> Vec<char> { name[s..].chars().filter(|c| c.is_uppercase()).map(strip_accents_char).collect() };
    if mixed {
        return fitting.next();
    }
    let loose = fitting.find(|&s| is_subsequence(&acr, &capitals(s)))?;
    Some(fitting.find(|&s| capitals(s) == acr).filter(|_| capitals(loose) != acr).unwrap_or(loose))
}

/// Does `acronym` fit `name` as its long form from the name's first word, by its capitals or, for a
/// name opened by a body's head word, by its letters?
pub(crate) fn acronym_fits(name: &str, acronym: &str, gaz: &Gazetteers) -> bool {
    long_form_start(name, acronym) == Some(0) || headed_long_form_start(name, acronym, gaz) == Some(0)
}

/// "Ministério da Educação (MEC)", "Instituto Nacional de Tecnologias de Comunicação e Informação
/// (INTIC)": acronyms that take letters from inside words or follow another word order. A long
/// form opened by a body's head word ("Ministério", "Instituto") with the acronym's initial, whose
/// letters hold the acronym's in order, is its long form; a person's name has no such head.
fn headed_long_form_start(name: &str, acronym: &str, gaz: &Gazetteers) -> Option<usize> {
    let acr: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).collect();
    let first = *acr.first()?;
    if acr.len() < 2 {
        return None;
    }
    let mut offset = 0;
    for word in name.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        if !gaz.shapes.body_heads.contains(word) || strip_accents_char(word.chars().next().unwrap_or(' ')) != first {
            continue;
        }
        let letters: Vec<char> = name[at..].chars().filter(|c| c.is_alphabetic()).map(strip_accents_char).collect();
        return is_subsequence(&acr, &letters).then_some(at);
    }
    None
}

/// "Telecommunications Service Providers of Kenya (TESPOK)", "Danish Internet Forum (DIFO)": an
/// acronym that takes more than initials. From a capitalised word with the acronym's initial, the
/// initials of every capitalised word are in the acronym in order, and the acronym's letters are in
/// the name's letters in order. A person's initials ("Romulo Cintra (RCA)") are not: the name may
/// not open with a known given name.
fn lettered_long_form_start(name: &str, acronym: &str, gaz: &Gazetteers) -> Option<usize> {
    let acr: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).collect();
    if acr.len() < 3 || acronym.chars().any(char::is_lowercase) {
        return None;
    }
    capitalised_word_starts(name).find(|&s| {
        let rest = &name[s..];
        if gaz.is_given_name(rest.split(' ').next().unwrap_or("")) {
            return false;
        }
        let initials: Vec<char> = rest
            .split(' ')
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .map(strip_accents_char)
            .collect();
        let letters: Vec<char> = rest.chars().filter(|c| c.is_alphabetic()).map(strip_accents_char).collect();
        initials.len() >= 2
            && initials.first() == acr.first()
            && is_subsequence(&initials, &acr)
            && is_subsequence(&acr, &letters)
    })
}

fn strip_accents_char(c: char) -> char {
    acta_doc::strip_accents(&c.to_string()).chars().next().unwrap_or(c).to_uppercase().next().unwrap_or(c)
}

fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|n| it.any(|h| h == n))
}

/// "Federal Ministry of ...", "National Agency for ...": a qualifier right before a head belongs to
/// the name; a demonym ("Brazilian Ministry") does not.
fn qualified_start(text: &str, start: usize, gaz: &Gazetteers) -> usize {
    let before = &text[..start];
    match before.strip_suffix(' ').and_then(|p| p.rsplit([' ', '\n', '\t', '(']).next()) {
        Some(w) if gaz.head_qualifiers.contains(w) => start - 1 - w.len(),
        _ => start,
    }
}

/// "Stephen Chege of Safaricom PLC": a name-first body that opens with a person's name and a
/// connector is the person's body; it starts after the connector. The offset in `name` where the
/// body starts (0 when it does not open with a person).
fn after_person_of(name: &str, gaz: &Gazetteers) -> usize {
    // The first word in lower case is the connector.
    let Some(connector) = name.split(' ').position(|w| w.starts_with(char::is_lowercase)) else { return 0 };
    let before: Vec<&str> = name.split(' ').take(connector).collect();
    // Two to four capitalised words before the connector, a given name first, no body word.
    let person = (2..=4).contains(&before.len())
        && gaz.is_given_name(before[0])
        && !before.iter().any(|w| gaz.shapes.body_heads.contains(*w) || gaz.shapes.body_tails.contains(*w));
    if !person {
        return 0;
    }
    name.split(' ').take(connector + 1).map(|w| w.len() + 1).sum()
}

/// "National School of ...", "Internet Society ...": capitalised words right before a head
/// belong to the name.
fn extend_back(text: &str, start: usize, gaz: &Gazetteers) -> usize {
    let mut s = start;
    loop {
        let before = &text[..s];
        let Some(prefix) = before.strip_suffix(' ') else { return s };
        // After the last separator, which may be wider than one byte (a no-break space).
        let word_start = prefix
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || matches!(c, ',' | '(' | ':' | ';' | '"'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &prefix[word_start..];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || gaz.name_stops.contains(word) || word.ends_with('.') || word.is_empty() {
            return s;
        }
        s = word_start;
    }
}

/// Ministry and secretariat heads written in lower case ("ministère", "secretaría"), each followed
/// by a capitalised name as the ministry head-first shape reads it: (start, end) of each such name.
/// A head that is a title in the text's language followed by the name of the person holding it
/// ("la subsecretaria de Innovación Pública, Micaela Sánchez" in Spanish, where the body is
/// "subsecretaría") names a post, not a body.
fn lowercase_ministry_heads(
    text: &str,
    words: &Words,
    gaz: &Gazetteers,
    lang: Option<acta_doc::Lang>,
) -> Vec<(usize, usize)> {
    const WINDOW: usize = 300;
    let mut out = Vec::new();
    for (start, head_end, _) in gaz.shapes.lowercase_ministry_heads.find_in(text, words) {
        let title = lang.is_some_and(|l| gaz.is_title_in(&text[start..head_end], l));
        // The head with its first letter in capitals (an ASCII letter: offsets stay).
        let mut end = (start + WINDOW).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut window = text[start..end].to_string();
        window[..1].make_ascii_uppercase();
        if let Some(m) = gaz.shapes.ministry_head_first.find(&window) {
            let end = start + m.end;
            // The shape reads on over ", Capitalised": the holder's name may be inside the match.
            let comma_after = text[end..].starts_with(", ").then_some(end);
            let holder_named = text[head_end..end]
                .match_indices(", ")
                .map(|(i, _)| head_end + i)
                .chain(comma_after)
                .filter_map(|at| text[at + 2..].split(' ').next())
                .any(|first| gaz.is_given_name(first));
            // "Francisca Perales Flores, subsecretaria de Desarrollo Regional": a title right after a
            // name and its comma is the named person's post.
            let after_name = text[..start]
                .strip_suffix(", ")
                .and_then(|b| b.rsplit(' ').next())
                .is_some_and(|w| w.starts_with(char::is_uppercase) && (gaz.is_surname(w) || gaz.is_given_name(w)));
            // "la subsecretaria Ramírez destacó": a title right before a person's name (a known
            // surname or given name, no preposition between) is that person's.
            let name_right_after = text[head_end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.split([' ', ',', '.']).next())
                .is_some_and(|w| w.starts_with(char::is_uppercase) && (gaz.is_surname(w) || gaz.is_given_name(w)));
            if at_word_end(text, end) && !(title && (holder_named || after_name || name_right_after)) {
                out.push((start, end));
            }
        }
    }
    out
}

/// Matches of a head-first shape starting at every head, including heads inside an earlier
/// match ("Unit of the Ministry of ..." also yields "Ministry of ..."). Each head is matched from
/// where it starts: an unanchored search from every head also ran the regex backwards to find
/// the start, a lazy DFA that kept building new states (a tenth of the entity stage).
fn every_start(shape: &HeadFirst, text: &str, words: &Words) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for start in shape.heads.starts_in(text, words) {
        if let Some(m) = shape.find(&text[start..]) {
            let end = start + m.end;
            if at_word_end(text, end) {
                out.push((start, end));
            }
        }
    }
    out
}

/// A head-first name ends before the next head word: "Secretaría de Innovación del Ministerio de
/// Salud" is two bodies.
fn cut_at_inner_head(text: &str, start: usize, end: usize, gaz: &Gazetteers) -> usize {
    // "the Union and the World Bank": a conjunction and an article start a second name; "Ministry of
    // Justice and Department for Transport": so does the head of a government body right after one.
    let span = &text[start..end];
    let mut cut = end;
    // "Ministry of the General Secretariat of the Presidency" is one body: a ministry's name may
    // hold other heads. Below a ministry ("Unit of the Ministry of ...") a new head is a new body.
    let ministry = gaz.classes.ministry_words.iter().any(|h| span.starts_with(h.as_str()));
    // "Instituto de Tecnologia e Sociedade": a head after a conjunction is part of the same name.
    let after_conjunction = |at: usize| {
        let before = text[start..start + at].trim_end_matches([' ', '\t', ',']);
        gaz.conjunctions.iter().any(|c| before.strip_suffix(c.as_str()).is_some_and(|b| b.ends_with(' ')))
    };
    // "Secretaría General de la Presidencia", "Procuradoria-Geral da República": a head and its rank
    // alone before the inner head name no subject; the inner head is it.
    let ranked_head = |at: usize| {
        let mut words: Vec<&str> = span[..at].split([' ', '-']).filter(|w| !w.is_empty()).collect();
        while words.last().is_some_and(|w| gaz.name_connectors.contains(&w.to_lowercase())) {
            words.pop();
        }
        words.len() == 2 && gaz.classes.head_ranks.contains(words[1])
    };
    // A ministry after it is still the parent ("Secretaria-Executiva do Ministério da Saúde").
    let inner_ministry = |at: usize| {
        gaz.classes
            .ministry_words
            .iter()
            .any(|h| span[at..].trim_start_matches([' ', '\t', ',']).starts_with(h.as_str()))
    };
    // (Not looked for in a ministry's name, where it would not cut.)
    let inner = (!ministry).then(|| {
        gaz.shapes.inner_head.find_iter(span).find(|m| {
            at_word_end(span, m.end())
                && !after_conjunction(m.start())
                && (inner_ministry(m.start()) || !ranked_head(m.start()))
        })
    });
    if let Some(m) = inner.flatten() {
        // "... of the European Commission": capitalised words right before the inner head belong
        // to the second name.
        let mut at = start + m.start();
        while let Some(prev) = text[start..at].trim_end().rsplit(' ').next() {
            let capitalised = prev.chars().next().is_some_and(char::is_uppercase);
            let before = text[start..at].trim_end().len() - prev.len();
            if capitalised && before > 0 && !prev.ends_with(',') {
                at = start + before;
            } else {
                break;
            }
        }
        cut = cut.min(at);
    }
    if let Some(m) = gaz.classes.second_name.find(span) {
        cut = cut.min(start + m.start);
    }
    // "Prefeitura de Curitiba e UFPR lançam ...": a conjunction before an acronym joins a second body.
    for joint in &gaz.spaced_conjunctions {
        if let Some(i) = span.find(joint.as_str()) {
            let next = span[i + joint.len()..].split([' ', ',', '.', ';', ')']).next().unwrap_or("");
            let letters = next.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && next.chars().all(|c| !c.is_lowercase()) {
                cut = cut.min(start + i);
            }
        }
    }
    cut
}

/// Drops leading articles and role words, trailing connectors and punctuation, and anything from
/// an honorific on ("Ministry of ICT and Mr. Silva").
fn tidy(text: &str, mut start: usize, mut end: usize, gaz: &Gazetteers) -> (usize, usize) {
    // "Olga Cavalli- Nominating Committee": a dash typed against a word and then a space separates
    // what is before it (a person, a label) from the name.
    // (A byte search: a string pattern builds a searcher at each of the many names tidied.)
    if let Some(i) = text.as_bytes()[start..end].windows(2).rposition(|pair| pair == b"- ") {
        if text[start..start + i].chars().next_back().is_some_and(char::is_alphabetic) {
            start += i + 2;
        }
    }
    // "l’Internet Society", "d'Agesic": an elided article or preposition is not part of the name.
    for elision in &gaz.classes.elisions {
        if text[start..end].strip_prefix(elision).is_some_and(|rest| rest.starts_with(char::is_uppercase)) {
            start += elision.len();
            break;
        }
    }
    loop {
        let s = &text[start..end];
        let first = s.split_whitespace().next().unwrap_or("");
        if gaz.leading_noise.contains(first) && s.len() > first.len() {
            let skip = s[first.len()..].len() - s[first.len()..].trim_start().len();
            start += first.len() + skip;
            // "Head of the ..." : drop the connector words that follow too.
            while let Some(w) = text[start..end].split_whitespace().next() {
                if gaz.classes.noise_connectors.contains(w) {
                    let rest = &text[start + w.len()..end];
                    start += w.len() + (rest.len() - rest.trim_start().len());
                } else {
                    break;
                }
            }
        } else {
            break;
        }
    }
    // "00 AM Dirksen Senate Office", "2019 Government Partnership", "European Commission 2013": times
    // and years are not part of a name.
    loop {
        let s = &text[start..end];
        let first = s.split_whitespace().next().unwrap_or("");
        let numeric = !first.is_empty() && first.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'h'));
        let meridiem = gaz.classes.meridiems.contains(first);
        if (numeric || meridiem) && s.len() > first.len() {
            let rest = &s[first.len()..];
            start += first.len() + (rest.len() - rest.trim_start().len());
        } else {
            break;
        }
    }
    if let Some((head, last)) = text[start..end].rsplit_once(' ') {
        if last.len() == 4 && last.chars().all(|c| c.is_ascii_digit()) {
            end = start + head.trim_end().len();
        }
    }
    // "Civil Society SPEAKERS MARIA ...": a word in capitals that leads in a list of people, or is a
    // title ("MODERATOR"), after words in small letters starts what follows the name, not an
    // acronym in it.
    // "Centre for Internet and Society SOFÍA BERMÚDEZ LUGO — Director": a known given name in
    // capitals followed by another word in capitals starts the next entry's name.
    let mut at = start;
    let mut words = text[start..end].split(' ').peekable();
    while let Some(word) = words.next() {
        let capitals = word.chars().count() >= 3 && word.chars().all(char::is_uppercase);
        if capitals && text[start..at].contains(char::is_lowercase) {
            let lower = word.to_lowercase();
            let lead_in = gaz.lead_ins.find_all(&format!(" {} ", fold_words(word))).next().is_some();
            let name_in_capitals = words.peek().is_some_and(|next| gaz.opens_name_in_capitals(word, next));
            if lead_in || name_in_capitals || gaz.titles.longest_prefix(&lower) == Some(lower.len()) {
                end = start + text[start..at].trim_end().len();
                break;
            }
        }
        at += word.len() + 1;
    }
    // "... of Uruguay. She": a sentence ends after a word longer than an abbreviation.
    let mut search = start;
    while let Some(i) = text.as_bytes()[search..end].windows(2).position(|pair| pair == b". ") {
        let at = search + i;
        let word = text[start..at].rsplit([' ', '\t']).next().unwrap_or("");
        if word.chars().filter(|c| c.is_alphabetic()).count() > 3 && !word.contains('.') {
            end = at;
            break;
        }
        search = at + 2;
    }
    // Each cut in turn shortens the name; with none in it (most names), nothing to do.
    if gaz.classes.any_name_cut_honorific.is_match(&text[start..end]) {
        for cut in &gaz.classes.name_cut_honorifics {
            if let Some(i) = text[start..end].find(cut.as_str()) {
                end = start + i;
            }
        }
    }
    if text[start..end].ends_with("'s") || text[start..end].ends_with("’s") {
        end -= 2 + usize::from(text[start..end].ends_with("’s")) * 2;
    }
    let s = &text[start..end];
    let trimmed =
        s.trim_end_matches(|c: char| c == ',' || c == ' ' || c == '.' && !s.ends_with("S.A.") && !s.ends_with("Inc."));
    let mut end = start + trimmed.len();
    // Trailing connectors ("... of the").
    loop {
        let s = &text[start..end];
        match s.rsplit_once(' ') {
            Some((head, last)) if gaz.trailing_connectors.contains(last) => {
                end = start + head.trim_end_matches([' ', ',']).len()
            }
            _ => break,
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        find_by_shape(text).into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn a_name_enumerating_its_subjects_goes_on_after_its_commas() {
        let names: Vec<String> =
            found("el Instituto de Geografía, Catastro y Recursos Hídricos, y la Fundación Mar Abierto, Juan Ruiz")
                .into_iter()
                .map(|(n, _)| n)
                .collect();
        assert!(names.contains(&"Instituto de Geografía, Catastro y Recursos Hídricos".to_string()), "{names:?}");
        // A comma and a name with no conjunction after it is not an enumeration, nor are other
        // bodies after a name that is not one of subjects.
        assert!(names.contains(&"Fundación Mar Abierto".to_string()), "{names:?}");
        let names: Vec<String> =
            found("con la Fundación Sadosky, Globant y Mercado Libre").into_iter().map(|(n, _)| n).collect();
        assert!(names.contains(&"Fundación Sadosky".to_string()), "{names:?}");
    }

    #[test]
    fn a_ministry_written_with_its_head_in_lower_case() {
        let names: Vec<(String, EntityKind)> =
            found("Selon le ministère de la Transition écologique et la secretaría de Hacienda, el ministerio exige");
        assert!(names.contains(&("ministère de la Transition".to_string(), EntityKind::Ministry)), "{names:?}");
        assert!(names.contains(&("secretaría de Hacienda".to_string(), EntityKind::Ministry)), "{names:?}");
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_dash_typed_against_a_word_is_not_in_the_name() {
        let names: Vec<String> =
            found("Rosa Quintero- Steering Committee member").into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["Steering Committee"]);
    }

    #[test]
    fn ministries_in_four_languages() {
        let f = found("Secretary of ICT at the Ministry of Planning, Development and Management of Brazil\n");
        assert!(
            f.contains(&("Ministry of Planning, Development and Management of Brazil".into(), EntityKind::Ministry)),
            "{f:?}"
        );
        let f = found("Head of the Digital Government Unit of the Ministry of Public Administration of Mexico");
        assert!(f.contains(&("Digital Government Unit".into(), EntityKind::Ministry)), "{f:?}");
        assert!(f.contains(&("Ministry of Public Administration of Mexico".into(), EntityKind::Ministry)), "{f:?}");
        let f = found("Directora del Ministerio de Economía y Finanzas de Uruguay");
        assert!(f.contains(&("Ministerio de Economía y Finanzas de Uruguay".into(), EntityKind::Ministry)), "{f:?}");
        let f = found("Chef de projet au Ministère de l'Économie numérique du Sénégal");
        assert!(
            f.contains(&("Ministère de l'Économie numérique du Sénégal".into(), EntityKind::Ministry))
                || f.iter().any(|(n, _)| n.starts_with("Ministère de l'Économie")),
            "{f:?}"
        );
        let f = found("of the office of the President of Mexico");
        assert!(f.contains(&("office of the President of Mexico".into(), EntityKind::Ministry)), "{f:?}");
    }

    #[test]
    fn organisations() {
        let f = found("Professor at the University of Lisbon and at Simón Bolívar University");
        assert!(f.contains(&("University of Lisbon".into(), EntityKind::Organization)), "{f:?}");
        assert!(f.contains(&("Simón Bolívar University".into(), EntityKind::Organization)), "{f:?}");
        let f = found("the Instituto de Tecnologia e Sociedade (ITS) presented");
        assert!(f.iter().any(|(n, _)| n == "Instituto de Tecnologia e Sociedade"), "{f:?}");
        // Companies by their legal form, written with or without stops.
        let f = found("Sponsors: Kestrel Farming Limited, Verdal Redes SA, Olmo Datos S.A.");
        for name in ["Kestrel Farming Limited", "Verdal Redes SA", "Olmo Datos S.A."] {
            assert!(f.iter().any(|(n, _)| n == name), "{name}: {f:?}");
        }
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        find_by_shape(text).into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn networks_of_regulators_are_organisations() {
        let f = kinds("J. PEREIRA: The Ibero-American Data Protection Network is working on common standards.");
        assert!(f.iter().all(|(_, k)| *k == EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn acronym_pairs_are_the_bounded_patterns_matches() {
        let long = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi (XNU)";
        for text in [
            "The Agencia de Gobierno Electrónico y Sociedad de la Información (AGESIC) and the Internet Society (ISOC) met.",
            long,
            "Panel: Fabrizio Scrollini (ILDA), Ana Ruiz (2019) and the Open Data Charter (ODC).",
            "Eleven words exactly: One Two Three Four Five Six Seven Eight Nine Ten Eleven (OTT) here.",
            // Long runs: connectors between the capitals, a capital inside a word, capitals only.
            "la Secretaría de Estado de Telecomunicaciones y Sociedad de la Información del Ministerio de Asuntos Económicos y Transformación Digital del Gobierno de España (SETSI)",
            "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda McDonald Nu Xi Omicron Pi Rho (PRO)",
            "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota McDonald Nu Xi Omicron (XOM) and 2019 Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa (AK)",
            "CONSEJO NACIONAL DE LA SOCIEDAD DE LA INFORMACIÓN Y DEL CONOCIMIENTO DE LA REPÚBLICA ORIENTAL DEL URUGUAY Y SUS MUNICIPIOS (CONASIC)",
        ] {
            let ours: Vec<(&str, &str)> = acronym_pairs(text, &Gazetteers::bundled()).iter().map(|(n, a)| (n.as_str(), a.as_str())).collect();
            let bounded: Vec<(&str, &str)> =
                Gazetteers::bundled().shapes.with_acronym.captures_iter(text).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str())).collect();
            assert_eq!(ours, bounded, "{text}");
        }
        // A name longer than eleven words: the bounded pattern's match, its last words.
        assert!(
            acronym_pairs(long, &Gazetteers::bundled())[0].0.as_str().starts_with("Delta"),
            "{:?}",
            acronym_pairs(long, &Gazetteers::bundled())[0].0.as_str()
        );
    }

    #[test]
    fn bodies_named_in_lines_in_capitals() {
        let text = "ACTA DE LA SESIÓN DEL CONSEJO NACIONAL DE DATOS ABIERTOS\nPRESIDENCIA DE SEÑORES ANA RUIZ, PRESIDENTA\nThe board met.\n";
        let found: Vec<&str> =
            shapes_in_capital_lines(text, &Gazetteers::bundled()).iter().map(|m| &text[m.start..m.end]).collect();
        // The council, named as written; forms of address and titles end a name as in prose.
        assert_eq!(found, ["CONSEJO NACIONAL DE DATOS ABIERTOS"]);
        assert_eq!(
            title_cased("ACTA DE LA SESIÓN DEL CONSEJO", &Gazetteers::bundled()),
            "acta de la sesión del Consejo"
        );
        // Letters whose other case is longer or shorter stay as written: offsets hold.
        let odd = "İSTANBUL GROẞE MINISTERIO DE ENERGÍA Y CIENCIA";
        assert_eq!(title_cased(odd, &Gazetteers::bundled()).len(), odd.len());
        let text = format!("{odd}\n");
        let found: Vec<&str> =
            shapes_in_capital_lines(&text, &Gazetteers::bundled()).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["MINISTERIO DE ENERGÍA Y CIENCIA"]);
        // A heading's words before a head read first, and the kind of document, are not the body's.
        let text = "INFORME ANUAL MINISTERIO DE SALUD PÚBLICA\nMINUTES NATIONAL COMMUNICATIONS AUTHORITY\n";
        let found: Vec<&str> =
            shapes_in_capital_lines(text, &Gazetteers::bundled()).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["MINISTERIO DE SALUD PÚBLICA", "NATIONAL COMMUNICATIONS AUTHORITY"]);
    }
}
