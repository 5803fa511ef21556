import DxEvidence
import DxStats
import Foundation

extension FaganNomogram {
    /// Horizontal positions of one panel's three axes.
    struct Panel {
        let pretestX: Double
        let likelihoodRatioX: Double
        let posttestX: Double

        init(left: Double, spacing: Double) {
            pretestX = left
            likelihoodRatioX = left + spacing
            posttestX = left + 2 * spacing
        }

        var width: Double { posttestX - pretestX }
    }

    static let probabilityTicks = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99, 99.5, 99.8, 99.9]
    static let probabilityMinorTicks = [0.3, 0.4, 3, 4, 15, 25, 35, 45, 55, 65, 75, 85, 96, 97, 99.6, 99.7]
    static let likelihoodRatioTicks = [1000, 500, 200, 100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]

    /// The nomogram as a standalone SVG file (or, with `xmlDeclaration`
    /// false, an element to inline in HTML).
    public func svg(xmlDeclaration: Bool = true) -> String {
        let scale = FaganScale(top: 100, bottom: 660)
        // The two-step variant is narrower per panel, so that it still prints legibly on A4.
        let spacing = secondStep == nil ? 170.0 : 130.0
        let first = Panel(left: 140, spacing: spacing)
        let second = secondStep == nil ? nil : Panel(left: first.posttestX + 190, spacing: spacing)
        let labelX = (second ?? first).posttestX + 52
        let width = labelX + (secondStep == nil ? 250 : 230)
        let legend = legendEntries
        let legendTop = scale.axisBottom + 44
        let legendHeight = Double(legend.reduce(0) { $0 + $1.lines.count }) * 15 + Double(legend.count) * 6
        let footer = footerLines.flatMap { SVGDocument.wrapped($0, width: width - 60, size: 9.5) }
        let height = legendTop + legendHeight + 14 + Double(footer.count) * 13 + 12

        var svg = SVGDocument(width: width, height: height, title: title, summary: summary)
        svg.text(title, at: .init(x: 30, y: 28), style: .init(size: 16, bold: true))
        svg.text("Pretest probability \(pretestDescription)", at: .init(x: 30, y: 48), style: .init(size: 11.5))

        let firstTitles = (
            ["Pretest", "probability (%)"], ["Likelihood", "ratio"],
            second == nil ? ["Post-test", "probability (%)"] : ["Post-test after", "sign 1 (%)"]
        )
        let secondTitles = (["Pretest for", "sign 2 (%)"], ["Likelihood", "ratio, sign 2"], ["Post-test", "probability (%)"])
        drawAxes(&svg, panel: first, scale: scale)
        if let second { drawAxes(&svg, panel: second, scale: scale) }

        var endLabels: [(y: Double, text: String, colour: String)] = []
        for (index, line) in lines.enumerated() {
            let colour = PicturePalette.colour(index)
            drawLine(&svg, line: line, pretest: pretest, panel: first, scale: scale, colour: colour, offset: Double(index))
            if second == nil {
                endLabels.append((scale.posttestY(line.posttest.estimate.finiteValue ?? 0.5), Self.intervalText(line.posttest), colour))
            }
        }
        if let secondStep, let second, let intermediate = lines[0].posttest.estimate.finiteValue {
            drawCarryOver(&svg, from: first, to: second, scale: scale, carried: lines[0].posttest, intermediate: intermediate)
            let colour = PicturePalette.colour(1)
            drawLine(&svg, line: secondStep.line, pretest: intermediate, panel: second, scale: scale, colour: colour, offset: 0)
            drawCombined(&svg, step: secondStep, panel: second, scale: scale)
            endLabels.append(
                (
                    scale.posttestY(secondStep.combined.estimate.finiteValue ?? 0.5),
                    "both: " + Self.intervalText(secondStep.combined), "#222"
                ))
            if let lower = secondStep.dependenceLower, let upper = secondStep.dependenceUpper {
                endLabels.append(
                    (
                        scale.posttestY(secondStep.combined.estimate.finiteValue ?? 0.5) + 1,
                        "range if dependent: \(Self.rangeText(lower, upper))", "#555"
                    ))
            }
        }
        drawLabelsOnTop(&svg, panel: first, scale: scale, pretestTitle: firstTitles.0, ratioTitle: firstTitles.1, posttestTitle: firstTitles.2)
        if let second {
            drawLabelsOnTop(&svg, panel: second, scale: scale, pretestTitle: secondTitles.0, ratioTitle: secondTitles.1, posttestTitle: secondTitles.2)
        }
        drawEndLabels(&svg, labels: endLabels, axisX: (second ?? first).posttestX, labelX: labelX, scale: scale)
        drawPretestPoint(&svg, panel: first, scale: scale)

        var y = legendTop
        for (index, entry) in legend.enumerated() {
            let colour = entry.colour ?? PicturePalette.colour(index)
            svg.line(from: .init(x: 30, y: y - 4), to: .init(x: 56, y: y - 4), stroke: colour, width: 2.5, dash: entry.dashed ? "5 3" : nil)
            y = svg.legendLines(entry.lines, top: y)
        }
        svg.footer(footer, top: y + 8)
        return svg.rendered(xmlDeclaration: xmlDeclaration)
    }

    // MARK: Text

    var title: String { secondStep == nil ? "Fagan nomogram" : "Fagan nomogram, two steps" }

    var summary: String {
        var parts = ["Pretest probability \(NumberText.percent(.finite(pretest)))."]
        for line in lines {
            parts.append(
                "\(line.label): likelihood ratio \(NumberText.significant(line.likelihoodRatio.estimate)), post-test probability \(Self.intervalText(line.posttest))."
            )
        }
        if let secondStep {
            parts.append("Then \(secondStep.line.label): post-test probability of both signs \(Self.intervalText(secondStep.combined)).")
        }
        return parts.joined(separator: " ")
    }

    private var levelText: String { NumberText.level(level) }

    /// "78.9 % (56.0–91.7 %)", or just "78.9 %" without an interval.
    static func intervalText(_ value: IntervalEstimate) -> String {
        if value.lower == value.upper { return NumberText.percent(value.estimate) }
        return "\(NumberText.percent(value.estimate)) (\(rangeText(value.lower, value.upper)))"
    }

    /// "56.0–91.7 %".
    static func rangeText(_ lower: ExtendedValue, _ upper: ExtendedValue) -> String {
        "\(NumberText.percent(lower).replacingOccurrences(of: " %", with: ""))–\(NumberText.percent(upper))"
    }

    private func ratioText(_ ratio: IntervalEstimate) -> String {
        let estimate = "LR \(NumberText.significant(ratio.estimate))"
        if ratio.lower == ratio.upper { return estimate + " (no interval given)" }
        return estimate + " (\(levelText) CI \(NumberText.significant(ratio.lower))–\(NumberText.significant(ratio.upper)))"
    }

    private var legendEntries: [(lines: [String], colour: String?, dashed: Bool)] {
        if let secondStep, let first = lines.first {
            var entries: [(lines: [String], colour: String?, dashed: Bool)] = [
                (
                    [
                        "Step 1: \(first.label)",
                        "\(ratioText(first.likelihoodRatio)): \(NumberText.percent(.finite(pretest))) → \(Self.intervalText(first.posttest))",
                    ],
                    PicturePalette.colour(0), false
                ),
                (
                    [
                        "Step 2: \(secondStep.line.label)",
                        "\(ratioText(secondStep.line.likelihoodRatio)): \(NumberText.percent(first.posttest.estimate)) → \(Self.intervalText(secondStep.line.posttest)); the wedge carries sign 2's interval only",
                    ],
                    PicturePalette.colour(1), false
                ),
                (
                    [
                        "Both signs, if independent (black bar): \(Self.intervalText(secondStep.combined))",
                        "the \(levelText) CI of both likelihood ratios together (log method on their product), as dxkit posttest reports it",
                    ],
                    "#222", false
                ),
            ]
            if let lower = secondStep.dependenceLower, let upper = secondStep.dependenceUpper {
                entries.append(
                    (
                        [
                            "Dependence unknown (dashed bracket): \(Self.rangeText(lower, upper))",
                            "the post-test probabilities that the two 2×2 tables allow when the signs' errors are correlated (Fréchet bounds)",
                        ],
                        "#555", true
                    ))
            }
            return entries
        }
        return lines.map { line in
            (
                ["\(line.label)", "\(ratioText(line.likelihoodRatio)): \(NumberText.percent(.finite(pretest))) → \(Self.intervalText(line.posttest))"], nil,
                false
            )
        }
    }

    private var footerLines: [String] {
        var footer: [String] = []
        let allLines = lines + (secondStep.map { [$0.line] } ?? [])
        if let withInterval = allLines.first(where: \.hasInterval) {
            footer.append(
                "Shaded wedge: the \(levelText) confidence interval of the likelihood ratio (\(withInterval.likelihoodRatio.method.displayName)) "
                    + "carried to the post-test probability; the line is the point estimate.")
        }
        if allLines.contains(where: { !$0.hasInterval }) {
            footer.append("A likelihood ratio given without an interval is drawn as a line only.")
        }
        footer.append(
            "Probability axes on logit scales (pretest increasing downwards, post-test upwards, as in Fagan's figure); "
                + "likelihood ratio on a log scale at half the scale, midway, so that logit(post) = logit(pre) + ln LR is a straight line.")
        footer.append("Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257. " + Disclaimer.text)
        return footer
    }

    // MARK: Drawing

    private func drawAxes(_ svg: inout SVGDocument, panel: Panel, scale: FaganScale) {
        let top = scale.axisTop, bottom = scale.axisBottom
        for x in [panel.pretestX, panel.posttestX] {
            svg.line(from: .init(x: x, y: top), to: .init(x: x, y: bottom), stroke: "#333", width: 1.3)
        }
        let ratioTop = scale.likelihoodRatioY(FaganScale.likelihoodRatioLimit), ratioBottom = scale.likelihoodRatioY(1 / FaganScale.likelihoodRatioLimit)
        svg.line(from: .init(x: panel.likelihoodRatioX, y: ratioTop - 8), to: .init(x: panel.likelihoodRatioX, y: ratioBottom + 8), stroke: "#333", width: 1.3)
        for percent in Self.probabilityMinorTicks {
            let probability = percent / 100
            svg.line(
                from: .init(x: panel.pretestX - 4, y: scale.pretestY(probability)), to: .init(x: panel.pretestX, y: scale.pretestY(probability)),
                stroke: "#333", width: 0.8)
            svg.line(
                from: .init(x: panel.posttestX, y: scale.posttestY(probability)), to: .init(x: panel.posttestX + 4, y: scale.posttestY(probability)),
                stroke: "#333", width: 0.8)
        }
        for percent in Self.probabilityTicks {
            let probability = percent / 100
            let label = Self.tickText(percent)
            let left = scale.pretestY(probability), right = scale.posttestY(probability)
            svg.line(from: .init(x: panel.pretestX - 7, y: left), to: .init(x: panel.pretestX, y: left), stroke: "#333")
            svg.text(label, at: .init(x: panel.pretestX - 10, y: left + 3.5), style: .init(size: 10, anchor: .end))
            svg.line(from: .init(x: panel.posttestX, y: right), to: .init(x: panel.posttestX + 7, y: right), stroke: "#333")
            svg.text(label, at: .init(x: panel.posttestX + 10, y: right + 3.5), style: .init(size: 10))
        }
        for ratio in Self.likelihoodRatioTicks {
            let y = scale.likelihoodRatioY(ratio)
            svg.line(from: .init(x: panel.likelihoodRatioX - 6, y: y), to: .init(x: panel.likelihoodRatioX + 6, y: y), stroke: "#333")
        }
    }

    /// The labels that lines may cross (the likelihood-ratio scale, the axis
    /// titles), drawn last with a white halo so they stay legible.
    private func drawLabelsOnTop(
        _ svg: inout SVGDocument, panel: Panel, scale: FaganScale,
        pretestTitle: [String], ratioTitle: [String], posttestTitle: [String]
    ) {
        for ratio in Self.likelihoodRatioTicks {
            svg.text(
                Self.tickText(ratio), at: .init(x: panel.likelihoodRatioX - 9, y: scale.likelihoodRatioY(ratio) + 3.5),
                style: .init(size: 10, anchor: .end, halo: true))
        }
        let ratioTop = scale.likelihoodRatioY(FaganScale.likelihoodRatioLimit)
        for (x, title) in [(panel.pretestX, pretestTitle), (panel.likelihoodRatioX, ratioTitle), (panel.posttestX, posttestTitle)] {
            for (index, text) in title.enumerated() {
                let titleTop = x == panel.likelihoodRatioX ? ratioTop - 38 : scale.axisTop - 30
                svg.text(text, at: .init(x: x, y: titleTop + Double(index) * 13), style: .init(size: 11, anchor: .middle, bold: index == 0, halo: true))
            }
        }
    }

    /// One likelihood ratio: the band from the pretest point through the
    /// LR's limits to the post-test axis, the estimate line, and the marks.
    private func drawLine(_ svg: inout SVGDocument, line: Line, pretest: Double, panel: Panel, scale: FaganScale, colour: String, offset: Double) {
        let start = SVGDocument.Point(x: panel.pretestX, y: scale.pretestY(pretest))
        // A post-test probability of exactly 0 or 1 (a likelihood ratio of 0 or ∞) is drawn at the axis end.
        let limit = FaganScale.probabilityLimit
        func posttestPoint(_ value: ExtendedValue) -> SVGDocument.Point {
            var probability = value.finiteValue ?? (value == .unbounded ? 1 : 0.5)
            if probability == 1 { probability = 1 - limit } else if probability == 0 { probability = limit }
            return .init(x: panel.posttestX, y: scale.posttestY(probability))
        }
        svg.beginGroup(clippedTo: (.init(x: panel.pretestX - 1, y: scale.axisTop - 1), panel.width + 2, scale.axisBottom - scale.axisTop + 2))
        if line.hasInterval {
            svg.polygon([start, posttestPoint(line.posttest.lower), posttestPoint(line.posttest.upper)], fill: colour, opacity: 0.16)
            for limit in [line.posttest.lower, line.posttest.upper] {
                svg.line(from: start, to: posttestPoint(limit), stroke: colour, width: 0.7, opacity: 0.7)
            }
        }
        if line.posttest.estimate.finiteValue != nil {
            svg.line(from: start, to: posttestPoint(line.posttest.estimate), stroke: colour, width: 2)
        }
        svg.endGroup()
        // The LR's interval on the middle axis, and the estimate.
        let barX = panel.likelihoodRatioX + 10 + 5 * offset
        if line.hasInterval {
            let upperY = scale.likelihoodRatioY(line.likelihoodRatio.upper.finiteValue ?? .infinity)
            let lowerY = scale.likelihoodRatioY(line.likelihoodRatio.lower.finiteValue ?? 0)
            let ratioTop = scale.likelihoodRatioY(FaganScale.likelihoodRatioLimit) - 8
            let ratioBottom = scale.likelihoodRatioY(1 / FaganScale.likelihoodRatioLimit) + 8
            svg.line(
                from: .init(x: barX, y: max(ratioTop, upperY)), to: .init(x: barX, y: min(ratioBottom, lowerY)),
                stroke: colour, width: 3.5, opacity: 0.75)
        }
        if let ratio = line.likelihoodRatio.estimate.finiteValue, ratio > 0 {
            let y = scale.likelihoodRatioY(ratio)
            if y >= scale.axisTop && y <= scale.axisBottom {
                svg.circle(at: .init(x: panel.likelihoodRatioX, y: y), radius: 3.5, fill: colour, stroke: "#fff")
            }
        }
        if let value = line.posttest.estimate.finiteValue {
            let y = scale.posttestY(value)
            if y >= scale.axisTop && y <= scale.axisBottom {
                svg.circle(at: .init(x: panel.posttestX, y: y), radius: 3.5, fill: colour, stroke: "#fff")
            }
        }
    }

    private func drawPretestPoint(_ svg: inout SVGDocument, panel: Panel, scale: FaganScale) {
        let y = scale.pretestY(pretest)
        svg.circle(at: .init(x: panel.pretestX, y: y), radius: 4.5, fill: "#111", stroke: "#fff")
        svg.text(
            NumberText.percent(.finite(pretest)), at: .init(x: panel.pretestX - 40, y: y + 4), style: .init(size: 11.5, anchor: .end, bold: true, halo: true))
    }

    /// Two-step variant: the first post-test probability, carried (dashed) to
    /// the second panel's pretest axis, with its interval as bars.
    private func drawCarryOver(
        _ svg: inout SVGDocument, from first: Panel, to second: Panel, scale: FaganScale,
        carried: IntervalEstimate, intermediate: Double
    ) {
        let colour = PicturePalette.colour(0)
        let start = SVGDocument.Point(x: first.posttestX, y: scale.posttestY(intermediate))
        let end = SVGDocument.Point(x: second.pretestX, y: scale.pretestY(intermediate))
        if let lower = carried.lower.finiteValue, let upper = carried.upper.finiteValue, lower < upper {
            svg.line(
                from: .init(x: first.posttestX - 5, y: scale.posttestY(lower)), to: .init(x: first.posttestX - 5, y: scale.posttestY(upper)),
                stroke: colour, width: 4, opacity: 0.6)
            svg.line(
                from: .init(x: second.pretestX + 5, y: scale.pretestY(lower)), to: .init(x: second.pretestX + 5, y: scale.pretestY(upper)),
                stroke: colour, width: 4, opacity: 0.6)
        }
        svg.line(from: start, to: end, stroke: "#777", width: 1.2, dash: "4 3")
        svg.circle(at: end, radius: 4.5, fill: "#111", stroke: "#fff")
        let middle = SVGDocument.Point(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 - 6)
        svg.text("carried over: " + NumberText.percent(.finite(intermediate)), at: middle, style: .init(size: 10.5, anchor: .middle, bold: true, halo: true))
    }

    /// Two-step variant: the interval of both signs together (black bar) and
    /// the dependence range (dashed bracket) on the final axis.
    private func drawCombined(_ svg: inout SVGDocument, step: SecondStep, panel: Panel, scale: FaganScale) {
        let x = panel.posttestX - 5
        func axisY(_ value: ExtendedValue) -> Double {
            min(scale.axisBottom, max(scale.axisTop, scale.posttestY(value.finiteValue ?? (value == .unbounded ? 1 : 0))))
        }
        if step.combined.lower.finiteValue != nil, step.combined.upper != .undefined {
            svg.line(from: .init(x: x, y: axisY(step.combined.lower)), to: .init(x: x, y: axisY(step.combined.upper)), stroke: "#222", width: 4, opacity: 0.75)
        }
        if let lower = step.dependenceLower, let upper = step.dependenceUpper {
            let bracketX = panel.posttestX - 13
            let top = axisY(upper), bottom = axisY(lower)
            svg.line(from: .init(x: bracketX, y: top), to: .init(x: bracketX, y: bottom), stroke: "#555", width: 1.3, dash: "4 2")
            for y in [top, bottom] {
                svg.line(from: .init(x: bracketX, y: y), to: .init(x: bracketX + 5, y: y), stroke: "#555", width: 1.3)
            }
        }
    }

    /// Labels right of the post-test axis, pushed apart so they never overlap.
    private func drawEndLabels(
        _ svg: inout SVGDocument, labels: [(y: Double, text: String, colour: String)], axisX: Double, labelX: Double,
        scale: FaganScale
    ) {
        let placed = Self.separated(labels.map { min(scale.axisBottom, max(scale.axisTop, $0.y)) }, gap: 15)
        for (label, y) in zip(labels, placed) {
            let anchorY = min(scale.axisBottom, max(scale.axisTop, label.y))
            svg.line(from: .init(x: axisX + 38, y: anchorY), to: .init(x: labelX - 4, y: y - 4), stroke: label.colour, width: 0.8)
            svg.text(label.text, at: .init(x: labelX, y: y), style: .init(size: 11.5, bold: true, fill: label.colour, halo: true))
        }
    }

    /// Positions no closer than `gap`, each as near its wish as possible
    /// (order kept).
    static func separated(_ wishes: [Double], gap: Double) -> [Double] {
        let order = wishes.indices.sorted { wishes[$0] < wishes[$1] }
        var placed = Array(repeating: 0.0, count: wishes.count)
        var previous = -Double.greatestFiniteMagnitude
        for index in order {
            placed[index] = max(wishes[index] + 4, previous + gap)
            previous = placed[index]
        }
        return placed
    }

    /// 0.1 → "0.1", 50 → "50", 99.9 → "99.9", 1000 → "1000", 0.001 → "0.001".
    static func tickText(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
