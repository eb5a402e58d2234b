#!/usr/bin/env bash
# Promotes every tests/golden/**/*.actual written by a failing golden test to its golden file.
# Review the diff first: git diff --no-index tests/golden/X tests/golden/X.actual
set -euo pipefail
cd "$(dirname "$0")/.."
find tests/golden -name '*.actual' -print0 | while IFS= read -r -d '' f; do
  mv "$f" "${f%.actual}"
  echo "accepted ${f%.actual}"
done
