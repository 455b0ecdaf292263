//! Where in a file something is, so every error about a file can point at a line and column.

use std::fmt;
use std::ops::Range;

/// A position in a named source, 1-based, counted in characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// Turns a byte offset into a line and column in `source`.
    pub fn at(file: &str, source: &str, offset: usize) -> Location {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        // A character boundary within `source`, so always found.
        let before = source.get(..offset).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_before = before.rsplit_once('\n').map_or(before, |(_, last)| last);
        let column = line_before.chars().count() + 1;
        Location {
            file: file.to_string(),
            line,
            column,
        }
    }

    /// The start of a span, or the top of the file when there is none.
    pub fn of_span(file: &str, source: &str, span: Option<Range<usize>>) -> Location {
        Location::at(file, source, span.map_or(0, |s| s.start))
    }
}

/// Where each line of a source starts, found once: many locations in one long file cost a
/// binary search each instead of a scan from the top (which made a file with thousands of
/// problems quadratic).
pub struct Lines<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    pub fn new(source: &'s str) -> Lines<'s> {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { source, starts }
    }

    /// The location of byte `offset`, as [`Location::at`] finds it.
    pub fn at(&self, file: &str, offset: usize) -> Location {
        let offset = floor_char_boundary(self.source, offset.min(self.source.len()));
        let index = self.starts.partition_point(|&start| start <= offset).max(1) - 1;
        let line_start = self.starts.get(index).copied().unwrap_or(0);
        let column = self
            .source
            .get(line_start..offset)
            .map_or(0, |before| before.chars().count());
        Location {
            file: file.to_string(),
            line: index + 1,
            column: column + 1,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters_not_bytes() {
        let src = "a = 1\ntitle = \"支付\" x";
        let offset = src.find('x').unwrap();
        assert_eq!(
            Location::at("g.toml", src, offset).to_string(),
            "g.toml:2:14"
        );
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let src = "支";
        assert_eq!(Location::at("f", src, 1).column, 1);
        assert_eq!(Location::at("f", src, 99).column, 2);
    }

    #[test]
    fn lines_find_the_same_place_as_a_scan_from_the_top() {
        let source = "ab\n\n中文x\nlast";
        let lines = Lines::new(source);
        for offset in 0..=source.len() + 2 {
            assert_eq!(
                lines.at("f", offset),
                Location::at("f", source, offset),
                "{offset}"
            );
        }
    }
}
