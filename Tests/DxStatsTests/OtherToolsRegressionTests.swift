import Testing

@testable import DxStats

/// The bugs and quirks of other tools listed in statistics.md §5: DxKit must
/// not reproduce any of them. Each test names the tool and the wrong output.
@Suite("Other tools' bugs are not reproduced")
struct OtherToolsRegressionTests {
    static let v1 = try! TwoByTwoTable(truePositives: 670, falsePositives: 202, falseNegatives: 74, trueNegatives: 640)
    static let v7 = try! TwoByTwoTable(truePositives: 20, falsePositives: 5, falseNegatives: 0, trueNegatives: 45)

    @Test("OpenEpi: LR interval without sqrt and with tp/tn for n1/n0; z fixed at 1.96")
    func openEpi() throws {
        let table = try TwoByTwoTable(truePositives: 48, falsePositives: 25, falseNegatives: 3, trueNegatives: 33)
        let positive = try LikelihoodRatio.positive(of: table)
        // OpenEpi prints 2.0137–2.3676; the Simel interval is about 1.6119–2.9579 (validation V10).
        #expect(positive.lower.finiteValue! < 1.7 && positive.upper.finiteValue! > 2.9)
        // The level is honoured: 90 % and 99 % intervals differ from the 95 % one.
        let ninety = try LikelihoodRatio.positive(of: table, level: ConfidenceLevel(0.90))
        let ninetyNine = try LikelihoodRatio.positive(of: table, level: ConfidenceLevel(0.99))
        #expect(ninety.upper < positive.upper && positive.upper < ninetyNine.upper)
    }

    @Test("DiagnosisMed 0.2.3: LR+ SE with Sp for Se; Youden interval inverted")
    func diagnosisMed() throws {
        let accuracy = try DiagnosticAccuracy(table: Self.v1)
        // DiagnosisMed prints LR+ 3.3192640–4.2450556; Simel/epiR give 3.3206884355–4.2432346488.
        #expect(abs(accuracy.positiveLikelihoodRatio.lower.finiteValue! - 3.3206884355) < 1e-9)
        #expect(abs(accuracy.positiveLikelihoodRatio.lower.finiteValue! - 3.3192640) > 1e-3)
        // DiagnosisMed prints Youden "[0.6618 – 0.6595]": lower above upper and too narrow.
        let youden = accuracy.youdenIndex
        #expect(youden.lower < youden.estimate && youden.estimate < youden.upper)
        #expect(youden.upper.finiteValue! - youden.lower.finiteValue! > 0.05)
    }

    @Test("DTComPair pv.prev: NPV = 1/(1 + (π/(1−π))/nDLR) and unordered NPV bounds")
    func dtComPair() throws {
        let table = try TwoByTwoTable(truePositives: 397, falsePositives: 84, falseNegatives: 54, trueNegatives: 177)
        let values = try PostTestProbability.predictiveValues(of: table, prevalence: 0.2)
        // DTComPair prints NPV 0.4139; the correct value is 0.9577267 (validation V2).
        #expect(abs(values.negative.estimate.finiteValue! - 0.9577267) < 1e-7)
        #expect(values.negative.lower < values.negative.estimate && values.negative.estimate < values.negative.upper)
    }

    @Test("epiR epi.tests agresti: p̃ reported as the estimate, unclipped, fed into the LRs")
    func epiRAgresti() throws {
        let accuracy = try DiagnosticAccuracy(table: Self.v1, proportionMethod: .agrestiCoull)
        // epiR reports Se 0.8984801812; the estimate is p̂ = 670/744 = 0.9005376344.
        #expect(abs(accuracy.sensitivity.estimate.finiteValue! - 0.9005376344) < 1e-10)
        // epiR-agresti LR+ 3.3217743415–4.2418475124; the LR does not depend on the proportion method.
        #expect(abs(accuracy.positiveLikelihoodRatio.lower.finiteValue! - 3.3206884355) < 1e-9)
        // Clipping: 29/29 has a raw Agresti–Coull upper limit above 1.
        let all = try Proportion(successes: 29, trials: 29).interval(method: .agrestiCoull)
        #expect(all.upper == .finite(1))
        #expect(all.note?.contains("clipped") == true)
    }

    @Test("epiR / statsmodels Jeffreys: no boundary fix (10/10 gives U = 0.999952)")
    func jeffreysBoundary() throws {
        let all = try Proportion(successes: 10, trials: 10).interval(method: .jeffreys)
        #expect(all.upper == .finite(1))
        let none = try Proportion(successes: 0, trials: 10).interval(method: .jeffreys)
        #expect(none.lower == .finite(0))
    }

    @Test("epiR epi.tests zero cells: LR− (0, NaN), DOR (NaN, Inf)")
    func epiRZeroCells() throws {
        let accuracy = try DiagnosticAccuracy(table: Self.v7)
        let negative = accuracy.negativeLikelihoodRatio
        #expect(negative.lower == .finite(0))
        #expect(abs(negative.upper.finiteValue! - 0.1792924388) < 1e-9)  // Koopman, validation V7
        #expect(negative.note != nil)
        let dor = accuracy.diagnosticOddsRatio
        #expect(dor.estimate.finiteValue != nil && dor.lower.finiteValue != nil && dor.upper.finiteValue != nil)
        #expect(dor.method == .woolfAddHalf)
    }

    @Test("epiR epi.nomogram: Monte Carlo without a seed; DxKit's draws repeat for a seed")
    func seededMonteCarlo() {
        let first = SeededRandomSource()
        let second = SeededRandomSource()
        #expect((0..<1000).map { _ in first.uniform() } == (0..<1000).map { _ in second.uniform() })
    }

    @Test("bdpv: with a zero cell the reported PV estimate is the shifted one")
    func bdpvEstimate() throws {
        let values = try PostTestProbability.predictiveValues(of: Self.v7, prevalence: 0.1, method: .adjustedLogit)
        // Unadjusted PPV at π = 0.1 with Se = 1, 1 − Sp = 0.1: 0.1 / (0.1 + 0.09) = 10/19.
        #expect(abs(values.positive.estimate.finiteValue! - 10.0 / 19.0) < 1e-15)
        #expect(values.negative.estimate == .finite(1))
    }
}
