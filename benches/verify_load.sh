#!/usr/bin/env bash
# Load benchmark: POST /api/v1/verify against GET /healthz, the same wrk load on the same
# release server in the same run (2 threads, 32 connections). Target: verify sustains at least
# half the requests per second of /healthz, with p99 under 10 ms. It ends with the ceiling
# from benches/verify_token.rs: what the cores could answer doing nothing but token checks.
# The server logs at the default level (info: a line per request) to a file, as in production;
# MUNI_ID_BENCH_LOG_LEVEL sets another, MUNI_ID_BENCH_BIN another build of the binary (e.g. an
# older commit's, to compare in one run).
#   bash benches/verify_load.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -n "${MUNI_ID_BENCH_BIN:-}" ]; then
  BIN="$MUNI_ID_BENCH_BIN"
else
  cargo build --release --locked --bin muni-id >/dev/null 2>&1
  BIN=target/release/muni-id
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export MUNI_ID__DATA_DIR="$work" MUNI_ID__DATABASE__URL="sqlite://$work/muni-id.db"
export MUNI_ID__SERVER__BIND="127.0.0.1:$port" MUNI_ID__PUBLIC_BASE_URL="$base"
export MUNI_ID__LOG__LEVEL="${MUNI_ID_BENCH_LOG_LEVEL:-info}" MUNI_ID__VERIFICATION__MAX_CHECKS_PER_MINUTE=1000000000
echo "bench clerk passphrase" | $BIN staff add bench.clerk --role clerk --password-stdin >/dev/null
$BIN serve 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -fs "$base/api/v1/sessions" -H 'content-type: application/json' \
  -d '{"username":"bench.clerk","password":"bench clerk passphrase"}' | json '["token"]')
photo=$(base64 -w0 tests/fixtures/photo.png)
resident=$(curl -fs "$base/api/v1/residents" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"legal_name\":\"Bench Resident\",\"date_of_birth\":\"1990-04-01\",\"photo\":\"$photo\",\"documents\":[\"passport\",\"lease\"]}" | json '["resident_id"]')
qr=$(curl -fs "$base/api/v1/residents/$resident/cards" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"reason":"new","fee":{"outcome":"paid"}}' | json '["qr_text"]')
[ "$(curl -fs "$base/api/v1/verify" -H 'content-type: application/json' -d "{\"token\":\"$qr\"}")" = '{"valid":true}' ]

cat > "$work/verify.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"token":"$qr"}'
LUA

run() { wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@"; }
echo "== GET /healthz"; run "$base/healthz" | tee "$work/healthz.txt"
echo "== POST /api/v1/verify (a valid card)"; run -s "$work/verify.lua" "$base/api/v1/verify" | tee "$work/verify.txt"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1=="99%" {print $2}' "$1"; }
echo
echo "healthz: $(rps "$work/healthz.txt") req/s, p99 $(p99 "$work/healthz.txt")"
echo "verify:  $(rps "$work/verify.txt") req/s, p99 $(p99 "$work/verify.txt")"
python3 -c "print(f'verify / healthz = {float(\"$(rps "$work/verify.txt")\") / float(\"$(rps "$work/healthz.txt")\"):.2f} (target >= 0.50)')"
if [ -z "${MUNI_ID_BENCH_BIN:-}" ]; then
  ceiling=$(cargo bench --locked --bench verify_token 2>/dev/null | tee "$work/token.txt" | awk '/^ceiling/ {print $(NF-1)}')
  grep -E 'µs' "$work/token.txt"
  python3 -c "print(f'ceiling: {float(\"$ceiling\"):.0f} token checks/s on all cores with no HTTP and no load generator = {float(\"$ceiling\") / float(\"$(rps "$work/healthz.txt")\"):.2f} of /healthz')"
fi
echo "log: $(wc -l <"$work/server.log") lines at ${MUNI_ID__LOG__LEVEL}"
if grep -qi "error" "$work/server.log"; then echo "server errors:"; grep -i error "$work/server.log" | head; fi
