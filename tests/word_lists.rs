//! Word lists belong in the language packs (`models/lang/<code>/`), not in code: this test finds
//! every `const`/`static` list of strings, or of a pattern's alternatives ("A|B|C"), in the crates'
//! sources and fails on one that is neither a list of non-words (column names, HTML tags, file
//! extensions, language codes) nor one of the language lists still waiting to move (named below, so
//! that moving one means deleting its line).

use std::path::Path;

/// Lists of strings that are not words of a language.
const NOT_WORDS: &[&str] = &[
    "export/src/writer.rs REPORT_COLUMNS",
    "export/src/writer.rs SPEAKER_COLUMNS",
    "export/src/writer.rs ENTITY_COLUMNS",
    "export/src/writer.rs ERROR_COLUMNS",
    "sqlite/src/lib.rs INTEGER_COLUMNS",
    "sqlite/src/lib.rs REAL_COLUMNS",
    "input/src/html.rs SKIPPED",
    "input/src/html.rs PARAGRAPHS",
    "input/src/html.rs LINES",
    "input/src/html.rs VOID",
    "input/src/discover.rs REPORT_EXTENSIONS",
    "layout/src/markup.rs BLOCK_TAGS",
    "layout/src/markup.rs TAGS",
    "lang/src/lib.rs DEFAULT_LANGUAGES",
    "sqlite/src/lib.rs TABLES",
];

/// Language word lists still in code (issue: language packs). Move one to a pack file, then
/// delete its line here. Lists written as a regular expression's alternatives ("A|B|C") are
/// found too.
const TO_MOVE: &[&str] = &["layout/src/dates.rs DAY_WORDS"];

/// `const NAME: &[&str]` and `static NAME: &[&str]` in a source file, outside its tests module.
fn string_lists(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]\nmod ").next().unwrap_or(source);
    let mut out = Vec::new();
    let lines: Vec<&str> = code.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).copied();
        let line = line.trim_start();
        let rest = ["pub(crate) const ", "pub const ", "const ", "pub static ", "static "]
            .iter()
            .find_map(|p| line.strip_prefix(p));
        let Some(rest) = rest else { continue };
        if let Some((name, ty)) = rest.split_once(':') {
            let ty = ty.trim_start();
            if ty.starts_with("&[&str]") || ty.starts_with("&'static [&'static str]") || ty.starts_with("&[(&str") {
                out.push(name.trim().to_string());
            } else if ty.starts_with("&str") {
                // "Ministry|Ministerio|Ministère|...": a list written as a pattern's alternatives.
                let value = ty.split_once('=').map_or("", |(_, v)| v);
                let value = if value.trim().is_empty() { next.unwrap_or("") } else { value };
                let alternatives = value.split('|').filter(|a| a.trim().chars().any(char::is_alphabetic)).count();
                if !value.contains("include_str!") && alternatives >= 4 {
                    out.push(name.trim().to_string());
                }
            }
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_new_word_list_in_code() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in std::fs::read_dir(&crates).unwrap().flatten() {
        let src = krate.path().join("src");
        if src.is_dir() {
            sources(&src, &mut files);
        }
    }
    let mut found = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&crates).unwrap().to_string_lossy().replace('\\', "/");
        for name in string_lists(&std::fs::read_to_string(file).unwrap()) {
            found.push(format!("{rel} {name}"));
        }
    }
    let new: Vec<&String> =
        found.iter().filter(|f| !NOT_WORDS.contains(&f.as_str()) && !TO_MOVE.contains(&f.as_str())).collect();
    assert!(
        new.is_empty(),
        "word lists in code: {new:?}\nput a language's words in models/lang/<code>/ (see README, The language packs)"
    );
    let moved: Vec<&&str> = TO_MOVE.iter().filter(|t| !found.iter().any(|f| f == **t)).collect();
    assert!(moved.is_empty(), "moved to a pack (or renamed): delete from TO_MOVE: {moved:?}");
}

#[test]
fn the_scan_finds_lists() {
    let source = "const A: &[&str] = &[\"x\"];\npub(crate) const B: &[&str] = &[];\nconst C: usize = 3;\n\
        const E: &str = \"Ministry|Ministerio|Ministère|Ministério\";\nconst F: &str =\n    \"a|b|c|d|e\";\n\
        const G: &str = \"reports.jsonl\";\n#[cfg(test)]\nmod tests {\nconst D: &[&str] = &[];\n}\n";
    assert_eq!(string_lists(source), vec!["A", "B", "E", "F"]);
}
