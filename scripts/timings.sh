#!/usr/bin/env bash
# Whole-process timings and peak memory of the release binary, against issue 15's budgets, on
# this machine, next to two yardsticks measured here too: a Rust hello-world built with the same
# release profile, and `git bugreport` in a scratch repository.
#
#   scripted payment-failed run to a JSON report   <= 2x hello-world and <= 0.5x git bugreport
#   search on the bundled catalog                  <= 0.8x git bugreport
#   search with 1,000 provider guides, warm cache  < 15 ms;   cold (no cache)  < 150 ms
#   list with 1,000 provider guides, warm cache    < 10 ms    (cold: measured, no time budget)
#   scripted run with the journal on               <= 1.2x the same run with --no-journal
#   cases with 1,000 cases in the journal          < 20 ms
#   peak memory (max RSS) of each of the above     < 10 MB
#
# For developers, not CI: needs `hyperfine` (medians of `hyperfine -N`) and GNU time
# (`/usr/bin/time -v`, Debian package `time`) for peak memory.
#
# Usage: scripts/timings.sh [RUNS] [NAME…]   (RUNS defaults to 200; a fifth of that for cold runs;
#        NAMEs pick some of the rows below, hello-world and git-bugreport always run)
#
# The machine may be shared: next to the wall-clock median it prints the CPU time (user + system,
# hyperfine's means) and the load average before and after, so a slow row can be told from a busy
# machine.
# In-process numbers without start-up: cargo bench --bench catalog, cargo bench --bench search

set -euo pipefail

runs=${1:-200}
shift || true
only=("$@")
cold_runs=$(( runs / 5 > 10 ? runs / 5 : 10 ))

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v hyperfine >/dev/null || { echo "error: hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

echo "building release…" >&2
cargo build --release --quiet
target_dir=${CARGO_TARGET_DIR:-$root/target}
bin=$target_dir/release/wallet-help
[[ -x $bin ]] || { echo "error: $bin not found" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/wallet-help-timings.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A fixed clock, time zone and language, no colour, a private home (config, cache) and no extra
# guide folders, so every run does the same work.
# rustup and cargo keep their own homes.
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export SOURCE_DATE_EPOCH=1795000000 # 2026-11-18T11:06:40Z
# git bugreport opens an editor on its report: one that returns at once.
export GIT_EDITOR=true
export TZ=Asia/Shanghai LANG=C.UTF-8 NO_COLOR=1 HOME=$work/home
export XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache
export XDG_DATA_HOME=$work/home/.local/share
unset LC_ALL LC_MESSAGES WALLET_HELP_LANG WALLET_HELP_GUIDES WALLET_HELP_CONFIG WALLET_HELP_REGION
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"

# ── The yardsticks ──────────────────────────────────────────────────────────────────────────

echo "building a hello-world with the same release profile…" >&2
hello_dir=$work/hello
mkdir -p "$hello_dir/src"
{
    printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n\n'
    # The release profile, exactly as the project sets it.
    awk '/^\[profile\.release\]/ { on = 1; print; next } /^\[/ { on = 0 } on' Cargo.toml
} >"$hello_dir/Cargo.toml"
echo 'fn main() { println!("Hello, world!"); }' >"$hello_dir/src/main.rs"
cargo build --release --quiet --manifest-path "$hello_dir/Cargo.toml" --target-dir "$work/hello-target"
hello=$work/hello-target/release/hello

repo=$work/repo
git init -q "$repo"

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
check-connection = "no"
check-balance = "no"
check-limit = "no"
check-card-details = "no"
check-other-method = "no"
how-paid = "online"
check-issuer = "no"
transaction-id = "2026111722001400000000001234"
merchant = "Example Coffee"
card-last4 = "4321"
phone-os = "android"
phone-os-version = "14"
phone-model = "Pixel 8"
wallet-app = "Alipay"
wallet-app-version = "10.6.0"
network = "wifi"
EOF

"$bin" payment-failed --no-input --format json --answers "$answers" 2>/dev/null |
    grep -q '"outcome": "contact-support"' ||
    { echo "error: the scripted run did not reach contact-support" >&2; exit 1; }
"$bin" --guides "$guides" search my card got declined at the shop | grep -q payment-failed ||
    { echo "error: search with 1,000 guides did not find payment-failed" >&2; exit 1; }

# A journal with 1,000 cases (one report each, different amounts), for `cases`.
if ((${#only[@]} == 0)) || [[ " ${only[*]} " == *" cases-1000 "* ]]; then
    echo "recording 1,000 cases…" >&2
    for ((n = 1; n <= 1000; n++)); do
        XDG_DATA_HOME=$work/many "$bin" payment-failed --no-input --format json --answers "$answers" \
            --set "amount=$n.00 CNY" >/dev/null 2>&1
    done
    [[ $(XDG_DATA_HOME=$work/many "$bin" cases | grep -c '^WH-') == 1000 ]] ||
        { echo "error: the journal does not hold 1,000 cases" >&2; exit 1; }
    # A thousand journal writes leave the disk busy writing back for a while: wait for it, so
    # the rows below do not pay for it (the scripted report's own journal write did, 4.7 ms
    # instead of 3.2).
    sync
fi

# ── Timing: medians in ms, and peak memory ─────────────────────────────────────────────────

cache=$XDG_CACHE_HOME/wallet-help
names=(hello-world git-bugreport scripted-json scripted-no-journal search search-1000-warm
    search-1000-cold list-1000-warm list-1000-cold cases-1000)
if ((${#only[@]} > 0)); then names=(hello-world git-bugreport "${only[@]}"); fi
declare -A argv prepare count
argv[hello-world]="$hello"
argv[git-bugreport]="git -C $repo bugreport -o $work/bugreport"
prepare[git-bugreport]="rm -rf $work/bugreport"
argv[scripted-json]="$bin payment-failed --no-input --format json --answers $answers"
argv[scripted-no-journal]="${argv[scripted-json]} --no-journal"
argv[cases-1000]="env XDG_DATA_HOME=$work/many $bin cases"
argv[search]="$bin search my card got declined at the shop"
argv[search-1000-warm]="$bin --guides $guides search my card got declined at the shop"
argv[search-1000-cold]=${argv[search-1000-warm]}
prepare[search-1000-cold]="rm -rf $cache"
argv[list-1000-warm]="$bin --guides $guides list"
argv[list-1000-cold]=${argv[list-1000-warm]}
prepare[list-1000-cold]="rm -rf $cache"
for name in "${names[@]}"; do count[$name]=$runs; done
count[search-1000-cold]=$cold_runs
count[list-1000-cold]=$cold_runs

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo -)
declare -A median cpu rss
for name in "${names[@]}"; do
    csv=$work/$name.csv
    extra=()
    [[ -n ${prepare[$name]:-} ]] && extra=(--prepare "${prepare[$name]}")
    "$bin" --guides "$guides" list >/dev/null # a warm cache for the warm runs
    hyperfine -N --warmup 20 --runs "${count[$name]}" --style basic --command-name "$name" \
        "${extra[@]}" --export-csv "$csv" "${argv[$name]}" >&2
    # command,mean,stddev,median,user,system,min,max (seconds)
    median[$name]=$(awk -F, 'NR == 2 { printf "%.2f", $4 * 1000 }' "$csv")
    cpu[$name]=$(awk -F, 'NR == 2 { printf "%.2f", ($5 + $6) * 1000 }' "$csv")
    peak=0
    if [[ -x /usr/bin/time ]]; then
        for ((r = 0; r < 5; r++)); do
            if [[ -n ${prepare[$name]:-} ]]; then ${prepare[$name]}; fi
            # shellcheck disable=SC2086 # the command line is split on purpose
            /usr/bin/time -v -o "$work/time.txt" ${argv[$name]} >/dev/null 2>&1 || true
            kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt")
            ((kb > peak)) && peak=$kb
        done
    fi
    rss[$name]=$peak
done

# ── Summary ────────────────────────────────────────────────────────────────────────────────

hello_ms=${median[hello-world]}
git_ms=${median[git-bugreport]}
budget_of() {
    case $1 in
        scripted-json) awk -v h="$hello_ms" -v g="$git_ms" 'BEGIN { b = 2 * h; if (0.5 * g < b) b = 0.5 * g; printf "%.2f", b }' ;;
        search) awk -v g="$git_ms" 'BEGIN { printf "%.2f", 0.8 * g }' ;;
        search-1000-warm) echo 15 ;;
        search-1000-cold) echo 150 ;;
        list-1000-warm) echo 10 ;;
        cases-1000) echo 20 ;;
        *) echo - ;;
    esac
}

echo
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo -)
echo "wallet-help timings (hyperfine -N medians; $(nproc) cores; $(uname -sr))"
echo "load average (1, 5, 15 min): $load_before before, $load_after after"
printf '%-20s %10s %8s %10s %7s %11s %6s\n' command median_ms cpu_ms budget_ms time max_rss_kb mem
for name in "${names[@]}"; do
    budget=$(budget_of "$name")
    verdict=-
    [[ $budget != - ]] && verdict=$(awk -v v="${median[$name]}" -v b="$budget" 'BEGIN { print (v + 0 <= b + 0) ? "ok" : "OVER" }')
    mem=-
    if [[ $name != hello-world && $name != git-bugreport && ${rss[$name]} -gt 0 ]]; then
        mem=$( ((rss[$name] < 10 * 1024)) && echo ok || echo OVER)
    fi
    printf '%-20s %10s %8s %10s %7s %11s %6s\n' "$name" "${median[$name]}" "${cpu[$name]}" "$budget" \
        "$verdict" "${rss[$name]}" "$mem"
done
if [[ -n ${median[scripted-json]:-} ]]; then
    awk -v s="${median[scripted-json]}" -v h="$hello_ms" -v g="$git_ms" -v sc="${cpu[scripted-json]}" \
        -v hc="${cpu[hello-world]}" -v gc="${cpu[git-bugreport]}" 'BEGIN {
        printf "scripted-json: %.2fx hello-world, %.2fx git bugreport (CPU time: %.2fx, %.2fx)\n",
            s / h, s / g, sc / hc, sc / gc }'
fi
if [[ -n ${median[search]:-} ]]; then
    awk -v q="${median[search]}" -v g="$git_ms" 'BEGIN { printf "search: %.2fx git bugreport\n", q / g }'
fi
if [[ -n ${median[scripted-json]:-} && -n ${median[scripted-no-journal]:-} ]]; then
    awk -v j="${median[scripted-json]}" -v n="${median[scripted-no-journal]}" 'BEGIN {
        r = j / n; printf "journal cost: scripted-json / scripted-no-journal = %.2fx (budget 1.2x): %s\n", r, (r <= 1.2) ? "ok" : "OVER" }'
fi
