#!/usr/bin/env bash
# Import throughput: rows per second of `muni-id import residents` over a generated export of
# MUNI_ID_BENCH_ROWS rows (100,000 by default) with more columns than the mapping names (dropped
# unread; tests/api/import.rs proves what is never kept is refused or dropped), on SQLite and, when
# MUNI_ID_BENCH_POSTGRES_URL is set, on a throw-away PostgreSQL database. Each row has its own
# photo file name (eight 300 × 400 photos, each normalised again per row), and an active card but
# every fiftieth, whose card expired (not imported). Then the same file again (a re-run that
# imports nothing).
#   bash benches/import_throughput.sh
#   MUNI_ID_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test bash benches/import_throughput.sh
#   MUNI_ID_BENCH_ROWS=20000 MUNI_ID_BENCH_BIN=target/debug/muni-id bash benches/import_throughput.sh
# Release build by default (the first one takes about 15 minutes). Not a test: it prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${MUNI_ID_BENCH_ROWS:-100000}"
bin="${MUNI_ID_BENCH_BIN:-target/release/muni-id}"
if [ -z "${MUNI_ID_BENCH_BIN:-}" ]; then
  cargo build --release --locked --bin muni-id
fi
bin=$(realpath "$bin")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in 1 2 3 4 5 6 7 8; do cp tests/fixtures/photo.png "$work/photo-$i.png"; done
cp config/import-mapping.example.toml "$work/mapping.toml"

python3 - "$work/export.csv" "$rows" <<'EOF'
import csv, sys
path, rows = sys.argv[1], int(sys.argv[2])
letters = "abcdefghijklmnopqrstuvwxyz"
def name(i):
    s = ""
    while True:
        s += letters[i % 26]
        i //= 26
        if i == 0:
            return s.capitalize()
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Client No", "Full Name", "Known As", "Date of Birth", "Sex", "Street",
                "Apartment", "City", "ZIP", "Language", "Veteran", "Organ Donor", "Photo File",
                "Card Expires", "Case Worker", "Household Size", "Notes"])
    for i in range(rows):
        w.writerow([f"C{i:07d}", f"Resident {name(i)} Bench", "", f"{i % 12 + 1:02d}/{i % 28 + 1:02d}/{1940 + i % 60}",
                    ["Female", "Male", "Non-binary"][i % 3], f"{i % 900 + 1} Elm St", "", "Springfield", "01101",
                    ["es", "en", "zh"][i % 3], "N", "Y" if i % 2 else "N", f"photo-{i % 8 + 1}.png",
                    "12/31/2029" if i % 50 else "01/31/2024", "never-read", str(i % 6 + 1), "free text"])
EOF
echo "export: $rows rows, $(du -h "$work/export.csv" | cut -f1)"

# A list with room for the import and the years of new cards after it (an import refuses to
# take more than half of the free places).
export MUNI_ID__CARDS__STATUS_LIST_SIZE="${MUNI_ID__CARDS__STATUS_LIST_SIZE:-1048576}"

run() {
  local label="$1"; shift
  local data="$work/data-$label"
  mkdir -p "$data"
  env MUNI_ID__DATA_DIR="$data" "$@" "$bin" migrate >/dev/null 2>&1
  env MUNI_ID__DATA_DIR="$data" "$@" "$bin" staff add bench-admin --role admin >/dev/null 2>&1
  for pass in first again; do
    local start end
    start=$(date +%s.%N)
    env MUNI_ID__DATA_DIR="$data" MUNI_ID__LOG__LEVEL=warn "$@" \
      "$bin" import residents "$work/export.csv" --mapping "$work/mapping.toml" --as bench-admin \
      -o "$work/report-$label-$pass.json" >"$work/out-$label-$pass.txt" 2>&1 \
      || { cat "$work/out-$label-$pass.txt"; return 1; }
    end=$(date +%s.%N)
    python3 - "$label" "$pass" "$start" "$end" "$rows" "$work/report-$label-$pass.json" <<'EOF'
import json, sys
label, run, start, end, rows, report = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
r = json.load(open(report))
secs = end - start
print(f"{label:10} {run:5}  {secs:8.1f} s  {rows / secs:8.0f} rows/s  imported {r['imported']}, "
      f"cards {r['cards_issued']}, duplicates {r['duplicates']}, refused {sum(v['count'] for v in r['refused'].values())}, "
      f"dropped {', '.join(r['dropped_columns'])}")
EOF
  done
}

run sqlite MUNI_ID__DATABASE__URL="sqlite://$work/data-sqlite/muni-id.db"
if [ -n "${MUNI_ID_BENCH_POSTGRES_URL:-}" ]; then
  db="muni_id_bench_$(date +%s)"
  psql "$MUNI_ID_BENCH_POSTGRES_URL" -qc "CREATE DATABASE $db"
  url="${MUNI_ID_BENCH_POSTGRES_URL%/*}/$db"
  run postgres MUNI_ID__DATABASE__URL="$url" || status=$?
  psql "$MUNI_ID_BENCH_POSTGRES_URL" -qc "DROP DATABASE $db"
  exit "${status:-0}"
fi
