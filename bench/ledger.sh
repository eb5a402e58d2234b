#!/usr/bin/env bash
# The claims ledger's cost (issue 13): time to check N bundles (default 2,000) alone, recording
# the run into a new SQLite ledger, and into a new database on a throwaway PostgreSQL server
# (scripts/pg-test-server.sh); then the ledger's size per 1,000 cases after one recorded check
# run and one claim run. Best of RUNS (default 3) warm runs each, after one warm-up.
#     bash bench/ledger.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}; RUNS=${RUNS:-3}; AS_OF=2020-06-30
BUILD=${BUILD_DIR:-build}
OUT=bench/out
mkdir -p "$OUT"
TFAUDIT=$BUILD/tfaudit
[ -x "$TFAUDIT" ] || { echo "build first: bash scripts/build.sh" >&2; exit 2; }
CORPUS=$OUT/corpus-$N
[ -d "$CORPUS" ] || python3 bench/make_corpus.py "$CORPUS" "$N"
T=$(mktemp -d)
PG=$T/pg
cleanup() { bash scripts/pg-test-server.sh stop "$PG" >/dev/null 2>&1 || true; rm -rf "$T"; }
trap cleanup EXIT
URL=$(bash scripts/pg-test-server.sh start "$PG")

secs() {  # secs CMD...: wall seconds of one run
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
best() { sort -n | head -1; }
fresh_pg() {  # sets LOC to a new database (also inside $(...): names from mktemp)
  local id; id=$(mktemp -u XXXXXXXX | tr 'A-Z' 'a-z')
  psql "$URL" -qAt -c "CREATE DATABASE bench_$id" >/dev/null
  LOC="${URL%/*}/bench_$id"
}

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
check=(check --format json --as-of "$AS_OF" --no-progress "$CORPUS")
secs "$TFAUDIT" "${check[@]}" >/dev/null  # warm-up
# Interleaved, so that a change in the machine's load touches all three alike.
for i in $(seq "$RUNS"); do
  secs "$TFAUDIT" "${check[@]}" >>"$T/alone"; echo >>"$T/alone"
  rm -f "$T/l.db"*
  secs "$TFAUDIT" "${check[@]}" --ledger "$T/l.db" >>"$T/sqlite"; echo >>"$T/sqlite"
  fresh_pg
  secs "$TFAUDIT" "${check[@]}" --ledger "$LOC" >>"$T/pg"; echo >>"$T/pg"
done
alone=$(best <"$T/alone"); sqlite=$(best <"$T/sqlite"); pg=$(best <"$T/pg")
cases=$("$TFAUDIT" check --format cases-csv --as-of "$AS_OF" --no-progress "$CORPUS" | tail -n +2 | grep -c . || true)

# Size: one recorded check run and one claim run, per 1,000 cases.
rm -f "$T/l.db"*
"$TFAUDIT" check --format json --as-of "$AS_OF" --no-progress --ledger "$T/l.db" "$CORPUS" >/dev/null || true
size_check=$(stat -c %s "$T/l.db")
"$TFAUDIT" claim --ledger "$T/l.db" --window W1 --as-of "$AS_OF" "$CORPUS" >"$T/claim.txt" || true
size_claim=$(stat -c %s "$T/l.db")
fresh_pg
empty=$(psql "$LOC" -qAt -c "SELECT pg_database_size(current_database())")
"$TFAUDIT" check --format json --as-of "$AS_OF" --no-progress --ledger "$LOC" "$CORPUS" >/dev/null || true
"$TFAUDIT" claim --ledger "$LOC" --window W1 --as-of "$AS_OF" "$CORPUS" >/dev/null || true
psql "$LOC" -qAt -c "VACUUM" >/dev/null
pg_size=$(( $(psql "$LOC" -qAt -c "SELECT pg_database_size(current_database())") - empty ))

echo "load average before: $LOAD0; after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v n="$N" -v c="$cases" -v a="$alone" -v s="$sqlite" -v p="$pg" -v sc="$size_check" -v sl="$size_claim" -v ps="$pg_size" \
    -v claims="$(tail -1 "$T/claim.txt")" 'BEGIN {
  printf "%d bundles, %d cases (best of warm runs)\n", n, c
  printf "  check alone                 %.2f s\n", a
  printf "  check --ledger SQLite       %.2f s  (+%.1f %%)\n", s, 100 * (s - a) / a
  printf "  check --ledger PostgreSQL   %.2f s  (+%.1f %%)\n", p, 100 * (p - a) / a
  printf "ledger size per 1,000 cases\n"
  printf "  SQLite, one check run       %.0f KB\n", sc / c * 1000 / 1024
  printf "  SQLite, + one claim run     %.0f KB  (%s)\n", sl / c * 1000 / 1024, claims
  printf "  PostgreSQL, check + claim   %.0f KB  (database growth after VACUUM)\n", ps / c * 1000 / 1024
}'
