//! What real-world spellings of times and amounts read as, in both languages: each row is
//! what a user typed and what the report keeps (the value and its precision), or why it is
//! refused. The clock is Saturday 2026-11-21 15:04:05 in Shanghai; the default currency is
//! CNY and `05/12` is month first, as for a user with `LANG=zh_CN.UTF-8`.

use wallet_help::input::{self, InputType, ParseContext, Precision};
use wallet_help::lang::Lang;

fn context() -> ParseContext {
    let now = "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap();
    let mut ctx = ParseContext::new(now);
    ctx.default_currency = Some("CNY".into());
    ctx.day_first = Some(false);
    ctx
}

/// `value (precision)`, with `, assumed` for a currency taken from the default, or
/// `refused: <reason>`.
fn describe(input_type: InputType, raw: &str) -> String {
    match input::parse(input_type, raw, true, &context()) {
        Ok(Some(p)) => {
            let precision = p.precision.map_or("", Precision::name);
            let assumed = if p.assumed_currency { ", assumed" } else { "" };
            format!("{} ({precision}{assumed})", p.value)
        }
        Ok(None) => "nothing".into(),
        Err(e) => format!("refused: {}", e.message(Lang::En)),
    }
}

/// Times and dates, as typed and as read.
const DATETIMES: [(&str, &str); 79] = [
    ("2026-11-21 14:03", "2026-11-21T14:03:00+08:00 (exact)"),
    (
        "2026-11-21T14:03:00+08:00",
        "2026-11-21T14:03:00+08:00 (exact)",
    ),
    ("2026-11-21T06:03:00Z", "2026-11-21T14:03:00+08:00 (exact)"),
    ("2026/11/21 14:03", "2026-11-21T14:03:00+08:00 (exact)"),
    ("2026年11月21日 14:03", "2026-11-21T14:03:00+08:00 (exact)"),
    (
        "2026年11月21日14点03分",
        "2026-11-21T14:03:00+08:00 (exact)",
    ),
    ("today 14:03", "2026-11-21T14:03:00+08:00 (exact)"),
    ("今天 14:03", "2026-11-21T14:03:00+08:00 (exact)"),
    ("yesterday 9:30", "2026-11-20T09:30:00+08:00 (exact)"),
    ("昨天 9:30", "2026-11-20T09:30:00+08:00 (exact)"),
    ("前天 10:00", "2026-11-19T10:00:00+08:00 (exact)"),
    ("前天", "2026-11-19 (date)"),
    ("14:03", "2026-11-21T14:03:00+08:00 (exact)"),
    ("3pm", "2026-11-21T15:00:00+08:00 (exact)"),
    (
        "3:15 pm",
        "refused: is in the future; for an earlier day, add the date or “yesterday”",
    ),
    ("yesterday 3pm", "2026-11-20T15:00:00+08:00 (exact)"),
    ("3pm yesterday", "2026-11-20T15:00:00+08:00 (exact)"),
    (
        "yesterday at 3:15 p.m.",
        "2026-11-20T15:15:00+08:00 (exact)",
    ),
    ("下午3点", "2026-11-21T15:00:00+08:00 (exact)"),
    ("昨天下午3点", "2026-11-20T15:00:00+08:00 (exact)"),
    ("昨天下午三点", "2026-11-20T15:00:00+08:00 (exact)"),
    (
        "晚上8点半",
        "refused: is in the future; for an earlier day, add the date or “yesterday”",
    ),
    ("昨天晚上8点半", "2026-11-20T20:30:00+08:00 (exact)"),
    ("凌晨2点", "2026-11-21T02:00:00+08:00 (exact)"),
    ("昨天凌晨2点", "2026-11-20T02:00:00+08:00 (exact)"),
    ("中午12点", "2026-11-21T12:00:00+08:00 (exact)"),
    ("中午1点", "2026-11-21T13:00:00+08:00 (exact)"),
    (
        "傍晚6点",
        "refused: is in the future; for an earlier day, add the date or “yesterday”",
    ),
    ("上午10点一刻", "2026-11-21T10:15:00+08:00 (exact)"),
    ("早上7点三刻", "2026-11-21T07:45:00+08:00 (exact)"),
    ("下午两点", "2026-11-21T14:00:00+08:00 (exact)"),
    ("昨天下午3点左右", "2026-11-20T15:00:00+08:00 (approximate)"),
    ("大概昨天下午3点", "2026-11-20T15:00:00+08:00 (approximate)"),
    ("about 3pm", "2026-11-21T15:00:00+08:00 (approximate)"),
    (
        "around 2pm yesterday",
        "2026-11-20T14:00:00+08:00 (approximate)",
    ),
    (
        "yesterday afternoon",
        "2026-11-20T15:00:00+08:00 (approximate)",
    ),
    ("昨天下午", "2026-11-20T15:00:00+08:00 (approximate)"),
    ("昨晚", "2026-11-20T20:00:00+08:00 (approximate)"),
    ("last night", "2026-11-20T23:00:00+08:00 (approximate)"),
    ("this morning", "2026-11-21T08:00:00+08:00 (approximate)"),
    ("今早", "2026-11-21T08:00:00+08:00 (approximate)"),
    // Each relative word with a part of the day keeps both: the day before, and its part.
    ("昨早", "2026-11-20T08:00:00+08:00 (approximate)"),
    ("昨夜", "2026-11-20T23:00:00+08:00 (approximate)"),
    ("今晨", "2026-11-21T08:00:00+08:00 (approximate)"),
    ("前天晚上", "2026-11-19T20:00:00+08:00 (approximate)"),
    ("yesterday, don't know the time", "2026-11-20 (date)"),
    ("yesterday, not sure what time", "2026-11-20 (date)"),
    (
        "不记得几点",
        "refused: has no day; give the day at least, e.g. “yesterday, time unknown” or “21 Nov, don't know the time”",
    ),
    ("昨天，不记得几点", "2026-11-20 (date)"),
    ("11月20日 不清楚", "2026-11-20 (date)"),
    ("Dec 5 14:00", "2025-12-05T14:00:00+08:00 (exact)"),
    (
        "December 5th, 2025 at 2pm",
        "2025-12-05T14:00:00+08:00 (exact)",
    ),
    ("5 Dec", "2025-12-05 (date)"),
    ("5 Dec 2025 09:00", "2025-12-05T09:00:00+08:00 (exact)"),
    ("11月20日 08:15", "2026-11-20T08:15:00+08:00 (exact)"),
    ("11月20号8:15", "2026-11-20T08:15:00+08:00 (exact)"),
    ("12月5日下午3点", "2025-12-05T15:00:00+08:00 (exact)"),
    ("十一月二十日", "2026-11-20 (date)"),
    ("20号下午", "2026-11-20T15:00:00+08:00 (approximate)"),
    ("the 20th at noon", "2026-11-20T12:00:00+08:00 (exact)"),
    ("Friday 3pm", "2026-11-20T15:00:00+08:00 (exact)"),
    ("last Friday", "2026-11-20 (date)"),
    ("上周五下午", "2026-11-13T15:00:00+08:00 (approximate)"),
    ("周四晚上9点", "2026-11-19T21:00:00+08:00 (exact)"),
    ("2 days ago", "2026-11-19 (date)"),
    ("3天前", "2026-11-18 (date)"),
    ("2026-11-20", "2026-11-20 (date)"),
    ("12/05 14:00", "2025-12-05T14:00:00+08:00 (exact)"),
    ("05/12/2026", "2026-05-12 (date)"),
    (
        "2026-11-22 09:00",
        "refused: is in the future; for an earlier day, add the date or “yesterday”",
    ),
    (
        "tomorrow",
        "refused: is in the future; for an earlier day, add the date or “yesterday”",
    ),
    (
        "16:00",
        "refused: is in the future; for an earlier day, add the date or “yesterday”",
    ),
    (
        "25:00",
        "refused: is not valid; expected a date and time, e.g. 2026-11-21 14:03, yesterday 3pm or about 9:30",
    ),
    (
        "13pm",
        "refused: is not valid; expected a date and time, e.g. 2026-11-21 14:03, yesterday 3pm or about 9:30",
    ),
    (
        "last week",
        "refused: is not valid; expected a date and time, e.g. 2026-11-21 14:03, yesterday 3pm or about 9:30",
    ),
    ("2026-03-08 02:30", "2026-03-08T02:30:00+08:00 (exact)"),
    (
        "2026-11-21T14:03:00+25:00",
        "refused: has a UTC offset beyond ±14:00, which no place uses; check it",
    ),
    (
        "1677-01-01 10:00",
        "refused: is too long ago: times before 1900, or before your time zone kept standard time, are not accepted; check the year",
    ),
    (
        "soon",
        "refused: is not valid; expected a date and time, e.g. 2026-11-21 14:03, yesterday 3pm or about 9:30",
    ),
];

/// Amounts, as typed and as read.
const AMOUNTS: [(&str, &str); 51] = [
    ("59.90 CNY", "59.90 CNY (exact)"),
    ("¥59.9", "59.90 CNY (exact)"),
    ("￥59.9", "59.90 CNY (exact)"),
    ("59.9元", "59.90 CNY (exact)"),
    ("59块9", "59.90 CNY (exact)"),
    ("59块9毛", "59.90 CNY (exact)"),
    ("59元9角", "59.90 CNY (exact)"),
    ("1元2角3分", "1.23 CNY (exact)"),
    ("5角", "0.50 CNY (exact)"),
    ("8毛", "0.80 CNY (exact)"),
    ("5毛钱", "0.50 CNY (exact)"),
    ("12块钱", "12.00 CNY (exact)"),
    ("两块五", "2.50 CNY (exact)"),
    ("两千块", "2000.00 CNY (exact)"),
    ("1万", "10000.00 CNY (exact, assumed)"),
    ("1万2", "12000.00 CNY (exact, assumed)"),
    ("1.5万元", "15000.00 CNY (exact)"),
    ("3千5", "3500.00 CNY (exact, assumed)"),
    ("60元左右", "60.00 CNY (approximate)"),
    ("大概60块", "60.00 CNY (approximate)"),
    ("60多块", "60.00 CNY (approximate)"),
    ("RMB 59.9", "59.90 CNY (exact)"),
    ("人民币100元", "100.00 CNY (exact)"),
    ("100美元", "100.00 USD (exact)"),
    ("3刀", "3.00 USD (exact)"),
    ("200港币", "200.00 HKD (exact)"),
    ("$12.50", "12.50 USD (exact)"),
    ("12.5 USD", "12.50 USD (exact)"),
    ("usd 12.5", "12.50 USD (exact)"),
    ("€5", "5.00 EUR (exact)"),
    ("59,90 €", "59.90 EUR (exact)"),
    ("1.299,00 EUR", "1299.00 EUR (exact)"),
    ("1,299.00 HKD", "1299.00 HKD (exact)"),
    ("HK$1,299", "1299.00 HKD (exact)"),
    ("£0.99", "0.99 GBP (exact)"),
    ("about $50", "50.00 USD (approximate)"),
    ("~20 USD", "20.00 USD (approximate)"),
    ("１２块", "12.00 CNY (exact)"),
    ("５９.９元", "59.90 CNY (exact)"),
    ("59.90CNY", "59.90 CNY (exact)"),
    ("CNY59.90", "59.90 CNY (exact)"),
    ("500 JPY", "500 JPY (exact)"),
    ("12.345 KWD", "12.345 KWD (exact)"),
    ("59.9", "59.90 CNY (exact, assumed)"),
    ("0 CNY", "refused: must be more than zero"),
    ("-5 USD", "refused: must be more than zero"),
    (
        "500.5 JPY",
        "refused: has more than 0 decimals, which JPY does not use",
    ),
    (
        "59.90 XYZ",
        "refused: has `XYZ`, which is not a currency this tool knows; use an ISO 4217 code such as CNY, USD or EUR",
    ),
    (
        "$5 CNY",
        "refused: names two currencies, CNY and USD; give one",
    ),
    (
        "1,29.00 USD",
        "refused: is not valid; expected an amount, e.g. 59.90 CNY, ¥59.9, $12.50 or €5",
    ),
    (
        "lots",
        "refused: is not valid; expected an amount, e.g. 59.90 CNY, ¥59.9, $12.50 or €5",
    ),
];

/// Times as typed in Hong Kong and Taiwan (traditional characters, Cantonese words), with
/// "a little after" (`9点多`), a dot between hour and minutes, am/pm before the time, a
/// weekday with the date, and a dotted month and day.
const MORE_DATETIMES: [(&str, &str); 37] = [
    ("昨天晚上8點半", "2026-11-20T20:30:00+08:00 (exact)"),
    ("昨天晚間9點", "2026-11-20T21:00:00+08:00 (exact)"),
    ("前天下午兩點", "2026-11-19T14:00:00+08:00 (exact)"),
    ("11月20號 下午3點", "2026-11-20T15:00:00+08:00 (exact)"),
    ("上週五晚上", "2026-11-13T20:00:00+08:00 (approximate)"),
    ("禮拜四 上午10點", "2026-11-19T10:00:00+08:00 (exact)"),
    ("淩晨2點", "2026-11-21T02:00:00+08:00 (exact)"),
    ("昨天，不記得幾點", "2026-11-20 (date)"),
    ("琴日夜晚11點", "2026-11-20T23:00:00+08:00 (exact)"),
    ("尋日下晝3點", "2026-11-20T15:00:00+08:00 (exact)"),
    ("今天上午9点多", "2026-11-21T09:00:00+08:00 (approximate)"),
    ("昨天9點多", "2026-11-20T09:00:00+08:00 (approximate)"),
    ("昨晚十点来钟", "2026-11-20T22:00:00+08:00 (approximate)"),
    ("昨天下午3时许", "2026-11-20T15:00:00+08:00 (approximate)"),
    ("昨晚十一點幾", "2026-11-20T23:00:00+08:00 (approximate)"),
    ("下午两点多点", "2026-11-21T14:00:00+08:00 (approximate)"),
    ("9.30pm yesterday", "2026-11-20T21:30:00+08:00 (exact)"),
    ("yesterday 21.30", "2026-11-20T21:30:00+08:00 (exact)"),
    ("昨天 21.30", "2026-11-20T21:30:00+08:00 (exact)"),
    ("14.03", "2026-11-21T14:03:00+08:00 (exact)"),
    ("下午2.30", "2026-11-21T14:30:00+08:00 (exact)"),
    ("PM 2:30", "2026-11-21T14:30:00+08:00 (exact)"),
    ("am 9.15", "2026-11-21T09:15:00+08:00 (exact)"),
    ("yesterday P.M. 8:05", "2026-11-20T20:05:00+08:00 (exact)"),
    ("Fri 20 Nov 14:03", "2026-11-20T14:03:00+08:00 (exact)"),
    (
        "Friday, November 20 at 2pm",
        "2026-11-20T14:00:00+08:00 (exact)",
    ),
    ("周五 11月20日", "2026-11-20 (date)"),
    (
        "11月20日（週五）下午3點",
        "2026-11-20T15:00:00+08:00 (exact)",
    ),
    ("昨天(周五)晚上7点", "2026-11-20T19:00:00+08:00 (exact)"),
    (
        "Fri, 20 Nov 2026 14:03:00 +0800",
        "2026-11-20T14:03:00+08:00 (exact)",
    ),
    (
        "Thu 20 Nov",
        "refused: says Thursday, but 2026-11-20 is a Friday; check the date",
    ),
    ("11.19 20:10", "2026-11-19T20:10:00+08:00 (exact)"),
    ("20:10 11.19", "2026-11-19T20:10:00+08:00 (exact)"),
    ("11.19", "2026-11-19 (date)"),
    ("周四 11.19", "2026-11-19 (date)"),
    ("12.05 下午3点", "2025-12-05T15:00:00+08:00 (exact)"),
    (
        "32.45",
        "refused: is not valid; expected a date and time, e.g. 2026-11-21 14:03, yesterday 3pm or about 9:30",
    ),
];

#[test]
fn datetimes_read_as_the_table_says() {
    for (typed, read) in DATETIMES {
        assert_eq!(describe(InputType::Datetime, typed), read, "{typed}");
    }
}

#[test]
fn amounts_read_as_the_table_says() {
    for (typed, read) in AMOUNTS {
        assert_eq!(describe(InputType::Amount, typed), read, "{typed}");
    }
}

#[test]
fn more_datetimes_read_as_the_table_says() {
    for (typed, read) in MORE_DATETIMES {
        assert_eq!(describe(InputType::Datetime, typed), read, "{typed}");
    }
}

/// Amounts as written in Hong Kong, Taiwan and Macau, currency symbols with a country
/// before them, and "a little over" (`60来块`).
const MORE_AMOUNTS: [(&str, &str); 30] = [
    ("兩塊半", "2.50 CNY (exact)"),
    ("12塊錢", "12.00 CNY (exact)"),
    ("人民幣100圓", "100.00 CNY (exact)"),
    ("3萬", "30000.00 CNY (exact, assumed)"),
    ("新臺幣500元", "500.00 TWD (exact)"),
    ("台幣300", "300.00 TWD (exact)"),
    ("NT$1,200", "1200.00 TWD (exact)"),
    ("500 NTD", "500.00 TWD (exact)"),
    ("港幣200元", "200.00 HKD (exact)"),
    ("HK$50", "50.00 HKD (exact)"),
    ("50蚊", "50.00 HKD (exact)"),
    ("3蚊半", "3.50 HKD (exact)"),
    ("5蚊5毫", "5.50 HKD (exact)"),
    ("澳門幣100", "100.00 MOP (exact)"),
    ("100 patacas", "100.00 MOP (exact)"),
    ("CN¥59.9", "59.90 CNY (exact)"),
    ("RMB¥59.9", "59.90 CNY (exact)"),
    ("US$12", "12.00 USD (exact)"),
    ("A$20", "20.00 AUD (exact)"),
    ("C$20", "20.00 CAD (exact)"),
    ("S$20", "20.00 SGD (exact)"),
    ("60来块", "60.00 CNY (approximate)"),
    ("一百来块", "100.00 CNY (approximate)"),
    ("60块多点", "60.00 CNY (approximate)"),
    ("大約60元", "60.00 CNY (approximate)"),
    ("五十九點九元", "59.90 CNY (exact)"),
    ("59点9元", "59.90 CNY (exact)"),
    ("¥1,000 JPY", "1000 JPY (exact)"),
    ("AU$20", "20.00 AUD (exact)"),
    (
        "半块",
        "refused: is not valid; expected an amount, e.g. 59.90 CNY, ¥59.9, $12.50 or €5",
    ),
];

#[test]
fn more_amounts_read_as_the_table_says() {
    for (typed, read) in MORE_AMOUNTS {
        assert_eq!(describe(InputType::Amount, typed), read, "{typed}");
    }
}
