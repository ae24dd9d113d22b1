//! Repairs text damaged by PDF extraction, keeping a map back to the original bytes.
//!
//! Every repair is an edit of the original text (a byte range and its replacement); the edits are
//! applied in one pass, which yields the cleaned text and its [`OffsetMap`] together.

use crate::words::WORDS;
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use acta_doc::OffsetMap;
use regex::Regex;

use crate::parse::BULLET;

/// An edit of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    start: usize,
    end: usize,
    replacement: &'static str,
    /// Why, for the report's warnings.
    reason: Option<String>,
}

/// The cleaned text, its map to the original and what was repaired.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    pub offsets: OffsetMap,
    pub repairs: Vec<String>,
}

static HYPHENATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{L}{2,})-[ \t]*\r?\n[ \t]*\p{Ll}").expect("valid regex"));
static PAGE_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let words = &crate::words::WORDS;
    // A page word of one letter needs its period ("p. 3"); a longer one may have it ("pág. 3").
    let page_words: Vec<String> = words
        .page_words
        .split('|')
        .map(|w| if w.chars().count() == 1 { format!(r"{w}\.") } else { format!(r"{w}\.?") })
        .collect();
    Regex::new(&format!(
        r"(?mi)^[ \t]*(?:(?:{})[ \t]*\d+(?:[ \t]*(?:{}|/)[ \t]*\d+)?|\d+[ \t]*(?:/|{})[ \t]*\d+|[-–][ \t]*\d+[ \t]*[-–])[ \t]*(?:\r?\n|\z)",
        page_words.join("|"),
        words.page_of,
        words.page_of
    ))
    .expect("valid regex")
});

/// Most words (between spaces or tabs) of a line that `PAGE_NUMBER_LINE` matches: "Page 3 of 9",
/// with the page words and the words for "of" as long as the language packs have them.
static PAGE_NUMBER_MAX_WORDS: LazyLock<usize> = LazyLock::new(|| {
    let words = &crate::words::WORDS;
    let longest = |alternation: &str| alternation.split('|').map(|w| w.split_whitespace().count()).max().unwrap_or(1);
    (longest(&words.page_words) + longest(&words.page_of) + 2).max(3)
});

/// A running header or footer line that holds a page's number with its page word at one end, set
/// apart by a wide gap: "Conselho Estadual de CT&I      Página 1 de 2", "Page 3 of 9    Annual
/// Report". The whole line is page furniture.
static PAGE_FURNITURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let words = &crate::words::WORDS;
    let page_words: Vec<String> = words
        .page_words
        .split('|')
        .map(|w| if w.chars().count() == 1 { format!(r"{w}\.") } else { format!(r"{w}\.?") })
        .collect();
    let page = format!(r"(?:{})[ \t]*\d+(?:[ \t]*(?:{}|/)[ \t]*\d+)?", page_words.join("|"), words.page_of);
    Regex::new(&format!(
        r"(?mi)^(?:[^\n]*\S(?:[ ]{{3,}}|\t)[ \t]*{page}|[ \t]*{page}(?:[ ]{{3,}}|\t)[^\n]*\S)[ \t]*(?:\r?\n|\z)"
    ))
    .expect("valid regex")
});

/// Cleans `original`. `title_hint` is the report's title when the layout already saw one: PDF
/// running headers usually repeat it, so it is looked for inside sentences.
pub fn clean(original: &str, title_hint: Option<&str>) -> Cleaned {
    // Text taken out of a PDF with a blank line after every line: the blank lines that cut a
    // paragraph go first, then the repairs below read the text as any other.
    let single_spaced = double_spacing(original);
    if !single_spaced.is_empty() {
        let count = single_spaced.len();
        let first = apply(original, single_spaced);
        let mut second = clean_spaced(&first.text, title_hint);
        second.offsets = second.offsets.compose(&first.offsets);
        second.repairs.insert(0, format!("double-spaced text: {count} blank lines inside paragraphs removed"));
        return second;
    }
    clean_spaced(original, title_hint)
}

/// A text is double-spaced when at least this share of the gaps between its lines is one blank line...
const DOUBLE_SPACED_SHARE: f64 = 0.9;
/// ...over at least this many lines...
const DOUBLE_SPACED_MIN_LINES: usize = 12;
/// ...and its lines are wrapped (the widest tenth at most this many characters), not paragraphs.
const DOUBLE_SPACED_MAX_WIDTH: usize = 200;
/// A line at least this share of the widest tenth's width was wrapped by the page.
const DOUBLE_SPACED_WRAPPED_PERCENT: usize = 60;

/// In a double-spaced text, the blank lines after a line that the page's width wrapped inside a
/// sentence (a wide line, before a line that is no list item): each an edit that takes the blank
/// line out. None when the text is not double-spaced.
fn double_spacing(text: &str) -> Vec<Edit> {
    // (start, content) of each line.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        lines.push((pos, line.trim_end_matches(['\n', '\r'])));
        pos += line.len();
    }
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].1.trim().is_empty()).collect();
    if non_blank.len() < DOUBLE_SPACED_MIN_LINES {
        return Vec::new();
    }
    let gaps = non_blank.len() - 1;
    let one_blank = non_blank.windows(2).filter(|w| w[1] - w[0] == 2).count();
    if (one_blank as f64) < DOUBLE_SPACED_SHARE * gaps as f64 {
        return Vec::new();
    }
    let mut widths: Vec<usize> = non_blank.iter().map(|&i| lines[i].1.trim().chars().count()).collect();
    widths.sort_unstable();
    let wide = widths[widths.len() * 9 / 10];
    if wide > DOUBLE_SPACED_MAX_WIDTH {
        return Vec::new();
    }
    let mut edits = Vec::new();
    for w in non_blank.windows(2).filter(|w| w[1] - w[0] == 2) {
        let (line, next) = (lines[w[0]].1.trim_end(), lines[w[1]].1.trim_start());
        let wrapped = line.trim_start().chars().count() * 100 >= wide * DOUBLE_SPACED_WRAPPED_PERCENT;
        // Inside a sentence: the line stops on a comma, a hyphen or a short word in small letters
        // ("through the", "organized by"), or the next line goes on in small letters.
        let last_word = line.rsplit(' ').next().unwrap_or("");
        let small_word = (1..=3).contains(&last_word.chars().count()) && last_word.chars().all(char::is_lowercase);
        let open = line.ends_with([',', '-', '–']) || small_word || next.starts_with(char::is_lowercase);
        let item = BULLET.find(next).is_some_and(|m| m.end() > 0);
        if wrapped && open && !item {
            // The blank line between them: from the start of the blank line to the start of `next`'s line.
            let (blank_start, next_start) = (lines[w[0] + 1].0, lines[w[1]].0);
            edits.push(Edit { start: blank_start, end: next_start, replacement: "", reason: None });
        }
    }
    edits
}

/// [`clean`] on a text that is not double-spaced.
fn clean_spaced(original: &str, title_hint: Option<&str>) -> Cleaned {
    let mut edits = Vec::new();
    line_endings(original, &mut edits);
    hyphenation(original, &mut edits);
    page_numbers(original, &mut edits);
    let repeated = repeated_lines(original, &mut edits);
    let mut candidates: Vec<&str> = repeated;
    if let Some(t) = title_hint.map(str::trim).filter(|t| t.len() >= 15 && t.split_whitespace().count() >= 3) {
        candidates.push(t);
    }
    injected_headers(original, &candidates, &mut edits);
    let deleted: Vec<(usize, usize)> =
        edits.iter().filter(|e| e.replacement.is_empty()).map(|e| (e.start, e.end)).collect();
    page_broken_sentences(original, &deleted, &mut edits);
    let existing = edits.clone();
    wrapped_list_items(original, &existing, &mut edits);
    let existing = edits.clone();
    let joined = wrapped_prose(original, &existing, &mut edits);
    let mut cleaned = apply(original, edits);
    if joined > 0 {
        cleaned.repairs.push(format!("{joined} lines of prose wrapped by the page's width joined again"));
    }
    cleaned
}

/// A text wrapped at a page's width is one whose widest tenth of lines is at most this many
/// characters (wider lines are paragraphs a web page or an editor wrote one a line)...
const WRAPPED_MAX_WIDTH: usize = 150;
/// ...and at least this many: a column of short entries is no wrapped prose.
const WRAPPED_MIN_WIDTH: usize = 40;
/// A line that goes on in small letters on the next was wrapped when it is at least this share of
/// the widest tenth's width...
const WRAPPED_CONTINUES_PERCENT: usize = 60;
/// ...and whatever the next line starts with when it is at least this share.
const WRAPPED_FULL_PERCENT: usize = 85;
/// Spaces that part a table's columns, not a sentence's words.
const COLUMN_GAP: &str = "   ";

/// How far into a line a dash between a name and its affiliation is looked for ("Ana Ruiz – ...").
const ENTRY_DASH_CHARS: usize = 60;
/// How far into a line a colon makes it a field ("Moderadora: ...").
const FIELD_LABEL_CHARS: usize = 40;

/// A line of prose that a page's width cut inside a sentence ("... la sra. consejera Gloria de la" /
/// "Fuente González, el sr. ...") is joined to the next: the line break becomes a space, so that a
/// name or a body's name cut there is whole again. Only in a text wrapped at a width (PDF text
/// saved as plain text); not before a list item, a field, or between entries ("Name – Body").
/// Returns how many line breaks were joined.
fn wrapped_prose(text: &str, existing: &[Edit], edits: &mut Vec<Edit>) -> usize {
    let spans = Spans::new(existing.iter().map(|e| (e.start, e.end)).collect());
    let touched = |start: usize, end: usize| spans.furthest_end_starting_before(end) > start;
    // (start, content without the line break) of each line.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        lines.push((pos, line.trim_end_matches(['\n', '\r'])));
        pos += line.len();
    }
    let mut widths: Vec<usize> = lines.iter().map(|(_, l)| l.trim().chars().count()).filter(|&w| w > 0).collect();
    if widths.len() < 3 {
        return 0;
    }
    widths.sort_unstable();
    let wide = widths[widths.len() * 9 / 10];
    if !(WRAPPED_MIN_WIDTH..=WRAPPED_MAX_WIDTH).contains(&wide) {
        return 0;
    }
    let is_entry = |line: &str| {
        let head: String = line.trim_start().chars().take(ENTRY_DASH_CHARS).collect();
        head.chars().next().is_some_and(char::is_uppercase) && [" – ", " — ", " - "].iter().any(|d| head.contains(d))
    };
    let is_item_or_field = |line: &str| {
        BULLET.find(line).is_some_and(|m| m.end() > 0) || line.chars().take(FIELD_LABEL_CHARS).any(|c| c == ':')
    };
    // Each paragraph (lines with no blank line between them) is prose when at least a third of its
    // line breaks come after or before a word in small letters: there a full line goes on into the next whatever its first
    // letter; in a list ("DIALLO Aminata, ..." / "MBOUMBA Jean-Rémi, ...") only a line that goes on in
    // small letters does.
    let starts_lower = |i: usize| lines[i].1.trim_start().chars().next().is_some_and(char::is_lowercase);
    // A row of a table or of comma-separated values ("Ms,Ana,SILVA,...") is no prose, nor one of
    // a table aligned with spaces (two gaps of three spaces or more between its words).
    let row = |line: &str| {
        line.contains(['\t', '|'])
            || line.matches(',').count() - line.matches(", ").count() >= 2
            || line.trim().matches(COLUMN_GAP).count() >= 2
    };
    let mut joined = 0;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].1.trim().is_empty() {
            i += 1;
            continue;
        }
        let first = i;
        while i < lines.len() && !lines[i].1.trim().is_empty() {
            i += 1;
        }
        let block = first..i;
        let transitions = block.len() - 1;
        let ends_lower = |j: usize| {
            let last_word = lines[j].1.trim_end().rsplit(' ').next().unwrap_or("");
            last_word.chars().next().is_some_and(char::is_lowercase)
        };
        let lower = (first..i - 1).filter(|&j| starts_lower(j + 1) || ends_lower(j)).count();
        let prose = lower * 3 >= transitions;
        let mut paragraph_start = first;
        for j in first..i.saturating_sub(1) {
            let (start, line) = lines[j];
            let (next_start, next) = lines[j + 1];
            let line = line.trim_end();
            let rest = next.trim_start();
            let chars = line.trim_start().chars().count();
            // "... and Mr." / "Tomas Brandt ...": a form of address is no sentence's end.
            let last_word = line.rsplit(' ').next().unwrap_or("");
            let address = last_word.strip_suffix('.').is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && (2..=5).contains(&w.chars().count())
                    && w.chars().skip(1).all(char::is_lowercase)
            });
            let open = line.chars().next_back().is_some_and(|c| c.is_alphabetic() || c == ',') || address;
            let continues = starts_lower(j + 1);
            // "MBOUMBA Jean-Rémi, ...": a word in capitals opens an entry of a list, not the rest
            // of a sentence.
            let first_word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let capitals = first_word.chars().count() >= 2 && !first_word.chars().any(char::is_lowercase);
            let full = prose && !capitals && chars * 100 >= wide * WRAPPED_FULL_PERCENT;
            let wrapped = (continues && chars * 100 >= wide * WRAPPED_CONTINUES_PERCENT) || full;
            let item = BULLET.find(line).is_some_and(|m| m.end() > 0);
            let entries = is_entry(rest) && is_entry(lines[paragraph_start].1);
            let (break_start, break_end) = (start + line.len(), next_start + (next.len() - rest.len()));
            if open
                && wrapped
                && !item
                && !is_item_or_field(rest)
                && !entries
                && !row(line)
                && !row(rest)
                && line.split_whitespace().count() >= 3
            {
                if !touched(break_start, break_end) {
                    edits.push(Edit { start: break_start, end: break_end, replacement: " ", reason: None });
                    joined += 1;
                }
            } else {
                paragraph_start = j + 1;
            }
        }
    }
    joined
}

/// Byte ranges sorted by start, with the furthest end reached so far, so that "does any range
/// touch / hold this one" is a binary search rather than a scan over all of them.
struct Spans {
    spans: Vec<(usize, usize)>,
    furthest_end: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        let furthest_end = spans
            .iter()
            .scan(0, |furthest, &(_, end)| {
                *furthest = end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Spans { spans, furthest_end }
    }

    /// The furthest end among the ranges starting before `pos` (0 when there are none).
    fn furthest_end_starting_before(&self, pos: usize) -> usize {
        let n = self.spans.partition_point(|&(start, _)| start < pos);
        if n == 0 {
            0
        } else {
            self.furthest_end[n - 1]
        }
    }
}

/// A list item wrapped onto an indented next line ("- Ms. Ana Silva, Director of the\n  National
/// Agency") is one line again: the line break and indentation become one space.
fn wrapped_list_items(text: &str, existing: &[Edit], edits: &mut Vec<Edit>) {
    // A PDF with 20,000 removed header lines has as many edits: they are looked up, not scanned.
    let spans = Spans::new(existing.iter().map(|e| (e.start, e.end)).collect());
    let touched = |start: usize, end: usize| spans.furthest_end_starting_before(end) > start;
    let mut prev: Option<(usize, &str)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some((prev_start, prev_line)) = prev {
            let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
            let rest = content.trim_start_matches([' ', '\t']);
            let prev_is_item = BULLET.find(prev_line).is_some_and(|m| m.end() > 0);
            let prev_open = !prev_line.trim_end().ends_with(['.', ':', ';']);
            let continues = indent >= 2 && !rest.is_empty() && BULLET.find(rest).is_none_or(|m| m.end() == 0);
            let break_start = prev_start + prev_line.trim_end_matches(['\n', '\r', ' ', '\t']).len();
            let break_end = start + indent;
            if prev_is_item && prev_open && continues && !touched(break_start, break_end) {
                edits.push(Edit {
                    start: break_start,
                    end: break_end,
                    replacement: " ",
                    reason: Some(format!("joined a list item wrapped onto the next line at byte {break_start}")),
                });
                // The joined line may wrap again; it stays "the previous item".
                prev = Some((prev_start, &text[prev_start..pos]));
                continue;
            }
        }
        prev = Some((start, line));
    }
}

fn line_endings(text: &str, edits: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                edits.push(Edit { start: i, end: i + 2, replacement: "\n", reason: None });
                i += 2;
                continue;
            }
            b'\r' | 0x0c => edits.push(Edit { start: i, end: i + 1, replacement: "\n", reason: None }),
            _ => {}
        }
        i += 1;
    }
}

fn hyphenation(text: &str, edits: &mut Vec<Edit>) {
    for caps in HYPHENATED.captures_iter(text) {
        let word = caps.get(1).expect("group 1");
        let whole = caps.get(0).expect("group 0");
        // Delete from the hyphen to the first letter of the continuation.
        let end = whole.end() - text[..whole.end()].chars().next_back().map_or(0, char::len_utf8);
        edits.push(Edit {
            start: word.end(),
            end,
            replacement: "",
            reason: Some(format!("joined word hyphenated across lines at byte {}", word.end())),
        });
    }
}

fn page_numbers(text: &str, edits: &mut Vec<Edit>) {
    // Both patterns match one whole line with its line break, and a digit in it: each is searched
    // in the lines that have a digit (most have none), which finds what a search of the text does.
    let mut with_digits: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if has_digit(line) {
            with_digits.push((pos, line));
        }
        pos += line.len();
    }
    let mut remove = |line_start: usize, m: regex::Match, what: &str| {
        let start = line_start + m.start();
        let reason = Some(format!("removed {what} at byte {start}"));
        edits.push(Edit { start, end: line_start + m.end(), replacement: "", reason });
    };
    // A header or footer sets the page number apart by three spaces or a tab.
    for &(line_start, line) in with_digits.iter().filter(|(_, l)| l.contains("   ") || l.contains('\t')) {
        for m in PAGE_FURNITURE_LINE.find_iter(line) {
            remove(line_start, m, "a header or footer line with a page number");
        }
    }
    // A page number's line is a few words: the page word, the number, "of", the count.
    let few_words = |line: &str| line.split_whitespace().nth(*PAGE_NUMBER_MAX_WORDS).is_none();
    for &(line_start, line) in with_digits.iter().filter(|(_, l)| few_words(l)) {
        for m in PAGE_NUMBER_LINE.find_iter(line).filter(|m| !m.is_empty()) {
            remove(line_start, m, "page-number line");
        }
    }
}

/// Whether `line` may hold a digit as the patterns' `\d` reads one (a decimal digit of any script):
/// an ASCII digit, or a numeric character of a script past Latin Extended-A (U+0180 on; the Latin
/// letters before it, whose UTF-8 starts with 0xC2 to 0xC5, hold no decimal digit).
fn has_digit(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_digit() {
            return true;
        }
        // ASCII, a continuation byte, or the first byte of a letter before U+0180.
        if b < 0xC6 {
            pos += 1;
            continue;
        }
        let c = line[pos..].chars().next().expect("a character starts here");
        if c.is_numeric() {
            return true;
        }
        pos += c.len_utf8();
    }
    false
}

/// Lines of three words or more that stand alone twice or more: running headers and footers.
/// Every occurrence but the first is removed. Returns the repeated lines.
fn repeated_lines<'t>(text: &'t str, edits: &mut Vec<Edit>) -> Vec<&'t str> {
    let mut seen: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim();
        let start = pos;
        pos += raw.len();
        if line.len() < 12 || line.split_whitespace().count() < 3 || BULLET.is_match(raw) || line.len() > 200 {
            continue;
        }
        seen.entry(line).or_default().push((start, pos));
    }
    let mut repeated: Vec<(&str, Vec<(usize, usize)>)> = seen.into_iter().filter(|(_, v)| v.len() >= 2).collect();
    repeated.sort_by_key(|(_, v)| v[0].0);
    for (line, places) in &repeated {
        for &(start, end) in &places[1..] {
            edits.push(Edit {
                start,
                end,
                replacement: "",
                reason: Some(format!("removed repeated header/footer line at byte {start}: {line:?}")),
            });
        }
    }
    repeated.into_iter().map(|(l, _)| l).collect()
}

/// A running header cut into a sentence ("learning from each <header> h other"): removed with the
/// debris that extraction leaves after it (a stray letter, a page number).
fn injected_headers(text: &str, candidates: &[&str], edits: &mut Vec<Edit>) {
    for candidate in candidates {
        for (at, _) in text.match_indices(candidate) {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..at];
            let before_trim = before.trim_end();
            // The header must follow a word of the same sentence on the same line.
            let Some(prev_char) = before_trim.chars().next_back() else { continue };
            if !(prev_char.is_lowercase() || prev_char == ',') || before_trim.len() == before.len() {
                continue;
            }
            let prev_word = before_trim.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            if WORDS.quoting.contains(&prev_word.to_lowercase()) || before_trim.ends_with(':') {
                continue;
            }
            let end = at + candidate.len();
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            let after = &text[end..line_end];
            if after.trim().is_empty() {
                continue;
            }
            // Debris after the header: one stray letter that is no word, or a page number.
            let mut cut_end = end;
            let rest = after.trim_start();
            let token = rest.split_whitespace().next().unwrap_or("");
            let is_debris = (token.chars().count() == 1
                && token.chars().all(char::is_alphabetic)
                && !WORDS.one_letter.contains(&token.to_lowercase()))
                || (!token.is_empty() && token.len() <= 4 && token.chars().all(|c| c.is_ascii_digit()));
            if is_debris && rest.len() > token.len() {
                cut_end = end + (after.len() - rest.len()) + token.len();
            }
            let cut_start = line_start + before_trim.len();
            edits.push(Edit {
                start: cut_start,
                end: cut_end,
                replacement: "",
                reason: Some(format!("removed running header injected at byte {at}: {candidate:?}")),
            });
        }
    }
}

/// A paragraph that stops mid-sentence and continues, after blank lines, with a lower-case word:
/// a sentence broken by a page break. The gap becomes one space.
/// Lines already deleted (page numbers, repeated headers) count as blank.
fn page_broken_sentences(text: &str, deleted: &[(usize, usize)], edits: &mut Vec<Edit>) {
    let deleted = Spans::new(deleted.to_vec());
    let is_deleted = |s: usize, e: usize| deleted.furthest_end_starting_before(s + 1) >= e;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end();
        let ends_open = line.len() >= 40 && line.chars().next_back().is_some_and(|c| c.is_lowercase() || c == ',');
        if ends_open && line_end < text.len() && !BULLET.is_match(line) {
            // Skip the blank lines after this one.
            let mut next = line_end + 1;
            let mut blank_lines = 0;
            loop {
                let e = text[next..].find('\n').map_or(text.len(), |i| next + i);
                if (text[next..e].trim().is_empty() || is_deleted(next, e)) && e < text.len() {
                    blank_lines += 1;
                    next = e + 1;
                } else {
                    break;
                }
            }
            let next_trim = text[next..].trim_start_matches([' ', '\t']);
            let first = next_trim.chars().next();
            if blank_lines >= 1 && first.is_some_and(char::is_lowercase) {
                let gap_start = line_start + line.len();
                let gap_end = text.len() - next_trim.len();
                edits.push(Edit {
                    start: gap_start,
                    end: gap_end,
                    replacement: " ",
                    reason: Some(format!("joined sentence broken by a page break at byte {gap_start}")),
                });
            }
        }
        line_start = line_end + 1;
    }
}

/// Applies non-overlapping edits in order of position; an edit that overlaps an earlier kept one
/// is dropped.
fn apply(original: &str, mut edits: Vec<Edit>) -> Cleaned {
    edits.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let mut text = String::with_capacity(original.len());
    let mut offsets = OffsetMap::empty();
    let mut repairs = Vec::new();
    let mut pos = 0;
    for edit in edits {
        if edit.start < pos
            || edit.end > original.len()
            || !original.is_char_boundary(edit.start)
            || !original.is_char_boundary(edit.end)
        {
            continue;
        }
        text.push_str(&original[pos..edit.start]);
        offsets.push_copy(pos, edit.start - pos);
        text.push_str(edit.replacement);
        offsets.push_replace(edit.start, edit.end - edit.start, edit.replacement.len());
        pos = edit.end;
        if let Some(reason) = edit.reason {
            repairs.push(reason);
        }
    }
    text.push_str(&original[pos..]);
    offsets.push_copy(pos, original.len() - pos);
    Cleaned { text, offsets, repairs }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `page_numbers` as it was written before it searched only the lines with a digit.
    fn page_numbers_by_whole_text(text: &str) -> Vec<(usize, usize, Option<String>)> {
        let furniture = PAGE_FURNITURE_LINE.find_iter(text).map(|m| {
            (
                m.start(),
                m.end(),
                Some(format!("removed a header or footer line with a page number at byte {}", m.start())),
            )
        });
        let numbers = PAGE_NUMBER_LINE
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| (m.start(), m.end(), Some(format!("removed page-number line at byte {}", m.start()))));
        furniture.chain(numbers).collect()
    }

    proptest::proptest! {
        /// Searching the lines with a digit removes what searching the whole text does.
        #[test]
        fn page_lines_are_found_in_the_lines_with_digits(
            lines in proptest::collection::vec(
                "(Page 3 of 9|  12  |- 4 -|Conselho de CT&I   Página 1 de 2|p. 7\tInforme anual|Informe anual 2026|٣ / ٤|3/4|pág. ٣|Texto sin números||  )",
                0..12),
            crlf in proptest::bool::ANY,
            last_break in proptest::bool::ANY,
        ) {
            let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
            if last_break {
                text.push('\n');
            }
            let mut edits = Vec::new();
            page_numbers(&text, &mut edits);
            let found: Vec<(usize, usize, Option<String>)> =
                edits.into_iter().map(|e| (e.start, e.end, e.reason)).collect();
            proptest::prop_assert_eq!(found, page_numbers_by_whole_text(&text));
        }
    }
    use acta_doc::ByteRange;

    #[test]
    fn injected_title_is_removed_and_offsets_map_back() {
        let original = "Title: Regional Cooperation for Digital Government\n\nWe keep learning from each Regional Cooperation for Digital Government h other, as always.\n";
        let c = clean(original, Some("Regional Cooperation for Digital Government"));
        assert!(c.text.contains("learning from each other, as always."), "{}", c.text);
        assert!(c.text.starts_with("Title: Regional Cooperation for Digital Government\n"));
        let at = c.text.find("other").unwrap();
        let orig = c.offsets.range_to_original(ByteRange { start: at, end: at + 5 });
        assert_eq!(&original[orig.start..orig.end], "other");
    }

    #[test]
    fn a_header_or_footer_with_a_page_number_at_one_end_goes() {
        let original = "Ata da reunião\n\nConselho Estadual de CT&I                 Página 1 de 2\n\nAbertos os trabalhos.\nPage 3 of 9      Annual Report of the Board\nThe Board met.\nRoom 4   Building B\n";
        let c = clean(original, None);
        assert!(!c.text.contains("CT&I"), "{}", c.text);
        assert!(!c.text.contains("Annual Report"), "{}", c.text);
        assert!(c.text.contains("Room 4   Building B"), "{}", c.text);
        assert!(c.repairs.iter().any(|r| r.starts_with("removed a header or footer line")), "{:?}", c.repairs);
    }

    #[test]
    fn lines_of_prose_wrapped_at_a_width_are_joined_and_lists_are_not() {
        let mut original = String::from("Session report\n\n");
        original.push_str("The panel brought together Ms. Irene Kowalczyk of the Regional Digital Agency, Mr.\n");
        original.push_str("Tomas Brandt of the Ministry of Public Works and Transport and Ms. Nadia\n");
        original.push_str("Oyelaran-Smith of the Open Data Network, who opened the discussion with a\n");
        original.push_str("review of the year and the plans of each of the three bodies for 2027.\n\n");
        original.push_str("Speakers\n");
        original.push_str("KOWALCZYK Irene, Director, Regional Digital Agency of the Northern Province\n");
        original.push_str("BRANDT Tomas, Head of Unit, Ministry of Public Works and Transport, Lisbon\n");
        original.push_str("OYELARAN-SMITH Nadia, Coordinator, Open Data Network, Secretariat office\n");
        let c = clean(&original, None);
        assert!(c.text.contains("Mr. Tomas Brandt"), "{}", c.text);
        assert!(c.text.contains("Ms. Nadia Oyelaran-Smith"), "{}", c.text);
        assert!(c.text.contains("with a review of"), "{}", c.text);
        assert!(c.text.contains("Northern Province\nBRANDT Tomas"), "{}", c.text);
        assert!(c.text.contains("Lisbon\nOYELARAN-SMITH"), "{}", c.text);
        let at = c.text.find("Oyelaran").unwrap();
        assert_eq!(c.offsets.to_original(at), original.find("Oyelaran").unwrap());
    }

    #[test]
    fn blank_lines_inside_paragraphs_of_a_double_spaced_text_go() {
        let mut original = String::from("Regional Forum on Open Data\n\nSummary report\n\n");
        original.push_str("1. The forum met in the capital of the province from 4 to\n\n");
        original.push_str("6 May 2023 and was organised by the Ministry of Planning, through the\n\n");
        original.push_str("National Statistics Office and the Open Data Network of the region.\n\n");
        for i in 0..8 {
            original.push_str(&format!("• Member body number {i}\n\n"));
        }
        original.push_str("2. The participants agreed on a shared catalogue of datasets for the\n\n");
        original.push_str("municipalities of the region.\n");
        let c = clean(&original, None);
        assert!(c.text.contains("from 4 to\n6 May 2023"), "{}", c.text);
        // ... and the wrapped line of prose then goes on into the next.
        assert!(c.text.contains("through the National Statistics"), "{}", c.text);
        assert!(c.text.contains("datasets for the\nmunicipalities"), "{}", c.text);
        // A line ending a sentence, a heading and the list items keep their blank lines.
        assert!(c.text.contains("of the region.\n\n• Member body number 0\n\n• Member"), "{}", c.text);
        assert!(c.text.contains("Regional Forum on Open Data\n\nSummary report\n\n1."), "{}", c.text);
        assert!(c.repairs.iter().any(|r| r.starts_with("double-spaced text: 3 blank lines")), "{:?}", c.repairs);
        let at = c.text.find("municipalities").unwrap();
        assert_eq!(c.offsets.to_original(at), original.find("municipalities").unwrap());
        // A text with single line breaks loses no line break to double spacing (only its one wrapped
        // line of prose goes on into the next).
        let single = original.replace("\n\n", "\n");
        assert_eq!(clean(&single, None).text, single.replace("through the\nNational", "through the National"));
    }

    #[test]
    fn quoted_title_is_kept() {
        let original =
            "Title: Open Data in Local Government\n\nThe panel titled Open Data in Local Government was full.\n";
        let c = clean(original, Some("Open Data in Local Government"));
        assert_eq!(c.text, original);
    }

    #[test]
    fn hyphenation_page_numbers_and_page_breaks() {
        let original = "The ministry presented its transfor-\nmation plan for the e-\ngovernment agenda and the regional network\n\nPage 2 of 5\n\ncontinued with training.\r\n";
        let c = clean(original, None);
        assert_eq!(c.text, "The ministry presented its transformation plan for the e-\ngovernment agenda and the regional network continued with training.\n");
        let at = c.text.find("continued").unwrap();
        assert_eq!(c.offsets.to_original(at), original.find("continued").unwrap());
    }

    #[test]
    fn wrapped_list_item_is_joined() {
        let t = "Speakers\n- Ms. Ana Silva, Director of the National\n  Agency for Data\n- Mr. Rui Costa\n\n  Indented paragraph.\n";
        let c = clean(t, None);
        assert!(
            c.text.contains("- Ms. Ana Silva, Director of the National Agency for Data\n- Mr. Rui Costa"),
            "{}",
            c.text
        );
        assert!(c.text.contains("\n\n  Indented paragraph."), "{}", c.text);
        let at = c.text.find("Agency").unwrap();
        assert_eq!(&t[c.offsets.to_original(at)..c.offsets.to_original(at) + 6], "Agency");
    }

    #[test]
    fn repeated_header_lines_are_removed_after_the_first() {
        let original = "Annual Forum Report 2019\nFirst page text.\nAnnual Forum Report 2019\nSecond page text.\n";
        let c = clean(original, None);
        assert_eq!(c.text, "Annual Forum Report 2019\nFirst page text.\nSecond page text.\n");
    }

    #[test]
    fn arbitrary_text_keeps_char_boundaries() {
        for s in ["é-\nà", "ñ\r\n\r\nñ", "Página 1 de 2", "\u{c}x", "aé-\n\nb"] {
            let c = clean(s, Some(s));
            assert!(c.offsets.to_original(c.text.len()) <= s.len());
        }
    }
}
