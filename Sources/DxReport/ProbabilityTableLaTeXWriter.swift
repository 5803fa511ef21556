/// A LaTeX `table` environment with a `tabular` that needs no package;
/// several parts of a cell are stacked in a nested `tabular`. Long grids
/// are better served by the CSV (a float does not break across pages).
struct ProbabilityTableLaTeXWriter: ProbabilityTableWriter {
    func opening(_ table: ProbabilityTable) -> String {
        let header = (["Pretest"] + table.columns.map(\.label)).map(MarkupText.latex).joined(separator: " & ")
        return "% dxkit table: a LaTeX float; needs no package.\n\\begin{table}[htbp]\n\\centering\\small\n"
            + "\\caption{\(MarkupText.latex(table.title)): post-test probability (\(MarkupText.latex(NumberText.level(table.level))) CI) by pretest probability}\n"
            + "\\begin{tabular}{r|" + String(repeating: "r", count: table.columns.count) + "}\n\\hline\n" + header + " \\\\\n\\hline\n"
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let texts = cells.map { cell -> String in
            let parts = ProbabilityTableCellText.parts(cell, contents: table.contents).map { MarkupText.latex($0.text) }
            return parts.count == 1 ? parts[0] : "\\begin{tabular}[t]{@{}r@{}}" + parts.joined(separator: " \\\\ ") + "\\end{tabular}"
        }
        return ([MarkupText.latex(ProbabilityTable.rowLabel(row))] + texts).joined(separator: " & ") + " \\\\\n"
    }

    func closing(_ table: ProbabilityTable) -> String {
        "\\hline\n\\end{tabular}\n\n\\footnotesize\n" + table.notes.map { MarkupText.latex($0) + "\\par\n" }.joined() + "\\end{table}\n"
    }
}
