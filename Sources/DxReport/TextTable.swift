/// Aligns rows of cells into columns for text and Markdown output.
struct TextTable {
    enum Alignment { case left, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    /// Columns padded to equal width, separated by two spaces.
    func renderText() -> String {
        let widths = columnWidths()
        let lines = ([header] + rows).map { row in
            zip(row.indices, row).map { index, cell in pad(cell, to: widths[index], alignment: alignments[index]) }
                .joined(separator: "  ")
                .trimmingTrailingSpaces()
        }
        return lines.joined(separator: "\n")
    }

    /// A GitHub-flavoured Markdown table.
    func renderMarkdown() -> String {
        let escape: (String) -> String = { $0.replacing("|", with: "\\|") }
        var lines = ["| " + header.map(escape).joined(separator: " | ") + " |"]
        lines.append("|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined())
        for row in rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    private func columnWidths() -> [Int] {
        header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    }

    private func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let padding = String(repeating: " ", count: Swift.max(0, width - text.count))
        return alignment == .left ? text + padding : padding + text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
