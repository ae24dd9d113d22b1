//! Bodies named where the text says a body comes, whatever the name's shape: right after a phrase
//! that says a body organised, hosted, sponsored or supported the event ("organizada por Listín
//! Diario", "sponsored by Verdal and Greenergy") or a noun that says what kind of body follows ("la
//! consultora Axians"), and each name listed after it; the value of a form field labelled as an
//! organisation; the agency a news item credits; a body named by one word after an article ("el
//! Senado"). Reads the language packs and the gazetteers; the institutions stage adds what it
//! finds, as it does for the bodies of leaders.

use acta_doc::{fold_words, ByteRange, Lang, Report};

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
    // "promovida pela consultora Axians", "des opérateurs Camtel, Sup'ptic": a noun that says what
    // kind of body follows is a cue of its own.
    let kind_nouns = gaz.classes.body_kind_nouns.find_in(lower, words).into_iter().map(|(_, end, _)| end);
    let cues = gaz.org_cues.find_in(lower, words, language_at).into_iter().map(|(_, end)| end);
    let mut ends: Vec<usize> = cues.chain(kind_nouns).collect();
    ends.sort_unstable();
    ends.dedup();
    for end in ends {
        let Some(first) = name_start(text, end, gaz).and_then(|at| body_at(text, at, gaz)) else { continue };
        out.push(first);
        out.extend(listed_after(text, first.end, gaz));
    }
    // A cue and the kind noun after it ("promovida pela consultora Axians") find a name twice.
    out.sort_unstable_by_key(|r| (r.start, r.end));
    out.dedup();
    out
}

/// A dash between spaces, as forms and credit lines write one.
const DASHES: [&str; 3] = [" - ", " – ", " — "];

/// At most this many words make a form's organisation value a name.
const MAX_VALUE_WORDS: usize = 12;

/// The values of fields whose label names an organisation ("Organização do Proponente: Solintel -
/// Soluções Inteligentes em Telecom", "Proposer's Organization:", "Institución:"): the value up to
/// a form's next label run into it ("... - Setor do Proponente: Setor Empresarial"), without a
/// country after a dash, when it may name a body (see [`names_a_body`]) and is not a person.
pub(crate) fn labelled_bodies(report: &Report, gaz: &Gazetteers) -> Vec<ByteRange> {
    let text = &report.text;
    let classes = &gaz.classes;
    let mut out = Vec::new();
    for field in &report.fields {
        let label = fold_words(field.label.slice(text));
        let words: Vec<&str> = label.split(' ').collect();
        if !words.iter().any(|w| classes.organization_headers.contains(*w))
            || words.iter().any(|w| classes.name_headers.contains(*w))
        {
            continue;
        }
        let Some(range) = value_name(text, field.value, gaz) else { continue };
        let name = range.slice(text);
        if !person_at(text, range.start, gaz)
            && name.split_whitespace().count() <= MAX_VALUE_WORDS
            && names_a_body(name, gaz)
        {
            out.push(range);
        }
    }
    out
}

/// A field's value up to the next label run into it (the last dash before a colon), or to a
/// semicolon or a bar; a country after a dash at its end left out ("Internet sem Fronteiras -
/// Brasil"). `None` unless it starts with a capital or a digit.
fn value_name(text: &str, value: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let mut v = value.slice(text);
    if let Some(cut) = v.find([';', '|']) {
        v = &v[..cut];
    }
    let last_dash = |s: &str| DASHES.iter().filter_map(|d| s.rfind(d)).max();
    if let Some(colon) = v.find(':') {
        v = &v[..last_dash(&v[..colon])?];
    }
    if let Some(dash) = last_dash(v) {
        let tail = v[dash..].trim_start_matches([' ', '-', '–', '—']);
        if gaz.country_named(tail).is_some() {
            v = &v[..dash];
        }
    }
    let v = v.trim_end_matches([' ', ',', '.', '-', '–', '—']);
    let start = value.start + (v.len() - v.trim_start().len());
    let v = v.trim_start();
    v.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()).then(|| ByteRange { start, end: start + v.len() })
}

/// Bodies named by one word after an article ("el Senado", "la Fiscalía", "la Mairie"): a word of
/// the packs' `single_word_body` class, capitalised as listed, after an article of any language or
/// one in a preposition ("del", "do", "du"), and not the start of a longer capitalised name (the
/// shapes read "Senado de la República").
pub(crate) fn single_word_bodies(text: &str, words: &Words, gaz: &Gazetteers) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut previous: Option<(usize, usize)> = None;
    for (start, end) in words.spans() {
        let before = previous.replace((start, end));
        // Most words are in lower case: no lookup for them.
        if !text[start..].starts_with(char::is_uppercase) {
            continue;
        }
        // "DIARIO DE SESIONES DEL SENADO": in a heading in capitals too.
        let word = &text[start..end];
        let in_capitals = word.len() >= 4 && word.chars().all(char::is_uppercase);
        let known = gaz.classes.single_word_bodies.contains(word)
            || in_capitals && {
                let mut chars = word.chars();
                let title: String = chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
                gaz.classes.single_word_bodies.contains(title.as_str())
            };
        if !known {
            continue;
        }
        let Some((ps, pe)) = before else { continue };
        let article = text[ps..pe].to_lowercase();
        if text[pe..start] != *" "
            || !(gaz.articles.contains(&article) || gaz.classes.article_contractions.contains(&article))
        {
            continue;
        }
        let next = text[end..].strip_prefix(' ').and_then(|r| r.split([' ', ',', '.', ';', ':']).next()).unwrap_or("");
        if next.starts_with(char::is_uppercase) {
            continue;
        }
        out.push(ByteRange { start, end });
    }
    out
}

/// At most this many words name a news agency in a credit line.
const MAX_CREDIT_WORDS: usize = 3;

/// The news agency or outlet a news item credits: in parentheses before a dash at a line's start,
/// after a place or not ("(CIO Mag) – Le maintien ...", "BRASÍLIA (Reuters) - ..."), or after a
/// dash at the end of the last sentence of a line ("... and Vietnam. - Bernama").
pub(crate) fn credited_bodies(text: &str, gaz: &Gazetteers) -> Vec<ByteRange> {
    /// A credit is within this many bytes of a line's start or end.
    const CREDIT_BYTES: usize = 80;
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let line = line.trim_end();
        // "(Agency) – ": the opening parenthesis within the line's first few words.
        let mut head_end = line.len().min(CREDIT_BYTES);
        while !line.is_char_boundary(head_end) {
            head_end -= 1;
        }
        if let Some(open) = line[..head_end].find('(') {
            let close = line[open..].find(')').map(|i| open + i);
            let dash = close.is_some_and(|c| line[c + 1..].trim_start().starts_with(['–', '—', '-']));
            let place = line[..open].trim_end_matches([',', ' ']);
            let before_is_place = || {
                place.split_whitespace().count() <= MAX_CREDIT_WORDS
                    && (place.is_empty()
                        || place.chars().all(|c| !c.is_lowercase())
                        || gaz.find_places(place).next().is_some())
            };
            if let Some(close) = close.filter(|_| dash && before_is_place()) {
                out.extend(credit(text, start + open + 1, start + close, gaz));
            }
        }
        // ". - Agency" at the line's end, which ends in a capitalised word.
        if !line.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            continue;
        }
        let mut tail_start = line.len().saturating_sub(CREDIT_BYTES);
        while !line.is_char_boundary(tail_start) {
            tail_start += 1;
        }
        for dash in DASHES {
            let Some(at) = line[tail_start..].rfind(dash).map(|i| tail_start + i) else { continue };
            if line[..at].ends_with(['.', '!', '?', '"', '”']) {
                out.extend(credit(text, start + at + dash.len(), start + line.len(), gaz));
            }
        }
    }
    out
}

/// The name credited between `start` and `end`: a few capitalised words that may name a body, not
/// a person's.
fn credit(text: &str, start: usize, end: usize, gaz: &Gazetteers) -> Option<ByteRange> {
    let name = text[start..end].trim();
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > MAX_CREDIT_WORDS || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let at = start + (text[start..end].len() - text[start..end].trim_start().len());
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let named = !person_at(text, at, gaz)
        && letters >= 2
        && gaz.find_places(name).next().is_none()
        && !words.iter().any(|w| gaz.is_title(w) || gaz.event_heads.contains(&acta_doc::fold(w)));
    named.then_some(ByteRange { start: at, end: at + name.len() })
}

/// The capitalised name at `at`, when it may name a body: not a person ("Ana Ruiz", "Mme Fatou
/// Camara"), a place, a title or a kind of body.
fn body_at(text: &str, at: usize, gaz: &Gazetteers) -> Option<ByteRange> {
    let name = capitalised_run(text, at)?;
    // "organizado por Ana Ruiz": a person organised it.
    (!person_at(text, name.start, gaz) && names_a_body(name.slice(text), gaz)).then_some(name)
}

/// Whether a person's name starts at `at`: a given name starting a name of two words or more
/// ("Ana Ruiz"), or an honorific ("Mme Fatou Camara").
fn person_at(text: &str, at: usize, gaz: &Gazetteers) -> bool {
    let first = text[at..].split([' ', ',', '\n']).next().unwrap_or("");
    gaz.is_given_name(first) && name_at(text, at, gaz).is_some_and(|n| n.core_tokens >= 2)
        || honorific_at(text, at, gaz, None).is_some()
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
        // "des opérateurs Camtel, Sup'ptic, Libom Li Lekeng s'est entretenu": a name the sentence
        // goes on after, not a list, is its subject.
        let after = &text[name.end..];
        let list_goes_on = after.is_empty()
            || after.starts_with([',', '.', ';', ':', ')', '\n'])
            || gaz.conjunctions.iter().any(|c| {
                after.strip_prefix(' ').and_then(|r| r.strip_prefix(c.as_str())).is_some_and(|r| r.starts_with(' '))
            });
        if !list_goes_on {
            break;
        }
        out.push(name);
        end = name.end;
    }
    out
}

/// Where the name after `at` starts: past one space, the connectors of names and articles ("la",
/// "the", "o") and a noun saying what kind of body it is ("consultora").
fn name_start(text: &str, at: usize, gaz: &Gazetteers) -> Option<usize> {
    let mut pos = at;
    for _ in 0..3 {
        let rest = text[pos..].strip_prefix(' ')?;
        let word = rest.split([' ', ',']).next().unwrap_or("");
        if word.starts_with(char::is_uppercase) {
            return Some(text.len() - rest.len());
        }
        let kind_noun = gaz.classes.body_kind_nouns.longest_prefix(word) == Some(word.len());
        if !gaz.name_connectors.contains(word) && !gaz.classes.definite_articles.contains(word) && !kind_noun {
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
    fn a_cue_written_alike_in_two_languages_is_read_in_both() {
        // "entidades como" is in the Spanish and the Portuguese packs.
        assert_eq!(cued("Participaram entidades como a Abrafix e o Conafe.", "pt"), ["Abrafix", "Conafe"]);
        assert_eq!(cued("Participaron entidades como Fundared y la Radiográfica.", "es"), ["Fundared", "Radiográfica"]);
        // The whole government is no body ("representantes do Governo").
        assert!(cued("Estiveram representantes do Governo e da República.", "pt").is_empty());
    }

    fn labelled(text: &str) -> Vec<String> {
        let mut report = Report::new("t", "t.txt", text.to_string());
        acta_doc::Stage::run(&acta_layout::LayoutStage::bundled(), &mut report).unwrap();
        labelled_bodies(&report, &Gazetteers::bundled()).iter().map(|r| r.slice(text).to_string()).collect()
    }

    #[test]
    fn a_body_named_by_one_word_after_an_article() {
        let text = "El Senado aprobó la ley y la Fiscalía abrió una causa. The Senate Committee met; \
                    Senado Federal; o Senado votou; la Mairie de Lyon; una senado; membres du Sénat.";
        let gaz = Gazetteers::bundled();
        let found: Vec<&str> = single_word_bodies(text, &Words::of(text), &gaz).iter().map(|r| r.slice(text)).collect();
        assert_eq!(found, ["Senado", "Fiscalía", "Senado", "Mairie", "Sénat"]);
    }

    #[test]
    fn the_agency_a_news_item_credits() {
        let credited = |text: &str| -> Vec<String> {
            credited_bodies(text, &Gazetteers::bundled()).iter().map(|r| r.slice(text).to_string()).collect()
        };
        let text = "(Norte Press) – Le ministre a reçu les opérateurs.\nLIMA (Agencia Andina) - El foro abrió.\nLos ministros firmaron el acuerdo. - Prensa Sur\n";
        assert_eq!(credited(text), ["Norte Press", "Agencia Andina", "Prensa Sur"]);
        // A person signing, a note in parentheses and a dash inside a sentence are no credits.
        let text = "Gracias a todos. - Ana Ruiz Pérez\nEl panel (ver abajo) - sin cambios.\nEl foro - que abrió ayer - sigue. - y luego\n";
        assert!(credited(text).is_empty(), "{:?}", credited(text));
    }

    #[test]
    fn the_value_of_a_field_that_names_an_organisation() {
        let text = "Proponente: Carla Mendes Rocha\nOrganização do Proponente: Tramavia - Redes Comunitárias - Setor do Proponente: Terceiro Setor\nProposer's Organization: Kestrel Labs - Chile\nInstitución: Dra. Ana Ruiz\nNombre y organización: Luis Paz, Olmo Datos\nOrganización: la sociedad civil\n";
        assert_eq!(labelled(text), ["Tramavia - Redes Comunitárias", "Kestrel Labs"]);
    }

    #[test]
    fn the_names_after_a_cue_and_the_names_listed_after_them() {
        assert_eq!(
            cued("The forum was sponsored by Verdal, Kestrel Labs and Olmo Datos.", "en"),
            ["Verdal", "Kestrel Labs", "Olmo Datos"]
        );
        assert_eq!(cued("La jornada, organizada por Diario Sur junto a otros medios.", "es"), ["Diario Sur"]);
        // A noun saying what kind of body follows is a cue too; a name the sentence goes on after
        // ends the list.
        assert_eq!(cued("Foi promovida pela consultora Verdal e o Jornal Norte.", "pt"), ["Verdal", "Jornal Norte"]);
        assert_eq!(
            cued("En présence des opérateurs Kestrel, Olmo Telecom, Awa Ndiaye Sow a rappelé les enjeux.", "fr"),
            ["Kestrel", "Olmo Telecom"]
        );
        // A person organised it; a cue of another language than the text's is not read.
        assert!(cued("It was organised by Maria Jones.", "en").is_empty());
        assert!(cued("It was organised by Verdal.", "fr").is_empty());
    }
}
