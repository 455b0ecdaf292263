//! Long numbers as people type them: groups of digits joined by spaces, dashes, dots, underscores,
//! middle dots, or broken over one line (`4111 1111 1111 1111`, `4111.1111_1111-1111`,
//! `4111 1111⏎1111 1111`). Card and ID number detectors read the same runs, so a number is seen
//! whole however it was written, and a run of more digits than any card (a 28-digit transaction
//! id) is never cut into one.

use smallvec::SmallVec;

use super::normalize::View;

/// The groups of a run: on the stack for the numbers a message holds (up to 6 groups).
type Groups = SmallVec<[(usize, usize); 6]>;

/// Digit groups in a row, each `(start, end)` in view characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Run {
    pub groups: Groups,
    /// How many digits the groups before each group hold, then all of them: `count` in one step.
    sums: SmallVec<[usize; 7]>,
    /// Every digit of the run, read once.
    all: SmallVec<[u8; 32]>,
}

impl Run {
    fn new(view: &View, groups: Groups) -> Run {
        let mut sums = SmallVec::with_capacity(groups.len() + 1);
        let mut total = 0;
        sums.push(0);
        for (s, e) in &groups {
            total += e - s;
            sums.push(total);
        }
        let all = groups
            .iter()
            .flat_map(|&(s, e)| (s..e).filter_map(|i| view.at(i).and_then(digit)))
            .collect();
        Run { groups, sums, all }
    }

    /// The first group that may start a number of its own: the second when the first is the
    /// last digits of a masked number (`•••• 6080 5473…`, `••••002X`), which a scan left there
    /// and which scanning the scanned text again must not take as the start of another.
    pub(super) fn first_free_group(&self, view: &View) -> usize {
        let start = self.start();
        let masked = view.before(start) == Some('•')
            || (view.before(start) == Some(' ')
                && start >= 1
                && view.before(start - 1) == Some('•'));
        usize::from(masked)
    }

    pub(super) fn start(&self) -> usize {
        self.groups.first().map_or(0, |g| g.0)
    }

    pub(super) fn end(&self) -> usize {
        self.groups.last().map_or(0, |g| g.1)
    }

    /// How many digits groups `from..to` hold.
    pub(super) fn count(&self, from: usize, to: usize) -> usize {
        let at = |k: usize| {
            self.sums
                .get(k.min(self.groups.len()))
                .copied()
                .unwrap_or(0)
        };
        at(to).saturating_sub(at(from))
    }

    /// The digits of groups `from..to`.
    pub(super) fn digits(&self, from: usize, to: usize) -> &[u8] {
        let at = |k: usize| {
            self.sums
                .get(k.min(self.groups.len()))
                .copied()
                .unwrap_or(0)
        };
        self.all.get(at(from)..at(to)).unwrap_or_default()
    }
}

/// The most groups a run holds: far more than any number to find; a longer run is cut.
const MAX_GROUPS: usize = 40;

/// Every run of digit groups in the view, in order.
pub(super) fn runs(view: &View) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if !view.is(i, is_digit) {
            i += 1;
            continue;
        }
        let mut groups = Groups::new();
        let mut s = i;
        loop {
            let e = view.run_end(s, is_digit);
            groups.push((s, e));
            match separator_end(view, e) {
                Some(next) if groups.len() < MAX_GROUPS => s = next,
                _ => break,
            }
        }
        i = groups.last().map_or(i + 1, |g| g.1);
        runs.push(Run::new(view, groups));
    }
    runs
}

/// Where the next group starts, if a separator people type inside a number follows `at`: one
/// to three of space, `-`, `.`, `_`, `·`, with at most one line break, and a digit after. A
/// `.` followed by a space ends a sentence, not a group.
fn separator_end(view: &View, at: usize) -> Option<usize> {
    let end = view.run_end_capped(at, 3, |c| matches!(c, ' ' | '-' | '.' | '_' | '·' | '\n'));
    if end == at || !view.is(end, is_digit) {
        return None;
    }
    let breaks = (at..end).filter(|&j| view.at(j) == Some('\n')).count();
    let sentence_end = view.at(at) == Some('.') && view.is(at + 1, |c| c == ' ' || c == '\n');
    (breaks <= 1 && !sentence_end).then_some(end)
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

pub(super) fn digit(c: char) -> Option<u8> {
    c.to_digit(10).and_then(|d| u8::try_from(d).ok())
}

/// The digits' value, for short fields such as a date's month.
pub(super) fn value(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |n, &d| n.saturating_mul(10).saturating_add(u32::from(d)))
}

/// The last 4 digits, as text.
pub(super) fn last4(digits: &[u8]) -> String {
    digits
        .get(digits.len().saturating_sub(4)..)
        .unwrap_or_default()
        .iter()
        .map(|d| char::from(b'0' + d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<Vec<String>> {
        let view = View::new(text);
        runs(&view)
            .into_iter()
            .map(|r| {
                r.groups
                    .iter()
                    .map(|&(s, e)| view.string(s, e).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_run_holds_forty_groups_at_most() {
        let text = "1 ".repeat(50);
        let cut: Vec<usize> = groups(&text).iter().map(Vec::len).collect();
        assert_eq!(cut, [40, 10]);
    }

    #[test]
    fn any_separator_people_type_joins_groups() {
        for text in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4111_1111_1111_1111",
            "4111 - 1111  1111·1111",
            "4111 1111\n1111 1111",
            "４１１１　１１１１　１１１１　１１１１",
        ] {
            assert_eq!(groups(text), [["4111", "1111", "1111", "1111"]], "{text:?}");
        }
    }

    #[test]
    fn sentences_paragraphs_and_other_punctuation_part_numbers() {
        assert_eq!(groups("1234. 5678"), [["1234"], ["5678"]]);
        assert_eq!(groups("1234\n\n5678"), [["1234"], ["5678"]]);
        assert_eq!(groups("1234, 5678"), [["1234"], ["5678"]]);
        assert_eq!(groups("1234/5678"), [["1234"], ["5678"]]);
        assert_eq!(groups("12 ab 34"), [["12"], ["34"]]);
    }

    #[test]
    fn digits_and_last_4() {
        let view = View::new("12 3456");
        let run = &runs(&view)[0];
        assert_eq!(run.digits(0, 2), [1, 2, 3, 4, 5, 6]);
        assert_eq!(run.count(0, 2), 6);
        assert_eq!(last4(&[1, 2, 3, 4, 5, 6]), "3456");
        assert_eq!(last4(&[1, 2]), "12");
        assert_eq!(value(&[0, 7]), 7);
    }
}
