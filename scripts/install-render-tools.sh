#!/usr/bin/env bash
# Installs what the rendering checks need on Debian/Ubuntu: headless Chromium
# (prints the handout to PDF, measures HTML, screenshots pictures), poppler-utils
# (pdfinfo, pdftotext: counts and reads the printed pages), a LaTeX (pdflatex
# compiles the LaTeX tables) and the DejaVu fonts the pictures are measured in.
# Does nothing when they are already there; the tests that need them are skipped,
# with a message, when they are missing.
#
#   scripts/install-render-tools.sh
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdflatex >/dev/null 2>&1 || missing+=(texlive-latex-base texlive-latex-recommended)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing ${missing[*]} (rendering checks)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
