/// A binomial proportion p̂ = x / n: sensitivity, specificity, a predictive
/// value, prevalence or accuracy.
///
/// ```swift
/// let sensitivity = try Proportion(successes: 42, trials: 48)
/// sensitivity.estimate                         // 0.875
/// sensitivity.interval(method: .wilson)        // 0.7530 – 0.9414 (Wilson 1927)
/// ```
public struct Proportion: Sendable, Hashable {
    /// x, the number of successes.
    public let successes: Int
    /// n, the number of trials (n ≥ 1).
    public let trials: Int

    /// Creates x / n; throws when x < 0, n < 1 or x > n.
    public init(successes: Int, trials: Int) throws(StatisticsError) {
        guard successes >= 0 else { throw .negativeCount(name: "successes", value: successes) }
        guard trials >= 0 else { throw .negativeCount(name: "trials", value: trials) }
        guard trials > 0 else { throw .noTrials }
        guard successes <= trials else { throw .successesExceedTrials(successes: successes, trials: trials) }
        self.successes = successes
        self.trials = trials
    }

    /// p̂ = x / n.
    public var estimate: Double { Double(successes) / Double(trials) }

    /// The two-sided confidence interval by `method` at `level`.
    ///
    /// The estimate is always p̂ (also for Agresti–Coull, whose interval is
    /// centred elsewhere); the limits always lie within [0, 1]. At x = 0 the
    /// lower limit is 0 and at x = n the upper limit is 1 for every method
    /// except Wald, whose width is then 0 (noted).
    public func interval(
        method: ProportionIntervalMethod = .wilson,
        level: ConfidenceLevel = .ninetyFivePercent
    ) -> IntervalEstimate {
        var notes: [String] = []
        let (lower, upper): (Double, Double)
        switch method {
        case .wilson:
            (lower, upper) = WilsonInterval.limits(successes: successes, trials: trials, z: level.z)
        case .wilsonContinuityCorrected:
            (lower, upper) = WilsonContinuityCorrectedInterval.limits(successes: successes, trials: trials, z: level.z)
        case .clopperPearson:
            (lower, upper) = ClopperPearsonInterval.limits(successes: successes, trials: trials, alpha: level.alpha, z: level.z)
        case .jeffreys:
            (lower, upper) = JeffreysInterval.limits(successes: successes, trials: trials, alpha: level.alpha, z: level.z)
        case .agrestiCoull:
            let raw = AgrestiCoullInterval.limits(successes: successes, trials: trials, z: level.z)
            (lower, upper) = (Swift.max(0, raw.lower), Swift.min(1, raw.upper))
            if raw.lower < 0 || raw.upper > 1 { notes.append("Agresti–Coull limits clipped to [0, 1].") }
        case .wald:
            let raw = WaldInterval.limits(successes: successes, trials: trials, z: level.z)
            (lower, upper) = (Swift.max(0, raw.lower), Swift.min(1, raw.upper))
            if raw.lower < 0 || raw.upper > 1 { notes.append("Wald limits clipped to [0, 1].") }
            if successes == 0 || successes == trials {
                notes.append("The Wald interval has zero width when x = 0 or x = n; prefer Wilson.")
            }
        }
        return IntervalEstimate(
            estimate: .finite(estimate),
            lower: .finite(Swift.min(Swift.max(lower, 0), estimate)),
            upper: .finite(Swift.max(Swift.min(upper, 1), estimate)),
            level: level,
            method: IntervalMethod(method),
            notes: notes
        )
    }
}
