/// The frame of DxKit's standalone HTML pages (the table, the handout):
/// UTF-8, a print style sheet (A4, no page break inside a table row or a
/// figure), and no script or external resource, so a page can be saved,
/// mailed and printed as it is.
enum HTMLPage {
    static func opening(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="DxKit">
        <title>\(MarkupText.escaped(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }

    static let closing = "</body>\n</html>\n"

    static let style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #222; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
        h1 { font-size: 1.6em; margin: 0 0 0.3em; }
        h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #bbb; }
        h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
        table.dxkit { border-collapse: collapse; margin: 0.6em 0; font-variant-numeric: tabular-nums; }
        table.dxkit caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
        table.dxkit th, table.dxkit td { border: 1px solid #ccc; padding: 0.25em 0.5em; vertical-align: top; }
        table.dxkit thead th { background: #f0f0f0; }
        table.dxkit td { text-align: right; white-space: nowrap; }
        table.dxkit th[scope=row] { text-align: right; background: #fafafa; white-space: nowrap; }
        table.dxkit .part { display: block; font-size: 0.88em; color: #444; }
        table.dxkit .estimate { font-weight: bold; }
        table.dxkit .likely { color: #8a2b00; }
        table.dxkit .lessLikely { color: #004f80; }
        table.dxkit .indeterminate { color: #555; }
        table.counts td { text-align: center; min-width: 5em; }
        figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: #444; }
        ul.notes, ol.references { font-size: 0.9em; color: #333; padding-left: 1.4em; }
        .disclaimer { border: 1px solid #d55e00; padding: 0.5em 0.8em; background: #fff6f0; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; font-size: 9.5pt; } table.dxkit { font-size: 8pt; } table.dxkit td, table.dxkit th { padding: 0.15em 0.35em; } tr, figure { page-break-inside: avoid; break-inside: avoid; } h2 { page-break-after: avoid; break-after: avoid; } a { color: inherit; text-decoration: none; } }
        """
}
