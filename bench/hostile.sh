#!/usr/bin/env bash
# Time and peak memory of tfaudit on each file of the hostile corpus (tests/hostile/
# make-hostile.py), one `/usr/bin/time -v` run per file: the figures in bench/README.md.
# Each run is capped (HOSTILE_CAP seconds, default 60, and HOSTILE_MEM_MB of address space,
# default 4096) so an unbounded reader shows as "over the cap" instead of taking the machine.
# Usage: bash bench/hostile.sh [TFAUDIT_BINARY]   (default build/tfaudit)
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/tfaudit}
cap=${HOSTILE_CAP:-60}
mem=${HOSTILE_MEM_MB:-4096}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tests/hostile/make-hostile.py "$work"
printf '| class | file | size | outcome | wall s | peak RSS MB |\n| --- | --- | ---: | --- | ---: | ---: |\n'
while IFS=$'\t' read -r cls file mode expect text; do
    if [[ $mode == record ]]; then args=(extract --format json "$(dirname "$work/$file")"); else args=(extract --text "$work/$file"); fi
    ( ulimit -v $((mem * 1024)); exec /usr/bin/time -v -o "$work/time" timeout "$cap" "$bin" "${args[@]}" ) \
        >/dev/null 2>"$work/err"
    rc=$?
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time")
    case $rc in
        0) outcome="read" ;;
        2) outcome="unreadable: $(head -c 200 "$work/err" | sed 's/.*: //' | head -1)" ;;
        124) outcome="over the ${cap} s cap" ;;
        *) outcome="exit $rc$(grep -q 'bad_alloc\|out of memory' "$work/err" && echo ', out of memory')" ;;
    esac
    size=$(stat -c %s "$work/$file")
    printf '| %s | %s | %s KB | %s | %s | %s |\n' "$cls" "$(basename "$file")" $((size / 1024)) "$outcome" "$wall" "$rss"
done <"$work/manifest.tsv"
