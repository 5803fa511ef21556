import Foundation
import Testing

@testable import DxStats

/// The post-test intervals of the Langdon bedside cases from DxKit's sampler
/// (Marsaglia–Tsang gammas on fixed MT19937 sub-streams, issue 16) agree
/// with those of the sampler it replaced (GSL's `gsl_ran_beta` on one
/// MT19937 stream, in draw order) within Monte Carlo error: both are
/// estimates of the same quantiles.
///
/// Tolerance: four standard deviations of the difference of two independent
/// estimates, √2 × the standard deviation of one 20,000-draw estimate that
/// `combination.json` gives (200 numpy replicates), scaled by √(20,000/draws).
@Suite("Sampler equivalence")
struct SamplerEquivalenceTests {
    static let tables: [String: TwoByTwoTable] = [
        "closed-fist-percussion": try! TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27),
        "supine-sign": try! TwoByTwoTable(truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28),
    ]

    /// The Monte Carlo exactly as DxKit computed it before issue 16 (one GSL
    /// stream, Se and Sp by `gsl_ran_beta`, m and f from them), for two signs
    /// with unknown dependence: the model interval and the gate interval.
    static func previousSampler(results: [TestResult], pretest: Double, draws: Int, seed: UInt64) -> (model: [Double], gate: [Double]) {
        let generator = GSL.Generator(seed: seed)
        let signs = [tables["closed-fist-percussion"]!, tables["supine-sign"]!]
        var model: [Double] = [], lowest: [Double] = [], highest: [Double] = []
        for _ in 0..<draws {
            var productWith = 1.0, productWithout = 1.0, sumWith = 0.0, sumWithout = 0.0, minimumWith = 1.0, minimumWithout = 1.0
            for (table, result) in zip(signs, results) {
                let sensitivity = generator.gslBeta(shapeA: Double(table.truePositives) + 0.5, shapeB: Double(table.falseNegatives) + 0.5)
                let specificity = generator.gslBeta(shapeA: Double(table.trueNegatives) + 0.5, shapeB: Double(table.falsePositives) + 0.5)
                let (with, without) = result == .positive ? (sensitivity, 1 - specificity) : (1 - sensitivity, specificity)
                productWith *= with
                productWithout *= without
                sumWith += with
                sumWithout += without
                minimumWith = min(minimumWith, with)
                minimumWithout = min(minimumWithout, without)
            }
            model.append(PostTestProbability.transform(pretest: pretest, ratio: productWith / productWithout))
            let lowWith = max(0, sumWith - 1), lowWithout = max(0, sumWithout - 1)
            let lower = lowWith == 0 ? 0 : lowWith / minimumWithout
            let upper = lowWithout > 0 ? minimumWith / lowWithout : .infinity
            lowest.append(PostTestProbability.transform(pretest: pretest, ratio: lower))
            highest.append(PostTestProbability.transform(pretest: pretest, ratio: upper))
        }
        return (
            [Quantile.of(unsorted: &model, probability: 0.025), Quantile.of(unsorted: &model, probability: 0.975)],
            [Quantile.of(unsorted: &lowest, probability: 0.025), Quantile.of(unsorted: &highest, probability: 0.975)]
        )
    }

    @Test(
        "Langdon cases: the Monte Carlo and gate intervals agree with the previous sampler's within Monte Carlo error",
        arguments: CombinationTests.reference?.cases ?? [])
    func langdonCases(_ expected: CombinationTests.Reference.Case) throws {
        let results = expected.results.map { TestResult(rawValue: $0)! }
        // The default 20,000 draws, and 100,000 for a sharper comparison of the bedside case (both positive at 61.5 %).
        let drawCounts = results == [.positive, .positive] && expected.pretest > 0.6 ? [20_000, 100_000] : [20_000]
        for draws in drawCounts {
            let settings = try MonteCarloSettings(draws: draws)
            let previous = Self.previousSampler(results: results, pretest: expected.pretest, draws: draws, seed: settings.seed)
            let findings = zip(["closed-fist-percussion", "supine-sign"], results).map { name, result in
                CombinedPostTest.Finding(try! SignAccuracy(name: name, table: Self.tables[name]!), result)
            }
            let current = try CombinedPostTest(pretest: expected.pretest, findings: findings, monteCarlo: settings)
            let scale = 2.0.squareRoot() * (20_000 / Double(draws)).squareRoot()
            let point = current.monteCarlo.estimate.finiteValue!
            let pairs: [(String, Double, Double, Double)] = [
                ("Monte Carlo lower", current.monteCarlo.lower.finiteValue!, min(previous.model[0], point), expected.monteCarloStandardDeviation[0]),
                ("Monte Carlo upper", current.monteCarlo.upper.finiteValue!, max(previous.model[1], point), expected.monteCarloStandardDeviation[1]),
                ("gate lower", current.gate.lower, previous.gate[0], expected.gateStandardDeviation?[0] ?? 0),
                ("gate upper", current.gate.upper, previous.gate[1], expected.gateStandardDeviation?[1] ?? 0),
            ]
            for (name, now, before, deviation) in pairs {
                #expect(abs(now - before) <= max(4 * scale * deviation, 1e-12), "\(name), \(draws) draws: \(now) against \(before)")
            }
        }
    }
}
