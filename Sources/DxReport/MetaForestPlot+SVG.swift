import DxEvidence
import DxMeta
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A paired forest plot of a meta-analysis (SVG): each study's sensitivity
/// and specificity with its confidence interval side by side, the pooled
/// values as diamonds and the prediction interval for a new study as a
/// dashed bar. Squares are sized by the number of participants contributing
/// to each measure. Same conventions as the Fagan nomogram: vector text,
/// `<title>`/`<desc>` for screen readers, shapes that read in greyscale.
public struct MetaForestPlot: Sendable {
    public let analysis: MetaAnalysis

    public init(analysis: MetaAnalysis) {
        self.analysis = analysis
    }

    private static let rowHeight = 26.0
    private static let nameX = 30.0
    private static let panelWidth = 280.0
    private static let firstPanelX = 330.0
    private static let panelGap = 190.0

    /// The lower end of both axes: a multiple of 0.1 below every interval drawn.
    private var axisLow: Double {
        let a = analysis
        let values =
            a.studies.flatMap { [$0.sensitivity.lower, $0.specificity.lower] }
            + [a.heterogeneity.sensitivityPrediction.lower, a.heterogeneity.specificityPrediction.lower, a.sensitivity.lower, a.specificity.lower]
        return Swift.max(0, (values.min()! * 10).rounded(.down) / 10)
    }

    /// The meta-analysis pictures are drawn at screen size.
    static let typography = PictureSize.screen.typography

    public func svg(xmlDeclaration: Bool = true) -> String {
        let a = analysis
        let level = LevelText.of(a.level)
        let panels = [
            (title: "Sensitivity", x: Self.firstPanelX),
            (title: "Specificity", x: Self.firstPanelX + Self.panelWidth + Self.panelGap),
        ]
        let width = panels[1].x + Self.panelWidth + Self.panelGap - 10
        let top = 96.0
        let rowsBottom = top + Double(a.studies.count) * Self.rowHeight
        let pooledY = rowsBottom + 24
        let predictionY = pooledY + 26
        let axisY = predictionY + 22
        let legend = [
            "Squares: each study's estimate (area ∝ participants) with its \(level) Wilson interval.",
            "Diamond: the pooled estimate and its \(level) confidence interval (\(a.model == .reitsma ? "bivariate REML, Reitsma 2005" : "bivariate binomial GLMM, Chu & Cole 2006")).",
            "Dashed bar: the \(level) prediction interval, where a new study's value is expected.",
        ]
        let footerSource =
            a.notes.filter { $0.hasPrefix("Continuity") || $0.hasPrefix("No continuity") || $0.hasPrefix("Only") || $0.hasPrefix("The optimiser") }
            + a.boundary + [Disclaimer.text]
        let footer = SVGDocument.wrappedFooter(footerSource, width: width - 60, typography: Self.typography)
        let legendTop = axisY + 52
        let height = legendTop + Double(legend.count) * 18 + 12 + SVGDocument.footerHeight(footer, typography: Self.typography) + 14

        var svg = SVGDocument(width: width, height: height, title: "Paired forest plot", summary: summary)
        svg.text("Paired forest plot: sensitivity and specificity", at: .init(x: Self.nameX, y: 30), style: .init(size: 19, bold: true))
        svg.text(
            "\(a.studies.count) studies; pooled sensitivity \(Self.triple(a.sensitivity)), specificity \(Self.triple(a.specificity))",
            at: .init(x: Self.nameX, y: 52), style: .init(size: 13.5))
        svg.text("Study", at: .init(x: Self.nameX, y: top - 12), style: .init(size: 14, bold: true))
        let low = axisLow
        for panel in panels {
            svg.text(panel.title, at: .init(x: panel.x + Self.panelWidth / 2, y: top - 28), style: .init(size: 15, anchor: .middle, bold: true))
            svg.text("estimate (\(level) CI)", at: .init(x: panel.x + Self.panelWidth + 12, y: top - 12), style: .init(size: 12, fill: "#444"))
        }
        func x(_ value: Double, panel: Int) -> Double {
            panels[panel].x + (value - low) / (1 - low) * Self.panelWidth
        }
        // Reference lines at the pooled estimates.
        for (index, pooled) in [a.sensitivity, a.specificity].enumerated() {
            svg.line(
                from: .init(x: x(pooled.estimate, panel: index), y: top - 6), to: .init(x: x(pooled.estimate, panel: index), y: predictionY + 8),
                stroke: "#888", width: 1, dash: "2 3")
        }
        let maxCount = Double(a.studies.map { Swift.max($0.truePositives + $0.falseNegatives, $0.falsePositives + $0.trueNegatives) }.max() ?? 1)
        for (row, study) in a.studies.enumerated() {
            let y = top + (Double(row) + 0.5) * Self.rowHeight
            if row % 2 == 0 {
                svg.rectangle(
                    at: .init(x: Self.nameX - 6, y: y - Self.rowHeight / 2), width: width - 2 * Self.nameX + 12, height: Self.rowHeight, fill: "#f2f2f2")
            }
            let name = study.study.count > 34 ? String(study.study.prefix(33)) + "…" : study.study
            svg.text(name + (study.corrected ? " *" : ""), at: .init(x: Self.nameX, y: y + 5), style: .init(size: 13.5))
            let counts = [study.truePositives + study.falseNegatives, study.falsePositives + study.trueNegatives]
            for (index, value) in [study.sensitivity, study.specificity].enumerated() {
                let y0 = y
                svg.line(from: .init(x: x(value.lower, panel: index), y: y0), to: .init(x: x(value.upper, panel: index), y: y0), stroke: "#222", width: 1.6)
                for end in [value.lower, value.upper] {
                    svg.line(from: .init(x: x(end, panel: index), y: y0 - 4), to: .init(x: x(end, panel: index), y: y0 + 4), stroke: "#222", width: 1.2)
                }
                let side = 5 + 9 * (Double(counts[index]) / maxCount).squareRoot()
                svg.rectangle(at: .init(x: x(value.estimate, panel: index) - side / 2, y: y0 - side / 2), width: side, height: side, fill: "#333")
                svg.text(Self.triple(value), at: .init(x: panels[index].x + Self.panelWidth + 12, y: y0 + 5), style: .init(size: 12.5))
            }
        }
        // Pooled diamonds and prediction intervals.
        svg.text("Pooled (\(level) CI)", at: .init(x: Self.nameX, y: pooledY + 5), style: .init(size: 14, bold: true))
        svg.text("New study (\(level) PI)", at: .init(x: Self.nameX, y: predictionY + 5), style: .init(size: 13.5, italic: true))
        let predictions = [a.heterogeneity.sensitivityPrediction, a.heterogeneity.specificityPrediction]
        for (index, pooled) in [a.sensitivity, a.specificity].enumerated() {
            svg.polygon(
                [
                    .init(x: x(pooled.lower, panel: index), y: pooledY), .init(x: x(pooled.estimate, panel: index), y: pooledY - 8),
                    .init(x: x(pooled.upper, panel: index), y: pooledY), .init(x: x(pooled.estimate, panel: index), y: pooledY + 8),
                ], fill: "#111", stroke: "#111")
            svg.text(Self.triple(pooled), at: .init(x: panels[index].x + Self.panelWidth + 12, y: pooledY + 5), style: .init(size: 12.5, bold: true))
            let prediction = predictions[index]
            svg.line(
                from: .init(x: x(prediction.lower, panel: index), y: predictionY), to: .init(x: x(prediction.upper, panel: index), y: predictionY),
                stroke: "#111", width: 2.2, dash: "7 4")
            for end in [prediction.lower, prediction.upper] {
                svg.line(
                    from: .init(x: x(end, panel: index), y: predictionY - 5), to: .init(x: x(end, panel: index), y: predictionY + 5), stroke: "#111", width: 1.5
                )
            }
            svg.text(
                String(cFormat: "%.2f–%.2f", prediction.lower, prediction.upper), at: .init(x: panels[index].x + Self.panelWidth + 12, y: predictionY + 5),
                style: .init(size: 12.5, italic: true))
            // Axis.
            svg.line(from: .init(x: panels[index].x, y: axisY), to: .init(x: panels[index].x + Self.panelWidth, y: axisY), stroke: "#333", width: 1.2)
            var tick = low
            while tick <= 1.0001 {
                svg.line(from: .init(x: x(tick, panel: index), y: axisY), to: .init(x: x(tick, panel: index), y: axisY + 6), stroke: "#333")
                svg.text(
                    String(cFormat: "%.1f", tick), at: .init(x: x(tick, panel: index), y: axisY + 21), style: .init(size: 12.5, anchor: .middle))
                tick += low >= 0.5 ? 0.1 : 0.2
            }
        }
        var y = legendTop
        for line in legend {
            svg.text(line, at: .init(x: Self.nameX, y: y), style: .init(size: 12.5))
            y += 18
        }
        if a.studies.contains(where: \.corrected) {
            svg.text("* continuity correction applied in the REML fit", at: .init(x: Self.nameX, y: y), style: .init(size: 12, fill: "#444"))
            y += 18
        }
        svg.footer(footer, left: Self.nameX, top: y - 6, typography: Self.typography)
        return svg.rendered(xmlDeclaration: xmlDeclaration)
    }

    /// "0.89 (0.85–0.92)".
    static func triple(_ value: EstimateInterval) -> String {
        String(cFormat: "%.2f (%.2f–%.2f)", value.estimate, value.lower, value.upper)
    }

    var summary: String {
        let a = analysis
        return
            "Paired forest plot of \(a.studies.count) studies. Pooled sensitivity \(Self.triple(a.sensitivity)), pooled specificity \(Self.triple(a.specificity)); "
            + "prediction intervals for a new study: sensitivity \(String(cFormat: "%.2f–%.2f", a.heterogeneity.sensitivityPrediction.lower, a.heterogeneity.sensitivityPrediction.upper)), "
            + "specificity \(String(cFormat: "%.2f–%.2f", a.heterogeneity.specificityPrediction.lower, a.heterogeneity.specificityPrediction.upper))."
    }
}
