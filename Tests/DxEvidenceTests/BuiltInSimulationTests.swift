import DxStats
import Testing

@testable import DxEvidence

/// The Monte Carlo simulations compiled into the library (the EmbedEvidence
/// plugin runs them at build time) are exactly what the draws give, and
/// cover every combination of built-in signs they promise to cover.
@Suite("Built-in simulations")
struct BuiltInSimulationTests {
    /// Every ordered choice of one or two different built-in signs with each
    /// result that CombinedPostTest accepts (signs about one target), with
    /// the dependence unknown or independent.
    static func combinations() throws -> [([CombinedPostTest.Finding], SignDependence)] {
        let base = try EvidenceBase.builtIn()
        let signs = try base.records.filter { $0.kind == .diagnosticStudy && $0.counts != nil }.map { try base.sign($0.id) }
        var sequences: [[CombinedPostTest.Finding]] = []
        for first in signs {
            for firstResult in TestResult.allCases {
                sequences.append([.init(first, firstResult)])
                for second in signs where second.name != first.name {
                    for secondResult in TestResult.allCases { sequences.append([.init(first, firstResult), .init(second, secondResult)]) }
                }
            }
        }
        let combinable = sequences.filter { (try? CombinedPostTest(pretest: 0.3, findings: $0, monteCarlo: try MonteCarloSettings(draws: 1_000))) != nil }
        return combinable.flatMap { findings in [(findings, .unknown), (findings, .independent)] }
    }

    @Test("Every combination of built-in signs with the standard settings is precomputed, and nothing else")
    func coverage() throws {
        let combinations = try Self.combinations()
        #expect(combinations.count >= 16)  // the two Langdon signs alone give 12 sequences × 2 dependences
        for (findings, dependence) in combinations {
            #expect(
                PrecomputedSimulation.isRegistered(findings: findings, dependence: dependence, level: .ninetyFivePercent, settings: .standard),
                "\(findings.map { "\($0.sign.name)=\($0.result)" }) \(dependence) was not precomputed")
        }
        #expect(BuiltInEvidence.simulations.count == combinations.count)
    }

    @Test("Each precomputed simulation is bit for bit the simulation the draws give")
    func identicalToDraws() throws {
        let builtIn = Set(try BuiltInEvidence.simulations.map { try PrecomputedSimulation(encoded: $0) })
        #expect(builtIn.count == BuiltInEvidence.simulations.count)
        for (findings, dependence) in try Self.combinations() {
            // PrecomputedSimulation.init always draws (it does not consult the registered ones).
            let drawn = try PrecomputedSimulation(findings: findings, dependence: dependence, level: .ninetyFivePercent, settings: .standard)
            #expect(builtIn.contains(drawn), "\(findings.map { "\($0.sign.name)=\($0.result)" }) \(dependence)")
        }
    }
}
