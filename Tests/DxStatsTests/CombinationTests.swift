import Foundation
import Testing

@testable import DxStats

/// Combining signs: independence, Monte Carlo, dependence (Fréchet,
/// correlation, covariance, paired counts) and the gate.
@Suite("Combining signs")
struct CombinationTests {
    static let percussion = try! SignAccuracy(
        name: "closed-fist-percussion", table: TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
    static let supine = try! SignAccuracy(
        name: "supine-sign", table: TwoByTwoTable(truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))

    struct Reference: Decodable {
        struct Case: Decodable, CustomTestStringConvertible, Sendable {
            let results: [String]
            let pretest: Double
            let likelihoodRatio: Double?
            let likelihoodRatioLower: Double?
            let likelihoodRatioUpper: Double?
            let posttest: Double?
            let posttestLower: Double?
            let posttestUpper: Double?
            let frechetLikelihoodRatio: [Double?]?
            let frechetPosttest: [Double]?
            let monteCarlo: [Double]
            let monteCarloStandardDeviation: [Double]
            let gate: [Double]?
            let gateStandardDeviation: [Double]?
            let correlation: [Double]?
            let pretestBeta: [Double]?
            let modelLikelihoodRatio: Double?
            var testDescription: String { "\(results.joined(separator: "/")) at \(pretest)" }
        }
        struct Paired: Decodable { let pattern: String; let estimate: Double; let lower: Double; let upper: Double }
        let cases: [Case]
        let correlated: Case
        let uncertainPretest: Case
        let paired: [Paired]
        let dxkitDraws: Int
    }

    static let reference: Reference? = {
        guard let url = Bundle.module.url(forResource: "combination", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static func findings(_ results: [String]) -> [CombinedPostTest.Finding] {
        [.init(percussion, TestResult(rawValue: results[0])!), .init(supine, TestResult(rawValue: results[1])!)]
    }

    /// Within four standard deviations of a 20 000-draw estimate (numpy replicates), or 1e-9 when that is 0.
    func withinMonteCarloError(_ actual: ExtendedValue, _ expected: Double, _ deviation: Double) -> Bool {
        guard let value = actual.finiteValue else { return false }
        return abs(value - expected) <= max(4 * deviation, 1e-9)
    }

    @Test("The fixture is present and uses DxKit's default number of draws")
    func fixture() throws {
        let reference = try #require(Self.reference)
        #expect(reference.cases.count == 8)
        #expect(reference.dxkitDraws == MonteCarloSettings.standard.draws)
    }

    @Test(
        "Langdon signs, every pattern: independence, Fréchet range, Monte Carlo and gate against numpy",
        arguments: reference?.cases ?? [])
    func langdonPattern(_ expected: Reference.Case) throws {
        let result = try CombinedPostTest(pretest: expected.pretest, findings: Self.findings(expected.results))
        #expect(matches(result.likelihoodRatio.estimate, expected.likelihoodRatio, relative: 1e-12))
        #expect(matches(result.likelihoodRatio.lower, expected.likelihoodRatioLower, relative: 1e-12))
        #expect(matches(result.likelihoodRatio.upper, expected.likelihoodRatioUpper, relative: 1e-12))
        #expect(matches(result.posttest.estimate, expected.posttest, relative: 1e-12))
        #expect(matches(result.posttest.lower, expected.posttestLower, relative: 1e-12))
        #expect(matches(result.posttest.upper, expected.posttestUpper, relative: 1e-12))
        let dependence = try #require(result.dependence)
        let frechet = try #require(expected.frechetLikelihoodRatio)
        #expect(matches(dependence.likelihoodRatioLower, frechet[0], relative: 1e-12))
        #expect(matches(dependence.likelihoodRatioUpper, frechet[1], relative: 1e-12))
        #expect(matches(dependence.posttestLower, expected.frechetPosttest![0], relative: 1e-12))
        #expect(matches(dependence.posttestUpper, expected.frechetPosttest![1], relative: 1e-12))
        let deviation = expected.monteCarloStandardDeviation
        #expect(withinMonteCarloError(result.monteCarlo.lower, expected.monteCarlo[0], deviation[0]), "\(result.monteCarlo.lower)")
        #expect(withinMonteCarloError(result.monteCarlo.upper, expected.monteCarlo[1], deviation[1]), "\(result.monteCarlo.upper)")
        let gate = try #require(expected.gate), gateDeviation = try #require(expected.gateStandardDeviation)
        #expect(withinMonteCarloError(.finite(result.gate.lower), gate[0], gateDeviation[0]), "\(result.gate.lower)")
        #expect(withinMonteCarloError(.finite(result.gate.upper), gate[1], gateDeviation[1]), "\(result.gate.upper)")
        #expect(result.gate.intervalMethod == .monteCarloWithDependenceRange)
    }

    @Test("A stated correlation: joint LR and Monte Carlo against numpy")
    func correlation() throws {
        let expected = try #require(Self.reference?.correlated)
        let result = try CombinedPostTest(
            pretest: expected.pretest, findings: Self.findings(expected.results),
            dependence: .correlation(withCondition: expected.correlation![0], withoutCondition: expected.correlation![1]))
        #expect(matches(try #require(result.dependence?.modelLikelihoodRatio), expected.modelLikelihoodRatio, relative: 1e-12))
        #expect(withinMonteCarloError(result.monteCarlo.lower, expected.monteCarlo[0], expected.monteCarloStandardDeviation[0]))
        #expect(withinMonteCarloError(result.monteCarlo.upper, expected.monteCarlo[1], expected.monteCarloStandardDeviation[1]))
        #expect(result.gate.intervalMethod == .monteCarlo)
    }

    @Test("An uncertain pretest (Beta 48.5, 30.5) propagates into the Monte Carlo and gate intervals")
    func uncertainPretest() throws {
        let expected = try #require(Self.reference?.uncertainPretest)
        let result = try CombinedPostTest(
            pretest: expected.pretest, pretestUncertainty: .beta(alpha: 48.5, beta: 30.5), findings: Self.findings(expected.results))
        #expect(withinMonteCarloError(result.monteCarlo.lower, expected.monteCarlo[0], expected.monteCarloStandardDeviation[0]))
        #expect(withinMonteCarloError(.finite(result.gate.lower), expected.gate![0], expected.gateStandardDeviation![0]))
        let exact = try CombinedPostTest(pretest: expected.pretest, findings: Self.findings(expected.results))
        #expect(result.gate.lower < exact.gate.lower, "uncertainty in the pretest widens the gate interval")
    }

    @Test("Fréchet bounds checked by hand from evidence-research.md (both positive: 33–39 of 48, 0–2 of 30)")
    func frechetByHand() throws {
        let result = try CombinedPostTest(pretest: 48.0 / 78.0, findings: Self.findings(["positive", "positive"]))
        // Lowest joint LR: (33/48)/(2/30) = 990/96 = 10.3125; highest: (39/48)/(0/30) = ∞.
        #expect(matches(result.dependence!.likelihoodRatioLower, 10.3125, relative: 1e-14))
        #expect(result.dependence!.likelihoodRatioUpper == .unbounded)
        // Pretest odds 48/30 = 1.6; 1.6 × 10.3125 = 16.5; 16.5/17.5 = 0.942857…
        #expect(matches(result.dependence!.posttestLower, 16.5 / 17.5, relative: 1e-14))
        // Both negative: (0/48)/(25/30) = 0 to (6/48)/(25/30) = 0.15 (either sign positive in 3–5 of 30).
        let negative = try CombinedPostTest(pretest: 48.0 / 78.0, findings: Self.findings(["negative", "negative"]))
        #expect(negative.dependence!.likelihoodRatioLower == .finite(0))
        #expect(matches(negative.dependence!.likelihoodRatioUpper, (6.0 / 48.0) / (25.0 / 30.0), relative: 1e-14))
        // Independence: 8.75 × 12.1875 = 106.640625.
        #expect(matches(result.likelihoodRatio.estimate, 106.640625, relative: 1e-14))
    }

    @Test("epiR rsu.dxtest V9: series independent, parallel with covariances, and the three-test bug")
    func rsuDxtest() throws {
        let first = try SignAccuracy(name: "1", sensitivity: 0.90, specificity: 0.80)
        let second = try SignAccuracy(name: "2", sensitivity: 0.95, specificity: 0.85)
        let series = try TestCombination.combine(first, second, rule: .series)
        #expect(abs(series.sensitivity - 0.855) < 1e-12 && abs(series.specificity - 0.970) < 1e-12)
        let ifat = try SignAccuracy(name: "IFAT", sensitivity: 0.784, specificity: 0.951)
        let pcr = try SignAccuracy(name: "PCR", sensitivity: 0.926, specificity: 0.979)
        let dependent = try TestCombination.combine(ifat, pcr, rule: .parallel, sensitivityCovariance: 0.035, specificityCovariance: -0.001)
        #expect(abs(dependent.sensitivity - 0.949016) < 1e-12 && abs(dependent.specificity - 0.930029) < 1e-12)
        let independent = try TestCombination.combine(ifat, pcr, rule: .parallel)
        #expect(abs(independent.sensitivity - 0.984016) < 1e-12 && abs(independent.specificity - 0.931029) < 1e-12)
        let three = TestCombination.parallelSensitivity((0.869, 0.873, 0.897), c12: 0.071, c13: 0.018, c23: 0.015, c123: -0.001)
        #expect(abs(three - 0.9857224) < 5e-8)
        #expect(abs(three - 0.9912) > 0.005, "epiR's buggy three-test value is not reproduced")
    }

    @Test("Infeasible dependence is a clear error naming the value and the feasible range")
    func infeasible() throws {
        #expect(throws: StatisticsError.self) {
            try CombinedPostTest(
                pretest: 0.5, findings: Self.findings(["positive", "positive"]),
                dependence: .correlation(withCondition: 0.2, withoutCondition: 0.99))
        }
        do {
            _ = try CombinedPostTest(
                pretest: 0.5, findings: Self.findings(["positive", "positive"]),
                dependence: .covariance(sensitivity: 0.5, specificity: 0))
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("0.5") && error.description.contains("feasible range"))
        }
        #expect(throws: StatisticsError.self) {
            try CombinedPostTest(
                pretest: 0.5, findings: Self.findings(["positive", "positive"]),
                dependence: .correlation(withCondition: 1.5, withoutCondition: 0))
        }
        #expect(throws: StatisticsError.self) {
            try TestCombination.combine(Self.percussion, Self.supine, rule: .series, sensitivityCovariance: 0.2)
        }
    }

    @Test("Paired 2×2×2 counts are used exactly (DTComPair Paired1, statsmodels log interval)")
    func pairedCounts() throws {
        let paired = try PairedSignsTable(withCondition: [319, 78, 22, 32], withoutCondition: [31, 53, 22, 155])
        // The margins reproduce validation V2's test y1 table.
        #expect(paired.firstTable == (try TwoByTwoTable(truePositives: 397, falsePositives: 84, falseNegatives: 54, trueNegatives: 177)))
        let first = try SignAccuracy(name: "y1", table: paired.firstTable)
        let second = try SignAccuracy(name: "y2", table: paired.secondTable)
        let patterns: [(TestResult, TestResult, String)] = [
            (.positive, .positive, "++"), (.positive, .negative, "+-"),
            (.negative, .positive, "-+"), (.negative, .negative, "--"),
        ]
        for (a, b, name) in patterns {
            let expected = try #require(Self.reference?.paired.first { $0.pattern == name })
            let result = try CombinedPostTest(pretest: 0.3, findings: [.init(first, a), .init(second, b)], dependence: .pairedCounts(paired))
            #expect(matches(result.likelihoodRatio.estimate, expected.estimate, relative: 1e-12), "\(name)")
            #expect(matches(result.likelihoodRatio.lower, expected.lower, relative: 1e-9), "\(name)")
            #expect(matches(result.likelihoodRatio.upper, expected.upper, relative: 1e-9), "\(name)")
        }
    }

    @Test("Same seed, same answer; another seed, a slightly different one")
    func reproducible() throws {
        let findings = Self.findings(["positive", "negative"])
        let first = try CombinedPostTest(pretest: 0.4, findings: findings)
        let second = try CombinedPostTest(pretest: 0.4, findings: findings)
        #expect(first.monteCarlo == second.monteCarlo && first.gate == second.gate)
        let other = try CombinedPostTest(pretest: 0.4, findings: findings, monteCarlo: MonteCarloSettings(draws: 20_000, seed: 7))
        #expect(other.monteCarlo.lower != first.monteCarlo.lower)
    }

    @Test("Signs given as Se/Sp or as LRs; three signs; one sign")
    func otherForms() throws {
        // LR+ 8.75 and LR− 0.138888… imply Se 0.875 and Sp 0.9 (hand arithmetic: nomogrammer's inversion).
        let fromRatios = try SignAccuracy(name: "lr", positiveLikelihoodRatio: 8.75, negativeLikelihoodRatio: 0.125 / 0.9)
        #expect(abs(fromRatios.sensitivity - 0.875) < 1e-14 && abs(fromRatios.specificity - 0.9) < 1e-14)
        let three = try CombinedPostTest(pretest: 0.3, findings: Self.findings(["positive", "positive"]) + [.init(fromRatios, .positive)])
        #expect(matches(three.likelihoodRatio.estimate, 106.640625 * 8.75, relative: 1e-12))
        // Fréchet for three positives with the condition: max(0, 0.875 + 0.8125 + 0.875 − 2) = 0.5625.
        // Without: max(0, 0.1 + 0.0667 + 0.1 − 2) = 0 → upper ∞; lower = 0.5625 / min(0.1, 2/30, 0.1) = 8.4375.
        #expect(matches(three.dependence!.likelihoodRatioLower, 0.5625 / (2.0 / 30.0), relative: 1e-12))
        let single = try CombinedPostTest(pretest: 48.0 / 78.0, findings: [.init(Self.percussion, .positive)])
        #expect(single.dependence == nil)
        // One sign: the log interval equals Mercaldo's logit interval (validated in PublishedCaseTests).
        let mercaldo = try PostTestProbability.from(pretest: 48.0 / 78.0, table: Self.percussion.table!, result: .positive)
        #expect(matches(single.posttest.lower, mercaldo.lower.finiteValue, relative: 1e-12))
        #expect(single.gate.intervalMethod == .monteCarlo)
    }

    @Test(
        "Gate classification follows the thresholds",
        arguments: [
            (0.85, 0.95, GateDecision.Classification.likely), (0.80, 0.95, .likely), (0.05, 0.2, .lessLikely),
            (0.05, 0.21, .indeterminate), (0.3, 0.7, .indeterminate), (0.1, 0.9, .indeterminate),
        ])
    func gate(lower: Double, upper: Double, expected: GateDecision.Classification) {
        #expect(GateDecision(lower: lower, upper: upper, thresholds: .standard, intervalMethod: .monteCarlo).classification == expected)
    }

    @Test("Bad settings are errors naming the value")
    func badSettings() {
        #expect(throws: StatisticsError.self) { try MonteCarloSettings(draws: 10) }
        #expect(throws: StatisticsError.self) { try GateDecision.Thresholds(lower: 0.9, upper: 0.2) }
        #expect(throws: StatisticsError.self) {
            try CombinedPostTest(pretest: 0.5, pretestUncertainty: .beta(alpha: -1, beta: 2), findings: Self.findings(["positive", "positive"]))
        }
        #expect(throws: StatisticsError.self) {
            try CombinedPostTest(pretest: 0.5, pretestUncertainty: .uniform(lower: 0.7, upper: 0.2), findings: Self.findings(["positive", "positive"]))
        }
        #expect(throws: StatisticsError.self) { try SignAccuracy(name: "x", sensitivity: 1.2, specificity: 0.5) }
    }
}

extension CombinationTests {
    @Test("Paired counts whose margins contradict a sign's table are an error")
    func pairedMismatch() throws {
        let paired = try PairedSignsTable(withCondition: [319, 78, 22, 32], withoutCondition: [31, 53, 22, 155])
        #expect(throws: StatisticsError.self) {
            try CombinedPostTest(pretest: 0.3, findings: Self.findings(["positive", "positive"]), dependence: .pairedCounts(paired))
        }
    }
}

@Suite("Quantiles")
struct QuantileTests {
    @Test("Selection gives numpy's default (linear, type 7) quantiles")
    func selection() {
        // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75; numpy.quantile([5, 1, 4, 2, 3], 0.975) = 4.9.
        var four = [4.0, 1, 3, 2]
        #expect(Quantile.of(unsorted: &four, probability: 0.25) == 1.75)
        var five = [5.0, 1, 4, 2, 3]
        #expect(abs(Quantile.of(unsorted: &five, probability: 0.975) - 4.9) < 1e-15)
        var generator = PropertyTests.SplitMix64(state: 9)
        for count in [1, 2, 3, 10, 101, 5000] {
            let values = (0..<count).map { _ in Double(Int.random(in: 0...50, using: &generator)) }  // with ties
            for probability in [0.0, 0.025, 0.5, 0.975, 1.0] {
                var copy = values
                #expect(Quantile.of(unsorted: &copy, probability: probability) == Quantile.of(sorted: values.sorted(), probability: probability))
            }
        }
    }
}

extension CombinationTests {
    @Test("One sign with a zero cell gives exactly the 2×2 path's answer (adjusted logit, Koopman LR)")
    func singleSignZeroCell() throws {
        // Validation V7 table 20/5/0/45, negative result at π = 0.1: bdpv adjusted logit NPV lower 0.9615222,
        // i.e. post-test upper 1 − 0.9615222 = 0.0384778.
        let table = try TwoByTwoTable(truePositives: 20, falsePositives: 5, falseNegatives: 0, trueNegatives: 45)
        let sign = try SignAccuracy(name: "v7", table: table)
        let combined = try CombinedPostTest(pretest: 0.1, findings: [.init(sign, .negative)])
        let direct = try PostTestProbability.from(pretest: 0.1, table: table, result: .negative)
        #expect(combined.posttest == direct)
        #expect(abs(combined.posttest.upper.finiteValue! - (1 - 0.9615222)) < 1e-7)
        #expect(combined.likelihoodRatio.method == .koopman)
    }
}

extension CombinationTests {
    @Test("Contradictory exact signs (LR ∞ × 0) are not estimable, with the widest interval, never NaN")
    func contradictory() throws {
        let perfect = try SignAccuracy(name: "perfect", sensitivity: 1, specificity: 1)
        let inverted = try SignAccuracy(name: "inverted", sensitivity: 0, specificity: 0)
        let result = try CombinedPostTest(pretest: 0.5, findings: [.init(perfect, .positive), .init(inverted, .positive)])
        #expect(result.likelihoodRatio.estimate == .undefined)
        #expect(result.posttest.estimate == .undefined)
        #expect(result.posttest.lower == .finite(0) && result.posttest.upper == .finite(1))
        #expect(result.dependence?.likelihoodRatioLower == .undefined)
        #expect(result.gate.classification == .indeterminate)
    }
}
