#!/usr/bin/env bash
# Property-based fuzzing of the JSON API from its own OpenAPI document (schemathesis, from PyPI):
# whatever a client sends, no operation may answer 5xx, and every answer must match the document.
# Usage: api-fuzz.sh WSIS_BINARY
set -euo pipefail
wsis=$(realpath "$1")
work=$(mktemp -d /tmp/wsis-fuzz.XXXXXX)
cd "$work"
unset WSIS_TEST_DATABASE_URL WSIS_DATABASE_URL WSIS_CONFIG WSIS_DATA_DIR
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$wsis" serve --data-dir data --port "$port" --log-level error > serve.out 2> serve.err &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -qF "Press Ctrl-C" serve.out 2>/dev/null && break; sleep 0.2; done
token=$("$wsis" user token admin@localhost --data-dir data --name fuzzing)
schemathesis run "http://127.0.0.1:$port/openapi.yaml" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples 40 --seed 20261129 --no-color
