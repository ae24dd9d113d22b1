//! One PDF page as the reader draws it: its text as pdf-extract's plain-text output writes it,
//! and where every glyph sits, so that a table drawn cell by cell (a speaker table: name,
//! title, organisation, country) becomes `| cell | cell |` rows, as Word tables do, instead of
//! its cells' lines run together.

use std::ops::Range;

use euclid::{vec2, Transform2D};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Runs further apart than this (in font sizes) on one line are in different cells: a word
/// space is about a quarter of it, a cell's padding on both sides more.
const CELL_GAP: f64 = 0.4;
/// A cell holds at most this many lines: a column of running text is not a cell.
const MAX_CELL_LINES: usize = 8;
/// A line this many times the page's usual line spacing below the one before starts a paragraph.
const PARAGRAPH_SPACING: f64 = 1.3;
/// A cell's lines start within this many points of one another (left-aligned cells).
const ALIGN_POINTS: f64 = 2.0;

/// A glyph drawn: where (y grows down the page), how big, and where its text is in the page's.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    /// The glyph's text in the page text, and where the separators written before it start.
    text: Range<usize>,
    separators_start: usize,
}

/// The page's text, written as pdf-extract's `PlainTextOutput` writes it, and its glyphs.
pub(crate) struct PageDrawing {
    text: String,
    glyphs: Vec<Glyph>,
    flip_ctm: Transform,
    last_end: f64,
    last_y: f64,
    first_char: bool,
}

impl PageDrawing {
    pub(crate) fn new() -> Self {
        PageDrawing {
            text: String::new(),
            glyphs: Vec::new(),
            flip_ctm: Transform2D::identity(),
            last_end: 100000.,
            last_y: 0.,
            first_char: false,
        }
    }

    /// The page's text, each table found in it written as `| cell | cell |` rows; and the columns
    /// of the table the page ends with, if it does, for the next page. `carried`: the columns of
    /// the table the page before ended with. Lines at the top of this page in its second column or
    /// further (after at most a running header) are the rest of that table's last row, cut by the
    /// page break: they are written as a row whose first cell is empty, which the pages' assembly
    /// joins to the row before.
    pub(crate) fn into_text(self, carried: Option<&[f64]>) -> (String, Option<Vec<f64>>) {
        let breaks = self.paragraph_ends();
        let mut runs = runs(&self.glyphs, &self.text, &[]);
        let mut tables = tables(&runs);
        if tables.is_empty() && carried.is_none() {
            return (with_breaks(&self.text, 0..self.text.len(), &breaks), None);
        }
        if !tables.is_empty() {
            // A cell's text that runs up to the next column ("Institución País" in a header) is
            // two cells: read again, splitting where a word starts at a column of a table found.
            let splits: Vec<Split> = tables.iter().flat_map(|t| t.splits(&runs)).collect();
            runs = self::runs(&self.glyphs, &self.text, &splits);
            tables = self::tables(&runs);
        }
        // Replacements of runs by rows, in drawing order.
        let mut rows: Vec<(Range<usize>, String)> =
            tables.iter().map(|t| (t.runs.clone(), format!("\n\n{}\n\n", t.rows(&runs)))).collect();
        if let Some((cut, row)) = carried.and_then(|columns| cut_row_rest(&runs, columns)) {
            if rows.first().is_none_or(|(r, _)| r.start >= cut.end) {
                rows.insert(0, (cut, format!("\n{row}\n\n")));
            }
        }
        // The page ends with its last table when at most a page number follows it.
        let ends_with_table = tables.last().filter(|t| {
            let after = &runs[t.runs.end..];
            after.is_empty() || after.len() == 1 && after[0].text.chars().count() <= 12
        });
        let columns = ends_with_table.map(|t| t.columns.clone());
        if rows.is_empty() {
            return (with_breaks(&self.text, 0..self.text.len(), &breaks), columns);
        }
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for (range, row) in &rows {
            let first = &self.glyphs[runs[range.start].glyphs.start];
            let last = &self.glyphs[runs[range.end - 1].glyphs.end - 1];
            out.push_str(&with_breaks(&self.text, at..first.separators_start, &breaks));
            out.push_str(row);
            at = last.text.end;
        }
        out.push_str(&with_breaks(&self.text, at..self.text.len(), &breaks));
        (out, columns)
    }

    /// Where a paragraph ends without a blank line after it, by where the next line sits: a line
    /// further below the one before than the page's usual line spacing (a heading's or a
    /// paragraph's space above: "... Telecommunications Association" / "Report"), or the first
    /// line after a list item (a bullet or number drawn at its start) that starts left of the
    /// item's text with a capital, on a page whose items wrap under their text ("• Elif Yilmaz,
    /// Stiftung Digitale Chancen" / "Das Fachforum fragt ..."). Byte offsets in the page's text where a
    /// line break is added.
    fn paragraph_ends(&self) -> Vec<usize> {
        // Each non-blank line: where it starts in the text, its first glyph, and the first glyph
        // of its text after a list marker if it has one.
        let mut lines: Vec<(usize, &Glyph, Option<f64>, bool)> = Vec::new();
        let mut glyph = 0;
        let mut line_start = 0;
        for line in self.text.split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let content = line.trim();
            while glyph < self.glyphs.len() && self.glyphs[glyph].text.start < start {
                glyph += 1;
            }
            let first = self.glyphs.get(glyph).filter(|g| g.text.start < line_start);
            let (Some(first), false) = (first, content.is_empty()) else {
                if let Some(last) = lines.last_mut() {
                    last.3 = true;
                }
                continue;
            };
            let item_text = is_item_marker_line(content).then(|| {
                let marker_end = start + (line.len() - line.trim_start().len()) + content.find(' ').unwrap_or(0);
                self.glyphs[glyph..]
                    .iter()
                    .take_while(|g| g.text.start < line_start)
                    .find(|g| g.text.start > marker_end && !self.text[g.text.clone()].trim().is_empty())
                    .map_or(first.x, |g| g.x)
            });
            lines.push((start, first, item_text, false));
        }
        // The usual spacing, in font sizes: the median step down from one line to the next of
        // the same size (a heading in a larger font steps further, as many sizes).
        let mut steps: Vec<f64> = lines
            .windows(2)
            .filter(|w| !w[0].3 && (w[0].1.size - w[1].1.size).abs() < 0.5 && w[1].1.y > w[0].1.y)
            .map(|w| (w[1].1.y - w[0].1.y) / w[1].1.size)
            .collect();
        steps.sort_by(f64::total_cmp);
        let usual = steps.get(steps.len() / 2).copied();
        // Items are drawn with a hanging indent when some line that is no item starts under an
        // item's text; numbered items wrapped under their numbers have none to go by.
        let item_texts: Vec<f64> = lines.iter().filter_map(|l| l.2).collect();
        let hanging =
            lines.iter().any(|l| l.2.is_none() && item_texts.iter().any(|&x| (l.1.x - x).abs() <= ALIGN_POINTS));
        let mut out = Vec::new();
        let mut item_text: Option<f64> = None;
        for w in lines.windows(2) {
            let (before, line) = (&w[0], &w[1]);
            if before.3 {
                // A blank line is there already.
                item_text = line.2;
                continue;
            }
            item_text = before.2.or(item_text);
            let step = (line.1.y - before.1.y) / line.1.size.max(before.1.size);
            let spaced = usual.is_some_and(|u| step > u * PARAGRAPH_SPACING && step < u * 4.0);
            // (A line in lower case goes on with the item, wrapped under its number.)
            let capital = self.text[line.0..].trim_start().starts_with(char::is_uppercase);
            let out_of_item =
                hanging && capital && line.2.is_none() && item_text.is_some_and(|x| line.1.x < x - ALIGN_POINTS);
            if spaced || out_of_item {
                out.push(line.0);
                item_text = None;
            }
            if line.2.is_some() {
                item_text = line.2;
            }
        }
        out
    }
}

/// A line that starts with a list's marker and a space: "•", "-", a symbol font's bullet, "1.".
fn is_item_marker_line(line: &str) -> bool {
    line.split_once(' ').is_some_and(|(marker, _)| {
        crate::pdf::starts_item(marker) && (marker.chars().count() == 1 || marker.ends_with(['.', ')']))
    })
}

/// `text[range]`, with a line break added at each of `breaks` inside it (a blank line after the
/// line before).
fn with_breaks(text: &str, range: Range<usize>, breaks: &[usize]) -> String {
    let mut out = String::with_capacity(range.len() + 8);
    let mut at = range.start;
    for &b in breaks.iter().filter(|&&b| b > range.start && b < range.end) {
        out.push_str(&text[at..b]);
        out.push('\n');
        at = b;
    }
    out.push_str(&text[at..range.end]);
    out
}

/// The rest of a table row the page break cut, at the top of a page: after at most three lines
/// of running header, the runs that start at the table's second column or further. Their runs
/// and the row they make, its first cell empty.
fn cut_row_rest(runs: &[Run], columns: &[f64]) -> Option<(Range<usize>, String)> {
    let beyond_first = |r: &Run| columns.iter().skip(1).any(|&c| (c - r.x0).abs() <= ALIGN_POINTS);
    let start = runs.iter().take(4).position(beyond_first)?;
    // What comes before is a running header, above it; a run level with it starts a new row.
    if runs[..start].iter().any(|r| r.y > runs[start].y - runs[start].size * 0.5) {
        return None;
    }
    let end = start + runs[start..].iter().take_while(|r| beyond_first(r)).count();
    let mut cells = vec![Vec::new(); columns.len()];
    for run in &runs[start..end] {
        cells[column_of(columns, run.x0)].push(run.clone());
    }
    let cells: Vec<String> = cells.iter().map(|c| cell_text(c, None)).collect();
    Some((start..end, format!("| {} |", cells.join(" | "))))
}

/// The same decisions as pdf-extract's `PlainTextOutput` (so that a page without tables reads
/// exactly as it always did), with each glyph's place kept.
impl OutputDev for PageDrawing {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.flip_ctm = Transform2D::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        c: &str,
    ) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip_ctm);
        let size_vec = trm.transform_vector(vec2(font_size, font_size));
        let size = (size_vec.x * size_vec.y).sqrt();
        let (x, y) = (position.m31, position.m32);
        let separators_start = self.text.len();
        if self.first_char {
            if (y - self.last_y).abs() > size * 1.5 {
                self.text.push('\n');
            }
            if x < self.last_end && (y - self.last_y).abs() > size * 0.5 {
                self.text.push('\n');
            }
            if x > self.last_end + size * 0.1 {
                self.text.push(' ');
            }
        }
        let start = self.text.len();
        self.text.push_str(c);
        let end = x + width * size;
        self.glyphs.push(Glyph { x, y, end, size, text: start..self.text.len(), separators_start });
        self.first_char = false;
        self.last_y = y;
        self.last_end = end;
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.first_char = true;
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Glyphs drawn one after another on one line without a cell's gap between them.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    glyphs: Range<usize>,
    text: String,
}

/// A column's start, between two heights of the page: a word starting there starts a cell.
#[derive(Debug, Clone, Copy)]
struct Split {
    x: f64,
    top: f64,
    bottom: f64,
}

fn runs(glyphs: &[Glyph], text: &str, splits: &[Split]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        let glyph_text = &text[g.text.clone()];
        if let Some(run) = runs.last_mut() {
            let same_line = (g.y - run.y).abs() <= run.size * 0.5;
            let near = g.x >= run.x1 - run.size * 0.5 && g.x <= run.x1 + run.size * CELL_GAP;
            let word_start = g.x > run.x1 + run.size * 0.1;
            let at_column = |s: &Split| {
                (g.x - s.x).abs() <= ALIGN_POINTS && g.x > run.x0 + ALIGN_POINTS && (s.top..=s.bottom).contains(&g.y)
            };
            if same_line && near && !(word_start && splits.iter().any(at_column)) {
                // A space the producer drew, or a gap left for one.
                if !glyph_text.trim().is_empty() && g.x > run.x1 + run.size * 0.1 && !run.text.ends_with(' ') {
                    run.text.push(' ');
                }
                run.text.push_str(glyph_text);
                run.x1 = run.x1.max(g.end);
                run.glyphs.end = i + 1;
                continue;
            }
        }
        if glyph_text.trim().is_empty() {
            // A space glyph starts no run; it joins the one before it when one is near.
            if let Some(run) = runs.last_mut().filter(|r| r.glyphs.end == i) {
                run.glyphs.end = i + 1;
            }
            continue;
        }
        runs.push(Run { x0: g.x, x1: g.end, y: g.y, size: g.size, glyphs: i..i + 1, text: glyph_text.to_string() });
    }
    for run in &mut runs {
        let trimmed = run.text.trim_end().len();
        run.text.truncate(trimmed);
    }
    runs
}

/// A cell: its runs (one per line, in order), where it starts, its top and its bottom line.
#[derive(Debug, Clone)]
struct Cell {
    runs: Range<usize>,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
}

/// A table found on a page: its runs (contiguous in drawing order), rows of cells, and the
/// x where each column starts.
#[derive(Debug)]
struct Table {
    runs: Range<usize>,
    rows: Vec<Vec<Cell>>,
    columns: Vec<f64>,
}

impl Table {
    /// Where the table's columns start, over its height.
    fn splits(&self, runs: &[Run]) -> Vec<Split> {
        let (top, bottom) =
            (runs[self.runs.start].y, runs[self.runs.clone()].iter().map(|r| r.y).fold(f64::MIN, f64::max));
        self.columns.iter().map(|&x| Split { x, top, bottom }).collect()
    }

    /// `| cell | cell |` lines, one per row, each cell in its column (an empty cell stays one).
    fn rows(&self, runs: &[Run]) -> String {
        // The widest line of each column: a word wider than it could not be drawn on one line.
        let mut widest = vec![0.0_f64; self.columns.len()];
        for cell in self.rows.iter().flatten() {
            let column = column_of(&self.columns, cell.x0);
            widest[column] = runs[cell.runs.clone()].iter().map(|r| r.x1 - r.x0).fold(widest[column], f64::max);
        }
        let mut lines = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let mut cells = vec![String::new(); self.columns.len()];
            for cell in row {
                let column = column_of(&self.columns, cell.x0);
                cells[column] = cell_text(&runs[cell.runs.clone()], Some(widest[column]));
            }
            lines.push(format!("| {} |", cells.join(" | ")));
        }
        lines.join("\n")
    }
}

fn column_of(columns: &[f64], x0: f64) -> usize {
    columns.iter().position(|&c| (c - x0).abs() <= ALIGN_POINTS).unwrap_or(0)
}

/// A cell's lines as one line, joined by spaces; a hyphen at a line's end before a lower-case
/// line is the hyphenation's, and goes. A word too wide for its column is cut without a hyphen
/// ("Investigad" / "ora"); `widest_line` (the column's widest line) tells it from a line wrapped
/// between two words, see [`is_cut_word`].
fn cell_text(lines: &[Run], widest_line: Option<f64>) -> String {
    let mut text = String::new();
    let mut previous: Option<&Run> = None;
    for line in lines {
        if let Some(before) = previous {
            let continues = line.text.chars().next().is_some_and(char::is_lowercase);
            if continues && text.ends_with('-') && text[..text.len() - 1].ends_with(char::is_alphabetic) {
                text.pop();
            } else if !widest_line.is_some_and(|widest| is_cut_word(before, line, widest)) {
                text.push(' ');
            }
        }
        text.push_str(&line.text);
        previous = Some(line);
    }
    text.replace('|', "/")
}

/// Whether a cell's line and the next are one word the column was too narrow for, cut without a
/// hyphen. A producer moves a word that does not fit to the next line, and cuts it only when it is
/// wider than a whole line: so the line is that one word, it and the next line's first word
/// together are wider than any line of the column, the next starts in lower case, and neither
/// part is a word acta's packs know ("Directora" / "de Datos" is two words, though as wide).
fn is_cut_word(line: &Run, next: &Run, widest_line: f64) -> bool {
    let Some(rest) = next.text.split(' ').next() else { return false };
    let is_fragment = |part: &str| part.chars().all(char::is_alphabetic) && !KNOWN_WORDS.contains(&part.to_lowercase());
    if line.text.contains(' ')
        || !line.text.ends_with(char::is_lowercase)
        || !rest.starts_with(char::is_lowercase)
        || !is_fragment(&line.text)
        || !is_fragment(rest)
    {
        return false;
    }
    let glyph_width = (next.x1 - next.x0) / next.text.chars().count().max(1) as f64;
    (line.x1 - line.x0) + glyph_width * rest.chars().count() as f64 > widest_line
}

/// Every word of the bundled language packs, lower case: the dictionary the PDF reader has.
static KNOWN_WORDS: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
    let lexicon = acta_lexicon::Lexicon::bundled();
    let mut words = std::collections::HashSet::new();
    for kind in acta_lexicon::ListKind::ALL {
        for row in lexicon.rows(kind) {
            for column in 0..kind.columns() {
                words.extend(
                    row.get(column)
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| !w.is_empty())
                        .map(str::to_lowercase),
                );
            }
        }
    }
    words
});

/// A list's marker drawn apart from its item ("•", "-", "1.", "a)"): a column of them is a
/// list's, not a table's.
fn is_marker(cell: &str) -> bool {
    let cell = cell.trim();
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    cell.chars().count() <= 4 && (letters == 0 || (letters == 1 && cell.ends_with(['.', ')'])))
}

/// The tables of a page: from each run, the longest stretch of runs read as rows of cells; kept
/// when it has at least two rows of at least two cells, no cell is longer than a few lines and
/// every cell starts at one of the columns.
fn tables(runs: &[Run]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut start = 0;
    while start < runs.len() {
        match table_at(runs, start) {
            Some(table) => {
                start = table.runs.end;
                tables.push(table);
            }
            None => start += 1,
        }
    }
    tables
}

fn table_at(runs: &[Run], start: usize) -> Option<Table> {
    let first = &runs[start];
    let new_cell =
        |i: usize| Cell { runs: i..i + 1, x0: runs[i].x0, x1: runs[i].x1, top: runs[i].y, bottom: runs[i].y };
    let mut rows: Vec<Vec<Cell>> = vec![vec![new_cell(start)]];
    let mut end = start + 1;
    while end < runs.len() {
        let run = &runs[end];
        let row = rows.last_mut().unwrap();
        let (row_top, row_bottom) = (row[0].top, row.iter().map(|c| c.bottom).fold(f64::MIN, f64::max));
        let cell = row.last_mut().unwrap();
        let last = &runs[cell.runs.end - 1];
        let next_line = run.y > last.y + run.size * 0.5 && run.y <= last.y + run.size * 2.0;
        if next_line && (run.x0 - cell.x0).abs() <= ALIGN_POINTS {
            // The cell's next line.
            if cell.runs.len() >= MAX_CELL_LINES {
                return None;
            }
            cell.runs.end = end + 1;
            cell.x1 = cell.x1.max(run.x1);
            cell.bottom = run.y;
        } else if (run.y - row_top).abs() <= run.size * 0.5 && run.x0 >= cell.x1 {
            // The row's next cell, level with its first.
            row.push(new_cell(end));
        } else if (run.x0 - first.x0).abs() <= ALIGN_POINTS && run.y > row_bottom + run.size * 0.5 {
            // The next row, below all of this one. After a row of one cell (a paragraph at the
            // table's left edge), the table has ended.
            if row.len() < 2 {
                break;
            }
            rows.push(vec![new_cell(end)]);
        } else {
            break;
        }
        end += 1;
    }
    if rows.last().is_some_and(|r| r.len() < 2) {
        // What follows the table at its left edge (a paragraph) is not a row of it.
        let row = rows.pop().unwrap();
        end = row[0].runs.start;
    }
    if rows.len() < 2 {
        return None;
    }
    // Columns: where the cells start; a table whose cells start anywhere is not one.
    let mut columns: Vec<f64> = Vec::new();
    for cell in rows.iter().flatten() {
        if !columns.iter().any(|&c| (c - cell.x0).abs() <= ALIGN_POINTS) {
            columns.push(cell.x0);
        }
    }
    columns.sort_by(f64::total_cmp);
    let widest_row = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns.len() > widest_row + 1 {
        return None;
    }
    let first_column_texts = rows.iter().map(|row| cell_text(&runs[row[0].runs.clone()], None));
    if first_column_texts.collect::<Vec<_>>().iter().all(|t| is_marker(t)) {
        return None;
    }
    Some(Table { runs: start..end, rows, columns })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs from (x, y, text) with 10-point glyphs 5 points wide.
    fn runs_of(cells: &[(f64, f64, &str)]) -> Vec<Run> {
        let mut glyph = 0;
        cells
            .iter()
            .map(|&(x, y, text)| {
                let n = text.chars().count();
                let run =
                    Run { x0: x, x1: x + 5.0 * n as f64, y, size: 10.0, glyphs: glyph..glyph + n, text: text.into() };
                glyph += n;
                run
            })
            .collect()
    }

    /// A page drawn from (x, y, size, line) with glyphs half a size wide, lines as pdf-extract
    /// writes them (one per line, no blank line between).
    fn page_of(lines: &[(f64, f64, f64, &str)]) -> PageDrawing {
        let mut page = PageDrawing::new();
        for &(x, y, size, line) in lines {
            if !page.text.is_empty() {
                page.text.push('\n');
            }
            for (i, c) in line.chars().enumerate() {
                let separators_start = page.text.len();
                let start = page.text.len();
                page.text.push(c);
                let gx = x + i as f64 * size / 2.0;
                page.glyphs.push(Glyph {
                    x: gx,
                    y,
                    end: gx + size / 2.0,
                    size,
                    text: start..page.text.len(),
                    separators_start,
                });
            }
        }
        page
    }

    #[test]
    fn a_paragraph_ends_where_the_page_spaces_it_or_a_list_item_ends() {
        let page = page_of(&[
            (50.0, 100.0, 16.0, "Workshop on open data in the"),
            (50.0, 119.0, 16.0, "Americas"),
            (50.0, 145.0, 10.0, "Speakers:"),
            (50.0, 157.0, 10.0, "\u{f095} Ana Ruiz, Fundación Datos"),
            (60.0, 169.0, 10.0, "Abiertos del Sur"),
            (50.0, 181.0, 10.0, "\u{f095} Luis Paz, Olmo Datos"),
            (50.0, 193.0, 10.0, "The panel asked why portals are"),
            (50.0, 205.0, 10.0, "little used."),
            (50.0, 223.0, 10.0, "Report"),
            (50.0, 235.0, 10.0, "The network met again."),
        ]);
        let text = page.into_text(None).0;
        // A heading in a larger font wraps at its own spacing: one paragraph.
        assert!(text.starts_with("Workshop on open data in the\nAmericas\n"), "{text}");
        // An item's wrapped line starts under its text; the next line left of it ends the list.
        assert!(text.contains("Fundación Datos\nAbiertos del Sur\n"), "{text}");
        assert!(text.contains("Olmo Datos\n\nThe panel asked"), "{text}");
        assert!(text.contains("are\nlittle used.\n\nReport\nThe network"), "{text}");
        // Numbered items wrapped under their numbers: a line there may be the item's.
        let page = page_of(&[
            (50.0, 100.0, 10.0, "1) Ana Ruiz (Ministerio de"),
            (50.0, 112.0, 10.0, "Salud / Chile)"),
            (50.0, 124.0, 10.0, "2) Luis Paz (Olmo Datos)"),
        ]);
        assert!(!page.into_text(None).0.contains("\n\n"));
        // The heading after a space above starts a paragraph; the spacing after the larger
        // heading is the heading's.
        assert!(text.contains("Americas\n\nSpeakers:"), "{text}");
    }

    #[test]
    fn a_word_cut_by_a_narrow_column_is_whole_and_words_wrapped_apart_stay_two() {
        // Column "Cargo" is 60 points wide: 12 glyphs of 5 points.
        let runs = runs_of(&[
            (50.0, 130.0, "Nombre"),
            (200.0, 130.0, "Cargo"),
            (50.0, 150.0, "Ana Pérez"),
            (200.0, 150.0, "Coordinadora"),
            (200.0, 162.0, "de Datos"),
            (50.0, 180.0, "Luis Gómez"),
            (200.0, 180.0, "Investigador"),
            (200.0, 192.0, "asociado"),
            (50.0, 225.0, "Eva Ruiz"),
            (200.0, 225.0, "Epidemiólogi"),
            (200.0, 237.0, "sta"),
        ]);
        let rows = tables(&runs)[0].rows(&runs);
        // "de" and "investigador" are words of the packs: the line wrapped between two words.
        assert!(rows.contains("| Coordinadora de Datos |"), "{rows}");
        assert!(rows.contains("| Investigador asociado |"), "{rows}");
        // Twelve glyphs and three more fit on no line of the column: the producer cut the word.
        assert!(rows.contains("| Epidemiólogista |"), "{rows}");
        // In a column with a line of 17 glyphs, the 15 of "Epidemiólogista" fit on one: two words.
        let runs = runs_of(&[
            (50.0, 130.0, "Nombre"),
            (200.0, 130.0, "Cargo"),
            (50.0, 150.0, "Ana Pérez"),
            (200.0, 150.0, "Consultora sénior"),
            (50.0, 180.0, "Eva Ruiz"),
            (200.0, 180.0, "Epidemiólogi"),
            (200.0, 192.0, "sta"),
        ]);
        let rows = tables(&runs)[0].rows(&runs);
        assert!(rows.contains("| Epidemiólogi sta |"), "{rows}");
    }

    #[test]
    fn a_table_ends_before_the_paragraphs_after_it() {
        let runs = runs_of(&[
            (50.0, 130.0, "Nombre"),
            (200.0, 130.0, "Organización"),
            (50.0, 150.0, "Ana Pérez"),
            (200.0, 150.0, "Olmo Datos"),
            (50.0, 170.0, "Ausentes con aviso: Luis Paz."),
            (50.0, 190.0, "1"),
        ]);
        let tables = tables(&runs);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].runs, 0..4);
        assert_eq!(tables[0].rows(&runs), "| Nombre | Organización |\n| Ana Pérez | Olmo Datos |");
    }

    #[test]
    fn a_table_drawn_cell_by_cell_becomes_rows() {
        let runs = runs_of(&[
            (50.0, 100.0, "Panel"),
            (50.0, 130.0, "Nombre"),
            (200.0, 130.0, "Cargo"),
            (350.0, 130.0, "País"),
            (50.0, 150.0, "Ana María"),
            (50.0, 162.0, "Pérez"),
            (200.0, 150.0, "Investiga-"),
            (200.0, 162.0, "dora"),
            (350.0, 150.0, "Chile"),
            (50.0, 180.0, "Luis Gómez"),
            (350.0, 180.0, "Perú"),
            (50.0, 210.0, "The panel then discussed open data."),
        ]);
        let tables = tables(&runs);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].columns, vec![50.0, 200.0, 350.0]);
        assert_eq!(tables[0].runs, 1..11);
        assert_eq!(
            tables[0].rows(&runs),
            "| Nombre | Cargo | País |\n| Ana María Pérez | Investigadora | Chile |\n| Luis Gómez |  | Perú |"
        );
    }

    #[test]
    fn the_rest_of_a_row_cut_by_the_page_break_is_a_row_with_an_empty_first_cell() {
        let columns = [50.0, 200.0, 350.0];
        // A running header above, then lines in the second column: the cut row's rest.
        let runs = runs_of(&[
            (50.0, 40.0, "Forum Report"),
            (200.0, 60.0, "Gobierno"),
            (200.0, 72.0, "Digital"),
            (50.0, 100.0, "Conclusions"),
        ]);
        assert_eq!(cut_row_rest(&runs, &columns), Some((1..3, "|  | Gobierno Digital |  |".to_string())));
        // A new row: its first cell is level with the second.
        let runs = runs_of(&[(50.0, 60.0, "Ana Ruiz"), (200.0, 60.0, "Directora")]);
        assert_eq!(cut_row_rest(&runs, &columns), None);
    }

    #[test]
    fn running_text_and_two_page_columns_are_no_table() {
        // A paragraph: one cell, however long.
        let paragraph: Vec<(f64, f64, &str)> =
            (0..12).map(|i| (50.0, 100.0 + 12.0 * i as f64, "words of a line")).collect();
        assert!(tables(&runs_of(&paragraph)).is_empty());
        // Two columns of a page side by side: one row, and cells longer than a cell's lines.
        let mut columns = paragraph.clone();
        columns.extend((0..12).map(|i| (300.0, 100.0 + 12.0 * i as f64, "words of a line")));
        assert!(tables(&runs_of(&columns)).is_empty());
        // Label and value pairs on one line each ("Fecha: ..."): one run per line, no cells.
        let fields = runs_of(&[(50.0, 100.0, "Fecha: 8 de marzo"), (50.0, 112.0, "Hora: 11:00")]);
        assert!(tables(&fields).is_empty());
        // A list whose bullets or numbers are drawn apart from the items.
        for marker in ["•", "1.", "b)"] {
            let list = runs_of(&[
                (50.0, 100.0, marker),
                (70.0, 100.0, "First item"),
                (50.0, 120.0, marker),
                (70.0, 120.0, "Second"),
            ]);
            assert!(tables(&list).is_empty(), "{marker}");
        }
    }
}
