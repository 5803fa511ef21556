#!/usr/bin/env bash
# Installs dxkit with its manual page and shell completions:
#   PREFIX/bin/dxkit, PREFIX/share/man/man1/dxkit.1 (from `dxkit manual`), and
#   completion scripts for bash, zsh and fish (from `dxkit
#   --generate-completion-script`), which offer evidence ids, preset ids and
#   file names.
#
#   scripts/install.sh [PREFIX]        (default /usr/local; DXKIT=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-${PREFIX:-/usr/local}}"
if [[ -z "${DXKIT:-}" ]]; then
    scripts/install-dependencies.sh
    swift build --package-path Tool -c release --product dxkit
    DXKIT=Tool/.build/release/dxkit
fi

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$DXKIT" "$prefix/bin/dxkit"
"$prefix/bin/dxkit" manual --output "$prefix/share/man/man1/dxkit.1"
"$prefix/bin/dxkit" --generate-completion-script bash >"$prefix/share/bash-completion/completions/dxkit"
"$prefix/bin/dxkit" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_dxkit"
"$prefix/bin/dxkit" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/dxkit.fish"
echo "Installed $prefix/bin/dxkit, its manual (man dxkit) and completions for bash, zsh and fish."
