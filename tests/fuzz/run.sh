#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that take untrusted bytes: the card token (QR text →
# base32 → COSE → CWT claims), the status list, the enrollment body and the photo decoder (the
# targets' bodies are in tests/fuzz/targets.rs).
#
#   bash tests/fuzz/run.sh                 # every target for 60 s
#   bash tests/fuzz/run.sh 3600 photo      # one target for an hour
#
# libFuzzer through cargo-fuzz (installed when missing), on stable Rust: coverage instrumentation
# without a sanitizer (`-s none`), since the code under test is safe Rust. Each target starts
# from its committed seeds (tests/fuzz/seeds/<target>); inputs that reach new code are kept in
# tests/fuzz/corpus/<target> (not committed). A crash, an input slower than 10 s or one taking
# more than 1 GiB is written to tests/fuzz/artifacts/<target>/ and fails the run: copy it into
# the seeds as `refuse-…` or `accept-…` once fixed, and the test suite replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(card_token status_list enrollment_body photo)

command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
# The targets link the system's libpq (see tests/fuzz/Cargo.toml).
if ! command -v pg_config >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpq-dev >/dev/null
fi
# cargo fuzz builds with one codegen unit by default; 16 let both cores work on the largest
# crates at the end of the build.
build_flags=(--fuzz-dir tests/fuzz --sanitizer none --codegen-units 16)
# MUNI_ID_FUZZ_DEV=1 (CI's bounded run) builds unoptimised: the instrumented build takes a
# fraction of the time, each input runs slower, and a short run is a smoke test anyway. Long
# runs (benches/README.md) keep the optimised build.
if [ -n "${MUNI_ID_FUZZ_DEV:-}" ]; then
  build_flags+=(--dev)
fi

max_len() {
  case "$1" in
    card_token) echo 4096 ;;
    status_list) echo 16384 ;;
    enrollment_body) echo 65536 ;;
    photo) echo 65536 ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
  esac
}

cargo fuzz build "${build_flags[@]}"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=0
printf '\n%-16s %12s %10s %8s %s\n' target executions "per sec" corpus result
for target in "${targets[@]}"; do
  corpus="tests/fuzz/corpus/$target"
  mkdir -p "$corpus" "tests/fuzz/artifacts/$target"
  status=0
  cargo fuzz run "${build_flags[@]}" "$target" "$corpus" "tests/fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=1024 \
    -print_final_stats=1 >"$logs/$target" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$target" | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    result="no crash"
  else
    result="FAILED (exit $status)"
    failed=1
  fi
  printf '%-16s %12s %10s %8s %s\n' "$target" "${runs:-?}" "${rate:-?}" "$units" "$result"
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$logs/$target" >&2
  fi
done
exit "$failed"
