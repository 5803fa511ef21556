#!/usr/bin/env bash
# Where a whole-process bedside answer spends its instructions, counted by
# valgrind's callgrind (load-independent, so before/after comparisons hold
# on a busy machine). For each command: the total instructions, and the
# inclusive share of the phases that dominate start-up:
#   - argument parsing (swift-argument-parser's parseAsRoot),
#   - the built-in evidence base (EvidenceBase.builtIn: decoding and
#     validating the embedded JSON),
#   - the Monte Carlo (CombinedPostTest.simulate),
#   - everything else (process start, rendering, exit).
#
# Usage: Benchmarks/startup_profile.sh [path-to-dxkit ...]
#   (default Tool/.build/release/dxkit; give several binaries to compare builds)
# Needs valgrind (apt-get install -y valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
binaries=("$@")
[ ${#binaries[@]} -eq 0 ] && binaries=(Tool/.build/release/dxkit)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

phase() { # file pattern -> inclusive instructions of the first matching function
    callgrind_annotate --inclusive=yes "$1" 2>/dev/null | grep -E "$2" | head -1 | awk '{gsub(",", "", $1); print $1}'
}

printf '| binary | command | instructions | argument parsing | evidence base | Monte Carlo | rest |\n'
printf '|---|---|---:|---:|---:|---:|---:|\n'
for binary in "${binaries[@]}"; do
    for arguments in "--version" "posttest --pretest 0.3 --lr 2" \
        "posttest --sign closed-fist-percussion=positive --sign supine-sign=positive" \
        "refer --weeks 2 --no-red-flags --high-energy-trauma no --mri unavailable --closed-fist-percussion positive --supine-sign positive"; do
        out="$work/callgrind.out"
        # shellcheck disable=SC2086
        valgrind --tool=callgrind --callgrind-out-file="$out" "$binary" $arguments >/dev/null 2>"$work/log"
        total=$(grep -E "Collected" "$work/log" | awk '{gsub(",", "", $4); print $4}')
        parsing=$(phase "$out" 'ParsableCommand.swift:.*parseAsRoot' || true)
        evidence=$(phase "$out" 'EvidenceBase.swift:.*builtIn' || true)
        simulation=$(phase "$out" 'CombinedPostTest.swift:.*simulate' || true)
        parsing=${parsing:-0}; evidence=${evidence:-0}; simulation=${simulation:-0}
        rest=$((total - parsing - evidence - simulation))
        million() { awk -v n="$1" 'BEGIN { printf "%.1f M", n / 1e6 }'; }
        printf '| %s | `dxkit %s` | %s | %s | %s | %s | %s |\n' "$binary" \
            "$(echo "$arguments" | cut -c1-60)" "$(million "$total")" "$(million "$parsing")" "$(million "$evidence")" \
            "$(million "$simulation")" "$(million "$rest")"
    done
done
