#!/usr/bin/env bash
# The test suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang-14, -O1 -g,
# frame pointers kept), in ./build-asan (or $ASAN_BUILD_DIR). Any report from tfaudit's own
# code stops the test that made it and fails the run; the suppression files in
# scripts/sanitizers/ name only third-party frames, each with the reason. The same build
# holds the libFuzzer targets (TFAUDIT_FUZZ), so scripts/fuzz.sh can reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=${ASAN_BUILD_DIR:-build-asan}
CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DTFAUDIT_FUZZ=ON >/dev/null
cmake --build "$dir" -j"$(nproc)"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=0:strict_string_checks=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/scripts/sanitizers/ubsan.supp"
export LSAN_OPTIONS="suppressions=$root/scripts/sanitizers/lsan.supp:print_suppressions=0"
cd "$dir"
# Sanitized code runs 2-5 times slower: the hang guards of the hostile tests stay generous.
HOSTILE_TIMEOUT=300 ctest --output-on-failure -j"$(nproc)" --timeout 900
