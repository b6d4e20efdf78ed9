#!/usr/bin/env bash
# Property-based fuzzing of the JSON API from its own OpenAPI document (schemathesis, from PyPI),
# with every check (settings and why in schemathesis.toml):
# whatever a client sends, no operation may answer 5xx, and every answer must match the document.
# Usage: api-fuzz.sh WSIS_BINARY
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/serve.sh"
serve "$1" fuzz
token=$("$wsis" user token admin@localhost --data-dir data --name fuzzing)
schemathesis --config-file "$here/schemathesis.toml" run "http://127.0.0.1:$port/openapi.yaml" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" \
  --checks all \
  --max-examples 40 --seed 20261129 --no-color
