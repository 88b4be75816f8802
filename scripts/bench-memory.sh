#!/usr/bin/env bash
# Memory benchmark (issue 13, item 10): peak resident memory and time of
#   1. the full seed build (every jurisdiction, --force);
#   2. a generated province of 170 counties × 30 items (tests/common/province.rs), every PDF.
# Prints the figures of `/usr/bin/time -v`; asserts nothing (targets: under 300 MB and 1 GB).
#
#   bash scripts/bench-memory.sh            # COUNTIES=20 for a shorter run
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
profile=${PROFILE:-release}
flag=$([ "$profile" = release ] && echo --release || true)
cargo build $flag --quiet --bin zhinan --example province
bin="$CARGO_TARGET_DIR/$profile/zhinan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Runs a build under /usr/bin/time -v; prints peak memory, time and what was built in $1.
measure() {
  local out=$1; shift
  /usr/bin/time -v "$@" --out "$out" >"$work/log" 2>"$work/time" \
    || { tail -n 20 "$work/log" "$work/time"; exit 1; }
  grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time" | sed 's/^\s*/  /'
  echo "  $(find "$out" -mindepth 1 -maxdepth 1 -type d | wc -l) jurisdictions built," \
    "$(find "$out" -name '*.pdf' | wc -l) PDFs"
}

echo "== full seed build"
measure "$work/seed-out" "$bin" build --force --allow-lint-errors

counties=${COUNTIES:-170}
echo "== generated province: $counties counties × 30 items"
"$CARGO_TARGET_DIR/$profile/examples/province" "$work/province" "$counties" >/dev/null
# The generated counties carry planted defects for the lint bench: publish them anyway.
measure "$work/province-out" "$bin" -C "$work/province" build --templates "$PWD/templates" \
  --allow-lint-errors
