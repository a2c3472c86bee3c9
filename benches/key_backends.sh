#!/usr/bin/env bash
# Key custody side by side, in one run: the file ring, SoftHSM2 through PKCS#11 and an OpenBao
# dev server, each started here (tests/keys/*.sh). For each backend: enrollments per second
# through the HTTP API (enroll_throughput, SQLite), and resident inserts, reads, key rotation,
# the roll-forward and the purge over MUNI_ID_BENCH_RESIDENTS residents (retention).
#   bash benches/key_backends.sh                       # 100,000 residents
#   MUNI_ID_BENCH_RESIDENTS=20000 bash benches/key_backends.sh
# Release build (the first one takes about 15 minutes). Not a test: it prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'bash tests/keys/openbao.sh stop "$work/bao"; rm -rf "$work"' EXIT
vars=$(bash tests/keys/softhsm.sh "$work/hsm")
eval "$vars"
vars=$(bash tests/keys/openbao.sh "$work/bao")
eval "$vars"

requests="${MUNI_ID_BENCH_REQUESTS:-2000}"
for backend in file pkcs11 openbao; do
  echo "== enrollments through the HTTP API, keys in $backend"
  prefix="bench$(date +%s%N)"
  case "$backend" in
    file) keys=(MUNI_ID__KEYS__BACKEND=file) ;;
    pkcs11) keys=(MUNI_ID__KEYS__BACKEND=pkcs11
      "MUNI_ID__KEYS__PKCS11__MODULE=$MUNI_ID_TEST_PKCS11_MODULE"
      "MUNI_ID__KEYS__PKCS11__TOKEN_LABEL=$MUNI_ID_TEST_PKCS11_TOKEN"
      "MUNI_ID__KEYS__PKCS11__PIN_FILE=$MUNI_ID_TEST_PKCS11_PIN_FILE"
      "MUNI_ID__KEYS__PKCS11__LABEL_PREFIX=$prefix/") ;;
    openbao) keys=(MUNI_ID__KEYS__BACKEND=openbao
      "MUNI_ID__KEYS__OPENBAO__ADDRESS=$MUNI_ID_TEST_OPENBAO_ADDR"
      "MUNI_ID__KEYS__OPENBAO__TOKEN_FILE=$MUNI_ID_TEST_OPENBAO_TOKEN_FILE"
      "MUNI_ID__KEYS__OPENBAO__KEY_PREFIX=$prefix-") ;;
  esac
  env "${keys[@]}" MUNI_ID_BENCH_REQUESTS="$requests" \
    cargo bench --locked --bench enroll_throughput -- sqlite
done

echo "== inserts, reads, rotation, roll-forward and purge, each key backend"
MUNI_ID_BENCH_KEYS=file,pkcs11,openbao cargo bench --locked --bench retention -- sqlite
