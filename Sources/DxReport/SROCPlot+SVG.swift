import DxEvidence
import DxMeta
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A summary ROC plot of a meta-analysis (SVG): the studies as open
/// circles (area ∝ participants) in ROC space, the summary point, its
/// confidence region, the prediction region for a new study and the HSROC
/// curve (Rutter & Gatsonis; Harbord 2007) over the studies' range. Each
/// element differs by shape or dash pattern as well as colour, so the
/// picture reads in greyscale.
public struct SROCPlot: Sendable {
    public let analysis: MetaAnalysis

    public init(analysis: MetaAnalysis) {
        self.analysis = analysis
    }

    private static let left = 100.0
    private static let top = 86.0
    private static let size = 560.0

    /// The meta-analysis pictures are drawn at screen size.
    static let typography = PictureSize.screen.typography

    public func svg(xmlDeclaration: Bool = true) -> String {
        let a = analysis
        let level = LevelText.of(a.level)
        let width = Self.left + Self.size + 60
        let legend: [(label: String, kind: String)] =
            [
                ("Study (circle area ∝ participants)", "study"),
                ("Summary point: sensitivity \(Self.percent(a.sensitivity.estimate)), specificity \(Self.percent(a.specificity.estimate))", "summary"),
                ("\(level) confidence region for the summary point", "confidence"),
                ("\(level) prediction region for a new study", "prediction"),
            ] + (a.srocCurve.isEmpty ? [] : [("SROC curve (HSROC parameters), over the studies' range", "curve")])
        let footerSource =
            [
                "Regions are ellipses on the logit scales (χ² with 2 degrees of freedom), mapped to ROC space; the prediction region adds the between-study covariance to the uncertainty of the summary point."
            ] + a.notes.filter { $0.hasPrefix("Continuity") || $0.hasPrefix("HSROC") || $0.hasPrefix("Only") || $0.hasPrefix("The optimiser") } + a.boundary
            + [Disclaimer.text]
        let footer = SVGDocument.wrappedFooter(footerSource, width: width - 60, typography: Self.typography)
        let legendTop = Self.top + Self.size + 70
        let height = legendTop + Double(legend.count) * 22 + 10 + SVGDocument.footerHeight(footer, typography: Self.typography) + 14

        var svg = SVGDocument(width: width, height: height, title: "Summary ROC plot", summary: summary)
        svg.text("Summary ROC plot", at: .init(x: 30, y: 32), style: .init(size: 19, bold: true))
        svg.text(
            "\(a.studies.count) studies; \(a.model == .reitsma ? "bivariate REML (Reitsma 2005)" : "bivariate binomial GLMM (Chu & Cole 2006)")",
            at: .init(x: 30, y: 54), style: .init(size: 13.5))

        // Frame, grid and axes.
        svg.rectangle(at: .init(x: Self.left, y: Self.top), width: Self.size, height: Self.size, fill: "#fff", stroke: "#333")
        for step in 0...5 {
            let value = Double(step) / 5
            let px = x(value), py = y(value)
            if step > 0 && step < 5 {
                svg.line(from: .init(x: px, y: Self.top), to: .init(x: px, y: Self.top + Self.size), stroke: "#ddd")
                svg.line(from: .init(x: Self.left, y: py), to: .init(x: Self.left + Self.size, y: py), stroke: "#ddd")
            }
            svg.line(from: .init(x: px, y: Self.top + Self.size), to: .init(x: px, y: Self.top + Self.size + 6), stroke: "#333")
            svg.text(String(cFormat: "%.1f", value), at: .init(x: px, y: Self.top + Self.size + 22), style: .init(size: 13, anchor: .middle))
            svg.line(from: .init(x: Self.left - 6, y: py), to: .init(x: Self.left, y: py), stroke: "#333")
            svg.text(String(cFormat: "%.1f", value), at: .init(x: Self.left - 10, y: py + 4.5), style: .init(size: 13, anchor: .end))
        }
        svg.line(from: .init(x: x(0), y: y(0)), to: .init(x: x(1), y: y(1)), stroke: "#bbb", width: 1, dash: "3 3")
        svg.text(
            "1 − specificity (false-positive rate)", at: .init(x: Self.left + Self.size / 2, y: Self.top + Self.size + 46),
            style: .init(size: 14.5, anchor: .middle, bold: true))
        svg.verticalText("Sensitivity", at: .init(x: Self.left - 52, y: Self.top + Self.size / 2), size: 14.5)

        svg.beginGroup(clippedTo: (.init(x: Self.left, y: Self.top), Self.size, Self.size))
        let maxCount = Double(a.studies.map { $0.truePositives + $0.falsePositives + $0.falseNegatives + $0.trueNegatives }.max() ?? 1)
        for study in a.studies {
            let n = Double(study.truePositives + study.falsePositives + study.falseNegatives + study.trueNegatives)
            let radius = 4 + 14 * (n / maxCount).squareRoot()
            svg.circle(at: .init(x: x(1 - study.specificity.estimate), y: y(study.sensitivity.estimate)), radius: radius, fill: "none", stroke: "#555")
        }
        if !a.srocCurve.isEmpty {
            svg.polyline(a.srocCurve.map { .init(x: x($0.falsePositiveRate), y: y($0.sensitivity)) }, stroke: PicturePalette.colour(0), width: 3)
        }
        svg.polyline(
            a.predictionRegion.points.map { .init(x: x($0.falsePositiveRate), y: y($0.sensitivity)) }, stroke: PicturePalette.colour(2), width: 2.4,
            dash: "2 4")
        svg.polyline(
            a.confidenceRegion.points.map { .init(x: x($0.falsePositiveRate), y: y($0.sensitivity)) }, stroke: PicturePalette.colour(1), width: 2.4,
            dash: "9 4")
        drawSummary(&svg, at: .init(x: x(1 - a.specificity.estimate), y: y(a.sensitivity.estimate)))
        svg.endGroup()

        var rowY = legendTop
        for entry in legend {
            let swatch = SVGDocument.Point(x: 48, y: rowY - 5)
            switch entry.kind {
            case "study": svg.circle(at: swatch, radius: 8, fill: "none", stroke: "#555")
            case "summary": drawSummary(&svg, at: swatch)
            case "confidence":
                svg.line(from: .init(x: 30, y: swatch.y), to: .init(x: 66, y: swatch.y), stroke: PicturePalette.colour(1), width: 2.4, dash: "9 4")
            case "prediction":
                svg.line(from: .init(x: 30, y: swatch.y), to: .init(x: 66, y: swatch.y), stroke: PicturePalette.colour(2), width: 2.4, dash: "2 4")
            default: svg.line(from: .init(x: 30, y: swatch.y), to: .init(x: 66, y: swatch.y), stroke: PicturePalette.colour(0), width: 3)
            }
            svg.text(entry.label, at: .init(x: 78, y: rowY), style: .init(size: 13.5))
            rowY += 22
        }
        svg.footer(footer, left: 30, top: rowY - 4, typography: Self.typography)
        return svg.rendered(xmlDeclaration: xmlDeclaration)
    }

    private func drawSummary(_ svg: inout SVGDocument, at point: SVGDocument.Point) {
        svg.polygon(
            [.init(x: point.x, y: point.y - 8), .init(x: point.x + 8, y: point.y), .init(x: point.x, y: point.y + 8), .init(x: point.x - 8, y: point.y)],
            fill: "#000", stroke: "#fff")
    }

    private func x(_ falsePositiveRate: Double) -> Double { Self.left + falsePositiveRate * Self.size }
    private func y(_ sensitivity: Double) -> Double { Self.top + (1 - sensitivity) * Self.size }

    static func percent(_ value: Double) -> String { String(cFormat: "%.1f %%", value * 100) }

    var summary: String {
        let a = analysis
        return
            "Summary ROC plot of \(a.studies.count) studies: summary sensitivity \(Self.percent(a.sensitivity.estimate)) and specificity \(Self.percent(a.specificity.estimate)), "
            + "with the \(LevelText.of(a.level)) confidence and prediction regions\(a.srocCurve.isEmpty ? "" : " and the SROC curve")."
    }
}
