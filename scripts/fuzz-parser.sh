#!/usr/bin/env bash
# Fuzzes the resolution text parser with libFuzzer for a given time.
# Usage: scripts/fuzz-parser.sh [SECONDS] — default 60. Seeds: the fixtures (and ../shared/corpus when present).
# Crashes are written to .build-fuzz/crashes/; the last lines printed give executions and coverage.
# Leak detection is off: the Swift runtime's own caches (metadata, compiled patterns) live until exit and are
# reported as leaks at exit, which is not a defect of the parser.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes"
cp Tests/ResolutionsTests/Fixtures/*.txt "$out/corpus/" 2>/dev/null || true
[ -d ../shared/corpus ] && cp ../shared/corpus/*.txt "$out/corpus/" 2>/dev/null || true
# The text parser only: the .docx and PDF readers need other modules and are not fuzzed here.
sources=$(find Sources/Resolutions -name '*.swift' ! -name 'DocxReader.swift' ! -name 'DocumentReader.swift')
swiftc -O -swift-version 6 -sanitize=fuzzer,address -parse-as-library -module-name Resolutions \
  $sources Tests/Fuzz/ParserFuzzTarget.swift -o "$out/parser-fuzzer"
rm -f Resolutions-1.swiftdoc Resolutions-1.swiftmodule Resolutions-1.swiftsourceinfo  # left by swiftc
ASAN_OPTIONS=detect_leaks=0 "$out/parser-fuzzer" "$out/corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 -detect_leaks=0 2>&1 | tail -n 25
