#!/usr/bin/env bash
# Installs what DxKit needs to build on Debian/Ubuntu with Swift already present:
# the GNU Scientific Library headers (libgsl-dev) and pkg-config.
# Does nothing when they are already installed.
set -euo pipefail

if pkg-config --exists gsl 2>/dev/null; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing libgsl-dev and pkg-config (GNU Scientific Library)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libgsl-dev pkg-config >&2
