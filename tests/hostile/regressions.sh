#!/usr/bin/env bash
# Every input a fuzz target once failed on (fuzz/regressions/<target>/NAME.<ext>) is read again
# by the real binary: it must end as a document or a one-line error (exit 0 or 2), with no
# crash, no sanitizer report and within a generous guard (HOSTILE_TIMEOUT, 120 s).
# Usage: regressions.sh TFAUDIT_BINARY REPO_ROOT
set -uo pipefail
bin=$1 root=$2
guard=${HOSTILE_TIMEOUT:-120}
err=$(mktemp)
trap 'rm -f "$err"' EXIT
fail=0 n=0
for f in "$root"/fuzz/regressions/*/*; do
    [[ -f $f ]] || continue
    n=$((n + 1))
    timeout -k 5 "$guard" "$bin" extract --text "$f" >/dev/null 2>"$err"
    rc=$?
    if [[ $rc != 0 && $rc != 2 ]] || grep -q "runtime error:\|Sanitizer" "$err"; then
        echo "FAIL ${f#$root/}: exit $rc"; head -20 "$err"; fail=1
    else
        echo "ok   ${f#$root/} (exit $rc: $(head -c 160 "$err"))"
    fi
done
[[ $n -gt 0 ]] || { echo "no regression inputs found"; exit 1; }
exit $fail
