#!/usr/bin/env bash
# extract: exit codes, one-line errors naming the file, and the rest of a batch still read.
set -u
BIN=$1; ROOT=$2
D=$ROOT/tests/data
fail() { echo "FAIL: $*"; exit 1; }

out=$("$BIN" extract --text "$D/docx/assessment.docx" 2>/tmp/tfa-err.$$); rc=$?
[ $rc -eq 0 ] || fail "good file exit $rc"
echo "$out" | grep -q "Zoë Łukasz" || fail "text missing"

# A batch with bad files in the middle: each is reported, the good ones are still printed.
out=$("$BIN" extract --text "$D/bad/not_a_zip.docx" "$D/docx/assessment.docx" "$D/bad/legacy.doc" \
      "$D/docx/parts.docx" /nonexistent/x.docx 2>/tmp/tfa-err.$$); rc=$?
[ $rc -eq 2 ] || fail "batch with bad files exit $rc, want 2"
echo "$out" | grep -q "FF-0001" || fail "first good file not printed"
echo "$out" | grep -q "After the box" || fail "second good file not printed"
grep -q "not_a_zip.docx: not a zip archive" /tmp/tfa-err.$$ || fail "no error for not_a_zip"
grep -q "legacy.doc: unsupported format (.doc)" /tmp/tfa-err.$$ || fail "no error for .doc"
grep -q "/nonexistent/x.docx: no such file" /tmp/tfa-err.$$ || fail "no error for missing file"
[ "$(wc -l < /tmp/tfa-err.$$)" -eq 3 ] || fail "want exactly 3 error lines, got: $(cat /tmp/tfa-err.$$)"

# --blocks is JSON with locations.
"$BIN" extract --blocks "$D/docx/tables_lists.docx" | grep -q '"where": "table 1"' \
  || fail "--blocks not valid JSON with locations"
# ... and shows run emphasis (an answer marked in bold).
"$BIN" extract --blocks "$D/docx/emphasis.docx" | grep -qF '"emphasis": [{"style": "bold", "offset": 15, "text": "YES"}]' \
  || fail "--blocks does not show emphasis"

# Usage errors.
"$BIN" extract "$D/docx/parts.docx" >/dev/null 2>&1; [ $? -eq 2 ] || fail "no mode: want 2"
"$BIN" extract --text --bogus x >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option: want 2"
"$BIN" extract --help | grep -q -- "--blocks" || fail "extract --help"
"$BIN" --help | grep -q "extract" || fail "--help lists commands"
"$BIN" nosuchcommand >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown command: want 2"
# Case records: one per bundle, named, with its documents in date order and their types.
S=$ROOT/samples/bundles
out=$("$BIN" extract --format json "$S/kestrel-clean-1" 2>/tmp/tfa-err.$$); rc=$?
[ $rc -eq 0 ] || fail "records: exit $rc"
echo "$out" | grep -q '"case": "kestrel-clean-1"' || fail "records: no case name"
echo "$out" | grep -q '"type": "assessment"' || fail "records: no document types"
echo "$out" | grep -q '"family_ref": "KV/2018/0042"' || fail "records: no family reference"
# A bundle with a scanned document: the record lists it as unreadable, stderr names it, exit 2.
out=$("$BIN" extract --format json "$S/fernshire-scanned-closure" 2>/tmp/tfa-err.$$); rc=$?
[ $rc -eq 2 ] || fail "records with an unreadable document: exit $rc, want 2"
grep -q "no text layer: cannot be read without OCR" /tmp/tfa-err.$$ || fail "records: unreadable not reported"
echo "$out" | grep -q '"reason": "no text layer' || fail "records: unreadable not in the record"
# --explain names the template rule behind a field, and --rules with an unknown pack is refused.
"$BIN" extract --explain "$S/brackenford-clean-1" | grep -q 'rule brackenford (.*brackenford.xml' || fail "--explain"
# ... then each case's field states: a label with an empty value is blank, with where it is.
"$BIN" extract --explain "$S/fernshire-no-lead" | grep -q 'lead_professional: blank (.*01 Families First Assessment.docx, table 1, row 4, cell 2; the label is there' \
  || fail "--explain: no field states"
"$BIN" extract --explain "$S/marrowick-clean" | grep -q 'family_ref: found (.*MC-2291 Assessment.docx, file name' \
  || fail "--explain: reference from file names"
"$BIN" extract --format json --rules no-such-pack "$S/kestrel-clean-1" >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown pack: want 2"
rm -f /tmp/tfa-err.$$
echo "extract CLI: all checks passed"
