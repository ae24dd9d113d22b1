//! HTML to text with a real HTML parser, keeping headings, paragraphs and list items as lines.

use scraper::{Html, Node};

/// Elements whose content is never text of the report.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "iframe", "object"];
/// Elements that end a paragraph: a blank line follows them.
const PARAGRAPHS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "form",
    "fieldset",
    "figure",
    "nav",
    "address",
];
/// Elements that end a line.
const LINES: &[&str] = &["br", "li", "tr", "dt", "dd", "caption", "figcaption", "hr", "option"];

/// Extracts the text of an HTML document. Headings and paragraphs are separated by blank lines,
/// list items become "- item" lines, table cells of a row are joined with " | ". Nothing is fetched:
/// scripts, styles and embedded objects are dropped unread.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip_depth = 0usize;
    let mut first_cell = true;
    let mut pre_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if skip_depth > 0 || SKIPPED.contains(&name) {
                        skip_depth += 1;
                        continue;
                    }
                    match name {
                        "li" => {
                            end_line(&mut out);
                            out.push_str("- ");
                        }
                        "tr" => {
                            end_line(&mut out);
                            first_cell = true;
                        }
                        "td" | "th" => {
                            if !first_cell {
                                out.push_str(" | ");
                            }
                            first_cell = false;
                        }
                        "pre" => {
                            pre_depth += 1;
                            end_paragraph(&mut out);
                        }
                        "br" => out.push('\n'),
                        _ if PARAGRAPHS.contains(&name) => end_paragraph(&mut out),
                        _ if LINES.contains(&name) => end_line(&mut out),
                        _ => {}
                    }
                }
                Node::Text(text) if skip_depth == 0 => push_text(&mut out, text, pre_depth > 0),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if PARAGRAPHS.contains(&name) {
                        end_paragraph(&mut out);
                    } else if LINES.contains(&name) && name != "br" {
                        end_line(&mut out);
                    }
                }
            }
        }
    }
    tidy(&out)
}

fn push_text(out: &mut String, text: &str, preformatted: bool) {
    if preformatted {
        out.push_str(text);
        return;
    }
    for (i, word) in text.split_ascii_whitespace().enumerate() {
        let at_line_start = out.is_empty() || out.ends_with('\n');
        if (i > 0 || text.starts_with(|c: char| c.is_ascii_whitespace())) && !at_line_start && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(|c: char| c.is_ascii_whitespace()) && !out.ends_with(['\n', ' ']) && !out.is_empty() {
        out.push(' ');
    }
}

fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn end_paragraph(out: &mut String) {
    end_line(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Trims each line and keeps at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\u{a0}');
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_tables_become_lines() {
        let html = "<html><head><title>x</title><script>alert(1)</script></head><body>\
            <h1>Informe de la sesión</h1><p>Fecha: 3 de mayo de 2019</p>\
            <ul><li>Ana <b>Silva</b>, Universidad de Lisboa</li><li>Juan Pérez</li></ul>\
            <table><tr><td>Nombre</td><td>Cargo</td></tr><tr><td>Luis</td><td>Director</td></tr></table></body></html>";
        let text = html_to_text(html);
        assert_eq!(
            text,
            "Informe de la sesión\n\nFecha: 3 de mayo de 2019\n\n- Ana Silva, Universidad de Lisboa\n- Juan Pérez\n\nNombre | Cargo\nLuis | Director\n"
        );
        assert!(!text.contains("alert"));
    }

    #[test]
    fn broken_and_deep_html_does_not_panic() {
        let deep = "<div>".repeat(2_000) + "texto" + &"</div>".repeat(5);
        assert!(html_to_text(&deep).contains("texto"));
        assert_eq!(html_to_text("<p>a <i>b</p> c</b>"), "a b\n\nc\n");
    }
}
