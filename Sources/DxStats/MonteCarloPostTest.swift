/// The Monte Carlo part of combining signs: each sensitivity and
/// specificity drawn from its Jeffreys posterior Beta(x + ½, n − x + ½), the
/// pretest probability from its uncertainty (Marsaglia–Tsang gamma ratios on
/// MT19937 sub-streams of a fixed seed, word for word GSL's generator, so the
/// answer does not depend on the number of cores),
/// and the post-test probability of every draw under the dependence model
/// (independence when the dependence is unknown).
///
/// With two or more signs and an unknown dependence it also keeps, per draw,
/// the lowest and the highest post-test probability the Fréchet bounds allow;
/// ``dependenceInterval`` is the α/2 quantile of the lowest and the 1 − α/2
/// quantile of the highest: the gate's interval.
///
/// ```swift
/// let percussion = try SignAccuracy(name: "closed-fist-percussion", table: try TwoByTwoTable(
///     truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
/// let simulation = try MonteCarloPostTest(
///     pretest: 0.3, findings: [.init(percussion, .positive)], level: .ninetyFivePercent,
///     settings: .standard, pointEstimate: .finite(0.789))
/// simulation.interval.lower   // .finite(0.6): about 60 % (20,000 draws, seed 20100163)
/// ```
///
/// Brown LD, Cai TT, DasGupta A. Stat Sci 2001;16:101–133 (Jeffreys).
public struct MonteCarloPostTest: Sendable {
    /// The α/2 and 1 − α/2 quantiles of the post-test probability over the
    /// draws (widened to include the point estimate), method `.monteCarlo`.
    public let interval: IntervalEstimate
    /// Two or more signs with an unknown dependence: the interval covering the dependence range.
    public let dependenceInterval: (lower: Double, upper: Double)?
    /// Draws where a stated correlation or covariance was infeasible for the
    /// drawn margins and was clamped to the nearest feasible value.
    public let clampedDraws: Int
    public let settings: MonteCarloSettings

    /// Draws `settings.draws` post-test probabilities.
    /// - Parameters:
    ///   - pretest: the pretest probability.
    ///   - pretestUncertainty: how uncertain it is.
    ///   - findings: the signs and their results.
    ///   - dependence: the dependence between the signs.
    ///   - level: the level of the interval.
    ///   - settings: draws and seed.
    ///   - pointEstimate: the post-test probability at the point estimates (the interval is widened to include it).
    public init(
        pretest: Double, pretestUncertainty: PretestUncertainty = .exact, findings: [CombinedPostTest.Finding],
        dependence: SignDependence = .unknown, level: ConfidenceLevel, settings: MonteCarloSettings, pointEstimate: ExtendedValue
    ) throws(StatisticsError) {
        let uncertainty = try pretestUncertainty.validated()
        // Simulated once per key (the signs, dependence, uncertainty, settings and level, not the point pretest),
        // then mapped to this pretest: patients who differ only in their pretest share one simulation.
        let key = MonteCarloSummary.Key(findings: findings, dependence: dependence, uncertainty: uncertainty, settings: settings, level: level)
        let summary = MonteCarloSummaryCache.shared.summary(for: key) {
            MonteCarloSummary(drawing: findings, pretest: pretest, uncertainty: uncertainty, dependence: dependence, settings: settings, level: level)
        }
        self.settings = settings
        clampedDraws = summary.clamped
        var notes = ["\(settings.draws) draws, seed \(settings.seed), Jeffreys Beta posteriors for each sensitivity and specificity."]
        if summary.skipped > 0 { notes.append("\(summary.skipped) draws had a likelihood ratio of 0/0 and were left out.") }
        if summary.clamped > 0 {
            notes.append("In \(summary.clamped) draws the stated dependence was infeasible for the drawn margins and was clamped.")
        }
        if let tails = summary.model {
            var lower = summary.probability(tails.lower, pretest: pretest)
            var upper = summary.probability(tails.upper, pretest: pretest)
            if let point = pointEstimate.finiteValue {
                lower = min(lower, point)
                upper = max(upper, point)
            }
            interval = IntervalEstimate(
                estimate: pointEstimate, lower: .finite(lower), upper: .finite(upper), level: level, method: .monteCarlo, notes: notes)
        } else {
            interval = IntervalEstimate(
                estimate: pointEstimate, lower: .finite(0), upper: .finite(1), level: level, method: .monteCarlo,
                notes: notes + ["No draw was estimable."])
        }
        dependenceInterval = summary.gate.map { tails in
            (summary.probability(tails.lower, pretest: pretest), summary.probability(tails.upper, pretest: pretest))
        }
    }
}

extension GateDecision {
    /// The gate on a Monte Carlo estimate: its dependence interval when the
    /// dependence is unknown, otherwise its Monte Carlo interval.
    public init(monteCarlo: MonteCarloPostTest, thresholds: Thresholds) {
        if let range = monteCarlo.dependenceInterval {
            self.init(lower: range.lower, upper: range.upper, thresholds: thresholds, intervalMethod: .monteCarloWithDependenceRange)
        } else {
            self.init(
                lower: monteCarlo.interval.lower.finiteValue ?? 0, upper: monteCarlo.interval.upper.finiteValue ?? 1, thresholds: thresholds,
                intervalMethod: .monteCarlo)
        }
    }
}
