//! Speaker entries: the lines of speaker lists and the organizer / moderator fields, and how one
//! entry splits into honorific, name and the rest (title, organisation, country).

use acta_doc::{ByteRange, FieldKind, Lang, LineKind, Report, SessionRole};

use crate::gazetteer::{Gazetteers, Honorific};
use crate::names::{honorific_at, name_at};

/// One entry of a speaker list or a person field, and the session role its place gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub range: ByteRange,
    pub role: SessionRole,
}

/// An entry split into its parts.
#[derive(Debug, Clone)]
pub struct ParsedEntry<'g> {
    pub honorific: Option<(ByteRange, &'g Honorific)>,
    pub name: ByteRange,
    pub core_tokens: usize,
    /// What follows the name: title, organisation, country.
    pub rest: ByteRange,
}

fn role_of(kind: FieldKind) -> Option<SessionRole> {
    match kind {
        FieldKind::Organizer => Some(SessionRole::Organizer),
        FieldKind::Moderator => Some(SessionRole::Moderator),
        FieldKind::Rapporteur => Some(SessionRole::Rapporteur),
        FieldKind::Speakers => Some(SessionRole::Speaker),
        _ => None,
    }
}

/// Every entry of the report in text order: organizer, moderator and rapporteur fields, inline
/// "Speakers:" fields, and each line of a speakers section.
pub fn speaker_entries(report: &Report) -> Vec<Entry> {
    let text = &report.text;
    let mut out = Vec::new();
    for field in &report.fields {
        let Some(role) = role_of(field.kind) else { continue };
        for part in split_value(text, field.value) {
            out.push(Entry { range: part, role });
        }
    }
    for section in report.sections.iter().filter(|s| s.kind == FieldKind::Speakers) {
        for line in report.lines.iter().filter(|l| section.body.contains(&l.range) && l.kind != LineKind::Blank) {
            if line.kind == LineKind::Field {
                // "Moderator: ..." inside the list is read from the field itself.
                continue;
            }
            out.push(Entry { range: line.content, role: SessionRole::Speaker });
        }
    }
    out.sort_by_key(|e| e.range.start);
    out.dedup_by_key(|e| e.range);
    out
}

/// A field value holds one entry per line (after a bullet), or several separated by ';'.
fn split_value(text: &str, value: ByteRange) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut pos = value.start;
    for line in value.slice(text).split_inclusive('\n') {
        let r = ByteRange { start: pos, end: pos + line.len() };
        pos += line.len();
        let s = r.slice(text);
        let bullet = s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '·')).len();
        let r = ByteRange { start: r.start + bullet, end: r.end }.trim(text);
        if r.is_empty() {
            continue;
        }
        let mut p = r.start;
        for piece in r.slice(text).split(';') {
            let pr = ByteRange { start: p, end: p + piece.len() }.trim(text);
            p += piece.len() + 1;
            if !pr.is_empty() {
                out.push(pr);
            }
        }
    }
    out
}

/// Splits an entry into honorific, name and rest. `None` when it does not start with a name.
pub fn parse_entry<'g>(
    text: &str,
    range: ByteRange,
    gaz: &'g Gazetteers,
    lang: Option<Lang>,
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
    let name = name_at(&text[..range.end], pos, gaz)?;
    if name.core_tokens < 2 && honorific.is_none() {
        return None;
    }
    let rest_start = {
        let after = &text[name.range.end..range.end];
        let skip = after.len()
            - after
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | ':' | '|' | ';'))
                .len();
        name.range.end + skip
    };
    Some(ParsedEntry {
        honorific,
        name: name.range,
        core_tokens: name.core_tokens,
        rest: ByteRange { start: rest_start, end: range.end }.trim(text),
    })
}
