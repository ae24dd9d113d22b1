//! Byte ranges into a report's text and the map from cleaned text back to the original bytes.

use serde::Serialize;

use crate::error::{Error, Result};

/// A half-open byte range `start..end` into one text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct ByteRange {
    pub start: usize,
    pub end: usize,
}

impl ByteRange {
    /// Builds a range after checking that it lies inside `text` on char boundaries.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Self> {
        if start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end) {
            Ok(ByteRange { start, end })
        } else {
            Err(Error::BadRange { start, end, len: text.len() })
        }
    }

    /// The range of `part`, which must be a subslice of `text` (e.g. from `trim` or `split`).
    ///
    /// Panics when `part` does not point into `text`: that is a programming error, not bad input.
    pub fn of_subslice(text: &str, part: &str) -> Self {
        let base = text.as_ptr() as usize;
        let start = (part.as_ptr() as usize)
            .checked_sub(base)
            .filter(|s| s + part.len() <= text.len())
            .expect("of_subslice: part is not inside text");
        ByteRange { start, end: start + part.len() }
    }

    /// The text this range covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: &ByteRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &ByteRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same range with surrounding whitespace removed.
    pub fn trim(&self, text: &str) -> ByteRange {
        let s = self.slice(text);
        let t = s.trim();
        if t.is_empty() {
            return ByteRange { start: self.start, end: self.start };
        }
        let lead = s.len() - s.trim_start().len();
        ByteRange { start: self.start + lead, end: self.start + lead + t.len() }
    }
}

/// One piece of the cleaned text: either copied from the original or written by the clean-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct Piece {
    clean_start: usize,
    orig_start: usize,
    clean_len: usize,
    orig_len: usize,
}

/// Maps byte offsets in the cleaned text back to byte offsets in the original text.
///
/// Built by the clean-up as a list of pieces; copied pieces map byte for byte, replaced pieces map
/// their whole span to the original span they replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    clean_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// The identity map for a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            pieces: vec![Piece { clean_start: 0, orig_start: 0, clean_len: len, orig_len: len }],
            clean_len: len,
            orig_len: len,
        }
    }

    /// Starts an empty map; pieces are appended in order with [`OffsetMap::push_copy`] and
    /// [`OffsetMap::push_replace`].
    pub fn empty() -> Self {
        OffsetMap::default()
    }

    /// Appends `len` bytes copied from the original at `orig_start`.
    pub fn push_copy(&mut self, orig_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        self.push(Piece { clean_start: self.clean_len, orig_start, clean_len: len, orig_len: len });
    }

    /// Appends `clean_len` bytes written in place of the original bytes `orig_start..orig_start + orig_len`.
    /// A deletion (`clean_len == 0`) adds no piece: the next copied piece carries the jump.
    pub fn push_replace(&mut self, orig_start: usize, orig_len: usize, clean_len: usize) {
        if clean_len == 0 {
            self.orig_len = self.orig_len.max(orig_start + orig_len);
            return;
        }
        self.push(Piece { clean_start: self.clean_len, orig_start, clean_len, orig_len });
    }

    fn push(&mut self, piece: Piece) {
        self.clean_len += piece.clean_len;
        self.orig_len = self.orig_len.max(piece.orig_start + piece.orig_len);
        self.pieces.push(piece);
    }

    /// The map of two edits in a row: `self` maps a cleaned text to an intermediate text, `inner`
    /// maps that intermediate text to the original (Markdown read as text, then cleaned).
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        let mut out = OffsetMap::empty();
        for p in &self.pieces {
            if p.clean_len == p.orig_len {
                // Copied from the intermediate text: follow it through the inner pieces it spans.
                let (from, to) = (p.orig_start, p.orig_start + p.orig_len);
                let first = match inner.pieces.binary_search_by(|q| q.clean_start.cmp(&from)) {
                    Ok(i) => i,
                    Err(i) => i.saturating_sub(1),
                };
                for q in inner.pieces[first..].iter().take_while(|q| q.clean_start < to) {
                    let start = from.max(q.clean_start);
                    let end = to.min(q.clean_start + q.clean_len);
                    if end <= start {
                        continue;
                    }
                    if q.clean_len == q.orig_len {
                        out.push_copy(q.orig_start + (start - q.clean_start), end - start);
                    } else {
                        out.push_replace(q.orig_start, q.orig_len, end - start);
                    }
                }
            } else {
                let span = ByteRange { start: p.orig_start, end: p.orig_start + p.orig_len };
                let original = inner.range_to_original(span);
                out.push_replace(original.start, original.len(), p.clean_len);
            }
        }
        out.orig_len = out.orig_len.max(inner.orig_len);
        out
    }

    /// Length of the cleaned text this map was built for.
    pub fn clean_len(&self) -> usize {
        self.clean_len
    }

    /// The original offset of cleaned offset `clean`. Offsets inside a replaced piece map to the
    /// start of what it replaced (or its end, for the piece's end).
    pub fn to_original(&self, clean: usize) -> usize {
        if self.pieces.is_empty() {
            return 0;
        }
        let idx = match self.pieces.binary_search_by(|p| p.clean_start.cmp(&clean)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let p = &self.pieces[idx];
        let delta = clean - p.clean_start;
        if p.clean_len == p.orig_len {
            p.orig_start + delta.min(p.orig_len)
        } else if delta >= p.clean_len && p.clean_len > 0 {
            p.orig_start + p.orig_len
        } else {
            p.orig_start
        }
    }

    /// The original range of a cleaned range.
    pub fn range_to_original(&self, range: ByteRange) -> ByteRange {
        let start = self.to_original(range.start);
        let end = if range.is_empty() { start } else { self.to_original_end(range.end) };
        ByteRange { start, end: end.max(start) }
    }

    /// Like [`OffsetMap::to_original`], but an offset at a piece boundary maps to the end of the
    /// previous piece, so that a range's end never swallows a following replacement.
    fn to_original_end(&self, clean: usize) -> usize {
        if clean == 0 || self.pieces.is_empty() {
            return 0;
        }
        let idx = match self.pieces.binary_search_by(|p| p.clean_start.cmp(&(clean - 1))) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let p = &self.pieces[idx];
        let delta = clean - p.clean_start;
        if p.clean_len == p.orig_len {
            p.orig_start + delta.min(p.orig_len)
        } else {
            p.orig_start + p.orig_len
        }
    }
}

/// A set of ranges asked whether any of them overlaps a given one, by binary search: sorted by
/// start, with the largest end among each prefix (a range starting before the query's end
/// overlaps it exactly when it ends after the query's start). For checks run once per line of a
/// report against ranges found on many of its lines.
pub struct RangeSet {
    starts: Vec<usize>,
    /// `max_end[k]`: the largest end among the first `k + 1` ranges in start order.
    max_end: Vec<usize>,
}

impl RangeSet {
    pub fn new(ranges: impl IntoIterator<Item = ByteRange>) -> Self {
        let mut ranges: Vec<ByteRange> = ranges.into_iter().collect();
        ranges.sort_unstable_by_key(|r| r.start);
        let starts = ranges.iter().map(|r| r.start).collect();
        let max_end = ranges
            .iter()
            .scan(0, |max, r| {
                *max = r.end.max(*max);
                Some(*max)
            })
            .collect();
        RangeSet { starts, max_end }
    }

    /// Whether a range of the set overlaps `range` ([`ByteRange::overlaps`]).
    pub fn overlaps(&self, range: &ByteRange) -> bool {
        let before_end = self.starts.partition_point(|&start| start < range.end);
        before_end > 0 && self.max_end[before_end - 1] > range.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_set_overlaps_what_one_of_its_ranges_overlaps() {
        let ranges = [(10, 20), (0, 3), (12, 14), (30, 30), (25, 40), (5, 5)];
        let ranges: Vec<ByteRange> = ranges.iter().map(|&(start, end)| ByteRange { start, end }).collect();
        let set = RangeSet::new(ranges.iter().copied());
        for start in 0..45 {
            for end in start..45 {
                let query = ByteRange { start, end };
                let any = ranges.iter().any(|r| r.overlaps(&query));
                assert_eq!(set.overlaps(&query), any, "{start}..{end}");
            }
        }
        assert!(!RangeSet::new([]).overlaps(&ByteRange { start: 0, end: 9 }));
    }

    #[test]
    fn range_checks_char_boundaries() {
        let text = "Martínez";
        assert!(ByteRange::new(text, 0, 4).is_ok());
        assert!(ByteRange::new(text, 0, 5).is_err(), "5 is inside 'í'");
        assert!(ByteRange::new(text, 0, 6).is_ok());
        assert!(ByteRange::new(text, 3, 2).is_err());
        assert!(ByteRange::new(text, 0, 99).is_err());
    }

    #[test]
    fn offset_map_maps_copies_and_replacements() {
        // original: "ab-\ncd" cleaned: "abcd" (the "-\n" removed)
        let mut map = OffsetMap::empty();
        map.push_copy(0, 2);
        map.push_replace(2, 2, 0);
        map.push_copy(4, 2);
        assert_eq!(map.clean_len(), 4);
        assert_eq!(map.to_original(0), 0);
        assert_eq!(map.to_original(2), 4);
        assert_eq!(map.to_original(3), 5);
        assert_eq!(map.range_to_original(ByteRange { start: 0, end: 4 }), ByteRange { start: 0, end: 6 });
        assert_eq!(map.range_to_original(ByteRange { start: 0, end: 2 }), ByteRange { start: 0, end: 2 });
    }

    #[test]
    fn composed_maps_point_into_the_first_original() {
        // original "**Ana** x" -> intermediate "Ana x" -> cleaned "Ana  x" (one space written twice).
        let mut inner = OffsetMap::empty();
        inner.push_copy(2, 3);
        inner.push_copy(7, 2);
        let mut outer = OffsetMap::empty();
        outer.push_copy(0, 3);
        outer.push_replace(3, 1, 2);
        outer.push_copy(4, 1);
        let map = outer.compose(&inner);
        assert_eq!(map.clean_len(), 6);
        assert_eq!(map.range_to_original(ByteRange { start: 0, end: 3 }), ByteRange { start: 2, end: 5 });
        assert_eq!(map.range_to_original(ByteRange { start: 5, end: 6 }), ByteRange { start: 8, end: 9 });
        assert_eq!(map.to_original(4), 7);
    }
}
