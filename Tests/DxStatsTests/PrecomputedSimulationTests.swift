import Testing

@testable import DxStats

/// A precomputed simulation reads back exactly, refuses words that do not
/// fit, and once registered replaces the draws for exactly its inputs.
@Suite("Precomputed simulations")
struct PrecomputedSimulationTests {
    static let percussion = try! SignAccuracy(
        name: "closed-fist-percussion", table: TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
    static let supine = try! SignAccuracy(
        name: "supine-sign", table: TwoByTwoTable(truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))
    static let fixed = try! SignAccuracy(name: "fixed", sensitivity: 0.8, specificity: 0.7)

    static let cases: [([CombinedPostTest.Finding], SignDependence)] = [
        ([.init(percussion, .positive)], .unknown),
        ([.init(percussion, .positive), .init(supine, .negative)], .unknown),
        ([.init(supine, .negative), .init(percussion, .positive)], .independent),
        ([.init(fixed, .negative), .init(supine, .positive)], .unknown),
    ]

    @Test("Encoded words read back as the same simulation, inputs and summary bit for bit", arguments: 0..<cases.count)
    func roundTrip(index: Int) throws {
        let (findings, dependence) = Self.cases[index]
        let settings = try MonteCarloSettings(draws: 2_000, seed: 7)
        let simulation = try PrecomputedSimulation(findings: findings, dependence: dependence, level: .ninetyFivePercent, settings: settings)
        let words = try #require(simulation.encoded)
        let decoded = try PrecomputedSimulation(encoded: words)
        #expect(decoded == simulation)
        #expect(decoded.encoded == words)
        // The summary is the one a query draws: the same as a fresh run through the cache's compute path.
        var fresh = CombinedPostTest.simulate(
            pretest: 0.9, uncertainty: .exact, margins: findings.map { JointModel.Margin(finding: $0) }, dependence: dependence,
            settings: settings)
        #expect(decoded.summary == MonteCarloSummary(simulation: &fresh, alpha: ConfidenceLevel.ninetyFivePercent.alpha, valuesAreRatios: true))
        #expect((decoded.summary.gate != nil) == (dependence == .unknown && findings.count == 2))
    }

    @Test("Only the dependences and pretests the encoding has words for are encoded")
    func notEncodable() throws {
        let settings = try MonteCarloSettings(draws: 1_000, seed: 7)
        let findings: [CombinedPostTest.Finding] = [.init(Self.percussion, .positive), .init(Self.supine, .positive)]
        let correlated = try PrecomputedSimulation(
            findings: findings, dependence: .correlation(withCondition: 0.2, withoutCondition: 0.1), level: .ninetyFivePercent,
            settings: settings)
        #expect(correlated.encoded == nil)
        let uncertain = try PrecomputedSimulation(
            findings: findings, pretestUncertainty: .beta(alpha: 48.5, beta: 30.5), dependence: .unknown, level: .ninetyFivePercent,
            settings: settings)
        #expect(uncertain.encoded == nil)
        #expect(throws: StatisticsError.self) {
            try PrecomputedSimulation(findings: [], dependence: .unknown, level: .ninetyFivePercent, settings: settings)
        }
    }

    @Test("Words that do not fit are refused, naming the word")
    func malformed() throws {
        let simulation = try PrecomputedSimulation(
            findings: [.init(Self.percussion, .positive), .init(Self.supine, .positive)], dependence: .unknown, level: .ninetyFivePercent,
            settings: try MonteCarloSettings(draws: 1_000, seed: 7))
        let words = try #require(simulation.encoded)
        func refused(_ words: [UInt64], naming what: String) {
            do {
                _ = try PrecomputedSimulation(encoded: words)
                Issue.record("accepted words that do not fit (\(what))")
            } catch {
                #expect(error.description.contains("(\(what))"), "\(error.description)")
            }
        }
        refused([], naming: "version")
        refused([2] + words.dropFirst(), naming: "version")
        refused([1, 0] + words.dropFirst(2), naming: "sign count")
        refused(Array(words.dropLast()), naming: "order statistic")
        refused(words + [0], naming: "end")
        var result = words
        result[2] = 2
        refused(result, naming: "result")
        var draws = words
        draws[15] = 5
        refused(draws, naming: "draws")
        var level = words
        level[17] = 1.5.bitPattern
        refused(level, naming: "level")
        var notANumber = words
        notANumber[22] = Double.nan.bitPattern
        refused(notANumber, naming: "order statistic")
    }

    @Test("A registered simulation replaces the draws for exactly its inputs")
    func registeredIsUsed() throws {
        // A seed no other test uses; the registered summary is altered so that using it shows.
        let settings = try MonteCarloSettings(draws: 1_000, seed: 0x5EED_0F_7E57)
        let findings: [CombinedPostTest.Finding] = [.init(Self.percussion, .positive)]
        let drawn = try CombinedPostTest(pretest: 0.3, findings: findings, monteCarlo: settings)
        var words = try #require(
            try PrecomputedSimulation(findings: findings, dependence: .unknown, level: .ninetyFivePercent, settings: settings).encoded)
        // The model's lower order statistics (likelihood ratios) become 1: the lower limit becomes the pretest itself.
        // Layout for one sign: 2 header words, 6 for the sign, 7 settings and counts, then the model's tails.
        #expect(words[15] == 1)
        words[16] = 1.0.bitPattern
        words[17] = 1.0.bitPattern
        #expect(!PrecomputedSimulation.isRegistered(findings: findings, dependence: .unknown, level: .ninetyFivePercent, settings: settings))
        PrecomputedSimulation.register([try PrecomputedSimulation(encoded: words)])
        #expect(PrecomputedSimulation.isRegistered(findings: findings, dependence: .unknown, level: .ninetyFivePercent, settings: settings))
        MonteCarloSummaryCache.shared.removeAll()
        let registered = try CombinedPostTest(pretest: 0.3, findings: findings, monteCarlo: settings)
        func isPretest(_ limit: ExtendedValue) -> Bool { abs((limit.finiteValue ?? -1) - 0.3) < 1e-12 }
        #expect(isPretest(registered.monteCarlo.lower))
        #expect(!isPretest(drawn.monteCarlo.lower))
        #expect(registered.monteCarlo.upper == drawn.monteCarlo.upper)
        // Other inputs (another level) are still drawn.
        let otherLevel = try CombinedPostTest(pretest: 0.3, findings: findings, level: try ConfidenceLevel(0.9), monteCarlo: settings)
        #expect(!isPretest(otherLevel.monteCarlo.lower))
    }
}
