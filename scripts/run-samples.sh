#!/usr/bin/env bash
# The README's first command: installs what is needed, builds in Release, and runs tfaudit's
# main job over the bundled sample cases: an internal audit of every case, written as a PDF
# report (report.pdf at the top of the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
# The samples are dated 2018-2020: judge them as of the end of the claim window they belong to.
./build/tfaudit audit samples/bundles --as-of 2020-06-30 --report report.pdf --json report.json
./build/tfaudit check --as-of 2020-06-30 --format cases-csv samples/bundles > report-cases.csv || [ $? -eq 1 ]
echo "Wrote report.pdf (the audit report), report.json and report-cases.csv (one row per case)."
