#!/usr/bin/env bash
# Renders DxKit's pictures and the handout with headless Chromium, so that a
# person can look at them: SVG and HTML files and their PNG screenshots go to
# a directory outside the repository (default /tmp/dxkit-pictures; PNGs are
# never committed).
#
#   scripts/render-pictures.sh [OUTPUT_DIRECTORY]
#
# Needs chromium (Debian: apt-get install chromium) and a built dxkit; set
# DXKIT to use another binary, SCRATCH to build with another scratch path.
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-/tmp/dxkit-pictures}"
scratch="${SCRATCH:-.build}"
mkdir -p "$output"

if [[ -z "${DXKIT:-}" ]]; then
    swift build --scratch-path "$scratch" >/dev/null
    DXKIT="$scratch/debug/dxkit"
fi
command -v chromium >/dev/null || { echo "render-pictures: chromium is missing (apt-get install chromium)" >&2; exit 1; }

# name, then the dxkit arguments
pictures=(
    "fagan-one-sign|nomogram --pretest 0.3 --sign closed-fist-percussion"
    "fagan-two-signs|nomogram --sign closed-fist-percussion --sign supine-sign"
    "fagan-lr|nomogram --pretest 0.3 --lr 8.75,0.14,2 --lr-lower 2.97,0.065,1.1 --lr-upper 25.7,0.3,3.6"
    "fagan-lr-without-interval|nomogram --pretest 5% --lr 1000,0.001"
    "fagan-two-step|nomogram --sign closed-fist-percussion=positive --sign supine-sign=positive --two-step"
    "fagan-two-step-negative|nomogram --pretest 0.3 --sign closed-fist-percussion=negative --sign supine-sign=negative --two-step"
    "fagan-zero-cell|nomogram --pretest 0.2 --sign counts:20/0/5/50"
    "curves-two-signs|curves --sign closed-fist-percussion --sign supine-sign --pretest suspected-acute-vcf"
    "curves-one-sign|curves --sign closed-fist-percussion"
    "curves-lr|curves --lr 0.1,0.5,2,10 --pretest 0.9"
    "meta-forest|meta --input Notebooks-md/kearon-1998-symptomatic.csv --plot forest"
    "meta-sroc|meta --input Notebooks-md/kearon-1998-symptomatic.csv --plot sroc"
    "meta-sroc-evidence-set|meta --evidence-set sign-pooling-caveat --plot sroc"
)

render() {  # file.svg|file.html, png, width, height
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --screenshot="$2" --window-size="$3,$4" "file://$(realpath "$1")" >/dev/null 2>&1
}

for entry in "${pictures[@]}"; do
    name="${entry%%|*}"
    read -r -a arguments <<<"${entry#*|}"
    "$DXKIT" "${arguments[@]}" --output "$output/$name.svg"
    # The window is the picture's own size, read from its root element.
    size=$(grep -o '<svg [^>]*' "$output/$name.svg" | sed -E 's/.* width="([0-9.]+)" height="([0-9.]+)".*/\1 \2/')
    read -r width height <<<"$size"
    render "$output/$name.svg" "$output/$name.png" "${width%.*}" "${height%.*}"
    echo "$output/$name.png"
done

"$DXKIT" table --sign closed-fist-percussion --sign supine-sign --pretest 0.05:0.95:0.05 --show all --format html >"$output/table.html"
render "$output/table.html" "$output/table.png" 1400 2200
echo "$output/table.png"

"$DXKIT" handout --output "$output/handout.html"
render "$output/handout.html" "$output/handout.png" 1000 9000
echo "$output/handout.png"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$output/handout.pdf" \
    "file://$(realpath "$output/handout.html")" >/dev/null 2>&1
echo "$output/handout.pdf"
