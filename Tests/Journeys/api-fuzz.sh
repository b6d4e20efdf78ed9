#!/usr/bin/env bash
# Property-based fuzzing of the JSON API from its own OpenAPI document (schemathesis, from PyPI):
# whatever a client sends, no operation may answer 5xx, and every answer must match the document.
# Usage: api-fuzz.sh WSIS_BINARY
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/serve.sh"
serve "$1" fuzz
token=$("$wsis" user token admin@localhost --data-dir data --name fuzzing)
schemathesis run "http://127.0.0.1:$port/openapi.yaml" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples 40 --seed 20261129 --no-color
