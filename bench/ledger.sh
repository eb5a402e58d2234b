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

secs() {  # secs CMD...: "WALL CPU" seconds of one run (CPU: user + system of tfaudit itself)
  /usr/bin/time -f '%e %U %S' -o "$T/time" "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
  tail -1 "$T/time" | awk '{ printf "%.3f %.3f", $1, $2 + $3 }'
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
  secs "$TFAUDIT" "${check[@]}" >>"$T/t-alone"; echo >>"$T/t-alone"
  rm -f "$T/l.db"*
  secs "$TFAUDIT" "${check[@]}" --ledger "$T/l.db" >>"$T/t-sqlite"; echo >>"$T/t-sqlite"
  fresh_pg
  secs "$TFAUDIT" "${check[@]}" --ledger "$LOC" >>"$T/t-pg"; echo >>"$T/t-pg"
done
best_cpu() { awk '{ print $2 }' | sort -n | head -1; }
alone=$(best <"$T/t-alone"); sqlite=$(best <"$T/t-sqlite"); pg=$(best <"$T/t-pg")
alone=${alone% *}; sqlite=${sqlite% *}; pg=${pg% *}
calone=$(best_cpu <"$T/t-alone"); csqlite=$(best_cpu <"$T/t-sqlite"); cpg=$(best_cpu <"$T/t-pg")
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
awk -v n="$N" -v c="$cases" -v a="$alone" -v s="$sqlite" -v p="$pg" -v ca="$calone" -v cs="$csqlite" -v cp="$cpg" -v sc="$size_check" -v sl="$size_claim" -v ps="$pg_size" \
    -v claims="$(tail -1 "$T/claim.txt")" 'BEGIN {
  printf "%d bundles, %d cases (best of warm runs)\n", n, c
  printf "                              wall                CPU (user + system, tfaudit only)\n"
  printf "  check alone                 %6.2f s            %6.2f s\n", a, ca
  printf "  check --ledger SQLite       %6.2f s (%+5.1f %%)  %6.2f s (%+5.1f %%)\n", s, 100 * (s - a) / a, cs, 100 * (cs - ca) / ca
  printf "  check --ledger PostgreSQL   %6.2f s (%+5.1f %%)  %6.2f s (%+5.1f %%)\n", p, 100 * (p - a) / a, cp, 100 * (cp - ca) / ca
  printf "ledger size per 1,000 cases\n"
  printf "  SQLite, one check run       %.0f KB\n", sc / c * 1000 / 1024
  printf "  SQLite, + one claim run     %.0f KB  (%s)\n", sl / c * 1000 / 1024, claims
  printf "  PostgreSQL, check + claim   %.0f KB  (database growth after VACUUM)\n", ps / c * 1000 / 1024
}'
