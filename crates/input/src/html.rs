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

/// Documents whose tags open deeper than this (counted naively, unclosed tags included) are read
/// by the linear token path: html5ever's tree builder is quadratic in the depth of its stack of
/// open elements (20,000 nested divs take seconds, 80,000 half a minute).
const TREE_DEPTH_LIMIT: usize = 1_000;

/// Extracts the text of an HTML document. Headings and paragraphs are separated by blank lines,
/// list items become "- item" lines, table cells of a row are joined with " | ". Nothing is fetched:
/// scripts, styles and embedded objects are dropped unread.
///
/// Ordinary pages go through html5ever's tree builder (implied end tags, misnested formatting);
/// pathologically deep or broken ones through its tokenizer alone, which is linear in the input.
pub fn html_to_text(html: &str) -> String {
    if naive_depth(html) > TREE_DEPTH_LIMIT {
        return html_to_text_linear(html);
    }
    let doc = Html::parse_document(html);
    let mut out = TextWriter::with_capacity(html.len() / 2);
    let mut skip_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if skip_depth > 0 || SKIPPED.contains(&name) {
                        skip_depth += 1;
                        continue;
                    }
                    out.open(name);
                }
                Node::Text(text) if skip_depth == 0 => out.text(text),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    out.close(el.name());
                }
            }
        }
    }
    tidy(&out.text)
}

/// The deepest nesting of tags, counting every start tag that is not void or self-closed and
/// every end tag, without any of HTML's implied closing: an upper bound on the tree builder's stack.
fn naive_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let name_end =
                    bytes[i..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |n| i + n);
                let name = &html[i..name_end];
                let tag_end = bytes[name_end..].iter().position(|&b| b == b'>').map_or(bytes.len(), |n| name_end + n);
                let self_closed = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !self_closed && !VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// The token path: html5ever's tokenizer (entities, raw-text elements, attributes handled as a
/// browser would) feeding the same [`TextWriter`], with no tree: linear whatever the nesting.
pub fn html_to_text_linear(html: &str) -> String {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};

    let sink = TokenText {
        out: std::cell::RefCell::new(TextWriter::with_capacity(html.len() / 2)),
        skipping: Default::default(),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let text = tokenizer.sink.out.into_inner().text;
    tidy(&text)
}

/// Receives html5ever's tokens for [`html_to_text_linear`].
struct TokenText {
    out: std::cell::RefCell<TextWriter>,
    /// The skipped element being read through, and how many of its name are open inside it.
    skipping: std::cell::Cell<Option<(&'static str, usize)>>,
}

impl html5ever::tokenizer::TokenSink for TokenText {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                if let Some((skipped, open)) = self.skipping.get() {
                    if name == skipped {
                        match tag.kind {
                            TagKind::StartTag if !tag.self_closing => self.skipping.set(Some((skipped, open + 1))),
                            TagKind::EndTag if open <= 1 => self.skipping.set(None),
                            TagKind::EndTag => self.skipping.set(Some((skipped, open - 1))),
                            TagKind::StartTag => {}
                        }
                    }
                    return TokenSinkResult::Continue;
                }
                match tag.kind {
                    TagKind::StartTag => {
                        // "head" is not skipped here: without a tree its end may be implied, and
                        // its only text is the title, skipped on its own.
                        if let Some(&skipped) =
                            SKIPPED.iter().chain(["title"].iter()).find(|s| **s == name && **s != "head")
                        {
                            if !tag.self_closing {
                                self.skipping.set(Some((skipped, 1)));
                            }
                            return match skipped {
                                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                                "style" | "noscript" | "iframe" => TokenSinkResult::RawData(RawKind::Rawtext),
                                "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                                _ => TokenSinkResult::Continue,
                            };
                        }
                        self.out.borrow_mut().open(name);
                        if tag.self_closing {
                            self.out.borrow_mut().close(name);
                        }
                    }
                    TagKind::EndTag => self.out.borrow_mut().close(name),
                }
            }
            Token::CharacterTokens(text) if self.skipping.get().is_none() => self.out.borrow_mut().text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Builds the text from element openings, closings and text runs, in document order.
struct TextWriter {
    text: String,
    first_cell: bool,
    pre_depth: usize,
}

impl TextWriter {
    fn with_capacity(capacity: usize) -> Self {
        TextWriter { text: String::with_capacity(capacity), first_cell: true, pre_depth: 0 }
    }

    fn open(&mut self, name: &str) {
        let out = &mut self.text;
        match name {
            "li" => {
                end_line(out);
                out.push_str("- ");
            }
            "tr" => {
                end_line(out);
                self.first_cell = true;
            }
            "td" | "th" => {
                if !self.first_cell {
                    out.push_str(" | ");
                }
                self.first_cell = false;
            }
            "pre" => {
                self.pre_depth += 1;
                end_paragraph(out);
            }
            "br" => out.push('\n'),
            _ if PARAGRAPHS.contains(&name) => end_paragraph(out),
            _ if LINES.contains(&name) => end_line(out),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if PARAGRAPHS.contains(&name) {
            end_paragraph(&mut self.text);
        } else if LINES.contains(&name) && name != "br" {
            end_line(&mut self.text);
        }
    }

    fn text(&mut self, text: &str) {
        push_text(&mut self.text, text, self.pre_depth > 0);
    }
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

    #[test]
    fn deep_nesting_takes_the_linear_path_with_the_same_text() {
        let html = "<html><head><title>Título</title><style>p{}</style></head><body><h1>Informe</h1>\
            <p>Fecha: 3 de mayo &amp; 4 de mayo</p><ul><li>Ana Silva<li>Juan Pérez</ul>\
            <script>if (a < b) alert('x')</script><svg><text>dibujo</text></svg>\
            <table><tr><td>Nombre<td>Cargo</tr></table></body></html>";
        let tree = html_to_text(html);
        assert_eq!(html_to_text_linear(html), tree);
        assert!(!tree.contains("alert") && !tree.contains("dibujo") && !tree.contains("Título"), "{tree}");
        assert!(tree.contains("3 de mayo & 4 de mayo"));
        let deep = format!("{}Ms. Ana Pérez, Ministry of Health.{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        assert!(naive_depth(&deep) > TREE_DEPTH_LIMIT);
        assert_eq!(html_to_text(&deep), "Ms. Ana Pérez, Ministry of Health.\n");
        let unclosed = "<p><b><i>texto <table><tr><td>x".repeat(5_000);
        assert!(html_to_text(&unclosed).contains("texto"));
    }

    #[test]
    fn naive_depth_counts_open_tags_only() {
        assert_eq!(naive_depth("<p>a<br>b<img src=x/><hr/></p>"), 1);
        assert_eq!(naive_depth("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(naive_depth("a < b and c <3"), 0);
        assert_eq!(naive_depth("<"), 0);
    }
}
