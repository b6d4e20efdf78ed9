#!/usr/bin/env bash
# Two builds side by side, in the same window: the parser, the registry's searches at N activities,
# and requests per second at 64 connections (wrk) on a mandate's page and on the search page.
# For a change that must not make anything slower (issue 11: "the house before the next wing").
#
# Usage: scripts/bench-house.sh OLD_WSIS NEW_WSIS [N] [WORK_FOLDER]
#   OLD_WSIS, NEW_WSIS: release binaries (swift build -c release --product wsis, in each tree)
# Needs: wrk (Debian), ../shared/corpus (the founding document is imported for the mandate page).
set -euo pipefail
old=$1
new=$2
count=${3:-100000}
work=${4:-/tmp/wsis-bench-house}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$work"
unset WSIS_TEST_DATABASE_URL WSIS_DATABASE_URL WSIS_CONFIG WSIS_DATA_DIR
founding="$root/../shared/corpus/itu-council-C23-85-E.txt"

csv="$work/activities-$count.csv"
[ -f "$csv" ] || "$new" demo generate --activities "$count" --output "$csv" > /dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# One build: import, serve, search, load. Prints one block of figures.
run() {
  local name=$1 wsis=$2 data="$work/data-$1"
  rm -rf "$data"
  /usr/bin/time -f "$name import: %e s wall, %M KB max resident" "$wsis" activities import "$csv" --apply --quiet --data-dir "$data"
  local imported resolution listed mandate
  imported=$("$wsis" import "$founding" --confirm --data-dir "$data")
  resolution=$(grep -oE '[0-9a-f-]{36}' <<< "$imported" | sed -n 1p)
  "$wsis" mandates accept --resolution "$resolution" --data-dir "$data" > /dev/null
  listed=$("$wsis" mandates list --resolution "$resolution" --data-dir "$data")
  mandate=$(sed -n 1p <<< "$listed" | cut -f1)
  local port
  port=$(free_port)
  "$wsis" serve --data-dir "$data" --port "$port" --log-level error > "$work/serve-$name.out" 2> "$work/serve-$name.err" &
  local server=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
  python3 "$root/scripts/bench_registry.py" --ours "http://127.0.0.1:$port" --repeat 3 --pid "$server" | grep -E "^ours:|resident" | sed "s/^/$name search: /"
  for page in "/mandates/$mandate" "/activities?q=digital+skills"; do
    wrk -t2 -c64 -d10s "http://127.0.0.1:$port$page" > "$work/wrk.txt"
    echo "$name wrk 64 connections $page: $(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") requests/s$(grep -E 'Non-2xx' "$work/wrk.txt" | sed 's/^ */, /' || true)"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
}

run old "$old"
run new "$new"
run old "$old"
run new "$new"
