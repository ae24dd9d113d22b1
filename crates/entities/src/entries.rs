//! Speaker entries: the organizer / moderator / speakers fields, the lines of speaker lists, list
//! items shaped like "Name, Title, Organisation" anywhere, and the rows of speaker tables (pipe
//! tables, CSV rows, tab-separated rows). Each entry splits into honorific, name and the rest.

use acta_doc::{fold_words, ByteRange, FieldKind, Lang, LineKind, Report, SessionRole};

use crate::gazetteer::{Gazetteers, Honorific};
use crate::names::{honorific_at, name_after_honorific, name_at};

/// An entry split into its parts.
#[derive(Debug, Clone)]
pub struct ParsedEntry<'g> {
    pub honorific: Option<(ByteRange, &'g Honorific)>,
    /// Where the name is written; for "Surname, Given" and table rows it spans both parts.
    pub name: ByteRange,
    /// The name in reading order ("Given Surname") when it is not written so.
    pub display: Option<String>,
    pub core_tokens: usize,
    /// What follows the name: title, organisation, country.
    pub rest: ByteRange,
    /// The session role the entry's place gives.
    pub role: SessionRole,
    /// Named in a list of people excused or absent: a person, not a participant.
    pub absent: bool,
    /// The whole entry, for the speaker record's source line.
    pub source: ByteRange,
}

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

/// Verbs that show a list item is a sentence about a person, not an entry of a list.
const SENTENCE_VERBS: &[&str] = &[
    " said ",
    " says ",
    " explained ",
    " presented ",
    " noted ",
    " stated ",
    " dijo ",
    " explicó ",
    " presentó ",
    " señaló ",
    " afirmó ",
    " disse ",
    " explicou ",
    " apresentou ",
    " afirmou ",
    " a expliqué ",
    " a présenté ",
    " a déclaré ",
    " will ",
    " was ",
    " is ",
    " es ",
    " fue ",
    " é ",
    " foi ",
    " est ",
];

/// Verbs that open a sentence about what a person did ("Eduardo Magrani abriu o painel").
const NARRATIVE_VERBS: &[&str] = &[
    "said",
    "opened",
    "closed",
    "explained",
    "presented",
    "described",
    "noted",
    "recalled",
    "warned",
    "stressed",
    "argued",
    "added",
    "asked",
    "answered",
    "proposed",
    "showed",
    "announced",
    "dijo",
    "abrió",
    "cerró",
    "explicó",
    "presentó",
    "describió",
    "señaló",
    "afirmó",
    "recordó",
    "advirtió",
    "propuso",
    "anunció",
    "destacó",
    "subrayó",
    "disse",
    "abriu",
    "fechou",
    "explicou",
    "apresentou",
    "descreveu",
    "afirmou",
    "lembrou",
    "alertou",
    "propôs",
    "anunciou",
    "destacou",
    "defendeu",
    "a",
    "ouvre",
    "présente",
    "explique",
    "souligne",
    "rappelle",
];
/// "is the Director of ...": a biography's copula before the title.
const COPULAS: &[&str] = &[
    "is the ", "is a ", "is an ", "is ", "es el ", "es la ", "es ", "é o ", "é a ", "é ", "est le ", "est la ",
    "est l'", "est ",
];

/// Every entry of the report in text order, each name once.
pub fn parsed_entries<'g>(report: &Report, gaz: &'g Gazetteers) -> Vec<ParsedEntry<'g>> {
    let text = &report.text;
    let mut out: Vec<ParsedEntry<'g>> = Vec::new();
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
        if let Some((role, absent)) = role {
            lists.push((list_extent(report, field.value, gaz), role, absent));
        }
    }
    lists.extend(lead_in_lists(report, gaz, &lists));
    for &(range, role, absent) in &lists {
        for part in split_list(text, range, gaz) {
            if in_table(&part) {
                continue;
            }
            if let Some(mut p) = parse_entry(text, part, gaz, lang(part.start), role) {
                p.absent = absent;
                out.push(p);
            }
        }
    }
    let speaker_sections: Vec<ByteRange> =
        report.sections.iter().filter(|s| s.kind == FieldKind::Speakers).map(|s| s.body).collect();
    // Lines of a programme: "Luiz Gaiger, Abet", "Clarissa Stefani – UFSC", a name and a short
    // affiliation, one a line, with another such line next to it.
    let shaped: Vec<bool> = report.lines.iter().map(|l| entry_shaped_line(text, l, gaz)).collect();
    let non_blank = |j: &usize| report.lines[*j].kind != LineKind::Blank;
    let programme_line = |i: usize| {
        let before = (0..i).rev().find(non_blank).is_some_and(|j| shaped[j]);
        let after = (i + 1..report.lines.len()).find(non_blank).is_some_and(|j| shaped[j]);
        shaped[i] && (before || after)
    };
    for (i, line) in report.lines.iter().enumerate() {
        if line.kind == LineKind::Text && programme_line(i) && !lists.iter().any(|(r, _, _)| r.contains(&line.content))
        {
            if let Some(p) = parse_entry(text, line.content, gaz, lang(line.content.start), SessionRole::Speaker) {
                out.push(p);
                continue;
            }
        }
        if matches!(line.kind, LineKind::Blank | LineKind::Field | LineKind::Heading) || in_table(&line.range) {
            continue;
        }
        if lists.iter().any(|(r, _, _)| r.contains(&line.content)) {
            continue;
        }
        let in_speakers = speaker_sections.iter().any(|s| s.contains(&line.range));
        // Outside lists, a line that starts with an honorific may be an entry too (agendas:
        // "   Sra. Ana Pérez, Viceministra de ..."), and so is a line of entries run together.
        let honorific_led = honorific_at(text, line.content.start, gaz, lang(line.content.start)).is_some();
        let run_together = run_together_starts(text, line.content, gaz);
        if run_together.len() >= 2 {
            let first = ByteRange { start: line.content.start, end: run_together[0] };
            let pieces = std::iter::once(first).chain(split_run_together(text, line.content, gaz).into_iter().skip(1));
            for part in pieces {
                if let Some(p) = parse_entry(text, part, gaz, lang(part.start), SessionRole::Speaker) {
                    out.push(p);
                }
            }
            continue;
        }
        if !in_speakers && line.kind != LineKind::ListItem && !honorific_led {
            continue;
        }
        for part in split_entries(text, line.content) {
            let Some(p) = parse_entry(text, part, gaz, lang(part.start), SessionRole::Speaker) else { continue };
            // A sentence about what a person did is not an entry, even under a speakers heading.
            let first_word = p.rest.slice(text).split_whitespace().next().unwrap_or("");
            if in_speakers && (part.len() > 400 || NARRATIVE_VERBS.contains(&first_word)) {
                continue;
            }
            if !in_speakers {
                // A list item elsewhere is an entry only when shaped like one: a separator after the
                // name, then a short description, not a sentence.
                let between = &text[p.name.end..p.rest.start];
                let shaped = between.contains([',', '-', '–', '—', '|', '(', ':']) && !p.rest.is_empty();
                let sentence = part.len() > 220 || SENTENCE_VERBS.iter().any(|v| part.slice(text).contains(v));
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
        let listed = lists.iter().find(|(r, _, _)| r.contains(&first));
        for row in &table.rows {
            if let Some(mut p) =
                table_entry(text, table, row, gaz, lang(row.line.start), in_speakers || listed.is_some())
            {
                if let Some(&(_, role, absent)) = listed {
                    p.role = role;
                    p.absent = absent;
                }
                out.push(p);
            }
        }
    }
    out.sort_by_key(|e| e.name.start);
    out.dedup_by(|a, b| a.name.overlaps(&b.name));
    out
}

/// "Luiz Gaiger, Abet": a short text line that is a name of two words or more, a separator and a
/// short affiliation, not a sentence.
fn entry_shaped_line(text: &str, line: &acta_doc::Line, gaz: &Gazetteers) -> bool {
    if line.kind != LineKind::Text && line.kind != LineKind::ListItem {
        return false;
    }
    let s = line.content.slice(text);
    if s.len() > 160 || SENTENCE_VERBS.iter().any(|v| s.contains(v)) {
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

/// Where a list under a heading of people ends: at the first line after a blank one that is
/// neither a list item, a table row, nor a short line starting with a name ("**Presentes:**", a
/// list, then the prose of the minutes), or at a line with a label of its own.
fn list_extent(report: &Report, range: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let text = &report.text;
    let first = report.lines.partition_point(|l| l.range.end <= range.start);
    let mut end = range.end;
    let mut seen_entry = false;
    let mut after_blank = false;
    for line in report.lines[first..].iter().take_while(|l| l.range.start < range.end) {
        if line.kind == LineKind::Blank {
            after_blank = true;
            continue;
        }
        let s = line.content.slice(text);
        let pos = line.content.start.max(range.start);
        let named = honorific_at(text, pos, gaz, report.language_at(pos)).is_some()
            || name_at(text, pos, gaz).is_some_and(|n| n.core_tokens >= 2);
        let entry_like = line.kind == LineKind::ListItem || s.contains('|') || named && s.len() <= 200;
        if seen_entry && (line.kind == LineKind::Field || after_blank && !entry_like) {
            end = line.range.start;
            break;
        }
        seen_entry |= entry_like;
        after_blank = false;
    }
    ByteRange { start: range.start, end }.trim(text)
}

/// The part people listed after `label` had, when it holds a lead-in phrase of the language packs
/// ("asistieron", "took part", "excusés"): the longest phrase found decides.
fn lead_in_role(gaz: &Gazetteers, label: &str) -> Option<(SessionRole, bool)> {
    let folded = format!(" {} ", fold_words(label));
    gaz.lead_ins
        .iter()
        .filter(|(phrase, _, _)| folded.contains(phrase.as_str()))
        .max_by_key(|(phrase, _, absent)| (phrase.len(), *absent))
        .map(|&(_, role, absent)| (role, absent))
}

/// Lists that follow a lead-in line ending with a colon, or the same line after the colon: each
/// line after it that starts with a name (or an honorific) is part of the list, up to a heading,
/// a line that does not start with a name, or a second blank line. Lines already in `known`
/// (fields and headings) are left to them.
fn lead_in_lists(
    report: &Report,
    gaz: &Gazetteers,
    known: &[(ByteRange, SessionRole, bool)],
) -> Vec<(ByteRange, SessionRole, bool)> {
    let text = &report.text;
    let lines = &report.lines;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.kind == LineKind::Blank || known.iter().any(|(r, _, _)| r.overlaps(&line.content)) {
            continue;
        }
        let content = line.content.slice(text);
        let Some(colon) = content.rfind(':') else { continue };
        let (lead, after) = (&content[..colon], &content[colon + 1..]);
        let Some((role, absent)) = lead_in_role(gaz, lead) else { continue };
        if !after.trim().is_empty() {
            let start = line.content.start + colon + 1;
            out.push((ByteRange { start, end: line.content.end }.trim(text), role, absent));
            continue;
        }
        let mut end = None;
        let mut blanks = 0;
        for next in &lines[i + 1..] {
            match next.kind {
                LineKind::Blank => {
                    blanks += 1;
                    if blanks > 1 {
                        break;
                    }
                    continue;
                }
                LineKind::Heading => break,
                _ => {}
            }
            let pos = next.content.start;
            let named = honorific_at(text, pos, gaz, report.language_at(pos)).is_some()
                || name_at(text, pos, gaz).is_some_and(|n| n.core_tokens >= 2);
            if !named || blanks > 0 && end.is_some() && next.kind != LineKind::ListItem {
                break;
            }
            end = Some(next.range.end);
            blanks = 0;
        }
        if let Some(end) = end {
            out.push((ByteRange { start: line.range.end, end }.trim(text), role, absent));
        }
    }
    out
}

/// The entries of a list: one a line (after its bullet), several on a line when separated by
/// ';', by a period between two names ("Avri Doria. Markus Kummer"), or by commas when every
/// part between the commas is a name alone ("Ana Ruiz, Juan Pérez y Rosa Gil").
fn split_list(text: &str, range: ByteRange, gaz: &Gazetteers) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut pos = range.start;
    for line in range.slice(text).split_inclusive('\n') {
        let r = ByteRange { start: pos, end: pos + line.len() };
        pos += line.len();
        let s = r.slice(text);
        let bullet = s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '·' | '|')).len();
        let line = ByteRange { start: r.start + bullet, end: r.end }.trim(text);
        // "Paulo Roberto Nunes e Cíntia Moraes.": the sentence's period is not part of the list.
        let line = match line.slice(text).strip_suffix('.') {
            Some(head)
                if !head.ends_with(|c: char| {
                    c.is_uppercase() && head.len() > 1 && head[..head.len() - 1].ends_with([' ', '.'])
                }) =>
            {
                ByteRange { start: line.start, end: line.start + head.len() }
            }
            _ => line,
        };
        for piece in split_entries(text, line) {
            for piece in split_at_periods(text, piece, gaz) {
                for piece in split_run_together(text, piece, gaz) {
                    out.extend(split_names_at_commas(text, piece, gaz).unwrap_or_else(|| vec![piece]));
                }
            }
        }
    }
    out
}

/// "MARIA SAMPLE — Head, Policy Division, Organisation JOHN EXAMPLE — Director, Legal Affairs":
/// entries run together on one line, each a name followed by a dash or a colon. Split before every
/// such name after the first word.
fn split_run_together(text: &str, r: ByteRange, gaz: &Gazetteers) -> Vec<ByteRange> {
    let starts = run_together_starts(text, r, gaz);
    if starts.is_empty() {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut start = r.start;
    for at in starts {
        out.push(ByteRange { start, end: at }.trim(text));
        start = at;
    }
    out.push(ByteRange { start, end: r.end }.trim(text));
    out.retain(|p| !p.is_empty());
    out
}

/// Where entries run together on one line start again: a name (in capitals, or starting with a
/// known given name) right after a word of the previous entry, followed by a dash or colon.
fn run_together_starts(text: &str, r: ByteRange, gaz: &Gazetteers) -> Vec<usize> {
    let s = r.slice(text);
    let mut out = Vec::new();
    // The words of the name that starts the piece start no other entry ("Lúcia Helena Cordeiro").
    let mut inside_name_until = name_at(&text[..r.end], r.start, gaz).map_or(0, |n| n.range.end);
    for (i, _) in s.match_indices(' ') {
        let at = r.start + i + 1;
        if at >= r.end {
            break;
        }
        if at < inside_name_until {
            continue;
        }
        let Some(n) = name_at(&text[..r.end], at, gaz).filter(|n| n.core_tokens >= 2) else { continue };
        let after = &text[n.range.end..r.end];
        let separated = [" — ", " – ", " - ", ": ", " | "].iter().any(|sep| after.starts_with(sep));
        let name = n.range.slice(text);
        let first = name.split(' ').next().unwrap_or("");
        let caps = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let prev = text[r.start..at].trim_end();
        // The previous entry ended on a word, not on a connector or a separator.
        let prev_word = prev.rsplit(' ').next().unwrap_or("");
        let after_word = prev_word.chars().last().is_some_and(char::is_alphanumeric)
            && !prev_word.chars().next().is_some_and(char::is_lowercase);
        if separated && after_word && (caps || gaz.is_given_name(first)) {
            out.push(at);
            inside_name_until = n.range.end;
        }
    }
    out
}

/// "Jimson Olufuye. Markus Kummer": a period that ends a name and is followed by another name.
fn split_at_periods(text: &str, r: ByteRange, gaz: &Gazetteers) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut start = r.start;
    let s = r.slice(text);
    for (i, _) in s.match_indices(". ") {
        let at = r.start + i;
        let before_word = text[start..at].rsplit(' ').next().unwrap_or("");
        // Initials ("J. Pérez") and abbreviations keep their period.
        if before_word.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
            continue;
        }
        if name_at(&text[..r.end], at + 2, gaz).is_some_and(|n| n.core_tokens >= 2) {
            out.push(ByteRange { start, end: at }.trim(text));
            start = at + 2;
        }
    }
    out.push(ByteRange { start, end: r.end }.trim(text));
    out.retain(|p| !p.is_empty());
    out
}

/// The names of "Ana Ruiz (AGESIC), Juan Pérez y Rosa Gil" when every part between the commas
/// (outside parentheses) is a name of two words or more, alone or with a parenthesis after it;
/// `None` for an entry such as "Ana Ruiz, Directora, Agencia X".
fn split_names_at_commas(text: &str, r: ByteRange, gaz: &Gazetteers) -> Option<Vec<ByteRange>> {
    let s = r.slice(text);
    if !s.contains(',') && ![" and ", " y ", " e ", " et "].iter().any(|c| s.contains(c)) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut start = r.start;
    for (i, ch) in s.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                pieces.push(ByteRange { start, end: r.start + i }.trim(text));
                start = r.start + i + 1;
            }
            _ => {}
        }
    }
    pieces.push(ByteRange { start, end: r.end }.trim(text));
    // "Aravena Acuña, Carmen Gloria": two parts, the second of given names only and the first not
    // starting with one, are one name written surname first.
    if let [surnames, given] = pieces[..] {
        let given_only = given.slice(text).split_whitespace().all(|w| gaz.is_given_name(w));
        let first = surnames.slice(text).split_whitespace().next().unwrap_or("");
        if given_only && !gaz.is_given_name(first) {
            return None;
        }
    }
    let mut parts = Vec::new();
    for piece in pieces {
        // "... y Rosa Gil", "... and Rosa Gil": the last pair is joined by a conjunction.
        let p = piece.slice(text);
        let mut sub = vec![piece];
        for conj in [" and ", " y ", " e ", " et "] {
            if let Some(i) = p.find(conj).filter(|&i| !p[..i].contains('(') || p[..i].contains(')')) {
                let a = ByteRange { start: piece.start, end: piece.start + i }.trim(text);
                let b = ByteRange { start: piece.start + i + conj.len(), end: piece.end }.trim(text);
                sub = vec![a, b];
                break;
            }
        }
        for part in sub {
            let part_text = part.slice(text);
            let part_text =
                ["and ", "y ", "e ", "et "].iter().find_map(|c| part_text.strip_prefix(c)).unwrap_or(part_text);
            let part = ByteRange { start: part.end - part_text.len(), end: part.end };
            if part.is_empty() {
                continue;
            }
            let name = name_at(&text[..part.end], part.start, gaz).filter(|n| n.core_tokens >= 2)?;
            let after = text[name.range.end..part.end].trim();
            if !(after.is_empty() || after.starts_with('(') && after.ends_with(')')) {
                return None;
            }
            parts.push(part);
        }
    }
    // Most parts start with a known given name: "Nathalia Foditsch, Connect Humanity" is a name
    // and a body, not two names.
    let given =
        parts.iter().filter(|p| p.slice(text).split([' ', '.']).next().is_some_and(|w| gaz.is_given_name(w))).count();
    (parts.len() >= 2 && given * 3 >= parts.len() * 2 && (parts.len() > 2 || given == 2)).then_some(parts)
}

/// Entries run together on one line are separated by ';'.
fn split_entries(text: &str, r: ByteRange) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut p = r.start;
    for piece in r.slice(text).split(';') {
        let pr = ByteRange { start: p, end: p + piece.len() }.trim(text);
        p += piece.len() + 1;
        if !pr.is_empty() {
            out.push(pr);
        }
    }
    out
}

fn is_all_caps(tok: &str) -> bool {
    let letters: Vec<char> = tok.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Splits an entry into honorific, name and rest. `None` when it does not start with a name.
/// Reads "Surname1 Surname2, Given - ..." and "SURNAME Given, ..." in reading order.
pub fn parse_entry<'g>(
    text: &str,
    range: ByteRange,
    gaz: &'g Gazetteers,
    lang: Option<Lang>,
    role: SessionRole,
) -> Option<ParsedEntry<'g>> {
    let mut pos = range.start;
    let mut honorific = None;
    while let Some((h, r, after)) = honorific_at(text, pos, gaz, lang) {
        if after > range.end {
            break;
        }
        honorific.get_or_insert((r, h));
        pos = after;
    }
    let bounded = &text[..range.end];
    let name = if honorific.is_some() { name_after_honorific(bounded, pos, gaz)? } else { name_at(bounded, pos, gaz)? };
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
            let surname_first = !gaz.is_given_name(tokens[0]) || is_all_caps(tokens[0]);
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
        let caps = tokens.iter().take_while(|t| is_all_caps(t)).count();
        // The French list convention; the given name need not be in the gazetteer ("DIALLO Aminata").
        if caps >= 1 && caps < tokens.len() && !tokens[caps..].iter().any(|t| is_all_caps(t) || t.ends_with('.')) {
            display = Some(format!("{} {}", tokens[caps..].join(" "), tokens[..caps].join(" ")));
        }
    }
    if core < 2 && honorific.is_none() {
        return None;
    }
    let rest_start = {
        let after = &text[name_range.end..range.end];
        let skip = after.len()
            - after
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | ':' | '|' | ';' | '(')
                })
                .len();
        name_range.end + skip
    };
    let mut rest = ByteRange { start: rest_start, end: range.end }.trim(text);
    if let Some(c) = COPULAS.iter().find(|c| rest.slice(text).starts_with(*c)) {
        rest.start += c.len();
        // A biography's title ends with its sentence.
        if let Some(stop) = rest.slice(text).find(". ") {
            rest.end = rest.start + stop;
        }
    }
    if rest.slice(text).ends_with(')') && !rest.slice(text).contains('(') {
        rest.end -= 1;
    }
    Some(ParsedEntry {
        honorific,
        name: name_range,
        display,
        core_tokens: core,
        rest,
        role,
        absent: false,
        source: range,
    })
}

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Honorific,
    Name,
    Given,
    Surname,
    Role,
    Organization,
    Country,
    Other,
}

fn column_of(header: &str) -> Option<Column> {
    let h = fold_words(header);
    let is = |words: &[&str]| words.iter().any(|w| h == *w);
    Some(if is(&["honorific", "salutation", "tratamiento", "tratamento", "civilite", "prefix"]) {
        Column::Honorific
    } else if is(&[
        "given",
        "given name",
        "first name",
        "first names",
        "nombres",
        "nombre de pila",
        "prenom",
        "prenoms",
        "primeiro nome",
    ]) {
        Column::Given
    } else if is(&[
        "surname",
        "surnames",
        "last name",
        "family name",
        "apellido",
        "apellidos",
        "sobrenome",
        "nom de famille",
    ]) {
        Column::Surname
    } else if is(&[
        "name",
        "full name",
        "nombre",
        "nombre completo",
        "nome",
        "nome completo",
        "nom",
        "speaker",
        "speakers",
        "panelist",
        "panelista",
        "ponente",
        "orador",
        "palestrante",
        "intervenant",
        "intervenante",
        "participant",
        "participante",
    ]) {
        Column::Name
    } else if is(&["title", "position", "role", "job title", "cargo", "puesto", "funcao", "fonction", "poste", "titre"])
    {
        Column::Role
    } else if is(&[
        "organization",
        "organisation",
        "institution",
        "institucion",
        "instituicao",
        "organismo",
        "organizacao",
        "organizacion",
        "entidad",
        "entidade",
        "empresa",
        "affiliation",
        "afiliacion",
        "afiliacao",
        "organisme",
        "structure",
    ]) {
        Column::Organization
    } else if is(&["country", "pais", "pays"]) {
        Column::Country
    } else {
        return None;
    })
}

/// A block of delimited rows.
struct Table {
    lines: Vec<ByteRange>,
    columns: Option<Vec<Column>>,
    rows: Vec<Row>,
}

struct Row {
    line: ByteRange,
    cells: Vec<ByteRange>,
}

/// How a line is delimited: pipes, tabs, or commas without a following space (CSV).
fn delimiter(line: &str) -> Option<char> {
    if line.matches('|').count() >= 2 {
        Some('|')
    } else if line.matches('\t').count() >= 2 {
        Some('\t')
    } else if line.matches(',').count() >= 3 && !line.contains(", ") {
        Some(',')
    } else {
        None
    }
}

fn cells(text: &str, line: ByteRange, delim: char) -> Vec<ByteRange> {
    let s = line.slice(text);
    let mut out = Vec::new();
    let mut pos = line.start;
    for (i, piece) in s.split(delim).enumerate() {
        let r = ByteRange { start: pos, end: pos + piece.len() }.trim(text);
        pos += piece.len() + delim.len_utf8();
        // Leading and trailing pipes make empty outer cells.
        if delim == '|' && r.is_empty() && (i == 0 || pos > line.end) {
            continue;
        }
        out.push(r);
    }
    out
}

/// Blocks of two or more consecutive lines with the same delimiter; a first row of known column
/// names is the header; Markdown separator rows are skipped.
fn find_tables(text: &str, _gaz: &Gazetteers) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut current: Option<(char, Vec<ByteRange>)> = None;
    let mut pos = 0;
    let finish = |block: Option<(char, Vec<ByteRange>)>, tables: &mut Vec<Table>| {
        let Some((delim, lines)) = block else { return };
        if lines.len() < 2 {
            return;
        }
        let mut rows: Vec<Row> = Vec::new();
        let mut columns = None;
        for (i, l) in lines.iter().enumerate() {
            let cs = cells(text, *l, delim);
            if cs.iter().all(|c| c.slice(text).chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                continue;
            }
            if i == 0 {
                let cols: Vec<Option<Column>> = cs.iter().map(|c| column_of(c.slice(text))).collect();
                let known = cols.iter().filter(|c| c.is_some()).count();
                if known * 2 >= cols.len()
                    && cols.iter().any(|c| matches!(c, Some(Column::Name | Column::Given | Column::Surname)))
                {
                    columns = Some(cols.into_iter().map(|c| c.unwrap_or(Column::Other)).collect());
                    continue;
                }
            }
            rows.push(Row { line: *l, cells: cs });
        }
        tables.push(Table { lines, columns, rows });
    };
    for line in text.split_inclusive('\n') {
        let r = ByteRange { start: pos, end: pos + line.trim_end_matches(['\n', '\r']).len() };
        pos += line.len();
        let d = delimiter(r.slice(text));
        match (&mut current, d) {
            (Some((cd, lines)), Some(d)) if *cd == d => lines.push(r),
            (_, Some(d)) => {
                finish(current.take(), &mut tables);
                current = Some((d, vec![r]));
            }
            (_, None) => finish(current.take(), &mut tables),
        }
    }
    finish(current.take(), &mut tables);
    tables
}

/// One table row as an entry: the name from the name column (or given + surname), the honorific
/// from its column or the name cell, the rest from the first role / organisation / country cell.
fn table_entry<'g>(
    text: &str,
    table: &Table,
    row: &Row,
    gaz: &'g Gazetteers,
    lang: Option<Lang>,
    in_speakers: bool,
) -> Option<ParsedEntry<'g>> {
    let cell = |col: Column| -> Option<ByteRange> {
        let cols = table.columns.as_ref()?;
        cols.iter().position(|c| *c == col).and_then(|i| row.cells.get(i).copied()).filter(|r| !r.is_empty())
    };
    let rest_from = |first: usize| -> ByteRange {
        let start = row.cells.get(first).map_or(row.line.end, |c| c.start);
        ByteRange { start, end: row.line.end }.trim(text)
    };
    match &table.columns {
        Some(cols) => {
            let rest_index =
                cols.iter().position(|c| matches!(c, Column::Role | Column::Organization | Column::Country));
            let rest = rest_index.map_or(ByteRange { start: row.line.end, end: row.line.end }, rest_from);
            if let Some(name_cell) = cell(Column::Name) {
                let mut p = parse_entry(text, name_cell, gaz, lang, SessionRole::Speaker)?;
                p.rest = rest;
                p.source = row.line;
                return Some(p);
            }
            let given = cell(Column::Given)?;
            let surname = cell(Column::Surname)?;
            let given_name = name_at(&text[..given.end], given.start, gaz)?;
            let surname_name = name_at(&text[..surname.end], surname.start, gaz)?;
            let honorific = cell(Column::Honorific).and_then(|h| {
                // "Ms" in its own cell: look it up with a following space as the gazetteer expects.
                let form = h.slice(text);
                gaz.honorifics
                    .iter()
                    .find(|x| x.form == form)
                    .or_else(|| gaz.honorifics.iter().find(|x| x.form.trim_end_matches('.') == form))
                    .map(|x| (h, x))
            });
            let (start, end) = (given.start.min(surname.start), given.end.max(surname.end));
            Some(ParsedEntry {
                honorific,
                name: ByteRange { start, end },
                display: Some(format!("{} {}", given_name.range.slice(text), surname_name.range.slice(text))),
                core_tokens: given_name.core_tokens + surname_name.core_tokens,
                rest,
                role: SessionRole::Speaker,
                absent: false,
                source: row.line,
            })
        }
        None => {
            // No header: a row whose first cell is a name, in a speakers section or with a separator.
            let first = *row.cells.first()?;
            let mut p = parse_entry(text, first, gaz, lang, SessionRole::Speaker)?;
            if !in_speakers && p.core_tokens < 2 {
                return None;
            }
            p.rest = rest_from(1);
            p.source = row.line;
            Some(p)
        }
    }
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
        // Reading order already: unchanged.
        assert_eq!(entry("Ana Silva, Director").unwrap().0, "Ana Silva");
        assert_eq!(entry("Rodrigo QUISPE MAMANI, Adviser").unwrap().0, "Rodrigo QUISPE MAMANI");
        assert_eq!(entry("MARÍA LÓPEZ GARCÍA — Undersecretary").unwrap().0, "MARÍA LÓPEZ GARCÍA");
    }

    #[test]
    fn csv_and_pipe_tables_with_headers() {
        let gaz = Gazetteers::bundled();
        let text = "honorific,given,surname,stakeholder,organization\nMs,Ana,SILVA,Civil Society,University of Lisbon\nMr,João Pedro,FERREIRA COSTA,Government,Agency X\n";
        let tables = find_tables(text, &gaz);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        let rows: Vec<_> = t.rows.iter().filter_map(|r| table_entry(text, t, r, &gaz, None, false)).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].display.as_deref(), Some("Ana SILVA"));
        assert_eq!(rows[0].honorific.map(|h| h.1.form.as_str()), Some("Ms"));
        assert_eq!(rows[0].rest.slice(text), "University of Lisbon");
        assert_eq!(rows[1].display.as_deref(), Some("João Pedro FERREIRA COSTA"));

        let text = "| Nombre | Cargo | Institución | País |\n|---|---|---|---|\n| Camila Rojas | Investigadora | Iniciativa X | Uruguay |\n";
        let tables = find_tables(text, &gaz);
        let t = &tables[0];
        let rows: Vec<_> = t.rows.iter().filter_map(|r| table_entry(text, t, r, &gaz, None, false)).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name.slice(text), "Camila Rojas");
        assert!(rows[0].rest.slice(text).starts_with("Investigadora | Iniciativa X"));
    }
}
