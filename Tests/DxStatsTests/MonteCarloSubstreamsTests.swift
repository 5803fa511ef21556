import Testing

@testable import DxStats

/// The Monte Carlo's answer depends on the seed and the number of draws only:
/// not on the number of threads, nor on which thread computes which block.
@Suite("Monte Carlo sub-streams")
struct MonteCarloSubstreamsTests {
    static let percussion = try! SignAccuracy(
        name: "closed-fist-percussion", table: TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
    static let supine = try! SignAccuracy(
        name: "supine-sign", table: TwoByTwoTable(truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))

    static let cases: [(SignDependence, PretestUncertainty)] = [
        (.unknown, .exact), (.independent, .beta(alpha: 48.5, beta: 30.5)), (.unknown, .uniform(lower: 0.5, upper: 0.7)),
        (.correlation(withCondition: 0.3, withoutCondition: 0.2), .exact),
    ]

    @Test("One, two, three or eight threads give the same draws", arguments: 0..<cases.count)
    func independentOfThreads(index: Int) throws {
        let (dependence, uncertainty) = Self.cases[index]
        let findings: [CombinedPostTest.Finding] = [.init(Self.percussion, .positive), .init(Self.supine, .negative)]
        let margins = findings.map { JointModel.Margin(finding: $0) }
        let settings = try MonteCarloSettings(draws: 4_500, seed: 99)
        let runs = [1, 2, 3, 8].map { workers in
            CombinedPostTest.simulate(
                pretest: 0.6, uncertainty: uncertainty, margins: margins, dependence: dependence, settings: settings, workers: workers)
        }
        for run in runs.dropFirst() {
            #expect(run.model == runs[0].model)
            #expect(run.lowest == runs[0].lowest && run.highest == runs[0].highest)
            #expect(run.skipped == runs[0].skipped && run.clamped == runs[0].clamped)
        }
        #expect(runs[0].model.count + runs[0].skipped == 4_500)
    }

    @Test("The blocks of a run never share a seed, and other runs get other seeds")
    func distinctSeeds() {
        let seeds = (0..<100_000).map { MonteCarloSubstreams.seed(ofBlock: $0, runSeed: SeededRandomSource.defaultSeed) }
        // MT19937 starts from the low 32 bits (the seed is never 0, so GSL uses them as they are).
        #expect(Set(seeds.map { UInt32(truncatingIfNeeded: $0) }).count == seeds.count)
        #expect(seeds.allSatisfy { $0 != 0 })
        #expect(MonteCarloSubstreams.seed(ofBlock: 0, runSeed: 1) != MonteCarloSubstreams.seed(ofBlock: 0, runSeed: 2))
    }

    @Test("Blocks cover every draw once")
    func blocks() {
        for draws in [1_000, 1_001, 20_000, 123_456] {
            let ranges = (0..<MonteCarloSubstreams.blockCount(draws: draws)).map { MonteCarloSubstreams.range(ofBlock: $0, draws: draws) }
            #expect(ranges.map(\.count).reduce(0, +) == draws)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }

    @Test("Quantiles from the likelihood-ratio order statistics equal quantiles of the per-draw post-test probabilities")
    func summaryAtAnyPretest() throws {
        let findings: [CombinedPostTest.Finding] = [.init(Self.percussion, .positive), .init(Self.supine, .positive)]
        let settings = try MonteCarloSettings(draws: 5_000, seed: 1234)
        // Rounding can make the odds transform step back by an ulp where two ratios are a few ulps apart.
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-14 }
        for pretest in [0.0, 0.05, 0.3, 48.0 / 78.0, 0.99, 1.0] {
            let result = try CombinedPostTest(pretest: pretest, findings: findings, monteCarlo: settings)
            // The same quantiles straight from the per-draw post-test probabilities (type 7).
            let margins = findings.map { JointModel.Margin(finding: $0) }
            let simulation = CombinedPostTest.simulate(
                pretest: pretest, uncertainty: .exact, margins: margins, dependence: .unknown, settings: settings)
            var model = simulation.model.map { PostTestProbability.transform(pretest: pretest, ratio: $0) }
            var lowest = simulation.lowest.map { PostTestProbability.transform(pretest: pretest, ratio: $0) }
            var highest = simulation.highest.map { PostTestProbability.transform(pretest: pretest, ratio: $0) }
            let point = result.monteCarlo.estimate.finiteValue ?? 0
            #expect(close(result.monteCarlo.lower.finiteValue!, min(Quantile.of(unsorted: &model, probability: 0.025), point)))
            #expect(close(result.monteCarlo.upper.finiteValue!, max(Quantile.of(unsorted: &model, probability: 0.975), point)))
            #expect(close(result.gate.lower, Quantile.of(unsorted: &lowest, probability: 0.025)))
            #expect(close(result.gate.upper, Quantile.of(unsorted: &highest, probability: 0.975)))
        }
    }

    @Test("A result at a new pretest from a remembered simulation is identical to a fresh one")
    func rememberedEqualsFresh() throws {
        let findings: [CombinedPostTest.Finding] = [.init(Self.percussion, .negative), .init(Self.supine, .positive)]
        let settings = try MonteCarloSettings(draws: 3_000, seed: 77)
        let pretests = [0.2, 0.45, 0.8]
        let remembered = try pretests.map { try CombinedPostTest(pretest: $0, findings: findings, monteCarlo: settings) }
        MonteCarloSummaryCache.shared.removeAll()
        for (pretest, earlier) in zip(pretests, remembered) {
            MonteCarloSummaryCache.shared.removeAll()
            let fresh = try CombinedPostTest(pretest: pretest, findings: findings, monteCarlo: settings)
            #expect(fresh.monteCarlo == earlier.monteCarlo && fresh.gate == earlier.gate)
        }
    }
}
