#!/usr/bin/env bash
# check and rules: exit codes, --records replay, formats, local packs, lint errors with lines.
set -u
BIN=$1; ROOT=$2
FX=$ROOT/tests/rules
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Usage errors: exit 2.
"$BIN" check >/dev/null 2>&1; [ $? -eq 2 ] || fail "no inputs: want 2"
"$BIN" check --bogus x >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option: want 2"
"$BIN" check --as-of 2020-13-01 --records "$FX/TF-ELIGIBLE.pass.json" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "bad --as-of: want 2"
grep -q "YYYY-MM-DD" "$T/err" || fail "bad --as-of message"
"$BIN" check --format pdfx --records "$FX/TF-ELIGIBLE.pass.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad format: want 2"
"$BIN" check --rules no-such-pack --records "$FX/TF-ELIGIBLE.pass.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad pack: want 2"
"$BIN" check /nonexistent/bundles >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "missing path: want 2"
grep -q "/nonexistent/bundles: no such file or folder" "$T/err" || fail "missing path message"
"$BIN" check --help | grep -q -- "--as-of" || fail "check --help"
"$BIN" rules --help | grep -q "lint" || fail "rules --help"

# --records replay: 0 when every case is claimable, 1 otherwise.
"$BIN" check --as-of 2020-06-30 --records "$FX/TF-ELIGIBLE.pass.json" >"$T/out"; rc=$?
[ $rc -eq 0 ] || fail "claimable record: exit $rc, want 0"
grep -q "^claimable .*FF-1001" "$T/out" || fail "claimable line: $(cat "$T/out")"
"$BIN" check --as-of 2020-06-30 --records "$FX/TF-CONSENT.fail.json" >"$T/out"; rc=$?
[ $rc -eq 1 ] || fail "not claimable record: exit $rc, want 1"
grep -q "TF-CONSENT" "$T/out" || fail "failing finding not printed"
"$BIN" check --as-of 2020-06-30 --records "$FX/TF-ELIGIBLE.na.json" >/dev/null; [ $? -eq 1 ] || fail "needs review: want 1"
# The same record judged earlier: the closure has not happened yet, so not claimable.
"$BIN" check --as-of 2019-06-30 --records "$FX/TF-ELIGIBLE.pass.json" >/dev/null; [ $? -eq 1 ] || fail "as-of 2019: want 1"

# JSON: the same input and as-of give the same bytes; JSON output replays as records.
"$BIN" check --as-of 2020-06-30 --format json --records "$FX/TF-DUPLICATE.fail.json" >"$T/a.json"
"$BIN" check --as-of 2020-06-30 --format json --records "$FX/TF-DUPLICATE.fail.json" >"$T/b.json"
cmp -s "$T/a.json" "$T/b.json" || fail "JSON differs between runs"
grep -q '"rule": "TF-DUPLICATE", "status": "fail"' "$T/a.json" || fail "duplicate not found in batch"
"$BIN" check --as-of 2020-06-30 --format json --records "$T/a.json" >"$T/c.json"
cmp -s "$T/a.json" "$T/c.json" || fail "JSON replayed from a report differs"

# JUnit parses; CSV has a header and one row per finding.
"$BIN" check --as-of 2020-06-30 --format junit --records "$FX/TF-CONSENT.fail.json" >"$T/j.xml"
if command -v xmllint >/dev/null; then xmllint --noout "$T/j.xml" || fail "junit is not XML"
else grep -q "<testsuites" "$T/j.xml" || fail "junit"; fi
grep -q '<failure type="not_claimable"' "$T/j.xml" || fail "junit failure"
"$BIN" check --as-of 2020-06-30 --format csv --records "$FX/TF-ELIGIBLE.pass.json" >"$T/f.csv"
head -1 "$T/f.csv" | grep -q "^case,family_ref,verdict,route,score,rule,status" || fail "csv header"
[ "$(wc -l < "$T/f.csv")" -eq 21 ] || fail "csv: want 20 findings + header, got $(wc -l < "$T/f.csv")"
"$BIN" check --as-of 2020-06-30 --format cases-csv --records "$FX/TF-CONSENT.fail.json" | grep -q "not_claimable" || fail "cases-csv"

# A local pack written now changes the verdict, with no rebuild.
cat >"$T/strict.xml" <<XML
<pack name="strict" version="1" title="Nine months" extends="tf-2015">
  <parameters><param name="months" value="9"/></parameters>
</pack>
XML
"$BIN" check --as-of 2020-06-30 --rules "$T/strict.xml" --records "$FX/TF-SUSTAINED.pass.json" >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "strict local pack: exit $rc, want 1"
"$BIN" check --as-of 2020-06-30 --rules "$ROOT/rules/examples/fernshire-local.xml" --records "$FX/LOCAL-ATTENDANCE.fail.json" \
  | grep -q "LOCAL-ATTENDANCE" || fail "example local pack"

# rules list / lint.
"$BIN" rules list | grep -q "TF-SUSTAINED" || fail "rules list"
"$BIN" rules lint >/dev/null || fail "bundled packs do not lint"
cat >"$T/bad.xml" <<XML
<pack name="bad" version="1" title="t" extends="tf-2015">
  <rules>
    <rule id="X-1" kind="no_such_kind" severity="blocker" weight="1">
      <titel>t</titel><citation>c</citation><message>[{id}]</message>
    </rule>
  </rules>
</pack>
XML
"$BIN" rules lint "$T/bad.xml" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "bad pack lint: want 2"
grep -q "bad.xml:4: unknown element <titel> in <rule>" "$T/err" || fail "lint line for <titel>: $(cat "$T/err")"
grep -q "bad.xml:3: rule X-1: unknown kind 'no_such_kind'" "$T/err" || fail "lint line for kind: $(cat "$T/err")"
# Round trip: every sample bundle's record from `extract --format json`, judged by
# `check --records`, gives byte for byte the output of `check` on the bundles themselves.
S=$ROOT/samples/bundles
"$BIN" extract --format json "$S" >"$T/records.json" 2>/dev/null
"$BIN" check --records "$T/records.json" --format json --as-of 2020-06-30 >"$T/replayed.json" 2>/dev/null
"$BIN" check --format json --as-of 2020-06-30 "$S" >"$T/direct.json" 2>/dev/null
cmp -s "$T/replayed.json" "$T/direct.json" || fail "extract json -> check --records differs from check on the bundles"
# The same output through a reader that is slow to drain the pipe.
"$BIN" check --format json --as-of 2020-06-30 "$S" 2>/dev/null | (sleep 1; cat) >"$T/slow.json"
cmp -s "$T/slow.json" "$T/direct.json" || fail "output through a slow pipe differs"
# --templates-dir with council templates only adds them to the bundled ones: the shared
# vocabulary still reads the reference, the council's label reads the lead professional.
mkdir -p "$T/council" "$T/oddshire"
cat >"$T/council/oddshire.xml" <<'XML'
<template name="oddshire" council="Oddshire Council">
  <match><contains>Person holding the case</contains></match>
  <field name="lead_professional"><label>Person holding the case</label></field>
</template>
XML
printf '<html><head><title>Early Help Assessment</title></head><body><p>Family ID: OD-77</p><p>Person holding the case: Ada Byrne</p></body></html>' >"$T/oddshire/assessment.html"
"$BIN" extract --format json "$T/oddshire" 2>/dev/null | grep -q '"lead_professional": null' || fail "lead read without the council template"
out=$("$BIN" extract --format json --templates-dir "$T/council" "$T/oddshire" 2>/dev/null)
echo "$out" | grep -q '"lead_professional": "Ada Byrne"' || fail "--templates-dir: council template not used"
echo "$out" | grep -q '"family_ref": "OD-77"' || fail "--templates-dir: the bundled vocabulary was replaced"
# A flat folder of two families whose references are only in file names: two cases, and the
# CSV named with the reference's digits only ("hard data 2318.csv") joins its family.
mkdir -p "$T/flat"
cp "$S/marrowick-clean/"* "$S/marrowick-employment-jsa/"* "$T/flat/"
out=$("$BIN" extract --format json "$T/flat" 2>/dev/null)
[ "$(echo "$out" | grep -c '"case": "MC-')" -eq 2 ] || fail "flat folder by file names: want 2 cases"
echo "$out" | tr -d '\n ' | grep -q '"case":"MC-2318".*hard data 2318.csv\|"case":"MC-2318".*harddata2318.csv' \
  || fail "flat folder: the digits-only CSV did not join MC-2318"
echo "check CLI: all checks passed"
