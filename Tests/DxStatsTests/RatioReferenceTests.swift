import Testing

@testable import DxStats

/// Log (Katz/Simel) and Koopman score intervals for a ratio of proportions
/// against statsmodels `confint_proportions_2indep(compare='ratio')`.
@Suite("Ratio intervals against independent implementations")
struct RatioReferenceTests {
    static let cases =
        ((try? ReferenceFile.statsmodels.get().ratios) ?? []) + ((try? ReferenceFile.epiR.get().ratios) ?? [])
        + ((try? ReferenceFile.koopmanBoundary.get().ratios) ?? []) + ((try? ReferenceFile.koopmanEveryTable.get().ratios) ?? [])

    @Test("The ratio fixtures are present")
    func fixturesLoad() throws {
        #expect(Self.cases.count > 50)
        #expect(try ReferenceFile.koopmanEveryTable.get().ratios.count > 500)
    }

    @Test("statsmodels score (Koopman) and log ratio intervals", arguments: cases)
    func ratio(_ reference: RatioCase) throws {
        let ratio = ProportionRatio(
            numerator: try Proportion(successes: reference.x1, trials: reference.n1),
            denominator: try Proportion(successes: reference.x2, trials: reference.n2))
        let level = try ConfidenceLevel(reference.level)
        let interval: IntervalEstimate
        switch reference.method {
        case "log": interval = try #require(ratio.logInterval(level: level))
        case "koopman": interval = try ratio.koopmanInterval(level: level)
        default: Issue.record("unknown method \(reference.method)"); return
        }
        if let estimate = reference.estimate {
            #expect(matches(interval.estimate, estimate), "estimate \(interval.estimate) vs \(estimate)")
        }
        // Root-finding tolerance leaves ~1e-12; 1e-9 relative is the bar. With an arm of a million
        // or more, U(φ) in double precision carries about n·ε of rounding near a proportion of 1
        // (the reference evaluates it in 50 digits), so the bar there is 1e-7.
        let tolerance = Swift.max(reference.n1, reference.n2) >= 1_000_000 ? 1e-7 : 1e-9
        #expect(
            matches(interval.lower, reference.lower ?? 0, relative: tolerance),
            "lower \(interval.lower) vs \(String(describing: reference.lower))")
        #expect(
            matches(interval.upper, reference.upper, relative: tolerance), "upper \(interval.upper) vs \(String(describing: reference.upper))")
    }
}
