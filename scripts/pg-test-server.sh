#!/usr/bin/env bash
# A throwaway PostgreSQL server for the ledger tests and benchmark.
#   start DIR  creates a cluster (initdb, trust authentication) in a new folder under /tmp (so
#              the postgres user can reach it wherever DIR is, e.g. under /root), starts it on
#              127.0.0.1 at a free port, writes its URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#              to DIR/url and prints it. A server left by an earlier start in DIR is stopped first.
#   stop DIR   stops the server and removes its folder and DIR.
# Run as root, the server runs as the postgres OS user (postgres refuses to run as root).
# Needs Debian's postgresql 15 (scripts/install-deps.sh installs it) and python3.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

stop() {
  [ -f "$dir/cluster" ] || return 0
  local c; c=$(cat "$dir/cluster")
  if [ -d "$c/data" ]; then as_pg "$PGBIN/pg_ctl" -D "$c/data" -m immediate stop >/dev/null 2>&1 || true; fi
  case "$c" in /tmp/tfaudit-pg-*) rm -rf "$c" ;; esac
  rm -f "$dir/cluster" "$dir/url"
}

case "$cmd" in
start)
  [ -x "$PGBIN/initdb" ] || { echo "pg-test-server: $PGBIN/initdb not found (apt-get install postgresql)" >&2; exit 3; }
  mkdir -p "$dir"
  stop
  c=$(mktemp -d /tmp/tfaudit-pg-XXXXXX)
  echo "$c" >"$dir/cluster"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$c"; fi
  chmod 700 "$c"
  as_pg "$PGBIN/initdb" -D "$c/data" -A trust -U postgres --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_pg "$PGBIN/pg_ctl" -D "$c/data" -l "$c/server.log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $c -c fsync=off" start >/dev/null 2>&1; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres" | tee "$dir/url"
      exit 0
    fi
  done
  cat "$c/server.log" >&2 || true
  exit 1
  ;;
stop)
  stop
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2
  ;;
esac
