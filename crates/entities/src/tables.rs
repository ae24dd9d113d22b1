//! Tables of people: pipe, tab and CSV rows; a header row of known column names says which cell holds the
//! name, the title, the body and the country.

use acta_doc::{fold_words, ByteRange, Lang, ListEntry, SessionRole};

use crate::entries::*;
use crate::gazetteer::Gazetteers;
use crate::names::name_at;

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Honorific,
    Name,
    Given,
    Surname,
    Role,
    Organization,
    Country,
    Other,
}

pub(crate) fn column_of(header: &str, gaz: &Gazetteers) -> Option<Column> {
    let h = fold_words(header);
    let c = &gaz.classes;
    Some(if c.honorific_headers.contains(&h) {
        Column::Honorific
    } else if c.given_name_headers.contains(&h) {
        Column::Given
    } else if c.surname_headers.contains(&h) {
        Column::Surname
    } else if c.name_headers.contains(&h) {
        Column::Name
    } else if c.role_headers.contains(&h) {
        Column::Role
    } else if c.organization_headers.contains(&h) {
        Column::Organization
    } else if c.country_headers.contains(&h) {
        Column::Country
    } else {
        return None;
    })
}

/// A block of delimited rows.
pub(crate) struct Table {
    pub(crate) lines: Vec<ByteRange>,
    pub(crate) columns: Option<Vec<Column>>,
    pub(crate) rows: Vec<Row>,
}

pub(crate) struct Row {
    pub(crate) line: ByteRange,
    pub(crate) cells: Vec<ByteRange>,
}

/// Stands for the delimiter of a table aligned with spaces (text taken out of a PDF's layout).
pub(crate) const ALIGNED: char = ' ';

/// Fewest spaces between two columns of a table aligned with spaces, for a line to be read as
/// its row; inside a table known by its header, two are enough.
const ROW_GAP: usize = 3;
const CELL_GAP: usize = 2;

/// How a line is delimited: pipes, tabs, commas without a following space (CSV), or runs of
/// spaces between three columns or more ([`ALIGNED`]).
pub(crate) fn delimiter(line: &str) -> Option<char> {
    if line.matches('|').count() >= 2 {
        Some('|')
    } else if line.matches('\t').count() >= 2 {
        Some('\t')
    } else if line.matches(',').count() >= 3 && !line.contains(", ") {
        Some(',')
    } else if line.contains("   ") && gap_cells(line, 0, ROW_GAP).len() >= 3 {
        Some(ALIGNED)
    } else {
        None
    }
}

/// The cells of a line aligned with spaces: the pieces between runs of at least `gap` spaces, as
/// ranges from `offset` (where the line starts in the text).
fn gap_cells(line: &str, offset: usize, gap: usize) -> Vec<ByteRange> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut cell_start, mut last_word_end) = (0, None, 0);
    while i < bytes.len() {
        if bytes[i] == b' ' {
            let run_start = i;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            if i - run_start >= gap {
                if let Some(start) = cell_start.take() {
                    out.push(ByteRange { start: offset + start, end: offset + last_word_end });
                }
            }
        } else {
            cell_start.get_or_insert(i);
            i += 1;
            last_word_end = i;
        }
    }
    if let Some(start) = cell_start {
        out.push(ByteRange { start: offset + start, end: offset + last_word_end });
    }
    out
}

/// Where a cell starts on its line, in characters (columns line up by characters, not bytes).
fn char_column(text: &str, line: ByteRange, cell: ByteRange) -> usize {
    text[line.start..cell.start].chars().count()
}

/// How far a row's cell may start to the left of its header's column and still be in it.
const ALIGN_SLACK: usize = 2;

/// A row of a table aligned with spaces, one cell a header column: each piece of the row goes to
/// the last column that starts at or before it, and pieces in one column are joined.
fn aligned_cells(text: &str, line: ByteRange, starts: &[usize]) -> Vec<ByteRange> {
    let mut out = vec![ByteRange { start: line.end, end: line.end }; starts.len()];
    for piece in gap_cells(line.slice(text), line.start, CELL_GAP) {
        let at = char_column(text, line, piece) + ALIGN_SLACK;
        let column = starts.iter().rposition(|&s| s <= at).unwrap_or(0);
        let cell = &mut out[column];
        *cell = if cell.is_empty() { piece } else { ByteRange { start: cell.start, end: piece.end } };
    }
    out
}

pub(crate) fn cells(text: &str, line: ByteRange, delim: char) -> Vec<ByteRange> {
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

/// The cells of a row: at its delimiter, or at runs of spaces for a table aligned with them.
fn row_cells(text: &str, line: ByteRange, delim: char) -> Vec<ByteRange> {
    if delim == ALIGNED {
        gap_cells(line.slice(text), line.start, ROW_GAP)
    } else {
        cells(text, line, delim)
    }
}

/// Blocks of two or more consecutive lines with the same delimiter; a first row of known column
/// names is the header; Markdown separator rows are skipped.
pub(crate) fn find_tables(text: &str, gaz: &Gazetteers) -> Vec<Table> {
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
        // Where the header's columns start, in characters, for a table aligned with spaces.
        let mut column_starts: Option<Vec<usize>> = None;
        for (i, l) in lines.iter().enumerate() {
            let cs = match &column_starts {
                Some(starts) => aligned_cells(text, *l, starts),
                None => row_cells(text, *l, delim),
            };
            if cs.iter().all(|c| c.slice(text).chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '='))) {
                continue;
            }
            if i == 0 {
                // "N°  PRENOM ET NOM   STRUCTURE": a header's cells may stand two spaces apart.
                let header = if delim == ALIGNED { gap_cells(l.slice(text), l.start, CELL_GAP) } else { cs.clone() };
                let cols: Vec<Option<Column>> = header.iter().map(|c| column_of(c.slice(text), gaz)).collect();
                let known = cols.iter().filter(|c| c.is_some()).count();
                if known * 2 >= cols.len()
                    && cols.iter().any(|c| matches!(c, Some(Column::Name | Column::Given | Column::Surname)))
                {
                    columns = Some(cols.into_iter().map(|c| c.unwrap_or(Column::Other)).collect());
                    if delim == ALIGNED {
                        column_starts = Some(header.iter().map(|c| char_column(text, *l, *c)).collect());
                    }
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
pub(crate) fn table_entry(
    text: &str,
    table: &Table,
    row: &Row,
    gaz: &Gazetteers,
    lang: Option<Lang>,
    in_speakers: bool,
) -> Option<ListEntry> {
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
            let mut rest = rest_index.map_or(ByteRange { start: row.line.end, end: row.line.end }, rest_from);
            // "STRUCTURE | FONCTION": when the header names a title column, the title is its cell
            // and the rest is the body's and country's cells, in whatever order they stand.
            let title_cell = cols.iter().position(|c| *c == Column::Role).map(|i| {
                let body_cells: Vec<ByteRange> = cols
                    .iter()
                    .zip(&row.cells)
                    .filter(|(c, r)| matches!(c, Column::Organization | Column::Country) && !r.is_empty())
                    .map(|(_, r)| *r)
                    .collect();
                let title = row.cells.get(i).copied().unwrap_or(ByteRange { start: row.line.end, end: row.line.end });
                rest = match (body_cells.first(), body_cells.last()) {
                    (Some(first), Some(last)) if !(first.start < title.start && title.end < last.end) => {
                        ByteRange { start: first.start, end: last.end }
                    }
                    (Some(first), _) => *first,
                    _ => ByteRange { start: row.line.end, end: row.line.end },
                };
                title
            });
            if let Some(name_cell) = cell(Column::Name) {
                let mut p = parse_entry(text, name_cell, gaz, lang, SessionRole::Speaker)
                    .or_else(|| whole_cell_name(text, name_cell, gaz))?;
                // "Ndèye Astou SOW": the cell is the name; a surname the name rules stop before
                // (a word in capitals read as an acronym) is still part of it.
                let tail: Vec<&str> = text[p.name.end..name_cell.end].split_whitespace().collect();
                if p.display.is_none() && !tail.is_empty() && tail.iter().all(|w| name_word(w, gaz)) {
                    p.name.end = name_cell.end;
                    p.core_tokens += tail.len();
                }
                p.rest = rest;
                p.source = row.line;
                p.title_cell = title_cell;
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
            Some(ListEntry {
                honorific: honorific.map(|(range, _)| range),
                honorific_gender: honorific.and_then(|(_, h)| h.gender),
                name: ByteRange { start, end },
                display: Some(format!("{} {}", given_name.range.slice(text), surname_name.range.slice(text))),
                core_tokens: given_name.core_tokens + surname_name.core_tokens,
                rest,
                role: SessionRole::Speaker,
                absent: false,
                source: row.line,
                title_cell,
            })
        }
        None => {
            // No header: a row whose first cell is a name, in a speakers section or with a separator;
            // or a programme's row whose name comes after its time and session ("09:00 – 09:20 |
            // Palabras de bienvenida | Verónica Delgadillo García, Presidenta Municipal"): the
            // first later cell that opens with a full name, when the first cell is a time.
            let first = *row.cells.first()?;
            let (index, mut p) = match parse_entry(text, first, gaz, lang, SessionRole::Speaker) {
                Some(p) => (0, p),
                None if first.slice(text).starts_with(|c: char| c.is_ascii_digit()) => {
                    row.cells.iter().enumerate().skip(1).find_map(|(i, c)| {
                        parse_entry(text, *c, gaz, lang, SessionRole::Speaker)
                            .filter(|p| p.core_tokens >= 2)
                            .map(|p| (i, p))
                    })?
                }
                None => return None,
            };
            if !in_speakers && p.core_tokens < 2 {
                return None;
            }
            // A later name cell holds its affiliation after a comma ("Verónica Delgadillo, Presidenta").
            let own_rest = p.rest;
            p.rest = rest_from(index + 1);
            if index > 0 && !own_rest.is_empty() {
                p.rest = ByteRange { start: own_rest.start, end: row.line.end }.trim(text);
            }
            p.source = row.line;
            Some(p)
        }
    }
}

/// A word that may be part of a name in a table's name cell: capitalised, letters only (and
/// hyphens, apostrophes), no body's head or tail.
fn name_word(w: &str, gaz: &Gazetteers) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !gaz.shapes.body_heads.contains(w)
        && !gaz.shapes.body_tails.contains(w)
}

/// Most words of a name read whole from a table's name cell.
const MAX_CELL_NAME_WORDS: usize = 5;

/// "Fatou Binetou GUEYE" in a table's name column: a cell of two to five capitalised words, none a
/// body's head or tail, is a name though no word of it is a known name.
fn whole_cell_name(text: &str, cell: ByteRange, gaz: &Gazetteers) -> Option<ListEntry> {
    let words: Vec<&str> = cell.slice(text).split_whitespace().collect();
    let shaped = (2..=MAX_CELL_NAME_WORDS).contains(&words.len()) && words.iter().all(|w| name_word(w, gaz));
    // Written with single spaces: the name is the cell as written.
    (shaped && !cell.slice(text).contains("  ")).then_some(ListEntry {
        honorific: None,
        honorific_gender: None,
        name: cell,
        display: None,
        core_tokens: words.len(),
        rest: ByteRange { start: cell.end, end: cell.end },
        role: SessionRole::Speaker,
        absent: false,
        source: cell,
        title_cell: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(rows[0].honorific.map(|h| h.slice(text)), Some("Ms"));
        assert_eq!(rows[0].rest.slice(text), "University of Lisbon");
        assert_eq!(rows[1].display.as_deref(), Some("João Pedro FERREIRA COSTA"));

        let text = "| Nombre | Cargo | Institución | País |\n|---|---|---|---|\n| Camila Rojas | Investigadora | Iniciativa X | Uruguay |\n";
        let tables = find_tables(text, &gaz);
        let t = &tables[0];
        let rows: Vec<_> = t.rows.iter().filter_map(|r| table_entry(text, t, r, &gaz, None, false)).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name.slice(text), "Camila Rojas");
        // The header names the title's column: the title is its cell, the rest the body's and
        // the country's cells.
        assert_eq!(rows[0].title_cell.map(|c| c.slice(text)), Some("Investigadora"));
        assert_eq!(rows[0].rest.slice(text), "Iniciativa X | Uruguay");
    }
}
