//! Text to search terms, the same way for a query and for the phrases it is matched against.
//!
//! English: lowercased words without stop-words, lightly stemmed (plurals, -ed, -ing, -ation,
//! British -ise), `n't` read as `not`, plus each pair of neighbouring words in alphabetical
//! order, so "card declined" and "declined card" share the pair. Chinese has no spaces:
//! every character and every two neighbouring characters are terms, a few traditional
//! characters read as simplified ones.
//!
//! This file uses only `std`: `build.rs` includes it to index the bundled phrases at build
//! time with exactly the code that reads a query at run time.

/// What a text is made of, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// A stemmed English word (or number) that is not a stop-word.
    Word(String),
    /// A run of Chinese characters, normalised.
    Han(String),
    /// Punctuation between words: no word pair spans it.
    Break,
}

/// The kinds of term, told apart by their text alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Pair,
    Han1,
    Han2,
}

impl Kind {
    pub fn of(term: &str) -> Kind {
        let mut chars = term.chars();
        match chars.next() {
            Some(c) if is_han(c) => {
                if chars.next().is_some() {
                    Kind::Han2
                } else {
                    Kind::Han1
                }
            }
            _ if term.contains(' ') => Kind::Pair,
            _ => Kind::Word,
        }
    }

    pub fn is_han(self) -> bool {
        matches!(self, Kind::Han1 | Kind::Han2)
    }

    /// How much a term of this kind counts: a word pair less than a word, as it is mostly
    /// the two words again; one Chinese character much less than two.
    pub fn weight(self) -> f32 {
        match self {
            Kind::Word | Kind::Han2 => 1.0,
            Kind::Pair => 0.6,
            Kind::Han1 => 0.5,
        }
    }
}

/// `text` with each variant spelling in `table` (`(variant, standard)`, longest first within
/// a shared start) replaced by the standard one: 登陆 → 登录, 体现 → 提现. Text without
/// Chinese is returned as it is.
pub fn standard_spelling<'t>(text: &'t str, table: &[(&str, &str)]) -> std::borrow::Cow<'t, str> {
    if text.is_ascii() || !table.iter().any(|(from, _)| text.contains(from)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (from, to) in table {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The terms of `text`, each once, sorted.
pub fn terms(text: &str) -> Vec<String> {
    terms_of(&pieces(text))
}

/// The terms of already split pieces, each once, sorted.
pub fn terms_of(pieces: &[Piece]) -> Vec<String> {
    let mut out = Vec::new();
    each_term(pieces, |term| out.push(term.to_string()));
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `f` with each term of `pieces`, repeats included: words, pairs of neighbouring
/// words, Chinese characters (but the commonest) and pairs of neighbouring characters.
pub fn each_term(pieces: &[Piece], mut f: impl FnMut(&str)) {
    let mut pair = String::new();
    let mut previous: Option<&str> = None;
    for piece in pieces {
        match piece {
            Piece::Word(word) => {
                f(word);
                if let Some(before) = previous
                    && before != word
                {
                    let (a, b) = if before < word.as_str() {
                        (before, word.as_str())
                    } else {
                        (word.as_str(), before)
                    };
                    pair.clear();
                    pair.push_str(a);
                    pair.push(' ');
                    pair.push_str(b);
                    f(&pair);
                }
                previous = Some(word);
            }
            Piece::Han(run) => {
                previous = None;
                let mut chars = run.char_indices().peekable();
                while let Some((at, c)) = chars.next() {
                    let end = at + c.len_utf8();
                    if !HAN_STOP.contains(c) {
                        f(run.get(at..end).unwrap_or_default());
                    }
                    if let Some(&(_, next)) = chars.peek() {
                        f(run.get(at..end + next.len_utf8()).unwrap_or_default());
                    }
                }
            }
            Piece::Break => previous = None,
        }
    }
}

/// Splits `text` into words, Chinese runs and breaks.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut han = String::new();
    for c in text.chars().map(normalize_char) {
        if is_han(c) {
            flush_word(&mut word, &mut out);
            han.push(c);
            continue;
        }
        flush_han(&mut han, &mut out);
        if c.is_alphanumeric() || (is_apostrophe(c) && !word.is_empty()) {
            word.extend(c.to_lowercase());
        } else {
            flush_word(&mut word, &mut out);
            if !c.is_whitespace() && c != '-' && c != '/' && out.last() != Some(&Piece::Break) {
                out.push(Piece::Break);
            }
        }
    }
    flush_word(&mut word, &mut out);
    flush_han(&mut han, &mut out);
    out
}

fn flush_han(han: &mut String, out: &mut Vec<Piece>) {
    if !han.is_empty() {
        out.push(Piece::Han(std::mem::take(han)));
    }
}

fn flush_word(word: &mut String, out: &mut Vec<Piece>) {
    if word.is_empty() {
        return;
    }
    let mut plain = std::mem::take(word);
    without_contraction(&mut plain);
    if plain.len() < 2 || STOP_WORDS.binary_search(&plain.as_str()).is_ok() {
        return;
    }
    if let Some((_, same)) = SAME_AS.iter().find(|(w, _)| *w == plain) {
        plain.clear();
        plain.push_str(same);
    }
    stem_in_place(&mut plain);
    out.push(Piece::Word(plain));
}

/// `didn't` → `not`, `it's` → `it`, `cant` → `not`.
fn without_contraction(word: &mut String) {
    let trimmed = word.trim_end_matches(is_apostrophe).len();
    word.truncate(trimmed);
    if let Some(at) = word.find(is_apostrophe) {
        let negation = word.split_at_checked(at).is_some_and(|(before, after)| {
            before.ends_with('n') && after.trim_start_matches(is_apostrophe) == "t"
        });
        word.truncate(at);
        if negation {
            word.clear();
            word.push_str("not");
        }
    } else if NEGATIONS.contains(&word.as_str()) {
        word.clear();
        word.push_str("not");
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Chinese characters: the unified ideographs, extension A and the compatibility block.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Full-width letters and digits as ASCII; a few traditional characters as simplified ones.
fn normalize_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ if is_han(c) => TRADITIONAL
            .binary_search(&c)
            .ok()
            .and_then(|n| SIMPLIFIED.get(n).copied())
            .unwrap_or(c),
        _ => c,
    }
}

/// A light English stemmer: enough that plurals, tenses and -ation forms meet, and British
/// and American spellings too. Not a linguist's stemmer; both sides go through it.
pub fn stem(word: &str) -> String {
    let mut s = word.to_string();
    stem_in_place(&mut s);
    s
}

fn stem_in_place(s: &mut String) {
    if !s.is_ascii() || s.len() <= 3 || s.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // Plurals.
    if s.ends_with("ies") && s.len() > 4 {
        s.truncate(s.len() - 3);
        s.push('i');
    } else if s.ends_with("sses") {
        s.truncate(s.len() - 2);
    } else if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
    }
    // Tenses and -ation.
    if s.ends_with("ied") && s.len() > 4 {
        s.truncate(s.len() - 3);
        s.push('i');
    } else if let Some(base) = base_len(s, "ed").or_else(|| base_len(s, "ing")) {
        s.truncate(base);
        undouble(s);
    } else if let Some(base) = base_len(s, "ication") {
        s.truncate(base);
        s.push('i');
    } else if let Some(base) = base_len(s, "ation") {
        s.truncate(base);
        undouble(s);
    }
    // verify / verifies / verified all end in -i; British -ise / -ised as -ize.
    if s.len() > 3 && s.strip_suffix('y').is_some_and(|base| !ends_in_vowel(base)) {
        s.pop();
        s.push('i');
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    if s.len() > 5 && s.ends_with("is") {
        s.pop();
        s.push('z');
    }
}

/// The length of `word` without `suffix`, if what remains has at least three letters and
/// a vowel.
fn base_len(word: &str, suffix: &str) -> Option<usize> {
    let base = word.strip_suffix(suffix)?;
    (base.len() >= 3 && base.bytes().any(|b| b"aeiouy".contains(&b))).then_some(base.len())
}

/// `topp` → `top`, `transferr` → `transfer`, `cancell` → `cancel`, but `bill` stays.
fn undouble(s: &mut String) {
    let n = s.len();
    let mut last = s.bytes().rev();
    let (Some(end), before) = (last.next(), last.next()) else {
        return;
    };
    let doubled = before == Some(end) && !b"aeiou".contains(&end);
    let keep = b"lsz".contains(&end) && n < 6;
    if doubled && !keep {
        s.pop();
    }
}

fn ends_in_vowel(s: &str) -> bool {
    s.bytes().last().is_some_and(|b| b"aeiou".contains(&b))
}

/// Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "hello",
    "her",
    "here",
    "hey",
    "hi",
    "him",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "know",
    "let",
    "like",
    "me",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "need",
    "now",
    "of",
    "ok",
    "okay",
    "on",
    "one",
    "or",
    "our",
    "out",
    "please",
    "pls",
    "she",
    "should",
    "so",
    "some",
    "someone",
    "something",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "too",
    "up",
    "us",
    "very",
    "want",
    "was",
    "we",
    "were",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
];

const NEGATIONS: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt",
    "havent", "isnt", "never", "no", "not", "shouldnt", "wasnt", "werent", "wont", "wouldnt",
];

/// Words read as another before stemming: one written for two (the second being a
/// stop-word) and irregular forms.
const SAME_AS: &[(&str, &str)] = &[
    ("cashout", "cash"),
    ("got", "get"),
    ("gotten", "get"),
    ("login", "log"),
    ("logon", "log"),
    ("lost", "lose"),
    ("paid", "pay"),
    ("sent", "send"),
    ("signin", "sign"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("taken", "take"),
    ("took", "take"),
    ("topup", "top"),
    ("topups", "top"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
];

/// Characters too common to mean anything on their own; they still count in pairs.
const HAN_STOP: &str = "的了吗呢吧啊呀哦嘛我你他她它们是在和就也都很么这那个一把让得着过请您";

/// Traditional characters users type for the simplified ones in our phrases (and 帐 for 账),
/// sorted: `TRADITIONAL[n]` reads as `SIMPLIFIED[n]`.
const TRADITIONAL: [char; 100] = [
    '丟', '來', '個', '們', '凍', '別', '務', '匯', '問', '單', '嗎', '實', '寶', '帐', '帳', '幣',
    '幫', '從', '態', '應', '戶', '掃', '換', '據', '敗', '時', '機', '沒', '為', '無', '狀', '現',
    '異', '當', '盜', '碼', '簡', '紀', '結', '絡', '給', '綁', '網', '續', '臉', '華', '處', '號',
    '複', '訂', '託', '記', '設', '訴', '詐', '話', '認', '說', '請', '證', '識', '讓', '買', '貸',
    '費', '資', '賣', '賬', '購', '軟', '載', '轉', '這', '進', '過', '遺', '還', '銀', '銷', '錄',
    '錢', '鎖', '閃', '閉', '開', '間', '關', '際', '險', '電', '頁', '題', '額', '顯', '風', '餘',
    '騙', '驗', '體', '麼',
];
const SIMPLIFIED: [char; 100] = [
    '丢', '来', '个', '们', '冻', '别', '务', '汇', '问', '单', '吗', '实', '宝', '账', '账', '币',
    '帮', '从', '态', '应', '户', '扫', '换', '据', '败', '时', '机', '没', '为', '无', '状', '现',
    '异', '当', '盗', '码', '简', '纪', '结', '络', '给', '绑', '网', '续', '脸', '华', '处', '号',
    '复', '订', '托', '记', '设', '诉', '诈', '话', '认', '说', '请', '证', '识', '让', '买', '贷',
    '费', '资', '卖', '账', '购', '软', '载', '转', '这', '进', '过', '遗', '还', '银', '销', '录',
    '钱', '锁', '闪', '闭', '开', '间', '关', '际', '险', '电', '页', '题', '额', '显', '风', '余',
    '骗', '验', '体', '么',
];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Word(w) => Some(w),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn word_lists_are_well_formed() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "stop-words sorted"
        );
        assert!(TRADITIONAL.is_sorted(), "traditional characters sorted");
    }

    #[test]
    fn inflections_meet() {
        for group in [
            &["decline", "declined", "declines", "declining"][..],
            &["charge", "charged", "charges", "charging"],
            &["transfer", "transferred", "transfers", "transferring"],
            &[
                "verify",
                "verified",
                "verifies",
                "verifying",
                "verification",
            ],
            &["top", "topped", "topping", "tops"],
            &["cancel", "cancelled", "canceled", "cancellation"],
            &["recognise", "recognize", "recognised", "recognized"],
            &["fee", "fees"],
            &["steal", "stolen", "stole"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| words(w).join(" ")).collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{group:?} → {stems:?}"
            );
        }
        assert_ne!(stem("bill"), stem("bi"));
    }

    #[test]
    fn english_drops_stop_words_and_reads_negations() {
        assert_eq!(
            words("Why didn't my top-up arrive?"),
            ["not", "top", "arriv"]
        );
        assert_eq!(words("I can't log in"), ["not", "log"]);
        assert_eq!(words("ＰａｙＰａｌ topup"), ["paypal", "top"]);
    }

    #[test]
    fn neighbouring_words_pair_in_either_order() {
        let a = terms("card declined");
        let b = terms("declined card!");
        assert_eq!(a, b);
        assert!(a.contains(&"card declin".to_string()), "{a:?}");
        let broken = terms("card. declined");
        assert!(!broken.contains(&"card declin".to_string()), "{broken:?}");
    }

    #[test]
    fn chinese_gives_characters_and_character_pairs() {
        let t = terms("充值没到账");
        for expected in ["充", "充值", "值没", "没到", "到账", "账"] {
            assert!(t.contains(&expected.to_string()), "{expected} in {t:?}");
        }
        assert!(!terms("我的").contains(&"我".to_string()));
        assert_eq!(
            terms("充值沒到帳"),
            t,
            "traditional and 帐 read as simplified"
        );
        assert_eq!(Kind::of("充值"), Kind::Han2);
        assert_eq!(Kind::of("充"), Kind::Han1);
        assert_eq!(Kind::of("card declin"), Kind::Pair);
        assert_eq!(Kind::of("card"), Kind::Word);
    }

    #[test]
    fn mixed_text_keeps_both_scripts() {
        let t = terms("PayPal 充值没到账");
        assert!(t.contains(&"paypal".to_string()) && t.contains(&"充值".to_string()));
        let t = terms("App闪退");
        assert!(t.contains(&"app".to_string()) && t.contains(&"闪退".to_string()));
    }
}
