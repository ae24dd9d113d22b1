//! The small closed classes of words (`word_classes.tsv` of the language packs) that single rules
//! of the entity stage read: articles before a title, the connectors of a role, the words that make
//! a body public, the headers of a speaker table. Built once with the gazetteers.

use acta_lexicon::{Lexicon, WordClass};
use aho_corasick::AhoCorasick;
use foldhash::{HashSet, HashSetExt};
use regex::Regex;

use crate::shape_patterns::alternatives_of;
use crate::word_end::{WholeWords, WordEndRegex};
use crate::words::WordMatcher;

pub(crate) struct ClassWords {
    /// "and", "or": a place's name does not go on across them.
    pub(crate) and_or: HashSet<String>,
    /// "Mc", "De": glued to a capitalised surname ("McDonald"), not an acronym's start.
    pub(crate) glued_surname_prefixes: Vec<String>,
    pub(crate) generic_name_connectors: HashSet<String>,
    /// " of the ", " de l'": each with its spaces (none after an elision).
    pub(crate) body_cut_of: Vec<String>,
    /// " de la ", " at ": each with its spaces.
    pub(crate) prose_body_leads: Vec<String>,
    pub(crate) subject_prepositions: Vec<String>,
    /// " Mr.": each with the space before it.
    pub(crate) name_cut_honorifics: Vec<String>,
    /// Any of `name_cut_honorifics` in a name: most names have none, which one scan says.
    pub(crate) any_name_cut_honorific: AhoCorasick,
    /// " of the ", " from ": each with its spaces, longest first.
    pub(crate) body_after_name_leads: Vec<String>,
    /// " on behalf of the ", " representing ": a body a person speaks for, after a comma too.
    pub(crate) representation_leads: Vec<String>,
    /// Any of `representation_leads` in a window: most windows have none, and one scan says so
    /// where a search per lead would read the window forty times.
    pub(crate) any_representation_lead: AhoCorasick,
    /// "speaking on behalf of", "en nombre de", lower case.
    pub(crate) speaking_for: Vec<String>,
    /// "the ", "el ", "l'": before a post that names a listed member.
    pub(crate) post_articles: Vec<String>,
    /// "reported", "informó": a listed member named by their post spoke.
    pub(crate) report_verbs: Vec<String>,
    /// "ambassador", "embajadora": a country right after one is the envoy's.
    pub(crate) envoy_titles: HashSet<String>,
    /// "sala", "plenário", "room", lower case.
    pub(crate) venue_nouns: HashSet<String>,
    /// "at", "en", "à", "no": where something happens, lower case.
    pub(crate) place_prepositions: HashSet<String>,
    pub(crate) particles_before_place: Vec<String>,
    /// "em", "of": a generic name followed by one and a year is still generic ("Sociedade da
    /// Informação em 2003").
    pub(crate) year_prepositions: Vec<String>,
    /// "Government of ", "Gobierno de ": each with the space after it.
    pub(crate) government_prefixes: Vec<String>,
    /// The government prefixes that start with a government's word ("Governo do ", not "Estado
    /// de "), in the same order.
    pub(crate) governing_prefixes: Vec<String>,
    pub(crate) city_words: Vec<String>,
    pub(crate) region_words: Vec<String>,
    pub(crate) government_words: Vec<String>,
    pub(crate) ministry_words: Vec<String>,
    pub(crate) head_ranks: HashSet<String>,
    pub(crate) definite_articles: HashSet<String>,
    pub(crate) elisions: Vec<String>,
    pub(crate) noise_connectors: HashSet<String>,
    pub(crate) meridiems: HashSet<String>,
    /// "the Union and the World Bank", "Ministry of Justice and Department for Transport": where a
    /// conjunction starts a second body's name.
    pub(crate) second_name: WordEndRegex,
    /// A national or public adjective, a public body's head, what is never the state even when
    /// national, and regulators: see `kinds::is_public_body`.
    pub(crate) public_adjective: WholeWords,
    pub(crate) public_body_head: WholeWords,
    /// The public body heads as a pattern that finds them (`kinds::head_is_public`).
    pub(crate) public_body_head_word: Regex,
    pub(crate) not_public_body: WholeWords,
    pub(crate) regulator: WholeWords,
    /// Words of a body's name that say its stakeholder group.
    pub(crate) academia_words: HashSet<String>,
    pub(crate) company_words: HashSet<String>,
    pub(crate) legislature_words: HashSet<String>,
    /// "Comisión", "Committee"; "Cámara", "House": a committee of a chamber is a unit of it.
    pub(crate) committee_heads: HashSet<String>,
    pub(crate) chamber_heads: HashSet<String>,
    pub(crate) civil_society_words: HashSet<String>,
    /// "civil society", "sector privado": a stakeholder group's name, folded, and the group.
    pub(crate) stakeholder_groups: Vec<(String, acta_doc::Stakeholder)>,
    /// "the ", "su ", "l'": each as it starts a title (with its space unless it is elided).
    pub(crate) title_articles: Vec<String>,
    pub(crate) title_continuations: HashSet<String>,
    pub(crate) long_abbreviations: HashSet<String>,
    /// Articles before a country, longest first: a longer one is tried before one it ends with.
    pub(crate) country_articles: Vec<String>,
    pub(crate) role_of: Vec<String>,
    pub(crate) role_connectors: HashSet<String>,
    /// "a ", "la ": each with the space after it.
    pub(crate) role_articles: Vec<String>,
    /// "de", "du", "des", "d", "da", "del", ... (`of_preposition`), lower case.
    pub(crate) of_prepositions: HashSet<String>,
    /// "minister", "ministra", "governor", "prefeito", ... (`portfolio_title`), lower case.
    pub(crate) portfolio_titles: HashSet<String>,
    /// Speaker-table headers, folded.
    pub(crate) honorific_headers: HashSet<String>,
    pub(crate) given_name_headers: HashSet<String>,
    pub(crate) surname_headers: HashSet<String>,
    pub(crate) name_headers: HashSet<String>,
    pub(crate) role_headers: HashSet<String>,
    pub(crate) organization_headers: HashSet<String>,
    pub(crate) country_headers: HashSet<String>,
    /// "consultora", "opérateurs": the capitalised name after one is a body.
    pub(crate) body_kind_nouns: WordMatcher,
    /// "Senado", "Fiscalía": a body named by one word after an article.
    pub(crate) single_word_bodies: HashSet<String>,
    /// "del", "do", "du": an article in a preposition.
    pub(crate) article_contractions: HashSet<String>,
    /// "represented by", "représenté par", folded, with spaces around.
    pub(crate) represented_by: Vec<String>,
    /// Days of the week, folded.
    pub(crate) weekdays: HashSet<String>,
    /// "session", "séance": what a chair presides besides a body ("présidente de séance"), folded.
    pub(crate) meeting_nouns: HashSet<String>,
    /// "minutes", "acta", "procès-verbal": each the folded words of a name of a meeting's record.
    pub(crate) meeting_records: Vec<Vec<String>>,
    /// "representative", "representante", folded: a member who sits for another body.
    pub(crate) representatives: HashSet<String>,
    /// "MP", "OBE": letters after a name.
    pub(crate) post_nominals: HashSet<String>,
    /// "por", "pour": words opening a heading of a group of a list of people.
    pub(crate) group_leads: HashSet<String>,
    /// Titles of who presides a meeting, lower case (a transcript's turn label).
    pub(crate) chair_titles: HashSet<String>,
    /// "by", "por", "par": words opening a byline, lower case.
    pub(crate) bylines: HashSet<String>,
    /// "Permanent Mission", "Embajada": heads of diplomatic missions' names, as written.
    pub(crate) mission_heads: Vec<String>,
    /// "to the", "ante la": what joins a mission to where it is accredited, each with a space after
    /// it, longest first.
    pub(crate) mission_links: Vec<String>,
    /// "cion", "ing": endings (folded) of words that name a field of work.
    pub(crate) subject_endings: Vec<String>,
    /// "New", "Northern": before a country's name they make another place.
    pub(crate) place_qualifiers: HashSet<String>,
    /// "I'm", "soy": a phrase opening with one is no title.
    pub(crate) first_person: HashSet<String>,
    /// "my name is ", "me llamo ": each with the space after it, lower case, found in one pass.
    pub(crate) self_introductions: crate::phrases::Phrases<()>,
}

impl ClassWords {
    pub(crate) fn new(lexicon: &Lexicon) -> ClassWords {
        let set = |class: WordClass| -> HashSet<String> {
            let mut out = HashSet::new();
            out.extend(lexicon.class(class).map(str::to_string));
            out
        };
        let list = |class: WordClass| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for w in lexicon.class(class) {
                if !out.iter().any(|x| x == w) {
                    out.push(w.to_string());
                }
            }
            out
        };
        let alternation = |class: WordClass| alternatives_of(lexicon.class(class)).1;
        // The words of a class in any case as a regex's alternatives; a word ending in `*` stands
        // for every word it starts ("universit*").
        let any_case_alternation = |class: WordClass| {
            let mut words: Vec<String> = list(class)
                .iter()
                .map(|w| match w.strip_suffix('*') {
                    Some(stem) => format!(r"{}\w*", regex::escape(stem)),
                    None => regex::escape(w),
                })
                .collect();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            words.join("|")
        };
        let any_case = |class: WordClass| {
            WholeWords::new("(?i)", &any_case_alternation(class), list(class).iter().map(String::as_str))
        };
        let with_space = |class: WordClass| -> Vec<String> {
            list(class).into_iter().map(|w| if w.ends_with(['\'', '’']) { w } else { format!("{w} ") }).collect()
        };
        let spaced = |class: WordClass| -> Vec<String> { list(class).into_iter().map(|w| format!(" {w} ")).collect() };
        let name_cut_honorifics: Vec<String> =
            list(WordClass::NameCutHonorific).into_iter().map(|w| format!(" {w}")).collect();
        let mut representation_leads = spaced(WordClass::RepresentationLead);
        representation_leads.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let mut country_articles = list(WordClass::CountryArticle);
        country_articles.sort_by_key(|w| std::cmp::Reverse(w.len()));
        // Ends on a whole word (the heads end in letters).
        let second_name = WordEndRegex::new(&format!(
            // "et l'Agence": an elided lead is glued to the head ("[ \t]*").
            r"[ \t,]+(?:(?:{})[ \t]*(?:\p{{Lu}}\p{{Ll}}+[ \t]+){{0,3}}(?:{})|(?:{})[ \t]*(?:\p{{Lu}}\p{{Ll}}+[ \t]+){{0,3}}(?:{}))",
            alternation(WordClass::SecondBodyLead),
            alternation(WordClass::SecondBodyHead),
            alternation(WordClass::SecondGovernmentLead),
            alternation(WordClass::SecondGovernmentHead),
        ));
        let government_prefixes: Vec<String> =
            list(WordClass::GovernmentPrefix).into_iter().map(|p| format!("{p} ")).collect();
        let government_words = list(WordClass::Government);
        let governing_prefixes = government_prefixes
            .iter()
            .filter(|g| government_words.iter().any(|w| g.starts_with(w.as_str())))
            .cloned()
            .collect();
        ClassWords {
            and_or: set(WordClass::AndOr),
            glued_surname_prefixes: list(WordClass::GluedSurnamePrefix),
            generic_name_connectors: set(WordClass::GenericNameConnector),
            body_cut_of: list(WordClass::BodyCutOf)
                .into_iter()
                .map(|w| if w.ends_with(['\'', '’']) { format!(" {w}") } else { format!(" {w} ") })
                .collect(),
            prose_body_leads: spaced(WordClass::ProseBodyLead),
            subject_prepositions: spaced(WordClass::SubjectPreposition),
            any_name_cut_honorific: AhoCorasick::new(&name_cut_honorifics)
                .expect("the packs' honorifics build an automaton"),
            name_cut_honorifics,
            any_representation_lead: AhoCorasick::new(&representation_leads)
                .expect("the packs' representation leads build an automaton"),
            representation_leads,
            speaking_for: list(WordClass::SpeakingFor),
            report_verbs: list(WordClass::ReportVerb),
            envoy_titles: set(WordClass::EnvoyTitle),
            post_articles: list(WordClass::PostArticle)
                .into_iter()
                .map(|a| if a.ends_with(['\'', '’']) { a } else { format!("{a} ") })
                .collect(),
            venue_nouns: set(WordClass::VenueNoun),
            place_prepositions: set(WordClass::PlacePreposition),
            body_after_name_leads: {
                let mut leads = spaced(WordClass::BodyAfterNameLead);
                leads.sort_by_key(|w| std::cmp::Reverse(w.len()));
                leads
            },
            particles_before_place: spaced(WordClass::ParticleBeforePlace),
            year_prepositions: list(WordClass::YearPreposition).into_iter().map(|p| format!("{p} ")).collect(),
            government_prefixes,
            governing_prefixes,
            city_words: list(WordClass::CityWord),
            region_words: list(WordClass::RegionWord),
            government_words,
            ministry_words: list(WordClass::MinistryWord),
            head_ranks: set(WordClass::HeadRank),
            definite_articles: set(WordClass::DefiniteArticle),
            elisions: list(WordClass::Elision),
            noise_connectors: set(WordClass::NoiseConnector),
            meridiems: set(WordClass::Meridiem),
            second_name,
            public_adjective: any_case(WordClass::PublicAdjective),
            public_body_head: any_case(WordClass::PublicBodyHead),
            public_body_head_word: Regex::new(&format!(
                r"(?i)\b(?:{})\b",
                any_case_alternation(WordClass::PublicBodyHead)
            ))
            .expect("valid regex"),
            not_public_body: any_case(WordClass::NotPublicBody),
            regulator: any_case(WordClass::RegulatorWord),
            academia_words: set(WordClass::AcademiaWord),
            company_words: set(WordClass::CompanyWord),
            legislature_words: set(WordClass::LegislatureWord),
            committee_heads: set(WordClass::CommitteeHead),
            chamber_heads: set(WordClass::ChamberHead),
            civil_society_words: set(WordClass::CivilSocietyWord),
            stakeholder_groups: {
                use acta_doc::Stakeholder as S;
                [
                    (WordClass::GroupGovernment, S::Government),
                    (WordClass::GroupIntergovernmental, S::Intergovernmental),
                    (WordClass::GroupPrivateSector, S::PrivateSector),
                    (WordClass::GroupCivilSociety, S::CivilSociety),
                    (WordClass::GroupTechnicalCommunity, S::TechnicalCommunity),
                    (WordClass::GroupAcademia, S::Academia),
                ]
                .into_iter()
                .flat_map(|(class, group)| lexicon.class(class).map(move |w| (acta_doc::fold(w), group)))
                .collect()
            },
            title_articles: with_space(WordClass::TitleArticle),
            title_continuations: set(WordClass::TitleContinuation),
            long_abbreviations: set(WordClass::LongAbbreviation),
            country_articles,
            role_of: list(WordClass::RoleOf),
            role_connectors: set(WordClass::RoleConnector),
            role_articles: with_space(WordClass::RoleArticle),
            of_prepositions: set(WordClass::OfPreposition),
            portfolio_titles: set(WordClass::PortfolioTitle),
            honorific_headers: set(WordClass::HonorificHeader),
            given_name_headers: set(WordClass::GivenNameHeader),
            surname_headers: set(WordClass::SurnameHeader),
            name_headers: set(WordClass::NameHeader),
            role_headers: set(WordClass::RoleHeader),
            organization_headers: set(WordClass::OrganizationHeader),
            country_headers: set(WordClass::CountryHeader),
            body_kind_nouns: WordMatcher::new(&list(WordClass::BodyKindNoun)),
            single_word_bodies: set(WordClass::SingleWordBody),
            article_contractions: set(WordClass::ArticleContraction),
            weekdays: lexicon.class(WordClass::Weekday).map(acta_doc::fold).collect(),
            meeting_nouns: lexicon.class(WordClass::MeetingNoun).map(acta_doc::fold).collect(),
            meeting_records: lexicon
                .class(WordClass::MeetingRecord)
                .map(|phrase| {
                    acta_doc::fold(phrase).split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect()
                })
                .collect(),
            representatives: lexicon.class(WordClass::Representative).map(acta_doc::fold).collect(),
            represented_by: lexicon
                .class(WordClass::RepresentedBy)
                .map(|w| format!(" {} ", acta_doc::fold_words(w)))
                .collect(),
            group_leads: set(WordClass::GroupLead),
            chair_titles: set(WordClass::ChairTitle),
            bylines: set(WordClass::Byline),
            mission_heads: list(WordClass::MissionHead),
            mission_links: {
                let mut links: Vec<String> =
                    list(WordClass::MissionLink).into_iter().map(|l| format!("{l} ")).collect();
                links.sort_by_key(|l| std::cmp::Reverse(l.len()));
                links
            },
            post_nominals: set(WordClass::PostNominal),
            subject_endings: list(WordClass::SubjectEnding).iter().map(|e| acta_doc::fold(e)).collect(),
            place_qualifiers: set(WordClass::PlaceQualifier),
            first_person: set(WordClass::FirstPerson),
            self_introductions: crate::phrases::Phrases::new(
                with_space(WordClass::SelfIntroduction).into_iter().map(|w| (w.to_lowercase(), ())).collect(),
            ),
        }
    }
}
