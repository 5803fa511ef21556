import DxStats

/// Renders a table in one format, a piece at a time: the opening (title,
/// header), one piece per row, and the closing (notes, citations).
protocol ProbabilityTableWriter {
    func opening(_ table: ProbabilityTable) -> String
    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String
    func closing(_ table: ProbabilityTable) -> String
}

extension ProbabilityTable {
    /// Writes the table in `format`, handing each piece to `output` as soon
    /// as it is ready: a grid of thousands of rows streams instead of being
    /// held in memory. The last piece ends with a newline.
    /// Text lines are at most `lineWidth` columns wide (other formats ignore it).
    public func write(_ format: DocumentFormat, lineWidth: Int = 100, to output: (String) throws -> Void) throws {
        let writer = Self.writer(for: format, lineWidth: lineWidth)
        try output(writer.opening(self))
        for (index, row) in rows.enumerated() {
            try output(writer.row(self, row, cells: try cells(for: row), index: index))
        }
        try output(writer.closing(self))
    }

    /// The whole table as one string.
    public func rendered(_ format: DocumentFormat, lineWidth: Int = 100) throws -> String {
        var text = ""
        try write(format, lineWidth: lineWidth) { text += $0 }
        return text
    }

    /// The table alone as an HTML fragment (a `<table>` and, with
    /// `notes`, its notes), for a page of one's own.
    public func htmlFragment(notes: Bool = true) throws -> String {
        let writer = ProbabilityTableHTMLWriter(standalone: false, includesNotes: notes)
        var text = writer.opening(self)
        for (index, row) in rows.enumerated() { text += writer.row(self, row, cells: try cells(for: row), index: index) }
        return text + writer.closing(self)
    }

    static func writer(for format: DocumentFormat, lineWidth: Int = 100) -> any ProbabilityTableWriter {
        switch format {
        case .text: ProbabilityTableTextWriter(markdown: false, lineWidth: lineWidth)
        case .markdown: ProbabilityTableTextWriter(markdown: true)
        case .csv: ProbabilityTableCSVWriter()
        case .json: ProbabilityTableJSONWriter()
        case .html: ProbabilityTableHTMLWriter(standalone: true)
        case .latex: ProbabilityTableLaTeXWriter()
        }
    }

    /// "5 %", "12.5 %", "61.54 % (suspected-acute-vcf)": up to two decimals, no trailing zeros.
    static func rowLabel(_ row: Row) -> String {
        var number = String(cFormat: "%.2f", row.pretest * 100)
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        return number + " %" + (row.label.map { " (\($0))" } ?? "")
    }
}
