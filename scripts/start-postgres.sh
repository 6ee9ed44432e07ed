#!/usr/bin/env bash
# Start a private PostgreSQL server on loopback for the question log and feedback store.
#
#   scripts/start-postgres.sh [DATA_DIR] [PORT]     (defaults: data/postgres, 55432)
#   scripts/start-postgres.sh --install-only        (what `make setup-test` runs)
#
# Installs Debian's `postgresql` package when it is missing (apt-get), creates a cluster in
# DATA_DIR owned by the `postgres` user (initdb refuses to run as root), starts it listening on
# 127.0.0.1:PORT only, with a database and role `ics`, and prints the ICS_DATABASE_URL to use.
# Idempotent and fast when already installed and running (it only checks pg_isready).
# Stop it with: runuser -u postgres -- "$(pg_config --bindir)/pg_ctl" -D DATA_DIR stop
set -euo pipefail

INSTALL_ONLY=0
if [[ "${1:-}" == "--install-only" ]]; then INSTALL_ONLY=1; shift; fi
DATA_DIR="$(realpath -m "${1:-data/postgres}")"
PORT="${2:-55432}"
URL="postgresql+psycopg://ics@127.0.0.1:${PORT}/ics"

bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

BIN="$(bindir || true)"
if [[ -z "$BIN" ]]; then
  echo "installing Debian's postgresql package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq postgresql >&2
  # the package starts its own cluster on 5432; we only use our private one
  BIN="$(bindir)"
fi

[[ "$INSTALL_ONLY" == 1 ]] && exit 0

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

if [[ ! -f "$DATA_DIR/PG_VERSION" ]]; then
  mkdir -p "$DATA_DIR"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DATA_DIR"
  chmod 700 "$DATA_DIR"
  as_pg "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

as_pg "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_DIR" start >/dev/null

psql_pg() { as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtA "$@"; }
if [[ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname='ics'")" != "1" ]]; then
  psql_pg -c "CREATE ROLE ics LOGIN"
fi
if [[ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname='ics'")" != "1" ]]; then
  psql_pg -c "CREATE DATABASE ics OWNER ics"
fi
echo "$URL"
