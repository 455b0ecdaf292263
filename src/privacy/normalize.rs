//! The text as the detectors see it, so each of them handles one form of every character: full-
//! width letters, digits and punctuation as ASCII (`４１１１` is `4111`, `：` is `:`), other
//! compatibility forms folded as NFKC folds them (`①` is `1`), accents dropped, dashes as `-`,
//! zero-width, bidi and control characters gone, and white space as one space, one line break or
//! one paragraph break. Every character of the view knows the bytes of the original it came from,
//! so what is found is replaced in the text as the user typed it, and what is kept stays as typed.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::controls::is_invisible;

/// The folded text, by character, with where each character came from.
pub(super) struct View {
    chars: Vec<char>,
    /// The byte range of the original text each character of `chars` stands for.
    spans: Vec<(usize, usize)>,
    /// The original text's length in bytes.
    len: usize,
    /// The view as a string, for searches that work on bytes and for borrowing pieces of it.
    text: String,
    /// Where each view character starts in `text` (one more entry, for the end).
    starts: Vec<usize>,
}

impl View {
    pub(super) fn new(text: &str) -> View {
        let mut view = View {
            chars: Vec::with_capacity(text.len()),
            spans: Vec::with_capacity(text.len()),
            len: text.len(),
            text: String::new(),
            starts: Vec::new(),
        };
        let mut rest = text.char_indices().peekable();
        while let Some((at, c)) = rest.next() {
            let end = at + c.len_utf8();
            // Most characters are printable ASCII or common ideographs, which fold to themselves.
            if c.is_ascii_graphic() || is_unified_ideograph(c) {
                view.push(c, at, end);
                continue;
            }
            match c {
                '\r' if rest.peek().is_some_and(|&(_, n)| n == '\n') => {
                    // CR LF is one line break.
                    if let Some((at2, n)) = rest.next() {
                        view.space('\n', at, at2 + n.len_utf8());
                    }
                }
                '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    view.space('\n', at, end);
                }
                c if c.is_whitespace() => view.space(' ', at, end),
                c if is_invisible(c) => {}
                c => view.fold(c, at, end),
            }
        }
        view.index_text();
        view
    }

    /// Writes the view as a string, and where each of its characters is in it.
    fn index_text(&mut self) {
        let mut text = String::with_capacity(self.chars.len());
        let mut starts = Vec::with_capacity(self.chars.len() + 1);
        for &c in &self.chars {
            starts.push(text.len());
            text.push(c);
        }
        starts.push(text.len());
        (self.text, self.starts) = (text, starts);
    }

    /// White space: runs of spaces become one space, a line break with spaces around it one
    /// line break, two or more line breaks one paragraph break (two).
    fn space(&mut self, c: char, at: usize, end: usize) {
        let last = self.chars.last().copied();
        let before = self
            .chars
            .len()
            .checked_sub(2)
            .and_then(|i| self.chars.get(i))
            .copied();
        match (last, c) {
            (Some(' ' | '\n'), ' ') => self.extend_last(end),
            (Some(' '), '\n') => {
                if let Some(l) = self.chars.last_mut() {
                    *l = '\n';
                }
                self.extend_last(end);
            }
            (Some('\n'), '\n') if before == Some('\n') => self.extend_last(end),
            _ => self.push(c, at, end),
        }
    }

    fn extend_last(&mut self, end: usize) {
        if let Some(span) = self.spans.last_mut() {
            span.1 = end;
        }
    }

    fn push(&mut self, c: char, at: usize, end: usize) {
        self.chars.push(c);
        self.spans.push((at, end));
    }

    /// One visible character, folded.
    fn fold(&mut self, c: char, at: usize, end: usize) {
        if c.is_ascii() || is_hangul_syllable(c) {
            self.push(c, at, end);
            return;
        }
        if let Some(mapped) = punctuation(c) {
            self.push(mapped, at, end);
            return;
        }
        let mut folded = false;
        decompose_compatible(c, |d| {
            if is_combining_mark(d) || is_invisible(d) {
                return;
            }
            folded = true;
            let d = punctuation(d).unwrap_or(d);
            if d.is_whitespace() {
                self.space(' ', at, end);
            } else {
                self.push(d, at, end);
            }
        });
        if !folded && !is_combining_mark(c) {
            self.push(c, at, end);
        }
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    pub(super) fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The character before `i`.
    pub(super) fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.at(j))
    }

    pub(super) fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.at(i).is_some_and(f)
    }

    /// Where a run of characters matching `f` from `i` ends.
    pub(super) fn run_end(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while self.is(j, &f) {
            j += 1;
        }
        j
    }

    /// Like `run_end`, looking at no more than `cap` characters.
    pub(super) fn run_end_capped(&self, i: usize, cap: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while j - i < cap && self.is(j, &f) {
            j += 1;
        }
        j
    }

    /// Whether the view has `s` (ASCII letters in any case) at `i`.
    pub(super) fn has(&self, i: usize, s: &str) -> bool {
        // Byte by byte in the view's text: the same as character by character, since only
        // ASCII letters have another case.
        self.starts
            .get(i)
            .and_then(|&start| self.text.as_bytes().get(start..start + s.len()))
            .is_some_and(|there| there.eq_ignore_ascii_case(s.as_bytes()))
    }

    /// The characters `from..to` as a string.
    pub(super) fn string(&self, from: usize, to: usize) -> &str {
        match (self.starts.get(from), self.starts.get(to)) {
            (Some(&start), Some(&end)) => self.text.get(start..end).unwrap_or_default(),
            _ => "",
        }
    }

    /// The characters `from..to` with ASCII letters lower-cased, without allocating for a word.
    pub(super) fn lower(&self, from: usize, to: usize) -> Lower {
        let text = self.string(from, to);
        let mut bytes = [0u8; Lower::INLINE];
        match bytes.get_mut(..text.len()) {
            Some(inline) => {
                inline.copy_from_slice(text.as_bytes());
                inline.make_ascii_lowercase();
                Lower::Inline(bytes, text.len())
            }
            None => Lower::Heap(text.to_ascii_lowercase()),
        }
    }

    /// The view as a string, for searches that work on bytes.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The view character that byte `byte` of [`View::text`] belongs to (the view's length
    /// for its end).
    pub(super) fn char_at_byte(&self, byte: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= byte)
            .saturating_sub(1)
    }

    /// The original bytes that view characters `from..to` stand for.
    pub(super) fn bytes(&self, from: usize, to: usize) -> (usize, usize) {
        let start = self.spans.get(from).map_or(self.len, |s| s.0);
        let end = to
            .checked_sub(1)
            .and_then(|last| self.spans.get(last))
            .map_or(start, |s| s.1);
        (start, end.max(start))
    }
}

/// A piece of the view lower-cased: on the stack when it is as short as a word.
pub(super) enum Lower {
    Inline([u8; Lower::INLINE], usize),
    Heap(String),
}

impl Lower {
    const INLINE: usize = 32;

    pub(super) fn as_str(&self) -> &str {
        match self {
            Lower::Inline(bytes, len) => bytes
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Lower::Heap(text) => text,
        }
    }
}

/// Full-width and typographic punctuation the detectors treat as its ASCII form. NFKC already
/// folds the full-width forms; these are the ones it leaves alone.
fn punctuation(c: char) -> Option<char> {
    Some(match c {
        '\u{2010}'..='\u{2013}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{30fb}' | '\u{ff65}' | '\u{2027}' => '·',
        // A Chinese comma stays one: `384920，5分钟` is a code and a time, not `384,920.5`.
        '\u{ff0c}' => '，',
        _ => return None,
    })
}

/// Chinese, Japanese or Korean script, written without spaces between words.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// CJK and typographic punctuation left after folding: `。`, `、`, `「」`, curly quotes, dashes,
/// ellipses, arrows.
pub(super) fn is_wide_punct(c: char) -> bool {
    matches!(u32::from(c), 0x2014..=0x205E | 0x2190..=0x21FF | 0x3000..=0x303F | 0xFE10..=0xFE4F | 0xFF0C | 0xFF5F..=0xFF65)
}

/// An ASCII or full-width digit's value.
pub(super) fn fold_digit(c: char) -> Option<u8> {
    let c = match c {
        '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0)?,
        c => c,
    };
    c.to_digit(10).and_then(|d| u8::try_from(d).ok())
}

/// The CJK unified ideographs, which have no compatibility decomposition.
fn is_unified_ideograph(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        View::new(text).text().to_string()
    }

    #[test]
    fn full_width_and_compatibility_forms_fold_to_ascii() {
        assert_eq!(folded("４１１１　１１１１"), "4111 1111");
        assert_eq!(folded("ＧＢ８２ｗｅｓｔ"), "GB82west");
        assert_eq!(folded("验证码：１２３"), "验证码:123");
        assert_eq!(folded("１，２"), "1，2");
        assert_eq!(folded("①②③"), "123");
        assert_eq!(folded("café"), "cafe");
        // The half-width ideographic comma is the ideographic comma.
        assert_eq!(folded("1､2、3"), "1、2、3");
        // A combining mark on its own goes too.
        assert_eq!(folded("cafe\u{301}"), "cafe");
        assert_eq!(folded("4111–1111—1111"), "4111-1111—1111");
        // Middle dots of every script are one dot, a separator in numbers.
        assert_eq!(folded("4111・1111‧1111･1111"), "4111·1111·1111·1111");
    }

    #[test]
    fn invisible_characters_go_and_white_space_is_one_of_three() {
        assert_eq!(folded("41\u{200b}11\u{202e}"), "4111");
        assert_eq!(folded("a  \t b"), "a b");
        assert_eq!(folded("a \n  b"), "a\nb");
        assert_eq!(folded("a\r\nb"), "a\nb");
        assert_eq!(folded("a\n\n\n\nb"), "a\n\nb");
        assert_eq!(folded("a\u{a0}b"), "a b");
    }

    #[test]
    fn every_character_knows_where_it_came_from() {
        let text = "卡号 ４１１１\u{200b}１１";
        let view = View::new(text);
        let start = view.text().chars().position(|c| c == '4').unwrap();
        let (from, to) = view.bytes(start, view.len());
        assert_eq!(&text[from..to], "４１１１\u{200b}１１");
        assert_eq!(view.bytes(0, 0), (0, 0));
        assert_eq!(view.bytes(view.len(), view.len()), (text.len(), text.len()));
        // A run of white space is one view character that stands for all of it.
        let text = "a  \t b\n \n\n\nc";
        let view = View::new(text);
        assert_eq!(view.text(), "a b\n\nc");
        assert_eq!(view.bytes(1, 2), (1, 5));
        assert_eq!(view.bytes(3, 5), (6, 11));
    }

    #[test]
    fn a_capped_run_stops_at_its_cap() {
        let view = View::new("aaaaa");
        assert_eq!(view.run_end_capped(0, 3, |c| c == 'a'), 3);
        assert_eq!(view.run_end_capped(1, 9, |c| c == 'a'), 5);
        assert_eq!(view.run_end(2, |c| c == 'a'), 5);
    }

    #[test]
    fn hangul_and_chinese_stay_as_they_are() {
        assert_eq!(folded("한국어 中文"), "한국어 中文");
    }
}
