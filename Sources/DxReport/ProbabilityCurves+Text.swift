import DxEvidence
import DxStats

/// The words of the probability curves: title, legend and footer.
extension ProbabilityCurves {
    /// "Post-test by pretest probability: Closed-fist percussion sign (Langdon 2010/2011)".
    var fullTitle: String { subject.map { "\(title): \($0)" } ?? title }

    /// What the curves show, naming the target: "P(acute fracture on MRI
    /// among …) after each result, with its 95 % CI (ribbon)"; in print
    /// without the target (the handout names it).
    func subtitle(_ size: PictureSize = .screen) -> String {
        guard size != .print else { return "" }
        let probability = target.map { "P(\($0.description))" } ?? "The post-test probability"
        return hasRibbons
            ? "\(probability) after each result, with its \(NumberText.level(level)) confidence interval (ribbon)"
            : "\(probability) for each likelihood ratio"
    }

    var summary: String {
        series.map { "\($0.title): likelihood ratio \(NumberText.significant($0.likelihoodRatio.estimate))." }.joined(separator: " ")
    }

    /// Whether any curve has an interval of some width.
    var hasRibbons: Bool { series.contains { $0.likelihoodRatio.lower != $0.likelihoodRatio.upper } }

    /// Whether any curve carries a dependence range to draw.
    var drawsDependenceRange: Bool { showsDependenceRange && series.contains { $0.points.contains { $0.dependence != nil } } }

    /// Whether any curve combines several signs.
    var combinesSigns: Bool { series.contains { $0.points.first?.dependence != nil } }

    /// The legend: every series with its full title, then what the other lines mean.
    var legendEntries: [PictureLegendEntry] {
        var entries: [PictureLegendEntry] = []
        for (index, series) in series.enumerated() {
            let ratio = series.likelihoodRatio
            let interval =
                ratio.lower == ratio.upper
                ? ""
                : " (\(NumberText.level(level)) CI \(NumberText.significant(ratio.lower))–\(NumberText.significant(ratio.upper)))"
            let lines =
                series.title.hasPrefix("LR ") && series.title == series.label
                ? [series.title + interval] : [legendTitle(series), "LR \(NumberText.significant(ratio.estimate))" + interval]
            entries.append(PictureLegendEntry(swatch: .series(PicturePalette.style(index), index: index), lines: lines))
        }
        if hasRibbons {
            entries.append(
                PictureLegendEntry(
                    swatch: .band(PicturePalette.SeriesStyle(colour: "#777", dash: nil, marker: .circle), index: -1),
                    lines: ["Ribbon: the likelihood ratio's \(NumberText.level(level)) interval carried through the odds, as dxkit posttest computes it."],
                    explanatory: true))
        }
        if drawsDependenceRange {
            entries.append(
                PictureLegendEntry(
                    swatch: .dots(colour: "#555"),
                    lines: ["Dotted: the range the unknown dependence between the signs allows (Fréchet bounds)."]))
        }
        if let thresholds {
            entries.append(
                PictureLegendEntry(
                    swatch: .line(colour: Self.thresholdColour, width: 1.4, dash: Self.thresholdDash),
                    lines: [
                        "Dashed: the gate's policy thresholds, \(NumberText.percent(.finite(thresholds.lower))) and \(NumberText.percent(.finite(thresholds.upper))); "
                            + "the gate classifies the interval, not the estimate."
                    ], explanatory: true))
        }
        entries.append(
            PictureLegendEntry(
                swatch: .line(colour: Self.diagonalColour, width: 1.4, dash: nil), lines: ["Grey diagonal: LR 1, a result that changes nothing."],
                explanatory: true))
        return entries
    }

    /// A series' title for the legend, without a citation the title already gives.
    func legendTitle(_ series: Series) -> String {
        guard let subject, subject.hasSuffix(")"), let open = subject.lastIndex(of: "(") else { return series.title }
        return series.title.replacing(" " + subject[open...], with: "")
    }

    /// The small print: the formula on screen, the disclaimer on screen and projector.
    func footerLines(size: PictureSize) -> [String] {
        switch size {
        case .screen:
            return [
                "post = π·LR / (π·LR + 1 − π), as dxkit posttest computes it"
                    + (combinesSigns ? "; the curves of several signs multiply their likelihood ratios as if independent." : "."),
                Disclaimer.text,
            ]
        case .print: return []
        case .projector: return [Disclaimer.text]
        }
    }
}
