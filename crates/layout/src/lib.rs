//! Template-agnostic layout: PDF clean-up with a map back to the original bytes, then lines,
//! "Label: value" fields, headed sections and lists, with labels in four languages mapped to
//! canonical kinds; dates and times normalised.
//!
//! ```
//! use acta_doc::{FieldKind, Report, Stage};
//! use acta_layout::LayoutStage;
//!
//! let mut report = Report::new("r", "r.txt", "- Fecha: 20 de diciembre de 2017\n- Moderadora: Ana Silva\n".into());
//! LayoutStage::bundled().run(&mut report).unwrap();
//! let moderator = report.field(FieldKind::Moderator).unwrap();
//! assert_eq!(report.slice(moderator.value), "Ana Silva");
//! ```

mod clean;
mod dates;
mod error;
mod labels;
mod markup;
mod parse;
mod words;

use crate::words::WORDS;
use acta_doc::{FieldKind, Layer, LineKind, Metadata, Report, Stage, TextFormat};
use std::sync::LazyLock;

use regex::Regex;

pub use clean::{clean, Cleaned};
pub use dates::{find_date, find_time, may_hold_date, single_number, FoundDate};
pub use error::{Error, Result};
pub use labels::{LabelTable, BUNDLED_LABELS};
pub use markup::{has_stray_html, markdown_to_text, strip_stray_html, Unmarked};
pub use parse::{bullet_len, parse, symbol_bullet_len, title_hint, Layout};

/// Cleans the text and reads its lines, sections and fields.
pub struct LayoutStage {
    labels: LabelTable,
}

impl LayoutStage {
    pub fn new(labels: LabelTable) -> Self {
        LayoutStage { labels }
    }

    /// The stage with the labels shipped in `models/labels.tsv`.
    pub fn bundled() -> Self {
        Self::new(LabelTable::bundled())
    }
}

impl Stage for LayoutStage {
    fn name(&self) -> &'static str {
        "layout"
    }
    fn needs(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Layout]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        // Markdown, and stray HTML in plain text, are read as structure first; the clean-up then
        // works on the text they hold, and the two maps compose to point into the file as written.
        // HTML source pasted into a Word document or a PDF is the same stray markup as in a text
        // file, and is read the same way.
        let unmarked = match report.format {
            TextFormat::Markdown => Some(markdown_to_text(&report.original)),
            TextFormat::Text | TextFormat::Docx | TextFormat::Pdf if has_stray_html(&report.original) => {
                Some(strip_stray_html(&report.original))
            }
            TextFormat::Text | TextFormat::Html | TextFormat::Docx | TextFormat::Pdf => None,
        };
        let source = unmarked.as_ref().map_or(report.original.as_str(), |u| u.text.as_str());
        let hint = title_hint(source, &self.labels);
        let cleaned = clean(source, hint);
        report.text = cleaned.text;
        report.offsets = match &unmarked {
            Some(u) => cleaned.offsets.compose(&u.offsets),
            None => cleaned.offsets,
        };
        report.warnings.extend(cleaned.repairs);
        let layout = parse(&report.text, &self.labels);
        report.lines = layout.lines;
        report.sections = layout.sections;
        report.fields = layout.fields;
        Ok(())
    }
}

/// Fills the session metadata (title, date, time, organizer, moderator, participants, women) from
/// the fields, falling back to the text. Runs after language detection, which decides the order of
/// day and month in numeric dates.
pub struct MetadataStage;

/// How far into the text a date or time without a label is looked for.
const FALLBACK_WINDOW: usize = 3000;

impl Stage for MetadataStage {
    fn name(&self) -> &'static str {
        "metadata"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout, Layer::Language]
    }
    fn provides(&self) -> &'static [Layer] {
        &[]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        report.metadata = metadata(report);
        Ok(())
    }
}

/// Most dates passed over after a date in digits only, looking for one written with its month.
const MAX_DATES_AFTER_DIGITS: usize = 4;

/// The meeting's date among the report's first lines: the first date, unless it is written in
/// digits only ("Citation preview • 8/6/2019", "Publié le 14/12/2021": when a page went up) and
/// the next date written with its month's name ("Tuesday, July 12, 2011") is no later: that one.
fn window_date(window: &str, lang: Option<acta_doc::Lang>) -> Option<FoundDate> {
    let first = find_date(window, lang)?;
    let digits_only = |d: &FoundDate| !window[d.start..d.end].chars().any(char::is_alphabetic);
    if !digits_only(&first) {
        return Some(first);
    }
    let mut at = first.end;
    for _ in 0..MAX_DATES_AFTER_DIGITS {
        let Some(next) = find_date(&window[at..], lang) else { break };
        let next = FoundDate { iso: next.iso, start: at + next.start, end: at + next.end };
        // Not a later one: what a page reports happened before it went up; a later date is a
        // deadline or the next event ("consulta aberta até 31 de janeiro de 2027").
        if !digits_only(&next) {
            return Some(if next.iso <= first.iso { next } else { first });
        }
        at = next.end;
    }
    Some(first)
}

/// A time written right after the date, on its line ("Mardi 5 octobre 2021 20h15", "jueves 14 de
/// enero de 2021, a las 9:30", "14 January 2021 - 09:30-11:00"): the meeting's time.
fn time_after_date(after: &str, needs_word: bool) -> Option<String> {
    // The time must come first after the date, with its mark (":", "h", "a.m."): "2021 20h15",
    // not "2021, 3 sessions" nor a number that starts the next sentence.
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^\s*[,|–—-]?\s*((?i:{})\s+)?(\d{{1,2}}(?::\d{{2}}|\s?[hH]\s?(?:\d{{2}})?(?-u:\b)|\s?[aApP]\.?\s?[mM]\.?))",
            WORDS.time_of
        ))
        .expect("valid regex")
    });
    let lead = LEAD.captures(after)?;
    if needs_word && lead.get(1).is_none() {
        return None;
    }
    let at = lead.get(2)?.start();
    let rest = &after[at..];
    find_time(&rest[..floor_char_boundary(rest, 24)])
}

fn metadata(report: &Report) -> Metadata {
    let lang = report.main_language();
    let value = |kind| report.field(kind).map(|f| f.value);
    let mut m = Metadata {
        title: value(FieldKind::Title).or_else(|| leading_heading(report)).or_else(|| leading_line(report)),
        organizer: named_value(report, FieldKind::Organizer).map(|v| going_on(report, v)),
        moderator: named_value(report, FieldKind::Moderator).map(|v| going_on(report, v)),
        participants_text: value(FieldKind::Participants),
        women_text: value(FieldKind::Women),
        ..Metadata::default()
    };
    let window_end = floor_char_boundary(&report.text, FALLBACK_WINDOW);
    let window = &report.text[..window_end];
    // The date, what follows it on its line, and whether the date is written in digits only: after
    // those ("28/04/2015 20h57") a time alone is mostly when a page was posted, and only one
    // introduced by a word ("2026-05-12 às 15h30") is the meeting's.
    let date = value(FieldKind::Date)
        .and_then(|v| find_date(report.slice(v), lang).map(|d| (d.clone(), report.slice(v))))
        .or_else(|| window_date(window, lang).map(|d| (d, window)));
    let after_date = date.as_ref().map(|(d, within)| {
        let digits_only = !within[d.start..d.end].chars().any(char::is_alphabetic);
        (within[d.end..].split('\n').next().unwrap_or(""), digits_only)
    });
    m.date = date.as_ref().map(|(d, _)| d.iso.clone());
    m.time = value(FieldKind::Time)
        .and_then(|v| find_time(report.slice(v)))
        .or_else(|| value(FieldKind::Date).and_then(|v| find_time(report.slice(v))))
        .or_else(|| after_date.and_then(|(after, digits_only)| time_after_date(after, digits_only)))
        .or_else(|| agenda_span(report, window_end))
        .or_else(|| {
            // Without a time label, only a range counts: a lone "10:00" in prose is too weak.
            find_time(window).filter(|t| t.contains('-'))
        });
    m.participants = m.participants_text.and_then(|r| single_number(report.slice(r)));
    m.women = m.women_text.and_then(|r| single_number(report.slice(r)));
    // "Participants: 85 (61 women)": the total first, the women in parentheses.
    if let (None, Some(r)) = (m.participants, m.participants_text) {
        static WITH_WOMEN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"^\s*(\d[\d,.]*)\s*\(\s*(\d[\d,.]*)\s+(?i:{})\b", crate::words::WORDS.women))
                .expect("valid regex")
        });
        if let Some(c) = WITH_WOMEN.captures(report.slice(r)) {
            m.participants = single_number(&c[1]);
            if m.women.is_none() {
                m.women = single_number(&c[2]);
            }
        }
    }
    // Without a field, the counts the prose reports ("brought together 64 participants, 27 of them
    // women", "reunió a más de 250 asistentes").
    if m.participants_text.is_none() {
        let counted = prose_count(window, &WORDS.participant_nouns, 0, |_| true)
            .or_else(|| prose_count(window, &WORDS.people_nouns, 0, |r| took_part_around(window, r)));
        if let Some((count, range)) = counted {
            m.participants = Some(count);
            m.participants_text = Some(range);
        }
    }
    if m.women.is_none() && m.women_text.is_none() {
        if let Some((count, range)) = prose_count(window, &WORDS.women_words, WORDS_BEFORE_WOMEN, |_| true) {
            if m.participants.is_none_or(|all| count <= all) {
                m.women = Some(count);
                m.women_text = Some(range);
            }
        }
    }
    m
}

/// The first value of a field that names someone: a transcript's turn ("Q1 Chair: Good morning and
/// welcome to this session. Professor Margetts, could you ...?") holds speech, not the chair's name.
///
/// A value that holds fields of its own ("Session Organizers", then "Organizer 1: ..." and
/// "Organizer 2: ...") gives way to them, and one that opens with a stakeholder group's name
/// ("Organizer 1: Civil Society, Latin American and Caribbean Group") names no one.
fn named_value(report: &Report, kind: FieldKind) -> Option<acta_doc::ByteRange> {
    let holds_fields = |v: acta_doc::ByteRange| report.fields_within(v).next().is_some();
    let names_a_group = |v: &str| {
        let first = v.split([',', '(', '\n']).next().unwrap_or("").trim();
        WORDS.stakeholder_groups.contains(&acta_doc::fold(first))
    };
    report
        .fields
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.value)
        .find(|&v| !is_speech(report.slice(v)) && !holds_fields(v) && !names_a_group(report.slice(v)))
}

/// Words of a value read before deciding whether it opens like a sentence.
const SPEECH_OPENING_WORDS: usize = 5;

/// A value that is someone speaking: a question or an exclamation in it, or an opening whose words
/// of four letters or more are mostly in small letters ("Good morning and welcome to ...") where a
/// name or a body has capitals ("Gobierno de la Ciudad de ...", "la periodista Ana Silva").
fn is_speech(value: &str) -> bool {
    if value.contains(['?', '!', '¿', '¡']) || runs_on_after_a_sentence(value) {
        return true;
    }
    let opening = value.split_whitespace().take(SPEECH_OPENING_WORDS);
    let long: Vec<&str> = opening.filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let lower = long.iter().filter(|w| w.starts_with(char::is_lowercase)).count();
    lower >= 2 && lower * 2 > long.len()
}

/// A value of this many words or more that goes on after a sentence ends is prose.
const PROSE_VALUE_WORDS: usize = 12;

/// A long value with a sentence ended by a word in small letters and another sentence after it
/// ("Sitting here is the Minister of Malawi. Warm welcome to the Ministers present with us this
/// afternoon."): someone speaking, not a name with its post.
fn runs_on_after_a_sentence(value: &str) -> bool {
    if value.split_whitespace().nth(PROSE_VALUE_WORDS - 1).is_none() {
        return false;
    }
    let words: Vec<&str> = value.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let word = pair[0].strip_suffix('.').unwrap_or("");
        word.chars().count() >= 3 && word.chars().all(char::is_lowercase) && pair[1].starts_with(char::is_uppercase)
    })
}

/// Most words between a count and the word for women ("27 of them women").
const WORDS_BEFORE_WOMEN: usize = 2;

/// The first count in the prose of `window` (the start of the text) followed, after at most
/// `between` other words, by one of `nouns` ("250 asistentes", "27 of them women"), and where the
/// count and its noun are: not a year, not part of a longer token. Read by hand in one pass: a
/// pattern with Unicode classes cost a tenth of the metadata stage.
fn prose_count(
    window: &str,
    nouns: &foldhash::HashSet<String>,
    between: usize,
    accept: impl Fn(acta_doc::ByteRange) -> bool,
) -> Option<(u64, acta_doc::ByteRange)> {
    let bytes = window.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] >= 0x80)) {
            i += 1;
            continue;
        }
        // The number: digits, with groups after a stop or a comma ("1.200", "1,200").
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || matches!(bytes[i], b'.' | b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        }
        let number = &window[start..i];
        let mut rest = &window[i..];
        let mut found = None;
        for _ in 0..=between {
            let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
            if gap == 0 {
                break;
            }
            rest = &rest[gap..];
            let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            if len == 0 {
                break;
            }
            let word = &rest[..len];
            rest = &rest[len..];
            if nouns.contains(&word.to_lowercase()) {
                found = Some(window.len() - rest.len());
                break;
            }
        }
        if let (Some(end), Some(count)) = (found, single_number(number)) {
            let range = acta_doc::ByteRange { start, end };
            if count > 0 && !(1900..=2100).contains(&count) && accept(range) {
                return Some((count, range));
            }
        }
    }
    None
}

/// How far before a count of people, or after it, a word of taking part is looked for.
const TOOK_PART_BYTES: usize = 40;

/// Is a word of taking part ("Participaron 85 personas", "85 people attended") next to the count
/// at `count`, in its sentence?
fn took_part_around(window: &str, count: acta_doc::ByteRange) -> bool {
    let mut from = count.start.saturating_sub(TOOK_PART_BYTES);
    while !window.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (count.end + TOOK_PART_BYTES).min(window.len());
    while !window.is_char_boundary(to) {
        to -= 1;
    }
    let before = &window[from..count.start];
    let before = &before[before.rfind(['.', '\n']).map_or(0, |i| i + 1)..];
    let after = &window[count.end..to];
    let after = &after[..after.find(['.', '\n']).unwrap_or(after.len())];
    let words = |s: &str| s.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect::<Vec<_>>().join(" ");
    let (before, after) = (format!(" {} ", words(before)), format!(" {} ", words(after)));
    WORDS.took_part.iter().any(|w| before.contains(&format!(" {w} ")) || after.contains(&format!(" {w} ")))
}

/// A field's value that stops on a connector, with the next line that goes on with it.
fn going_on(report: &Report, value: acta_doc::ByteRange) -> acta_doc::ByteRange {
    let line = report.lines.iter().position(|l| l.content.contains(&value));
    let next = line.and_then(|i| report.lines.get(i + 1));
    parse::value_going_on(&report.text, value, next)
}

/// At most this many lines of page furniture are passed over before a title.
const MAX_FURNITURE_LINES: usize = 5;

/// A short line of web-page furniture ("Skip to main content", "Sorry, you need to enable
/// JavaScript to visit this website.", "Click acá para ir directamente al contenido"): no title.
fn is_furniture(line: &str) -> bool {
    if line.split_whitespace().nth(12).is_some() {
        return false;
    }
    let lower = line.to_lowercase();
    // Every occurrence of every phrase, overlapping ones too: one of them must stand as whole words.
    WORDS.boilerplate.find_overlapping_iter(&lower).any(|m| {
        let before = lower[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = lower[m.end()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// The report's lines from the first that is not blank nor page furniture (a few of those at most).
fn lines_after_furniture(report: &Report) -> impl Iterator<Item = &acta_doc::Line> + '_ {
    let furniture = report
        .lines
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(MAX_FURNITURE_LINES)
        .take_while(|l| is_furniture(report.slice(l.content)))
        .count();
    let mut skipped = 0;
    report.lines.iter().skip_while(move |l| {
        if l.kind == LineKind::Blank {
            return true;
        }
        if skipped < furniture {
            skipped += 1;
            return true;
        }
        false
    })
}

/// A heading on one of the first lines, taken as the title when no field names one.
fn leading_heading(report: &Report) -> Option<acta_doc::ByteRange> {
    // The first line, or the line after a document-type line ("PROGRAMME AND SUMMARY").
    let mut lines = lines_after_furniture(report).filter(|l| l.kind != LineKind::Blank);
    let mut first = lines.next()?;
    if is_document_type(report.slice(first.content)) {
        first = lines.next()?;
    }
    if first.kind != LineKind::Heading {
        return None;
    }
    let section = report.sections.iter().find(|s| s.heading.is_some_and(|h| first.range.contains(&h)))?;
    (section.kind == FieldKind::Other).then_some(section.heading?)
}

/// The first line, when it stands alone and is short: a headline such as "Crónica: el foro ..."
/// that the parser read as a label and value.
fn leading_line(report: &Report) -> Option<acta_doc::ByteRange> {
    let mut lines = lines_after_furniture(report).peekable();
    let mut first = lines.next()?;
    // A dateline ("Friday, April 13, 2007") before the title: the title follows it.
    if is_date_line(report.slice(first.content), report) {
        first = lines.find(|l| l.kind != LineKind::Blank)?;
    }
    // "PROGRAMME AND SUMMARY", "COMPTE RENDU DE LA TABLE RONDE": a document-type line before the title.
    if is_document_type(report.slice(first.content)) {
        // The title may stand a blank line below it. A line of page furniture there ("Pour
        // diffusion immédiate") is no title; the line after it may be, unless it is a sentence.
        let furniture = |l: &acta_doc::Line| is_furniture(report.slice(l.content));
        let mut passed_furniture = false;
        let next = lines.by_ref().filter(|l| l.kind != LineKind::Blank).take(MAX_FURNITURE_LINES).find(|l| {
            passed_furniture |= furniture(l);
            !furniture(l)
        });
        if let Some(next) = next.filter(|l| !passed_furniture || !report.slice(l.content).trim_end().ends_with('.')) {
            first = next;
        }
    }
    // A website's section in one word ("Tecnologia", "Economy") over the headline: the headline
    // is the title.
    if first.kind == LineKind::Text && report.slice(first.content).split_whitespace().count() == 1 {
        let at = report.lines.iter().position(|l| l.range == first.range).unwrap_or(0);
        let below = report.lines[at + 1..].iter().find(|l| l.kind != LineKind::Blank);
        if let Some(headline) = below.filter(|l| is_headline(report, l)) {
            lines.find(|l| l.range == headline.range);
            first = headline;
        }
    }
    let next = lines.next();
    // The title stands alone, or is followed by the session's details (a field, a date, a place).
    let next_fits = next.is_none_or(|l| {
        l.kind == LineKind::Blank
            || l.kind == LineKind::Field
            || find_date(report.slice(l.content), report.main_language()).is_some()
            || report.slice(l.content).split_whitespace().count() <= 8
    });
    let words = report.slice(first.content).split_whitespace().count();
    let is_known_field = report.fields_within(first.range).any(|f| f.kind != FieldKind::Other);
    (next_fits
        && (2..=20).contains(&words)
        && !is_known_field
        && matches!(first.kind, LineKind::Field | LineKind::Text | LineKind::Heading))
    .then_some(first.content)
}

/// Most words of a headline under a website's section.
const MAX_HEADLINE_WORDS: usize = 20;

/// A line that reads as a headline: three to twenty words, a capital first, no final stop or
/// colon, not a field.
fn is_headline(report: &Report, line: &acta_doc::Line) -> bool {
    let s = report.slice(line.content).trim();
    let words = s.split_whitespace().count();
    matches!(line.kind, LineKind::Text | LineKind::Heading)
        && (3..=MAX_HEADLINE_WORDS).contains(&words)
        && s.starts_with(char::is_uppercase)
        && !s.ends_with(['.', ':', ',', ';'])
}

/// A line that is only a date: a few words besides its numbers ("Friday, April 13, 2007",
/// "Dom. Nov 17th, 2024").
fn is_date_line(line: &str, report: &Report) -> bool {
    let words = line.split_whitespace().count();
    let wordy = line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).count();
    words <= 6 && wordy <= 2 && find_date(line, report.main_language()).is_some()
}

/// A line that only says what kind of document this is.
fn is_document_type(line: &str) -> bool {
    // Word by word, so that a line of prose is let go at its first word rather than folded whole:
    // a line's words are those of its whitespace-separated parts in turn.
    let mut any = false;
    for part in line.split_whitespace() {
        for word in acta_doc::fold_words(part).split(' ').filter(|w| !w.is_empty()) {
            if !WORDS.document_type.contains(word) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// An agenda ("09:00-09:10 Welcome", "09:10-10:00 Panel"): the session runs from the first
/// item's start to the last item's end.
fn agenda_span(report: &Report, window_end: usize) -> Option<String> {
    let mut items: Vec<String> = Vec::new();
    for line in report.lines.iter().filter(|l| l.range.start < window_end) {
        let s = report.slice(line.content);
        let starts_with_time = s.chars().next().is_some_and(|c| c.is_ascii_digit());
        match find_time(s).filter(|t| t.contains('-') && starts_with_time) {
            Some(t) => items.push(t),
            // Lines under a slot ("        Sra. Ana Pérez, Viceministra") continue the agenda.
            None if !items.is_empty() && (s.trim().is_empty() || report.slice(line.range).starts_with([' ', '\t'])) => {
            }
            None if !items.is_empty() => break,
            None => {}
        }
    }
    if items.len() < 2 {
        return None;
    }
    let start = items.first()?.split('-').next()?.to_string();
    let end = items.last()?.split('-').nth(1)?.to_string();
    Some(format!("{start}-{end}"))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_type_line_is_read_word_by_word_as_a_whole() {
        let whole = |line: &str| {
            let folded = acta_doc::fold_words(line);
            !folded.is_empty() && folded.split(' ').all(|w| WORDS.document_type.contains(w))
        };
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut lines: Vec<String> = vec!["".into(), " ".into(), "ACTA".into(), "Acta/Minutes:".into(), "—".into()];
        for entry in std::fs::read_dir(&corpus).expect("corpus/ is part of the repository") {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path().join("report.txt")) else { continue };
            lines.extend(text.lines().map(str::to_string));
        }
        let mut types = 0;
        for line in &lines {
            assert_eq!(is_document_type(line), whole(line), "{line:?}");
            types += usize::from(whole(line));
        }
        assert!(types > 0, "no line of a document type among {} lines", lines.len());
    }

    /// A report of `text` with its layout and metadata read.
    fn read(text: &str) -> Report {
        let mut report = Report::new("t", "t.txt", text.to_string());
        LayoutStage::bundled().run(&mut report).unwrap();
        MetadataStage.run(&mut report).unwrap();
        report
    }

    fn title(text: &str) -> Option<String> {
        let report = read(text);
        report.metadata.title.map(|t| report.slice(t).to_string())
    }

    #[test]
    fn a_pages_date_in_digits_gives_way_to_the_earlier_written_date_of_the_event() {
        let date = |text: &str| read(text).metadata.date;
        // When the page went up, then when the workshops began.
        let text = "Ateliers sur le numérique\n\nPublié le 14/12/2021\n\nLe ministère organise du 13 au 24 décembre 2021 une série d'ateliers.\n";
        assert_eq!(date(text).as_deref(), Some("2021-12-13"));
        // A later date is a deadline, not the event's.
        let text = "Seminário sobre IA\n\nPublicado em 24/11/2026 17h42\n\nO ministério realizou o seminário. A consulta fica aberta até 31 de janeiro de 2027.\n";
        assert_eq!(date(text).as_deref(), Some("2026-11-24"));
    }

    #[test]
    fn a_time_right_after_a_written_date_is_the_meetings() {
        let time = |text: &str| read(text).metadata.time;
        assert_eq!(time("Procès-verbal\nMardi 5 octobre 2021 20h15\nGrande Salle\n").as_deref(), Some("20:15"));
        assert_eq!(time("Réunion du jeudi 14 janvier 2021 à 9h30\n\nRésumé\n").as_deref(), Some("09:30"));
        assert_eq!(time("Held online on 2 February 2024 at 3 p.m. UTC\n").as_deref(), Some("15:00"));
        assert_eq!(time("Sesión del 3 de marzo de 2022, a las 10:00 - 12:30\n").as_deref(), Some("10:00-12:30"));
        // A posting stamp after a date in digits, a number that is no time, a time further on.
        assert_eq!(time("Noticias\n28/04/2015 20h57\nEl ministro habló.\n"), None);
        assert_eq!(time("Reunião\n2026-05-12 às 15h30\n").as_deref(), Some("15:30"));
        assert_eq!(time("Meeting of 3 May 2021 12 members attended\n"), None);
        assert_eq!(time("Meeting of 3 May 2021 in the hall, lunch at 13:00\n"), None);
    }

    #[test]
    fn page_furniture_before_the_title_is_passed_over() {
        assert_eq!(
            title("Skip to main content\n\nRegional Data Forum minutes of the third meeting\n\nThe forum met.\n"),
            Some("Regional Data Forum minutes of the third meeting".to_string())
        );
        assert_eq!(
            title("Ir para o conteúdo\n\nAta da Reunião de 3 de março de 2025\n\nA reunião começou.\n"),
            Some("Ata da Reunião de 3 de março de 2025".to_string())
        );
        // A phrase of furniture ("cookie") inside a longer word is no furniture; on its own it is.
        assert_eq!(
            title("Cookiecutter users minutes of the third meeting\n\nThe forum met.\n"),
            Some("Cookiecutter users minutes of the third meeting".to_string())
        );
        assert_ne!(
            title("Cookie users minutes of the third meeting\n\nThe forum met.\n"),
            Some("Cookie users minutes of the third meeting".to_string())
        );
        // A title is read as before when no furniture comes first.
        assert_eq!(
            title("Ata da Reunião de 3 de março de 2025\n\nA reunião começou.\n"),
            Some("Ata da Reunião de 3 de março de 2025".to_string())
        );
    }

    #[test]
    fn a_known_label_ended_by_a_stop_and_a_dash_is_a_field() {
        let report = read("Compte rendu\n\nPrésents. – M. Paul Roux, Mme Inès Fabre\nExcusés. - M. Luc Morel\n");
        let value = |kind: FieldKind| report.field(kind).map(|f| report.slice(f.value).to_string());
        assert_eq!(value(FieldKind::Attendees).as_deref(), Some("M. Paul Roux, Mme Inès Fabre"));
        assert_eq!(value(FieldKind::Absent).as_deref(), Some("M. Luc Morel"));
        // An unknown label with a dash is prose.
        assert_eq!(read("Compte rendu\n\nLa séance. – Elle est levée.\n").fields.len(), 0);
    }

    #[test]
    fn an_organiser_wrapped_after_a_connector_goes_on_over_the_next_line() {
        let text = "Open data workshop\n\nOrganized by: Agency for\nDigital Government; Civic Lab\nThe workshop met.\n";
        let report = read(text);
        let organizer = report.metadata.organizer.map(|r| report.slice(r).to_string());
        assert_eq!(organizer.as_deref(), Some("Agency for\nDigital Government"));
    }

    #[test]
    fn counts_of_participants_and_women_reported_in_prose() {
        let counts = |text: &str| {
            let report = read(text);
            (report.metadata.participants, report.metadata.women)
        };
        assert_eq!(
            counts("Harbour workshop\n\nThe workshop brought together 58 participants, 31 of them women, from nine ports.\n"),
            (Some(58), Some(31))
        );
        assert_eq!(counts("Jornada\n\nEl encuentro reunió a más de 1.200 asistentes en Salta.\n"), (Some(1200), None));
        assert_eq!(
            counts("Oficina\n\nA oficina contou com 45 participantes, dos quais 20 mulheres.\n"),
            (Some(45), Some(20))
        );
        // A year or a percentage is no count; a field's count comes first.
        assert_eq!(counts("Forum\n\nIn 2024 participants came from 12 countries.\n"), (None, None));
        assert_eq!(counts("Forum\nParticipants: 85\n\nAbout 90 participants registered.\n"), (Some(85), None));
        // People in general count next to a word of taking part, and only there.
        assert_eq!(
            counts("Mesa 3\n\nParticiparon 85 personas, de las cuales 47 eran mujeres.\n"),
            (Some(85), Some(47))
        );
        assert_eq!(counts("Workshop\n\nAbout 120 people attended the workshop in Suva.\n"), (Some(120), None));
        assert_eq!(counts("Plan\n\nEl plan beneficia a 3.000 personas de la región.\n"), (None, None));
    }

    #[test]
    fn an_organiser_field_that_names_a_stakeholder_group_names_no_organiser() {
        let organizer = |text: &str| {
            let report = read(text);
            report.metadata.organizer.map(|r| report.slice(r).to_string())
        };
        let igf = "IGF Workshop #4: Open data\n\nSession Organizers\nOrganizer 1: Civil Society, African Group\nOrganizer 2: Private Sector, Asia-Pacific Group\n\nSession Report\nThe session opened on time.\n";
        assert_eq!(organizer(igf), None);
        let named = "IGF Workshop #5: Open data\n\nSession Organizers\nOrganizer 1: Open Data Charter\nOrganizer 2: Civil Society, African Group\n\nSession Report\nThe session opened on time.\n";
        assert_eq!(organizer(named).as_deref(), Some("Open Data Charter"));
    }

    #[test]
    fn a_transcript_turn_labelled_chair_names_no_moderator() {
        let moderator = |text: &str| {
            let report = read(text);
            report.metadata.moderator.map(|r| report.slice(r).to_string())
        };
        let turns = "Housing Committee\n\nQ4 Chair: Good morning and welcome to this session of the Committee.\n\nQ5 Chair: Ms Rowe, what went wrong with the new system?\n";
        assert_eq!(moderator(turns), None);
        let welcome = "Open forum\n\n>> MODERATOR: With us today is the minister of transport of our host country. Warm welcome to the delegates joining us this afternoon.\n";
        assert_eq!(moderator(welcome), None);
        // A later field that names someone is the moderator; a body's name in capitals is no speech.
        let named = format!("{turns}\nChair: Dame Alison Rowe\n");
        assert_eq!(moderator(&named).as_deref(), Some("Dame Alison Rowe"));
        assert_eq!(
            moderator("Taller\n\nModera: la periodista Ana Silva\n").as_deref(),
            Some("la periodista Ana Silva")
        );
    }

    #[test]
    fn the_title_a_blank_line_under_a_document_type_line() {
        assert_eq!(
            title("Press release\n\nRural towns open their data\nLeipzig, 3 June 2025 – Forty towns joined the network.\n"),
            Some("Rural towns open their data".to_string())
        );
        // Page furniture there is no title, nor a sentence after it; a headline after it is.
        assert_eq!(title("Agenda\n\nDownload a PDF version of the agenda (480kb)\n\nThe forum met.\n"), None);
        assert_eq!(
            title("COMMUNIQUÉ\nPour diffusion immédiate\n\nLa Région lance un fonds pour la cybersécurité des communes\n\nNamur, le 24 septembre 2026 – Le gouvernement a approuvé le fonds.\n"),
            Some("La Région lance un fonds pour la cybersécurité des communes".to_string())
        );
    }

    #[test]
    fn the_headline_under_a_websites_one_word_section_is_the_title() {
        assert_eq!(
            title("Economia\nPrefeitura lança aplicativo de feiras livres em Belém\n\nPor Ana Lima\n\nA prefeitura lançou nesta terça-feira o aplicativo.\n"),
            Some("Prefeitura lança aplicativo de feiras livres em Belém".to_string())
        );
        // A sentence, a field or a line of two words under it is no headline.
        for (text, below) in [
            ("Economia\n\nA prefeitura lançou nesta terça-feira o aplicativo.\n", "A prefeitura"),
            ("Economia\nData: 3 de maio de 2026\n\nA prefeitura lançou o aplicativo.\n", "Data"),
            ("Economia\nFeiras livres\n\nA prefeitura lançou o aplicativo.\n", "Feiras"),
        ] {
            assert!(title(text).is_none_or(|t| !t.starts_with(below)), "{text}");
        }
    }
}
