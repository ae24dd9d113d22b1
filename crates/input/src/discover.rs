//! Finding report files and reading them, lazily, in a stable order.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::decode::decode;
use crate::docx::{docx_to_text, looks_like_docx};
use crate::error::{Error, Result};
use crate::format::{format_of_extension, guess_format};
use crate::html::html_to_text;
use crate::pdf::pdf_to_text;
use acta_doc::TextFormat;

/// File extensions read as reports.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx", "pdf"];

/// A report file found on disk, not read yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInput {
    pub path: PathBuf,
    /// Stable id: the path relative to the directory given, or the path as given for a file.
    pub id: String,
}

/// One thing found while walking the inputs.
#[derive(Debug)]
pub enum Found {
    File(FileInput),
    /// A file with another extension, skipped and counted.
    Skipped(PathBuf),
    /// A path that could not be walked (unreadable directory, symlink loop...).
    Error {
        source: String,
        error: Error,
    },
}

/// A decoded report text ready for the pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub sha256: String,
    pub encoding: String,
    pub byte_len: usize,
    /// How `text` is written: Markdown is read by the layout stage; HTML is already text here.
    pub format: TextFormat,
    pub text: String,
    /// What reading changed, for the report's warnings ("running header ... removed from 5 of 6 pages").
    pub warnings: Vec<String>,
    /// Where each page starts in `text` (PDF input; empty for text without pages).
    pub page_starts: Vec<usize>,
}

/// Walks files and directories in a stable order (directories sorted by file name), yielding
/// files lazily so that a dump of millions of files never sits in memory as one list.
pub fn walk(inputs: &[PathBuf]) -> impl Iterator<Item = Found> + '_ {
    inputs.iter().flat_map(|input| {
        let is_dir = input.is_dir();
        let root = input.clone();
        walkdir::WalkDir::new(input).follow_links(true).sort_by_file_name().into_iter().filter_map(move |entry| {
            match entry {
                Err(error) => {
                    let source = error.path().unwrap_or(&root).display().to_string();
                    Some(Found::Error { source, error: Error::Walk { path: root.clone(), source: error } })
                }
                Ok(entry) if entry.file_type().is_dir() => None,
                Ok(entry) => {
                    let path = entry.into_path();
                    if !has_report_extension(&path) && is_dir {
                        return Some(Found::Skipped(path));
                    }
                    let id = if is_dir { relative_id(&root, &path) } else { slash_path(&path) };
                    Some(Found::File(FileInput { path, id }))
                }
            }
        })
    })
}

fn has_report_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The format a document is read in: the one forced by the user, else the one its name states,
/// else the one its text shows. HTML is turned into text here.
/// A file's bytes as text: a Word document's body (by its extension or its contents), else the
/// bytes decoded and, for HTML, turned into text. Also the encoding read.
fn read_bytes(bytes: &[u8], forced: Option<TextFormat>, name: &Path) -> Result<ReadBytes> {
    let extension = name.extension().and_then(|e| e.to_str()).unwrap_or("");
    if extension.eq_ignore_ascii_case("docx") || looks_like_docx(bytes) {
        return Ok(ReadBytes {
            format: TextFormat::Docx,
            text: docx_to_text(bytes)?,
            encoding: "UTF-8".into(),
            warnings: vec![],
            page_starts: vec![],
        });
    }
    if extension.eq_ignore_ascii_case("pdf") || bytes.starts_with(b"%PDF-") {
        let pdf = pdf_to_text(bytes)?;
        return Ok(ReadBytes {
            format: TextFormat::Pdf,
            text: pdf.text,
            encoding: "UTF-8".into(),
            warnings: pdf.removed,
            page_starts: pdf.page_starts,
        });
    }
    let decoded = decode(bytes)?;
    let (format, text) = read_as(decoded.text, forced, name);
    Ok(ReadBytes {
        format,
        text,
        encoding: decoded.encoding.to_string(),
        warnings: Vec::new(),
        page_starts: Vec::new(),
    })
}

/// A file's bytes read: its text, how the text is written, the encoding read, and what reading
/// removed (PDF page furniture), and where its pages start (PDF).
struct ReadBytes {
    format: TextFormat,
    text: String,
    encoding: String,
    warnings: Vec<String>,
    page_starts: Vec<usize>,
}

fn read_as(text: String, forced: Option<TextFormat>, name: &Path) -> (TextFormat, String) {
    let format = forced.or_else(|| format_of_extension(name)).unwrap_or_else(|| guess_format(&text));
    match format {
        TextFormat::Html => (TextFormat::Html, html_to_text(&text)),
        other => (other, text),
    }
}

fn relative_id(root: &Path, path: &Path) -> String {
    slash_path(path.strip_prefix(root).unwrap_or(path))
}

/// A path with '/' separators; bytes that are not UTF-8 are shown as U+FFFD.
fn slash_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if std::path::MAIN_SEPARATOR == '/' {
        s.to_string()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// Reads, size-checks and decodes one report file; HTML is turned into text.
pub fn read_file(input: &FileInput, max_bytes: u64) -> Result<Document> {
    read_file_as(input, max_bytes, None)
}

/// [`read_file`] with the format given instead of found (`--format`).
pub fn read_file_as(input: &FileInput, max_bytes: u64, forced: Option<TextFormat>) -> Result<Document> {
    let read_err = |source| Error::Read { path: input.path.clone(), source };
    let file = std::fs::File::open(&input.path).map_err(read_err)?;
    let size = file.metadata().map_err(read_err)?.len();
    if size > max_bytes {
        return Err(Error::TooLarge { size, limit: max_bytes });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read one byte past the limit so a file that grew since its metadata was read is still caught.
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: max_bytes });
    }
    let ReadBytes { format, text, encoding, warnings, page_starts } = read_bytes(&bytes, forced, &input.path)?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Document {
        id: input.id.clone(),
        source: slash_path(&input.path),
        sha256: sha256_hex(&bytes),
        encoding,
        byte_len: bytes.len(),
        format,
        text,
        warnings,
        page_starts,
    })
}

/// One line of a JSON Lines stream: the document, or the error that names its line.
#[derive(Debug)]
pub struct JsonLine {
    pub line: usize,
    pub result: Result<Document>,
    /// The record's id and source when the line was a record whose content failed (empty, binary,
    /// too large, undecodable): its error then names the report, as for a file.
    pub named: Option<(String, String)>,
}

/// Reads `{"id": ..., "text": ...}` records, one per line, lazily. Blank lines are skipped; a line
/// that is not such a record is an error for that line only.
///
/// Optional fields: `"source"` (where the report came from; shown in outputs, default `stdin:LINE`),
/// `"format"` (`"text"`, `"markdown"` or `"html"`; by default what the source's extension states,
/// else what the text shows), and
/// `"base64"` instead of `"text"`: the report file's bytes, decoded as a file would be (BOM, UTF-16,
/// legacy encodings), so that a distributed job hands acta files exactly as they are on disk.
pub fn read_json_lines<R: BufRead>(reader: R, max_bytes: u64) -> impl Iterator<Item = JsonLine> {
    read_json_lines_as(reader, max_bytes, None)
}

/// [`read_json_lines`] with the format of every record given (`--format`), unless a record states its own.
pub fn read_json_lines_as<R: BufRead>(
    reader: R,
    max_bytes: u64,
    forced: Option<TextFormat>,
) -> impl Iterator<Item = JsonLine> {
    let mut reader = reader;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        buf.clear();
        line_no += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(JsonLine { line: line_no, result: Err(Error::Stdin(e)), named: None }),
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(match parse_json_line(&buf, line_no, max_bytes, forced) {
            Ok(doc) => JsonLine { line: line_no, result: Ok(doc), named: None },
            Err(failed) => {
                let (named, e) = *failed;
                JsonLine { line: line_no, result: Err(e), named }
            }
        });
    })
}

/// A record, or the error with the record's id and source when they were read.
type Parsed = std::result::Result<Document, Box<(Option<(String, String)>, Error)>>;

fn parse_json_line(bytes: &[u8], line: usize, max_bytes: u64, forced: Option<TextFormat>) -> Parsed {
    let bad = |reason: String| Box::new((None, Error::BadJsonLine { line, reason }));
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let obj = value.as_object().ok_or_else(|| bad("not a JSON object".into()))?;
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => format!("stdin:{line}"),
        Some(_) => return Err(bad("\"id\" is neither a string nor a number".into())),
    };
    let source = match obj.get("source") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        None | Some(serde_json::Value::Null) => format!("stdin:{line}"),
        Some(_) => return Err(bad("\"source\" is not a string".into())),
    };
    let named = (id.clone(), source.clone());
    let format = match obj.get("format").map(|f| f.as_str()) {
        None | Some(Some("")) => forced,
        Some(Some(f)) => match TextFormat::parse(f) {
            Some(format) => Some(format),
            None => return Err(bad("\"format\" is none of \"text\", \"markdown\", \"html\"".into())),
        },
        Some(None) => return Err(bad("\"format\" is not a string".into())),
    };
    read_content(obj, format, &source, max_bytes, line)
        .map(|(sha256, byte_len, read)| Document {
            id,
            source,
            sha256,
            encoding: read.encoding,
            byte_len,
            format: read.format,
            text: read.text,
            warnings: read.warnings,
            page_starts: read.page_starts,
        })
        .map_err(|e| Box::new((Some(named), e)))
}

/// The text of a record (from "text", or "base64" decoded as a file), its hash and size.
fn read_content(
    obj: &serde_json::Map<String, serde_json::Value>,
    format: Option<TextFormat>,
    source: &str,
    max_bytes: u64,
    line: usize,
) -> Result<(String, usize, ReadBytes)> {
    use base64::Engine as _;
    let bad = |reason: String| Error::BadJsonLine { line, reason };
    // The hash and size are those of the record's content as given, before HTML is made text.
    let (sha256, byte_len, read) = match (obj.get("text"), obj.get("base64")) {
        (Some(serde_json::Value::String(s)), None) => {
            if s.len() as u64 > max_bytes {
                return Err(Error::TooLarge { size: s.len() as u64, limit: max_bytes });
            }
            if let Some(offset) = s.bytes().position(|b| b == 0) {
                return Err(Error::Binary { offset });
            }
            let (sha256, byte_len) = (sha256_hex(s.as_bytes()), s.len());
            let (format, text) = read_as(s.clone(), format, Path::new(source));
            (
                sha256,
                byte_len,
                ReadBytes { format, text, encoding: "UTF-8".into(), warnings: vec![], page_starts: vec![] },
            )
        }
        (None, Some(serde_json::Value::String(b))) => {
            // Four base64 characters carry three bytes: refuse before decoding what would be too large.
            if (b.len() as u64 / 4) * 3 > max_bytes + 3 {
                return Err(Error::TooLarge { size: (b.len() as u64 / 4) * 3, limit: max_bytes });
            }
            let raw = base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .map_err(|e| bad(format!("\"base64\" is not base64: {e}")))?;
            if raw.len() as u64 > max_bytes {
                return Err(Error::TooLarge { size: raw.len() as u64, limit: max_bytes });
            }
            // Bytes are read as a file is: decoded, and HTML or a document already made text.
            (sha256_hex(&raw), raw.len(), read_bytes(&raw, format, Path::new(source))?)
        }
        (Some(_), Some(_)) => return Err(bad("both \"text\" and \"base64\"; give one".into())),
        (Some(_), None) => return Err(bad("\"text\" is not a string".into())),
        (None, Some(_)) => return Err(bad("\"base64\" is not a string".into())),
        (None, None) => return Err(bad("no \"text\" field (or \"base64\")".into())),
    };
    if read.text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok((sha256, byte_len, read))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_good_blank_and_bad() {
        let input = "{\"id\": \"a\", \"text\": \"Hola\"}\n\n{\"id\": 7, \"text\": \"Oi\"}\nnot json\n{\"id\": \"b\"}\n";
        let lines: Vec<JsonLine> = read_json_lines(input.as_bytes(), 1000).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].result.as_ref().unwrap().id, "a");
        assert_eq!(lines[1].line, 3);
        assert_eq!(lines[1].result.as_ref().unwrap().id, "7");
        assert!(matches!(lines[2].result, Err(Error::BadJsonLine { line: 4, .. })));
        assert!(lines[3].result.as_ref().unwrap_err().to_string().contains("no \"text\""));
    }

    #[test]
    fn json_lines_carry_file_bytes_sources_and_html() {
        use base64::Engine as _;
        let latin1 = b"Relat\xf3rio da sess\xe3o\n\nA sess\xe3o tratou de governo digital.\n";
        let b64 = base64::engine::general_purpose::STANDARD.encode(latin1);
        let input = format!(
            "{}\n{}\n{}\n{}\n",
            serde_json::json!({"id": "a", "source": "dump/a.txt", "base64": b64}),
            serde_json::json!({"id": "b", "source": "dump/b.html", "text": "<p>Uno</p><script>x()</script><p>Dos</p>"}),
            serde_json::json!({"id": "c", "text": "<b>kept as text</b>", "format": "text"}),
            serde_json::json!({"id": "d", "base64": "%%%"}),
        );
        let lines: Vec<JsonLine> = read_json_lines(input.as_bytes(), 1000).collect();
        let a = lines[0].result.as_ref().unwrap();
        assert_eq!(
            (a.source.as_str(), a.text.as_str()),
            ("dump/a.txt", "Relatório da sessão\n\nA sessão tratou de governo digital.\n")
        );
        assert_eq!(a.sha256, sha256_hex(latin1), "the hash is of the bytes, as for a file");
        assert_ne!(a.encoding, "UTF-8");
        assert_eq!(lines[1].result.as_ref().unwrap().text, "Uno\n\nDos\n");
        assert_eq!(lines[2].result.as_ref().unwrap().text, "<b>kept as text</b>");
        assert!(lines[3].result.as_ref().unwrap_err().to_string().contains("not base64"));
    }

    #[test]
    fn walk_skips_other_extensions_in_stable_order() {
        let dir = tempdir();
        std::fs::create_dir_all(dir.join("b")).unwrap();
        std::fs::write(dir.join("b/z.txt"), "x").unwrap();
        std::fs::write(dir.join("a.md"), "x").unwrap();
        std::fs::write(dir.join("c.odp"), "x").unwrap();
        let found: Vec<String> = walk(std::slice::from_ref(&dir))
            .map(|f| match f {
                Found::File(f) => f.id,
                Found::Skipped(p) => format!("skipped {}", p.file_name().unwrap().to_string_lossy()),
                Found::Error { source, .. } => format!("error {source}"),
            })
            .collect();
        assert_eq!(found, vec!["a.md", "b/z.txt", "skipped c.odp"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("acta-input-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
