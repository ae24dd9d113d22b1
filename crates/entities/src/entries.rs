//! Speaker entries: the organizer / moderator / speakers fields, the lines of speaker lists, list
//! items shaped like "Name, Title, Organisation" anywhere, and the rows of speaker tables (pipe
//! tables, CSV rows, tab-separated rows). Each entry splits into honorific, name and the rest.

use acta_doc::{fold_words, ByteRange, FieldKind, Lang, LineKind, ListEntry, Report, SessionRole};

use crate::gazetteer::{Gazetteers, Honorific};
use crate::lists::*;
use crate::names::{honorific_at, name_after_honorific, name_at};
use crate::tables::*;
use crate::words::word_in_capitals;

/// The part the people listed under a field or heading of this kind had, and whether they were
/// absent (named, not taking part).
fn role_of(kind: FieldKind) -> Option<(SessionRole, bool)> {
    match kind {
        FieldKind::Organizer => Some((SessionRole::Organizer, false)),
        FieldKind::Moderator => Some((SessionRole::Moderator, false)),
        FieldKind::Rapporteur => Some((SessionRole::Rapporteur, false)),
        FieldKind::Speakers => Some((SessionRole::Speaker, false)),
        // Attendance lists name people who took part without a session role of their own.
        FieldKind::Attendees | FieldKind::Participants => Some((SessionRole::Attendee, false)),
        FieldKind::Absent => Some((SessionRole::Attendee, true)),
        _ => None,
    }
}

/// An entry of a list of those present that says its person was not ("Mike Rodenbaugh -
/// Commercial Users, absent, apologies", "Ana Ruiz (excusada)"): an absence phrase of the language
/// packs in what follows the name.
fn marked_absent(text: &str, rest: ByteRange, gaz: &Gazetteers) -> bool {
    let rest = rest.slice(text);
    !rest.is_empty() && gaz.lead_ins.find_all(&format!(" {} ", fold_words(rest))).any(|(_, _, (_, absent))| absent)
}

/// Every entry of the report's lists of people in text order, each name once: what the entity
/// stage keeps in `Report::list_entries` for the speaker stage.
pub fn list_entries(report: &Report, gaz: &Gazetteers) -> Vec<ListEntry> {
    let text = &report.text;
    let mut out: Vec<ListEntry> = Vec::new();
    let lang = |pos: usize| report.language_at(pos);
    let tables = find_tables(text, gaz);
    let in_table = |r: &ByteRange| tables.iter().any(|t| t.lines.iter().any(|l| l.overlaps(r)));
    // Where lists of people are, and the part their people had: the values of fields and headings
    // of people ("Moderator:", "Asistentes:", "Apologies:"), and what follows a lead-in line
    // ("The following members took part in the meeting:", "Étaient présents :").
    let mut lists: Vec<(ByteRange, SessionRole, bool)> = Vec::new();
    for field in &report.fields {
        let role = role_of(field.kind)
            .or_else(|| (field.kind == FieldKind::Other).then(|| lead_in_role(gaz, field.label.slice(text))).flatten());
        if let Some((mut role, absent)) = role {
            // "Chair:", "Preside:", "Présidence :": a moderator's field whose label says it chairs.
            let label = field.label.slice(text).trim().to_lowercase();
            if role == SessionRole::Moderator
                && gaz
                    .participation_aside
                    .find_all(&label)
                    .any(|(s, e, r)| s == 0 && e == label.len() && r == SessionRole::Chair)
            {
                role = SessionRole::Chair;
            }
            // "Modera: X" then "Participan: A, B": a panel's participants, under its moderator, speak.
            let line = report.lines.partition_point(|l| l.range.end <= field.label.start);
            if role == SessionRole::Attendee && !absent && under_moderator(report, line, gaz) {
                role = SessionRole::Speaker;
            }
            lists.push((list_extent(report, field.value, gaz), role, absent));
        }
    }
    lists.extend(lead_in_lists(report, gaz, &lists));
    for &(range, role, absent) in &lists {
        for part in split_list(text, range, gaz) {
            if in_table(&part) {
                continue;
            }
            let parsed = parse_entry(text, part, gaz, lang(part.start), role)
                .or_else(|| label_first_entry(text, part, gaz, lang(part.start), role))
                .or_else(|| title_first_entry(text, part, gaz, lang(part.start), role));
            if let Some(mut p) = parsed {
                if is_sentence_about(text, &p, gaz) || speaks_for(p.rest.slice(text), gaz) {
                    continue;
                }
                with_lines_below(report, &mut p, part, gaz);
                p.absent = absent || marked_absent(text, p.rest, gaz);
                out.push(p);
            }
        }
    }
    let speaker_sections: Vec<ByteRange> =
        report.sections.iter().filter(|s| s.kind == FieldKind::Speakers).map(|s| s.body).collect();
    // Sections headed by another list of people ("## Participants", "Asistentes", "Excusados"): their
    // entries have that list's part.
    // A group inside such a list headed by a bullet line ("* pour la métropole :") is still part of it.
    let mut people_sections: Vec<(ByteRange, SessionRole, bool)> = Vec::new();
    let mut last: Option<(SessionRole, bool)> = None;
    // The list of people whose groups the next headings may be: "## Participantes" then "### EPS:",
    // "### Professores:" (deeper Markdown headings), or "Attendance:" with nothing under it, then
    // "Trustees:" and "Staff:" (group labels ending in a colon). Its heading's Markdown level (0 when
    // it is no Markdown heading: then colon labels go on with it) and its part.
    let mut groups_of: Option<(usize, (SessionRole, bool))> = None;
    for section in &report.sections {
        let Some(heading) = section.heading else { continue };
        let line_start = text[..heading.start].rfind('\n').map_or(0, |i| i + 1);
        let level = text[line_start..heading.start].trim_start().bytes().take_while(|&b| b == b'#').count();
        let colon_label = text[heading.end..].trim_start_matches([' ', '\t', '*']).starts_with(':');
        if section.kind != FieldKind::Other || level > 0 && groups_of.is_some_and(|(of, _)| level <= of) {
            groups_of = None;
        }
        let group_of = groups_of.filter(|&(of, _)| if of > 0 { level > of } else { colon_label }).map(|(_, role)| role);
        // ... and so is one headed by the body its people are of ("Por el Ministerio de Salud:").
        let heading_text = heading.slice(text);
        let first_word = heading_text.split_whitespace().next().unwrap_or("").to_lowercase();
        let body_group = gaz.classes.group_leads.contains(&first_word)
            && text[heading.end..].trim_start_matches([' ', '\t']).starts_with(':')
            && heading_text.split_whitespace().nth(1).is_some();
        let bullet_group = body_group || text[line_start..heading.start].trim().starts_with(['*', '-', '•']);
        let role = match (section.kind, bullet_group) {
            (FieldKind::Speakers, _) => None,
            (FieldKind::Other, true) => last,
            (FieldKind::Other, false) => group_of,
            (kind, _) => role_of(kind),
        };
        if let Some((role, absent)) = role {
            people_sections.push((before_prose(report, section.body, gaz), role, absent));
        }
        // A Markdown heading has groups at deeper levels whatever is under it; another heading only
        // when nothing is (the groups are all its list has).
        let nothing_under = section.body.slice(text).trim().is_empty();
        if section.kind != FieldKind::Other && (level > 0 || nothing_under) {
            groups_of = role.map(|role| (level, role));
        } else if group_of.is_none() {
            groups_of = None;
        }
        last = role;
    }
    // Lines of a programme: "Luiz Gaiger, Abet", "Clarissa Stefani – UFSC", a name and a short
    // affiliation, one a line, with another such line next to it.
    let shaped: Vec<bool> = report.lines.iter().map(|l| entry_shaped_line(text, l, gaz)).collect();
    let non_blank = |j: &usize| report.lines[*j].kind != LineKind::Blank;
    let programme_line = |i: usize| {
        let before = (0..i).rev().find(non_blank).is_some_and(|j| shaped[j]);
        let after = (i + 1..report.lines.len()).find(non_blank).is_some_and(|j| shaped[j]);
        shaped[i] && (before || after)
    };
    let present_lists = lists
        .iter()
        .chain(&people_sections)
        .filter(|&&(_, role, absent)| role == SessionRole::Attendee && !absent)
        .map(|&(range, _, _)| range);
    let present = present_below(report, present_lists, &shaped);
    for (i, line) in report.lines.iter().enumerate() {
        let listed = || lists.iter().any(|(r, _, _)| r.contains(&line.content));
        if line.kind == LineKind::Text && present[i] && !listed() {
            if let Some(p) = parse_entry(text, line.content, gaz, lang(line.content.start), SessionRole::Attendee) {
                out.push(p);
                continue;
            }
        }
        if line.kind == LineKind::Text && programme_line(i) && !listed() {
            if let Some(p) = parse_entry(text, line.content, gaz, lang(line.content.start), SessionRole::Speaker) {
                out.push(p);
                continue;
            }
        }
        // A field's line that goes on with entries run together ("Stakeholder group: Civil Society
        // SPEAKERS ANA RUIZ — Head, ... LUIS PAZ — Director, ...", a schedule page flattened): the
        // entries after the field are entries.
        if line.kind == LineKind::Field && !in_table(&line.range) {
            let run_together = run_together_starts(text, line.content, gaz);
            if run_together.len() >= 2 {
                for part in split_run_together(text, line.content, gaz).into_iter().skip(1) {
                    if let Some(p) = parse_entry(text, part, gaz, lang(part.start), SessionRole::Speaker) {
                        out.push(p);
                    }
                }
                continue;
            }
        }
        if matches!(line.kind, LineKind::Blank | LineKind::Field | LineKind::Heading) || in_table(&line.range) {
            continue;
        }
        if lists.iter().any(|(r, _, _)| r.contains(&line.content)) {
            continue;
        }
        let people_section = people_sections.iter().find(|(s, _, _)| s.contains(&line.range));
        let in_speakers = speaker_sections.iter().any(|s| s.contains(&line.range)) || people_section.is_some();
        let (section_role, section_absent) = people_section.map_or((SessionRole::Speaker, false), |&(_, r, a)| (r, a));
        // Outside lists, a line that starts with an honorific may be an entry too (agendas:
        // "   Sra. Ana Pérez, Viceministra de ..."), and so is a line of entries run together.
        let honorific_led = honorific_at(text, line.content.start, gaz, lang(line.content.start)).is_some();
        let run_together = run_together_starts(text, line.content, gaz);
        if run_together.len() >= 2 {
            let first = ByteRange { start: line.content.start, end: run_together[0] };
            let pieces = std::iter::once(first).chain(split_run_together(text, line.content, gaz).into_iter().skip(1));
            for part in pieces {
                if let Some(mut p) = parse_entry(text, part, gaz, lang(part.start), section_role) {
                    p.absent |= section_absent;
                    out.push(p);
                }
            }
            continue;
        }
        if !in_speakers && line.kind != LineKind::ListItem && !honorific_led {
            continue;
        }
        for part in split_entries(text, line.content) {
            let Some(mut p) = parse_entry(text, part, gaz, lang(part.start), section_role) else { continue };
            p.absent |= section_absent;
            if in_speakers {
                with_lines_below(report, &mut p, part, gaz);
            }
            // A sentence about what a person did is not an entry, even under a speakers heading.
            let first_word = p.rest.slice(text).split_whitespace().next().unwrap_or("");
            if in_speakers && (part.len() > 400 || gaz.narrative_verbs.contains(first_word)) {
                continue;
            }
            // "Michael Hale declared an interest in item 6.": a name, no separator, then a word in
            // small letters that is no title, article or preposition is a sentence about the person
            // (minutes go on below their list of members present), not an entry.
            if in_speakers && is_sentence_about(text, &p, gaz) {
                continue;
            }
            // "Mr. Odhiambo (Kenya), speaking on behalf of the Group of African States, called for
            // ...": a delegate's turn in a summary record, not an entry with a title.
            if speaks_for(p.rest.slice(text), gaz) {
                continue;
            }
            if !in_speakers {
                // A list item elsewhere is an entry only when shaped like one: a separator after the
                // name, then a short description, not a sentence.
                let between = &text[p.name.end..p.rest.start];
                let shaped = between.contains([',', '-', '–', '—', '|', '(', ':']) && !p.rest.is_empty();
                // A line of prose that opens with an honorific and goes on past its first sentence
                // ("M. Le Bihan, adjoint aux finances, présente le budget. Après en avoir délibéré,
                // le Conseil adopte ...") is no entry either.
                let prose_line =
                    line.kind == LineKind::Text && honorific_led && second_sentence(p.rest.slice(text), gaz);
                let sentence = part.len() > 220 || prose_line || gaz.sentence_verb_phrases.any_in(part.slice(text));
                if !shaped || sentence {
                    continue;
                }
            }
            out.push(p);
        }
    }
    for table in &tables {
        let first = table.lines.first().copied().unwrap_or_default();
        let in_speakers = speaker_sections.iter().any(|s| s.contains(&first));
        // A table under a lead-in or a heading of a list of people ("LISTE DE PRÉSENCE") has that
        // list's part.
        let listed = lists.iter().chain(&people_sections).find(|(r, _, _)| r.contains(&first));
        for row in &table.rows {
            if let Some(mut p) =
                table_entry(text, table, row, gaz, lang(row.line.start), in_speakers || listed.is_some())
            {
                if let Some(&(_, role, absent)) = listed {
                    p.role = role;
                    p.absent = absent || marked_absent(text, p.rest, gaz);
                }
                out.push(p);
            }
        }
    }
    out.sort_by_key(|e| e.name.start);
    out.dedup_by(|a, b| a.name.overlaps(&b.name));
    out
}

/// Most lines under a name alone that say who the person is (title, unit, body, country).
const MAX_BLOCK_LINES: usize = 3;

/// Most words in a line of such a block: more is prose.
const MAX_BLOCK_LINE_WORDS: usize = 12;

/// The entry lines below lists of those present (`present_lists`) that go on with them under short
/// group headings: minutes list the body's staff and guests below its members ("Secretário-Executivo",
/// "Assessoria ao CGI.br:", "ICANN Staff", each over lines of a name and a post). The groups end at a
/// line that is neither an entry (`shaped`) nor such a heading, at a third heading in a row, or at
/// a heading or label of another part.
fn present_below(report: &Report, present_lists: impl Iterator<Item = ByteRange>, shaped: &[bool]) -> Vec<bool> {
    let text = &report.text;
    let mut present = vec![false; report.lines.len()];
    // A heading or label of its own kind ("Intervenants extérieurs", "Apologies:") starts another
    // list, not a group of this one.
    let labels: Vec<ByteRange> =
        (report.sections.iter().filter(|s| s.kind != FieldKind::Other).filter_map(|s| s.heading))
            .chain(report.fields.iter().filter(|f| f.kind != FieldKind::Other).map(|f| f.label))
            .collect();
    for list in present_lists {
        let first = report.lines.partition_point(|l| l.range.start < list.end);
        let (mut headings_in_a_row, mut in_group) = (0, false);
        for (j, line) in report.lines.iter().enumerate().skip(first) {
            if line.kind == LineKind::Blank {
                continue;
            }
            if shaped[j] && in_group {
                present[j] = true;
                headings_in_a_row = 0;
                continue;
            }
            // A group's heading: a few words, no sentence, not a numbered item of an agenda.
            let content = line.content.slice(text).trim();
            let group_heading = content.split_whitespace().count() <= MAX_GROUP_HEADING_WORDS
                && !content.ends_with('.')
                && !content.starts_with(|c: char| c.is_ascii_digit());
            let labelled = labels.iter().any(|l| line.range.contains(l));
            if !group_heading || labelled || headings_in_a_row == 2 {
                break;
            }
            headings_in_a_row += 1;
            in_group = true;
        }
    }
    present
}

/// Most words of a group's heading under a list of those present ("Assessoria ao CGI.br").
const MAX_GROUP_HEADING_WORDS: usize = 6;

/// "Marta Ruiz Paz" / "Directora de Datos" / "Ministerio de Economía": a name alone on its line,
/// its title and body on the lines below it, one block a person. The lines below become the
/// entry's rest.
fn with_lines_below(report: &Report, p: &mut ListEntry, part: ByteRange, gaz: &Gazetteers) {
    if !p.rest.is_empty() {
        return;
    }
    let Some(i) = report.lines.partition_point(|l| l.range.start <= part.start).checked_sub(1) else { return };
    if report.lines[i].content.trim(&report.text) != part {
        return;
    }
    if let Some(end) = block_end(report, i, gaz) {
        p.rest = ByteRange { start: report.lines[i + 1].content.start, end };
        p.source = ByteRange { start: part.start, end };
    }
}

/// The last line of an entry's rest written as a block of lines, where such an entry names its
/// body ("Directora de Datos" / "Proética, capítulo peruano de ..."); `None` for a rest of one line.
pub(crate) fn block_last_line(rest: &str) -> Option<&str> {
    rest.rfind('\n').map(|nl| &rest[nl + 1..])
}

/// The body's part of a block's last line: what comes before its first comma ("Proética").
pub(crate) fn block_body(line: &str) -> &str {
    line.split(", ").next().unwrap_or(line)
}

/// Where the block of line `i`, a name alone, ends when the lines right below it (no blank line
/// between) say who the person is: one to three short lines that start with no name nor honorific
/// and are no sentence, followed by a blank line, the text's end or the next name. A web page's
/// speakers are written so ("Ana Gil" / "Directora de Datos" / "Ministerio de Economía").
fn block_end(report: &Report, i: usize, gaz: &Gazetteers) -> Option<usize> {
    let text = &report.text;
    // The next person's line: an honorific, or a name that opens with a known name and is no
    // body's ("Open Contracting Partnership" is shaped as a name).
    let starts_with_name = |l: &acta_doc::Line| {
        let pos = l.content.start;
        let s = l.content.slice(text);
        let first_word = s.split_whitespace().next().unwrap_or("");
        let body_word =
            s.split_whitespace().any(|w| gaz.shapes.body_heads.contains(w) || gaz.shapes.body_tails.contains(w));
        honorific_at(text, pos, gaz, report.language_at(pos)).is_some()
            || name_at(&text[..l.content.end], pos, gaz).is_some_and(|n| n.core_tokens >= 2)
                && (gaz.is_given_name(first_word) || gaz.is_surname(first_word))
                && !body_word
    };
    let mut end = None;
    for (n, line) in report.lines[i + 1..].iter().enumerate() {
        if line.kind == LineKind::Blank || starts_with_name(line) {
            return end;
        }
        let s = line.content.slice(text);
        let describes = line.kind == LineKind::Text
            && s.split_whitespace().count() <= MAX_BLOCK_LINE_WORDS
            && !s.ends_with(['.', ':', '?', '!'])
            && !gaz.sentence_verb_phrases.any_in(s);
        if n == MAX_BLOCK_LINES || !describes {
            return None;
        }
        end = Some(line.content.end);
    }
    end
}

/// "Luiz Gaiger, Abet": a short text line that is a name of two words or more, a separator and a
/// short affiliation, not a sentence.
fn entry_shaped_line(text: &str, line: &acta_doc::Line, gaz: &Gazetteers) -> bool {
    if line.kind != LineKind::Text && line.kind != LineKind::ListItem {
        return false;
    }
    let s = line.content.slice(text);
    if s.len() > 160 || gaz.sentence_verb_phrases.any_in(s) {
        return false;
    }
    let Some(n) = name_at(&text[..line.content.end], line.content.start, gaz).filter(|n| n.core_tokens >= 2) else {
        return false;
    };
    let after = &text[n.range.end..line.content.end];
    let rest = after.trim_start_matches([',', ' ', '-', '–', '—', '|']);
    [", ", " - ", " – ", " — ", " | "].iter().any(|sep| after.starts_with(sep))
        && !rest.is_empty()
        && rest.split_whitespace().count() <= 12
        && !rest.ends_with(['.', ':'])
}

/// "SGEN-CFDT : Alain Morel", "Relatora: Ana Gil": an entry of a list written label first, a
/// body or a part before a colon and the name alone after it. The label is the entry's rest (its
/// affiliation), although it stands before the name.
pub(crate) fn label_first_entry(
    text: &str,
    range: ByteRange,
    gaz: &Gazetteers,
    lang: Option<Lang>,
    role: SessionRole,
) -> Option<ListEntry> {
    let label_end = label_first(text, range, gaz)?;
    let label = ByteRange { start: range.start, end: label_end }.trim(text);
    name_alone_after(text, range, label_end + 1, label, gaz, lang, role)
}

/// The entry `range` whose name stands alone from `name_from` to its end, with `before` (a label
/// or a title written before the name) as its rest.
fn name_alone_after(
    text: &str,
    range: ByteRange,
    name_from: usize,
    before: ByteRange,
    gaz: &Gazetteers,
    lang: Option<Lang>,
    role: SessionRole,
) -> Option<ListEntry> {
    let after = ByteRange { start: name_from, end: range.end }.trim(text);
    let mut p = parse_entry(text, after, gaz, lang, role)?;
    if !p.rest.is_empty() {
        return None;
    }
    p.rest = before;
    p.source = range;
    Some(p)
}

/// "el Director de Obras Municipales, don Pedro Alarcón Vidal", "y la Directora de ..., doña Jimena
/// Cárcamo": an entry of a list written title first, the name alone after its last comma. The
/// title (and any body in it) is the entry's rest, although it stands before the name.
fn title_first_entry(
    text: &str,
    range: ByteRange,
    gaz: &Gazetteers,
    lang: Option<Lang>,
    role: SessionRole,
) -> Option<ListEntry> {
    let comma = range.slice(text).rfind(", ")?;
    // The conjunction and the article before the title are no part of it.
    let mut head = ByteRange { start: range.start, end: range.start + comma }.trim(text);
    for _ in 0..2 {
        let s = head.slice(text);
        let Some((word, rest)) = s.split_once(' ') else { break };
        let lower = word.to_lowercase();
        if gaz.articles.contains(&lower) || gaz.conjunctions.contains(&lower) {
            head.start = head.end - rest.len();
        }
    }
    let first = head.slice(text).split([' ', ',']).next().unwrap_or("");
    if !gaz.is_title(&first.to_lowercase()) {
        return None;
    }
    name_alone_after(text, range, range.start + comma + 2, head, gaz, lang, role)
}

/// Where the colon of a label-first entry is: a short label (at most six words, no sentence), a
/// colon, then something.
pub(crate) fn label_first(text: &str, range: ByteRange, gaz: &Gazetteers) -> Option<usize> {
    let s = range.slice(text);
    let colon = s.find(':')?;
    let label = s[..colon].trim();
    let words = label.split_whitespace().count();
    let sentence = label.ends_with('.') || gaz.sentence_verb_phrases.any_in(label);
    ((1..=6).contains(&words) && !sentence && !s[colon + 1..].trim().is_empty()).then_some(range.start + colon)
}

/// Splits an entry into honorific, name and rest. `None` when it does not start with a name.
/// Reads "Surname1 Surname2, Given - ..." and "SURNAME Given, ..." in reading order.
pub fn parse_entry(
    text: &str,
    range: ByteRange,
    gaz: &Gazetteers,
    lang: Option<Lang>,
    role: SessionRole,
) -> Option<ListEntry> {
    let mut pos = range.start;
    // "la Prof. Ida Holz", "el Ing. Víctor Villar": an article before a form of address opens no name.
    pos += crate::names::article_before_honorific(&text[pos..range.end], gaz, lang).unwrap_or(0);
    let mut honorific: Option<(ByteRange, &Honorific)> = None;
    // "H.E. Ms. Luciana Santos": a chain of honorifics is one, written whole; the one that says a
    // gender gives it.
    while let Some((h, r, after)) = honorific_at(text, pos, gaz, lang) {
        if after > range.end {
            break;
        }
        honorific = Some(match honorific {
            None => (r, h),
            Some((first, kept)) => {
                let gendered = if h.gender.is_some() { h } else { kept };
                (ByteRange { start: first.start, end: r.end }, gendered)
            }
        });
        pos = after;
    }
    // "Councillors Heather Mack, Tom Renhard": a title in the plural before the first entry is the
    // list's (each one's, in the singular), not part of a name.
    if honorific.is_none() {
        if let Some(end) = text[pos..range.end].find(' ').map(|i| pos + i) {
            let word = &text[pos..end];
            // "Councillor H Lindqvist": before an initial, a title in the singular is no name's.
            let initial_after =
                text[end + 1..range.end].split(' ').next().is_some_and(|w| crate::names::initial_without_stop(w, gaz));
            let plural = !gaz.is_title(word) && gaz.is_title_or_plural(word);
            if (plural || gaz.is_title(word) && initial_after) && text[end + 1..].starts_with(char::is_uppercase) {
                pos = end + 1;
            }
        }
    }
    let bounded = &text[..range.end];
    let name = if honorific.is_some() { name_after_honorific(bounded, pos, gaz)? } else { name_at(bounded, pos, gaz)? };
    // "Honourable Ministers of Government": a title alone, or in the plural, is no name.
    if name.core_tokens == 1 && gaz.is_title_or_plural(name.range.slice(text)) {
        return None;
    }
    // "4. BROADBAND EXPANSION PROJECT": an item written all in capitals whose words no list of
    // names knows is a heading of the minutes, not a person.
    let entry = &text[pos..range.end];
    if honorific.is_none()
        && crate::words::in_capitals(entry)
        && !name.range.slice(text).split_whitespace().any(|w| gaz.is_given_name(w) || gaz.is_surname(w))
    {
        return None;
    }
    let mut name_range = name.range;
    let mut core = name.core_tokens;
    let mut display = None;
    let tokens: Vec<&str> = name.range.slice(text).split(' ').collect();
    // "Benítez Arce, Lucía - Director": a given name alone after the comma, then a separator.
    if let Some(after) = bounded[name.range.end..].strip_prefix(", ") {
        let given_start = name.range.end + 2;
        if let Some(given) = name_at(bounded, given_start, gaz) {
            let given_text = given.range.slice(text);
            let first_given = given_text.split(' ').next().unwrap_or("");
            let follows = bounded[given.range.end..].trim_start();
            let ends_there = follows.is_empty() || follows.starts_with(['-', '–', '—', '(', ',', '|', ':']);
            // "Ana Silva, Pedro Gómez" is two people; "Araya Guerrero, Pedro" (a surname that is
            // also a given name) one, since only given names follow the comma.
            let only_given = given_text.split(' ').all(|w| gaz.is_given_name(w));
            let surname_first = !gaz.is_given_name(tokens[0]) || word_in_capitals(tokens[0]) || only_given;
            if given.core_tokens <= 2
                && gaz.is_given_name(first_given)
                && ends_there
                && surname_first
                && !after.is_empty()
            {
                display = Some(format!("{given_text} {}", name.range.slice(text)));
                name_range = ByteRange { start: name.range.start, end: given.range.end };
                core += given.core_tokens;
            }
        }
    }
    // "DIALLO Aminata": capitals first, then a given name in mixed case.
    if display.is_none() && tokens.len() >= 2 {
        let caps = tokens.iter().take_while(|t| word_in_capitals(t)).count();
        // The French list convention; the given name need not be in the gazetteer ("DIALLO Aminata").
        if caps >= 1 && caps < tokens.len() && !tokens[caps..].iter().any(|t| word_in_capitals(t) || t.ends_with('.')) {
            display = Some(format!("{} {}", tokens[caps..].join(" "), tokens[..caps].join(" ")));
        }
    }
    if core < 2 && honorific.is_none() {
        return None;
    }
    let separators = |s: &str| {
        s.len()
            - s.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | ':' | '|' | ';' | '(')
            })
            .len()
    };
    let mut rest_start = name_range.end + separators(&text[name_range.end..range.end]);
    // "Julia Lopez MP, Minister for ...", "Ana Ruiz OBE, Director": letters after the name are
    // neither the name nor the title.
    loop {
        let after = &text[rest_start..range.end];
        let word = &after[..after.find([' ', ',', ';', ')']).unwrap_or(after.len())];
        if word.is_empty() || !gaz.classes.post_nominals.contains(word) {
            break;
        }
        rest_start += word.len() + separators(&after[word.len()..]);
    }
    let mut rest = ByteRange { start: rest_start, end: range.end }.trim(text);
    if let Some(c) = gaz.copulas.iter().find(|c| rest.slice(text).starts_with(c.as_str())) {
        rest.start += c.len();
        // A biography's title ends with its sentence.
        if let Some(stop) = rest.slice(text).find(". ") {
            rest.end = rest.start + stop;
        }
    }
    // "El señor QUINTANA (Presidente).- En el nombre de Dios ...": a transcript's turn; what is
    // said after its mark is no part of the entry.
    if let Some(turn) = [").-", ").–", ") .-"].iter().filter_map(|m| rest.slice(text).find(m)).min() {
        rest.end = rest.start + turn + 1;
    }
    if rest.slice(text).ends_with(')') && !rest.slice(text).contains('(') {
        rest.end -= 1;
    }
    Some(ListEntry {
        honorific: honorific.map(|(range, _)| range),
        honorific_gender: honorific.and_then(|(_, h)| h.gender),
        name: name_range,
        display,
        core_tokens: core,
        rest,
        role,
        // "Suzanne Sene - GAC Liaison - absent": in any list, not only under a lead-in.
        absent: marked_absent(text, rest, gaz),
        source: range,
        title_cell: None,
    })
}

/// Does `s` hold a sentence's stop followed by another sentence ("... le budget. Après ...")?
fn second_sentence(s: &str, gaz: &Gazetteers) -> bool {
    s.match_indices(". ").any(|(i, _)| {
        s[i + 2..].starts_with(char::is_uppercase) && !crate::participants::abbreviation_before(s, i, gaz)
    })
}

/// Does an entry's description open, past a country in brackets, with whom the person speaks for
/// ("(Kenya), speaking on behalf of ...", "en nombre del Grupo de Río")?
fn speaks_for(rest: &str, gaz: &Gazetteers) -> bool {
    let separators: &[char] = &[' ', ',', '-', '–', '—', '('];
    let mut rest = rest.trim_start_matches(separators);
    // The country in brackets, whose opening bracket the entry's separators took.
    if let Some((inside, after)) = rest.split_once(')') {
        if !inside.contains('(') && inside.split_whitespace().count() <= 5 {
            rest = after.trim_start_matches(separators);
        }
    }
    let head: String = rest.chars().take(40).collect::<String>().to_lowercase();
    gaz.classes.speaking_for.iter().any(|phrase| head.strip_prefix(phrase.as_str()).is_some_and(|r| r.starts_with(' ')))
}

/// Is this entry a sentence about its person: no separator after the name, then a word in small
/// letters that is no title, article, preposition or linking word ("declared", "reported", "asked")?
fn is_sentence_about(text: &str, p: &ListEntry, gaz: &Gazetteers) -> bool {
    let first_word = p.rest.slice(text).split_whitespace().next().unwrap_or("");
    let word = first_word.trim_end_matches([',', '.', ';', ':']);
    text.get(p.name.end..p.rest.start).is_some_and(|between| between.trim().is_empty())
        && word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().count() > 2
        && !gaz.is_title_or_plural(word)
        && !gaz.joins_names(word)
        && !gaz.linking_words.contains(word)
        && !gaz.classes.role_articles.iter().any(|a| a.trim() == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Option<(String, String)> {
        let gaz = Gazetteers::bundled();
        let r = ByteRange { start: 0, end: text.len() };
        parse_entry(text, r, &gaz, Some(Lang::EN), SessionRole::Speaker)
            .map(|p| (p.display.unwrap_or_else(|| p.name.slice(text).to_string()), p.rest.slice(text).to_string()))
    }

    #[test]
    fn inverted_names_read_in_reading_order() {
        assert_eq!(
            entry("Benítez Arce, Lucía - Director, Registry").unwrap(),
            ("Lucía Benítez Arce".into(), "Director, Registry".into())
        );
        assert_eq!(entry("QUISPE MAMANI, Rodrigo - Adviser").unwrap().0, "Rodrigo QUISPE MAMANI");
        assert_eq!(
            entry("Arce, Tomás (Universidad Andina)").unwrap(),
            ("Tomás Arce".into(), "Universidad Andina".into())
        );
        assert_eq!(entry("DIALLO Aminata, Directrice générale").unwrap().0, "Aminata DIALLO");
        // A surname that is also a given name, given names only after the comma.
        assert_eq!(entry("Arriaga Soto, Pedro").unwrap().0, "Pedro Arriaga Soto");
        assert_eq!(entry("Aravena Acuña, Carmen Gloria").unwrap().0, "Carmen Gloria Aravena Acuña");
        assert_eq!(entry("Mendes Lobo, Luz").unwrap().0, "Luz Mendes Lobo");
        // Reading order already: unchanged.
        assert_eq!(entry("Ana Silva, Director").unwrap().0, "Ana Silva");
        assert_eq!(entry("Rodrigo QUISPE MAMANI, Adviser").unwrap().0, "Rodrigo QUISPE MAMANI");
        assert_eq!(entry("MARÍA LÓPEZ GARCÍA — Undersecretary").unwrap().0, "MARÍA LÓPEZ GARCÍA");
    }

    #[test]
    fn an_entry_of_a_list_of_those_present_can_say_its_person_was_not() {
        let gaz = Gazetteers::bundled();
        let rest = |text: &str| {
            let r = ByteRange { start: 0, end: text.len() };
            let p = parse_entry(text, r, &gaz, Some(Lang::EN), SessionRole::Attendee).unwrap();
            (p.name.slice(text).to_string(), marked_absent(text, p.rest, &gaz))
        };
        assert_eq!(rest("Tomás Arce - Registrars - absent, apologies"), ("Tomás Arce".into(), true));
        assert_eq!(rest("Ana Ruiz (excusada)"), ("Ana Ruiz".into(), true));
        // A dash typed against the name still ends it.
        assert_eq!(rest("Lucía Benítez- Registrars"), ("Lucía Benítez".into(), false));
        assert_eq!(rest("Rosa Gil - Office of Attendance Records"), ("Rosa Gil".into(), false));
    }

    #[test]
    fn an_entry_written_label_first_takes_its_label_as_affiliation() {
        let gaz = Gazetteers::bundled();
        let read = |text: &str| {
            let r = ByteRange { start: 0, end: text.len() };
            label_first_entry(text, r, &gaz, Some(Lang::FR), SessionRole::Attendee)
                .map(|p| (p.name.slice(text).to_string(), p.rest.slice(text).to_string()))
        };
        assert_eq!(read("CGT-FO : Hélène Marchand"), Some(("Hélène Marchand".into(), "CGT-FO".into())));
        assert_eq!(read("Relatora: Inés Duarte Pires"), Some(("Inés Duarte Pires".into(), "Relatora".into())));
        // A name followed by more is an entry of the usual kind, or none.
        assert_eq!(read("CGT-FO : Hélène Marchand, déléguée"), None);
        assert_eq!(read("Le conseil a voté la motion suivante : Hélène Marchand"), None);
    }
}
