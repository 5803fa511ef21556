/// Likelihood ratios of a 2×2 table with their intervals.
///
/// LR+ = Se / (1 − Sp) = (a/n₁) / (b/n₀);  LR− = (1 − Se) / Sp = (c/n₁) / (d/n₀).
///
/// With the log method and a zero count the log interval is undefined: the
/// result then comes from the Koopman score interval (or, when asked, from the
/// log method on the table with ½ added to every cell), and its `method` and
/// `notes` say so. Limits that are infinite are `.unbounded`.
///
/// ```swift
/// let table = try TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27)
/// let lr = try LikelihoodRatio.positive(of: table)
/// lr.estimate   // .finite(8.75)
/// lr.lower      // .finite(2.97) (log method, Simel 1991)
/// lr.upper      // .finite(25.7)
/// ```
public enum LikelihoodRatio {
    /// LR+ of `table`.
    public static func positive(
        of table: TwoByTwoTable,
        method: RatioIntervalMethod = .log,
        zeroCellFallback: ZeroCellFallback = .koopman,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws(StatisticsError) -> IntervalEstimate {
        try likelihoodRatio(
            table: table, numeratorCell: ("TP", table.truePositives), denominatorCell: ("FP", table.falsePositives),
            method: method, zeroCellFallback: zeroCellFallback, level: level)
    }

    /// LR− of `table`.
    public static func negative(
        of table: TwoByTwoTable,
        method: RatioIntervalMethod = .log,
        zeroCellFallback: ZeroCellFallback = .koopman,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws(StatisticsError) -> IntervalEstimate {
        try likelihoodRatio(
            table: table, numeratorCell: ("FN", table.falseNegatives), denominatorCell: ("TN", table.trueNegatives),
            method: method, zeroCellFallback: zeroCellFallback, level: level)
    }

    /// The likelihood ratio of `result` on `table`: LR+ for a positive result,
    /// LR− for a negative one.
    ///
    /// ```swift
    /// let table = try TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27)
    /// let lr = try LikelihoodRatio.of(.negative, on: table)
    /// lr.estimate   // .finite(0.1388888888888889) (0.125 / 0.9)
    /// ```
    public static func of(
        _ result: TestResult,
        on table: TwoByTwoTable,
        method: RatioIntervalMethod = .log,
        zeroCellFallback: ZeroCellFallback = .koopman,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws(StatisticsError) -> IntervalEstimate {
        switch result {
        case .positive: try positive(of: table, method: method, zeroCellFallback: zeroCellFallback, level: level)
        case .negative: try negative(of: table, method: method, zeroCellFallback: zeroCellFallback, level: level)
        }
    }

    private static func likelihoodRatio(
        table: TwoByTwoTable,
        numeratorCell: (name: String, count: Int),
        denominatorCell: (name: String, count: Int),
        method: RatioIntervalMethod,
        zeroCellFallback: ZeroCellFallback,
        level: ConfidenceLevel
    ) throws(StatisticsError) -> IntervalEstimate {
        guard table.withCondition > 0, table.withoutCondition > 0 else {
            let missing = table.withCondition == 0 ? "with" : "without"
            return IntervalEstimate(
                estimate: .undefined, lower: .finite(0), upper: .unbounded, level: level, method: IntervalMethod(method),
                notes: ["Not estimable: the table has no patients \(missing) the condition."])
        }
        let ratio = ProportionRatio(
            numerator: try Proportion(successes: numeratorCell.count, trials: table.withCondition),
            denominator: try Proportion(successes: denominatorCell.count, trials: table.withoutCondition))
        switch method {
        case .koopman:
            return try ratio.koopmanInterval(level: level)
        case .log:
            if let interval = ratio.logInterval(level: level) { return interval }
            let zeros = [numeratorCell, denominatorCell].filter { $0.count == 0 }
                .map { "\($0.name) = 0" }.joined(separator: " and ")
            switch zeroCellFallback {
            case .koopman:
                var interval = try ratio.koopmanInterval(level: level)
                interval.notes.append("Zero cell (\(zeros)): the log interval is undefined, so the Koopman score interval is used.")
                return interval
            case .addHalf:
                let (lower, estimate, upper) = LogRatioInterval.limits(
                    x1: Double(numeratorCell.count) + 0.5, n1: Double(table.withCondition) + 1,
                    x2: Double(denominatorCell.count) + 0.5, n2: Double(table.withoutCondition) + 1, z: level.z)
                return IntervalEstimate(
                    estimate: .finite(estimate), lower: .finite(lower), upper: .finite(upper), level: level,
                    method: .logAddHalf,
                    notes: ["Zero cell (\(zeros)): 0.5 was added to every cell; the estimate is the corrected one (uncorrected: \(ratio.estimate))."])
            }
        }
    }
}
