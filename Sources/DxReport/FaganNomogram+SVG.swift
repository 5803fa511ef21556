import DxStats

/// Drawing a Fagan nomogram as SVG at a `PictureSize`: three vertical axes
/// per step, a wedge, a line and a marker per likelihood ratio, labels
/// placed where they overlap neither each other nor the tick marks.
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
    /// The order in which tick labels are kept when an axis is too short for all of them.
    static let probabilityLabelPriority = [50, 10, 90, 1, 99, 0.1, 99.9, 30, 70, 20, 80, 5, 95, 2, 98, 0.5, 99.5, 40, 60, 0.2, 99.8]
    static let likelihoodRatioLabelPriority = [1, 10, 0.1, 100, 0.01, 1000, 0.001, 2, 0.5, 5, 0.2, 50, 0.02, 20, 0.05, 500, 0.002, 200, 0.005]

    /// The height of the probability axes at each size (in print, the
    /// two-step variant is shorter: it shares a page with the curves).
    func axisHeight(_ size: PictureSize) -> Double {
        switch size {
        case .screen: 500
        case .print: secondStep == nil ? 200 : 180
        case .projector: 470
        }
    }

    /// A label right of the post-test axis: where it points, its text and colour.
    struct EndLabel {
        let y: Double
        let text: String
        let colour: String
    }

    /// The nomogram as a standalone SVG file (or, with `xmlDeclaration`
    /// false, an element to inline in HTML), with text sized for `size`.
    public func svg(size: PictureSize = .screen, xmlDeclaration: Bool = true) -> String {
        let type = size.typography
        let kind: PictureSize.Kind = secondStep == nil ? .nomogram : .twoStepNomogram
        // Header: the title (the signs) and the subtitle (what the probabilities are about, the pretest).
        let frame = PictureFrame(size: size, kind: kind, title: title, subtitle: subtitle(size))
        let (width, margin, legendBeside, legendWidth) = (frame.width, frame.margin, frame.legendBeside, frame.legendWidth)
        let (figureRight, headerBottom) = (frame.figureRight, frame.headerBottom)
        let axisTitleBaseline = headerBottom + 1.1 * type.text + TextMetrics.ascent(size: type.text)
        let axisTop = axisTitleBaseline + 1.25 * type.text + 1.3 * type.text
        let scale = FaganScale(top: axisTop, bottom: axisTop + axisHeight(size))

        // Horizontal layout: the label columns beside each axis, then the panels in what is left.
        let metrics = Metrics(type: type)
        let pretestLabel = (value: pretestText, caption: "pretest")
        let carriedLabel = lines[0].posttest.estimate.finiteValue.map { (value: NumberText.percents([.finite($0)])[0], caption: "from step 1") }
        let firstLeft = margin + metrics.leftOfPretest(pretestLabel)
        var endLabelTexts = endLabels(scale: scale).map(\.text)
        var endLabelWidth = (endLabelTexts.map { TextMetrics.width($0, size: type.text, bold: true) }.max() ?? 0) + 1.2 * type.text
        let gap = secondStep == nil ? 0 : metrics.rightOfPosttest + 0.8 * type.text + metrics.leftOfPretest(carriedLabel ?? pretestLabel)
        let spacingCount = secondStep == nil ? 2.0 : 4.0
        // Axes at least as far apart as their titles are wide; end labels go first when space is short.
        let axisTitles = secondStep == nil ? Self.axisTitles.first : Self.axisTitles.first + Self.axisTitles.second
        let widestTitle = axisTitles.flatMap { $0.enumerated().map { TextMetrics.width($1, size: type.text, bold: $0 == 0) } }.max() ?? 0
        let minimumSpacing = max(widestTitle + 0.8 * type.text, 5 * type.text)
        var posttestRight = figureRight - metrics.rightOfPosttest - endLabelWidth
        if (posttestRight - firstLeft - gap) / spacingCount < minimumSpacing {
            endLabelTexts = []
            endLabelWidth = 0
            posttestRight = figureRight - metrics.rightOfPosttest
        }
        let spacing = (posttestRight - firstLeft - gap) / spacingCount
        let first = Panel(left: firstLeft, spacing: spacing)
        let second = secondStep == nil ? nil : Panel(left: first.posttestX + gap, spacing: spacing)
        let lastPanel = second ?? first

        // Vertical layout below (or beside) the axes: legend, footer.
        let legend = PictureLegendEntry.shown(legendEntries, size: size)
        let legendLeft = legendBeside ? figureRight + 1.2 * type.text : margin
        let legendTop = legendBeside ? headerBottom + 1.1 * type.text : scale.axisBottom + 1.2 * type.tick + type.text
        let legendLayout = SVGDocument.legendLayout(legend, width: legendWidth, columns: size == .print && legendWidth > 500 ? 2 : 1, typography: type)
        let legendHeight = legendLayout.height
        let figureBottom = max(scale.axisBottom + 1.2 * type.tick, legendTop + legendHeight)
        let footer = SVGDocument.wrappedFooter(footerLines(size: size), width: width - 2 * margin, typography: type)
        let footerTop = figureBottom + 0.6 * type.text
        let height = footerTop + SVGDocument.footerHeight(footer, typography: type) + margin

        var svg = SVGDocument(width: width, height: height, title: title, summary: summary)
        frame.drawHeader(&svg)

        let firstTitles = second == nil ? Self.axisTitles.single : Self.axisTitles.first
        let secondTitles = Self.axisTitles.second
        drawAxes(&svg, panel: first, scale: scale, metrics: metrics)
        if let second { drawAxes(&svg, panel: second, scale: scale, metrics: metrics) }

        for (index, line) in lines.enumerated() {
            drawLine(&svg, line: line, pretest: pretest, panel: first, scale: scale, metrics: metrics, series: index)
        }
        if let secondStep, let second, let intermediate = lines[0].posttest.estimate.finiteValue {
            drawCarryOver(&svg, from: first, to: second, scale: scale, metrics: metrics, carried: lines[0].posttest)
            drawLine(&svg, line: secondStep.line, pretest: intermediate, panel: second, scale: scale, metrics: metrics, series: 1)
            drawCombined(&svg, step: secondStep, panel: second, scale: scale, metrics: metrics)
        }

        // Labels on top: tick labels (kept clear of the pretest labels' arrows), axis titles.
        drawProbabilityLabels(&svg, panel: first, scale: scale, metrics: metrics, reservedOnPretest: [scale.pretestY(pretest)])
        drawRatioLabels(&svg, panel: first, scale: scale, metrics: metrics, lines: lines)
        drawAxisTitles(&svg, panel: first, titles: firstTitles, baseline: axisTitleBaseline, metrics: metrics, margin: margin, right: figureRight)
        if let second, let intermediate = lines[0].posttest.estimate.finiteValue {
            drawProbabilityLabels(&svg, panel: second, scale: scale, metrics: metrics, reservedOnPretest: [scale.pretestY(intermediate)])
            drawRatioLabels(&svg, panel: second, scale: scale, metrics: metrics, lines: secondStep.map { [$0.line] } ?? [])
            drawAxisTitles(&svg, panel: second, titles: secondTitles, baseline: axisTitleBaseline, metrics: metrics, margin: margin, right: figureRight)
            drawPretestPoint(&svg, x: second.pretestX, y: scale.pretestY(intermediate), label: carriedLabel ?? pretestLabel, metrics: metrics)
        }
        drawPretestPoint(&svg, x: first.pretestX, y: scale.pretestY(pretest), label: pretestLabel, metrics: metrics)
        if !endLabelTexts.isEmpty {
            drawEndLabels(&svg, labels: endLabels(scale: scale), axisX: lastPanel.posttestX, scale: scale, metrics: metrics)
        }

        svg.legend(legendLayout, left: legendLeft, top: legendTop, typography: type)
        svg.footer(footer, left: margin, top: footerTop, typography: type)
        return svg.rendered(xmlDeclaration: xmlDeclaration)
    }

    /// The sizes of the label columns beside the axes.
    struct Metrics {
        let type: PictureSize.Typography
        var tickLength: Double { 0.55 * type.tick }
        /// From an axis to the near edge of its tick labels.
        var labelGap: Double { tickLength + 0.35 * type.tick }
        var probabilityLabelWidth: Double { FaganNomogram.probabilityTicks.map { TextMetrics.width(FaganNomogram.tickText($0), size: type.tick) }.max() ?? 0 }
        var arrowLength: Double { 1.4 * type.text }
        /// Right of a post-test axis: the tick labels.
        var rightOfPosttest: Double { labelGap + probabilityLabelWidth }

        /// Left of a pretest axis: the tick labels, the arrow, the value label.
        func leftOfPretest(_ label: (value: String, caption: String)) -> Double {
            labelGap + probabilityLabelWidth + 0.4 * type.text + arrowLength + valueLabelWidth(label)
        }

        func valueLabelWidth(_ label: (value: String, caption: String)) -> Double {
            max(TextMetrics.width(label.value, size: type.text, bold: true), TextMetrics.width(label.caption, size: type.tick))
        }
    }

    /// The labels right of the last post-test axis: one per line (one
    /// step), or step 2, both signs and the dependence range (two steps).
    private func endLabels(scale: FaganScale) -> [EndLabel] {
        func y(_ value: ExtendedValue) -> Double { scale.posttestY(value.finiteValue ?? (value == .unbounded ? 1 : 0.5)) }
        guard let secondStep else {
            return lines.enumerated().map { index, line in
                EndLabel(y: y(line.posttest.estimate), text: Self.intervalText(line.posttest), colour: PicturePalette.colour(index))
            }
        }
        var labels = [
            EndLabel(y: y(secondStep.line.posttest.estimate), text: "step 2: " + Self.intervalText(secondStep.line.posttest), colour: PicturePalette.colour(1)),
            EndLabel(y: y(secondStep.combined.estimate) + 1, text: "both: " + Self.intervalText(secondStep.combined), colour: "#222"),
        ]
        if let lower = secondStep.dependenceLower, let upper = secondStep.dependenceUpper {
            labels.append(EndLabel(y: y(secondStep.combined.estimate) + 2, text: "range if dependent: \(Self.rangeText(lower, upper))", colour: "#555"))
        }
        return labels
    }

    // MARK: Axes

    private func drawAxes(_ svg: inout SVGDocument, panel: Panel, scale: FaganScale, metrics: Metrics) {
        let top = scale.axisTop, bottom = scale.axisBottom, tick = metrics.tickLength
        for x in [panel.pretestX, panel.posttestX] {
            svg.line(from: .init(x: x, y: top), to: .init(x: x, y: bottom), stroke: "#333", width: 1.3, classes: "axis")
        }
        let ratioTop = scale.likelihoodRatioY(FaganScale.likelihoodRatioLimit), ratioBottom = scale.likelihoodRatioY(1 / FaganScale.likelihoodRatioLimit)
        svg.line(
            from: .init(x: panel.likelihoodRatioX, y: ratioTop - 0.6 * tick), to: .init(x: panel.likelihoodRatioX, y: ratioBottom + 0.6 * tick),
            stroke: "#333", width: 1.3, classes: "axis")
        for percent in Self.probabilityMinorTicks {
            let probability = percent / 100
            svg.line(
                from: .init(x: panel.pretestX - tick / 2, y: scale.pretestY(probability)), to: .init(x: panel.pretestX, y: scale.pretestY(probability)),
                stroke: "#333", width: 0.8, classes: "tick")
            svg.line(
                from: .init(x: panel.posttestX, y: scale.posttestY(probability)), to: .init(x: panel.posttestX + tick / 2, y: scale.posttestY(probability)),
                stroke: "#333", width: 0.8, classes: "tick")
        }
        for percent in Self.probabilityTicks {
            let left = scale.pretestY(percent / 100), right = scale.posttestY(percent / 100)
            svg.line(from: .init(x: panel.pretestX - tick, y: left), to: .init(x: panel.pretestX, y: left), stroke: "#333", classes: "tick")
            svg.line(from: .init(x: panel.posttestX, y: right), to: .init(x: panel.posttestX + tick, y: right), stroke: "#333", classes: "tick")
        }
        for ratio in Self.likelihoodRatioTicks {
            let y = scale.likelihoodRatioY(ratio)
            svg.line(
                from: .init(x: panel.likelihoodRatioX - tick, y: y), to: .init(x: panel.likelihoodRatioX + tick, y: y), stroke: "#333",
                classes: "tick")
        }
    }

    /// The probability tick labels both outer axes can show without
    /// crowding each other or the arrow to a pretest point.
    private func drawProbabilityLabels(_ svg: inout SVGDocument, panel: Panel, scale: FaganScale, metrics: Metrics, reservedOnPretest: [Double]) {
        let size = metrics.type.tick, gap = 1.3 * size
        let candidates = Self.probabilityLabelPriority.map { $0 / 100 }
        let onPretest = LabelPlacement.thinned(candidates, position: scale.pretestY, gap: gap, reserved: reservedOnPretest)
        let onPosttest = LabelPlacement.thinned(candidates, position: scale.posttestY, gap: gap)
        for probability in candidates {
            let label = Self.tickText(probability * 100)
            if onPretest.contains(probability) {
                svg.text(
                    label, at: .init(x: panel.pretestX - metrics.labelGap, y: scale.pretestY(probability) + 0.35 * size),
                    style: .init(size: size, anchor: .end), classes: "tick-label")
            }
            if onPosttest.contains(probability) {
                svg.text(
                    label, at: .init(x: panel.posttestX + metrics.labelGap, y: scale.posttestY(probability) + 0.35 * size),
                    style: .init(size: size), classes: "tick-label")
            }
        }
    }

    /// The axes' titles, pretest, likelihood ratio and post-test, each in two lines.
    static let axisTitles = (
        single: [["Pretest", "probability (%)"], ["Likelihood", "ratio"], ["Post-test", "probability (%)"]],
        first: [["Pretest", "probability (%)"], ["Likelihood", "ratio, sign 1"], ["Post-test", "after sign 1 (%)"]],
        second: [["Pretest", "for sign 2 (%)"], ["Likelihood", "ratio, sign 2"], ["Post-test", "probability (%)"]]
    )

    /// The likelihood-ratio labels, which lines cross: drawn last, with a
    /// white halo, left of the axis (the interval bars are on its right),
    /// leaving out those where a line crosses the axis (its marker is there).
    private func drawRatioLabels(_ svg: inout SVGDocument, panel: Panel, scale: FaganScale, metrics: Metrics, lines: [Line]) {
        let size = metrics.type.tick
        let crossings = lines.compactMap { $0.likelihoodRatio.estimate.finiteValue }.filter { $0 > 0 }.map(scale.likelihoodRatioY)
        let kept = LabelPlacement.thinned(
            Self.likelihoodRatioLabelPriority, position: scale.likelihoodRatioY, gap: 1.25 * size, reserved: crossings)
        for ratio in Self.likelihoodRatioTicks where kept.contains(ratio) {
            svg.text(
                Self.tickText(ratio), at: .init(x: panel.likelihoodRatioX - metrics.labelGap, y: scale.likelihoodRatioY(ratio) + 0.35 * size),
                style: .init(size: size, anchor: .end, halo: true), classes: "tick-label")
        }
    }

    /// Two-line titles over the three axes, kept inside the figure.
    private func drawAxisTitles(
        _ svg: inout SVGDocument, panel: Panel, titles: [[String]], baseline: Double, metrics: Metrics, margin: Double, right: Double
    ) {
        let size = metrics.type.text
        for (x, title) in zip([panel.pretestX, panel.likelihoodRatioX, panel.posttestX], titles) {
            let half = (title.enumerated().map { TextMetrics.width($1, size: size, bold: $0 == 0) }.max() ?? 0) / 2
            let centre = min(right - half, max(margin + half, x))
            for (index, text) in title.enumerated() {
                svg.text(
                    text, at: .init(x: centre, y: baseline + Double(index) * 1.25 * size),
                    style: .init(size: size, anchor: .middle, bold: index == 0, halo: true), classes: "axis-title")
            }
        }
    }

    // MARK: Lines

    /// One likelihood ratio: the wedge from the pretest point through the
    /// LR's limits to the post-test axis (shaded, with edges in the series'
    /// dash pattern), the estimate line, the interval bar on the LR axis and
    /// the series' markers where the line meets the LR and post-test axes.
    private func drawLine(
        _ svg: inout SVGDocument, line: Line, pretest: Double, panel: Panel, scale: FaganScale, metrics: Metrics, series: Int
    ) {
        let style = PicturePalette.style(series), type = metrics.type
        let classes = "series-\(series)"
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
            let opacity = lines.count > 2 ? 0.1 : 0.15
            svg.polygon(
                [start, posttestPoint(line.posttest.lower), posttestPoint(line.posttest.upper)], fill: style.colour, opacity: opacity,
                classes: "band \(classes)")
            for bound in [line.posttest.lower, line.posttest.upper] {
                svg.line(
                    from: start, to: posttestPoint(bound), stroke: style.colour, width: max(0.8, 0.35 * type.lineWidth), opacity: 0.7,
                    classes: "band-edge \(classes)")
            }
        }
        if line.posttest.estimate.finiteValue != nil {
            svg.line(
                from: start, to: posttestPoint(line.posttest.estimate), stroke: style.colour, width: type.lineWidth,
                dash: style.dash(width: type.lineWidth), classes: "estimate \(classes)")
        }
        svg.endGroup()
        // The LR's interval as a bar right of the middle axis, one column per series.
        let barWidth = 1.6 * type.lineWidth
        let barX = panel.likelihoodRatioX + metrics.tickLength + 0.35 * type.tick + Double(series) * (barWidth + 0.25 * type.tick)
        if line.hasInterval {
            let upperY = scale.likelihoodRatioY(line.likelihoodRatio.upper.finiteValue ?? .infinity)
            let lowerY = scale.likelihoodRatioY(line.likelihoodRatio.lower.finiteValue ?? 0)
            let ratioTop = scale.likelihoodRatioY(FaganScale.likelihoodRatioLimit) - 0.6 * metrics.tickLength
            let ratioBottom = scale.likelihoodRatioY(1 / FaganScale.likelihoodRatioLimit) + 0.6 * metrics.tickLength
            svg.line(
                from: .init(x: barX, y: max(ratioTop, upperY)), to: .init(x: barX, y: min(ratioBottom, lowerY)),
                stroke: style.colour, width: barWidth, opacity: 0.8, classes: "interval \(classes)")
        }
        if let ratio = line.likelihoodRatio.estimate.finiteValue, ratio > 0 {
            let y = scale.likelihoodRatioY(ratio)
            if y >= scale.axisTop && y <= scale.axisBottom {
                svg.marker(style.marker, at: .init(x: panel.likelihoodRatioX, y: y), radius: type.markerRadius, fill: style.colour, classes: classes)
            }
        }
        if let value = line.posttest.estimate.finiteValue {
            let y = scale.posttestY(value)
            if y >= scale.axisTop && y <= scale.axisBottom {
                svg.marker(style.marker, at: .init(x: panel.posttestX, y: y), radius: type.markerRadius, fill: style.colour, classes: classes)
            }
        }
    }

    /// A pretest point: a black dot on the axis and, left of the tick
    /// labels, its value in bold with a caption ("pretest", "from step 1")
    /// and a short arrow to the dot.
    private func drawPretestPoint(_ svg: inout SVGDocument, x: Double, y: Double, label: (value: String, caption: String), metrics: Metrics) {
        let type = metrics.type
        let arrowEnd = x - 1.3 * type.markerRadius - 1
        let arrowStart = x - metrics.labelGap - metrics.probabilityLabelWidth - 0.2 * type.text - metrics.arrowLength
        let labelRight = arrowStart - 0.2 * type.text
        svg.line(
            from: .init(x: arrowStart, y: y), to: .init(x: arrowEnd - 0.5 * type.text, y: y), stroke: "#111", width: max(1.2, 0.4 * type.lineWidth),
            classes: "arrow")
        let head = 0.3 * type.text
        svg.polygon(
            [.init(x: arrowEnd, y: y), .init(x: arrowEnd - 2 * head, y: y - head), .init(x: arrowEnd - 2 * head, y: y + head)], fill: "#111",
            classes: "arrow")
        svg.circle(at: .init(x: x, y: y), radius: 1.3 * type.markerRadius, fill: "#111", stroke: "#fff", classes: "marker pretest")
        svg.text(
            label.value, at: .init(x: labelRight, y: y + 0.35 * type.text), style: .init(size: type.text, anchor: .end, bold: true), classes: "value-label")
        svg.text(
            label.caption, at: .init(x: labelRight, y: y + 0.35 * type.text + 1.15 * type.tick), style: .init(size: type.tick, anchor: .end, fill: "#444"),
            classes: "value-label")
    }

    /// Two-step variant: step 1's interval as bars at both ends of the
    /// gap between the steps, in step 1's colour.
    private func drawCarryOver(_ svg: inout SVGDocument, from first: Panel, to second: Panel, scale: FaganScale, metrics: Metrics, carried: IntervalEstimate) {
        guard let lower = carried.lower.finiteValue, let upper = carried.upper.finiteValue, lower < upper else { return }
        let colour = PicturePalette.colour(0), width = 1.6 * metrics.type.lineWidth
        svg.line(
            from: .init(x: first.posttestX - 0.5 * metrics.type.tick, y: scale.posttestY(lower)),
            to: .init(x: first.posttestX - 0.5 * metrics.type.tick, y: scale.posttestY(upper)),
            stroke: colour, width: width, opacity: 0.6, classes: "carried series-0")
        svg.line(
            from: .init(x: second.pretestX + 0.5 * metrics.type.tick, y: scale.pretestY(lower)),
            to: .init(x: second.pretestX + 0.5 * metrics.type.tick, y: scale.pretestY(upper)),
            stroke: colour, width: width, opacity: 0.6, classes: "carried series-0")
    }

    /// Two-step variant: the interval of both signs together (black bar)
    /// and the dependence range (dashed bracket) left of the final axis.
    private func drawCombined(_ svg: inout SVGDocument, step: SecondStep, panel: Panel, scale: FaganScale, metrics: Metrics) {
        let type = metrics.type
        let x = panel.posttestX - 0.5 * type.tick
        func axisY(_ value: ExtendedValue) -> Double {
            min(scale.axisBottom, max(scale.axisTop, scale.posttestY(value.finiteValue ?? (value == .unbounded ? 1 : 0))))
        }
        if step.combined.lower.finiteValue != nil, step.combined.upper != .undefined {
            svg.line(
                from: .init(x: x, y: axisY(step.combined.lower)), to: .init(x: x, y: axisY(step.combined.upper)), stroke: "#222",
                width: 1.6 * type.lineWidth, opacity: 0.8, classes: "combined")
        }
        if let lower = step.dependenceLower, let upper = step.dependenceUpper {
            let bracketX = panel.posttestX - 1.3 * type.tick
            let top = axisY(upper), bottom = axisY(lower), width = max(1.2, 0.5 * type.lineWidth)
            svg.line(from: .init(x: bracketX, y: top), to: .init(x: bracketX, y: bottom), stroke: "#555", width: width, dash: "4 2", classes: "dependence")
            for y in [top, bottom] {
                svg.line(from: .init(x: bracketX, y: y), to: .init(x: bracketX + 0.45 * type.tick, y: y), stroke: "#555", width: width)
            }
        }
    }

    /// Labels right of the post-test axis's tick labels, spread so they
    /// never overlap, each with a leader to the height it belongs to.
    private func drawEndLabels(_ svg: inout SVGDocument, labels: [EndLabel], axisX: Double, scale: FaganScale, metrics: Metrics) {
        let size = metrics.type.text
        let leaderStart = axisX + metrics.rightOfPosttest + 0.2 * size
        let labelX = axisX + metrics.rightOfPosttest + 1.2 * size
        let anchors = labels.map { min(scale.axisBottom, max(scale.axisTop, $0.y)) }
        let placed = LabelPlacement.spread(
            anchors.map { $0 + 0.35 * size }, gap: 1.3 * size, lower: scale.axisTop + TextMetrics.ascent(size: size),
            upper: scale.axisBottom + 0.35 * size)
        for ((label, anchor), y) in zip(zip(labels, anchors), placed) {
            svg.line(
                from: .init(x: leaderStart, y: anchor), to: .init(x: labelX - 0.2 * size, y: y - 0.35 * size), stroke: label.colour, width: 0.8,
                classes: "leader")
            svg.text(label.text, at: .init(x: labelX, y: y), style: .init(size: size, bold: true, fill: label.colour, halo: true), classes: "end-label")
        }
    }

    /// 0.1 → "0.1", 50 → "50", 99.9 → "99.9", 1000 → "1000", 0.001 → "0.001".
    static func tickText(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(cFormat: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
