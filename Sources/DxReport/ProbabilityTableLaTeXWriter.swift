/// A LaTeX `table` float whose `tabularx` takes the text width: the cells
/// wrap inside their columns, so the table fits an A4 or Letter page in
/// portrait whatever the number of columns. Needs `\usepackage{tabularx}`
/// (part of every TeX distribution's `tools`); the parts of a cell are
/// separate lines, the gate's classification in small capitals. Long grids
/// are better served by the CSV (a float does not break across pages).
struct ProbabilityTableLaTeXWriter: ProbabilityTableWriter {
    func opening(_ table: ProbabilityTable) -> String {
        let header = (["Pretest"] + table.columns.map(\.label)).map(MarkupText.latex).joined(separator: " & ")
        let columns = "@{}>{\\raggedleft\\arraybackslash}p{5.4em}*{\(table.columns.count)}{>{\\raggedleft\\arraybackslash}X}@{}"
        return "% dxkit table: a LaTeX float; needs \\usepackage{tabularx} in the preamble.\n\\begin{table}[htbp]\n\\centering\\footnotesize\n"
            + "\\setlength{\\tabcolsep}{3pt}\n"
            + "\\caption{\(MarkupText.latex(table.title)). \(MarkupText.latex(table.caption))}\n"
            + "\\begin{tabularx}{\\linewidth}{\(columns)}\n\\hline\n" + header + " \\\\\n\\hline\n"
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let texts = cells.map { cell -> String in
            ProbabilityTableCellText.parts(cell, contents: table.contents).map { part in
                // A percent sign stays with its number.
                let text = part.text.replacing(" %", with: "\u{00A0}%")
                guard part.kind == .gate, let gate = cell.gate else { return (part.kind == .estimate ? "" : "\\scriptsize ") + MarkupText.latex(text) }
                let words = gate.classification.words
                let rest = text.dropFirst(words.count)
                return "\\scriptsize\\textsc{\(MarkupText.latex(words.lowercased()))}" + MarkupText.latex(String(rest))
            }.map { "{\($0)}" }.joined(separator: "\\newline ")
        }
        return ([MarkupText.latex(ProbabilityTable.rowLabel(row))] + texts).joined(separator: " & ") + " \\\\\n"
    }

    func closing(_ table: ProbabilityTable) -> String {
        "\\hline\n\\end{tabularx}\n\n\\smallskip\n\\raggedright\\scriptsize\n" + table.notes.map { MarkupText.latex($0) + "\\par\n" }.joined()
            + "\\end{table}\n"
    }
}
