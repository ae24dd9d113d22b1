//! Lists of people: where a list after a heading or a lead-in line ends, and how it splits into entries
//! (one a line, at ';', at a period between names, at commas between names alone, where entries run together).

use acta_doc::{fold_words, ByteRange, FieldKind, Line, LineKind, Report, SessionRole};

use crate::entries::label_first_entry;
use crate::gazetteer::Gazetteers;
use crate::names::{honorific_at, name_at, MAX_NAME_TOKENS};

/// A line of more words than this that starts with no name is prose, not a list's entry.
const PROSE_LINE_WORDS: usize = 15;

/// Whether a non-blank line read from `from` on looks like a list's entry (a list item, a table
/// row, a short line starting with a name), and whether it is prose instead (a long text line
/// that starts with no name).
fn entry_shape(report: &Report, line: &Line, from: usize, gaz: &Gazetteers) -> (bool, bool) {
    let text = &report.text;
    let s = line.content.slice(text);
    let pos = line.content.start.max(from);
    let named = honorific_at(text, pos, gaz, report.language_at(pos)).is_some()
        || name_at(text, pos, gaz).is_some_and(|n| n.core_tokens >= 2);
    let entry_like = line.kind == LineKind::ListItem || s.contains('|') || named && s.len() <= 200;
    let prose = !named && line.kind == LineKind::Text && s.split_whitespace().nth(PROSE_LINE_WORDS).is_some();
    (entry_like, prose)
}

/// `range` up to its first paragraph of prose when that comes before any entry: a heading over
/// prose ("RELATORÍA" over the report of a meeting) heads no list.
pub(crate) fn before_prose(report: &Report, range: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let first = report.lines.partition_point(|l| l.range.end <= range.start);
    for line in report.lines[first..].iter().take_while(|l| l.range.start < range.end) {
        if line.kind == LineKind::Blank {
            continue;
        }
        match entry_shape(report, line, range.start, gaz) {
            (true, _) => break,
            (false, true) => return ByteRange { start: range.start, end: line.range.start.max(range.start) },
            _ => {}
        }
    }
    range
}

/// "1. Declarations of interest": a numbered item that starts with no name nor honorific, the
/// first item of the minutes' agenda after the list of members present.
fn agenda_item(report: &Report, line: &Line, gaz: &Gazetteers) -> bool {
    let text = &report.text;
    let bullet = text[line.range.start..line.content.start].trim();
    if line.kind != LineKind::ListItem || !bullet.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let pos = line.content.start;
    honorific_at(text, pos, gaz, report.language_at(pos)).is_none()
        && name_at(text, pos, gaz).is_none_or(|n| n.core_tokens < 2)
}

/// Where a list under a heading of people ends: at the first line after a blank one that is
/// neither a list item, a table row, nor a short line starting with a name ("**Presentes:**", a
/// list, then the prose of the minutes), at a line with a label of its own, or at prose before
/// any entry.
pub(crate) fn list_extent(report: &Report, range: ByteRange, gaz: &Gazetteers) -> ByteRange {
    let text = &report.text;
    let range = before_prose(report, range, gaz);
    let first = report.lines.partition_point(|l| l.range.end <= range.start);
    let mut end = range.end;
    let mut seen_entry = false;
    let mut after_blank = false;
    for line in report.lines[first..].iter().take_while(|l| l.range.start < range.end) {
        if line.kind == LineKind::Blank {
            after_blank = true;
            continue;
        }
        let (entry_like, _) = entry_shape(report, line, range.start, gaz);
        if seen_entry
            && (line.kind == LineKind::Field || after_blank && (!entry_like || agenda_item(report, line, gaz)))
        {
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
pub(crate) fn lead_in_role(gaz: &Gazetteers, label: &str) -> Option<(SessionRole, bool)> {
    let folded = format!(" {} ", fold_words(label));
    gaz.lead_ins
        .find_all(&folded)
        .max_by_key(|&(start, end, (_, absent))| (end - start, absent))
        .map(|(_, _, role)| role)
}

/// How many lines above a list of participants its panel's moderator may be named.
const MODERATOR_LINES_ABOVE: usize = 2;

/// Whether one of the lines right above line `i` names a moderator, in a moderator field or after a
/// lead-in of a moderator or chair ("Modera: Ximena Puente", "Moderator: ..."): a panel's block.
pub(crate) fn under_moderator(report: &Report, i: usize, gaz: &Gazetteers) -> bool {
    let text = &report.text;
    report.lines[..i].iter().rev().filter(|l| l.kind != LineKind::Blank).take(MODERATOR_LINES_ABOVE).any(|l| {
        let moderator_field = report.fields_within(l.content).any(|f| f.kind == FieldKind::Moderator);
        let content = l.content.slice(text);
        moderator_field
            || content
                .find(':')
                .and_then(|c| lead_in_role(gaz, &content[..c]))
                .is_some_and(|(role, _)| matches!(role, SessionRole::Moderator | SessionRole::Chair))
    })
}

/// Whether `next`, after a blank line, goes on with the list `previous` was an entry of: the
/// entry ended with a list's ';' or ',', or both are a name, a dash and a description ("Ana Ruiz –
/// Representante do Ministério da Saúde"), as lists written one entry a paragraph are.
fn continues_list(previous: &str, next: &str) -> bool {
    let dashed = |s: &str| [" – ", " - ", " — "].iter().any(|d| s.contains(d));
    previous.trim_end().ends_with([';', ',']) || dashed(previous) && dashed(next)
}

/// Lists that follow a lead-in line ending with a colon, or the same line after the colon: each
/// line after it that starts with a name (or an honorific) is part of the list, up to a heading,
/// a line that does not start with a name, a second blank line, or a blank line before a line
/// that does not go on with the list. Lines already in `known`
/// (fields and headings) are left to them.
pub(crate) fn lead_in_lists(
    report: &Report,
    gaz: &Gazetteers,
    known: &[(ByteRange, SessionRole, bool)],
) -> Vec<(ByteRange, SessionRole, bool)> {
    let text = &report.text;
    let lines = &report.lines;
    let mut out = Vec::new();
    let known = acta_doc::RangeSet::new(known.iter().map(|(r, _, _)| *r));
    for (i, line) in lines.iter().enumerate() {
        if line.kind == LineKind::Blank || known.overlaps(&line.content) {
            continue;
        }
        let content = line.content.slice(text);
        let Some(colon) = content.rfind(':') else { continue };
        let (lead, after) = (&content[..colon], &content[colon + 1..]);
        let Some((mut role, absent)) = lead_in_role(gaz, lead) else { continue };
        // "Modera: X" then "Participan: A, B": a panel's participants, under its moderator, speak.
        if role == SessionRole::Attendee && under_moderator(report, i, gaz) {
            role = SessionRole::Speaker;
        }
        if !after.trim().is_empty() {
            let start = line.content.start + colon + 1;
            let mut list = ByteRange { start, end: line.content.end };
            // "Organizer: Internet Society Bureau SPEAKERS ANA RUIZ — Head, ... LUIS PAZ — ...": the
            // lead-in's own value ends where entries run together start (they are the line's).
            if let Some(&first) = run_together_starts(text, list, gaz).first() {
                list.end = first;
            }
            out.push((list.trim(text), role, absent));
            continue;
        }
        let mut end = None;
        let mut blanks = 0;
        // The entry line before, to tell a list written one entry a paragraph from the prose after it.
        let mut previous: Option<&str> = None;
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
                || name_at(text, pos, gaz).is_some_and(|n| n.core_tokens >= 2)
                || label_first_entry(text, next.content, gaz, report.language_at(pos), role).is_some();
            let entry = next.content.slice(text);
            let same_list = next.kind == LineKind::ListItem || previous.is_some_and(|p| continues_list(p, entry));
            if !named || blanks > 0 && end.is_some() && !same_list {
                break;
            }
            end = Some(next.range.end);
            blanks = 0;
            previous = Some(entry);
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
pub(crate) fn split_list(text: &str, range: ByteRange, gaz: &Gazetteers) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut pos = range.start;
    for line in range.slice(text).split_inclusive('\n') {
        let r = ByteRange { start: pos, end: pos + line.len() };
        pos += line.len();
        let s = r.slice(text);
        let bullet = (s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '·' | '|'))
                .len())
        .max(acta_layout::symbol_bullet_len(s))
        .max(acta_layout::bullet_len(s));
        let line = ByteRange { start: r.start + bullet, end: r.end }.trim(text);
        // "Paulo Roberto Nunes e Cíntia Moraes.": the sentence's period is not part of the list.
        let line = match line.slice(text).strip_suffix('.') {
            Some(head)
                if !head.ends_with(|c: char| {
                    // The capital may be wider than a byte ("É."): step back over all of it.
                    c.is_uppercase()
                        && head.len() > c.len_utf8()
                        && head[..head.len() - c.len_utf8()].ends_with([' ', '.'])
                }) =>
            {
                ByteRange { start: line.start, end: line.start + head.len() }
            }
            _ => line,
        };
        for piece in split_entries(text, line) {
            // "...; e Luzia Santos – representante do Sindicato": the conjunction before the last
            // entry is not part of it.
            let piece = match piece.slice(text).split_once(' ') {
                Some((word, _)) if gaz.conjunctions.iter().any(|c| c == word) => {
                    ByteRange { start: piece.start + word.len() + 1, end: piece.end }
                }
                _ => piece,
            };
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
pub(crate) fn split_run_together(text: &str, r: ByteRange, gaz: &Gazetteers) -> Vec<ByteRange> {
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

/// What follows the name of an entry run together with the one before it.
const SEPARATORS: [&str; 5] = [" — ", " – ", " - ", ": ", " | "];

/// Where entries run together on one line start again: a name (in capitals, or starting with a
/// known given name) right after a word of the previous entry, followed by a dash or colon.
pub(crate) fn run_together_starts(text: &str, r: ByteRange, gaz: &Gazetteers) -> Vec<usize> {
    let s = r.slice(text);
    let mut out = Vec::new();
    // Entries run together need a separator after each name: a piece with fewer than two has none.
    // (Read over bytes: this runs on every line of text.)
    let bytes = s.as_bytes();
    let mut separators = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let width = match b {
            b':' | b'-' | b'|' => 1,
            // "—" and "–": E2 80 94, E2 80 93.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x93 | 0x94)) => 3,
            _ => continue,
        };
        let space_before = i == 0 || bytes[i - 1] == b' ';
        if bytes.get(i + width) == Some(&b' ') && (b == b':' || space_before) {
            separators += 1;
            if separators == 2 {
                break;
            }
        }
    }
    if separators < 2 {
        return out;
    }
    // The words of the name that starts the piece start no other entry ("Lúcia Helena Cordeiro").
    let mut inside_name_until = name_at(&text[..r.end], r.start, gaz).map_or(0, |n| n.range.end);
    // A name that ends on a separator starts at most MAX_NAME_TOKENS words before it: only those
    // words are tried.
    let mut candidates: Vec<usize> = Vec::new();
    // Every separator starts with a space or a colon: only those bytes are tried.
    let starts = s.bytes().enumerate().filter(|&(_, b)| b == b' ' || b == b':').map(|(i, _)| i);
    for i in starts.filter(|&i| SEPARATORS.iter().any(|sep| s[i..].starts_with(sep))) {
        candidates.extend(s[..i].rmatch_indices(' ').take(MAX_NAME_TOKENS).map(|(j, _)| r.start + j + 1));
    }
    candidates.sort_unstable();
    candidates.dedup();
    for at in candidates {
        if at >= r.end {
            break;
        }
        if at < inside_name_until {
            continue;
        }
        let Some(n) = name_at(&text[..r.end], at, gaz).filter(|n| n.core_tokens >= 2) else { continue };
        let after = &text[n.range.end..r.end];
        let separated = SEPARATORS.iter().any(|sep| after.starts_with(sep));
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
pub(crate) fn split_at_periods(text: &str, r: ByteRange, gaz: &Gazetteers) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut start = r.start;
    let s = r.slice(text);
    for (i, _) in s.match_indices(". ") {
        let at = r.start + i;
        let before_word = text[start..at].rsplit(' ').next().unwrap_or("");
        // Initials ("J. Pérez"), abbreviations and forms of address ("Mtro.", "Licda.") keep their period.
        let address = || {
            text[at - before_word.len()..at + 1].split_whitespace().next().is_some_and(|w| gaz.honorific(w).is_some())
        };
        if before_word.chars().filter(|c| c.is_alphabetic()).count() <= 3 || address() {
            continue;
        }
        if name_at(&text[..r.end], at + 2, gaz).is_some_and(|n| n.core_tokens >= 2) {
            out.push(ByteRange { start, end: at }.trim(text));
            start = at + 2;
        } else if starts_a_sentence(&text[at + 2..r.end], gaz) {
            // "...; e Luzia Santos – representante do Sindicato. Justificou a ausência o conselheiro
            // Paulo Dias.": the list ends with its sentence; what follows is prose.
            out.push(ByteRange { start, end: at }.trim(text));
            out.retain(|p| !p.is_empty());
            return out;
        }
    }
    out.push(ByteRange { start, end: r.end }.trim(text));
    out.retain(|p| !p.is_empty());
    out
}

/// Does `s` open a sentence of prose: a capitalised word that is no name's, then a word in small
/// letters that joins no names ("Justificou a ausência", "The meeting")?
fn starts_a_sentence(s: &str, gaz: &Gazetteers) -> bool {
    let mut words = s.split(' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    let mut chars = first.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && !gaz.is_given_name(first)
        && !gaz.is_surname(first)
        && gaz.honorific(first).is_none()
        && second.starts_with(char::is_lowercase)
        && !gaz.joins_names(second)
}

/// The names of "Ana Ruiz (AGESIC), Juan Pérez y Rosa Gil" when every part between the commas
/// (outside parentheses) is a name of two words or more, alone or with a parenthesis after it;
/// `None` for an entry such as "Ana Ruiz, Directora, Agencia X".
pub(crate) fn split_names_at_commas(text: &str, r: ByteRange, gaz: &Gazetteers) -> Option<Vec<ByteRange>> {
    let s = r.slice(text);
    let conjunctions = &gaz.spaced_conjunctions;
    if !s.contains(',') && !conjunctions.iter().any(|c| s.contains(c.as_str())) {
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
    // starting with one, are one name written surname first. A first part opened by a form of
    // address is a name of its own ("Cllr Peter Hollis, Ruth Evans").
    if let [surnames, given] = pieces[..] {
        let given_only = given.slice(text).split_whitespace().all(|w| gaz.is_given_name(w));
        let first = surnames.slice(text).split_whitespace().next().unwrap_or("");
        let addressed = honorific_at(text, surnames.start, gaz, Some(acta_doc::Lang::FR)).is_some();
        if given_only && !gaz.is_given_name(first) && !addressed {
            return None;
        }
    }
    let mut parts = Vec::new();
    let mut given = 0;
    for piece in pieces {
        // "... y Rosa Gil", "... and Rosa Gil": the last pair is joined by a conjunction.
        let p = piece.slice(text);
        let mut sub = vec![piece];
        for conj in conjunctions {
            if let Some(i) = p.find(conj.as_str()).filter(|&i| !p[..i].contains('(') || p[..i].contains(')')) {
                let a = ByteRange { start: piece.start, end: piece.start + i }.trim(text);
                let b = ByteRange { start: piece.start + i + conj.len(), end: piece.end }.trim(text);
                sub = vec![a, b];
                break;
            }
        }
        for part in sub {
            let part_text = part.slice(text);
            let part_text = gaz
                .conjunctions
                .iter()
                .find_map(|c| part_text.strip_prefix(c.as_str())?.strip_prefix(' '))
                .unwrap_or(part_text);
            // "la Prof. Ida Holz": an article before a form of address is no part of the entry.
            let skip = crate::names::article_before_honorific(part_text, gaz, Some(acta_doc::Lang::FR)).unwrap_or(0);
            let part_text = &part_text[skip..];
            let part = ByteRange { start: part.end - part_text.len(), end: part.end };
            // "... and two members of the public", "y 3 asesores": people not named are no entry.
            if part.is_empty() || part_text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
                continue;
            }
            // "Mme Agnès Perrot (Banque des Territoires)": the name after its forms of address (any
            // language's: only whether a name is there counts).
            let mut name_start = part.start;
            while let Some((_, _, after)) = honorific_at(&text[..part.end], name_start, gaz, Some(acta_doc::Lang::FR)) {
                name_start = after;
            }
            // "Councillor Heather Mack", "Senators Heather Mack": a title (the list's, in the plural)
            // before the name.
            if let Some(end) = text[name_start..part.end].find(' ').map(|i| name_start + i) {
                let given_after =
                    text[end + 1..part.end].split(' ').next().is_some_and(|w| gaz.is_given_name(w) || initial(w, gaz));
                if gaz.is_title_or_plural(&text[name_start..end]) && given_after {
                    name_start = end + 1;
                }
            }
            let name = name_at(&text[..part.end], name_start, gaz).filter(|n| n.core_tokens >= 2)?;
            let after = text[name.range.end..part.end].trim();
            if !(after.is_empty() || after.starts_with('(') && after.ends_with(')')) {
                return None;
            }
            parts.push(part);
            // A part opened by a form of address is a person's as surely as one opened by a known
            // given name ("Présents : Mme Claire Aubry, M. Yann Goff").
            let first_word = text[name_start..part.end].split([' ', '.']).next().unwrap_or("");
            given += usize::from(gaz.is_given_name(first_word) || initial(first_word, gaz) || name_start > part.start);
        }
    }
    // Most parts start with a known given name or a form of address: "Nathalia Foditsch, Connect
    // Humanity" is a name and a body, not two names.
    (parts.len() >= 2 && given * 3 >= parts.len() * 2 && (parts.len() > 2 || given == 2)).then_some(parts)
}

/// "J", "J.": a given name's initial ("Councillors J Patel, R O'Neill"), no word of one letter.
fn initial(word: &str, gaz: &Gazetteers) -> bool {
    crate::names::initial_without_stop(word.strip_suffix('.').unwrap_or(word), gaz)
}

/// Entries run together on one line are separated by ';'.
pub(crate) fn split_entries(text: &str, r: ByteRange) -> Vec<ByteRange> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `run_together_starts` tries only spaces and colons as the start of a separator.
    #[test]
    fn every_separator_starts_with_a_space_or_a_colon() {
        assert!(SEPARATORS.iter().all(|sep| sep.starts_with([' ', ':'])));
    }

    #[test]
    fn a_list_written_one_entry_a_paragraph_goes_on_after_a_blank_line() {
        let gaz = Gazetteers::bundled();
        let text = "Estiveram presentes os seguintes membros:\n\nAna Ruiz Costa – Representante do Ministério da Saúde;\n\nPedro Lima Alves – Representante do Terceiro Setor;\n\nJoão Souza Prado – Representante da Casa Civil.\n\nA reunião começou às 10h com a leitura da ata anterior.\n";
        let mut report = Report::new("t", "t", text.to_string());
        report.lines = acta_layout_lines(text);
        let lists = lead_in_lists(&report, &gaz, &[]);
        assert_eq!(lists.len(), 1);
        let listed = lists[0].0.slice(text);
        assert!(listed.starts_with("Ana Ruiz Costa") && listed.ends_with("Casa Civil."), "{listed}");
        assert_eq!(lists[0].1, SessionRole::Attendee);
        // Prose after a blank line is not an entry, even when it starts with a name.
        assert!(!continues_list("Ana Ruiz Costa – Representante", "Ana Ruiz abriu a sessão e agradeceu."));
        assert!(continues_list("Ana Ruiz Costa, Ministério da Saúde;", "Pedro Lima Alves, Casa Civil"));
    }

    /// Lines as the layout stage gives them: blank or text, content without the line break.
    fn acta_layout_lines(text: &str) -> Vec<acta_doc::Line> {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches('\n');
            let kind = if content.trim().is_empty() { LineKind::Blank } else { LineKind::Text };
            let range = ByteRange { start, end: start + line.len() };
            lines.push(acta_doc::Line { kind, range, content: ByteRange { start, end: start + content.len() } });
            start += line.len();
        }
        lines
    }
}
