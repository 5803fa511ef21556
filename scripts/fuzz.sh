#!/usr/bin/env bash
# Fuzzes DxKit's parsers with libFuzzer: the CSV reader and batch engines,
# patient JSON and the patient stream, evidence records, and the --sign /
# --pretest / --level / --gate specifications (Fuzz/, a package using DxKit
# by path, built with -sanitize=fuzzer,address).
#
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET ...]
#   scripts/fuzz.sh            # 300 s each: before a release
#   scripts/fuzz.sh 5          # the smoke run of scripts/test.sh
#   scripts/fuzz.sh 600 FuzzCSVReader
#
# Seeds: Fuzz/Corpus/TARGET (committed). Inputs libFuzzer finds go to
# Fuzz/.work/TARGET (not committed; keep any worth keeping by copying them to
# the seed corpus). A crash, failed invariant or sanitizer report stops the
# run: the input is written to Fuzz/Artifacts/TARGET-crash-…, the script
# exits non-zero, and the input becomes a regression test
# (Tests/DxBatchTests/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

seconds="${1:-300}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzCSVReader FuzzPatientJSON FuzzEvidenceRecords FuzzSpecifications)
fi

# lld: gold cannot link libFuzzer's main together with SwiftPM's renamed one.
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)
echo "== building the fuzz targets (release, -sanitize=fuzzer,address) =="
swift build "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" | tail -3
binaries="$(swift build "${flags[@]}" --show-bin-path)"

mkdir -p Artifacts
status=0
for target in "${targets[@]}"; do
  mkdir -p ".work/$target"
  echo "== $target: ${seconds} s =="
  # Swift's own backtracer would symbolicate for minutes on a finding; libFuzzer reports it. Leak
  # detection is off: lazily built globals (the rule table, caches) live until exit by design.
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$binaries/$target" ".work/$target" "Corpus/$target" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=8192 -print_final_stats=1 -detect_leaks=0 \
    -artifact_prefix="Artifacts/$target-" 2> ".work/$target.log"; then
    status=1
    echo "$target: FINDING (see Fuzz/Artifacts/ and Fuzz/.work/$target.log)"
    grep -E "ERROR|Fatal error|invariant|SUMMARY|Test unit written" ".work/$target.log" | head -10 || true
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" ".work/$target.log" | sort -u | sed "s/^/  $target /" || true
done
exit $status
