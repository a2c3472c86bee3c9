#!/usr/bin/env bash
# The OpenAPI contract, checked from outside: schemathesis (from PyPI, in a venv here) generates
# requests for every operation of /api/openapi.json against a freshly started server, with a
# token for each staff role, and fails on any 5xx, any status the document does not declare,
# any answer that does not match its declared schema, and any request the document says is
# valid that the service refuses.
#   bash tests/contract/run.sh            # a bounded run (CI)
#   MAX_EXAMPLES=500 bash tests/contract/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

MAX_EXAMPLES="${MAX_EXAMPLES:-25}"
venv=tests/contract/.venv
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r tests/contract/requirements.txt
fi

# The binary as the test build makes it (`cargo build` would resolve features without the
# dev-dependencies and build most crates a second time).
cargo test --locked --no-run -q
bin=target/debug/muni-id
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export MUNI_ID__DATA_DIR="$work" \
  MUNI_ID__DATABASE__URL="sqlite://$work/muni-id.db" \
  MUNI_ID__SERVER__BIND="127.0.0.1:$port" \
  MUNI_ID__PUBLIC_BASE_URL="http://127.0.0.1:$port" \
  MUNI_ID__LOG__LEVEL=warn \
  MUNI_ID__VERIFICATION__MAX_CHECKS_PER_MINUTE=100000 \
  MUNI_ID__SERVER__METRICS_TOKEN_FILE="$work/metrics-token" \
  MUNI_ID__AUTH__FREE_FAILURES_PER_CLIENT=100000 \
  MUNI_ID__AUTH__FREE_FAILURES_PER_ACCOUNT_AND_CLIENT=100000
unset MUNI_ID_CONFIG
(umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/metrics-token")

password="contract test passphrase"
# A password set on the command line must be changed at first login: each account starts
# with a first one and chooses $password once the server is up.
first="first $password"
for role in clerk supervisor auditor admin; do
  printf '%s' "$first" | "$bin" staff add "contract.$role" --role "$role" --password-stdin >/dev/null
done

"$bin" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("the server did not start")
PY

python3 - "$port" "$first" "$password" <<'PY'
import json, sys, urllib.request
port, first, own = sys.argv[1:]
def post(path, body, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     data=json.dumps(body).encode(), headers=headers)
    return urllib.request.urlopen(request)
for role in ["clerk", "supervisor", "auditor", "admin"]:
    login = json.load(post("/api/v1/sessions", {"username": f"contract.{role}", "password": first}))
    post("/api/v1/staff/me/password", {"current_password": first, "new_password": own}, login["token"])
PY

token() {
  python3 - "$port" "contract.$1" "$password" <<'PY'
import json, sys, urllib.request
port, username, password = sys.argv[1:]
request = urllib.request.Request(
    f"http://127.0.0.1:{port}/api/v1/sessions",
    data=json.dumps({"username": username, "password": password}).encode(),
    headers={"content-type": "application/json"},
)
print(json.load(urllib.request.urlopen(request))["token"])
PY
}

status=0
for role in supervisor auditor admin; do
  echo "==> schemathesis as $role ($MAX_EXAMPLES examples per operation)"
  "$venv/bin/schemathesis" --config-file tests/contract/schemathesis.toml \
    run "http://127.0.0.1:$port/api/openapi.json" \
    --url "http://127.0.0.1:$port" \
    --header "Authorization: Bearer $(token "$role")" \
    --checks all \
    --exclude-checks ignored_auth \
    --exclude-path /api/v1/sessions/current \
    --exclude-path /api/v1/staff/me/password \
    --max-examples "$MAX_EXAMPLES" \
    --seed 1 \
    --no-color || status=1
done
if [ $status -ne 0 ]; then
  echo "the server's log:"; tail -50 "$work/server.log"
fi
exit $status
