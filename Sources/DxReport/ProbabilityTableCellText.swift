import DxStats

/// A cell as short pieces of text for people (text, Markdown, HTML, LaTeX):
/// "78.9 % (56.0–91.7 %)", "range 94.3–100.0 %", "MC 90.1–99.9 %",
/// "ACUTE (gate 93.0–100.0 %)", "263 of 333". Numbers are rounded as
/// `dxkit posttest` rounds them (`NumberText.percent`).
enum ProbabilityTableCellText {
    enum Kind { case estimate, range, monteCarlo, gate, frequency }

    static func parts(_ cell: ProbabilityTableCell, contents: ProbabilityTable.Contents) -> [(kind: Kind, text: String)] {
        var parts: [(kind: Kind, text: String)] = [(.estimate, interval(cell.posttest))]
        if contents.contains(.dependenceRange), let range = cell.dependence {
            parts.append((.range, "range " + span(range.posttestLower, range.posttestUpper)))
        }
        if contents.contains(.monteCarlo), let monteCarlo = cell.monteCarlo {
            parts.append((.monteCarlo, "MC " + span(monteCarlo.lower, monteCarlo.upper)))
        }
        if contents.contains(.gate), let gate = cell.gate {
            parts.append((.gate, "\(gate.classification.words) (gate \(span(.finite(gate.lower), .finite(gate.upper))))"))
        }
        if contents.contains(.naturalFrequencies), let frequency = cell.naturalFrequency {
            parts.append((.frequency, frequency.text))
        }
        return parts
    }

    /// "78.9 % (56.0–91.7 %)", or "78.9 %" when the interval has no width.
    static func interval(_ value: IntervalEstimate) -> String {
        guard value.estimate.finiteValue != nil else { return NumberText.percent(value.estimate) }
        if value.lower == value.upper && value.upper == value.estimate { return NumberText.percent(value.estimate) }
        return "\(NumberText.percent(value.estimate)) (\(span(value.lower, value.upper)))"
    }

    /// "56.0–91.7 %".
    static func span(_ lower: ExtendedValue, _ upper: ExtendedValue) -> String {
        let lowerText = NumberText.percent(lower)
        return (lowerText.hasSuffix(" %") ? String(lowerText.dropLast(2)) : lowerText) + "–" + NumberText.percent(upper)
    }

    /// The widest text each part of a cell of `column` can have, for
    /// aligning columns before the cells are computed: every probability
    /// "100.0 %", the longest gate word, N of N.
    static func widestParts(_ column: ProbabilityTableColumn, contents: ProbabilityTable.Contents, population: Int) -> [String] {
        let full = ExtendedValue.finite(1)
        let hasInterval = column.likelihoodRatio.lower != column.likelihoodRatio.upper || !column.findings.isEmpty
        let posttest = IntervalEstimate(estimate: full, lower: hasInterval ? .finite(0.999) : full, upper: full, level: column.level, method: .given)
        let several = column.findings.count > 1
        let settings: MonteCarloSettings? = column.findings.isEmpty ? nil : .standard
        let cell = ProbabilityTableCell(
            pretest: 1, likelihoodRatio: posttest, posttest: posttest,
            dependence: several
                ? .init(
                    model: .unknown, likelihoodRatioLower: full, likelihoodRatioUpper: full, posttestLower: full,
                    posttestUpper: full, modelLikelihoodRatio: nil) : nil,
            monteCarlo: settings == nil ? nil : posttest, monteCarloSettings: settings,
            gate: settings == nil ? nil : GateDecision(lower: 0.5, upper: 1, thresholds: .standard, intervalMethod: .monteCarlo),
            naturalFrequency: NaturalFrequency(population: population, pretest: 1, probabilityWithCondition: 1, probabilityWithoutCondition: 1))
        return parts(cell, contents: contents).map { part in
            part.kind == .gate ? "INDETERMINATE (gate 100.0–100.0 %)" : part.text.replacingOccurrences(of: "99.9", with: "100.0")
        }
    }
}
