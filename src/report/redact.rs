//! Secrets never leave the tool in a report: free text is scanned here, passwords, PINs, CVVs,
//! codes and seed phrases are removed, and card numbers, IBANs and China ID numbers are masked
//! to their last 4, because support never needs them and reports get forwarded and stored
//! (SPEC "Privacy", research §7).
//!
//! One hand-written pass over the characters, no regex:
//!
//! - a secret label (`password`, `PIN`, `CVV`, `code`, `验证码`, `seed phrase`, …) followed by a
//!   value that looks like that secret loses the value; the label stays so the text still reads;
//!   a value never takes just the start of a card, ID number or IBAN, which is masked whole;
//! - a run of digits (ASCII or full-width, groups joined by single spaces or dashes) is checked
//!   for card numbers (Luhn, or `62…` of 16–19 digits) and China ID numbers (check character,
//!   `X` included, and birth date); a contiguous run of digits is all or nothing, so a 28-digit
//!   transaction id is never partly masked;
//! - a word shaped like an IBAN, alone or followed by groups (spaces or dashes, full-width
//!   characters too), is checked with mod 97 and its country's length.
//!
//! Amounts, dates, times, transaction ids, order numbers and error codes fail those checks and
//! stay as typed. Where a question says what its answer is, a [`Policy`] keeps more: the codes
//! of an error message, the digits of an order or transaction number.

use serde::Serialize;

/// What was changed, for the report's `redactions` list and the receipt the user sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    CardNumber,
    Iban,
    IdNumber,
    Password,
    Pin,
    Cvv,
    VerificationCode,
    SeedPhrase,
}

impl Kind {
    /// The kebab-case name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            Kind::CardNumber => "card-number",
            Kind::Iban => "iban",
            Kind::IdNumber => "id-number",
            Kind::Password => "password",
            Kind::Pin => "pin",
            Kind::Cvv => "cvv",
            Kind::VerificationCode => "verification-code",
            Kind::SeedPhrase => "seed-phrase",
        }
    }
}

/// Free text with secrets removed or masked, and what was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redacted {
    pub text: String,
    pub changes: Vec<Kind>,
}

/// What one question's answer may keep that a plain scan would change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    /// The answer is an error message: a number after a label such as "code", "error", "错误码",
    /// "错误代码" is an error code and stays — unless the label names a one-time or security
    /// code (verification code, OTP, SMS code, security code, CVV, 验证码, 动态码, 校验码, 短信码,
    /// 安全码…), which is still removed. A card or ID number is still masked: no error code is
    /// 13 or more digits long.
    pub keep_error_codes: bool,
    /// The answer is a reference (an order or transaction number): runs of digits are ids and
    /// are never masked as card or ID numbers. Labelled secrets (password, PIN, codes) are still
    /// removed, and IBANs still masked.
    pub keep_references: bool,
}

/// Scans free text typed by a user, as an answer that says nothing of what it is.
///
/// Never panics; the work is linear in the length of the text.
pub fn redact(text: &str) -> Redacted {
    redact_with(text, Policy::default())
}

/// Scans free text typed by a user, keeping what `policy` allows.
///
/// Never panics; the work is linear in the length of the text.
pub fn redact_with(text: &str, policy: Policy) -> Redacted {
    let scan = Scan::new(text, policy);
    let hits = scan.hits();
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::with_capacity(hits.len());
    let mut from = 0;
    for hit in hits {
        out.push_str(scan.slice(from, hit.start));
        out.push_str(&hit.replacement);
        changes.push(hit.kind);
        from = hit.end;
    }
    out.push_str(scan.slice(from, scan.chars.len()));
    Redacted { text: out, changes }
}

/// An email address with most of its local part hidden: `j***@example.com` (keeps the first
/// character and the domain). Input is a normalised address.
///
/// Always three stars, so the mask does not tell how long the local part is.
pub fn mask_email(address: &str) -> String {
    let (local, domain) = match address.rsplit_once('@') {
        Some((local, domain)) => (local, Some(domain)),
        None => (address, None),
    };
    let first: String = local.chars().take(1).collect();
    match domain {
        Some(domain) => format!("{first}***@{domain}"),
        None => format!("{first}***"),
    }
}

/// What a removed value becomes.
const REMOVED: &str = "[removed]";

/// How a label's value is recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// Any word that is not an ordinary English word (`wrong`, `reset`, …).
    Password,
    /// 4–12 digits, else a password-like word (a payment password is a PIN).
    Pin,
    /// 3–4 digits.
    Cvv,
    /// 3–4 digits (a CVV) or 5–8 digits (a one-time code).
    SecurityCode,
    /// 4–8 digits.
    Code,
    /// 4–8 digits, unless the label reads `error code`, `promo code`, …, or the answer is an
    /// error message and the label does not read `2FA code`, `login code`, `短信code`, ….
    BareCode,
    /// Words to the end of the sentence, or one long key.
    Seed,
}

/// Secret labels, matched case-insensitively. The longest label starting at a place wins, so
/// `支付密码` is a PIN although `密码` is a password. In a label, a space or dash matches
/// either.
const LABELS: &[(&str, Rule)] = &[
    ("password", Rule::Password),
    ("passcode", Rule::Password),
    ("pass code", Rule::Password),
    ("passwd", Rule::Password),
    ("passphrase", Rule::Password),
    ("pwd", Rule::Password),
    ("密码", Rule::Password),
    ("登录密码", Rule::Password),
    ("登陆密码", Rule::Password),
    ("口令", Rule::Password),
    ("pin", Rule::Pin),
    ("pin code", Rule::Pin),
    ("pin number", Rule::Pin),
    ("pin码", Rule::Pin),
    ("payment password", Rule::Pin),
    ("支付密码", Rule::Pin),
    ("付款密码", Rule::Pin),
    ("交易密码", Rule::Pin),
    ("取款密码", Rule::Pin),
    ("卡密码", Rule::Pin),
    ("cvv", Rule::Cvv),
    ("cvv2", Rule::Cvv),
    ("cvc", Rule::Cvv),
    ("cvc2", Rule::Cvv),
    ("cvn", Rule::Cvv),
    ("cvv码", Rule::Cvv),
    ("security code", Rule::SecurityCode),
    ("安全码", Rule::SecurityCode),
    ("校验码", Rule::SecurityCode),
    ("verification code", Rule::Code),
    ("otp", Rule::Code),
    ("otp code", Rule::Code),
    ("one-time code", Rule::Code),
    ("one-time password", Rule::Code),
    ("one-time passcode", Rule::Code),
    ("sms code", Rule::Code),
    ("验证码", Rule::Code),
    ("动态码", Rule::Code),
    ("短信码", Rule::Code),
    ("动态密码", Rule::Code),
    ("一次性密码", Rule::Code),
    ("code", Rule::BareCode),
    ("seed phrase", Rule::Seed),
    ("seed words", Rule::Seed),
    ("recovery phrase", Rule::Seed),
    ("backup phrase", Rule::Seed),
    ("mnemonic", Rule::Seed),
    ("mnemonic phrase", Rule::Seed),
    ("private key", Rule::Seed),
    ("助记词", Rule::Seed),
    ("私钥", Rule::Seed),
];

/// Words before `code` that make it a code support needs (`error code 1002`).
const PUBLIC_CODES: &[&str] = &[
    "error",
    "err",
    "status",
    "response",
    "reason",
    "result",
    "return",
    "decline",
    "declined",
    "failure",
    "reference",
    "ref",
    "promo",
    "promotion",
    "coupon",
    "discount",
    "gift",
    "invite",
    "invitation",
    "referral",
    "zip",
    "postal",
    "post",
    "area",
    "country",
    "currency",
    "bank",
    "branch",
    "sort",
    "swift",
    "bic",
    "routing",
    "merchant",
    "qr",
    "bar",
    "product",
    "tracking",
    "order",
    "transaction",
];

/// Words before `code` that make it a one-time or security code (`2FA code 482913`), even in
/// an error message.
const SECRET_CODES: &[&str] = &[
    "2fa",
    "mfa",
    "auth",
    "authentication",
    "authenticator",
    "authorization",
    "login",
    "logon",
    "signin",
    "access",
    "confirmation",
    "security",
    "secret",
    "sms",
    "text",
    "email",
    "verify",
    "backup",
    "recovery",
    "unlock",
    "activation",
    "pin",
    "cvv",
    "cvc",
    "otp",
];

/// Chinese words right before `code` that make it a one-time or security code (`短信code`).
const SECRET_CODES_ZH: &[&str] = &["验证", "短信", "动态", "安全", "校验", "登录", "授权"];

/// Ordinary words that follow a label in a description, not a secret (`password is wrong`).
const PLAIN_WORDS: &[&str] = &[
    "a",
    "all",
    "also",
    "always",
    "an",
    "and",
    "at",
    "been",
    "being",
    "blocked",
    "both",
    "broken",
    "but",
    "by",
    "can't",
    "cannot",
    "case",
    "changed",
    "compromised",
    "correct",
    "declined",
    "definitely",
    "didn't",
    "different",
    "disabled",
    "doesn't",
    "don't",
    "empty",
    "entered",
    "expired",
    "expiring",
    "field",
    "fine",
    "fixed",
    "for",
    "forgot",
    "forgotten",
    "from",
    "frozen",
    "hacked",
    "here",
    "hidden",
    "i",
    "in",
    "incorrect",
    "invalid",
    "is",
    "isn't",
    "it",
    "just",
    "leaked",
    "locked",
    "long",
    "lost",
    "mine",
    "missing",
    "my",
    "needed",
    "never",
    "new",
    "no",
    "not",
    "nothing",
    "now",
    "of",
    "ok",
    "okay",
    "old",
    "on",
    "only",
    "or",
    "our",
    "probably",
    "received",
    "rejected",
    "required",
    "reset",
    "right",
    "safe",
    "same",
    "saved",
    "secret",
    "sent",
    "set",
    "short",
    "something",
    "stolen",
    "still",
    "strong",
    "suspended",
    "that",
    "the",
    "their",
    "there",
    "this",
    "to",
    "too",
    "unknown",
    "updated",
    "valid",
    "very",
    "was",
    "wasn't",
    "weak",
    "what",
    "which",
    "with",
    "working",
    "wrong",
    "your",
];

/// How Chinese descriptions after `密码：` begin (`错误`, `不对`, `忘了`, …).
const PLAIN_ZH: &[&str] = &[
    "错", "不", "忘", "正确", "对", "已", "被", "无效", "过期", "失效", "输错", "重置", "修改",
    "没", "未", "一直", "还是", "是", "在",
];

/// IBAN lengths by country: the SWIFT IBAN registry (research §7.5 lists the common ones).
/// Codes outside it (partly adopted IBANs) may be 15–34 characters.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("NO", 15),
    ("BE", 16),
    ("DK", 18),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("GL", 18),
    ("NL", 18),
    ("SD", 18),
    ("MK", 19),
    ("SI", 19),
    ("AT", 20),
    ("BA", 20),
    ("EE", 20),
    ("KZ", 20),
    ("LT", 20),
    ("LU", 20),
    ("MN", 20),
    ("XK", 20),
    ("CH", 21),
    ("HR", 21),
    ("LI", 21),
    ("LV", 21),
    ("BG", 22),
    ("BH", 22),
    ("CR", 22),
    ("DE", 22),
    ("GB", 22),
    ("GE", 22),
    ("IE", 22),
    ("ME", 22),
    ("RS", 22),
    ("VA", 22),
    ("AE", 23),
    ("GI", 23),
    ("IL", 23),
    ("IQ", 23),
    ("OM", 23),
    ("SO", 23),
    ("TL", 23),
    ("AD", 24),
    ("CZ", 24),
    ("ES", 24),
    ("MD", 24),
    ("PK", 24),
    ("RO", 24),
    ("SA", 24),
    ("SE", 24),
    ("SK", 24),
    ("TN", 24),
    ("VG", 24),
    ("LY", 25),
    ("PT", 25),
    ("ST", 25),
    ("IS", 26),
    ("TR", 26),
    ("BI", 27),
    ("DJ", 27),
    ("FR", 27),
    ("GR", 27),
    ("IT", 27),
    ("MC", 27),
    ("MR", 27),
    ("SM", 27),
    ("AL", 28),
    ("AZ", 28),
    ("BY", 28),
    ("CY", 28),
    ("DO", 28),
    ("GT", 28),
    ("HN", 28),
    ("HU", 28),
    ("LB", 28),
    ("NI", 28),
    ("PL", 28),
    ("SV", 28),
    ("BR", 29),
    ("EG", 29),
    ("PS", 29),
    ("QA", 29),
    ("UA", 29),
    ("JO", 30),
    ("KW", 30),
    ("MU", 30),
    ("YE", 30),
    ("MT", 31),
    ("SC", 31),
    ("LC", 32),
    ("RU", 33),
];

/// GB 11643-1999 (ISO 7064 MOD 11-2) weights and check characters.
const ID_WEIGHTS: [usize; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Province codes that begin a legacy 15-digit ID number.
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// One change: chars `start..end` become `replacement`.
struct Hit {
    start: usize,
    end: usize,
    replacement: String,
    kind: Kind,
}

/// How a label is joined to its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// Nothing, or only spaces: `pin 1234`.
    Bare,
    /// A verb: `password is …`, `验证码是 …`.
    Word,
    /// A colon or equals sign: `password: …`, `验证码：…`.
    Punct,
}

struct Scan<'a> {
    policy: Policy,
    text: &'a str,
    chars: Vec<char>,
    /// The byte offset of each char, then the text's length.
    offsets: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, policy: Policy) -> Scan<'a> {
        let (mut offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        offsets.push(text.len());
        Scan {
            policy,
            text,
            chars,
            offsets,
        }
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        let byte = |i: usize| self.offsets.get(i).copied().unwrap_or(self.text.len());
        self.text.get(byte(from)..byte(to)).unwrap_or("")
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.at(j))
    }

    fn digit(&self, i: usize) -> Option<u8> {
        self.at(i).and_then(digit)
    }

    fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.at(i).is_some_and(f)
    }

    /// Where a run of chars matching `f` from `i` ends.
    fn run_end(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while self.is(j, &f) {
            j += 1;
        }
        j
    }

    /// Like `run_end`, looking at no more than `cap` chars.
    fn run_end_capped(&self, i: usize, cap: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while j - i < cap && self.is(j, &f) {
            j += 1;
        }
        j
    }

    fn digits(&self, from: usize, to: usize) -> Vec<u8> {
        self.chars
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter_map(|&c| digit(c))
            .collect()
    }

    fn starts_with(&self, i: usize, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    /// Everything to change, in order.
    fn hits(&self) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while let Some(c) = self.at(i) {
            if let Some((end, rule)) = self.label_at(i) {
                match self.value(i, end, rule) {
                    Some(hit) => {
                        i = hit.end;
                        hits.push(hit);
                    }
                    None => i = end,
                }
            } else if digit(c).is_some() {
                i = if self.policy.keep_references {
                    // A reference: its digits are an id, whatever they would pass.
                    self.run_end(i, |c| digit(c).is_some())
                } else {
                    self.number_at(i, &mut hits)
                };
            } else if is_letter(c) {
                if !self.before(i).is_some_and(is_alphanumeric)
                    && let Some(hit) = self.iban_at(i)
                {
                    i = hit.end;
                    hits.push(hit);
                    continue;
                }
                // Words are skipped whole: nothing starts inside `E1002` or `TX4111…`.
                i = self.run_end(i, is_alphanumeric);
            } else {
                i += 1;
            }
        }
        hits
    }

    // Labels and their values.

    /// The longest label starting at `i`: where it ends and how its value is recognised.
    fn label_at(&self, i: usize) -> Option<(usize, Rule)> {
        let c = self.at(i)?.to_ascii_lowercase();
        if !may_start_label(c) {
            return None;
        }
        let after_word = self.before(i).is_some_and(|p| p.is_ascii_alphanumeric());
        let mut best: Option<(usize, Rule)> = None;
        for &(label, rule) in LABELS {
            let first = label.chars().next();
            if first != Some(c) || (c.is_ascii() && after_word) {
                continue;
            }
            if let Some(end) = self.match_label(i, label)
                && best.is_none_or(|(e, _)| end > e)
            {
                best = Some((end, rule));
            }
        }
        best
    }

    fn match_label(&self, i: usize, label: &str) -> Option<usize> {
        let mut j = i;
        for l in label.chars() {
            let c = self.at(j)?.to_ascii_lowercase();
            let same = match l {
                ' ' | '-' => c == ' ' || c == '-',
                _ => c == l,
            };
            if !same {
                return None;
            }
            j += 1;
        }
        // `pin` is not the start of `pinned`; `密码` needs no such boundary.
        let ascii_end = label.chars().last().is_some_and(|l| l.is_ascii());
        (!(ascii_end && self.is(j, |c| c.is_ascii_alphabetic()))).then_some(j)
    }

    /// The value after the label `start..end`, if it looks like the secret the label names.
    fn value(&self, start: usize, end: usize, rule: Rule) -> Option<Hit> {
        let (p, link) = self.connector(end);
        // A value already taken out (`password: [removed]`, a report's answer scanned
        // again) is no secret, and scanning it again must change nothing.
        if self.starts_with_marker(p) {
            return None;
        }
        // Without a colon or verb a value must be set apart by a space, except after Chinese
        // (`密码abc123`), which is written without spaces.
        let apart = p > end || self.before(end).is_some_and(is_cjk);
        let (from, to, kind) = match rule {
            Rule::Password => {
                let (from, to) = self.password(end, p, link, apart)?;
                (from, to, Kind::Password)
            }
            Rule::Pin => {
                let (from, to) = match self.digits_value(p, 4, 12) {
                    Some((to, _)) => (p, to),
                    None => self.password(end, p, link, apart)?,
                };
                (from, to, Kind::Pin)
            }
            Rule::Cvv => (p, self.digits_value(p, 3, 4)?.0, Kind::Cvv),
            Rule::SecurityCode => {
                let (to, count) = self.digits_value(p, 3, 8)?;
                let kind = if count <= 4 {
                    Kind::Cvv
                } else {
                    Kind::VerificationCode
                };
                (p, to, kind)
            }
            Rule::Code => (p, self.digits_value(p, 4, 8)?.0, Kind::VerificationCode),
            Rule::BareCode => {
                if self.after_public_word(start) || self.is_error_code(start) {
                    return None;
                }
                (p, self.digits_value(p, 4, 8)?.0, Kind::VerificationCode)
            }
            Rule::Seed => (p, self.seed(p, link, apart)?, Kind::SeedPhrase),
        };
        let to = self.before_cut_number(from, to)?;
        Some(Hit {
            start: from,
            end: to,
            replacement: REMOVED.to_string(),
            kind,
        })
    }

    /// Whether the text at `at` is the mark left where a secret was removed, in either
    /// language, quoted or not.
    fn starts_with_marker(&self, at: usize) -> bool {
        let at = if self.at(at).is_some_and(|c| closing_quote(c).is_some()) {
            at + 1
        } else {
            at
        };
        [REMOVED, "[已删除]"].iter().any(|marker| {
            marker
                .chars()
                .enumerate()
                .all(|(i, m)| self.at(at + i) == Some(m))
        })
    }

    /// Where a card number, ID number or IBAN starts in the last word of the value `from..to`
    /// and runs on past it (`PIN 4111 1111 1111 1111`, `密码 GB82 WEST 1234 …`): removing the
    /// value would leave the rest of the number. Digits are never a number to mask in a
    /// reference.
    fn number_cut_at(&self, from: usize, to: usize) -> Option<usize> {
        let mut k = to;
        while k > from && self.is_before(k, |c| is_alphanumeric(c) || c == '-') {
            k -= 1;
        }
        k = self.run_end(k, |c| c == '-').min(to);
        let number_end = match self.at(k)? {
            c if digit(c).is_some() && !self.policy.keep_references => {
                let mut probe = Vec::new();
                self.number_at(k, &mut probe);
                probe.first().filter(|hit| hit.start == k)?.end
            }
            c if is_letter(c) => self.iban_at(k)?.end,
            _ => return None,
        };
        (number_end > to).then_some(k)
    }

    /// The value `from..to` without a number it cuts (see `number_cut_at`), which is masked
    /// whole instead. Where it ends, if anything worth removing is left.
    fn before_cut_number(&self, from: usize, to: usize) -> Option<usize> {
        let Some(cut) = self.number_cut_at(from, to) else {
            return Some(to);
        };
        let mut to = cut;
        while to > from && !self.is_before(to, |c| is_alphanumeric(c) || is_cjk(c)) {
            to -= 1;
        }
        (to > from && !self.is_plain(from, to)).then_some(to)
    }

    /// Skips what joins a label to its value: spaces, `:`, `=`, `is`, `was`, `是`, `为`.
    fn connector(&self, end: usize) -> (usize, Link) {
        let spaces = |i: usize| self.run_end(i, |c| c.is_whitespace() && c != '\n' && c != '\r');
        let mut p = spaces(end);
        let mut link = Link::Bare;
        if self.is(p, is_link_punct) {
            link = Link::Punct;
            p = spaces(p + 1);
        }
        if let Some(q) = self.link_word(p) {
            p = spaces(q);
            if link == Link::Bare {
                link = Link::Word;
                if self.is(p, is_link_punct) {
                    link = Link::Punct;
                    p = spaces(p + 1);
                }
            }
        }
        (p, link)
    }

    fn link_word(&self, p: usize) -> Option<usize> {
        for word in ["is", "was", "就是", "是", "为", "為"] {
            let len = word.chars().count();
            let matches = word
                .chars()
                .enumerate()
                .all(|(k, w)| self.at(p + k).map(|c| c.to_ascii_lowercase()) == Some(w));
            if matches && !(word.is_ascii() && self.is(p + len, |c| c.is_ascii_alphabetic())) {
                return Some(p + len);
            }
        }
        None
    }

    /// `min..=max` digits at `p`, maybe in two or more groups of 3+ (`482 913`, `482-913`),
    /// not running on into a longer number, a date, a time or a decimal. Where they end and
    /// how many.
    fn digits_value(&self, p: usize, min: usize, max: usize) -> Option<(usize, usize)> {
        let count_at = |i: usize| self.run_end_capped(i, max + 1, |c| digit(c).is_some()) - i;
        let first = count_at(p);
        if first == 0 || first > max {
            return None;
        }
        let (mut q, mut count, mut last) = (p + first, first, first);
        while last >= 3 && self.is(q, |c| c == ' ' || c == '-') {
            let next = count_at(q + 1);
            if next < 3 || count + next > max {
                break;
            }
            q += 1 + next;
            count += next;
            last = next;
        }
        let runs_on = match self.at(q) {
            Some(c) if digit(c).is_some() || c.is_ascii_alphabetic() => true,
            Some('.' | ':' | '/' | '-') => self.digit(q + 1).is_some(),
            Some(' ') => count_at(q + 1) >= 3,
            _ => false,
        };
        (!runs_on && count >= min).then_some((q, count))
    }

    /// Whether the word before the label at `start` makes `code` a public one (`error code`).
    fn after_public_word(&self, start: usize) -> bool {
        PUBLIC_CODES.contains(&self.word_before(start).as_str())
    }

    /// Whether `code` at `start` is an error code: the answer is an error message, and no word
    /// before it names a one-time or security code (`2FA code`, `短信code`).
    fn is_error_code(&self, start: usize) -> bool {
        if !self.policy.keep_error_codes {
            return false;
        }
        let secret = SECRET_CODES.contains(&self.word_before(start).as_str())
            || SECRET_CODES_ZH
                .iter()
                .any(|w| self.ends_with(self.skip_spaces_back(start), w));
        !secret
    }

    /// The ASCII word before `start`, lowercase, across up to 3 spaces or tabs.
    fn word_before(&self, start: usize) -> String {
        let mut j = self.skip_spaces_back(start);
        let mut word = String::new();
        while word.len() <= 14 && self.is_before(j, |c| c.is_ascii_alphanumeric()) {
            j -= 1;
            word.insert(0, self.at(j).unwrap_or(' ').to_ascii_lowercase());
        }
        word
    }

    /// Back from `start` over up to 3 spaces or tabs.
    fn skip_spaces_back(&self, start: usize) -> usize {
        let mut j = start;
        while start - j < 3 && self.is_before(j, |c| c == ' ' || c == '\t') {
            j -= 1;
        }
        j
    }

    fn ends_with(&self, end: usize, s: &str) -> bool {
        end.checked_sub(s.chars().count())
            .is_some_and(|from| self.starts_with(from, s))
    }

    fn is_before(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.before(i).is_some_and(f)
    }

    /// A password-like value at `p` after a label ending at `label_end`: a quoted string, a
    /// word, or (after `:`) a Chinese phrase. Its span.
    fn password(
        &self,
        label_end: usize,
        p: usize,
        link: Link,
        apart: bool,
    ) -> Option<(usize, usize)> {
        let c = self.at(p)?;
        if let Some(close) = closing_quote(c) {
            // `"password" field` quotes the label, not a value.
            if p == label_end {
                return None;
            }
            let from = p + 1;
            let to = self.run_end_capped(from, 128, |d| d != close && d != '\n');
            let closed = self.at(to) == Some(close);
            return (closed && to > from && !self.is_plain(from, to)).then_some((from, to));
        }
        if c.is_whitespace() || is_stop_punct(c) {
            return None;
        }
        if is_cjk(c) {
            // `密码：我的生日` is a value; `密码错误`, `密码是对的` describe.
            if link != Link::Punct {
                return None;
            }
            let to = self.run_end(p, |d| {
                !d.is_whitespace() && !d.is_ascii_punctuation() && !is_cjk_punct(d)
            });
            return (!self.is_plain(p, to)).then_some((p, to));
        }
        let mut to = self.run_end(p, |d| !d.is_whitespace() && !is_cjk(d) && !is_cjk_punct(d));
        while to > p
            && self.is(to - 1, |d| {
                matches!(d, '.' | ',' | ';' | ':' | ')' | ']' | '}')
            })
        {
            to -= 1;
        }
        let len = to - p;
        if len == 0 || self.is_plain(p, to) {
            return None;
        }
        let looks_secret = match link {
            Link::Punct => true,
            Link::Word => len >= 4,
            // `password hunter2`, but not `password reset` or `wrong password 3 times`.
            Link::Bare => {
                apart
                    && len >= 4
                    && (p..to).any(|i| self.digit(i).is_some())
                    && !self.is_number_like(p, to)
            }
        };
        looks_secret.then_some((p, to))
    }

    /// An ordinary word or Chinese description, not a secret.
    fn is_plain(&self, from: usize, to: usize) -> bool {
        if PLAIN_ZH.iter().any(|w| self.starts_with(from, w)) {
            return true;
        }
        let Some(chars) = self.chars.get(from..to) else {
            return false;
        };
        if chars.len() > 16 || !chars.iter().all(|c| c.is_ascii_alphabetic() || *c == '\'') {
            return false;
        }
        let word: String = chars.iter().map(char::to_ascii_lowercase).collect();
        PLAIN_WORDS.contains(&word.as_str())
    }

    /// Digits with date, time or amount punctuation: `2026-11-21`, `14:03`, `59.90`.
    fn is_number_like(&self, from: usize, to: usize) -> bool {
        let chars = self.chars.get(from..to).unwrap_or_default();
        let separator = |c: &char| matches!(c, '-' | '/' | ':' | '.' | ',');
        chars.iter().any(separator) && chars.iter().all(|c| digit(*c).is_some() || separator(c))
    }

    /// A seed phrase or key at `p`: words to the end of the sentence (at least 3 after `:`,
    /// 12 otherwise, as real phrases have 12–24), or one run of 20+ letters and digits. Where
    /// it ends.
    fn seed(&self, p: usize, link: Link, apart: bool) -> Option<usize> {
        if link == Link::Bare && !apart {
            return None;
        }
        let key = self.run_end_capped(p, 200, |c| c.is_ascii_alphanumeric());
        if key - p >= 20 && !self.is(key, |c| c.is_ascii_alphanumeric()) {
            return Some(key);
        }
        let separator = |c: char| matches!(c, ' ' | '\t' | ',' | '，' | '、');
        let (mut q, mut words, mut end) = (p, 0, p);
        for _ in 0..60 {
            q = self.run_end(q, separator);
            let Some(c) = self.at(q) else { break };
            // `1. abandon 2. ability …`
            let numbers = self.run_end_capped(q, 3, |c| c.is_ascii_digit());
            if numbers > q
                && self.is(numbers, |c| c == '.' || c == ')')
                && self.is(numbers + 1, char::is_whitespace)
            {
                q = numbers + 1;
                continue;
            }
            if c.is_ascii_alphabetic() {
                let to = self.run_end_capped(q, 13, |c| c.is_ascii_alphabetic());
                if to - q > 12 || (words == 0 && self.is_plain(q, to)) {
                    return None;
                }
                q = to;
            } else if is_cjk(c) {
                q += 1;
            } else {
                break;
            }
            if self.is(q, |c| {
                !c.is_whitespace() && !separator(c) && !is_sentence_end(c)
            }) {
                return None;
            }
            words += 1;
            end = q;
        }
        if words > 30 || !(self.at(q).is_none() || self.is(q, is_sentence_end)) {
            return None;
        }
        let needed = if link == Link::Punct { 3 } else { 12 };
        (words >= needed).then_some(end)
    }

    // Numbers.

    /// The digit run starting at `i`: card and ID numbers in it become hits. Where it ends.
    fn number_at(&self, i: usize, hits: &mut Vec<Hit>) -> usize {
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut s = i;
        loop {
            let e = self.run_end(s, |c| digit(c).is_some());
            groups.push((s, e));
            if self.is(e, |c| c == ' ' || c == '-') && self.digit(e + 1).is_some() {
                s = e + 1;
            } else {
                break;
            }
        }
        let end = groups.last().map_or(i + 1, |g| g.1);
        // A group joined to letters, a `+` (a phone's country code) or a decimal point is part
        // of something else and never part of a card.
        let left_joined = match self.before(i) {
            Some(c) if is_letter(c) || digit(c).is_some() => true,
            Some('+' | '＋') => true,
            Some('.') => i.checked_sub(2).and_then(|j| self.digit(j)).is_some(),
            _ => false,
        };
        let right_joined =
            self.is(end, is_letter) || (self.at(end) == Some('.') && self.digit(end + 1).is_some());
        let first = usize::from(left_joined);
        let mut usable = if right_joined {
            groups.len() - 1
        } else {
            groups.len()
        };
        // Only an ID number's check `X` may follow the last group, joined or apart (`002X`,
        // `002 X`).
        let id = self
            .check_x_after(end)
            .and_then(|x| self.id_with_x(&groups, first, x));
        if let Some((from, _)) = &id {
            usable = *from;
        }
        let mut a = first;
        while a < usable {
            match self.card_or_id(&groups[a..usable]) {
                Some((hit, used)) => {
                    hits.push(hit);
                    a += used;
                }
                None => a += 1,
            }
        }
        match id {
            Some((_, hit)) => {
                let end = hit.end;
                hits.push(hit);
                end
            }
            None => end,
        }
    }

    /// Where an ID number's check `X` is after a run of digits ending at `end`: right there or
    /// after a space or dash, and not starting a word.
    fn check_x_after(&self, end: usize) -> Option<usize> {
        let x = if self.is(end, |c| c == ' ' || c == '-') {
            end + 1
        } else {
            end
        };
        let ok = self.is(x, |c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ'))
            && !self.is(x + 1, is_alphanumeric);
        ok.then_some(x)
    }

    /// `…002X`: an ID number whose check character, at `x`, is X, and whose 17 digits are the
    /// run's last groups (`110105 19491231 002X`). The first of its groups, and the hit.
    fn id_with_x(&self, groups: &[(usize, usize)], first: usize, x: usize) -> Option<(usize, Hit)> {
        let from = id_groups_from(groups, first)?;
        let start = groups[from].0;
        let digits = self.digits(start, x);
        id18_valid(&digits, 'X').then(|| {
            let hit = Hit {
                start,
                end: x + 1,
                replacement: id_mask(&digits, 'X'),
                kind: Kind::IdNumber,
            };
            (from, hit)
        })
    }

    /// The longest card or ID number made of whole groups from the first of `groups`, and how
    /// many groups it used. Every group but the last has 3+ digits, as on a card (4-4-4-4,
    /// 4-6-5), unlike dates and times.
    fn card_or_id(&self, groups: &[(usize, usize)]) -> Option<(Hit, usize)> {
        let mut total = 0;
        let mut candidates: Vec<usize> = Vec::new();
        for (k, &(s, e)) in groups.iter().enumerate() {
            total += e - s;
            if total > 19 {
                break;
            }
            if total >= 13 {
                candidates.push(k + 1);
            }
            if e - s < 3 {
                break;
            }
        }
        candidates
            .into_iter()
            .rev()
            .find_map(|used| Some((self.classify(&groups[..used])?, used)))
    }

    fn classify(&self, groups: &[(usize, usize)]) -> Option<Hit> {
        let start = groups.first()?.0;
        let end = groups.last()?.1;
        let digits: Vec<u8> = groups
            .iter()
            .flat_map(|&(s, e)| self.digits(s, e))
            .collect();
        let n = digits.len();
        let id18 = n == 18
            && digits.split_last().is_some_and(|(&check, body)| {
                char::from_digit(u32::from(check), 10).is_some_and(|c| id18_valid(body, c))
            });
        let (kind, replacement) = if id18 {
            (Kind::IdNumber, id_mask(&digits, ' '))
        } else if luhn(&digits) || (n >= 16 && digits.starts_with(&[6, 2])) {
            (Kind::CardNumber, format!("•••• {}", last4(&digits)))
        } else if n == 15 && id15_valid(&digits) {
            (Kind::IdNumber, id_mask(&digits, ' '))
        } else {
            return None;
        };
        Some(Hit {
            start,
            end,
            replacement,
            kind,
        })
    }

    // IBANs.

    /// An IBAN at `i`, contiguous or in groups joined by single spaces or dashes: as printed
    /// (`GB82 WEST 1234 5698 7654 32`), or as bank code and account (`DE89 37040044
    /// 0532013000`). Full-width characters count as their ASCII forms.
    fn iban_at(&self, i: usize) -> Option<Hit> {
        let wide_is = |k: usize, f: fn(&char) -> bool| self.is(k, |c| f(&half_width(c)));
        let shaped = wide_is(i, char::is_ascii_alphabetic)
            && wide_is(i + 1, char::is_ascii_alphabetic)
            && wide_is(i + 2, char::is_ascii_digit)
            && wide_is(i + 3, char::is_ascii_digit);
        if !shaped {
            return None;
        }
        let country: String = self.iban_chars(i, i + 2).into_iter().collect();
        // Groups past the country's length are the words after it.
        let longest = iban_length(&country).unwrap_or(34);
        let mut ends = Vec::new();
        let (mut s, mut total) = (i, 0);
        loop {
            let e = self.run_end_capped(s, longest + 1, is_alphanumeric);
            total += e - s;
            if total > longest || self.is(e, is_alphanumeric) {
                break;
            }
            ends.push(e);
            if self.is(e, |c| c == ' ' || c == '-') && self.is(e + 1, is_alphanumeric) {
                s = e + 1;
            } else {
                break;
            }
        }
        ends.into_iter().rev().find_map(|end| {
            let compact = self.iban_chars(i, end);
            iban_valid(&compact).then(|| {
                let last: String = compact[compact.len().saturating_sub(4)..].iter().collect();
                Hit {
                    start: i,
                    end,
                    replacement: format!("{country}•• •••• {last}"),
                    kind: Kind::Iban,
                }
            })
        })
    }

    /// The letters and digits of `from..to`, in ASCII upper case.
    fn iban_chars(&self, from: usize, to: usize) -> Vec<char> {
        self.chars
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter(|&&c| is_alphanumeric(c))
            .map(|&c| half_width(c).to_ascii_uppercase())
            .collect()
    }
}

/// The first of the last groups that hold the 17 digits before an ID number's check `X`; as in
/// `card_or_id`, every group but the last has 3+ digits.
fn id_groups_from(groups: &[(usize, usize)], first: usize) -> Option<usize> {
    let mut total = 0;
    for (k, &(s, e)) in groups.iter().enumerate().skip(first).rev() {
        if total > 0 && e - s < 3 {
            return None;
        }
        total += e - s;
        if total >= 17 {
            return (total == 17).then_some(k);
        }
    }
    None
}

/// An ASCII or full-width digit's value.
fn digit(c: char) -> Option<u8> {
    let value = match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        '０'..='９' => u32::from(c) - u32::from('０'),
        _ => return None,
    };
    u8::try_from(value).ok()
}

/// An ASCII or full-width Latin letter.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// An ASCII or full-width Latin letter or digit.
fn is_alphanumeric(c: char) -> bool {
    is_letter(c) || digit(c).is_some()
}

/// A full-width Latin letter or digit as its ASCII form; anything else as it is.
fn half_width(c: char) -> char {
    match c {
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
            // Full-width forms are ASCII shifted by 0xFEE0.
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// A quick test before trying every label: the first chars of `LABELS`.
fn may_start_label(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'm'
            | 'o'
            | 'p'
            | 'r'
            | 's'
            | 'v'
            | '一'
            | '交'
            | '付'
            | '助'
            | '动'
            | '卡'
            | '取'
            | '口'
            | '安'
            | '密'
            | '支'
            | '校'
            | '登'
            | '短'
            | '私'
            | '验'
    )
}

fn is_link_punct(c: char) -> bool {
    matches!(c, ':' | '：' | '=' | '＝')
}

/// Chinese, Japanese or Korean script: no spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Full-width and CJK punctuation, curly quotes, dashes and ellipses.
fn is_cjk_punct(c: char) -> bool {
    matches!(u32::from(c),
        0x2010..=0x205E | 0x3000..=0x303F | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// Punctuation a value never starts with.
fn is_stop_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>') || is_cjk_punct(c)
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | '。' | '！' | '？' | '；' | '\n' | '\r'
    )
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '\'' => Some('\''),
        '“' => Some('”'),
        '‘' => Some('’'),
        '「' => Some('」'),
        '『' => Some('』'),
        _ => None,
    }
}

fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            let d = u32::from(d);
            match (k % 2, d * 2) {
                (0, _) => d,
                (_, twice) if twice > 9 => twice - 9,
                (_, twice) => twice,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The 17 digits before the check character of a GB 11643-1999 number are valid and give
/// `check`.
fn id18_valid(body: &[u8], check: char) -> bool {
    if body.len() != 17 || body.first() == Some(&0) {
        return false;
    }
    let year = number(&body[6..10]);
    if !(1800..=2099).contains(&year)
        || !date_valid(year, number(&body[10..12]), number(&body[12..14]))
    {
        return false;
    }
    let sum: usize = body
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(&d, w)| usize::from(d) * w)
        .sum();
    ID_CHECK.get(sum % 11) == Some(&check.to_ascii_uppercase())
}

/// A legacy 15-digit ID number: province, then a `YYMMDD` birth date in the 1900s.
fn id15_valid(digits: &[u8]) -> bool {
    if digits.len() != 15 {
        return false;
    }
    let province = u8::try_from(number(&digits[..2])).unwrap_or(0);
    PROVINCES.contains(&province)
        && date_valid(
            1900 + number(&digits[6..8]),
            number(&digits[8..10]),
            number(&digits[10..12]),
        )
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, &d| n * 10 + u32::from(d))
}

fn date_valid(year: u32, month: u32, day: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The length of an IBAN of `country`, if the registry lists it.
fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .iter()
        .find(|(cc, _)| *cc == country)
        .map(|&(_, len)| len)
}

fn iban_valid(compact: &[char]) -> bool {
    let [first, second, third, fourth, ..] = *compact else {
        return false;
    };
    let shaped = first.is_ascii_uppercase()
        && second.is_ascii_uppercase()
        && third.is_ascii_digit()
        && fourth.is_ascii_digit()
        && compact
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    let country: String = [first, second].iter().collect();
    let length_ok = match iban_length(&country) {
        Some(len) => compact.len() == len,
        None => (15..=34).contains(&compact.len()),
    };
    if !shaped || !length_ok {
        return false;
    }
    // ISO 7064 MOD 97-10: the first four moved to the end, letters as 10–35.
    let mut rest = 0;
    for ch in compact[4..].iter().chain(&compact[..4]) {
        let Some(v) = ch.to_digit(36) else {
            return false;
        };
        let shifted = if v < 10 {
            rest * 10 + v
        } else {
            rest * 100 + v
        };
        rest = shifted % 97;
    }
    rest == 1
}

fn last4(digits: &[u8]) -> String {
    digits[digits.len().saturating_sub(4)..]
        .iter()
        .filter_map(|&d| char::from_digit(u32::from(d), 10))
        .collect()
}

/// `••••••••••••••002X`: bullets for all but the last 4; `check` ends the number unless a space.
fn id_mask(digits: &[u8], check: char) -> String {
    let mut shown: Vec<char> = digits
        .iter()
        .filter_map(|&d| char::from_digit(u32::from(d), 10))
        .collect();
    if check != ' ' {
        shown.push(check);
    }
    let hidden = shown.len().saturating_sub(4);
    "•".repeat(hidden) + &shown[hidden..].iter().collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;

    use Kind::{CardNumber, Cvv, Iban, IdNumber, Password, Pin, SeedPhrase, VerificationCode};

    fn r(text: &str) -> (String, Vec<Kind>) {
        let Redacted { text, changes } = redact(text);
        (text, changes)
    }

    #[track_caller]
    fn same(text: &str) {
        assert_eq!(
            r(text),
            (text.to_string(), vec![]),
            "{text:?} should be kept"
        );
    }

    #[track_caller]
    fn changed(text: &str, expected: &str, kinds: &[Kind]) {
        assert_eq!(r(text), (expected.to_string(), kinds.to_vec()), "{text:?}");
    }

    #[test]
    fn kind_names_are_the_serialized_names() {
        let all = [
            CardNumber,
            Iban,
            IdNumber,
            Password,
            Pin,
            Cvv,
            VerificationCode,
            SeedPhrase,
        ];
        for kind in all {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
        assert_eq!(VerificationCode.name(), "verification-code");
    }

    #[test]
    fn every_label_passes_the_quick_test() {
        for (label, _) in LABELS {
            let first = label.chars().next().unwrap();
            assert!(may_start_label(first), "{label}");
        }
    }

    #[test]
    fn luhn_valid_test_cards_are_masked_to_the_last_4() {
        for (pan, last) in [
            ("4111111111111111", "1111"),
            ("5555555555554444", "4444"),
            ("378282246310005", "0005"),
            ("4242424242424242", "4242"),
            ("6250946000000016", "0016"),
        ] {
            changed(
                &format!("card {pan} declined"),
                &format!("card •••• {last} declined"),
                &[CardNumber],
            );
        }
    }

    #[test]
    fn spaced_dashed_and_full_width_cards_are_masked() {
        changed("4242 4242 4242 4242", "•••• 4242", &[CardNumber]);
        changed("4111-1111-1111-1111", "•••• 1111", &[CardNumber]);
        changed(
            "３７８２ ８２２４６３ １０００５",
            "•••• 0005",
            &[CardNumber],
        );
        changed(
            "卡号４１１１１１１１１１１１１１１１，谢谢",
            "卡号•••• 1111，谢谢",
            &[CardNumber],
        );
    }

    #[test]
    fn unionpay_numbers_are_masked_even_when_luhn_fails() {
        changed("银行卡6240008631401148", "银行卡•••• 1148", &[CardNumber]);
        changed("银行卡6240008631401149", "银行卡•••• 1149", &[CardNumber]);
        changed(
            "card 6222 0212 3456 7890 123.",
            "card •••• 0123.",
            &[CardNumber],
        );
        // Only from 16 digits: a 15-digit `62…` failing Luhn is not a card.
        same("ref 624000863140114");
    }

    #[test]
    fn other_luhn_failing_numbers_are_kept() {
        same("card 4111111111111112");
        same("order 1234567890123");
    }

    #[test]
    fn runs_longer_than_19_digits_are_never_touched() {
        same("transaction_id 1217752501201407033233368018");
        same("交易单号：2026112122001400000000001234。");
        // 20 digits that start with a valid card number.
        same("41111111111111111111");
        same("62400086314011480000");
    }

    #[test]
    fn numbers_joined_to_letters_or_decimals_are_not_cards() {
        same("TX4111111111111111");
        same("4111111111111111abc");
        same("0.4111111111111111");
        same("4111111111111111.25");
        same("+86 138 0013 8000 / 13800138000");
    }

    #[test]
    fn a_card_next_to_other_numbers_is_still_found() {
        changed(
            "paid with 4111 1111 1111 1111 2026-11-21 14:03",
            "paid with •••• 1111 2026-11-21 14:03",
            &[CardNumber],
        );
        changed(
            "order 123456789 4111111111111111",
            "order 123456789 •••• 1111",
            &[CardNumber],
        );
        changed(
            "4111 1111 1111 1111 5555 5555 5555 4444",
            "•••• 1111 •••• 4444",
            &[CardNumber, CardNumber],
        );
        changed(
            "cards 4111111111111111,5555555555554444.",
            "cards •••• 1111,•••• 4444.",
            &[CardNumber, CardNumber],
        );
    }

    #[test]
    fn ibans_are_masked_to_country_and_last_4() {
        for (iban, masked) in [
            ("GB82WEST12345698765432", "GB•• •••• 5432"),
            ("DE89370400440532013000", "DE•• •••• 3000"),
            ("FR1420041010050500013M02606", "FR•• •••• 2606"),
            ("NL91ABNA0417164300", "NL•• •••• 4300"),
            ("GB82 WEST 1234 5698 7654 32", "GB•• •••• 5432"),
            ("DE89 3704 0044 0532 0130 00", "DE•• •••• 3000"),
            ("gb82west12345698765432", "GB•• •••• 5432"),
        ] {
            changed(
                &format!("IBAN {iban} rejected"),
                &format!("IBAN {masked} rejected"),
                &[Iban],
            );
        }
        changed(
            "转账到GB82WEST12345698765432失败",
            "转账到GB•• •••• 5432失败",
            &[Iban],
        );
    }

    #[test]
    fn ibans_failing_mod_97_are_kept() {
        same("IBAN GB82WEST12345698765431 rejected");
        same("IBAN GB82 WEST 1234 5698 7654 31 rejected");
        // One character short.
        same("GB82WEST1234569876543");
    }

    #[test]
    fn china_id_numbers_are_masked_to_the_last_4() {
        changed(
            "身份证号11010519491231002X，谢谢",
            "身份证号••••••••••••••002X，谢谢",
            &[IdNumber],
        );
        changed(
            "ID 440524188001010014",
            "ID ••••••••••••••0014",
            &[IdNumber],
        );
        changed(
            "ID: 34052419800101001X.",
            "ID: ••••••••••••••001X.",
            &[IdNumber],
        );
        changed(
            "id 11010519491231002x",
            "id ••••••••••••••002X",
            &[IdNumber],
        );
        changed(
            "身份证：１１０１０５１９４９１２３１００２Ｘ",
            "身份证：••••••••••••••002X",
            &[IdNumber],
        );
    }

    #[test]
    fn id_numbers_failing_the_check_character_or_date_are_kept() {
        same("ID 110105194912310021");
        same("ID 11010519491231002Y");
        // Valid check character would need a real date: 1949-13-31 is not one.
        same("ID 11010519491331002X");
    }

    #[test]
    fn legacy_15_digit_id_numbers_are_masked() {
        assert!(!luhn(&[1, 1, 0, 1, 0, 5, 4, 9, 1, 2, 3, 1, 0, 0, 2]));
        changed(
            "旧身份证 110105491231002",
            "旧身份证 •••••••••••1002",
            &[IdNumber],
        );
        // No province 99, no month 13.
        same("order 990105491231002");
        same("order 110105491331002");
    }

    #[test]
    fn english_password_labels_remove_the_value() {
        changed("password: hunter2", "password: [removed]", &[Password]);
        for done in [
            "password: [removed]",
            "my password is [removed].",
            "密码[已删除]",
            "password “[removed]”",
        ] {
            assert_eq!(redact(done).text, done, "scanned twice: {done}");
            assert!(redact(done).changes.is_empty(), "{done}");
        }
        changed(
            "my password is hunter2",
            "my password is [removed]",
            &[Password],
        );
        changed(
            "my password is sunshine.",
            "my password is [removed].",
            &[Password],
        );
        changed("Password=Hunter2!", "Password=[removed]", &[Password]);
        changed("pwd hunter2", "pwd [removed]", &[Password]);
        changed("passcode 123456", "passcode [removed]", &[Password]);
        changed(
            "(password: hunter2) then error",
            "(password: [removed]) then error",
            &[Password],
        );
        changed("password “hunter 2”", "password “[removed]”", &[Password]);
        changed(
            "login password is: abc123, it fails",
            "login password is: [removed], it fails",
            &[Password],
        );
    }

    #[test]
    fn english_pin_cvv_and_code_labels_remove_digits() {
        changed("pin 1234", "pin [removed]", &[Pin]);
        changed("PIN is 1234.", "PIN is [removed].", &[Pin]);
        changed("my PIN 1234 fails", "my PIN [removed] fails", &[Pin]);
        changed(
            "payment password 123456",
            "payment password [removed]",
            &[Pin],
        );
        changed("CVV 123", "CVV [removed]", &[Cvv]);
        changed("CVC: 1234", "CVC: [removed]", &[Cvv]);
        changed("cvv2 123", "cvv2 [removed]", &[Cvv]);
        changed("security code 123", "security code [removed]", &[Cvv]);
        changed(
            "security code 482913",
            "security code [removed]",
            &[VerificationCode],
        );
        changed("code 482913", "code [removed]", &[VerificationCode]);
        changed(
            "the code was 4829.",
            "the code was [removed].",
            &[VerificationCode],
        );
        changed("OTP: 482 913", "OTP: [removed]", &[VerificationCode]);
        changed(
            "one-time code 4829",
            "one-time code [removed]",
            &[VerificationCode],
        );
        changed(
            "SMS code is 482913",
            "SMS code is [removed]",
            &[VerificationCode],
        );
        changed(
            "Verification Code: 482913",
            "Verification Code: [removed]",
            &[VerificationCode],
        );
        changed("2FA code 482913", "2FA code [removed]", &[VerificationCode]);
    }

    #[test]
    fn chinese_labels_remove_the_value() {
        changed("验证码是 482913", "验证码是 [removed]", &[VerificationCode]);
        changed("验证码:482913", "验证码:[removed]", &[VerificationCode]);
        changed(
            "验证码：４８２９１３",
            "验证码：[removed]",
            &[VerificationCode],
        );
        changed(
            "短信验证码482913，请勿告诉他人",
            "短信验证码[removed]，请勿告诉他人",
            &[VerificationCode],
        );
        changed("动态码 5678", "动态码 [removed]", &[VerificationCode]);
        changed("短信码为482913", "短信码为[removed]", &[VerificationCode]);
        changed("校验码 123", "校验码 [removed]", &[Cvv]);
        changed("安全码是123", "安全码是[removed]", &[Cvv]);
        changed(
            "密码是abc123然后登录失败",
            "密码是[removed]然后登录失败",
            &[Password],
        );
        changed("登录密码：Abc12345", "登录密码：[removed]", &[Password]);
        changed("密码123456", "密码[removed]", &[Password]);
        changed(
            "密码：张三丰，登录不了",
            "密码：[removed]，登录不了",
            &[Password],
        );
        changed("支付密码123456", "支付密码[removed]", &[Pin]);
        changed("银行卡密码是 123456", "银行卡密码是 [removed]", &[Pin]);
        changed("PIN码：1234", "PIN码：[removed]", &[Pin]);
    }

    #[test]
    fn code_needs_4_to_8_digits_and_no_public_label() {
        same("error code 51");
        same("error code E1002");
        same("Error code 1002, please retry");
        same("error code: 1002");
        same("promo code 2026 expired");
        same("code 51");
        same("code 123456789");
        same("the code expired at 14:03");
        same("code 2026-11-21");
        same("code 1234.56");
    }

    #[test]
    fn descriptions_around_labels_are_kept() {
        for text in [
            "my password is wrong",
            "my password was reset yesterday",
            "password is not working",
            "password is 12 characters",
            "forgot password, reset link never came",
            "password reset",
            "wrong password 3 times",
            "changed password 2026-11-21",
            "password123 is a bad password",
            "the \"password\" field is empty",
            "PIN blocked after 3 tries",
            "PIN: locked",
            "Support never asks for your password, PIN or verification code.",
            "OTP never arrived",
            "verification code: not received",
            "CVV 12",
            "验证码没收到",
            "收不到验证码",
            "密码错误三次",
            "密码是对的，但是登录不了",
            "密码：错误",
            "忘记支付密码了",
            "支付密码是６位数字",
        ] {
            same(text);
        }
    }

    #[test]
    fn amounts_dates_ids_and_error_codes_are_kept() {
        for text in [
            "59.90 CNY",
            "¥59.9",
            "paid ¥1,234.50 at 2026-11-21 14:03",
            "2026/11/21 09:30",
            "declined (51)",
            "E1002",
            "错误码 E1002",
            "order 2026112122001400000000001234",
            "PayPal 9XT12345AB678901C",
            "card ending 1234",
            "尾号1234",
            "call +86 400 000 0000",
        ] {
            same(text);
        }
    }

    #[test]
    fn seed_phrases_are_removed_to_the_end_of_the_sentence() {
        changed(
            "seed phrase: apple banana cherry dog. Then it froze.",
            "seed phrase: [removed]. Then it froze.",
            &[SeedPhrase],
        );
        changed(
            "my recovery phrase is abandon ability able about above absent absorb abstract \
             absurd abuse access accident",
            "my recovery phrase is [removed]",
            &[SeedPhrase],
        );
        changed(
            "助记词：apple, banana, cherry。",
            "助记词：[removed]。",
            &[SeedPhrase],
        );
        changed(
            "private key: 5Kb8kLf9zgWQnogidDA76MzPL6TsZZY36hWXMssSzNydYXYB9KF",
            "private key: [removed]",
            &[SeedPhrase],
        );
        same("I lost my seed phrase and can't log in.");
        same("seed phrase: lost it last year");
        same("my seed phrase is gone");
        same("助记词是什么");
    }

    #[test]
    fn id_numbers_in_groups_are_masked() {
        for (text, masked) in [
            ("身份证 110105 19491231 002X", "身份证 ••••••••••••••002X"),
            ("ID 1101 0519 4912 3100 2X.", "ID ••••••••••••••002X."),
            ("ID 110105-19491231-002x", "ID ••••••••••••••002X"),
            ("110105 19491231 002 X，谢谢", "••••••••••••••002X，谢谢"),
            ("ID 440524 18800101 0014", "ID ••••••••••••••0014"),
            ("旧身份证 110105 491231 002", "旧身份证 •••••••••••1002"),
        ] {
            changed(text, masked, &[IdNumber]);
        }
        // An `X` that starts a word is not a check character.
        same("ID 110105 19491231 002 XL");
    }

    #[test]
    fn ibans_with_dashes_irregular_groups_or_full_width_characters_are_masked() {
        for (iban, masked) in [
            ("DE89-3704-0044-0532-0130-00", "DE•• •••• 3000"),
            ("DE89 37040044 0532013000", "DE•• •••• 3000"),
            ("GB82 WEST 123456 98765432", "GB•• •••• 5432"),
            (
                "ＧＢ８２ＷＥＳＴ１２３４５６９８７６５４３２",
                "GB•• •••• 5432",
            ),
            (
                "GB８２ WEST １２３４ ５６９８ ７６５４ ３２",
                "GB•• •••• 5432",
            ),
            ("SC18 SSCB 1101 0000 0000 0000 1497 USD", "SC•• •••• 7USD"),
            // The country's length ends it: `and` is not taken for a last group.
            ("BR97 0036 0305 0000 1000 9795 493P 1", "BR•• •••• 93P1"),
            ("XK05 1212 0123 4567 8906", "XK•• •••• 8906"),
        ] {
            changed(
                &format!("IBAN {iban} and more"),
                &format!("IBAN {masked} and more"),
                &[Iban],
            );
        }
    }

    #[test]
    fn a_label_value_never_takes_just_the_start_of_a_number() {
        changed("PIN 4111 1111 1111 1111", "PIN •••• 1111", &[CardNumber]);
        changed("PIN: 4111-1111 1111 1111", "PIN: •••• 1111", &[CardNumber]);
        changed("密码6200 0000 0000 0000", "密码•••• 0000", &[CardNumber]);
        changed("密码(4000 0000 0000 6", "密码(•••• 0006", &[CardNumber]);
        changed(
            "密码 hunter2(4111 1111 1111 1111",
            "密码 [removed](•••• 1111",
            &[Password, CardNumber],
        );
        changed(
            "password GB82 WEST 1234 5698 7654 32",
            "password GB•• •••• 5432",
            &[Iban],
        );
        changed(
            "密码 the(GB82 WEST 1234 5698 7654 32",
            "密码 the(GB•• •••• 5432",
            &[Iban],
        );
        // A whole number stays a value.
        changed("PIN 4111111111111111", "PIN [removed]", &[Pin]);
    }

    #[test]
    fn changes_are_listed_in_order_of_appearance() {
        changed(
            "card 4111111111111111, CVV 123, code 482913, ID 11010519491231002X, \
             IBAN GB82WEST12345698765432, password: hunter2",
            "card •••• 1111, CVV [removed], code [removed], ID ••••••••••••••002X, \
             IBAN GB•• •••• 5432, password: [removed]",
            &[CardNumber, Cvv, VerificationCode, IdNumber, Iban, Password],
        );
    }

    #[test]
    fn nothing_to_change() {
        same("");
        same("   ");
        same("支付失败了，请帮忙看看 🙏😀");
        same("Payment failed 💳 at the shop, amount 59.90 CNY.");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let samples = [
            "password: hunter2 验证码：482913 卡号4111 1111 1111 1111 GB82 WEST 1234 5698 7654 32 \
             11010519491231002X seed phrase: a b c. 🎉",
            "\u{0}\u{7f}\u{200b}\u{feff}́́́",
            "password:\"",
            "password “",
            "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0",
            "-4111111111111111-",
            "4111111111111111X",
            "11010519491231002XX",
            "GB82",
            "GB",
            "pin",
            "code ",
            "验证码",
            "密码：",
            "seed phrase: 1. 2. 3.",
            "６",
            "Ｘ",
            "PIN 4111 1111 1111 1111 密码(ＧＢ８２-WEST-1234 ID 110105 19491231 002 X 62 x",
        ];
        for sample in samples {
            // Every prefix, so labels, numbers and IBANs are cut at every point.
            let cuts: Vec<usize> = sample
                .char_indices()
                .map(|(i, _)| i)
                .chain([sample.len()])
                .collect();
            for cut in cuts {
                let text = &sample[..cut];
                let out = redact(text);
                assert!(out.text.chars().count() <= text.chars().count() + 20 * out.changes.len());
            }
        }
        let digits = "9".repeat(100_000);
        same(&digits);
        let full_width = "９".repeat(10_000);
        same(&full_width);
    }

    const ERROR_MESSAGE: Policy = Policy {
        keep_error_codes: true,
        keep_references: false,
    };

    const REFERENCE: Policy = Policy {
        keep_error_codes: false,
        keep_references: true,
    };

    fn r_with(text: &str, policy: Policy) -> (String, Vec<Kind>) {
        let Redacted { text, changes } = redact_with(text, policy);
        (text, changes)
    }

    #[track_caller]
    fn same_with(text: &str, policy: Policy) {
        assert_eq!(
            r_with(text, policy),
            (text.to_string(), vec![]),
            "{text:?} should be kept under {policy:?}"
        );
    }

    #[track_caller]
    fn changed_with(text: &str, policy: Policy, expected: &str, kinds: &[Kind]) {
        assert_eq!(
            r_with(text, policy),
            (expected.to_string(), kinds.to_vec()),
            "{text:?} under {policy:?}"
        );
    }

    #[test]
    fn the_default_policy_is_a_plain_scan() {
        for text in [
            "Payment failed (code 4012)",
            "card 4111111111111111, password: hunter2, 验证码 482913",
            "order 2026112122001400000000001234",
        ] {
            assert_eq!(
                redact_with(text, Policy::default()),
                redact(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_plain_scan_takes_a_bare_code_for_a_one_time_code() {
        // Why error messages need their policy.
        changed(
            "Payment failed (code 4012)",
            "Payment failed (code [removed])",
            &[VerificationCode],
        );
    }

    #[test]
    fn error_messages_keep_their_codes() {
        for text in [
            "Payment failed (code 4012)",
            "Payment failed (code: 4012)",
            "code 4012: do not honor",
            "Declined, code is 100512",
            "error 4012",
            "错误码 4012",
            "错误代码：100512",
            "支付失败，code 4012",
            "Error code 1002, please retry",
            "the code was 4829.",
        ] {
            same_with(text, ERROR_MESSAGE);
        }
    }

    #[test]
    fn error_messages_still_lose_one_time_and_security_codes() {
        for (text, expected, kind) in [
            ("验证码 123456", "验证码 [removed]", VerificationCode),
            (
                "verification code 123456",
                "verification code [removed]",
                VerificationCode,
            ),
            ("OTP 123456", "OTP [removed]", VerificationCode),
            ("SMS code 123456", "SMS code [removed]", VerificationCode),
            ("2FA code 482913", "2FA code [removed]", VerificationCode),
            (
                "login code: 482913",
                "login code: [removed]",
                VerificationCode,
            ),
            ("短信code 482913", "短信code [removed]", VerificationCode),
            ("动态码 5678", "动态码 [removed]", VerificationCode),
            ("短信码为482913", "短信码为[removed]", VerificationCode),
            (
                "security code 482913",
                "security code [removed]",
                VerificationCode,
            ),
            ("security code 123", "security code [removed]", Cvv),
            ("CVV 123", "CVV [removed]", Cvv),
            ("校验码 123", "校验码 [removed]", Cvv),
            ("安全码是123", "安全码是[removed]", Cvv),
            ("PIN 1234", "PIN [removed]", Pin),
            ("password: hunter2", "password: [removed]", Password),
        ] {
            changed_with(
                &format!("Payment failed (code 51), {text}"),
                ERROR_MESSAGE,
                &format!("Payment failed (code 51), {expected}"),
                &[kind],
            );
        }
    }

    #[test]
    fn error_messages_still_mask_cards_and_id_numbers() {
        changed_with(
            "error 4111111111111111",
            ERROR_MESSAGE,
            "error •••• 1111",
            &[CardNumber],
        );
        changed_with(
            "错误码 11010519491231002X",
            ERROR_MESSAGE,
            "错误码 ••••••••••••••002X",
            &[IdNumber],
        );
    }

    #[test]
    fn references_keep_their_digits() {
        for text in [
            // 18 digits that pass Luhn: an order number, not a card.
            "order 100000000000000008",
            "4111111111111111",
            "4111 1111 1111 1111",
            "6222021234567890123",
            "11010519491231002X",
            "440524188001010014",
            "110105491231002",
            "１１０１０５１９４９１２３１００２Ｘ",
            "订单号4111111111111111，谢谢",
        ] {
            same_with(text, REFERENCE);
        }
        changed("order 100000000000000008", "order •••• 0008", &[CardNumber]);
    }

    #[test]
    fn references_still_lose_labelled_secrets_and_ibans() {
        changed_with(
            "order 4111111111111111, password: hunter2",
            REFERENCE,
            "order 4111111111111111, password: [removed]",
            &[Password],
        );
        changed_with(
            "PIN 1234 验证码 482913 code 482913",
            REFERENCE,
            "PIN [removed] 验证码 [removed] code [removed]",
            &[Pin, VerificationCode, VerificationCode],
        );
        changed_with(
            "GB82WEST12345698765432",
            REFERENCE,
            "GB•• •••• 5432",
            &[Iban],
        );
    }

    #[test]
    fn both_policies_together() {
        let both = Policy {
            keep_error_codes: true,
            keep_references: true,
        };
        changed_with(
            "order 4111111111111111 failed (code 4012), OTP 482913",
            both,
            "order 4111111111111111 failed (code 4012), OTP [removed]",
            &[VerificationCode],
        );
    }

    #[test]
    fn emails_keep_their_first_character_and_domain() {
        assert_eq!(mask_email("jane.doe@example.com"), "j***@example.com");
        assert_eq!(
            mask_email("li.lei+wallet@mail.example.cn"),
            "l***@mail.example.cn"
        );
        // The mask does not tell the length, so one character is shown the same way.
        assert_eq!(mask_email("j@example.com"), "j***@example.com");
        assert_eq!(mask_email("张伟@例子.中国"), "张***@例子.中国");
        assert_eq!(mask_email("émile@exemple.fr"), "é***@exemple.fr");
        assert_eq!(mask_email("😀x@example.com"), "😀***@example.com");
        // A quoted local part may hold an `@`; the domain is after the last one.
        assert_eq!(mask_email("\"a@b\"@example.com"), "\"***@example.com");
        // Not expected, but never revealing.
        assert_eq!(mask_email("@example.com"), "***@example.com");
        assert_eq!(mask_email("nobody"), "n***");
    }

    #[test]
    fn long_and_repetitive_text_is_fast() {
        let pieces = [
            "password password ",
            "code code 1 ",
            "seed phrase: a ",
            "4 ",
            "GB82 WEST ",
            "密码密码",
            "1234 5678 ",
            "验证码是",
        ];
        for piece in pieces {
            let text = piece.repeat(20_000);
            let start = std::time::Instant::now();
            let _ = redact(&text);
            let elapsed = start.elapsed();
            // Linear work on 160k+ chars stays far below this even in a debug build.
            assert!(elapsed.as_secs_f64() < 2.0, "{piece:?} took {elapsed:?}");
        }
    }
}
