#!/usr/bin/env bash
# tfaudit's throughput benchmark (issue 6). See bench/README.md.
#
#   bash bench/run.sh [N]          N synthetic bundles (default 2000): tfaudit check cold and warm,
#                                  the floor, pandoc, the per-stage profile, and the ratios
#   bash bench/run.sh --scaling    peak RSS of tfaudit check at 1,000 vs 10,000 bundles
#
# Environment: PANDOC_SAMPLE (default 200) docx/odt files given to pandoc, scaled to the full
# count; RUNS (default 3) warm runs, the best is reported. Builds Release into build-bench/;
# corpora go to bench/out/ (ignored by git) and are reused while make_corpus.py is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="$ROOT/build-bench"
OUT="$ROOT/bench/out"
RUNS=${RUNS:-3}
PANDOC_SAMPLE=${PANDOC_SAMPLE:-200}
AS_OF=2020-06-30

mode=main
N=2000
case "${1:-}" in
  --scaling) mode=scaling ;;
  -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
  "") ;;
  *) [[ "$1" =~ ^[0-9]+$ ]] || { echo "usage: bash bench/run.sh [N | --scaling]" >&2; exit 2; }; N=$1 ;;
esac

# GNU time, for peak RSS (as scripts/install-deps.sh installs what is missing).
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing GNU time"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time
fi

# Release build of tfaudit and the bench programs.
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$BUILD" -j"$(nproc)" --target tfaudit bench_floor bench_stages >/dev/null
TFAUDIT="$BUILD/tfaudit"
FLOOR="$BUILD/bench/bench_floor"
STAGES="$BUILD/bench/bench_stages"

# make_corpus N: writes (or reuses) bench/out/corpus-N and sets CORPUS.
make_corpus() {
  local n=$1 stamp
  CORPUS="$OUT/corpus-$n"
  stamp="$n $(sha1sum bench/make_corpus.py | cut -c1-12) $(find samples/bundles -type f | sort | xargs -d '\n' cat | sha1sum | cut -c1-12)"
  if [ -f "$CORPUS/.stamp" ] && [ "$(cat "$CORPUS/.stamp")" = "$stamp" ]; then
    echo "corpus: reusing $CORPUS"
  else
    local t0 t1
    t0=$(date +%s.%N)
    python3 bench/make_corpus.py "$CORPUS" "$n"
    t1=$(date +%s.%N)
    echo "$stamp" >"$CORPUS/.stamp"
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "corpus written in %.1f s\n", b - a }'
  fi
}

# run_check DIR: one `tfaudit check --format json` run over DIR; sets SECS and RSS_KB.
run_check() {
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$OUT/time.txt" "$TFAUDIT" check --format json --as-of "$AS_OF" --no-progress "$1" \
    >/dev/null 2>"$OUT/check.err" || rc=$?
  t1=$(date +%s.%N)
  if [ "$rc" -gt 1 ]; then
    echo "tfaudit check failed (exit $rc):" >&2
    cat "$OUT/check.err" >&2
    exit 1
  fi
  SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
  RSS_KB=$(tail -1 "$OUT/time.txt")
}

# drop_caches: empties the page cache when this process may; returns 1 when it may not.
drop_caches() {
  sync
  { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

mkdir -p "$OUT"
CORES=$(nproc)
MACHINE="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $CORES cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"

if [ "$mode" = scaling ]; then
  declare -A RSS SEC DOCS
  for n in 1000 10000; do
    make_corpus "$n"
    DOCS[$n]=$(find "$CORPUS" -type f ! -name '.*' | wc -l)
    run_check "$CORPUS"  # warms the page cache
    best_rss=""; best_sec=""
    for _ in 1 2; do
      run_check "$CORPUS"
      best_rss=$(min "$best_rss" "$RSS_KB"); best_sec=$(min "$best_sec" "$SECS")
    done
    RSS[$n]=$best_rss; SEC[$n]=$best_sec
    echo "  $n bundles, ${DOCS[$n]} documents: ${SEC[$n]} s, peak RSS $(awk -v k="${RSS[$n]}" 'BEGIN { printf "%.1f MB", k / 1024 }')"
  done
  ratio=$(div "${RSS[10000]}" "${RSS[1000]}")
  echo
  echo "== memory scaling, $(date -u +%Y-%m-%d), $MACHINE"
  awk -v a="${RSS[1000]}" -v b="${RSS[10000]}" -v r="$ratio" 'BEGIN {
    printf "peak RSS:  1,000 bundles %.1f MB   10,000 bundles %.1f MB   ratio %.2fx\n", a / 1024, b / 1024, r
    printf "target:    <= 1.5x and < 300 MB at 10,000: %s\n", (r <= 1.5 && b / 1024 < 300) ? "MET" : "NOT MET" }'
  exit 0
fi

echo "== tfaudit throughput benchmark: $N bundles, $(date -u +%Y-%m-%d), $MACHINE, load average $(cut -d' ' -f1-3 /proc/loadavg)"
make_corpus "$N"
DOCS=$(find "$CORPUS" -type f ! -name '.*' | wc -l)
BUNDLES=$(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | wc -l)
mapfile -d '' ZIPDOCS < <(find "$CORPUS" -type f \( -name '*.docx' -o -name '*.odt' \) -print0 | sort -z)
NZIP=${#ZIPDOCS[@]}

# Cold: the page cache emptied first, when permitted.
if drop_caches; then
  run_check "$CORPUS"
  COLD="$SECS s (page cache dropped)"
  COLD_SECS=$SECS
else
  COLD="not measured: /proc/sys/vm/drop_caches is not writable here"
  COLD_SECS=""
fi

# Warm: best of RUNS.
run_check "$CORPUS"  # warm-up
WARM=""; RSS=""
for _ in $(seq "$RUNS"); do
  run_check "$CORPUS"
  WARM=$(min "$WARM" "$SECS"); RSS=$(min "$RSS" "$RSS_KB")
done

# The same documents as the floor: a mirror of the corpus holding only its .docx/.odt files
# (hard links), checked the same way.
SAME="$OUT/$(basename "$CORPUS")-docx-odt"
if [ ! -d "$SAME" ] || [ "$SAME" -ot "$CORPUS" ]; then
  rm -rf "$SAME"
  python3 - "$CORPUS" "$SAME" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for root, _, files in os.walk(src):
    for f in files:
        if f.endswith((".docx", ".odt")):
            d = os.path.join(dst, os.path.relpath(root, src))
            os.makedirs(d, exist_ok=True)
            os.link(os.path.join(root, f), os.path.join(d, f))
PY
fi
run_check "$SAME"  # warm-up
SAME_SECS=""
for _ in $(seq "$RUNS"); do
  run_check "$SAME"
  SAME_SECS=$(min "$SAME_SECS" "$SECS")
done

# The floor, on one core: best of RUNS.
FLOOR_SECS=""
for _ in $(seq "$RUNS"); do
  line=$(taskset -c 0 "$FLOOR" "$CORPUS")
  s=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$line")
  if [ -z "$FLOOR_SECS" ] || awk -v a="$s" -v b="$FLOOR_SECS" 'BEGIN { exit !(a < b) }'; then FLOOR_LINE=$line; fi
  FLOOR_SECS=$(min "$FLOOR_SECS" "$s")
done

# The stages, on one core.
STAGES_OUT=$(taskset -c 0 "$STAGES" --as-of "$AS_OF" "$CORPUS")

# pandoc -t plain over an even sample of the same docx/odt files, on every core (as tfaudit).
PANDOC="not installed"
PANDOC_RATIO=""; PANDOC_STRICT=""
if command -v pandoc >/dev/null; then
  step=$(( NZIP > PANDOC_SAMPLE ? NZIP / PANDOC_SAMPLE : 1 ))
  sample=()
  for ((i = 0; i < NZIP; i += step)); do sample+=("${ZIPDOCS[$i]}"); done
  t0=$(date +%s.%N)
  printf '%s\0' "${sample[@]}" | xargs -0 -n 1 -P "$CORES" pandoc -t plain -o /dev/null
  t1=$(date +%s.%N)
  PSECS=$(awk -v a="$t0" -v b="$t1" -v k="${#sample[@]}" -v n="$NZIP" 'BEGIN { printf "%.2f", (b - a) * n / k }')
  PANDOC="$PSECS s for $NZIP docx/odt files (measured on ${#sample[@]}, $CORES processes at a time, scaled to the full count)"
  PANDOC_RATIO=$(div "$PSECS" "$SAME_SECS")
  PANDOC_STRICT=$(div "$PSECS" "$WARM")
fi

echo
echo "== results ($N bundles: $BUNDLES folders, $DOCS documents, $NZIP of them docx/odt)"
awk -v w="$WARM" -v d="$DOCS" -v b="$BUNDLES" -v r="$RSS" 'BEGIN {
  printf "tfaudit check --format json, %s threads, warm (best of '"$RUNS"'): %.3f s   %.0f documents/s   %.0f bundles/s   peak RSS %.1f MB\n", '"$CORES"', w, d / w, b / w, r / 1024 }'
echo "tfaudit check, cold: $COLD"
[ -n "$COLD_SECS" ] && awk -v c="$COLD_SECS" -v d="$DOCS" -v b="$BUNDLES" 'BEGIN { printf "  cold rate: %.0f documents/s, %.0f bundles/s\n", d / c, b / c }'
echo "floor (1 core, $NZIP docx/odt: inflate main part + xmlReadMemory): $FLOOR_LINE"
echo "pandoc -t plain: $PANDOC"
echo "$STAGES_OUT"
echo
echo "ratios (measured in this run; load average now $(cut -d' ' -f1-3 /proc/loadavg) on $CORES cores: other work skews them):"
echo "  tfaudit / floor  = $(div "$SAME_SECS" "$FLOOR_SECS")x   (target <= 2x; the same $NZIP docx/odt: tfaudit check on $CORES cores, ${SAME_SECS} s; the floor on one)"
echo "                     $(div "$WARM" "$FLOOR_SECS")x   (stricter: tfaudit on all $DOCS documents of the corpus)"
if [ -n "$PANDOC_RATIO" ]; then
  echo "  pandoc / tfaudit = ${PANDOC_RATIO}x   (target >= 50x; the same $NZIP docx/odt)"
  echo "                     ${PANDOC_STRICT}x   (stricter: tfaudit on all $DOCS documents)"
fi

# The audit report: every case of a 500-bundle corpus read, checked and written as a PDF.
make_corpus 500 >/dev/null
best=""
for _ in 1 2; do
  t0=$(date +%s.%N)
  "$TFAUDIT" audit "$CORPUS" --as-of "$AS_OF" --report "$OUT/audit-500.pdf" 2>/dev/null
  t1=$(date +%s.%N)
  best=$(min "$best" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
done
PAGES=$(pdfinfo "$OUT/audit-500.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "  audit, 500 bundles to a ${PAGES:-?}-page PDF (read, check, report): ${best} s   (target < 5 s)"
exit 0
