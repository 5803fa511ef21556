/// The legend text and the small-print footer that DxKit's pictures share.
extension SVGDocument {
    /// Writes a legend entry's lines beside its swatch (the first line bold
    /// when there are several) and returns the y below the entry.
    mutating func legendLines(_ lines: [String], top: Double) -> Double {
        var y = top
        for (index, text) in lines.enumerated() {
            self.text(text, at: .init(x: 64, y: y), style: .init(size: 11, bold: index == 0 && lines.count > 1))
            y += 15
        }
        return y + 6
    }

    /// Writes the footer's lines in small grey type from `top` down.
    mutating func footer(_ lines: [String], top: Double) {
        var y = top
        for line in lines {
            text(line, at: .init(x: 30, y: y), style: .init(size: 9.5, fill: "#555"))
            y += 13
        }
    }
}
