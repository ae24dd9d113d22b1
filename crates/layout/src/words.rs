//! The words of the language packs (models/lang/<code>/) that the layout reads, loaded once from
//! the bundled packs: every language's words at once, since layout runs before the language is known.

use std::sync::LazyLock;

use acta_lexicon::{Lexicon, ListKind, WordClass};
use foldhash::{HashSet, HashSetExt};

pub(crate) struct LayoutWords {
    /// Words of a line that only names the document's kind, folded.
    pub(crate) document_type: HashSet<String>,
    /// Words after which a running header's text is quoted, lower case.
    pub(crate) quoting: HashSet<String>,
    /// Words of one letter, lower case.
    pub(crate) one_letter: HashSet<String>,
    /// Articles, lower case.
    pub(crate) articles: HashSet<String>,
    /// Function words that stay lower case in a label in title case, as written.
    pub(crate) label_function: HashSet<String>,
    /// Days of the month in words, folded, with their numbers.
    pub(crate) day_numbers: Vec<(String, u32)>,
    /// Classes of `word_classes.tsv`, each as a pattern's alternatives (escaped, longest first).
    pub(crate) ordinal_suffixes: String,
    pub(crate) date_of: String,
    /// "dois mil", "dos mil": a year in words starts with one; "e", "y" join its number.
    pub(crate) written_thousands: String,
    pub(crate) number_links: String,
    pub(crate) range_words: String,
    pub(crate) day_links: String,
    pub(crate) time_of: String,
    pub(crate) page_words: String,
    pub(crate) page_of: String,
    pub(crate) women: String,
    /// Words for women and for the people counted as taking part, lower case.
    pub(crate) women_words: HashSet<String>,
    pub(crate) participant_nouns: HashSet<String>,
    /// "personas", "people": counted as participants only next to a word of `took_part`.
    pub(crate) people_nouns: HashSet<String>,
    pub(crate) took_part: Vec<String>,
    /// Names of stakeholder groups ("civil society", "sector privado"), folded.
    pub(crate) stakeholder_groups: HashSet<String>,
    /// Phrases of web-page furniture ("skip to main content", "cookies"), lower case, in one
    /// automaton: the first lines of every report are looked up in it.
    pub(crate) boilerplate: aho_corasick::AhoCorasick,
    /// Words a name or value never ends on ("of", "for", "de la"): a line ending on one goes on.
    pub(crate) trailing_connectors: HashSet<String>,
}

pub(crate) static WORDS: LazyLock<LayoutWords> = LazyLock::new(|| LayoutWords::of(&Lexicon::bundled()));

impl LayoutWords {
    fn of(lexicon: &Lexicon) -> Self {
        let set = |kind: ListKind, f: fn(&str) -> String| -> HashSet<String> {
            let mut out = HashSet::new();
            out.extend(lexicon.words(kind).map(f));
            out
        };
        let alternation = |class: WordClass| {
            let mut words: Vec<String> = Vec::new();
            for w in lexicon.class(class).map(regex::escape) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            words.join("|")
        };
        let mut day_numbers: Vec<(String, u32)> = Vec::new();
        for row in lexicon.rows(ListKind::DayNumbers) {
            if let Ok(number) = row.get(0).parse::<u32>() {
                day_numbers.push((acta_doc::fold(row.get(1)), number));
            }
        }
        LayoutWords {
            day_numbers,
            ordinal_suffixes: alternation(WordClass::OrdinalSuffix),
            date_of: alternation(WordClass::DateOf),
            written_thousands: alternation(WordClass::WrittenThousand),
            number_links: alternation(WordClass::NumberLink),
            range_words: alternation(WordClass::RangeWord),
            time_of: alternation(WordClass::TimeOf),
            // Dates are matched on folded text ("à" as "a").
            day_links: {
                let mut words: Vec<String> =
                    lexicon.class(WordClass::DayLink).map(|w| regex::escape(&acta_doc::fold(w))).collect();
                words.sort_by_key(|w| std::cmp::Reverse(w.len()));
                words.dedup();
                words.join("|")
            },
            page_words: alternation(WordClass::PageWord),
            page_of: alternation(WordClass::PageOf),
            women: alternation(WordClass::Women),
            women_words: lexicon.class(WordClass::Women).map(str::to_lowercase).collect(),
            participant_nouns: lexicon.class(WordClass::ParticipantNoun).map(str::to_lowercase).collect(),
            people_nouns: lexicon.class(WordClass::PeopleNoun).map(str::to_lowercase).collect(),
            took_part: lexicon.class(WordClass::TookPart).map(str::to_lowercase).collect(),
            stakeholder_groups: [
                WordClass::GroupGovernment,
                WordClass::GroupIntergovernmental,
                WordClass::GroupPrivateSector,
                WordClass::GroupCivilSociety,
                WordClass::GroupTechnicalCommunity,
                WordClass::GroupAcademia,
            ]
            .into_iter()
            .flat_map(|class| lexicon.class(class).map(acta_doc::fold))
            .collect(),
            document_type: set(ListKind::DocumentTypeWords, acta_doc::fold),
            quoting: set(ListKind::QuotingWords, str::to_lowercase),
            one_letter: set(ListKind::OneLetterWords, str::to_lowercase),
            articles: set(ListKind::Articles, str::to_lowercase),
            label_function: set(ListKind::LabelFunctionWords, str::to_string),
            boilerplate: aho_corasick::AhoCorasick::new(lexicon.words(ListKind::Boilerplate).map(str::to_lowercase))
                .expect("the packs' boilerplate phrases build an automaton"),
            trailing_connectors: set(ListKind::TrailingConnectors, str::to_string),
        }
    }
}
