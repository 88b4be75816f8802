#!/usr/bin/env bash
# Build benchmark (issue: PDFs): zhinan's full build against the typst CLI compiling the same
# templates and data, the no-change rebuild, and peak memory. Prints figures; asserts nothing.
#
#   bash scripts/bench-build.sh            # needs `typst` on PATH (or TYPST=/path/to/typst) for the
#                                          # comparison: cargo install typst-cli --version 0.15.1
#   PROFILE=dev bash scripts/bench-build.sh     # the dev build (no release build of typst needed);
#                                               # compare dev with dev only
#   ZHINAN_BIN=path/to/zhinan bash scripts/bench-build.sh   # a binary built before (e.g. the
#                                               # previous commit's), to compare two versions
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
profile=${PROFILE:-release}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
if [ -z "${ZHINAN_BIN:-}" ]; then
  cargo build --profile "$profile" --quiet --bin zhinan --example typst_inputs
fi
bin=${ZHINAN_BIN:-"$CARGO_TARGET_DIR/$dir/zhinan"}
echo "== binary: $bin ($profile)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.3f}')"; }

runs=${RUNS:-3}
echo "== zhinan build (all jurisdictions, --force), best of $runs"
best=999
for _ in $(seq "$runs"); do
  t0=$(now); "$bin" build --out "$work/out" --force >/dev/null; t1=$(now)
  t=$(secs "$t0" "$t1"); best=$(python3 -c "print(min($best, $t))")
done
zhinan_full=$best
echo "full build: ${zhinan_full} s"
/usr/bin/time -f "peak memory: %M KiB" "$bin" build --out "$work/out" --force >/dev/null

echo "== no-change rebuild (manifest says nothing changed), mean of 10"
t0=$(now); for _ in $(seq 10); do "$bin" build --out "$work/out" >/dev/null; done; t1=$(now)
python3 -c "print(f'no-change rebuild: {($t1 - $t0) / 10 * 1000:.0f} ms')"

typst=${TYPST:-$(command -v typst || true)}
if [ -z "$typst" ]; then
  echo "== typst CLI not found: install it (cargo install typst-cli --version 0.15.1) or set TYPST"
  exit 0
fi
echo "== typst CLI ($("$typst" --version)) compiling the same $(basename "$bin") inputs"
"$CARGO_TARGET_DIR/$dir/examples/typst_inputs" "$work/inputs" > "$work/list" 2>/dev/null
docs=$(wc -l < "$work/list")
compile() { "$typst" compile --root "$1" "$1/$2" "$1/out.pdf"; }
export -f compile; export typst
best=999
for _ in $(seq "$runs"); do
  t0=$(now)
  # As a shell pipeline would: every document, in parallel on all cores.
  awk '{print $1, $2}' "$work/list" | xargs -P "$(nproc)" -n 2 bash -c 'compile "$0" "$1"'
  t1=$(now)
  t=$(secs "$t0" "$t1"); best=$(python3 -c "print(min($best, $t))")
done
echo "typst CLI, $docs documents on $(nproc) cores: ${best} s"
python3 -c "print(f'ratio zhinan / typst CLI: {$zhinan_full / $best:.2f} (target <= 1.10)')"
