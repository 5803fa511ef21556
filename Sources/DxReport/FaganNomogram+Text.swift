import DxEvidence
import DxStats

/// The words of a Fagan nomogram: its title (the signs and the pretest
/// probability), the legend and the footer.
extension FaganNomogram {
    /// "Fagan nomogram: Closed-fist percussion sign (Langdon 2010/2011)".
    var title: String {
        let kind = secondStep == nil ? "Fagan nomogram" : "Fagan nomogram in two steps"
        return subject.map { "\(kind): \($0)" } ?? kind
    }

    /// What the probabilities are about and where they start: "P(acute
    /// fracture on MRI among …) from a pretest probability of 30.0 %"; in
    /// print only the pretest probability (the handout names the target).
    func subtitle(_ size: PictureSize = .screen) -> String {
        let probability = target.map { "P(\($0.description))" } ?? "Post-test probability"
        return size == .print ? "From a pretest probability of \(pretestText)" : "\(probability) from a pretest probability of \(pretestDescription)"
    }

    var summary: String {
        var parts = [subtitle() + "."]
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

    /// "78.9 % (56.0–91.7 %)", or just "78.9 %" without an interval; near 0
    /// and 1 with the decimals that keep the numbers apart.
    static func intervalText(_ value: IntervalEstimate) -> String {
        ProbabilityTableCellText.interval(value)
    }

    /// "56.0–91.7 %".
    static func rangeText(_ lower: ExtendedValue, _ upper: ExtendedValue) -> String {
        ProbabilityTableCellText.span(lower, upper)
    }

    private func ratioText(_ ratio: IntervalEstimate) -> String {
        let estimate = "LR \(NumberText.significant(ratio.estimate))"
        if ratio.lower == ratio.upper { return estimate + " (no interval given)" }
        return estimate + " (\(levelText) CI \(NumberText.significant(ratio.lower))–\(NumberText.significant(ratio.upper)))"
    }

    /// The pretest probability as a label: "30.0 %".
    var pretestText: String { NumberText.percents([.finite(pretest)])[0] }

    /// A line's label for the legend, without a citation the title already gives:
    /// "Closed-fist percussion sign: positive" under a title ending "(Langdon 2010/2011)".
    func legendLabel(_ line: Line) -> String {
        guard let subject, subject.hasSuffix(")"), let open = subject.lastIndex(of: "(") else { return line.label }
        let citation = " " + subject[open...]
        return line.label.replacing(citation, with: "")
    }

    /// The legend, entry by entry; series `i` is line `i` (two steps: step 1, step 2).
    var legendEntries: [PictureLegendEntry] {
        let allLines = lines + (secondStep.map { [$0.line] } ?? [])
        var entries: [PictureLegendEntry] = []
        if let secondStep, let first = lines.first {
            entries.append(
                PictureLegendEntry(
                    swatch: .series(PicturePalette.style(0), index: 0),
                    lines: ["Step 1: \(legendLabel(first))", "\(ratioText(first.likelihoodRatio)): \(pretestText) → \(Self.intervalText(first.posttest))"]))
            let intermediate = NumberText.percents([first.posttest.estimate])[0]
            entries.append(
                PictureLegendEntry(
                    swatch: .series(PicturePalette.style(1), index: 1),
                    lines: [
                        "Step 2: \(legendLabel(secondStep.line))",
                        "\(ratioText(secondStep.line.likelihoodRatio)): from step 1's \(intermediate) → \(Self.intervalText(secondStep.line.posttest))",
                    ]))
            entries.append(
                PictureLegendEntry(
                    swatch: .bar(colour: PicturePalette.colour(0)),
                    lines: ["Bars between the steps: step 1's interval, carried to step 2's pretest axis; step 2's wedge starts from its estimate."],
                    explanatory: true))
            entries.append(
                PictureLegendEntry(
                    swatch: .bar(colour: "#222"),
                    lines: [
                        "Both signs, if independent (black bar): \(Self.intervalText(secondStep.combined))",
                        "Wider than step 2's interval because it carries the uncertainty of both likelihood ratios (the \(levelText) CI of their product, "
                            + "as dxkit posttest reports it), while step 2 treats step 1's estimate as if it were certain.",
                    ]))
            if let lower = secondStep.dependenceLower, let upper = secondStep.dependenceUpper {
                entries.append(
                    PictureLegendEntry(
                        swatch: .bracket(colour: "#555"),
                        lines: [
                            "Dependence unknown (dashed bracket): \(Self.rangeText(lower, upper))",
                            "The post-test probabilities the two 2×2 tables allow when the signs' errors are correlated (Fréchet bounds).",
                        ]))
            }
        } else {
            for (index, line) in lines.enumerated() {
                let numbers = "\(ratioText(line.likelihoodRatio)): \(pretestText) → \(Self.intervalText(line.posttest))"
                // A given likelihood ratio's label ("LR 8.75") is already the start of its numbers.
                entries.append(
                    PictureLegendEntry(
                        swatch: .series(PicturePalette.style(index), index: index),
                        lines: line.label.hasPrefix("LR ") ? [numbers] : [legendLabel(line), numbers]))
            }
        }
        if let withInterval = allLines.first(where: \.hasInterval) {
            entries.append(
                PictureLegendEntry(
                    swatch: .band(PicturePalette.SeriesStyle(colour: "#777", dash: nil, marker: .circle), index: -1),
                    lines: [
                        "Shaded wedge: the \(levelText) CI of the likelihood ratio (\(withInterval.likelihoodRatio.method.displayName)) "
                            + "carried to the post-test probability; the line is the estimate."
                    ], explanatory: true))
        }
        if allLines.contains(where: { !$0.hasInterval }) {
            entries.append(PictureLegendEntry(swatch: nil, lines: ["A likelihood ratio given without an interval is drawn as a line only."], explanatory: true))
        }
        return entries
    }

    /// The small print under the picture, shorter in print (the handout's
    /// caption explains) and on a projector.
    func footerLines(size: PictureSize) -> [String] {
        let citation = "Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257."
        switch size {
        case .screen:
            return [
                "Probability axes on logit scales (pretest increasing downwards, post-test upwards, as in Fagan's figure); "
                    + "likelihood ratio on a log scale at half the scale, midway, so that logit(post) = logit(pre) + ln LR is a straight line.",
                citation + " " + Disclaimer.text,
            ]
        case .print: return []
        case .projector: return [citation, Disclaimer.text]
        }
    }
}
