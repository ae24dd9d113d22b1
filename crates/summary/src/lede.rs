//! The first sentence of a summary, composed from what acta extracted: what the document is
//! (minutes, programme, transcript, press release, report), its title, date and who chaired.
//! Templates, month names and the cues of each kind of document come from the language packs
//! (`summary_ledes.tsv`, `months.tsv`, `document_kinds.tsv`), so a new language writes its own.

use foldhash::{HashMap, HashMapExt};

use acta_doc::{fold, fold_words, ByteRange, FieldKind, Lang, LineKind, Report, SessionRole};
use acta_layout::{find_date, may_hold_date};
use acta_lexicon::{Lexicon, ListKind, WordClass};

/// How many of a report's first non-blank lines may say what kind of document it is.
const KIND_LINES: usize = 5;
/// How much of a line's start is read for a cue of the kind of document.
const CUE_BYTES: usize = 64;
/// An organiser's name longer than this is a list or a sentence.
const MAX_ORGANIZER_WORDS: usize = 30;
/// A line that says the kind of document is a title up to this many words.
const MAX_KIND_HEADING_WORDS: usize = 15;
/// A headline under a label of the kind of document has at most this many words.
const MAX_HEADLINE_WORDS: usize = 20;
/// A place longer than this is a sentence or an address block.
const MAX_PLACE_WORDS: usize = 12;
/// A chair's name longer than this is a list or a sentence, not a name.
const MAX_CHAIR_WORDS: usize = 6;
/// A speaker's body is said after their name in the closing up to this many words ("Ana Ruiz
/// (CONATEL)"); a longer one is left to the speaker table (on ../shared/dev, one or two words
/// gained on both halves, four lost).
const MAX_CLOSING_BODY_WORDS: usize = 2;
/// A line with a date and at most this many other words is no headline.
const MAX_WORDS_BESIDE_DATE: usize = 4;
/// A line naming a website's section has at most this many words.
const MAX_SITE_SECTION_WORDS: usize = 4;
/// A line with a country's name is only that name, as a letterhead writes it ("República de
/// Panamá"), up to this many words.
const MAX_COUNTRY_LINE_WORDS: usize = 4;
/// An unknown label of this many words or more is a headline's first part, not a field's label.
const MIN_HEADLINE_LABEL_WORDS: usize = 4;

/// Most people taking part, none as a speaker, that a closing names as a panel.
const MAX_PANEL_ATTENDEES: usize = 4;
/// Most words of a title in capitals that may be only a section's label over the headline.
const MAX_SECTION_LABEL_WORDS: usize = 3;
/// How many of a report's first lines may be its dateline.
const DATELINE_LINES: usize = 8;
/// A dateline's place has at most this many words ("Suva, Fiji", "Rio de Janeiro, Brasil").
const MAX_DATELINE_PLACE_WORDS: usize = 4;

/// What kind of document a report is, as far as its title and first lines say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Minutes,
    Agenda,
    Transcript,
    Release,
    /// Anything else with a title: a session report, a news item, a page.
    Report,
}

impl DocumentKind {
    fn parse(name: &str) -> Option<DocumentKind> {
        Some(match name {
            "minutes" => DocumentKind::Minutes,
            "agenda" => DocumentKind::Agenda,
            "transcript" => DocumentKind::Transcript,
            "release" => DocumentKind::Release,
            "report" => DocumentKind::Report,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            DocumentKind::Minutes => "minutes",
            DocumentKind::Agenda => "agenda",
            DocumentKind::Transcript => "transcript",
            DocumentKind::Release => "release",
            DocumentKind::Report => "report",
        }
    }
}

/// One language's templates and words.
#[derive(Default)]
struct LanguageLedes {
    /// (template name, template): a kind's name, or "titled".
    templates: Vec<(String, String)>,
    and: Option<String>,
    date: Option<String>,
    /// The preposition before a place ("à", "en"), and (folded first word, preposition) for places
    /// a venue's common noun opens ("centre" -> "au", "sala" -> "en la").
    at: Option<String>,
    at_venue: Vec<(String, String)>,
    /// Month names by number (1-12): the first listed.
    months: HashMap<u32, String>,
    /// (kind, folded cue), longest cues first.
    cues: Vec<(DocumentKind, String)>,
}

impl LanguageLedes {
    /// A place with the preposition the pack puts before it: "au Centre international ...", "à
    /// Dakar", "à l'Hôtel de ville"; the place alone when the pack has none.
    fn at_place(&self, place: &str) -> String {
        let first = place.split(|c: char| c.is_whitespace() || c == ',').next().map(fold).unwrap_or_default();
        let at = self.at_venue.iter().find(|(word, _)| *word == first).map(|(_, at)| at).or(self.at.as_ref());
        match at {
            Some(at) if at.ends_with(['\'', '’']) => format!("{at}{place}"),
            Some(at) => format!("{at} {place}"),
            None => place.to_string(),
        }
    }
}

/// The templates and words of every language pack.
pub struct Ledes {
    by_lang: HashMap<Lang, LanguageLedes>,
    /// Prepositions of every pack, folded: a title cut after one ("Procès-verbal de la séance du")
    /// runs on into the date.
    prepositions: Vec<String>,
    /// Every pack's cues of kinds of document, for each language its own first.
    cues: HashMap<Lang, Vec<(DocumentKind, String)>>,
    /// Weekday and month names of every pack, folded: a dateline's first word that is one of them
    /// is its date, not its place.
    weekdays: foldhash::HashSet<String>,
    month_names: foldhash::HashSet<String>,
    /// Ways of holding a meeting in no one place ("Hybrid Event, 21/05/2021"), folded.
    meeting_modes: foldhash::HashSet<String>,
    publication_words: foldhash::HashSet<String>,
    /// Sections of a website ("Notícias", "Blog"), folded.
    site_sections: foldhash::HashSet<String>,
    /// The same, as one automaton: whether a folded line holds any of them, in one pass.
    site_section_finder: aho_corasick::AhoCorasick,
    /// Head words of events ("Webinar", "Seminario"), and their kinds' words, folded.
    event_heads: foldhash::HashSet<String>,
    /// Stop words of the packs' languages, folded: a dateline's place does not open with one ("En
    /// Valdivia, a 4 de marzo de 2026, siendo las 15:10 horas ..." opens a sentence).
    stop_words: foldhash::HashSet<String>,
}

impl Ledes {
    pub fn new(lexicon: &Lexicon) -> Ledes {
        let mut by_lang: HashMap<Lang, LanguageLedes> = HashMap::new();
        for row in lexicon.rows(ListKind::SummaryLedes) {
            let entry = by_lang.entry(row.lang).or_default();
            match row.get(0) {
                "and" => entry.and = Some(row.get(1).to_string()),
                "date" => entry.date = Some(row.get(1).to_string()),
                "at" => entry.at = Some(row.get(1).to_string()),
                name => match name.strip_prefix("at ") {
                    Some(word) => entry.at_venue.push((fold(word), row.get(1).to_string())),
                    None => entry.templates.push((name.to_string(), row.get(1).to_string())),
                },
            }
        }
        for row in lexicon.rows(ListKind::Months) {
            if let Ok(number) = row.get(0).parse::<u32>() {
                by_lang.entry(row.lang).or_default().months.entry(number).or_insert_with(|| row.get(1).to_string());
            }
        }
        for row in lexicon.rows(ListKind::DocumentKinds) {
            if let Some(kind) = DocumentKind::parse(row.get(0)) {
                by_lang.entry(row.lang).or_default().cues.push((kind, fold(row.get(1))));
            }
        }
        for ledes in by_lang.values_mut() {
            ledes.cues.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.1.cmp(&b.1)));
        }
        // The report's own language first, then the others: a report whose language was misread
        // (a short one) still says "Acta" or "Minutes".
        let mut langs: Vec<Lang> = by_lang.keys().copied().collect();
        langs.sort();
        let cues = langs
            .iter()
            .map(|lang| {
                let own = by_lang[lang].cues.iter();
                let others = langs.iter().filter(|l| *l != lang).flat_map(|l| by_lang[l].cues.iter());
                (*lang, own.chain(others).cloned().collect())
            })
            .collect();
        let prepositions = lexicon.words(ListKind::BodyPrepositions).map(fold).collect();
        let weekdays = lexicon.class(WordClass::Weekday).map(fold).collect();
        let meeting_modes = lexicon.class(WordClass::MeetingMode).map(fold).collect();
        let publication_words = lexicon.class(WordClass::PublicationWord).map(fold).collect();
        let site_sections: foldhash::HashSet<String> = lexicon.class(WordClass::SiteSection).map(fold).collect();
        let site_section_finder =
            aho_corasick::AhoCorasick::new(&site_sections).expect("site sections make a small automaton");
        let event_heads = lexicon.words(ListKind::EventHeads).map(fold).collect();
        let month_names = lexicon.rows(ListKind::Months).iter().map(|row| fold(row.get(1))).collect();
        let stop_words = langs
            .iter()
            .filter_map(|lang| stop_words::lookup(lang.as_str()))
            .flat_map(|list| list.iter().map(|w| fold(w)))
            .collect();
        Ledes {
            by_lang,
            cues,
            prepositions,
            weekdays,
            month_names,
            meeting_modes,
            publication_words,
            site_sections,
            site_section_finder,
            event_heads,
            stop_words,
        }
    }

    /// The report's title as a lede writes it, unless it is a date line or `is_furniture` says it is
    /// page furniture ("Click here to go to the content").
    pub fn title(&self, report: &Report, is_furniture: impl Fn(&str) -> bool) -> Option<String> {
        report
            .metadata
            .title
            .map(|t| clean_title(report.slice(t)))
            .filter(|t| names_something(t) && !is_dateline(t) && !is_furniture(t))
    }

    /// The title a lede gives the report, and whether it says the kind of document (`says_kind`:
    /// whether the record's title does). The record's title gives way to a better line of the
    /// report's first lines when it is no title: a site's navigation ("Inicio / Sala de prensa /
    /// Noticias"), a bare label of the kind ("News release", "Meeting Report": the heading under it
    /// is the title), or a letterhead in capitals over a line that says the report is minutes
    /// ("GOVERNO DO ESTADO ..." over "ATA DA 12ª REUNIÃO ORDINÁRIA"). Without a title, the first line that
    /// says the kind titles the report when it is a heading's length.
    pub fn lede_title(
        &self,
        report: &Report,
        lang: Lang,
        says_kind: bool,
        is_furniture: impl Fn(&str) -> bool,
    ) -> (Option<String>, bool) {
        // A site's navigation or banner ("Inicio / Sala de prensa / Noticias"), or a site's section
        // ("Notícias", "Blog | 12 de junio de 2026"), over the headline, as the title or on the line
        // under the site's name taken for it: the headline under it is the title.
        if let Some(range) = report.metadata.title {
            let next = report.lines.iter().filter(|l| l.range.start > range.end).find(|l| !l.content.is_empty());
            // "Ir para o conteúdo 1 Ir para o menu 2 ...": a page's links taken for its title.
            let furniture = is_furniture(report.slice(range)).then_some(range);
            let over_headline = furniture.or_else(|| {
                std::iter::once(range).chain(next.map(|l| l.content)).find(|r| {
                    let line = report.slice(*r);
                    is_navigation(line) || self.is_site_section(line) || self.is_section_banner(line, lang)
                })
            });
            // "Agência Nacional", "Municipalidad de Rosario": a body's name over the headline is the
            // publisher's letterhead; not an event's name ("Foro ...") nor a title that says the kind
            // ("GNSO Council Teleconference Minutes"), nor a name over a line that says the kind
            // ("ATA DA ...", "Agenda académica": the event's or the council's name).
            let title = report.slice(range);
            let names_an_event = title.split_whitespace().any(|w| self.event_heads.contains(&fold(w)));
            if is_letterhead(report, range)
                && !names_an_event
                && !self.says_kind(title, lang)
                // A label of the kind over the letterhead ("Communiqué de presse" over "Région
                // Occitanie") says what the page is, not whose meeting it records.
                && self.kind_line(report, lang).is_none_or(|(_, _, end)| end <= range.start)
            {
                // An event's name over the label of its programme ("Programa - Día 1") stays the title.
                let headline = self.heading_after(report, range.end, &is_furniture);
                if let Some(heading) = headline.filter(|h| cue_at(self.cues_for(lang), h).is_none()) {
                    return self.headed(heading, lang);
                }
            }
            // "Posted 27 August 2026 by the Events team | 5 min read": when the page went up, not
            // what it says.
            let published = self.is_publication_line(report.slice(range));
            if let Some(heading) = published.then(|| self.heading_after(report, range.end, &is_furniture)).flatten() {
                return self.headed(heading, lang);
            }
            if let Some(heading) = over_headline.and_then(|r| self.heading_after(report, r.end, &is_furniture)) {
                return self.headed(heading, lang);
            }
        } else if let Some(heading) = report
            .lines
            .iter()
            .filter(|l| !l.content.is_empty())
            .take(KIND_LINES)
            .find(|l| {
                let line = report.slice(l.content).trim();
                is_navigation(line) || self.is_site_section(line)
            })
            .and_then(|l| self.heading_after(report, l.content.end, &is_furniture))
        {
            // No title in the record (a site's name and its office over "Noticias"): the headline
            // under the site's section is the title all the same.
            return self.headed(heading, lang);
        }
        let record = report.metadata.title.filter(|t| !is_navigation(report.slice(*t)));
        let title = record.and_then(|_| self.title(report, &is_furniture));
        match (record, title) {
            (Some(range), Some(title)) if self.is_kind_label(&title, lang) || self.is_event_label(&title) => {
                match self.heading_after(report, range.end, &is_furniture) {
                    Some(heading) => self.headed(heading, lang),
                    None => (Some(title), says_kind),
                }
            }
            // Minutes are printed under a letterhead; a programme's title in capitals is its title.
            (Some(range), Some(title)) if is_capitals(&title) && !says_kind => {
                match (self.kind_line(report, lang), self.kind_heading(report, lang)) {
                    (Some((DocumentKind::Minutes, _, _)), Some(heading)) if heading != title => (Some(heading), true),
                    // A body's letterhead over a bare label of the kind ("MINISTÈRE DE ..." over
                    // "COMMUNIQUÉ DE PRESSE"): the headline under the label is the title. An
                    // event's title over "PROGRAMA" stays the title.
                    (Some((_, line, end)), _)
                        if clean_title(line) != title
                            && self.is_kind_label(line, lang)
                            && is_letterhead(report, range) =>
                    {
                        match self.heading_after(report, end, &is_furniture) {
                            Some(heading) => self.headed(heading, lang),
                            None => (Some(title), says_kind),
                        }
                    }
                    // A section's label of a few words in capitals over a headline in small letters
                    // ("TECH & SOCIETY" over "Regulators urge common rules ..."): the headline.
                    _ if title.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
                        <= MAX_SECTION_LABEL_WORDS =>
                    {
                        match self.heading_after(report, range.end, &is_furniture).filter(|h| !is_capitals(h)) {
                            Some(heading) => self.headed(heading, lang),
                            None => (Some(title), says_kind),
                        }
                    }
                    _ => (Some(title), says_kind),
                }
            }
            (_, Some(title)) => (Some(title), says_kind),
            (_, None) => {
                // "ACTA N° 14" over "REUNIÓN ORDINARIA DE LA COMISIÓN ...": a label of the kind with its
                // number says no more than the kind; the heading under it is the title.
                let numbered_label = self.kind_line(report, lang).filter(|(_, line, _)| {
                    let label = without_number(line);
                    label.len() < line.len() && self.is_kind_label(label, lang)
                });
                if let Some(heading) =
                    numbered_label.and_then(|(_, _, end)| self.heading_after(report, end, &is_furniture))
                {
                    return self.headed(heading, lang);
                }
                self.titled_by_kind(report, lang, &is_furniture, says_kind)
            }
        }
    }

    /// A report without a title is titled by the line that says its kind, or the headline under
    /// a bare label of the kind.
    fn titled_by_kind(
        &self,
        report: &Report,
        lang: Lang,
        is_furniture: impl Fn(&str) -> bool,
        says_kind: bool,
    ) -> (Option<String>, bool) {
        match self.kind_heading(report, lang) {
            // "COMMUNIQUÉ DE PRESSE" over the headline.
            Some(label) if self.is_kind_label(&label, lang) => {
                let end = self.kind_line(report, lang).map_or(0, |(_, _, end)| end);
                match self.heading_after(report, end, &is_furniture) {
                    Some(heading) => self.headed(heading, lang),
                    None => (Some(label), true),
                }
            }
            Some(heading) => (Some(heading), true),
            None => (None, says_kind),
        }
    }

    /// A line that names a section of a website: at most four words (a date aside), the first of
    /// them a `site_section` word ("Notícias", "Actualités | Transformation numérique").
    fn is_site_section(&self, line: &str) -> bool {
        let is_section =
            |first: &str| self.site_sections.contains(&fold(first.trim_matches(|c: char| !c.is_alphanumeric())));
        if !may_hold_date(line) {
            // No date to take out: the first word and the count say it, and the line is folded no
            // further than its first word.
            let mut words = line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
            let first = words.next();
            return words.take(MAX_SITE_SECTION_WORDS).count() < MAX_SITE_SECTION_WORDS
                && first.is_some_and(is_section);
        }
        // The word must be in the line: most lines are let go before a date is looked for in them.
        let folded = fold(line);
        if !self.site_section_finder.is_match(&folded) {
            return false;
        }
        let line = match find_date(line, None) {
            Some(date) => format!("{} {}", &line[..date.start], &line[date.end..]),
            None => line.to_string(),
        };
        let mut words = line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
        words.next().is_some_and(is_section) && words.count() < MAX_SITE_SECTION_WORDS
    }

    /// A site's section or a label of the kind, then the site's or the event's name: "Agenda |
    /// Semana de la Innovación Pública 2026", "News | Digital Week". The headline under it says
    /// what the page is about.
    fn is_section_banner(&self, line: &str, lang: Lang) -> bool {
        line.split_once(" | ").is_some_and(|(first, rest)| {
            let first = first.trim();
            // "REGIONALES | Martes 17 de noviembre de 2026": a one-word section and the day's date.
            let dated = is_date_and_time(rest);
            // "Press release | 19 November 2026": a label of the kind, in as many words as it has.
            self.is_kind_label(first, lang)
                || !first.contains(char::is_whitespace) && (self.is_site_section(first) || dated)
        })
    }

    /// A line that says when the page was put online or changed: its first word is a word of
    /// publishing ("Posted 27 August 2026 by ...", "Publicado el 3 de mayo", "Publié le ...").
    fn is_publication_line(&self, line: &str) -> bool {
        let first = line.split_whitespace().next().unwrap_or("");
        let first = first.trim_matches(|c: char| !c.is_alphanumeric());
        self.publication_words.contains(&fold(first))
    }

    /// A headline taken for the title, and whether it says the kind of document.
    fn headed(&self, heading: String, lang: Lang) -> (Option<String>, bool) {
        let says = self.says_kind(&heading, lang);
        (Some(heading), says)
    }

    /// Whether `title` is only a label of the kind of document ("News release", "Meeting Report",
    /// "COMMUNIQUÉ DE PRESSE", "Programa"), a word at most after the cue.
    fn is_kind_label(&self, title: &str, lang: Lang) -> bool {
        self.is_kind_label_in(title, self.cues_for(lang))
    }

    /// [`Ledes::is_kind_label`] with the cues given.
    fn is_kind_label_in(&self, title: &str, cues: &[(DocumentKind, String)]) -> bool {
        let folded = fold(title);
        cues.iter().any(|(_, cue)| {
            folded.starts_with(cue.as_str())
                && folded[cue.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                && folded[cue.len()..].split_whitespace().count() <= 1
        }) || (folded.split_whitespace().count() <= 2
            && folded.split_whitespace().any(|w| cues.iter().any(|(_, cue)| cue == w)))
    }

    /// Whether `title` only says what kind of event it is ("Webinar", "Conversatorio virtual",
    /// "Online workshop"): an event's head word and at most one more word, in small letters unless
    /// it comes first, no digits (not "Foro Regional", "IGF 2026"). The event's name is under it.
    fn is_event_label(&self, title: &str) -> bool {
        let words: Vec<&str> = title.split_whitespace().collect();
        (1..=2).contains(&words.len())
            && !title.contains(|c: char| c.is_ascii_digit())
            && words.iter().any(|w| self.event_heads.contains(&fold(w)))
            && words.iter().skip(1).all(|w| w.starts_with(char::is_lowercase))
    }

    /// Whether a title says the kind of document anywhere as a whole word.
    fn says_kind(&self, title: &str, lang: Lang) -> bool {
        self.kind_in_title(title, lang).is_some()
    }

    /// The kind of document a title says at its start ("Minutes of the Board") or anywhere as a
    /// whole word ("Transparency Board Minutes 19th July 2011").
    fn kind_in_title(&self, title: &str, lang: Lang) -> Option<DocumentKind> {
        let cues = self.cues_for(lang);
        // Folded once: the cues are folded, and folding keeps where words start.
        let folded = fold(title);
        let word_starts = std::iter::once(0)
            .chain(folded.char_indices().filter(|(_, c)| !c.is_alphanumeric()).map(|(i, c)| i + c.len_utf8()));
        word_starts.filter(|&i| i < folded.len()).find_map(|i| cue_in_folded(cues, &folded[i..]))
    }

    /// The cues of kinds of document for `lang`, its own pack's first.
    fn cues_for(&self, lang: Lang) -> &[(DocumentKind, String)] {
        self.cues.get(&lang).or_else(|| self.cues.values().next()).map_or(&[], Vec::as_slice)
    }

    /// The first heading-like line after byte `after` among the report's first lines: three to
    /// twenty words, not ending in a separator, not a date line or furniture, not a field.
    /// A news page's headline sits right over the line that says when it went up ("Publicado em
    /// 12/11/2026 16h40"), under a subtitle at most: that heading is taken before one higher up
    /// (the site's own links, "Órgãos do Governo Acesso à Informação ...").
    fn heading_after(&self, report: &Report, after: usize, is_furniture: impl Fn(&str) -> bool) -> Option<String> {
        let headings: Vec<(usize, &str)> = report
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.range.start >= after
                    // An item of a list ("- Hon. Ana Ruiz, Minister of ..., Tuvalu") is one of many.
                    && l.kind != acta_doc::LineKind::ListItem
                    && (l.kind != acta_doc::LineKind::Field || self.is_event_headline(report, l))
            })
            // A body's letterhead or a country's name under the site's navigation ("Ministerio de
            // ...", "República de ...") names who publishes, not what happened.
            .filter(|(_, l)| !names_only_a_publisher(report, l.content))
            .map(|(i, l)| (i, report.slice(l.content).trim()))
            // The label of the kind under a letterhead, with its number ("COMUNICADO DE PRENSA N.°
            // 214-2026", "Press release No. 12"): no headline.
            .filter(|(_, line)| !self.cues.values().any(|cues| self.is_kind_label_in(without_number(line), cues)))
            .filter(|(_, l)| !l.is_empty())
            .take(KIND_LINES)
            .filter(|(_, line)| {
                let words = line.split_whitespace().count();
                (3..=MAX_HEADLINE_WORDS).contains(&words)
                    && !line.ends_with([',', ';', ':', '.'])
                    && names_something(line)
                    && !is_dateline(line)
                    && !is_date_and_time(line)
                    && !is_furniture(line)
                    && !is_navigation(line)
                    // A table's row ("8:30 | Instalación | Carolina Vélez, ministra ...").
                    && line.matches('|').count() < 2
            })
            .collect();
        let published_below = |i: usize| {
            report.lines[i + 1..]
                .iter()
                .map(|l| report.slice(l.content).trim())
                .filter(|l| !l.is_empty())
                .take(2)
                .any(|l| self.is_publication_line(l))
        };
        let over_publication = headings.iter().find(|(i, _)| published_below(*i));
        over_publication.or(headings.first()).map(|(_, line)| clean_title(line))
    }

    /// A field line whose label is an event's head word ("Webinario: Ciberseguridad en gobiernos
    /// locales"): a headline, not a field.
    /// So is one whose label is a word no list of labels knows, over three words or more ("Recap:
    /// Inclusive AI for public services in the Pacific"), where a headline is looked for, and one
    /// whose unknown label is a headline's first part ("Americas Regional Meeting: key takeaways").
    fn is_event_headline(&self, report: &Report, line: &acta_doc::Line) -> bool {
        report.fields_within(line.content).any(|f| {
            let label = report.slice(f.label).trim();
            f.kind == FieldKind::Other
                && (self.event_heads.contains(&fold(label))
                    || !label.contains(char::is_whitespace)
                        && report.slice(f.value).split_whitespace().nth(2).is_some()
                    || label.split_whitespace().nth(MIN_HEADLINE_LABEL_WORDS - 1).is_some()
                        && label.starts_with(char::is_uppercase))
        })
    }

    /// What kind of document the report is in `lang`, and whether its title already says so.
    pub fn kind(&self, report: &Report, lang: Lang) -> (DocumentKind, bool) {
        if let Some(kind) = report.metadata.title.and_then(|t| self.kind_in_title(report.slice(t), lang)) {
            return (kind, true);
        }
        let kind = self.kind_line(report, lang).map(|(kind, _, _)| kind);
        (kind.unwrap_or(DocumentKind::Report), false)
    }

    /// The first of a report's first lines that says what kind of document it is ("ATA DA 55ª
    /// REUNIÃO ORDINÁRIA DO CONAMA"), that kind, and where the line ends.
    fn kind_line<'r>(&self, report: &'r Report, lang: Lang) -> Option<(DocumentKind, &'r str, usize)> {
        let cues = self.cues_for(lang);
        let first_lines = report.lines.iter().filter(|l| !report.slice(l.content).trim().is_empty());
        first_lines.take(KIND_LINES).find_map(|l| {
            let line = report.slice(l.content).trim_start_matches(|c: char| !c.is_alphanumeric());
            cue_at(cues, line).map(|kind| (kind, line, l.content.end))
        })
    }

    /// A report without a title is titled by the first line that says its kind, when that line is
    /// a heading's length ("ATA DA 55ª REUNIÃO ORDINÁRIA DO CONAMA"): the lede then says it.
    pub fn kind_heading(&self, report: &Report, lang: Lang) -> Option<String> {
        let (_, line, _) = self.kind_line(report, lang)?;
        let words = line.split_whitespace().count();
        ((3..=MAX_KIND_HEADING_WORDS).contains(&words) && !line.trim_end().ends_with([',', ';', ':']))
            .then(|| clean_title(line))
            .filter(|t| names_something(t))
    }

    /// The lede of a report in `lang`, or `None` when the pack has no template for it or the
    /// record has neither a title nor a date.
    pub fn compose(&self, report: &Report, lang: Lang) -> Option<String> {
        let title = self.title(report, |_| false);
        self.compose_with(report, lang, self.kind(report, lang), title.as_deref())
    }

    /// [`Ledes::compose`] for a report whose [`Ledes::kind`] is known, with the title given (from
    /// [`Ledes::title`]; `None` for a report whose chosen sentences say the title already).
    pub fn compose_with(
        &self,
        report: &Report,
        lang: Lang,
        kind: (DocumentKind, bool),
        title: Option<&str>,
    ) -> Option<String> {
        self.compose_said(report, lang, kind, title, &[])
    }

    /// [`Ledes::compose_with`] leaving out the chair and the organiser when a sentence of `said`
    /// (folded) names them already.
    pub fn compose_said(
        &self,
        report: &Report,
        lang: Lang,
        kind: (DocumentKind, bool),
        title: Option<&str>,
        said: &[String],
    ) -> Option<String> {
        self.compose_from(lang, kind, title, said, &self.facts(report, lang))
    }

    /// What a lede may say of `report` besides its title, read once for the several ledes a
    /// summary tries: the date as the pack writes it, who chaired, the place, the organiser.
    pub fn facts(&self, report: &Report, lang: Lang) -> LedeFacts {
        self.facts_for(report, lang, None)
    }

    /// [`Ledes::facts`] for ledes of a `kind` of document, with a title or without (`titled`),
    /// when the caller knows them: the place, whose dateline costs a search for a date in each
    /// of the first lines, is looked for only if such a lede can be composed at all.
    pub fn facts_for(&self, report: &Report, lang: Lang, lede: Option<(DocumentKind, bool)>) -> LedeFacts {
        let date = report.metadata.date.as_deref().and_then(|iso| {
            self.by_lang.get(&lang).and_then(|ledes| write_date(ledes, iso)).map(|w| (iso.to_string(), w))
        });
        let place = match lede {
            Some((kind, titled)) if !composes(kind, titled, date.is_some()) => None,
            _ => self.place(report, lang),
        };
        LedeFacts { date, chair: chair(report), place, organizer: organizer(report) }
    }

    /// [`Ledes::compose_said`] from the report's [`LedeFacts`].
    pub fn compose_from(
        &self,
        lang: Lang,
        (kind, titled): (DocumentKind, bool),
        title: Option<&str>,
        said: &[String],
        facts: &LedeFacts,
    ) -> Option<String> {
        let unsaid = |name: &String| {
            let name = fold(name);
            !said.iter().any(|s| s.contains(&name))
        };
        let ledes = self.by_lang.get(&lang)?;
        // A report's template says no kind of document: it serves titled reports as they are.
        let name = if titled && title.is_some() && kind != DocumentKind::Report { "titled" } else { kind.name() };
        let template = &ledes.templates.iter().find(|(n, _)| n == name)?.1;
        // A title that holds a date already ("Board minutes 19th July 2011", not "Regional Meeting
        // 2026", a year alone) is not followed by it,
        // nor is a date that a chosen sentence gives under another spelling ("17 et 18 juin 2026"
        // for the 17th, "June 17, 2026").
        let date_said = |iso: &str| said.iter().any(|s| find_date(s, Some(lang)).is_some_and(|d| d.iso == iso));
        let date = facts
            .date
            .as_ref()
            .filter(|_| title.is_none_or(|t| find_date(t, Some(lang)).is_none()))
            .filter(|(iso, _)| !date_said(iso))
            .map(|(_, written)| written.clone())
            .filter(unsaid);
        let (chair, moderator) = match facts.chair.clone().filter(|(name, _)| unsaid(name)) {
            Some((name, true)) => (None, Some(name)),
            Some((name, false)) => (Some(name), None),
            None => (None, None),
        };
        // "Governos ... discutem identidade digital em Brasília" says its place.
        let in_title = |place: &String| title.is_some_and(|t| fold(t).contains(&fold(place)));
        let place = facts.place.clone().filter(unsaid).filter(|p| !in_title(p));
        let organizer = facts.organizer.clone().filter(unsaid);
        if !composes(kind, title.is_some(), date.is_some()) {
            return None;
        }
        let value = |placeholder: &str| -> Option<String> {
            match placeholder {
                "title" => title.map(str::to_string),
                "date" => date.clone(),
                "chair" => chair.clone(),
                "moderator" => moderator.clone(),
                "organizer" => organizer.clone(),
                "place" => place.clone(),
                "at_place" => place.as_deref().map(|p| ledes.at_place(p)),
                _ => None,
            }
        };
        let mut sentence = render(template, &value)?;
        // A title cut after a preposition runs on into the date: "... de la séance du 5 octobre 2021".
        if let (Some(title), Some(date)) = (title, &date) {
            let last = title.rsplit(|c: char| c.is_whitespace()).next().map(fold).unwrap_or_default();
            if self.prepositions.contains(&last) {
                sentence = sentence.replacen(&format!("{title}, {date}"), &format!("{title} {date}"), 1);
            }
        }
        Some(finish_sentence(&sentence))
    }

    /// The sentence that closes a summary with the first three speakers ("Intervinieron Juan Pérez y
    /// María Gómez."), from the pack's `speakers` template: not the chair, moderator or organiser,
    /// whom the first sentence names, nor anyone a sentence of `said` (folded to its words,
    /// `fold_words`) names already.
    ///
    /// With `no_lede` (no first sentence was composed to name the chair), the chair or moderator
    /// comes first, from the pack's `chaired` or `moderated` row ("Chaired by Ana Silva.").
    pub fn closing(&self, report: &Report, lang: Lang, said: &[String], no_lede: bool) -> Option<String> {
        self.closing_of_kind(report, lang, self.kind(report, lang).0, said, no_lede)
    }

    /// [`Ledes::closing`] for a report whose kind (`Ledes::kind`) the caller has worked out already:
    /// the summary stage composes the closing more than once.
    pub fn closing_of_kind(
        &self,
        report: &Report,
        lang: Lang,
        kind: DocumentKind,
        said: &[String],
        no_lede: bool,
    ) -> Option<String> {
        let ledes = self.by_lang.get(&lang)?;
        // Padded once: a name is looked for as whole words in every chosen sentence.
        let padded: Vec<String> = said.iter().map(|s| format!(" {s} ")).collect();
        let unsaid = |name: &String| {
            let name = format!(" {} ", fold_words(name));
            !padded.iter().any(|s| s.contains(&name))
        };
        let chaired = chair(report);
        let chair_sentence =
            chaired.as_ref().filter(|(name, _)| no_lede && unsaid(name)).and_then(|(name, moderated)| {
                let row = if *moderated { "moderated" } else { "chaired" };
                let template = &ledes.templates.iter().find(|(n, _)| n == row)?.1;
                render(template, &|p: &str| matches!(p, "chair" | "moderator").then(|| name.clone()))
            });
        let chair = chaired.map(|(name, _)| name);
        let organizer = organizer(report);
        let named: Vec<&str> = [&chair, &organizer].into_iter().filter_map(|n| n.as_deref()).collect();
        let names = speakers(report, ledes.and.as_deref().unwrap_or("&"), &named, &unsaid);
        let speakers_sentence = names.and_then(|names| {
            // A programme says who will speak ("Intervienen ..."), where the pack has a row for it.
            let row = |name: &str| ledes.templates.iter().find(|(n, _)| n == name);
            let programme = kind == DocumentKind::Agenda;
            let template = &programme.then(|| row("speakers agenda")).flatten().or_else(|| row("speakers"))?.1;
            render(template, &|p: &str| (p == "speakers").then(|| names.clone()))
        });
        let sentences: Vec<String> =
            [chair_sentence, speakers_sentence].into_iter().flatten().map(|s| finish_sentence(&s)).collect();
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }
}

/// Whether a lede of a `kind` of document is composed with a title or without one (`titled`),
/// dated or not: without a title, a date alone says little that the text's first sentence does
/// not; the kind of document ("Minutes", "Programme") does.
fn composes(kind: DocumentKind, titled: bool, dated: bool) -> bool {
    titled || (dated && kind != DocumentKind::Report)
}

/// What a lede may say of a report besides its title ([`Ledes::facts`]).
#[derive(Debug, Clone, Default)]
pub struct LedeFacts {
    /// The report's date, ISO and as the pack writes it.
    date: Option<(String, String)>,
    /// Who chaired or moderated, and whether they moderated.
    chair: Option<(String, bool)>,
    place: Option<String>,
    organizer: Option<String>,
}

/// The organiser named by a field, without the post written after a dash ("Yolanda Martínez -
/// Head of the Digital Government Unit ..."); a longer value is a list or a sentence.
fn organizer(report: &Report) -> Option<String> {
    report
        .metadata
        .organizer
        .map(|o| report.slice(o).split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|o| {
            let post = [" - ", " – ", " — "].iter().filter_map(|d| o.find(d)).min().unwrap_or(o.len());
            without_final_stop(&o[..post]).to_string()
        })
        .filter(|o| (1..=MAX_ORGANIZER_WORDS).contains(&o.split_whitespace().count()))
}

/// A name without the stop that ended the field's sentence ("... y Red por la Rendición de
/// Cuentas."), keeping an abbreviation's ("Acme Inc.", "S.A.").
fn without_final_stop(name: &str) -> &str {
    let name = name.trim_end_matches([',', ';', ':', ' ']);
    match name.strip_suffix('.') {
        Some(rest) if rest.rsplit(' ').next().is_some_and(|w| w.chars().count() > 4 && !w.contains('.')) => rest,
        _ => name,
    }
}

/// The kind of document a cue at the start of `text` says, if any: cues are a few words, so only
/// the start of the text is folded.
fn cue_at(cues: &[(DocumentKind, String)], text: &str) -> Option<DocumentKind> {
    let mut end = text.len().min(CUE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    cue_in_folded(cues, &fold(&text[..end]))
}

/// [`cue_at`] on text folded already.
fn cue_in_folded(cues: &[(DocumentKind, String)], folded: &str) -> Option<DocumentKind> {
    cues.iter().find_map(|(kind, cue)| {
        (folded.starts_with(cue.as_str()) && folded[cue.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
            .then_some(*kind)
    })
}

/// Whether the line `range` is a body's name and nothing else: a ministry or organisation mention
/// that covers it ("MINISTÈRE DE LA TRANSFORMATION NUMÉRIQUE ET DE LA FONCTION PUBLIQUE").
fn is_letterhead(report: &Report, range: ByteRange) -> bool {
    covered_by(report, range, &[acta_doc::EntityKind::Ministry, acta_doc::EntityKind::Organization])
}

/// Whether the line `range` is a letterhead or a country's name and nothing else ("República de
/// Panamá" under a ministry's name).
fn names_only_a_publisher(report: &Report, range: ByteRange) -> bool {
    use acta_doc::EntityKind::{Country, Ministry, Organization};
    if covered_by(report, range, &[Ministry, Organization, Country]) {
        return true;
    }
    // "República de Panamá", "Republic of Kenya": a country's name after a capitalised word or
    // two, in a line of a few words that are all capitalised or joined by a short particle.
    let line = range.slice(&report.text).trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    // Mentions are sorted by start: only those from the line's start on are read.
    let first = report.mentions.partition_point(|m| m.range.start < range.start);
    let country_in_line = || {
        report.mentions[first..]
            .iter()
            .take_while(|m| m.range.start < range.end)
            .any(|m| m.kind == Country && range.contains(&m.range))
    };
    words.len() <= MAX_COUNTRY_LINE_WORDS
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || w.chars().count() <= 3)
        && country_in_line()
}

/// `label` without the number that ends it: the words from the first with a digit on, when all
/// of them have one ("Agenda 2030 para el Desarrollo" keeps its words), and a numbering sign just
/// before them ("N.°", "No.", "nº", "#").
fn without_number(label: &str) -> &str {
    let Some(digit) = label.find(|c: char| c.is_ascii_digit()) else { return label };
    let start = label[..digit].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    if !label[start..].split_whitespace().all(|w| w.contains(|c: char| c.is_ascii_digit())) {
        return label;
    }
    let before = label[..start].trim_end();
    let sign = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let is_sign = !sign.is_empty()
        && sign.chars().filter(|c| c.is_alphabetic()).count() <= 2
        && sign.chars().any(|c| matches!(c, '.' | '°' | 'º' | '#'));
    let before = if is_sign { before[..before.len() - sign.len()].trim_end() } else { before };
    if before.is_empty() {
        label
    } else {
        before
    }
}

/// Whether a mention of one of `kinds` covers the whole line `range`.
fn covered_by(report: &Report, range: ByteRange, kinds: &[acta_doc::EntityKind]) -> bool {
    let line = range.slice(&report.text).trim();
    let start = range.start + (range.slice(&report.text).len() - range.slice(&report.text).trim_start().len());
    let first = report.mentions.partition_point(|m| m.range.start < start);
    report.mentions[first..]
        .iter()
        .take_while(|m| m.range.start == start)
        .any(|m| kinds.contains(&m.kind) && m.range.len() >= line.len())
}

/// A site's navigation: three pieces or more between " / ", " > ", " » " or " | ", none of more
/// than four words ("Inicio / Sala de prensa / Noticias", "Home > News > 2024"); two are enough
/// between arrows, which no headline uses to join its parts ("News > Press releases"), unless the
/// "»" closes a French quotation.
fn is_navigation(line: &str) -> bool {
    let navigation = [" / ", " > ", " » ", " › ", " | "].iter().filter(|sep| line.contains(*sep)).any(|sep| {
        let pieces: Vec<&str> = line.split(sep).collect();
        let arrow = matches!(*sep, " > " | " › ") || (*sep == " » " && !line.contains('«'));
        let least = if arrow { 2 } else { 3 };
        pieces.len() >= least && pieces.iter().all(|p| (1..=4).contains(&p.split_whitespace().count()))
    });
    // A site's banner names its domain: "República Portuguesa | Gov.pt".
    let banner = line.split_once(" | ").is_some_and(|(a, b)| {
        let pieces = [a, b];
        pieces.iter().all(|p| (1..=4).contains(&p.split_whitespace().count()))
            && pieces.iter().any(|p| is_domain(p.trim()))
    });
    navigation || banner
}

/// A place and a date ("Paris, le 9 octobre 2026", "October 27, 2026 – Whitehorse, Yukon"): six
/// words or fewer with a comma, one of them a year ("IGF 2016 – Opening session" is a title).
fn is_dateline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 6
        && line.contains(',')
        && words.iter().any(|w| {
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
        })
}

/// A line that is a date and a time or a place ("Martes 21 de abril de 2026, 10:00 a 11:30 (hora de
/// Costa Rica)"): a date and at most four words of three letters or more besides it.
fn is_date_and_time(line: &str) -> bool {
    let Some(date) = find_date(line, None) else { return false };
    let rest = format!("{} {}", &line[..date.start], &line[date.end..]);
    let wordy = rest.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).count();
    wordy <= MAX_WORDS_BESIDE_DATE
}

/// A domain name: one word, a dot, and two to four letters after the last dot ("Gov.pt", "gob.mx").
fn is_domain(word: &str) -> bool {
    !word.contains(char::is_whitespace)
        && word.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// A line in capitals (two words or more, no lower-case letter): a letterhead more often than a title.
fn is_capitals(line: &str) -> bool {
    line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 2
        && line.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// A title that names something: two words of three letters or more, and not a date line
/// ("Friday, April 13, 2007": a few words, and digits for almost a third of its characters).
fn names_something(title: &str) -> bool {
    let words = title.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).count();
    let chars = title.chars().filter(|c| !c.is_whitespace()).count();
    let digits = title.chars().filter(char::is_ascii_digit).count();
    words >= 2 && !(title.split_whitespace().count() <= 4 && digits * 10 >= chars * 3)
}

/// A title on one line, without trailing separators.
fn clean_title(title: &str) -> String {
    let one_line = title.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.trim_end_matches([':', ';', ',', '.', '-', '–', '—', '|', ' ']).to_string()
}

/// An ISO date ("2016-12-06", "2016-12", "2016") written with the pack's date template.
fn write_date(ledes: &LanguageLedes, iso: &str) -> Option<String> {
    let mut parts = iso.split('-');
    let year = parts.next().filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let month = parts.next().and_then(|m| m.parse::<u32>().ok());
    let day = parts.next().and_then(|d| d.parse::<u32>().ok());
    match (month.and_then(|m| ledes.months.get(&m)), day) {
        (Some(month), Some(day)) => {
            let template = ledes.date.as_deref()?;
            Some(template.replace("{day}", &day.to_string()).replace("{month}", month).replace("{year}", year))
        }
        (Some(month), None) => Some(format!("{month} {year}")),
        _ => Some(year.to_string()),
    }
}

/// What separates a dateline's place from its date: a comma, a dash, a middle dot, a bullet (a bar
/// separates a site's section from it: "Notícias | 28/11/2026").
const DATELINE_SEPARATORS: [char; 6] = [',', '–', '—', '-', '·', '•'];

/// Where the meeting was held, from a field ("Local: Sede do NIC.br – São Paulo/SP"), on one line.
fn place(report: &Report) -> Option<String> {
    let field = report.fields.iter().find(|f| f.kind == FieldKind::Place)?;
    let place = clean_title(report.slice(field.value));
    (1..=MAX_PLACE_WORDS).contains(&place.split_whitespace().count()).then_some(place)
}

impl Ledes {
    /// Where the meeting was held: a place field, else the place of a dateline among the first
    /// lines, before the date ("Bogotá, 14 de agosto de 2026", "Paris, le 9 octobre 2026") or
    /// after it ("held on 8 October 2026, Asunción, Paraguay", "October 27, 2026 – Whitehorse, Yukon").
    fn place(&self, report: &Report, lang: Lang) -> Option<String> {
        place(report).or_else(|| self.dateline_place(report, lang))
    }

    fn dateline_place(&self, report: &Report, lang: Lang) -> Option<String> {
        let lines = report.lines.iter().filter(|l| l.kind != LineKind::Field && !l.content.is_empty());
        lines.take(DATELINE_LINES).find_map(|l| {
            let line = report.slice(l.content);
            let date = find_date(line, Some(lang))?;
            let before = line[..date.start].trim_end();
            // "Paris, le": the article before the date is not part of the place.
            let before = match before.rsplit_once(' ') {
                Some((head, last))
                    if head.ends_with(',') && last.len() <= 2 && last.chars().all(char::is_lowercase) =>
                {
                    head
                }
                _ => before,
            };
            // "Bridgetown, Barbados · 9–10 November 2026": a middle dot between them, as a comma or a dash.
            let before = before.trim_end_matches(|c: char| DATELINE_SEPARATORS.contains(&c) || c.is_whitespace());
            // After the date, the place follows a comma or a dash ("30.06.2013 Views" is a page's counter).
            let rest = &line[date.end..];
            let after = rest.trim_start_matches(|c: char| DATELINE_SEPARATORS.contains(&c) || c.is_whitespace());
            let after = if rest[..rest.len() - after.len()].contains(DATELINE_SEPARATORS) { after } else { "" };
            // A place named by another kind of entity ("MINISTERIO DE ECONOMÍA, 5 de mayo") is a letterhead.
            let no_entity = |piece: &str| {
                let start = l.content.start + (piece.as_ptr() as usize - line.as_ptr() as usize);
                !report.mentions.iter().any(|m| {
                    m.kind != acta_doc::EntityKind::Country
                        && m.range.start < start + piece.len()
                        && m.range.end > start
                })
            };
            let is_place = |piece: &str| self.is_place_name(piece) && no_entity(piece);
            if is_place(before) {
                return Some(before.to_string());
            }
            let after = after.trim_end_matches(['.', ' ']);
            is_place(after).then(|| after.to_string())
        })
    }

    /// A place's name: one to four words, each capitalised (particles such as "de" between them),
    /// no digits, no weekday ("Thursday, 5 November 2026"), no month and no word of putting a page
    /// online ("Published 12 May 2026").
    fn is_place_name(&self, piece: &str) -> bool {
        let words: Vec<&str> = piece.split_whitespace().collect();
        (1..=MAX_DATELINE_PLACE_WORDS).contains(&words.len())
            && !piece.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '|' | '/' | '(' | ')' | '"'))
            && words.first().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
            && words.first().is_some_and(|w| !self.stop_words.contains(&fold(w.trim_end_matches(','))))
            && words.iter().all(|w| {
                let word = w.trim_end_matches(',');
                word.chars().next().is_some_and(char::is_uppercase) || (word.len() <= 3 && words.len() > 2)
            })
            && words.iter().all(|w| {
                let folded = fold(w.trim_end_matches(','));
                !self.weekdays.contains(&folded)
                    && !self.month_names.contains(&folded)
                    && !self.meeting_modes.contains(&folded)
                    && !self.publication_words.contains(&folded)
            })
    }
}

/// Who chaired or moderated: the moderator field, else the one chair of the speaker table, else its
/// one moderator; and whether they moderated (a panel's moderator) rather than chaired (a meeting's
/// chair or president), as their part in the speaker table says.
fn chair(report: &Report) -> Option<(String, bool)> {
    let in_the_chair = |s: &&acta_doc::Speaker| {
        s.session_roles.iter().any(|r| matches!(r, SessionRole::Chair | SessionRole::Moderator))
    };
    let moderated = |s: &acta_doc::Speaker| !s.session_roles.contains(&SessionRole::Chair);
    if let Some(m) = report.metadata.moderator {
        let name = report.slice(m).split_whitespace().collect::<Vec<_>>().join(" ");
        let words = name.split_whitespace().count();
        if words > 0 && words <= MAX_CHAIR_WORDS && name.chars().all(|c| c.is_alphanumeric() || " .'-’,()".contains(c))
        {
            // The field's person in the speaker table says which part they had; a moderator when unknown.
            // The table's name is said without the post the field writes after it ("Andrés
            // Cárdenas, periodista de datos").
            let folded = fold(&name);
            let person = report
                .speakers
                .iter()
                .filter(in_the_chair)
                .find(|s| report.canonicals.get(s.person).is_some_and(|c| folded.contains(&fold(&c.name))));
            let moderates = person.is_none_or(moderated);
            let name = match person.and_then(|s| report.canonicals.get(s.person)) {
                Some(c) if name.contains(',') => c.name.clone(),
                _ => name,
            };
            return Some((name, moderates));
        }
    }
    // The one who chaired; else the one who moderated. Several moderators moderated parts of the
    // event (a panel each): none of them moderated it.
    let only = |role: SessionRole| {
        let mut them = report.speakers.iter().filter(move |s| s.session_roles.contains(&role));
        match (them.next(), them.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    let speaker = match only(SessionRole::Chair) {
        Some(chair) => chair,
        None if report.speakers.iter().any(|s| s.session_roles.contains(&SessionRole::Chair)) => return None,
        None => only(SessionRole::Moderator)?,
    };
    report.canonicals.get(speaker.person).map(|c| (c.name.clone(), moderated(speaker)))
}

/// The first three speakers, "A (ACR), B and C" (with a short body when the table gives one), leaving out those the lede names already as chair or
/// organiser ("Yolanda Martínez" names "Yolanda Martínez Mancilla") and those `unsaid` says a chosen
/// sentence names.
fn speakers(report: &Report, and: &str, named: &[&str], unsaid: &dyn Fn(&String) -> bool) -> Option<String> {
    let named: Vec<String> = named.iter().map(|n| fold(n)).collect();
    // "Participan: Ana Ruiz, ...; Modera: ...": without speakers, the few who take part are the panel.
    let people_with = |role: SessionRole| report.speakers.iter().filter(|s| s.session_roles.contains(&role)).count();
    let role = if people_with(SessionRole::Speaker) == 0
        && (1..=MAX_PANEL_ATTENDEES).contains(&people_with(SessionRole::Attendee))
    {
        SessionRole::Attendee
    } else {
        SessionRole::Speaker
    };
    let names: Vec<String> = report
        .speakers
        .iter()
        .filter(|s| s.session_roles.contains(&role))
        .filter_map(|s| report.canonicals.get(s.person).map(|c| (s, c.name.as_str())))
        .filter(|(_, n)| {
            let folded = fold(n);
            !named.iter().any(|m| m.contains(&folded) || folded.contains(m.as_str())) && unsaid(&n.to_string())
        })
        .take(3)
        .map(|(s, n)| {
            // A short body says where the speaker comes from as a reader writes it: "Ana Ruiz (CONATEL)";
            // not the body whose meeting it was, which the lede names.
            let org = s
                .organization
                .filter(|_| !s.organization_is_host)
                .map(|o| report.slice(o).trim())
                .filter(|o| (1..=MAX_CLOSING_BODY_WORDS).contains(&o.split_whitespace().count()));
            match org {
                Some(o) => format!("{n} ({o})"),
                None => n.to_string(),
            }
        })
        .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [init @ .., last] => Some(format!("{} {and} {last}", init.join(", "))),
    }
}

/// Fills a template: `{name}` placeholders from `value`; a `[...]` part is left out when a
/// placeholder inside it has no value; `None` when a placeholder outside brackets has none.
fn render(template: &str, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            if let Some(part) = fill(&inner[..end], value) {
                out.push_str(&part);
            }
            rest = &inner[end + 1..];
        } else {
            let end = rest.find('[').unwrap_or(rest.len());
            out.push_str(&fill(&rest[..end], value)?);
            rest = &rest[end..];
        }
    }
    Some(out)
}

/// The placeholders of a piece of template filled, or `None` when one has no value.
fn fill(piece: &str, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = piece;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        out.push_str(&value(&rest[open + 1..close]).filter(|v| !v.is_empty())?);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// One sentence: no separator left at its start when its first part was left out, no doubled
/// final stop ("Inc..") and no space before punctuation.
fn finish_sentence(s: &str) -> String {
    let trimmed = s.trim().trim_start_matches([',', ';', ' ']);
    let mut out = String::new();
    // The first letter in capitals when the sentence now starts with a date or a lower-case word.
    let mut chars = trimmed.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    let mut out = out.replace(" ,", ",");
    while out.ends_with("..") && !out.ends_with("...") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`Ledes::is_site_section`] as it was written first: the whole line folded and searched for
    /// a section's word, then its date taken out.
    fn is_site_section_by_whole_fold(ledes: &Ledes, line: &str) -> bool {
        if !ledes.site_section_finder.is_match(&fold(line)) {
            return false;
        }
        let line = match find_date(line, None) {
            Some(date) => format!("{} {}", &line[..date.start], &line[date.end..]),
            None => line.to_string(),
        };
        let mut words = line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
        let first = words.next().map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
        first.is_some_and(|w| ledes.site_sections.contains(&w)) && words.count() < MAX_SITE_SECTION_WORDS
    }

    #[test]
    fn a_site_section_is_its_first_word_and_few_more_with_or_without_a_date() {
        let ledes = Ledes::new(&Lexicon::bundled());
        for line in
            ["Notícias", "NOTICIAS | Actualidad", "Blog | 12 de junio de 2026", "« Actualités »", "17/05/2026 Prensa"]
        {
            assert!(ledes.is_site_section(line), "{line}");
            assert!(is_site_section_by_whole_fold(&ledes, line), "{line}");
        }
        for line in ["News of the ministry and its agencies today", "Our news", "Noticias 1 2 3 4", "", " | "] {
            assert!(!ledes.is_site_section(line), "{line}");
            assert!(!is_site_section_by_whole_fold(&ledes, line), "{line}");
        }
    }

    proptest! {
        #[test]
        fn a_site_section_is_found_as_by_folding_the_whole_line(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "Notícias", "noticias", "NEWS", "Blog", "événements", "Prensa:", "«Actualités»", "|", "-",
                    "12", "de", "junio", "2026", "17/05/2026", "dos", "mil", "veinte", "Ministerio", "del",
                    "Interior", "the", "network", "São", "Paulo", "(blog)", "2026-05-17", "News2026",
                ]),
                0..9,
            ),
            glue in prop::sample::select(vec![" ", "  ", " | ", ", ", "\t"]),
        ) {
            static LEDES: std::sync::LazyLock<Ledes> = std::sync::LazyLock::new(|| Ledes::new(&Lexicon::bundled()));
            let line = words.join(glue);
            let ledes = &*LEDES;
            prop_assert_eq!(ledes.is_site_section(&line), is_site_section_by_whole_fold(ledes, &line), "{:?}", line);
        }
    }

    fn report(text: &str) -> Report {
        let mut r = Report::new("t", "t.txt", text.to_string());
        acta_doc::Stage::run(&acta_layout::LayoutStage::bundled(), &mut r).unwrap();
        acta_doc::Stage::run(&acta_layout::MetadataStage, &mut r).unwrap();
        r
    }

    #[test]
    fn a_bodys_letterhead_over_a_label_of_the_kind_gives_way_to_the_headline() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let title = |text: &str, body: Option<&str>| {
            let mut r = report(text);
            if let Some(body) = body {
                // The entity stage's mention of the letterhead's body.
                let start = text.find(body).unwrap();
                r.canonicals.push(acta_doc::Canonical {
                    kind: acta_doc::EntityKind::Ministry,
                    name: body.to_string(),
                    country: None,
                    stakeholder: None,
                });
                r.mentions.push(acta_doc::Mention {
                    kind: acta_doc::EntityKind::Ministry,
                    range: ByteRange { start, end: start + body.len() },
                    canonical: r.canonicals.len() - 1,
                    source: acta_doc::EntitySource::Pattern,
                    confidence: 0.8,
                    model_score: None,
                });
            }
            let kind = ledes.kind(&r, Lang::FR);
            ledes.lede_title(&r, Lang::FR, kind.1, |_| false).0
        };
        let text = "MINISTÈRE DE LA TRANSFORMATION NUMÉRIQUE\n\nCOMMUNIQUÉ DE PRESSE\nParis, le 4 novembre 2026\n\nLancement du programme des compétences numériques\n\nLa ministre a lancé ce mardi le programme.\n";
        assert_eq!(
            title(text, Some("MINISTÈRE DE LA TRANSFORMATION NUMÉRIQUE")).as_deref(),
            Some("Lancement du programme des compétences numériques")
        );
        // So under the label: the label says what the page is, the letterhead who publishes it.
        let text = "Communiqué de presse\nMinistère de la Culture\n\nParis, le 3 mars 2026\n\nLe ministère ouvre un appel à projets pour les musées numériques\n\nLe ministère a ouvert ce mardi un appel à projets.\n";
        assert_eq!(
            title(text, Some("Ministère de la Culture")).as_deref(),
            Some("Le ministère ouvre un appel à projets pour les musées numériques")
        );
        // An event's title over the label of its programme stays the title.
        let text = "SÉMINAIRE RÉGIONAL SUR LES VILLES NUMÉRIQUES\nDakar, 24 avril 2026\n\nPROGRAMME\n\n09:00 Accueil des participants\n";
        assert_eq!(title(text, None).as_deref(), Some("SÉMINAIRE RÉGIONAL SUR LES VILLES NUMÉRIQUES"));
        // A publisher's name right over the headline, no label between them.
        let text = "Agence régionale du numérique\n\nLes communes adoptent un socle commun de services en ligne\n\nLes maires ont adopté mardi le socle commun.\n";
        assert_eq!(
            title(text, Some("Agence régionale du numérique")).as_deref(),
            Some("Les communes adoptent un socle commun de services en ligne")
        );
        // A body's name over the label of its programme stays the title, a heading under the label
        // too.
        for text in [
            "Conseil régional des usages numériques\nProgramme - Jour 1\n\n09:00 Accueil des participants\n",
            "Conseil régional des usages numériques\n\nProgramme détaillé\n\nLes communes et leurs services en ligne\n\n09:00 Accueil\n",
        ] {
            assert_eq!(
                title(text, Some("Conseil régional des usages numériques")).as_deref(),
                Some("Conseil régional des usages numériques"),
                "{text}"
            );
        }
    }

    #[test]
    fn under_navigation_a_letterhead_a_country_and_a_numbered_label_are_no_headline() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let text = "Inicio / Prensa / Boletines\n\nSecretaría de Comunicaciones\nRepública de Colombia\n\nBOLETÍN DE PRENSA No. 88-2026\n\nEl Gobierno abre la convocatoria de redes comunitarias\n\nBogotá, 3 de marzo de 2026. La secretaria abrió la convocatoria.\n";
        let mut r = report(text);
        // The entity stage's mentions of the letterhead's body and of the country.
        for (name, kind) in [
            ("Secretaría de Comunicaciones", acta_doc::EntityKind::Ministry),
            ("Colombia", acta_doc::EntityKind::Country),
        ] {
            let start = text.find(name).unwrap();
            r.canonicals.push(acta_doc::Canonical { kind, name: name.to_string(), country: None, stakeholder: None });
            r.mentions.push(acta_doc::Mention {
                kind,
                range: ByteRange { start, end: start + name.len() },
                canonical: r.canonicals.len() - 1,
                source: acta_doc::EntitySource::Gazetteer,
                confidence: 0.9,
                model_score: None,
            });
        }
        r.mentions.sort_by_key(|m| m.range.start);
        let title = ledes.lede_title(&r, Lang::ES, false, |_| false).0;
        assert_eq!(title.as_deref(), Some("El Gobierno abre la convocatoria de redes comunitarias"));
        // A label's number goes only when it ends the label.
        assert_eq!(without_number("BOLETÍN DE PRENSA No. 88-2026"), "BOLETÍN DE PRENSA");
        assert_eq!(without_number("Agenda 2030 para el Desarrollo"), "Agenda 2030 para el Desarrollo");
    }

    #[test]
    fn templates_render_their_parts_and_leave_out_empty_ones() {
        let value = |p: &str| match p {
            "title" => Some("Open data".to_string()),
            "date" => Some("3 May 2022".to_string()),
            _ => None,
        };
        assert_eq!(
            render("Minutes of {title}[, {date}][, chaired by {chair}].", &value).as_deref(),
            Some("Minutes of Open data, 3 May 2022.")
        );
        assert_eq!(render("{chair} chaired.", &value), None);
    }

    #[test]
    fn the_headline_under_a_sites_section_is_the_title() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let title = |text: &str, lang: Lang| ledes.lede_title(&report(text), lang, false, |_| false).0;
        let body = "\n\nA comissão realizou nesta quinta-feira uma audiência pública sobre o acesso à internet.\n";
        // Under a letterhead taken for the title.
        let text = format!(
            "Assembleia Legislativa do Estado\nNotícias\n\nAudiência pública debate inclusão digital nas escolas{body}"
        );
        assert_eq!(title(&text, Lang::PT).as_deref(), Some("Audiência pública debate inclusão digital nas escolas"));
        // A section and a date taken for the title.
        let text = format!("Blog | 12 de junio de 2026\n\nLo que aprendimos en el taller de compras públicas{body}");
        assert_eq!(title(&text, Lang::ES).as_deref(), Some("Lo que aprendimos en el taller de compras públicas"));
        // A navigation trail with "›".
        let text = format!("Home › Events › 2026\n\nAmericas Regional Meeting on Open Government{body}");
        assert_eq!(title(&text, Lang::EN).as_deref(), Some("Americas Regional Meeting on Open Government"));
        // A headline that opens with such a word is a headline.
        let text = format!(
            "News agencies debate the future of local reporting in rural towns\nRural towns and their papers{body}"
        );
        assert_eq!(
            title(&text, Lang::EN).as_deref(),
            Some("News agencies debate the future of local reporting in rural towns")
        );
    }

    #[test]
    fn an_events_headline_under_a_sites_section_is_the_title_and_its_date_line_is_not() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let text = "Eventos / Webinarios\n\nWebinario: Datos abiertos en los municipios andinos\nJueves 7 de mayo de 2026, 10:00 a 11:30 (hora de Lima)\n\nLos municipios publican cada vez más datos, pero pocos los usan para decidir.\n";
        let title = ledes.lede_title(&report(text), Lang::ES, false, |_| false).0;
        assert_eq!(title.as_deref(), Some("Webinario: Datos abiertos en los municipios andinos"));
        // Without the headline, the date line is not taken for one.
        let text = "Eventos / Webinarios\n\nJueves 7 de mayo de 2026, 10:00 a 11:30 (hora de Lima)\n\nLos municipios publican cada vez más datos, pero pocos los usan para decidir.\n";
        let title = ledes.lede_title(&report(text), Lang::ES, false, |_| false).0;
        assert_ne!(title.as_deref(), Some("Jueves 7 de mayo de 2026, 10:00 a 11:30 (hora de Lima)"));
    }

    #[test]
    fn a_side_events_headline_is_the_title_and_a_speakers_list_item_is_not() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let title = |text: &str| ledes.lede_title(&report(text), Lang::EN, false, |_| false).0;
        let speakers = "Speakers\n- Hon. Mele Tupou, Minister of Communications, Tonga\n- Dr. Ana Ruiz, Director of Research, Caribbean Centre\n\nThe session closes with the launch of a portal.\n";
        let text = format!("Events | Side events | Pavilion\n\nSide event: Ocean data for island planning\nDate: 10 November 2026\n\n{speakers}");
        assert_eq!(title(&text).as_deref(), Some("Side event: Ocean data for island planning"));
        // Without a headline, a speaker's entry in the list is not taken for one.
        let text = format!("Events | Side events | Pavilion\n\nDate: 10 November 2026\n\n{speakers}");
        assert!(title(&text).is_none_or(|t| !t.contains("Tupou")), "{text}");
    }

    #[test]
    fn under_a_numbered_label_of_the_kind_the_heading_is_the_title() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let title = |text: &str, lang: Lang| ledes.lede_title(&report(text), lang, false, |_| false).0;
        let text = "ACTA N° 7\nSESIÓN EXTRAORDINARIA DEL CONSEJO DIRECTIVO DE LA AGENCIA DIGITAL\nLima, 2 de marzo de 2026\n\nSiendo las 9:00 horas se reúne el Consejo.\n";
        assert_eq!(
            title(text, Lang::ES).as_deref(),
            Some("SESIÓN EXTRAORDINARIA DEL CONSEJO DIRECTIVO DE LA AGENCIA DIGITAL")
        );
        let text = "PROCÈS-VERBAL N° 12\n\nSéance du conseil syndical du syndicat mixte numérique\n\nAnnecy, le 4 mars 2026\n\nLe conseil s'est réuni.\n";
        assert_eq!(title(text, Lang::FR).as_deref(), Some("Séance du conseil syndical du syndicat mixte numérique"));
    }

    #[test]
    fn a_venue_takes_its_article_and_a_city_the_bare_preposition() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let at = |lang: Lang, place: &str| ledes.by_lang[&lang].at_place(place);
        assert_eq!(
            at(Lang::FR, "Centre international de conférences, Diamniadio"),
            "au Centre international de conférences, Diamniadio"
        );
        assert_eq!(at(Lang::FR, "Salle des fêtes"), "à la Salle des fêtes");
        assert_eq!(at(Lang::FR, "Hôtel de ville"), "à l'Hôtel de ville");
        assert_eq!(at(Lang::FR, "Dakar"), "à Dakar");
        assert_eq!(at(Lang::ES, "Salón Azul, Centro Cultural"), "en el Salón Azul, Centro Cultural");
        assert_eq!(at(Lang::PT, "Sede do NIC.br"), "na Sede do NIC.br");
        assert_eq!(at(Lang::EN, "Council Chamber, Civic Centre"), "in Council Chamber, Civic Centre");
    }

    #[test]
    fn a_title_with_a_year_alone_is_followed_by_the_date() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r = report("Regional Meeting 2026\nDate: 23 September 2026\n\nThe meeting brings together reformers from the region.\n");
        assert_eq!(ledes.compose(&r, Lang::EN).as_deref(), Some("Regional Meeting 2026, 23 September 2026."));
        let r = report("Board minutes 19 July 2011\nDate: 19 July 2011\n\nThe board met.\n");
        assert_eq!(ledes.compose(&r, Lang::EN).as_deref(), Some("Board minutes 19 July 2011."));
    }

    #[test]
    fn a_datelines_place_is_where_the_meeting_was() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let place = |text: &str, lang: Lang| ledes.place(&report(text), lang);
        let body = "\n\nThe council met to review the new regional plan for rural schools.\n";
        assert_eq!(
            place(&format!("Council reviews school plan\nBogotá, 14 de agosto de 2026{body}"), Lang::ES).as_deref(),
            Some("Bogotá")
        );
        assert_eq!(
            place(&format!("Bilan du plan\nParis, le 9 octobre 2026{body}"), Lang::FR).as_deref(),
            Some("Paris")
        );
        assert_eq!(
            place(
                &format!("Forum minutes\nMinutes of the session held on 8 October 2026, Asunción, Paraguay{body}"),
                Lang::EN
            )
            .as_deref(),
            Some("Asunción, Paraguay")
        );
        assert_eq!(
            place(&format!("Ministers meet\nOctober 27, 2026 – Whitehorse, Yukon{body}"), Lang::EN).as_deref(),
            Some("Whitehorse, Yukon")
        );
        // A middle dot or a bullet between place and date, as a comma; a bar comes after a section.
        assert_eq!(
            place(&format!("Summit programme\nKingstown, Saint Vincent · 3–4 March 2027{body}"), Lang::EN).as_deref(),
            Some("Kingstown, Saint Vincent")
        );
        assert_eq!(place(&format!("Governos e dados\nNotícias | 28/11/2026{body}"), Lang::PT), None);
        // A weekday, a way of meeting, a sentence's opening and a page's counter are no place.
        // Nor is a word of putting the page online.
        for line in [
            "Thursday, 5 November 2026",
            "Hybrid Event, 21/05/2021",
            "30.06.2013 Views",
            "Published 12 May 2026, updated 13 May 2026",
            "Actualizado 3 de marzo de 2026",
        ] {
            assert_eq!(place(&format!("Council reviews school plan\n{line}{body}"), Lang::EN), None, "{line}");
        }
        let sentence = "Acta\nEn Valdivia, a 4 de marzo de 2026, siendo las 15:10 horas, se abre la sesión.\n";
        assert_eq!(place(sentence, Lang::ES), None);
        // The lede says it, unless the title does.
        let r = report(&format!("Council reviews school plan\nBogotá, 14 de agosto de 2026{body}"));
        assert_eq!(
            ledes.compose(&r, Lang::ES).as_deref(),
            Some("Council reviews school plan, 14 de agosto de 2026, en Bogotá.")
        );
        let r =
            report(&format!("Governos discutem identidade digital em Brasília\nBrasília, 3 de março de 2025{body}"));
        assert!(!ledes.compose(&r, Lang::PT).unwrap_or_default().contains(", em Brasília"));
    }

    #[test]
    fn minutes_in_spanish_say_what_they_are() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r = report("Reunión ordinaria del Consejo Directivo\nFecha: 14 de mayo de 2014\nModerador: Ana Torres\n\nACTA N° 11\n\nSe aprobó el presupuesto.\n");
        assert_eq!(ledes.kind(&r, Lang::ES), (DocumentKind::Minutes, false));
        assert_eq!(
            ledes.compose(&r, Lang::ES).as_deref(),
            Some("Acta: Reunión ordinaria del Consejo Directivo, 14 de mayo de 2014, moderada por Ana Torres.")
        );
        // A title that says the kind is not said twice.
        let r = report("Minutes of the Board meeting\nDate: 2019-05-03\n\nThe board approved the budget.\n");
        assert_eq!(ledes.kind(&r, Lang::EN), (DocumentKind::Minutes, true));
        assert_eq!(ledes.compose(&r, Lang::EN).as_deref(), Some("Minutes of the Board meeting, 3 May 2019."));
    }

    #[test]
    fn a_title_that_says_minutes_anywhere_is_minutes() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r = report(
            "Transparency Board Minutes 19th July 2011\n\nThe Board agreed to publish the weather data for free.\n",
        );
        assert_eq!(ledes.kind(&r, Lang::EN), (DocumentKind::Minutes, true));
    }

    #[test]
    fn a_report_without_a_title_is_titled_by_the_line_that_says_its_kind() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r = report("Reuniões\n\nATA DA 12ª REUNIÃO ORDINÁRIA DO CONSELHO\nData: 3 de maio de 2001\n\nOs conselheiros aprovaram o plano.\n");
        assert_eq!(ledes.title(&r, |_| false), None);
        assert_eq!(ledes.kind_heading(&r, Lang::PT).as_deref(), Some("ATA DA 12ª REUNIÃO ORDINÁRIA DO CONSELHO"));
    }

    #[test]
    fn a_chair_that_a_chosen_sentence_names_is_not_said_again() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r =
            report("Workshop on open data\nDate: 3 May 2022\nModerator: Ana Silva\n\nAna Silva opened the workshop.\n");
        let kind = ledes.kind(&r, Lang::EN);
        let title = ledes.title(&r, |_| false);
        assert_eq!(
            ledes.compose_with(&r, Lang::EN, kind, title.as_deref()).as_deref(),
            Some("Workshop on open data, 3 May 2022, moderated by Ana Silva.")
        );
        let said = [fold("Ana Silva opened the workshop.")];
        assert_eq!(
            ledes.compose_said(&r, Lang::EN, kind, title.as_deref(), &said).as_deref(),
            Some("Workshop on open data, 3 May 2022.")
        );
        // Nor a date that a chosen sentence gives, as a range or in digits.
        for sentence in ["The workshop met on 3 and 4 May 2022.", "Lisbon, 2022-05-03: the workshop met."] {
            let said = [fold(sentence)];
            assert_eq!(
                ledes.compose_said(&r, Lang::EN, kind, title.as_deref(), &said).as_deref(),
                Some("Workshop on open data, moderated by Ana Silva."),
                "{sentence}"
            );
        }
    }

    #[test]
    fn the_place_and_the_organiser_without_their_post() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r = report("Jornada de datos abiertos\nFecha: 3 de mayo de 2022\nLugar: Centro Cultural, Rosario\nOrganizadora: Ana Torres - Directora de Datos del Ministerio\n\nSe presentó el portal.\n");
        assert_eq!(
            ledes.compose(&r, Lang::ES).as_deref(),
            Some(
                "Jornada de datos abiertos, 3 de mayo de 2022, en el Centro Cultural, Rosario, organizado por Ana Torres."
            )
        );
    }

    /// `report` with a speaker table: each (name, part) a speaker.
    fn with_speakers(text: &str, speakers: &[(&str, SessionRole)]) -> Report {
        let mut r = report(text);
        for (name, part) in speakers {
            r.add_speaker(name, *part);
        }
        r
    }

    #[test]
    fn the_moderator_field_is_said_without_the_post_after_the_name() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let text = "Conversatorio sobre datos abiertos\nFecha: 3 de mayo de 2027\nModera: Ana Ruiz Prieto, periodista de datos\n\nLas ponentes hablaron de portales municipales.\n";
        let r = with_speakers(text, &[("Ana Ruiz Prieto", SessionRole::Moderator)]);
        let lede = ledes.compose(&r, Lang::ES).unwrap_or_default();
        assert!(lede.ends_with("moderado por Ana Ruiz Prieto."), "{lede}");
    }

    #[test]
    fn a_chair_chairs_a_moderator_moderates_and_the_first_speakers_close_the_summary() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let text = "Council meeting on open data\nDate: 3 May 2022\n\nThe council approved the plan.\n";
        let r = with_speakers(
            text,
            &[
                ("Ana Silva", SessionRole::Chair),
                ("Juan Pérez", SessionRole::Speaker),
                ("Maria Costa", SessionRole::Speaker),
                ("Li Wei", SessionRole::Speaker),
                ("Omar Haddad", SessionRole::Speaker),
            ],
        );
        assert_eq!(
            ledes.compose(&r, Lang::EN).as_deref(),
            Some("Council meeting on open data, 3 May 2022, chaired by Ana Silva.")
        );
        assert_eq!(
            ledes.closing(&r, Lang::EN, &[], false).as_deref(),
            Some("Speakers: Juan Pérez, Maria Costa and Li Wei.")
        );
        let r = with_speakers(text, &[("Ana Silva", SessionRole::Moderator), ("Juan Pérez", SessionRole::Speaker)]);
        assert_eq!(
            ledes.compose(&r, Lang::ES).as_deref(),
            Some("Council meeting on open data, 3 de mayo de 2022, moderado por Ana Silva.")
        );
        assert_eq!(ledes.closing(&r, Lang::ES, &[], false).as_deref(), Some("Intervinieron Juan Pérez."));
        // A speaker that a chosen sentence names already is not named again.
        let said = [fold_words("Juan Pérez opened the meeting.")];
        assert_eq!(ledes.closing(&r, Lang::EN, &said, false), None);
        // ... under any spelling of its hyphens and capitals, and only as a whole name.
        let r = with_speakers(text, &[("Jose Jean Baptiste", SessionRole::Speaker)]);
        let said = [fold_words("Le directeur, Monsieur Jose JEAN-BAPTISTE, a parlé.")];
        assert_eq!(ledes.closing(&r, Lang::FR, &said, false), None);
        let said = [fold_words("Josette Jean Baptiste a parlé.")];
        assert_eq!(ledes.closing(&r, Lang::FR, &said, false).as_deref(), Some("Intervenants : Jose Jean Baptiste."));
        // Two moderators moderated a panel each: neither moderated the event; one chair chaired it.
        let two = [("Ana Silva", SessionRole::Moderator), ("Li Wei", SessionRole::Moderator)];
        let r = with_speakers(text, &two);
        assert_eq!(ledes.compose(&r, Lang::EN).as_deref(), Some("Council meeting on open data, 3 May 2022."));
        let r = with_speakers(text, &[two[0], two[1], ("Omar Haddad", SessionRole::Chair)]);
        assert_eq!(
            ledes.compose(&r, Lang::EN).as_deref(),
            Some("Council meeting on open data, 3 May 2022, chaired by Omar Haddad.")
        );
        // An organiser is not named again among the speakers, under a shorter or longer name.
        let r = with_speakers(
            "Open data day\nDate: 3 May 2022\nOrganizer: Ana Silva\n\nThe council approved the plan.\n",
            &[("Ana Silva Gómez", SessionRole::Speaker), ("Juan Pérez", SessionRole::Speaker)],
        );
        assert_eq!(ledes.closing(&r, Lang::EN, &[], false).as_deref(), Some("Speakers: Juan Pérez."));
        // Without a first sentence to name them, the chair or moderator opens the closing, unless a
        // chosen sentence names them.
        let r = with_speakers(text, &[("Ana Silva", SessionRole::Chair), ("Juan Pérez", SessionRole::Speaker)]);
        assert_eq!(
            ledes.closing(&r, Lang::EN, &[], true).as_deref(),
            Some("Chaired by Ana Silva. Speakers: Juan Pérez.")
        );
        let said = [fold_words("Ana Silva opened the meeting.")];
        assert_eq!(ledes.closing(&r, Lang::EN, &said, true).as_deref(), Some("Speakers: Juan Pérez."));
        let r = with_speakers(text, &[("Ana Silva", SessionRole::Moderator)]);
        assert_eq!(ledes.closing(&r, Lang::FR, &[], true).as_deref(), Some("Modérée par Ana Silva."));
    }

    #[test]
    fn the_closing_says_a_speakers_short_body() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let text = "Council meeting on open data\nDate: 3 May 2022\n\nThe council heard CONATEL and the Regional Agency for Rural Roads and Bridges.\n";
        let mut r = with_speakers(text, &[("Juan Pérez", SessionRole::Speaker), ("Maria Costa", SessionRole::Speaker)]);
        let range = |s: &str| {
            let start = text.find(s).unwrap();
            acta_doc::ByteRange { start, end: start + s.len() }
        };
        r.speakers[0].organization = Some(range("CONATEL"));
        r.speakers[1].organization = Some(range("Regional Agency for Rural Roads and Bridges"));
        assert_eq!(
            ledes.closing(&r, Lang::EN, &[], false).as_deref(),
            Some("Speakers: Juan Pérez (CONATEL) and Maria Costa.")
        );
    }

    #[test]
    fn without_speakers_the_few_who_take_part_close_the_summary() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let text =
            "Conversatorio sobre datos abiertos\nFecha: 3 de mayo de 2026\n\nLa red invita a un conversatorio.\n";
        let panel = [("Ana Ruiz", SessionRole::Attendee), ("Eva Gil", SessionRole::Attendee)];
        let r = with_speakers(text, &panel);
        assert_eq!(ledes.closing(&r, Lang::ES, &[], false).as_deref(), Some("Intervinieron Ana Ruiz y Eva Gil."));
        // A speaker closes it alone; so does nobody when many attend.
        let r = with_speakers(text, &[panel[0], ("Luis Paz", SessionRole::Speaker)]);
        assert_eq!(ledes.closing(&r, Lang::ES, &[], false).as_deref(), Some("Intervinieron Luis Paz."));
        let many = ["Ana Ruiz", "Eva Gil", "Luis Paz", "Rosa Díaz", "Juan Sosa"].map(|n| (n, SessionRole::Attendee));
        assert_eq!(ledes.closing(&with_speakers(text, &many), Lang::ES, &[], false), None);
    }

    #[test]
    fn a_programme_says_who_will_speak() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let speakers = [("Ana Ruiz", SessionRole::Speaker), ("Eva Gil", SessionRole::Speaker)];
        let programme = "Programa del Foro de Datos Abiertos\nFecha: 3 de mayo de 2026\n\n09:00 Apertura\n";
        let r = with_speakers(programme, &speakers);
        assert_eq!(ledes.closing(&r, Lang::ES, &[], false).as_deref(), Some("Intervienen Ana Ruiz y Eva Gil."));
        // A report of what happened says who spoke.
        let report = "Foro de Datos Abiertos\nFecha: 3 de mayo de 2026\n\nEl foro reunió a las agencias.\n";
        let r = with_speakers(report, &speakers);
        assert_eq!(ledes.closing(&r, Lang::ES, &[], false).as_deref(), Some("Intervinieron Ana Ruiz y Eva Gil."));
    }

    #[test]
    fn a_title_cut_after_a_preposition_runs_on_into_the_date() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let r =
            report("Procès-verbal de la séance du\nDate: 5 octobre 2021\n\nLe Conseil a accepté l'ordre du jour.\n");
        assert_eq!(ledes.compose(&r, Lang::FR).as_deref(), Some("Procès-verbal de la séance du 5 octobre 2021."));
    }

    #[test]
    fn a_sites_navigation_a_bare_label_and_a_letterhead_give_way_to_the_real_title() {
        let ledes = Ledes::new(&Lexicon::bundled());
        let title = |text: &str, lang: Lang| {
            let r = report(text);
            let kind = ledes.kind(&r, lang);
            ledes.lede_title(&r, lang, kind.1, |_| false)
        };
        // Navigation over the headline.
        assert_eq!(
            title("Inicio / Sala de prensa / Noticias\n\nGobierno y regiones firman un pacto de conectividad rural\n\nBogotá, 14 de agosto de 2026. La ministra firmó el pacto con once gobernadores.\n", Lang::ES),
            (Some("Gobierno y regiones firman un pacto de conectividad rural".to_string()), false)
        );
        // A site's name, then its navigation, over the headline.
        assert_eq!(
            title("Internet Governance Forum 2026\nSchedule > Day 2 > Workshop #87\n\nWS #87 Connecting the last mile: community networks and spectrum\n\nSession type: Workshop\n", Lang::EN).0.as_deref(),
            Some("WS #87 Connecting the last mile: community networks and spectrum")
        );
        // Headlines under a site's furniture: a trail of two pieces between arrows ("News > Press
        // releases"), a site's section with no title in the record, a section over a headline written
        // as "Word: ..." (a label no list knows).
        let headlines = [
            ("Home | About | News\n\nNews > Press releases\n\nRegulators agree a common roadmap for spectrum\n\nKingston, 2 March 2026 - Regulators agreed on Tuesday to align their band plans.\n", Lang::EN, "Regulators agree a common roadmap for spectrum"),
            ("Actualités » Communiqués\n\nLes régulateurs adoptent une feuille de route commune\n\nLes régulateurs ont adopté mardi une feuille de route.\n", Lang::FR, "Les régulateurs adoptent une feuille de route commune"),
            ("Gobierno.example\nSecretaría de Innovación Pública\n\nNoticias\n\nSe presentó la nueva plataforma de trámites en Rosario\n\nEl secretario presentó este jueves la plataforma.\n", Lang::ES, "Se presentó la nueva plataforma de trámites en Rosario"),
            ("Blog | Events\n\nRecap: Open data for small island states\n\nPosted on 2 October 2026\n\nLast week forty officials met online.\n", Lang::EN, "Recap: Open data for small island states"),
            // A site's section or a label of the kind, then the site's name.
            ("Agenda | Semana Andina de Datos 2026\n\nCiudades intermedias y sus datos de movilidad\n\nLos alcaldes compararon sus datos de transporte.\n", Lang::ES, "Ciudades intermedias y sus datos de movilidad"),
            ("Noticias | Red de Catastros\n\nLos catastros municipales adoptan un formato común\n\nLos catastros acordaron el formato el martes.\n", Lang::ES, "Los catastros municipales adoptan un formato común"),
            // A table's row is no headline.
            ("Inicio / Eventos / Congresos\n\n8:30 | Instalación | Rosa Vélez Ortiz, ministra de Comercio\n\nEl congreso de municipios digitales abre sus puertas en Cali\n\nLos alcaldes se reúnen desde el lunes.\n", Lang::ES, "El congreso de municipios digitales abre sus puertas en Cali"),
            // A headline whose first part reads as a label.
            ("News > Past events\n\nAndean Open Data Regional Meeting: what we learned\n\nOn 3 May 2026, forty officials met in Quito.\n", Lang::EN, "Andean Open Data Regional Meeting: what we learned"),
            // When the page went up, taken for the title.
            ("Publicado el 4 de marzo de 2026 por el equipo de Datos | 3 min de lectura\n\nLo que aprendimos de un año de datos abiertos en Rosario\n\nHace un año la ciudad empezó a publicar sus contratos.\n", Lang::ES, "Lo que aprendimos de un año de datos abiertos en Rosario"),
        ];
        for (text, lang, headline) in headlines {
            assert_eq!(title(text, lang).0.as_deref(), Some(headline), "{text}");
        }
        // A quotation's "»" is no trail.
        assert!(!is_navigation("« Faire société » Rencontres"));
        // A section's label in capitals over the headline; not over a heading in capitals.
        assert_eq!(
            title("TECH & SOCIETY\n\nRegulators urge common rules on health data at Tallinn conference\n\nBy Kristiina Laane\n\nData protection authorities called on Wednesday for common rules.\n", Lang::EN).0.as_deref(),
            Some("Regulators urge common rules on health data at Tallinn conference")
        );
        assert_eq!(
            title("REGIONAL ROUNDTABLE\n\nDIGITAL IDENTITY AND SOCIAL PROTECTION\n\nThe roundtable compared how nine countries pay benefits.\n", Lang::EN).0.as_deref(),
            Some("REGIONAL ROUNDTABLE")
        );
        // A label of the kind over the headline, a dateline between them.
        assert_eq!(
            title("News release\n\nMinisters meet on rural connectivity in Whitehorse\n\nToday the ministers met to review the broadband fund and its results.\n", Lang::EN),
            (Some("Ministers meet on rural connectivity in Whitehorse".to_string()), false)
        );
        assert_eq!(
            title("COMMUNIQUÉ DE PRESSE\nParis, le 9 octobre 2026\n\nLes collectivités réunies pour un premier bilan de leur cybersécurité\n\nLa ministre a réuni les acteurs publics ce jeudi à Bercy.\n", Lang::FR),
            (Some("Les collectivités réunies pour un premier bilan de leur cybersécurité".to_string()), false)
        );
        // A letterhead in capitals over the line that says the report is minutes.
        assert_eq!(
            title("GOVERNO DO ESTADO DO ESPÍRITO SANTO\n\nATA DA 12ª REUNIÃO ORDINÁRIA\n\nAos dezoito dias do mês de junho reuniu-se o Conselho.\n", Lang::PT),
            (Some("ATA DA 12ª REUNIÃO ORDINÁRIA".to_string()), true)
        );
        // A programme's title in capitals is its title; a title with a year is no dateline.
        assert_eq!(
            title("PARALLEL SESSION 4 - WOMEN IN DIGITAL GOVERNMENT\n\nPROGRAMME AND SUMMARY\n\nThe session discussed mentoring schemes for women in digital posts.\n", Lang::EN).0.as_deref(),
            Some("PARALLEL SESSION 4 - WOMEN IN DIGITAL GOVERNMENT")
        );
        assert_eq!(
            title(
                "IGF 2016 – Opening session\n\nThe opening ceremony showcased eighteen speakers from every region.\n",
                Lang::EN
            )
            .0
            .as_deref(),
            Some("IGF 2016 – Opening session")
        );
    }

    #[test]
    fn an_organisers_final_stop_is_left_out_an_abbreviations_kept() {
        assert_eq!(
            without_final_stop("Agencia Digital y Red por la Rendición de Cuentas."),
            "Agencia Digital y Red por la Rendición de Cuentas"
        );
        assert_eq!(without_final_stop("Acme Inc."), "Acme Inc.");
        assert_eq!(without_final_stop("Telefónica S.A."), "Telefónica S.A.");
    }

    #[test]
    fn no_title_and_no_date_no_lede() {
        let ledes = Ledes::new(&Lexicon::bundled());
        // A first line of more than twenty words is prose, not a title.
        let r = report("The board approved the budget for next year after a long debate about the water network, the new roads and the schools of the district.\n");
        assert_eq!(ledes.compose(&r, Lang::EN), None);
    }
}
