/// Text and Markdown tables.
///
/// Text aligns its columns from the widest text a cell can have, so rows
/// can be printed as they are computed; a cell with several parts takes
/// several lines. When the columns would be wider than `lineWidth`, they
/// are narrowed and each part wraps at its spaces ("INDETERMINATE" above
/// "(gate 0.0–100.0 %)"); the title, the caption and the notes wrap too.
/// Markdown puts the parts of a cell on separate lines with `<br>` (GitHub
/// and pandoc render it) and leaves wrapping to the reader.
struct ProbabilityTableTextWriter: ProbabilityTableWriter {
    let markdown: Bool
    /// The widest a text line may be, in columns.
    var lineWidth: Int = 100

    /// Text columns never get narrower than this: the longest word that
    /// cannot break, "INDETERMINATE", fits (an interval breaks after its dash).
    static let minimumColumnWidth = 13

    private func header(_ table: ProbabilityTable) -> [String] {
        ["Pretest"] + table.columns.map(\.label)
    }

    /// The width of the row labels and of each column.
    private func widths(_ table: ProbabilityTable) -> [Int] {
        let labels = header(table)
        let rowLabel = max(labels[0].count, table.rows.map { ProbabilityTable.rowLabel($0).count }.max() ?? 0)
        var columns = zip(table.columns, labels.dropFirst()).map { column, label in
            max(label.count, ProbabilityTableCellText.widestParts(column, contents: table.contents, population: table.population).map(\.count).max() ?? 0)
        }
        let available = lineWidth - rowLabel - 2 * columns.count
        if columns.reduce(0, +) > available {
            // Narrow the widest columns first, to an equal share of what is left (never below the minimum).
            var share = max(Self.minimumColumnWidth, available / max(1, columns.count))
            let narrow = columns.filter { $0 <= share }
            let wide = columns.count - narrow.count
            if wide > 0 { share = max(Self.minimumColumnWidth, (available - narrow.reduce(0, +)) / wide) }
            columns = columns.map { min($0, share) }
        }
        return [rowLabel] + columns
    }

    func opening(_ table: ProbabilityTable) -> String {
        if markdown {
            let labels = header(table).map { MarkupText.markdown($0).replacing("|", with: "\\|") }
            return "**\(MarkupText.markdown(table.title))**\n\n\(MarkupText.markdown(table.caption))\n\n"
                + "| " + labels.joined(separator: " | ") + " |\n"
                + "|---:|" + String(repeating: "---|", count: table.columns.count) + "\n"
        }
        let widths = widths(table)
        let headerLines = block(header(table).map { [$0] }, widths: widths)
        let rule = String(repeating: "-", count: min(lineWidth, widths.reduce(0, +) + 2 * (widths.count - 1)))
        return TextWrapping.lines(table.title, width: lineWidth).joined(separator: "\n") + "\n"
            + TextWrapping.lines(table.caption, width: lineWidth).joined(separator: "\n") + "\n\n"
            + headerLines + rule + "\n"
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let parts = cells.map { ProbabilityTableCellText.parts($0, contents: table.contents).map(\.text) }
        if markdown {
            let texts = parts.map { $0.joined(separator: "<br>").replacing("|", with: "\\|") }
            return "| " + ([ProbabilityTable.rowLabel(row)] + texts).joined(separator: " | ") + " |\n"
        }
        let lines = block([[ProbabilityTable.rowLabel(row)]] + parts, widths: widths(table))
        return lines + (lines.filter { $0 == "\n" }.count > 1 ? "\n" : "")
    }

    /// Cells (each a list of parts) set side by side: each part wrapped to
    /// its column's width, right-aligned, columns two spaces apart.
    private func block(_ cells: [[String]], widths: [Int]) -> String {
        let wrapped = zip(cells, widths).map { parts, width in parts.flatMap { TextWrapping.lines($0, width: width) } }
        let height = wrapped.map(\.count).max() ?? 1
        var lines: [String] = []
        for lineIndex in 0..<height {
            let texts = zip(wrapped, widths).map { cellLines, width in
                pad(lineIndex < cellLines.count ? cellLines[lineIndex] : "", width)
            }
            lines.append(texts.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func closing(_ table: ProbabilityTable) -> String {
        if markdown {
            var notes = table.notes
            let disclaimer = notes.removeLast()
            return "\n" + notes.map { "- " + MarkupText.markdown($0) }.joined(separator: "\n") + "\n\n_\(disclaimer)_\n"
        }
        return "\n" + table.notes.map { TextWrapping.bullet($0, width: lineWidth) }.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
