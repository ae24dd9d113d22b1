//! Word documents (`.docx`): the text of the document body in reading order. Paragraphs are
//! separated by blank lines, list items are `- ` lines, table rows are `| cell | cell |` lines (so
//! that a table of speakers stays a table for the layout stage), line breaks and tabs are kept.
//! Headers, footers, comments, footnotes and deleted text (tracked changes) are left out: they
//! live in other parts of the package or in elements skipped here.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::{Error, Result};

/// The start of a zip archive, which a `.docx` is.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The start of an OLE compound file: an old `.doc`, or a `.docx` encrypted with a password.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// The body's XML is read up to this many bytes: a larger one is a zip bomb, not a report.
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

/// Whether bytes are a zip archive holding a Word document body.
pub fn looks_like_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC) && bytes.windows(17).any(|w| w == b"word/document.xml")
}

/// The text of a `.docx` file's body.
pub fn docx_to_text(bytes: &[u8]) -> Result<String> {
    let bad = |reason: String| Error::BadDocument { kind: "Word document", reason };
    if bytes.starts_with(OLE_MAGIC) {
        return Err(bad(
            "an encrypted .docx or an old .doc (OLE container); save it as .docx without a password".into()
        ));
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(bad("not a zip archive, so not a .docx".into()));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| bad(format!("corrupt or truncated zip archive: {e}")))?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| bad("a zip archive without word/document.xml, so not a Word document".into()))?;
    let mut xml = Vec::new();
    (&mut part)
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| bad(format!("corrupt or truncated document body: {e}")))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(bad(format!("document body over {MAX_XML_BYTES} bytes uncompressed")));
    }
    let text = body_text(&xml).map_err(|e| bad(format!("malformed document body: {e}")))?;
    if text.trim().is_empty() {
        return Err(bad("no text: an empty document, or one made of images".into()));
    }
    Ok(text)
}

/// Where the reader is in the body.
#[derive(Default)]
struct State {
    out: String,
    /// The paragraph being read.
    paragraph: String,
    /// The paragraph has a numbering (a list item).
    list_item: bool,
    /// Inside a `w:t` (text) element.
    in_text: bool,
    /// Inside deleted text, a field instruction or another part that is not the text.
    skip_depth: usize,
    /// Cells of the table rows being read, innermost table last.
    rows: Vec<Vec<String>>,
    /// The cell being read, per open table.
    cells: Vec<String>,
    /// The last thing written was a list item (items follow one another without a blank line)...
    last_was_item: bool,
    /// ...or a table row (so are rows).
    last_was_row: bool,
}

impl State {
    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        let text = text.trim_end();
        let list_item = std::mem::take(&mut self.list_item);
        if let Some(cell) = self.cells.last_mut() {
            // In a table cell, paragraphs are joined by spaces: a row stays one line.
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&text);
            }
            return;
        }
        if text.trim().is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str(if list_item && self.last_was_item { "\n" } else { "\n\n" });
        }
        if list_item {
            self.out.push_str("- ");
        }
        self.out.push_str(text.trim_start_matches(['\n', ' ']));
        self.last_was_item = list_item;
        self.last_was_row = false;
    }

    fn end_row(&mut self) {
        let Some(row) = self.rows.last_mut() else { return };
        let cells = std::mem::take(row);
        if cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let line = format!("| {} |", cells.iter().map(|c| c.trim()).collect::<Vec<_>>().join(" | "));
        if self.cells.len() > 1 {
            // A table inside a cell: its rows join the outer cell.
            if let Some(outer) = self.cells.iter_mut().rev().nth(1) {
                outer.push(' ');
                outer.push_str(&line);
            }
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str(if self.last_was_row { "\n" } else { "\n\n" });
        }
        self.out.push_str(&line);
        self.last_was_item = false;
        self.last_was_row = true;
    }
}

/// The text of `word/document.xml`.
fn body_text(xml: &[u8]) -> std::result::Result<String, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut state = State::default();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => match e.local_name().into_inner() {
                _ if state.skip_depth > 0 => state.skip_depth += 1,
                "delText" | "instrText" | "footnoteReference" | "commentReference" => state.skip_depth = 1,
                "t" => state.in_text = true,
                // A paragraph inside a paragraph (a text box): the outer one ends first.
                "p" if !state.paragraph.trim().is_empty() => state.end_paragraph(),
                "numPr" => state.list_item = true,
                "tbl" => state.rows.push(Vec::new()),
                "tc" => state.cells.push(String::new()),
                _ => {}
            },
            Event::Empty(e) if state.skip_depth == 0 => match e.local_name().into_inner() {
                "tab" => state.paragraph.push('\t'),
                "br" | "cr" => state.paragraph.push('\n'),
                "noBreakHyphen" => state.paragraph.push('-'),
                "numPr" => state.list_item = true,
                _ => {}
            },
            Event::Text(t) if state.in_text && state.skip_depth == 0 => {
                state.paragraph.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if state.in_text && state.skip_depth == 0 => {
                // An entity reference in text (&amp; &lt; &#233;) arrives on its own.
                if let Some(c) = r.resolve_char_ref()? {
                    state.paragraph.push(c);
                } else {
                    if let Some(value) = quick_xml::escape::resolve_predefined_entity(&r.into_inner()) {
                        state.paragraph.push_str(value);
                    }
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                _ if state.skip_depth > 0 => state.skip_depth -= 1,
                "t" => state.in_text = false,
                "p" => state.end_paragraph(),
                "tc" => {
                    let cell = state.cells.pop().unwrap_or_default();
                    if let Some(row) = state.rows.last_mut() {
                        row.push(cell);
                    }
                }
                "tr" => state.end_row(),
                "tbl" => {
                    state.rows.pop();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let mut out = state.out;
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal `.docx`: the body XML in a zip archive.
    fn docx(body: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file("word/document.xml", options).unwrap();
            let xml = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            );
            std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
            zip.finish().unwrap();
        }
        bytes
    }

    #[test]
    fn paragraphs_lists_tables_and_tracked_changes() {
        let body = r#"<w:p><w:r><w:t>Acta de la reunión</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Moderadora: Ana </w:t></w:r><w:r><w:t>Torres &amp; equipo</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Primer punto</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Segundo</w:t></w:r><w:r><w:delText>borrado</w:delText></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nombre</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cargo</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Ana Torres</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Directora</w:t></w:r></w:p><w:p><w:r><w:t>AGESIC</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Se aprobó el presupuesto.</w:t><w:br/><w:t>Segunda línea</w:t></w:r></w:p>"#;
        let text = docx_to_text(&docx(body)).unwrap();
        assert_eq!(
            text,
            "Acta de la reunión\n\nModeradora: Ana Torres & equipo\n\n- Primer punto\n- Segundo\n\n| Nombre | Cargo |\n| Ana Torres | Directora AGESIC |\n\nSe aprobó el presupuesto.\nSegunda línea\n"
        );
    }

    #[test]
    fn bad_documents_say_what_they_are() {
        let err = |bytes: &[u8]| docx_to_text(bytes).unwrap_err().to_string();
        assert!(err(b"plain text").contains("not a zip archive"), "{}", err(b"plain text"));
        assert!(err(OLE_MAGIC).contains("encrypted"));
        let truncated = &docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>")[..40];
        assert!(err(truncated).contains("corrupt or truncated"), "{}", err(truncated));
        let mut other = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut other));
            zip.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
            zip.finish().unwrap();
        }
        assert!(err(&other).contains("without word/document.xml"));
    }
}
