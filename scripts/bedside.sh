#!/usr/bin/env bash
# The bedside example: an L2 compression fracture, no MRI today, the
# closed-fist percussion sign is positive (Langdon et al. 2010; counts
# TP 42, FP 3, FN 6, TN 27 from the group's 2011 abstract), and the pretest
# probability of an acute fracture is the Langdon cohort's 61.5 % (48 of 78).
#
# Installs libgsl-dev if missing, builds DxKit in release mode and answers.
# Extra arguments are passed to `dxkit posttest` (for example --format json).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh
# A statically linked Swift runtime starts in about 5 ms instead of 15 ms.
# The tool is the package in Tool/ (the libraries at the root need no package dependencies).
swift build --package-path Tool -c release --product dxkit --static-swift-stdlib >&2

Tool/.build/release/dxkit posttest --pretest suspected-acute-vcf --sign closed-fist-percussion=positive "$@"
