//! Language packs: what acta knows about each language's words, one folder a language
//! (`models/lang/<code>/`), one file a kind of list. Every file there is embedded in the binary
//! when it is built, and `--models DIR` adds the files of `DIR/lang/<code>/` at run time, to a
//! language acta has or to a new one. Code asks for a list by its kind, never spells the words.
//!
//! ```
//! use acta_lexicon::{Lexicon, ListKind};
//!
//! let lexicon = Lexicon::bundled();
//! assert!(lexicon.words(ListKind::Titles).any(|w| w == "ministra"));
//! let lead_in = lexicon.rows(ListKind::LeadIns).iter().find(|r| r.get(1) == "asistieron").unwrap();
//! assert_eq!(lead_in.get(0), "attendee");
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use acta_doc::Lang;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The kinds of lists a language pack holds; each is one file of `models/lang/<code>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ListKind {
    /// Titles and positions a name may stand in apposition to ("ministra", "secretary"), lower case.
    Titles,
    /// Verbs of speech after which a capitalised name is a person ("said", "señaló").
    SpeechVerbs,
    /// Phrases that introduce a list of people, with the part those people had: `role<TAB>phrase`
    /// ("attendee  asistieron", "absent  apologies").
    LeadIns,
    /// Words that show a person taking part, and where the name stands: `role<TAB>position<TAB>phrase`,
    /// position `before` ("moderated by" NAME) or `after` (NAME "opened").
    Participation,
    /// Head words of the names of events, which are not organisations ("Forum", "Cumbre", "Semaine").
    EventHeads,
    /// Bodies an event has, which are organisations ("secretariat", "executive committee"), lower case.
    EventBodies,
    /// Words before a name that show the person cited or remembered, not taking part ("according to").
    MentionCues,
    /// Phrases before a country's name that put the people named after them under it ("en
    /// representación de").
    CountryLeadIns,
    /// Words of the names of kinds of body ("executive", "committee", "sector"): a name of them only
    /// names no one body.
    GenericBodyWords,
    /// What a summary's first sentence says, composed from the record: `kind<TAB>template` (see
    /// acta-summary's `lede` module for the placeholders).
    SummaryLedes,
    /// Words of a title or first line that tell what kind of document a report is:
    /// `kind<TAB>cue` ("minutes  acta de"), lower case.
    DocumentKinds,
    /// Month names, for writing dates: `number<TAB>name`; the first name of a month is the one written.
    Months,
    /// Words and phrases of page furniture (cookie and download notices, share buttons, copyright
    /// lines), lower case: a sentence made of them is never a summary sentence.
    Boilerplate,
    /// Words of the procedure of a meeting (quorum, approval of the last minutes, opening formalities),
    /// lower case: in minutes such sentences rank below what was decided.
    Procedure,
    /// Words of decisions and outcomes (approved, agreed, resolved), lower case: in minutes such
    /// sentences rank first.
    Outcomes,
    /// Words of a sentence that says what the event was ("was held", "took place", "brought
    /// together"), lower case: such a sentence ranks higher in a summary.
    Framing,
    /// Forms of address and courtesy of a speech or a letter ("ladies and gentlemen", "distinguished
    /// guests", "muchas gracias", "mesdames et messieurs"), lower case: a sentence made of them and
    /// a few more words says nothing a summary can use.
    Courtesy,
    /// Words after which a period does not end a sentence ("dr", "e.g", "núm"), lower case,
    /// without the final period.
    Abbreviations,
    /// Plural heads of government bodies, shared out over the names after them:
    /// `singular<TAB>plural` ("Ministerio  ministerios": "los ministerios de Salud y Educación" names
    /// the Ministerio de Salud and the Ministerio de Educación).
    SharedHeads,
    /// Titles of the person who heads, founds or chairs a body, lower case: a capitalised name
    /// after one and a preposition is that body ("président de Silicom", "CEO of Acme").
    LeaderTitles,
    /// Lower-case words that stand between the capitalised words of a body's name, or between a
    /// head and a name ("de", "da", "of", "the", "pour").
    NameConnectors,
    /// Conjunctions that join names in a list ("y", "e", "et", "and").
    Conjunctions,
    /// Prepositions after a title that lead to the body its holder heads ("of", "at", "chez",
    /// "d'"): "président de Silicom".
    BodyPrepositions,
    /// Verbs that open a sentence about what a person did ("opened", "abriu"): under a speakers
    /// heading such a line is prose, not an entry.
    NarrativeVerbs,
    /// Verbs that make a line a sentence rather than an entry of a list ("said", "fue", "a
    /// présenté"), matched as whole words.
    SentenceVerbs,
    /// A biography's copula before a title at the start of an entry's description ("is the",
    /// "es la", "est l'").
    Copulas,
    /// Verbs that open a description rather than a title ("leads", "coordina"): no role.
    DescriptionVerbs,
    /// Words that start a clause after a name's description, which ends there: `where<TAB>phrase`,
    /// where `comma` (after a comma: ", quien") or `anywhere` (" who ").
    ClauseStarts,
    /// Words between a title and its organisation ("at", "auprès"), trimmed from a role's end.
    RoleTrailers,
    /// Heads of units inside a larger institution ("Unit", "Dirección"): the larger one named after
    /// them is the organisation.
    SubUnitHeads,
    /// Lower-case words that may stand between a phrase of participation and a name without
    /// starting a new clause ("of", "para", "l'").
    LinkingWords,
    /// Prepositions after which an entry's description names its organisation ("at", "chez").
    OrgLeadIns,
    /// Endings of adjectives that follow a noun in a body's name written in sentence case
    /// ("nationale", "pública").
    AdjectiveEndings,
    /// Lower-case words between the words of a body's name written in sentence case ("de", "la").
    SentenceCaseConnectors,
    /// Words at the start of a body's name found by its shape that are not part of it ("The", "Head").
    LeadingNoise,
    /// Capitalised words that end a body's name read backwards from its head: titles and articles
    /// ("Director", "The").
    NameStops,
    /// Capitalised words right before a body's head that belong to its name ("Federal", "National").
    HeadQualifiers,
    /// Lower-case words a body's name cannot end with ("of", "de").
    TrailingConnectors,
    /// Words that say what a newspaper or broadcaster is ("diario", "newspaper"), lower case: the name
    /// after one is the outlet's.
    MediaNouns,
    /// Names that name no one body ("civil society", "working group"), compared folded.
    GenericNames,
    /// Formats of sessions ("open forum", "taller"): a name that starts with one names a session.
    SessionFormats,
    /// Kinds of venue ("centro de convenciones", "palais des congrès"): a name that starts with one
    /// names a place where events are held, not a body.
    VenuePrefixes,
    /// Words after a demonym that make it a language ("version", "idioma"), lower case.
    LanguageNouns,
    /// Prepositions before a demonym that make it a language ("in", "em"), lower case.
    LanguagePrepositions,
    /// Words before a capitalised name that make it a place's, a prize's or an institution's, not a
    /// person's ("rue", "Premio", "San"), folded.
    PlaceNouns,
    /// Words of a line that only says what kind of document a report is ("Programme", "Acta"), folded.
    DocumentTypeWords,
    /// Words after which a running header's text in a sentence is quoted ("titled", "sobre"), lower case.
    QuotingWords,
    /// Words of one letter ("a", "y", "à"), lower case: another letter alone is a page's debris.
    OneLetterWords,
    /// Articles ("the", "los"), lower case: a line that starts with one is a sentence, not a label.
    Articles,
    /// Function words that stay lower case inside a label in title case ("of", "para").
    LabelFunctionWords,
    /// Lower-case particles inside people's names ("de", "dos", "van"), never at either end.
    NameParticles,
    /// Forms of address and titles the scorer removes from the start of a person's name ("mr",
    /// "sra", "ambassador"), folded.
    ScoringPrefixes,
    /// Head words that start a government body's name ("Ministry", "Secretaría"), as written.
    MinistryHeads,
    /// Fixed words that start a government body's name ("Cabinet Office", "Government of"), as written.
    MinistryFixed,
    /// Words that end a government body's name written name first ("Authority", "Unit"), as written.
    MinistryTails,
    /// Head words that start an organisation's name ("Universidad", "Network"), as written.
    OrgHeads,
    /// Words that end an organisation's name written name first ("Foundation", "Ltd."), as written.
    OrgTails,
    /// Head words of bodies' names written in sentence case ("Agence", "Secretaría"), as written.
    SentenceCaseHeads,
    /// Lower-case words between the capitalised words of a body's name found by its shape ("of", "para").
    ShapeConnectors,
    /// Phrases right before the name of a body that organised, hosted, sponsored or supported the
    /// event ("sponsored by", "organizada por"), lower case.
    OrgCues,
    /// Small closed classes of words that one rule reads each (articles before a title, the
    /// prepositions of a date, the words of a page number...): `class<TAB>word`, the class one of
    /// [`WordClass`]'s names.
    WordClasses,
    /// Days of the month written in words in formal dates ("aos quatorze dias"): `number<TAB>word`, folded.
    DayNumbers,
}

impl ListKind {
    pub const ALL: [ListKind; 62] = [
        ListKind::Titles,
        ListKind::SpeechVerbs,
        ListKind::LeadIns,
        ListKind::Participation,
        ListKind::EventHeads,
        ListKind::EventBodies,
        ListKind::MentionCues,
        ListKind::CountryLeadIns,
        ListKind::GenericBodyWords,
        ListKind::SummaryLedes,
        ListKind::DocumentKinds,
        ListKind::Months,
        ListKind::Boilerplate,
        ListKind::Procedure,
        ListKind::Outcomes,
        ListKind::Framing,
        ListKind::Courtesy,
        ListKind::Abbreviations,
        ListKind::SharedHeads,
        ListKind::LeaderTitles,
        ListKind::NameConnectors,
        ListKind::Conjunctions,
        ListKind::BodyPrepositions,
        ListKind::NarrativeVerbs,
        ListKind::SentenceVerbs,
        ListKind::Copulas,
        ListKind::DescriptionVerbs,
        ListKind::ClauseStarts,
        ListKind::RoleTrailers,
        ListKind::SubUnitHeads,
        ListKind::LinkingWords,
        ListKind::OrgLeadIns,
        ListKind::AdjectiveEndings,
        ListKind::SentenceCaseConnectors,
        ListKind::LeadingNoise,
        ListKind::NameStops,
        ListKind::HeadQualifiers,
        ListKind::TrailingConnectors,
        ListKind::MediaNouns,
        ListKind::GenericNames,
        ListKind::SessionFormats,
        ListKind::VenuePrefixes,
        ListKind::LanguageNouns,
        ListKind::LanguagePrepositions,
        ListKind::PlaceNouns,
        ListKind::DocumentTypeWords,
        ListKind::QuotingWords,
        ListKind::OneLetterWords,
        ListKind::Articles,
        ListKind::LabelFunctionWords,
        ListKind::NameParticles,
        ListKind::ScoringPrefixes,
        ListKind::MinistryHeads,
        ListKind::MinistryFixed,
        ListKind::MinistryTails,
        ListKind::OrgHeads,
        ListKind::OrgTails,
        ListKind::SentenceCaseHeads,
        ListKind::ShapeConnectors,
        ListKind::OrgCues,
        ListKind::WordClasses,
        ListKind::DayNumbers,
    ];

    /// The file that holds the list in a language folder.
    pub fn file_name(self) -> &'static str {
        match self {
            ListKind::Titles => "titles.txt",
            ListKind::SpeechVerbs => "speech_verbs.txt",
            ListKind::LeadIns => "lead_ins.tsv",
            ListKind::Participation => "participation.tsv",
            ListKind::EventHeads => "event_heads.txt",
            ListKind::EventBodies => "event_bodies.txt",
            ListKind::MentionCues => "mention_cues.txt",
            ListKind::CountryLeadIns => "country_lead_ins.txt",
            ListKind::GenericBodyWords => "generic_body_words.txt",
            ListKind::SummaryLedes => "summary_ledes.tsv",
            ListKind::DocumentKinds => "document_kinds.tsv",
            ListKind::Months => "months.tsv",
            ListKind::Boilerplate => "boilerplate.txt",
            ListKind::Procedure => "procedure.txt",
            ListKind::Outcomes => "outcomes.txt",
            ListKind::Framing => "framing.txt",
            ListKind::Courtesy => "courtesy.txt",
            ListKind::Abbreviations => "abbreviations.txt",
            ListKind::SharedHeads => "shared_heads.tsv",
            ListKind::LeaderTitles => "leader_titles.txt",
            ListKind::NameConnectors => "name_connectors.txt",
            ListKind::Conjunctions => "conjunctions.txt",
            ListKind::BodyPrepositions => "body_prepositions.txt",
            ListKind::NarrativeVerbs => "narrative_verbs.txt",
            ListKind::SentenceVerbs => "sentence_verbs.txt",
            ListKind::Copulas => "copulas.txt",
            ListKind::DescriptionVerbs => "description_verbs.txt",
            ListKind::ClauseStarts => "clause_starts.tsv",
            ListKind::RoleTrailers => "role_trailers.txt",
            ListKind::SubUnitHeads => "sub_unit_heads.txt",
            ListKind::LinkingWords => "linking_words.txt",
            ListKind::OrgLeadIns => "org_lead_ins.txt",
            ListKind::AdjectiveEndings => "adjective_endings.txt",
            ListKind::SentenceCaseConnectors => "sentence_case_connectors.txt",
            ListKind::LeadingNoise => "leading_noise.txt",
            ListKind::NameStops => "name_stops.txt",
            ListKind::HeadQualifiers => "head_qualifiers.txt",
            ListKind::TrailingConnectors => "trailing_connectors.txt",
            ListKind::MediaNouns => "media_nouns.txt",
            ListKind::GenericNames => "generic_names.txt",
            ListKind::SessionFormats => "session_formats.txt",
            ListKind::VenuePrefixes => "venue_prefixes.txt",
            ListKind::LanguageNouns => "language_nouns.txt",
            ListKind::LanguagePrepositions => "language_prepositions.txt",
            ListKind::PlaceNouns => "place_nouns.txt",
            ListKind::DocumentTypeWords => "document_type_words.txt",
            ListKind::QuotingWords => "quoting_words.txt",
            ListKind::OneLetterWords => "one_letter_words.txt",
            ListKind::Articles => "articles.txt",
            ListKind::LabelFunctionWords => "label_function_words.txt",
            ListKind::NameParticles => "name_particles.txt",
            ListKind::ScoringPrefixes => "scoring_prefixes.txt",
            ListKind::MinistryHeads => "ministry_heads.txt",
            ListKind::MinistryFixed => "ministry_fixed.txt",
            ListKind::MinistryTails => "ministry_tails.txt",
            ListKind::OrgHeads => "org_heads.txt",
            ListKind::OrgTails => "org_tails.txt",
            ListKind::SentenceCaseHeads => "sentence_case_heads.txt",
            ListKind::ShapeConnectors => "shape_connectors.txt",
            ListKind::OrgCues => "org_cues.txt",
            ListKind::WordClasses => "word_classes.tsv",
            ListKind::DayNumbers => "day_numbers.tsv",
        }
    }

    /// Columns of each row.
    pub fn columns(self) -> usize {
        match self {
            ListKind::Titles
            | ListKind::SpeechVerbs
            | ListKind::EventHeads
            | ListKind::EventBodies
            | ListKind::MentionCues
            | ListKind::CountryLeadIns
            | ListKind::GenericBodyWords
            | ListKind::Boilerplate
            | ListKind::Procedure
            | ListKind::Outcomes
            | ListKind::Framing
            | ListKind::Courtesy
            | ListKind::Abbreviations
            | ListKind::LeaderTitles
            | ListKind::NameConnectors
            | ListKind::Conjunctions
            | ListKind::BodyPrepositions
            | ListKind::NarrativeVerbs
            | ListKind::SentenceVerbs
            | ListKind::Copulas
            | ListKind::DescriptionVerbs
            | ListKind::RoleTrailers
            | ListKind::SubUnitHeads
            | ListKind::LinkingWords
            | ListKind::OrgLeadIns
            | ListKind::AdjectiveEndings
            | ListKind::SentenceCaseConnectors
            | ListKind::LeadingNoise
            | ListKind::NameStops
            | ListKind::HeadQualifiers
            | ListKind::TrailingConnectors
            | ListKind::MediaNouns
            | ListKind::GenericNames
            | ListKind::SessionFormats
            | ListKind::VenuePrefixes
            | ListKind::LanguageNouns
            | ListKind::LanguagePrepositions
            | ListKind::PlaceNouns
            | ListKind::DocumentTypeWords
            | ListKind::QuotingWords
            | ListKind::OneLetterWords
            | ListKind::Articles
            | ListKind::LabelFunctionWords
            | ListKind::NameParticles
            | ListKind::ScoringPrefixes
            | ListKind::MinistryHeads
            | ListKind::MinistryFixed
            | ListKind::MinistryTails
            | ListKind::OrgHeads
            | ListKind::OrgTails
            | ListKind::SentenceCaseHeads
            | ListKind::ShapeConnectors
            | ListKind::OrgCues => 1,
            ListKind::LeadIns
            | ListKind::SummaryLedes
            | ListKind::DocumentKinds
            | ListKind::Months
            | ListKind::SharedHeads
            | ListKind::ClauseStarts
            | ListKind::WordClasses
            | ListKind::DayNumbers => 2,
            ListKind::Participation => 3,
        }
    }

    pub fn of_file_name(name: &str) -> Option<ListKind> {
        ListKind::ALL.into_iter().find(|k| k.file_name() == name)
    }
}

/// Declares the classes of `word_classes.tsv` with their names in the file.
macro_rules! word_classes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The closed classes of words of `word_classes.tsv`, each read by one rule and named by what
        /// that rule does with it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum WordClass {
            $($(#[$doc])* $variant,)*
        }

        impl WordClass {
            pub const ALL: &'static [WordClass] = &[$(WordClass::$variant,)*];

            /// The class's name in the first column of `word_classes.tsv`.
            pub fn name(self) -> &'static str {
                match self {
                    $(WordClass::$variant => $name,)*
                }
            }

            pub fn of_name(name: &str) -> Option<WordClass> {
                WordClass::ALL.iter().copied().find(|c| c.name() == name)
            }
        }
    };
}

word_classes! {
    /// "and", "or" and their translations: a place name is not continued across them.
    AndOr = "and_or",
    /// Prefixes glued to a capitalised surname ("Mc", "De", "Van"), as written: "McDonald" is a
    /// name, not an acronym.
    GluedSurnamePrefix = "glued_surname_prefix",
    /// Connectors inside a name made only of generic words of bodies ("Study Group of ...").
    GenericNameConnector = "generic_name_connector",
    /// Prepositions before a place's name that end a body's name cut there ("Comisión ... de la"), lower case.
    BodyCutOf = "body_cut_of",
    /// Prepositions in prose that put a body after a title ("de la Sonatel", "at Google"), lower case.
    ProseBodyLead = "prose_body_lead",
    /// Prepositions of a body's subject ("Instituto de ...", "Council for ..."): such a name goes on
    /// over its commas, lower case.
    SubjectPreposition = "subject_preposition",
    /// Honorifics that end a body's name when a person's name follows in the same span, as written.
    NameCutHonorific = "name_cut_honorific",
    /// Words between a person's name and the body right after it ("of the", "from"), lower case.
    BodyAfterNameLead = "body_after_name_lead",
    /// Words between a person's name and the body they speak for ("on behalf of the",
    /// "representing", "en representación del"), lower case: after a comma too.
    RepresentationLead = "representation_lead",
    /// Words after a delegate's name and country that say whom they speak for ("speaking on behalf
    /// of", "en nombre de"), lower case: the clause is what the delegate said, not their title.
    SpeakingFor = "speaking_for",
    /// Articles before a post that names a listed member ("the CEO reported", "el Secretario
    /// informó", "l'adjoint présente"), lower case.
    PostArticle = "post_article",
    /// Verbs of a member's report in minutes ("reported", "informó", "présente"), lower case: after
    /// a post, the member spoke.
    ReportVerb = "report_verb",
    /// Titles of a country's envoy ("ambassador", "embajadora", "cônsul"), lower case: the country
    /// after one ("el embajador de España") is the envoy's, not where the text is from.
    EnvoyTitle = "envoy_title",
    /// Nouns of rooms and buildings that are named after a person ("Plenário Ulysses Guimarães",
    /// "Sala Raúl Prebisch", "Salle Jean Monnet"), lower case: that person is not taking part.
    VenueNoun = "venue_noun",
    /// Prepositions that say where something happens ("at", "en", "à", "no"), lower case: after a
    /// name and a comma, "en el Palacio de los Leones" is where the person was, not their title.
    PlacePreposition = "place_preposition",
    /// Particles that may join a surname to a place ("Bohorquez de ..."), lower case.
    ParticleBeforePlace = "particle_before_place",
    /// Prepositions between a generic name and a year ("em 2003"), lower case.
    YearPreposition = "year_preposition",
    /// The start of a government's name before its country's ("Government of", "Gobierno de"), as written.
    GovernmentPrefix = "government_prefix",
    /// Words for a city or municipality, as written: "Gobierno de la Ciudad de ..." is a city's executive.
    CityWord = "city_word",
    /// Words for a state, province or region, as written: "Gobierno del Estado de ..." is a whole government.
    RegionWord = "region_word",
    /// The word "government" in each language, as written.
    Government = "government",
    /// The word "ministry" in each language, singular, as written: a ministry's name may hold other heads.
    MinistryWord = "ministry_word",
    /// Words right after a body's head that rank it without naming its subject ("General",
    /// "Geral", "Nacional"), as written: "Secretaría General de la Presidencia" is one body though
    /// "Presidencia" is a head too.
    HeadRank = "head_rank",
    /// The stems of ministry and secretariat heads ("Minist", "Secret") whose singular forms start a
    /// government body's name written in sentence case.
    MinistryStem = "ministry_stem",
    /// Definite articles after a noun that start a new phrase, not a name's continuation ("Conselho o
    /// mapa"), lower case. English "the" is not one: it continues names ("Bank of the South").
    DefiniteArticle = "definite_article",
    /// Elided articles and prepositions before a name ("l'", "d'"), both cases, as written.
    Elision = "elision",
    /// Connectors dropped with the noise word before a body's name ("Head of the ..."), lower case.
    NoiseConnector = "noise_connector",
    /// Meridiem markers of a time ("AM", "p.m."), as written: not part of a body's name.
    Meridiem = "meridiem",
    /// Connectors inside a newspaper's or broadcaster's name ("Diario de Cuyo"), lower case.
    MediaNameConnector = "media_name_connector",
    /// A conjunction with or without an article that starts a second body's name ("and the"), lower case.
    SecondBodyLead = "second_body_lead",
    /// Heads of bodies that a conjunction starts as a second name ("Bank", "Fundação"), as written.
    SecondBodyHead = "second_body_head",
    /// A conjunction with or without an article before a second government body ("y la"), lower case.
    SecondGovernmentLead = "second_government_lead",
    /// Heads of government bodies that a conjunction starts as a second name ("Ministry", "Oficina"), as written.
    SecondGovernmentHead = "second_government_head",
    /// Prepositions inside a body's name found by its shape ("of", "das"), lower case.
    ShapeOf = "shape_of",
    /// The preposition "of" and its contractions ("de", "du", "des", "d", "da", "dos", "del"), lower case:
    /// a sentence-case name that has one before "et"/"y" goes on after "et de ..." in lower case.
    OfPreposition = "of_preposition",
    /// Ministers' titles, whose "of X" is a portfolio, not a body ("Minister of Digital
    /// Transformation", "ministra de la Transición Digital"), and titles of a jurisdiction, whose
    /// "of X" is a place ("Governor of Jalisco", "prefeito do Recife"), lower case: in an entry, no
    /// organisation. Not secretaries: "subsecretaria de Desarrollo Regional" heads a body.
    PortfolioTitle = "portfolio_title",
    /// Connectors inside a name written name first before its legal form or tail ("of", "y"), lower case.
    OrgTailConnector = "org_tail_connector",
    /// Adjectives that make a body public ("national", "pública"), any case.
    PublicAdjective = "public_adjective",
    /// Heads of bodies that are part of the state when public ("institute", "conselho"), any case.
    PublicBodyHead = "public_body_head",
    /// Words of bodies that are not the state even when national ("university", "partido"), any case;
    /// a word ending in `*` stands for every word it starts.
    NotPublicBody = "not_public_body",
    /// Words of regulators and supervisory authorities ("regulatory", "protección de datos"), any case.
    RegulatorWord = "regulator_word",
    /// Words of the names of academic bodies ("University", "Escola"), as written.
    AcademiaWord = "academia_word",
    /// Words and legal forms of companies ("Inc.", "Empresa"), as written.
    CompanyWord = "company_word",
    /// Common nouns saying what kind of body the capitalised name right after them is ("la
    /// consultora Axians", "l'opérateur Camtel", "the consultancy ..."), lower case.
    BodyKindNoun = "body_kind_noun",
    /// Bodies named by one capitalised word after an article ("el Senado", "la Fiscalía", "la
    /// Mairie"), as written: parliaments and courts are organisations, the rest government bodies.
    SingleWordBody = "single_word_body",
    /// A preposition and an article written as one word ("del", "do", "du"), lower case.
    ArticleContraction = "article_contraction",
    /// Letters written after a person's name that are no title ("MP", "OBE", "PhD"), as written:
    /// an entry's title starts after them ("Julia Lopez MP, Minister for ...").
    PostNominal = "post_nominal",
    /// Words that open a heading naming the body whose people follow it in a list of people ("Por
    /// el Ministerio de Salud:", "Pour la métropole :"), lower case: the list goes on under it.
    GroupLead = "group_lead",
    /// Titles of who presides a meeting ("presidente", "chair"), lower case: in a transcript's turn
    /// label ("O SR. PRESIDENTE (Deputado X) -", "La presidenta diputada X:") they make the speaker
    /// the chair.
    ChairTitle = "chair_title",
    /// Words that open a byline ("By Ana Silva | Lima", "Por Juan Pérez"), lower case: the
    /// person so named at a line's start wrote the text and is not shown taking part.
    Byline = "byline",
    /// Heads of the names of diplomatic missions ("Permanent Mission", "Embajada"), as written: such
    /// a name goes on over the body it is accredited to ("... of Colombia to the United Nations").
    MissionHead = "mission_head",
    /// Words that join a mission to the body or country it is accredited to ("to the", "ante la",
    /// "junto à", "auprès de"), lower case.
    MissionLink = "mission_link",
    /// Endings of words that name a field of work ("-ción" of "Innovación", "-ing" of
    /// "Engineering"), lower case: such a word alone after a title is its subject, not a body.
    SubjectEnding = "subject_ending",
    /// Words before a country's name that make it another place ("New Jersey", "Northern Ireland",
    /// "Nueva Caledonia"), as written.
    PlaceQualifier = "place_qualifier",
    /// Words in which speakers talk of themselves ("I'm", "soy", "je"), as written: a phrase that
    /// opens with one ("I'm from the Agency") is no title.
    FirstPerson = "first_person",
    /// Phrases a speaker introduces themselves with, lower case ("my name is", "me llamo"): the
    /// capitalised words after one are a name.
    SelfIntroduction = "self_introduction",
    /// Words of legislatures and courts ("Senado", "Tribunal"), as written.
    LegislatureWord = "legislature_word",
    /// First words of the names of a legislature's committees ("Comisión", "Committee"), as written.
    CommitteeHead = "committee_head",
    /// First words of the names of a legislature's chambers ("Cámara", "House"), as written: a
    /// committee joined to one by a preposition is a unit of that chamber.
    ChamberHead = "chamber_head",
    /// Words of the names of civil-society bodies ("Foundation", "Coletivo"), as written.
    CivilSocietyWord = "civil_society_word",
    /// Names of stakeholder groups written as a part of a speaker's entry ("Speaker 1: Ana Ruiz,
    /// Civil Society, GRULAC"), lower case, one class per group: the part is the group, no title.
    GroupGovernment = "group_government",
    GroupIntergovernmental = "group_intergovernmental",
    GroupPrivateSector = "group_private_sector",
    GroupCivilSociety = "group_civil_society",
    GroupTechnicalCommunity = "group_technical_community",
    GroupAcademia = "group_academia",
    /// Articles and possessives before a title ("the", "su", "l'"), lower case.
    TitleArticle = "title_article",
    /// Words that continue a title after a comma ("of", "em"), lower case.
    TitleContinuation = "title_continuation",
    /// Abbreviations of four letters or more that end with a period inside a sentence ("Prof", "Excma"), as written.
    LongAbbreviation = "long_abbreviation",
    /// Articles before a country's name after its lead-in ("la", "the"), lower case.
    CountryArticle = "country_article",
    /// Prepositions that put a body inside a title ("of the", "de la"), lower case.
    RoleOf = "role_of",
    /// Words that start a comma-separated part that continues a title ("des", "and"), lower case.
    RoleConnector = "role_connector",
    /// Articles before a title that are not part of it ("a", "la", "um"), lower case.
    RoleArticle = "role_article",
    /// Headers of a speaker table's honorific column, folded.
    HonorificHeader = "honorific_header",
    /// Headers of a speaker table's given-name column, folded.
    GivenNameHeader = "given_name_header",
    /// Headers of a speaker table's surname column, folded.
    SurnameHeader = "surname_header",
    /// Headers of a speaker table's full-name column, folded.
    NameHeader = "name_header",
    /// Headers of a speaker table's title column, folded.
    RoleHeader = "role_header",
    /// Headers of a speaker table's organisation column, folded.
    OrganizationHeader = "organization_header",
    /// Headers of a speaker table's country column, folded.
    CountryHeader = "country_header",
    /// Words of a page number's line ("page", "pág"), lower case.
    PageWord = "page_word",
    /// Words between a page's number and the count of pages ("of", "sur"), lower case.
    PageOf = "page_of",
    /// Words for women in a count of participants ("mujeres"), lower case.
    Women = "women",
    /// Phrases after a person's name that say someone else stood in for them ("represented by",
    /// "représenté par"), lower case: "présidée par M. X, ministre de ..., représenté par M. Y"
    /// gives X no speaker row.
    RepresentedBy = "represented_by",
    /// Days of the week, lower case: "the House of Commons on Tuesday" ends the body's name before
    /// "on".
    Weekday = "weekday",
    /// How a meeting is held when not in one place ("online", "hybrid", "híbrido", "en ligne"),
    /// lower case: "Hybrid Event, 21/05/2021" is no dateline's place.
    MeetingMode = "meeting_mode",
    /// Words for a meeting that someone presides or records, lower case: "secrétaire de séance",
    /// "Presidente de la sesión" in an entry of a list say that person's part.
    MeetingNoun = "meeting_noun",
    /// Words that name the record of a meeting ("minutes", "acta", "ata", "procès-verbal"), lower
    /// case: on a report's first lines, with a meeting noun, they say whose meeting it records.
    MeetingRecord = "meeting_record",
    /// Words of a member who sits for another body or group ("representative", "representante",
    /// "représentant"), lower case: such a member is not the host body's own.
    Representative = "representative",
    /// Sections of a website that stand over a headline ("News", "Notícias", "Actualités", "Blog"),
    /// lower case: a line that opens with one ("Blog | 12 de junio de 2026", "Actualités |
    /// Transformation numérique") is no title, and the headline under it is.
    SiteSection = "site_section",
    /// Words that say when a page was put online ("Published", "Updated", "Publicado", "Publié"),
    /// lower case: "Published 12 May 2026" is no dateline, and "Published" no place.
    PublicationWord = "publication_word",
    /// Prefixes that make a title of the language's one-word titles ("vice-", "sous-", "sub"), as
    /// written before the title: "vice-rectrice" and "subdirectora" are titles because "rectrice"
    /// and "directora" are, without each form in `titles.txt`.
    TitlePrefix = "title_prefix",
    /// Words written apart before the language's one-word titles that keep them titles
    /// ("senior", "acting"), as written: "a senior researcher at X" is a title because
    /// "researcher" is.
    TitleModifier = "title_modifier",
    /// Nouns of people in general ("personas", "people"), lower case: a count of them is the
    /// participants' only next to a word of taking part ("Participaron 85 personas").
    PeopleNoun = "people_noun",
    /// Words of taking part ("participaron", "attended", "took part"), lower case.
    TookPart = "took_part",
    /// Words for the people counted as taking part ("participants", "asistentes", "pessoas"),
    /// lower case: "reunió a más de 250 asistentes" reports the participants.
    ParticipantNoun = "participant_noun",
    /// Ordinal suffixes after a day's number ("st", "er"), lower case.
    OrdinalSuffix = "ordinal_suffix",
    /// Prepositions between the parts of a date written in words ("do", "del"), lower case.
    DateOf = "date_of",
    /// Two thousand in words, folded ("dois mil", "dos mil"): a year written in words in minutes
    /// ("aos nove dias do mês de setembro de dois mil e vinte e seis") is 2000 and a day number.
    WrittenThousand = "written_thousand",
    /// Words that join the parts of a number in words ("e", "y"), folded.
    NumberLink = "number_link",
    /// Words between the two ends of a range of times ("to", "hasta"), lower case.
    RangeWord = "range_word",
    /// Words between the first and the last day of a range of days ("11 and 12 July", "del 13 al
    /// 24 de diciembre"), lower case: the date of such a meeting is its first day.
    DayLink = "day_link",
    /// Words between a date and the time after it ("le 14 janvier 2021 à 9h30", "a las"), lower
    /// case: a time there is the meeting's time.
    TimeOf = "time_of",
}

/// One row of a list: its language and its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub lang: Lang,
    columns: Vec<String>,
}

impl Row {
    /// Column `i` (0-based); every row has the columns its kind states.
    pub fn get(&self, i: usize) -> &str {
        &self.columns[i]
    }
}

/// A list file that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{file}:{line}: {reason}")]
    BadRow { file: String, line: usize, reason: String },
    #[error("{file}: not a kind of list acta knows (known: {known})")]
    UnknownFile { file: String, known: String },
    #[error("cannot read {file}: {source}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

/// Every list of every language pack, read once and shared by the stages.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    rows: BTreeMap<ListKind, Vec<Row>>,
    languages: BTreeSet<Lang>,
}

impl Lexicon {
    /// The packs shipped in `models/lang/`.
    pub fn bundled() -> Self {
        let mut lexicon = Lexicon::default();
        for (code, name, text) in BUNDLED {
            lexicon
                .add(code, name, text, &format!("models/lang/{code}/{name}"))
                .expect("bundled language packs are valid");
        }
        lexicon.add_prefixed_titles();
        lexicon
    }

    /// The bundled packs plus every file of `dir/lang/<code>/`: words added to a language acta has,
    /// or a new language.
    pub fn with_extensions(dir: &Path) -> Result<Self> {
        let mut lexicon = Lexicon::bundled();
        let root = dir.join("lang");
        let Ok(langs) = std::fs::read_dir(&root) else { return Ok(lexicon) };
        let mut files = Vec::new();
        for lang in langs.flatten() {
            let path = lang.path();
            let Some(code) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
            let Ok(entries) = std::fs::read_dir(&path) else { continue };
            for entry in entries.flatten() {
                let file = entry.path();
                if let Some(name) = file.file_name().and_then(|n| n.to_str()).map(str::to_string) {
                    files.push((code.clone(), name, file));
                }
            }
        }
        files.sort();
        for (code, name, file) in files {
            let origin = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Read { file: origin.clone(), source })?;
            lexicon.add(&code, &name, &text, &origin)?;
        }
        lexicon.add_prefixed_titles();
        Ok(lexicon)
    }

    /// Each one-word title of a language with each of its title prefixes before it, where the list
    /// does not already have that form: a prefixed title is a title of the same language.
    fn add_prefixed_titles(&mut self) {
        // Prefixes are glued to the title ("vice-", "sub"); modifiers are words before it ("senior ").
        let prefixes: Vec<(Lang, String)> = self
            .rows(ListKind::WordClasses)
            .iter()
            .filter_map(|r| match r.get(0) {
                c if c == WordClass::TitlePrefix.name() => Some((r.lang, r.get(1).to_string())),
                c if c == WordClass::TitleModifier.name() => Some((r.lang, format!("{} ", r.get(1)))),
                _ => None,
            })
            .collect();
        let titles = self.rows.entry(ListKind::Titles).or_default();
        let known: BTreeSet<(Lang, String)> = titles.iter().map(|r| (r.lang, r.get(0).to_string())).collect();
        let mut added = BTreeSet::new();
        for row in titles.iter().filter(|r| !r.get(0).contains([' ', '-'])) {
            for (lang, prefix) in prefixes.iter().filter(|(lang, _)| *lang == row.lang) {
                let form = (*lang, format!("{prefix}{}", row.get(0)));
                if !known.contains(&form) {
                    added.insert(form);
                }
            }
        }
        titles.extend(added.into_iter().map(|(lang, form)| Row { lang, columns: vec![form] }));
    }

    fn add(&mut self, code: &str, name: &str, text: &str, origin: &str) -> Result<()> {
        let bad = |line: usize, reason: String| Error::BadRow { file: origin.to_string(), line, reason };
        let lang = Lang::parse(code).ok_or_else(|| bad(0, format!("{code:?} is not a two-letter language code")))?;
        let kind = ListKind::of_file_name(name).ok_or_else(|| Error::UnknownFile {
            file: origin.to_string(),
            known: ListKind::ALL.iter().map(|k| k.file_name()).collect::<Vec<_>>().join(", "),
        })?;
        let rows = self.rows.entry(kind).or_default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let columns: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
            if columns.len() != kind.columns() || columns.iter().any(String::is_empty) {
                return Err(bad(i + 1, format!("expected {} non-empty column(s) separated by tabs", kind.columns())));
            }
            if kind == ListKind::WordClasses && WordClass::of_name(&columns[0]).is_none() {
                let known: Vec<&str> = WordClass::ALL.iter().map(|c| c.name()).collect();
                return Err(bad(
                    i + 1,
                    format!("{:?} is not a class of words (known: {})", columns[0], known.join(", ")),
                ));
            }
            rows.push(Row { lang, columns });
        }
        self.languages.insert(lang);
        Ok(())
    }

    /// Every row of a kind, all languages, in file order (bundled first, then a user's additions).
    pub fn rows(&self, kind: ListKind) -> &[Row] {
        self.rows.get(&kind).map_or(&[], Vec::as_slice)
    }

    /// The first column of every row of a kind, all languages.
    pub fn words(&self, kind: ListKind) -> impl Iterator<Item = &str> + '_ {
        self.rows(kind).iter().map(|r| r.get(0))
    }

    /// The words of a class of `word_classes.tsv`, all languages, in file order.
    pub fn class(&self, class: WordClass) -> impl Iterator<Item = &str> + '_ {
        self.rows(ListKind::WordClasses).iter().filter(move |r| r.get(0) == class.name()).map(|r| r.get(1))
    }

    /// The languages that have a pack.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.languages.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_file_is_a_known_kind_with_rows() {
        let lexicon = Lexicon::bundled();
        for (code, name, _) in BUNDLED {
            assert!(ListKind::of_file_name(name).is_some(), "models/lang/{code}/{name}");
        }
        for kind in ListKind::ALL {
            assert!(!lexicon.rows(kind).is_empty(), "{kind:?} has no rows");
        }
        for lang in ["en", "es", "pt", "fr"] {
            assert!(lexicon.languages().any(|l| l.as_str() == lang), "{lang}");
        }
        for class in WordClass::ALL {
            assert!(lexicon.class(*class).next().is_some(), "{class:?} has no words");
        }
    }

    #[test]
    fn a_class_of_words_that_does_not_exist_is_an_error_naming_its_line() {
        let mut lexicon = Lexicon::default();
        let err =
            lexicon.add("en", "word_classes.tsv", "# c\tw\nand_or\tand\nno_such_class\tx\n", "x/word_classes.tsv");
        let err = err.unwrap_err().to_string();
        assert!(err.contains("x/word_classes.tsv:3") && err.contains("no_such_class"), "{err}");
        let mut lexicon = Lexicon::default();
        lexicon.add("en", "word_classes.tsv", "and_or\tand\n", "y").unwrap();
        assert_eq!(lexicon.class(WordClass::AndOr).collect::<Vec<_>>(), ["and"]);
    }

    #[test]
    fn extensions_add_rows_and_languages_and_bad_rows_name_their_line() {
        let dir = std::env::temp_dir().join(format!("acta-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lang/de")).unwrap();
        std::fs::write(dir.join("lang/de/titles.txt"), "# Titel\nministerin\n").unwrap();
        let lexicon = Lexicon::with_extensions(&dir).unwrap();
        assert!(lexicon.rows(ListKind::Titles).iter().any(|r| r.lang.as_str() == "de" && r.get(0) == "ministerin"));
        std::fs::write(dir.join("lang/de/lead_ins.tsv"), "attendee\n").unwrap();
        let err = Lexicon::with_extensions(&dir).unwrap_err().to_string();
        assert!(err.contains("lead_ins.tsv:1"), "{err}");
        std::fs::remove_file(dir.join("lang/de/lead_ins.tsv")).unwrap();
        std::fs::write(dir.join("lang/de/unknown.txt"), "x\n").unwrap();
        assert!(matches!(Lexicon::with_extensions(&dir), Err(Error::UnknownFile { .. })));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
