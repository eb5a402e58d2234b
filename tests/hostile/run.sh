#!/usr/bin/env bash
# Runs one class of the hostile corpus (make-hostile.py) through tfaudit and checks each file's
# clean outcome: read within the bounds (exit 0, output holding the expected text), or reported
# unreadable with the bound named (exit 2, message holding it). Never a crash, a sanitizer
# report or a hang: each file has a generous guard (HOSTILE_TIMEOUT, 120 s by default) and
# running past it fails the test. Times and memory are measured by bench/hostile.sh, not here.
# Usage: run.sh TFAUDIT_BINARY REPO_ROOT CLASS
set -uo pipefail
bin=$1 root=$2 class=$3
guard=${HOSTILE_TIMEOUT:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tests/hostile/make-hostile.py" "$work" || { echo "generator failed"; exit 1; }
fail=0 n=0
while IFS=$'\t' read -r cls file mode expect text; do
    [[ $cls == "$class" ]] || continue
    n=$((n + 1))
    if [[ $mode == record ]]; then
        cmd=("$bin" extract --format json "$(dirname "$work/$file")")
    else
        cmd=("$bin" extract --text "$work/$file")
    fi
    timeout -k 5 "$guard" "${cmd[@]}" >"$work/out" 2>"$work/err"
    rc=$?
    if [[ $rc == 124 || $rc == 137 ]]; then
        echo "FAIL $file: still running after ${guard}s"; fail=1; continue
    fi
    if grep -q "runtime error:\|Sanitizer" "$work/err"; then
        echo "FAIL $file: sanitizer report"; head -20 "$work/err"; fail=1; continue
    fi
    if [[ $expect == ok ]]; then
        if [[ $rc != 0 ]]; then echo "FAIL $file: exit $rc, expected 0"; head -5 "$work/err"; fail=1; continue; fi
        if [[ -n $text ]] && ! grep -qF -- "$text" "$work/out"; then
            echo "FAIL $file: output lacks '$text'"; fail=1; continue
        fi
    else
        if [[ $rc != 2 ]]; then echo "FAIL $file: exit $rc, expected 2 (unreadable)"; head -5 "$work/err"; fail=1; continue; fi
        if ! grep -qF -- "$text" "$work/err"; then
            echo "FAIL $file: message lacks '$text':"; head -5 "$work/err"; fail=1; continue
        fi
    fi
    echo "ok   $file"
done <"$work/manifest.tsv"
[[ $n -gt 0 ]] || { echo "no files in class $class"; exit 1; }
exit $fail
