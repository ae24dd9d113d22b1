//! Markdown and stray HTML read as structure: the markup leaves the text, the structure stays as
//! the plain-text shapes the parser already reads (headings as `#` lines, list items as `- `
//! lines, table rows as `| a | b |` lines, front matter as `key: value` lines), and every byte
//! written keeps a map back to the file as written.

use std::ops::Range;

use acta_doc::OffsetMap;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// Text read out of markup, with its map to the markup's bytes.
#[derive(Debug, Clone)]
pub struct Unmarked {
    pub text: String,
    pub offsets: OffsetMap,
}

/// Builds the text and its map together.
struct Writer<'s> {
    src: &'s str,
    text: String,
    map: OffsetMap,
    /// Where in `src` the last written byte came from: written separators map there.
    at: usize,
}

impl<'s> Writer<'s> {
    fn new(src: &'s str) -> Self {
        Writer { src, text: String::with_capacity(src.len()), map: OffsetMap::empty(), at: 0 }
    }

    /// Copies `src[range]` as it is.
    fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.text.push_str(&self.src[range.clone()]);
        self.map.push_copy(range.start, range.len());
        self.at = range.end;
    }

    /// Writes `s` in place of `src[range]` (an empty range: inserted there).
    fn write(&mut self, s: &str, range: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        self.map.push_replace(range.start, range.len(), s.len());
        self.at = range.end;
    }

    /// Writes separator text that stands for no source bytes.
    fn insert(&mut self, s: &str) {
        let at = self.at;
        self.write(s, at..at);
    }

    /// Text written from `src[range]`: copied when it is the source's own bytes (no escape or
    /// character reference decoded), written otherwise. Line breaks become `newline`.
    fn text(&mut self, s: &str, range: Range<usize>, newline: &str) {
        if self.src.get(range.clone()) == Some(s) && (newline == "\n" || !s.contains('\n')) {
            self.copy(range);
        } else if let Some(i) = self.src.get(range.clone()).and_then(|r| r.find(s)).filter(|_| !s.contains('\n')) {
            // Inline code: the text inside the backticks.
            self.copy(range.start + i..range.start + i + s.len());
        } else {
            let s = if newline == "\n" { s.to_string() } else { s.replace('\n', newline) };
            self.write(&s, range);
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn line_break(&mut self) {
        if !self.at_line_start() {
            self.insert("\n");
        }
    }

    fn blank_line(&mut self) {
        self.line_break();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.insert("\n");
        }
    }

    fn finish(mut self) -> Unmarked {
        self.line_break();
        Unmarked { text: self.text, offsets: self.map }
    }
}

/// Reads a Markdown document (GitHub tables and strikethrough; YAML or TOML front matter).
///
/// ```
/// let md = "**Moderadora:** [Ana Torres](https://example.org/ana)\n\n| Nombre | Cargo |\n|---|---|\n| **Juan Gómez** | Director |\n";
/// let out = acta_layout::markdown_to_text(md);
/// assert_eq!(out.text, "Moderadora: Ana Torres\n\n| Nombre | Cargo |\n| Juan Gómez | Director |\n");
/// ```
pub fn markdown_to_text(src: &str) -> Unmarked {
    let mut w = Writer::new(src);
    let body = front_matter(src, &mut w);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(&src[body..], options).into_offset_iter();
    // Open lists: the next number of an ordered one, None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut skipping = 0usize;
    let mut cell_in_row = 0usize;
    let mut in_table = false;
    let mut in_item_text = false;
    for (event, range) in parser {
        let range = range.start + body..range.end + body;
        if skipping > 0 {
            match event {
                Event::Start(Tag::Image { .. }) | Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                    skipping += 1
                }
                Event::End(TagEnd::Image) | Event::End(TagEnd::CodeBlock) => skipping -= 1,
                _ => {}
            }
            if skipping == 0 {
                w.at = range.end;
            }
            continue;
        }
        let soft = if in_table || !lists.is_empty() { " " } else { "\n" };
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    if lists.is_empty() {
                        w.blank_line();
                    } else if in_item_text {
                        // A second paragraph of a list item: a line of its own, indented under it.
                        w.line_break();
                        w.insert(&"  ".repeat(lists.len()));
                    }
                    w.at = range.start;
                }
                Tag::Heading { level, .. } => {
                    w.blank_line();
                    let marks = "#".repeat(level as usize);
                    w.write(&format!("{marks} "), range.start..range.start);
                }
                Tag::BlockQuote(_) | Tag::HtmlBlock => w.blank_line(),
                Tag::CodeBlock(CodeBlockKind::Fenced(_)) => {
                    // Code is kept out of the text: no entity or summary comes from it.
                    w.blank_line();
                    skipping = 1;
                }
                Tag::CodeBlock(CodeBlockKind::Indented) => {
                    // Four spaces of indent in minutes are mostly prose indented by hand: kept.
                    w.blank_line();
                }
                Tag::List(first) => {
                    if lists.is_empty() {
                        w.blank_line();
                    } else {
                        w.line_break();
                    }
                    lists.push(first);
                }
                Tag::Item => {
                    w.line_break();
                    let depth = lists.len().max(1) - 1;
                    let marker = match lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{}{n}. ", "  ".repeat(depth));
                            *n += 1;
                            m
                        }
                        _ => format!("{}- ", "  ".repeat(depth)),
                    };
                    w.write(&marker, range.start..range.start);
                    in_item_text = true;
                }
                Tag::Table(_) => {
                    w.blank_line();
                    in_table = true;
                }
                Tag::TableHead | Tag::TableRow => {
                    w.line_break();
                    w.write("| ", range.start..range.start);
                    cell_in_row = 0;
                }
                Tag::TableCell => {
                    if cell_in_row > 0 {
                        w.write(" | ", range.start..range.start);
                    }
                    cell_in_row += 1;
                }
                Tag::Image { .. } => skipping = 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph if lists.is_empty() => w.line_break(),
                // Every block starts with a blank line of its own: ends only close the line.
                TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => w.line_break(),
                TagEnd::Table => {
                    in_table = false;
                    w.line_break();
                }
                TagEnd::List(_) => {
                    lists.pop();
                    w.line_break();
                }
                TagEnd::Item => {
                    w.line_break();
                    in_item_text = false;
                }
                TagEnd::TableHead | TagEnd::TableRow => {
                    w.write(" |", range.end..range.end);
                    w.line_break();
                }
                _ => {}
            },
            Event::Text(t) => w.text(&t, range, soft),
            Event::Code(t) => w.text(&t, range, " "),
            Event::SoftBreak => {
                if soft == "\n" {
                    w.write("\n", range);
                } else {
                    w.write(" ", range);
                }
            }
            Event::HardBreak => {
                w.line_break();
                w.at = range.end;
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let offset = range.start + src[range.clone()].find(&*h).unwrap_or(0);
                strip_tags(&mut w, offset..offset + h.len(), in_table || !lists.is_empty());
            }
            Event::Rule => {
                w.blank_line();
                w.at = range.end;
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => w.text(&t, range, " "),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
    w.finish()
}

/// Writes the front matter's `key: value` lines (YAML `---` or TOML `+++` at the very start) and
/// returns where the Markdown body starts. Nested values, lists and URLs are left out.
fn front_matter(src: &str, w: &mut Writer) -> usize {
    let fence = if src.starts_with("---\n") || src.starts_with("---\r\n") {
        "---"
    } else if src.starts_with("+++\n") || src.starts_with("+++\r\n") {
        "+++"
    } else {
        return 0;
    };
    let mut pos = src.find('\n').map_or(src.len(), |i| i + 1);
    let mut lines = Vec::new();
    let mut closed = None;
    for line in src[pos..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == fence {
            closed = Some(pos + line.len());
            break;
        }
        lines.push((pos, content));
        pos += line.len();
    }
    let Some(body) = closed else { return 0 };
    for (start, line) in lines {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let sep = if fence == "---" { ':' } else { '=' };
        let Some(i) = line.find(sep) else { continue };
        let key = line[..i].trim();
        let raw = &line[i + 1..];
        let value = raw.trim().trim_matches(['"', '\'']);
        if key.is_empty() || value.is_empty() || value.contains("://") || value.starts_with('/') || key.contains(' ') {
            continue;
        }
        let value_start = start + i + 1 + raw.find(value).unwrap_or(0);
        w.copy(start..start + key.len());
        w.insert(": ");
        w.copy(value_start..value_start + value.len());
        w.insert("\n");
    }
    w.at = body;
    if !w.text.is_empty() {
        w.insert("\n");
    }
    body
}

/// Block-level tags: a line break before and after them.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "thead",
    "tbody",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "hr",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "caption",
    "address",
];

/// Writes the text of an HTML fragment `src[range]`: tags leave, block tags break lines, list
/// items get a bullet, table cells a `|`, character references are decoded; comments, scripts
/// and styles leave with their content. `inline` keeps everything on the current line.
fn strip_tags(w: &mut Writer, range: Range<usize>, inline: bool) {
    let src = w.src;
    let mut pos = range.start;
    let end = range.end;
    let mut run = pos;
    let flush = |w: &mut Writer, from: usize, to: usize| {
        // Text between tags: line breaks and runs of spaces are one space, as in HTML.
        let mut start = from;
        let bytes = src.as_bytes();
        let mut i = from;
        while i < to {
            if matches!(bytes[i], b'\n' | b'\r' | b'\t') || bytes[i] == b' ' && i + 1 < to && bytes[i + 1] == b' ' {
                w.copy(start..i);
                let mut j = i;
                while j < to && matches!(bytes[j], b'\n' | b'\r' | b'\t' | b' ') {
                    j += 1;
                }
                if !w.at_line_start() && !w.text.ends_with(' ') && j < to {
                    w.write(" ", i..j);
                }
                w.at = j;
                i = j;
                start = j;
            } else {
                i += 1;
            }
        }
        if !(w.at_line_start() && src[start..to].trim().is_empty()) {
            w.copy(start..to);
        }
    };
    while pos < end {
        let b = src.as_bytes()[pos];
        if b == b'<' {
            if let Some(len) = tag_len(&src[pos..end]) {
                flush(w, run, pos);
                let tag = &src[pos..pos + len];
                let name = tag_name(tag);
                let closing = tag.starts_with("</");
                if !closing && (name == "script" || name == "style") {
                    let close = format!("</{name}");
                    let stop = src[pos..end].to_ascii_lowercase().find(&close).map_or(end, |i| pos + i);
                    pos = src[stop..end].find('>').map_or(end, |i| stop + i + 1);
                } else {
                    pos += len;
                    if BLOCK_TAGS.contains(&name.as_str()) && !inline {
                        w.line_break();
                        if !closing && name == "li" {
                            w.write("- ", pos..pos);
                        } else if !closing && name.len() == 2 && name.starts_with('h') {
                            w.blank_line();
                            w.write("# ", pos..pos);
                        }
                    } else if (name == "td" || name == "th") && !closing && !w.at_line_start() {
                        w.write(" | ", pos..pos);
                    } else if BLOCK_TAGS.contains(&name.as_str()) && !w.text.ends_with(' ') && !w.at_line_start() {
                        w.write(" ", pos..pos);
                    }
                }
                w.at = pos;
                run = pos;
                continue;
            }
        } else if b == b'&' {
            if let Some((len, decoded)) = character_reference(&src[pos..end]) {
                flush(w, run, pos);
                let mut buf = [0u8; 4];
                let s = if decoded == '\u{a0}' { " " } else { decoded.encode_utf8(&mut buf) };
                w.write(s, pos..pos + len);
                pos += len;
                run = pos;
                continue;
            }
        }
        pos += src[pos..].chars().next().map_or(1, char::len_utf8);
    }
    flush(w, run, end);
    w.at = end;
}

/// The length of the tag or comment at the start of `s`, if one is there.
fn tag_len(s: &str) -> Option<usize> {
    if let Some(rest) = s.strip_prefix("<!--") {
        return Some(rest.find("-->").map_or(s.len(), |i| 4 + i + 3));
    }
    let b = s.as_bytes();
    let first = *b.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!' || first == b'?') {
        return None;
    }
    let close = s.find('>')?;
    // A '<' before the '>' means this was not a tag ("a < b and c > d").
    (!s[1..close].contains('<') && !s[..close].contains('\n') || s[1..close].contains('=')).then_some(close + 1)
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A character reference at the start of `s` ("&amp;", "&#233;", "&#xE9;"): its length and character.
pub(crate) fn character_reference(s: &str) -> Option<(usize, char)> {
    let mut limit = s.len().min(12);
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let semi = s[..limit].find(';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "middot" => '·',
            "bull" => '•',
            "copy" => '©',
            "reg" => '®',
            "deg" => '°',
            "euro" => '€',
            "ordm" => 'º',
            "ordf" => 'ª',
            _ => named_accented(body)?,
        }
    };
    Some((semi + 1, c))
}

/// "&eacute;", "&Ccedil;", "&atilde;": the accented letters of the four languages.
fn named_accented(name: &str) -> Option<char> {
    let (letter, accent) = name.split_at(name.char_indices().nth(1)?.0);
    let l = letter.chars().next()?;
    let lower = l.to_ascii_lowercase();
    let base = match (lower, accent) {
        ('a', "acute") => 'á',
        ('e', "acute") => 'é',
        ('i', "acute") => 'í',
        ('o', "acute") => 'ó',
        ('u', "acute") => 'ú',
        ('y', "acute") => 'ý',
        ('a', "grave") => 'à',
        ('e', "grave") => 'è',
        ('i', "grave") => 'ì',
        ('o', "grave") => 'ò',
        ('u', "grave") => 'ù',
        ('a', "circ") => 'â',
        ('e', "circ") => 'ê',
        ('i', "circ") => 'î',
        ('o', "circ") => 'ô',
        ('u', "circ") => 'û',
        ('a', "tilde") => 'ã',
        ('o', "tilde") => 'õ',
        ('n', "tilde") => 'ñ',
        ('a', "uml") => 'ä',
        ('e', "uml") => 'ë',
        ('i', "uml") => 'ï',
        ('o', "uml") => 'ö',
        ('u', "uml") => 'ü',
        ('c', "cedil") => 'ç',
        _ => return None,
    };
    Some(if l.is_ascii_uppercase() { base.to_uppercase().next()? } else { base })
}

/// Known HTML tags in a text that is not HTML as a whole: enough of them and the text is read with
/// its tags stripped.
pub fn has_stray_html(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "<p>",
        "</p>",
        "<br",
        "<strong>",
        "</strong>",
        "<div",
        "</div>",
        "<li>",
        "</li>",
        "<a href",
        "<span",
        "<b>",
        "<em>",
        "<td",
        "<tr",
    ];
    // One pass over the '<' of the text.
    let mut count = 0;
    for (i, _) in text.match_indices('<') {
        if TAGS.iter().any(|t| text[i..].starts_with(t)) {
            count += 1;
            if count >= 3 {
                return true;
            }
        }
    }
    false
}

/// Plain text with stray HTML: the tags leave, the rest is copied as it is.
pub fn strip_stray_html(src: &str) -> Unmarked {
    let mut w = Writer::new(src);
    // Line by line, so that the text's own line breaks stay.
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.contains('<') || content.contains('&') {
            strip_tags(&mut w, pos..pos + content.len(), false);
        } else {
            w.copy(pos..pos + content.len());
        }
        if content.len() < line.len() {
            w.line_break();
            if !w.text.ends_with("\n\n") && content.trim().is_empty() {
                w.insert("\n");
            }
        }
        pos += line.len();
        w.at = pos;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use acta_doc::ByteRange;

    fn text(md: &str) -> String {
        markdown_to_text(md).text
    }

    /// Every maximal run of copied text maps back to the same bytes of the source.
    fn check_map(src: &str) {
        let out = markdown_to_text(src);
        for word in out.text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3) {
            let start = word.as_ptr() as usize - out.text.as_ptr() as usize;
            let r = out.offsets.range_to_original(ByteRange { start, end: start + word.len() });
            let orig = r.slice(src);
            assert!(
                orig.contains(word) || acta_doc::fold(orig).contains(&acta_doc::fold(word)) || orig.contains('&'),
                "{word:?} -> {orig:?}"
            );
        }
    }

    #[test]
    fn emphasis_links_and_tables_leave_their_markup() {
        let md = "**Asistentes:**\n\n| Nombre | Organización |\n|---|---|\n| **María Pérez** | [Ministerio de Economía](https://example.org/mecon) |\n| Juan Gómez | Universidad de Chile |\n\nLa reunión fue moderada por [Ana Torres](https://example.org/ana), directora de la *Agencia de Gobierno Digital*.\n";
        let t = text(md);
        assert_eq!(
            t,
            "Asistentes:\n\n| Nombre | Organización |\n| María Pérez | Ministerio de Economía |\n| Juan Gómez | Universidad de Chile |\n\nLa reunión fue moderada por Ana Torres, directora de la Agencia de Gobierno Digital.\n"
        );
        check_map(md);
    }

    #[test]
    fn headings_lists_and_nesting() {
        let md = "# Acta\n\nAsistieron:\n\n* Ana Ruiz\n* Juan Pérez\n  1. primero\n  2. segundo\n\nSetext\n======\n\nTexto &amp; m&aacute;s.\n";
        assert_eq!(
            text(md),
            "# Acta\n\nAsistieron:\n\n- Ana Ruiz\n- Juan Pérez\n  1. primero\n  2. segundo\n\n# Setext\n\nTexto & más.\n"
        );
        check_map(md);
    }

    #[test]
    fn code_html_and_front_matter() {
        let md = "---\ntitle: Reunión mensual\ndate: 2024-03-08\nresources:\n  - url: https://x.org/a.pdf\n---\n\n<p><strong>Presentes</strong></p>\n<p>Ana Ruiz (Cabinet Office)</p>\n<!-- hidden -->\n\n```\nlet x = Ana Silva;\n```\n\nFin.\n";
        let t = text(md);
        assert_eq!(t, "title: Reunión mensual\ndate: 2024-03-08\n\nPresentes\nAna Ruiz (Cabinet Office)\n\nFin.\n");
        check_map(md);
    }

    #[test]
    fn stray_html_in_plain_text() {
        let src = "Informe\n<p>Participaron <b>Ana Ruiz</b> y Juan P&eacute;rez.</p><p>Segundo.</p>\nFin\n";
        assert!(has_stray_html(src));
        let out = strip_stray_html(src);
        assert_eq!(out.text, "Informe\nParticiparon Ana Ruiz y Juan Pérez.\nSegundo.\nFin\n");
        assert!(!has_stray_html("a < b and c > d, 3 <p to go"));
    }

    proptest::proptest! {
        /// Arbitrary Markdown-ish text: no panic, and every offset of the text read out of it maps
        /// inside the source on a character boundary.
        #[test]
        fn any_text_reads_with_a_valid_map(src in "(\\PC|[*_#|\\-\\[\\]()<>&;`\n ]){0,200}") {
            for out in [markdown_to_text(&src), strip_stray_html(&src)] {
                for i in 0..=out.text.len() {
                    if out.text.is_char_boundary(i) {
                        let o = out.offsets.to_original(i);
                        proptest::prop_assert!(o <= src.len());
                    }
                }
            }
        }
    }

    #[test]
    fn character_references() {
        assert_eq!(character_reference("&amp; x"), Some((5, '&')));
        assert_eq!(character_reference("&#233;"), Some((6, 'é')));
        assert_eq!(character_reference("&#xE9;"), Some((6, 'é')));
        assert_eq!(character_reference("&Ccedil;"), Some((8, 'Ç')));
        assert_eq!(character_reference("& b;"), None);
    }
}
