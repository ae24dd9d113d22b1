//! The speaker stage: one record per person who took part, with title, organisation and country.

use std::sync::Arc;

use acta_doc::{ByteRange, CountryCode, EntityKind, Layer, Mention, Report, SessionRole, Speaker, Stage, Stakeholder};

use crate::entries::list_entries;
use crate::gazetteer::Gazetteers;
use crate::names::honorific_before;
use crate::participants::{abbreviation_before, ceil, floor, prose_context, Prose};
use crate::words::{lowercase_keeping_offsets, word_in_capitals};

/// How many mentions of one person the speaker stage reads the prose around.
const MENTIONS_READ: u8 = 4;

/// Builds `report.speakers` from the speaker entries and the entities found in them.
pub struct SpeakerStage {
    gaz: Arc<Gazetteers>,
}

impl SpeakerStage {
    pub fn new(gaz: Arc<Gazetteers>) -> Self {
        SpeakerStage { gaz }
    }
}

impl Stage for SpeakerStage {
    fn name(&self) -> &'static str {
        "speakers"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout, Layer::Entities]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Speakers]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        let mut speakers: Vec<Speaker> = Vec::new();
        let mut speaker_of: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
        let mut absent: foldhash::HashSet<usize> = foldhash::HashSet::default();
        // Person mentions by their exact range: an entry's name finds its person in one lookup.
        let person_at: std::collections::HashMap<(usize, usize), usize> = report
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| ((m.range.start, m.range.end), m.canonical))
            .rev()
            .collect();
        fn add(record: Speaker, speakers: &mut Vec<Speaker>, speaker_of: &mut foldhash::HashMap<usize, usize>) {
            match speaker_of.get(&record.person) {
                Some(&i) => merge(&mut speakers[i], record),
                None => {
                    speaker_of.insert(record.person, speakers.len());
                    speakers.push(record);
                }
            }
        }
        // The lists of people as the entity stage read them (read here when it did not run).
        let entries = report.list_entries.take().unwrap_or_else(|| list_entries(report, &self.gaz));
        for parsed in &entries {
            let Some(&person) = person_at.get(&(parsed.name.start, parsed.name.end)) else {
                continue;
            };
            if parsed.absent {
                absent.insert(person);
                continue;
            }
            // "Mr. Karma Dorji" alone on a line of the list, "Director, Ministry of ..." on the next.
            let rest = match parsed.rest.trim(&report.text).is_empty() {
                true => affiliation_below(report, parsed.name, &self.gaz).unwrap_or(parsed.rest),
                false => before_next_person(report, parsed.rest, &self.gaz),
            };
            let mut affiliation = affiliation(report, rest, &self.gaz);
            // A table's title column: the title is its cell, the rest the body's.
            if let Some(title) = parsed.title_cell {
                if affiliation.organization.is_none() && !rest.is_empty() {
                    let body = rest.slice(&report.text);
                    let end = column_gap(body).map_or(body.len(), |(gap, _)| gap);
                    affiliation.unnamed_organization = Some(ByteRange { start: rest.start, end: rest.start + end });
                }
                affiliation.role = (!title.is_empty()).then_some(title);
            }
            if affiliation.organization.is_none() && affiliation.unnamed_organization.is_none() {
                affiliation.organization = body_of_heading(report, parsed.source.start);
            }
            // "Ghana" or "World Bank" alone on a line over a group of entries (lists of participants
            // by delegation): the group's country or body, for entries that name none.
            if let Some(group) = group_line_above(report, parsed.source.start) {
                match group.kind {
                    EntityKind::Country if affiliation.country.is_none() => {
                        affiliation.country = country_of(report, group);
                    }
                    EntityKind::Ministry | EntityKind::Organization
                        if affiliation.organization.is_none() && affiliation.unnamed_organization.is_none() =>
                    {
                        affiliation.organization = Some(group);
                    }
                    // "Chief, Technology and Innovation Section" under "United Nations Economic
                    // Commission for Africa": the unit is the role's, the group's body the speaker's.
                    EntityKind::Ministry | EntityKind::Organization => {
                        if let Some(unit) =
                            affiliation.organization.filter(|o| is_sub_unit(o.range.slice(&report.text), &self.gaz))
                        {
                            let start = affiliation.role.map_or(unit.range.start, |r| r.start.min(unit.range.start));
                            affiliation.role = Some(ByteRange { start, end: unit.range.end });
                            affiliation.organization = Some(group);
                        }
                    }
                    _ => {}
                }
            } else if affiliation.country.is_none() {
                affiliation.country = country_heading_above(report, parsed.source.start);
            }
            // "Ana Ruiz, Gerente Municipal, Presidente del Comité", "..., quien preside": a piece of the
            // entry that is a part in the session, alone or of the meeting or its body, gives that
            // part, and names no body.
            let mut session_roles = vec![parsed.role];
            if let Some((part, piece)) = part_in_entry(&report.text, rest, &self.gaz) {
                session_roles.push(part);
                if affiliation.unnamed_organization.is_some_and(|o| o.overlaps(&piece)) {
                    affiliation.unnamed_organization = None;
                }
                if affiliation.organization.is_some_and(|o| o.range.overlaps(&piece)) {
                    affiliation.organization = None;
                }
            }
            let record = Speaker {
                person,
                honorific: parsed.honorific,
                role: affiliation.role,
                organization: affiliation.organization.map(|m| m.range).or(affiliation.unnamed_organization),
                organization_is_ministry: affiliation.organization.is_some_and(|m| m.kind == EntityKind::Ministry),
                organization_is_host: false,
                country: affiliation.country,
                session_roles,
                stakeholder: affiliation.stakeholder,
                gender: parsed.honorific_gender,
                source_line: parsed.source,
                confidence: if affiliation.organization.is_some() { 0.9 } else { 0.7 },
            };
            add(record, &mut speakers, &mut speaker_of);
        }
        report.list_entries = Some(entries);
        // Everyone else the text names took part, as the prose around their names says (title and
        // organisation in apposition, a phrase of participation), unless the text names them only
        // as absent or excused.
        let listed: foldhash::HashSet<usize> = speaker_of.keys().copied().collect();
        let lower = report.lower_text.take().unwrap_or_else(|| lowercase_keeping_offsets(&report.text));
        let bodies: Vec<ByteRange> = report
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization))
            .map(|m| m.range)
            .collect();
        let prose = Prose { text: &report.text, lower: &lower, bodies: &bodies };
        let mut prose_absent: foldhash::HashSet<usize> = foldhash::HashSet::default();
        // The first mentions of a person say who they are and what part they had; a report that names
        // someone fifty times is read around the first few only.
        let mut read: foldhash::HashMap<usize, u8> = foldhash::HashMap::default();
        // Mentions are sorted by start: a person overlapping a range starts at most the longest
        // person's length before it, so a window of them is read, not every mention.
        let persons: Vec<ByteRange> =
            report.mentions.iter().filter(|p| p.kind == EntityKind::Person).map(|p| p.range).collect();
        let longest_person = persons.iter().map(|p| p.len()).max().unwrap_or(0);
        let holds_person = |range: ByteRange| {
            let from = persons.partition_point(|p| p.start < range.start.saturating_sub(longest_person));
            persons[from..].iter().take_while(|p| p.start < range.end).any(|p| p.overlaps(&range))
        };
        for m in report.mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            if absent.contains(&m.canonical) {
                continue;
            }
            let times = read.entry(m.canonical).or_insert(0);
            *times = times.saturating_add(1);
            if *times > MENTIONS_READ {
                continue;
            }
            let context = prose_context(&prose, m.range, &self.gaz);
            // A member listed as present who speaks in the minutes ("Ana Ruiz presentó ...") has
            // that part too; the list gives the rest of the row.
            if listed.contains(&m.canonical) {
                if let (Some(role), Some(&i)) = (context.role, speaker_of.get(&m.canonical)) {
                    speakers[i].session_roles.push(role);
                }
                // "Présents : M. Yves Le Bihan, ..." then "M. Le Bihan, adjoint aux finances,
                // présente ...": a title the list did not give, from the prose.
                if let (Some(apposition), Some(&i)) = (context.apposition, speaker_of.get(&m.canonical)) {
                    let row = &mut speakers[i];
                    // Not the list itself, where what follows a name is the next entry.
                    let in_list = row.source_line.contains(&m.range) || row.source_line.overlaps(&apposition);
                    if row.role.is_none() && row.organization.is_none() && !in_list && !holds_person(apposition) {
                        let a = affiliation(report, apposition, &self.gaz);
                        row.role = a.role;
                        if let Some(org) = a.organization {
                            row.organization = Some(org.range);
                            row.organization_is_ministry = org.kind == EntityKind::Ministry;
                        }
                        row.country = row.country.or(a.country);
                        row.stakeholder = row.stakeholder.or(a.stakeholder);
                    }
                }
                continue;
            }
            // "Foram apresentadas as justificativas de ausência dos Conselheiros X e Y": named as
            // absent in prose, and nothing in the sentence says they took part.
            if context.role.is_none() && absent_in_sentence(&report.text, m.range, &self.gaz) {
                prose_absent.insert(m.canonical);
                continue;
            }
            // "according to X", "the late X": cited or remembered, not taking part; "By X | Abuja": the
            // author of the text.
            // "... on behalf of UN Secretary-General Ban Ki Moon": represented, not there; so is
            // "M. X, ministre de ..., représenté par M. Y", whatever part the sentence gives X.
            if represented(&report.text, m.range, &self.gaz)
                || stood_in_for(report, m.range, &self.gaz)
                || names_a_venue(&report.text, m.range, &self.gaz)
                || context.role.is_none() && (context.cited || in_byline(&report.text, m.range, &self.gaz))
            {
                prose_absent.insert(m.canonical);
                continue;
            }
            // "Ana Ruiz" alone on a line, "Directora. Agencia de Datos (ADA). Chile" on the next: a
            // programme's two-line entry.
            let below = context.apposition.is_none().then(|| affiliation_below(report, m.range, &self.gaz)).flatten();
            // "A, B, C y D": what follows a name up to the next person is its apposition; another
            // person is not.
            let apposition = context
                .apposition
                .map(|a| match a.end <= m.range.start {
                    true => after_last_person(report, a, &self.gaz),
                    false => before_next_person(report, a, &self.gaz),
                })
                .filter(|a| !a.is_empty());
            let mut affiliation = apposition.or(below).map(|a| affiliation(report, a, &self.gaz));
            // A delegate's two-line entry under a country's heading ("CAMBODIA", then "H.E. X" and
            // "Secretary of State, Ministry of ..."): the heading's country, as for list entries.
            if let (Some(a), None) = (affiliation.as_mut(), apposition) {
                if a.country.is_none() {
                    a.country = match group_line_above(report, m.range.start) {
                        Some(group) if group.kind == EntityKind::Country => country_of(report, group),
                        Some(_) => None,
                        None => country_heading_above(report, m.range.start),
                    };
                }
            }
            // "Mme X, Secrétaire générale, Ministère du Numérique (Sénégal)": the country in
            // parentheses right after the apposition (which ends at the parenthesis) is the speaker's.
            if let (Some(a), Some(app)) = (affiliation.as_mut(), apposition) {
                if a.country.is_none() && app.start >= m.range.end {
                    let line_end = report.text[app.end..].find('\n').map_or(report.text.len(), |i| app.end + i);
                    let after = ByteRange { start: app.end, end: line_end };
                    a.country = country_in_parentheses_first(report, after).map(|(country, _)| country);
                }
            }
            if let (Some(a), Some(app)) = (affiliation.as_mut(), apposition) {
                // A title before the name with no body in it is a title as a whole ("Minister of
                // Industry, Energy and Mining"); a title before with a body after ("la periodista X,
                // del diario Y") gives the role.
                if app.end <= m.range.start && a.organization.is_none() {
                    a.role = trim_role(&report.text, app, &self.gaz).map(|r| without_possessive_country(report, r));
                }
                if a.role.is_none() {
                    a.role = context.title_before.and_then(|t| trim_role(&report.text, t, &self.gaz));
                }
                // "UNCTAD Secretary-General Dr. X", "WIPO's Director General X": the body written
                // right before the title is the speaker's.
                if app.end <= m.range.start && a.organization.is_none() {
                    a.organization = body_before(report, app.start);
                }
                // "The World Bank's Senior Digital Specialist, Mr. X": a body in the possessive that
                // the title was read from the middle of is the speaker's, and out of the title.
                if app.end <= m.range.start && a.organization.is_none() {
                    if let Some((body, title_start)) = possessive_body(report, a.role.map_or(app.start, |r| r.start)) {
                        a.organization = Some(body);
                        a.role = a
                            .role
                            .filter(|r| r.end > title_start)
                            .map(|r| ByteRange { start: title_start, end: r.end });
                    }
                }
            }
            let honorific = honorific_before(&report.text, m.range.start, &self.gaz, report.language_at(m.range.start));
            // "Microsoft's Lillian Barnard": a body in the possessive right before the name is hers.
            let possessive = ["'s ", "’s "].iter().any(|g| report.text[..m.range.start].ends_with(g));
            let organization = affiliation
                .as_ref()
                .and_then(|a| a.organization)
                .or_else(|| possessive.then(|| body_before(report, m.range.start)).flatten());
            let record = Speaker {
                person: m.canonical,
                honorific: honorific.map(|(_, r)| r),
                // "Secretary-General Dr. Supachai": a courtesy honorific before the name (an
                // abbreviation: "Dr.", "Sra.", "Amb.") is not the title's; "Minister" is.
                role: affiliation.as_ref().and_then(|a| a.role).and_then(|r| match honorific {
                    Some((_, h))
                        if r.start < h.start
                            && h.start < r.end
                            && r.end <= h.end
                            && (h.slice(&report.text).ends_with('.') || h.len() <= 3) =>
                    {
                        let title = ByteRange { start: r.start, end: h.start }.trim(&report.text);
                        trim_role(&report.text, without_trailing_possessive_country(report, title), &self.gaz)
                    }
                    _ => Some(without_trailing_possessive_country(report, r)).filter(|r| !r.is_empty()),
                }),
                // In prose only a body the text names as one is taken (an unnamed last part is too often a
                // place or a clause).
                organization: organization.map(|o| o.range),
                organization_is_ministry: organization.is_some_and(|o| o.kind == EntityKind::Ministry),
                organization_is_host: false,
                country: affiliation
                    .as_ref()
                    .and_then(|a| a.country)
                    .or_else(|| demonym_before(report, m.range, &self.gaz))
                    .or_else(|| country_of_sentence(report, m.range, &self.gaz)),
                session_roles: context.role.into_iter().collect(),
                stakeholder: affiliation.as_ref().and_then(|a| a.stakeholder),
                gender: honorific.and_then(|(h, _)| h.gender),
                source_line: line_around(report, m.range),
                confidence: if apposition.is_some() || context.role.is_some() { 0.7 } else { 0.5 },
            };
            add(record, &mut speakers, &mut speaker_of);
        }
        // Named as absent in one sentence, and nowhere else shown with a part, a title or a body: no row.
        speakers
            .retain(|s| !prose_absent.contains(&s.person) || listed.contains(&s.person) || taking_part_elsewhere(s));
        let presiding = presiding_in_turn_labels(report, &self.gaz);
        for s in &mut speakers {
            // "Iván Stola (Moderador)", "Alisson Quesada, moderadora del Foro": a title that is a
            // part in the session gives that part, in place of the speaker's that a list gives.
            let part = s.role.and_then(|r| {
                part_of_title(report.slice(r), &self.gaz).or_else(|| part_in_parentheses(report, r, &self.gaz)).or_else(
                    || {
                        // In a list of members only: in prose "presidente" alone is a post.
                        let alone =
                            listed.contains(&s.person) && s.organization.is_none() && !report.slice(r).contains(',');
                        part_aside(report.slice(r), &self.gaz).filter(|_| alone)
                    },
                )
            });
            let presides = presiding.contains(&s.person);
            let part = part.or_else(|| presides.then_some(SessionRole::Chair));
            if let Some(part) = part {
                if s.session_roles == [SessionRole::Speaker] {
                    s.session_roles.clear();
                }
                s.session_roles.push(part);
            }
            // A transcript's turn is a turn: who presides under its label speaks there as well.
            if s.session_roles.is_empty() || presides {
                s.session_roles.push(SessionRole::Speaker);
            }
            s.session_roles.sort();
            s.session_roles.dedup();
        }
        // "P. Pigache : la 1ère option est simple ...": a turn in the minutes under a listed person's
        // surname says they spoke. A chair's or moderator's turns are mostly the chairing.
        for i in turns_taken(report, &speakers, &self.gaz) {
            let roles = &mut speakers[i].session_roles;
            let chairs = roles.iter().any(|r| matches!(r, SessionRole::Chair | SessionRole::Moderator));
            if !chairs && !roles.contains(&SessionRole::Speaker) {
                roles.push(SessionRole::Speaker);
                roles.sort();
            }
        }
        // "os conselheiros da Agência A, B e C", "Councillors A (Chair), B and C": a title in the
        // plural before an enumeration of names is each one's, in the singular.
        // (Each person's mentions gathered once: a list of thousands of names is read in one pass.)
        if speakers.iter().any(|s| s.role.is_none()) {
            let mut mentions_of: foldhash::HashMap<usize, Vec<ByteRange>> = foldhash::HashMap::default();
            for m in report.mentions.iter().filter(|m| m.kind == EntityKind::Person) {
                mentions_of.entry(m.canonical).or_default().push(m.range);
            }
            for s in speakers.iter_mut().filter(|s| s.role.is_none()) {
                let mentions = mentions_of.get(&s.person).map_or(&[][..], Vec::as_slice);
                s.role = mentions.iter().find_map(|&r| plural_title_of_enumeration(report, r, &self.gaz));
            }
        }
        // "diretor de Tecnologia da Prefeitura": a body named by its bare head word is the one body
        // of that head the text names in full ("Prefeitura de Joinville").
        for s in speakers.iter_mut() {
            let Some(org) = s.organization else { continue };
            // Only a head word ("Prefeitura", "Ministerio"), not a name of one word ("OECD", "Toulouse").
            let word = org.slice(&report.text);
            if !self.gaz.shapes.body_heads.contains(word) {
                continue;
            }
            if let Some(body) = only_body_headed_by(report, word) {
                s.organization = Some(body.range);
                s.organization_is_ministry = body.kind == EntityKind::Ministry;
            }
        }
        // "Secrétaire Générale du Ministère", "directora de la Agencia": a title that ends in a
        // body's bare head word names the one body of that head the text names in full.
        for s in speakers.iter_mut().filter(|s| s.organization.is_none()) {
            if let Some((role, body)) = s.role.and_then(|r| body_named_before(report, r, &self.gaz)) {
                s.role = Some(role);
                take_body(s, body, report);
            }
        }
        // GOLD.md: a speaker's country comes from the text. A body's country known only to the
        // gazetteer ("Anatel" is Brazilian) is kept when the text names that country somewhere.
        let named: Vec<CountryCode> = report
            .canonicals
            .iter()
            .filter(|c| c.kind == EntityKind::Country)
            .filter_map(|c| c.country.or_else(|| CountryCode::parse(&c.name)))
            .collect();
        for s in &mut speakers {
            if s.country.is_some_and(|c| !named.contains(&c)) {
                s.country = None;
            }
        }
        // Minutes of a body's meeting ("Ata da Reunião do CGI.br", "DIARIO DE SESIONES DEL SENADO"):
        // a member listed with no body of their own, and no other group they sit for, is the host's.
        // A delegate of a country ("Ms. Ingrid Haugland (Norway)") sits for the country.
        if speakers.iter().any(|s| s.organization.is_none()) {
            if let Some(host) = crate::host_body::host_body(report, &self.gaz) {
                for s in speakers.iter_mut().filter(|s| s.organization.is_none() && s.country.is_none()) {
                    if crate::host_body::sits_for_host(report, s.role, &self.gaz) {
                        take_body(s, host, report);
                        s.organization_is_host = true;
                    }
                }
            }
        }
        // A public body's country is the text's own when the text names one ("the organisation is a
        // public body and the text names its country", GOLD.md): the only country it names, or the
        // state its letterhead names ("RÉPUBLIQUE DU CAMEROUN").
        if speakers.iter().any(|s| s.country.is_none() && s.stakeholder == Some(Stakeholder::Government)) {
            if let Some(home) = home_country(report, &self.gaz) {
                for s in speakers.iter_mut().filter(|s| s.country.is_none()) {
                    if s.stakeholder == Some(Stakeholder::Government) {
                        s.country = Some(home);
                    }
                }
            }
        }
        speaks_by_title(report, &mut speakers, &self.gaz);
        report.speakers = speakers;
        Ok(())
    }
}

/// Minutes name members by their post once they are listed: "The CEO reported that ...", "El
/// Secretario informó ...". A member listed as present with a post that no other row has, and
/// that the text makes the subject of a verb of speech ("the" and the post, or its initials:
/// "Chief Executive Officer" is "the CEO"), spoke.
fn speaks_by_title(report: &Report, speakers: &mut [Speaker], gaz: &Gazetteers) {
    let listed_only = |s: &Speaker| s.session_roles.iter().all(|r| *r == SessionRole::Attendee);
    if !speakers.iter().any(|s| listed_only(s) && s.role.is_some()) {
        return;
    }
    let lower = report.text.to_lowercase();
    let forms_of = |s: &Speaker| -> Vec<String> {
        let Some(role) = s.role else { return Vec::new() };
        let title = report.slice(role).trim().to_lowercase();
        let words: Vec<&str> = title.split_whitespace().collect();
        let mut forms = vec![title.clone()];
        let initials: String =
            words.iter().filter(|w| !gaz.name_connectors.contains(**w)).filter_map(|w| w.chars().next()).collect();
        if words.len() >= 2 && initials.chars().count() == words.len() {
            forms.push(initials);
        }
        forms
    };
    let all_forms: Vec<Vec<String>> = speakers.iter().map(forms_of).collect();
    for i in 0..speakers.len() {
        if !listed_only(&speakers[i]) {
            continue;
        }
        for form in &all_forms[i] {
            // A post two rows hold names neither.
            if all_forms.iter().enumerate().any(|(j, other)| j != i && other.contains(form)) {
                continue;
            }
            let spoke = gaz.classes.post_articles.iter().any(|article| {
                let phrase = format!("{article}{form} ");
                lower.match_indices(&phrase).any(|(at, _)| {
                    let word_start = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                    let rest = &lower[at + phrase.len()..];
                    let verb = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                    let reports =
                        gaz.classes.report_verbs.iter().any(|v| {
                            rest.strip_prefix(v.as_str()).is_some_and(|r| !r.starts_with(char::is_alphanumeric))
                        });
                    word_start
                        && (reports
                            || gaz.narrative_verbs.contains(verb)
                            || gaz.speech_verbs.longest_prefix(rest).is_some())
                })
            });
            if spoke {
                speakers[i].session_roles.push(SessionRole::Speaker);
                break;
            }
        }
    }
}

/// Most names an enumeration under one title is walked back over, and most words between the
/// title and its first name ("da Agência").
const MAX_ENUMERATED: usize = 12;
const MAX_TITLE_QUALIFIER_WORDS: usize = 3;
/// A part in parentheses after a name in such an enumeration ("(Chair)", "(Vice-presidenta)") is
/// at most this long.
const MAX_ASIDE_BYTES: usize = 24;
/// How far before an enumeration's first name its title is looked for, in bytes.
const MAX_TITLE_WINDOW: usize = 160;

/// The singular of a title in the plural written before the enumeration `name` is in ("los
/// congresistas A, B y C", "Councillors A (Chair), B and C", "os conselheiros da Agência A, B e
/// C"): the plural's first letters, as the singular is ("conselheiro" of "conselheiros").
fn plural_title_of_enumeration(report: &Report, name: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let text = &report.text;
    let person_ending_at = |end: usize| {
        let first = report.mentions.partition_point(|m| m.range.end < end);
        report.mentions[first..]
            .iter()
            .take_while(|m| m.range.end == end)
            .find(|m| m.kind == EntityKind::Person)
            .map(|m| m.range.start)
    };
    // Back over the names before it: ", ", a conjunction, a part in parentheses after a name.
    let mut start = name.start;
    for _ in 0..MAX_ENUMERATED {
        let before = text[..start].trim_end_matches(' ');
        let before = before.strip_suffix(',').map(str::trim_end).or_else(|| {
            let (head, last) = before.rsplit_once(' ')?;
            gaz.conjunctions.iter().any(|c| c == last).then(|| head.trim_end_matches([' ', ',']))
        });
        let Some(mut before) = before else { break };
        // "Heather Mack (Chair)": the part in parentheses after a name.
        if before.ends_with(')') {
            let from = crate::participants::floor(before, before.len().saturating_sub(MAX_ASIDE_BYTES));
            let Some(open) = before[from..].rfind('(').map(|i| from + i) else { break };
            before = before[..open].trim_end();
        }
        match person_ending_at(before.len()) {
            Some(s) => start = s,
            None => break,
        }
    }
    // The title: a word in the plural among the few words of the clause before the first name.
    // (Only the few words before the name are read: a line of thousands of names has no stop.)
    let window = crate::participants::floor(text, start.saturating_sub(MAX_TITLE_WINDOW));
    let clause = &text[..start];
    let clause_start = clause[window..].rfind(['.', ';', ':', '\n', '(', ')']).map_or(window, |i| window + i + 1);
    let words: Vec<(usize, &str)> = clause[clause_start..]
        .split(' ')
        .scan(clause_start, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let from = words.len().saturating_sub(MAX_TITLE_QUALIFIER_WORDS + 1);
    // Between the title and the first name only a qualifier: capitalised words, connectors, titles
    // ("da Agência", "titulares"); "los ministros hablaron con A" is no title of A's.
    let qualifier = |w: &str| {
        w.starts_with(char::is_uppercase) || gaz.joins_names(w) || gaz.is_title_or_plural(w) || gaz.articles.contains(w)
    };
    words[from..].iter().enumerate().find_map(|(k, &(at, word))| {
        let lower = word.to_lowercase();
        if gaz.is_title(&lower) || !words[from + k + 1..].iter().all(|(_, w)| qualifier(w)) {
            return None;
        }
        let singular = [1, 2].into_iter().find(|&cut| {
            lower.ends_with('s')
                && lower.len() > cut
                && lower.is_char_boundary(lower.len() - cut)
                && gaz.is_title(&lower[..lower.len() - cut])
        })?;
        let title = ByteRange { start: at, end: at + word.len() - singular };
        // "Lecturers A, B" and "Moderators C, D" opening a line label a programme's parts.
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let labels_line = text[line_start..at].trim().is_empty();
        (!labels_line && part_of_title(title.slice(text), gaz).is_none()).then_some(title)
    })
}

/// The part in the session a title names by its first word, when that word alone is a phrase of
/// participation ("moderadora del Foro", "Rapporteur", "animatrice"): chairing, moderating or
/// reporting, not a post.
fn part_of_title(title: &str, gaz: &Gazetteers) -> Option<SessionRole> {
    let lower = title.to_lowercase();
    let first = lower.split([' ', ',']).next().unwrap_or("");
    let part = gaz
        .participation_before
        .find_all(first)
        .find(|&(start, end, _)| start == 0 && end == first.len())
        .map(|(_, _, role)| role);
    part.filter(|role| matches!(role, SessionRole::Moderator | SessionRole::Chair | SessionRole::Rapporteur))
}

/// "By Chinedu Okafor | ABUJA | 4 May 2023", "Por: Ana Ruiz": a name right after a byline's word
/// at a line's start.
/// What follows the name on its line says so: nothing, a separator ("|", "/"), or an address,
/// a date (also after a short preposition: "on 3 September 2026") or a place, never a title ("by Erkki Liikanen, European Commissioner" in a programme is
/// who opens a session).
fn in_byline(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    let line_start = text[..name.start].rfind('\n').map_or(0, |i| i + 1);
    // "Reporting by Ana Ruiz; Editing by Tom Hale": each credit of a line after a ';' or '|'.
    let credit_start = text[line_start..name.start].rfind([';', '|']).map_or(line_start, |i| line_start + i + 1);
    let mut before = text[credit_start..name.start].trim();
    // "Source :" on its own line, the press contact's name on the next (a press release's end).
    if before.is_empty() {
        let above = text[..line_start].trim_end();
        let above_line = &above[above.rfind('\n').map_or(0, |i| i + 1)..];
        // "Contacts" alone on its line, a heading without its colon, reads the same.
        let heading = !above_line.contains(':')
            && gaz.classes.bylines.contains(above_line.trim().to_lowercase().as_str())
            && above_line.trim().chars().count() > 3;
        if above_line.ends_with(':') || heading {
            before = above_line.trim();
        }
    }
    // "Reportagem – Janary Damacena": a dash labels as a colon does.
    let labelled = before.ends_with([':', '–', '—', '-']);
    if !gaz.classes.bylines.contains(before.trim_end_matches([':', '–', '—', '-']).trim_end().to_lowercase().as_str())
    {
        return false;
    }
    let line_end = text[name.end..].find('\n').map_or(text.len(), |i| name.end + i);
    let after = text[name.end..line_end].trim();
    let next_word = after.trim_start_matches([',', '-', '–', '—', ' ']).split(' ').next().unwrap_or("");
    // "Posted by Ana Ruiz on 3 September 2026", "publié par X le 3 mars": a short preposition, then a date.
    let dated = after.split_once(' ').is_some_and(|(word, rest)| {
        word.chars().count() <= 3
            && word.chars().all(char::is_lowercase)
            && rest.starts_with(|c: char| c.is_ascii_digit())
    });
    labelled
        || dated
        || after.is_empty()
        || after.starts_with(['|', '/', '·', '•', ';'])
        || next_word.contains('@')
        || next_word.starts_with(|c: char| c.is_ascii_digit())
        || !gaz.is_title(next_word) && after.starts_with(',') && word_in_capitals(next_word)
}

/// The speakers (indices into `speakers`) whose turns the text gives: a line opened by a label of
/// a surname, its initials or a form of address before it ("P. Pigache :", "N.Berthelot:", "Sra.
/// Gómez:"), a colon, and a sentence (more words in small letters than capitalised: not an entry's
/// body, "Bia Barbosa: Terceiro Setor"). Only a label whose surname and initial fit one speaker.
fn turns_taken(report: &Report, speakers: &[Speaker], gaz: &Gazetteers) -> Vec<usize> {
    let text = &report.text;
    // Each speaker's given name's initial and the folded words after it.
    let names: Vec<(char, Vec<String>)> = speakers
        .iter()
        .map(|s| {
            let name = &report.canonicals[s.person].name;
            let mut words = name.split_whitespace();
            let initial = words.next().and_then(|w| w.chars().next()).unwrap_or(' ');
            (initial, words.map(acta_doc::fold).collect())
        })
        .collect();
    let mut spoke = Vec::new();
    for line in &report.lines {
        let content = line.content.slice(text);
        let Some(colon) = content[..crate::participants::floor(content, MAX_TURN_LABEL_BYTES)].find(':') else {
            continue;
        };
        let said: Vec<&str> = content[colon + 1..].split_whitespace().collect();
        let small = said.iter().filter(|w| w.starts_with(char::is_lowercase)).count();
        if said.len() < MIN_TURN_WORDS || small * 2 <= said.len() {
            continue;
        }
        let tokens: Vec<&str> = content[..colon].split([' ', '.', '\t']).filter(|t| !t.is_empty()).collect();
        let Some((surname, before)) = tokens.split_last() else { continue };
        if surname.chars().count() < 2 || !tokens.iter().all(|t| t.starts_with(char::is_uppercase)) {
            continue;
        }
        // Before the surname: initials ("J", "P", "J-P") and forms of address only.
        let is_initial = |t: &str| t.split('-').all(|piece| piece.chars().count() == 1);
        let addressed = |t: &str| gaz.honorific(t).is_some() || gaz.honorific(&format!("{t}.")).is_some();
        if !before.iter().all(|t| is_initial(t) || addressed(t)) {
            continue;
        }
        let initial = before.iter().find(|t| is_initial(t)).and_then(|t| t.chars().next());
        let surname = acta_doc::fold(surname);
        let mut fitting = names
            .iter()
            .enumerate()
            .filter(|(_, (first, rest))| initial.is_none_or(|i| i == *first) && rest.contains(&surname))
            .map(|(i, _)| i);
        if let (Some(i), None) = (fitting.next(), fitting.next()) {
            spoke.push(i);
        }
    }
    spoke
}

/// Longest label of a turn before its colon ("Dr. J.-P. Fontaine-Martel"), in bytes.
const MAX_TURN_LABEL_BYTES: usize = 40;
/// Fewest words said after a turn's label: fewer are a field's value.
const MIN_TURN_WORDS: usize = 5;

/// Most words before a name in a transcript's turn label ("O SR. PRESIDENTE (Deputado").
const MAX_TURN_LABEL_WORDS: usize = 6;

/// How far after a presiding name its label's parenthesis and turn mark are looked for.
const MAX_TURN_LABEL_TAIL_BYTES: usize = 300;

/// The people (canonical indices) who speak in a transcript under a label that says they preside:
/// a line opened by a few words with a chair's title, the name, and a colon or a dash before what
/// is said ("La presidenta diputada Renata Olvera:", "O SR. PRESIDENTE (Deputado Júlio Fontes) -").
/// One pass over the mentions for the whole table.
fn presiding_in_turn_labels(report: &Report, gaz: &Gazetteers) -> foldhash::HashSet<usize> {
    let text = &report.text;
    let presides = |m: &&Mention| {
        // "O SR. PRESIDENTE (Humberto Costa. Bloco Parlamentar .../PT - PE) -": the name opens a
        // parenthesis that goes on with the party; the turn's mark follows its end.
        // Read within a label's reach of the name: a line of a million words costs what a label does.
        let reach = &text
            [m.range.end..crate::participants::floor(text, (m.range.end + MAX_TURN_LABEL_TAIL_BYTES).min(text.len()))];
        let rest_of_line = &reach[..reach.find('\n').unwrap_or(reach.len())];
        let after = match text[..m.range.start].trim_end().ends_with('(') {
            true => rest_of_line.find(')').map_or(rest_of_line, |i| &rest_of_line[i..]),
            false => rest_of_line,
        };
        let after = after.trim_start_matches([')', ' ']);
        let turn = after.starts_with(':') || after.starts_with(".-") || after.starts_with(['-', '–', '—']);
        if !turn {
            return false;
        }
        let words = words_before_on_line(text, m.range.start, MAX_TURN_LABEL_WORDS);
        words.len() <= MAX_TURN_LABEL_WORDS
            && words.iter().any(|w| {
                gaz.classes.chair_titles.contains(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
            })
    };
    report.mentions.iter().filter(|m| m.kind == EntityKind::Person).filter(presides).map(|m| m.canonical).collect()
}

/// The words between the start of the line and `end`, last first, and at most `max + 1` of them:
/// read back from `end`, so that a line of a million words costs what a label of a few does.
fn words_before_on_line(text: &str, end: usize, max: usize) -> Vec<&str> {
    let mut words = Vec::new();
    let mut word_end: Option<usize> = None;
    let mut line_start = 0;
    for (i, c) in text[..end].char_indices().rev() {
        if c == '\n' {
            line_start = i + 1;
            break;
        }
        if c.is_whitespace() {
            if let Some(e) = word_end.take() {
                words.push(&text[i + c.len_utf8()..e]);
                if words.len() > max {
                    return words;
                }
            }
        } else if word_end.is_none() {
            word_end = Some(i + c.len_utf8());
        }
    }
    if let Some(e) = word_end {
        words.push(&text[line_start..e]);
    }
    words
}

/// The part in the session said alone in parentheses after a name ("Francis Maude (Chair)", "Pedro
/// Paz (preside)"): a word that elsewhere is a post says here who chaired the meeting.
fn part_in_parentheses(report: &Report, role: ByteRange, gaz: &Gazetteers) -> Option<SessionRole> {
    let text = &report.text;
    if !text[..role.start].ends_with('(') {
        return None;
    }
    // "(Chair)", "(Mayor, in the Chair)": one comma-separated part of the parenthesis, whole.
    let inside = &text[role.start..];
    let inside = &inside[..inside.find([')', '\n']).filter(|&i| inside[i..].starts_with(')'))?];
    part_aside(inside, gaz)
}

/// The part in the session a piece of a list entry's rest names (pieces between commas,
/// semicolons or parentheses): a phrase of the packs' `aside` participation at the piece's start,
/// alone after the first piece ("quien preside", "Chair") or followed by what it presides, a body of an event or a
/// meeting ("Presidente del Comité", "présidente du conseil", "secrétaire de séance"); and the piece.
fn part_in_entry(text: &str, rest: ByteRange, gaz: &Gazetteers) -> Option<(SessionRole, ByteRange)> {
    let mut start = rest.start;
    for (i, piece) in rest.slice(text).split([',', ';', '(', ')']).enumerate() {
        let range = ByteRange { start, end: start + piece.len() }.trim(text);
        start += piece.len() + 1;
        let lower = range.slice(text).to_lowercase();
        let found = gaz.participation_aside.find_all(&lower).filter(|&(s, _, _)| s == 0).max_by_key(|&(_, e, _)| e);
        let Some((_, end, part)) = found else { continue };
        if lower[end..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let after: Vec<&str> = lower[end..].split_whitespace().collect();
        let presided = match after.last() {
            // The first piece alone is the entry's post ("Ajit Pai, Chairman, Federal Communications
            // Commission"), unless in parentheses ("Liam Maxwell (Chair)").
            None => i > 0 || text[..range.start].trim_end().ends_with('('),
            Some(last) => {
                let last = last.trim_matches(|c: char| !c.is_alphanumeric());
                after.len() <= MAX_PRESIDED_WORDS
                    && (gaz.classes.meeting_nouns.contains(&acta_doc::fold(last))
                        || gaz.event_bodies.longest_prefix(last) == Some(last.len()))
            }
        };
        if presided && matches!(part, SessionRole::Chair | SessionRole::Moderator | SessionRole::Rapporteur) {
            return Some((part, range));
        }
    }
    None
}

/// The part in the session a title names when it is only that part ("Chair" in "Ana Ruiz (.gt),
/// Chair"; "(Mayor, in the Chair)" piece by piece).
fn part_aside(inside: &str, gaz: &Gazetteers) -> Option<SessionRole> {
    inside.split(',').find_map(|piece| {
        let lower = piece.trim().to_lowercase();
        let part = gaz.participation_aside.find_all(&lower).find(|&(start, end, _)| start == 0 && end == lower.len());
        part.map(|(_, _, role)| role)
    })
}

/// A body's mention in the possessive around `at`, where a title was read from ("World Bank's" with
/// `at` on "Bank's"), and where the title after it starts.
fn possessive_body(report: &Report, at: usize) -> Option<(&Mention, usize)> {
    let text = &report.text;
    let i = report.mentions.partition_point(|m| m.range.start <= at);
    let body = report.mentions[..i]
        .iter()
        .rev()
        .take(4)
        .find(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization) && m.range.end >= at)?;
    let after = &text[body.range.end..];
    let gap = ["'s ", "’s "].iter().find(|g| after.starts_with(**g))?;
    Some((body, body.range.end + gap.len()))
}

/// A body's mention that ends right before `at`, a space (or a possessive "'s ") between: "UNCTAD"
/// in "UNCTAD Secretary-General".
fn body_before(report: &Report, at: usize) -> Option<&Mention> {
    let text = &report.text;
    let before = &text[..at];
    let end = ["'s ", "’s ", " "].iter().find_map(|gap| before.strip_suffix(gap)).map(str::len)?;
    let i = report.mentions.partition_point(|m| m.range.start < end);
    report.mentions[..i]
        .iter()
        .rev()
        .take(4)
        .find(|m| m.range.end == end && matches!(m.kind, EntityKind::Ministry | EntityKind::Organization))
}

/// "del Comité", "de la séance": what a part in an entry presides, in at most this many words.
const MAX_PRESIDED_WORDS: usize = 3;

/// A row made from prose with no part and no affiliation says nothing that outweighs absence.
fn taking_part_elsewhere(s: &Speaker) -> bool {
    !s.session_roles.is_empty() || s.role.is_some() || s.organization.is_some()
}

/// Does the sentence of a mention name, before it, the people absent or excused ("apologies were
/// received from", "justificativas de ausência dos")?
fn absent_in_sentence(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    let mut from = name.start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..name.start];
    // "... y Marcos Ibarra. Ausente con aviso: concejal Hugo Bustamante.": a label inside the
    // paragraph, before its colon, is part of what is said of the name.
    let mut start = sentence_start(before, gaz);
    if let Some(label) = before[..start].strip_suffix(':') {
        start = sentence_start(label, gaz);
    }
    let folded = format!(" {} ", acta_doc::fold_words(&before[start..]));
    let absent = gaz.lead_ins.find_all(&folded).any(|(_, _, (_, absent))| absent);
    absent || absent_in_clause_after(text, name, gaz) || absent_as_predicate(text, name, gaz)
}

/// "O prefeito Adriano Silva não compareceu", "Julius Bitok, the former principal secretary, was
/// not present": a phrase of absence right after the name, or after the apposition closed by a
/// comma that follows it.
fn absent_as_predicate(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    let end = floor(text, (name.end + 2 * MAX_CLAUSE_AFTER_BYTES).min(text.len()));
    let after = &text[name.end..end];
    let sentence = &after[..after.find(['.', ';', '\n']).unwrap_or(after.len())];
    let predicate = match sentence.strip_prefix(", ") {
        Some(apposition) => apposition.find(", ").map_or("", |i| &apposition[i + 2..]),
        None => sentence,
    };
    let head: String = predicate.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
    let folded = format!(" {} ", acta_doc::fold_words(&head));
    let absent = gaz.lead_ins.find_all(&folded).any(|(start, _, (_, absent))| absent && start == 0);
    absent
}

/// How far before a name a phrase of representation is looked for...
const REPRESENTED_WINDOW_BYTES: usize = 80;
/// ...with at most this many words (a title) between it and the name.
const REPRESENTED_TITLE_WORDS: usize = 4;

/// "spoke on behalf of UN Secretary-General Ban Ki Moon", "en representación del ministro X": the
/// person someone else stood in for, named after a phrase of representation of the packs and at
/// most a short title.
fn represented(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    let before = &text[ceil(text, name.start.saturating_sub(REPRESENTED_WINDOW_BYTES))..name.start];
    if !gaz.classes.any_representation_lead.is_match(before) {
        return false;
    }
    gaz.classes.representation_leads.iter().any(|lead| {
        before.rfind(lead.as_str()).is_some_and(|i| {
            let between = &before[i + lead.len()..];
            !between.contains([',', ';', ':', '\n', '(', ')'])
                && between.split_whitespace().count() <= REPRESENTED_TITLE_WORDS
        })
    })
}

/// "no Plenário Vereador Antônio Ribeiro", "en la Sala Raúl Prebisch", "the Nelson Mandela Room":
/// a room or building named after the person (a venue noun right before the name, or one title
/// between them, or right after it), who is not taking part.
fn names_a_venue(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    let venue = |word: &str| gaz.classes.venue_nouns.contains(&word.to_lowercase());
    let mut before = text[..name.start].strip_suffix(' ').unwrap_or("").rsplit(' ');
    let previous = before.next().unwrap_or("");
    let before_title =
        gaz.is_title(previous) && before.next().is_some_and(|w| w.starts_with(char::is_uppercase) && venue(w));
    let next =
        text[name.end..].strip_prefix(' ').and_then(|a| a.split([' ', ',', '.', ';', '\n']).next()).unwrap_or("");
    previous.starts_with(char::is_uppercase) && venue(previous)
        || before_title
        || next.starts_with(char::is_uppercase) && venue(next)
        || venue_name_runs_on(text, name, gaz)
}

/// "Centre international de conférences Abdou Diouf": a capitalised venue noun a few words before
/// the name, and between them only words of the venue's name (no article, title or punctuation).
fn venue_name_runs_on(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    // A bounded window before the name, cut at its line's start: a text of one long line is not
    // read back to its start for every name.
    let window = &text[ceil(text, name.start.saturating_sub(VENUE_WINDOW_BYTES))..name.start];
    let window = window.rfind('\n').map_or(window, |i| &window[i + 1..]);
    let words: Vec<&str> = window.split(' ').filter(|w| !w.is_empty()).collect();
    for (k, word) in words.iter().rev().enumerate().take(MAX_VENUE_NAME_WORDS) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.len() != word.len() || gaz.articles.contains(&bare.to_lowercase()) || gaz.is_title(bare) {
            return false;
        }
        if k > 0 && bare.starts_with(char::is_uppercase) && gaz.classes.venue_nouns.contains(&bare.to_lowercase()) {
            return true;
        }
    }
    false
}

/// A venue's name runs on for at most this many words before a person's name in it...
const MAX_VENUE_NAME_WORDS: usize = 5;
/// ...read in this many bytes before the name.
const VENUE_WINDOW_BYTES: usize = 160;

/// How far after a name its apposition is read for "represented by".
const STOOD_IN_FOR_WINDOW_BYTES: usize = 160;

/// "M. Kalil Konaté, ministre de la Transition numérique, représenté par son directeur de cabinet":
/// a phrase of the packs saying someone stood in for the person, in what follows the name up to
/// the next person, the sentence's end or a bounded window.
fn stood_in_for(report: &Report, name: ByteRange, gaz: &Gazetteers) -> bool {
    let text = &report.text;
    // (Only the mentions inside the window are looked at: a long run of bodies is not read through.)
    let window_end = name.end + STOOD_IN_FOR_WINDOW_BYTES;
    let next_person = report.mentions[report.mentions.partition_point(|m| m.range.start < name.end)..]
        .iter()
        .take_while(|m| m.range.start < window_end)
        .find(|m| m.kind == EntityKind::Person)
        .map_or(text.len(), |m| m.range.start);
    let after = &text[name.end..floor(text, (name.end + STOOD_IN_FOR_WINDOW_BYTES).min(next_person).min(text.len()))];
    let after = &after[..after.find(['.', ';', '\n']).unwrap_or(after.len())];
    let folded = format!(" {} ", acta_doc::fold_words(after));
    gaz.classes.represented_by.iter().any(|p| folded.contains(p.as_str()))
}

/// Longest relative clause after a name read for an absence.
const MAX_CLAUSE_AFTER_BYTES: usize = 80;

/// "Joe Kamau, who did not attend, has ...", "X, que no asistió,": a relative clause right after
/// the name, up to its comma or stop, that holds an absence phrase of the packs.
fn absent_in_clause_after(text: &str, name: ByteRange, gaz: &Gazetteers) -> bool {
    let end = floor(text, (name.end + MAX_CLAUSE_AFTER_BYTES).min(text.len()));
    let Some(after) = text[name.end..end].strip_prefix(", ") else { return false };
    let opens_clause = gaz.clause_starts.iter().any(|c| {
        let word = c.trim_start_matches(',').trim();
        after.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word))
            && after[word.len()..].starts_with(' ')
    });
    if !opens_clause {
        return false;
    }
    let clause = &after[..after.find([',', '.', ';', '\n']).unwrap_or(after.len())];
    let folded = format!(" {} ", acta_doc::fold_words(clause));
    let absent = gaz.lead_ins.find_all(&folded).any(|(_, _, (_, absent))| absent);
    absent
}

/// Where the sentence that `before` ends in starts: after the last stop, semicolon, colon or line
/// break that is not an abbreviation's ("No asiste, habiendo excusado su ausencia, D. Pedro").
fn sentence_start(before: &str, gaz: &Gazetteers) -> usize {
    let mut end = before.len();
    while let Some(i) = before[..end].rfind(['.', '\n', ';', ':']) {
        let abbreviation = before[i..].starts_with('.') && abbreviation_before(before, i, gaz);
        if !abbreviation {
            return i + 1;
        }
        end = i;
    }
    0
}

/// "En representación de Paraguay, expuso la viceministra X": a country a phrase of the language
/// packs puts the sentence under, before the name.
fn country_of_sentence(report: &Report, name: ByteRange, gaz: &Gazetteers) -> Option<CountryCode> {
    let text = &report.text;
    let mut from = name.start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let start = text[from..name.start].rfind(['.', '\n', ';']).map_or(from, |i| from + i + 1);
    let first = report.mentions.partition_point(|m| m.range.start < start);
    report.mentions[first..].iter().take_while(|m| m.range.end <= name.start).find_map(|m| {
        if m.kind != EntityKind::Country {
            return None;
        }
        after_country_lead_in(&text[start..m.range.start], gaz)
            .then(|| report.canonicals[m.canonical].country)
            .flatten()
    })
}

/// Whether `before` (the text before a country's mention) ends in a phrase that puts people under
/// that country ("En representación de", "delegação do"), its article aside.
fn after_country_lead_in(before: &str, gaz: &Gazetteers) -> bool {
    let before = before.trim_end().to_lowercase();
    let before = gaz
        .classes
        .country_articles
        .iter()
        // A whole word: the "o" of "delegação" is no article.
        .find_map(|a| before.strip_suffix(a.as_str()).filter(|b| b.is_empty() || b.ends_with(' ')).map(str::trim_end))
        .unwrap_or(&before);
    gaz.country_lead_ins.iter().any(|lead| {
        before.ends_with(lead.as_str())
            && before[..before.len() - lead.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Most words between a demonym and the name it describes ("Jamaican lawyer Tricia-Ann Morris").
const MAX_WORDS_AFTER_DEMONYM: usize = 2;

/// "o moçambicano Lourino Chemane", "Jamaican lawyer Tricia-Ann Morris": a demonym right before
/// the name, or before a word or two in small letters (a title) and the name, says the person's
/// country.
fn demonym_before(report: &Report, name: ByteRange, gaz: &Gazetteers) -> Option<CountryCode> {
    let text = &report.text;
    let before = report.mentions.partition_point(|m| m.range.start < name.start);
    // The nearest mentions before the name (sorted by start): a demonym is one of the last few.
    report.mentions[..before].iter().rev().take(4).find_map(|m| {
        if m.kind != EntityKind::Country || m.range.end > name.start {
            return None;
        }
        let between = &text[m.range.end..name.start];
        // The words are counted first: the country may be pages before the name.
        let plain = between.split_whitespace().nth(MAX_WORDS_AFTER_DEMONYM).is_none()
            && !between.contains(['\n', ',', ';', '.', ':', '(', ')'])
            && between
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_lowercase) || gaz.honorific(w).is_some());
        // Only then the gazetteer's search: most countries before a name are far from it.
        let word = m.range.slice(text);
        let demonym = || {
            gaz.find_places(word)
                .any(|(s, e, p)| s == 0 && e == word.len() && matches!(p, crate::gazetteer::Place::Demonym(_)))
        };
        (plain && demonym()).then(|| report.canonicals[m.canonical].country).flatten()
    })
}

/// What follows a name up to the next person named in it ("Committee Member Diane Olmos", "Adolfo
/// Bonilla Gómez"): empty when it opens with one.
fn before_next_person(report: &Report, rest: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let text = &report.text;
    let first = report.mentions.partition_point(|m| m.range.start < rest.start);
    let next_person =
        report.mentions[first..].iter().take_while(|m| m.range.start < rest.end).find(|m| m.kind == EntityKind::Person);
    let Some(person) = next_person else { return rest };
    // The next person's honorific ("... Permanent Secretary and Ms. Lisa ...") and the conjunction
    // before it go with them.
    let lang = report.language_at(person.range.start);
    // Only a courtesy honorific ("Ms.", "Sr", "Dr."): a title used as one ("Health Minister X") stays
    // in what is read.
    let courtesy = |h: &ByteRange| h.slice(text).ends_with('.') || h.len() <= 3;
    let mut end = honorific_before(text, person.range.start, gaz, lang)
        .filter(|(_, h)| courtesy(h))
        .map_or(person.range.start, |(_, h)| h.start);
    loop {
        let head = text[rest.start..end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–' | '—'));
        end = rest.start + head.len();
        match head.rsplit_once(' ') {
            Some((before, last)) if gaz.conjunctions.iter().any(|c| c == last) => end = rest.start + before.len(),
            _ => break,
        }
    }
    ByteRange { start: rest.start, end: end.max(rest.start) }
}

/// A title before a name read from after the last other person named in it: "la consejera X y el
/// moderador Y" gives Y "moderador", not "consejera".
fn after_last_person(report: &Report, title: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let text = &report.text;
    let first = report.mentions.partition_point(|m| m.range.start < title.start);
    let last_person = report.mentions[first..]
        .iter()
        .take_while(|m| m.range.start < title.end)
        .filter(|m| m.kind == EntityKind::Person && m.range.end <= title.end)
        .last();
    let Some(person) = last_person else { return title };
    let mut start = person.range.end;
    // "a pesquisadora X, da Teia Livre, e o professor Y": the other person's apposition ends at the
    // conjunction after a comma.
    let rest = &text[start..title.end];
    if let Some(after) = crate::participants::after_closing_conjunction(rest, gaz) {
        start += after;
    }
    loop {
        let rest = &text[start..title.end];
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')'));
        start += rest.len() - trimmed.len();
        match trimmed.split_once(' ') {
            Some((word, _)) if gaz.conjunctions.iter().any(|c| c == word) => start += word.len(),
            _ => {
                // "..., moderado por la periodista X, disertaron el director de ...": the phrase of
                // participation before the next title is not part of it.
                let lower = trimmed.to_lowercase();
                let phrase = gaz
                    .participation_before
                    .find_all(&lower)
                    .filter(|&(s, e, _)| s == 0 && lower[e..].starts_with(' '))
                    .map(|(_, e, _)| e)
                    .max();
                match phrase {
                    Some(end) if lower.len() == trimmed.len() => start += end,
                    _ => break,
                }
            }
        }
    }
    ByteRange { start: start.min(title.end), end: title.end }
}

/// Most words besides the body's name in a heading that names the body its list of people belongs to.
const MAX_BODY_HEADING_WORDS: usize = 4;

/// The body a list's heading names, for its entries that name none: "ICANN Staff", "Equipo de la
/// Agesic", "Secretariat of the Commission" (a short heading, a body's mention and besides it only
/// words in small letters or one more capitalised word).
fn body_of_heading(report: &Report, at: usize) -> Option<&Mention> {
    let text = &report.text;
    let section = report.sections.iter().rev().find(|s| s.body.start <= at && at < s.body.end.max(s.body.start + 1))?;
    let heading = section.heading?;
    let first = report.mentions.partition_point(|m| m.range.start < heading.start);
    let mut inside = report.mentions[first..].iter().take_while(|m| m.range.start < heading.end);
    let body = inside
        .find(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization) && heading.contains(&m.range))?;
    // Besides the body's name (and its acronym in parentheses: "Por el Registro Nacional de
    // Identificación y Estado Civil (RENIEC):"), a few words.
    let after = text[body.range.end..heading.end].trim_start();
    let after = match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
        Some((inside, rest)) if !inside.contains(' ') => rest,
        _ => after,
    };
    let rest = format!("{} {}", &text[heading.start..body.range.start], after);
    let words = rest.split_whitespace().count();
    let others = rest.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    (words <= MAX_BODY_HEADING_WORDS && others <= 1).then_some(body)
}

/// Most lines of entries read up from an entry to the line that names its group.
const MAX_GROUP_LINES: usize = 40;

/// The country or body named alone on a line over a group of entries ("Botswana", "World Bank",
/// "United Nations Economic Commission for Africa (UNECA)"), read up from the entry at `at` over
/// lines that name people, up to a blank line.
fn group_line_above(report: &Report, at: usize) -> Option<&Mention> {
    let text = &report.text;
    let mut line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..MAX_GROUP_LINES {
        let end = line_start.checked_sub(1)?;
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..end].trim();
        if line.is_empty() {
            return None;
        }
        let first = report.mentions.partition_point(|m| m.range.start < start);
        let mut inside = report.mentions[first..].iter().take_while(|m| m.range.start < end);
        if inside.clone().any(|m| m.kind == EntityKind::Person) {
            line_start = start;
            continue;
        }
        let group =
            inside.find(|m| matches!(m.kind, EntityKind::Country | EntityKind::Ministry | EntityKind::Organization))?;
        // The name alone, maybe with its acronym in parentheses or a colon.
        let before = text[start..group.range.start].trim();
        let after = text[group.range.end..end].trim().trim_end_matches(':').trim_end();
        let acronym_only = after
            .strip_prefix('(')
            .and_then(|a| a.strip_suffix(')'))
            .is_some_and(|a| !a.is_empty() && !a.contains(' '));
        return (before.is_empty() && (after.is_empty() || acronym_only)).then_some(group);
    }
    None
}

/// A title that ends in a body's bare head word after a preposition ("Secrétaire Générale du
/// Ministère"): the title before the preposition, and the first mention of the only body of the
/// text whose name starts with that word ("Ministère des Postes et Télécommunications").
fn body_named_before<'r>(report: &'r Report, role: ByteRange, gaz: &Gazetteers) -> Option<(ByteRange, &'r Mention)> {
    let text = &report.text;
    let title = role.slice(text);
    let (head, last) = title.rsplit_once(' ')?;
    // A body's head word only ("Ministère", "Agencia"): the bodies of the text are read for few titles.
    if !gaz.shapes.body_heads.contains(last) {
        return None;
    }
    // The preposition and article before the head word ("du", "de la", "of the").
    let mut kept = head.trim_end();
    let mut joined = false;
    while let Some((before, word)) = kept.rsplit_once(' ') {
        if !gaz.joins_names(&word.to_lowercase()) {
            break;
        }
        kept = before.trim_end();
        joined = true;
    }
    if !joined || kept.is_empty() {
        return None;
    }
    let body = only_body_headed_by(report, last)?;
    Some((ByteRange { start: role.start, end: role.start + kept.len() }, body))
}

/// The first mention of the only body of the text whose name of two words or more starts with
/// `head` ("Ministère" → "Ministère des Postes et Télécommunications"), if there is one.
fn only_body_headed_by<'r>(report: &'r Report, head: &str) -> Option<&'r Mention> {
    let head_word = acta_doc::fold(head);
    let starts_with_head = |c: &acta_doc::Canonical| {
        matches!(c.kind, EntityKind::Ministry | EntityKind::Organization)
            && c.name.split_whitespace().nth(1).is_some()
            && c.name.split_whitespace().next().is_some_and(|w| acta_doc::fold(w) == head_word)
    };
    let mut bodies = report.canonicals.iter().enumerate().filter(|(_, c)| starts_with_head(c));
    let (only, body) = bodies.next()?;
    if bodies.next().is_some() {
        return None;
    }
    // The mention written as the body's name ("Ministère des Postes ...", not its letterhead in capitals).
    let mut mentions = report.mentions.iter().filter(|m| m.canonical == only);
    let first = mentions.clone().next();
    mentions.find(|m| m.range.slice(&report.text) == body.name).or(first)
}

/// The country `part` names, when it is a country's name, alone or after a state's prefix
/// ("India", "Republic of Rwanda"); `inside` are the mentions around it.
fn country_named_by(report: &Report, inside: &[&Mention], part: ByteRange, gaz: &Gazetteers) -> Option<CountryCode> {
    let text = &report.text;
    let m =
        inside.iter().find(|m| m.kind == EntityKind::Country && part.contains(&m.range) && m.range.end == part.end)?;
    let before = text[part.start..m.range.start].to_lowercase();
    let state = before.trim().is_empty() || gaz.classes.government_prefixes.iter().any(|g| g.to_lowercase() == before);
    state.then(|| country_of(report, m)).flatten()
}

/// `end`, or where the line before the one `end` is on ends when that line starts after `start`.
fn line_above_end(text: &str, start: usize, end: usize) -> usize {
    text[start..end].rfind('\n').map_or(end, |nl| start + nl)
}

/// Most spaces between two words of one column of a table written with spaces.
const MAX_SPACES_IN_COLUMN: usize = 2;

/// Where the first gap between a table's columns in `s` starts and where the next column starts: a
/// tab, or a run of more than [`MAX_SPACES_IN_COLUMN`] spaces, between two words; or a line break
/// (an entry written as a block of lines, its title and body each on a line).
fn column_gap(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
            let start = i;
            let mut tab = false;
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
                tab |= matches!(bytes[i], b'\t' | b'\n');
                i += 1;
            }
            if start > 0 && i < bytes.len() && (tab || i - start > MAX_SPACES_IN_COLUMN) {
                return Some((start, i));
            }
        } else {
            i += 1;
        }
    }
    None
}

/// How many of a text's first non-blank lines may be its letterhead.
const LETTERHEAD_LINES: usize = 4;
/// A letterhead line naming a state ("REPÚBLICA DE CHILE") has at most this many words.
const LETTERHEAD_WORDS: usize = 5;
/// How far before a country's mention the words that place it are read, in bytes.
const HOME_CONTEXT_BYTES: usize = 48;

/// The country a text is from: the state a short line among its first lines names ("REPÚBLICA DE
/// CHILE", "Republic of Kenya"), else the only country it names outside a delegation's phrase.
fn home_country(report: &Report, gaz: &Gazetteers) -> Option<CountryCode> {
    let text = &report.text;
    let countries: Vec<&Mention> = report.mentions.iter().filter(|m| m.kind == EntityKind::Country).collect();
    let letterhead = report.lines.iter().filter(|l| !report.slice(l.content).trim().is_empty()).take(LETTERHEAD_LINES);
    let from_letterhead = letterhead
        .filter(|l| report.slice(l.content).split_whitespace().nth(LETTERHEAD_WORDS).is_none())
        .find_map(|l| {
            let on_line: Vec<&&Mention> = countries.iter().filter(|m| l.content.contains(&m.range)).collect();
            match on_line.as_slice() {
                [m] if text[l.content.start..m.range.start].split_whitespace().count() <= 2 => country_of(report, m),
                _ => None,
            }
        });
    if from_letterhead.is_some() {
        return from_letterhead;
    }
    let mut home = None;
    for m in countries.into_iter().filter(|m| says_where_from(report, m, gaz)) {
        let code = country_of(report, m)?;
        if home.is_some_and(|h| h != code) {
            return None;
        }
        home = Some(code);
    }
    home
}

/// Whether a country's mention can say where the text is from: not a delegation's ("En
/// representación de Paraguay, expuso ..." in a report from elsewhere), nor a venue's name in a
/// place field, where the country of an address comes last ("Lugar: Centro Cultural Parque de
/// España, Rosario"). A country inside a body's name counts ("Agência Portuguesa do Ambiente"):
/// GOLD.md reads it as the text naming it.
fn says_where_from(report: &Report, m: &Mention, gaz: &Gazetteers) -> bool {
    let text = &report.text;
    let in_venue = report.fields.iter().any(|f| {
        f.kind == acta_doc::FieldKind::Place
            && f.value.contains(&m.range)
            && text[m.range.end..f.value.end].chars().any(char::is_alphabetic)
    });
    if in_venue {
        return false;
    }
    let line_start = text[..m.range.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[floor(text, m.range.start.saturating_sub(HOME_CONTEXT_BYTES)).max(line_start)..m.range.start];
    // "El cierre lo realizó el embajador de España": an envoy's country is the one they represent
    // where the event is held, not the text's.
    let envoy = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(ENVOY_WORDS)
        .any(|w| gaz.classes.envoy_titles.contains(&w.to_lowercase()));
    !after_country_lead_in(before, gaz) && !envoy
}

/// How many words before a country an envoy's title is looked for ("embajador de la República de").
const ENVOY_WORDS: usize = 4;

/// The country a country's mention names: its canonical's code, or the code its name is.
fn country_of(report: &Report, mention: &Mention) -> Option<CountryCode> {
    let canonical = &report.canonicals[mention.canonical];
    canonical.country.or_else(|| CountryCode::parse(&canonical.name))
}

/// The country of the nearest heading above the entry at `at` in a list of participants by
/// delegation ("BHUTAN", a blank line, then each delegate's lines): read up over the entries of the
/// delegation and blank lines to the first line in capitals or naming a country alone; `None` when
/// that line is another heading ("INTERNATIONAL ORGANIZATIONS").
fn country_heading_above(report: &Report, at: usize) -> Option<CountryCode> {
    let text = &report.text;
    let mut line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..MAX_GROUP_LINES {
        let end = line_start.checked_sub(1)?;
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        line_start = start;
        let line = text[start..end].trim();
        if line.is_empty() {
            continue;
        }
        let first = report.mentions.partition_point(|m| m.range.start < start);
        let inside: Vec<&Mention> = report.mentions[first..].iter().take_while(|m| m.range.start < end).collect();
        if inside.iter().any(|m| m.kind == EntityKind::Person) {
            continue;
        }
        let country = inside.iter().find(|m| m.kind == EntityKind::Country).filter(|m| {
            text[start..m.range.start].trim().is_empty()
                && text[m.range.end..end].trim().trim_end_matches(':').is_empty()
        });
        if let Some(m) = country {
            return country_of(report, m);
        }
        let in_capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
        if in_capitals {
            return None;
        }
    }
    None
}

/// "MAG Chair", "ICANN President": a title right after the body it is of, up to a comma.
fn title_after_body(text: &str, body_end: usize, end: usize, gaz: &Gazetteers) -> Option<ByteRange> {
    let after = &text[body_end..end];
    let piece = &after[..after.find([',', ';', '(']).unwrap_or(after.len())];
    let start = body_end + (piece.len() - piece.trim_start().len());
    if !after.starts_with(' ') || piece.split_whitespace().count() > 5 {
        return None;
    }
    let lower = piece.trim().to_lowercase();
    let title = gaz.titles.longest_prefix(&lower)?;
    (title > 0 && lower[title..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        .then(|| ByteRange { start, end: start + piece.trim().len() })
}

/// "2013-11-14", "10:00", "14.30h": a date or time written in digits.
fn is_date_or_time(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    digits >= 3
        && word.chars().any(|c| matches!(c, '-' | ':' | '/' | '.'))
        && word.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '/' | '.' | 'h'))
}

/// Longest line read as the affiliation under a name that stands alone on its line.
const MAX_AFFILIATION_BELOW_BYTES: usize = 200;

/// The line under a name that stands alone on its line (an honorific before it, a part in
/// parentheses after it at most), when that line reads as a title and body rather than a sentence
/// or another person: "Francisco Longo" / "Director. Centro de Gobernanza. ESADE. España".
fn affiliation_below(report: &Report, name: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let text = &report.text;
    let i = report.lines.partition_point(|l| l.range.start <= name.start).checked_sub(1)?;
    let line = &report.lines[i];
    if !line.content.contains(&name) {
        return None;
    }
    let before = text[line.content.start..name.start].trim();
    let after = text[name.end..line.content.end].trim();
    // "Dr.", "H.E. Dr.", "Atty.": forms of address only.
    let honorific_only = before.split_whitespace().count() <= 3
        && before.split_whitespace().all(|w| w.ends_with('.') || gaz.honorific(w).is_some());
    let part_only = after.is_empty() || after.starts_with('(') && after.ends_with(')');
    if !honorific_only || !part_only {
        return None;
    }
    let next = report.lines.get(i + 1).filter(|l| l.kind == acta_doc::LineKind::Text)?;
    let below = next.content.slice(text);
    let starts_upper = below.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper || below.len() > MAX_AFFILIATION_BELOW_BYTES || gaz.sentence_verb_phrases.any_in(below) {
        return None;
    }
    let first = report.mentions.partition_point(|m| m.range.start < next.content.start);
    let inside = report.mentions[first..].iter().take_while(|m| m.range.start < next.content.end);
    let (mut person_first, mut body) = (false, false);
    for m in inside {
        person_first |= m.kind == EntityKind::Person && m.range.start == next.content.start;
        body |= matches!(m.kind, EntityKind::Ministry | EntityKind::Organization);
    }
    (body && !person_first).then_some(next.content)
}

/// The line of text a mention is on, found among the report's lines (a search of the text for
/// line breaks would read a report of one long line once per mention).
fn line_around(report: &Report, r: ByteRange) -> ByteRange {
    let line_of = |pos: usize| report.lines.partition_point(|l| l.range.start <= pos).checked_sub(1);
    match (line_of(r.start), line_of(r.end)) {
        (Some(first), Some(last)) => {
            ByteRange { start: report.lines[first].range.start, end: report.lines[last].range.end }
        }
        _ => {
            let text = &report.text;
            let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
            let end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
            ByteRange { start, end }
        }
    }
}

/// Fills what the first record lacks from a later one, and adds the later one's session role.
/// `body` becomes the speaker's organisation, and its stakeholder group the speaker's when they
/// had none (a government body's is the government).
fn take_body(s: &mut Speaker, body: &Mention, report: &Report) {
    s.organization = Some(body.range);
    s.organization_is_ministry = body.kind == EntityKind::Ministry;
    if s.stakeholder.is_none() {
        s.stakeholder = report.canonicals[body.canonical]
            .stakeholder
            .or((body.kind == EntityKind::Ministry).then_some(Stakeholder::Government));
    }
}

fn merge(existing: &mut Speaker, later: Speaker) {
    existing.session_roles.extend(later.session_roles);
    existing.source_line = if existing.organization.is_none()
        && existing.role.is_none()
        && (later.role.is_some() || later.organization.is_some())
    {
        later.source_line
    } else {
        existing.source_line
    };
    existing.honorific = existing.honorific.or(later.honorific);
    existing.gender = existing.gender.or(later.gender);
    if existing.organization.is_none() && later.organization.is_some() {
        existing.organization = later.organization;
        existing.organization_is_ministry = later.organization_is_ministry;
        existing.organization_is_host = later.organization_is_host;
        existing.stakeholder = later.stakeholder;
    }
    existing.role = existing.role.or(later.role);
    existing.country = existing.country.or(later.country);
    existing.confidence = existing.confidence.max(later.confidence);
}

struct Affiliation<'r> {
    role: Option<ByteRange>,
    organization: Option<&'r Mention>,
    /// The organisation as written when no mention is there ("..., Government of Tonga").
    unnamed_organization: Option<ByteRange>,
    country: Option<CountryCode>,
    stakeholder: Option<Stakeholder>,
}

/// Reads title, organisation and country from what follows a name.
/// A title that starts with a country in the possessive ("Uruguay's Minister of Industry"): the
/// country is the speaker's (found among the mentions), the title is what follows it.
fn without_possessive_country(report: &Report, title: ByteRange) -> ByteRange {
    let text = &report.text;
    let first = report.mentions.partition_point(|m| m.range.start < title.start);
    let possessive = report.mentions[first..]
        .iter()
        .take_while(|m| m.range.start == title.start)
        .filter(|m| m.kind == EntityKind::Country && m.range.end <= title.end)
        .find_map(|m| {
            ["'s ", "’s "].iter().find(|p| text[m.range.end..].starts_with(**p)).map(|p| m.range.end + p.len())
        });
    match possessive {
        Some(start) if start < title.end => ByteRange { start, end: title.end }.trim(text),
        _ => title,
    }
}

/// "Chair of the General Council, Chile's" before "Amb. Mario Matus": the country in the
/// possessive was the honorific's; the title ends before it.
fn without_trailing_possessive_country(report: &Report, title: ByteRange) -> ByteRange {
    let text = &report.text;
    let before_s = ["'s", "’s"].iter().find_map(|p| title.slice(text).strip_suffix(p)).map(|t| title.start + t.len());
    let Some(country_end) = before_s else { return title };
    // Mentions are sorted by start: the country is among those starting before its end.
    let before = report.mentions.partition_point(|m| m.range.start < country_end);
    match report.mentions[..before]
        .iter()
        .rev()
        .take_while(|m| m.range.start >= title.start)
        .find(|m| m.kind == EntityKind::Country && m.range.end == country_end)
    {
        Some(m) if m.range.start > title.start => {
            let end = title.start + text[title.start..m.range.start].trim_end_matches([' ', ',']).len();
            ByteRange { start: title.start, end }
        }
        _ => title,
    }
}

fn affiliation<'r>(report: &'r Report, rest: ByteRange, gaz: &Gazetteers) -> Affiliation<'r> {
    let text = &report.text;
    let mut rest = rest;
    if let Some(cut) = gaz.first_clause_start.find(rest.slice(text)).map(|m| m.start()) {
        rest.end = rest.start + cut;
    }
    // "Ana Ruiz (Guatemala), Chair", "Hiro Hotta (.jp)": a country in parentheses first is where
    // the person comes from; the title and body are what follows it.
    let mut country = None;
    if let Some((country_of_entry, after)) = country_in_parentheses_first(report, rest) {
        country = Some(country_of_entry);
        rest.start = after;
    }
    // Mentions are sorted by start: the ones inside `rest` are one run of them.
    let first = report.mentions.partition_point(|m| m.range.start < rest.start);
    // "chairman of Northwind Inc.": an entry's text stops before its final stop, which may be the
    // last of a body's name.
    let abbreviation_end = |m: &Mention| m.range.end == rest.end + 1 && text[rest.end..].starts_with('.');
    let inside: Vec<&Mention> = report.mentions[first..]
        .iter()
        .take_while(|m| m.range.start < rest.end)
        .filter(|m| rest.contains(&m.range) || m.range.start >= rest.start && abbreviation_end(m))
        .collect();
    let institutions: Vec<&Mention> =
        inside.iter().copied().filter(|m| matches!(m.kind, EntityKind::Ministry | EntityKind::Organization)).collect();
    let first = institutions.iter().enumerate().find_map(|(i, m)| {
        let next = institutions.get(i + 1);
        let is_sub_unit = is_sub_unit(m.range.slice(text), gaz);
        // "Head of Unit X, DG Y, European Commission": a unit is the role's; the outermost
        // institution named after it is the organisation.
        // "Secretaria de Estado da Fazenda – SEFAZ": the body's own acronym after it joins nothing.
        let own_acronym = |n: &Mention| {
            n.canonical == m.canonical && n.kind == m.kind
                || crate::bodies::acronym_of(m.range.slice(text), n.range.slice(text), gaz)
        };
        let joined = next.is_some_and(|n| {
            !own_acronym(n)
                && (only_connectors(&text[m.range.end..n.range.start], gaz) || text[m.range.end..].starts_with(','))
        });
        // "Comisión de Innovación ... de la Cámara de Representantes", "Committee on Science of the
        // House of Commons": a body of a legislature, joined to it by a preposition, is a unit of it.
        let first_word = |r: ByteRange| r.slice(text).split_whitespace().next().unwrap_or("");
        let of_legislature = next.is_some_and(|n| {
            let between = text[m.range.end..n.range.start].trim();
            gaz.classes.committee_heads.contains(first_word(m.range))
                && gaz.classes.chamber_heads.contains(first_word(n.range))
                && between.chars().any(char::is_alphabetic)
                && only_connectors(between, gaz)
        });
        (!(is_sub_unit && joined || of_legislature)).then_some(i)
    });
    // "Coordinator of the Digital Academy, Agency for Digital Italy": an institution named inside
    // the title ("of the ...") and followed by another after a comma is part of the role; the
    // last of such a chain is the organisation.
    let mut chosen = first;
    while let Some(i) = chosen {
        let m = institutions[i];
        let Some(next) = institutions.get(i + 1) else { break };
        let between = &text[m.range.end..next.range.start];
        let before = text[rest.start..m.range.start].trim_end().to_lowercase();
        let inside_title = gaz
            .classes
            .role_of
            .iter()
            .any(|w| before.strip_suffix(w.as_str()).is_some_and(|b| b.ends_with(' ')) || before == *w);
        // "Secretaria de Gobierno Digital" / "Presidencia del Consejo de Ministros": in an entry
        // written as a block of lines, a body on a later line is the one the earlier lines' are of.
        let next_line = between.contains('\n');
        if inside_title && between.trim() == "," || next_line {
            chosen = Some(i + 1);
        } else {
            break;
        }
    }
    let organization = chosen.map(|i| institutions[i]);
    let mut unnamed_organization = None;
    let role = match organization {
        // In a block of lines the title is on the lines above the body's.
        Some(org) => trim_role(
            text,
            ByteRange { start: rest.start, end: line_above_end(text, rest.start, org.range.start) },
            gaz,
        )
        .filter(|r| !r.is_empty())
        .or_else(|| title_after_body(text, org.range.end, rest.end, gaz)),
        None => {
            // No institution recognised: the first comma-separated part is the title when more follow,
            // and a last part in capitals after it is the body ("Chief Information Officer, Government
            // of Tonga").
            let s = rest.slice(text);
            let mut first_part = s.split([',', '(']).next().unwrap_or("");
            // "Presidente                 Concejo Municipal": a table's columns, apart by a run of
            // spaces or a tab, are parts as a comma's are.
            let column_gap = column_gap(first_part);
            if let Some((gap, _)) = column_gap {
                first_part = &first_part[..gap];
            }
            // "directrice de cabinet du ministre de la Communication, des Télécommunications et de
            // l'Économie numérique": parts that start with a connector go on with the title.
            let mut len = first_part.len();
            while s[len..].starts_with(',') {
                let rest = &s[len + 1..];
                let piece = &rest[..rest.find(',').unwrap_or(rest.len())];
                let first_word = piece.trim_start().split(' ').next().unwrap_or("");
                let connector = gaz.classes.role_connectors.contains(first_word);
                if !connector || piece.contains('(') {
                    break;
                }
                len += 1 + piece.len();
            }
            if len == first_part.len() {
                len = crate::bodies::portfolios_end(s, len, gaz).unwrap_or(len);
            }
            if len > first_part.len() {
                first_part = s[..len].trim_end_matches(',');
            }
            // "Conselheiro Titular representante do Governo do Estado de Alagoas": a whole government
            // is no body of the lists, but it is whom the person stands for.
            if let Some(at) = governed_from(s, gaz) {
                let start = rest.start + at;
                let end = start + government_name_len(&s[at..]);
                return affiliation_of_government(text, rest, start, end, gaz);
            }
            // An entry written as a block of lines names its body on the last line, first
            // ("Proética, capítulo peruano de Transparencia Internacional").
            let last_line = crate::entries::block_last_line(s);
            let last_part = last_line
                .or_else(|| s.rsplit_once(", ").map(|(_, l)| l))
                .or_else(|| column_gap.map(|(_, after)| &s[after..]));
            // "ministra da Ciência, Tecnologia e Inovação": a last part inside the title's list of
            // portfolios is the title's.
            let last_part = last_part.filter(|l| s.len() - l.len() >= first_part.len());
            if let Some(last) = last_part {
                // "..., Germany (video message)": a note in parentheses is not the body's name.
                let mut last = last[..last.find('(').unwrap_or(last.len())].trim();
                if last_line.is_some() {
                    last = crate::entries::block_body(last);
                }
                if last.chars().next().is_some_and(char::is_uppercase) && last.split_whitespace().count() <= 8 {
                    let start = rest.start + s.len() - last_part.map_or(0, str::len);
                    let start = start + (text[start..].len() - text[start..].trim_start().len());
                    let last = ByteRange { start, end: start + last.len() };
                    // "Minister of ICT, Republic of Rwanda", "..., India": a country or a state's name
                    // is where the person is from, not a body.
                    match country_named_by(report, &inside, last, gaz) {
                        Some(code) => country = country.or(Some(code)),
                        None => unnamed_organization = Some(last),
                    }
                }
            }
            trim_role(text, ByteRange { start: rest.start, end: rest.start + first_part.len() }, gaz)
        }
    };
    // "Ms. Shernelle Baptiste of Trinidad and Tobago": a title that is only a country's name is
    // where the person is from.
    let role = match role.map(|r| (r, country_named_by(report, &inside, r, gaz))) {
        Some((r, Some(code))) if r.start == rest.start || text[rest.start..r.start].trim().is_empty() => {
            country = country.or(Some(code));
            None
        }
        other => other.map(|(r, _)| r),
    };
    let role = role
        .map(|r| without_possessive_country(report, r))
        // "John Smith (UK)", "Marie Dubois (FR)": two capitals are a code (a country's, a state's),
        // never a title.
        .filter(|r| !(r.len() == 2 && r.slice(text).bytes().all(|b| b.is_ascii_uppercase())));
    // "Permanent Representative of Colombia to the United Nations", "Ambassador of Argentina to the
    // European Union": a country's envoy is accredited to the body, not employed by it; the whole is
    // the title and no body is the speaker's.
    let (role, organization) = match (role, organization) {
        (Some(r), Some(org)) if accredited_to(report, r, org.range, gaz) => {
            (Some(ByteRange { start: r.start, end: org.range.end }), None)
        }
        other => other,
    };
    let country = country
        .or_else(|| {
            inside.iter().find(|m| m.kind == EntityKind::Country).and_then(|m| report.canonicals[m.canonical].country)
        })
        .or_else(|| organization.and_then(|o| report.canonicals[o.canonical].country));
    // "Speaker 1: Ana Ruiz, Civil Society, GRULAC": a part that names a stakeholder group is the
    // person's group, not their title.
    let group = role.and_then(|r| {
        let folded = acta_doc::fold(r.slice(text).trim());
        gaz.classes.stakeholder_groups.iter().find(|(name, _)| *name == folded).map(|&(_, group)| group)
    });
    let role = if group.is_some() { None } else { role };
    let stakeholder = group.or_else(|| {
        organization.and_then(|o| {
            let c = &report.canonicals[o.canonical];
            c.stakeholder.or((c.kind == EntityKind::Ministry).then_some(Stakeholder::Government))
        })
    });
    Affiliation { role, organization, unnamed_organization, country, stakeholder }
}

/// Whether a title names a country and the body after it is where its holder is accredited: a
/// mission's link ("to the", "ante la", "auprès de") between them.
fn accredited_to(report: &Report, role: ByteRange, body: ByteRange, gaz: &Gazetteers) -> bool {
    let text = &report.text;
    if role.end > body.start {
        return false;
    }
    let between = format!("{} ", text[role.end..body.start].trim());
    let linked = gaz.classes.mission_links.contains(&between);
    let first = report.mentions.partition_point(|m| m.range.start < role.start);
    let names_country = report.mentions[first..]
        .iter()
        .take_while(|m| m.range.start < role.end)
        .any(|m| m.kind == EntityKind::Country && m.range.end <= role.end);
    linked && names_country
}

/// An entry's text that opens with a country in parentheses ("(Guatemala), Chair", "(.jp)"): the
/// country, and where the rest after it (and a comma) starts.
fn country_in_parentheses_first(report: &Report, rest: ByteRange) -> Option<(CountryCode, usize)> {
    let text = &report.text;
    let s = rest.slice(text);
    // An entry's text may start inside the parenthesis (its separators read past the "(").
    let inner_start = match s.trim_start().strip_prefix('(') {
        Some(inner) => rest.start + s.len() - inner.len(),
        None if text[..rest.start].trim_end().ends_with('(') => rest.start,
        None => return None,
    };
    // (The entry's text may also end before the ")".)
    let close = inner_start + text[inner_start..crate::participants::ceil(text, rest.end + 1)].find(')')?;
    let first = report.mentions.partition_point(|m| m.range.start < inner_start);
    let mention = report.mentions.get(first)?;
    let whole = mention.range == ByteRange { start: inner_start, end: close }.trim(text);
    if mention.kind != EntityKind::Country || !whole {
        return None;
    }
    let country = country_of(report, mention)?;
    let after = (close + 1).min(rest.end);
    let after = after + (text[after..rest.end].len() - text[after..rest.end].trim_start_matches([',', ' ']).len());
    Some((country, after))
}

/// Where a whole government's name starts in an entry's text ("... do Governo do Estado de X"):
/// a government prefix followed by a capitalised word.
fn governed_from(s: &str, gaz: &Gazetteers) -> Option<usize> {
    // "Governo do ...", not "Estado de ..." (a title's "Modernização do Estado de Cabo Verde").
    gaz.classes
        .governing_prefixes
        .iter()
        .filter_map(|g| {
            s.match_indices(g.as_str()).map(|(i, _)| i).find(|&i| {
                (i == 0 || s[..i].ends_with(' '))
                    && s[i + g.len()..]
                        .trim_start_matches(|c: char| c.is_lowercase() || c == ' ')
                        .starts_with(char::is_uppercase)
            })
        })
        .min()
}

/// The length of a government's name at the start of `s`: words up to a comma, a semicolon or a
/// parenthesis, at most twelve.
fn government_name_len(s: &str) -> usize {
    let end = s.find([',', ';', '(', '\n']).unwrap_or(s.len());
    let mut len = 0;
    for (n, w) in s[..end].split(' ').enumerate() {
        if n >= 12 {
            break;
        }
        len += w.len() + usize::from(n > 0);
    }
    s[..len.min(end)].trim_end().trim_end_matches('.').len()
}

/// The affiliation of an entry whose body is a whole government between `start` and `end`: the
/// title is what comes before it.
fn affiliation_of_government<'r>(
    text: &str,
    rest: ByteRange,
    start: usize,
    end: usize,
    gaz: &Gazetteers,
) -> Affiliation<'r> {
    let role = trim_role(text, ByteRange { start: rest.start, end: start }, gaz);
    // The country in the government's name, or after it ("Government of Quebec, Canada").
    let country_in = |from: usize, to: usize| {
        gaz.find_places(&text[from..to]).find_map(|(_, _, place)| match place {
            crate::gazetteer::Place::Country(code) => Some(*code),
            _ => None,
        })
    };
    let country = country_in(start, end).or_else(|| country_in(end, rest.end.max(end)));
    Affiliation {
        role,
        organization: None,
        unnamed_organization: Some(ByteRange { start, end }.trim(text)),
        country,
        stakeholder: Some(Stakeholder::Government),
    }
}

fn is_sub_unit(name: &str, gaz: &Gazetteers) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let presidential = name.to_lowercase().starts_with("office of the president");
    !presidential && words.iter().any(|w| gaz.sub_unit_heads.contains(w.trim_end_matches(',')))
}

/// A word between a title and its organisation ("at", "auprès"), or a dash or comma.
fn is_role_trailer(word: &str, gaz: &Gazetteers) -> bool {
    matches!(word, "-" | "–" | "—" | ",") || gaz.role_trailers.contains(word.to_lowercase().as_str())
}

fn only_connectors(between: &str, gaz: &Gazetteers) -> bool {
    between.len() <= 16 && between.split_whitespace().all(|w| is_role_trailer(w, gaz))
}

/// A title without the connector words that lead to its organisation; `None` when empty.
fn trim_role(text: &str, range: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let mut r = range.trim(text);
    // "..., I'm from the Agency": what a speaker says of themselves is no title.
    let first_word = r.slice(text).split([' ', ',']).next().unwrap_or("");
    if gaz.classes.first_person.contains(first_word) {
        return None;
    }
    // "a researcher at", "la directora de": an article is not part of the title; nor are two ("y a
    // la subsecretaria de ...": a preposition read as an article, then the article).
    for _ in 0..2 {
        let Some(article) = gaz.classes.role_articles.iter().find(|article| {
            r.slice(text).get(..article.len()).is_some_and(|h| h.eq_ignore_ascii_case(article))
                && r.len() > article.len()
        }) else {
            break;
        };
        r.start += article.len();
    }
    // "journaliste au quotidien", "del diario": the word for the outlet is not the title.
    for noun in &gaz.media_nouns {
        if let Some(head) = r.slice(text).strip_suffix(noun) {
            if head.is_empty() || head.ends_with(' ') {
                r.end = r.start + head.len();
            }
        }
    }
    r = r.trim(text);
    // "Prime Minister of Lithuania 2013-11-14 10:00": a programme's date and time after the title
    // are not part of it.
    if let Some(at) = r
        .slice(text)
        .split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .find(|(start, w)| *start > 0 && is_date_or_time(w))
        .map(|(start, _)| start)
    {
        r.end = r.start + r.slice(text)[..at].trim_end().len();
    }
    // "Directora General Adjunta." (a programme's "Title. Body. Country"): the stop after a word
    // is not the title's; an abbreviation's is ("Dir.").
    let last_word = r.slice(text).rsplit(' ').next().unwrap_or("");
    if last_word.ends_with('.') && last_word.chars().filter(|c| c.is_alphabetic()).count() > 4 {
        r.end -= 1;
    }
    let first = r.slice(text).split_whitespace().next().unwrap_or("");
    // "noted that ...", "provided an update ...": what the person did, not a title.
    let verb = gaz.narrative_verbs.contains(first) || gaz.speech_verbs.find(first).first().is_some_and(|m| m.0 == 0);
    if gaz.description_verbs.contains(first) || verb {
        return None;
    }
    // "Secrétaire Général de l’UIT": the elided article glued to the body is not the title's.
    for elided in &gaz.classes.elisions {
        if r.slice(text).strip_suffix(elided.as_str()).is_some_and(|head| head.ends_with(' ')) {
            r.end -= elided.len();
        }
    }
    loop {
        let s = r.slice(text);
        let Some((head, last)) = s.trim_end().rsplit_once(' ') else {
            if is_role_trailer(s, gaz) {
                r.end = r.start;
            }
            break;
        };
        // "el alcalde, señor Luis Carrasco": the form of address is recorded apart; a whole word
        // ("señor", "Monsieur"), not an abbreviation ("Amb."), that is no title.
        let form_of_address = !last.ends_with('.') && gaz.honorific(last).is_some() && !gaz.is_title(last);
        if is_role_trailer(last, gaz) || form_of_address {
            r.end = r.start + head.trim_end().len();
        } else {
            break;
        }
    }
    let s = r.slice(text);
    let t = s.trim_end_matches([',', ' ', '-', '–', '—', '(', ':', '|', '/']);
    r.end = r.start + t.len();
    // "Dr Joanna Okafor (Chair), University of Leeds": a parenthesis the title does not open is not its.
    let s = r.slice(text);
    if s.ends_with(')') && !s.contains('(') {
        r = ByteRange { start: r.start, end: r.end - 1 }.trim(text);
    }
    // "Yao Kouassi, de l'ARTCI": a preposition left alone before the body is no title.
    let only_connector = gaz.joins_names(r.slice(text));
    (!r.is_empty() && !only_connector && r.slice(text).chars().any(char::is_alphabetic)).then_some(r)
}
