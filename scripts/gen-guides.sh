#!/usr/bin/env bash
# Writes COUNT generated provider guides to DIR (gen-guide-0000.toml, …): 15 steps each (info,
# input, choice, check, end), both languages, every id, title and alias unique. For measuring
# start-up and search with many provider guides (scripts/timings.sh, scripts/hot-symbols.sh).
#
# Usage: scripts/gen-guides.sh DIR COUNT

set -euo pipefail

dir=${1:?usage: gen-guides.sh DIR COUNT}
count=${2:?usage: gen-guides.sh DIR COUNT}

gen_guide() {
    local n=$1 id
    local groups=(payments money account other)
    local group=${groups[n % 4]}
    printf -v id '%04d' "$n"
    cat <<EOF
# Generated guide $n: 15 steps, both languages.
schema = 1
id = "gen-guide-$id"
group = "$group"
start = "intro"
urgent = false
needs = ["what-happened", "occurred-at", "amount", "reference"]

title = { en = "Generated problem $n", zh = "生成的问题 $n" }
summary = { en = "A made-up problem number $n used to measure validation", zh = "用来测量校验速度的第 $n 个示例问题" }

[aliases]
en = ["gen-alias-$id", "gen-other-$id"]
zh = ["生成问题$n"]

[keywords]
en = ["generated problem $n", "benchmark guide", "something went wrong"]
zh = ["生成的问题", "基准测试指南", "出问题了"]

[report]
summary.en = "Problem $n: {what-happened} at {occurred-at}, amount {amount}, reference {reference}."
summary.zh = "问题 $n:{occurred-at} 发生 {what-happened},金额 {amount},单号 {reference}。"

[[steps]]
id = "intro"
kind = "info"
text.en = "Let's work through this together. It takes a few minutes, and at the end you either have a fix or a report for support."
text.zh = "我们一起一步步排查。几分钟就好,最后要么问题解决,要么得到一份可以直接发给客服的报告。"
next = "what-happened"

[[steps]]
id = "what-happened"
kind = "input"
type = "text"
question.en = "What exactly happened? Copy any message you saw."
question.zh = "具体发生了什么?如果有提示,请照原样抄下来。"
help.en = "Your own words are fine if there was no message."
help.zh = "如果没有提示,用自己的话描述就行。"
label = { en = "What happened", zh = "发生了什么" }
next = "occurred-at"

[[steps]]
id = "occurred-at"
kind = "input"
type = "datetime"
question.en = "When did it happen?"
question.zh = "是什么时候发生的?"
help.en = "For example 2026-11-21 14:03, or yesterday 9:30."
help.zh = "例如 2026-11-21 14:03 或“昨天 9:30”。"
label = { en = "When", zh = "时间" }
linkable = true
next = "amount"

[[steps]]
id = "amount"
kind = "input"
type = "amount"
question.en = "How much money was involved?"
question.zh = "涉及的金额是多少?"
help.en = "Include the currency, for example 59.90 CNY or \$12.50."
help.zh = "请带上币种,例如 59.90元 或 \$12.50。"
label = { en = "Amount", zh = "金额" }
linkable = true
next = "where"

[[steps]]
id = "where"
kind = "choice"
question.en = "Where did you see the problem?"
question.zh = "你是在哪里遇到这个问题的?"
help.en = "Pick the closest one."
help.zh = "选最接近的一项。"
choices = [
  { id = "in-app", label = { en = "In the wallet app", zh = "在钱包 App 里" }, next = "check-app" },
  { id = "in-shop", label = { en = "In a shop", zh = "在线下门店" }, next = "check-network" },
  { id = "not-me", label = { en = "Activity that wasn't me", zh = "有不是我本人的操作" }, next = "secure-now" },
]

[[steps]]
id = "secure-now"
kind = "info"
text.en = "Freeze your account in the app first, then change your login on a device you trust."
text.zh = "请先在 App 里冻结账户,再用你信得过的设备修改登录信息。"
next = "contact-urgent"

[[steps]]
id = "contact-urgent"
kind = "end"
outcome = "contact-support"
urgent = true
needs = ["what-happened", "occurred-at", "amount"]
text.en = "Send the urgent report below through Help in your wallet app."
text.zh = "请通过钱包 App 里的帮助入口发送下面这份紧急报告。"

[[steps]]
id = "check-app"
kind = "check"
label = { en = "Updated and restarted the app", zh = "已更新并重启 App" }
text.en = "Update the wallet app from the official store, close it fully and open it again."
text.zh = "到官方应用商店更新钱包 App,彻底关闭后重新打开。"
fixed = "resolved"
next = "check-network"

[[steps]]
id = "check-network"
kind = "check"
label = { en = "Checked the connection", zh = "已检查网络" }
text.en = "Open any web page to make sure your phone is online, then try once more."
text.zh = "随便打开一个网页,确认手机网络正常,再试一次。"
fixed = "resolved"
next = "check-limits"

[[steps]]
id = "check-limits"
kind = "check"
label = { en = "Checked the limits", zh = "已核对限额" }
text.en = "In the app, look at your daily and single-payment limits, and at any notice about your account."
text.zh = "在 App 里查看单日和单笔限额,以及有没有账户相关的提示。"
fixed = "resolved"
next = "reference"

[[steps]]
id = "reference"
kind = "input"
type = "transaction-id"
question.en = "What is the transaction ID?"
question.zh = "交易单号是多少?"
help.en = "In the app: Me, then Bills, then the payment."
help.zh = "在 App 里:我的 → 账单 → 点开这笔。"
label = { en = "Transaction ID", zh = "交易单号" }
linkable = true
next = "phone"

[[steps]]
id = "phone"
kind = "input"
type = "phone"
question.en = "Which phone number is on your wallet account?"
question.zh = "钱包账户绑定的手机号是多少?"
label = { en = "Phone", zh = "手机号" }
required = false
next = "email"

[[steps]]
id = "email"
kind = "input"
type = "email"
question.en = "Which email address can support reply to?"
question.zh = "客服可以回复到哪个邮箱?"
label = { en = "Email", zh = "邮箱" }
required = false
next = "contact-support"

[[steps]]
id = "resolved"
kind = "end"
outcome = "resolved"
text.en = "Good, glad it works again."
text.zh = "太好了,问题解决了。"

[[steps]]
id = "contact-support"
kind = "end"
outcome = "contact-support"
text.en = "Thanks, that's everything support needs. Send the report below through Help in your wallet app."
text.zh = "好的,客服需要的信息都齐了。请通过钱包 App 里的帮助入口发送下面的报告。"
EOF
}

mkdir -p "$dir"
for ((n = 0; n < count; n++)); do
    printf -v file '%s/gen-guide-%04d.toml' "$dir" "$n"
    gen_guide "$n" >"$file"
done
