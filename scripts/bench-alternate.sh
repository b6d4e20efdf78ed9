#!/usr/bin/env bash
# Requests per second of two builds on the same data, measured in turn: both servers are up (the one
# not measured is idle), and each round runs wrk on a mandate's page and on the search page of one,
# then of the other. Alternating rounds cancel most of a shared machine's drift.
#
# Usage: scripts/bench-alternate.sh OLD_WSIS NEW_WSIS [ROUNDS] [WORK_FOLDER]
#   WORK_FOLDER: where scripts/bench-house.sh left data-old and data-new (default /tmp/wsis-bench-house)
# Needs: wrk (Debian).
set -euo pipefail
old=$1
new=$2
rounds=${3:-6}
work=${4:-/tmp/wsis-bench-house}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
old_port=$(free_port)
new_port=$(free_port)
"$old" serve --data-dir "$work/data-old" --port "$old_port" --log-level error > /dev/null 2>&1 &
old_pid=$!
"$new" serve --data-dir "$work/data-new" --port "$new_port" --log-level error > /dev/null 2>&1 &
new_pid=$!
trap 'kill $old_pid $new_pid 2>/dev/null; wait 2>/dev/null' EXIT
for port in "$old_port" "$new_port"; do
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" | grep -q '"ok"' && break; sleep 0.1; done
done
# A mandate's page of each (the same paragraph: the first of the list).
mandate() { curl -s "http://127.0.0.1:$1/mandates" | grep -o 'href="/mandates/[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f2; }
old_mandate=$(mandate "$old_port")
new_mandate=$(mandate "$new_port")
for round in $(seq 1 "$rounds"); do
  for side in "old $old_port $old_mandate" "new $new_port $new_mandate"; do
    read -r name port page <<< "$side"
    pages=$(wrk -t2 -c64 -d5s "http://127.0.0.1:$port$page" | awk '/Requests\/sec/ {print $2}')
    search=$(wrk -t2 -c64 -d5s "http://127.0.0.1:$port/activities?q=digital+skills" | awk '/Requests\/sec/ {print $2}')
    echo "round $round $name: mandate page $pages requests/s, search page $search requests/s"
  done
done
