#!/usr/bin/env bash
# Runs DxKit's whole test suite. Installs libgsl-dev if missing.
# Neither R nor Python is needed: reference values are committed fixtures
# (see scripts/reference/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh

# Formatting: one .swift-format at the root; any finding fails.
echo "== swift format lint =="
swift format lint --strict -r Sources Tests Examples Benchmarks/BedsideBenchmark Package.swift

# The embedding example: a separate package that uses DxKit's public API by path.
echo "== Examples/BedsideEmbedding (embedding DxKit from another package) =="
swift run --package-path Examples/BedsideEmbedding BedsideEmbedding

# The in-process bedside benchmark: built so that it cannot rot, never timed here
# (time it with: swift run -c release --package-path Benchmarks/BedsideBenchmark).
echo "== Benchmarks/BedsideBenchmark (build only) =="
swift build --package-path Benchmarks/BedsideBenchmark

# The DocC reference: any documentation warning fails.
scripts/build-docs.sh

echo "== swift test =="
swift test "$@"
