//! The table of labels (see `labels` for what each rule means), apart from the code that reads
//! it: the build script reads it too, and writes every spelling of every label, sorted, so a
//! run does not spend its start-up spelling and sorting them.

/// What value a label takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
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

use Rule::{
    Backup, Card, Code, Cvv, Id, Identity, Keep, Key, Money, Otp, Password, PaymentPassword, Pin,
    SecurityCode, Seed,
};

/// Every label: its text, its rule, and whether it is strong (names the secret for sure).
#[rustfmt::skip]
pub(crate) const LABELS: &[(&str, Rule, bool)] = &[
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

/// Every spelling of a label, ASCII letters in lower case, sorted, each with its row (the first
/// row where two spell one alike): what the table is searched in. The build script writes it.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn sorted_spellings() -> Vec<(String, usize)> {
    let mut spellings: Vec<(String, usize)> = LABELS
        .iter()
        .enumerate()
        .flat_map(|(row, (label, _, _))| {
            spellings(label).into_iter().map(move |mut s| {
                s.make_ascii_lowercase();
                (s, row)
            })
        })
        .collect();
    // By spelling, then row: the first row of two that spell a label alike comes first.
    spellings.sort_unstable();
    spellings.dedup_by(|later, first| later.0 == first.0);
    spellings
}

/// `label` with each of its spaces written as a space, a dash or nothing.
pub(crate) fn spellings(label: &str) -> Vec<String> {
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
