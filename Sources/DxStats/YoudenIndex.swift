/// Youden's index J = Se + Sp − 1 with a Wald interval.
///
/// SE(J) = √(Se(1 − Se)/n₁ + Sp(1 − Sp)/n₀) (epibasix); limits clipped to
/// [−1, 1]. epiR instead combines the Se and Sp bounds, and DiagnosisMed's
/// interval is inverted (statistics.md §5); neither is reproduced here.
/// Example: 42/3/6/27 gives J = 0.775.
///
/// Youden WJ. Index for rating diagnostic tests. Cancer 1950;3:32–35.
public enum YoudenIndex {
    public static func of(_ table: TwoByTwoTable, level: ConfidenceLevel = .ninetyFivePercent) -> IntervalEstimate {
        guard table.withCondition > 0, table.withoutCondition > 0 else {
            return IntervalEstimate(
                estimate: .undefined, lower: .finite(-1), upper: .finite(1), level: level, method: .wald,
                notes: ["Not estimable: the table needs patients with and without the condition."])
        }
        let n1 = Double(table.withCondition), n0 = Double(table.withoutCondition)
        let sensitivity = Double(table.truePositives) / n1
        let specificity = Double(table.trueNegatives) / n0
        let index = sensitivity + specificity - 1
        let standardError = (sensitivity * (1 - sensitivity) / n1 + specificity * (1 - specificity) / n0).squareRoot()
        var notes: [String] = []
        if standardError == 0 {
            notes.append("Sensitivity and specificity are each 0 or 1, so the Wald interval has zero width.")
        }
        return IntervalEstimate(
            estimate: .finite(index),
            lower: .finite(Swift.max(-1, index - level.z * standardError)),
            upper: .finite(Swift.min(1, index + level.z * standardError)),
            level: level, method: .wald, notes: notes)
    }
}
