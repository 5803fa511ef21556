import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Post-test probability from a pretest probability and a likelihood ratio.
///
/// post-test odds = π/(1 − π) × LR,  p = odds / (1 + odds).
///
/// From a 2×2 table the interval is Mercaldo's standard logit interval,
/// expit(logit π + ln LR ± z·SE(ln LR)) with Simel's SE; it is the log-method
/// LR interval carried through the odds transform. When a cell that the
/// result's LR needs is zero, the adjusted logit interval is used (Se and Sp
/// replaced by (a + z²/2)/(n₁ + z²) and (d + z²/2)/(n₀ + z²), n₁ and n₀ by
/// n₁ + z² and n₀ + z²), while the point estimate stays the unadjusted one;
/// a limit is widened to include the estimate if needed, and noted.
///
/// ```swift
/// // Closed-fist percussion positive at the Langdon prevalence of 61.5 %.
/// let table = try TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27)
/// let post = try PostTestProbability.from(pretest: 0.615, table: table, result: .positive)
/// post.estimate   // .finite(0.9332...)
/// ```
///
/// Mercaldo ND, Lau KF, Zhou XH. Confidence intervals for predictive values
/// with an emphasis to case–control studies. Stat Med 2007;26:2170–2183.
public enum PostTestProbability {
    /// How the interval of a post-test probability from a table is formed.
    public enum IntervalMethod: String, Sendable, CaseIterable, Hashable {
        /// Mercaldo's standard logit interval, switching to the adjusted logit
        /// interval when a needed cell is zero (the default).
        case logit
        /// Mercaldo's adjusted logit interval, always.
        case adjustedLogit = "adjusted-logit"
        /// The Koopman score interval of the LR carried through the odds transform.
        case koopman

        /// The post-test interval that goes with a likelihood-ratio interval
        /// method: Koopman's for Koopman, Mercaldo's logit for the log method.
        public init(matching ratioMethod: RatioIntervalMethod) {
            self = ratioMethod == .koopman ? .koopman : .logit
        }
    }

    /// The point post-test probability; `.undefined` when the LR is.
    ///
    /// Example: π = 0.05 with LR+ = 5.9333 gives 0.2379679 (epiR
    /// `epi.nomogram` documentation).
    public static func estimate(pretest: Double, likelihoodRatio: ExtendedValue) throws(StatisticsError) -> ExtendedValue {
        try checkPretest(pretest)
        switch likelihoodRatio {
        case .undefined: return .undefined
        case .unbounded: return .finite(pretest == 0 ? 0 : 1)
        case .finite(let ratio):
            guard ratio >= 0 else { throw .invalidLikelihoodRatio(ratio) }
            return .finite(transform(pretest: pretest, ratio: ratio))
        }
    }

    /// Carries an LR and its interval through the odds transform (the map is
    /// increasing, so the limits map to limits; an unbounded LR limit gives 1).
    public static func from(pretest: Double, likelihoodRatio: IntervalEstimate) throws(StatisticsError) -> IntervalEstimate {
        try checkPretest(pretest)
        var notes = likelihoodRatio.notes
        if pretest == 0 || pretest == 1 {
            notes.append("A pretest probability of \(pretest == 0 ? 0 : 1) leaves no room for a test result to change it.")
        }
        return IntervalEstimate(
            estimate: try estimate(pretest: pretest, likelihoodRatio: likelihoodRatio.estimate),
            lower: try estimate(pretest: pretest, likelihoodRatio: likelihoodRatio.lower),
            upper: try estimate(pretest: pretest, likelihoodRatio: likelihoodRatio.upper),
            level: likelihoodRatio.level, method: likelihoodRatio.method, notes: notes)
    }

    /// The post-test probability of the condition after `result` on a test
    /// described by `table`, with Mercaldo's interval.
    public static func from(
        pretest: Double,
        table: TwoByTwoTable,
        result: TestResult,
        method: IntervalMethod = .logit,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws(StatisticsError) -> IntervalEstimate {
        try checkPretest(pretest)
        if method == .koopman {
            return try from(pretest: pretest, likelihoodRatio: LikelihoodRatio.of(result, on: table, method: .koopman, level: level))
        }
        guard table.withCondition > 0, table.withoutCondition > 0 else {
            return IntervalEstimate(
                estimate: .undefined, lower: .finite(0), upper: .finite(1), level: level, method: DxStats.IntervalMethod(method),
                notes: ["Not estimable: the table needs patients with and without the condition."])
        }
        let rawRatio =
            result == .positive
            ? ProportionRatio(
                numerator: try Proportion(successes: table.truePositives, trials: table.withCondition),
                denominator: try Proportion(successes: table.falsePositives, trials: table.withoutCondition))
            : ProportionRatio(
                numerator: try Proportion(successes: table.falseNegatives, trials: table.withCondition),
                denominator: try Proportion(successes: table.trueNegatives, trials: table.withoutCondition))
        let pointEstimate = try estimate(pretest: pretest, likelihoodRatio: rawRatio.estimate)
        if pretest == 0 || pretest == 1 {
            return IntervalEstimate(
                estimate: .finite(pretest), lower: .finite(pretest), upper: .finite(pretest), level: level,
                method: DxStats.IntervalMethod(method),
                notes: ["A pretest probability of \(pretest == 0 ? 0 : 1) leaves no room for a test result to change it."])
        }
        var notes: [String] = []
        let useAdjusted = method == .adjustedLogit || !rawRatio.logMethodIsDefined
        let usedMethod: IntervalMethod = useAdjusted ? .adjustedLogit : .logit
        if useAdjusted && method == .logit {
            let zeros = table.zeroCells.map { "\($0) = 0" }.joined(separator: ", ")
            notes.append("Zero cell (\(zeros)): the adjusted logit interval (Mercaldo 2007) is used; the estimate is unadjusted.")
        }
        let (logRatio, standardError) = logLikelihoodRatio(table: table, result: result, adjusted: useAdjusted, z: level.z)
        let centre = logit(pretest) + logRatio
        var lower = expit(centre - level.z * standardError)
        var upper = expit(centre + level.z * standardError)
        if let point = pointEstimate.finiteValue, point < lower || point > upper {
            lower = Swift.min(lower, point)
            upper = Swift.max(upper, point)
            notes.append("One limit was widened to include the unadjusted estimate, which the zero cell puts at the boundary.")
        }
        return IntervalEstimate(
            estimate: pointEstimate, lower: .finite(lower), upper: .finite(upper), level: level,
            method: DxStats.IntervalMethod(usedMethod), notes: notes)
    }

    /// Positive and negative predictive values at a prevalence other than the
    /// study's: PPV(π) = Se·π / (Se·π + (1 − Sp)(1 − π)) is the post-test
    /// probability after a positive result; NPV(π) = 1 − the post-test
    /// probability after a negative one, with the same intervals.
    ///
    /// Example: 670/202/74/640 at π = 0.10 gives PPV 0.2943 (0.2695 – 0.3204)
    /// and NPV 0.98567 (0.98221 – 0.98846) (validation V1).
    public static func predictiveValues(
        of table: TwoByTwoTable,
        prevalence: Double,
        method: IntervalMethod = .logit,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws(StatisticsError) -> (positive: IntervalEstimate, negative: IntervalEstimate) {
        let positive = try from(pretest: prevalence, table: table, result: .positive, method: method, level: level)
        let afterNegative = try from(pretest: prevalence, table: table, result: .negative, method: method, level: level)
        func complement(_ value: ExtendedValue) -> ExtendedValue {
            if case .finite(let number) = value { return .finite(1 - number) }
            return value
        }
        let negative = IntervalEstimate(
            estimate: complement(afterNegative.estimate), lower: complement(afterNegative.upper),
            upper: complement(afterNegative.lower), level: level, method: afterNegative.method,
            notes: afterNegative.notes)
        return (positive, negative)
    }

    // MARK: Pieces

    private static func checkPretest(_ pretest: Double) throws(StatisticsError) {
        guard pretest.isFinite, pretest >= 0, pretest <= 1 else {
            throw .probabilityOutOfRange(name: "pretest probability", value: pretest)
        }
    }

    /// π·LR / (π·LR + 1 − π), written to stay exact at π ∈ {0, 1}; an
    /// infinite LR gives 1 (or 0 when π = 0).
    static func transform(pretest: Double, ratio: Double) -> Double {
        if ratio == .infinity { return pretest > 0 ? 1 : 0 }
        let numerator = pretest * ratio
        let denominator = numerator + (1 - pretest)
        return denominator == 0 ? pretest : numerator / denominator
    }

    /// ln LR and its standard error for Mercaldo's (adjusted) logit interval.
    private static func logLikelihoodRatio(table: TwoByTwoTable, result: TestResult, adjusted: Bool, z: Double)
        -> (logRatio: Double, standardError: Double)
    {
        let shift = adjusted ? z * z : 0
        let withCondition = Double(table.withCondition) + shift
        let withoutCondition = Double(table.withoutCondition) + shift
        let sensitivity = (Double(table.truePositives) + shift / 2) / withCondition
        let specificity = (Double(table.trueNegatives) + shift / 2) / withoutCondition
        switch result {
        case .positive:
            let variance = (1 - sensitivity) / (withCondition * sensitivity) + specificity / (withoutCondition * (1 - specificity))
            return (log(sensitivity) - log(1 - specificity), variance.squareRoot())
        case .negative:
            let variance = sensitivity / (withCondition * (1 - sensitivity)) + (1 - specificity) / (withoutCondition * specificity)
            return (log(1 - sensitivity) - log(specificity), variance.squareRoot())
        }
    }

    private static func logit(_ p: Double) -> Double { log(p) - log1p(-p) }
    private static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
