//! How a report is written: plain text, Markdown or HTML, from its file name and, for `.txt` and
//! JSON Lines records, from the text itself.

use std::path::Path;

use acta_doc::TextFormat;

/// The format a file's extension states, if it states one (`.md`, `.markdown`, `.html`, `.htm`).
pub fn format_of_extension(path: &Path) -> Option<TextFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(TextFormat::Markdown),
        "html" | "htm" => Some(TextFormat::Html),
        _ => None,
    }
}

/// The format of a text whose name does not say: HTML when it starts with a document tag or is
/// mostly tags; Markdown when it shows at least two of Markdown's own signs (a table delimiter
/// row, front matter and two `#` headings count two each; one heading, a `[text](url)` link,
/// three links, two `**bold**` runs, and a bullet list under a heading count one each);
/// plain text otherwise.
///
/// ```
/// use acta_doc::TextFormat;
/// use acta_input::guess_format;
/// assert_eq!(guess_format("| Nombre | Cargo |\n|---|---|\n| Ana | Directora |\n"), TextFormat::Markdown);
/// assert_eq!(guess_format("<!DOCTYPE html><html><body><p>Acta</p></body></html>"), TextFormat::Html);
/// assert_eq!(guess_format("Acta de la reunión\n\nAsistieron: Ana Ruiz, Juan Pérez.\n"), TextFormat::Text);
/// ```
pub fn guess_format(text: &str) -> TextFormat {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower_head: String = head.chars().take(15).collect::<String>().to_ascii_lowercase();
    if lower_head.starts_with("<!doctype html") || lower_head.starts_with("<html") {
        return TextFormat::Html;
    }
    if mostly_tags(text) {
        return TextFormat::Html;
    }
    if markdown_score(text) >= 2 {
        return TextFormat::Markdown;
    }
    TextFormat::Text
}

/// Tags make up most of the text's bytes and there are many of them.
fn mostly_tags(text: &str) -> bool {
    let mut tags = 0usize;
    let mut tag_bytes = 0usize;
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        let after = &rest[i..];
        let is_tag = after.as_bytes().get(1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!');
        match after.find('>') {
            Some(j) if is_tag && !after[1..j].contains('<') => {
                tags += 1;
                tag_bytes += j + 1;
                rest = &after[j + 1..];
            }
            _ => rest = &after[1..],
        }
    }
    tags >= 10 && tag_bytes * 2 >= text.trim().len()
}

fn markdown_score(text: &str) -> usize {
    let mut score = 0;
    let front_matter = (text.starts_with("---\n") || text.starts_with("---\r\n"))
        && text[4..].lines().take(40).any(|l| l.trim_end() == "---");
    if front_matter {
        score += 2;
    }
    let mut headings = 0;
    let mut delimiter_row = false;
    let mut bullets_after_heading = false;
    let mut seen_heading = false;
    for line in text.lines() {
        let t = line.trim_start();
        let hashes = t.len() - t.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') && t.len() > hashes + 1 {
            headings += 1;
            seen_heading = true;
        } else if seen_heading && (t.starts_with("- ") || t.starts_with("* ")) {
            bullets_after_heading = true;
        }
        delimiter_row |= is_delimiter_row(t);
    }
    if delimiter_row {
        score += 2;
    }
    score += match headings {
        0 => 0,
        1 => 1,
        _ => 2,
    };
    let links = count_links(text);
    score += usize::from(links >= 1) + usize::from(links >= 3);
    if text.matches("**").take(4).count() >= 4 {
        score += 1;
    }
    if bullets_after_heading {
        score += 1;
    }
    score
}

/// "|---|:---:|", "--- | ---": a Markdown table's delimiter row.
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('|')
        && t.contains("---")
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && t.split('|').filter(|c| !c.trim().is_empty()).count() >= 2
}

/// Links written "[text](http...)", "[text](/path)" or "[text](#anchor)".
fn count_links(text: &str) -> usize {
    text.match_indices("](")
        .filter(|(i, _)| {
            let after = &text[i + 2..];
            let target = after.starts_with("http") || after.starts_with('/') || after.starts_with('#');
            let before = &text[..*i];
            let opened = before.rfind('[').is_some_and(|o| !before[o..].contains(['\n', ']']));
            target && opened
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_signs_add_up() {
        assert_eq!(guess_format("# Acta\n\n## Asistentes\n\nTexto.\n"), TextFormat::Markdown);
        assert_eq!(guess_format("---\ntitle: Minutes\n---\n\nText of the minutes.\n"), TextFormat::Markdown);
        assert_eq!(
            guess_format("Notes\n\nSee [the agenda](https://example.org/a) and **decisions** and **votes**.\n"),
            TextFormat::Markdown
        );
        // One sign alone is not enough: a single link in a plain report.
        assert_eq!(guess_format("Report\n\nSee [the agenda](https://example.org/a).\n"), TextFormat::Text);
        // Dashes under a title are not a table.
        assert_eq!(guess_format("REPORT\n-------\nText.\n"), TextFormat::Text);
    }

    #[test]
    fn mostly_tags_is_html_and_stray_tags_are_not() {
        let page = "<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p></div>";
        assert_eq!(guess_format(page), TextFormat::Html);
        let text = "Acta de la reunión del consejo. <p>Asistieron Ana Ruiz y Juan Pérez.</p> Se aprobó el presupuesto del año siguiente sin objeciones de los presentes.";
        assert_eq!(guess_format(text), TextFormat::Text);
    }
}
