//! Lines, "Label: value" fields, headed sections and lists, whatever words the template uses.

use crate::words::WORDS;
use std::sync::LazyLock;

use acta_doc::{ByteRange, Field, FieldKind, Line, LineKind, Section};
use regex::Regex;

use crate::labels::LabelTable;

/// The letters that symbol fonts' bullets become in text taken from a PDF ("n", "l", "q", "§",
/// "Ø"), alone at a line's start before a tab or a wide gap.
const SYMBOL_FONT_BULLET: &str = r"[nlqv§ØüÞ¨](?:\t|[ \t]{3,})";

/// Bullets and list numbers: "-", "•", "--", "1.", "(2)", "a)", and symbol fonts' bullets.
pub(crate) static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[ \t]*(?:[-*•·–—▪◦‣●○■►➢✓]{{1,2}}[ \t]*|\(?\d{{1,3}}[.)][ \t]+|\(?[a-z][.)][ \t]+|#{{1,6}}[ \t]+|{SYMBOL_FONT_BULLET})"
    ))
    .expect("valid regex")
});
/// A Roman numeral that numbers a heading ("III. ", "IV) ", "II - ").
static ROMAN_NUMERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[IVXL]{1,6}(?:[.)]| [-–—])[ \t]+").expect("valid regex"));
static SYMBOL_BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[ \t]*{SYMBOL_FONT_BULLET}")).expect("valid regex"));

/// On a text's first line, an unknown label's value has at most this many words; a longer one is a
/// sentence after a headline.
const MAX_UNKNOWN_LABEL_VALUE_WORDS: usize = 40;
/// Longest label accepted before an inline value ("Session Organizer: ...").
const MAX_INLINE_LABEL_WORDS: usize = 8;
const MAX_INLINE_LABEL_BYTES: usize = 70;
/// The length of a line's bullet, numbered ("1.", "(2)", "a)") or not ("-", "•"), spaces after it
/// included; 0 without one.
pub fn bullet_len(line: &str) -> usize {
    BULLET.find(line).map_or(0, |m| m.end())
}

/// How many bytes of a line's start are a symbol font's bullet and the gap after it ("n      Ana
/// Ruiz"); 0 when it has none. Lists read in the entity stage strip the other bullets themselves.
pub fn symbol_bullet_len(line: &str) -> usize {
    SYMBOL_BULLET.find(line).map_or(0, |m| m.end())
}

/// Longest label accepted when it stands alone, ending with a colon or a question mark.
const MAX_HEADING_WORDS: usize = 30;
/// Longest line taken for a heading when it stands alone without a colon.
const MAX_BARE_HEADING_WORDS: usize = 10;

/// Where the label and value of a "Label: value" line are.
#[derive(Debug, Clone, Copy)]
struct LabelSplit {
    label: ByteRange,
    value: ByteRange,
}

/// The parsed shape of a cleaned text.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
    pub sections: Vec<Section>,
    pub fields: Vec<Field>,
}

/// Reads lines, fields and sections from cleaned text.
pub fn parse(text: &str, labels: &LabelTable) -> Layout {
    let raw = split_lines(text);
    let mut lines = Vec::with_capacity(raw.len());
    let mut splits: Vec<Option<LabelSplit>> = Vec::with_capacity(raw.len());
    for (i, &range) in raw.iter().enumerate() {
        let (line, split) = classify(text, &raw, i, range, labels);
        lines.push(line);
        splits.push(split);
    }
    // A short line right under a "Label:" heading is that label's value ("About 60"), not a heading.
    let mut prev_colon_heading = false;
    for (line, split) in lines.iter_mut().zip(&splits) {
        if line.kind == LineKind::Blank {
            continue;
        }
        let bare_heading =
            line.kind == LineKind::Heading && split.is_none() && !line.content.slice(text).ends_with('?');
        let markdown = line.range.slice(text).trim_start().starts_with('#');
        if bare_heading && !markdown && prev_colon_heading {
            line.kind = LineKind::Text;
        }
        prev_colon_heading = line.kind == LineKind::Heading && split.is_some();
    }
    let (sections, mut fields) = group(text, &lines, &splits, labels);
    for (line, split) in lines.iter().zip(&splits) {
        if line.kind == LineKind::Field {
            if let Some(s) = split {
                let (mut label, mut value) = (s.label, s.value);
                // "Coordenação: Ana Ruiz. Secretaria-executiva: Rui Lima.": a second known label
                // after a sentence's stop opens a second field of the line.
                while let Some((end, next_label, next_value)) = next_field_in(text, value, labels) {
                    let kind = labels.classify(label.slice(text)).unwrap_or(FieldKind::Other);
                    fields.push(Field { kind, label, value: ByteRange { start: value.start, end }.trim(text) });
                    (label, value) = (next_label, next_value);
                }
                let kind = labels.classify(label.slice(text)).unwrap_or(FieldKind::Other);
                fields.push(Field { kind, label, value });
            }
        }
    }
    fields.sort_by_key(|f| f.label.start);
    Layout { lines, sections, fields }
}

/// Most words of a label that opens a second field on a line...
const MAX_NEXT_LABEL_WORDS: usize = 4;
/// ...and of one that no rule knows.
const MAX_UNKNOWN_NEXT_LABEL_WORDS: usize = 2;

/// Where a field's value ends when a known label follows a sentence's stop inside it ("Ana Ruiz.
/// Relatora: Rosa Gil"), with that label and its value.
fn next_field_in(text: &str, value: ByteRange, labels: &LabelTable) -> Option<(usize, ByteRange, ByteRange)> {
    let s = value.slice(text);
    let mut from = 0;
    while let Some(stop) = s[from..].find(". ").map(|i| from + i) {
        from = stop + 2;
        let after = &s[from..];
        let colon = after.find(':')?;
        let label = after[..colon].trim();
        let words = label.split_whitespace().count();
        // A known label, or a short one of words alone ("Secretaria-executiva:") before a spaced value.
        let plain = words <= MAX_UNKNOWN_NEXT_LABEL_WORDS
            && label.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-'))
            && after[colon + 1..].starts_with(' ');
        if (1..=MAX_NEXT_LABEL_WORDS).contains(&words)
            && label.starts_with(char::is_uppercase)
            && !after[colon + 1..].trim().is_empty()
            && (plain || labels.classify(label).is_some())
        {
            let label_start = value.start + from;
            let label = ByteRange { start: label_start, end: label_start + label.len() };
            let next = ByteRange { start: value.start + from + colon + 1, end: value.end }.trim(text);
            return Some((value.start + stop + 1, label, next));
        }
    }
    None
}

/// A value that stops on a connector ("organized by: Internet Corporation for") goes on over the
/// next line of text, to its end or its first ';' ("Assigned Names and Numbers; ...").
pub(crate) fn value_going_on(text: &str, value: ByteRange, next: Option<&Line>) -> ByteRange {
    let last = value.slice(text).rsplit(' ').next().unwrap_or("");
    let Some(next) = next.filter(|l| l.kind == LineKind::Text && !l.content.is_empty()) else { return value };
    if value.is_empty() || !crate::words::WORDS.trailing_connectors.contains(last) {
        return value;
    }
    let rest = next.content.slice(text);
    let end = next.content.start + rest.find(';').unwrap_or(rest.len());
    ByteRange { start: value.start, end }.trim(text)
}

/// The line ranges of a text, without their newline.
fn split_lines(text: &str) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split_inclusive('\n') {
        let end = start + part.trim_end_matches(['\n', '\r']).len();
        out.push(ByteRange { start, end });
        start += part.len();
    }
    out
}

fn is_blank(text: &str, r: ByteRange) -> bool {
    r.slice(text).trim().is_empty()
}

fn classify(
    text: &str,
    raw: &[ByteRange],
    i: usize,
    range: ByteRange,
    labels: &LabelTable,
) -> (Line, Option<LabelSplit>) {
    let s = range.slice(text);
    if s.trim().is_empty() {
        return (
            Line { kind: LineKind::Blank, range, content: ByteRange { start: range.start, end: range.start } },
            None,
        );
    }
    let bullet_len = BULLET.find(s).map_or(0, |m| m.end());
    let markdown_heading = s.trim_start().starts_with('#');
    let mut content = ByteRange { start: range.start + bullet_len, end: range.end }.trim(text);
    // "date 2021-11 El Gobernador dejó inaugurada ...": a machine date stamp before the line's text
    // (pages saved with their date) is not part of the title or of the first sentence.
    if let Some(stamp) = date_stamp(content.slice(text), labels) {
        content.start += stamp;
    }
    let c = content.slice(text);
    let line = |kind| Line { kind, range, content };
    if c.is_empty() {
        return (line(LineKind::Blank), None);
    }
    if markdown_heading {
        return (line(LineKind::Heading), None);
    }
    // The first line of a text is its title: a colon in it ("Transformation Technologique : le DG de
    // l'ARTP milite ...") ends a headline's first part, not a label, when a whole sentence follows.
    let first_line = raw[..i].iter().all(|r| is_blank(text, *r));
    if let Some(split) = label_split(text, content, labels).filter(|s| !(first_line && is_headline(text, s, labels))) {
        if split.value.is_empty() {
            return (line(LineKind::Heading), Some(split));
        }
        return (line(LineKind::Field), Some(split));
    }
    let words = c.split_whitespace().count();
    if c.ends_with('?') && words <= MAX_HEADING_WORDS && (bullet_len > 0 || is_isolated(text, raw, i)) {
        return (line(LineKind::Heading), None);
    }
    if bullet_len == 0 && words <= MAX_BARE_HEADING_WORDS && is_isolated(text, raw, i) && looks_like_heading(c) {
        // "I. ASISTENTES": a known label after a Roman numeral is the heading, without the numeral.
        let roman = ROMAN_NUMERAL.find(c).map_or(0, |m| m.end());
        if roman > 0 && labels.classify(&c[roman..]).is_some() {
            let content = ByteRange { start: content.start + roman, end: content.end };
            return (Line { kind: LineKind::Heading, range, content }, None);
        }
        return (line(LineKind::Heading), None);
    }
    // "LISTE DE PRÉSENCE (JOUR 1)": a known label with a note in parentheses after it.
    let labelled = without_final_note(c);
    if bullet_len == 0 && words <= 6 && looks_like_heading(labelled) && labels.classify(labelled).is_some() {
        return (line(LineKind::Heading), None);
    }
    // "2. ORDEM DO DIA", "III. INFORMES": a numbered heading of minutes, a known label in capitals
    // (the numeral, Arabic or Roman, is not part of the heading).
    let roman = if bullet_len == 0 { ROMAN_NUMERAL.find(c).map_or(0, |m| m.end()) } else { 0 };
    let heading = &c[roman..];
    let in_capitals = heading.chars().any(char::is_alphabetic) && !heading.chars().any(char::is_lowercase);
    if (bullet_len > 0 || roman > 0)
        && words <= 6
        && in_capitals
        && looks_like_heading(heading)
        && labels.classify(heading).is_some()
    {
        let content = ByteRange { start: content.start + roman, end: content.end };
        return (Line { kind: LineKind::Heading, range, content }, None);
    }
    if bullet_len > 0 {
        return (line(LineKind::ListItem), None);
    }
    (line(LineKind::Text), None)
}

/// An unknown label before a long value: a headline's two parts, when the line is the text's first.
fn is_headline(text: &str, split: &LabelSplit, labels: &LabelTable) -> bool {
    labels.classify(split.label.slice(text)).is_none()
        && split.value.slice(text).split_whitespace().count() > MAX_UNKNOWN_LABEL_VALUE_WORDS
}

/// The length of a date stamp at the start of a line, the space after it included: a date label
/// without its colon and an ISO date ("date 2019-04 ", "fecha 2017-03-22 "), followed by more text.
fn date_stamp(line: &str, labels: &LabelTable) -> Option<usize> {
    static STAMP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\p{L}+)[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]+\S").expect("valid regex"));
    let m = STAMP.captures(line)?;
    (labels.classify(&m[1]) == Some(FieldKind::Date)).then(|| m.get(0).map_or(0, |g| g.end()) - 1)
}

/// A line with blank lines (or the text's edges) on both sides.
fn is_isolated(text: &str, raw: &[ByteRange], i: usize) -> bool {
    let before = i == 0 || is_blank(text, raw[i - 1]);
    let after = i + 1 >= raw.len() || is_blank(text, raw[i + 1]);
    before && after
}

/// A line without a note in parentheses at its end ("Asistentes (por orden alfabético)").
fn without_final_note(c: &str) -> &str {
    match c.strip_suffix(')').and_then(|head| head.rfind(" (")) {
        Some(open) => c[..open].trim_end(),
        None => c,
    }
}

fn looks_like_heading(c: &str) -> bool {
    let first = c.chars().next().unwrap_or(' ');
    let last = c.chars().next_back().unwrap_or('.');
    first.is_uppercase()
        && !matches!(last, '.' | ',' | ';' | '!' | '-' | '–' | ')' | '"' | '”')
        && !c.contains(',')
        && !c.contains(" | ")
}

/// Splits "Label: value" when the text before the colon reads as a label.
fn label_split(text: &str, content: ByteRange, labels: &LabelTable) -> Option<LabelSplit> {
    let c = content.slice(text);
    let Some(colon) = find_label_colon(c) else {
        return dash_label_split(text, content, labels).or_else(|| capitals_label_split(text, content, labels));
    };
    let label = ByteRange { start: content.start, end: content.start + colon }.trim(text);
    let value = ByteRange { start: content.start + colon + 1, end: content.end }.trim(text);
    let l = label.slice(text);
    let words = l.split_whitespace().count();
    if l.is_empty() || words == 0 {
        return None;
    }
    let known = labels.classify(l).is_some();
    if value.is_empty() {
        return (words <= MAX_HEADING_WORDS).then_some(LabelSplit { label, value });
    }
    let first = l.chars().next()?;
    let value_first = value.slice(text).chars().next()?;
    let no_sentence_end = !l.contains(['!', '?', ';']) && (!l.contains('.') || has_initial(l));
    // An unknown label reads as one when it is capitalised like a label, or its value starts like one.
    let label_like = known || (first.is_uppercase() && (!value_first.is_lowercase() || is_title_case(l)));
    let shape_ok = words <= MAX_INLINE_LABEL_WORDS
        && l.len() <= MAX_INLINE_LABEL_BYTES
        && label_like
        && !l.ends_with(['.', ',', ';'])
        && no_sentence_end;
    // A long known label ("Estimate the number of women present: 12") takes only a short answer
    // inline; a long line after it is prose that happens to use a label's word.
    let starts_with_article = l.split_whitespace().next().is_some_and(|w| WORDS.articles.contains(&w.to_lowercase()));
    let long_known = known
        && words <= MAX_HEADING_WORDS
        && !starts_with_article
        && value.slice(text).split_whitespace().count() <= 12;
    (shape_ok || long_known).then_some(LabelSplit { label, value })
}

/// Every word of three letters or more, function words aside, starts with a capital
/// ("Session Organizer", "Name of the Rapporteur").
fn is_title_case(label: &str) -> bool {
    label
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3 && !WORDS.label_function.contains(*w))
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// "J. PEREIRA" has a period that is an initial, not the end of a sentence.
fn has_initial(label: &str) -> bool {
    label.split_whitespace().all(|w| !w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() <= 3)
}

/// "Présents. – M. X, Mme Y", "Excusés. - M. Z": a known label ended by a stop and a dash, as
/// French parliaments write their attendance.
fn dash_label_split(text: &str, content: ByteRange, labels: &LabelTable) -> Option<LabelSplit> {
    let c = content.slice(text);
    let (before, after) = [". – ", ". - ", ". — "].iter().find_map(|sep| c.split_once(sep))?;
    if before.split_whitespace().count() > MAX_HEADING_WORDS || after.trim().is_empty() {
        return None;
    }
    labels.classify(before).is_some().then(|| LabelSplit {
        label: ByteRange { start: content.start, end: content.start + before.len() }.trim(text),
        value: ByteRange { start: content.end - after.len(), end: content.end }.trim(text),
    })
}

/// Most words of a label written in capitals without a colon.
const MAX_CAPITALS_LABEL_WORDS: usize = 3;

/// "MODERATOR Linh Nguyen, Program Officer", "RAPPORTEUR Ana Teixeira": a schedule flattened from
/// a page writes the label of a part in the session in capitals, without a colon, before a name.
/// Only a label of people (a part in the session), up to three words in capitals, before a word
/// in mixed case: "MODERATOR TRAINING" is a heading.
fn capitals_label_split(text: &str, content: ByteRange, labels: &LabelTable) -> Option<LabelSplit> {
    let c = content.slice(text);
    let in_capitals = |w: &str| w.chars().count() >= 3 && w.chars().all(char::is_uppercase);
    let mixed_case = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    let mut end = 0;
    let mut split = None;
    for (n, word) in c.split(' ').enumerate() {
        if in_capitals(word) && n < MAX_CAPITALS_LABEL_WORDS {
            end += word.len() + usize::from(n > 0);
            continue;
        }
        if n > 0 && mixed_case(word) {
            let label = &c[..end];
            let people = matches!(
                labels.classify(label),
                Some(FieldKind::Moderator | FieldKind::Rapporteur | FieldKind::Speakers | FieldKind::Organizer)
            );
            split = people.then_some(end);
        }
        break;
    }
    let end = split?;
    Some(LabelSplit {
        label: ByteRange { start: content.start, end: content.start + end },
        value: ByteRange { start: content.start + end, end: content.end }.trim(text),
    })
}

/// The colon that ends a label: followed by whitespace or the end of the line, and not part of a
/// time ("09:00"), a URL ("https://") or a quotation ("le panel intitulé «Gouvernance: enjeux»").
fn find_label_colon(c: &str) -> Option<usize> {
    let bytes = c.as_bytes();
    for (i, _) in c.match_indices(':') {
        let next = bytes.get(i + 1).copied();
        if next.is_some_and(|b| !b.is_ascii_whitespace()) {
            continue;
        }
        let before = &c[..i];
        let open_quote = before.matches(['«', '“']).count() > before.matches(['»', '”']).count()
            || before.matches('"').count() % 2 == 1;
        if open_quote {
            continue;
        }
        let prev = c[..i].chars().next_back();
        if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|b| b.is_ascii_digit()) {
            continue;
        }
        return Some(i);
    }
    None
}

/// Groups lines into sections (a heading and the lines under it) and turns a value-less label
/// whose kind is a single value (organizer, women...) plus the text under it into a field.
fn group(text: &str, lines: &[Line], splits: &[Option<LabelSplit>], labels: &LabelTable) -> (Vec<Section>, Vec<Field>) {
    let mut sections = Vec::new();
    let mut fields = Vec::new();
    let headings: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind == LineKind::Heading).collect();
    let text_end = lines.last().map_or(0, |l| l.range.end);
    // Text before the first heading.
    let first_start = headings.first().map_or(text_end, |&h| lines[h].range.start);
    let lead = ByteRange { start: 0, end: first_start }.trim(text);
    if !lead.is_empty() {
        sections.push(Section {
            kind: FieldKind::Other,
            heading: None,
            body: lead,
            language: None,
            summary: Vec::new(),
        });
    }
    for (n, &h) in headings.iter().enumerate() {
        let heading_line = lines[h];
        let heading = splits[h].map_or(heading_line.content, |s| s.label);
        let heading = trim_heading(text, heading);
        let body_end = headings.get(n + 1).map_or(text_end, |&next| lines[next].range.start);
        let body = ByteRange { start: heading_line.range.end, end: body_end.max(heading_line.range.end) }.trim(text);
        let kind = labels.classify(heading.slice(text)).unwrap_or(FieldKind::Other);
        sections.push(Section { kind, heading: Some(heading), body, language: None, summary: Vec::new() });
        let single_value = matches!(
            kind,
            FieldKind::Title
                | FieldKind::Date
                | FieldKind::Time
                | FieldKind::Place
                | FieldKind::Organizer
                | FieldKind::Moderator
                | FieldKind::Rapporteur
                | FieldKind::Participants
                | FieldKind::Attendees
                | FieldKind::Absent
                | FieldKind::Women
        );
        if single_value && !body.is_empty() {
            fields.push(Field { kind, label: heading, value: body });
        }
    }
    (sections, fields)
}

/// A heading without its trailing colon and spaces.
fn trim_heading(text: &str, r: ByteRange) -> ByteRange {
    let s = r.slice(text);
    let t = s.trim_end_matches(|c: char| c == ':' || c.is_whitespace());
    ByteRange { start: r.start, end: r.start + t.len() }.trim(text)
}

/// The value of the first "Title: ..." line of a raw text, read before clean-up so that the
/// clean-up can look for the title repeated as a running header.
pub fn title_hint<'t>(text: &'t str, labels: &LabelTable) -> Option<&'t str> {
    text.lines().take(200).find_map(|line| {
        let bullet_len = BULLET.find(line).map_or(0, |m| m.end());
        let content = &line[bullet_len..];
        let colon = find_label_colon(content)?;
        let value = content[colon + 1..].trim();
        (!value.is_empty() && labels.classify(&content[..colon]) == Some(FieldKind::Title)).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(LineKind, String)> {
        let layout = parse(text, &LabelTable::bundled());
        layout
            .lines
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| (l.kind, l.content.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn form_lines() {
        let text = "- Session Title: Open Data\n\n- Time: 09:00 - 10:00\n\n- List of Speakers:\n\n- Ana Silva, Universidad de Lisboa\n- Juan Pérez\n\nGender Reporting\n\n- To what extent did the session discuss gender?\n\nIt did: a lot.\n";
        let k = kinds(text);
        assert_eq!(k[0], (LineKind::Field, "Session Title: Open Data".into()));
        assert_eq!(k[1].0, LineKind::Field);
        assert_eq!(k[2].0, LineKind::Heading);
        assert_eq!(k[3], (LineKind::ListItem, "Ana Silva, Universidad de Lisboa".into()));
        assert_eq!(k[5], (LineKind::Heading, "Gender Reporting".into()));
        assert_eq!(k[6].0, LineKind::Heading);
        assert_eq!(
            k[7].0,
            LineKind::Text,
            "a colon after a two-word sentence start is kept as text when lower-case: {:?}",
            k[7]
        );
    }

    #[test]
    fn a_date_stamp_is_not_part_of_the_first_line_and_a_headline_with_a_colon_is_not_a_label() {
        let text = "fecha 2021-11 El Gobernador inauguró la jornada\n\nfecha 2021-11-04\n";
        let k = kinds(text);
        assert_eq!(k[0].1, "El Gobernador inauguró la jornada");
        // A stamp alone on its line is the date's field, as before.
        assert_eq!(k[1].1, "fecha 2021-11-04");
        let sentence = "le directeur a participé à la cérémonie officielle du forum régional, organisée à Dakar les 11 et 12 juillet, \
            et présidée par le ministre de la Communication, des Télécommunications et du Numérique, devant de nombreuses \
            délégations venues de toute la région pour cette édition.";
        let headline = format!("Transformation Technologique : {sentence}\n");
        assert_eq!(kinds(&headline)[0].0, LineKind::Text);
        // The same line further down, or with a short value, is a label and its value.
        assert_eq!(kinds(&format!("Intro\n\n{headline}"))[1].0, LineKind::Field);
        assert_eq!(kinds("Transformation Technologique : le DG milite\n")[0].0, LineKind::Field);
    }

    #[test]
    fn a_symbol_fonts_bullet_is_a_bullet_before_a_wide_gap_only() {
        let k = kinds("Present:\n\nn               Mawutodzi Abissath, Ag. Executive Member\nl\tFred Sarpong\n");
        assert_eq!(k[1], (LineKind::ListItem, "Mawutodzi Abissath, Ag. Executive Member".to_string()));
        assert_eq!(k[2], (LineKind::ListItem, "Fred Sarpong".to_string()));
        assert_eq!(symbol_bullet_len("n      Ana Ruiz"), 7);
        assert_eq!(symbol_bullet_len("n Ana Ruiz"), 0);
        assert_eq!(symbol_bullet_len("no Brasil"), 0);
    }

    #[test]
    fn prose_colon_is_not_a_label() {
        let text = "The discussion also addressed the challenges that electronic government has in the region: First of all, this.\n";
        assert_eq!(kinds(text)[0].0, LineKind::Text);
        assert_eq!(kinds("See https://example.org for more.\n")[0].0, LineKind::Text);
        // A colon inside a quotation ends no label.
        assert_eq!(
            kinds("Le panel intitulé «Gouvernance: enjeux et défis» a réuni quatre experts.\n")[0].0,
            LineKind::Text
        );
        assert_eq!(kinds("The panel \"Data: who owns it\" drew a full room.\n")[0].0, LineKind::Text);
    }

    #[test]
    fn sections_and_value_under_label() {
        let text = "Moderadora:\nMaría López, Ministerio de Salud\n\nTemas clave:\n- Conectividad\n- Talento\n\nNúmero de mujeres:\n\n12\n";
        let layout = parse(text, &LabelTable::bundled());
        let kinds: Vec<FieldKind> = layout.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![FieldKind::Moderator, FieldKind::KeyIssues, FieldKind::Women]);
        let moderator = layout.fields.iter().find(|f| f.kind == FieldKind::Moderator).unwrap();
        assert_eq!(moderator.value.slice(text), "María López, Ministerio de Salud");
        let women = layout.fields.iter().find(|f| f.kind == FieldKind::Women).unwrap();
        assert_eq!(women.value.slice(text), "12");
    }

    #[test]
    fn unknown_labels_are_kept() {
        let text = "Favourite Colour: blue\n";
        let layout = parse(text, &LabelTable::bundled());
        assert_eq!(layout.fields[0].kind, FieldKind::Other);
        assert_eq!(layout.fields[0].value.slice(text), "blue");
    }
}
