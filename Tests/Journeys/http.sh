#!/usr/bin/env bash
# HTTP as clients we did not write see it, against a live server: curl (HEAD, 405 with Allow,
# If-None-Match → 304, gzip, CORS) and python's icalendar reading a compressed feed.
# Usage: http.sh WSIS_BINARY
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/serve.sh"
serve "$1" http
failures=0
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" > /dev/null 2>&1; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
header() { curl -s -D - -o /dev/null "$@" | tr -d '\r'; }
export -f header

check "HEAD / is 200 with no body" bash -c "[ \"\$(curl -s -I -o /dev/null -w '%{http_code} %{size_download}' $base/)\" = '200 0' ]"
check "HEAD /calendar.ics has the feed's type" bash -c "curl -s -I $base/calendar.ics | tr -d '\r' | grep -qi '^content-type: text/calendar'"
check "POST /sdgs is 405 with Allow: GET, HEAD" bash -c "header -X POST $base/sdgs | grep -q '^HTTP/1.1 405' && header -X POST $base/sdgs | grep -qi '^allow: GET, HEAD$'"
check "TRACE / is 405" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -X TRACE $base/)\" = 405 ]"
tag=$(header "$base/calendar.ics" | awk -F': ' 'tolower($1)=="etag"{print $2}')
check "the feed has an ETag" test -n "$tag"
check "If-None-Match with it is 304" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'If-None-Match: $tag' $base/calendar.ics)\" = 304 ]"
check "the feed may be kept five minutes" bash -c "header $base/calendar.ics | grep -qi '^cache-control: public, max-age=300$'"
check "a page asked with gzip comes compressed" bash -c "header -H 'Accept-Encoding: gzip' $base/matrix | grep -qi '^content-encoding: gzip$'"
check "curl --compressed reads the CSV export as written" bash -c "cmp <(curl -s --compressed $base/activities.csv) <(curl -s $base/activities.csv)"
check "the public API answers another site's page" bash -c "header -H 'Origin: https://dashboard.example.org' $base/api/v1/sdgs | grep -qi '^access-control-allow-origin: \*$'"
check "a signed-in route does not" bash -c "! header -H 'Origin: https://dashboard.example.org' $base/profile | grep -qi '^access-control-allow-origin'"
check "icalendar reads the compressed feed" python3 -c "
import gzip, urllib.request
from icalendar import Calendar
request = urllib.request.Request('$base/calendar.ics', headers={'Accept-Encoding': 'gzip'})
with urllib.request.urlopen(request) as answer:
    assert answer.headers['Content-Encoding'] == 'gzip'
    calendar = Calendar.from_ical(gzip.decompress(answer.read()))
events = [event for event in calendar.walk('VEVENT')]
assert len(events) > 20, len(events)
hle = [event for event in events if 'WSIS+20 High-Level Event 2025' in str(event['SUMMARY'])][0]
assert str(hle.decoded('DTEND')) == '2025-07-12', hle.decoded('DTEND')
assert not any('[S]' in str(event.get('DESCRIPTION', '')) or '[K]' in str(event.get('DESCRIPTION', '')) for event in events)
"
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
