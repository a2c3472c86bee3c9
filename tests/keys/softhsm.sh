#!/usr/bin/env bash
# A private SoftHSM2 token for the PKCS#11 key-custody tests (src/crypto/custody/pkcs11).
#
#   eval "$(bash tests/keys/softhsm.sh /tmp/hsm [LABEL])"
#   cargo test --lib custody::pkcs11 -- --ignored
#
# Makes FOLDER/softhsm2.conf (tokens under FOLDER/tokens, file object store), initialises a
# token labelled LABEL (default muni-id-test) unless one with that label is there already,
# keeps its user PIN in FOLDER/pin (0600), and prints the exports the tests read. Installs
# softhsm2 when it is missing. Only for tests: the PINs are random but stored beside the token.
set -euo pipefail

folder=${1:?usage: softhsm.sh FOLDER [LABEL]}
label=${2:-muni-id-test}
module=/usr/lib/softhsm/libsofthsm2.so

if ! command -v softhsm2-util >/dev/null || [ ! -e "$module" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq softhsm2 >&2
fi

mkdir -p "$folder/tokens"
folder=$(cd "$folder" && pwd)
conf="$folder/softhsm2.conf"
cat >"$conf" <<CONF
directories.tokendir = $folder/tokens
objectstore.backend = file
log.level = ERROR
CONF
export SOFTHSM2_CONF="$conf"

umask 077
if [ ! -s "$folder/pin" ]; then
  head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$folder/pin"
fi
chmod 600 "$folder/pin"

# Several tokens, LABEL-0 … LABEL-7: test apps spread over them (each token's object store is
# re-read whenever it changes, so one token shared by a whole parallel suite gets slow).
tokens=${MUNI_ID_TEST_PKCS11_TOKENS:-8}
for n in $(seq 0 $((tokens - 1))); do
  if ! softhsm2-util --show-slots | grep -qE "^\s*Label:\s+$label-$n\s*$"; then
    so_pin=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    softhsm2-util --init-token --free --label "$label-$n" --so-pin "$so_pin" \
      --pin "$(cat "$folder/pin")" >&2
  fi
done

# The same token behind a module whose link the outage tests can cut (tests/keys/cuttable.c).
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v gcc >/dev/null || [ ! -e /usr/include/p11-kit-1/p11-kit/pkcs11.h ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gcc libp11-kit-dev >&2
fi
gcc -shared -fPIC -O2 -Wall -I/usr/include/p11-kit-1 -o "$folder/cuttable.so" \
  "$here/cuttable.c" -ldl >&2

printf 'export SOFTHSM2_CONF=%q\n' "$conf"
printf 'export MUNI_ID_TEST_PKCS11_MODULE=%q\n' "$module"
printf 'export MUNI_ID_TEST_PKCS11_TOKEN=%q\n' "$label-0"
printf 'export MUNI_ID_TEST_PKCS11_TOKEN_LABELS=%q\n' "$label-"
printf 'export MUNI_ID_TEST_PKCS11_TOKENS=%q\n' "$tokens"
printf 'export MUNI_ID_TEST_PKCS11_PIN_FILE=%q\n' "$folder/pin"
printf 'export MUNI_ID_TEST_PKCS11_CUTTABLE_MODULE=%q\n' "$folder/cuttable.so"
printf 'export MUNI_ID_TEST_PKCS11_CUT_FILE=%q\n' "$folder/cut"
