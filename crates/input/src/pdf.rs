//! PDF files: the text layer of every page in reading order (pdf-extract, pure Rust), with what
//! the page structure says removed or repaired with certainty: the running header and footer
//! (the same line at the top or bottom of most pages, page numbers included) and a sentence cut
//! by a page break. Hyphenation at line ends and what the text still carries of the pages is
//! left to the layout stage's clean-up, which repairs text extracted by any tool.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::pdf_page::PageDrawing;

/// A line this wide (in per cent of the page's widest) fills the page's width.
const FULL_LINE_PERCENT: usize = 85;
/// A ':' this near a line's start makes it a field ("Moderadora: ...").
const FIELD_LABEL_BYTES: usize = 30;
/// A running header wraps over at most this many lines.
const HEADER_MAX_LINES: usize = 3;
/// A line this long (or this share of the page's widest, if less) that stops inside a sentence
/// was wrapped by the page's width.
const WRAPPED_MIN_CHARS: usize = 40;
const WRAPPED_MIN_PERCENT: usize = 75;
/// A running header or footer is on at least this share of the pages...
const FURNITURE_SHARE: f64 = 0.6;
/// ...and on at least this many pages.
const FURNITURE_MIN_PAGES: usize = 2;

/// The text of a PDF and what was removed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
    /// Where each page starts in `text`, in bytes: page N (from 1) starts at `page_starts[N - 1]`.
    /// A page left with no text starts where the next page's text does.
    pub page_starts: Vec<usize>,
    /// One line per kind of furniture removed: "running header \"...\" removed from 5 of 6 pages".
    pub removed: Vec<String>,
}

/// Whether bytes are a PDF file (its signature within the first KB, as readers accept it).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// The text of a PDF file, page furniture removed.
pub fn pdf_to_text(bytes: &[u8]) -> Result<PdfText> {
    let bad = |reason: String| Error::BadDocument { kind: "PDF", reason };
    if !looks_like_pdf(bytes) {
        return Err(bad("no %PDF- signature, so not a PDF".into()));
    }
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    // The reader panics on some malformed files: that is this file's error, not the batch's, and
    // its message goes into that error, not onto stderr.
    let pages = match quietly(|| read_pages(bytes)) {
        Ok(Ok(pages)) => pages,
        Ok(Err(_)) | Err(_) if encrypted => return Err(bad("encrypted PDF: a password is needed to read it".into())),
        Ok(Err(e)) => return Err(bad(format!("corrupt or truncated PDF: {e}"))),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown error");
            return Err(bad(format!("corrupt or truncated PDF (the reader failed: {message})")));
        }
    };
    if pages.iter().all(|p| p.trim().is_empty()) {
        if encrypted {
            return Err(bad("encrypted PDF: a password is needed to read it".into()));
        }
        return Err(bad(format!("no text layer: scanned document? ({} pages of images)", pages.len())));
    }
    let text = assemble(&pages, true);
    if !text.text.trim().is_empty() {
        return Ok(text);
    }
    // Every line was a page's furniture (the same title on every page and nothing else): the
    // title is then the document's text, not furniture.
    let text = assemble(&pages, false);
    match text.text.trim().is_empty() {
        true => Err(bad(format!("no text but page numbers on its {} pages", pages.len()))),
        false => Ok(text),
    }
}

/// The text of each page, tables as `| cell | cell |` rows. As pdf-extract's own reading, pages are
/// read from the first until one cannot be.
fn read_pages(bytes: &[u8]) -> std::result::Result<Vec<String>, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        // Encrypted for permissions only: the empty password opens it.
        doc.decrypt("")?;
    }
    let mut pages = Vec::new();
    // The columns of the table the page before ended with: a row it cut goes on on this page.
    let mut carried: Option<Vec<f64>> = None;
    for page in 1.. {
        let mut drawing = PageDrawing::new();
        if pdf_extract::output_doc_page(&doc, &mut drawing, page).is_err() {
            break;
        }
        let (text, columns) = drawing.into_text(carried.as_deref());
        pages.push(text);
        carried = columns;
    }
    Ok(pages)
}

/// A table row that ends `text` joined cell by cell with `rest`, the rest of it after a page break
/// (`| | | los Datos Abiertos | |`: its first cell empty, as many cells).
fn joined_row(text: &str, rest: &str) -> Option<String> {
    let cells = |row: &str| -> Option<Vec<String>> {
        let inner = row.trim().strip_prefix('|')?.strip_suffix('|')?;
        Some(inner.split('|').map(|c| c.trim().to_string()).collect())
    };
    let last = text.trim_end_matches('\n').rsplit('\n').next()?;
    let (before, after) = (cells(last)?, cells(rest)?);
    if before.len() != after.len() || !after[0].is_empty() || after.iter().all(String::is_empty) {
        return None;
    }
    let joined: Vec<String> = before
        .iter()
        .zip(&after)
        .map(|(b, a)| match (b.is_empty(), a.is_empty()) {
            (_, true) => b.clone(),
            (true, false) => a.clone(),
            (false, false) => format!("{b} {a}"),
        })
        .collect();
    Some(format!("| {} |", joined.join(" | ")))
}

/// A line that starts a list item: a bullet (a symbol font's private-use glyph too), a dash or
/// a number ("1.", "2)").
pub(crate) fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if matches!(c, '•' | '-' | '–' | '*' | '·' | '▪' | '◦') || ('\u{E000}'..='\u{F8FF}').contains(&c) => {
            true
        }
        Some(c) if c.is_ascii_digit() => {
            let rest: String = chars.take_while(|c| !c.is_whitespace()).collect();
            rest.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['.', ')'])
        }
        _ => false,
    }
}

thread_local! {
    /// Set while this thread runs the PDF reader: its panics are reported as the file's error.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic, with the panic hook silent on this thread meanwhile (the process's
/// hook, once wrapped, still speaks for every other panic).
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static WRAP: std::sync::Once = std::sync::Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result
}

/// A line with its digits as '#': "Page 3 of 12" and "Page 4 of 12" are the same footer.
fn shape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_digits = false;
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// A line that fills its page's width (`widest`, in characters), or stops after a short lower-case
/// word ("de", "of", "la"), which ends a line only where the width cut it.
fn fills_width(line: &str, widest: usize) -> bool {
    let last_word = line.rsplit(' ').next().unwrap_or("");
    let cut_after_small_word =
        (1..=3).contains(&last_word.chars().count()) && last_word.chars().all(char::is_lowercase);
    line.chars().count() * 100 >= widest * FULL_LINE_PERCENT || cut_after_small_word
}

/// A dash with spaces this near a line's start parts an entry's name from its affiliation.
const ENTRY_DASH_CHARS: usize = 50;

/// A line written as an entry of a list: a name, a spaced dash and what follows ("Ana Ruiz –
/// Representante da Secretaria", "Luis Paz - Director").
fn is_entry(line: &str) -> bool {
    let head: String = line.trim_start().chars().take(ENTRY_DASH_CHARS).collect();
    head.chars().next().is_some_and(char::is_uppercase) && [" – ", " — ", " - "].iter().any(|d| head.contains(d))
}

/// A line that opens a list item or a field ("Moderadora: ..."): never the rest of the line before.
fn is_item_or_field(line: &str) -> bool {
    starts_item(line) || line.char_indices().take_while(|(i, _)| *i < FIELD_LABEL_BYTES).any(|(_, c)| c == ':')
}

/// The words of a line that is only a page number, lower case: the packs' page words and the words
/// between a page's number and the count ("Página 3 de 12").
static PAGE_LINE_WORDS: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
    let lexicon = acta_lexicon::Lexicon::bundled();
    let words = lexicon.class(acta_lexicon::WordClass::PageWord).chain(lexicon.class(acta_lexicon::WordClass::PageOf));
    words.map(str::to_lowercase).collect()
});

/// A line that is only a page number: "3", "- 3 -", "Page 3", "3 / 12", "Página 3 de 12".
fn is_page_number(line: &str) -> bool {
    let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let numbers = words.iter().filter(|w| w.chars().all(|c| c.is_ascii_digit())).count();
    let others_are_page_words = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .all(|w| PAGE_LINE_WORDS.contains(w.to_lowercase().as_str()));
    (1..=2).contains(&numbers) && words.len() <= 4 && others_are_page_words
}

/// A running header or footer removed: its line as first seen, and from how many pages.
#[derive(Default)]
struct Furniture {
    line: Option<String>,
    pages: usize,
}

impl Furniture {
    /// `line` removed from the current page (`on_this_page` says whether it already counted).
    fn remove(&mut self, line: &str, on_this_page: &mut bool) {
        if !*on_this_page {
            self.line.get_or_insert_with(|| line.trim().to_string());
            self.pages += 1;
        }
        *on_this_page = true;
    }
}

/// A line of a page as the reader gave it: its text, and whether it ended in a space (the
/// producer wrapped a paragraph there: the next line goes on with it).
#[derive(Clone, Copy)]
struct PageLine<'a> {
    text: &'a str,
    wrapped: bool,
    /// It ends in a hyphen that joins a compound cut there ("Muente-" / "Kunigami"): the next line
    /// goes on right after it, without a space.
    glued: bool,
}

/// Whether a line ending in `before` and a line starting with `after` are a compound word the line
/// break cut after its hyphen: a letter and a hyphen, then a capital ("Lokeni-" / "Sapolu",
/// "EU-" / "LAC"). A hyphen before a lower-case word is hyphenation, left to the layout stage.
fn compound_cut(before: &str, after: &str) -> bool {
    let mut end = before.chars().rev();
    end.next() == Some('-')
        && end.next().is_some_and(char::is_alphabetic)
        && after.trim_start().chars().next().is_some_and(char::is_uppercase)
}

/// The pages' lines joined, with running headers, footers and page numbers out, and the lines of
/// a wrapped paragraph joined again.
fn assemble(pages: &[String], remove_running_lines: bool) -> PdfText {
    // Non-blank lines of each page; a blank line is kept as a paragraph break (`None`).
    let lines: Vec<Vec<Option<PageLine>>> = pages
        .iter()
        .map(|p| {
            p.lines()
                .map(|l| {
                    let text = l.trim_end();
                    (!text.trim().is_empty()).then_some(PageLine { text, wrapped: l.ends_with(' '), glued: false })
                })
                .collect::<Vec<_>>()
        })
        .map(|mut page: Vec<Option<PageLine>>| {
            // Producers do not always leave the space where they wrapped a line. A line also goes
            // on into the next when it stops inside a sentence (a letter or a comma at its end)
            // and either the next starts in lower case or the line fills the page's width; not
            // when the next line is a list item or a field ("Moderadora: ...").
            let widest = page.iter().flatten().map(|l| l.text.chars().count()).max().unwrap_or(0);
            // On a narrow page a wrapped line is shorter than WRAPPED_MIN_CHARS.
            let wrapped_min = WRAPPED_MIN_CHARS.min(widest * WRAPPED_MIN_PERCENT / 100);

            for i in 0..page.len().saturating_sub(1) {
                if let (Some(line), Some(next)) = (page[i], page[i + 1]) {
                    let chars = line.text.chars().count();
                    let open = line.text.chars().next_back().is_some_and(|c| c.is_alphabetic() || c == ',');
                    let next_start = next.text.trim_start();
                    let continues = next_start.chars().next().is_some_and(char::is_lowercase);
                    let full = fills_width(line.text, widest);
                    // A paragraph that starts as an entry ("Name – Affiliation", maybe wrapped) and
                    // a next line of the same shape are two entries of a list, however wide the line.
                    let mut start = i;
                    while start > 0 && page[start - 1].is_some_and(|l| l.wrapped) {
                        start -= 1;
                    }
                    let entries = is_entry(next_start) && page[start].is_some_and(|l| is_entry(l.text));
                    if open
                        && !is_item_or_field(next_start)
                        && !entries
                        && ((continues && chars >= wrapped_min) || full)
                    {
                        page[i] = Some(PageLine { wrapped: true, ..line });
                    } else if compound_cut(line.text, next_start) {
                        page[i] = Some(PageLine { glued: true, ..line });
                    }
                }
            }
            page
        })
        .collect();
    let texts: Vec<Vec<&str>> = lines.iter().map(|p| p.iter().flatten().map(|l| l.text).collect()).collect();
    // Each page's widest line, for a page's last line that fills the width.
    let widest: Vec<usize> = texts.iter().map(|p| p.iter().map(|l| l.chars().count()).max().unwrap_or(0)).collect();
    let with_text = texts.iter().filter(|l| !l.is_empty()).count();
    let needed = match remove_running_lines {
        true => ((with_text as f64) * FURNITURE_SHARE).ceil().max(FURNITURE_MIN_PAGES as f64) as usize,
        false => usize::MAX,
    };
    // The shapes of the first and last two lines of each page, counted over the pages.
    let mut top: HashMap<String, usize> = HashMap::new();
    let mut bottom: HashMap<String, usize> = HashMap::new();
    for page in &texts {
        // Each shape once per page: a title under a header that repeats it is not a second page.
        let mut seen_top: Vec<String> = page.iter().take(HEADER_MAX_LINES).map(|l| shape(l)).collect();
        seen_top.sort_unstable();
        seen_top.dedup();
        for s in seen_top {
            *top.entry(s).or_default() += 1;
        }
        let mut seen_bottom: Vec<String> = page.iter().rev().take(2).map(|l| shape(l)).collect();
        seen_bottom.sort_unstable();
        seen_bottom.dedup();
        for s in seen_bottom {
            *bottom.entry(s).or_default() += 1;
        }
    }
    let running = |counts: &HashMap<String, usize>, line: &str| counts.get(&shape(line)).is_some_and(|&n| n >= needed);
    let (mut header, mut footer) = (Furniture::default(), Furniture::default());
    let mut page_numbers = 0;
    let mut kept: Vec<Vec<Option<PageLine>>> = Vec::new();
    for page in &lines {
        let non_blank: Vec<usize> = (0..page.len()).filter(|&i| page[i].is_some()).collect();
        let mut drop = vec![false; page.len()];
        // The running header: the page's first lines while they are running (a long header wraps
        // over several lines), each shape once, so that the title under the header stays.
        let mut header_here = false;
        let mut shapes_removed: Vec<String> = Vec::new();
        // A number alone on its line is a page number, unless the line before was wrapped into it
        // (a header or title "... 6 février" / "2024").
        let page_number_at = |i: usize| {
            let after_wrap = i > 0 && page[i - 1].is_some_and(|l| l.wrapped);
            is_page_number(page[i].map_or("", |l| l.text)) && !after_wrap
        };
        for &i in non_blank.iter().take(HEADER_MAX_LINES) {
            let line = page[i].map_or("", |l| l.text);
            let line_shape = shape(line);
            if shapes_removed.contains(&line_shape) || !(running(&top, line) || page_number_at(i)) {
                break;
            }
            drop[i] = true;
            shapes_removed.push(line_shape);
            match page_number_at(i) {
                true => page_numbers += 1,
                false => header.remove(line, &mut header_here),
            }
        }
        let mut footer_here = false;
        for &i in non_blank.iter().rev().take(2) {
            let line = page[i].map_or("", |l| l.text);
            if drop[i] || !(running(&bottom, line) || page_number_at(i)) {
                break;
            }
            drop[i] = true;
            match page_number_at(i) {
                true => page_numbers += 1,
                false => footer.remove(line, &mut footer_here),
            }
        }
        // The header's lines again under it are the document's title (a report's running header is
        // often its title): a paragraph of their own, whatever the width says of its last line.
        let rest: Vec<usize> = non_blank.iter().copied().filter(|&i| !drop[i]).collect();
        let title_end = (!shapes_removed.is_empty()
            && rest.len() > shapes_removed.len()
            && rest.iter().zip(&shapes_removed).all(|(&i, s)| shape(page[i].map_or("", |l| l.text)) == *s))
        .then(|| rest[shapes_removed.len() - 1]);
        let mut kept_page = Vec::with_capacity(page.len() + 1);
        for (i, line) in page.iter().enumerate() {
            if drop[i] {
                continue;
            }
            match (title_end == Some(i), line) {
                (true, Some(l)) => kept_page.extend([Some(PageLine { wrapped: false, glued: false, ..*l }), None]),
                _ => kept_page.push(*line),
            }
        }
        kept.push(kept_page);
    }
    let mut removed = Vec::new();
    let pages_count = pages.len();
    for (name, furniture) in [("header", header), ("footer", footer)] {
        if let Some(line) = furniture.line {
            removed.push(format!("running {name} \"{line}\" removed from {} of {pages_count} pages", furniture.pages));
        }
    }
    if page_numbers > 0 {
        removed.push(format!("{page_numbers} page numbers removed"));
    }
    // Lines joined: a wrapped line goes on after a space; a blank line is a paragraph break. Pages
    // joined: a sentence cut by the page break (the page ends without a stop, the next one starts
    // in lower case) goes on; otherwise a blank line, as between paragraphs.
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(kept.len());
    // Pages with no text yet to be given a start: the start of the next page with text.
    let mut pending = 0;
    // Whether the last page with text ended on a line as wide as the page: a sentence the page's
    // width wrapped and the page break cut.
    let mut last_line_full = false;
    for (page, widest) in kept.iter().zip(&widest) {
        if !page.iter().any(Option::is_some) {
            pending += 1;
            continue;
        }
        let mut first = page.iter().flatten().next().map_or("", |l| l.text);
        // The rest of a table row the page break cut (a row whose first cell is empty, read by
        // the page's drawing) joins the row the page before ended with, cell by cell.
        let mut lines = page.iter().peekable();
        if let Some(merged) = joined_row(&text, first) {
            let last_line_start = text.trim_end_matches('\n').rfind('\n').map_or(0, |i| i + 1);
            text.truncate(last_line_start);
            text.push_str(&merged);
            text.push('\n');
            // Skip the page's blank lines and its first line, which is now in the row.
            while lines.next_if(|l| l.is_none()).is_some() {}
            lines.next();
            first = lines.clone().flatten().next().map_or("", |l| l.text);
            if first.is_empty() {
                page_starts.extend(std::iter::repeat_n(text.len(), pending + 1));
                pending = 0;
                continue;
            }
        }
        if !text.is_empty() {
            // The last line was wrapped (it ended in a space), or it stops inside a sentence that
            // the next page goes on with in lower case.
            let wrapped = text.ends_with(' ');
            let open = text.trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ',');
            let first_start = first.trim_start();
            let continues = first_start.chars().next().is_some_and(char::is_lowercase)
                || (last_line_full && !is_item_or_field(first_start));
            if compound_cut(text.trim_end(), first_start) {
                while text.ends_with('\n') || text.ends_with(' ') {
                    text.pop();
                }
            } else if wrapped || (open && continues) {
                while text.ends_with('\n') || text.ends_with(' ') {
                    text.pop();
                }
                text.push(' ');
            } else {
                while text.ends_with('\n') {
                    text.pop();
                }
                text.push_str("\n\n");
            }
        }
        page_starts.extend(std::iter::repeat_n(text.len(), pending + 1));
        pending = 0;
        last_line_full = page.iter().flatten().last().is_some_and(|l| fills_width(l.text, *widest));
        // Blank lines count between this page's lines only: before its first one, the page's own
        // top margin (or a header removed) is no paragraph break.
        let (mut blank, mut started) = (false, false);
        for line in lines {
            match line {
                None => blank = started,
                Some(line) => {
                    started = true;
                    if blank {
                        while text.ends_with(' ') || text.ends_with('\n') {
                            text.pop();
                        }
                        text.push_str("\n\n");
                        blank = false;
                    }
                    let content = if text.ends_with(' ') { line.text.trim_start() } else { line.text };
                    // A bullet drawn from a symbol font arrives as a private-use character.
                    let mut chars = content.trim_start().chars();
                    match chars.next() {
                        Some(c) if ('\u{E000}'..='\u{F8FF}').contains(&c) => {
                            text.push_str("• ");
                            text.push_str(chars.as_str().trim_start());
                        }
                        _ => text.push_str(content),
                    }
                    if !line.glued {
                        text.push(if line.wrapped { ' ' } else { '\n' });
                    }
                }
            }
        }
    }
    let mut text = text.trim_end().to_string();
    text.push('\n');
    page_starts.extend(std::iter::repeat_n(text.len(), pending));
    PdfText { text, pages: pages_count, page_starts, removed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_header_footer_and_page_numbers_leave_and_cut_sentences_join() {
        let pages: Vec<String> = vec![
            "Forum Report 2024\nThe minister opened the forum and the\n- 1 -\n".into(),
            "Forum Report 2024\ndelegates discussed open data.\nThe network met again.\n- 2 -\n".into(),
            "Forum Report 2024\nFinal remarks.\n- 3 -\n".into(),
        ];
        let t = assemble(&pages, true);
        assert_eq!(
            t.text,
            "The minister opened the forum and the delegates discussed open data.\nThe network met again.\n\nFinal remarks.\n"
        );
        assert!(t.removed.iter().any(|r| r.contains("running header \"Forum Report 2024\" removed from 3 of 3 pages")));
        assert!(t.removed.iter().any(|r| r.contains("3 page numbers removed")), "{:?}", t.removed);
        // Page 2 starts with the words that go on the cut sentence, page 3 with its own paragraph.
        let starts: Vec<&str> = t.page_starts.iter().map(|&s| &t.text[s..]).collect();
        assert!(starts[0].starts_with("The minister") && starts[1].starts_with("delegates discussed"));
        assert!(starts[2].starts_with("Final remarks"), "{starts:?}");
    }

    #[test]
    fn the_title_under_its_running_header_stays_whole_and_apart() {
        // The header wraps over three lines, the last a year; the title repeats it on page 1.
        let head = "Atelier national sur la protection des \ndonnées personnelles – Dakar, 6 février \n2024\n";
        let pages: Vec<String> = vec![
            format!("{head}{head}L'atelier a réuni une centaine de participants venus des\nadministrations.\n1\n"),
            format!("{head}Les participants ont salué le travail accompli.\n2\n"),
        ];
        let t = assemble(&pages, true);
        assert!(
            t.text.starts_with(
                "Atelier national sur la protection des données personnelles – Dakar, 6 février 2024\n\nL'atelier"
            ),
            "{}",
            t.text
        );
        assert!(t.removed.iter().any(|r| r == "2 page numbers removed"), "{:?}", t.removed);
    }

    #[test]
    fn entries_of_a_list_stay_apart_however_wide_their_lines() {
        let pages: Vec<String> = vec![
            "Estiveram presentes os conselheiros:\nRogério Vieira da Costa – Representante da \nUniversidade Federal de Santa Catarina\nTânia Regina Schmitt – Representante dos \nusuários do SUS\n".into(),
        ];
        let t = assemble(&pages, true);
        assert!(t.text.contains("Santa Catarina\nTânia Regina Schmitt – Representante dos usuários"), "{}", t.text);
    }

    #[test]
    fn a_page_ending_on_a_full_line_goes_on_into_the_next_page_even_in_capitals() {
        let pages: Vec<String> = vec![
            "Annual Report\nThe session heard the director of the statistics\noffice, Ana Ruiz, of the Agency for Electronic\n".into(),
            "Annual Report\nGovernment, who closed the meeting.\nNext Steps\n".into(),
            "Annual Report\nThe board will meet in May.\nModerator: Luis Paz\n".into(),
        ];
        let t = assemble(&pages, true);
        assert!(t.text.contains("of the Agency for Electronic Government, who closed"), "{}", t.text);
        // A page ending on a short line, or a page whose next line is a field, starts a paragraph.
        assert!(t.text.contains("Next Steps\n\nThe board"), "{}", t.text);
    }

    #[test]
    fn a_compound_cut_after_its_hyphen_is_one_word_and_a_title_under_its_header_stays() {
        let pages: Vec<String> = vec![
            "Forum Report\nForum Report\nSpeaking for the bank, Arturo Muente-\nKunigami said that the EU-\n".into(),
            "Forum Report\nLAC alliance will grow. A word cut by hyphen-\nation is left to the layout stage.\n".into(),
        ];
        let t = assemble(&pages, true);
        assert!(t.text.contains("Arturo Muente-Kunigami said"), "{}", t.text);
        assert!(t.text.contains("the EU-LAC alliance"), "{}", t.text);
        assert!(t.text.contains("hyphen-\nation"), "{}", t.text);
        // The header is on both pages; the title under it on page 1 is counted once per page, so a
        // document of one page keeps both lines. The title is a paragraph of its own.
        assert!(t.text.starts_with("Forum Report\n\nSpeaking"), "{}", t.text);
        let one = assemble(&["Forum Report\nForum Report\nThe forum met.\n".to_string()], true);
        assert_eq!(one.text.matches("Forum Report").count(), 2, "{}", one.text);
        assert!(one.removed.is_empty(), "{:?}", one.removed);
    }

    #[test]
    fn a_table_row_cut_by_a_page_break_is_joined() {
        let pages: Vec<String> = vec![
            "Panel\n\n| Nombre | Institución | País |\n| Ana Ruiz | Agencia de | Chile |\n".into(),
            "| | Gobierno Digital | |\n\nConclusiones del panel.\n".into(),
        ];
        let t = assemble(&pages, true);
        assert!(t.text.contains("| Ana Ruiz | Agencia de Gobierno Digital | Chile |\n\nConclusiones"), "{}", t.text);
        // Not a row's rest: a row of its own, or a row of another shape.
        assert_eq!(joined_row("| a | b |\n", "| c | d |"), None);
        assert_eq!(joined_row("| a | b |\n", "| | c | d |"), None);
        assert_eq!(joined_row("text\n", "| | c |"), None);
    }

    #[test]
    fn a_page_with_no_text_starts_where_the_next_one_does() {
        let pages: Vec<String> = vec!["First page.\n".into(), "\n".into(), "Third page.\n".into(), " \n".into()];
        let t = assemble(&pages, true);
        assert_eq!(t.text, "First page.\n\nThird page.\n");
        assert_eq!(t.page_starts, vec![0, 13, 13, t.text.len()]);
    }

    #[test]
    fn a_line_on_one_page_only_stays_and_page_number_shapes() {
        let pages: Vec<String> = vec![
            "Acta de la reunión\nSe aprobó el presupuesto.\nPágina 1 de 2\n".into(),
            "Otro punto.\nPágina 2 de 2\n".into(),
        ];
        let t = assemble(&pages, true);
        assert!(t.text.starts_with("Acta de la reunión\n"), "{}", t.text);
        assert!(!t.text.contains("Página"));
        assert!(is_page_number("Page 3") && is_page_number("3 / 12") && is_page_number("12"));
        assert!(!is_page_number("Article 3 of the law") && !is_page_number("2024 Forum"));
    }

    #[test]
    fn a_document_of_running_lines_only_keeps_them() {
        // Found by `make fuzz`: two pages holding the same title and nothing else.
        let pages: Vec<String> = vec!["Acta de la reunión\n".into(), "Acta de la reunión\n".into()];
        let t = assemble(&pages, true);
        assert!(t.text.trim().is_empty());
        let bytes = include_bytes!("../../../fuzz/seeds/pdf/title-only.pdf");
        let t = pdf_to_text(bytes).unwrap();
        assert!(t.text.contains("ACTA DE LA REUNIÓN"), "{}", t.text);
        assert!(t.removed.is_empty());
    }

    #[test]
    fn a_file_the_reader_panics_on_is_an_error() {
        // Found by `make fuzz`: an object reference to nothing makes pdf-extract panic.
        let bytes = include_bytes!("../../../fuzz/seeds/pdf/missing-object.pdf");
        let err = pdf_to_text(bytes).unwrap_err().to_string();
        assert!(err.contains("the reader failed"), "{err}");
    }

    #[test]
    fn not_a_pdf_and_corrupt_files_are_errors() {
        let err = |b: &[u8]| pdf_to_text(b).unwrap_err().to_string();
        assert!(err(b"hello").contains("not a PDF"));
        assert!(err(b"%PDF-1.7\n1 0 obj\n<<").contains("corrupt or truncated"), "{}", err(b"%PDF-1.7\n1 0 obj\n<<"));
    }
}
