#!/usr/bin/env bash
# Builds the DocC reference of the public libraries with the toolchain's own
# `docc` (no package plugin, so embedders resolve nothing for the docs): the
# compiler writes each module's symbol graph, `docc convert` turns the
# catalogue and the graph into an archive. Any DocC warning fails the build.
# Output: .build/docs/<Module>.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."

# SwiftPM's own symbol-graph dump reuses the debug build (no plugin, no second build).
# It also dumps the test modules, so those must be built first (on a fresh clone they
# are not yet: `swift test` runs after this script).
swift build --build-tests >&2
swift package dump-symbol-graph --minimum-access-level public >&2
graphs=$(swift build --show-bin-path)/../symbolgraph
mkdir -p .build/docs
docc=$(command -v docc || echo "$(dirname "$(readlink -f "$(command -v swift)")")/docc")
for target in DxStats DxEvidenceFormat DxEvidence DxReferral DxMeta DxReport DxIO DxBatch; do
  echo "== DocC: $target"
  module_graphs=$(mktemp -d)
  cp "$graphs/$target".symbols.json "$module_graphs/"
  cp "$graphs/$target"@*.symbols.json "$module_graphs/" 2>/dev/null || true
  catalog=Sources/$target/$target.docc
  [ -d "$catalog" ] || catalog=""
  "$docc" convert $catalog \
    --additional-symbol-graph-dir "$module_graphs" \
    --fallback-display-name "$target" --fallback-bundle-identifier "org.dxkit.$target" \
    --output-path ".build/docs/$target.doccarchive" --warnings-as-errors
  rm -rf "$module_graphs"
done
