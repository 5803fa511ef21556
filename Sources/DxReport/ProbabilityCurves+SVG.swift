import DxEvidence
import DxStats

extension ProbabilityCurves {
    /// Dash patterns that tell the curves apart in black-and-white print.
    static let dashes: [String?] = [nil, "7 3", "2 2.5", "9 3 2 3", "4 4", "12 4"]

    /// The curves as a standalone SVG file (or, with `xmlDeclaration`
    /// false, an element to inline in HTML).
    public func svg(xmlDeclaration: Bool = true) -> String {
        let left = 78.0, top = 80.0, plotWidth = 560.0, plotHeight = 440.0
        let width = left + plotWidth + 150
        func x(_ pretest: Double) -> Double { left + pretest * plotWidth }
        func y(_ posttest: Double) -> Double { top + (1 - posttest) * plotHeight }

        let legend = legendEntries
        let legendTop = top + plotHeight + 58
        let legendHeight = legend.reduce(0.0) { $0 + Double($1.lines.count) * 15 + 6 }
        let footer = footerLines.flatMap { SVGDocument.wrapped($0, width: width - 60, size: 9.5) }
        let height = legendTop + legendHeight + 12 + Double(footer.count) * 13 + 12

        var svg = SVGDocument(width: width, height: height, title: title, summary: summary)
        svg.text(title, at: .init(x: 30, y: 28), style: .init(size: 16, bold: true))
        svg.text(
            hasRibbons
                ? "Each curve: the post-test probability with its \(NumberText.level(level)) confidence interval (ribbon)"
                : "Each curve: the post-test probability for one likelihood ratio",
            at: .init(x: 30, y: 46), style: .init(size: 11))

        // Grid, axes, labels.
        for step in 0...10 {
            let value = Double(step) / 10
            svg.line(from: .init(x: x(value), y: top), to: .init(x: x(value), y: top + plotHeight), stroke: "#e4e4e4")
            svg.line(from: .init(x: left, y: y(value)), to: .init(x: left + plotWidth, y: y(value)), stroke: "#e4e4e4")
            svg.text("\(step * 10)", at: .init(x: x(value), y: top + plotHeight + 16), style: .init(size: 10, anchor: .middle))
            svg.text("\(step * 10)", at: .init(x: left - 8, y: y(value) + 3.5), style: .init(size: 10, anchor: .end))
        }
        svg.rectangle(at: .init(x: left, y: top), width: plotWidth, height: plotHeight, fill: "none", stroke: "#333")
        svg.text("Pretest probability (%)", at: .init(x: left + plotWidth / 2, y: top + plotHeight + 36), style: .init(size: 12, anchor: .middle, bold: true))
        svg.verticalText("Post-test probability (%)", at: .init(x: left - 42, y: top + plotHeight / 2), size: 12)
        svg.line(from: .init(x: x(0), y: y(0)), to: .init(x: x(1), y: y(1)), stroke: "#999", width: 1, dash: "3 3")
        svg.text("LR 1", at: .init(x: x(0.9) + 4, y: y(0.9) + 14), style: .init(size: 9.5, fill: "#777"))

        if let thresholds {
            for (value, text) in [
                (thresholds.upper, "gate upper threshold \(NumberText.percent(.finite(thresholds.upper)))"),
                (thresholds.lower, "gate lower threshold \(NumberText.percent(.finite(thresholds.lower)))"),
            ] {
                svg.line(from: .init(x: left, y: y(value)), to: .init(x: left + plotWidth, y: y(value)), stroke: "#444", width: 1.2, dash: "8 4")
                svg.text(text, at: .init(x: left + plotWidth + 6, y: y(value) + 3.5), style: .init(size: 9.5, fill: "#444"))
            }
        }

        // Ribbons first, then dependence ranges, then estimates on top.
        svg.beginGroup(clippedTo: (.init(x: left, y: top), plotWidth, plotHeight))
        for (index, series) in series.enumerated() {
            let colour = PicturePalette.colour(index)
            let points = series.points.filter { $0.posttest.lower.finiteValue != nil && $0.posttest.upper.finiteValue != nil }
            let upper = points.map { SVGDocument.Point(x: x($0.pretest), y: y($0.posttest.upper.finiteValue!)) }
            let lower = points.reversed().map { SVGDocument.Point(x: x($0.pretest), y: y($0.posttest.lower.finiteValue!)) }
            svg.polygon(upper + lower, fill: colour, opacity: 0.14)
        }
        if showsDependenceRange {
            for (index, series) in series.enumerated() where series.points.contains(where: { $0.dependence != nil }) {
                let colour = PicturePalette.colour(index)
                for bound in [\ProbabilityTableCell.DependenceRange.posttestLower, \.posttestUpper] {
                    let points = series.points.compactMap { point -> SVGDocument.Point? in
                        guard let value = point.dependence?[keyPath: bound].finiteValue else { return nil }
                        return .init(x: x(point.pretest), y: y(value))
                    }
                    svg.polyline(points, stroke: colour, width: 1, dash: "2 3")
                }
            }
        }
        for (index, series) in series.enumerated() {
            let colour = PicturePalette.colour(index)
            let points = series.points.compactMap { point in point.posttest.estimate.finiteValue.map { SVGDocument.Point(x: x(point.pretest), y: y($0)) } }
            svg.polyline(points, stroke: colour, width: 2.2, dash: Self.dashes[index % Self.dashes.count])
        }
        svg.endGroup()

        if let marker {
            svg.line(from: .init(x: x(marker.pretest), y: top), to: .init(x: x(marker.pretest), y: top + plotHeight), stroke: "#111", width: 1, dash: "1 3")
            svg.text(
                "pretest \(marker.label)", at: .init(x: x(marker.pretest), y: top - 8),
                style: .init(size: 10, anchor: marker.pretest > 0.6 ? .end : .middle, bold: true))
            var wishes: [Double] = [], labels: [(String, String)] = []
            for (index, cell) in marker.cells.enumerated() {
                guard let value = cell.posttest.estimate.finiteValue else { continue }
                let colour = PicturePalette.colour(index)
                svg.circle(at: .init(x: x(marker.pretest), y: y(value)), radius: 3.5, fill: colour, stroke: "#fff")
                wishes.append(y(value))
                labels.append((NumberText.percent(.finite(value)), colour))
            }
            let placed = FaganNomogram.separated(wishes, gap: 13)
            let labelX = marker.pretest > 0.8 ? x(marker.pretest) - 7 : x(marker.pretest) + 7
            for (label, position) in zip(labels, placed) {
                svg.text(
                    label.0, at: .init(x: labelX, y: position),
                    style: .init(
                        size: 10.5, anchor: marker.pretest > 0.8 ? .end : .start, bold: true,
                        fill: label.1, halo: true))
            }
        }

        var lineY = legendTop
        for entry in legend {
            if let colour = entry.colour {
                svg.rectangle(at: .init(x: 30, y: lineY - 10), width: 26, height: 10, fill: colour, opacity: entry.ribbon ? 0.14 : 0)
                svg.line(
                    from: .init(x: 30, y: lineY - 5), to: .init(x: 56, y: lineY - 5), stroke: colour, width: entry.ribbon ? 2.2 : 1.2,
                    dash: entry.dash)
            }
            lineY = svg.legendLines(entry.lines, top: lineY)
        }
        svg.footer(footer, top: lineY + 6)
        return svg.rendered(xmlDeclaration: xmlDeclaration)
    }

    var summary: String {
        series.map { "\($0.label): likelihood ratio \(NumberText.significant($0.likelihoodRatio.estimate))." }.joined(separator: " ")
    }

    /// Whether any curve has an interval of some width.
    var hasRibbons: Bool { series.contains { $0.likelihoodRatio.lower != $0.likelihoodRatio.upper } }

    private var legendEntries: [(lines: [String], colour: String?, dash: String?, ribbon: Bool)] {
        var entries: [(lines: [String], colour: String?, dash: String?, ribbon: Bool)] = []
        for (index, series) in series.enumerated() {
            let ratio = series.likelihoodRatio
            let interval =
                ratio.lower == ratio.upper
                ? ""
                : " (\(NumberText.level(level)) CI \(NumberText.significant(ratio.lower))–\(NumberText.significant(ratio.upper)))"
            let text = series.label.hasPrefix("LR ") ? series.label + interval : "\(series.label): LR \(NumberText.significant(ratio.estimate))" + interval
            entries.append(([text], PicturePalette.colour(index), Self.dashes[index % Self.dashes.count], true))
        }
        if showsDependenceRange && series.contains(where: { $0.points.contains { $0.dependence != nil } }) {
            entries.append((["Dotted: the range the unknown dependence between the signs allows (Fréchet bounds)"], "#555", "2 3", false))
        }
        return entries
    }

    private var footerLines: [String] {
        var lines = [
            hasRibbons
                ? "Ribbons: the likelihood ratio's \(NumberText.level(level)) interval carried through the odds, post = π·LR / (π·LR + 1 − π), "
                    + "as dxkit posttest computes it; several signs multiply their likelihood ratios as if independent."
                : "post = π·LR / (π·LR + 1 − π), as dxkit posttest computes it; the likelihood ratios were given without intervals."
        ]
        if thresholds != nil {
            lines.append(
                "Dashed horizontal lines: the gate's policy thresholds; the gate classifies the interval (Monte Carlo, with the dependence range), "
                    + "not the estimate, so a curve above a threshold is not yet a classification.")
        }
        lines.append(Disclaimer.text)
        return lines
    }
}
