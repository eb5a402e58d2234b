#!/usr/bin/env bash
# ctest splits a Catch2 test name at ';' into tests that match nothing: keep ';' out of names.
set -u
ROOT=$2
bad=$(grep -n 'TEST_CASE("[^"]*;' "$ROOT"/tests/unit/*.cpp)
if [ -n "$bad" ]; then
  echo "FAIL: test names with ';' (ctest would split them):"
  echo "$bad"
  exit 1
fi
echo "test names: no ';' in any TEST_CASE name"
