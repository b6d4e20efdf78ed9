#!/usr/bin/env bash
# Command-line journey: what an operator does with `wsis`, and the bad input they may give it.
# Usage: cli.sh WSIS_BINARY [POSTGRES_URL]
# Runs on SQLite, and on PostgreSQL too when a URL is given (an empty database).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
wsis=$(realpath "$1")
pg_url=${2:-}
work=$(mktemp -d /tmp/wsis-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
# Only the variables these checks set should reach the binary.
unset WSIS_TEST_DATABASE_URL WSIS_DATABASE_URL WSIS_CONFIG WSIS_DATA_DIR LC_ALL LC_MESSAGES
# Messages in English unless a check asks for another language.
export LANG=C.UTF-8
passed=0
failed=0

check() { # check NAME EXPECTED_EXIT EXPECTED_TEXT -- COMMAND...
  local name=$1 expected=$2 text=$3
  shift 4
  local out status
  out=$("$@" 2>&1)
  status=$?
  if [ "$status" -eq "$expected" ] && grep -qF -- "$text" <<< "$out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name (exit $status, expected $expected; wanted \"$text\")"
    echo "$out" | head -5 | sed 's/^/    /'
  fi
}

# A JSON output checked against the OpenAPI document by python's jsonschema (json_shapes.py): SCHEMA FILE.
shapes() {
  python3 "$here/json_shapes.py" "$here/../../Sources/Web/openapi.yaml" "$@" && echo "matches the OpenAPI document"
}

wait_for() { # wait_for FILE TEXT
  for _ in $(seq 1 100); do grep -qF "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  return 1
}

journey() { # journey LABEL [--database-url URL]
  local label=$1
  shift
  local db=("$@")
  echo "-- $label"
  local data="$work/data-$label"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

  # First start: creates the data folder, migrates, loads reference data, prints the URL and a one-time password.
  "$wsis" serve --data-dir "$data" --port "$port" "${db[@]}" > "$work/serve.out" 2> "$work/serve.err" &
  local pid=$!
  if wait_for "$work/serve.out" "Press Ctrl-C to stop."; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $label serve did not start"; cat "$work/serve.err" | tail -5; fi
  check "$label prints the URL" 0 "http://127.0.0.1:$port/" -- cat "$work/serve.out"
  check "$label prints a generated administrator password" 0 "password: " -- cat "$work/serve.out"
  # /healthz says "starting" (503) until the search index is read, then "ok" (a load balancer waits the same way).
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
  check "$label health" 0 '"status":"ok"' -- curl -sf "http://127.0.0.1:$port/healthz"
  check "$label says how long reading the search index took" 0 "the search index is read" -- cat "$work/serve.err"

  # A second server on the same port: one clear line, non-zero exit.
  check "$label port in use" 1 "already in use" -- "$wsis" serve --data-dir "$data" --port "$port" "${db[@]}"

  # SIGTERM: in-flight requests finish, the database closes, exit 0.
  kill -TERM "$pid"
  wait "$pid"
  local status=$?
  if [ "$status" -eq 0 ] && grep -qF "Stopped." "$work/serve.out"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $label graceful stop (exit $status)"; fi

  # A second start prints no new password.
  "$wsis" serve --data-dir "$data" --port "$port" "${db[@]}" > "$work/serve2.out" 2>&1 &
  pid=$!
  wait_for "$work/serve2.out" "Press Ctrl-C to stop." || true
  if grep -qF "Press Ctrl-C" "$work/serve2.out" && ! grep -qF "password:" "$work/serve2.out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAILED: $label second start (should start, and create no administrator)"
  fi
  kill -INT "$pid"; wait "$pid"

  check "$label org add" 0 "Created Ministry of ICT" -- "$wsis" org add --data-dir "$data" "${db[@]}" --name "Ministry of ICT" --type government --country KEN --membership member-state
  check "$label org add refuses a duplicate" 1 "name: This is already in use." -- "$wsis" org add --data-dir "$data" "${db[@]}" --name "ministry of ict" --type government
  check "$label org add refuses a bad type" 1 "stakeholder_type: Choose one of the options offered." -- "$wsis" org add --data-dir "$data" "${db[@]}" --name "X" --type guild
  check "$label org list" 0 "Ministry of ICT" -- "$wsis" org list --data-dir "$data" "${db[@]}"
  check "$label user add" 0 "Password (shown once): " -- "$wsis" user add --data-dir "$data" "${db[@]}" --name "Wanjiru" --email wanjiru@example.ke --roles focal-point --organization "Ministry of ICT"
  check "$label user add refuses bad input" 1 "email: This is not an e-mail address." -- "$wsis" user add --data-dir "$data" "${db[@]}" --name "X" --email nope
  check "$label user add refuses unknown roles" 1 "These are not roles: chair." -- "$wsis" user add --data-dir "$data" "${db[@]}" --name "X" --email x@example.org --roles chair
  check "$label user list" 0 "wanjiru@example.ke" -- "$wsis" user list --data-dir "$data" "${db[@]}"
  check "$label user set-roles" 0 "now has roles: reviewer, focal-point" -- "$wsis" user set-roles --data-dir "$data" "${db[@]}" wanjiru@example.ke reviewer,focal-point
  check "$label user set-roles for nobody" 1 "no user nobody@example.org" -- "$wsis" user set-roles --data-dir "$data" "${db[@]}" nobody@example.org reviewer
  check "$label user reset-password" 0 "New password for wanjiru@example.ke" -- "$wsis" user reset-password --data-dir "$data" "${db[@]}" wanjiru@example.ke
  check "$label user token" 0 "wsis_" -- "$wsis" user token --data-dir "$data" "${db[@]}" wanjiru@example.ke
  check "$label migrate" 0 "migrations applied). Reference data loaded." -- "$wsis" migrate --data-dir "$data" "${db[@]}"
  check "$label audit verify" 0 "Audit trail intact" -- "$wsis" audit verify --data-dir "$data" "${db[@]}"
  check "$label audit list" 0 "organization.create" -- "$wsis" audit list --data-dir "$data" "${db[@]}"

  # The stocktaking registry: generated activities imported (checked, then applied, then again: nothing changes), searched, exported.
  check "$label demo generate" 0 "Wrote 300 activities" -- "$wsis" demo generate --activities 300 --output "$work/demo-$label.csv"
  check "$label activities import check" 0 "Checked 300 rows" -- "$wsis" activities import "$work/demo-$label.csv" --data-dir "$data" "${db[@]}"
  check "$label activities import apply" 0 "300 added" -- "$wsis" activities import "$work/demo-$label.csv" --apply --data-dir "$data" "${db[@]}"
  check "$label activities import again" 0 "0 added, 0 updated, 300 unchanged" -- "$wsis" activities import "$work/demo-$label.csv" --apply --data-dir "$data" "${db[@]}"
  check "$label activities search" 0 "ranking: best-match" -- "$wsis" activities search '"media literacy"' --filter country=IND --data-dir "$data" "${db[@]}"
  check "$label activities search json" 0 '"total":' -- "$wsis" activities search digital --json --data-dir "$data" "${db[@]}"
  check "$label activities search bad facet" 64 "--filter takes facet=value" -- "$wsis" activities search digital --filter colour=blue --data-dir "$data" "${db[@]}"
  "$wsis" activities search digital --json --data-dir "$data" "${db[@]}" > "$work/search-$label.json"
  check "$label activities search json is the API's shape" 0 "matches the OpenAPI document" -- shapes ActivitySearchResult "$work/search-$label.json"
  "$wsis" activities export --format json --data-dir "$data" "${db[@]}" > "$work/activities-$label.json"
  check "$label activities export json is the field dictionary's" 0 "matches the OpenAPI document" -- shapes "ActivityFields[]" "$work/activities-$label.json"
  one=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])' < "$work/search-$label.json")
  "$wsis" activities show "$one" --data-dir "$data" "${db[@]}" > "$work/activity-$label.json"
  check "$label activities show is the API's Activity" 0 "matches the OpenAPI document" -- shapes Activity "$work/activity-$label.json"
  check "$label activities export iati" 0 '<iati-activities version="2.03"' -- "$wsis" activities export --format iati --data-dir "$data" "${db[@]}"
  WSIS_IATI_REPORTING_ORG=XM-DAC-41114 "$wsis" activities export --format iati --data-dir "$data" "${db[@]}" > "$work/iati-$label.xml"
  check "$label the IATI export passes the Standard's rules (pyIATI; its false SDG-vocabulary findings counted)" 0 "other findings: 0" -- python3 "$here/iati-rules.py" "$work/iati-$label.xml"
  printf 'external_id,title_en,summary_en,organization,stakeholder_type,primary_action_line,sdg_goals,countries\nz,T,S,O,government,C12,18,XX\n' > "$work/bad-$label.csv"
  check "$label activities import names problems" 1 "line 2	sdg_goals	“18” is not a code we know." -- "$wsis" activities import "$work/bad-$label.csv" --apply --data-dir "$data" "${db[@]}"
  # One resolution in six languages: each version is the same work; any two side by side, paragraph by paragraph.
  for code in en fr es ru ar zh; do
    "$wsis" import --confirm "$here/../ResolutionsTests/Fixtures/itu-council-$code.txt" --data-dir "$data" "${db[@]}" > /dev/null
  done
  check "$label align: a header and Arabic beside Chinese" 0 "op_2__para_1	op_2__para_1	structure	بأن يقدم إلى المجلس سنوياً تقريراً عن تنفيذ هذا القرار؛	每年就本决议的实施情况向理事会提交报告；" -- "$wsis" resolutions align itu/council/res/9999 ar zh --data-dir "$data" "${db[@]}"
  "$wsis" resolutions align itu/council/res/9999 en ru --data-dir "$data" "${db[@]}" > "$work/align-$label.tsv"
  check "$label align: 15 pairs of the structure, read back by Python's csv module" 0 "15 {'structure'} 5" -- python3 -c 'import csv, sys; rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)); print(len(rows), {r["basis"] for r in rows}, len(rows[0]))' "$work/align-$label.tsv"
  check "$label resolutions list --search: Arabic without its vowel marks and with ya for alef maqsura" 0 "	ar	بناء القدرات" -- "$wsis" resolutions list --search "الشمول الرقمى" --data-dir "$data" "${db[@]}"
  check "$label align: a language not among the six" 64 "is not one of the six languages" -- "$wsis" resolutions align itu/council/res/9999 en de --data-dir "$data" "${db[@]}"
  check "$label align: a resolution not here" 1 "no resolution" -- "$wsis" resolutions align A/RES/1/1 en fr --data-dir "$data" "${db[@]}"
}

journey sqlite

# Resolutions on the command line: parse without storing, import (idempotent), confirm, refuse what is not a resolution.
fixtures="$here/../ResolutionsTests/Fixtures"
check "parse: summary" 0 "operative: 3 paragraphs in 2 blocks" -- "$wsis" parse "$fixtures/itu-council-draft-en.txt"
check "parse: Akoma Ntoso" 0 '<statement name="resolution"' -- "$wsis" parse "$fixtures/itu-council-draft-en.txt" --format akn
check "parse: JSON" 0 '"operative"' -- "$wsis" parse "$fixtures/un-ga-pdf-en.txt" --format json
"$wsis" parse "$fixtures/un-ga-pdf-en.txt" --format json > "$work/parsed.json"
check "parse: JSON names members in snake_case" 0 "matches the OpenAPI document" -- shapes - "$work/parsed.json"
check "parse: not a resolution" 1 "this does not look like a resolution" -- "$wsis" parse "$fixtures/README.md"
check "parse: not a resolution, said in French" 1 "ce texte ne ressemble pas à une résolution" -- env LANG=fr_FR.UTF-8 "$wsis" parse "$fixtures/README.md"
check "parse: missing file" 1 "cannot read" -- "$wsis" parse "$work/none.txt"
head -c 4000 /dev/urandom > "$work/junk.bin"
check "parse: binary junk" 1 "wsis: " -- "$wsis" parse "$work/junk.bin"
: > "$work/empty.txt"
check "parse: empty file" 1 "empty" -- "$wsis" parse "$work/empty.txt"
check "import" 0 "Imported: " -- "$wsis" import --data-dir "$work/data-sqlite" "$fixtures/itu-council-draft-en.txt"
check "import again changes nothing" 0 "Already imported: " -- "$wsis" import --data-dir "$work/data-sqlite" "$fixtures/itu-council-draft-en.txt"
check "import a non-resolution" 1 "this does not look like a resolution" -- "$wsis" import --data-dir "$work/data-sqlite" "$fixtures/README.md"
id=$("$wsis" resolutions list --data-dir "$work/data-sqlite" | cut -f1 | head -n 1)
check "resolutions confirm" 0 "Confirmed C26/999-E" -- "$wsis" resolutions confirm --data-dir "$work/data-sqlite" "$id"
check "resolutions list" 0 "confirmed" -- "$wsis" resolutions list --data-dir "$work/data-sqlite"
# The command line speaks the locale's language; data stays as it is.
check "a message in French (LANG)" 0 "Confirmation de C26/999-E, version 1." -- env LANG=fr_FR.UTF-8 "$wsis" resolutions confirm --data-dir "$work/data-sqlite" "$id"
check "an error in Arabic (LC_ALL wins over LANG)" 64 "ليست إحدى اللغات الست" -- env LANG=fr_FR.UTF-8 LC_ALL=ar_EG.UTF-8 "$wsis" resolutions align C26/999 en de --data-dir "$work/data-sqlite"
check "not found, in Chinese" 1 "resolution C99/1" -- env LANG=zh_CN.UTF-8 "$wsis" resolutions align C99/1 en fr --data-dir "$work/data-sqlite"
check "a language the platform lacks is English" 0 "Confirmed C26/999-E" -- env LANG=de_DE.UTF-8 "$wsis" resolutions confirm --data-dir "$work/data-sqlite" "$id"
# Mandates: confirming C26/999-E proposed them; accept, report, list by signal; bad input refused.
check "mandates: proposals" 0 "proposed 0%" -- "$wsis" mandates list --data-dir "$work/data-sqlite" --resolution C26/999
check "mandates: accept all" 0 "Accepted 3 proposals." -- "$wsis" mandates accept --data-dir "$work/data-sqlite" --resolution C26/999
mandate_id=$("$wsis" mandates list --data-dir "$work/data-sqlite" --resolution C26/999 | head -n 1 | cut -f1)
check "mandates: update" 0 "Updated: in-progress, 40%" -- "$wsis" mandates update --data-dir "$work/data-sqlite" "$mandate_id" --status in-progress --progress 40 --note "Drafted" --evidence https://www.itu.int/council
printf '%%PDF-1.7 the first report\n' > "$work/report.pdf"
check "mandates: a file as evidence" 0 "Updated:" -- "$wsis" mandates update --data-dir "$work/data-sqlite" "$mandate_id" --file "$work/report.pdf"
printf "plain text\n" > "$work/colour.txt"
check "mandates: a kind of file refused" 1 "is not a PDF, a Word document" -- "$wsis" mandates update --data-dir "$work/data-sqlite" "$mandate_id" --file "$work/colour.txt"
check "mandates: show the history" 0 "in-progress 40%" -- "$wsis" mandates show --data-dir "$work/data-sqlite" "$mandate_id"
check "mandates: list by status" 0 "$mandate_id" -- "$wsis" mandates list --data-dir "$work/data-sqlite" --status in-progress
check "mandates: close without a reason" 1 "only with a reason" -- "$wsis" mandates update --data-dir "$work/data-sqlite" "$mandate_id" --status cancelled
check "mandates: a link that is not one" 1 "evidence: Give each link as a full web address" -- "$wsis" mandates update --data-dir "$work/data-sqlite" "$mandate_id" --note x --evidence "not a link"
check "mandates: unknown mandate" 1 "no mandate nope" -- "$wsis" mandates update --data-dir "$work/data-sqlite" nope --note x
check "mandates: unknown status" 64 "unknown status" -- "$wsis" mandates list --data-dir "$work/data-sqlite" --status finished
check "mandates: unknown resolution" 1 "no resolution C99/1" -- "$wsis" mandates list --data-dir "$work/data-sqlite" --resolution C99/1
check "mandates: export CSV" 0 "mandate_id,resolution_id,work_id" -- "$wsis" mandates export --data-dir "$work/data-sqlite"
check "mandates: export JSON" 0 '"mandates"' -- "$wsis" mandates export --data-dir "$work/data-sqlite" --format json
"$wsis" mandates export --data-dir "$work/data-sqlite" --format json > "$work/mandates.json"
check "mandates: the JSON export is /mandates.json's shape" 0 "matches the OpenAPI document" -- shapes MandatesFile "$work/mandates.json"
"$wsis" mandates export --data-dir "$work/data-sqlite" --updates > "$work/updates.csv"
check "mandates: the exported updates import again, skipped" 0 "already imported" -- "$wsis" mandates import --data-dir "$work/data-sqlite" "$work/updates.csv" --apply
printf 'mandate_id,note,progress\r\n%s,Half way,50\r\nnope,x,\r\n' "$mandate_id" > "$work/import.csv"
check "mandates: import, dry run" 1 "PROBLEM mandate_id: There is no mandate with this id." -- "$wsis" mandates import --data-dir "$work/data-sqlite" "$work/import.csv"
check "mandates: import refused whole" 1 "nothing was saved" -- "$wsis" mandates import --data-dir "$work/data-sqlite" "$work/import.csv" --apply
printf 'mandate_id,note,progress\r\n%s,Half way,50\r\n' "$mandate_id" > "$work/import.csv"
check "mandates: import applied" 0 "Applied 1 updates." -- "$wsis" mandates import --data-dir "$work/data-sqlite" "$work/import.csv" --apply
printf 'mandate_id,colour\r\n%s,blue\r\n' "$mandate_id" > "$work/colour.csv"
check "mandates: import, wrong columns" 1 "file: unknown columns: colour" -- "$wsis" mandates import --data-dir "$work/data-sqlite" "$work/colour.csv"
check "mandates: the actor registry" 0 "secretary-general" -- "$wsis" mandates actors --data-dir "$work/data-sqlite"
check "mandates: add an actor" 0 "Added friends-of-wsis" -- "$wsis" mandates add-actor --data-dir "$work/data-sqlite" --code friends-of-wsis --name "Group of Friends of WSIS" --pattern "Group of Friends"

# The calendar: the seed, a milestone added dates the mandates that name it, the iCalendar export parses.
check "calendar: the seed" 0 "wsis20-high-level-event-2024	2024-05-27..2024-05-31	high-level-event	confirmed" -- "$wsis" calendar list --data-dir "$work/data-sqlite"
check "calendar: add" 0 "Added council-2027" -- "$wsis" calendar add --data-dir "$work/data-sqlite" --key council-2027 --kind council-session --title "ITU Council 2027" --start 2027-06-08 --end 2027-06-18 --place Geneva
check "calendar: change" 0 "version 2" -- "$wsis" calendar change --data-dir "$work/data-sqlite" council-2026 --kind council-session --title "ITU Council 2026" --start 2026-06-10 --confirmed
check "calendar: a bad date" 1 "start: Enter a day (YYYY-MM-DD)" -- "$wsis" calendar add --data-dir "$work/data-sqlite" --key x --kind deadline --title x --start tomorrow
check "calendar: an unknown milestone" 1 "no milestone nope" -- "$wsis" calendar change --data-dir "$work/data-sqlite" nope --kind deadline --title x --start 2026
"$wsis" calendar export --data-dir "$work/data-sqlite" > "$work/calendar.ics"
check "calendar: export parses as iCalendar" 0 "events: " -- python3 -c "
import icalendar, sys
feed = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [e for e in feed.walk('VEVENT')]
uids = {str(e['UID']) for e in events}
assert 'milestone-council-2026@wsis20-platform' in uids and 'milestone-council-2027@wsis20-platform' in uids and 'milestone-wsis20-high-level-event-2024@wsis20-platform' in uids
print('events:', len(events))" "$work/calendar.ics"
check "calendar: one actor's export" 0 "BEGIN:VCALENDAR" -- "$wsis" calendar export --data-dir "$work/data-sqlite" --actor secretary-general
check "calendar: an unknown actor" 1 "no actor nobody" -- "$wsis" calendar export --data-dir "$work/data-sqlite" --actor nobody

# Sections and annexes, and corrections from the command line.
check "parse: sections" 0 "section [sec_2] II Participation of developing countries" -- "$wsis" parse "$fixtures/un-ga-sections-en.txt"
check "parse: annex" 0 "annex [annex_1] Annex — Terms of reference of the trust fund: 3 paragraphs" -- "$wsis" parse "$fixtures/un-ga-sections-en.txt"
check "parse: annex in Akoma Ntoso" 0 '<doc name="annex">' -- "$wsis" parse "$fixtures/un-ga-sections-en.txt" --format akn
check "import in sections" 0 "Imported: " -- "$wsis" import --data-dir "$work/data-sqlite" "$fixtures/un-ga-sections-en.txt"
sections_id=$("$wsis" resolutions list --data-dir "$work/data-sqlite" | grep "A/RES/81/998" | cut -f1)
check "correct: remove a citation" 0 "Corrected A/RES/81/998 (uncite)" -- "$wsis" resolutions correct --data-dir "$work/data-sqlite" "$sections_id" uncite --paragraph pmbl_1__para_1 --citation 70/125
check "correct: a citation not there" 1 "citation: This paragraph holds no citation read from these words." -- "$wsis" resolutions correct --data-dir "$work/data-sqlite" "$sections_id" uncite --paragraph pmbl_1__para_1 --citation 70/125
check "correct: an unknown paragraph" 1 "paragraph: Choose one of the options offered." -- "$wsis" resolutions correct --data-dir "$work/data-sqlite" "$sections_id" citation --paragraph op_9__para_1 --citation A/RES/70/125
check "correct: an unknown kind" 64 "unknown kind of correction" -- "$wsis" resolutions correct --data-dir "$work/data-sqlite" "$sections_id" rename
check "correct: the addressee" 0 "Corrected" -- "$wsis" resolutions correct --data-dir "$work/data-sqlite" "$sections_id" addressee --block op_2 --addressee "the Secretary-General"
check "confirm the sectioned resolution" 0 "Confirmed A/RES/81/998" -- "$wsis" resolutions confirm --data-dir "$work/data-sqlite" "$sections_id"
"$wsis" mandates accept --data-dir "$work/data-sqlite" --resolution A/RES/81/998 > /dev/null
yearly_id=$("$wsis" mandates list --data-dir "$work/data-sqlite" --resolution A/RES/81/998 | grep "due annually" | head -n 1 | cut -f1)
check "mandates: a period of recurring work" 0 "Updated: ongoing" -- "$wsis" mandates update --data-dir "$work/data-sqlite" "$yearly_id" --period "$(date -u +%Y)" --status completed --note "This year's report"
check "mandates: the period in the history" 0 "period $(date -u +%Y)" -- "$wsis" mandates show --data-dir "$work/data-sqlite" "$yearly_id"

if [ -n "$pg_url" ]; then
  journey postgres --database-url "$pg_url"
fi

# Tampering with a row is caught and named (SQLite, edited with Python's sqlite3 module).
python3 - "$work/data-sqlite/wsis.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE audit_log SET actor = 'mallory' WHERE sequence = 3")
db.commit()
PY
check "audit verify names the first broken record" 1 "BROKEN at record 3" -- "$wsis" audit verify --data-dir "$work/data-sqlite"

# Bad configuration: one clear line, non-zero exit, no stack trace.
echo '{"port": 8080, "colour": "blue"}' > "$work/bad.json"
check "unknown config key" 1 'unknown setting "colour"' -- "$wsis" serve --config "$work/bad.json" --data-dir "$work/x"
check "unknown environment variable" 1 "unknown environment variable WSIS_PROT" -- env WSIS_PROT=1 "$wsis" serve --data-dir "$work/x"
check "bad port" 1 "port must be a whole number" -- "$wsis" serve --port eighty --data-dir "$work/x"
check "unreachable PostgreSQL" 1 "cannot connect to PostgreSQL at 127.0.0.1:1/none" -- "$wsis" serve --database-url postgres://u:p@127.0.0.1:1/none
check "not a postgres URL" 1 "must start with postgres://" -- "$wsis" serve --database-url mysql://u@h/db
echo "x" > "$work/a-file"
check "data folder that cannot be made" 1 "cannot" -- "$wsis" serve --data-dir "$work/a-file/data"
check "missing config file" 1 "cannot read the config file" -- "$wsis" serve --config "$work/none.json"
check "a reporting organization that is not an IATI identifier" 1 "iati-reporting-org must be an IATI organisation identifier" -- env WSIS_IATI_REPORTING_ORG="ITU Geneva" "$wsis" config
check "the IATI export names the reporting organization set" 0 '<reporting-org ref="XM-DAC-41114"' -- env WSIS_IATI_REPORTING_ORG=XM-DAC-41114 "$wsis" activities export --format iati --data-dir "$work/data-sqlite"
check "config shows the placeholder as one" 0 "XX-UNREGISTERED-WSIS (a placeholder: set yours)" -- "$wsis" config --data-dir "$work/data-sqlite"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
