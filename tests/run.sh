#!/usr/bin/env bash
# The test command: installs what the tests use (Debian's poppler-utils and zbar-tools to read
# the card PDF and its QR code, fonts-noto-core and fonts-noto-cjk for names in every script,
# Chromium for the browser tests, a Python venv with pycose for the interoperability test),
# then runs the Rust suite and the browser suite.
#   bash tests/run.sh                 # on SQLite
#   MUNI_ID_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
command -v zbarimg >/dev/null || need_apt+=(zbar-tools)
# The card's font folder (names in Korean, Indic, Ethiopic, … scripts) and the pages' fonts.
[ -f /usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf ] || need_apt+=(fonts-noto-core)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need_apt+=(fonts-noto-cjk)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v node >/dev/null || need_apt+=(nodejs npm)
python3 -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x tests/interop/.venv/bin/python ] || ! tests/interop/.venv/bin/python -c 'import pycose' 2>/dev/null; then
  python3 -m venv tests/interop/.venv
  tests/interop/.venv/bin/pip install -q -r tests/interop/requirements.txt
fi

cargo test --locked

if [ -f tests/browser/package.json ]; then
  bash tests/browser/setup.sh
  (cd tests/browser && npm test)
fi
