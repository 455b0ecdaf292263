//! Traditional Chinese characters of the parsers' own vocabulary folded to their simplified
//! forms (`點`→`点`, `幾`→`几`, `塊`→`块`, `週`→`周` …), so one table of simplified words
//! reads answers typed in Hong Kong, Taiwan and Macau too (`昨天晚間9點多`, `新臺幣500元`).
//!
//! Only the characters the word tables use are folded, one for one: a full converter
//! (thousands of characters, phrase tables) would change nothing the parsers can read, and
//! a parser never shows the folded text back; the report keeps what the parser normalised.

/// The simplified form of `c` where `c` is a traditional character the parsers' words use;
/// any other character as it is.
pub(super) fn simplified(c: char) -> char {
    match c {
        '點' => '点',
        '幾' => '几',
        '記' => '记',
        '塊' => '块',
        '幣' => '币',
        '圓' => '圆',
        '兩' => '两',
        '號' => '号',
        '週' => '周',
        '間' => '间',
        '時' => '时',
        '錢' => '钱',
        '萬' => '万',
        '鐘' => '钟',
        '後' => '后',
        '個' => '个',
        '這' => '这',
        '禮' => '礼',
        '門' => '门',
        '臺' => '台',
        '歐' => '欧',
        '鎊' => '镑',
        '韓' => '韩',
        '確' => '确',
        '詳' => '详',
        '約' => '约',
        '剛' => '刚',
        '淩' => '凌',
        '裡' | '裏' => '里',
        '體' => '体',
        '曉' => '晓',
        '單' => '单',
        '訂' => '订',
        '碼' => '码',
        '筆' => '笔',
        '張' => '张',
        '條' => '条',
        '戶' => '户',
        '轉' => '转',
        '編' => '编',
        '參' => '参',
        '兒' => '儿',
        '來' => '来',
        '許' => '许',
        '應' => '应',
        '該' => '该',
        '紙' => '纸',
        '額' => '额',
        '賬' | '帳' => '账',
        '尋' => '寻',
        '晝' => '昼',
        '聽' => '听',
        _ => c,
    }
}

/// Fails for a word of a parser's table that is not written simplified: folding would make
/// it unreachable.
#[cfg(test)]
pub(super) fn assert_simplified<'a>(words: impl IntoIterator<Item = &'a str>) {
    for word in words {
        let folded: String = word.chars().map(simplified).collect();
        assert_eq!(folded, word, "a traditional character in a parser's word");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        s.chars().map(simplified).collect()
    }

    #[test]
    fn traditional_words_fold_to_the_simplified_ones() {
        for (traditional, simple) in [
            ("幾點", "几点"),
            ("不記得", "不记得"),
            ("塊錢", "块钱"),
            ("新臺幣", "新台币"),
            ("港幣", "港币"),
            ("日圓", "日圆"),
            ("兩萬", "两万"),
            ("5號", "5号"),
            ("週五", "周五"),
            ("晚間", "晚间"),
            ("夜裡", "夜里"),
            ("夜裏", "夜里"),
            ("3天後", "3天后"),
            ("下個禮拜", "下个礼拜"),
            ("這週", "这周"),
            ("澳門幣", "澳门币"),
            ("歐元", "欧元"),
            ("英鎊", "英镑"),
            ("韓元", "韩元"),
            ("不確定", "不确定"),
            ("不詳", "不详"),
            ("大約", "大约"),
            ("剛剛", "刚刚"),
            ("淩晨", "凌晨"),
            ("具體時間", "具体时间"),
            ("不曉得", "不晓得"),
            ("交易單號", "交易单号"),
            ("訂單編號", "订单编号"),
            ("參考號碼", "参考号码"),
            ("商戶單號", "商户单号"),
            ("轉賬", "转账"),
            ("3筆", "3笔"),
            ("2張", "2张"),
            ("1條", "1条"),
            ("昨兒", "昨儿"),
            ("50來塊", "50来块"),
            ("3時許", "3时许"),
            ("應該", "应该"),
            ("港紙", "港纸"),
            ("尋日", "寻日"),
            ("下晝", "下昼"),
            ("聽日", "听日"),
            ("金額", "金额"),
            ("十點鐘", "十点钟"),
            ("兩個", "两个"),
        ] {
            assert_eq!(fold(traditional), simple, "{traditional}");
        }
    }

    #[test]
    fn everything_else_is_left_as_it_is() {
        let s = "2026-11-21 14:03 昨天下午3点 $59.9 元角分 ¥ é";
        assert_eq!(fold(s), s);
    }
}
