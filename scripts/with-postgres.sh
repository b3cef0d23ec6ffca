#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster in a temporary folder on a spare port,
# with DATABASE_URL set; stops and removes the cluster afterwards, whatever the command's result.
set -euo pipefail

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found; run scripts/system-deps.sh" >&2; exit 1; }

PORT=${PGTEST_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
DIR=$(mktemp -d /tmp/wandelwerk-pg.XXXXXX)
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres (or nobody) user
  OWNER=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
  chown "$OWNER" "$DIR"
  RUN=(runuser -u "$OWNER" --)
fi

cleanup() {
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U wandelwerk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U wandelwerk wandelwerk

export DATABASE_URL="postgres://wandelwerk@127.0.0.1:$PORT/wandelwerk"
echo "PostgreSQL test cluster on port $PORT"
"$@"
