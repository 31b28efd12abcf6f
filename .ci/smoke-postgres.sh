#!/usr/bin/env bash
# Starts the real server on the PostgreSQL of DATABASE_URL, waits until it is ready, signs in with a
# demo account, then stops it with SIGTERM and checks that it exits cleanly. Runs the compiled server,
# as `npm start` does.
set -euo pipefail
npm run --silent build:server
PORT=$((20000 + RANDOM % 20000))
PORT=$PORT MUTUALIS_LOG_LEVEL=warn node --enable-source-maps build/server/main.js &
PID=$!
for _ in $(seq 1 120); do
  kill -0 "$PID" 2>/dev/null || { echo "the server exited before it was ready"; exit 1; }
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/health/ready"
echo
curl -fsS -o /dev/null -w 'demo login: %{http_code}\n' -H 'content-type: application/json' \
  -d '{"email":"admin@mutualis.demo","password":"mutualis-demo"}' "http://127.0.0.1:$PORT/api/auth/login"
kill -TERM "$PID"
wait "$PID"
echo "server stopped cleanly"
