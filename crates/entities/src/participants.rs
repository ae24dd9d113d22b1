//! People taking part, named in prose: what a sentence says around a person's name. The title
//! and organisation in apposition ("Ana Silva, Minister of Economy, said", "the Minister of
//! Economy, Ana Silva,", "Secretary-General Ana Silva", "Ana Silva (ITU)"), and the words of
//! participation that give the part ("moderated by", "abrió la sesión", "a présidé").

use acta_doc::{ByteRange, SessionRole};

use crate::gazetteer::{word_bounded, Gazetteers, Place};
use crate::words::in_capitals;
#[cfg(doc)]
use crate::words::lowercase_keeping_offsets;

/// How far around a name its apposition is looked for.
const WINDOW: usize = 160;
/// Most words of a title before a name, as [`title_words`] counts them.
const MAX_TITLE_BEFORE_WORDS: usize = 14;
/// How far before a name a phrase of participation may be when only names, titles and bodies
/// come between ("la asistencia de" and the twentieth name of its list).
const LIST_WINDOW: usize = 1200;

/// A report's text and its lower-cased copy with the same offsets ([`lowercase_keeping_offsets`]),
/// made once per report: titles and phrases are looked up in the copy without lower-casing again.
pub struct Prose<'t> {
    pub text: &'t str,
    pub lower: &'t str,
    /// The ranges of the bodies named in the text, sorted by start (empty where not yet known):
    /// the words of a body's name are no free words of a title.
    pub bodies: &'t [ByteRange],
}

impl Prose<'_> {
    /// Whether the byte at `at` is inside a body's name.
    fn in_body(&self, at: usize) -> bool {
        let i = self.bodies.partition_point(|b| b.start <= at);
        i > 0 && self.bodies[..i].iter().rev().take(4).any(|b| b.end > at)
    }
}

/// What a sentence says about a person at one mention.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProseContext {
    /// The title and organisation written in apposition to the name, if any: after it when there
    /// is one there, else before it.
    pub apposition: Option<ByteRange>,
    /// The title written before the name when an apposition follows it too ("la periodista X, del
    /// diario Y"): the title is before, the body after.
    pub title_before: Option<ByteRange>,
    /// The part a phrase of participation gives the person, if any.
    pub role: Option<SessionRole>,
    /// The person is cited or remembered here ("according to X", "the late X"), not taking part.
    pub cited: bool,
}

/// The word with its first letter in capitals.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect()
}

/// Do the words of `s` read as part of a title or a list of names, not as a clause ("and brought
/// together", "quien presentó")? When `set_off` (a comma parts it from the name that follows), a
/// title's subject may hold a few words in small letters ("la coordinadora de gobierno digital de
/// la ATI, Ana Ruiz"; "secretária estadual de Ciência"), none of them a verb the packs know.
fn only_title_words(s: &str, base: usize, p: &Prose, gaz: &Gazetteers, set_off: bool) -> bool {
    let mut pos = base;
    let mut free_words = 0;
    let mut first = true;
    for word in s.split(' ') {
        let at = pos;
        pos += word.len() + 1;
        let was_first = std::mem::replace(&mut first, false);
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if w.is_empty() || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || p.in_body(at) {
            continue;
        }
        let lower = w.to_lowercase();
        // "com a presença dos senhores deputados:": honorifics and titles in the plural too.
        let singular = lower.strip_suffix("es").into_iter().chain(lower.strip_suffix('s'));
        let plural_title = singular.into_iter().any(|s| gaz.is_title(s) || gaz.honorific(&capitalised(s)).is_some())
            // "el alcalde, señor Luis Carrasco": a form of address between the title and the name.
            || gaz.honorific(w).is_some();
        // "le commissaire ivoirien X", "a ministra cabo-verdiana da Modernização do Estado, X": a
        // demonym in small letters qualifies the title.
        let demonym = gaz.find_places(w).any(|(s, e, p)| s == 0 && e == w.len() && matches!(p, Place::Demonym(_)));
        if gaz.linking_words.contains(lower.as_str())
            || plural_title
            || demonym
            || elided_article(&lower)
            || title_at(p, at + (word.len() - word.trim_start_matches(|c: char| !c.is_alphanumeric()).len()), gaz)
                .is_some()
        {
            continue;
        }
        // "Le ministre était entouré du directeur général de X, M. Y": a verb of the sentence ends
        // any title before the name ("était" is no word of one).
        if gaz.sentence_verbs.contains(lower.as_str()) {
            return false;
        }
        let verb = gaz.narrative_verbs.contains(lower.as_str())
            || gaz.description_verbs.contains(lower.as_str())
            || gaz.speech_verbs.longest_prefix(&lower).is_some_and(|len| len == lower.len());
        if set_off && !was_first && free_words < MAX_FREE_TITLE_WORDS && !verb && !word.ends_with(['.', ';', ':']) {
            free_words += 1;
            continue;
        }
        return false;
    }
    true
}

/// "l'Agence", "d’Economia": a word opened by an elided article (either apostrophe) links a title's
/// words as the article does.
fn elided_article(lower: &str) -> bool {
    let mut chars = lower.chars();
    matches!((chars.next(), chars.next()), (Some('l' | 'd'), Some('\'' | '’')))
}

/// How many words in small letters a title's subject may hold besides linking words and titles.
const MAX_FREE_TITLE_WORDS: usize = 3;

/// The largest char boundary at or below `i`.
pub(crate) fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(crate) fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Does a title of the language packs start at `pos` (as a whole word)?
fn title_at(p: &Prose, pos: usize, gaz: &Gazetteers) -> Option<usize> {
    let text = p.text;
    let end = floor(text, pos + 60);
    let found = gaz.titles.longest_prefix(&p.lower[pos..end]).filter(|&len| word_bounded(text, pos, pos + len));
    // "exministro", "ex-presidente", "ex-director": a former holder's title.
    found.or_else(|| {
        let prefix = ["ex-", "ex"].iter().find(|x| p.lower[pos..end].starts_with(**x))?;
        let at = pos + prefix.len();
        gaz.titles
            .longest_prefix(&p.lower[at..end])
            .filter(|&len| crate::gazetteer::at_word_start(text, pos) && crate::gazetteer::at_word_end(text, at + len))
            .map(|len| prefix.len() + len)
    })
}

/// Is the first word of `s` (after an article) a title of the language packs?
/// Most words before the title word of a compound title ("the Data Protection Commissioner").
const MAX_COMPOUND_TITLE_WORDS: usize = 3;

/// "the Data Protection Commissioner", "the health minister": an article, a few words and a
/// title word that ends the piece, as English writes a post's subject before its title.
fn compound_title(s: &str, gaz: &Gazetteers) -> bool {
    let Some(article) = gaz
        .classes
        .title_articles
        .iter()
        .find(|a| s.get(..a.len()).is_some_and(|head| head.eq_ignore_ascii_case(a)) && a.ends_with(' '))
    else {
        return false;
    };
    let words: Vec<&str> = s[article.len()..].split_whitespace().collect();
    (2..=MAX_COMPOUND_TITLE_WORDS + 1).contains(&words.len())
        && words.last().is_some_and(|w| is_title_word(w.trim_end_matches(['.', ';']), gaz))
}

fn starts_with_title(s: &str, base: usize, p: &Prose, gaz: &Gazetteers) -> bool {
    let mut pos = base;
    for article in &gaz.classes.title_articles {
        if s.get(..article.len()).is_some_and(|head| head.eq_ignore_ascii_case(article)) {
            pos += article.len();
            break;
        }
    }
    title_at(p, pos, gaz).is_some()
}

/// The context of the person mention `name` in `text`.
pub fn prose_context(p: &Prose, name: ByteRange, gaz: &Gazetteers) -> ProseContext {
    let after = apposition_after(p, name, gaz);
    let before = apposition_before(p, name, gaz);
    let apposition = after.or(before);
    let role = role_around(p, name, apposition, gaz);
    ProseContext { apposition, title_before: after.and(before), role, cited: cited_before(p, name, gaz) }
}

/// The title and body in apposition right after a name ("Ana Silva, Minister of Economy, said", "Ana
/// Silva (ITU)"), without the rest of [`prose_context`]'s reading.
pub fn apposition_after_name(p: &Prose, name: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    apposition_after(p, name, gaz)
}

/// "según Ana Silva", "the late Kofi Annan", "citó al economista Albert Hirschman": a phrase of the
/// language packs that shows the person cited or remembered, at most three words before the name.
fn cited_before(p: &Prose, name: ByteRange, gaz: &Gazetteers) -> bool {
    let text = p.text;
    let from = ceil(text, name.start.saturating_sub(80));
    let before = &p.lower[from..name.start];
    // The starts of the last four words: a cue must start at one of them and end at a word's end.
    let mut starts: Vec<usize> = Vec::with_capacity(4);
    let mut in_word = false;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                starts.push(i + c.len_utf8());
                if starts.len() == 4 {
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word && starts.len() < 4 {
        starts.push(0);
    }
    // Only the last words are searched.
    let first = starts.last().copied().unwrap_or(before.len());
    let last_words = &before[first..];
    let trimmed = last_words.trim_end().len();
    let cited = gaz.mention_cues.find_all(last_words).any(|(start, end, ())| {
        starts.contains(&(first + start)) && (end >= trimmed || last_words[end..].starts_with(char::is_whitespace))
    });
    cited
}

/// Where what follows the last ", and " (", y ", ", e ", ", et "...) of `s` starts: a comma and a
/// conjunction close one person's apposition and open the next one's.
pub(crate) fn after_closing_conjunction(s: &str, gaz: &Gazetteers) -> Option<usize> {
    gaz.comma_conjunctions.iter().filter_map(|c| s.rfind(c.as_str()).map(|i| i + c.len())).max()
}

/// "du Directeur Général du Conatel, Monsieur Jose Jean-Baptiste, des employés ...": the name's own
/// title, right before it (its forms of address aside), opens with a contracted article, so the
/// parts of the sentence are an enumeration, each opened so.
fn enumerated_with_contraction(text: &str, name_start: usize, gaz: &Gazetteers) -> bool {
    title_piece_before(text, name_start, gaz)
        .split(' ')
        .next()
        .is_some_and(|w| gaz.classes.article_contractions.contains(w))
}

/// "juntou o secretário de Estado ..., Mário Campolargo": the name's own title, right before it,
/// holds an article and a title word.
fn enumerated_with_article(text: &str, name_start: usize, gaz: &Gazetteers) -> bool {
    let words: Vec<&str> = title_piece_before(text, name_start, gaz).split(' ').collect();
    words.windows(2).any(|pair| {
        let article = pair[0].to_lowercase();
        let is_article = gaz.classes.role_articles.iter().any(|a| a.trim_end() == article)
            || gaz.classes.article_contractions.contains(article.as_str());
        is_article && is_title_word(pair[1], gaz)
    })
}

/// A title, or a compound one by its first part ("diretora-geral").
fn is_title_word(word: &str, gaz: &Gazetteers) -> bool {
    gaz.is_title(word) || word.split_once('-').is_some_and(|(head, _)| gaz.is_title(head))
}

/// The comma part right before a name, its forms of address left out.
fn title_piece_before<'t>(text: &'t str, name_start: usize, gaz: &Gazetteers) -> &'t str {
    let mut before = text[..name_start].trim_end();
    while let Some((head, last)) = before.rsplit_once(' ') {
        if gaz.honorific(last).is_none() {
            break;
        }
        before = head.trim_end();
    }
    let before = before.strip_suffix(',').unwrap_or(before);
    before.rsplit([',', '.', ';', '\n']).next().unwrap_or("").trim_start()
}

/// "Ana Silva, Minister of Economy, said", "Ana Silva (ITU)", "Ana Silva – Directora, Agencia X".
fn apposition_after(p: &Prose, name: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let text = p.text;
    // "Julia Lopez MP, Minister for ...": the apposition comes after the letters after the name.
    let mut name = name;
    while let Some(word) =
        text[name.end..].strip_prefix(' ').map(|r| &r[..r.find([' ', ',', ';', ')']).unwrap_or(r.len())])
    {
        if word.is_empty() || !gaz.classes.post_nominals.contains(word) {
            break;
        }
        name.end += 1 + word.len();
    }
    let after = &text[name.end..floor(text, name.end + WINDOW)];
    if let Some(inside) = after.strip_prefix(" (") {
        let close = inside.find(')')?;
        let r = ByteRange { start: name.end + 2, end: name.end + 2 + close };
        return (!inside[..close].contains('\n') && close > 1).then_some(r);
    }
    // "Chidi Nwachukwu of the Nigerian Communications Commission", "Fatoumata Sylla from the
    // Alliance": a body right after the name.
    // ", representing the United Nations ...", ", en representación del ...": after a comma too.
    let leads = gaz
        .classes
        .representation_leads
        .iter()
        .map(|l| (l, 0, true))
        .chain(gaz.classes.representation_leads.iter().map(|l| (l, 1, true)));
    let leads = leads.chain(gaz.classes.body_after_name_leads.iter().map(|l| (l, 0, false)));
    for (lead, comma, representing) in leads {
        let after_lead = if comma == 1 { after.strip_prefix(',') } else { Some(after) };
        if let Some(rest) = after_lead.and_then(|a| a.strip_prefix(lead.as_str())) {
            let start = name.end + comma + lead.len();
            if rest.chars().next().is_some_and(char::is_uppercase) {
                let len = rest.find([',', '.', ';', '\n', '(']).unwrap_or(rest.len());
                let words: Vec<&str> = rest[..len].split(' ').collect();
                // The capitalised name and its connectors, up to the first other lower-case word.
                let mut end = 0;
                let mut pos = 0;
                for w in &words {
                    pos += w.len() + 1;
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        end = pos - 1;
                    } else if !gaz.linking_words.contains(*w) {
                        break;
                    }
                }
                // "... Pereira da Silva Marques do Pinho": after a particle, a surname goes on with
                // the person's name.
                let first = words.first().copied().unwrap_or("");
                if crate::names::is_particle(lead.trim()) && (gaz.is_surname(first) || gaz.is_given_name(first)) {
                    return None;
                }
                // "en representación del Alcalde", "on behalf of Secretary-General Ban Ki-moon": on
                // behalf of a person, named by a title, not of a body.
                let piece = &rest[..end];
                // A title in the possessive names a body after a body's lead ("Marcus Feld from the
                // Information Commissioner's Office"); after "on behalf of" it may name the person.
                let title = |w: &str| match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
                    Some(title) => representing && gaz.is_title(title),
                    None => gaz.is_title(w),
                };
                if piece.split(' ').any(title) {
                    return None;
                }
                return (end > 0).then_some(ByteRange { start, end: start + end });
            }
        }
    }
    let sep = [", ", " - ", " – ", " — "].iter().find(|s| after.starts_with(**s))?;
    // "O SR. LEANDRO PACHECO MOURA - Bom dia a todos.": a transcript's turn label, a name in
    // capitals after at most a few words in capitals at the line's start, is followed by what was
    // said, not by a title.
    if *sep != ", " && in_turn_label(text, name) {
        return None;
    }
    let start = name.end + sep.len();
    let rest = &text[start..floor(text, name.end + WINDOW)];
    // Up to the end of the clause: a sentence stop, a line end, a parenthesis.
    let mut clause_end = rest.len();
    for (i, c) in rest.char_indices() {
        if matches!(c, ';' | '\n' | '(' | ':')
            || c == '.' && rest[i + 1..].starts_with([' ', '\n']) && !abbreviation_before(rest, i, gaz)
        {
            clause_end = i;
            break;
        }
    }
    // Comma parts while they read as titles or names of bodies: a part that starts in lower case
    // is a verb or a clause ("stressed that ...", "quien ..."), unless it is a title ("ministra de
    // Salud") or a connector to a place or body ("from Brazil", "de la Universidad ...").
    let mut end = start;
    let mut pos = start;
    for part in rest[..clause_end].split(',') {
        let trimmed = part.trim_start();
        let part_start = pos + (part.len() - trimmed.len());
        pos += part.len() + 1;
        let first = trimmed.split_whitespace().next().unwrap_or("");
        // "e-Governance Academy", "i-Gov Lab": a name's first word may open with a small prefix.
        let prefixed = first
            .split_once('-')
            .is_some_and(|(prefix, rest)| prefix.len() <= 2 && rest.starts_with(char::is_uppercase));
        let capital = first.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || prefixed;
        let connector = gaz.classes.title_continuations.contains(first);
        if trimmed.is_empty()
            || !(capital || connector || starts_with_title(trimmed, part_start, p, gaz) || compound_title(trimmed, gaz))
        {
            break;
        }
        // "..., Moussa Thiam, en présence de la présidente de la CDP, Awa Ndiaye": a phrase of
        // participation of more than a word opens what others did, not the person's title (one
        // word, "moderadora", is a title).
        let lower_part = &p.lower[part_start..part_start + trimmed.len()];
        let phrase_first = gaz
            .participation_before
            .find_all(lower_part)
            .any(|(s, e, _)| s == 0 && word_end(lower_part, e) && lower_part[..e].contains(' '));
        if phrase_first {
            break;
        }
        // "Carolina Labayru, en el Palacio de los Leones": a place's preposition (an article after
        // it) before a name that is no body's ("at the Hilton Hotel") says where the person was.
        if end == start && gaz.classes.place_prepositions.contains(first) {
            let mut words = trimmed.split_whitespace().skip(1);
            let mut next = words.next().unwrap_or("");
            if gaz.classes.role_articles.iter().any(|a| a.trim_end() == next) {
                next = words.next().unwrap_or("");
            }
            if next.starts_with(char::is_uppercase) && !gaz.shapes.body_heads.contains(next) {
                break;
            }
        }
        // "en présence du Préfet, Kofi Adjei, du maire et des élus": a contracted article and a title
        // after the name open the next one of an enumeration, not the person's title.
        let second = trimmed.split_whitespace().nth(1).unwrap_or("");
        if end == start
            && gaz.classes.article_contractions.contains(first)
            && (gaz.is_title(second) || enumerated_with_contraction(text, name.start, gaz))
        {
            break;
        }
        // "juntou o secretário de Estado X, Mário Campolargo, a diretora-geral Y, Luanna
        // Roncaratti": after a name whose own title opened with an article, an article and a title
        // open the next one of the enumeration.
        if end == start
            && gaz.classes.role_articles.iter().any(|a| a.trim_end() == first)
            && is_title_word(second, gaz)
            && enumerated_with_article(text, name.start, gaz)
        {
            break;
        }
        // A new sentence's subject after a comma ("..., Ana Silva said") is not a title.
        end = part_start + trimmed.trim_end().len();
        if trimmed.split_whitespace().count() > 12 {
            break;
        }
    }
    (end > start).then_some(ByteRange { start, end })
}

/// Most words before a name in capitals that opens a transcript's turn ("O SR.", "LA C.").
const MAX_TURN_OPENING_WORDS: usize = 3;

/// Whether a name in capitals follows one to [`MAX_TURN_OPENING_WORDS`] words in capitals at a
/// line's start: a transcript's turn label ("A SRA. VANESSA LINS CARVALHO - ...").
fn in_turn_label(text: &str, name: ByteRange) -> bool {
    let line_start = text[..name.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..name.start];
    let opening = before.split_whitespace().count();
    // A name alone at the line's start opens an entry ("MARIA SAMPLE — Head, ..."), not a turn.
    in_capitals(name.slice(text))
        && (1..=MAX_TURN_OPENING_WORDS).contains(&opening)
        && before.split_whitespace().all(in_capitals)
}

/// "Mr.", "Dr", "St.": a short word before the period, not a sentence's end.
pub(crate) fn abbreviation_before(s: &str, period: usize, gaz: &Gazetteers) -> bool {
    let word = s[..period].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let letters = word.chars().count();
    (letters <= 3 || gaz.classes.long_abbreviations.contains(word))
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// Where a title's country in the possessive starts, in the capitalised words right before the
/// title ("Norway's Foreign Affairs" before "Minister", "Zambia's Commerce, Trade and Industry"):
/// the title's first words are then these.
fn possessive_start(before: &str) -> Option<usize> {
    let mut start = None;
    let mut end = before.len();
    for word in before.trim_end().rsplit(' ') {
        let word_start = before[..end].trim_end().len() - word.len();
        end = word_start;
        // "Zambia's Commerce, Trade and Industry Minister": connectors inside the run go on.
        if matches!(word, "and" | "of" | "&") {
            continue;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        if word.len() > 3 && (word.ends_with("'s") || word.ends_with("’s")) {
            start = Some(word_start);
        }
    }
    start
}

/// "the Minister of Economy, Ana Silva,", "Minister of Economy Ana Silva", "secretary-general Ana
/// Silva": a title before the name in the same clause.
fn apposition_before(p: &Prose, name: ByteRange, gaz: &Gazetteers) -> Option<ByteRange> {
    let text = p.text;
    // "le Ministre de la Transition numérique, M. Kalil Konaté": the title ends before the form of
    // address (any language's: only where the title ends counts), unless that is a title itself
    // ("Minister").
    let mut name = name;
    if let Some((_, address)) = crate::names::honorific_before(text, name.start, gaz, Some(acta_doc::Lang::FR)) {
        // A form of address in small letters ("ingeniero", "licenciada") is one even where it is
        // also a title.
        let address_word = address.slice(text).trim_end_matches('.');
        if !gaz.is_title(address_word) || address_word.starts_with(char::is_lowercase) {
            name.start = address.start;
        }
    }
    let from = ceil(text, name.start.saturating_sub(WINDOW));
    let before = &text[from..name.start];
    let (body, comma) = match before.strip_suffix(", ") {
        Some(b) => (b, true),
        None => (before.strip_suffix(' ')?, false),
    };
    // The clause the title would be in: after the last stop, line end, colon or parenthesis; an
    // acronym in parentheses is part of it ("el director del Instituto ... (Ideam), Omar Franco").
    let acronym_at = |i: usize| {
        let open = body[..i].rfind('(');
        open.is_some_and(|o| i - o <= 16 && !body[o + 1..i].contains([' ', '\n']) && i > o + 1)
    };
    let in_acronym = |i: usize| {
        let close = body[i..].find(')').map(|c| i + c);
        close.is_some_and(|c| c - i <= 16 && !body[i + 1..c].contains([' ', '\n']) && c > i + 1)
    };
    let clause_start = body
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ';' | '\n' | ':')
                || c == ')' && !acronym_at(i)
                || c == '(' && !in_acronym(i)
                || c == '.' && body[i + 1..].starts_with(' ')
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &body[clause_start..];
    let base = from + clause_start;
    // The first title word of the clause starts the apposition, provided nothing after it but
    // capitalised words, connectors and commas within the title ("Minister of Health, Labour and Welfare").
    let mut pos = 0;
    for word in clause.split(' ') {
        let mut at = base + pos;
        pos += word.len() + 1;
        // "L'expert de la Commission ..., M. X": the title after an elided article.
        if let Some(apostrophe) = word.find(['\'', '’']).filter(|&i| (1..=2).contains(&word[..i].chars().count())) {
            at += apostrophe + word[apostrophe..].chars().next().map_or(1, char::len_utf8);
        }
        if word.is_empty() || title_at(p, at, gaz).is_none() {
            continue;
        }
        let tail = &text[at..name.start];
        // "d'Alain Rousset, président de la Région, et de Paul Girard": a title closed by a comma and
        // a conjunction is the person's before, not this one's; what follows the conjunction may be
        // this one's ("..., y de Prosecretario, el señor X").
        if let Some(after) = after_closing_conjunction(tail, gaz) {
            let end = base + body[clause_start..].len();
            if at + after >= end {
                continue;
            }
            let r = ByteRange { start: at + after, end }.trim(text);
            let s = r.slice(text);
            let mut offset = 0;
            let has_title = s.split(' ').any(|w| {
                let here = r.start + offset;
                offset += w.len() + 1;
                title_at(p, here, gaz).is_some()
            });
            let reads_as_title = has_title && only_title_words(s.trim_end_matches([',', ' ']), r.start, p, gaz, comma);
            if reads_as_title && !r.is_empty() {
                return Some(r);
            }
            // Else a later title word of the clause may start this person's title.
            continue;
        }
        let plain = !tail.contains([';', '"', '“', '”'])
            && title_words(tail) <= MAX_TITLE_BEFORE_WORDS
            && only_title_words(tail.trim_end_matches([',', ' ']), at, p, gaz, comma);
        if plain {
            let start = possessive_start(&clause[..pos - word.len() - 1]).map_or(at, |i| base + i);
            let r = ByteRange { start, end: base + body[clause_start..].len() }.trim(text);
            return (!r.is_empty()).then_some(r);
        }
    }
    None
}

/// The words of a title before a name: a title of one piece (no comma but the one before the
/// name) is a long name of a body more often than a run of other people's names and titles, so
/// its short connectors ("de", "la", "of") are not counted: "el jefe de la Oficina de Tecnologías
/// de la Información de la Superintendencia Nacional de Aduanas (Sunat), Jorge ..." has eight.
fn title_words(tail: &str) -> usize {
    let tail = tail.trim_end_matches([',', ' ']);
    let words = tail.split_whitespace();
    if tail.contains(',') {
        return words.count();
    }
    words.filter(|w| !(w.chars().count() <= 3 && w.chars().all(char::is_lowercase))).count()
}

/// The part a phrase of participation gives: a phrase before the name in its sentence ("moderated
/// by", "a cargo de"), the nearest one winning, or a phrase right after the name and its apposition
/// ("opened the session", "moderó").
fn role_around(p: &Prose, name: ByteRange, apposition: Option<ByteRange>, gaz: &Gazetteers) -> Option<SessionRole> {
    let text = p.text;
    let after_start = apposition.filter(|a| a.start >= name.end).map_or(name.end, |a| a.end);
    let after_end = floor(text, after_start + 80);
    let after = text[after_start..after_end].trim_start_matches([',', ')', ' ']);
    let lower_after = &p.lower[after_end - after.len()..after_end];
    let phrase_at_start = |lower_after: &str| {
        gaz.participation_after
            .find_all(lower_after)
            .filter(|&(start, end, _)| start == 0 && word_end(lower_after, end))
            .max_by_key(|&(_, end, _)| end)
            .map(|(_, _, role)| role)
    };
    if let Some(role) = phrase_at_start(lower_after) {
        return Some(role);
    }
    // "..., who presided over the launch", "..., quien moderó": a phrase that opens a relative
    // clause counts when no phrase before the name gives the part ("presidida pelo conselheiro X,
    // que apresentou o cronograma" is the chair).
    let relative = || {
        gaz.clause_starts
            .iter()
            .find_map(|c| lower_after.strip_prefix(c.trim_start_matches([',', ' '])))
            .and_then(phrase_at_start)
    };
    let from = ceil(text, name.start.saturating_sub(LIST_WINDOW));
    let before = &text[from..name.start];
    // The sentence's start: a line end, or a period that ends a word longer than an abbreviation
    // ("chaired by Mr. Devesh Ramdhany" is one sentence).
    let sentence_start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n' || c == '.' && before[i + 1..].starts_with(' ') && !abbreviation_before(before, i, gaz)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = &before[sentence_start..];
    let base = from + sentence_start;
    let lower = &p.lower[base..name.start];
    gaz.participation_before
        .find_all(lower)
        .filter(|&(start, end, _)| word_start(lower, start) && word_end(lower, end))
        // The nearest phrase, and of phrases ending together the longest ("la moderación estuvo a
        // cargo de" over "a cargo de").
        .max_by_key(|&(start, end, _)| (end, std::cmp::Reverse(start)))
        .map(|(_, end, role)| (end, role))
        // Only the names the phrase introduces: between them, names, titles and bodies, not a new
        // clause ("moderated by X, a researcher at Y, and brought together Z").
        .filter(|&(end, _)| {
            let rest = &sentence[end..];
            let lead = rest.len() - rest.trim_start().len();
            let at = base + end + lead;
            let rest = rest.trim();
            // A title set off by commas may hold a few words of its subject: it ends with its comma
            // ("presidido pelo Ministro do sector, Mário ..."), or a form of address or another title
            // follows it ("presidido pelo Ministro do sector, Eng.º Mário ...").
            let set_off = rest.ends_with(',')
                || rest.rfind(", ").is_some_and(|i| only_title_words(&rest[i + 2..], at + i + 2, p, gaz, false));
            only_title_words(rest, at, p, gaz, set_off)
        })
        .map(|(_, role)| role)
        .or_else(relative)
}

fn word_start(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

fn word_end(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(text: &str, name: &str) -> (Option<String>, Option<SessionRole>) {
        let gaz = Gazetteers::bundled();
        let start = text.find(name).unwrap();
        let lower = crate::words::lowercase_keeping_offsets(text);
        let c = prose_context(
            &Prose { text, lower: &lower, bodies: &[] },
            ByteRange { start, end: start + name.len() },
            &gaz,
        );
        (c.apposition.map(|r| r.slice(text).to_string()), c.role)
    }

    #[test]
    fn apposition_after_the_name() {
        let (a, _) =
            context("Mr Malcolm Johnson, Secretary General, ITU, stressed that all matters.", "Malcolm Johnson");
        assert_eq!(a.as_deref(), Some("Secretary General, ITU"));
        let (a, _) = context("Ana Silva (Agencia de Gobierno Digital) presentó el plan.", "Ana Silva");
        assert_eq!(a.as_deref(), Some("Agencia de Gobierno Digital"));
        let (a, _) = context("Juan Pérez, ministro de Salud de Chile, dijo que sí.", "Juan Pérez");
        assert_eq!(a.as_deref(), Some("ministro de Salud de Chile"));
        let (a, _) = context("Ana Silva, who leads the team, said so.", "Ana Silva");
        assert_eq!(a, None);
    }

    #[test]
    fn apposition_before_the_name() {
        let (a, _) = context(
            "El acto fue abierto por la ministra de Ciencia, Aisén Etcheverry, junto a otros.",
            "Aisén Etcheverry",
        );
        assert_eq!(a.as_deref(), Some("ministra de Ciencia"));
        let (a, _) =
            context("The meeting was opened by Minister of Economic Affairs Juhan Parts and others.", "Juhan Parts");
        assert_eq!(a.as_deref(), Some("Minister of Economic Affairs"));
    }

    #[test]
    fn a_phrase_of_participation_reaches_every_name_of_its_list() {
        let names = [
            "Rosa Elena Quintero Paz",
            "Tomás Ignacio Benítez Arce",
            "Lucía Fernanda Ochoa Ríos",
            "Marcos Aurelio Vidal Soto",
            "Carmen Julia Mendoza Lara",
            "Héctor Manuel Ibarra Cruz",
            "Paula Andrea Robles Gil",
            "Andrés Felipe Zárate Luna",
            "Verónica Isabel Castaño Mora",
            "Julián Esteban Prieto Vega",
        ];
        let text = format!("Se registró la asistencia de {}. Luego se aprobó el orden del día.", names.join(", "));
        for name in names {
            assert_eq!(context(&text, name).1, Some(SessionRole::Attendee), "{name}");
        }
        // Another clause between the phrase and the name ends its reach.
        let (_, role) = context(
            "Con la asistencia de Rosa Quintero Paz, el consejo aprobó la propuesta de Julián Prieto Vega.",
            "Julián Prieto Vega",
        );
        assert_ne!(role, Some(SessionRole::Attendee));
        // Honorifics and titles in the plural, and parties in parentheses, stand between them too.
        let text = "reuniu a Assembleia com a presença dos senhores deputados: Rui Manuel Tavares Lobo (PS), \
                    Joana Isabel Pires Rebelo (PSD), Tiago Filipe Costa Araújo (CDU).";
        assert_eq!(context(text, "Tiago Filipe Costa Araújo").1, Some(SessionRole::Attendee));
    }

    #[test]
    fn a_country_in_the_possessive_before_the_title_is_part_of_it() {
        let (a, _) = context(
            "The Conference elected Norway's Foreign Affairs Minister Jonas Gahr Støre to serve.",
            "Jonas Gahr Støre",
        );
        assert_eq!(a.as_deref(), Some("Norway's Foreign Affairs Minister"));
        assert_eq!(possessive_start("elected Zambia’s Commerce, Trade and Industry"), Some(8));
        assert_eq!(possessive_start("elected Zambia’s Trade"), Some(8));
        assert_eq!(possessive_start("Yesterday the"), None);
    }

    #[test]
    fn a_title_set_off_before_a_form_of_address_leads_to_the_chair() {
        // The title's subject has a word of no title ("sector"), set off by a comma before the
        // form of address that opens the name.
        let text = "O evento foi presidido pelo Ministro do sector, Eng.º Mário Augusto Neves.";
        assert_eq!(context(text, "Mário Augusto Neves").1, Some(SessionRole::Chair));
        // An elided article with a typographic apostrophe links like a plain one.
        let text = "La séance a été présidée par la directrice de l’Agence, Mme Claire Dufour.";
        assert_eq!(context(text, "Claire Dufour").1, Some(SessionRole::Chair));
        // A clause between the phrase and the name still ends its reach.
        let text = "O evento foi presidido pelo Ministro do sector, que depois recebeu Mário Augusto Neves.";
        assert_ne!(context(text, "Mário Augusto Neves").1, Some(SessionRole::Chair));
    }
}
