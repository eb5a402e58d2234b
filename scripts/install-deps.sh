#!/usr/bin/env bash
# Installs the Debian 12 packages tfaudit needs to build, run and test. Safe to run again:
# when everything is already installed it does nothing. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config
  libpoco-dev libxml2-dev libpodofo-dev catch2 zlib1g-dev
  libqpdf-dev                # the PDF reader opens, decrypts and parses PDFs with libqpdf
  fonts-dejavu-core          # the PDF report embeds DejaVu Sans
  qpdf poppler-utils         # tests check every report with qpdf --check and pdftotext
  libssl-dev                 # the ledger hashes each case record with OpenSSL's SHA-256 (fast)
  libxlsxwriter-dev          # check --format xlsx writes the case list as an Excel workbook
  postgresql                 # the ledger tests run against a throwaway PostgreSQL 15 server
  libreoffice-calc-nogui     # the workbook test converts it with soffice to check it opens cleanly
  clang-14 libfuzzer-14-dev libclang-rt-14-dev  # the sanitizer build and the fuzz targets (scripts/test.sh)
  python3                    # pg-test-server.sh finds a free port; make-hostile.py writes the hostile corpus
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
