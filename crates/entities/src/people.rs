//! People: speaker entries, honorific + name, known given names, names in apposition to titles, names before
//! verbs of speech. Reads the places and bodies found before, so that a name is never inside one.

use foldhash::HashMap;

use acta_doc::{fold, ByteRange, EntityKind, EntitySource, ListEntry, Report};

use crate::acronyms::initials_of;
use crate::bodies::*;
use crate::body_checks::holds_title;
use crate::clusters::*;
use crate::extract::{Collector, Scans};
use crate::gazetteer::{word_bounded, Gazetteers, Place};
use crate::names::{honorific_at, name_after_honorific, name_at, NameMatch};
use crate::participants::{apposition_after_name, ceil, Prose};
use crate::words::in_capitals;

/// Whether the first verb of speech in `after` starts at its second byte and is a whole word: "Name
/// dijo". Checked where it would be, not by searching the rest of the report.
pub(crate) fn speech_verb_after_space(after: &str, gaz: &Gazetteers) -> bool {
    let verbs = &gaz.speech_verbs;
    if verbs.longest_prefix(after).is_some() {
        return false;
    }
    after.get(1..).and_then(|rest| verbs.longest_prefix(rest)).is_some_and(|len| word_bounded(after, 1, 1 + len))
}

/// How far before a verb of speech, or after a title, a name is looked for.
pub(crate) const NAME_WINDOW: usize = 100;
/// How long the rest of a title set off by commas before a name may be ("le directeur général de
/// l'Autorité de régulation des télécommunications et des postes (ARTP), Gorgui Ndiaye,"), in bytes.
const TITLE_CLAUSE_BYTES: usize = 110;
/// How many names after a known one a list of names is read for.
const MAX_LIST_ITEMS: usize = 12;

/// A person mention before clustering.
pub(crate) struct PersonCandidate {
    pub(crate) range: ByteRange,
    /// The name in reading order when the text writes it otherwise ("Benítez Arce, Lucía").
    pub(crate) display: Option<String>,
    pub(crate) honorific: bool,
    pub(crate) core_tokens: usize,
    pub(crate) source: EntitySource,
}

impl PersonCandidate {
    /// A name found by a pattern of the text around it (a title, a verb of speech), with no
    /// honorific and written in reading order.
    fn found_by_pattern(range: ByteRange, core_tokens: usize) -> Self {
        PersonCandidate { range, display: None, honorific: false, core_tokens, source: EntitySource::Pattern }
    }
}

pub(crate) fn people(report: &Report, entries: &[ListEntry], gaz: &Gazetteers, scans: &Scans, c: &mut Collector) {
    let text = &report.text;
    let blocked = [EntityKind::Ministry, EntityKind::Organization, EntityKind::Country, EntityKind::Region];
    let mut cands: Vec<PersonCandidate> = Vec::with_capacity(64);
    for p in entries {
        if !c.overlaps(p.name, &blocked) {
            cands.push(PersonCandidate {
                range: p.name,
                display: p.display.clone(),
                honorific: p.honorific.is_some(),
                core_tokens: p.core_tokens,
                source: EntitySource::Field,
            });
        }
        // "Founder, Women in Tech Africa", "fondatrice de Janngo": in an entry, a capitalised last
        // part that no pattern knows is the organisation.
        let has_institution = c
            .overlapping(p.rest)
            .any(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization) && p.rest.contains(&m.range));
        // "(PDT-AM)": a member's party and state, not a body called "PDT-AM".
        if let Some(party) = parenthesis_of(text, p.name).and_then(|inside| party_and_state(text, inside, gaz)) {
            add_late_organization(c, text, gaz, party, EntitySource::Field);
        } else if !has_institution {
            // An entry written as a block of lines names its body on the last line, first.
            let rest = match crate::entries::block_last_line(p.rest.slice(text)) {
                Some(line) => {
                    let start = p.rest.end - line.len();
                    ByteRange { start, end: start + crate::entries::block_body(line).len() }
                }
                None => p.rest,
            };
            // A title written before the name ("el Director de Obras Municipales, don Pedro ...")
            // is read as prose is: its "de X" is the title's subject, not a body.
            let after_name = p.rest.start >= p.name.end;
            if let Some(org) = entry_organization(text, rest, gaz, after_name) {
                add_late_organization(c, text, gaz, org, EntitySource::Field);
            }
        }
    }
    // Honorific + name anywhere in the text. The language at a position only matters for
    // French-only honorifics ("M."), so it is looked up only when some part of the report is French.
    let french = acta_doc::Lang::FR;
    let maybe_french = report.main_language() == Some(french)
        || report.sections.iter().any(|s| s.language == Some(french))
        || report.language_spans.iter().any(|s| s.language == french);
    let lang_at = |pos: usize| if maybe_french { report.language_at(pos) } else { report.main_language() };
    let capitalised = scans.words.starts().filter(|&i| text[i..].chars().next().is_some_and(char::is_uppercase));
    for i in capitalised {
        let Some((_, _, after)) = honorific_at(text, i, gaz, lang_at(i)) else {
            if let Some(n) = name_after_capitalised_title(text, i, gaz) {
                if !c.overlaps(n.range, &blocked) {
                    cands.push(PersonCandidate::found_by_pattern(n.range, n.core_tokens));
                }
            }
            continue;
        };
        let mut pos = after;
        while let Some((_, _, a)) = honorific_at(text, pos, gaz, lang_at(pos)) {
            pos = a;
        }
        // "o Senhor Vereador João Rodrigues", "los señores Diputados ...": a title between the
        // form of address and the name is no part of the name.
        pos = past_capitalised_title(text, pos, gaz);
        if let Some(n) = name_after_honorific(text, pos, gaz) {
            // "Alessandra Silveira, Professora Universitária": after a name and a comma, an honorific
            // that is also a title is the title, and one word alone after it is a name only when it
            // is a known one ("Ambassador Squeff recalled" keeps its unknown surname).
            let honorific = text[i..after].trim();
            let after_comma = text[..i].trim_end_matches(' ').ends_with(',');
            let also_title = after_comma && !honorific.ends_with('.') && gaz.is_title(honorific);
            let word = n.range.slice(text);
            let unknown_word = n.core_tokens == 1 && !gaz.is_surname(word) && !gaz.is_given_name(word);
            if also_title && unknown_word {
                continue;
            }
            // "Honourable Ministers of Government": a title alone, or in the plural, is no name.
            if n.core_tokens == 1 && gaz.is_title_or_plural(word) {
                continue;
            }
            if !c.overlaps(n.range, &blocked) {
                cands.push(PersonCandidate {
                    range: n.range,
                    display: None,
                    honorific: true,
                    core_tokens: n.core_tokens,
                    source: EntitySource::Pattern,
                });
            }
        }
    }
    // "Maurice KONATE" in a text that writes surnames in capitals: a person, even where the given
    // name is also a country's.
    for n in &scans.caps_names {
        if c.overlaps(n.range, &[EntityKind::Ministry, EntityKind::Organization]) {
            continue;
        }
        c.remove_overlapping(n.range, &[EntityKind::Country, EntityKind::Region]);
        let core = n.range.slice(text).split(' ').count();
        cands.push(PersonCandidate::found_by_pattern(n.range, core));
    }
    // ">> C. MASSANGO: Excellencies": a transcript's turn opened by a speaker's name in capitals.
    // A label of someone named in full elsewhere ("C. BOTERO" of "Carolina Botero") adds no one.
    let labels = crate::caps_surnames::turn_labels_in_capitals(text, gaz);
    if !labels.is_empty() {
        // The surnames of the names of two words or more found so far, once, not at each turn.
        let mut named: foldhash::HashSet<String> = cands
            .iter()
            .filter_map(|p| fold(p.range.slice(text)).rsplit_once(' ').map(|(_, last)| last.to_string()))
            .collect();
        for (range, words) in labels {
            let surname = fold(range.slice(text).rsplit(' ').next().unwrap_or(""));
            if !named.contains(&surname) && !c.overlaps(range, &blocked) {
                named.insert(surname);
                cands.push(PersonCandidate::found_by_pattern(range, words));
            }
        }
    }
    // Names in prose that start with a known given name ("Victor Lagunes", "Ana Paula dos Santos").
    for (range, core) in gazetteer_names(text, gaz) {
        if !c.overlaps(range, &blocked) {
            cands.push(PersonCandidate {
                range,
                display: None,
                honorific: false,
                core_tokens: core,
                source: EntitySource::Gazetteer,
            });
        }
    }
    // "la ministra de Ciencia, Aisén Etcheverry, destacó": a name set off by commas after a title.
    for &(title_start, title_end) in &scans.titles {
        // The comma comes within a short title ("la ministra de Ciencia, "): look only that far.
        let mut limit = (title_end + TITLE_CLAUSE_BYTES + NAME_WINDOW).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let Some(mut comma) = text[title_end..limit].find(", ").map(|i| title_end + i) else { continue };
        // "la ministra de Ciencia, Tecnología, Conocimiento e Innovación, señora Aisén ...": the
        // subjects of a title listed with commas are the title's; the name comes after them.
        while let Some(next) = text[comma + 2..limit].find(", ").map(|i| comma + 2 + i) {
            let piece = &text[comma + 2..next];
            let subjects = piece.split(' ').all(|w| {
                w.starts_with(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase)
                    || gaz.conjunctions.iter().any(|c| c == w)
            });
            // One word, or two joined by a conjunction: two capitalised words alone are a name.
            let words = piece.split(' ').count();
            let one_subject = words == 1
                || words == 3 && piece.split(' ').nth(1).is_some_and(|w| gaz.conjunctions.iter().any(|c| c == w));
            if !(subjects && one_subject) || gaz.is_given_name(piece.split(' ').next().unwrap_or("")) {
                break;
            }
            comma = next;
        }
        let between = &text[title_end..comma];
        if between.len() > TITLE_CLAUSE_BYTES || between.contains(['.', ';', ':', '\n']) {
            continue;
        }
        let mut start = comma + 2;
        // "le directeur, Monsieur Abdou Karim SALL.": the honorific is found with its name above.
        while let Some((_, _, after)) = honorific_at(text, start, gaz, lang_at(start)) {
            start = after;
        }
        // Set off by commas after a title, a first word that is also a common word is a given
        // name ("cuyo presidente, Julio Pérez Alván, pidió").
        let Some(n) = name_after_honorific(text, start, gaz) else { continue };
        let after = &text[n.range.end..];
        let closes =
            after.starts_with([',', ';', '.']) || after.starts_with(" (") || speech_verb_after_space(after, gaz);
        // "Head of Unit, Knowledge Base, DG CONNECT": the next piece of an entry, in capitals or
        // followed by another capitalised piece, is no person unless the gazetteers know a word of
        // it as a name ("la ministra de Ciencia, Aisén Etcheverry, destacó" stays a person).
        let words: Vec<&str> = n.range.slice(text).split(' ').collect();
        let known = words.iter().any(|w| gaz.is_given_name(w) || gaz.is_surname(w));
        let in_capitals = words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
        let piece_follows = after.strip_prefix(", ").is_some_and(|a| a.starts_with(char::is_uppercase));
        // "Silkie Carlo, Director, Big Brother Watch, said": a title set off after a name is that
        // person's, and what follows it is their body unless it opens with a known given name.
        let after_a_name = text[..title_start]
            .strip_suffix(", ")
            .and_then(|before| name_ending_at(text, before.len(), gaz))
            .is_some_and(|(_, core)| core >= 2);
        let known_first = words.first().is_some_and(|w| gaz.is_given_name(w));
        let person_shaped = if after_a_name { known_first } else { known || !in_capitals && !piece_follows };
        // "la secretaria de Educación, Mauricio Alviar,": set off after a title, a first word that
        // is also a country's name ("Mauricio" is Mauritius in Spanish) is a given name; a country
        // named in full there ("Minister of Trade, Costa Rica,") is not.
        let first_word = ByteRange { start: n.range.start, end: n.range.start + words.first().map_or(0, |w| w.len()) };
        let country_is_first_word = c
            .overlapping(n.range)
            .filter(|m| matches!(m.kind, EntityKind::Country))
            .all(|m| first_word.contains(&m.range));
        let other_blocks = c.overlaps(n.range, &[EntityKind::Ministry, EntityKind::Organization, EntityKind::Region]);
        if n.core_tokens >= 2 && closes && person_shaped && country_is_first_word && !other_blocks {
            c.remove_overlapping(first_word, &[EntityKind::Country]);
            cands.push(PersonCandidate::found_by_pattern(n.range, n.core_tokens));
        }
    }
    // "chaired by Nyeri Governor Mutahi Kahiga.", "Senator Ama Owusu, who ...": a name of two or
    // three capitalised words right after a capitalised title, closed by a stop, a comma, a
    // parenthesis or a verb of speech, in prose.
    for &(title_start, title_end) in &scans.titles {
        if !text[title_start..].starts_with(char::is_uppercase) || !text[title_end..].starts_with(' ') {
            continue;
        }
        let start = title_end + 1;
        if !text[start..].starts_with(char::is_uppercase) || honorific_at(text, start, gaz, lang_at(start)).is_some() {
            continue;
        }
        let Some(n) = name_after_honorific(text, start, gaz) else { continue };
        let words: Vec<&str> = n.range.slice(text).split(' ').collect();
        let after = &text[n.range.end..];
        let closes =
            after.starts_with(['.', ',', ';']) || after.starts_with(" (") || speech_verb_after_space(after, gaz);
        let plain_words = words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
                && !gaz.is_title(w)
                && !gaz.shapes.body_heads.contains(*w)
                && !gaz.shapes.body_tails.contains(*w)
        });
        let prose = text[..title_start].trim_end().ends_with(|c: char| c.is_alphabetic());
        if (2..=3).contains(&n.core_tokens)
            && words.len() == n.core_tokens
            && closes
            && plain_words
            && prose
            && !c.overlaps(n.range, &blocked)
        {
            cands.push(PersonCandidate::found_by_pattern(n.range, n.core_tokens));
        }
    }
    // "my name is Gunela Astbrink", "me llamo ...": two to four capitalised words after a phrase a
    // speaker introduces themselves with are their name.
    for (at, start, ()) in gaz.classes.self_introductions.find_all(&scans.lower) {
        let word_start = at == 0 || !scans.lower[..at].ends_with(char::is_alphanumeric);
        if !word_start || !text[start..].starts_with(char::is_uppercase) {
            continue;
        }
        let Some(n) = name_after_honorific(text, start, gaz) else { continue };
        let plain = n.range.slice(text).split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !gaz.is_title(w)
                && !gaz.shapes.body_heads.contains(w)
                && !gaz.shapes.body_tails.contains(w)
        });
        if (2..=4).contains(&n.core_tokens) && plain && !c.overlaps(n.range, &blocked) {
            cands.push(PersonCandidate::found_by_pattern(n.range, n.core_tokens));
        }
    }
    // Capitalised names right before a verb of speech.
    for &(verb_start, _) in &scans.speech_verbs {
        if let Some(n) = name_before(text, verb_start, gaz) {
            // "M. Konaté a expliqué": in French "M." is Monsieur, found above with its honorific.
            if honorific_at(text, n.0.start, gaz, lang_at(n.0.start)).is_some() {
                continue;
            }
            if n.1 >= 2 && !c.overlaps(n.0, &blocked) {
                cands.push(PersonCandidate::found_by_pattern(n.0, n.1));
            }
        }
    }
    // "Santiago Hazim, director ejecutivo del Seguro Nacional": a name set off by a comma before a
    // title (lower case, or capitalised at the start of its part) is the person holding it.
    for &(title_start, _) in &scans.titles {
        let Some(before) = text[..title_start].strip_suffix(", ") else { continue };
        let Some(mut n) = name_before(text, before.len() + 1, gaz).or_else(|| name_ending_at(text, before.len(), gaz))
        else {
            continue;
        };
        // "Intervient Jean-Sébastien Bartos, responsable": a capitalised word before a known given
        // name (a verb at the start of a sentence, a label) is not the person's.
        let words: Vec<&str> = n.0.slice(text).split(' ').collect();
        if words.len() >= 3 && !gaz.is_given_name(words[0]) && !gaz.is_surname(words[0]) {
            if let Some(i) = (1..words.len() - 1).find(|&i| gaz.is_given_name(words[i])) {
                let skipped: usize = words[..i].iter().map(|w| w.len() + 1).sum();
                n.0.start += skipped;
                n.1 = words.len() - i;
            }
        }
        if n.1 >= 2 && !c.overlaps(n.0, &blocked) && honorific_at(text, n.0.start, gaz, lang_at(n.0.start)).is_none() {
            cands.push(PersonCandidate::found_by_pattern(n.0, n.1));
        }
    }
    // Before the bodies in apposition, so that "(PT-RS)" gives the party, not "PT-RS".
    let parties: Vec<ByteRange> =
        cands.iter().filter_map(|p| party_and_state(text, parenthesis_of(text, p.range)?, gaz)).collect();
    for party in parties {
        add_late_organization(c, text, gaz, party, EntitySource::Pattern);
    }
    // "Fabrizio Scrollini (ILDA)", "Juan Manuel Casanueva (SocialTIC, Mexico)", "Luiz Gaiger, Abet":
    // an affiliation in parentheses or in apposition right after a name, that no pattern knows.
    let prose = Prose { text, lower: &scans.lower, bodies: &[] };
    // The candidates' ranges sorted: whether another starts where an apposition does is a search.
    let mut cand_ranges: Vec<ByteRange> = cands.iter().map(|q| q.range).collect();
    cand_ranges.sort_unstable();
    for p in &cands {
        if p.source == EntitySource::Field {
            continue;
        }
        let Some(r) = apposition_after_name(&prose, p.range, gaz) else {
            continue;
        };
        let has_institution =
            c.overlapping(r).any(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization));
        // "Presentes os vereadores: Ana Lúcia Prado, Benedito Soares, ...": an apposition that opens
        // with another person's name is the next person of a list.
        let starting = &cand_ranges[cand_ranges.partition_point(|q| q.start < r.start)..];
        let another_person = starting.iter().take_while(|q| q.start == r.start).any(|q| *q != p.range);
        if r.len() > 120 || r.slice(text).contains('\n') || has_institution || another_person {
            continue;
        }
        // In prose "of X" after a title is the title's jurisdiction ("Minister of Information from
        // Bangladesh"), not a body: only a part of its own is read as one.
        if let Some(org) =
            entry_organization(text, r, gaz, false).filter(|o| !initials_of(p.range.slice(text), o.slice(text)))
        {
            add_late_organization(c, text, gaz, org, EntitySource::Pattern);
        }
    }
    // After them, so that the other members' parties are known.
    for party in short_parties(text, gaz, &cands, c) {
        add_late_organization(c, text, gaz, party, EntitySource::Pattern);
    }
    // "Nadia Corvell, Director, Civic Green Watch, said": a name found in a body read from an
    // apposition only now ("Green Watch" before "said") is part of that body.
    cands.retain(|p| p.source == EntitySource::Field || !c.overlaps(p.range, &blocked));
    let listed = names_listed_with_people(text, gaz, &cands, c);
    cands.extend(listed);
    for p in &mut cands {
        if let Some(start) = unknown_given_name_before(text, p, gaz) {
            p.range.start = start;
            p.core_tokens += 1;
        }
    }
    // "Councillors Owen Price, Tessa Moyo": a title in the plural opening a name is the list's.
    for p in &mut cands {
        let name = p.range.slice(text);
        if let Some((first, rest)) = name.split_once(' ') {
            let plural_title = !gaz.is_title(first) && gaz.is_title_or_plural(first) && !gaz.is_given_name(first);
            if plural_title && p.core_tokens >= 3 && p.display.is_none() && rest.starts_with(char::is_uppercase) {
                p.range.start += first.len() + 1;
                p.core_tokens -= 1;
            }
        }
    }
    // "Addis Ababa, Ethiopia, 9 October 2024 –": a dateline's city is no person.
    cands.retain(|p| !is_dateline_place(text, p.range, c));
    // "Segundo Mascarenhas, a meta é ...": a word that cites someone ("segundo", "selon") opening a
    // sentence is no given name: the surname after it is someone named in full elsewhere, found
    // with that name's other mentions.
    cands.retain(|p| !opens_with_a_citing_word(text, p, gaz));
    cluster_people(text, &scans.words, cands, c);
}

/// Is this a name of two words opened, at a sentence's start, by a word that alone is a phrase
/// citing someone ("Segundo Mascarenhas," "Selon Dupont,"), in a text that names someone else of
/// that surname?
fn opens_with_a_citing_word(text: &str, p: &PersonCandidate, gaz: &Gazetteers) -> bool {
    if p.core_tokens != 2 || p.display.is_some() {
        return false;
    }
    let Some((first, surname)) = p.range.slice(text).split_once(' ') else { return false };
    let before = text[..p.range.start].trim_end_matches([' ', '\t']);
    let sentence_start = before.is_empty() || before.ends_with(['.', '\n', '!', '?', '"', '“', '«']);
    if !sentence_start {
        return false;
    }
    let lower = first.to_lowercase();
    if !gaz.mention_cues.find_all(&lower).any(|(start, end, ())| start == 0 && end == lower.len()) {
        return false;
    }
    let surname_start = p.range.start + first.len() + 1;
    text.match_indices(surname)
        .any(|(i, _)| i != surname_start && text[..i].ends_with(' ') && !text[..i].ends_with(&format!("{first} ")))
}

/// A name followed by a country and then a date or a dash, at the start of a line: the place of a
/// dateline ("Addis Ababa, Ethiopia, 9 October 2024 –", "Santa Cruz, Bolivia –").
fn is_dateline_place(text: &str, name: ByteRange, c: &Collector) -> bool {
    let before = text[..name.start].trim_end_matches([' ', '\t']);
    let line_start = before.is_empty() || before.ends_with('\n');
    if !line_start || !text[name.end..].starts_with(", ") {
        return false;
    }
    let country_start = name.end + 2;
    let Some(country) = c
        .overlapping(ByteRange { start: country_start, end: country_start + 1 })
        .find(|m| m.kind == EntityKind::Country && m.range.start == country_start)
    else {
        return false;
    };
    let rest = &text[country.range.end..];
    let dated = rest.strip_prefix(", ").is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()));
    let dashed = [" – ", " - ", " — "].iter().any(|d| rest.starts_with(d));
    dated || dashed
}

/// How many words before a name a title's apposition is looked for in.
const MAX_APPOSITION_WORDS: usize = 10;

/// "la secretária Mauricélia Montenegro Barros", "la ministra de Salud, Xiomara Quintero Páez": a
/// name found without its first word (no list knows it), right after a title or a title's
/// apposition, starts with the capitalised word before it: a given name of its own, or the first
/// part of a compound one ("Vereadores Altino José ..."). The name's new start, `None` when
/// nothing so placed is before it.
fn unknown_given_name_before(text: &str, p: &PersonCandidate, gaz: &Gazetteers) -> Option<usize> {
    let name = p.range.slice(text);
    if p.display.is_some() || name.contains('\n') {
        return None;
    }
    let before = text[..p.range.start].strip_suffix(' ')?;
    let word_start = before.rfind([' ', '\n', '(', '"', '“']).map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && chars.all(|c| c.is_lowercase() || c == '-');
    if !capitalised
        || gaz.is_title_or_plural(word)
        || gaz.honorific(word).is_some()
        || gaz.is_name_stopword(word)
        || gaz.months.contains(&fold(word))
        || gaz.country_named(word).is_some()
        || gaz.find_places(word).next().is_some()
        || gaz.shapes.body_heads.contains(word)
        || gaz.shapes.body_tails.contains(word)
        || gaz.generic_body_words.contains(&fold(word))
    {
        return None;
    }
    // What stands before it: a title ("secretária"), or a comma after a clause that holds one.
    let rest = text[..word_start].trim_end_matches(' ');
    let previous = rest.rsplit([' ', '\n']).next().unwrap_or("");
    // "os Senhores Vereadores Altino José Magalhães Bessa": before a known given name too, a
    // compound given name's first part.
    let after_title = gaz.is_title_or_plural(previous);
    let after_apposition = rest.strip_suffix(',').is_some_and(|clause| {
        let clause_start = clause.rfind(['.', ';', ':', '\n', '(']).map_or(0, |i| i + 1);
        // The title's apposition is the clause's end: its last words ("contou com a participação
        // da secretária estadual de Ciência, Tecnologia e Inovação,").
        let words: Vec<&str> = clause[clause_start..].split_whitespace().collect();
        let last = &words[words.len().saturating_sub(MAX_APPOSITION_WORDS)..];
        last.iter().any(|w| w.starts_with(char::is_lowercase) && gaz.is_title(w))
    });
    (after_title || after_apposition).then_some(word_start)
}

/// "Councillor Sunita Bhardwaj", "Mayor Patricia Oyelaran": a capitalised title used as a form of
/// address, one word, then a name of two or three words that no list knows (a known one is found
/// by its given name; one word alone, "Mayor Oyelaran", may be anything). Not after a second
/// title ("Director General ...").
fn name_after_capitalised_title(text: &str, pos: usize, gaz: &Gazetteers) -> Option<NameMatch> {
    let word_end = text[pos..].find(|c: char| !c.is_alphabetic()).map_or(text.len(), |i| pos + i);
    let word = &text[pos..word_end];
    if !(word.chars().skip(1).all(char::is_lowercase) && word.chars().count() >= 4 && gaz.is_title(word)) {
        return None;
    }
    let after = text[word_end..].strip_prefix(' ')?;
    let next = after.split([' ', '\n', ',']).next().unwrap_or("");
    if !next.starts_with(char::is_uppercase) || gaz.is_title_or_plural(next) {
        return None;
    }
    // Two or three capitalised words and nothing capitalised after them: longer runs are a
    // headline in title case or two names run together ("Member Rosa Alvar Quintero Paul Hewitt"),
    // and a lower-case word inside ("Profesor Asistente de Dedicación Exclusiva") a title's rest.
    let n = name_after_honorific(text, word_end + 1, gaz)?;
    let name = n.range.slice(text);
    let words_after = text[n.range.end..].trim_start_matches([' ', ',']);
    let capital_after = !text[n.range.end..].starts_with(['\n', ',']) && words_after.starts_with(char::is_uppercase);
    let known_given_name = name.split_whitespace().next().is_some_and(|w| gaz.is_given_name(w));
    (!known_given_name
        && (2..=3).contains(&n.core_tokens)
        && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && !capital_after)
        .then_some(n)
}

/// Where the name starts after a capitalised title at `pos` followed by a space and a capital
/// ("Vereador João Rodrigues"); `pos` itself when no such title is there.
fn past_capitalised_title(text: &str, pos: usize, gaz: &Gazetteers) -> usize {
    let word_end = text[pos..].find(|c: char| !c.is_alphabetic() && c != '-').map_or(text.len(), |i| pos + i);
    let word = &text[pos..word_end];
    let capitalised = word.starts_with(char::is_uppercase) && word.chars().skip(1).any(char::is_lowercase);
    match text[word_end..].strip_prefix(' ') {
        Some(next) if capitalised && next.starts_with(char::is_uppercase) && gaz.is_title_or_plural(word) => {
            word_end + 1
        }
        _ => pos,
    }
}

/// "intervenciones de Ernesto Peralta, Claudia del Pozo, Yunive Moreno y José Santos": in a list
/// of names joined by commas and conjunctions, with two or more people already found, a name no
/// list knows is a person too.
fn names_listed_with_people(
    text: &str,
    gaz: &Gazetteers,
    cands: &[PersonCandidate],
    c: &Collector,
) -> Vec<PersonCandidate> {
    let blocked = [EntityKind::Ministry, EntityKind::Organization, EntityKind::Country, EntityKind::Region];
    let known: HashMap<usize, usize> = cands.iter().map(|p| (p.range.start, p.range.end)).collect();
    let mut out = Vec::new();
    let mut starts: Vec<usize> = known.keys().copied().collect();
    starts.sort_unstable();
    let mut done_until = 0;
    for start in starts {
        if start < done_until {
            continue;
        }
        let mut end = known[&start];
        let mut people = 1;
        let mut unknown: Vec<NameMatch> = Vec::new();
        for _ in 0..MAX_LIST_ITEMS {
            let rest = &text[end..];
            let sep = if let Some(r) = rest.strip_prefix(", ") {
                let word = r.split(' ').next().unwrap_or("");
                if gaz.conjunctions.iter().any(|c| c == word) {
                    2 + word.len() + 1
                } else {
                    2
                }
            } else if let Some(r) = rest.strip_prefix(' ') {
                let word = r.split(' ').next().unwrap_or("");
                if gaz.conjunctions.iter().any(|c| c == word) {
                    1 + word.len() + 1
                } else {
                    break;
                }
            } else {
                break;
            };
            let at = (end + sep).min(text.len());
            if let Some(&e) = known.get(&at) {
                people += 1;
                end = e;
                continue;
            }
            let Some(n) = name_after_honorific(text, at, gaz) else { break };
            let after = &text[n.range.end..];
            // An item of the list ends at a separator ("Executive Assistant to the Chair" is no item).
            let next_word = after.strip_prefix(' ').map(|a| a.split(' ').next().unwrap_or(""));
            let closes = after.is_empty()
                || after.starts_with([',', ';', '.', ')', '\n'])
                || next_word.is_some_and(|w| gaz.conjunctions.iter().any(|c| c == w));
            let place = gaz.find_places(n.range.slice(text)).next().is_some();
            // "Doretha Eason, Executive Assistant to the Chancellor": a title is no name.
            let title = holds_title(n.range.slice(text), gaz);
            if n.core_tokens < 2 || !closes || place || title || c.overlaps(n.range, &blocked) {
                break;
            }
            end = n.range.end;
            unknown.push(n);
        }
        done_until = end;
        if people >= 2 {
            out.extend(unknown.into_iter().map(|n| PersonCandidate::found_by_pattern(n.range, n.core_tokens)));
        }
    }
    out
}

/// Where the first upper-case letter at or after byte `from` starts: what
/// `text[from..].find(char::is_uppercase)` finds, reading ASCII a byte at a time (this scan
/// visits the whole text; decoding every character cost more than the test).
fn next_uppercase(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = from;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                return Some(pos);
            }
            pos += 1;
        } else {
            let c = text[pos..].chars().next().expect("a character starts here");
            if c.is_uppercase() {
                return Some(pos);
            }
            pos += c.len_utf8();
        }
    }
    None
}

/// Person names that start with a given name from the gazetteer and have at least one more
/// capitalised name token, outside place and organisation names: (range, core tokens).
pub(crate) fn gazetteer_names(text: &str, gaz: &Gazetteers) -> Vec<(ByteRange, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // Next word start.
        let Some(start) = next_uppercase(text, pos) else { break };
        let ch_len = text[start..].chars().next().map_or(1, char::len_utf8);
        pos = start + ch_len;
        // "en présence d'Alain Rousset": a name starts after an elided "d'" or "l'" too (looked up
        // only after an apostrophe: this loop visits every capital of the text).
        let elided = || {
            gaz.classes.elisions.iter().any(|e| {
                text[..start].strip_suffix(e.as_str()).is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
            })
        };
        let glued = text[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'');
        if glued && !elided() {
            continue;
        }
        let word_end = text[start..]
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
            .map_or(text.len(), |i| start + i);
        let word = &text[start..word_end];
        // ALL-CAPS runs are headings ("FORO ... DE AMÉRICA LATINA"); names in capitals are read
        // from entries only.
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && word.chars().all(|c| !c.is_lowercase()) {
            pos = word_end.max(pos);
            continue;
        }
        // "Par Aminata Sow - 15 octobre 2026": a byline's word at a line's start opens the line,
        // not a name, even where it is a given name somewhere ("Pär").
        let line_start = text[..start].trim_end_matches([' ', '\t']).is_empty()
            || text[..start].trim_end_matches([' ', '\t']).ends_with('\n');
        if line_start && text[word_end..].starts_with(' ') && gaz.classes.bylines.contains(word.to_lowercase().as_str())
        {
            pos = word_end.max(pos);
            continue;
        }
        // "Chad Morrison", "Jordan Blake": a country's name is a given name before a known surname.
        let next_is_surname = || {
            text[word_end..]
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'').next())
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase) && gaz.is_surname(n))
        };
        if !(gaz.is_given_name(word) || gaz.country_named(word).is_some() && next_is_surname()) {
            pos = word_end.max(pos);
            continue;
        }
        let Some(mut n) = name_at(text, start, gaz) else { continue };
        // "..., Pacific Connect Foundation, India MAILE FONOTI — Founder": a country's name before a
        // name in capitals ends the entry before it (a schedule's entries run together).
        if gaz.country_named(word).is_some() && n.range.slice(text).split(' ').skip(1).all(in_capitals) {
            pos = word_end.max(pos);
            continue;
        }
        // "West African": a demonym or a country's name at the end makes it a place word; but
        // "Eduardo Bohorquez de Transparencia Mexicana" is a name before a particle and a body.
        let last = n.range.slice(text).rsplit(' ').next().unwrap_or("");
        let whole_place = |w: &str| {
            gaz.find_places(w)
                .any(|(s, e, p)| s == 0 && e == w.len() && matches!(p, Place::Demonym(_) | Place::Region(_)))
        };
        // "Ana Turco": a demonym of a language that writes them in small letters, capitalised after a
        // given name, is a surname.
        let tokens: Vec<&str> = n.range.slice(text).split(' ').collect();
        let surname_after_given = tokens.len() >= 2
            && gaz.is_given_name(tokens[tokens.len() - 2])
            && last.chars().next().is_some_and(char::is_uppercase)
            && whole_place(&last.to_lowercase());
        if whole_place(last) && !surname_after_given {
            let whole = n.range.slice(text);
            let before_particle = gaz
                .classes
                .particles_before_place
                .iter()
                .filter_map(|p| whole.find(p.as_str()))
                .min()
                .filter(|&i| whole[..i].split(' ').count() >= 2);
            match before_particle {
                Some(i) => {
                    n.range.end = n.range.start + i;
                    n.core_tokens = whole[..i].split(' ').count();
                }
                None => {
                    pos = n.range.end.max(pos);
                    continue;
                }
            }
        }
        if n.core_tokens < 2 {
            pos = n.range.end.max(pos);
            continue;
        }
        // "Av. Paulista", "Universidad Simón Bolívar", "no auditório Antonieta de Barros": the word
        // before makes it a place or body, written in capitals or not.
        let prev = text[..start].trim_end_matches([' ', '\t']);
        let prev_word = prev.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        // "à l'hôtel Mont Fébé": the noun after an elided article.
        let prev_noun = prev_word.rsplit(['\'', '’']).next().unwrap_or(prev_word);
        let prev_folded = fold(prev_noun.trim_end_matches(['.', ',']));
        let same_line = !text[..start].trim_end_matches([' ', '\t']).ends_with('\n') && prev.len() < start;
        if same_line && gaz.place_nouns.contains(&prev_folded) && !prev_word.ends_with(',') {
            pos = n.range.end;
            continue;
        }
        // "Centro Cultural Gabriela Mistral", "Conference Centre Nelson Mandela": a kind of venue
        // written before names the venue after someone.
        if same_line && !prev_word.ends_with(',') && after_a_venue_kind(prev, gaz) {
            pos = n.range.end;
            continue;
        }
        // "Villa Carlos Paz", "Villa María": a place's noun that is also a given name somewhere
        // opens the place's name.
        if gaz.place_nouns.contains(&fold(word)) {
            pos = n.range.end;
            continue;
        }
        // "Aula Magna, Pío Nono 1, Providencia", "Rua Augusta 1500": a house number right after
        // makes it a street.
        let after = &text[n.range.end..];
        if let Some(number) = after.strip_prefix(' ') {
            let digits = number.bytes().take_while(u8::is_ascii_digit).count();
            let then = &number[digits..];
            if (1..=5).contains(&digits) && (then.is_empty() || then.starts_with([',', '\n', ';'])) {
                pos = n.range.end;
                continue;
            }
        }
        // "Simón Bolívar University", "Victoria Street": a capitalised non-name word right after.
        if let Some(next) =
            after.strip_prefix(' ').and_then(|a| a.split(|c: char| c.is_whitespace() || c == ',').next())
        {
            // ("Alfredo Elizondo Rosales Coordinador Nacional": a title after a name is the person's.)
            let title = gaz.is_title(next.trim_end_matches(|c: char| !c.is_alphabetic()));
            if next.chars().next().is_some_and(char::is_uppercase) && gaz.is_name_stopword(next) && !title {
                pos = n.range.end;
                continue;
            }
        }
        let _ = bytes;
        out.push((n.range, n.core_tokens));
        pos = n.range.end;
    }
    out
}

/// The name that ends exactly at `end` (before a comma), if any: (range, core tokens).
pub(crate) fn name_ending_at(text: &str, end: usize, gaz: &Gazetteers) -> Option<(ByteRange, usize)> {
    let mut window = end.saturating_sub(NAME_WINDOW);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let line_start = text[window..end].rfind(['\n', ',', ';', ':', '(']).map_or(window, |i| window + i + 1);
    let mut prev_space = true;
    for (i, ch) in text[line_start..end].char_indices() {
        let s = line_start + i;
        if prev_space && ch.is_uppercase() {
            if let Some(n) = name_at(&text[..end], s, gaz) {
                if n.range.end == end {
                    return Some((n.range, n.core_tokens));
                }
            }
        }
        prev_space = ch == ' ';
    }
    None
}

/// The name that ends right before `end` (one space between), if any: (range, core tokens).
pub(crate) fn name_before(text: &str, end: usize, gaz: &Gazetteers) -> Option<(ByteRange, usize)> {
    let before = text[..end].strip_suffix(' ')?;
    // Only the last 80 bytes can hold the name: look no further back, however long the line.
    let mut window = before.len().saturating_sub(NAME_WINDOW);
    while !before.is_char_boundary(window) {
        window -= 1;
    }
    let line_start = before[window..].rfind('\n').map_or(window, |i| window + i + 1);
    // Try start positions from the farthest word back to the nearest; the first full match wins.
    let mut starts: Vec<usize> = Vec::new();
    let mut prev_space = true;
    for (i, ch) in before[line_start..].char_indices() {
        if prev_space && ch.is_uppercase() {
            starts.push(line_start + i);
        }
        prev_space = ch == ' ';
    }
    for s in starts.into_iter().filter(|&s| before.len() - s <= 80) {
        if let Some(n) = name_at(before, s, gaz) {
            if n.range.end == before.len() {
                return Some((n.range, n.core_tokens));
            }
        }
    }
    None
}

/// How far a person's parenthesis is read.
const MAX_PARENTHESIS: usize = 160;

/// The text inside the parenthesis that opens right after a person's name ("Ana Costa (PS)") or
/// that the name opens ("(Humberto Costa. Bloco .../PT - PE)"), on the name's line.
fn parenthesis_of(text: &str, name: ByteRange) -> Option<ByteRange> {
    let start = if text[..name.start].ends_with('(') {
        name.end
    } else {
        let after = &text[name.end..];
        name.end + after.len() - after.strip_prefix(' ').unwrap_or(after).strip_prefix('(')?.len()
    };
    let rest = &text[start..ceil(text, (start + MAX_PARENTHESIS).min(text.len()))];
    let close = rest.find([')', '(', '\n'])?;
    rest[close..].starts_with(')').then_some(ByteRange { start, end: start + close })
}

/// A party's acronym in capitals (2 to 8 letters, accents allowed: "UNIÃO").
fn is_party_acronym(word: &str, gaz: &Gazetteers) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters) && word.chars().all(char::is_uppercase) && gaz.country_named(word).is_none()
}

/// "(PT-SP)", "(Bloco Parlamentar Vanguarda/PL - RN)", "(Republicanos-DF)": a party's acronym (or,
/// alone in the parenthesis, its one-word name) and the two capitals of a state or province, as
/// parliaments write a member's party; the party's range. Beside a member's
/// name, an acronym that names no body elsewhere ("PDT", a time zone) is a party here.
fn party_and_state(text: &str, inside: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let s = inside.slice(text);
    // The piece that holds them: the parenthesis may go on with what the member did (". Pela ordem.").
    let mut at = 0;
    for piece in s.split(". ") {
        let start = inside.start + at;
        at += piece.len() + 2;
        let piece = piece.trim_end_matches('.');
        let Some((party, state)) = piece.rsplit_once(" - ").or_else(|| piece.rsplit_once('-')) else { continue };
        let state_code = state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase());
        let party_start = party.rfind(['/', ' ']).map_or(0, |i| i + 1);
        let word = &party[party_start..];
        // "(Republicanos-DF)", "(Novo-SP)": a party named by a word, the whole parenthesis.
        let named_party = party_start == 0
            && piece.len() == s.len()
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.chars().count() >= 4
            && gaz.country_named(word).is_none()
            && gaz.find_places(word).next().is_none();
        if state_code && (is_party_acronym(word, gaz) || named_party) {
            let start = start + party_start;
            return Some(ByteRange { start, end: start + word.len() });
        }
    }
    None
}

/// A two-letter acronym alone in a member's parenthesis ("Hugo Matos (PS)") when another member's
/// parenthesis in the same paragraph names a body ("(CDU)"): in a list of members with their
/// parties it is one more party, not a country's code or a title.
fn short_parties(text: &str, gaz: &Gazetteers, cands: &[PersonCandidate], c: &Collector) -> Vec<ByteRange> {
    let mut short: Vec<ByteRange> = Vec::new();
    let mut bodies: Vec<ByteRange> = Vec::new();
    for p in cands {
        let Some(inside) = parenthesis_of(text, p.range) else { continue };
        let word = inside.slice(text);
        if word.chars().count() == 2 && is_party_acronym(word, gaz) {
            short.push(inside);
        } else if c.overlaps(inside, &[EntityKind::Ministry, EntityKind::Organization]) {
            bodies.push(inside);
        }
    }
    let paragraph = |at: usize| {
        let start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
        let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
        (start, end)
    };
    short
        .into_iter()
        .filter(|r| {
            let (start, end) = paragraph(r.start);
            bodies.iter().any(|b| b.start >= start && b.end <= end)
        })
        .collect()
}

/// Whether `before` (the text before a name, on its line) ends with a kind of venue from the packs
/// ("centro cultural", "conference centre"), compared folded word by word.
fn after_a_venue_kind(before: &str, gaz: &Gazetteers) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("");
    if !last.starts_with(char::is_alphabetic) {
        return false;
    }
    let tail_start = before.rmatch_indices(' ').nth(MAX_VENUE_KIND_WORDS - 1).map_or(0, |(i, _)| i + 1);
    let tail = acta_doc::fold_words(&before[tail_start..]);
    gaz.venue_prefixes
        .iter()
        .any(|kind| tail.strip_suffix(kind.as_str()).is_some_and(|rest| rest.is_empty() || rest.ends_with(' ')))
}

/// Most words of a kind of venue ("centro de convenciones" has three).
const MAX_VENUE_KIND_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan finds the capital that decoding each character finds.
        #[test]
        fn the_next_capital_is_the_first_upper_case_character(
            text in r"[aZ é É ǅ Σσ ß ﬁ 1.\-'’\n]{0,24}", from in 0usize..30
        ) {
            let mut from = from.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let expected = text[from..].find(char::is_uppercase).map(|i| from + i);
            proptest::prop_assert_eq!(next_uppercase(&text, from), expected);
        }
    }

    #[test]
    fn a_title_after_a_name_does_not_make_it_a_place() {
        let gaz = Gazetteers::bundled();
        let names = |text: &str| -> Vec<String> {
            gazetteer_names(text, &gaz).into_iter().map(|(r, _)| r.slice(text).to_string()).collect()
        };
        assert_eq!(
            names("y de Alfredo Elizondo Rosales Coordinador Nacional del Núcleo"),
            ["Alfredo Elizondo Rosales"]
        );
        // A body's word after the name still makes it the body's ("Universidad Simón Bolívar").
        assert!(names("en la Simón Bolívar University de Caracas").is_empty());
        // A name before a particle and a body ending with a demonym.
        assert_eq!(names("Eduardo Bohorquez de Transparencia Mexicana llevará"), ["Eduardo Bohorquez"]);
        // A hall named after someone, the word for it in capitals or not, is not that person.
        assert_eq!(names("Marta Gil abrió la jornada en el auditorio Julián Zini del centro"), ["Marta Gil"]);
        assert_eq!(names("no Auditório Antonieta de Barros, com Ana Souza"), ["Ana Souza"]);
    }

    #[test]
    fn a_name_listed_with_people_is_a_person() {
        let gaz = Gazetteers::bundled();
        let text = "con las intervenciones de Ernesto Peralta, Xiomeli Barrantes y José Santos, y Doretha Eason, Executive Assistant to the Chair.";
        let known = |n: &str| {
            let start = text.find(n).unwrap();
            PersonCandidate::found_by_pattern(ByteRange { start, end: start + n.len() }, 2)
        };
        let cands = vec![known("Ernesto Peralta"), known("José Santos"), known("Doretha Eason")];
        let found: Vec<&str> = names_listed_with_people(text, &gaz, &cands, &Collector::default())
            .into_iter()
            .map(|p| p.range.slice(text))
            .collect();
        assert_eq!(found, ["Xiomeli Barrantes"]);
    }
}
