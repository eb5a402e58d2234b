#!/usr/bin/env bash
# templates suggest: a draft for a council with no template, written to -o FILE, that lints
# clean and, in a templates folder beside the bundled ones, fills the family reference; usage
# errors exit 2.
set -u
BIN=$1; ROOT=$2
B=$ROOT/tests/data/suggest/wickhollow-1
T=$(mktemp -d /tmp/tfa-suggest.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$BIN" templates suggest "$B" -o "$T/draft.xml" || fail "suggest exit $?"
grep -q '<match><contains>Wickhollow Borough Council</contains></match>' "$T/draft.xml" || fail "no match phrase"
"$BIN" templates suggest "$B" | cmp -s - "$T/draft.xml" || fail "stdout and -o differ"
"$BIN" templates lint "$T/draft.xml" >/dev/null 2>"$T/err" || fail "draft does not lint: $(cat "$T/err")"

cp -r "$ROOT"/templates "$T/templates"
ref() { "$BIN" extract --format json --templates-dir "$T/templates" "$B" 2>/dev/null |
          python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["family_ref"])'; }
[ "$(ref)" = "None" ] || fail "the reference was read without the draft"
cp "$T/draft.xml" "$T/templates/wickhollow.xml"
[ "$(ref)" = "WBC/0193" ] || fail "the draft did not fill the reference: $(ref)"

"$BIN" templates suggest >/dev/null 2>&1; [ $? -eq 2 ] || fail "no bundle: want 2"
"$BIN" templates suggest "$T/no-such-folder" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "missing folder: want 2"
grep -q "no-such-folder" "$T/err" || fail "missing folder not named: $(cat "$T/err")"
"$BIN" templates suggest "$B" -o /nonexistent/dir/x.xml >/dev/null 2>&1; [ $? -eq 2 ] || fail "unwritable -o: want 2"
echo "ok"
