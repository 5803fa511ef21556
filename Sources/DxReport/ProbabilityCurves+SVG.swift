import DxStats

/// Drawing the probability curves as SVG at a `PictureSize`: a curve per
/// series in its colour, dash pattern and marker, interval ribbons with
/// edges, dotted dependence ranges, the LR 1 diagonal (thin, solid, grey)
/// and the gate's thresholds (dashed, dark), distinct from every series.
extension ProbabilityCurves {
    static let diagonalColour = "#9a9a9a"
    static let thresholdColour = "#333"
    static let thresholdDash = "12 4"

    /// The curves as a standalone SVG file (or, with `xmlDeclaration`
    /// false, an element to inline in HTML), with text sized for `size`.
    public func svg(size: PictureSize = .screen, xmlDeclaration: Bool = true) -> String {
        let type = size.typography
        let frame = PictureFrame(size: size, kind: .curves, title: fullTitle, subtitle: subtitle(size))
        let (width, margin, legendBeside, legendWidth) = (frame.width, frame.margin, frame.legendBeside, frame.legendWidth)
        let (figureRight, headerBottom) = (frame.figureRight, frame.headerBottom)

        // The plot: square-ish, with tick labels left and below, threshold values right.
        let tickLength = 0.45 * type.tick
        let labelGap = tickLength + 0.3 * type.tick
        let left = margin + 1.3 * type.text + 0.4 * type.text + TextMetrics.width("100", size: type.tick) + labelGap
        let thresholdLabelWidth = thresholds == nil ? 0 : TextMetrics.width("80.0 %", size: type.tick) + 0.4 * type.tick
        let markerLabelHeight = marker == nil ? 0 : 1.2 * type.tick + type.markerRadius
        let top = headerBottom + 0.9 * type.text + markerLabelHeight
        let plotWidth = figureRight - left - thresholdLabelWidth - 0.2 * type.tick
        let plotHeight = size == .projector ? min(plotWidth, 500) : (size == .print ? 0.7 : 0.8) * plotWidth
        func x(_ pretest: Double) -> Double { left + pretest * plotWidth }
        func y(_ posttest: Double) -> Double { top + (1 - posttest) * plotHeight }
        let plotBottom = top + plotHeight
        let axisTitleBaseline = plotBottom + labelGap + TextMetrics.lineHeight(size: type.tick) + 0.3 * type.text + TextMetrics.ascent(size: type.text)

        let legend = PictureLegendEntry.shown(legendEntries, size: size)
        let legendLeft = legendBeside ? figureRight + 1.2 * type.text : margin
        let legendTop = legendBeside ? headerBottom + 0.9 * type.text : axisTitleBaseline + TextMetrics.descent(size: type.text) + 0.8 * type.text
        let legendLayout = SVGDocument.legendLayout(legend, width: legendWidth, columns: size == .print && legendWidth > 500 ? 2 : 1, typography: type)
        let legendHeight = legendLayout.height
        let figureBottom = max(axisTitleBaseline + TextMetrics.descent(size: type.text), legendTop + legendHeight)
        let footer = SVGDocument.wrappedFooter(footerLines(size: size), width: width - 2 * margin, typography: type)
        let footerTop = figureBottom + 0.6 * type.text
        let height = footerTop + SVGDocument.footerHeight(footer, typography: type) + margin

        var svg = SVGDocument(width: width, height: height, title: fullTitle, summary: summary)
        frame.drawHeader(&svg)

        // Grid, ticks, tick labels, axis titles.
        let labelStep = plotWidth / 10 < 1.9 * TextMetrics.width("100", size: type.tick) ? 2 : 1
        for step in 0...10 {
            let value = Double(step) / 10
            svg.line(from: .init(x: x(value), y: top), to: .init(x: x(value), y: plotBottom), stroke: "#e6e6e6", classes: "grid")
            svg.line(from: .init(x: left, y: y(value)), to: .init(x: left + plotWidth, y: y(value)), stroke: "#e6e6e6", classes: "grid")
            svg.line(from: .init(x: x(value), y: plotBottom), to: .init(x: x(value), y: plotBottom + tickLength), stroke: "#333", classes: "tick")
            svg.line(from: .init(x: left - tickLength, y: y(value)), to: .init(x: left, y: y(value)), stroke: "#333", classes: "tick")
            guard step % labelStep == 0 else { continue }
            svg.text(
                "\(step * 10)", at: .init(x: x(value), y: plotBottom + labelGap + TextMetrics.ascent(size: type.tick)),
                style: .init(size: type.tick, anchor: .middle), classes: "tick-label")
            svg.text(
                "\(step * 10)", at: .init(x: left - labelGap, y: y(value) + 0.35 * type.tick), style: .init(size: type.tick, anchor: .end),
                classes: "tick-label")
        }
        svg.rectangle(at: .init(x: left, y: top), width: plotWidth, height: plotHeight, fill: "none", stroke: "#333", classes: "frame")
        svg.text(
            "Pretest probability (%)", at: .init(x: left + plotWidth / 2, y: axisTitleBaseline), style: .init(size: type.text, anchor: .middle, bold: true),
            classes: "axis-title")
        svg.verticalText(
            "Post-test probability (%)", at: .init(x: margin + TextMetrics.ascent(size: type.text), y: top + plotHeight / 2), size: type.text, bold: true)

        // Reference lines: LR 1 (thin solid grey diagonal) and the gate's thresholds (dark dashes), values right of the plot.
        svg.line(from: .init(x: x(0), y: y(0)), to: .init(x: x(1), y: y(1)), stroke: Self.diagonalColour, width: 1.4, classes: "diagonal")
        if let thresholds {
            for value in [thresholds.upper, thresholds.lower] {
                svg.line(
                    from: .init(x: left, y: y(value)), to: .init(x: left + plotWidth, y: y(value)), stroke: Self.thresholdColour, width: 1.4,
                    dash: Self.thresholdDash, classes: "threshold")
                svg.text(
                    NumberText.percent(.finite(value)), at: .init(x: left + plotWidth + 0.4 * type.tick, y: y(value) + 0.35 * type.tick),
                    style: .init(size: type.tick, fill: Self.thresholdColour), classes: "threshold-label")
            }
        }

        // Values at the marked pretest probability: placed first, so that no series marker is drawn under them.
        var occupied: [(x: ClosedRange<Double>, y: ClosedRange<Double>)] = []
        var markerLabels: [(text: String, colour: String, x: Double, y: Double, anchor: SVGDocument.Anchor)] = []
        if let marker {
            let wishes = marker.cells.map { y($0.posttest.estimate.finiteValue ?? 0.5) + 0.35 * type.text }
            let placed = LabelPlacement.spread(
                wishes, gap: 1.25 * type.text, lower: top + TextMetrics.ascent(size: type.text), upper: plotBottom - 0.3 * type.text)
            let onLeft = marker.pretest > 0.75
            let labelX = x(marker.pretest) + (onLeft ? -1 : 1) * (type.markerRadius + 0.5 * type.text)
            for (index, cell) in marker.cells.enumerated() where cell.posttest.estimate.finiteValue != nil {
                let text = NumberText.percents([cell.posttest.estimate])[0]
                let textWidth = TextMetrics.width(text, size: type.text, bold: true)
                let span = onLeft ? (labelX - textWidth)...labelX : labelX...(labelX + textWidth)
                occupied.append((span, (placed[index] - TextMetrics.ascent(size: type.text))...(placed[index] + TextMetrics.descent(size: type.text))))
                markerLabels.append((text, PicturePalette.colour(index), labelX, placed[index], onLeft ? .end : .start))
            }
        }

        // Ribbons (with edges in the series' dash pattern), then dependence ranges (dots), then estimates on top.
        svg.beginGroup(clippedTo: (.init(x: left, y: top), plotWidth, plotHeight))
        for (index, series) in series.enumerated() where series.likelihoodRatio.lower != series.likelihoodRatio.upper {
            let style = PicturePalette.style(index)
            let points = series.points.filter { $0.posttest.lower.finiteValue != nil && $0.posttest.upper.finiteValue != nil }
            let upper = points.map { SVGDocument.Point(x: x($0.pretest), y: y($0.posttest.upper.finiteValue!)) }
            let lower = points.map { SVGDocument.Point(x: x($0.pretest), y: y($0.posttest.lower.finiteValue!)) }
            svg.polygon(upper + lower.reversed(), fill: style.colour, opacity: self.series.count > 2 ? 0.1 : 0.14, classes: "ribbon series-\(index)")
            for edge in [upper, lower] {
                svg.polyline(edge, stroke: style.colour, width: max(0.8, 0.35 * type.lineWidth), opacity: 0.7, classes: "ribbon-edge series-\(index)")
            }
        }
        if drawsDependenceRange {
            for (index, series) in series.enumerated() where series.points.contains(where: { $0.dependence != nil }) {
                for bound in [\ProbabilityTableCell.DependenceRange.posttestLower, \.posttestUpper] {
                    let points = series.points.compactMap { point -> SVGDocument.Point? in
                        guard let value = point.dependence?[keyPath: bound].finiteValue else { return nil }
                        return .init(x: x(point.pretest), y: y(value))
                    }
                    let dotWidth = max(1.4, 0.6 * type.lineWidth)
                    svg.polyline(
                        points, stroke: PicturePalette.colour(index), width: dotWidth, dash: "0 \(SVGDocument.number(2.6 * dotWidth))", roundCaps: true,
                        classes: "dependence series-\(index)")
                }
            }
        }
        for (index, series) in series.enumerated() {
            let style = PicturePalette.style(index)
            let points = series.points.compactMap { point in point.posttest.estimate.finiteValue.map { SVGDocument.Point(x: x(point.pretest), y: y($0)) } }
            svg.polyline(points, stroke: style.colour, width: type.lineWidth, dash: style.dash(width: type.lineWidth), classes: "estimate series-\(index)")
        }
        svg.endGroup()

        // Markers along each curve, staggered between series so that curves lying on each other still show both shapes.
        let perCurve = 4
        for (index, series) in series.enumerated() {
            let style = PicturePalette.style(index)
            for slot in 0..<perCurve {
                let pretest = (Double(slot) + (Double(index) + 0.5) / Double(self.series.count)) / Double(perCurve)
                guard let value = Self.estimate(series, at: pretest) else { continue }
                let centre = SVGDocument.Point(x: x(pretest), y: y(value))
                let reach = 1.25 * type.markerRadius
                let clear = occupied.allSatisfy { box in
                    !(box.x.overlaps((centre.x - reach)...(centre.x + reach)) && box.y.overlaps((centre.y - reach)...(centre.y + reach)))
                }
                guard clear, centre.y >= top, centre.y <= plotBottom else { continue }
                svg.marker(style.marker, at: centre, radius: type.markerRadius, fill: style.colour, classes: "series-\(index)")
            }
        }

        if let marker {
            svg.line(
                from: .init(x: x(marker.pretest), y: top), to: .init(x: x(marker.pretest), y: plotBottom), stroke: "#111", width: 1.2, dash: "1 3",
                classes: "pretest-marker")
            let text = "pretest \(marker.label)"
            let textWidth = TextMetrics.width(text, size: type.tick, bold: true)
            let centre = min(left + plotWidth - textWidth / 2, max(left + textWidth / 2, x(marker.pretest)))
            svg.text(
                text, at: .init(x: centre, y: top - 1.2 * type.markerRadius - TextMetrics.descent(size: type.tick)),
                style: .init(size: type.tick, anchor: .middle, bold: true), classes: "marker-label")
            for (index, cell) in marker.cells.enumerated() {
                guard let value = cell.posttest.estimate.finiteValue else { continue }
                let style = PicturePalette.style(index)
                svg.marker(
                    style.marker, at: .init(x: x(marker.pretest), y: y(value)), radius: type.markerRadius, fill: style.colour,
                    classes: "series-\(index) at-pretest")
            }
            for label in markerLabels {
                svg.text(
                    label.text, at: .init(x: label.x, y: label.y),
                    style: .init(size: type.text, anchor: label.anchor, bold: true, fill: label.colour, halo: true),
                    classes: "value-label")
            }
        }

        svg.legend(legendLayout, left: legendLeft, top: legendTop, typography: type)
        svg.footer(footer, left: margin, top: footerTop, typography: type)
        return svg.rendered(xmlDeclaration: xmlDeclaration)
    }

    /// The estimate of `series` at `pretest`, interpolated between samples.
    static func estimate(_ series: Series, at pretest: Double) -> Double? {
        guard let after = series.points.firstIndex(where: { $0.pretest >= pretest }) else { return nil }
        let high = series.points[after]
        guard after > 0, let highValue = high.posttest.estimate.finiteValue else { return high.posttest.estimate.finiteValue }
        let low = series.points[after - 1]
        guard let lowValue = low.posttest.estimate.finiteValue, high.pretest > low.pretest else { return highValue }
        let fraction = (pretest - low.pretest) / (high.pretest - low.pretest)
        return lowValue + fraction * (highValue - lowValue)
    }
}
