# Sourced by the journeys that need a live server: `serve WSIS_BINARY NAME` starts one on a fresh
# SQLite folder in a temporary directory (it becomes the working directory), on a free port, and
# waits until /healthz says ok. It sets $wsis, $work, $port and $base, and stops the server and
# removes the folder on exit.
serve() {
  wsis=$(realpath "$1")
  work=$(mktemp -d "/tmp/wsis-$2.XXXXXX")
  cd "$work"
  unset WSIS_TEST_DATABASE_URL WSIS_DATABASE_URL WSIS_CONFIG WSIS_DATA_DIR
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$wsis" serve --data-dir data --port "$port" --log-level error > serve.out 2> serve.err &
  server_pid=$!
  trap 'kill -TERM $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$work"' EXIT
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 150); do curl -fs "$base/healthz" 2>/dev/null | grep -q '"ok"' && return 0; sleep 0.2; done
  echo "the server did not become ready: $(cat serve.err)" >&2
  return 1
}
