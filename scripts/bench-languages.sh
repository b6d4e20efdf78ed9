#!/usr/bin/env bash
# The cost of a page in Arabic against the same page in English (issue 13: at most 10 % more),
# measured in the same run on one server: requests per second with wrk on five pages, English and
# Arabic alternately (en, ar, en, ar), each for a few seconds.
#
# Usage: scripts/bench-languages.sh WSIS [N] [WORK_FOLDER]
#   WSIS: a release binary (swift build -c release --product wsis); N demo activities (default 20000)
# Needs: wrk (Debian), ../shared/corpus (the founding document gives the mandate and resolution pages).
set -euo pipefail
wsis=$1
count=${2:-20000}
work=${3:-/tmp/wsis-bench-languages}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
unset WSIS_TEST_DATABASE_URL WSIS_DATABASE_URL WSIS_CONFIG WSIS_DATA_DIR LC_ALL LC_MESSAGES
export LANG=C.UTF-8
rm -rf "$work" && mkdir -p "$work"
data="$work/data"
"$wsis" demo generate --activities "$count" --output "$work/activities.csv" > /dev/null
"$wsis" activities import "$work/activities.csv" --apply --quiet --data-dir "$data"
imported=$("$wsis" import "$root/../shared/corpus/itu-council-C23-85-E.txt" --confirm --data-dir "$data")
resolution=$(grep -oE '[0-9a-f-]{36}' <<< "$imported" | sed -n 1p)
"$wsis" mandates accept --resolution "$resolution" --data-dir "$data" > /dev/null
mandate=$("$wsis" mandates list --resolution "$resolution" --data-dir "$data" | sed -n 1p | cut -f1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$wsis" serve --data-dir "$data" --port "$port" --log-level error > "$work/serve.out" 2> "$work/serve.err" &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break; sleep 0.1; done

rps() { wrk -t2 -c16 -d"${SECONDS_PER_RUN:-5}"s "$1" | awk '/Requests\/sec/ { print $2 }'; }
printf "%-32s %10s %10s %10s %10s %8s\n" page en-1 ar-1 en-2 ar-2 "ar cost"
for page in / "/mandates/$mandate" "/resolutions/$resolution" "/activities?q=digital" /calendar; do
  english="http://127.0.0.1:$port$page"
  arabic="http://127.0.0.1:$port/ar${page%/}"
  [ "$page" = / ] && arabic="http://127.0.0.1:$port/ar/"
  for url in "$english" "$arabic"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [ "$status" = 200 ] || { echo "$url answered $status" >&2; exit 1; }
  done
  e1=$(rps "$english"); a1=$(rps "$arabic"); e2=$(rps "$english"); a2=$(rps "$arabic")
  cost=$(python3 -c "e=($e1+$e2)/2; a=($a1+$a2)/2; print(f'{(e/a-1)*100:+.1f} %')")
  label=$page
  [ "${#label}" -gt 30 ] && label="${label:0:27}…"
  printf "%-32s %10s %10s %10s %10s %8s\n" "$label" "$e1" "$a1" "$e2" "$a2" "$cost"
done
