//! The report and every layer the pipeline adds to it.

use serde::Serialize;

use crate::range::{ByteRange, OffsetMap};

/// A two-letter ISO 639-1 language code ("en", "es", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(pub [u8; 2]);

impl Lang {
    pub const EN: Lang = Lang(*b"en");
    pub const ES: Lang = Lang(*b"es");
    pub const PT: Lang = Lang(*b"pt");
    pub const FR: Lang = Lang(*b"fr");

    /// Parses a two-letter lowercase code.
    pub fn parse(code: &str) -> Option<Lang> {
        let b = code.trim().as_bytes();
        (b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic))
            .then(|| Lang([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An ISO 3166-1 alpha-2 country code ("MX", "BR", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode(pub [u8; 2]);

impl CountryCode {
    /// Parses a two-letter code, upper-casing it.
    pub fn parse(code: &str) -> Option<CountryCode> {
        let b = code.trim().as_bytes();
        (b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic))
            .then(|| CountryCode([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How a report's text is written: acta reads the markup of Markdown and HTML as structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// Plain text (stray HTML tags in it are still read as markup).
    #[default]
    Text,
    /// Markdown: headings, lists, tables, emphasis and links are read by a Markdown parser.
    Markdown,
    /// HTML: turned into text when the file is read.
    Html,
    /// A Word document: its body's text, extracted when the file is read.
    Docx,
    /// A PDF: its text layer, extracted when the file is read, page furniture removed.
    Pdf,
}

impl TextFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            TextFormat::Text => "text",
            TextFormat::Markdown => "markdown",
            TextFormat::Html => "html",
            TextFormat::Docx => "docx",
            TextFormat::Pdf => "pdf",
        }
    }

    /// Parses "text", "markdown" (or "md") and "html": the formats a user may force (`--format`);
    /// a Word document or a PDF is known by its bytes.
    pub fn parse(name: &str) -> Option<TextFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(TextFormat::Text),
            "markdown" | "md" => Some(TextFormat::Markdown),
            "html" | "htm" => Some(TextFormat::Html),
            _ => None,
        }
    }
}

/// What a label or a section heading means, whatever words the template used for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Title,
    Date,
    Time,
    Place,
    Organizer,
    Moderator,
    Rapporteur,
    Speakers,
    KeyIssues,
    Presentations,
    Discussion,
    Takeaways,
    Participants,
    /// Who attended ("Present:", "Asistieron:"): people taking part, as attendees.
    Attendees,
    /// Who was excused or absent ("Apologies:", "Ausentes:"): people named, not taking part.
    Absent,
    Women,
    Gender,
    /// A label acta does not know; kept as written.
    Other,
}

impl FieldKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FieldKind::Title => "title",
            FieldKind::Date => "date",
            FieldKind::Time => "time",
            FieldKind::Place => "place",
            FieldKind::Organizer => "organizer",
            FieldKind::Moderator => "moderator",
            FieldKind::Rapporteur => "rapporteur",
            FieldKind::Speakers => "speakers",
            FieldKind::KeyIssues => "key_issues",
            FieldKind::Presentations => "presentations",
            FieldKind::Discussion => "discussion",
            FieldKind::Takeaways => "takeaways",
            FieldKind::Participants => "participants",
            FieldKind::Attendees => "attendees",
            FieldKind::Absent => "absent",
            FieldKind::Women => "women",
            FieldKind::Gender => "gender",
            FieldKind::Other => "other",
        }
    }

    /// Parses the name used in `models/labels.tsv`.
    pub fn parse(name: &str) -> Option<FieldKind> {
        use FieldKind::*;
        Some(match name.trim() {
            "title" => Title,
            "date" => Date,
            "time" => Time,
            "place" => Place,
            "organizer" => Organizer,
            "moderator" => Moderator,
            "rapporteur" => Rapporteur,
            "speakers" => Speakers,
            "key_issues" => KeyIssues,
            "presentations" => Presentations,
            "discussion" => Discussion,
            "takeaways" => Takeaways,
            "participants" => Participants,
            "attendees" => Attendees,
            "absent" => Absent,
            "women" => Women,
            "gender" => Gender,
            "other" => Other,
            _ => return None,
        })
    }
}

/// A "Label: value" pair. The value may come from the same line or from the lines under a label
/// that ends with a colon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub kind: FieldKind,
    pub label: ByteRange,
    pub value: ByteRange,
}

/// A headed part of the report. Text before the first heading is a section without heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub kind: FieldKind,
    pub heading: Option<ByteRange>,
    pub body: ByteRange,
    pub language: Option<Lang>,
    /// The section's own summary sentences, in document order (sections with enough text only).
    pub summary: Vec<ByteRange>,
}

/// How one line of the cleaned text was read by the layout parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Blank,
    Heading,
    Field,
    ListItem,
    Text,
}

/// One line of the cleaned text: its whole range and its content without bullet or number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Line {
    pub kind: LineKind,
    pub range: ByteRange,
    pub content: ByteRange,
}

/// The session metadata read from fields (and, failing them, from the text).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    pub title: Option<ByteRange>,
    /// ISO 8601 date, e.g. "2017-12-20".
    pub date: Option<String>,
    /// "HH:MM-HH:MM" or "HH:MM".
    pub time: Option<String>,
    pub organizer: Option<ByteRange>,
    pub moderator: Option<ByteRange>,
    pub participants_text: Option<ByteRange>,
    pub participants: Option<u64>,
    pub women_text: Option<ByteRange>,
    pub women: Option<u64>,
}

/// The report's language and how sure the detector is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageInfo {
    /// `None` when the text is too short or too mixed to tell.
    pub main: Option<Lang>,
    pub confidence: f64,
    /// Shares of other languages, by bytes of text, largest first.
    pub others: Vec<(Lang, f64)>,
}

/// A stretch of text in a language other than the report's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageSpan {
    pub range: ByteRange,
    pub language: Lang,
    pub confidence: f64,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    /// A ministry, secretariat, presidential office, government unit or agency.
    Ministry,
    Organization,
    Country,
    /// A region such as Latin America or the Caribbean.
    Region,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Ministry => "ministry",
            EntityKind::Organization => "organization",
            EntityKind::Country => "country",
            EntityKind::Region => "region",
        }
    }
}

/// Where an entity came from, so users can filter and developers can debug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySource {
    /// A layout field such as "Moderator:" or a speaker-list entry.
    Field,
    /// A pattern over the text (honorific + name, "Ministry of ...").
    Pattern,
    /// A gazetteer entry.
    Gazetteer,
    /// Another mention of an entity already found.
    Coreference,
    /// A statistical model (the opt-in transformer NER), found by it alone.
    Model,
    /// Found by acta's rules or gazetteers and by the model too.
    Both,
}

impl EntitySource {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntitySource::Field => "field",
            EntitySource::Pattern => "pattern",
            EntitySource::Gazetteer => "gazetteer",
            EntitySource::Coreference => "coreference",
            EntitySource::Model => "model",
            EntitySource::Both => "both",
        }
    }
}

/// Stakeholder group of an organisation, where it can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stakeholder {
    Government,
    Intergovernmental,
    PrivateSector,
    CivilSociety,
    TechnicalCommunity,
    Academia,
}

impl Stakeholder {
    pub fn as_str(&self) -> &'static str {
        match self {
            Stakeholder::Government => "government",
            Stakeholder::Intergovernmental => "intergovernmental",
            Stakeholder::PrivateSector => "private_sector",
            Stakeholder::CivilSociety => "civil_society",
            Stakeholder::TechnicalCommunity => "technical_community",
            Stakeholder::Academia => "academia",
        }
    }

    pub fn parse(s: &str) -> Option<Stakeholder> {
        Some(match s.trim() {
            "government" => Stakeholder::Government,
            "intergovernmental" => Stakeholder::Intergovernmental,
            "private_sector" => Stakeholder::PrivateSector,
            "civil_society" => Stakeholder::CivilSociety,
            "technical_community" => Stakeholder::TechnicalCommunity,
            "academia" => Stakeholder::Academia,
            _ => return None,
        })
    }
}

/// One distinct thing named in a report (a person, a ministry, a country...). Mentions point to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Canonical {
    pub kind: EntityKind,
    /// Fullest form, accents kept; for countries the alpha-2 code.
    pub name: String,
    pub country: Option<CountryCode>,
    pub stakeholder: Option<Stakeholder>,
}

/// One mention of an entity in the cleaned text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub kind: EntityKind,
    pub range: ByteRange,
    /// Index into [`Report::canonicals`].
    pub canonical: usize,
    pub source: EntitySource,
    pub confidence: f32,
    /// The NER model's score when a model found this mention (source `model` or `both`).
    pub model_score: Option<f32>,
}

/// A person's part in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionRole {
    Organizer,
    Moderator,
    Chair,
    Speaker,
    Rapporteur,
    /// Present at the meeting (a member present, a signatory) without another part.
    Attendee,
    /// Another part: master of ceremonies, the meeting's secretary...
    Other,
}

impl SessionRole {
    pub fn as_str(&self) -> &'static str {
        match self {
            SessionRole::Organizer => "organizer",
            SessionRole::Moderator => "moderator",
            SessionRole::Chair => "chair",
            SessionRole::Speaker => "speaker",
            SessionRole::Rapporteur => "rapporteur",
            SessionRole::Attendee => "attendee",
            SessionRole::Other => "other",
        }
    }

    /// Parses the names of GOLD.md and of the language packs ("moderator", "attendee"...).
    pub fn parse(name: &str) -> Option<SessionRole> {
        Some(match name.trim() {
            "organizer" => SessionRole::Organizer,
            "moderator" => SessionRole::Moderator,
            "chair" => SessionRole::Chair,
            "speaker" => SessionRole::Speaker,
            "rapporteur" => SessionRole::Rapporteur,
            "attendee" => SessionRole::Attendee,
            "other" => SessionRole::Other,
            _ => return None,
        })
    }
}

/// Gender as stated by an honorific or a gendered title; never guessed from a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

/// One row of the speaker-affiliation table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// Index of the person in [`Report::canonicals`].
    pub person: usize,
    pub honorific: Option<ByteRange>,
    pub role: Option<ByteRange>,
    pub organization: Option<ByteRange>,
    /// True when the organisation is a ministry or government body.
    pub organization_is_ministry: bool,
    /// True when the organisation is the body whose meeting the report records, given to a member
    /// listed without one of their own: a summary that names the meeting need not say it again.
    #[serde(skip)]
    pub organization_is_host: bool,
    pub country: Option<CountryCode>,
    pub session_roles: Vec<SessionRole>,
    pub stakeholder: Option<Stakeholder>,
    pub gender: Option<Gender>,
    /// The line (or field) the record was read from.
    pub source_line: ByteRange,
    pub confidence: f32,
}

/// An entry of a list of people ("Ana Pérez, Directora, Ministerio de ..."), as the entity stage
/// read it: its names become people, and the speaker stage builds the speaker table from the same
/// entries instead of reading the lists again.
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub honorific: Option<ByteRange>,
    /// The gender the honorific says ("Sra.", "Mr."), when it says one.
    pub honorific_gender: Option<Gender>,
    /// Where the name is written; for "Surname, Given" and table rows it spans both parts.
    pub name: ByteRange,
    /// The name in reading order ("Given Surname") when it is not written so.
    pub display: Option<String>,
    pub core_tokens: usize,
    /// What follows the name: title, organisation, country.
    pub rest: ByteRange,
    /// The session role the entry's place gives.
    pub role: SessionRole,
    /// Named in a list of people excused or absent: a person, not a participant.
    pub absent: bool,
    /// The whole entry, for the speaker record's source line.
    pub source: ByteRange,
    /// A table row whose header says which cell is the title: that cell (maybe empty). `rest` is
    /// then the body's and country's cells only.
    pub title_cell: Option<ByteRange>,
}

/// One report and everything found in it.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Stable id: path relative to the input root, or the id given in JSON Lines input.
    pub id: String,
    /// Where the report came from (a path, or "stdin:LINE").
    pub source: String,
    /// Hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Encoding the bytes were decoded from ("UTF-8", "windows-1252", ...).
    pub encoding: String,
    /// Size of the input in bytes.
    pub byte_len: usize,
    /// How `original` is written; the layout stage reads Markdown (and stray HTML) as markup.
    pub format: TextFormat,
    /// The decoded text (for HTML input, the text extracted from the markup; for Markdown, the
    /// file as written).
    pub original: String,
    /// The cleaned text every range points into.
    pub text: String,
    /// Cleaned offsets -> original offsets.
    pub offsets: OffsetMap,
    /// Where each page starts in `original` (a PDF's pages; empty for text without pages).
    pub page_starts: Vec<usize>,
    pub lines: Vec<Line>,
    pub sections: Vec<Section>,
    /// In text order of their labels (sorted by `label.start`, as the layout stage leaves them):
    /// [`Report::fields_within`] relies on it.
    pub fields: Vec<Field>,
    pub metadata: Metadata,
    pub language: Option<LanguageInfo>,
    pub language_spans: Vec<LanguageSpan>,
    pub canonicals: Vec<Canonical>,
    pub mentions: Vec<Mention>,
    /// The entries of the report's lists of people, once the entity stage has read them.
    pub list_entries: Option<Vec<ListEntry>>,
    /// The text lower-cased character for character where that keeps each character's length
    /// (offsets unchanged), once the entity stage has made it: the speaker stage reads it too.
    pub lower_text: Option<String>,
    pub speakers: Vec<Speaker>,
    /// A first summary sentence composed from the record (what the document is, its title, date
    /// and chair), in the report's language: written by acta, so not a span of the text.
    pub summary_lede: Option<String>,
    /// Summary sentences, in document order.
    pub summary: Vec<ByteRange>,
    /// A last summary sentence composed from the record: the first speakers, in the report's language.
    pub summary_close: Option<String>,
    /// A summary written by a sequence-to-sequence model (`--summary-model`), when one ran.
    pub summary_abstractive: Option<String>,
    /// The bullet points of key-issues and takeaways sections, without bullets.
    pub key_points: Vec<ByteRange>,
    pub warnings: Vec<String>,
}

impl Report {
    /// A report whose cleaned text is its original text (clean-up not run yet).
    pub fn new(id: impl Into<String>, source: impl Into<String>, original: String) -> Self {
        let len = original.len();
        Report {
            id: id.into(),
            source: source.into(),
            text: original.clone(),
            original,
            offsets: OffsetMap::identity(len),
            byte_len: len,
            encoding: "UTF-8".into(),
            ..Report::default()
        }
    }

    /// The cleaned text of a range.
    pub fn slice(&self, range: ByteRange) -> &str {
        range.slice(&self.text)
    }

    /// The first field of a kind.
    pub fn field(&self, kind: FieldKind) -> Option<&Field> {
        self.fields.iter().find(|f| f.kind == kind)
    }

    /// The fields whose label lies within a range (a line holds its fields' labels). Fields are in
    /// their labels' order, so a binary search finds the first: a line of minutes with thousands of
    /// fields is not checked against each of them.
    pub fn fields_within(&self, range: ByteRange) -> impl Iterator<Item = &Field> {
        let first = self.fields.partition_point(|f| f.label.start < range.start);
        self.fields[first..]
            .iter()
            .take_while(move |f| f.label.start <= range.end)
            .filter(move |f| range.contains(&f.label))
    }

    /// The section that contains a byte offset.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.section_index_at(offset).map(|i| &self.sections[i])
    }

    /// The index of the section at an offset. Sections follow one another in text order, so a
    /// binary search finds it (reports with thousands of headings stay fast).
    pub fn section_index_at(&self, offset: usize) -> Option<usize> {
        let start_of = |s: &Section| s.heading.map_or(s.body.start, |h| h.start);
        let after = self.sections.partition_point(|s| start_of(s) <= offset);
        let i = after.checked_sub(1)?;
        let s = &self.sections[i];
        (offset < s.body.end.max(start_of(s) + 1)).then_some(i)
    }

    /// The language of the text at an offset: its section's, else the report's.
    pub fn language_at(&self, offset: usize) -> Option<Lang> {
        // Spans are in text order and do not overlap.
        let after = self.language_spans.partition_point(|s| s.range.start <= offset);
        if let Some(span) = after.checked_sub(1).map(|i| &self.language_spans[i]).filter(|s| offset < s.range.end) {
            return Some(span.language);
        }
        self.section_at(offset).and_then(|s| s.language).or_else(|| self.language.as_ref().and_then(|l| l.main))
    }

    /// The page (from 1) an offset into `original` is on; `None` for text without pages.
    pub fn page_at_original(&self, offset: usize) -> Option<u32> {
        // Pages follow one another; a page with no text starts where the next one does, so the
        // last page starting at or before the offset is the one it is on.
        let page = self.page_starts.partition_point(|&start| start <= offset);
        (page > 0).then_some(page as u32)
    }

    /// The report's main language, if known.
    pub fn main_language(&self) -> Option<Lang> {
        self.language.as_ref().and_then(|l| l.main)
    }

    /// Canonical entities of one kind with their indexes.
    pub fn canonicals_of(&self, kind: EntityKind) -> impl Iterator<Item = (usize, &Canonical)> {
        self.canonicals.iter().enumerate().filter(move |(_, c)| c.kind == kind)
    }

    /// Adds a person known only by name, with one part in the session, to the canonical entities
    /// and the speaker table: for a report built by hand (tests, callers with their own lists).
    pub fn add_speaker(&mut self, name: &str, part: SessionRole) {
        self.canonicals.push(Canonical {
            kind: EntityKind::Person,
            name: name.to_string(),
            country: None,
            stakeholder: None,
        });
        self.speakers.push(Speaker {
            person: self.canonicals.len() - 1,
            honorific: None,
            role: None,
            organization: None,
            organization_is_ministry: false,
            organization_is_host: false,
            country: None,
            session_roles: vec![part],
            stakeholder: None,
            gender: None,
            source_line: ByteRange { start: 0, end: 0 },
            confidence: 1.0,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_within_a_range_are_those_whose_label_it_contains() {
        let text = "Fecha: hoy. Hora: 10:00\nLugar: Quito\nModera: Ana Ruiz";
        let mut report = Report::new("r", "r.txt", text.to_string());
        let at = |s: &str| {
            let start = text.find(s).expect("in the text");
            ByteRange { start, end: start + s.len() }
        };
        for (label, value) in [("Fecha", "hoy."), ("Hora", "10:00"), ("Lugar", "Quito"), ("Modera", "Ana Ruiz")] {
            report.fields.push(Field { kind: FieldKind::Other, label: at(label), value: at(value) });
        }
        let everywhere = |range: ByteRange| {
            report.fields.iter().filter(|f| range.contains(&f.label)).map(|f| f.label).collect::<Vec<_>>()
        };
        let within = |range: ByteRange| report.fields_within(range).map(|f| f.label).collect::<Vec<_>>();
        assert_eq!(within(at("Fecha: hoy. Hora: 10:00")), vec![at("Fecha"), at("Hora")]);
        assert_eq!(within(at("Lugar")), vec![at("Lugar")]);
        assert!(within(at("ugar: Quito")).is_empty());
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let range = ByteRange { start, end };
                assert_eq!(within(range), everywhere(range), "{start}..{end}");
            }
        }
    }
}
