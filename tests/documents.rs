//! Word documents and PDFs in: for corpus reports that LibreOffice turned into `.docx` and `.pdf`
//! (tests/documents/, made again by `make test-documents`), acta's records from the document equal
//! its records from the report's text; and a bad document is one clear error, not a panic or an
//! empty report.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn extract(input: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_acta"))
        .args(["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--with-text", "--quiet"])
        .output()
        .unwrap()
}

/// The fields a document must give as its text does, by report id without extension.
fn records(jsonl: &Path) -> Records {
    let mut out: Records = std::fs::read_to_string(jsonl)
        .unwrap()
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = r["id"].as_str().unwrap().rsplit_once('.').unwrap().0.to_string();
            let mut speakers: Vec<String> =
                r["speakers"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string()).collect();
            speakers.sort();
            let fields = serde_json::json!({
                "title": r["title"], "date": r["date"], "speakers": speakers, "people": r["people"],
                "ministries": r["ministries"], "organizations": r["organizations"], "countries": r["countries"],
            });
            (id, fields)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Records by report id.
type Records = Vec<(String, serde_json::Value)>;

/// Where the documents are: tests/documents, or the directory `ACTA_DOCUMENTS` names (`make
/// test-documents` points it at every corpus report it has just written as a document).
fn documents_dir() -> PathBuf {
    std::env::var_os("ACTA_DOCUMENTS").map_or_else(|| root().join("tests/documents"), PathBuf::from)
}

/// Extracts every `.{ext}` of the documents' directory and the matching corpus reports; returns
/// both record sets and the documents' records as JSON.
fn documents_and_texts(ext: &str, skip: &[&str]) -> (Records, Records, Vec<serde_json::Value>) {
    let documents: Vec<PathBuf> = std::fs::read_dir(documents_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .filter(|p| root().join("corpus").join(p.file_stem().unwrap()).is_dir())
        .filter(|p| !skip.contains(&p.file_stem().unwrap().to_str().unwrap()))
        .collect();
    assert!(documents.len() >= 3, "tests/documents has the .{ext} documents");
    let dir = tempfile::tempdir().unwrap();
    let (doc_dir, text_dir) = (dir.path().join("doc"), dir.path().join("text"));
    std::fs::create_dir_all(&doc_dir).unwrap();
    std::fs::create_dir_all(&text_dir).unwrap();
    for doc in &documents {
        let case = doc.file_stem().unwrap().to_str().unwrap();
        std::fs::copy(doc, doc_dir.join(format!("{case}.{ext}"))).unwrap();
        let report = ["txt", "md"]
            .iter()
            .map(|e| root().join(format!("corpus/{case}/report.{e}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("corpus/{case}/report.txt or .md"));
        let text_ext = report.extension().unwrap().to_str().unwrap();
        std::fs::copy(&report, text_dir.join(format!("{case}.{text_ext}"))).unwrap();
    }
    let (doc_out, text_out) = (dir.path().join("doc-out"), dir.path().join("text-out"));
    assert_eq!(extract(&doc_dir, &doc_out).status.code(), Some(0));
    assert_eq!(extract(&text_dir, &text_out).status.code(), Some(0));
    let raw: Vec<serde_json::Value> = std::fs::read_to_string(doc_out.join("reports.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (from_doc, from_text) = (records(&doc_out.join("reports.jsonl")), records(&text_out.join("reports.jsonl")));
    assert_eq!(from_doc.len(), documents.len());
    (from_doc, from_text, raw)
}

#[test]
fn a_word_document_gives_the_records_of_its_text() {
    let (from_docx, from_text, raw) = documents_and_texts("docx", &[]);
    for ((case, docx), (_, text)) in from_docx.iter().zip(&from_text) {
        assert_eq!(docx, text, "{case}: the .docx and the report's text give different records");
    }
    // Word documents have no fixed pages (the viewer lays them out): their mentions have none.
    assert!(raw.iter().flat_map(|r| r["mentions"].as_array().unwrap()).all(|m| m.get("page").is_none()));
    // A speaker table in a Word table stays a table: its people are speakers.
    let tabla = from_docx.iter().find(|(c, _)| c == "es_markdown_tabla").unwrap();
    assert!(tabla.1["speakers"].as_array().unwrap().iter().any(|s| s == "Andrés Felipe Zuluaga"));
}

#[test]
fn a_pdf_gives_the_records_of_its_text_without_its_page_furniture() {
    let (from_pdf, from_text, raw) = documents_and_texts("pdf", &[]);
    for ((case, pdf), (_, text)) in from_pdf.iter().zip(&from_text) {
        assert_eq!(pdf, text, "{case}: the .pdf and the report's text give different records");
    }
    // The pages' furniture is out of the text, and the warnings say what left.
    let mut last_pages = Vec::new();
    for record in &raw {
        let id = record["id"].as_str().unwrap();
        let text = record["text"].as_str().unwrap();
        let warnings: Vec<&str> = record["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
        // "N page numbers removed": one per page.
        let numbered_pages = warnings
            .iter()
            .find_map(|w| w.strip_suffix(" page numbers removed").and_then(|n| n.parse::<usize>().ok()))
            .unwrap_or_else(|| panic!("{id}: the page numbers are named: {warnings:?}"));
        // A running header is one only on two pages or more (a one-page document's header is its
        // title line repeated, which the layout stage takes out).
        assert!(
            numbered_pages < 2 || warnings.iter().any(|w| w.starts_with("running header \"") && w.contains(" pages")),
            "{id}: the running header is named: {warnings:?}"
        );
        assert!(
            !text.lines().any(|l| l.trim().chars().all(|c| c.is_ascii_digit()) && !l.trim().is_empty()),
            "{id}: a page number is left:\n{text}"
        );
        // The running header repeats the report's first line: once, as its title, is what is left
        // (more only where the report itself repeats it, as a text once taken out of a PDF does).
        let first = text.lines().next().unwrap();
        let case = id.rsplit_once('.').unwrap().0;
        let in_report = ["txt", "md"]
            .iter()
            .filter_map(|e| std::fs::read(root().join(format!("corpus/{case}/report.{e}"))).ok())
            .map(|b| String::from_utf8_lossy(&b).matches(first).count())
            .next()
            .unwrap_or(0);
        assert!(text.matches(first).count() <= in_report.max(1), "{id}: the header {first:?} is left in:\n{text}");
        // Every mention has its page: from 1, never going back as the text goes on.
        let pages: Vec<u64> = record["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["page"].as_u64().unwrap_or_else(|| panic!("{id}: a mention without its page: {m}")))
            .collect();
        assert!(pages[0] >= 1 && pages.windows(2).all(|w| w[0] <= w[1]), "{id}: {pages:?}");
        last_pages.push(*pages.last().unwrap());
    }
    // These documents have two to four pages: most have mentions past the first.
    assert!(last_pages.iter().filter(|&&p| p > 1).count() * 2 > last_pages.len(), "{last_pages:?}");
}

#[test]
fn a_pdf_table_of_speakers_stays_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf_in, text_in) = (dir.path().join("pdf"), dir.path().join("text"));
    std::fs::create_dir_all(&pdf_in).unwrap();
    std::fs::create_dir_all(&text_in).unwrap();
    std::fs::copy(root().join("tests/documents/es_markdown_tabla.pdf"), pdf_in.join("tabla.pdf")).unwrap();
    std::fs::copy(root().join("corpus/es_markdown_tabla/report.md"), text_in.join("tabla.md")).unwrap();
    let (pdf_out, text_out) = (dir.path().join("pdf-out"), dir.path().join("text-out"));
    assert_eq!(extract(&pdf_in, &pdf_out).status.code(), Some(0));
    assert_eq!(extract(&text_in, &text_out).status.code(), Some(0));
    let record = |out: &Path| -> serde_json::Value {
        serde_json::from_str(std::fs::read_to_string(out.join("reports.jsonl")).unwrap().lines().next().unwrap())
            .unwrap()
    };
    let (from_pdf, from_text) = (record(&pdf_out), record(&text_out));
    // The cells drawn one by one are rows again, the header cut at its columns.
    let text = from_pdf["text"].as_str().unwrap();
    assert!(text.contains("| Nombre | Cargo | Institución | País |\n"), "{text}");
    // The last row goes on over the page break: its rest joins it, the running header between left out.
    assert!(text.contains("Latinoamericana por los Datos Abiertos | Uruguay |\n"), "{text}");
    // Words too wide for their narrow columns, cut without a hyphen, are whole again; words a line
    // wrapped between stay two.
    assert!(text.contains("| Investigadora |"), "{text}");
    assert!(text.contains("| Directora de Datos Abiertos |"), "{text}");
    // The same speakers, each with the title, organisation and country of the text's.
    let speakers = |r: &serde_json::Value| -> Vec<serde_json::Value> {
        let mut s: Vec<serde_json::Value> = r["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| serde_json::json!([s["name"], s["role"], s["organization"], s["country"]]))
            .collect();
        s.sort_by_key(|s| s.to_string());
        s
    };
    let (pdf_speakers, text_speakers) = (speakers(&from_pdf), speakers(&from_text));
    assert_eq!(pdf_speakers, text_speakers);
}

#[test]
fn bad_word_documents_fail_alone_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let good = root().join("tests/documents/es_acta_reunion.docx");
    std::fs::copy(&good, input.join("a_good.docx")).unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend_from_slice(&[0u8; 512]);
    std::fs::write(input.join("b_encrypted.docx"), ole).unwrap();
    std::fs::write(input.join("c_not_a_zip.docx"), "this is a text file named .docx").unwrap();
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(input.join("d_truncated.docx"), &bytes[..bytes.len() / 3]).unwrap();
    let mut other = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut other));
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, b"<office:document/>").unwrap();
        zip.finish().unwrap();
    }
    std::fs::write(input.join("e_not_word.docx"), other).unwrap();
    std::fs::write(input.join("f_too_large.docx"), vec![b'P'; 40000]).unwrap();
    std::fs::copy(root().join("tests/documents/encrypted.pdf"), input.join("g_encrypted.pdf")).unwrap();
    std::fs::write(input.join("h_not_a_pdf.pdf"), "this is a text file named .pdf").unwrap();
    let pdf = std::fs::read(root().join("tests/documents/es_acta_reunion.pdf")).unwrap();
    std::fs::write(input.join("i_truncated.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    std::fs::write(input.join("j_scanned.pdf"), pdf_without_text()).unwrap();
    std::fs::copy(root().join("fuzz/seeds/pdf/missing-object.pdf"), input.join("k_reader_panics.pdf")).unwrap();
    let out = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_acta"))
        .args(["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--max-bytes", "30000"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "some documents failed: exit 1");
    let stderr = String::from_utf8_lossy(&o.stderr);
    for (file, words) in [
        ("b_encrypted.docx", "encrypted"),
        ("c_not_a_zip.docx", "not a zip archive"),
        ("d_truncated.docx", "corrupt or truncated"),
        ("e_not_word.docx", "without word/document.xml"),
        ("f_too_large.docx", "over the limit of 30000 bytes"),
        ("g_encrypted.pdf", "encrypted PDF"),
        ("h_not_a_pdf.pdf", "not a PDF"),
        ("i_truncated.pdf", "corrupt or truncated PDF"),
        ("j_scanned.pdf", "no text layer: scanned document?"),
        ("k_reader_panics.pdf", "the reader failed"),
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(file)).collect();
        assert_eq!(lines.len(), 1, "one line for {file} in:\n{stderr}");
        assert!(lines[0].contains(words), "{file}: {}", lines[0]);
    }
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"), "{stderr}");
    assert_eq!(stderr.lines().filter(|l| l.starts_with("acta: error:")).count(), 10, "{stderr}");
    let errors = std::fs::read_to_string(out.join("errors.csv")).unwrap();
    assert_eq!(errors.lines().count(), 11, "header + 10 failures:\n{errors}");
    let reports = std::fs::read_to_string(out.join("reports.jsonl")).unwrap();
    assert_eq!(reports.lines().count(), 1, "the good document is written");
    assert!(reports.contains("Marco Antonio Girón"));
}

/// A valid one-page PDF whose page has no text: what a scanner without OCR makes (an image
/// aside, which is not needed to have no text layer).
fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}
