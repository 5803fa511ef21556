import Testing

@testable import DxStats

/// Youden (Wald), DOR (Woolf, +0.5 with zeros), LR +0.5 and Mercaldo's
/// (adjusted) logit post-test intervals against the independent numpy/scipy
/// evaluation in scripts/reference/closed_forms.py.
@Suite("Closed-form measures against numpy/scipy")
struct ClosedFormReferenceTests {
    static let cases = (try? ReferenceFile.loadClosedForms()) ?? []

    @Test("The closed-form fixture is present")
    func fixtureLoads() { #expect(Self.cases.count > 500) }

    @Test("Closed forms", arguments: cases)
    func closedForm(_ reference: ClosedFormCase) throws {
        let table = try TwoByTwoTable(
            truePositives: reference.tp, falsePositives: reference.fp,
            falseNegatives: reference.fn, trueNegatives: reference.tn)
        let level = try ConfidenceLevel(reference.level)
        let interval: IntervalEstimate
        var expectedLower = reference.lower, expectedUpper = reference.upper
        switch reference.measure {
        case "youden": interval = YoudenIndex.of(table, level: level)
        case "diagnosticOddsRatio": interval = DiagnosticOddsRatio.of(table, level: level)
        case "lrPositiveAddHalf":
            interval = try LikelihoodRatio.positive(of: table, zeroCellFallback: .addHalf, level: level)
        case "lrNegativeAddHalf":
            interval = try LikelihoodRatio.negative(of: table, zeroCellFallback: .addHalf, level: level)
        case "posttest":
            let method = try #require(PostTestProbability.IntervalMethod(rawValue: reference.method ?? ""))
            let result = try #require(TestResult(rawValue: reference.result ?? ""))
            interval = try PostTestProbability.from(
                pretest: try #require(reference.pretest), table: table, result: result, method: method, level: level)
            #expect(interval.method.rawValue == method.rawValue)
            // DxKit keeps the unadjusted estimate inside its interval (bdpv does not; statistics.md §5.7).
            if let estimate = reference.estimate {
                expectedLower = Swift.min(expectedLower, estimate)
                expectedUpper = Swift.max(expectedUpper, estimate)
            }
        default:
            Issue.record("unknown measure \(reference.measure)"); return
        }
        if let estimate = reference.estimate {
            #expect(matches(interval.estimate, estimate, relative: 1e-12), "estimate \(interval.estimate) vs \(estimate)")
        } else {
            #expect(interval.estimate == .undefined)
        }
        #expect(matches(interval.lower, expectedLower, relative: 1e-12), "lower \(interval.lower) vs \(expectedLower)")
        #expect(matches(interval.upper, expectedUpper, relative: 1e-12), "upper \(interval.upper) vs \(expectedUpper)")
    }
}
