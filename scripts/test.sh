#!/usr/bin/env bash
# The README's second command: installs what is needed, builds, and runs the whole test suite;
# then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan), and
# each libFuzzer target for a short while (FUZZ_SECONDS, default 10) on the same build.
# TFAUDIT_QUICK=1 stops after the release suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure -j"$(nproc)")
[[ ${TFAUDIT_QUICK:-0} == 1 ]] && exit 0
bash scripts/test-sanitize.sh
FUZZ_BUILD_DIR=${ASAN_BUILD_DIR:-build-asan} bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
