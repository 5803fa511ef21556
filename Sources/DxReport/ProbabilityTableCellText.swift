import DxStats

/// A cell as short pieces of text for people (text, Markdown, HTML, LaTeX):
/// "78.9 % (56.0–91.7 %)", "range 94.3–100.0 %", "MC 90.1–99.9 %",
/// "LIKELY (gate 93.0–100.0 %)", "263 of 333". Numbers are rounded as
/// `dxkit posttest` rounds them (one decimal), except that a probability
/// other than 0 or 1 never reads "0.0 %" or "100.0 %" (`NumberText.percents`).
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

    /// "78.9 % (56.0–91.7 %)", or "78.9 %" when the interval has no width;
    /// near 0 and 1 with the decimals that keep the numbers apart
    /// ("99.95 % (99.72–99.99 %)", never "100.0 % (99.7–100.0 %)").
    static func interval(_ value: IntervalEstimate) -> String {
        guard value.estimate.finiteValue != nil else { return NumberText.percent(value.estimate) }
        if value.lower == value.upper && value.upper == value.estimate { return NumberText.percents([value.estimate])[0] }
        let texts = NumberText.percents([value.estimate, value.lower, value.upper])
        return "\(texts[0]) (\(joined(texts[1], texts[2])))"
    }

    /// "56.0–91.7 %", with the decimals `NumberText.percents` chooses.
    static func span(_ lower: ExtendedValue, _ upper: ExtendedValue) -> String {
        let texts = NumberText.percents([lower, upper])
        return joined(texts[0], texts[1])
    }

    /// "56.0" and "91.7 %" as "56.0–91.7 %"; a bound such as "> 99.99 %" keeps its words ("99.90 % to > 99.99 %").
    private static func joined(_ lower: String, _ upper: String) -> String {
        if lower.hasPrefix("<") || lower.hasPrefix(">") || upper.hasPrefix("<") || upper.hasPrefix(">") { return "\(lower) to \(upper)" }
        return (lower.hasSuffix(" %") ? String(lower.dropLast(2)) : lower) + "–" + upper
    }

    /// The widest text each part of a cell of `column` can have, for
    /// aligning columns before the cells are computed: an interval with two
    /// decimals near 1, the longest classification, N of N.
    static func widestParts(_ column: ProbabilityTableColumn, contents: ProbabilityTable.Contents, population: Int) -> [String] {
        let hasInterval = column.likelihoodRatio.lower != column.likelihoodRatio.upper || !column.findings.isEmpty
        let widestInterval = hasInterval ? "99.95 % (99.72–99.99 %)" : "99.95 %"
        let widestSpan = "99.72–99.99 %"
        var parts = [widestInterval]
        if contents.contains(.dependenceRange) && column.findings.count > 1 { parts.append("range " + widestSpan) }
        if !column.findings.isEmpty {
            if contents.contains(.monteCarlo) { parts.append("MC " + widestSpan) }
            if contents.contains(.gate) { parts.append("INDETERMINATE (gate \(widestSpan))") }
        }
        if contents.contains(.naturalFrequencies) { parts.append("\(population) of \(population)") }
        return parts
    }
}
