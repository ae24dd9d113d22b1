//! End-to-end: Markdown and stray HTML read as structure (issue 23). The markup leaves every field,
//! summary and speaker row, and every mention still points at its own bytes in the file as written.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn extract(input: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("extract")
        .arg(input)
        .args(["--out", out.path().to_str().unwrap(), "--quiet"])
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success(), "acta failed on {}", input.display());
    std::fs::read_to_string(out.path().join("reports.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The corpus cases written in Markdown or carrying HTML.
fn markup_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|dir| {
            let md = dir.join("report.md");
            let txt = dir.join("report.txt");
            if md.exists() {
                Some(md)
            } else if txt.exists() && std::fs::read_to_string(&txt).is_ok_and(|t| t.contains("<p>")) {
                Some(txt)
            } else {
                None
            }
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_mention_of_a_markup_case_maps_back_to_its_bytes_in_the_file() {
    let cases = markup_cases();
    assert!(cases.len() >= 5, "markup cases in corpus/: {cases:?}");
    for case in cases {
        let original = std::fs::read(&case).unwrap();
        let record = &extract(&case, &[])[0];
        let mentions = record["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty(), "{}", case.display());
        for m in mentions {
            let (s, e) = (m["original_start"].as_u64().unwrap() as usize, m["original_end"].as_u64().unwrap() as usize);
            let written = String::from_utf8_lossy(&original[s..e]);
            assert_eq!(written, m["text"].as_str().unwrap(), "{}: {m}", case.display());
        }
    }
}

#[test]
fn no_markup_is_left_in_fields_summaries_or_speakers() {
    for case in markup_cases() {
        let record = &extract(&case, &[])[0];
        let mut strings: Vec<String> = Vec::new();
        for key in ["title", "organizer", "moderator"] {
            strings.extend(record[key].as_str().map(String::from));
        }
        for key in ["summary", "key_points", "people", "ministries", "organizations"] {
            match &record[key] {
                serde_json::Value::String(s) => strings.push(s.clone()),
                serde_json::Value::Array(a) => strings.extend(a.iter().filter_map(|v| v.as_str().map(String::from))),
                _ => {}
            }
        }
        for s in record["speakers"].as_array().unwrap() {
            for key in ["name", "role", "organization"] {
                strings.extend(s[key].as_str().map(String::from));
            }
        }
        for s in &strings {
            for markup in ["**", "](", "<p>", "</", "|---", "&amp;", "&nbsp;", "```"] {
                assert!(!s.contains(markup), "{}: {markup:?} left in {s:?}", case.display());
            }
        }
    }
}

/// The example of the issue: a bold name in a table, a body in a link, a moderator in a link with her
/// title and an agency in emphasis.
#[test]
fn markdown_table_links_and_emphasis_give_three_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("asistentes.md");
    std::fs::write(
        &path,
        "**Asistentes:**\n\n| Nombre | Organización |\n|---|---|\n| **María Pérez** | [Ministerio de Economía](https://example.org/mecon) |\n| Juan Gómez | Universidad de Chile |\n\nLa reunión fue moderada por [Ana Torres](https://example.org/ana), directora de la *Agencia de Gobierno Digital*.\n",
    )
    .unwrap();
    let record = &extract(&path, &[])[0];
    let speakers = record["speakers"].as_array().unwrap();
    let row =
        |name: &str| speakers.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("{name}: {speakers:?}"));
    assert_eq!(speakers.len(), 3, "{speakers:?}");
    assert_eq!(row("María Pérez")["organization"], "Ministerio de Economía");
    assert_eq!(row("Juan Gómez")["organization"], "Universidad de Chile");
    let ana = row("Ana Torres");
    assert_eq!(ana["session_roles"], serde_json::json!(["moderator"]));
    assert_eq!(ana["role"], "directora");
    assert_eq!(ana["organization"], "Agencia de Gobierno Digital");
}

/// A .txt that is Markdown is read as Markdown; `--format text` reads it as it is.
#[test]
fn the_format_is_guessed_and_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acta.txt");
    std::fs::write(&path, "# Acta\n\n## Presentes\n\n| Nombre | Cargo |\n|---|---|\n| **Ana Ruiz** | Directora |\n")
        .unwrap();
    let guessed = &extract(&path, &[])[0];
    assert_eq!(guessed["format"], "markdown");
    assert_eq!(guessed["people"], serde_json::json!(["Ana Ruiz"]));
    let forced = &extract(&path, &["--format", "text"])[0];
    assert_eq!(forced["format"], "text");
}
