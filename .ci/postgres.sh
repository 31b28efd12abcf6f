#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the integration tests and prints its DATABASE_URL.
# PostgreSQL refuses to run as root: the server runs as the "postgres" system user.
# Usage: source .ci/postgres.sh   (defines DATABASE_URL and stop_postgres)
set -euo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_PORT=${PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
PG_DATA=$(mktemp -d /tmp/mutualis-pg.XXXXXX)
chown postgres:postgres "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
# The application connects as an ordinary role that may create databases (the tests make one per file),
# not as a superuser: the extensions it needs (unaccent, pg_trgm) are trusted ones.
runuser -u postgres -- "$PG_BIN/psql" -h /tmp -p "$PG_PORT" -U postgres -qc \
  "CREATE ROLE mutualis LOGIN PASSWORD 'mutualis' CREATEDB" -c "CREATE DATABASE mutualis OWNER mutualis"
export DATABASE_URL="postgres://mutualis:mutualis@127.0.0.1:$PG_PORT/mutualis"
stop_postgres() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
  rm -rf "$PG_DATA"
}
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on $DATABASE_URL"
