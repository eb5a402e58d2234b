#!/usr/bin/env bash
# check --format xlsx: the workbook opens in LibreOffice Calc (soffice converts each sheet to
# CSV) with the Cases, Findings and Summary sheets holding what the report says; the Cases
# header is frozen, filtered and the verdicts coloured. Skipped (exit 77) without soffice.
set -u
BIN=$1; ROOT=$2
S=$ROOT/samples/bundles
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$BIN" check --format xlsx "$S/fernshire-clean-1" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "xlsx without --output: want 2"
grep -q -- "--format xlsx needs --output FILE.xlsx" "$T/err" || fail "xlsx without --output: message"
"$BIN" check --format xlsx --output /nonexistent/dir/c.xlsx "$S/fernshire-clean-1" >/dev/null 2>&1; [ $? -eq 2 ] || fail "unwritable output: want 2"

L=$T/ledger.db
"$BIN" check --as-of 2019-12-31 --ledger "$L" "$S" >/dev/null
"$BIN" decide --ledger "$L" --case FF-1022 --rule TF-LEAD --decision pass --reason "named in the paper file" --by "A. Auditor" >/dev/null || fail "decide"
"$BIN" check --as-of 2019-12-31 --ledger "$L" --format xlsx --output "$T/cases.xlsx" "$S" >"$T/out"; rc=$?
[ $rc -eq 1 ] || fail "xlsx check: exit $rc, want 1"
[ ! -s "$T/out" ] || fail "xlsx written to stdout as well"
[ -s "$T/cases.xlsx" ] && [ ! -e "$T/cases.xlsx.part" ] || fail "no workbook"

# The sheet structure: frozen header, autofilter, coloured verdicts (in the package's XML).
python3 - "$T/cases.xlsx" <<'PY' || fail "workbook structure"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)"', wb)
assert names == ["Cases", "Findings", "Summary"], names
cases = z.read("xl/worksheets/sheet1.xml").decode()
assert 'state="frozen"' in cases and 'ySplit="1"' in cases, "header not frozen"
assert "<autoFilter" in cases, "no autofilter"
styles = z.read("xl/styles.xml").decode()
for rgb in ("FFC6EFCE", "FFFFC7CE", "FFFFEB9C"):
    assert rgb in styles, "verdict colour missing: " + rgb
PY

if ! command -v soffice >/dev/null 2>&1; then
  echo "skipped: soffice (LibreOffice Calc) not installed; apt-get install libreoffice-calc-nogui"
  exit 77
fi
( cd "$T" && timeout 300 soffice -env:UserInstallation=file://$T/lo --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$T" "$T/cases.xlsx" >"$T/soffice.log" 2>&1 ) || fail "soffice failed: $(cat "$T/soffice.log")"
for s in Cases Findings Summary; do [ -s "$T/cases-$s.csv" ] || fail "soffice wrote no $s sheet: $(cat "$T/soffice.log")"; done

head -1 "$T/cases-Cases.csv" | grep -q "^reference,case,verdict,route,score,claimable_from,blockers,decisions" || fail "Cases header"
n=$("$BIN" check --as-of 2019-12-31 --format cases-csv "$S" | tail -n +2 | grep -c .)
rows=$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))) - 1)' "$T/cases-Cases.csv")
[ "$rows" -eq "$n" ] || fail "Cases rows: $rows, want $n"
grep -q "^EH-30017,brackenford-clean-1,claimable,sustained_progress,100,,," "$T/cases-Cases.csv" || fail "a claimable case row"
grep -q "^FF-1043,fernshire-sustained-short,not_claimable,,[0-9]*,2020-02-26,\"(sustained progress route) dated evidence" "$T/cases-Cases.csv" \
  || fail "claimable_from and blockers in words: $(grep FF-1043 "$T/cases-Cases.csv")"
grep -q "^FF-1022,.*TF-LEAD: pass by A. Auditor on [0-9-]*: named in the paper file; verdict with decisions: " "$T/cases-Cases.csv" \
  || fail "decisions column: $(grep FF-1022 "$T/cases-Cases.csv")"
head -1 "$T/cases-Findings.csv" | grep -q "^reference,case,rule,status,severity,message,file,location,quote,decision" || fail "Findings header"
grep -q '^FF-1001,fernshire-clean-1,TF-LEAD,pass,blocker,\[TF-LEAD\] lead professional: .*01 Families First Assessment.docx,"table 1, row ' "$T/cases-Findings.csv" \
  || fail "a finding with its file and location: $(grep 'FF-1001,fernshire-clean-1,TF-LEAD' "$T/cases-Findings.csv")"
later=$(python3 -c 'import csv,sys; print(sum(1 for r in list(csv.reader(open(sys.argv[1], newline="")))[1:] if r[5]))' "$T/cases-Cases.csv")
[ "$later" -ge 1 ] || fail "no case with claimable_from in the Cases sheet"
grep -q "^cases,$n" "$T/cases-Summary.csv" && grep -q "^claimable later (claimable_from),$later" "$T/cases-Summary.csv" || fail "Summary: $(cat "$T/cases-Summary.csv")"
echo "ok"
