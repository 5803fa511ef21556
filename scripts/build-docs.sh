#!/usr/bin/env bash
# Builds the DocC documentation of the public libraries with swift-docc-plugin;
# any DocC warning fails the build. Output: .build/plugins/Swift-DocC/outputs/*.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."

for target in DxStats DxEvidence DxReferral DxMeta DxReport; do
  echo "== DocC: $target"
  swift package generate-documentation --target "$target" --warnings-as-errors
done
