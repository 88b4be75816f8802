#!/usr/bin/env bash
# Installs what zhinan needs besides Rust: CJK fonts for the PDFs and flowcharts, and poppler
# (pdftotext, pdffonts, pdftoppm) for the tests that read PDFs back. Safe to run again.
set -euo pipefail

need=()
# (no grep -q: it would close the pipe early and fail the pipeline under pipefail)
fc-list 2>/dev/null | grep "Noto Sans CJK SC" >/dev/null || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
{ command -v chromium && command -v tidy; } >/dev/null 2>&1 || need+=(chromium tidy)  # site tests: a real browser, an HTML checker

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install ${need[*]} (Debian package names) with your package manager" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Reuse one cargo target directory outside the clone, so that repeated runs (and CI on a fresh
# clone) do not compile typst again.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/zhinan/target}"
