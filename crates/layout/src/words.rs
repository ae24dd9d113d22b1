//! The words of the language packs (models/lang/<code>/) that the layout reads, loaded once from
//! the bundled packs: every language's words at once, since layout runs before the language is known.

use std::sync::LazyLock;

use acta_lexicon::{Lexicon, ListKind};
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
}

pub(crate) static WORDS: LazyLock<LayoutWords> = LazyLock::new(|| LayoutWords::of(&Lexicon::bundled()));

impl LayoutWords {
    fn of(lexicon: &Lexicon) -> Self {
        let set = |kind: ListKind, f: fn(&str) -> String| -> HashSet<String> {
            let mut out = HashSet::new();
            out.extend(lexicon.words(kind).map(f));
            out
        };
        LayoutWords {
            document_type: set(ListKind::DocumentTypeWords, acta_doc::fold),
            quoting: set(ListKind::QuotingWords, str::to_lowercase),
            one_letter: set(ListKind::OneLetterWords, str::to_lowercase),
            articles: set(ListKind::Articles, str::to_lowercase),
            label_function: set(ListKind::LabelFunctionWords, str::to_string),
        }
    }
}
