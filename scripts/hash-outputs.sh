#!/usr/bin/env bash
# Prints the sha256 of every file a build wrote under an output folder, one line per file, sorted
# by path, so two builds can be compared with diff:
#
#   zhinan build --out a --force   (one version)
#   zhinan build --out b --force   (another version)
#   diff <(scripts/hash-outputs.sh a) <(scripts/hash-outputs.sh b)
#
# The fast-path stamp (.zhinan-build.json) is left out: it records modification times and the
# absolute path of the notice bodies, which differ between any two builds.
set -euo pipefail
dir="${1:?usage: scripts/hash-outputs.sh OUT_DIR}"
cd "$dir"
find . -type f ! -name .zhinan-build.json -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
