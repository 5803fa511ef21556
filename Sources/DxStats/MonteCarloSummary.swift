import Dispatch

/// What a Monte Carlo post-test interval needs from its draws, kept apart
/// from the pretest probability so that it can be computed once and used at
/// any pretest.
///
/// With the pretest known exactly, each draw gives a likelihood ratio Λᵢ
/// (and, with unknown dependence, the lowest and highest ratios the Fréchet
/// bounds allow), and the post-test probability of a draw is
/// f(Λᵢ) = πΛᵢ / (πΛᵢ + 1 − π), non-decreasing in Λᵢ. The α/2 and 1 − α/2
/// quantiles (type 7) of f(Λ) are therefore f applied to the two order
/// statistics of Λ around each quantile, interpolated on the probability
/// scale: the summary keeps those order statistics, and
/// ``CombinedPostTest`` maps them with the pretest at hand. A batch of
/// patients who differ only in their pretest probability shares one
/// simulation, and its answers are identical to one-at-a-time runs.
///
/// With an uncertain pretest the pretest is drawn too (from a distribution
/// that does not involve the point pretest), so the draws are post-test
/// probabilities and the summary keeps their order statistics directly.
struct MonteCarloSummary: Sendable, Hashable {
    /// The order statistics around the lower (α/2) and upper (1 − α/2) quantiles.
    struct Tails: Sendable, Hashable {
        let lower: Quantile.OrderStatistics
        let upper: Quantile.OrderStatistics
    }

    /// Everything the summary depends on: each sign's counts (or its fixed
    /// sensitivity and specificity) and result, the dependence, the pretest's
    /// uncertainty, the draws, the seed and the level. Not the point pretest,
    /// and not the signs' names (cheap to hash).
    struct Key: Hashable, Sendable {
        struct Sign: Hashable, Sendable {
            let result: TestResult
            let counts: [Int]
            let fixed: [UInt64]
        }
        let signs: [Sign]
        let dependence: SignDependence
        let uncertainty: PretestUncertainty
        let settings: MonteCarloSettings
        let level: ConfidenceLevel

        init(signs: [Sign], dependence: SignDependence, uncertainty: PretestUncertainty, settings: MonteCarloSettings, level: ConfidenceLevel) {
            self.signs = signs
            self.dependence = dependence
            self.uncertainty = uncertainty
            self.settings = settings
            self.level = level
        }

        init(
            findings: [CombinedPostTest.Finding], dependence: SignDependence, uncertainty: PretestUncertainty,
            settings: MonteCarloSettings, level: ConfidenceLevel
        ) {
            let signs = findings.map { finding in
                guard let table = finding.sign.table else {
                    return Sign(
                        result: finding.result, counts: [],
                        fixed: [finding.sign.sensitivity.bitPattern, finding.sign.specificity.bitPattern])
                }
                return Sign(
                    result: finding.result,
                    counts: [table.truePositives, table.falsePositives, table.falseNegatives, table.trueNegatives], fixed: [])
            }
            self.init(signs: signs, dependence: dependence, uncertainty: uncertainty, settings: settings, level: level)
        }
    }

    /// The model's interval; nil when no draw was estimable.
    let model: Tails?
    /// The gate's interval: α/2 of the lowest and 1 − α/2 of the highest
    /// value per draw; nil unless the dependence range was tracked.
    let gate: Tails?
    /// Draws whose likelihood ratio was 0/0, left out.
    let skipped: Int
    /// Draws where a stated dependence was clamped to the feasible range.
    let clamped: Int
    /// Whether the order statistics are of likelihood ratios (pretest known
    /// exactly) rather than of post-test probabilities.
    let valuesAreRatios: Bool

    /// Runs the simulation for these inputs (at any point pretest: with an
    /// exactly known pretest the summary keeps likelihood ratios, with an
    /// uncertain one the pretest is drawn) and summarises it.
    init(
        drawing findings: [CombinedPostTest.Finding], pretest: Double, uncertainty: PretestUncertainty, dependence: SignDependence,
        settings: MonteCarloSettings, level: ConfidenceLevel
    ) {
        var simulation = CombinedPostTest.simulate(
            pretest: pretest, uncertainty: uncertainty, margins: findings.map { JointModel.Margin(finding: $0) }, dependence: dependence,
            settings: settings)
        self.init(simulation: &simulation, alpha: level.alpha, valuesAreRatios: uncertainty == .exact)
    }

    /// A summary known already (``PrecomputedSimulation``).
    init(model: Tails?, gate: Tails?, skipped: Int, clamped: Int, valuesAreRatios: Bool) {
        self.model = model
        self.gate = gate
        self.skipped = skipped
        self.clamped = clamped
        self.valuesAreRatios = valuesAreRatios
    }

    /// Summarises a simulation: selects the order statistics (the arrays are reordered).
    init(simulation: inout CombinedPostTest.Simulation, alpha: Double, valuesAreRatios: Bool) {
        skipped = simulation.skipped
        clamped = simulation.clamped
        self.valuesAreRatios = valuesAreRatios
        // The three arrays are independent: their selections run side by side (each array's own
        // steps in the same order as one after another, so the result does not depend on it).
        var modelTails: Tails?, lowestTail: Quantile.OrderStatistics?, highestTail: Quantile.OrderStatistics?
        withUnsafeMutablePointer(to: &simulation) { simulation in
            withUnsafeMutablePointer(to: &modelTails) { modelTails in
                withUnsafeMutablePointer(to: &lowestTail) { lowestTail in
                    withUnsafeMutablePointer(to: &highestTail) { highestTail in
                        nonisolated(unsafe) let shared = (simulation, modelTails, lowestTail, highestTail)
                        let tasks = simulation.pointee.lowest.isEmpty ? 1 : 3
                        let run = { @Sendable (task: Int) in
                            switch task {
                            case 0:
                                guard !shared.0.pointee.model.isEmpty else { return }
                                let lower = Quantile.orderStatistics(unsorted: &shared.0.pointee.model, probability: alpha / 2)
                                let upper = Quantile.orderStatistics(unsorted: &shared.0.pointee.model, probability: 1 - alpha / 2)
                                shared.1.pointee = Tails(lower: lower, upper: upper)
                            case 1:
                                shared.2.pointee = Quantile.orderStatistics(unsorted: &shared.0.pointee.lowest, probability: alpha / 2)
                            default:
                                shared.3.pointee = Quantile.orderStatistics(unsorted: &shared.0.pointee.highest, probability: 1 - alpha / 2)
                            }
                        }
                        if tasks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: tasks, execute: run) }
                    }
                }
            }
        }
        model = modelTails
        gate = lowestTail.flatMap { lower in highestTail.map { Tails(lower: lower, upper: $0) } }
    }

    /// A quantile on the probability scale at the point pretest `pretest`.
    func probability(_ statistics: Quantile.OrderStatistics, pretest: Double) -> Double {
        guard valuesAreRatios else { return statistics.quantile }
        return statistics.quantile { PostTestProbability.transform(pretest: pretest, ratio: $0) }
    }
}
