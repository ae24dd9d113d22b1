//! Word lists belong in the language packs (`models/lang/<code>/`), not in code: this test finds
//! every `const`/`static` list of strings, or of a pattern's alternatives ("A|B|C"), in the crates'
//! sources and fails on one that is neither a list of non-words (column names, HTML tags, file
//! extensions, language codes) nor one of the language lists still waiting to move (named below, so
//! that moving one means deleting its line).

use std::path::Path;

/// `const`/`static` lists of strings that are not words of a language.
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
const TO_MOVE: &[&str] = &[];

/// Inline lists of strings that are not words of a language, by file and first item: HTML and Word
/// XML tags, file formats, column names, model labels, language codes.
const INLINE_NOT_WORDS: &[&str] = &[
    "cli/src/main.rs reports",
    "doc/src/report.rs text",
    "entities/src/merge.rs PER",
    "entities/src/merge.rs ORG",
    "entities/src/merge.rs LOC",
    "input/src/docx.rs delText",
    "input/src/html.rs style",
    "input/src/html.rs p",
    "input/src/html.rs area",
    "input/src/discover.rs txt",
    "layout/src/markup.rs p",
    "lang/src/lib.rs en",
    "export/src/writer.rs id",
    "input/src/html.rs script",
    "input/src/html.rs br",
];

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

/// The sources of every crate but `skip`, each with its path from `crates/`.
fn crate_sources(skip: &[&str]) -> Vec<(String, String)> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in std::fs::read_dir(&crates).unwrap().flatten() {
        let src = krate.path().join("src");
        if src.is_dir() && !skip.iter().any(|k| krate.file_name() == *k) {
            sources(&src, &mut files);
        }
    }
    files
        .iter()
        .map(|file| {
            let rel = file.strip_prefix(&crates).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(file).unwrap())
        })
        .collect()
}

#[test]
fn no_new_word_list_in_code() {
    let mut found = Vec::new();
    for (rel, source) in crate_sources(&[]) {
        for name in string_lists(&source) {
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

/// A word of a language in a list: a letter first, then letters, spaces, apostrophes, periods or
/// hyphens ("de la", "l'", "a.m."), and an optional `?` of a pattern ("dias?").
fn is_word(item: &str) -> bool {
    let item = item.trim().trim_start_matches("?:");
    let item = item.strip_suffix('?').unwrap_or(item);
    item.chars().next().is_some_and(char::is_alphabetic)
        && item.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '’' | '.' | '-'))
}

/// The string literals of a source outside comments, with the byte offsets of each's start and end.
fn string_literals(code: &str) -> Vec<(usize, usize, String)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = code[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'\'' => {
                // A char literal ('"', '\'', '\u{2019}') is skipped; a lifetime is not one.
                let rest = &code[i + 1..];
                let len = if let Some(esc) = rest.strip_prefix('\\') {
                    esc.find('\'').map(|n| n + 2)
                } else {
                    rest.chars().next().filter(|_| rest.chars().nth(1) == Some('\'')).map(|c| c.len_utf8())
                };
                i += 1 + len.map_or(0, |l| l + 1);
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) =>
            {
                let hashes = code[i + 1..].bytes().take_while(|&b| b == b'#').count();
                let open = i + 1 + hashes;
                if bytes.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = code[open + 1..].find(&close).map_or(bytes.len(), |n| open + 1 + n);
                out.push((i, end + close.len(), code[open + 1..end].to_string()));
                i = end + close.len();
            }
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                out.push((i, j + 1, code[i + 1..j.min(bytes.len())].to_string()));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Inline lists of three words or more in a source outside its tests: a pattern's alternatives
/// inside a string ("(?:of|de|sur)"), or an array or `|` of string literals (`["and", "y", "et"]`,
/// `"page" | "pág" | "p"`). Each as its first item.
fn inline_lists(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]\nmod ").next().unwrap_or(source);
    let literals = string_literals(code);
    let mut out = Vec::new();
    for (_, _, literal) in &literals {
        for group in literal.split(['(', ')']) {
            let words: Vec<&str> = group.split('|').filter(|a| is_word(a)).collect();
            if group.contains('|') && words.len() >= 3 {
                out.push(words[0].trim().trim_start_matches("?:").to_string());
            }
        }
    }
    // Runs of word literals in an array (`["and", "y", "et"]`) or joined by `|` (`"p" | "pág"`).
    let mut run: Vec<&str> = Vec::new();
    let mut last_end = 0;
    for (start, end, literal) in &literals {
        let between = code[last_end..*start].trim();
        let continues = !run.is_empty() && !between.is_empty() && between.chars().all(|c| matches!(c, ',' | '|'));
        if !continues || !is_word(literal) {
            if run.len() >= 3 {
                out.push(run[0].trim().to_string());
            }
            run.clear();
        }
        let opens = between.ends_with('[') || code.get(*end..).is_some_and(|rest| rest.trim_start().starts_with('|'));
        if is_word(literal) && (continues || opens) {
            run.push(literal);
        }
        last_end = *end;
    }
    if run.len() >= 3 {
        out.push(run[0].trim().to_string());
    }
    out
}

#[test]
fn no_inline_word_list_in_code() {
    // The benchmark's generator and tables, and the optional model backend's labels, hold no rule
    // of acta's.
    let mut found = Vec::new();
    for (rel, source) in crate_sources(&["bench", "transformers"]) {
        for first in inline_lists(&source) {
            let key = format!("{rel} {first}");
            if !INLINE_NOT_WORDS.contains(&key.as_str()) {
                found.push(key);
            }
        }
    }
    assert!(
        found.is_empty(),
        "inline word lists in code (file, first word): {found:?}\nput a language's words in models/lang/<code>/ \
         (a class of word_classes.tsv for a small closed class; see README, The language packs)"
    );
}

#[test]
fn the_inline_scan_finds_lists() {
    let source = "fn f() {\n    let a = [\"and\", \"y\", \"et\"].contains(&w);\n    let c = '\"';\n\
        let b = matches!(w, \"page\" | \"p\" | \"pág\");\n    let r = Regex::new(r\"(?i)\\b(?:to|hasta|until)\\s\");\n\
        // [\"not\", \"in\", \"comments\"]\n    let n = [\"x.md\", \"y\"];\n    let s = [\"a\", \"b\"];\n}\n\
        #[cfg(test)]\nmod tests {\n    const T: [&str; 3] = [\"de\", \"da\", \"do\"];\n}\n";
    assert_eq!(inline_lists(source), vec!["to", "and", "page"]);
}

#[test]
fn the_scan_finds_lists() {
    let source = "const A: &[&str] = &[\"x\"];\npub(crate) const B: &[&str] = &[];\nconst C: usize = 3;\n\
        const E: &str = \"Ministry|Ministerio|Ministère|Ministério\";\nconst F: &str =\n    \"a|b|c|d|e\";\n\
        const G: &str = \"reports.jsonl\";\n#[cfg(test)]\nmod tests {\nconst D: &[&str] = &[];\n}\n";
    assert_eq!(string_lists(source), vec!["A", "B", "E", "F"]);
}
