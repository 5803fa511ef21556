/// The frame of DxKit's standalone HTML pages (the table, the handout):
/// UTF-8, a style sheet for screen and print (the paper size, no page
/// break inside a table row, a table or a figure, a heading kept with what
/// follows it), and no script or external resource, so a page can be
/// saved, mailed and printed as it is.
///
/// Tables wrap: their cells break between the parts of a cell and, where
/// needed, inside a part, so a table never runs wider than its page.
enum HTMLPage {
    static func opening(title: String, paper: PaperSize = .a4, extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="DxKit">
        <title>\(MarkupText.escaped(title))</title>
        <style>
        \(style(paper: paper))\(extraStyle.isEmpty ? "" : "\n" + extraStyle)
        </style>
        </head>
        <body>

        """
    }

    static let closing = "</body>\n</html>\n"

    static func style(paper: PaperSize) -> String {
        """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #222; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
        h1 { font-size: 1.6em; margin: 0 0 0.3em; }
        h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #bbb; }
        h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
        table.dxkit { border-collapse: collapse; margin: 0.6em 0; font-variant-numeric: tabular-nums; width: 100%; table-layout: fixed; }
        table.dxkit caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
        table.dxkit th, table.dxkit td { border: 1px solid #ccc; padding: 0.25em 0.45em; vertical-align: top; overflow-wrap: anywhere; }
        table.dxkit thead { display: table-header-group; }
        table.dxkit thead th { background: #f0f0f0; }
        table.dxkit col.pretest { width: 6.5em; }
        table.dxkit td { text-align: right; }
        table.dxkit th[scope=row] { text-align: right; background: #fafafa; }
        table.dxkit .estimate { display: block; font-weight: bold; }
        table.dxkit .part { display: block; font-size: 0.88em; color: #444; }
        table.dxkit .likely { color: #8a2b00; }
        table.dxkit .lessLikely { color: #004f80; }
        table.dxkit .indeterminate { color: #555; }
        table.counts { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0.4em 0; }
        table.counts th, table.counts td { border: 1px solid #ccc; padding: 0.15em 0.5em; }
        table.counts td { text-align: center; }
        figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: #444; }
        ul.notes, ol.references { font-size: 0.9em; color: #333; padding-left: 1.4em; }
        .disclaimer { border: 1px solid #d55e00; padding: 0.5em 0.8em; background: #fff6f0; }
        @page { size: \(paper.css); margin: 10mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
          table.dxkit { font-size: 7.5pt; }
          table.dxkit th, table.dxkit td { padding: 0.12em 0.3em; }
          tr, figure, table.counts { break-inside: avoid; page-break-inside: avoid; }
          h2, h3, caption { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
    }
}
