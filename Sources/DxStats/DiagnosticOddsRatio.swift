import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The diagnostic odds ratio DOR = ad / (bc) with Woolf's logit interval.
///
/// SE(ln DOR) = √(1/a + 1/b + 1/c + 1/d);  CI = exp(ln DOR ± z·SE).
/// With a zero cell ½ is added to every cell (Haldane–Anscombe) and the note
/// says so; the estimate is then the corrected one.
/// Example: 670/202/74/640 gives 28.686 (21.518 – 38.242) (epiR, validation V1).
///
/// Woolf B. On estimating the relation between blood group and disease.
/// Ann Hum Genet 1955;19:251–253. Glas AS et al. J Clin Epidemiol 2003;56:1129–1135.
public enum DiagnosticOddsRatio {
    public static func of(_ table: TwoByTwoTable, level: ConfidenceLevel = .ninetyFivePercent) -> IntervalEstimate {
        guard table.withCondition > 0, table.withoutCondition > 0 else {
            return IntervalEstimate(
                estimate: .undefined, lower: .finite(0), upper: .unbounded, level: level, method: .woolf,
                notes: ["Not estimable: the table needs patients with and without the condition."])
        }
        var cells = [table.truePositives, table.falsePositives, table.falseNegatives, table.trueNegatives].map(Double.init)
        var notes: [String] = []
        var method = IntervalMethod.woolf
        if cells.contains(0) {
            cells = cells.map { $0 + 0.5 }
            method = .woolfAddHalf
            notes.append(
                "Zero cell (\(table.zeroCells.map { "\($0) = 0" }.joined(separator: ", "))): 0.5 was added to every cell; the estimate is the corrected one.")
        }
        let (a, b, c, d) = (cells[0], cells[1], cells[2], cells[3])
        let logRatio = log(a) + log(d) - log(b) - log(c)
        let standardError = (1 / a + 1 / b + 1 / c + 1 / d).squareRoot()
        return IntervalEstimate(
            estimate: .finite((a * d) / (b * c)),
            lower: .finite(exp(logRatio - level.z * standardError)),
            upper: .finite(exp(logRatio + level.z * standardError)),
            level: level, method: method, notes: notes)
    }
}
