//! Word documents in: for corpus reports that LibreOffice turned into `.docx` (tests/documents/,
//! made again by `make test-documents`), acta's records from the document equal its records from
//! the report's text; and a bad document is one clear error, not a panic or an empty report.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn extract(input: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_acta"))
        .args(["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap()
}

/// The fields a document must give as its text does, by report id without extension.
fn records(jsonl: &Path) -> Vec<(String, serde_json::Value)> {
    let mut out: Vec<(String, serde_json::Value)> = std::fs::read_to_string(jsonl)
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

#[test]
fn a_word_document_gives_the_records_of_its_text() {
    let documents: Vec<PathBuf> = std::fs::read_dir(root().join("tests/documents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(documents.len() >= 3, "tests/documents has the Word documents");
    let dir = tempfile::tempdir().unwrap();
    let (docx_dir, text_dir) = (dir.path().join("docx"), dir.path().join("text"));
    std::fs::create_dir_all(&docx_dir).unwrap();
    std::fs::create_dir_all(&text_dir).unwrap();
    for doc in &documents {
        let case = doc.file_stem().unwrap().to_str().unwrap();
        std::fs::copy(doc, docx_dir.join(format!("{case}.docx"))).unwrap();
        let report = ["txt", "md"]
            .iter()
            .map(|e| root().join(format!("corpus/{case}/report.{e}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("corpus/{case}/report.txt or .md"));
        let ext = report.extension().unwrap().to_str().unwrap();
        std::fs::copy(&report, text_dir.join(format!("{case}.{ext}"))).unwrap();
    }
    let (docx_out, text_out) = (dir.path().join("docx-out"), dir.path().join("text-out"));
    assert_eq!(extract(&docx_dir, &docx_out).status.code(), Some(0));
    assert_eq!(extract(&text_dir, &text_out).status.code(), Some(0));
    let (from_docx, from_text) = (records(&docx_out.join("reports.jsonl")), records(&text_out.join("reports.jsonl")));
    assert_eq!(from_docx.len(), documents.len());
    for ((case, docx), (_, text)) in from_docx.iter().zip(&from_text) {
        assert_eq!(docx, text, "{case}: the .docx and the report's text give different records");
    }
    // A speaker table in a Word table stays a table: its people are speakers.
    let tabla = from_docx.iter().find(|(c, _)| c == "es_markdown_tabla").unwrap();
    assert!(tabla.1["speakers"].as_array().unwrap().iter().any(|s| s == "Andrés Felipe Zuluaga"));
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
    std::fs::write(input.join("f_too_large.docx"), vec![b'P'; 8000]).unwrap();
    let out = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_acta"))
        .args(["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--max-bytes", "7000"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "some documents failed: exit 1");
    let stderr = String::from_utf8_lossy(&o.stderr);
    for (file, words) in [
        ("b_encrypted.docx", "encrypted"),
        ("c_not_a_zip.docx", "not a zip archive"),
        ("d_truncated.docx", "corrupt or truncated"),
        ("e_not_word.docx", "without word/document.xml"),
        ("f_too_large.docx", "over the limit of 7000 bytes"),
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(file)).collect();
        assert_eq!(lines.len(), 1, "one line for {file} in:\n{stderr}");
        assert!(lines[0].contains(words), "{file}: {}", lines[0]);
    }
    assert!(!stderr.contains("panic"), "{stderr}");
    let errors = std::fs::read_to_string(out.join("errors.csv")).unwrap();
    assert_eq!(errors.lines().count(), 6, "header + 5 failures:\n{errors}");
    let reports = std::fs::read_to_string(out.join("reports.jsonl")).unwrap();
    assert_eq!(reports.lines().count(), 1, "the good document is written");
    assert!(reports.contains("Marco Antonio Girón"));
}
