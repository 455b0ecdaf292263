#!/usr/bin/env bash
# Writes link/hot-symbols.txt: the functions that everyday commands run, most shared first, for
# the linker to place side by side (build.rs passes it to lld as a symbol ordering file).
#
# Why: the kernel maps a program's code 64 KB at a time around each page it touches. Left to
# the compiler's order, the thousand or so functions everyday commands run are spread over 6 MB
# of code, so a scripted report had about 2.5 MB of it in memory and took hundreds of page
# faults at start-up. Placed together they fit in about 1 MB.
#
# The file is a list of symbol names. A name the build does not have (code changed since the
# list was made) is skipped without a warning, so a stale list costs speed, never correctness.
# Run this again after large changes and commit the result.
#
# For developers, not CI: needs valgrind (callgrind) and python3.
#
# Usage: scripts/hot-symbols.sh

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v valgrind >/dev/null || { echo "error: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }

# The shipped release profile, with the linker's map of it: symbol names depend on the profile,
# so a build that kept its symbols would name every function differently.
target_dir=$root/target/hot-symbols
work=$(mktemp -d "${TMPDIR:-/tmp}/wallet-help-hot.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "building release with a link map…" >&2
WALLET_HELP_LINK_MAP=$work/link.map CARGO_TARGET_DIR=$target_dir cargo build --release --quiet
bin=$target_dir/release/wallet-help
export SOURCE_DATE_EPOCH=1795000000 TZ=Asia/Shanghai LANG=C.UTF-8 NO_COLOR=1 HOME=$work/home
export XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache
export XDG_DATA_HOME=$work/home/.local/share
unset LC_ALL LC_MESSAGES WALLET_HELP_LANG WALLET_HELP_GUIDES WALLET_HELP_CONFIG WALLET_HELP_REGION
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$work/out"

# Two provider folders: one searched with no index yet (enough guides to be read on every
# core), one listed (which writes its index) and then searched.
scripts/gen-guides.sh "$work/cold" 64
scripts/gen-guides.sh "$work/guides" 8

answers=$root/scripts/scripted-answers.toml

# The commands, the most common first: the scripted report's path leads the list.
commands=(
    "payment-failed --no-input --format json --answers $answers"
    "payment-failed --no-input --answers $answers -o $work/out/report.md"
    "search my card got declined at the shop"
    "--lang zh search 付款失败了怎么办"
    "list"
    "cases"
    "--version"
    "--help"
    "payment-failed --help"
    "--guides $work/cold search my card got declined"
    "--guides $work/guides list"
    "--guides $work/guides search my card got declined"
)
n=0
for args in "${commands[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # each entry is a whole argument list
    valgrind --tool=callgrind --compress-strings=no --dump-instr=no \
        --callgrind-out-file="$work/run-$n.out" "$bin" $args >/dev/null 2>&1 || true
done

# The binary is stripped: callgrind names its functions by address. The map turns each address
# into the symbol that holds it. Ordered by how many commands ran it, then by the first command
# that did.
mkdir -p link
python3 - "$work/link.map" "$work" "$n" >link/hot-symbols.txt <<'PY'
import bisect, sys

map_path, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
starts, names = [], []
in_text = False
for line in open(map_path, encoding="utf-8", errors="replace"):
    cols = line.split()
    if len(cols) == 5 and cols[4].startswith("."):
        in_text = cols[4] == ".text"  # an output section
    elif in_text and len(cols) == 5 and not cols[4].startswith(("<", "/")) and ":(" not in cols[4]:
        starts.append(int(cols[0], 16))
        names.append(cols[4])
order = sorted(range(len(starts)), key=lambda i: starts[i])
starts = [starts[i] for i in order]
names = [names[i] for i in order]

count, first = {}, {}
for run in range(1, runs + 1):
    seen, ours = set(), False
    for line in open(f"{work}/run-{run}.out", encoding="utf-8", errors="replace"):
        if line.startswith("ob="):
            ours = line.rstrip().endswith("/wallet-help")
        elif ours and line.startswith("fn=0x"):
            # "fn=0x…'2": callgrind marks a recursion depth after the address
            address = int(line[3:].split("'")[0].strip(), 16)
            at = bisect.bisect_right(starts, address) - 1
            if at >= 0:
                seen.add(names[at])
    for name in seen:
        count[name] = count.get(name, 0) + 1
        first.setdefault(name, run)
hot = sorted(count, key=lambda s: (-count[s], first[s], s))
print("# Functions everyday commands run, most shared first: made by scripts/hot-symbols.sh")
print("# (an lld symbol ordering file, which build.rs passes on x86_64 Linux). Not edited by hand.")
print("\n".join(hot))
print(f"link/hot-symbols.txt: {len(hot)} functions", file=sys.stderr)
PY
