#!/usr/bin/env bash
# 一键生成: builds every output into out/ (guides, item sheets, notices, catalog, flowchart SVGs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo run --quiet -- check
cargo run --quiet -- build "$@"
