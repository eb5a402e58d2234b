#!/usr/bin/env bash
# Installs the Debian 12 packages tfaudit needs to build, run and test. Safe to run again:
# when everything is already installed it does nothing. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config
  libpoco-dev libxml2-dev libpodofo-dev catch2 zlib1g-dev
  fonts-dejavu-core          # the PDF report embeds DejaVu Sans
  qpdf poppler-utils         # tests check every report with qpdf --check and pdftotext
  clang-14 libfuzzer-14-dev libclang-rt-14-dev  # the sanitizer build and the fuzz targets (scripts/test.sh)
  python3                    # tests/hostile/make-hostile.py writes the hostile corpus at test time
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${missing[*]}"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
