/// An HTML table: a standalone page (with notes and sources) or a fragment
/// for another page. Each part of a cell is its own line; the gate's
/// classification is coloured and spelled out (for black-and-white print).
/// The table takes the page's width and its cells wrap (`HTMLPage`), so it
/// never overflows, whatever the number of columns.
struct ProbabilityTableHTMLWriter: ProbabilityTableWriter {
    let standalone: Bool
    /// Whether the fragment ends with the table's notes (a page of one's own writes its own).
    var includesNotes = true

    func opening(_ table: ProbabilityTable) -> String {
        var text = standalone ? HTMLPage.opening(title: table.title) + "<h1>\(MarkupText.escaped(table.title))</h1>\n" : ""
        text += "<table class=\"dxkit\">\n<caption>\(MarkupText.escaped(table.caption))</caption>\n"
        text += "<colgroup><col class=\"pretest\">" + String(repeating: "<col>", count: table.columns.count) + "</colgroup>\n"
        text += "<thead><tr><th scope=\"col\">Pretest</th>"
        text += table.columns.map { "<th scope=\"col\">\(MarkupText.escaped($0.label))</th>" }.joined()
        return text + "</tr></thead>\n<tbody>\n"
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let cellTexts = cells.map { cell in
            "<td>"
                + ProbabilityTableCellText.parts(cell, contents: table.contents).map { part in
                    switch part.kind {
                    case .estimate: "<span class=\"estimate\">\(MarkupText.escaped(part.text))</span>"
                    case .gate: "<span class=\"part \(cell.gate?.classification.rawValue ?? "")\">\(MarkupText.escaped(part.text))</span>"
                    default: "<span class=\"part\">\(MarkupText.escaped(part.text))</span>"
                    }
                }.joined() + "</td>"
        }
        return "<tr><th scope=\"row\">\(MarkupText.escaped(ProbabilityTable.rowLabel(row)))</th>" + cellTexts.joined() + "</tr>\n"
    }

    func closing(_ table: ProbabilityTable) -> String {
        var notes = table.notes
        let disclaimer = notes.removeLast()
        var text = "</tbody>\n</table>\n"
        if includesNotes { text += "<ul class=\"notes\">\n" + notes.map { "<li>\(MarkupText.escaped($0))</li>\n" }.joined() + "</ul>\n" }
        guard standalone else { return text }
        let citations = table.citationsForReaders
        if !citations.isEmpty {
            text += "<h2>Sources</h2>\n<ol class=\"references\">\n" + citations.map { "<li>\(MarkupText.escaped($0))</li>\n" }.joined() + "</ol>\n"
        }
        return text + "<p class=\"disclaimer\">\(MarkupText.escaped(disclaimer))</p>\n" + HTMLPage.closing
    }
}
