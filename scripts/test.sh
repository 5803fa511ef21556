#!/usr/bin/env bash
# Runs DxKit's whole test suite. Installs libgsl-dev if missing.
# Neither R nor Python is needed: reference values are committed fixtures
# (see scripts/reference/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh
# Chromium, poppler and pdflatex for the rendering tests (the handout printed to PDF, the
# LaTeX tables compiled); without them those tests are skipped with a message.
scripts/install-render-tools.sh || echo "test.sh: could not install the render tools; the rendering tests will be skipped" >&2

# The JSON Schema validator the schema tests use (Python's jsonschema; the image's Python has it).
if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "Installing Python's jsonschema (for the JSON schema tests)..." >&2
  python3 -m pip install --quiet jsonschema || python3 -m pip install --quiet --break-system-packages jsonschema
fi

# Formatting: one .swift-format at the root; any finding fails.
echo "== swift format lint =="
swift format lint --strict -r Sources Tests Tool/Package.swift Tool/Sources Tool/Tests Examples Plugins Benchmarks/BedsideBenchmark Fuzz/Package.swift Fuzz/Sources Package.swift

# The embedding example: a separate package that uses DxKit's public API by path.
echo "== Examples/BedsideEmbedding (embedding DxKit from another package) =="
swift run --package-path Examples/BedsideEmbedding BedsideEmbedding

# The in-process bedside benchmark: built so that it cannot rot, never timed here
# (time it with: swift run -c release --package-path Benchmarks/BedsideBenchmark).
echo "== Benchmarks/BedsideBenchmark (build only) =="
swift build --package-path Benchmarks/BedsideBenchmark

# The DocC reference: any documentation warning fails.
scripts/build-docs.sh

echo "== swift test (the libraries) =="
swift test "$@"

# The command-line tool is its own package (Tool/, the libraries by path), so that
# embedders of the libraries never resolve swift-argument-parser.
echo "== swift test --package-path Tool (the dxkit command line) =="
swift test --package-path Tool "$@"

# The fuzz targets (Fuzz/, libFuzzer with the address sanitizer), a few seconds each:
# a smoke run that every parser still runs clean from its seed corpus and a little beyond.
# scripts/fuzz.sh with no arguments runs each for five minutes, before a release.
echo "== fuzzing (smoke) =="
scripts/fuzz.sh "${DXKIT_FUZZ_SECONDS:-5}"
