#!/usr/bin/env bash
# Installs what zhinan needs besides Rust: CJK fonts for the PDFs and flowcharts, and poppler
# (pdftotext, pdffonts, pdftoppm) for the tests that read PDFs back. Safe to run again.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
need=()
# (no grep -q: it would close the pipe early and fail the pipeline under pipefail)
fc-list 2>/dev/null | grep "Noto Sans CJK SC" >/dev/null || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
{ command -v chromium && command -v tidy; } >/dev/null 2>&1 || need+=(chromium tidy)  # site tests: a real browser, an HTML checker

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install ${need[*]} (Debian package names) with your package manager" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Free faces for the 仿宋 (body) and 楷体 roles of the official fonts: the Fandol fonts. Debian ships
# them only inside texlive-lang-chinese, whose dependencies pull in a whole TeX system; the package
# is downloaded with apt and only its four font files are unpacked into the local font folder.
if ! fc-list 2>/dev/null | grep "FandolFang" >/dev/null; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing the Fandol fonts (仿宋/黑体/楷体/宋体) from texlive-lang-chinese" >&2
    if [ "$(id -u)" -eq 0 ]; then fontdir=/usr/local/share/fonts/fandol; else fontdir="$HOME/.local/share/fonts/fandol"; fi
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese 2>/dev/null ||
      { $sudo apt-get update -qq && apt-get download -qq texlive-lang-chinese; })
    dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb |
      tar -x -C "$tmp" --wildcards './usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol[FHKS]*.otf'
    mkdir -p "$fontdir"
    cp "$tmp"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*.otf "$fontdir"/
    rm -rf "$tmp"
    fc-cache -f "$fontdir" >/dev/null 2>&1 || true
  else
    echo "setup: optional: install the Fandol fonts (texlive-lang-chinese) for a free 仿宋 face" >&2
  fi
fi

# Reuse one cargo target directory outside the clone, so that repeated runs (and CI on a fresh
# clone) do not compile typst again.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/zhinan/target}"
