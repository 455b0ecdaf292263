#!/usr/bin/env bash
# Whole-process timings and peak memory of the release binary, against the budgets:
#
#   wallet-help list                                        < 3 ms
#   scripted payment-failed run to a JSON report            < 5 ms
#   guides check on 1,000 generated guides                  < 200 ms
#   search on the bundled catalog                           < 5 ms
#   search with 1,000 generated guides as well              < 50 ms
#   the scripted run with --no-journal (the journal's cost)   within 1.2x of it
#   cases with 1,000 cases in the journal                   < 20 ms
#   peak memory (max RSS) of each of the above              < 10 MB
#
# For developers, not CI: it uses `hyperfine` when installed (else a `date +%s%N` loop) and
# GNU time (`/usr/bin/time -v`, Debian package `time`) for peak memory.
#
# Usage: scripts/timings.sh [RUNS]     (RUNS defaults to 200; 20 for `guides check`)
# In-process numbers without startup: cargo bench --bench catalog

set -euo pipefail

runs=${1:-200}
check_runs=$(( runs / 10 > 10 ? runs / 10 : 10 ))

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

echo "building release…" >&2
cargo build --release --quiet
target_dir=${CARGO_TARGET_DIR:-$root/target}
bin=$target_dir/release/wallet-help
[[ -x $bin ]] || { echo "error: $bin not found" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/wallet-help-timings.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A fixed clock, time zone and language, no colour, and no user config or extra guide folders,
# so every run does the same work.
export SOURCE_DATE_EPOCH=1795000000 # 2026-11-18T11:06:40Z
export TZ=UTC LANG=C.UTF-8 NO_COLOR=1 XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset LC_ALL LC_MESSAGES WALLET_HELP_LANG WALLET_HELP_GUIDES WALLET_HELP_CONFIG WALLET_HELP_REGION
mkdir -p "$work/config"

# ── 1,000 generated guides: 15 steps each (info, input, choice, check, end), both languages ──

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

echo "generating 1,000 guides…" >&2
guides=$work/guides
mkdir -p "$guides"
for ((n = 0; n < 1000; n++)); do
    printf -v file '%s/gen-guide-%04d.toml' "$guides" "$n"
    gen_guide "$n" >"$file"
done

# Answers that walk payment-failed through every self-check to its contact-support ending.
answers=$work/answers.toml
cat >"$answers" <<'EOF'
error-message = "Declined: insufficient funds (code 51)"
occurred-at = "2026-11-17 14:03"
amount = "59.90 CNY"
account-signs = "nothing"
check-balance = "no"
check-card-details = "no"
check-other-method = "no"
paying-in-shop = "no"
check-issuer = "no"
transaction-id = "2026111722001400000000001234"
merchant = "Example Coffee"
card-last4 = "4321"
EOF

# ── The commands, each checked once before it is timed ──────────────────────────────────────

names=(list scripted-json guides-check-1000 search search-1000 scripted-no-journal cases-1000)
budgets_ms=(3 5 200 5 50 5 20)
# Sets `argv` to command i's arguments.
argv_of() {
    case $1 in
        0) argv=("$bin" list) ;;
        1) argv=("$bin" payment-failed --no-input --format json --answers "$answers") ;;
        2) argv=("$bin" guides check "$guides") ;;
        3) argv=("$bin" search my card got declined at the shop) ;;
        4) argv=("$bin" --guides "$guides" search my card got declined at the shop) ;;
        5) argv=("$bin" payment-failed --no-input --format json --answers "$answers" --no-journal) ;;
        6) argv=(env XDG_DATA_HOME="$work/many" "$bin" cases) ;;
    esac
}
count=(0 0 0 0 0 0 0)
count[0]=$runs count[1]=$runs count[2]=$check_runs count[3]=$runs count[4]=$check_runs
count[5]=$runs count[6]=$runs

# A journal with 1,000 cases (one report each, different amounts), for `cases`.
echo "recording 1,000 cases…" >&2
for ((n = 1; n <= 1000; n++)); do
    XDG_DATA_HOME=$work/many "$bin" payment-failed --no-input --format json --answers "$answers" \
        --set "amount=$n.00 CNY" >/dev/null 2>&1
done
[[ $(XDG_DATA_HOME=$work/many "$bin" cases | grep -c '^WH-') == 1000 ]] ||
    { echo "error: the journal does not hold 1,000 cases" >&2; exit 1; }

"$bin" list >/dev/null
"$bin" payment-failed --no-input --format json --answers "$answers" 2>/dev/null |
    grep -q '"outcome": "contact-support"' ||
    { echo "error: the scripted run did not reach contact-support" >&2; exit 1; }
"$bin" guides check "$guides" | grep -q '^1000 guides valid$' ||
    { echo "error: the generated guides are not all valid" >&2; exit 1; }

# ── Timing: mean and median in ms ──────────────────────────────────────────────────────────

declare -a means medians mins
if command -v hyperfine >/dev/null; then
    tool=hyperfine
    for i in "${!names[@]}"; do
        csv=$work/${names[i]}.csv
        argv_of "$i"
        hyperfine --shell=none --warmup 10 --runs "${count[i]}" --style basic \
            --command-name "${names[i]}" --export-csv "$csv" "$(printf '%q ' "${argv[@]}")" >&2
        # command,mean,stddev,median,user,system,min,max (seconds)
        means[i]=$(awk -F, 'NR == 2 { printf "%.2f", $2 * 1000 }' "$csv")
        medians[i]=$(awk -F, 'NR == 2 { printf "%.2f", $4 * 1000 }' "$csv")
        mins[i]=$(awk -F, 'NR == 2 { printf "%.2f", $7 * 1000 }' "$csv")
    done
else
    tool="date loop (install hyperfine for better numbers)"
    for i in "${!names[@]}"; do
        argv_of "$i"
        for ((w = 0; w < 5; w++)); do "${argv[@]}" >/dev/null 2>&1; done
        samples=$work/${names[i]}.ns
        : >"$samples"
        for ((r = 0; r < count[i]; r++)); do
            start=$(date +%s%N)
            "${argv[@]}" >/dev/null 2>&1
            end=$(date +%s%N)
            echo $((end - start)) >>"$samples"
        done
        means[i]=$(awk '{ s += $1 } END { printf "%.2f", s / NR / 1e6 }' "$samples")
        medians[i]=$(sort -n "$samples" | awk '{ v[NR] = $1 }
            END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m / 1e6 }')
        mins[i]=$(sort -n "$samples" | awk 'NR == 1 { printf "%.2f", $1 / 1e6 }')
    done
fi

# ── Peak memory: the largest max RSS over a few runs ───────────────────────────────────────

rss_budget_kb=$((10 * 1024))
declare -a rss_kb
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null; then
    for i in "${!names[@]}"; do
        argv_of "$i"
        peak=0
        for ((r = 0; r < 5; r++)); do
            /usr/bin/time -v -o "$work/time.txt" "${argv[@]}" >/dev/null 2>&1
            kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' \
                "$work/time.txt")
            ((kb > peak)) && peak=$kb
        done
        rss_kb[i]=$peak
    done
else
    echo "warning: GNU time not found (apt-get install time); skipping peak memory" >&2
fi

# ── Summary ────────────────────────────────────────────────────────────────────────────────

verdict() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 < b + 0) ? "ok" : "OVER" }'; }

echo
echo "wallet-help timings ($tool; $(nproc) cores; $(uname -sr))"
printf '%-20s %9s %9s %9s %8s %6s %11s %6s\n' command mean_ms median_ms min_ms budget time max_rss_kb mem
for i in "${!names[@]}"; do
    rss=${rss_kb[i]:-}
    mem=-
    [[ -n $rss ]] && mem=$( ((rss < rss_budget_kb)) && echo ok || echo OVER)
    printf '%-20s %9s %9s %9s %8s %6s %11s %6s\n' "${names[i]}" "${means[i]}" "${medians[i]}" "${mins[i]}" \
        "${budgets_ms[i]}ms" "$(verdict "${medians[i]}" "${budgets_ms[i]}")" "${rss:--}" "$mem"
done
echo "(time verdict uses the median; memory budget is ${rss_budget_kb} kB max RSS)"
ratio=$(awk -v j="${medians[1]}" -v n="${medians[5]}" 'BEGIN { printf "%.2f", j / n }')
echo "journal cost: scripted-json / scripted-no-journal = ${ratio}x (budget 1.2x):" \
    "$(awk -v r="$ratio" 'BEGIN { print (r + 0 <= 1.2) ? "ok" : "OVER" }')"
