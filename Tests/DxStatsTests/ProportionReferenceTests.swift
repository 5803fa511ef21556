import Testing

@testable import DxStats

/// Every proportion interval against R (epiR, prop.test, binom.test) and
/// statsmodels/scipy, to 1e-9 relative.
@Suite("Proportion intervals against independent implementations")
struct ProportionReferenceTests {
    static let epiRCases = (try? ReferenceFile.epiR.get().proportions) ?? []
    static let statsmodelsCases = (try? ReferenceFile.statsmodels.get().proportions) ?? []
    static let exactLargeCountCases = (try? ReferenceFile.exactLargeCounts.get().proportions) ?? []

    @Test("The fixture files are present and not empty")
    func fixturesLoad() throws {
        #expect(try ReferenceFile.epiR.get().proportions.count > 100)
        #expect(try ReferenceFile.statsmodels.get().proportions.count > 100)
        #expect(try ReferenceFile.exactLargeCounts.get().proportions.count > 2_000)
    }

    @Test("R epiR / prop.test / binom.test", arguments: epiRCases)
    func againstR(_ reference: ProportionCase) throws {
        try check(reference)
    }

    @Test("statsmodels proportion_confint / scipy binomtest", arguments: statsmodelsCases)
    func againstStatsmodels(_ reference: ProportionCase) throws {
        try check(reference)
    }

    /// Clopper–Pearson and Jeffreys for n from 1 to 4·10⁶ (cells up to 10⁶), scipy's beta.ppf/isf checked
    /// against R's qbeta and mpmath (scripts/reference/exact_large_counts.py).
    @Test("scipy beta.ppf/isf: exact intervals for counts up to 10⁶ and small ones", arguments: exactLargeCountCases)
    func largeCounts(_ reference: ProportionCase) throws {
        try check(reference)
    }

    private func check(_ reference: ProportionCase) throws {
        let method = try #require(ProportionIntervalMethod(rawValue: reference.method))
        let interval = try Proportion(successes: reference.x, trials: reference.n)
            .interval(method: method, level: ConfidenceLevel(reference.level))
        // Wald and Agresti–Coull references are raw; DxKit clips them to [0, 1].
        let expectedLower = Swift.max(0, Swift.min(1, reference.lower))
        let expectedUpper = Swift.max(0, Swift.min(1, reference.upper))
        #expect(interval.estimate == .finite(reference.estimate) || matches(interval.estimate, reference.estimate))
        #expect(matches(interval.lower, expectedLower), "lower \(interval.lower) vs \(expectedLower)")
        #expect(matches(interval.upper, expectedUpper), "upper \(interval.upper) vs \(expectedUpper)")
    }
}
