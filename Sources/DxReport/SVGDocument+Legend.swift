/// The legend and the small-print footer that DxKit's pictures share.
///
/// A legend entry is a swatch (drawn as the picture draws what it
/// explains: the series' colour, dash pattern and marker; a shaded wedge; a
/// bar) beside one or more lines of text, the first bold when there are
/// several. Text is wrapped to the width given, at the picture's text size.
struct PictureLegendEntry {
    /// What the swatch shows.
    enum Swatch {
        /// A series: its line (colour and dash) with its marker in the middle.
        case series(PicturePalette.SeriesStyle, index: Int)
        /// A shaded band with the series' edges, as an interval ribbon or wedge.
        case band(PicturePalette.SeriesStyle, index: Int)
        /// A plain line, e.g. a reference line or a threshold.
        case line(colour: String, width: Double, dash: String?)
        /// A dotted line (the dependence range).
        case dots(colour: String)
        /// A thick bar (an interval drawn on an axis).
        case bar(colour: String)
        /// A dashed bracket (a range drawn beside an axis).
        case bracket(colour: String)
    }

    let swatch: Swatch?
    let lines: [String]
    /// Whether the entry only explains a mark the caption of a printed
    /// handout already explains (a wedge, a ribbon, a reference line):
    /// left out at `PictureSize.print`.
    var explanatory = false

    /// The entries to draw at `size`: all of them, or in print only those that name what is drawn.
    static func shown(_ entries: [PictureLegendEntry], size: PictureSize) -> [PictureLegendEntry] {
        size == .print ? entries.filter { !$0.explanatory } : entries
    }
}

extension SVGDocument {
    /// A legend line after wrapping, and whether it is set in bold.
    struct LegendLine {
        let text: String
        let bold: Bool
    }

    /// The legend's lines after wrapping to `width`, per entry.
    static func wrappedLegend(_ entries: [PictureLegendEntry], width: Double, typography: PictureSize.Typography) -> [[LegendLine]] {
        let textWidth = width - legendSwatchWidth(typography) - 0.6 * typography.text
        return entries.map { entry in
            entry.lines.enumerated().flatMap { index, line in
                let bold = index == 0 && entry.lines.count > 1
                return wrapped(line, width: textWidth, size: typography.text, bold: bold).map { LegendLine(text: $0, bold: bold) }
            }
        }
    }

    /// A legend laid out in one or more columns: the entries of each column with their wrapped lines.
    struct LegendLayout {
        let columns: [[(entry: PictureLegendEntry, lines: [LegendLine])]]
        let columnWidth: Double
        let gap: Double
        let height: Double
    }

    /// Lays `entries` out in `columns` columns across `width`, filled in
    /// order, each column about as tall as the others.
    static func legendLayout(
        _ entries: [PictureLegendEntry], width: Double, columns: Int = 1, typography: PictureSize.Typography
    ) -> LegendLayout {
        let gap = 1.5 * typography.text
        let columnWidth = (width - Double(columns - 1) * gap) / Double(columns)
        let wrapped = wrappedLegend(entries, width: columnWidth, typography: typography)
        func entryHeight(_ lines: [LegendLine]) -> Double { Double(lines.count) * 1.3 * typography.text + 0.5 * typography.text }
        let total = wrapped.reduce(0) { $0 + entryHeight($1) }
        var result: [[(entry: PictureLegendEntry, lines: [LegendLine])]] = [[]]
        var filled = 0.0
        for (entry, lines) in zip(entries, wrapped) {
            if result.count < columns, filled > 0, filled + entryHeight(lines) / 2 > total / Double(columns) * Double(result.count) {
                result.append([])
            }
            result[result.count - 1].append((entry, lines))
            filled += entryHeight(lines)
        }
        let height = result.map { column in column.reduce(0) { $0 + entryHeight($1.lines) } }.max() ?? 0
        return LegendLayout(columns: result, columnWidth: columnWidth, gap: gap, height: height)
    }

    static func legendSwatchWidth(_ typography: PictureSize.Typography) -> Double { 2.6 * typography.text }

    /// Draws a laid-out legend with its top edge at `top`.
    mutating func legend(_ layout: LegendLayout, left: Double, top: Double, typography: PictureSize.Typography) {
        let size = typography.text
        let swatchWidth = Self.legendSwatchWidth(typography)
        var index = 0
        for (column, entries) in layout.columns.enumerated() {
            let columnLeft = left + Double(column) * (layout.columnWidth + layout.gap)
            var y = top + TextMetrics.ascent(size: size)
            for (entry, lines) in entries {
                if let swatch = entry.swatch {
                    drawSwatch(swatch, left: columnLeft, width: swatchWidth, middle: y - 0.35 * size, typography: typography, entry: index)
                }
                for line in lines {
                    text(
                        line.text, at: .init(x: columnLeft + swatchWidth + 0.6 * size, y: y), style: .init(size: size, bold: line.bold),
                        classes: "legend-text")
                    y += 1.3 * size
                }
                y += 0.5 * size
                index += 1
            }
        }
    }

    private mutating func drawSwatch(
        _ swatch: PictureLegendEntry.Swatch, left: Double, width: Double, middle: Double, typography: PictureSize.Typography, entry: Int
    ) {
        let start = Point(x: left, y: middle), end = Point(x: left + width, y: middle)
        let lineWidth = typography.lineWidth
        switch swatch {
        case .series(let style, let index):
            line(from: start, to: end, stroke: style.colour, width: lineWidth, dash: style.dash(width: lineWidth), classes: "legend series-\(index)")
            marker(
                style.marker, at: .init(x: left + width / 2, y: middle), radius: typography.markerRadius, fill: style.colour,
                classes: "legend series-\(index)")
        case .band(let style, let index):
            let half = 0.45 * typography.text
            polygon(
                [.init(x: left, y: middle), .init(x: left + width, y: middle - half), .init(x: left + width, y: middle + half)],
                fill: style.colour, opacity: 0.18, classes: "legend band series-\(index)")
            for edge in [middle - half, middle + half] {
                line(from: start, to: .init(x: left + width, y: edge), stroke: style.colour, width: max(0.8, 0.35 * lineWidth), opacity: 0.7)
            }
        case .line(let colour, let width, let dash):
            line(from: start, to: end, stroke: colour, width: width, dash: dash, classes: "legend")
        case .dots(let colour):
            line(
                from: start, to: end, stroke: colour, width: lineWidth * 0.7, dash: "0 \(SVGDocument.number(lineWidth * 1.8))", roundCaps: true,
                classes: "legend")
        case .bar(let colour):
            line(from: start, to: end, stroke: colour, width: 1.8 * lineWidth, opacity: 0.8, classes: "legend")
        case .bracket(let colour):
            line(from: start, to: end, stroke: colour, width: lineWidth * 0.7, dash: "4 2", classes: "legend")
            for x in [start.x, end.x] {
                line(
                    from: .init(x: x, y: middle - 0.3 * typography.text), to: .init(x: x, y: middle + 0.3 * typography.text), stroke: colour,
                    width: lineWidth * 0.7)
            }
        }
    }

    /// The footer's lines after wrapping to `width`.
    static func wrappedFooter(_ lines: [String], width: Double, typography: PictureSize.Typography) -> [String] {
        lines.flatMap { wrapped($0, width: width, size: typography.footnote) }
    }

    /// The height wrapped footer lines take.
    static func footerHeight(_ lines: [String], typography: PictureSize.Typography) -> Double {
        Double(lines.count) * 1.3 * typography.footnote
    }

    /// Writes wrapped footer lines in small grey type with the first line's top at `top`.
    mutating func footer(_ lines: [String], left: Double, top: Double, typography: PictureSize.Typography) {
        var y = top + TextMetrics.ascent(size: typography.footnote)
        for line in lines {
            text(line, at: .init(x: left, y: y), style: .init(size: typography.footnote, fill: "#444"), classes: "footnote")
            y += 1.3 * typography.footnote
        }
    }
}
