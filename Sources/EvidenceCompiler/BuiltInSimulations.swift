import DxEvidenceFormat
import DxStats

/// The Monte Carlo simulations of the built-in signs, run when the library
/// is built so that a bedside query on the built-in evidence does no draws
/// at run time (``PrecomputedSimulation``, registered by
/// `EvidenceBase.builtIn()`).
///
/// Precomputed: every ordered choice of one or two different diagnostic
/// studies about the same target condition (signs about different targets
/// do not combine), each result positive or negative, with the dependence
/// unknown (the default) or independent, a pretest known exactly, the
/// standard settings (20,000 draws, the default seed) and the 95 % level.
/// Anything else (three signs, another level, seed or number of draws, an
/// uncertain pretest, a stated correlation) is drawn at run time, with the
/// same answer.
enum BuiltInSimulations {
    /// The most signs in a precomputed combination.
    static let maximumSigns = 2

    static let dependences: [SignDependence] = [.unknown, .independent]

    /// The encoded simulations, in a fixed order.
    static func precompute(_ records: [EvidenceRecord]) throws -> [[UInt64]] {
        var groups: [(target: String, signs: [SignAccuracy])] = []
        for record in records where record.kind == .diagnosticStudy {
            guard let counts = record.counts, let target = record.targetCondition else { continue }
            let table = try TwoByTwoTable(
                truePositives: counts.truePositives, falsePositives: counts.falsePositives, falseNegatives: counts.falseNegatives,
                trueNegatives: counts.trueNegatives)
            let sign = try SignAccuracy(name: record.id, table: table)
            if let index = groups.firstIndex(where: { $0.target == target }) {
                groups[index].signs.append(sign)
            } else {
                groups.append((target, [sign]))
            }
        }
        var encoded: [[UInt64]] = []
        for group in groups {
            for findings in orderedFindings(of: group.signs) {
                for dependence in dependences {
                    let simulation = try PrecomputedSimulation(
                        findings: findings, dependence: dependence, level: .ninetyFivePercent, settings: .standard)
                    guard let words = simulation.encoded else { continue }
                    encoded.append(words)
                }
            }
        }
        return encoded
    }

    /// Every ordered sequence of one to ``maximumSigns`` different signs, with every result.
    static func orderedFindings(of signs: [SignAccuracy]) -> [[CombinedPostTest.Finding]] {
        var sequences: [[CombinedPostTest.Finding]] = [[]]
        var all: [[CombinedPostTest.Finding]] = []
        for _ in 0..<min(maximumSigns, signs.count) {
            sequences = sequences.flatMap { sequence in
                signs.filter { sign in !sequence.contains { $0.sign.name == sign.name } }.flatMap { sign in
                    TestResult.allCases.map { sequence + [CombinedPostTest.Finding(sign, $0)] }
                }
            }
            all += sequences
        }
        return all
    }
}
