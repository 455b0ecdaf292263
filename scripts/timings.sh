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
all_names=(hello-world git-bugreport scripted-json scripted-no-journal search search-1000-warm
    search-1000-cold list-1000-warm list-1000-cold cases-1000)
for name in "${only[@]}"; do
    [[ " ${all_names[*]} " == *" $name "* ]] ||
        { echo "error: no row named $name; rows: ${all_names[*]}" >&2; exit 2; }
done
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

echo "generating 1,000 guides…" >&2
guides=$work/guides
scripts/gen-guides.sh "$guides" 1000

# Answers that walk payment-failed through every self-check to its contact-support ending.
answers=$root/scripts/scripted-answers.toml

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
names=("${all_names[@]}")
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
