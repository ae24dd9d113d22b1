//! Dates to ISO 8601 and times to "HH:MM-HH:MM", in English, Spanish, Portuguese and French.

use std::sync::LazyLock;

use acta_doc::{fold, Lang};
use regex::Regex;

/// Month names and their other forms in dates, folded, from the language packs' months.tsv.
static MONTHS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let lexicon = acta_lexicon::Lexicon::bundled();
    let mut out: Vec<(String, u32)> = Vec::new();
    for row in lexicon.rows(acta_lexicon::ListKind::Months) {
        let (Ok(number), name) = (row.get(0).parse::<u32>(), fold(row.get(1))) else { continue };
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, number));
        }
    }
    out
});

/// The words of a table as a regex alternation, longest first, so that "noviembre" is tried before
/// "nov" and "vinte e um" before "vinte".
fn longest_first<S: AsRef<str>>(table: &[(S, u32)]) -> String {
    let mut words: Vec<&str> = table.iter().map(|(w, _)| w.as_ref()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

// Word boundaries are ASCII ones: with Unicode boundaries the regex engine's DFA gives up at the
// first non-ASCII character and a slower engine reads the rest; next to the digits and the
// folded month names these patterns hold, the two agree.
static MONTH_ALT: LazyLock<String> = LazyLock::new(|| longest_first(&MONTHS));
/// "12 May 2024", and the first day of a range before it: "10 - 12 July 2014", "les 11 et 12
/// juillet 2024", "30 June to 2 July 2014" (groups: first day and month of a range, then day,
/// month, year).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let ordinal = format!(r"(?:{}|º|°|\.)?", crate::words::WORDS.ordinal_suffixes);
    Regex::new(&format!(
        r"(?-u:\b)(?:(\d{{1,2}}){ordinal}\s*(?:(?:de\s+)?({months})\.?\s*)?{link}\s*)?(\d{{1,2}}){ordinal}\s*(?:de\s+)?({months})\.?\s*,?\s*(?:de\s+|del\s+)?(\d{{4}})(?-u:\b)",
        months = *MONTH_ALT,
        link = day_link(),
    ))
    .expect("valid regex")
});
/// What joins the first and last day of a range of days: a dash, "&", or a pack's day links.
fn day_link() -> String {
    format!(r"(?:[-–—&]|(?:{})(?-u:\b))", crate::words::WORDS.day_links)
}
/// Days written in words in the formal opening of minutes ("Aos quatorze dias do mês de maio de
/// 2024", "A los veintidós días del mes de marzo de 2023"), folded: the packs' day_numbers.tsv.
/// The same opening with the day in digits ("a los 17 días del mes de julio de 2026") is read too.
fn day_words() -> &'static [(String, u32)] {
    &crate::words::WORDS.day_numbers
}
static WRITTEN_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)({days}|\d{{1,2}})\s+(?:dias?|jours?)\s+(?:{})\s+(?:mes|mois)\s+(?:de\s+|d')?({})\s+(?:de|del)\s+(\d{{4}}|(?:{thousands})(?:\s+(?:(?:{links})\s+)?(?:{days}))?)(?-u:\b)",
        crate::words::WORDS.date_of,
        *MONTH_ALT,
        days = longest_first(day_words()),
        thousands = crate::words::WORDS.written_thousands,
        links = crate::words::WORDS.number_links,
    ))
    .expect("valid regex")
});
/// "July 10, 2014", and a range from its first day: "July 10-12, 2014", "June 30 to July 2, 2014"
/// (groups: month, day, then the range's last month and day, year).
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let ordinal = format!(r"(?:{})?", crate::words::WORDS.ordinal_suffixes);
    Regex::new(&format!(
        r"(?-u:\b)({months})\.?\s+(\d{{1,2}}){ordinal}(?:\s*{link}\s*(?:({months})\.?\s+)?(\d{{1,2}}){ordinal})?\s*,?\s*(?:de\s+)?(\d{{4}})(?-u:\b)",
        months = *MONTH_ALT,
        link = day_link(),
    ))
    .expect("valid regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{1,2})-(\d{1,2})(?-u:\b)").expect("valid regex"));
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?-u:\b)").expect("valid regex"));
static TIME_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:(?:[:.]|\s?h\s?)(\d{{2}}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|h(?:rs?|s)?(?-u:\b))?\s*(?:-|–|—|{})\s*(\d{{1,2}})(?:(?:[:.]|\s?h\s?)(\d{{2}}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|h(?:rs?|s)?(?-u:\b))?",
        crate::words::WORDS.range_words
    ))
    .expect("valid regex")
});
/// "14:30", "9h", "9h30", and with a.m./p.m. also "3 p.m." and "5.00 pm" (a stop between hour and
/// minutes is read only then: "10.30" alone may be a number).
static SINGLE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    let meridiem = r"(?:a\.?\s?m|p\.?\s?m)(?:\.|(?-u:\b))";
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<hour>\d{{1,2}})(?:(?::(?P<minute>\d{{2}})|h(?P<hminute>\d{{2}})?)\s*(?P<meridiem>{meridiem})?|(?:\.(?P<dminute>\d{{2}}))?\s?(?P<only>{meridiem}))"
    ))
    .expect("valid regex")
});

fn month_number(name: &str) -> Option<u32> {
    let n = fold(name.trim_end_matches('.'));
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    (d >= 1 && d <= days && (1900..=2100).contains(&y)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first day of a range of days that ends on `last` (ISO) in month `last_month` of `year`:
/// `None` unless it is a date before the last day and at most a month before it.
fn range_start(day: u32, month: u32, last: &str, year: i32, last_month: u32) -> Option<String> {
    let year = if month > last_month { year - 1 } else { year };
    let first = valid(year, month, day)?;
    let same_or_next_month = month == last_month || month % 12 + 1 == last_month;
    (first.as_str() < last && same_or_next_month).then_some(first)
}

/// Whether `text` may write a year in words: "dos mil" or "dois mil" in any case ("DOIS MIL"); a
/// line with "5 mil personas" does not run the date patterns for it.
fn has_written_thousand(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Each 'm' is found first (by a vectorised search; most pages have few): " mil" around it,
    // then "dos" or "dois" before the space.
    memchr::memchr2_iter(b'm', b'M', bytes).any(|m| {
        m >= 1
            && m + 3 <= bytes.len()
            && bytes[m - 1] == b' '
            && bytes[m + 1..m + 3].eq_ignore_ascii_case(b"il")
            && [&b"dos"[..], &b"dois"[..]]
                .iter()
                .any(|two| m > two.len() && bytes[m - 1 - two.len()..m - 1].eq_ignore_ascii_case(two))
    })
}

/// A year written in words, folded ("dois mil e vinte e seis", "dos mil veintiseis"): two
/// thousand and a number of the pack's `day_numbers` after it.
fn written_year(words: &str) -> Option<i32> {
    static THOUSAND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:{})(?:\s+(?:(?:{})\s+)?(.+))?$",
            crate::words::WORDS.written_thousands,
            crate::words::WORDS.number_links
        ))
        .expect("valid regex")
    });
    let c = THOUSAND.captures(words.trim())?;
    match c.get(1) {
        None => Some(2000),
        Some(rest) => day_words().iter().find(|(w, _)| w == rest.as_str()).map(|(_, n)| 2000 + *n as i32),
    }
}

/// A date found in text: its ISO form and byte range in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub iso: String,
    pub start: usize,
    pub end: usize,
}

/// Whether [`find_date`] may find a date in `text`: false when it surely finds none. Every date
/// acta reads has a digit, or a year in words in minutes ("dois mil e vinte e seis"): most lines
/// have neither, and skip the patterns.
pub fn may_hold_date(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) || has_written_thousand(text)
}

/// The first date in `text`. Numeric dates that could be day/month or month/day are read in the
/// order of `lang` (month first for English, day first otherwise).
pub fn find_date(text: &str, lang: Option<Lang>) -> Option<FoundDate> {
    if !may_hold_date(text) {
        return None;
    }
    let written = has_written_thousand(text);
    // Most lines hold no date: a year of four digits, or digits around '/', '.' or '-' for a
    // numeric date ("13.04.07"), must be there for a pattern to give one (a year in other digits
    // does not parse). The second is asked only without the first.
    let has_year = has_four_digits(text);
    let has_numeric = || {
        text.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'.' | b'-') && w[2].is_ascii_digit())
    };
    if !has_year && !written && !has_numeric() {
        return None;
    }
    // Month names are matched on a folded copy; folding keeps byte offsets only for ASCII, so
    // map through char positions. An ASCII text's fold is its lower case, offsets unchanged.
    let folded = fold_chars(text);
    let mut best: Option<FoundDate> = None;
    // The earliest date wins. A pattern's matches come in order and none gives a date starting
    // before its match does, so a pattern is read no further than the earliest date so far.
    let passed = |best: &Option<FoundDate>, start: usize| best.as_ref().is_some_and(|b| start >= b.start);
    let consider = |best: &mut Option<FoundDate>, iso: Option<String>, s: usize, e: usize| {
        if let Some(iso) = iso {
            if best.as_ref().is_none_or(|b| s < b.start) {
                *best = Some(FoundDate { iso, start: s, end: e });
            }
        }
    };
    let with_year = if has_year || written { folded.as_str() } else { "" };
    for c in DAY_MONTH_YEAR.captures_iter(with_year) {
        let last = c.get(3).expect("the day");
        let whole = c.get(0).expect("group 0");
        if passed(&best, whole.start()) {
            break;
        }
        let (Some(m), Ok(y)) = (month_number(&c[4]), c[5].parse::<i32>()) else { continue };
        let last_day = c[3].parse().ok().and_then(|d| valid(y, m, d));
        let first_day = c.get(1).and_then(|d| {
            let first_month = c.get(2).map_or(Some(m), |fm| month_number(fm.as_str()))?;
            range_start(d.as_str().parse().ok()?, first_month, last_day.as_deref()?, y, m)
        });
        match first_day {
            Some(first) => consider(&mut best, Some(first), whole.start(), whole.end()),
            None => consider(&mut best, last_day, last.start(), whole.end()),
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(with_year) {
        let whole = c.get(0).expect("group 0");
        if passed(&best, whole.start()) {
            break;
        }
        let (Some(m), Ok(y)) = (month_number(&c[1]), c[5].parse::<i32>()) else { continue };
        let Ok(d) = c[2].parse::<u32>() else { continue };
        // The first day of a range; a year before it when the range goes on into January.
        let last_month = c.get(3).and_then(|lm| month_number(lm.as_str())).unwrap_or(m);
        let y = if last_month < m { y - 1 } else { y };
        consider(&mut best, valid(y, m, d), whole.start(), whole.end());
    }
    for c in WRITTEN_DAY.captures_iter(with_year) {
        if passed(&best, c.get(0).expect("group 0").start()) {
            break;
        }
        let d = c[1].parse().ok().or_else(|| day_words().iter().find(|(w, _)| *w == c[1]).map(|(_, n)| *n));
        let m = month_number(&c[2]);
        let y = c[3].parse().ok().or_else(|| written_year(&c[3]));
        let whole = c.get(0).expect("group 0");
        consider(&mut best, d.zip(m).zip(y).and_then(|((d, m), y)| valid(y, m, d)), whole.start(), whole.end());
    }
    for c in ISO.captures_iter(with_year) {
        if passed(&best, c.get(0).expect("group 0").start()) {
            break;
        }
        let (y, m, d) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        let whole = c.get(0).expect("group 0");
        consider(&mut best, y.zip(m).zip(d).and_then(|((y, m), d)| valid(y, m, d)), whole.start(), whole.end());
    }
    for c in NUMERIC.captures_iter(&folded) {
        if passed(&best, c.get(0).expect("group 0").start()) {
            break;
        }
        let a: u32 = c[1].parse().unwrap_or(0);
        let b: u32 = c[2].parse().unwrap_or(0);
        let mut y: i32 = c[3].parse().unwrap_or(0);
        if c[3].len() == 2 {
            y += 2000;
        }
        let month_first = lang == Some(Lang::EN);
        let (d, m) = if a > 12 {
            (a, b)
        } else if b > 12 || month_first {
            (b, a)
        } else {
            (a, b)
        };
        let whole = c.get(0).expect("group 0");
        consider(&mut best, valid(y, m, d), whole.start(), whole.end());
    }
    // Offsets were found in the folded text, which has the same number of chars as the input.
    best.map(|b| {
        if text.is_ascii() {
            return b;
        }
        let start = char_to_byte(text, folded[..b.start].chars().count());
        let end = char_to_byte(text, folded[..b.end].chars().count());
        FoundDate { iso: b.iso, start, end }
    })
}

/// Four ASCII digits in a row: the year every date in digits holds.
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// `text` with each char folded by [`fold_char`], one char for one char. Dates fold the first
/// pages of every report: runs of ASCII are lower-cased whole, not a char at a time.
fn fold_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { return out };
        out.push(fold_char(c));
        rest = &rest[c.len_utf8()..];
    }
}

/// Lower-cases and removes an accent from one char, keeping one char for one char.
fn fold_char(c: char) -> char {
    // What `fold` does to an ASCII char, without a string for it (dates fold every char of a page).
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // The accented letters of acta's languages (Latin-1 and Latin Extended-A) and the typographic
    // quotes and dashes (General Punctuation), folded once: a string per char was most of the
    // fold of a page in Spanish or Portuguese.
    static TABLES: LazyLock<[Vec<char>; 2]> = LazyLock::new(|| {
        FOLDS_KEPT.map(|range| range.filter_map(char::from_u32).map(fold_char_through_string).collect())
    });
    for (range, table) in FOLDS_KEPT.iter().zip(TABLES.iter()) {
        if range.contains(&(c as u32)) {
            return table[(c as u32 - range.start) as usize];
        }
    }
    fold_char_through_string(c)
}

/// The chars whose folds [`fold_char`] keeps: Latin-1 and Latin Extended-A, General Punctuation.
const FOLDS_KEPT: [std::ops::Range<u32>; 2] = [0x80..0x180, 0x2000..0x2070];

/// [`fold_char`] by [`fold`]: a string for one char.
fn fold_char_through_string(c: char) -> char {
    let f = fold(c.encode_utf8(&mut [0; 4]));
    let mut it = f.chars();
    match (it.next(), it.next()) {
        (Some(x), None) => x,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

fn to_24h(hour: u32, minute: u32, meridiem: Option<&str>) -> Option<(u32, u32)> {
    let mut h = hour;
    if let Some(m) = meridiem {
        let pm = m.to_ascii_lowercase().starts_with('p');
        let am = m.to_ascii_lowercase().starts_with('a');
        if pm && h < 12 {
            h += 12;
        } else if am && h == 12 {
            h = 0;
        }
    }
    (h < 24 && minute < 60).then_some((h, minute))
}

/// The first time range ("09:00 - 10:00", "9h-10h30", "3 p.m. to 4:30 p.m.") or single time in
/// `text`, as "HH:MM-HH:MM" or "HH:MM".
pub fn find_time(text: &str) -> Option<String> {
    // Every time acta reads starts with an hour in digits.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for c in TIME_RANGE.captures_iter(text) {
        let has_marker = c.get(2).is_some() || c.get(3).is_some() || c.get(5).is_some() || c.get(6).is_some();
        if !has_marker {
            continue;
        }
        let m1: u32 = c.get(2).map_or(0, |m| m.as_str().parse().unwrap_or(0));
        let m2: u32 = c.get(5).map_or(0, |m| m.as_str().parse().unwrap_or(0));
        let mer2 = c.get(6).map(|m| m.as_str()).filter(|m| !m.to_lowercase().starts_with('h'));
        let mer1 = c.get(3).map(|m| m.as_str()).filter(|m| !m.to_lowercase().starts_with('h')).or(mer2);
        let h1 = c[1].parse().ok()?;
        let h2 = c[4].parse().ok()?;
        if let (Some((a, b)), Some((x, y))) = (to_24h(h1, m1, mer1), to_24h(h2, m2, mer2)) {
            return Some(format!("{a:02}:{b:02}-{x:02}:{y:02}"));
        }
    }
    let c = SINGLE_TIME.captures(text)?;
    let h = c["hour"].parse().ok()?;
    let minute = c.name("minute").or(c.name("hminute")).or(c.name("dminute"));
    let m = minute.map_or(0, |m| m.as_str().parse().unwrap_or(0));
    let (h, m) = to_24h(h, m, c.name("meridiem").or(c.name("only")).map(|m| m.as_str()))?;
    Some(format!("{h:02}:{m:02}"))
}

/// The one number in a short answer ("45", "about 45 people"); `None` when there is none or
/// more than one ("3 and 2 panelists").
pub fn single_number(text: &str) -> Option<u64> {
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')
        .map(|t| t.trim_matches([',', '.']))
        .filter(|t| !t.is_empty() && t.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    match numbers.as_slice() {
        [one] => one.replace([',', '.'], "").parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`has_written_thousand`] as it was first written: every window of four bytes compared.
    fn has_written_thousand_by_windows(text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.windows(4).enumerate().any(|(i, w)| {
            w[0] == b' '
                && w[1..].eq_ignore_ascii_case(b"mil")
                && [&b"dos"[..], &b"dois"[..]]
                    .iter()
                    .any(|two| i >= two.len() && bytes[i - two.len()..i].eq_ignore_ascii_case(two))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn a_written_thousand_is_found_as_by_windows(s in "(dos|DOIS|ois| |mil|MIL|mi|Mi|il|l|m|x){0,8}") {
            proptest::prop_assert_eq!(has_written_thousand(&s), has_written_thousand_by_windows(&s));
        }
    }

    #[test]
    fn every_latin_letter_folds_as_through_a_string() {
        for c in FOLDS_KEPT.iter().flat_map(|r| r.start - 16..r.end + 16).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), fold_char_through_string(c), "{c:?}");
        }
        assert_eq!([fold_char('É'), fold_char('Ñ'), fold_char('ç'), fold_char('ſ')], ['e', 'n', 'c', 's']);
    }

    fn date(s: &str, lang: Lang) -> Option<String> {
        find_date(s, Some(lang)).map(|d| d.iso)
    }

    proptest::proptest! {
        /// An ASCII text's fold is its lower case, char for char: offsets in it are the text's.
        #[test]
        fn an_ascii_fold_is_the_lower_case(s in "[ -~\\t\\n]{0,40}") {
            let folded: String = s.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(folded, s.to_ascii_lowercase());
        }

        /// Folding runs of ASCII whole gives the fold of each char.
        #[test]
        fn runs_fold_as_their_chars(s in "[ -~\\t\\nÀ-ÿĀ-ſ\u{00a0}\u{0130}\u{212a}\u{0300}\u{2019}€]{0,40}") {
            proptest::prop_assert_eq!(fold_chars(&s), s.chars().map(fold_char).collect::<String>());
        }

        /// The table of Latin letters' folds is the fold of each, through a string; so is every
        /// char past it.
        #[test]
        fn a_char_folds_as_through_a_string(c in proptest::char::range('\u{80}', '\u{2100}')) {
            proptest::prop_assert_eq!(fold_char(c), fold_char_through_string(c));
        }

        /// Four digits in a row are found wherever they are.
        #[test]
        fn four_digits_are_found(s in "[0-9a٣ ]{0,12}") {
            let windows = s.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
            proptest::prop_assert_eq!(has_four_digits(&s), windows);
        }
    }

    #[test]
    fn days_written_in_words() {
        assert_eq!(date("Aos quatorze dias do mês de maio de 2024, às 9h30", Lang::PT).as_deref(), Some("2024-05-14"));
        assert_eq!(date("A los veintidós días del mes de marzo de 2023", Lang::ES).as_deref(), Some("2023-03-22"));
        assert_eq!(date("Aos vinte e um dias do mês de junho de 2022", Lang::PT).as_deref(), Some("2022-06-21"));
        // The day in digits in the same formal opening.
        assert_eq!(
            date("En Montevideo, a los 17 días del mes de julio de 2026, siendo las 10:00 horas", Lang::ES).as_deref(),
            Some("2026-07-17")
        );
        assert_eq!(date("Aos 5 dias do mês de maio de 2025, às 14h", Lang::PT).as_deref(), Some("2025-05-05"));
        // ...and the year too: two thousand and a day's number.
        let written = "Aos vinte e cinco dias do mês de março de dois mil e vinte e seis, às quinze horas";
        assert_eq!(date(written, Lang::PT).as_deref(), Some("2026-03-25"));
        let written = "A los quince días del mes de mayo de dos mil veinticinco, en la sala";
        assert_eq!(date(written, Lang::ES).as_deref(), Some("2025-05-15"));
        assert_eq!(date("AOS DEZ DIAS DO MÊS DE ABRIL DE DOIS MIL", Lang::PT).as_deref(), Some("2000-04-10"));
        assert_eq!(date("Foram cinco mil pessoas em março de dois mil e vinte", Lang::PT), None);
        // Only "dos mil" or "dois mil" makes a line without digits worth the date patterns.
        assert!(has_written_thousand("de DOIS MIL E VINTE") && has_written_thousand("de dos mil veinte"));
        assert!(!has_written_thousand("reunió a cinco mil personas") && !has_written_thousand("mil gracias"));
    }

    #[test]
    fn dates_in_four_languages() {
        assert_eq!(date("December 20, 2017", Lang::EN).as_deref(), Some("2017-12-20"));
        assert_eq!(date("Wednesday, 20th December 2017", Lang::EN).as_deref(), Some("2017-12-20"));
        assert_eq!(date("20 de diciembre de 2017", Lang::ES).as_deref(), Some("2017-12-20"));
        assert_eq!(date("5 de março de 2019", Lang::PT).as_deref(), Some("2019-03-05"));
        assert_eq!(date("le 1er décembre 2017", Lang::FR).as_deref(), Some("2017-12-01"));
        assert_eq!(date("20/12/2017", Lang::ES).as_deref(), Some("2017-12-20"));
        assert_eq!(date("03/04/2018", Lang::ES).as_deref(), Some("2018-04-03"));
        assert_eq!(date("03/04/2018", Lang::EN).as_deref(), Some("2018-03-04"));
        assert_eq!(date("2018-04-03", Lang::FR).as_deref(), Some("2018-04-03"));
        assert_eq!(date("31/02/2018", Lang::ES), None);
        let found = find_date("Sesión del 20 de diciembre de 2017", Some(Lang::ES)).unwrap();
        assert_eq!(&"Sesión del 20 de diciembre de 2017"[found.start..found.end], "20 de diciembre de 2017");
    }

    #[test]
    fn a_range_of_days_is_dated_by_its_first_day() {
        assert_eq!(date("14-15th November, 2013 Vilnius", Lang::EN).as_deref(), Some("2013-11-14"));
        assert_eq!(date("held in Abuja from 10 to  12 July 2014", Lang::EN).as_deref(), Some("2014-07-10"));
        assert_eq!(date("July 10-12, 2014", Lang::EN).as_deref(), Some("2014-07-10"));
        assert_eq!(date("June 30 to July 2, 2014", Lang::EN).as_deref(), Some("2014-06-30"));
        assert_eq!(date("30 June - 2 July 2014", Lang::EN).as_deref(), Some("2014-06-30"));
        assert_eq!(date("30 December 2014 to 2 January 2015", Lang::EN).as_deref(), Some("2014-12-30"));
        // A range over the new year, its year written once, starts in the year before.
        assert_eq!(date("30 December - 2 January 2015", Lang::EN).as_deref(), Some("2014-12-30"));
        assert_eq!(date("December 30 to January 2, 2015", Lang::EN).as_deref(), Some("2014-12-30"));
        assert_eq!(date("organisée à Dakar les 11 et 12 juillet 2024", Lang::FR).as_deref(), Some("2024-07-11"));
        assert_eq!(date("du 13 au 24 décembre 2021", Lang::FR).as_deref(), Some("2021-12-13"));
        assert_eq!(date("del 13 al 15 de mayo de 2024", Lang::ES).as_deref(), Some("2024-05-13"));
        assert_eq!(date("los días 8 y 9 de abril de 2019", Lang::ES).as_deref(), Some("2019-04-08"));
        assert_eq!(date("de 13 a 15 de maio de 2024", Lang::PT).as_deref(), Some("2024-05-13"));
        assert_eq!(date("nos dias 3 e 4 de junho de 2022", Lang::PT).as_deref(), Some("2022-06-03"));
        // Not a range: the first number is no earlier day of the month.
        assert_eq!(date("Session 15 - 12 May 2020", Lang::EN).as_deref(), Some("2020-05-12"));
        let found = find_date("Report 15 - 12 May 2020", Some(Lang::EN)).unwrap();
        assert_eq!(&"Report 15 - 12 May 2020"[found.start..found.end], "12 May 2020");
    }

    #[test]
    fn times() {
        assert_eq!(find_time("09:00 - 10:00").as_deref(), Some("09:00-10:00"));
        assert_eq!(find_time("9h às 10h30").as_deref(), Some("09:00-10:30"));
        assert_eq!(find_time("3 p.m. to 4:30 p.m.").as_deref(), Some("15:00-16:30"));
        assert_eq!(find_time("de 15h00 a 16h30").as_deref(), Some("15:00-16:30"));
        assert_eq!(find_time("9 h 00 - 10 h 30").as_deref(), Some("09:00-10:30"));
        assert_eq!(find_time("14:30 UTC").as_deref(), Some("14:30"));
        assert_eq!(find_time("at 3 p.m. UTC").as_deref(), Some("15:00"));
        assert_eq!(find_time("11am").as_deref(), Some("11:00"));
        assert_eq!(find_time("Time:    5.00 pm").as_deref(), Some("17:00"));
        assert_eq!(find_time("10.30 a.m.").as_deref(), Some("10:30"));
        assert_eq!(find_time("del 5 a mediados de mayo"), None);
        assert_eq!(find_time("3 - 4"), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(single_number("45"), Some(45));
        assert_eq!(single_number("approximately 1,200 participants"), Some(1200));
        assert_eq!(single_number("3 and 2 panelists."), None);
        assert_eq!(single_number("no data"), None);
    }
}
