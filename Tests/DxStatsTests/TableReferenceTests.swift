import Testing

@testable import DxStats

/// Whole tables against epiR 2.0.x `epi.tests` (Wilson, exact, Jeffreys).
@Suite("2×2 tables against epiR epi.tests")
struct TableReferenceTests {
    static let cases = (try? ReferenceFile.epiR.get().tables) ?? []

    @Test("The epiR table fixtures are present")
    func fixturesLoad() {
        #expect(Self.cases.count > 20)
    }

    @Test("epi.tests measures", arguments: cases)
    func table(_ reference: TableCase) throws {
        let method = try #require(ProportionIntervalMethod(rawValue: reference.method))
        let table = try TwoByTwoTable(
            truePositives: reference.tp, falsePositives: reference.fp,
            falseNegatives: reference.fn, trueNegatives: reference.tn)
        let accuracy = try DiagnosticAccuracy(table: table, level: ConfidenceLevel(reference.level), proportionMethod: method)
        let computed = Dictionary(uniqueKeysWithValues: accuracy.measures.map { ($0.key, $0.value) })
        #expect(!reference.measures.isEmpty)
        // The fixtures use epiR's names for the likelihood ratios (lrPositive, lrNegative).
        let names = ["lrPositive": "positiveLikelihoodRatio", "lrNegative": "negativeLikelihoodRatio"]
        for (fixtureKey, expected) in reference.measures {
            let key = names[fixtureKey] ?? fixtureKey
            let actual = try #require(computed[key], "no measure \(key)")
            // epiR computes LRs only by the log method; zero-cell cases are
            // omitted from the fixture, so every LR here is a log interval.
            if let estimate = expected.estimate {
                #expect(matches(actual.estimate, estimate), "\(key) estimate \(actual.estimate) vs \(estimate)")
            }
            if let lower = expected.lower {
                #expect(matches(actual.lower, lower), "\(key) lower \(actual.lower) vs \(lower)")
            }
            if let upper = expected.upper {
                #expect(matches(actual.upper, upper), "\(key) upper \(actual.upper) vs \(upper)")
            }
        }
    }
}
