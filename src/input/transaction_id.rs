//! Transaction and order ids as they are pasted from a wallet app: with their label
//! (`交易单号：`, `Transaction ID:`, `Ref #`), spaces every four digits, line breaks. What is
//! left must be 6–64 letters, digits, `-` or `_`.

use super::folded;

/// Labels a wallet app or a receipt puts before an id, longest first within each language.
const LABELS: [&str; 33] = [
    "支付宝交易号",
    "微信支付单号",
    "商户订单号",
    "交易流水号",
    "交易单号",
    "订单编号",
    "商户单号",
    "支付单号",
    "转账单号",
    "退款单号",
    "交易编号",
    "交易号",
    "订单号",
    "流水号",
    "参考号",
    "单号",
    "transaction number",
    "transaction no.",
    "transaction no",
    "transaction id",
    "transaction",
    "reference number",
    "reference no.",
    "reference",
    "order number",
    "order no.",
    "order id",
    "order",
    "txn id",
    "ref no.",
    "ref",
    "id",
    "no.",
];

pub(super) fn parse(s: &str) -> Option<String> {
    let s = folded(s);
    let id: String = without_label(s.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let ok_len = (6..=64).contains(&id.len());
    let ok_chars = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (ok_len && ok_chars).then_some(id)
}

/// `s` without a leading label and its `:`, `#` or `No.`. An English label counts only when
/// something separates it from the id, so an id that starts `ref…` keeps its letters.
fn without_label(s: &str) -> &str {
    for label in LABELS {
        let Some(head) = s.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let Some(rest) = s.get(label.len()..) else {
            continue;
        };
        let trimmed = rest.trim_start();
        let separated = trimmed.len() < rest.len() || !label.is_ascii() || label.ends_with('.');
        let after_mark = trimmed
            .strip_prefix([':', '#'])
            .map(str::trim_start)
            .or_else(|| separated.then_some(trimmed));
        if let Some(after) = after_mark {
            let after = after.strip_prefix('#').map_or(after, str::trim_start);
            return without_label(after).trim_start_matches([':', '#', ' ']);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_written_simplified() {
        super::super::fold::assert_simplified(LABELS);
    }

    #[test]
    fn long_digit_strings_stay_as_typed() {
        let wechat = "1217752501201407033233368018";
        assert_eq!(parse(wechat).as_deref(), Some(wechat));
        assert_eq!(parse(" 9XK12-ab_3 ").as_deref(), Some("9XK12-ab_3"));
    }

    #[test]
    fn pasted_labels_spaces_and_line_breaks_are_cleaned() {
        let id = "4200001234202611211234567890";
        for pasted in [
            "交易单号：4200001234202611211234567890",
            "交易单号: 4200 0012 3420 2611 2112 3456 7890",
            "订单号:4200001234202611211234567890",
            "Transaction ID: 4200001234202611211234567890",
            "transaction id 4200001234202611211234567890",
            "Ref #4200001234202611211234567890",
            "Ref No. 4200001234202611211234567890",
            "4200 0012 3420\n2611 2112\r\n3456 7890",
            "４２００００１２３４２０２６１１２１１２３４５６７８９０",
            "商户订单号：\n4200001234202611211234567890",
            "交易單號：4200001234202611211234567890",
            "商戶訂單號: 4200001234202611211234567890",
        ] {
            assert_eq!(parse(pasted).as_deref(), Some(id), "{pasted:?}");
        }
        // A label glued to an English id is part of the id.
        assert_eq!(parse("REF123456").as_deref(), Some("REF123456"));
        assert_eq!(parse("order-2026-0001").as_deref(), Some("order-2026-0001"));
    }

    #[test]
    fn a_label_glued_to_its_id_when_it_is_chinese_or_ends_in_a_dot() {
        let id = "4200001234202611211234567890";
        for pasted in [
            "订单号4200001234202611211234567890",
            "Ref No.4200001234202611211234567890",
        ] {
            assert_eq!(parse(pasted).as_deref(), Some(id), "{pasted}");
        }
    }

    #[test]
    fn what_is_left_must_look_like_an_id() {
        for bad in [
            "12345",
            "交易号123456x!",
            "交易单号：",
            &"9".repeat(65),
            "abc/def/ghi",
            "Ref #",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
