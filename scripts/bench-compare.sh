#!/usr/bin/env bash
# Build time against another version (issue: publishable pages, "no slower by more than 10 %"):
# the full seed build (`build --force`) of this checkout's release binary and of another binary,
# run in turns so that both see the same machine, with wall time, CPU time and peak memory per run.
# Prints medians and the ratio; asserts nothing.
#
#   git worktree add --detach ../zhinan-old <commit>       # the other version, with its templates
#   (cd ../zhinan-old && cargo build --release)             # its binary (own target dir is fine)
#   bash scripts/bench-compare.sh ../zhinan-old/target/release/zhinan ../zhinan-old [RUNS]
#
# Each binary builds its own checkout's seeds with its own templates, as a user of that version
# would. Run it with nothing else busy: the ratio is what to read, the seconds depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
other_bin=$(realpath "${1:?usage: bench-compare.sh OTHER_BIN OTHER_ROOT [RUNS]}")
other_root=$(realpath "${2:?usage: bench-compare.sh OTHER_BIN OTHER_ROOT [RUNS]}")
runs=${3:-9}
cargo build --release --quiet --bin zhinan
this_bin="$CARGO_TARGET_DIR/release/zhinan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One run: prints "wall cpu peak_kib".
measure() {
  local root=$1 bin=$2 out=$3
  (cd "$root" && /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" build --out "$out" --force \
    >/dev/null 2>&1)
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/time"
}

for i in $(seq "$runs"); do
  echo "other $(measure "$other_root" "$other_bin" "$work/other")" >>"$work/runs"
  echo "this $(measure "$PWD" "$this_bin" "$work/this")" >>"$work/runs"
done

python3 - "$work/runs" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, peak = line.split()
    rows.setdefault(name, []).append((float(wall), float(cpu), int(peak)))
med = {}
for name in ("other", "this"):
    r = rows[name]
    walls = [x[0] for x in r]
    med[name] = statistics.median(walls)
    print(f"{name:5}  {len(r)} runs  wall median {med[name]:.2f} s (min {min(walls):.2f}, "
          f"max {max(walls):.2f})  CPU median {statistics.median(x[1] for x in r):.2f} s  "
          f"peak memory max {max(x[2] for x in r) / 1024:.0f} MB")
print(f"ratio this / other (wall medians): {med['this'] / med['other']:.2f} (target <= 1.10)")
EOF
