#!/usr/bin/env bash
# The gallery: every picture, table and the handout DxKit makes for teaching,
# rendered with headless Chromium into one folder with an index.html, so that a
# person can look at them all before a lecture (in colour and in greyscale, on
# screen, printed and projected). It also regenerates the two pictures the
# README shows (docs/images/*.png, committed).
#
#   scripts/render-pictures.sh [OUTPUT_DIRECTORY]      (default /tmp/dxkit-gallery)
#
# Needs chromium (scripts/install-render-tools.sh installs it with pdfinfo,
# pdftoppm and pdflatex, which are used when present) and a built dxkit; set
# DXKIT to use another binary, SCRATCH to build with another scratch path.
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-/tmp/dxkit-gallery}"
scratch="${SCRATCH:-Tool/.build}"
mkdir -p "$output"

if [[ -z "${DXKIT:-}" ]]; then
    swift build --package-path Tool --scratch-path "$scratch" --product dxkit >/dev/null
    DXKIT="$scratch/debug/dxkit"
fi
command -v chromium >/dev/null || { echo "render-pictures: chromium is missing (scripts/install-render-tools.sh)" >&2; exit 1; }

chromium_run() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 "$@" >/dev/null 2>&1
}

# A picture's size, read from its root element: "width height".
picture_size() {
    grep -o '<svg [^>]*' "$1" | head -1 | sed -E 's/.* width="([0-9.]+)" height="([0-9.]+)".*/\1 \2/'
}

# PNG screenshots of an SVG, in colour and (through a CSS filter) in greyscale.
screenshot() {  # file.svg
    local svg="$1" width height
    read -r width height <<<"$(picture_size "$svg")"
    chromium_run --screenshot="${svg%.svg}.png" --window-size="${width%.*},${height%.*}" "file://$(realpath "$svg")"
    local grey="${svg%.svg}-greyscale.html"
    printf '<!DOCTYPE html><html><body style="margin:0"><img src="%s" style="filter:grayscale(1);display:block"></body></html>\n' \
        "$(basename "$svg")" >"$grey"
    chromium_run --screenshot="${svg%.svg}-greyscale.png" --window-size="${width%.*},${height%.*}" "file://$(realpath "$grey")"
    rm "$grey"
}

# name, then the dxkit arguments; every picture is drawn at every size.
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
sizes=(screen projector print)

index="$output/index.html"
{
    echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>DxKit gallery</title>'
    echo '<style>body{font-family:"DejaVu Sans",sans-serif;margin:1.5em;max-width:90em}figure{display:inline-block;vertical-align:top;margin:0 1em 1.5em 0}'
    echo 'figure img{border:1px solid #ccc;max-width:28em}.grey img{filter:grayscale(1)}figcaption{font-size:0.85em;color:#444;max-width:28em}</style></head><body>'
    echo '<h1>DxKit gallery</h1><p>Every teaching output, as <code>scripts/render-pictures.sh</code> made it. Each picture at each size, in colour and in greyscale; the tables in every format; the handout as printed.</p>'
} >"$index"

echo '<h2>Pictures</h2>' >>"$index"
for entry in "${pictures[@]}"; do
    name="${entry%%|*}"
    read -r -a arguments <<<"${entry#*|}"
    echo "<h3>$name</h3><p><code>dxkit ${entry#*|} --size SIZE</code></p>" >>"$index"
    for size in "${sizes[@]}"; do
        file="$output/$name-$size.svg"
        "$DXKIT" "${arguments[@]}" --size "$size" --output "$file"
        screenshot "$file"
        for variant in "" "-greyscale"; do
            echo "<figure><a href=\"$name-$size$variant.png\"><img src=\"$name-$size$variant.png\" alt=\"$name, $size$variant\"></a><figcaption>$size${variant:+, greyscale} (<a href=\"$name-$size.svg\">SVG</a>)</figcaption></figure>" >>"$index"
        done
        echo "$file"
    done
done

echo '<h2>Tables</h2><ul>' >>"$index"
table=(table --sign closed-fist-percussion --sign supine-sign --pretest 0.05,0.1,0.3,suspected-acute-vcf,0.9,0.95 --show all --draws 5000)
for format in text markdown csv json html latex; do
    extension="$format"; [[ "$format" == text ]] && extension=txt; [[ "$format" == markdown ]] && extension=md; [[ "$format" == latex ]] && extension=tex
    "$DXKIT" "${table[@]}" --format "$format" >"$output/table.$extension"
    echo "<li><a href=\"table.$extension\">table.$extension</a></li>" >>"$index"
    echo "$output/table.$extension"
done
chromium_run --screenshot="$output/table-html.png" --window-size=1000,2400 "file://$(realpath "$output/table.html")"
echo '<li><a href="table-html.png">the HTML table in a 1,000-pixel window</a></li>' >>"$index"
if command -v pdflatex >/dev/null; then
    printf '\\documentclass[a4paper]{article}\n\\usepackage{tabularx}\n\\begin{document}\n\\input{table.tex}\n\\end{document}\n' >"$output/table-document.tex"
    (cd "$output" && pdflatex -interaction=nonstopmode -halt-on-error table-document.tex >/dev/null) && \
        echo '<li><a href="table-document.pdf">the LaTeX table, compiled (A4)</a></li>' >>"$index"
fi
echo '</ul>' >>"$index"

echo '<h2>Handout</h2><ul>' >>"$index"
for paper in a4 letter; do
    "$DXKIT" handout --paper "$paper" --output "$output/handout-$paper.html"
    chromium_run --no-pdf-header-footer --print-to-pdf="$output/handout-$paper.pdf" "file://$(realpath "$output/handout-$paper.html")"
    pages=""
    if command -v pdfinfo >/dev/null; then pages=" ($(pdfinfo "$output/handout-$paper.pdf" | awk '/^Pages:/ {print $2}') pages)"; fi
    echo "<li><a href=\"handout-$paper.html\">handout ($paper)</a>, <a href=\"handout-$paper.pdf\">printed to PDF$pages</a></li>" >>"$index"
    if command -v pdftoppm >/dev/null; then
        pdftoppm -r 60 -png "$output/handout-$paper.pdf" "$output/handout-$paper-page"
        for page in "$output/handout-$paper-page"-*.png; do
            echo "<li><a href=\"$(basename "$page")\"><img src=\"$(basename "$page")\" style=\"max-width:16em;border:1px solid #ccc\"></a></li>" >>"$index"
        done
    fi
    echo "$output/handout-$paper.pdf$pages"
done
echo '</ul></body></html>' >>"$index"
echo "$index"

# The README's two pictures, at screen size.
mkdir -p docs/images
cp "$output/fagan-two-step-screen.png" docs/images/fagan-two-step.png
cp "$output/curves-two-signs-screen.png" docs/images/curves-two-signs.png
echo "docs/images/fagan-two-step.png docs/images/curves-two-signs.png"
