#!/usr/bin/env bash
# The README's second command: installs what is needed, builds, and runs the whole test suite;
# then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan), and
# each libFuzzer target for a short while (FUZZ_SECONDS, default 10) on the same build.
# TFAUDIT_QUICK=1 stops after the release suite. Each phase prints its wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
phase() { echo "== $1 (${SECONDS}s so far)"; }
bash scripts/install-deps.sh
phase "release build"
bash scripts/build.sh
phase "release tests"
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure -j"$(nproc)")
[[ ${TFAUDIT_QUICK:-0} == 1 ]] && exit 0
phase "sanitizer build and tests"
bash scripts/test-sanitize.sh
phase "fuzzing"
FUZZ_BUILD_DIR=${ASAN_BUILD_DIR:-build-asan} bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
phase "done"
