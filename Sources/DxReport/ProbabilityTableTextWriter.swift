/// Text and Markdown tables. Text aligns its columns from the widest text a
/// cell can have, so rows can be printed as they are computed; a cell with
/// several parts takes several lines. Markdown puts the parts of a cell on
/// separate lines with `<br>` (GitHub and pandoc render it).
struct ProbabilityTableTextWriter: ProbabilityTableWriter {
    let markdown: Bool

    private func header(_ table: ProbabilityTable) -> [String] {
        ["Pretest"] + table.columns.map(\.label)
    }

    private func widths(_ table: ProbabilityTable) -> [Int] {
        let labels = header(table)
        let rowLabel = table.rows.map { ProbabilityTable.rowLabel($0).count }.max() ?? 0
        return [max(labels[0].count, rowLabel)]
            + zip(table.columns, labels.dropFirst()).map { column, label in
                max(label.count, ProbabilityTableCellText.widestParts(column, contents: table.contents, population: table.population).map(\.count).max() ?? 0)
            }
    }

    func opening(_ table: ProbabilityTable) -> String {
        let levelText = NumberText.level(table.level)
        if markdown {
            let labels = header(table).map { MarkupText.markdown($0).replacingOccurrences(of: "|", with: "\\|") }
            return "**\(MarkupText.markdown(table.title))**\n\nPost-test probability (\(levelText) CI) by pretest probability.\n\n"
                + "| " + labels.joined(separator: " | ") + " |\n"
                + "|---:|" + String(repeating: "---|", count: table.columns.count) + "\n"
        }
        let widths = widths(table)
        let line = zip(header(table), widths).map { pad($0, $1, right: true) }
            .joined(separator: "  ").trimmingTrailingSpaces()
        return "\(table.title)\nPost-test probability (\(levelText) CI) by pretest probability.\n\n" + line + "\n"
            + String(repeating: "-", count: line.count) + "\n"
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let parts = cells.map { ProbabilityTableCellText.parts($0, contents: table.contents).map(\.text) }
        if markdown {
            let texts = parts.map { $0.joined(separator: "<br>").replacingOccurrences(of: "|", with: "\\|") }
            return "| " + ([ProbabilityTable.rowLabel(row)] + texts).joined(separator: " | ") + " |\n"
        }
        let widths = widths(table)
        let height = parts.map(\.count).max() ?? 1
        var lines: [String] = []
        for lineIndex in 0..<height {
            let label = lineIndex == 0 ? ProbabilityTable.rowLabel(row) : ""
            let texts =
                [pad(label, widths[0], right: true)]
                + parts.enumerated().map { column, cellParts in
                    pad(lineIndex < cellParts.count ? cellParts[lineIndex] : "", widths[column + 1], right: true)
                }
            lines.append(texts.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n") + "\n" + (height > 1 ? "\n" : "")
    }

    func closing(_ table: ProbabilityTable) -> String {
        if markdown {
            var notes = table.notes
            let disclaimer = notes.removeLast()
            return "\n" + notes.map { "- " + MarkupText.markdown($0) }.joined(separator: "\n") + "\n\n_\(disclaimer)_\n"
        }
        return "\n" + table.notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
