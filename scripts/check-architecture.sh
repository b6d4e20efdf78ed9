#!/usr/bin/env bash
# The imports that must never exist (README, "The house"): each module may import only what its
# line below allows. Prints every offending line and exits 1 if there is one; CI runs it first.
#
#   wsis → App → Web, Storage, Reporting → Review → Resolutions
#
# - Resolutions and Review import no framework: Foundation (and its XML part), Synchronization,
#   ZIPFoundation for Word files, Crypto for digests.
# - Storage never imports Web, App or Reporting; Reporting never imports Storage, Web or App.
# - Web never imports Storage or a database driver: it is given its services (App wires them).
# - Nothing but wsis and the tests imports App.
set -euo pipefail
cd "$(dirname "$0")/.."

allowed_Resolutions="Foundation FoundationXML Synchronization ZIPFoundation"
allowed_Review="Foundation FoundationXML Synchronization Crypto Resolutions"
allowed_Reporting="Foundation Resolutions Review"
forbidden_Storage="Web App Reporting wsis Hummingbird Mustache"
forbidden_Web="Storage App wsis SQLKit SQLiteKit PostgresKit PostgresNIO"
forbidden_App="wsis"

failures=0
complain() { echo "architecture: $1"; failures=$((failures + 1)); }

for folder in Sources/*/; do
  module=$(basename "$folder")
  while IFS= read -r line; do
    file=${line%%:*}
    rest=${line#*:}
    number=${rest%%:*}
    imported=$(sed -E 's/^(@[A-Za-z_]+ +)*import +(struct |class |enum |protocol |func |var |let |typealias )?([A-Za-z_][A-Za-z0-9_]*).*/\3/' <<< "${rest#*:}")
    allowed_var="allowed_$module"
    forbidden_var="forbidden_$module"
    if [[ -n "${!allowed_var:-}" ]] && ! grep -qw -- "$imported" <<< "${!allowed_var}"; then
      complain "$file:$number: $module may not import $imported (allowed: ${!allowed_var})"
    fi
    if [[ -n "${!forbidden_var:-}" ]] && grep -qw -- "$imported" <<< "${!forbidden_var}"; then
      complain "$file:$number: $module must not import $imported"
    fi
    if [[ "$imported" == "App" && "$module" != "wsis" && "$module" != "App" ]]; then
      complain "$file:$number: only wsis and the tests import App"
    fi
  done < <(grep -rnE '^(@[A-Za-z_]+ +)*import ' "$folder" --include='*.swift' || true)
done

# Package.swift must agree: Web's target does not depend on Storage.
if awk '/name: "Web"/,/swiftSettings/' Package.swift | grep -q '"Storage"'; then
  complain "Package.swift: the Web target depends on Storage"
fi

if (( failures > 0 )); then
  echo "architecture: $failures import(s) break the rules above"
  exit 1
fi
echo "architecture: every import follows the rules"
