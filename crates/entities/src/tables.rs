//! Tables of people: pipe, tab and CSV rows; a header row of known column names says which cell holds the
//! name, the title, the body and the country.

use acta_doc::{fold_words, ByteRange, Lang, SessionRole};

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

/// How a line is delimited: pipes, tabs, or commas without a following space (CSV).
pub(crate) fn delimiter(line: &str) -> Option<char> {
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
        for (i, l) in lines.iter().enumerate() {
            let cs = cells(text, *l, delim);
            if cs.iter().all(|c| c.slice(text).chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                continue;
            }
            if i == 0 {
                let cols: Vec<Option<Column>> = cs.iter().map(|c| column_of(c.slice(text), gaz)).collect();
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
pub(crate) fn table_entry<'g>(
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
