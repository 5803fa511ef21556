#!/usr/bin/env bash
# Runs DxKit's whole test suite. Installs libgsl-dev if missing.
# Neither R nor Python is needed: reference values are committed fixtures
# (see scripts/reference/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh

# Formatting: one .swift-format at the root; any finding fails.
echo "== swift format lint =="
swift format lint --strict -r Sources Tests Examples Fuzz/Package.swift Fuzz/Sources Package.swift

# The embedding example: a separate package that uses DxKit's public API by path.
echo "== Examples/BedsideEmbedding (embedding DxKit from another package) =="
swift run --package-path Examples/BedsideEmbedding BedsideEmbedding

# The DocC reference: any documentation warning fails.
scripts/build-docs.sh

echo "== swift test =="
swift test "$@"

# The fuzz targets (Fuzz/, libFuzzer with the address sanitizer), a few seconds each:
# a smoke run that every parser still runs clean from its seed corpus and a little beyond.
# scripts/fuzz.sh with no arguments runs each for five minutes, before a release.
echo "== fuzzing (smoke) =="
scripts/fuzz.sh "${DXKIT_FUZZ_SECONDS:-5}"
