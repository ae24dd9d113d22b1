//! `acta-bench documents OUT CASE...`: a corpus report (`report.txt` or `report.md`) written as an
//! OpenDocument text (`.fodt`, flat XML) with a running header (the report's first line), a footer
//! with the page number, paragraphs, lists and tables, for LibreOffice to turn into `.docx` and
//! `.pdf` (`scripts/make_documents.sh`). The documents test that acta reads a Word document or a PDF
//! as it reads the report's text.

use std::fmt::Write as _;
use std::path::Path;

/// Writes `OUT/<case>.fodt` for each case directory.
pub fn run(out: &Path, cases: &[String]) {
    std::fs::create_dir_all(out).expect("create the output directory");
    for case in cases {
        let dir = Path::new(case);
        let name = dir.file_name().and_then(|n| n.to_str()).expect("a case directory").to_string();
        // Read as acta reads it (a report in a legacy encoding too): a document holds the same text.
        let (bytes, markdown) = match std::fs::read(dir.join("report.txt")) {
            Ok(b) => (b, false),
            Err(_) => (std::fs::read(dir.join("report.md")).expect("report.txt or report.md"), true),
        };
        let text = acta_input::decode(&bytes).expect("a report acta can decode").text;
        let fodt = fodt(&text, markdown);
        std::fs::write(out.join(format!("{name}.fodt")), fodt).expect("write the document");
        println!("{name}.fodt");
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Markdown emphasis markers out of a line (`**Fecha:**` is "Fecha:" in the document).
fn plain(line: &str, markdown: bool) -> String {
    if markdown {
        links_as_text(&line.replace("**", "").replace('`', ""))
    } else {
        line.to_string()
    }
}

/// Markdown links written as a document shows them: "[Ana Ruiz](https://...)" is "Ana Ruiz".
fn links_as_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| after[close + 2..].find(')').map(|end| (close, close + 2 + end)));
        match link {
            Some((close, end)) => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A block of the document.
enum Block {
    Heading(String),
    /// Lines of one paragraph, joined by line breaks.
    Paragraph(Vec<String>),
    List(Vec<String>),
    Table(Vec<Vec<String>>),
}

fn blocks(text: &str, markdown: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    // Markdown a document does not show: front matter and fenced code.
    let (mut front_matter, mut code) = (false, false);
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if markdown && trimmed == "---" && (i == 0 || front_matter) {
            front_matter = i == 0;
            continue;
        }
        if markdown && trimmed.starts_with("```") {
            code = !code;
            continue;
        }
        if front_matter || code {
            continue;
        }
        let trimmed = if markdown { trimmed.trim_start_matches('>').trim_start() } else { trimmed };
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        if markdown && trimmed.starts_with('#') {
            out.push(Block::Heading(plain(trimmed.trim_start_matches('#').trim(), markdown)));
            open = false;
            continue;
        }
        if let Some(row) = trimmed.strip_prefix('|') {
            let cells: Vec<String> = row.trim_end_matches('|').split('|').map(|c| plain(c.trim(), markdown)).collect();
            if cells.iter().all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                continue;
            }
            match out.last_mut() {
                Some(Block::Table(rows)) if open => rows.push(cells),
                _ => out.push(Block::Table(vec![cells])),
            }
            open = true;
            continue;
        }
        // An indented line right under a list item is the item wrapped: the document has it in the
        // item's paragraph, as a word processor would.
        let indented = line.starts_with([' ', '\t']);
        if let (true, true, Some(Block::List(items))) = (indented, open, out.last_mut()) {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(&plain(trimmed, markdown));
                continue;
            }
        }
        if let Some(item) = ["- ", "* ", "• "].iter().find_map(|b| trimmed.strip_prefix(b)) {
            match out.last_mut() {
                Some(Block::List(items)) if open => items.push(plain(item, markdown)),
                _ => out.push(Block::List(vec![plain(item, markdown)])),
            }
            open = true;
            continue;
        }
        match out.last_mut() {
            Some(Block::Paragraph(lines)) if open => lines.push(plain(trimmed, markdown)),
            _ => out.push(Block::Paragraph(vec![plain(trimmed, markdown)])),
        }
        open = true;
    }
    out
}

fn fodt(text: &str, markdown: bool) -> String {
    let blocks = blocks(text, markdown);
    // The running header: the report's first line, as the document shows it.
    let header = match blocks.first() {
        Some(Block::Heading(h)) => escape(h),
        Some(Block::Paragraph(lines) | Block::List(lines)) => escape(lines.first().map_or("", String::as_str)),
        Some(Block::Table(rows)) => escape(&rows.first().map(|r| r.join(" ")).unwrap_or_default()),
        None => String::new(),
    };
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Heading(h) => {
                writeln!(body, r#"<text:h text:outline-level="1">{}</text:h>"#, escape(&h)).unwrap();
            }
            Block::Paragraph(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                writeln!(body, "<text:p>{}</text:p>", lines.join("<text:line-break/>")).unwrap();
            }
            Block::List(items) => {
                body.push_str("<text:list>");
                for item in items {
                    write!(body, "<text:list-item><text:p>{}</text:p></text:list-item>", escape(&item)).unwrap();
                }
                body.push_str("</text:list>\n");
            }
            Block::Table(rows) => {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
                write!(body, r#"<table:table><table:table-column table:number-columns-repeated="{columns}"/>"#)
                    .unwrap();
                for row in rows {
                    body.push_str("<table:table-row>");
                    for cell in row {
                        write!(body, "<table:table-cell><text:p>{}</text:p></table:table-cell>", escape(&cell))
                            .unwrap();
                    }
                    body.push_str("</table:table-row>");
                }
                body.push_str("</table:table>\n");
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:page-layout style:name="page"><style:page-layout-properties fo:page-width="12cm" fo:page-height="15cm" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1.2cm" fo:margin-right="1.2cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="page">
<style:header><text:p>{header}</text:p></style:header>
<style:footer><text:p><text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:text>
{body}</office:text></office:body>
</office:document>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lists_and_tables_become_blocks() {
        let text =
            "# Taller\n\n**Fecha:** 8 de marzo\nHora: 11:00\n\n| A | B |\n|---|---|\n| x | y |\n\n- uno\n- dos\n";
        let doc = fodt(text, true);
        assert!(doc.contains("<text:h text:outline-level=\"1\">Taller</text:h>"));
        assert!(doc.contains("<text:p>Fecha: 8 de marzo<text:line-break/>Hora: 11:00</text:p>"));
        assert!(doc.contains("<table:table-cell><text:p>x</text:p></table:table-cell>"));
        assert!(!doc.contains("---"));
        assert!(doc.contains("<text:list-item><text:p>dos</text:p></text:list-item>"));
        assert!(doc.contains("<style:header><text:p>Taller</text:p></style:header>"));
    }

    #[test]
    fn an_indented_line_under_a_list_item_is_the_item_wrapped() {
        let doc = fodt("Panel\n- Ana Ruiz, Directora de la Agencia Nacional de\n  Datos Abiertos\n- Luis Paz\n", false);
        assert!(doc.contains("<text:p>Ana Ruiz, Directora de la Agencia Nacional de Datos Abiertos</text:p>"));
        assert!(!doc.contains("<text:p>Datos Abiertos</text:p>"));
    }
}
