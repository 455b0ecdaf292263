//! The words that name a secret (`password`, `PIN`, `验证码`, `签名栏那三位`…) or a value support
//! needs (`order`, `error code`, `交易单号`, `金额`…), in English and in Chinese, simplified and
//! traditional. A secret's value is looked for next to its label; a value next to a label of
//! what support needs is never taken.
//!
//! The table, by rule (what value the label takes), strong labels first:
//!
//! | rule | what it names | value | examples |
//! |---|---|---|---|
//! | `Password` | a login password | a word, a quoted phrase, digits | `password`, `pwd`, `pw`, `p/w`, `passcode`, `密码`, `登录密码`, `登入密碼`, `口令` |
//! | `Pin` | a card or phone PIN | 4–12 digits | `PIN`, `PIN code`, `ATM PIN`, `取款密码`, `银行卡密码`, `PIN码` |
//! | `PaymentPassword` | a wallet's payment password | 4–8 digits (else a word) | `payment password`, `支付密码`, `付款密碼`, `交易密码` |
//! | `Cvv` | the card security code | 3–4 digits | `CVV`, `CVC2`, `CID`, `security number`, `3 digits on the back`, `签名栏`, `背面三位` |
//! | `SecurityCode` | a CVV or a one-time code | 3–4 digits (CVV), 5–8 (code) | `security code`, `安全码`, `校验码` |
//! | `Otp` | a one-time code | 4–8 digits, or 4–8 letters and digits | `verification code`, `OTP`, `SMS code`, `2FA`, `authenticator`, `验证码`, `动态码`, `驗證碼` |
//! | `Code` (weak) | maybe a one-time code | 4–8 digits, never certain | `code`, `码` |
//! | `Backup` | 2FA backup codes | a list of codes | `backup codes`, `recovery codes`, `备用码` |
//! | `Seed` | a seed phrase | words (see `seeds`) | `seed phrase`, `recovery phrase`, `mnemonic`, `助记词` |
//! | `Key` | a private key | one long key | `private key`, `xprv`, `私钥` |
//! | `Card` | a card number | 12–19 digits (see `cards`) | `card number`, `卡号`, `银行卡`, `Visa` |
//! | `Identity` | an ID number | see `china_ids` | `身份证`, `证件号码`, `ID number` |
//! | `Id` | an id support needs | never a code or password; a number after it that passes a card or ID check is only maybe one | `order`, `transaction ID`, `reference`, `订单号`, `交易单号` |
//! | `Keep` | a public code, last 4 digits, a phone | never taken | `error code`, `promo code`, `ending`, `尾号`, `错误码`, `phone` |
//! | `Money` | an amount | never taken | `amount`, `paid`, `charged`, `金额`, `扣了` |
//!
//! A weak label (`pw` and `pass` for a plain word, `code`, `码`) makes a finding uncertain. In
//! English, a space in a label also matches a dash or nothing (`one-time code`, `onetime code`),
//! labels match in any case, and a label is a whole word (`pin` is not in `spinning`).

use std::sync::LazyLock;

use super::normalize::View;

/// What value a label takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    Password,
    Pin,
    PaymentPassword,
    Cvv,
    SecurityCode,
    Otp,
    Code,
    Backup,
    Seed,
    Key,
    Card,
    Identity,
    Id,
    Keep,
    Money,
}

impl Rule {
    /// Whether the label names a secret whose value is looked for next to it.
    pub(super) fn is_secret(self) -> bool {
        !matches!(
            self,
            Rule::Card | Rule::Identity | Rule::Id | Rule::Keep | Rule::Money
        )
    }

    /// Whether the label names something support needs, whose value is never taken for a
    /// one-time code or a password.
    pub(super) fn is_kept(self) -> bool {
        matches!(self, Rule::Id | Rule::Keep | Rule::Money)
    }
}

use Rule::{
    Backup, Card, Code, Cvv, Id, Identity, Keep, Key, Money, Otp, Password, PaymentPassword, Pin,
    SecurityCode, Seed,
};

/// Every label: its text, its rule, and whether it is strong (names the secret for sure).
#[rustfmt::skip]
const LABELS: &[(&str, Rule, bool)] = &[
    // Passwords.
    ("password", Password, true), ("passwords", Password, true), ("passwd", Password, true),
    ("pass word", Password, true), ("passphrase", Password, true), ("pass phrase", Password, true),
    ("passcode", Password, true), ("pass code", Password, true), ("pword", Password, true),
    ("pwd", Password, true), ("pw", Password, true), ("p/w", Password, true), ("pass", Password, false),
    ("login pw", Password, true), ("login password", Password, true), ("log in password", Password, true),
    ("sign in password", Password, true), ("account password", Password, true),
    ("密码", Password, true), ("密碼", Password, true), ("登录密码", Password, true),
    ("登陆密码", Password, true), ("登入密码", Password, true), ("登入密碼", Password, true),
    ("登錄密碼", Password, true), ("登陸密碼", Password, true), ("账户密码", Password, true),
    ("账号密码", Password, true), ("帳號密碼", Password, true), ("帳戶密碼", Password, true),
    ("口令", Password, true), ("开机密码", Password, true), ("锁屏密码", Pin, true),
    ("pswd", Password, true), ("psw", Password, true), ("pasword", Password, true),
    ("passwrd", Password, true), ("unlock password", Password, true),
    // PINs.
    ("pin", Pin, true), ("pins", Pin, true), ("pin code", Pin, true), ("pin number", Pin, true),
    ("pin no", Pin, true), ("card pin", Pin, true), ("atm pin", Pin, true), ("debit pin", Pin, true),
    ("bank pin", Pin, true), ("unlock pin", Pin, true), ("pin码", Pin, true), ("pin碼", Pin, true),
    ("取款密码", Pin, true), ("取款密碼", Pin, true), ("提款密码", Pin, true), ("提款密碼", Pin, true), ("银行卡密码", Pin, true),
    ("銀行卡密碼", Pin, true), ("卡密码", Pin, true), ("卡密碼", Pin, true), ("查询密码", Pin, true),
    ("unlock code", Pin, true), ("lock code", Pin, true), ("screen lock code", Pin, true),
    ("lock screen code", Pin, true), ("screen lock pin", Pin, true), ("lock screen pin", Pin, true),
    ("mpin", Pin, true), ("m-pin", Pin, true), ("phone pin", Pin, true), ("sim pin", Pin, true), ("security pin", Pin, true),
    ("4 digit pin", Pin, true), ("four digit pin", Pin, true), ("解锁密码", Pin, true),
    // Payment passwords.
    ("payment password", PaymentPassword, true), ("payment pw", PaymentPassword, true),
    ("payment pin", PaymentPassword, true), ("payment passcode", PaymentPassword, true),
    ("pay password", PaymentPassword, true), ("pay pin", PaymentPassword, true),
    ("支付密码", PaymentPassword, true), ("支付密碼", PaymentPassword, true),
    ("付款密码", PaymentPassword, true), ("付款密碼", PaymentPassword, true),
    ("交易密码", PaymentPassword, true), ("交易密碼", PaymentPassword, true),
    ("支付口令", PaymentPassword, true), ("六位密码", PaymentPassword, true),
    ("6位密码", PaymentPassword, true), ("六位数密码", PaymentPassword, true),
    ("transaction password", PaymentPassword, true), ("transaction pin", PaymentPassword, true),
    ("trade password", PaymentPassword, true), ("trading password", PaymentPassword, true),
    ("wallet password", PaymentPassword, true), ("wallet pin", PaymentPassword, true),
    ("pay passcode", PaymentPassword, true), ("tpin", PaymentPassword, true),
    ("t-pin", PaymentPassword, true), ("upi pin", PaymentPassword, true),
    ("钱包密码", PaymentPassword, true), ("錢包密碼", PaymentPassword, true),
    ("零钱密码", PaymentPassword, true), ("安全密码", PaymentPassword, true),
    ("二级密码", PaymentPassword, true), ("交易口令", PaymentPassword, true),
    ("支付pin", PaymentPassword, true), ("支付pin码", PaymentPassword, true),
    // Card security codes, by name or described.
    ("cvv", Cvv, true), ("cvv2", Cvv, true), ("cvc", Cvv, true), ("cvc2", Cvv, true),
    ("cvn", Cvv, true), ("cvn2", Cvv, true), ("cid", Cvv, true), ("csc", Cvv, true),
    ("cav2", Cvv, true), ("cvv码", Cvv, true), ("cvv碼", Cvv, true), ("cvv number", Cvv, true),
    ("card verification value", Cvv, true), ("card verification code", Cvv, true),
    ("card verification number", Cvv, true), ("card security code", Cvv, true),
    ("security number", Cvv, true), ("security digits", Cvv, true),
    ("3 digits", Cvv, true), ("three digits", Cvv, true), ("3 digit code", Cvv, true),
    ("three digit code", Cvv, true), ("3 digit number", Cvv, true), ("three digit number", Cvv, true),
    ("on the back", Cvv, true), ("back of the card", Cvv, true), ("back of my card", Cvv, true),
    ("little number", Cvv, true), ("3 numbers", Cvv, true), ("three numbers", Cvv, true),
    ("back of card", Cvv, true), ("behind the card", Cvv, true), ("code on the back", Cvv, true), ("card back", Cvv, true), ("signature strip", Cvv, true),
    ("signature panel", Cvv, true), ("signature box", Cvv, true), ("背面", Cvv, true), ("背后", Cvv, true), ("背後", Cvv, true),
    ("卡背", Cvv, true), ("签名栏", Cvv, true), ("签名条", Cvv, true), ("签名处", Cvv, true),
    ("簽名欄", Cvv, true), ("簽名條", Cvv, true), ("三位数", Cvv, true), ("三位數", Cvv, true),
    ("后三位", Cvv, true), ("後三位", Cvv, true), ("三码", Cvv, true), ("三碼", Cvv, true),
    ("后三码", Cvv, true), ("後三碼", Cvv, true), ("末三码", Cvv, true), ("末三碼", Cvv, true),
    ("security code", SecurityCode, true), ("sec code", SecurityCode, true),
    ("安全码", SecurityCode, true), ("安全碼", SecurityCode, true), ("校验码", SecurityCode, true),
    ("校驗碼", SecurityCode, true),
    // One-time codes.
    ("verification code", Otp, true), ("verify code", Otp, true), ("verification number", Otp, true),
    ("verification pin", Otp, true), ("confirmation code", Otp, true), ("confirm code", Otp, true),
    ("authentication code", Otp, true), ("auth code", Otp, true), ("authorization code", Otp, true),
    ("authenticator", Otp, true), ("authenticator code", Otp, true), ("2fa", Otp, true),
    ("2fa code", Otp, true), ("mfa code", Otp, true), ("two factor code", Otp, true),
    ("otp", Otp, true), ("otp code", Otp, true), ("one time code", Otp, true),
    ("one time password", Otp, true), ("one time passcode", Otp, true), ("one time pin", Otp, true),
    ("sms code", Otp, true), ("sms pin", Otp, true), ("text code", Otp, true),
    ("text message code", Otp, true), ("short message code", Otp, true), ("message code", Otp, true),
    ("login code", Otp, true), ("log in code", Otp, true), ("sign in code", Otp, true),
    ("access code", Otp, true), ("email code", Otp, true), ("dynamic code", Otp, true),
    ("tac", Otp, true), ("6 digit code", Otp, true), ("six digit code", Otp, true),
    ("2 step code", Otp, true), ("two step code", Otp, true), ("texted code", Otp, true), ("验证码", Otp, true), ("驗證碼", Otp, true), ("动态码", Otp, true),
    ("動態碼", Otp, true), ("动态密码", Otp, true), ("動態密碼", Otp, true), ("短信码", Otp, true),
    ("短信碼", Otp, true), ("一次性密码", Otp, true), ("一次性密碼", Otp, true), ("认证码", Otp, true),
    ("認證碼", Otp, true), ("确认码", Otp, true), ("確認碼", Otp, true), ("授权码", Otp, true),
    ("授權碼", Otp, true), ("付款码", Otp, true), ("付款碼", Otp, true),
    ("code", Code, false), ("codes", Code, false), ("码", Code, false), ("碼", Code, false),
    ("verification", Code, false), ("4 digit code", Code, false), ("four digit code", Code, false),
    ("6 digit one", Code, false), ("six digit one", Code, false), ("4 digit one", Code, false),
    ("4 digit number", Code, false), ("6 digit number", Code, false),
    // Backup codes, seed phrases, keys.
    ("backup code", Backup, true), ("backup codes", Backup, true), ("recovery code", Backup, true),
    ("recovery codes", Backup, true), ("备用码", Backup, true), ("备用代码", Backup, true),
    ("恢复码", Backup, true), ("备份码", Backup, true), ("救援码", Backup, true),
    ("backup key", Backup, true), ("recovery key", Backup, true), ("emergency code", Backup, true),
    ("emergency codes", Backup, true), ("scratch code", Backup, true), ("scratch codes", Backup, true),
    ("2fa backup codes", Backup, true), ("备用验证码", Backup, true), ("恢复代码", Backup, true),
    ("备份验证码", Backup, true),
    ("seed phrase", Seed, true), ("seed words", Seed, true), ("seed", Seed, true),
    ("recovery phrase", Seed, true), ("recovery words", Seed, true), ("recovery seed", Seed, true),
    ("backup phrase", Seed, true), ("secret phrase", Seed, true), ("secret recovery phrase", Seed, true),
    ("mnemonic", Seed, true), ("mnemonic phrase", Seed, true), ("wallet words", Seed, true),
    ("12 words", Seed, true), ("24 words", Seed, true), ("助记词", Seed, true), ("助記詞", Seed, true),
    ("恢复短语", Seed, true), ("恢復短語", Seed, true), ("种子短语", Seed, true), ("种子词", Seed, true),
    ("private key", Key, true), ("privkey", Key, true), ("secret key", Key, true), ("wif", Key, true),
    ("私钥", Key, true), ("私鑰", Key, true), ("密钥", Key, true), ("密鑰", Key, true),
    ("private keys", Key, true), ("priv key", Key, true), ("wallet key", Key, true),
    ("key", Key, false), ("keys", Key, false),
    // Card numbers.
    ("card", Card, true), ("cards", Card, true), ("card number", Card, true), ("card no", Card, true),
    ("card num", Card, true), ("credit card", Card, true), ("debit card", Card, true),
    ("bank card", Card, true), ("visa", Card, true), ("mastercard", Card, true),
    ("master card", Card, true), ("amex", Card, true), ("american express", Card, true),
    ("unionpay", Card, true), ("union pay", Card, true), ("discover", Card, true),
    ("jcb", Card, true), ("maestro", Card, true), ("卡号", Card, true), ("卡號", Card, true),
    ("银行卡", Card, true), ("銀行卡", Card, true), ("信用卡", Card, true), ("借记卡", Card, true),
    ("借記卡", Card, true), ("储蓄卡", Card, true), ("儲蓄卡", Card, true), ("银联卡", Card, true),
    ("銀聯卡", Card, true), ("银联", Card, true), ("这张卡", Card, true), ("卡号码", Card, true),
    ("卡號碼", Card, true), ("信用卡号", Card, true), ("信用卡号码", Card, true),
    ("信用卡號", Card, true), ("信用卡號碼", Card, true), ("银行卡号", Card, true),
    ("银行卡号码", Card, true), ("銀行卡號", Card, true), ("銀行卡號碼", Card, true),
    // ID numbers.
    ("身份证", Identity, true), ("身份證", Identity, true), ("身分證", Identity, true),
    ("身份证号", Identity, true), ("身份证号码", Identity, true), ("身份證號碼", Identity, true),
    ("证件号", Identity, true), ("证件号码", Identity, true), ("證件號", Identity, true),
    ("證件號碼", Identity, true), ("id number", Identity, true), ("id card", Identity, true),
    ("id no", Identity, true), ("identity number", Identity, true), ("identity card", Identity, true),
    ("resident id", Identity, true), ("national id", Identity, true), ("id", Identity, false),
    // What support needs: ids and references (`Id`), public codes, last 4 digits, phones (`Keep`).
    ("order", Id, true), ("orders", Id, true), ("order no", Id, true), ("order number", Id, true),
    ("order id", Id, true), ("transaction", Id, true), ("transactions", Id, true),
    ("transaction id", Id, true), ("transaction no", Id, true), ("txn", Id, true),
    ("trade no", Id, true), ("trade number", Id, true), ("payment id", Id, true),
    ("ref", Id, true), ("ref no", Id, true), ("reference", Id, true), ("refund id", Id, true),
    ("tracking", Id, true), ("invoice", Id, true), ("receipt", Id, true), ("ticket", Id, true),
    ("case number", Id, true), ("case id", Id, true), ("merchant id", Id, true),
    ("merchant no", Id, true), ("store number", Id, true), ("store id", Id, true),
    ("shop id", Id, true), ("user id", Id, true), ("uid", Id, true), ("account id", Id, true),
    ("customer id", Id, true), ("version", Keep, true), ("hash", Id, true), ("txid", Id, true),
    ("error", Keep, true), ("errors", Keep, true), ("err", Keep, true), ("error code", Keep, true),
    ("status code", Keep, true), ("response code", Keep, true), ("result code", Keep, true),
    ("return code", Keep, true), ("reason code", Keep, true), ("decline code", Keep, true),
    ("sub code", Keep, true), ("sub_code", Keep, true), ("promo code", Keep, true),
    ("promotion code", Keep, true), ("coupon", Keep, true), ("coupon code", Keep, true),
    ("discount code", Keep, true), ("gift code", Keep, true), ("voucher", Keep, true),
    ("invite code", Keep, true), ("invitation code", Keep, true), ("referral code", Keep, true),
    ("reference code", Keep, true), ("zip code", Keep, true), ("postal code", Keep, true),
    ("post code", Keep, true), ("area code", Keep, true), ("country code", Keep, true),
    ("bank code", Keep, true), ("branch code", Keep, true), ("sort code", Keep, true),
    ("swift", Keep, true), ("swift code", Keep, true), ("bic", Keep, true), ("routing", Keep, true),
    ("qr code", Keep, true), ("bar code", Keep, true), ("product code", Keep, true),
    ("item code", Keep, true), ("tracking code", Keep, true), ("merchant code", Keep, true),
    ("ending", Keep, true), ("ending in", Keep, true), ("ends in", Keep, true), ("ends with", Keep, true),
    ("last 4", Keep, true), ("last four", Keep, true), ("last 4 digits", Keep, true),
    ("my number", Keep, true), ("cell", Keep, true), ("cell number", Keep, true),
    ("whatsapp", Keep, true), ("contact number", Keep, true), ("手提", Keep, true),
    ("phone", Keep, true), ("phone number", Keep, true), ("mobile", Keep, true), ("tel", Keep, true),
    ("订单", Id, true), ("订单号", Id, true), ("订单编号", Id, true), ("訂單", Id, true),
    ("訂單號", Id, true), ("单号", Id, true), ("單號", Id, true), ("交易号", Id, true),
    ("交易單號", Id, true), ("交易单号", Id, true), ("交易编号", Id, true), ("商户单号", Id, true),
    ("商户订单号", Id, true), ("商户号", Id, true), ("流水号", Id, true), ("退款单号", Id, true),
    ("参考号", Id, true), ("批次号", Id, true), ("工单", Id, true), ("尾号", Keep, true),
    ("尾號", Keep, true), ("末四位", Keep, true), ("后四位", Keep, true), ("後四位", Keep, true),
    ("错误码", Keep, true), ("錯誤碼", Keep, true), ("错误代码", Keep, true), ("錯誤代碼", Keep, true),
    ("错误", Keep, true), ("錯誤", Keep, true), ("提示码", Keep, true), ("提示碼", Keep, true), ("代码", Keep, true), ("状态码", Keep, true), ("返回码", Keep, true),
    ("二维码", Keep, true), ("条形码", Keep, true), ("条码", Keep, true), ("编码", Keep, true),
    ("邮编", Keep, true), ("号码", Keep, true), ("號碼", Keep, true), ("手机号", Keep, true),
    ("手机", Keep, true), ("手機", Keep, true), ("电话", Keep, true), ("電話", Keep, true),
    ("版本", Keep, true), ("收款码", Keep, true), ("邀请码", Keep, true), ("优惠码", Keep, true),
    ("兑换码", Keep, true),
    // Amounts.
    ("amount", Money, true), ("paid", Money, true), ("pay", Money, true), ("charged", Money, true),
    ("charge", Money, true), ("cost", Money, true), ("costs", Money, true), ("price", Money, true),
    ("fee", Money, true), ("fees", Money, true), ("total", Money, true), ("balance", Money, true),
    ("refund of", Money, true), ("spent", Money, true), ("transferred", Money, true),
    ("deposit", Money, true), ("deposited", Money, true), ("withdrew", Money, true),
    ("limit", Money, true), ("top up", Money, true), ("topped up", Money, true),
    ("usd", Money, true), ("cny", Money, true), ("rmb", Money, true), ("eur", Money, true),
    ("hkd", Money, true), ("gbp", Money, true), ("金额", Money, true), ("金額", Money, true),
    ("付了", Money, true), ("扣了", Money, true), ("扣款", Money, true), ("扣费", Money, true),
    ("花了", Money, true), ("转了", Money, true), ("充值", Money, true), ("充了", Money, true),
    ("余额", Money, true), ("餘額", Money, true), ("收费", Money, true), ("手续费", Money, true),
    ("消费", Money, true), ("消费了", Money, true), ("价格", Money, true), ("一共", Money, true),
    ("总共", Money, true), ("限额", Money, true), ("退款", Money, true),
];

/// A label in the view: characters `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label {
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
    pub strong: bool,
}

/// The table's labels with every English spelling of their spaces (` `, `-`, none), ASCII
/// letters in lower case, sorted, each with the table row it came from (the first row, where
/// two rows spell the same).
///
/// A sorted table walked by binary search, not an Aho-Corasick automaton: the automaton for
/// these 1,300 spellings took about 18 million instructions to build, three quarters of a
/// whole scripted report; spelling and sorting them takes about a twelfth of that. Looking up
/// the longest label at a position narrows the sorted range one byte at a time, so a search
/// costs at most the longest label's length in binary searches per position: linear in the
/// text.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut spellings: Vec<(Vec<u8>, usize)> = LABELS
        .iter()
        .enumerate()
        .flat_map(|(row, (label, _, _))| {
            spellings(label).into_iter().map(move |mut s| {
                s.make_ascii_lowercase();
                (s.into_bytes(), row)
            })
        })
        .collect();
    // By spelling, then row: the first row of two that spell a label alike comes first.
    spellings.sort_unstable();
    spellings.dedup_by(|later, first| later.0 == first.0);
    // The spellings that start with each byte: sorted, they are one range.
    let mut by_first = vec![(0, 0); 256];
    for (i, (bytes, _)) in spellings.iter().enumerate() {
        if let Some(range) = bytes
            .first()
            .and_then(|&b| by_first.get_mut(usize::from(b)))
        {
            *range = if range.0 == range.1 {
                (i, i + 1)
            } else {
                (range.0, i + 1)
            };
        }
    }
    let mut starts = vec![0u64; PREFIX_BITS / 64];
    for (bytes, _) in &spellings {
        let prefix = bytes.get(..bytes.len().min(3)).unwrap_or_default();
        set_bit(&mut starts, prefix_bit(prefix));
    }
    Table {
        spellings,
        by_first,
        starts,
    }
});

struct Table {
    spellings: Vec<(Vec<u8>, usize)>,
    /// For each byte, the range of `spellings` that start with it (empty when none does).
    by_first: Vec<(usize, usize)>,
    /// A filter of the spellings' first three bytes (all of a shorter one): where no bit is
    /// set for what the text has, no label starts, and the table is not searched.
    starts: Vec<u64>,
}

/// The filter's size in bits: a few thousand prefixes leave most bits clear.
const PREFIX_BITS: usize = 1 << 16;

/// The filter bit of a prefix of one to three lower-case bytes.
fn prefix_bit(prefix: &[u8]) -> usize {
    let key = prefix
        .iter()
        .fold(prefix.len() as u64, |key, &b| (key << 8) | u64::from(b));
    // Fibonacci hashing: the top 16 bits of the product.
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize % PREFIX_BITS
}

fn set_bit(bits: &mut [u64], bit: usize) {
    if let Some(word) = bits.get_mut(bit / 64) {
        *word |= 1 << (bit % 64);
    }
}

impl Table {
    /// The first position at or after `from` that `candidate` allows where a label starts,
    /// with the longest label there: `(start, end, row)`, in bytes of `text`.
    fn find(
        &self,
        text: &str,
        from: usize,
        candidate: impl Fn(usize) -> bool,
    ) -> Option<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        (from..bytes.len())
            .filter(|&at| text.is_char_boundary(at) && candidate(at))
            .find_map(|at| {
                let rest = bytes.get(at..)?;
                if !self.may_start(rest) {
                    return None;
                }
                let first = rest.first()?.to_ascii_lowercase();
                let &range = self.by_first.get(usize::from(first))?;
                self.longest_at(rest, range)
                    .map(|(len, row)| (at, at + len, row))
            })
    }

    /// Whether some spelling may start `rest`: the filter has a bit for its first one, two or
    /// three bytes.
    fn may_start(&self, rest: &[u8]) -> bool {
        let mut prefix = [0u8; 3];
        for k in 0..prefix.len() {
            let (Some(byte), Some(slot)) = (rest.get(k), prefix.get_mut(k)) else {
                return false;
            };
            *slot = byte.to_ascii_lowercase();
            let bit = prefix_bit(prefix.get(..=k).unwrap_or_default());
            if self
                .starts
                .get(bit / 64)
                .is_some_and(|word| word & (1 << (bit % 64)) != 0)
            {
                return true;
            }
        }
        false
    }

    /// The longest spelling `rest` starts with (in any ASCII case), among those in `range`,
    /// which all start with its first byte: its length and row.
    fn longest_at(&self, rest: &[u8], range: (usize, usize)) -> Option<(usize, usize)> {
        // Every spelling in `lo..hi` starts with the first `k` bytes of `rest`; a spelling
        // of exactly `k` bytes sorts first among them.
        let (mut lo, mut hi) = range;
        let mut longest = None;
        for k in 1..=rest.len() {
            if lo >= hi {
                break;
            }
            if let Some((_, row)) = self
                .spellings
                .get(lo)
                .filter(|(spelling, _)| spelling.len() == k)
            {
                longest = Some((k, *row));
                lo += 1;
            }
            let Some(byte) = rest.get(k).map(u8::to_ascii_lowercase) else {
                break;
            };
            let range = self.spellings.get(lo..hi).unwrap_or_default();
            let byte_at = |(s, _): &(Vec<u8>, usize)| s.get(k).copied().unwrap_or(0);
            let first = range.partition_point(|s| byte_at(s) < byte);
            let after = range.partition_point(|s| byte_at(s) <= byte);
            (lo, hi) = (lo + first, lo + after);
        }
        longest
    }
}

/// `label` with each of its spaces written as a space, a dash or nothing.
fn spellings(label: &str) -> Vec<String> {
    let mut parts = label.split(' ');
    let mut out = vec![parts.next().unwrap_or_default().to_string()];
    for part in parts {
        let mut longer = Vec::with_capacity(out.len() * 3);
        for start in out {
            for space in [" ", "-", ""] {
                let mut spelling = String::with_capacity(start.len() + 1 + part.len());
                spelling.push_str(&start);
                spelling.push_str(space);
                spelling.push_str(part);
                longer.push(spelling);
            }
        }
        out = longer;
    }
    out
}

/// Every label in the view, in order, none overlapping.
pub(super) fn find(view: &View) -> Vec<Label> {
    let table = &*TABLE;
    let text = view.text();
    let at = |byte: usize| view.char_at_byte(byte);
    let mut labels = Vec::new();
    let mut from = 0;
    // A label inside an English word (`pin` in `spinning`, `pay` in `Alipay`) is never a whole
    // word: those positions are not looked at.
    let bytes = text.as_bytes();
    let word_start = |at: usize| {
        let alphanumeric = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        !(alphanumeric(at) && at > 0 && alphanumeric(at - 1))
    };
    // A match that is no whole word for another reason (`pin.example.com`) may hide one that
    // starts inside it: the search goes on from its next character. Labels are short, so
    // this stays linear.
    while let Some((start_byte, end_byte, row)) = table.find(text, from, word_start) {
        let row = LABELS.get(row);
        let (start, end) = (at(start_byte), at(end_byte));
        match row {
            Some(&(_, rule, strong)) if whole_word(view, start, end, rule) => {
                labels.push(Label {
                    start,
                    end,
                    rule,
                    strong,
                });
                from = end_byte;
            }
            _ => {
                let next = text
                    .get(start_byte..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(1, char::len_utf8);
                from = start_byte + next;
            }
        }
        if from > text.len() {
            break;
        }
    }
    labels
}

/// An English label is a whole word: no letter or digit before it, no letter after it (and no
/// digit after a password label, as `password123` is a word of its own).
fn whole_word(view: &View, start: usize, end: usize, rule: Rule) -> bool {
    let first = view.at(start).unwrap_or(' ');
    let last = view.before(end).unwrap_or(' ');
    if first.is_ascii_alphanumeric()
        && view
            .before(start)
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    // Part of an email address or a host name: `li.pw@example.com`, `pin.example.com`.
    let in_address = first.is_ascii_alphanumeric()
        && (view.before(start).is_some_and(|c| c == '.' || c == '@')
            || view.is(end, |c| c == '@')
            || (view.is(end, |c| c == '.') && view.is(end + 1, |c| c.is_ascii_alphabetic())));
    // Part of an identifier: `PWD_ERR_01`, `ERR_PIN_LOCKED`.
    let in_identifier = (first.is_ascii_alphanumeric() && view.before(start) == Some('_'))
        || (last.is_ascii_alphanumeric() && view.is(end, |c| c == '_'));
    if in_address || in_identifier {
        return false;
    }
    if last.is_ascii_alphanumeric() {
        // A secret's value may follow its label without a space (`pin1234`, `cvv123`), except
        // a password's (`password123` is a word) and what support needs (`Err2026pw`).
        let digit_ok = rule.is_secret() && rule != Rule::Password;
        let next = view.at(end).unwrap_or(' ');
        if next.is_ascii_alphabetic() || (!digit_ok && next.is_ascii_digit()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, Input, MatchKind};
    use proptest::prelude::*;

    /// What the table finds, as an Aho-Corasick automaton (leftmost-longest, ASCII case
    /// insensitive) over the same spellings finds it: `(start, end, row)` from `from`.
    fn automaton_find(text: &str, from: usize) -> Option<(usize, usize, usize)> {
        static AUTOMATON: LazyLock<(aho_corasick::AhoCorasick, Vec<(String, usize)>)> =
            LazyLock::new(|| {
                let patterns: Vec<(String, usize)> = LABELS
                    .iter()
                    .enumerate()
                    .flat_map(|(row, (label, _, _))| {
                        spellings(label).into_iter().map(move |s| (s, row))
                    })
                    .collect();
                let matcher = AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(patterns.iter().map(|(s, _)| s))
                    .unwrap();
                (matcher, patterns)
            });
        let (matcher, patterns) = &*AUTOMATON;
        let m = matcher.find(Input::new(text).range(from..))?;
        let row = patterns[m.pattern().as_usize()].1;
        // Two rows may spell a label alike; the table keeps the first.
        let first_row = patterns
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(&text[m.start()..m.end()]))
            .map_or(row, |(_, r)| *r);
        Some((m.start(), m.end(), first_row))
    }

    proptest! {
        #[test]
        fn the_table_finds_what_an_automaton_finds(
            words in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(LABELS.iter().map(|l| l.0).collect::<Vec<_>>())
                        .prop_map(str::to_string),
                    "[a-zA-Z -]{0,6}",
                    "[\\p{Han}]{0,3}",
                    proptest::sample::select(vec!["PASS", "Pin", "-", " ", "码", "密", "e-mail"])
                        .prop_map(str::to_string),
                ],
                0..8,
            ),
            from in 0usize..40,
        ) {
            let text = words.concat();
            let from = (0..=from.min(text.len())).rev().find(|&f| text.is_char_boundary(f)).unwrap();
            prop_assert_eq!(TABLE.find(&text, from, |_| true), automaton_find(&text, from), "{:?}", text);
        }
    }

    fn labels(text: &str) -> Vec<(String, Rule, bool)> {
        let view = View::new(text);
        find(&view)
            .into_iter()
            .map(|l| (view.string(l.start, l.end).to_string(), l.rule, l.strong))
            .collect()
    }

    #[test]
    fn the_longest_label_wins() {
        assert_eq!(
            labels("支付密码"),
            [("支付密码".into(), PaymentPassword, true)]
        );
        assert_eq!(labels("PIN code"), [("PIN code".into(), Pin, true)]);
        assert_eq!(labels("error code 51"), [("error code".into(), Keep, true)]);
        assert_eq!(labels("验证码"), [("验证码".into(), Otp, true)]);
        assert_eq!(labels("交易单号"), [("交易单号".into(), Id, true)]);
    }

    #[test]
    fn english_labels_in_any_case_with_spaces_dashes_or_none() {
        for text in ["One-Time Code", "one time code", "ONETIME CODE"] {
            assert_eq!(labels(text), [(text.to_string(), Otp, true)], "{text}");
        }
        assert_eq!(labels("ＰＩＮ"), [("PIN".into(), Pin, true)]);
    }

    #[test]
    fn english_labels_are_whole_words() {
        assert!(labels("spinning").is_empty());
        assert!(labels("passport").is_empty());
        assert!(labels("decide").is_empty());
        assert!(labels("password123").is_empty());
        assert!(labels("Err2026pw").is_empty());
        assert!(labels("li.pw@example.com").is_empty());
        assert!(labels("pin.example.com").is_empty());
        assert!(labels("PWD_ERR_01").is_empty());
        assert_eq!(
            labels("Alipay password"),
            [("password".into(), Password, true)]
        );
        assert!(labels("E_PIN").is_empty());
        assert_eq!(labels("pin1234"), [("pin".into(), Pin, true)]);
        assert_eq!(
            labels("我的password是"),
            [("password".into(), Password, true)]
        );
    }

    #[test]
    fn weak_labels_are_marked() {
        assert_eq!(labels("code"), [("code".into(), Code, false)]);
        assert_eq!(labels("那个码"), [("码".into(), Code, false)]);
        assert_eq!(labels("pass:"), [("pass".into(), Password, false)]);
    }

    #[test]
    fn every_label_is_lower_case_and_found_alone() {
        for (label, rule, _) in LABELS {
            assert_eq!(label.to_lowercase(), *label, "{label}");
            let found = labels(label);
            assert_eq!(found.len(), 1, "{label}: {found:?}");
            assert_eq!(found[0].1, *rule, "{label}");
        }
    }
}
