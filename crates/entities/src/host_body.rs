//! The body whose meeting a report records ("Ata da Reunião do CGI.br", "DIARIO DE SESIONES DEL
//! SENADO", a letterhead over "Summary Record"): its members listed without a body of their own
//! sit for it.

use acta_doc::{fold, ByteRange, EntityKind, Mention, Report};

use crate::gazetteer::Gazetteers;
use crate::words::{lowercase_keeping_offsets, Words};

/// Bytes of a report's start in which its heading says whose meeting it records.
const HOST_WINDOW: usize = 600;
/// Most bytes between a word of the meeting and its body ("sesión ordinaria del consejo directivo
/// del Consejo ...").
const HOST_REACH: usize = 60;
/// Most bytes between two bodies of one name's chain ("Communications Committee of the Board of
/// Trustees of ...").
const CHAIN_GAP: usize = 8;
/// Most words between a word of the meeting and its body.
const MAX_GAP_WORDS: usize = 5;
/// Lines at a report's start that may be its letterhead.
const LETTERHEAD_LINES: usize = 4;

/// The body whose meeting `report` records, when its first lines say so: the body a word of the
/// meeting or of its record is followed by ("Ata da Reunião do CGI.br"; the outermost of a chain:
/// "Minutes The Communications Committee of the Board of Trustees of ..."), else a body named alone
/// on one of the first lines (a letterhead, the last and outermost of several). `None` when the
/// first lines are no minutes'.
pub(crate) fn host_body<'r>(report: &'r Report, gaz: &Gazetteers) -> Option<&'r Mention> {
    let window = &report.text[..crate::participants::floor(&report.text, HOST_WINDOW)];
    // Minutes only: a report that names a meeting but is no record of one (news of a coming
    // session, a page about meetings) has no members to give a body to.
    let (cues, records) = meeting_cues(window, gaz);
    if !records {
        return None;
    }
    // (Mentions are in order of their start: those of the window come first.)
    let bodies: Vec<&Mention> = report
        .mentions
        .iter()
        .take_while(|m| m.range.start < window.len())
        .filter(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Ministry) && m.range.end <= window.len())
        .collect();
    // The body that met comes before a letterhead over it ("MINISTÉRIO DA SAÚDE" over "Ata da ...
    // Reunião Ordinária do Conselho Nacional de Saúde").
    cues.iter().find_map(|&cue_end| body_after(&report.text, cue_end, &bodies)).or_else(|| letterhead(report, &bodies))
}

/// Where each word of a meeting ("reunión", "sesiones") or of its record ("acta", "procès-verbal")
/// in `window` ends, and whether a word of a record is among them.
fn meeting_cues(window: &str, gaz: &Gazetteers) -> (Vec<usize>, bool) {
    // A report's start is read for every report: words are folded only where a record's name may
    // start (by its first letter and length), and meeting nouns looked up only in minutes.
    let words: Vec<(usize, usize)> = Words::of(window).spans().collect();
    let folded = |i: usize| {
        let word = &window[words[i].0..words[i].1];
        if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            fold(word)
        }
    };
    // Whether word `i` folds to `folded_word`, without a string for an ASCII word.
    let is = |i: usize, folded_word: &str| {
        let word = &window[words[i].0..words[i].1];
        if word.is_ascii() {
            word.eq_ignore_ascii_case(folded_word)
        } else {
            // Folding keeps one letter for one letter ("ão" -> "ao"): a word of another length
            // is not folded at all.
            word.chars().count() == folded_word.chars().count() && fold(word) == folded_word
        }
    };
    let records_of = &gaz.classes.meeting_records;
    // The first letters and lengths in letters of the records' first words.
    let mut starts = [false; 256];
    let mut lengths = 0u64;
    for phrase in records_of {
        if let Some(first) = phrase.first() {
            starts[usize::from(first.as_bytes()[0])] = true;
            lengths |= 1 << first.chars().count().min(63);
        }
    }
    // A letter with an accent folds to its base letter: any non-ASCII first byte may start one.
    let may_start = |i: usize| {
        let word = &window[words[i].0..words[i].1];
        let b = word.as_bytes()[0];
        (!b.is_ascii() || starts[usize::from(b.to_ascii_lowercase())])
            && lengths & (1 << word.chars().count().min(63)) != 0
    };
    let mut ends: Vec<usize> = (0..words.len())
        .filter(|&i| may_start(i))
        .filter_map(|i| {
            records_of.iter().find_map(|phrase| {
                let fits = i + phrase.len() <= words.len() && phrase.iter().enumerate().all(|(k, p)| is(i + k, p));
                fits.then(|| words[i + phrase.len() - 1].1)
            })
        })
        .collect();
    let records = !ends.is_empty();
    if records {
        let nouns = &gaz.classes.meeting_nouns;
        for (i, &(_, end)) in words.iter().enumerate() {
            // "sesiones", "meetings": a meeting noun in the plural.
            let w = folded(i);
            if nouns.contains(&w)
                || w.strip_suffix('s').is_some_and(|w| nouns.contains(w))
                || w.strip_suffix("es").is_some_and(|w| nouns.contains(w))
            {
                ends.push(end);
            }
        }
        ends.sort_unstable();
    }
    (ends, records)
}

/// A body named alone on one of the report's first lines, with its acronym in parentheses or
/// beside other bodies of its chain: the last one.
fn letterhead<'r>(report: &Report, bodies: &[&'r Mention]) -> Option<&'r Mention> {
    let lines = report.lines.iter().filter(|l| !report.slice(l.content).trim().is_empty()).take(LETTERHEAD_LINES);
    for line in lines {
        let on_line: Vec<&Mention> = bodies.iter().copied().filter(|m| line.content.contains(&m.range)).collect();
        let Some(last) = on_line.last() else { continue };
        // Besides the bodies, only separators and an acronym in parentheses.
        let mut depth = 0usize;
        let mut pos = line.content.start;
        let mut alone = true;
        for (i, c) in report.slice(line.content).char_indices() {
            let at = line.content.start + i;
            if at < pos {
                continue;
            }
            if let Some(m) = on_line.iter().find(|m| m.range.start == at) {
                pos = m.range.end;
                continue;
            }
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                c if c.is_alphanumeric() && depth == 0 => {
                    alone = false;
                    break;
                }
                _ => {}
            }
        }
        if alone {
            return Some(last);
        }
    }
    None
}

/// The body named right after a word of the meeting that ends at `cue_end`, in the same paragraph
/// and sentence: the last of a chain of bodies joined by a few small words ("of the").
fn body_after<'r>(text: &str, cue_end: usize, bodies: &[&'r Mention]) -> Option<&'r Mention> {
    // Only words between them, a few: "do", "DEL", "ordinaria del consejo directivo del", not "held
    // on 19 July at the" (a venue) nor "in Hyderabad, India, in the margins of".
    let joined = |gap: &str| {
        !gap.contains("\n\n")
            && gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '\'' || c == '’')
            && gap.split_whitespace().count() <= MAX_GAP_WORDS
    };
    let mut found = bodies
        .iter()
        .copied()
        .find(|m| m.range.start >= cue_end && m.range.start <= cue_end + HOST_REACH)
        .filter(|m| joined(&text[cue_end..m.range.start]))?;
    while let Some(next) = bodies.iter().copied().find(|m| {
        m.range.start > found.range.end
            && m.range.start <= found.range.end + CHAIN_GAP
            && text[found.range.end..m.range.start].chars().all(|c| c.is_lowercase() || c.is_whitespace())
    }) {
        found = next;
    }
    Some(found)
}

/// Whether a speaker's title lets the host body be theirs: none, or a post ("consejera",
/// "Committee Chair") and no word of one who sits for another body ("Conselheiro Titular
/// representante das Entidades Civis"); a group or sector ("Terceiro Setor") is not a post.
pub(crate) fn sits_for_host(report: &Report, role: Option<ByteRange>, gaz: &Gazetteers) -> bool {
    let Some(role) = role else { return true };
    // "Minister for the Cabinet Office": a post that names its body is a jurisdictional title,
    // whose body GOLD.md leaves out; it is no member's seat in the host.
    // (Mentions are in order of their start: only those from the title's start on are looked at.)
    let from = report.mentions.partition_point(|m| m.range.start < role.start);
    let names_body = report.mentions[from..]
        .iter()
        .take_while(|m| m.range.start < role.end)
        .any(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Ministry) && role.contains(&m.range));
    if names_body {
        return false;
    }
    let lower = lowercase_keeping_offsets(report.slice(role));
    let words = Words::of(&lower);
    let represents = words.spans().any(|(s, e)| gaz.classes.representatives.contains(&fold(&lower[s..e])));
    !represents && !gaz.titles.find_in(&lower, &words).is_empty()
}
