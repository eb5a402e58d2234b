#!/usr/bin/env bash
# Hostile input (issue 12): folder walks that loop, links that leave the folder, FIFOs, outputs
# over inputs, a full spool or stdout, names with bad bytes, and readers that crash, hang or
# exhaust memory. Each ends cleanly, with a message; every command has a generous hang guard.
set -u
BIN=$1; ROOT=$2
S=$ROOT/samples/bundles
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
TF() { timeout 120 "$BIN" "$@"; }
AS=(--as-of 2020-06-30 --no-progress)
json_ok() { if command -v python3 >/dev/null; then python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1"; fi; }
cases() { grep -c '"case":' "$1"; }

# ---- the folder walk --------------------------------------------------------------------------

# Two links to "." are not followed: one case, not 41 copies failing TF-DUPLICATE.
mkdir -p "$T/loop"; cp -r "$S/kestrel-clean-1" "$T/loop/"
ln -s . "$T/loop/kestrel-clean-1/again"; ln -s . "$T/loop/kestrel-clean-1/more"
TF check "${AS[@]}" --format json "$T/loop" >"$T/loop.json"; rc=$?
[ $rc -eq 0 ] || fail "symlink loop: exit $rc, want 0 (one claimable case)"
[ "$(cases "$T/loop.json")" -eq 1 ] || fail "symlink loop: want 1 case, got $(cases "$T/loop.json")"
grep -q '"rule": "TF-DUPLICATE", "status": "fail"' "$T/loop.json" && fail "symlink loop: duplicate failure"

# A link to a file outside the folder given is refused by name; its content is never read.
mkdir -p "$T/esc"; cp -r "$S/kestrel-clean-1" "$T/esc/"
echo "Secret outside text QWERTY-42" >"$T/outside.txt"
ln -s "$T/outside.txt" "$T/esc/kestrel-clean-1/notes.txt"
TF check "${AS[@]}" "$T/esc" >"$T/esc.out"; rc=$?
[ $rc -eq 1 ] || fail "escaping link: exit $rc, want 1 (needs review)"
grep -q "^needs_review" "$T/esc.out" || fail "escaping link: case not needs_review"
grep -q "notes.txt: refused: a link to a file outside the folder given" "$T/esc.out" || fail "escaping link: no message naming it"
TF extract --format json "$T/esc" 2>/dev/null | grep -q "QWERTY-42" && fail "escaping link: outside file read"
TF extract --text "$T/esc" >"$T/esc.txt" 2>"$T/esc.err"
grep -q "QWERTY-42" "$T/esc.txt" && fail "extract --text read the outside file"
grep -q "notes.txt: refused" "$T/esc.err" || fail "extract --text: no refusal message"

# A FIFO named x.txt is refused, never opened (it would block for ever).
mkdir -p "$T/fifo"; cp -r "$S/kestrel-clean-1" "$T/fifo/"
mkfifo "$T/fifo/kestrel-clean-1/x.txt"
TF check "${AS[@]}" "$T/fifo" >"$T/fifo.out"; rc=$?
[ $rc -eq 1 ] || fail "FIFO in a bundle: exit $rc, want 1"
grep -q "x.txt: refused: a FIFO" "$T/fifo.out" || fail "FIFO in a bundle: no message"
TF extract --text "$T/fifo/kestrel-clean-1/x.txt" >/dev/null 2>"$T/fifo.err"; rc=$?
[ $rc -eq 2 ] || fail "extract --text FIFO: exit $rc, want 2"
grep -q "x.txt: refused: a FIFO" "$T/fifo.err" || fail "extract --text FIFO: message"
TF extract --text "$T/fifo" >/dev/null 2>"$T/fifo.err"; rc=$?
[ $rc -eq 2 ] || fail "extract --text folder with FIFO: exit $rc, want 2"

# ---- outputs ----------------------------------------------------------------------------------

mkdir -p "$T/in"; cp -r "$S/kestrel-clean-1" "$T/in/"
PLAN=$T/in/kestrel-clean-1/family-action-plan.odt
before=$(sha1sum <"$PLAN")
TF audit "${AS[@]}" "$T/in" --report "$PLAN" 2>"$T/ow.err"; rc=$?
[ $rc -eq 2 ] || fail "report over an input: exit $rc, want 2"
grep -q "would overwrite an input file" "$T/ow.err" || fail "report over an input: message $(cat "$T/ow.err")"
[ "$(sha1sum <"$PLAN")" = "$before" ] || fail "report over an input: input changed"
TF audit "${AS[@]}" "$T/in" --report "$T/in/kestrel-clean-1/report.pdf" 2>"$T/ow.err"; rc=$?
[ $rc -eq 2 ] || fail "report inside an input folder: exit $rc, want 2"
grep -q "lies inside the input folder" "$T/ow.err" || fail "report inside input: message"
[ -e "$T/in/kestrel-clean-1/report.pdf" ] && fail "report inside input: written"
TF audit "${AS[@]}" "$T/in" --report "$T/same.pdf" --json "$T/same.pdf" 2>"$T/ow.err"; rc=$?
[ $rc -eq 2 ] || fail "--report and --json the same: exit $rc, want 2"
grep -q "same file as another output" "$T/ow.err" || fail "same outputs: message"
ls -A "$T/in/kestrel-clean-1" | grep -q "^\.tfaudit-" && fail "temporary left in the input folder"
TF audit "${AS[@]}" "$T/in" --report "$T/ok.pdf" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && [ -s "$T/ok.pdf" ] || fail "a good report: exit $rc"

# A signal during the run leaves no temporary beside the report.
mkdir -p "$T/sig"
TFAUDIT_TEST_RUN="$T" TFAUDIT_TEST_FAULT="sleep:family-action-plan.odt" "$BIN" audit "${AS[@]}" "$T/in" --report "$T/sig/r.pdf" 2>/dev/null &
pid=$!
for _ in $(seq 50); do ls -A "$T/sig" | grep -q "^\.tfaudit-" && break; sleep 0.1; done
ls -A "$T/sig" | grep -q "^\.tfaudit-" || fail "signal test: no temporary appeared"
kill -TERM $pid; wait $pid 2>/dev/null
[ -z "$(ls -A "$T/sig")" ] || fail "SIGTERM left: $(ls -A "$T/sig")"
# ... and no worker: the one blocked on the document dies with its parent.
sleep 0.5
for w in $(pgrep -f "__worker"); do
  # Only this run's workers (another build's tests may run beside this one).
  tr '\0' '\n' <"/proc/$w/environ" 2>/dev/null | grep -qxF "TFAUDIT_TEST_RUN=$T" \
    && fail "SIGTERM left worker $w behind"
done

# The spool the duplicate rule needs cannot be written: exit 2 and an error, never "0 cases".
TMPDIR=/dev/full TF check "${AS[@]}" --format json "$T/in" >"$T/spool.json" 2>"$T/spool.err"; rc=$?
[ $rc -eq 2 ] || fail "spool failure: exit $rc, want 2"
grep -q "spool file" "$T/spool.err" || fail "spool failure: message $(cat "$T/spool.err")"
grep -q '"cases"' "$T/spool.json" && fail "spool failure: a report was written"

# ... or can be created but not written (a file-size limit stands in for a full disk).
mkdir -p "$T/tmp"
(trap '' XFSZ; ulimit -f 1; TMPDIR=$T/tmp exec timeout 120 "$BIN" check "${AS[@]}" --format json "$T/in" >/dev/null 2>"$T/spool.err"); rc=$?
[ $rc -eq 2 ] || fail "spool write failure: exit $rc, want 2"
grep -q "cannot write the spool file" "$T/spool.err" || fail "spool write failure: message $(cat "$T/spool.err")"

# stdout cannot be written: exit 2.
TF check "${AS[@]}" --format json "$T/in" >/dev/full 2>"$T/full.err"; rc=$?
[ $rc -eq 2 ] || fail "stdout to /dev/full: exit $rc, want 2"
grep -q "cannot write the output" "$T/full.err" || fail "stdout to /dev/full: message"
TF extract --format json "$T/in" >/dev/full 2>/dev/null; [ $? -eq 2 ] || fail "extract to /dev/full: want 2"

# ---- names ------------------------------------------------------------------------------------

mkdir -p "$T/names"
cp -r "$S/kestrel-clean-1" "$T/names/$(printf 'bad\377name')"
cp -r "$S/kestrel-clean-2" "$T/names/$(printf 'ctl\033[31mred\001')"
TF check "${AS[@]}" --format json "$T/names" >"$T/names.json" 2>"$T/names.err"
json_ok "$T/names.json" || fail "bad names: JSON invalid"
grep -q $'\xef\xbf\xbd' "$T/names.json" || fail "bad names: no U+FFFD"
grep -q '\\u001b' "$T/names.json" || fail "bad names: ESC not escaped in JSON"
grep -q 'not valid UTF-8' "$T/names.err" || fail "bad names: not flagged"
grep -q 'bad\\xffname' "$T/names.err" || fail "bad names: flag does not show the byte"
# The record says so too, with the real bytes, beside the document it concerns.
TF extract --format json "$T/names" >"$T/names.records.json" 2>/dev/null
json_ok "$T/names.records.json" || fail "bad names: record JSON invalid"
grep -q 'not valid UTF-8 ([^)]*bad\\\\xffname' "$T/names.records.json" || fail "bad names: not flagged in the record"
# A name is not content: the case keeps its verdict.
grep -A3 '"case": "bad' "$T/names.json" | grep -q '"verdict": "claimable"' || fail "bad names: verdict changed by the name"
TF check "${AS[@]}" --format junit "$T/names" >"$T/names.xml" 2>/dev/null
if command -v xmllint >/dev/null; then xmllint --noout "$T/names.xml" || fail "bad names: JUnit invalid"; fi
TF check "${AS[@]}" "$T/names" >"$T/names.txt" 2>/dev/null
grep -q $'\033' "$T/names.txt" && fail "bad names: ESC reached the terminal output"
grep -q 'ctl\\x1b\[31mred\\x01' "$T/names.txt" || fail "bad names: control characters not shown"

# ---- readers that crash, hang or exhaust memory -----------------------------------------------

mkdir -p "$T/iso"
for b in brackenford-clean-1 fernshire-clean-1 kestrel-clean-1 kestrel-clean-2; do cp -r "$S/$b" "$T/iso/"; done
VICTIM=taf-review-2-victim.odt  # only in kestrel-clean-2
mv "$T/iso/kestrel-clean-2/taf-review-2.odt" "$T/iso/kestrel-clean-2/$VICTIM"
TF check "${AS[@]}" --format json "$T/iso" >"$T/iso.clean.json"
for mode in crash hang oom; do
  TFAUDIT_TEST_FAULT="$mode:$VICTIM" TF check "${AS[@]}" --time-limit 3 --format json "$T/iso" >"$T/iso.$mode.json" 2>"$T/iso.$mode.err"; rc=$?
  [ $rc -eq 1 ] || fail "$mode: exit $rc, want 1"
  json_ok "$T/iso.$mode.json" || fail "$mode: JSON invalid"
  [ "$(cases "$T/iso.$mode.json")" -eq 4 ] || fail "$mode: want 4 cases, got $(cases "$T/iso.$mode.json")"
  case $mode in
    crash) why="the ODT reader crashed on this file" ;;
    hang) why="reading took longer than 3 s" ;;
    oom) why="over the 512 MB memory budget" ;;
  esac
  grep -q "$VICTIM\", \"error\": \"$why" "$T/iso.$mode.json" || fail "$mode: cause '$why' not given: $(grep -o "$VICTIM[^}]*" "$T/iso.$mode.json" | head -3)"
  # The three clean bundles are reported as without the fault.
  for b in brackenford-clean-1 fernshire-clean-1 kestrel-clean-1; do
    want=$(grep -A3 "\"case\": \"$b\"" "$T/iso.clean.json" | grep -o '"verdict": "[a-z_]*"')
    got=$(grep -A3 "\"case\": \"$b\"" "$T/iso.$mode.json" | grep -o '"verdict": "[a-z_]*"')
    [ -n "$want" ] && [ "$want" = "$got" ] || fail "$mode: $b verdict '$got', want '$want'"
  done
  grep -A3 '"case": "kestrel-clean-2"' "$T/iso.$mode.json" | grep -q '"verdict": "needs_review"' || fail "$mode: victim not needs_review"
done
# A reader that blocks (no CPU used) is stopped by the wall clock.
TFAUDIT_TEST_FAULT="sleep:$VICTIM" TF check "${AS[@]}" --time-limit 2 "$T/iso" >"$T/iso.sleep.txt"; rc=$?
[ $rc -eq 1 ] || fail "sleep: exit $rc"
grep -q "$VICTIM: reading took longer than 2 s" "$T/iso.sleep.txt" || fail "sleep: cause"
# extract --text: the other documents are still printed.
K=$T/iso/kestrel-clean-2
TFAUDIT_TEST_FAULT="crash:$VICTIM" TF extract --text "$K/taf-review-1.odt" "$K/$VICTIM" "$K/taf-review-3.odt" >"$T/x.txt" 2>"$T/x.err"; rc=$?
[ $rc -eq 2 ] || fail "extract --text crash: exit $rc, want 2"
grep -q "$VICTIM: the ODT reader crashed on this file" "$T/x.err" || fail "extract --text crash: message $(cat "$T/x.err")"
[ -s "$T/x.txt" ] || fail "extract --text crash: nothing printed"
"$BIN" extract --text "$K/taf-review-1.odt" "$K/taf-review-3.odt" >"$T/y.txt"
cmp -s "$T/x.txt" "$T/y.txt" || fail "extract --text crash: the other documents' text differs"
# Limits are validated.
"$BIN" check --time-limit 0 "$T/iso" >/dev/null 2>&1; [ $? -eq 2 ] || fail "--time-limit 0: want 2"
"$BIN" check --memory-limit lots "$T/iso" >/dev/null 2>&1; [ $? -eq 2 ] || fail "--memory-limit lots: want 2"
"$BIN" check --help | grep -q -- "--time-limit" || fail "--help lacks --time-limit"
echo "ok"
