#!/usr/bin/env bash
# The sites in the library's non-test code (and build.rs) that the no-panic lints flag:
# slicing a string by byte range, indexing or slicing a collection, `unwrap`, `expect`, `panic!`.
# Cargo.toml's [lints.clippy] denies them, so `cargo clippy` already fails on any new one; this
# script lists them all at once (as warnings), per file, which helps when clearing a module
# that still has a temporary `#[allow(...)]` in src/lib.rs: remove the allow, run this.
#
# Tests and benchmarks may use them (clippy.toml, and the crate-level allows in tests/ and
# benches/); this script checks neither.
#
# For developers, not CI: needs `jq`.
#
# Usage: scripts/no-panic-lints.sh           counts per file and lint, then the total
#        scripts/no-panic-lints.sh --list    every site, file:line:column and lint
# Exits 0 when no site is left, 1 otherwise.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v jq >/dev/null || { echo "error: jq is needed (apt-get install jq)" >&2; exit 2; }

lints=(string_slice indexing_slicing unwrap_used expect_used panic)
flags=()
for lint in "${lints[@]}"; do flags+=(-W "clippy::$lint"); done
pattern="^clippy::($(IFS='|'; echo "${lints[*]}"))\$"

json=$(mktemp)
trap 'rm -f "$json"' EXIT
# `--lib` checks the library without `cfg(test)`, and build.rs with it.
if ! cargo clippy --quiet --lib --message-format=json -- "${flags[@]}" >"$json"; then
  echo "error: cargo clippy failed (see its output above)" >&2
  exit 2
fi

sites=$(jq -r --arg pattern "$pattern" '
  select(.reason == "compiler-message") | .message
  | select((.code.code // "") | test($pattern))
  | (.spans[] | select(.is_primary)) as $span
  | "\($span.file_name):\($span.line_start):\($span.column_start) \(.code.code | ltrimstr("clippy::"))"
' "$json" | sort -t: -k1,1 -k2,2n -k3,3n | uniq)

if [ -z "$sites" ]; then
  echo "no site left: the no-panic lints can be denied"
  exit 0
fi

if [ "${1:-}" = "--list" ]; then
  echo "$sites"
else
  # file, lint, count
  echo "$sites" | awk '{ split($1, at, ":"); print at[1], $2 }' | sort | uniq -c \
    | awk '{ printf "%4d  %-45s %s\n", $1, $2, $3 }'
fi
echo "$(echo "$sites" | wc -l) sites left"
exit 1
