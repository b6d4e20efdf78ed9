#!/usr/bin/env bash
# Parser speed, in an optimized build of the Resolutions text parser (not a test: figures go to BENCHMARKS.md).
# Usage: scripts/bench-parser.sh — needs ../shared/corpus; the fixtures are added to the throughput corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-bench
mkdir -p "$out"
sources=$(find Sources/Resolutions -name '*.swift' ! -name 'DocxReader.swift' ! -name 'DocumentReader.swift')
swiftc -O -wmo -swift-version 6 -parse-as-library -module-name Resolutions $sources Tests/Bench/ParserBench.swift -o "$out/parser-bench"
rm -f Resolutions-1.swiftdoc Resolutions-1.swiftmodule Resolutions-1.swiftsourceinfo  # left by swiftc
"$out/parser-bench" ../shared/corpus/itu-council-C23-85-E.txt ../shared/corpus/*.txt Tests/ResolutionsTests/Fixtures/*.txt
