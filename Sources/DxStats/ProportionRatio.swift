/// The ratio of two independent binomial proportions R = (x₁/n₁) / (x₂/n₂).
///
/// A likelihood ratio is one: LR+ = (TP/n₁) / (FP/n₀) and
/// LR− = (FN/n₁) / (TN/n₀). So is a risk ratio.
///
/// ```swift
/// let lrPositive = ProportionRatio(numerator: try Proportion(successes: 42, trials: 48),
///                                  denominator: try Proportion(successes: 3, trials: 30))
/// lrPositive.estimate                                             // .finite(8.75)
/// lrPositive.logInterval(level: .ninetyFivePercent)?.lower        // .finite(2.97) (Simel 1991)
/// lrPositive.logInterval(level: .ninetyFivePercent)?.upper        // .finite(25.7)
/// ```
public struct ProportionRatio: Sendable, Hashable {
    /// x₁ / n₁.
    public let numerator: Proportion
    /// x₂ / n₂.
    public let denominator: Proportion

    public init(numerator: Proportion, denominator: Proportion) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// R = p₁ / p₂: `.unbounded` when only x₂ = 0, `.undefined` when both are 0.
    public var estimate: ExtendedValue {
        let x1 = numerator.successes, x2 = denominator.successes
        switch (x1, x2) {
        case (0, 0): return .undefined
        case (_, 0): return .unbounded
        // (x₁·n₂)/(n₁·x₂) in one division keeps 42·30/(48·3) = 8.75 exact.
        default:
            return .finite((Double(x1) * Double(denominator.trials)) / (Double(numerator.trials) * Double(x2)))
        }
    }

    /// Whether the log method is defined (both counts positive).
    public var logMethodIsDefined: Bool {
        numerator.successes > 0 && denominator.successes > 0
    }

    /// The log-method interval, or `nil` when a count is zero.
    ///
    /// SE(ln R) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂);  CI = exp(ln R ± z·SE).
    /// Example: 10/75 over 12/225 gives 2.5 (1.1262 – 5.5499), scipy's
    /// `relative_risk` documentation example.
    ///
    /// Simel DL, Samsa GP, Matchar DB. Likelihood ratios with confidence:
    /// sample size estimation for diagnostic test studies. J Clin Epidemiol
    /// 1991;44:763–770. Katz D et al. Biometrics 1978;34:469–474.
    public func logInterval(level: ConfidenceLevel = .ninetyFivePercent) -> IntervalEstimate? {
        guard logMethodIsDefined else { return nil }
        let (lower, _, upper) = LogRatioInterval.limits(
            x1: Double(numerator.successes), n1: Double(numerator.trials),
            x2: Double(denominator.successes), n2: Double(denominator.trials), z: level.z)
        return IntervalEstimate(
            estimate: estimate, lower: .finite(lower), upper: .finite(upper),
            level: level, method: .log)
    }

    /// The Koopman score interval, defined for every count.
    ///
    /// {φ : U(φ) ≤ χ²₁,₁₋α} with
    /// U(φ) = (x₁ − n₁p̃₁)²/(n₁p̃₁(1 − p̃₁)) + (x₂ − n₂p̃₂)²/(n₂p̃₂(1 − p̃₂)),
    /// p̃₂ = [φ(n₁ + x₂) + x₁ + n₂ − √((φ(n₁ + x₂) + x₁ + n₂)² − 4φNX)] / (2φN),
    /// p̃₁ = φp̃₂, N = n₁ + n₂, X = x₁ + x₂; roots by Brent's method on ln φ.
    /// x₁ = 0 gives a lower limit of 0; x₂ = 0 an unbounded upper limit.
    /// Example: 670/744 over 202/842 gives 3.3282 – 4.2514 (validation V1).
    ///
    /// Koopman PAR. Confidence intervals for the ratio of two binomial
    /// proportions. Biometrics 1984;40:513–517. Nam J. Biometrics 1995;51:1380.
    public func koopmanInterval(level: ConfidenceLevel = .ninetyFivePercent) throws(StatisticsError) -> IntervalEstimate {
        let limits = try KoopmanScoreInterval.limits(
            x1: numerator.successes, n1: numerator.trials,
            x2: denominator.successes, n2: denominator.trials, level: level)
        return IntervalEstimate(
            estimate: estimate, lower: limits.lower, upper: limits.upper,
            level: level, method: .koopman)
    }
}
