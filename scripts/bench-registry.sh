#!/usr/bin/env bash
# The registry at scale: generate N activities, import them (timed against the sqlite3 shell's
# .import plus an FTS5 rebuild of the same CSV), serve them, and time the 20 queries of
# scripts/bench_registry.py against Datasette and plain FTS5 SQL on the same data.
# Usage: scripts/bench-registry.sh [N] [WORK_FOLDER] [POSTGRES_URL]
# Needs: sqlite3 (Debian), datasette (PyPI). Figures go in BENCHMARKS.md with the command that made them.
set -euo pipefail
count=${1:-1000000}
work=${2:-/tmp/wsis-bench}
pg_url=${3:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$work"
cd "$root"
swift build -c release --product wsis > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
wsis="$root/.build/release/wsis"
unset WSIS_TEST_DATABASE_URL WSIS_DATABASE_URL WSIS_CONFIG WSIS_DATA_DIR

csv="$work/activities-$count.csv"
if [ ! -f "$csv" ]; then
  /usr/bin/time -f "generate: %e s, %M KB max resident" "$wsis" demo generate --activities "$count" --output "$csv"
fi
ls -l "$csv"

echo "== import: ours (check, then write in one transaction)"
rm -rf "$work/data"
/usr/bin/time -f "ours: %e s wall, %M KB max resident" "$wsis" activities import "$csv" --apply --quiet --data-dir "$work/data"

echo "== import: sqlite3 shell .import, then an FTS5 index rebuilt over the same text columns"
rm -f "$work/baseline.db"
columns=$(head -1 "$csv" | tr ',' '\n' | grep -E '^(title|summary|description)_|^organization$' | paste -sd, -)
/usr/bin/time -f "shell .import: %e s" sqlite3 "$work/baseline.db" ".mode csv" ".import $csv activities_csv"
/usr/bin/time -f "shell FTS5 rebuild: %e s" sqlite3 "$work/baseline.db" \
  "CREATE VIRTUAL TABLE activities_csv_fts USING fts5($columns, content=\"activities_csv\", tokenize='unicode61 remove_diacritics 2');" \
  "INSERT INTO activities_csv_fts(activities_csv_fts) VALUES ('rebuild');"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$wsis" serve --data-dir "$work/data" --port "$port" --log-level error > "$work/serve.out" 2> "$work/serve.err" &
server=$!
dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
datasette serve "$work/baseline.db" --port "$dport" --setting sql_time_limit_ms 600000 --setting facet_time_limit_ms 600000 \
  --setting max_returned_rows 1000 > "$work/datasette.log" 2>&1 &
datasette=$!
trap 'kill $server $datasette 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -qF "Press Ctrl-C" "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$dport/-/versions.json" > /dev/null && break; sleep 0.2; done

echo "== search: SQLite, $count activities"
python3 scripts/bench_registry.py --ours "http://127.0.0.1:$port" --datasette "http://127.0.0.1:$dport" --baseline "$work/baseline.db" --pid "$server"

if [ -n "$pg_url" ]; then
  kill $server; wait $server 2>/dev/null || true
  echo "== import: ours on PostgreSQL"
  /usr/bin/time -f "ours on PostgreSQL: %e s wall" "$wsis" activities import "$csv" --apply --quiet --data-dir "$work/data-pg" --database-url "$pg_url"
  "$wsis" serve --data-dir "$work/data-pg" --database-url "$pg_url" --port "$port" --log-level error > "$work/serve-pg.out" 2> "$work/serve-pg.err" &
  server=$!
  for _ in $(seq 1 300); do grep -qF "Press Ctrl-C" "$work/serve-pg.out" 2>/dev/null && break; sleep 0.2; done
  echo "== search: PostgreSQL, $count activities"
  python3 scripts/bench_registry.py --ours "http://127.0.0.1:$port" --pid "$server"
fi
