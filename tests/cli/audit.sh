#!/usr/bin/env bash
# audit: the README's main command on samples/, exit codes, a valid deterministic PDF with the
# cases' ids and Unicode names, reproducible samples, filters, pseudonyms, no half-written files.
set -u
BIN=$1; ROOT=$2
T=$(mktemp -d /tmp/tfa-audit.XXXXXX)
trap 'rm -rf "$T"' EXIT
# The first three house styles' 31 cases, whose verdicts and dates the counts below are made of
# (the later sample councils have bundles tfaudit does not read right yet: samples/pending.txt).
S=$T/samples
mkdir "$S"
for b in "$ROOT"/samples/bundles/{fernshire-,kestrel-,brackenford-,flat-intake}*; do cp -r "$b" "$S/"; done
fail() { echo "FAIL: $*"; exit 1; }
text() { pdftotext -enc UTF-8 "$1" -; }
run() { "$BIN" audit "$@" --no-progress; }

# The README's command: every sample case, exit 0 whatever the verdicts.
run "$S" --report "$T/r.pdf" --as-of 2020-06-30 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || fail "main command exit $rc: $(cat "$T/err")"
grep -q "seed 20200630" "$T/err" || fail "default seed not printed"
qpdf --check "$T/r.pdf" >/dev/null 2>&1 || fail "qpdf --check"
pdffonts "$T/r.pdf" | grep -q "DejaVuSans.*Identity-H *yes yes yes" || fail "font not embedded: $(pdffonts "$T/r.pdf")"
text "$T/r.pdf" >"$T/r.txt"
for s in brackenford-clean-1 EH-30017 kestrel-duplicate-b FF-1001 TF-CONSENT TF-SUSTAINED "£800" "Zoë Kowalska" "Łukasz Nowak" \
         "Executive summary" "Rule definitions" "Page 2 of" "20200630"; do
  grep -qF -- "$s" "$T/r.txt" || fail "report lacks '$s'"
done
ls -a "$T" | grep -q "^\.tfaudit-" && fail "temporary file left behind"

# Byte-identical on a second run; SOURCE_DATE_EPOCH sets the dates instead of the as-of date.
run "$S" --report "$T/r2.pdf" --as-of 2020-06-30 2>/dev/null
cmp -s "$T/r.pdf" "$T/r2.pdf" || fail "two runs differ"
SOURCE_DATE_EPOCH=1600000000 run "$S" --report "$T/r3.pdf" --as-of 2020-06-30 2>/dev/null
pdfinfo "$T/r3.pdf" | grep -q "CreationDate:.*2020" || fail "SOURCE_DATE_EPOCH date"
cmp -s "$T/r.pdf" "$T/r3.pdf" && fail "SOURCE_DATE_EPOCH ignored"

# Samples: the same seed draws the same cases, another seed others.
drawn() { pdftotext -enc UTF-8 "$1" - | sed -n '/in the order drawn/,/^Rule definitions/p' | tr -d '\n'; }
run "$S" --report "$T/s1.pdf" --as-of 2020-06-30 --sample 5 --seed 11 2>/dev/null || fail "sample run"
run "$S" --report "$T/s2.pdf" --as-of 2020-06-30 --sample 5 --seed 11 2>/dev/null
run "$S" --report "$T/s3.pdf" --as-of 2020-06-30 --sample 5 --seed 12 2>/dev/null
cmp -s "$T/s1.pdf" "$T/s2.pdf" || fail "same seed, different report"
[ "$(drawn "$T/s1.pdf")" = "$(drawn "$T/s3.pdf")" ] && fail "another seed drew the same cases"
text "$T/s1.pdf" | grep -q "estimate from a sample of 5" || fail "no population estimate for a sample"
run "$S" --report "$T/p.pdf" --as-of 2020-06-30 --sample-pct 10 --stratify council --json "$T/p.json" 2>"$T/err" || fail "pct run"
grep -q "sample 4;" "$T/err" || fail "10% of 31 should be 4: $(cat "$T/err")"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['audit']['sample_size']==4 and len(d['cases'])==4" "$T/p.json" \
  || fail "--json"

# Filters narrow the population before sampling.
run "$S" --report "$T/f.pdf" --as-of 2020-06-30 --registered-from 2018-09-01 --registered-to 2018-12-31 2>"$T/err" || fail "date filter"
grep -q "population 1[0-9] of 31" "$T/err" || fail "date filter population: $(cat "$T/err")"
text "$T/f.pdf" | grep -q "assessments registered 2018-09-01 to 2018-12-31" || fail "population definition not recorded"
run "$S" --report "$T/l.pdf" --as-of 2020-06-30 --lead partner 2>"$T/err" || fail "lead filter"
grep -q "population 0 of 31" "$T/err" || fail "the samples are all council-led: $(cat "$T/err")"
run "$S" --report "$T/o.pdf" --as-of 2019-06-30 --open-only 2>"$T/err" || fail "open-only"
grep -q "population 30 of 31" "$T/err" || fail "open-only: one sample case closed before 2019-06-30: $(cat "$T/err")"
text "$T/o.pdf" | grep -q "open (not closed) on 2019-06-30" || fail "open-only population not recorded"

# Pseudonymised: no member's name is left.
run "$S" --report "$T/ps.pdf" --as-of 2020-06-30 --pseudonymise 2>/dev/null || fail "pseudonymise run"
text "$T/ps.pdf" >"$T/ps.txt"
grep -q "Adult 1" "$T/ps.txt" || fail "no pseudonyms"
"$BIN" check "$S" --as-of 2020-06-30 --format json --no-progress 2>/dev/null >"$T/check.json"
python3 - "$T/check.json" "$T/ps.txt" <<'PY' || fail "a member name survived pseudonymisation"
import json, sys
d = json.load(open(sys.argv[1])); text = open(sys.argv[2], encoding="utf-8").read()
names = {m["name"] for c in d["cases"] for m in (c["record"] or {}).get("members", [])}
left = sorted(n for n in names if n and n in text)
if left: print("left:", left[:10]); sys.exit(1)
PY

# The quality team's pack and template.
run "$S" --report "$T/q.pdf" --as-of 2020-06-30 --rules ffa-quality 2>/dev/null || fail "ffa-quality run"
qpdf --check "$T/q.pdf" >/dev/null 2>&1 || fail "ffa-quality qpdf"
text "$T/q.pdf" | grep -q "Proposed grade" || fail "ffa-quality grades"

# Usage errors exit 2 and leave no file behind.
for args in "--as-of 2020-13-01" "--sample 0" "--sample x" "--seed -1" "--lead police" "--stratify team" \
            "--registered-from 2019-01-01 --registered-to 2018-01-01" "--sample 3 --sample-pct 5"; do
  run "$S" --report "$T/bad.pdf" $args >/dev/null 2>&1; rc=$?
  [ $rc -eq 2 ] || fail "'$args' exit $rc, want 2"
done
run /nonexistent --report "$T/bad.pdf" >/dev/null 2>&1; [ $? -eq 2 ] || fail "missing input: want 2"
run "$S" >/dev/null 2>&1; [ $? -eq 2 ] || fail "no --report: want 2"
run "$S" --report /nonexistent/dir/r.pdf >/dev/null 2>&1; [ $? -eq 2 ] || fail "unwritable output: want 2"
run "$S" --report "$T/bad.pdf" --report-template nosuch >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad template: want 2"
[ -e "$T/bad.pdf" ] && fail "a failed run left a report"
ls -a "$T" | grep -q "^\.tfaudit-" && fail "a failed run left a temporary file"
"$BIN" audit --help | grep -q -- "--sample-pct" || fail "audit --help"
echo "audit CLI: all checks passed"
