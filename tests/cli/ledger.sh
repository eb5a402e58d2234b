#!/usr/bin/env bash
# The claims ledger end to end, against an SQLite file and (under ctest) a throwaway
# PostgreSQL server: claims once per window, duplicates across windows and under a new
# reference, decisions, history, diff, export, purge, two claimers at once, a run killed
# midway, and clear errors for a corrupt, locked or too-new ledger; --window-end; no names kept.
set -u
BIN=$1; ROOT=$2
S=$ROOT/samples/bundles
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL [${L:-}]: $*"; exit 1; }

# A fresh ledger: an SQLite file, or a new database on the test PostgreSQL server.
fresh() {  # fresh sqlite|pg → prints the location (runs in a subshell: names from mktemp)
  local id; id=$(mktemp -u XXXXXXXX | tr 'A-Z' 'a-z')
  if [ "$1" = sqlite ]; then echo "$T/ledger-$id.db"; return; fi
  local url; url=$(cat "$TFAUDIT_TEST_PG_DIR/url") || return 1
  local db="cli_$id"
  psql "$url" -qAt -c "CREATE DATABASE $db" >/dev/null || return 1
  echo "${url%/*}/$db"
}

count_claims() { "$BIN" ledger --ledger "$1" export --format csv | tail -n +2 | grep -c . ; }
count_runs() { "$BIN" ledger --ledger "$1" history FF-1001 | sed -n 's/^runs (\([0-9]*\)):$/\1/p'; }

backends="sqlite"
if [ -n "${TFAUDIT_TEST_PG_DIR:-}" ]; then
  [ -s "$TFAUDIT_TEST_PG_DIR/url" ] || { echo "FAIL: the test PostgreSQL server did not start"; exit 1; }
  backends="sqlite pg"
else
  echo "note: TFAUDIT_TEST_PG_DIR not set: SQLite only"
fi

# Two bundle sets for the concurrent claimers.
mkdir -p "$T/set1" "$T/set2"
# Copies, not links: links to folders are not followed. Every sample is in exactly one set.
for b in "$S"/*/; do
  case "$(basename "$b")" in fernshire-*|kestrel-*) cp -r "$b" "$T/set1/" ;; *) cp -r "$b" "$T/set2/" ;; esac
done

for kind in $backends; do
  L=$(fresh $kind) || fail "cannot make a $kind ledger"

  # --- claims: recorded once per window ---
  "$BIN" claim --ledger "$L" --window 2020-Q2 --as-of 2020-06-30 "$S" >"$T/c1" 2>"$T/e1"; rc=$?
  [ $rc -eq 1 ] || fail "claim with refusals: exit $rc, want 1: $(cat "$T/e1")"
  grep -q "^recorded FF-1001: sustained_progress route, window 2020-Q2" "$T/c1" || fail "FF-1001 not recorded: $(cat "$T/c1")"
  grep -q "^refused  KV/2018/0090: needs_review" "$T/c1" || fail "unreadable case not refused"
  recorded=$(sed -n 's/^window 2020-Q2: \([0-9]*\) recorded.*/\1/p' "$T/c1")
  [ "${recorded:-0}" -gt 5 ] || fail "too few recorded: $recorded"
  [ "$(count_claims "$L")" -eq "$recorded" ] || fail "export has $(count_claims "$L") claims, want $recorded"
  "$BIN" claim --ledger "$L" --window 2020-Q2 --as-of 2020-06-30 "$S" >"$T/c2"
  grep -q "^window 2020-Q2: 0 recorded, $recorded already claimed in this window" "$T/c2" || fail "re-run not idempotent: $(tail -1 "$T/c2")"
  [ "$(count_claims "$L")" -eq "$recorded" ] || fail "re-run changed the claims"

  # --- duplicates across windows, and under a new reference ---
  "$BIN" claim --ledger "$L" --window 2020-Q3 --as-of 2020-09-30 "$S/fernshire-clean-1" >"$T/c3"; rc=$?
  [ $rc -eq 1 ] || fail "claim in a later window: exit $rc, want 1"
  grep -q "^refused  FF-1001: not_claimable (one bundle per family reference (also in: claimed in window 2020-Q2 on [0-9-]*, as of 2020-06-30))" "$T/c3" \
    || fail "later window not refused: $(cat "$T/c3")"
  "$BIN" extract --format json "$S/fernshire-clean-1" >"$T/rec.json" || fail "extract"
  python3 - "$T/rec.json" <<'PY' || fail "re-reference the record"
import json, sys
p = sys.argv[1]; d = json.load(open(p))
recs = d if isinstance(d, list) else d.get("cases", [d])
for r in recs: r["family_ref"] = "FF-7777"
json.dump(d, open(p, "w"))
PY
  "$BIN" check --as-of 2020-09-30 --ledger "$L" --format json --records "$T/rec.json" >"$T/rr.json"
  grep -q '"rule": "TF-DUPLICATE", "status": "fail", "severity": "blocker", "message": "\[TF-DUPLICATE\] family reference FF-7777 is also in: members (name and date of birth) match FF-1001, claimed in window 2020-Q2' "$T/rr.json" \
    || fail "re-referred family not caught: $(grep TF-DUPLICATE "$T/rr.json")"

  # --- decisions beside the finding ---
  "$BIN" check --as-of 2019-12-31 --ledger "$L" "$S/brackenford-clean-2" >/dev/null  # its TF-SUSTAINED fails then
  "$BIN" decide --ledger "$L" --case EH-30024 --rule TF-SUSTAINED --decision agree --reason "not yet six months" --by "A. Auditor" \
    | grep -q "the finding was fail in the latest run" || fail "decide on TF-SUSTAINED"
  "$BIN" decide --ledger "$L" --case FF-1043 --rule TF-SUSTAINED --decision pass --reason "paper file: attendance letter to March 2020" --by "A. Auditor" >"$T/d1" \
    || fail "decide"
  grep -q "the finding was fail in the latest run" "$T/d1" || fail "decide did not find the finding: $(cat "$T/d1")"
  "$BIN" decide --ledger "$L" --case FF-1043 --rule TF-CONSENT --decision fail --reason "consent form unsigned in the paper file" --by "A. Auditor" >/dev/null || fail "decide 2"
  "$BIN" decide --ledger "$L" --case FF-1043 --rule TF-X --decision overruled --reason r --by b >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad decision: want 2"
  "$BIN" check --as-of 2020-06-30 --ledger "$L" "$S/fernshire-sustained-short" >"$T/t1"
  grep -q "decision: pass by A. Auditor on [0-9-]*: paper file: attendance letter to March 2020" "$T/t1" || fail "decision not beside its finding: $(cat "$T/t1")"
  grep -q "^not_claimable FF-1043" "$T/t1" || fail "the verdict itself changed"
  grep -q "verdict with decisions: not_claimable" "$T/t1" || fail "decision effect not shown: $(cat "$T/t1")"
  "$BIN" check --as-of 2020-06-30 --ledger "$L" --format json "$S/fernshire-sustained-short" >"$T/t1.json"
  grep -q '"decisions": \[' "$T/t1.json" || fail "JSON decisions"
  # (to a file: a reader that stops early would make the run's output fail, and the run is then not kept)
  "$BIN" check --as-of 2020-06-30 --ledger "$L" --format json "$S/brackenford-clean-2" >"$T/t2.json"
  grep -q '"rule": "TF-SUSTAINED", "decision": "agree".*"stale": true' "$T/t2.json" || fail "a decision on a finding that changed is not stale"
  grep -q '"rule": "TF-CONSENT", "decision": "fail".*"stale": false' "$T/t1.json" || fail "a live decision shown as stale"
  "$BIN" check --as-of 2020-06-30 --ledger "$L" --format cases-csv "$S/fernshire-sustained-short" >"$T/t1.csv"
  grep -q "TF-SUSTAINED: pass by A. Auditor" "$T/t1.csv" \
    || fail "cases-csv decisions"

  # --- the PDF audit report: claimable_from, decisions beside findings, a decisions section ---
  "$BIN" audit --as-of 2020-06-30 --ledger "$L" --report "$T/audit.pdf" "$S/fernshire-sustained-short" "$S/fernshire-clean-2" 2>/dev/null \
    || fail "audit --ledger"
  pdftotext -layout "$T/audit.pdf" "$T/audit.txt" || fail "pdftotext"
  grep -q "^ *Auditor decisions" "$T/audit.txt" || fail "no decisions section in the PDF"
  grep -q "paper file: attendance letter" "$T/audit.txt" || fail "decision reason not in the PDF"
  grep -q "Verdict with the auditor's decisions" "$T/audit.txt" || fail "verdict with decisions not in the PDF"
  "$BIN" audit --as-of 2019-12-31 --report "$T/audit2.pdf" "$S/fernshire-sustained-short" 2>/dev/null || fail "audit 2019"
  pdftotext "$T/audit2.pdf" - | grep -q "Claimable from: 2020-02-26" || fail "claimable_from not in the PDF"

  # --- history, diff, export, purge ---
  "$BIN" ledger --ledger "$L" history FF-1001 >"$T/h"
  grep -q "window 2020-Q2  sustained_progress route" "$T/h" || fail "history claims: $(cat "$T/h")"
  grep -q "not_claimable" "$T/h" && grep -q "claimable (sustained_progress)" "$T/h" || fail "history runs: $(cat "$T/h")"
  "$BIN" ledger --ledger "$L" history EH-30024 | grep -q "TF-SUSTAINED: agree by A. Auditor: not yet six months  \[stale: the finding was fail, now pass\]" \
    || fail "history stale decision: $("$BIN" ledger --ledger "$L" history EH-30024)"
  L3=$(fresh $kind) || fail "diff ledger"  # no claims in it: claimed families would fail TF-DUPLICATE
  "$BIN" check --as-of 2019-12-31 --ledger "$L3" "$S/fernshire-clean-1" "$S/brackenford-clean-2" >/dev/null
  "$BIN" check --as-of 2020-06-30 --ledger "$L3" "$S/brackenford-clean-2" "$S/fernshire-clean-2" >/dev/null
  "$BIN" ledger --ledger "$L3" diff >"$T/diff"
  grep -q "not in the latest run FF-1001" "$T/diff" || fail "diff: $(cat "$T/diff")"
  grep -q "became claimable      FF-1014 (new)" "$T/diff" || fail "diff became claimable: $(cat "$T/diff")"
  grep -q "became claimable      EH-30024$" "$T/diff" || fail "diff became claimable (EH-30024): $(cat "$T/diff")"
  grep -q "lost blockers         EH-30024: TF-EMPLOYMENT, TF-SUSTAINED" "$T/diff" || fail "diff lost blockers: $(cat "$T/diff")"
  "$BIN" ledger --ledger "$L" export --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["claims"]) > 5; assert d["claims"][0]["window"] == "2020-Q2"' \
    || fail "export json"
  "$BIN" ledger --ledger "$L" export --format csv | head -1 | grep -q "^family_ref,window,route,pack,as_of,claimed_at,evidence_hash" || fail "export csv header"
  "$BIN" ledger --ledger "$L" purge --before 2999-01-01 >"$T/p"
  grep -q "^purged [0-9]* runs started before 2999-01-01 (with their results); claims and decisions are kept" "$T/p" || fail "purge: $(cat "$T/p")"
  [ "$(count_runs "$L")" = 0 ] || fail "runs left after purge"
  [ "$(count_claims "$L")" -eq "$recorded" ] || fail "purge lost claims"

  # --- a run killed midway leaves the ledger as it was ---
  before=$(count_claims "$L")
  TFAUDIT_TEST_KILL_AFTER=3 "$BIN" claim --ledger "$L" --window 2021-Q1 --as-of 2021-03-31 "$S" >/dev/null 2>&1; rc=$?
  [ $rc -eq 137 ] || fail "the killed run: exit $rc, want 137 (SIGKILL)"
  [ "$(count_claims "$L")" -eq "$before" ] || fail "a killed run left claims behind"
  [ "$(count_runs "$L")" = 0 ] || fail "a killed run left a run behind"

  # --- two claimers at once both land ---
  L2=$(fresh $kind) || fail "second ledger"
  "$BIN" claim --ledger "$L2" --window W1 --as-of 2020-06-30 "$T/set1" >"$T/a1" 2>&1 &
  p1=$!
  "$BIN" claim --ledger "$L2" --window W1 --as-of 2020-06-30 "$T/set2" >"$T/a2" 2>&1 &
  p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  [ $r1 -le 1 ] && [ $r2 -le 1 ] || fail "concurrent claimers: exits $r1 $r2: $(cat "$T/a1" "$T/a2")"
  n1=$(sed -n 's/^window W1: \([0-9]*\) recorded.*/\1/p' "$T/a1"); n2=$(sed -n 's/^window W1: \([0-9]*\) recorded.*/\1/p' "$T/a2")
  [ "$((n1 + n2))" -eq "$recorded" ] || fail "concurrent claimers recorded $n1 + $n2, want $recorded"
  [ "$(count_claims "$L2")" -eq "$recorded" ] || fail "concurrent claims in the ledger: $(count_claims "$L2")"

  # --- the ledger keeps no names and no document text ---
  if [ $kind = sqlite ]; then
    for word in "Leanne Cope" "Dana" "Hargreaves" "Families First"; do
      if grep -aq "$word" "$L" "$L-wal" 2>/dev/null; then fail "the ledger file holds '$word'"; fi
    done
  else
    url=$(cat "$TFAUDIT_TEST_PG_DIR/url"); db=${L##*/}
    pg_dump "${url%/*}/$db" >"$T/dump.sql" 2>/dev/null || fail "pg_dump"
    for word in "Leanne Cope" "Hargreaves"; do grep -q "$word" "$T/dump.sql" && fail "the ledger holds '$word'"; done
  fi
done
L=

# --- SQLite faults: corrupt, locked, too new: exit 2, the file named, no report ---
head -c 4096 /dev/urandom >"$T/corrupt.db"
"$BIN" check --as-of 2020-06-30 --ledger "$T/corrupt.db" "$S/fernshire-clean-1" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "corrupt ledger: exit $rc, want 2"
grep -q "^tfaudit check: $T/corrupt.db: not a tfaudit ledger or damaged" "$T/err" || fail "corrupt message: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "a report was written from a corrupt ledger"

LK=$T/locked.db
"$BIN" claim --ledger "$LK" --window W --as-of 2020-06-30 "$S/fernshire-clean-1" >/dev/null
python3 - "$LK" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO meta(key, value) VALUES('lock-holder', 'x')")
open(sys.argv[1] + ".held", "w").close()
time.sleep(6)
c.execute("ROLLBACK")
PY
holder=$!
for i in $(seq 50); do [ -e "$LK.held" ] && break; sleep 0.1; done
TFAUDIT_LEDGER_TIMEOUT=1 "$BIN" check --as-of 2020-06-30 --ledger "$LK" "$S/fernshire-clean-1" >"$T/out" 2>"$T/err"; rc=$?
kill $holder 2>/dev/null; wait $holder 2>/dev/null
[ $rc -eq 2 ] || fail "locked ledger: exit $rc, want 2"
grep -q "^tfaudit check: $LK: the ledger is locked by another process" "$T/err" || fail "locked message: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "a report was written while the ledger was locked"

python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE meta SET value='99' WHERE key='schema_version'\"); c.commit()" "$LK"
"$BIN" ledger --ledger "$LK" history FF-1001 >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "newer ledger: exit $rc, want 2"
grep -q "$LK: the ledger has schema version 99, newer than this tfaudit understands (1): use a newer tfaudit" "$T/err" || fail "newer message: $(cat "$T/err")"

# TFAUDIT_LEDGER sets the default ledger.
TFAUDIT_LEDGER=$T/env.db "$BIN" check --as-of 2020-06-30 "$S/fernshire-clean-1" >/dev/null
[ -s "$T/env.db" ] || fail "TFAUDIT_LEDGER not used"
"$BIN" claim --window W --as-of 2020-06-30 "$S/fernshire-clean-1" >/dev/null 2>&1; [ $? -eq 2 ] || fail "claim without a ledger: want 2"

# The evidence hash does not depend on the report's format.
"$BIN" check --as-of 2020-06-30 --ledger "$T/h-text.db" "$S/fernshire-clean-1" >/dev/null
"$BIN" check --as-of 2020-06-30 --ledger "$T/h-json.db" --format json "$S/fernshire-clean-1" >/dev/null
python3 - "$T/h-text.db" "$T/h-json.db" <<'PY' || fail "evidence hash differs between text and JSON runs"
import sqlite3, sys
a, b = (sqlite3.connect(p).execute("SELECT evidence_hash FROM results").fetchone()[0] for p in sys.argv[1:3])
assert a == b and len(a) == 64, (a, b)
PY

# --- claimable_from and --window-end ---
"$BIN" check --as-of 2019-12-31 --format cases-csv "$S" >"$T/cases.csv"
grep -q "^fernshire-sustained-short,FF-1043,not_claimable,,[0-9]*,.*,2020-02-26," "$T/cases.csv" || fail "claimable_from in cases-csv: $(grep FF-1043 "$T/cases.csv")"
"$BIN" check --as-of 2019-12-31 --format json "$S/fernshire-sustained-short" | grep -q '"claimable_from": "2020-02-26"' || fail "claimable_from in JSON"
"$BIN" check --as-of 2019-12-31 "$S/fernshire-sustained-short" | grep -q "claimable from 2020-02-26" || fail "claimable_from in text"
"$BIN" check --as-of 2019-12-31 --window-end 2020-03-01 --format cases-csv "$S" >"$T/w1.csv"
grep -q "FF-1043" "$T/w1.csv" || fail "--window-end 2020-03-01 should list FF-1043"
grep -q ",not_claimable,.*,," "$T/w1.csv" && fail "--window-end lists a case with no claimable_from: $(grep ',not_claimable,' "$T/w1.csv")"
"$BIN" check --as-of 2019-12-31 --window-end 2020-02-01 --format cases-csv "$S" | grep -q "FF-1043" && fail "--window-end 2020-02-01 should not list FF-1043"
"$BIN" check --as-of 2019-12-31 --window-end 2020-02-31 "$S" >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad --window-end: want 2"

echo "ok"
