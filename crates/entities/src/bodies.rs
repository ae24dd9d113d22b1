//! Ministries, government bodies and organisations: gazetteer and shape matches, acronyms standing alone
//! (found by acronyms.rs), bodies read from affiliations; what is not a body (events, kinds of body, whole
//! governments, venues, labels: body_checks.rs) is dropped. Runs first: places and people read its mentions.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use acta_doc::{fold, fold_words, ByteRange, Canonical, EntityKind, EntitySource, Report, Stakeholder};

use crate::acronyms::*;
use crate::body_checks::*;
use crate::cued_bodies::{credited_bodies, cued_bodies, labelled_bodies, single_word_bodies};
use crate::extract::{Collector, Scans};
use crate::gazetteer::{Gazetteers, Place};
use crate::institutions::acronym_fits;
use crate::leader_bodies::leader_bodies;
use crate::names::{honorific_at, name_at};
use crate::places::*;
use crate::shared_heads::shared_head_lists;
use crate::words::WordMatcher;

#[derive(Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) range: ByteRange,
    pub(crate) kind: EntityKind,
    pub(crate) gazetteer: Option<usize>,
    pub(crate) stakeholder: Option<Stakeholder>,
    pub(crate) source: EntitySource,
    pub(crate) acronym: Option<ByteRange>,
}

pub(crate) fn institutions(report: &Report, gaz: &Gazetteers, scans: &mut Scans, c: &mut Collector) {
    let shapes = std::mem::take(&mut scans.shapes);
    let (known, acronyms, words, lower) = (&scans.institutions, &scans.acronyms, &scans.words, scans.lower.as_str());
    let text = &report.text;
    // "los ministerios de Salud y Educación": bodies under one plural head, each added below as its
    // own; the head and its names are not read as one body.
    let shared = shared_head_lists(text, lower, words, gaz, |at| report.language_at(at));
    let mut led = leader_bodies(text, lower, words, gaz, |at| report.language_at(at));
    // "organizada por Listín Diario", "sponsored by Verdal and Greenergy": read as leaders' bodies are.
    led.extend(cued_bodies(text, lower, words, gaz, |at| report.language_at(at)));
    // "Organização do Proponente: Solintel - ...": a form's organisation field.
    led.extend(labelled_bodies(report, gaz));
    // "(CIO Mag) – ...", "... Vietnam. - Bernama": the agency a news item credits.
    led.extend(credited_bodies(text, gaz));
    let mut cands: Vec<Candidate> = Vec::with_capacity(shapes.len() + known.len());
    for &(start, end, idx) in known {
        let inst = gaz.institution(idx);
        // "Google Chrome", "Microsoft Teams": a company's name before a product's is no mention
        // of the company (GOLD.md: products are not organisations).
        if inst.stakeholder == Some(Stakeholder::PrivateSector) && names_a_product(text, end, gaz) {
            continue;
        }
        cands.push(Candidate {
            range: ByteRange { start, end },
            kind: inst.kind,
            gazetteer: Some(idx),
            stakeholder: inst.stakeholder,
            source: EntitySource::Gazetteer,
            acronym: None,
        });
    }
    for m in shapes {
        // "Fabrizio Scrollini (ILDA)": an acronym that does not fit its supposed long form counts
        // only when the gazetteer knows it ("Foro de Gobernanza ... (LACIGF)").
        if m.unverified_acronym && m.acronym.is_none_or(|(s, e)| gaz.institution_named(&text[s..e]).is_none()) {
            continue;
        }
        // "Luiz Gustavo Campos (Coordinador)": a title in parentheses is the person's part, no acronym.
        if m.acronym.is_some_and(|(s, e)| gaz.is_title_or_plural(&text[s..e])) {
            continue;
        }
        let mut range = ByteRange { start: m.start, end: m.end };
        // "... the 2016 IGF. The Executive Committee": a name does not run across the end of a
        // sentence; it starts after it.
        if let Some(after) = sentence_end_inside(range.slice(text), gaz) {
            range.start += after;
        }
        // "Minutes The Communications Committee": a capitalised article inside starts a new name.
        if let Some(after) = article_inside(range.slice(text), gaz) {
            range.start += after;
        }
        // "Universidad de la República, Uruguay": the country is where it is, not what it is called.
        if let Some((head, tail)) = range.slice(text).rsplit_once(", ") {
            if gaz.country_named(tail).is_some() {
                range.end = range.start + head.len();
            }
        }
        range.end = range.start + where_stated(range.slice(text), gaz).len();
        // "la Universidad de Chile Valentina Gutiérrez Soto presentó": after a country's name, a
        // given name starting a two-word name is a person, not more of the institution.
        for (_, pe, place) in gaz.find_places(range.slice(text)) {
            let at = range.start + pe;
            if !matches!(place, Place::Country(_)) || at >= range.end || !text[at..].starts_with(' ') {
                continue;
            }
            let first = text[at + 1..range.end].split(' ').next().unwrap_or("");
            if gaz.is_given_name(first) && name_at(text, at + 1, gaz).is_some_and(|n| n.core_tokens >= 2) {
                range.end = at;
                break;
            }
        }
        range.end = cut_before_people(text, range, gaz);
        // "la secretaria de Ana Ruiz Pérez": a head in lower case before a person is her title.
        if range.slice(text).starts_with(char::is_lowercase) {
            let s = range.slice(text);
            let name_start = s
                .match_indices(' ')
                .map(|(i, _)| i + 1)
                .find(|&i| s[i..].starts_with(char::is_uppercase))
                .map(|i| range.start + i);
            let person = name_start.is_some_and(|at| {
                let first = text[at..].split([' ', ',']).next().unwrap_or("");
                gaz.is_given_name(first) && name_at(text, at, gaz).is_some_and(|n| n.core_tokens >= 2)
            });
            if person {
                continue;
            }
        }
        // A whole national government is neither a ministry nor an organisation (GOLD.md): "Gobierno
        // de México", "Gouvernement de la République du Bénin"; a city's or a state's government is.
        if national_government(range.slice(text), gaz) {
            continue;
        }
        if range.slice(text).split_whitespace().count() < 2 && m.acronym.is_none() {
            continue;
        }
        // "Lic. Verónica Sosa (Agesic)": with the person cut out, what is left of an unverified long
        // form ("Lic.") names nothing; the acronym is the mention.
        if m.unverified_acronym && range.slice(text).split_whitespace().count() < 2 {
            continue;
        }
        // A shape whose text is a gazetteer entry, or whose acronym in parentheses is one ("Foro de
        // Gobernanza ... (LACIGF)"), takes the gazetteer's identity.
        let gazetteer = gaz
            .institution_named(range.slice(text))
            .or_else(|| m.acronym.and_then(|(s, e)| gaz.institution_named(&text[s..e])));
        let kind = gazetteer.map_or(m.kind, |g| gaz.institution(g).kind);
        cands.push(Candidate {
            range,
            kind,
            gazetteer,
            stakeholder: m.stakeholder,
            source: if gazetteer.is_some() { EntitySource::Gazetteer } else { EntitySource::Pattern },
            acronym: m.acronym.map(|(s, e)| ByteRange { start: s, end: e }),
        });
    }
    of_an_acronym(text, &mut cands, gaz);
    written_with_acronym(text, &mut cands, gaz);
    accredited_missions(text, &mut cands, gaz);
    second_body_with_acronym(text, &mut cands, gaz);
    // Acronyms standing alone: the shortest candidates, so any longer name that holds them wins. An
    // acronym the text defines ("Ministerio de Economía y Finanzas (MEF)") is that body's, found later.
    let defined: Vec<&str> = cands.iter().filter_map(|k| k.acronym.map(|a| a.slice(text))).collect();
    for &(start, end) in acronyms.iter().filter(|&&(s, e)| !defined.contains(&&text[s..e])) {
        let range = ByteRange { start, end };
        let gazetteer = gaz.institution_named(range.slice(text));
        let kind = match gazetteer {
            Some(g) => gaz.institution(g).kind,
            None if ministry_acronym(range.slice(text)) => EntityKind::Ministry,
            None => EntityKind::Organization,
        };
        cands.push(Candidate {
            range,
            kind,
            gazetteer,
            stakeholder: None,
            source: if gazetteer.is_some() { EntitySource::Gazetteer } else { EntitySource::Pattern },
            acronym: Some(range),
        });
    }
    // "Directorate-General for International Partnerships of the European Commission": a body
    // named as a unit of a known organisation is the unit, and the organisation is mentioned too.
    // A unit of an intergovernmental or other organisation is an organisation, not a government body.
    let known_kinds: Vec<(ByteRange, EntityKind, Option<Stakeholder>)> =
        cands.iter().filter(|k| k.gazetteer.is_some()).map(|k| (k.range, k.kind, k.stakeholder)).collect();
    for k in cands.iter_mut().filter(|k| k.gazetteer.is_none()) {
        let Some((g, kind, stakeholder)) =
            known_kinds.iter().find(|(g, _, _)| g.end == k.range.end && g.start > k.range.start)
        else {
            continue;
        };
        // "Fundación Paraguaya de Derechos Digitales": a known civil-society name of two words or
        // more with no word of a body's head or tail in it ("Derechos Digitales") is the subject
        // the longer name is named for, not an organisation the longer one is a unit of (as the
        // "Secrétariat des Nations Unies" is).
        let known_name = &text[g.start..g.end];
        let subject = *stakeholder == Some(Stakeholder::CivilSociety)
            && known_name.split_whitespace().count() >= 2
            && !known_name
                .split_whitespace()
                .any(|w| gaz.shapes.body_heads.contains(w) || gaz.shapes.body_tails.contains(w));
        if subject {
            continue;
        }
        let head = &text[k.range.start..g.start];
        let cut = gaz.classes.body_cut_of.iter().find_map(|c| head.strip_suffix(c.as_str()).map(|h| h.len()));
        if let Some(len) = cut {
            k.range.end = k.range.start + len;
            if *kind == EntityKind::Organization {
                k.kind = EntityKind::Organization;
                k.stakeholder = None;
            }
        }
    }
    // The value of a "Venue:" / "Lugar:" field names a place, not a body ("Centro Cultural Parque de
    // España"); a known body there is still one.
    let venues: Vec<ByteRange> =
        report.fields.iter().filter(|f| f.kind == acta_doc::FieldKind::Place).map(|f| f.value).collect();
    cands.retain(|k| k.gazetteer.is_some() || !venues.iter().any(|v| v.contains(&k.range)));
    // "en el Salón de Cabildo del Palacio Municipal": a name whose head closes a venue's kind written
    // before it ("salón de cabildo") names the venue.
    cands.retain(|k| k.gazetteer.is_some() || !closes_a_venue_kind(text, k.range, gaz));
    // "Executive Committee", "Terceiro Setor", "Pequeña y Mediana Empresa": kinds of body, not bodies.
    cands.retain(|k| k.gazetteer.is_some() || k.acronym.is_some() || !generic_words_only(k.range.slice(text), gaz));
    // "Ing. José Clastornik": a name that starts with an honorific is a person's.
    // "la Honorable Cámara de Diputados": a form of address before a body's head is the body's
    // courtesy, not a person's; the name starts at the head.
    for k in cands.iter_mut().filter(|k| k.gazetteer.is_none()) {
        if let Some((_, _, after)) = honorific_at(text, k.range.start, gaz, None) {
            let first = text[after.min(k.range.end)..k.range.end].split(' ').next().unwrap_or("");
            if after < k.range.end && gaz.shapes.body_heads.contains(first) {
                k.range.start = after;
            }
        }
    }
    cands.retain(|k| k.gazetteer.is_some() || honorific_at(text, k.range.start, gaz, None).is_none());
    // "Secretary General Commonwealth Telecommunications Organisation", "European Commissioner for
    // Information Society": a person's title before an organisation's tail word is no part of its
    // name; the name starts after it, and is none when a person's name or a kind of body is left.
    // A government body's name may hold a title after its head ("Office of the President"): only
    // a title opening it is cut ("Président Montpellier Méditerranée Métropole").
    for k in cands.iter_mut() {
        if k.gazetteer.is_some() || k.acronym.is_some() {
            continue;
        }
        let cut = match k.kind {
            EntityKind::Ministry => {
                let name = k.range.slice(text);
                let first = name.split(' ').next().unwrap_or("");
                // "secretaria de Gobierno Digital": a head written in lower case is no title.
                let mut chars = first.chars();
                let capitalised: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
                (gaz.is_title(first) && !gaz.shapes.body_heads.contains(&capitalised)).then(|| first.len() + 1)
            }
            _ => after_last_title(k.range.slice(text), gaz),
        };
        if let Some(after) = cut.filter(|&a| a <= k.range.len()) {
            k.range.start += after;
            let rest = k.range.slice(text);
            let first = rest.split(' ').next().unwrap_or("");
            if rest.split(' ').count() < 2
                || gaz.is_given_name(first)
                || generic_words_only(rest, gaz)
                || crate::kinds::is_generic(rest, gaz)
            {
                k.range.end = k.range.start;
            }
        }
    }
    cands.retain(|k| !k.range.is_empty());
    // "Organização do Proponente", "Proposer's Organization": a form's label names a role, not a body.
    cands.retain(|k| {
        k.gazetteer.is_some() || k.kind == EntityKind::Ministry || !ends_with_title(k.range.slice(text), gaz)
    });
    // Events and forums are not organisations ("Internet Governance Forum", "Cumbre Mundial ..."),
    // unless a body of the event follows ("IGF Secretariat", "the LAC-IGF executive committee").
    cands.retain(|k| {
        // ("Unit of Innovation and Technological Strategy": a government body named for its subject.)
        let event = match k.gazetteer {
            Some(g) => gaz.institution(g).event,
            None => names_an_event(k.range.slice(text), gaz, k.kind == EntityKind::Ministry),
        };
        !event || event_body_follows(text, k.range.end, gaz)
    });
    // "World Information Society Day", "African Union Open Forum": a name right before an event's
    // head word is part of the event's name.
    cands.retain(|k| {
        let next = text[k.range.end..].strip_prefix(' ').and_then(|a| a.split([' ', '\n', ',', '.']).next());
        k.gazetteer.is_some()
            || !next.is_some_and(|w| w.starts_with(char::is_uppercase) && gaz.event_heads.contains(&fold(w)))
    });
    cands.retain(|k| {
        !k.range.is_empty() && k.range.slice(text).split_whitespace().count() >= 2
            || k.gazetteer.is_some()
            || k.acronym.is_some()
    });
    // "l'Union africaine sur la cybersécurité": a shape that runs on past a known name in lower case
    // is the known name and a phrase; "Internet Society Brazil Chapter" (capitalised) is a new name.
    // Gazetteer names by start, so that each candidate looks only at those starting where it does.
    let mut known: HashMap<usize, Vec<usize>> = HashMap::new();
    for k in cands.iter().filter(|k| k.gazetteer.is_some()) {
        known.entry(k.range.start).or_default().push(k.range.end);
    }
    cands.retain(|k| {
        k.gazetteer.is_some()
            || !known.get(&k.range.start).into_iter().flatten().any(|&g_end| {
                g_end < k.range.end
                    && text[g_end..k.range.end].trim_start().chars().next().is_some_and(char::is_lowercase)
            })
    });
    cands.retain(|k| k.gazetteer.is_some() || !shared.iter().any(|l| l.whole.overlaps(&k.range)));
    // Longest first; on equal length the gazetteer wins, then the name with its acronym (so that
    // the acronym's later uses are the body's). Overlapping shorter candidates are dropped.
    cands
        .sort_by_key(|k| (std::cmp::Reverse(k.range.len()), k.gazetteer.is_none(), k.range.start, k.acronym.is_none()));
    let mut accepted: Vec<Candidate> = Vec::new();
    // Accepted ranges are disjoint: the one starting last before a candidate's end is the only one
    // that can overlap it.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for cand in cands {
        let r = cand.range;
        if taken.range(..r.end.max(r.start + 1)).next_back().is_some_and(|(_, &end)| end > r.start) {
            continue;
        }
        if !r.is_empty() {
            taken.insert(r.start, r.end);
        }
        accepted.push(cand);
    }
    accepted.sort_by_key(|a| a.range.start);
    // "International Telecommunications Union ... the ITU": an acronym standing alone whose capitals
    // are the initials of a long form the text names elsewhere is that body's other name.
    let long_form_of: Vec<Option<usize>> = accepted
        .iter()
        .map(|a| {
            let token = a.range.slice(text);
            let standalone = a.acronym.is_none_or(|r| r == a.range) && !token.contains(' ');
            if !standalone || !token.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                return None;
            }
            accepted.iter().position(|l| {
                l.acronym.is_none()
                    && (l.gazetteer.is_none() || a.gazetteer.is_none() || l.gazetteer == a.gazetteer)
                    && capital_initials_are(l.range.slice(text), token)
            })
        })
        .collect();
    let mut acronyms: Vec<(String, usize)> = Vec::new();
    for (i, a) in accepted.iter().enumerate() {
        // The acronym joins its long form: named and typed as the long form is.
        let (a, surface) = match long_form_of[i] {
            Some(l) => (&Candidate { range: a.range, source: a.source, ..accepted[l] }, accepted[l].range.slice(text)),
            None => (a, a.range.slice(text)),
        };
        let (key, name, country, stakeholder) = match a.gazetteer {
            Some(g) => {
                // Named as written at its first mention (the answer keys' convention); the gazetteer
                // gives identity, country and stakeholder group.
                let inst = gaz.institution(g);
                (format!("gazetteer:{g}"), surface.to_string(), inst.country, inst.stakeholder)
            }
            None => {
                let country = country_inside(gaz, surface);
                (fold_words(surface), surface.to_string(), country, a.stakeholder)
            }
        };
        let idx = c.canonical(a.kind, key, || Canonical { kind: a.kind, name, country, stakeholder });
        c.mention(a.kind, a.range, idx, a.source, if a.source == EntitySource::Gazetteer { 0.95 } else { 0.8 });
        if let Some(acr) = a.acronym {
            acronyms.push((acr.slice(text).to_string(), idx));
        }
    }
    for body in shared.iter().flat_map(|l| &l.bodies) {
        if c.overlaps(body.range, &[EntityKind::Ministry, EntityKind::Organization]) {
            continue;
        }
        let kind = EntityKind::Ministry;
        let idx = c.canonical(kind, fold_words(&body.name), || Canonical {
            kind,
            name: body.name.clone(),
            country: country_inside(gaz, &body.name),
            stakeholder: Some(Stakeholder::Government),
        });
        c.mention(kind, body.range, idx, EntitySource::Pattern, 0.7);
    }
    // Later uses of an acronym defined as "Full Name (ACR)".
    if !acronyms.is_empty() {
        let forms: Vec<&str> = acronyms.iter().map(|(s, _)| s.as_str()).collect();
        for (start, end, pattern) in WordMatcher::new(&forms).find_in(text, words) {
            let range = ByteRange { start, end };
            if text[..start].ends_with('(') || c.overlaps(range, &[EntityKind::Ministry, EntityKind::Organization]) {
                continue;
            }
            let idx = acronyms[pattern].1;
            let kind = c.canonicals[idx].kind;
            c.mention(kind, range, idx, EntitySource::Coreference, 0.8);
        }
    }
    // "el Senado", "la Fiscalía": a body named by one word, unless a longer name holds it.
    for range in single_word_bodies(text, words, gaz) {
        if c.overlaps(range, &[EntityKind::Ministry, EntityKind::Organization]) {
            continue;
        }
        let name = range.slice(text);
        // ("SENADO" in a heading in capitals is the Senado.)
        let lower = name.to_lowercase();
        let legislature = gaz.classes.legislature_words.iter().any(|w| w.to_lowercase() == lower);
        let kind = if legislature { EntityKind::Organization } else { EntityKind::Ministry };
        let idx = c.canonical(kind, fold_words(name), || Canonical {
            kind,
            name: name.to_string(),
            country: None,
            stakeholder: Some(Stakeholder::Government),
        });
        c.mention(kind, range, idx, EntitySource::Pattern, 0.6);
    }
    // "président de Silicom": a name of no known shape after a leader's title, unless a body the
    // text names already holds it ("Directeur Général du Conatel" after "... (Conatel)").
    for &range in &led {
        if c.overlaps(range, &[EntityKind::Ministry, EntityKind::Organization]) {
            continue;
        }
        let name = range.slice(text);
        // "Conseil National des Télécommunications (Conatel)": written in parentheses after a body
        // the text names, the name is that body's other name.
        let named_before = text.match_indices(name).find_map(|(at, _)| {
            let before = text[..at].strip_suffix('(')?.trim_end();
            let after = text[at + name.len()..].starts_with(')');
            let end = before.len();
            c.overlapping(ByteRange { start: end.saturating_sub(1), end })
                .find(|m| {
                    after && m.range.end == end && matches!(m.kind, EntityKind::Ministry | EntityKind::Organization)
                })
                .map(|m| (m.kind, m.canonical))
        });
        if let Some((kind, idx)) = named_before {
            c.mention(kind, range, idx, EntitySource::Coreference, 0.7);
            continue;
        }
        // "Representatives of Shared Services Canada": a name of no known shape may still read as public.
        let kind = crate::kinds::institution_kind(name, gaz);
        let idx = c.canonical(kind, fold_words(name), || Canonical {
            kind,
            name: name.to_string(),
            country: country_inside(gaz, name),
            stakeholder: None,
        });
        c.mention(kind, range, idx, EntitySource::Pattern, 0.6);
    }
}

/// Where an institution's name really ends when people's names or an acronym were read into it: at
/// a comma before a person ("Subsecretaría de Telecomunicaciones, Patricia Falconí") or before an
/// acronym alone ("Regulatory Agency, Anatel"), and before a person's name that ends it after a
/// word that is not a connector or the head of an eponymous name ("Committee Chair Abel Davila",
/// but "Fundación Konrad Adenauer").
pub(crate) fn cut_before_people(text: &str, range: ByteRange, gaz: &Gazetteers) -> usize {
    let mut end = range.end;
    // "Présidence de M. Jean-Luc Warsmann": an honorific inside starts a person.
    let mut pos = range.start;
    for word in text[range.start..range.end].split(' ') {
        let at = pos;
        pos += word.len() + 1;
        if at > range.start
            && honorific_at(text, at, gaz, Some(acta_doc::Lang::FR)).is_some_and(|(_, _, after)| after <= range.end)
        {
            // Without the connectors before the person ("Présidence de", "Competitividad el").
            let mut before = text[range.start..at].trim_end();
            while let Some((head, last)) = before.rsplit_once(' ') {
                if !gaz.trailing_connectors.contains(last) {
                    break;
                }
                before = head.trim_end();
            }
            end = range.start + before.trim_end_matches([',', ' ']).len();
            break;
        }
    }
    let person_at = |at: usize, end: usize| {
        let first = text[at..end].split([' ', ',']).next().unwrap_or("");
        gaz.is_given_name(first)
            && !gaz.is_name_stopword(first)
            && name_at(&text[..end], at, gaz).is_some_and(|n| n.core_tokens >= 2)
    };
    let acronym_alone = |s: &str| {
        let w = s.trim();
        !w.contains(' ')
            && w.chars().filter(|c| c.is_uppercase()).count() >= 2
            && w.chars().all(|c| c.is_alphanumeric() || c == '-')
            || w.chars().next().is_some_and(char::is_uppercase)
                && !w.contains(' ')
                && w.len() >= 3
                && w.chars().skip(1).all(char::is_lowercase)
                && !gaz.is_name_stopword(w)
    };
    if let Some(i) = text[range.start..end].find(", ") {
        let at = range.start + i;
        let after = &text[at + 2..end];
        let next = after.split(", ").next().unwrap_or("");
        if person_at(at + 2, end) || acronym_alone(next) && !after.contains(' ') {
            end = at;
        }
    }
    // "Universidade do Minho e o INL": a conjunction, maybe with an article, before an acronym that
    // ends the name joins a second body.
    let span = &text[range.start..end];
    if let Some((before_last, last)) = span.rsplit_once(' ') {
        let is_acronym = last.chars().filter(|c| c.is_uppercase()).count() >= 2
            && last.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
        let mut before = before_last;
        if let Some((head, word)) = before.rsplit_once(' ') {
            if gaz.articles.contains(word) {
                before = head;
            }
        }
        if let Some((head, word)) = before.rsplit_once(' ') {
            if is_acronym && gaz.conjunctions.iter().any(|c| c == word) && head.contains(' ') {
                end = range.start + head.trim_end_matches([',', ' ']).len();
            }
        }
    }
    // "Universidad Andina Simón Bolívar": the heads of eponymous names keep the person in the name.
    let head = text[range.start..end].split_whitespace().next().unwrap_or("");
    if gaz.place_nouns.contains(&fold(head)) {
        return end;
    }
    loop {
        let span = &text[range.start..end];
        let Some(cut) = span
            .match_indices(' ')
            .map(|(i, _)| range.start + i + 1)
            .find(|&at| person_at(at, end) && name_at(&text[..end], at, gaz).is_some_and(|n| n.range.end == end))
        else {
            break;
        };
        let before = text[range.start..cut].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        // "... Commission and Fatoumata Sylla": a conjunction joins a second person, not the name.
        if gaz.conjunctions.iter().any(|c| c == prev) {
            end = range.start + before[..before.len() - prev.len()].trim_end().len();
            continue;
        }
        let connector = prev.chars().next().is_some_and(char::is_lowercase);
        if connector || gaz.place_nouns.contains(&fold(prev)) {
            break;
        }
        end = range.start + before.trim_end_matches([',', ' ']).len();
    }
    end
}

/// An organisation found late (from an entry or a parenthesis), with the countries named in it.
pub(crate) fn add_late_organization(
    c: &mut Collector,
    text: &str,
    gaz: &Gazetteers,
    org: ByteRange,
    source: EntitySource,
) {
    let name = org.slice(text).to_string();
    // "Ing. José Clastornik" after a name and a comma is the next person, not the first one's body.
    let starts_with_honorific = name.split_whitespace().next().is_some_and(|w| gaz.honorific(w).is_some());
    // A body found before holds it, or part of it: one body a span.
    let taken = c.overlaps(org, &[EntityKind::Ministry, EntityKind::Organization]);
    // "representante do Governo do Estado de Alagoas": the place of a whole government, no body.
    let governed_place = gaz.classes.government_prefixes.iter().any(|g| {
        let before = &text[..org.start];
        before.len() >= g.len()
            && before.is_char_boundary(before.len() - g.len())
            && before[before.len() - g.len()..].eq_ignore_ascii_case(g)
    });
    if national_government(&name, gaz) || starts_with_honorific || taken || governed_place {
        return;
    }
    let country = country_inside(gaz, &name);
    // Typed by its name as any body is ("Cumbria County Council" is a local government's).
    let kind = crate::kinds::institution_kind(&name, gaz);
    let idx =
        c.canonical(kind, fold_words(&name), || Canonical { kind, name: name.clone(), country, stakeholder: None });
    c.mention(kind, org, idx, source, 0.6);
    for (s, e, place) in gaz.find_places(&name) {
        let range = ByteRange { start: org.start + s, end: org.start + e };
        if let Place::Country(code) = place {
            if !c.overlaps(range, &[EntityKind::Country]) {
                add_country(c, *code, range, EntitySource::Gazetteer);
            }
        }
    }
}

/// "Centro de Informática de la UCR", "Facultad de Derecho de la UBA": a unit named of a body
/// written as an acronym is two bodies, the unit and the acronym's (the outermost institution).
/// "Permanent Mission of Colombia to the United Nations", "Embajada de Chile ante la Santa Sede":
/// a diplomatic mission's name goes on over where it is accredited (capitalised words and their
/// connectors), which the shapes end before.
fn accredited_missions(text: &str, cands: &mut [Candidate], gaz: &Gazetteers) {
    for k in cands.iter_mut() {
        let name = k.range.slice(text);
        if !gaz.classes.mission_heads.iter().any(|h| name.starts_with(h.as_str()) && name[h.len()..].starts_with(' ')) {
            continue;
        }
        let Some(rest) = text[k.range.end..].strip_prefix(' ') else { continue };
        let Some(link) = gaz.classes.mission_links.iter().find(|l| rest.starts_with(l.as_str())) else { continue };
        // The capitalised words after the link, with the connectors between them.
        let mut at = k.range.end + 1 + link.len();
        let mut end = None;
        loop {
            let word_len =
                text[at..].find(|c: char| c.is_whitespace() || ",;:()\"".contains(c)).unwrap_or(text.len() - at);
            let word = &text[at..at + word_len];
            let trimmed = word.trim_end_matches('.');
            // "... to the WTO AKOSUA MENSAH-BOATENG — Lecturer": the next entry's name.
            let next = text[at + word_len..].strip_prefix(' ').and_then(|r| r.split([' ', ',']).next()).unwrap_or("");
            if end.is_some() && gaz.opens_name_in_capitals(trimmed, next) {
                break;
            }
            if trimmed.starts_with(char::is_uppercase) {
                end = Some(at + trimmed.len());
            } else if !(gaz.joins_names(word) || gaz.articles.contains(word))
                // "... to the United Nations and the FAO Liaison Office": a conjunction starts the next body.
                || gaz.conjunctions.iter().any(|c| c == word)
                || end.is_none()
            {
                break;
            }
            if word.len() != trimmed.len() || !text[at + word_len..].starts_with(' ') {
                break;
            }
            at += word_len + 1;
        }
        if let Some(end) = end {
            k.range.end = end;
        }
    }
}

fn of_an_acronym(text: &str, cands: &mut Vec<Candidate>, gaz: &Gazetteers) {
    let mut found = Vec::new();
    for k in cands.iter_mut().filter(|k| k.gazetteer.is_none() && k.acronym.is_none()) {
        let name = k.range.slice(text);
        let Some((head, last)) = name.rsplit_once(' ') else { continue };
        let letters = last.chars().filter(|c| c.is_alphabetic()).count();
        // "... des TIC": an acronym of no body is the unit's subject.
        if !(3..=8).contains(&letters)
            || !last.chars().all(|c| c.is_uppercase() || c == '-')
            || gaz.is_common_acronym(last)
            || gaz.country_named(last).is_some()
            // (A known one is cut off by the units of known organisations below.)
            || gaz.institution_named(last).is_some()
        {
            continue;
        }
        // The connector before it: "de la", "del", "of the", "da".
        let mut unit_end = head.len();
        let mut connectors = 0;
        while let Some((before, word)) = head[..unit_end].rsplit_once(' ') {
            let lower = word.to_lowercase();
            if gaz.name_connectors.contains(&lower) || gaz.body_prepositions.contains(&lower) {
                unit_end = before.len();
                connectors += 1;
            } else {
                break;
            }
        }
        // "CONSELHO NACIONAL DE SAÚDE": a name written all in capitals holds no acronym apart.
        if connectors == 0 || head[..unit_end].split(' ').count() < 2 || !head.chars().any(char::is_lowercase) {
            continue;
        }
        // "Tonga Ministry of MEIDECC": a head right before the connector is the acronym's own body
        // (its subject written short), not a unit of another.
        if head[..unit_end].rsplit(' ').next().is_some_and(|w| gaz.shapes.body_heads.contains(w)) {
            continue;
        }
        let acronym = ByteRange { start: k.range.end - last.len(), end: k.range.end };
        k.range.end = k.range.start + unit_end;
        found.push(Candidate {
            range: acronym,
            kind: EntityKind::Organization,
            gazetteer: None,
            stakeholder: None,
            source: EntitySource::Pattern,
            acronym: Some(acronym),
        });
    }
    cands.extend(found);
}

/// "Department of ..., Sport and the Arts and the Australian Communications and Media Authority
/// (ACMA)": a name that its acronym in parentheses fits, starting inside a longer candidate after a
/// conjunction (and an article), is a second body: the longer one ends before the conjunction.
fn second_body_with_acronym(text: &str, cands: &mut [Candidate], gaz: &Gazetteers) {
    let defined: Vec<ByteRange> = cands
        .iter()
        .filter(|k| {
            k.acronym.is_some_and(|a| {
                a.start >= k.range.end
                    && text[k.range.end..a.start].trim() == "("
                    && acronym_fits(k.range.slice(text), a.slice(text), gaz)
            })
        })
        .map(|k| k.range)
        .collect();
    for k in cands.iter_mut() {
        let Some(second) = defined.iter().find(|d| k.range.start < d.start && d.start < k.range.end) else {
            continue;
        };
        let mut head = text[k.range.start..second.start].trim_end();
        let mut joined = false;
        for _ in 0..2 {
            let Some((before, last)) = head.rsplit_once(' ') else { break };
            let last_lower = last.to_lowercase();
            if gaz.conjunctions.contains(&last_lower) {
                joined = true;
                head = before.trim_end_matches([' ', ',']);
            } else if gaz.classes.country_articles.contains(&last_lower) && !joined {
                head = before.trim_end();
            } else {
                break;
            }
        }
        if joined && head.contains(' ') {
            k.range.end = k.range.start + head.len();
            k.acronym = None;
        }
    }
}

/// "Instituto Nacional do Governo Electrónico – INAGE", "Asociación ... -ASIET-", "Informação-INTIC",
/// "UEPB (Universidade Estadual da Paraíba)": a body's acronym written after a dash, glued by a
/// hyphen, or before the name in parentheses, when it fits the name, is the body's acronym, as
/// "Name (ACR)" is.
fn written_with_acronym(text: &str, cands: &mut [Candidate], gaz: &Gazetteers) {
    let acronym_len = |s: &str| {
        let len = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
        let word = &s[..len];
        let letters = word.chars().count();
        let closed = s[len..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        ((2..=10).contains(&letters) && word.chars().all(char::is_uppercase) && closed).then_some(len)
    };
    for k in cands.iter_mut().filter(|k| k.acronym.is_none()) {
        let name = k.range.slice(text);
        // Glued by a hyphen to a word of the name, or to the word after its end ("Comunicação e
        // Informação-INTIC"), which is no acronym itself: the name ends at the hyphen.
        let mut pos = k.range.start;
        let mut glued = None;
        for word in text[k.range.start..].split(' ').take(name.split(' ').count() + 2) {
            let at = pos;
            pos += word.len() + 1;
            if at > k.range.end + 1 && !word.starts_with(char::is_uppercase) && glued.is_none() {
                if !gaz.conjunctions.iter().any(|c| c == word) {
                    break;
                }
                continue;
            }
            let word = word.trim_end_matches(['.', ',', ';', ':']);
            let Some((head, tail)) = word.rsplit_once('-') else { continue };
            if head.chars().any(char::is_lowercase) && acronym_len(tail) == Some(tail.len()) && at > k.range.start {
                let hyphen = at + head.len();
                if acronym_fits(&text[k.range.start..hyphen], tail, gaz) {
                    glued = Some((hyphen, tail.len()));
                }
                break;
            }
        }
        if let Some((hyphen, len)) = glued {
            k.range.end = hyphen;
            k.acronym = Some(ByteRange { start: hyphen + 1, end: hyphen + 1 + len });
            continue;
        }
        let after = &text[k.range.end..];
        let dash = after.trim_start_matches(' ');
        let Some(rest) = dash.strip_prefix(['-', '–', '—']) else { continue };
        let spaced = rest.starts_with(' ');
        let rest_trimmed = rest.trim_start_matches(' ');
        // "Name - ACR" (spaced), "Name -ACR-" (closed by a second dash).
        let Some(len) = acronym_len(rest_trimmed) else { continue };
        let closed_by_dash = rest_trimmed[len..].starts_with('-');
        if !(spaced && dash.len() < after.len() || closed_by_dash) {
            continue;
        }
        if !acronym_fits(name, &rest_trimmed[..len], gaz) {
            continue;
        }
        let acr_start = text.len() - rest_trimmed.len();
        k.acronym = Some(ByteRange { start: acr_start, end: acr_start + len });
    }
    // "UEPB (Universidade Estadual da Paraíba)": the acronym before the name.
    for k in cands.iter_mut().filter(|k| k.acronym.is_none()) {
        let Some(before) = text[..k.range.start].strip_suffix('(') else { continue };
        if !text[k.range.end..].starts_with(')') {
            continue;
        }
        let before = before.trim_end_matches(' ');
        let word_start = before
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let word = &before[word_start..];
        if acronym_len(word) == Some(word.len()) && acronym_fits(k.range.slice(text), word, gaz) {
            k.acronym = Some(ByteRange { start: word_start, end: before.len() });
        }
    }
}

/// The organisation of an entry that no pattern recognised: the last capitalised part after a
/// comma or pipe, or what follows "de" / "of" / "at" in a single part. Titles, countries and
/// people are not organisations.
pub(crate) fn entry_organization(
    text: &str,
    rest: ByteRange,
    gaz: &Gazetteers,
    after_connectors: bool,
) -> Option<ByteRange> {
    entry_organization_whole(text, rest, gaz, after_connectors).map(|r| {
        let r = first_of_coordinated(text, r, gaz);
        let name = without_final_stop(r.slice(text));
        ByteRange { start: r.start, end: r.start + where_stated(name, gaz).len() }
    })
}

/// A name without the stop that ends the sentence it closes ("évêque de Nantes."), unless the
/// stop is an abbreviation's ("Acme Inc.", "Globo S.A."): a short word not in capitals, or one
/// with stops inside.
fn without_final_stop(name: &str) -> &str {
    let Some(head) = name.strip_suffix('.') else { return name };
    let last = head.rsplit([' ', '.']).next().unwrap_or("");
    let capitals = last.chars().all(char::is_uppercase);
    let abbreviation =
        head.rsplit(' ').next().is_some_and(|w| w.contains('.')) || last.chars().count() <= 4 && !capitals;
    if abbreviation {
        name
    } else {
        head
    }
}

/// "London Borough of Redbridge sent their apologies": a body's name ends before a run of three
/// words in small letters that join no names (a clause); names in sentence case hold one or two
/// such words at a time ("Agence nationale de la cohésion des territoires"). Empty when one word
/// stands before the clause.
fn before_clause(text: &str, part: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let s = part.slice(text);
    let mut seen_capital = false;
    let mut run_start = None;
    let mut run = 0;
    let mut at = 0;
    for word in s.split(' ') {
        let elided = gaz.classes.elisions.iter().any(|e| word.starts_with(e.as_str()));
        if seen_capital && word.starts_with(char::is_lowercase) && !gaz.joins_names(word) && !elided {
            run_start.get_or_insert(at);
            run += 1;
            if run == CLAUSE_WORDS {
                // A name of one word before the clause is as likely the clause's subject ("IGF best
                // practice forums and ...").
                let kept = s[..run_start.unwrap_or(at)].trim_end();
                let end = if kept.contains(' ') { kept.len() } else { 0 };
                return ByteRange { start: part.start, end: part.start + end };
            }
        } else {
            run_start = None;
            run = 0;
        }
        seen_capital |= word.starts_with(char::is_uppercase);
        at += word.len() + 1;
    }
    part
}

/// A word that names a field of work by its ending has at least this many letters ("Reading",
/// "Boeing" are names).
const SUBJECT_MIN_CHARS: usize = 8;

/// Words in small letters in a row that make a clause, not a body's name.
const CLAUSE_WORDS: usize = 3;

/// "fondateur de la CyberTaskForce et de Paris Cyber Week": a conjunction and a preposition start
/// a second thing led, so the body is the part before them.
fn first_of_coordinated(text: &str, r: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let s = r.slice(text);
    let cut = gaz.spaced_conjunctions.iter().filter_map(|spaced| {
        let mut at = 0;
        while let Some(i) = s[at..].find(spaced.as_str()) {
            let after = &s[at + i + spaced.len()..];
            let prep = gaz.body_prepositions.iter().any(|p| {
                after.strip_prefix(p.as_str()).is_some_and(|rest| p.ends_with(['\'', '’']) || rest.starts_with(' '))
            });
            if prep && at + i > 0 {
                return Some(at + i);
            }
            at += i + 1;
        }
        None
    });
    match cut.min() {
        Some(len) => ByteRange { start: r.start, end: r.start + len },
        None => r,
    }
}

/// Most comma parts of a title's list of portfolios, and most words in each.
const MAX_PORTFOLIOS: usize = 10;
const MAX_PORTFOLIO_WORDS: usize = 4;

/// "Minister for Energy, Information and Communications of Tonga": a title with a subject
/// ("Minister for Energy") whose list of portfolios goes on over commas, each part a few
/// capitalised words with no body's head or tail, up to the part joined by a conjunction. The end
/// of that part, or `None` when the commas do not read so.
pub(crate) fn portfolios_end(s: &str, first_len: usize, gaz: &Gazetteers) -> Option<usize> {
    let title = &s[..first_len];
    let first_word = title.split(' ').next().unwrap_or("");
    let subject = title.split(' ').skip(1).any(|w| {
        gaz.classes.role_of.iter().any(|r| r == w) || gaz.classes.subject_prepositions.iter().any(|p| p.trim() == w)
    });
    if !(gaz.is_title(&first_word.to_lowercase()) && subject) {
        return None;
    }
    let mut len = first_len;
    for _ in 0..MAX_PORTFOLIOS {
        let rest = s[len..].strip_prefix(',')?;
        let piece = &rest[..rest.find([',', '(']).unwrap_or(rest.len())];
        let words: Vec<&str> = piece.split_whitespace().collect();
        let body_word = words.iter().any(|w| gaz.shapes.body_heads.contains(*w) || gaz.shapes.body_tails.contains(*w));
        if words.is_empty() || !words[0].starts_with(char::is_uppercase) || body_word {
            return None;
        }
        len += 1 + piece.len();
        if words.iter().any(|w| gaz.conjunctions.iter().any(|c| c == w)) {
            return Some(len);
        }
        if words.len() > MAX_PORTFOLIO_WORDS {
            return None;
        }
    }
    None
}

fn entry_organization_whole(
    text: &str,
    rest: ByteRange,
    gaz: &Gazetteers,
    after_connectors: bool,
) -> Option<ByteRange> {
    let s = rest.slice(text);
    if s.is_empty() {
        return None;
    }
    let mut parts: Vec<ByteRange> = Vec::new();
    let mut pos = rest.start;
    for piece in s.split([',', '|', '(', ')', ';']) {
        let r = ByteRange { start: pos, end: pos + piece.len() }.trim(text);
        pos += piece.len() + 1;
        // "Registrars - absent": a spaced dash parts an entry's pieces as a comma does.
        let mut at = r.start;
        for dash in [" - ", " – ", " — "] {
            while let Some(i) = text[at..r.end].find(dash) {
                let part = ByteRange { start: at, end: at + i }.trim(text);
                if !part.is_empty() {
                    parts.push(part);
                }
                at += i + dash.len();
            }
        }
        let last = ByteRange { start: at, end: r.end }.trim(text);
        if !last.is_empty() {
            parts.push(last);
        }
    }
    let acceptable = |r: ByteRange| -> bool {
        let p = r.slice(text).trim_end_matches('.');
        let first = p.split_whitespace().next().unwrap_or("");
        let words = p.split_whitespace().count();
        // A body's name opens with a capital and is short: most parts are not one, and the checks
        // below (each a search) are left for those that may be.
        if !(first.chars().next().is_some_and(char::is_uppercase) && words <= 6) {
            return false;
        }
        // "Yunive Moreno y José Santos": people joined by a conjunction, not a body.
        let people = gaz.spaced_conjunctions.iter().any(|c| {
            p.split_once(c.as_str()).is_some_and(|(_, b)| b.split(' ').next().is_some_and(|w| gaz.is_given_name(w)))
        });
        if people {
            return false;
        }
        // An acronym in capitals is a body even when the word is also a name ("ILDA", "Ilda").
        let acronym = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && first.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        // "Especialista en Interoperabilidad", "Director, Engineering": one long word that names a
        // field of work is the title's subject.
        let subject = words == 1
            && !acronym
            && first.chars().count() >= SUBJECT_MIN_CHARS
            && gaz.classes.subject_endings.iter().any(|e| fold(first).ends_with(e.as_str()));
        if subject {
            return false;
        }
        // "WEOG", "ICT": an acronym that names no organisation.
        let stop = gaz.name_stops.contains(first)
            || words == 1 && (gaz.is_common_acronym(p) || gaz.is_name_stopword(first))
            || holds_title(p, gaz);
        !stop
            && p.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && gaz.country_named(p).is_none()
            // "representante do Terceiro Setor", "da Região Sul", "do Estado de Alagoas": a kind of
            // body, an event or region, a place.
            && !generic_words_only(p, gaz)
            // "Asia-Pacific Group" after a stakeholder group: a template's value, no body.
            && !crate::kinds::is_generic(p, gaz)
            && !gaz.event_heads.contains(&fold(first))
            // "Lithuania 2013-11-14 10:00": a date or a time is no part of a body's name.
            && !p.split_whitespace().any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.contains([':', '-', '/']))
            && !gaz.find_places(p).any(|(s, e, _)| s == 0 && e == p.len())
            // "Ville de Paris": a place's noun opens a body's name, even when it is a given name.
            && (acronym || !gaz.is_given_name(first) || gaz.place_nouns.contains(&fold(first)) && words >= 3)
    };
    // "Directora de Innovación, Ciencia y Tecnología, ...": the parts of a title's list of
    // portfolios are the title's.
    let first_len = s.find(',').unwrap_or(s.len());
    if let Some(end) = portfolios_end(s, first_len, gaz) {
        parts.retain(|p| p.start >= rest.start + end);
    }
    if parts.len() >= 2 {
        // "Juhan Parts, Hamadoun Touré, Ivar Tallo, Pille Pruulmann-Vengerfeldt": in a list of
        // people the last part is one more person, not a body.
        let person = |r: &ByteRange| {
            let first = r.slice(text).split(' ').next().unwrap_or("");
            gaz.is_given_name(first)
                && name_at(text, r.start, gaz).is_some_and(|n| n.range.end == r.end && n.core_tokens >= 2)
        };
        if parts.iter().filter(|r| person(r)).count() >= 2 {
            return None;
        }
        // "Group Executive, Regional Australia, at Telstra": a last part opened by a lead that
        // names a body is that body, before any earlier part; not a preposition a title's subject
        // may follow too ("..., de Telecomunicações e de Software").
        if let Some(last) = parts.last() {
            let p = last.slice(text);
            let led = gaz.classes.prose_body_leads.iter().chain(&gaz.org_lead_ins).find_map(|lead| {
                let lead = lead.trim();
                let of_title = gaz.classes.role_of.iter().any(|of| of.split(' ').next() == lead.split(' ').next());
                let after = p.strip_prefix(lead).filter(|rest| rest.starts_with(' ') && !of_title)?;
                Some(ByteRange { start: last.start + (p.len() - after.len()), end: last.end }.trim(text))
            });
            if let Some(body) = led.filter(|r| acceptable(*r)) {
                return Some(body);
            }
        }
        // "(Secretaria de Estado da Fazenda – SEFAZ)": a last part that is the acronym of the part
        // before it names the same body; the long form is its name, no title.
        if let [.., long, short] = parts[..] {
            // "Secretaria" is a title too; before its acronym it is the head of a body.
            let body = acceptable(long) || gaz.shapes.starts_as_ministry.is_match(long.slice(text));
            if body && acronym_of(long.slice(text), short.slice(text), gaz) {
                return Some(long);
            }
        }
        return parts.iter().rev().find(|r| acceptable(**r)).copied();
    }
    let only = before_clause(text, *parts.first()?, gaz);
    let p = only.slice(text);
    // "The National Archives", "La Poste": an article before a capitalised word opens the name.
    let article_led = p.split_once(' ').is_some_and(|(first, rest)| {
        gaz.articles.contains(&first.to_lowercase()) && rest.chars().next().is_some_and(char::is_uppercase)
    });
    let without_article = if article_led {
        let skip = p.find(' ').map_or(0, |i| i + 1);
        ByteRange { start: only.start + skip, end: only.end }
    } else {
        only
    };
    if acceptable(without_article) && p.split_whitespace().count() <= 5 {
        // A single capitalised part that is not a title: "Orange Côte d'Ivoire", and with
        // connectors between its capitalised words, "Ville de Paris", "London Borough of Redbridge".
        let words: Vec<&str> = p.split_whitespace().collect();
        let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c == '&');
        let connectors_only = words.iter().skip(1).all(|w| capitalised(w) || gaz.name_connectors.contains(*w));
        if connectors_only && words.last().is_some_and(|w| capitalised(w)) {
            return Some(only);
        }
    }
    // In prose only the leads that name a body ("de la Sonatel", "at Google") are read, not the
    // "of X" of a title's jurisdiction.
    let leads: Vec<&str> = if after_connectors {
        gaz.org_lead_ins.iter().map(String::as_str).collect()
    } else {
        gaz.classes.prose_body_leads.iter().map(String::as_str).collect()
    };
    // A lead opens the part too: "Helena Duarte, da Open Knowledge Brasil".
    let lead_end = |lead: &str| {
        p.rfind(lead)
            .map(|i| i + lead.len())
            .or_else(|| p.starts_with(lead.trim_start()).then(|| lead.trim_start().len()))
    };
    // "Ministre de la Transition numérique", "Minister of Digital Transformation": after a
    // portfolio's title, the "of X" is the portfolio unless it names a body (GOLD.md: a
    // jurisdictional title stays whole in the role). A body is named by an acronym, a known
    // body's name, or a body's head or tail word.
    let names_a_body = |name: &str| {
        let acronym = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        acronym
            || gaz.institution_named(name).is_some()
            || name.split_whitespace().any(|w| gaz.shapes.body_heads.contains(w) || gaz.shapes.body_tails.contains(w))
    };
    // "ministra de Tecnologías de la Información y las Comunicaciones": the title may open the part,
    // its portfolio running over more than one "de".
    let portfolio_title = |w: &str| gaz.classes.portfolio_titles.contains(&w.to_lowercase());
    let after_portfolio_title = |at: usize| {
        let before = p[..at].trim_end();
        let before = leads.iter().find_map(|l| before.strip_suffix(l.trim())).unwrap_or(before).trim_end();
        before.rsplit(' ').next().is_some_and(portfolio_title) || before.split(' ').next().is_some_and(portfolio_title)
    };
    let led = leads.iter().filter_map(|lead| lead_end(lead)).max().and_then(|i| {
        let r = ByteRange { start: only.start + i, end: only.end };
        let portfolio = after_portfolio_title(i) && !names_a_body(r.slice(text).trim());
        (acceptable(r) && !portfolio).then_some(r)
    });
    // "Diana Carolina Ruiz, de Caracol Radio": an apposition that is only a lead and a name of two
    // words or more (or an acronym) names the body, whatever the lead ("of", "de", "à").
    led.or_else(|| {
        let after = gaz.org_lead_ins.iter().find_map(|lead| {
            p.strip_prefix(lead.trim()).filter(|rest| rest.starts_with(' ')).map(|rest| p.len() - rest.len())
        })?;
        let r = ByteRange { start: only.start + after, end: only.end }.trim(text);
        let name = r.slice(text);
        // "de Buenos Aires", "of New York": a place's name reads the same, so the name must say
        // it is a body: an acronym, a known body, a body's head or tail word, a broadcaster's or paper's noun.
        let media = name.split_whitespace().any(|w| gaz.media_nouns.contains(&w.to_lowercase()));
        ((names_a_body(name) || media) && acceptable(r)).then_some(r)
    })
}

/// Whether `acronym`, in capitals, is `long`'s: by its initials or capitals ("PGE" of
/// "Procuradoria-Geral do Estado"), or made of syllables ("SEFAZ" of "Secretaria de Estado da Fazenda").
pub(crate) fn acronym_of(long: &str, acronym: &str, gaz: &Gazetteers) -> bool {
    acronym.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && acronym.chars().all(|c| c.is_alphanumeric() && !c.is_lowercase() || c == '-')
        && (crate::institutions::acronym_fits(long, acronym, gaz) || letters_in_order(long, acronym))
}

/// "SEFAZ" of "Secretaria de Estado da Fazenda": an acronym made of syllables, whose letters come
/// in order in its long form, from its first letter (accents and case aside).
pub(crate) fn letters_in_order(long: &str, acronym: &str) -> bool {
    let long = fold(long);
    let mut letters = long.chars().filter(|c| c.is_alphanumeric());
    let mut wanted = fold(acronym).chars().filter(|c| c.is_alphanumeric()).collect::<Vec<_>>().into_iter();
    let first = wanted.next();
    first.is_some() && letters.next() == first && wanted.all(|w| letters.any(|l| l == w))
}

/// "MINTEL", "MinTIC", "MINEDUC": an acronym opened by a ministry's first letters is a ministry's
/// (the UN's missions, "MINUSTAH", "MINUSMA", are not).
fn ministry_acronym(acronym: &str) -> bool {
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    let caps = acronym.starts_with("MIN") && !acronym.starts_with("MINU") && acronym.chars().all(|c| !c.is_lowercase());
    let mixed = acronym.strip_prefix("Min").is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    letters >= 5 && caps || letters >= 4 && mixed
}

/// Whether the word right after a company's name at `end` names one of its products: one
/// capitalised word in lower case after its capital ("Chrome", "Teams"), that is no body's head or
/// tail word ("Foundation", "Labs"), place ("Brasil"), given name, known body or connector.
fn names_a_product(text: &str, end: usize, gaz: &Gazetteers) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else { return false };
    let word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && chars.all(char::is_lowercase)
        && !gaz.shapes.body_heads.contains(word)
        && !gaz.shapes.body_tails.contains(word)
        && gaz.find_places(word).next().is_none()
        && gaz.country_named(word).is_none()
        && !gaz.is_given_name(word)
        && !gaz.is_name_stopword(word)
        && gaz.institution_named(word).is_none()
}

/// Most words of a venue's kind written before the name of a body found by its head...
const VENUE_KIND_WORDS_BEFORE: usize = 3;
/// ...read in at most this many bytes before it.
const VENUE_KIND_BYTES_BEFORE: usize = 64;

/// Whether the words right before `range` on its line and the name's first word make a kind of
/// venue of the packs ("Salón de" + "Cabildo ...": "salón de cabildo").
fn closes_a_venue_kind(text: &str, range: ByteRange, gaz: &Gazetteers) -> bool {
    // A window of the line before the name (a text of one long line is not read back to its start).
    let before =
        &text[crate::participants::ceil(text, range.start.saturating_sub(VENUE_KIND_BYTES_BEFORE))..range.start];
    let before = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let words: Vec<&str> = before.split_whitespace().collect();
    let last = &words[words.len() - VENUE_KIND_WORDS_BEFORE.min(words.len())..];
    // What a run of the last words starts with, folded, is the first word of one of them.
    let may_open_a_prefix = last
        .iter()
        .any(|w| fold_words(w).split(' ').next().is_some_and(|first| gaz.venue_prefix_first_words.contains(first)));
    if !may_open_a_prefix {
        return false;
    }
    let name = fold_words(range.slice(text));
    (1..=VENUE_KIND_WORDS_BEFORE.min(words.len())).any(|n| {
        let lead = fold_words(&words[words.len() - n..].join(" "));
        let joined = format!("{lead} {name}");
        !lead.is_empty()
            && gaz.venue_prefixes.iter().any(|f| {
                f.len() > lead.len()
                    && joined.strip_prefix(f.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_names_no_body_with_a_kind_of_body_a_region_or_a_place() {
        let gaz = Gazetteers::bundled();
        let org = |rest: &str| {
            entry_organization(rest, ByteRange { start: 0, end: rest.len() }, &gaz, true)
                .map(|r| r.slice(rest).to_string())
        };
        assert_eq!(org("Representante do Terceiro Setor"), None);
        assert_eq!(org("Conselheira suplente, representante das Entidades Civis da Região Norte"), None);
        assert_eq!(org("Vice President, Europe"), None);
        assert_eq!(org("Coordenadora, Instituto Paraná Região"), Some("Instituto Paraná Região".to_string()));
        assert_eq!(org("Prime Minister, Lithuania 2013-11-14 10:00"), None);
        // The last of a list of people is a person too.
        assert_eq!(org("Lecturers Ana Ruiz, Juan Pérez, Marta Gil, Tiiu Kaasik-Raudsepp"), None);
    }

    #[test]
    fn a_body_ends_before_a_conjunction_and_an_acronym() {
        let gaz = Gazetteers::bundled();
        let cut = |s: &str| s[..cut_before_people(s, ByteRange { start: 0, end: s.len() }, &gaz)].to_string();
        assert_eq!(cut("Universidade do Minho e o INL"), "Universidade do Minho");
        assert_eq!(cut("Ministerio de Hacienda y la CNMC"), "Ministerio de Hacienda");
        assert_eq!(cut("Ministry of Finance and OECD"), "Ministry of Finance");
        // Connectors inside a name stay ("Fundação para a Ciência e a Tecnologia").
        assert_eq!(cut("Fundação para a Ciência e a Tecnologia"), "Fundação para a Ciência e a Tecnologia");
    }

    #[test]
    fn a_body_coordinated_with_a_second_thing_led_ends_before_it() {
        let gaz = Gazetteers::bundled();
        let cut = |s: &str| first_of_coordinated(s, ByteRange { start: 0, end: s.len() }, &gaz).slice(s).to_string();
        assert_eq!(cut("Verdal Lab et de Lyon Data Week"), "Verdal Lab");
        assert_eq!(cut("Fundación Aroma y de la Red Sur"), "Fundación Aroma");
        // A conjunction without a preposition is part of the name.
        assert_eq!(cut("Instituto de Tecnologia e Sociedade"), "Instituto de Tecnologia e Sociedade");
    }

    #[test]
    fn a_name_starts_after_the_end_of_a_sentence_inside_it() {
        let gaz = Gazetteers::bundled();
        assert_eq!(sentence_end_inside("IGF. The Executive Committee", &gaz), Some(5));
        // Initials, honorifics and inner stops are not the end of a sentence.
        assert_eq!(sentence_end_inside("U.S. Department of State", &gaz), None);
        assert_eq!(sentence_end_inside("J. Smith Foundation", &gaz), None);
        assert_eq!(sentence_end_inside("Dr. Ruiz Institute", &gaz), None);
    }

    #[test]
    fn a_name_starts_after_a_capitalised_article_inside_it() {
        let gaz = Gazetteers::bundled();
        assert_eq!(article_inside("Minutes The Audit Committee", &gaz), Some(12));
        assert_eq!(article_inside("Acta La Mesa Directiva", &gaz), Some(8));
        // After a connector, a conjunction or a body's head, the article is part of the name.
        assert_eq!(article_inside("Bank of The South", &gaz), None);
        assert_eq!(article_inside("Association Les Petits Débrouillards", &gaz), None);
        assert_eq!(article_inside("Fundación El Libro", &gaz), None);
        assert_eq!(article_inside("Plan A Foundation", &gaz), None);
    }
}
