#!/usr/bin/env bash
# After `cmake --install`, the binary finds its bundled templates/ and rules/ next to itself
# (PREFIX/share/tfaudit), from any working directory; --templates-dir/--rules-dir override.
set -u
BIN=$1; ROOT=$2
BUILD=$(dirname "$BIN")
fail() { echo "FAIL: $*"; exit 1; }
PREFIX=$(mktemp -d)
trap 'rm -rf "$PREFIX"' EXIT
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null || fail "cmake --install"
[ -x "$PREFIX/bin/tfaudit" ] || fail "no installed binary"
[ -f "$PREFIX/share/tfaudit/templates/vocabulary.xml" ] || fail "templates not installed"
[ -f "$PREFIX/share/tfaudit/rules/tf-2015.xml" ] || fail "rules not installed"
cd /
"$PREFIX/bin/tfaudit" templates list | grep -q "$PREFIX/bin/../share/tfaudit/templates/vocabulary.xml" \
  || fail "installed binary does not use the installed templates: $("$PREFIX/bin/tfaudit" templates list | head -3)"
"$PREFIX/bin/tfaudit" rules list >/dev/null || fail "installed binary cannot list rules"
# From the build tree, the binary uses the source tree's folders.
"$BIN" templates list | grep -q "$ROOT/templates/vocabulary.xml\|templates/vocabulary.xml" || fail "build-tree binary finds no templates"
# Overrides.
"$PREFIX/bin/tfaudit" templates lint --templates-dir /nonexistent >/dev/null 2>&1 && fail "--templates-dir ignored"
"$PREFIX/bin/tfaudit" templates list --templates-dir "$ROOT/templates" | grep -q "$ROOT/templates/vocabulary.xml" \
  || fail "--templates-dir not used"
echo "install: all checks passed"
